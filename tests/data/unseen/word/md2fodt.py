#!/usr/bin/env python3
"""Turns a hand-written document source (ID.src.txt) into a LibreOffice flat
ODT (ID.fodt) that `soffice --headless --convert-to pdf` prints like a Word
document. Only layout lives here; every word and figure is in the source.

Source lines:
  @font NAME SIZEpt      body font       @rules grid|lines|none   table borders
  @shade #RRGGBB         header shading  @tabs 6cm 8.5cm ...      right tab stops
  @pagebreak             @widths 1.2 4.8 ...  column widths in cm of the next table only
  @header TEXT / @footer TEXT   running page header / footer ({page} = page number)
  = Title   == Heading   === Subheading
  | a | b | c |          table row (consecutive rows = one table; first = header)
  |! a | b |             bold row (sums)
  |# a | b |             another header row (shaded, bold) under the first (w35)
  > a<TAB>b<TAB>c        paragraph laid out with the @tabs (use \\t for TAB)
  >. a<TAB>b<TAB>c       the same with a dotted leader up to the first tab stop (w27)
  @image FILE.png 15cm   a picture (a pasted screenshot) as wide as given, in its own paragraph (w28)
  @columns 2 / @columnbreak / @columns 1   a section of two newspaper columns, a break to the
                         next column, back to one (w29: tables side by side)
  | ^3 Intäkter | a |    a cell merged down over 3 rows, its text centred vertically; the rows
  | ^ | b |              below hold "^" where it covers them (w30)
  @repeathead            the next table's first row is a heading row Writer repeats on every page
                         the table runs over (w32)
  | <2 Plan | < |        a cell merged across 2 columns, its text centred; the cells it covers
                         hold "<" (w35: one kind over several years)
  @valign bottom         the next table's cells set their text at the bottom (a wrapped label's
                         figures on its last line, w42)
  a^{1}                  a superscript (a footnote mark), in a paragraph or a cell (w42)
  @numalign center       the next table's figures, and the heads over them, centred in their
                         cells instead of set right (w45)
  anything else          a paragraph; blank lines end tables
"""
import base64, os, re, struct, sys
from xml.sax.saxutils import escape as xml_escape

SUP = re.compile(r'\^\{([^}]*)\}')

def escape(text):
    """XML-escapes text and sets ^{…} as a superscript span (a footnote mark)."""
    return SUP.sub(lambda m: '<text:span text:style-name="Sup">%s</text:span>' % m.group(1), xml_escape(text))

NUM = re.compile(r'^(?:[-−–+]?\s?[\d \u00a0\u202f\u2009.]+(,\d+)?\s?%?|[\d \u00a0\u202f]+ tkr|\([\d \u00a0]+(,\d+)?\)|[\d \u00a0]+ kr|[\d \u00a0]+(,\d+)?-|[-−–])$')  # no-break, narrow and thin spaces (and periods) group thousands too (w41: U+2009); an accountant's (1 234), "1 234 kr" and a nil dash are figures too (w14), and an accounting export's trailing minus "9 400-" (w16)

def main(src, out):
    font, size, rules, shade, tabs = 'Liberation Sans', '10pt', 'grid', '#ffffff', []
    running = {}  # 'header' / 'footer' -> text
    body, styles = [], []
    table, bold, head = [], [], []
    tcount = [0]
    widths = []  # @widths: the next table's column widths (cm), then reset
    numalign = ['R']  # @numalign center: the next table's figures centred (w45)
    valign = ['']  # @valign bottom: the next table's cells align their text at the bottom (w42)
    repeat = [False]  # @repeathead: the next table's first row repeats on each page (w32)
    sections = [0, 0]  # a two-column section open?, sections so far
    def flush():
        if not table:
            return
        tcount[0] += 1
        n = max(len(r) for r in table)
        tn = 'T%d' % tcount[0]
        first = 5.5
        rest = (16.5 - first) / max(1, n - 1)
        # @widths set the table's width too (w18: a table narrower than the text, so its value cells wrap).
        width = sum(float(w) for w in widths) if len(widths) == n else 16.5
        styles.append('<style:style style:name="%s" style:family="table"><style:table-properties style:width="%.2fcm" table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>' % (tn, width))
        styles.append('<style:style style:name="%s.A" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm"/></style:style>' % (tn, first))
        styles.append('<style:style style:name="%s.B" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm"/></style:style>' % (tn, rest))
        x = ['<table:table table:name="Tabell%d" table:style-name="%s">' % (tcount[0], tn)]
        if len(widths) == n:
            for c, w in enumerate(widths):
                styles.append('<style:style style:name="%s.W%d" style:family="table-column"><style:table-column-properties style:column-width="%scm"/></style:style>' % (tn, c, w))
                x.append('<table:table-column table:style-name="%s.W%d"/>' % (tn, c))
        else:
            x += ['<table:table-column table:style-name="%s.A"/>' % tn,
                  '<table:table-column table:style-name="%s.B" table:number-columns-repeated="%d"/>' % (tn, n - 1)]
        widths.clear()
        # A header cell aligns as its column's figures do (right over
        # figures, left over text).
        bare = lambda v: SUP.sub('', v)  # a figure with a footnote mark is still a figure
        numeric = [sum(1 for r in table[1:] if c < len(r) and r[c] and NUM.match(bare(r[c]))) >
                   sum(1 for r in table[1:] if c < len(r) and r[c] and not NUM.match(bare(r[c]))) for c in range(n)]
        for i, row in enumerate(table):
            if i == 0 and repeat[0]:
                x.append('<table:table-header-rows>')
            x.append('<table:table-row>')
            for c in range(n):
                v = row[c] if c < len(row) else ''
                if v in ('^', '<'):
                    x.append('<table:covered-table-cell/>')
                    continue
                span = re.match(r'\^(\d+) (.*)$', v)
                if span:
                    v = span.group(2)
                across = re.match(r'<(\d+) (.*)$', v)
                if across:
                    v = across.group(2)
                hd = i == 0 or head[i]
                cs = 'CH' if hd else ('CB' if bold[i] else 'C')
                if span:
                    cs += 'M'
                elif valign[0]:
                    cs += 'V'
                num = c > 0 and (NUM.match(bare(v)) or (hd and numeric[c]))
                ps = ('PH' if hd else ('PB' if bold[i] else 'P')) + ('C' if across else numalign[0] if num else 'L')
                x.append('<table:table-cell table:style-name="%s"%s%s office:value-type="string"><text:p text:style-name="%s">%s</text:p></table:table-cell>' % (
                    cs, (' table:number-rows-spanned="%s"' % span.group(1)) if span else '',
                    (' table:number-columns-spanned="%s"' % across.group(1)) if across else '', ps, escape(v)))
            x.append('</table:table-row>')
            if i == 0 and repeat[0]:
                x.append('</table:table-header-rows>')
        repeat[0] = False
        valign[0] = ''
        numalign[0] = 'R'
        x.append('</table:table>')
        body.append('\n'.join(x))
        table.clear(); bold.clear(); head.clear()
    for line in open(src, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('|'):
            b = line.startswith('|!')
            h = line.startswith('|#')
            cells = [c.strip() for c in line[2 if b or h else 1:].rstrip('|').split('|')]
            table.append(cells); bold.append(b); head.append(h)
            continue
        flush()
        if line.startswith('@font'):
            _, f, size = line.rsplit(' ', 2) if False else (None, ' '.join(line.split()[1:-1]), line.split()[-1])
            font = f
        elif line.startswith('@rules'):
            rules = line.split()[1]
        elif line.startswith('@shade'):
            shade = line.split()[1]
        elif line.startswith('@tabs'):
            tabs = line.split()[1:]
        elif line.startswith('@header ') or line.startswith('@footer '):
            running[line[1:7]] = line[8:]
        elif line.startswith('@numalign'):
            numalign[0] = 'C' if line.split()[1] == 'center' else 'R'
        elif line.startswith('@valign'):
            valign[0] = line.split()[1]
        elif line.startswith('@repeathead'):
            repeat[0] = True
        elif line.startswith('@widths'):
            widths[:] = line.split()[1:]
        elif line.startswith('@image '):
            _, name, width = line.split()
            path = os.path.join(os.path.dirname(os.path.abspath(src)), name)
            data = open(path, 'rb').read()
            pw, ph = struct.unpack('>II', data[16:24])  # PNG IHDR
            wcm = float(width.rstrip('cm'))
            body.append('<text:p text:style-name="Body"><draw:frame draw:name="%s" text:anchor-type="as-char" '
                        'svg:width="%.2fcm" svg:height="%.2fcm"><draw:image><office:binary-data>%s</office:binary-data>'
                        '</draw:image></draw:frame></text:p>' % (escape(name), wcm, wcm * ph / pw, base64.b64encode(data).decode()))
        elif line.startswith('@columns'):
            if sections[0]:
                body.append('</text:section>')
                sections[0] = 0
            if int(line.split()[1]) > 1:
                sections[1] += 1
                body.append('<text:section text:name="Columns%d" text:style-name="Cols2">' % sections[1])
                sections[0] = 1
        elif line.startswith('@columnbreak'):
            body.append('<text:p text:style-name="ColBreak"/>')
        elif line.startswith('@pagebreak'):
            body.append('<text:p text:style-name="Break"/>')
        elif line.startswith('=== '):
            body.append('<text:h text:style-name="H2" text:outline-level="2">%s</text:h>' % escape(line[4:]))
        elif line.startswith('== '):
            body.append('<text:h text:style-name="H1" text:outline-level="1">%s</text:h>' % escape(line[3:]))
        elif line.startswith('= '):
            body.append('<text:p text:style-name="Title">%s</text:p>' % escape(line[2:]))
        elif line.startswith('>. '):
            parts = [escape(p) for p in line[3:].split('\\t')]
            body.append('<text:p text:style-name="Leaders">%s</text:p>' % '<text:tab/>'.join(parts))
        elif line.startswith('> '):
            parts = [escape(p) for p in line[2:].split('\\t')]
            body.append('<text:p text:style-name="Tabs">%s</text:p>' % '<text:tab/>'.join(parts))
        elif line.strip():
            body.append('<text:p text:style-name="Body">%s</text:p>' % escape(line))
    flush()
    if sections[0]:
        body.append('</text:section>')
    line_border = '0.5pt solid #000000'
    if rules == 'grid':
        c = h = b = 'fo:border="%s"' % line_border
    elif rules == 'lines':
        c = 'fo:border="none"'
        h = 'fo:border-top="none" fo:border-left="none" fo:border-right="none" fo:border-bottom="%s"' % line_border
        b = 'fo:border-bottom="none" fo:border-left="none" fo:border-right="none" fo:border-top="%s"' % line_border
    else:
        c = h = b = 'fo:border="none"'
    def run(kind):
        if kind not in running:
            return ''
        parts = [escape(p) for p in running[kind].split('{page}')]
        return '<style:%s><text:p text:style-name="Running">%s</text:p></style:%s>' % (
            kind, '<text:page-number text:select-page="current">1</text:page-number>'.join(parts), kind)
    runstyle = ''.join('<style:%s-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-%s="0.3cm"/></style:%s-style>'
                       % (k, 'bottom' if k == 'header' else 'top', k) for k in ('header', 'footer') if k in running)
    tabstops = ''.join('<style:tab-stop style:position="%s" style:type="right"/>' % t for t in tabs)
    leaderstops = ''.join('<style:tab-stop style:position="%s" style:type="right"%s/>'
                          % (t, ' style:leader-style="dotted" style:leader-text="."' if i == 0 else '')
                          for i, t in enumerate(tabs))
    doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="{font}" svg:font-family="'{font}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.15cm"/><style:text-properties style:font-name="{font}" fo:font-size="{size}" fo:language="sv" fo:country="SE"/></style:default-style>
<style:style style:name="Body" style:family="paragraph"/>
<style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
<style:style style:name="Running" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0cm"/><style:text-properties fo:font-size="8pt" fo:color="#555555"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:margin-top="2cm" fo:margin-bottom="0.6cm"/><style:text-properties fo:font-size="20pt" fo:font-weight="bold"/></style:style>
<style:style style:name="H1" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold" fo:color="#1f3864"/></style:style>
<style:style style:name="H2" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="11pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Tabs" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.05cm"><style:tab-stops>{tabstops}</style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="Leaders" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.05cm"><style:tab-stops>{leaderstops}</style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="PL" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0cm"/></style:style>
<style:style style:name="PR" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0cm" fo:text-align="end"/></style:style>
<style:style style:name="PBL" style:family="paragraph" style:parent-style-name="PL"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="PBR" style:family="paragraph" style:parent-style-name="PR"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="PHL" style:family="paragraph" style:parent-style-name="PL"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="PHR" style:family="paragraph" style:parent-style-name="PR"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="PC" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0cm" fo:text-align="center"/></style:style>
<style:style style:name="PBC" style:family="paragraph" style:parent-style-name="PC"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="PHC" style:family="paragraph" style:parent-style-name="PC"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2cm"/>{runstyle}</style:page-layout>
<style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="ColBreak" style:family="paragraph"><style:paragraph-properties fo:break-before="column" fo:margin-bottom="0cm"/></style:style>
<style:style style:name="Cols2" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>
<style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" {c}/></style:style>
<style:style style:name="CH" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:background-color="{shade}" {h}/></style:style>
<style:style style:name="CB" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" {b}/></style:style>
<style:style style:name="CM" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" style:vertical-align="middle" {c}/></style:style>
<style:style style:name="CBM" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" style:vertical-align="middle" {b}/></style:style>
<style:style style:name="CHM" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" style:vertical-align="middle" fo:background-color="{shade}" {h}/></style:style>
<style:style style:name="CV" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" style:vertical-align="bottom" {c}/></style:style>
<style:style style:name="CBV" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" style:vertical-align="bottom" {b}/></style:style>
<style:style style:name="CHV" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" style:vertical-align="bottom" fo:background-color="{shade}" {h}/></style:style>
{chr(10).join(styles)}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">{run('header')}{run('footer')}</style:master-page></office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body>
</office:document>
'''
    open(out, 'w', encoding='utf-8').write(doc)

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
