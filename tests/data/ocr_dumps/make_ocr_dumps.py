#!/usr/bin/env python3
"""Makes the English-model OCR text dumps of tests/extractors/ocr_dump_test.cc.

Test-generation only (not part of the product). Each table below is typeset
borderless into a one-page PDF (Helvetica, figures right-aligned under their
year, a wide gap between the label column and the figures), rendered with
pdftoppm and read by Tesseract's English model with page segmentation modes
3, 4 and 6 (OMP_THREAD_LIMIT=1). Writes for each variant
  <name>.psm<N>.txt   the OCR dump, exactly as Tesseract printed it
  <name>.truth.tsv    label<TAB>year<TAB>value (printed units) of every figure
Needs poppler-utils and tesseract-ocr-eng (scripts/setup.sh). Run from
tests/data/ocr_dumps/:  python3 make_ocr_dumps.py
The dumps depend on the Tesseract version; they are committed, not
regenerated in CI.
"""
import os
import subprocess
import tempfile
import zlib

# (name, title, years, rows, font size, label-to-figures gap in points, column pitch)
# rows: (label, [values] or None for a section heading)
TABLES = [
    ("budget_a", "Budget 2021-2023, tkr", [2021, 2022, 2023], [
        ("Intäkter", None),
        ("Statliga medel", [4200, 4300, 4300]),
        ("Region Västernorrland", [2100, 2150, 2150]),
        ("Kommunerna", [2100, 2150, 2150]),
        ("Summa intäkter", "sum"),
        ("Kostnader", None),
        ("Insatser", [6050, 6210, 6150]),
        ("Personalkostnader", [2480, 2540, 2600]),
        ("Övriga kostnader", [420, 430, 440]),
        ("Summa kostnader", "sum"),
        ("Årets resultat", "result"),
    ], 10, 160, 60),
    ("budget_b", "Resultatbudget (tkr)", [2020, 2021, 2022], [
        ("Intäkter", None),
        ("Försäkringskassan", [5150, 5150, 5150]),
        ("Region Uppsala", [2575, 2575, 2575]),
        ("Kommunerna", [2575, 2575, 2575]),
        ("Summa intäkter", "sum"),
        ("Kostnader", None),
        ("Beviljade insatser", [7310, 6900, 6850]),
        ("Personal", [2890, 2950, 3010]),
        ("Lokaler", [310, 320, 330]),
        ("Administration", [445, 455, 465]),
        ("Summa kostnader", "sum"),
        ("Resultat", "result"),
    ], 11, 200, 70),
    ("budget_c", "Verksamhetsplan med budget 2022 och plan 2023-2024", [2022, 2023, 2024], [
        ("Intäkter", None),
        ("Medlemsavgifter", [12600, 12600, 12900]),
        ("Ränteintäkter", [12, 10, 10]),
        ("Summa intäkter", "sum"),
        ("Kostnader", None),
        ("Samverkansinsatser", [9875, 9500, 9700]),
        ("Personalkostnader", [2950, 3030, 3110]),
        ("Övriga externa kostnader", [785, 800, 815]),
        ("Summa kostnader", "sum"),
        ("Årets resultat", "result"),
    ], 10, 220, 64),
    ("budget_d", "Budget 2019-2021 (tkr)", [2019, 2020, 2021], [
        ("Intäkter", None),
        ("Staten", [3100, 3100, 3150]),
        ("Region", [1550, 1550, 1575]),
        ("Kommuner", [1550, 1550, 1575]),
        ("Summa intäkter", "sum"),
        ("Kostnader", None),
        ("Insatsmedel", [4810, 4500, 4600]),
        ("Personalkostnader", [1380, 1420, 1460]),
        ("Övrigt", [260, 270, 280]),
        ("Summa kostnader", "sum"),
        ("Resultat", "result"),
    ], 12, 180, 76),
    ("budget_e", "Budget 2023-2025, tkr", [2023, 2024, 2025], [
        ("Intäkter", None),
        ("Försäkringskassan", [8200, 8200, 8400]),
        ("Region Dalarna", [4100, 4100, 4200]),
        ("Kommunerna", [4100, 4100, 4200]),
        ("Övriga intäkter", [150, 0, 0]),
        ("Summa intäkter", "sum"),
        ("Kostnader", None),
        ("Insatser", [12930, 12400, 12700]),
        ("Personal", [3220, 3310, 3400]),
        ("Övriga kostnader", [700, 690, 700]),
        ("Summa kostnader", "sum"),
        ("Årets resultat", "result"),
    ], 9, 190, 56),
]

W_DIGIT, W_SPACE, W_MINUS = 556, 278, 333


def fmt(v):
    s = f"{abs(v):,}".replace(",", " ")
    return ("-" if v < 0 else "") + s


def width(text, size):
    w = 0
    for ch in text:
        w += W_DIGIT if ch.isdigit() else W_SPACE if ch == " " else W_MINUS
    return w * size / 1000.0


def esc(text):
    b = text.encode("cp1252")
    return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def resolve(rows, ncols):
    """Fills in Summa and result rows; returns [(label, values or None)]."""
    out, section, sums = [], [], {}
    for label, vals in rows:
        if vals is None:
            section = []
            out.append((label, None))
        elif vals == "sum":
            s = [sum(v[i] for v in section) for i in range(ncols)]
            sums[len(sums)] = s
            out.append((label, s))
        elif vals == "result":
            out.append((label, [sums[0][i] - sums[1][i] for i in range(ncols)]))
        else:
            section.append(vals)
            out.append((label, vals))
    return out


def page_pdf(ops):
    content = zlib.compress(ops)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def table_ops(title, years, rows, size, gap, pitch):
    ops = b""
    x0, y = 72, 760
    lead = size * 1.9

    def text(x, y, t, bold=False):
        return b"BT /F%d %d Tf %.2f %.2f Td (" % (2 if bold else 1, size, x, y) + esc(t) + b") Tj ET\n"

    ops += text(x0, y, title, True)
    y -= lead * 1.6
    right = [x0 + gap + pitch * (i + 1) for i in range(len(years))]
    for i, yr in enumerate(years):
        ops += text(right[i] - width(str(yr), size), y, str(yr), True)
    y -= lead
    for label, vals in rows:
        bold = vals is None or label.startswith(("Summa", "Årets", "Resultat"))
        ops += text(x0, y, label, bold)
        if vals:
            for i, v in enumerate(vals):
                t = fmt(v)
                ops += text(right[i] - width(t, size), y, t, bold)
        y -= lead * (1.4 if vals is None else 1)
    return ops


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory() as tmp:
        for name, title, years, rows, size, gap, pitch in TABLES:
            rows = resolve(rows, len(years))
            with open(os.path.join(here, name + ".truth.tsv"), "w", encoding="utf-8") as f:
                for label, vals in rows:
                    for yr, v in zip(years, vals or []):
                        f.write(f"{label}\t{yr}\t{v}\n")
            pdf = os.path.join(tmp, name + ".pdf")
            with open(pdf, "wb") as f:
                f.write(page_pdf(table_ops(title, years, rows, size, gap, pitch)))
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", pdf,
                            os.path.join(tmp, name)], check=True)
            for psm in (3, 4, 6):
                out = os.path.join(here, f"{name}.psm{psm}")
                subprocess.run(["tesseract", os.path.join(tmp, name + ".png"), out, "-l", "eng",
                                "--psm", str(psm)], check=True, env=env, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
