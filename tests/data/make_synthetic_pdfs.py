#!/usr/bin/env python3
"""Writes the small synthetic PDFs of tests/pipeline/page_evidence_test.cc.

Born-digital pages whose ink the old page decision took for text without a
text layer: a table with dark shaded cells (white text on dark fills) and a
vector bar chart. One page whose picture holds text the layer lacks: a short
text layer over an image of text-like strokes. Run from tests/data/:
  python3 make_synthetic_pdfs.py
"""
import zlib

PROSE = [
    "Samordningsförbundet har under året arbetat med förberedande insatser för",
    "personer som står långt från arbetsmarknaden. Förbundets medlemmar är",
    "kommunerna, regionen, Försäkringskassan och Arbetsförmedlingen. Målgruppen",
    "är individer i åldern 16 till 64 år som behöver samordnade insatser för att",
    "nå egen försörjning. Under året har styrelsen sammanträtt sex gånger och",
    "beslutat om fördelning av medel till insatser i samtliga kommuner.",
]


def esc(text):
    b = text.encode("cp1252")
    return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_op(x, y, size, text, gray=0.0):
    return b"BT /F1 %d Tf %.2f g %d %d Td (" % (size, gray, x, y) + esc(text) + b") Tj ET\n"


def write_pdf(path, content, xobjects=b"", extra_objs=()):
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> " + xobjects + b">> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ] + list(extra_objs)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def prose(y):
    c = b""
    for line in PROSE:
        c += text_op(50, y, 10, line)
        y -= 14
    return c, y


def shaded_table():
    c, y = prose(790)
    y -= 20
    rows = [("Intäkter", "2 221", "2 222", "2 300"), ("Kommunerna", "1 100", "1 150", "1 200"),
            ("Regionen", "1 100", "1 150", "1 200"), ("Försäkringskassan", "2 200", "2 300", "2 400"),
            ("Arbetsförmedlingen", "2 200", "2 300", "2 400"), ("Summa intäkter", "6 621", "6 922", "7 200")]
    for r, row in enumerate(rows):
        # Header and total rows on dark fills with white text; body rows on a
        # mid-gray fill (Word's "shading"), every other row.
        fill = 0.15 if r in (0, len(rows) - 1) else (0.45 if r % 2 else 0.9)
        c += b"%.2f g 45 %d 505 22 re f\n" % (fill, y - 7)
        tg = 1.0 if fill < 0.5 else 0.0
        c += text_op(50, y, 10, row[0], tg)
        for k, v in enumerate(row[1:]):
            c += text_op(330 + 70 * k, y, 10, v, tg)
        y -= 22
    c += text_op(50, y - 20, 10, "Tabellen visar förbundets intäkter per år i tusental kronor.")
    return c


def vector_chart():
    c, y = prose(790)
    y -= 30
    base = y - 300
    c += b"0 G 1 w 80 %d m 80 %d l S 80 %d m 540 %d l S\n" % (base, y, base, base)
    for k in range(12):
        h = 40 + (k * 37) % 230
        c += b"0.1 0.2 0.5 rg %d %d 28 %d re f\n" % (95 + 37 * k, base, h)
        c += b"0.8 0.1 0.1 RG 2 w %d %d m %d %d l S\n" % (95 + 37 * k, base + h // 2, 132 + 37 * k,
                                                         base + (h + 60) // 2)
    # Dark pie-chart-like filled disc (Bézier circle) beside a legend.
    cx, cy, r, k = 470, base - 60, 40, 22
    c += (b"0.2 0.2 0.2 rg %d %d m %d %d %d %d %d %d c %d %d %d %d %d %d c %d %d %d %d %d %d c "
          b"%d %d %d %d %d %d c f\n" % (cx + r, cy, cx + r, cy + k, cx + k, cy + r, cx, cy + r, cx - k, cy + r,
                                        cx - r, cy + k, cx - r, cy, cx - r, cy - k, cx - k, cy - r, cx, cy - r,
                                        cx + k, cy - r, cx + r, cy - k, cx + r, cy))
    for k2, label in enumerate(["2019", "2020", "2021", "2022"]):
        c += text_op(95 + 111 * k2, base - 15, 9, label)
    c += text_op(50, base - 130, 10, "Diagrammet visar antal deltagare per månad och kön.")
    return c


def image_of_text():
    # 400 x 300 px gray image of text-like strokes: rows of short vertical
    # strokes (glyph stems) in words, drawn at 400 x 300 pt.
    w, h = 400, 300
    px = bytearray([255]) * (w * h)
    for line in range(14):
        y0 = 12 + line * 20
        x = 10
        word = 0
        while x < w - 20:
            length = 4 + (line * 7 + word * 3) % 6
            for g in range(length):
                for yy in range(y0, y0 + 9):
                    px[yy * w + x] = 0
                    px[yy * w + x + 1] = 0
                if g % 2 == 0:
                    for xx in range(x, x + 4):
                        px[(y0 + 8) * w + xx] = 0
                x += 5
            x += 8
            word += 1
    data = zlib.compress(bytes(px))
    img = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
           b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(data)) + data +
           b"\nendstream")
    c = text_op(50, 790, 14, "Bilaga: protokollsutdrag")
    c += b"q 400 0 0 300 80 380 cm /Im1 Do Q\n"
    return c, img


if __name__ == "__main__":
    write_pdf("shaded_table.pdf", shaded_table())
    write_pdf("vector_chart.pdf", vector_chart())
    content, img = image_of_text()
    write_pdf("image_of_text.pdf", content, b"/XObject << /Im1 6 0 R >> ", [img])
