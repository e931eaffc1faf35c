// The made-up Word documents (tests/data/unseen/word/) as image-only scans:
// 200–300 dpi, slightly rotated, speckled, 1-bit, read by finsam's own OCR.
// Slow (label ocr). Floors = what was measured when committed.
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/layout_score.h"
#include "tests/support/word_documents.h"

namespace finsam {
namespace {

TEST(WordDocumentsOcrTest, ScansAtLeastBaseline) {
  std::vector<Scored> scored = ScoreWordDocuments(".scan.pdf");
  ASSERT_EQ(scored.size(), 48u);
  layout::Totals t = SumScores(scored);
  PrintTotals("word scans", t);
  // Measured when committed (main → now): recall 0.553 → 0.665 (177/266),
  // precision 0.754 → 0.906 (164/181), metadata 3/3. Of the 17 wrong `ok`
  // facts, 13 have the right amount, year and kind under a label OCR
  // misread (Försäkringskåssan, Halisbergs, Regiori, Summia, Förutbetälda);
  // 4 are driftredovisning figures read one column off or misread
  // (11 500 060). Below issue 16's 0.995: floors, to be raised.
  // Since OCR erases a grid's lines only (LinesToErase), w1's statement
  // rules stay on the page: 177 → 174 (precision 0.903); the same change
  // took the real brf scans from 261 to 268 of 343 facts.
  // Then (2026-12-01): misread labels rebuilt or flagged
  // (normalizers/ocr_misreads.h), a bare year beside the same year's named
  // kind inferred and suspect, header years from a years row or their
  // place, border strokes stripped from headers, specks dropped:
  // 174 → 242 (0.910), precision 0.903 → 1.000 (200 `ok`, 0 wrong); with
  // the garbled-word re-read merged beside them: 243 (0.914), 212 `ok`.
  // Session 26 (a count column read with OCR's quotes and lost spaces, a
  // figure's one OCR reading loaded where no check on it can be evaluated,
  // a speck after a figure): 253 (0.951), precision 1.000.
  // Session 27 adds w4 (80 facts, written after the rules it measures):
  // 66/80, precision 0.894, before the rules it called for; 77/80 after;
  // all four 330/346 (0.954), precision 1.000. w5 (shaded header, 1-bit)
  // is read 0/63: its header comes out as junk ("Pian 2027 RE Plan 2028
  // LS"); all five 330/409, precision 1.000.
  // Session 28 (specks removed on a page strewn with them, kind words read
  // one letter wrong, decimal commas read as points or colons, a Totalt's
  // own years, an OCR word reaching into the next line): 393/409 (0.961),
  // precision 1.000; w5 62/63.
  // Session 29 (a figure group whose box took in a table rule, ri read as
  // n in a label, a Summa kostnader beside an income row, an unreadable
  // figure solved together with a clean misread beside it, specks read as
  // ':' in a thousands space): 405/409 (0.990), precision 1.000. w6
  // (borderless, written after those rules): 74/78 with 9 wrong `ok`
  // before the rules it called for, 77/78 after; all six 482/487.
  // w7 (a delårsrapport at 180 dpi, written after session 30's rules):
  // 43/67, precision 1.000, 52 of 64 found facts suspect (its unit sentence
  // read "tuséntal kronor"); 48/67 after the rules it called for, the
  // suspect share 0.328: the rest is OCR's (9 000 read 2 000, minus signs
  // lost, "270:"), left suspect by the sums. All seven 530/554.
  // w8 (264 dpi, written after w7's rules): 5/57, metadata wrong, before
  // its rules; 45/57 after (one wrong `ok`: "Hjo kommun et", a speck read
  // into the label, figure right). Tesseract's page layout drops the
  // third column of its budget table in unbolded rows on the speckled
  // 1-bit page (a median filter brings it back; not done: it changed real
  // scans before). All eight 575/611. w9 (230 dpi, written after w8's
  // rules): 44/44 as it came; all nine 619/655. w10 (240 dpi, written
  // after session 31's rules): 52/78, precision 1.000 (the fee table's
  // re-read cells each one word "8 400 000", no numeric token; a header row
  // cut by the page break read as two tables, its kinds with the cell
  // borders "Prognos]" " Budget|"); 78/78 after, 4 suspect (the first
  // column's kind read "Uttatt": utfall by its year, suspect). All ten
  // 697/733.
  // w11 (200 dpi, written after w10's rules): 60/64 with 2 wrong `ok`
  // ("Ställda säkerheter  Inga  Inga", set tightly under "Summa eget
  // kapital och" / "skulder", was read as the third line of that label)
  // until a value cell saying "none" made its line a row: 62/64, no wrong
  // `ok`. All eleven 759/797. w12 (220 dpi, borderless, written after
  // w11's rules): 38/42 as it came, precision 1.000; all twelve 797/839.
  // Session 34: a minus read as two glyphs ("—-10,4") and a figure with a
  // leading zero ("006" for 1 006) read by the sums: w12 41/42, all 800/839.
  // w13 (210 dpi, written after session 34's rules): 80/117 with 3 wrong
  // `ok` held out, 88/117 after session 35; session 36 (a grid's empty
  // cells with ink read alone, a junk word over a row's rule dropped: its
  // Avvikelse column and four income rows had been lost) 115/117; w7 gains
  // one (49/67). All thirteen 916/956 (0.958), precision 0.999. Then ink
  // no word covers read alone (figures only): w8 45 → 49/57 (its third
  // column, skipped in the rows not in bold), w4 80/80; all 921/956.
  // Session 37: a sliver of a cell border read as "4" no longer joins a
  // row label ("Periodens resultat 4"), a letter read twice
  // ("Persoönalkostnader") is one, two lost minus signs of one sum are
  // repaired together: w7 49 → 54/67, w8 49 → 54/57; all 931/956 (0.974).
  // w14 (190 dpi, heavy speckle; written after session 47's rules): 38/69
  // with 3 wrong `ok` held out; 47/70 after session 48 (dates in words,
  // "2400 000 kr" read with its head space lost, a cost whose parentheses
  // OCR lost doubted), one wrong `ok` left ("500" of "2 361 500 kr" under
  // a column of its own). All fourteen 976/1026 (0.951), precision 0.997.
  // Then (the "kr" after the figures no prose that ends the table, a group
  // set a wider space apart like its figure's other groups joining it, a
  // side column's edge with an OCR word's slack): w14 55/70, all fourteen
  // 984/1026 (0.959), precision 0.998. A date cell OCR joined with its
  // taller year first ("2025 -31dec"): w14 63/70, all 992/1026 (0.967).
  // w15 (220 dpi; session 49, held out): 33/86, precision of `ok` 0.408
  // (the change column broke the header, then its equity table's kinds row
  // lost and its bare years read by the plan's guess, budget 2025 and plan
  // 2026), its name read "Ljusdal Hudiksvall"; 78/86, none wrong, once the
  // change column, the account numbers, the plan's years before its period
  // (utfall, in doubt) and two kommuner's names without their dash were
  // read. All fifteen 1070/1112 (0.962), precision 0.998. Then a kind word
  // OCR misread by one letter ("Ptan") and OCR's "4," for a list's "4.":
  // w15 83/86, all 1075/1112 (0.967). w16 (240 dpi; session 49, held out:
  // 23/71, none wrong) 65/71 once kinds without years dated by their
  // caption, a trailing minus and periods joined by a dash were read: all
  // sixteen 1140/1183 (0.964), precision 0.998. w17 (210 dpi; held out:
  // 16/44, 3 wrong `ok`, the fees read into the flerårsplan) 42/44, none
  // wrong, once "Belopp 2027" headed a column and OCR's "Yo" for "%" closed
  // a wrapped header line: all seventeen 1182/1227 (0.963). w18 (200 dpi;
  // session 50, held out: 37/63, none wrong; the kinds row with "Belopp i
  // tkr" in its label cell was no header, the figures wrapped in narrow
  // cells kept OCR's minus glyphs "—=", a member-fee row mended wrongly)
  // 57/63, none wrong: all eighteen 1239/1290 (0.960), precision 0.998.
  // w19 (230 dpi; session 50, held out: 28/57, none wrong; its budget
  // table's heads "Budget 2025 (tkr)" fell apart, OCR's box of "2025" being
  // shorter than a word space's third) 56/57, none wrong: all nineteen
  // 1295/1347 (0.961), precision 0.998. w20 (250 dpi; held out: 26/71, none
  // wrong; its outline-numbered resultatbudget ended at "1 Intäkter") 70/71:
  // all twenty 1365/1418 (0.963), precision 0.998. w21 (220 dpi; session
  // 51, held out: 62/79, none wrong; its insatser's "Förbrukat 2025" and
  // "Kvar" were no column kinds) 75/79, none wrong ("92 985" and "322" in
  // one column of one Summa are read back together, each named by its
  // row's deviation, once OCR's "Avvikelse, 20" for "Avvikelse, %" is seen
  // to be a share by its figures): all twenty-one 1440/1497 (0.962). w22
  // (200 dpi, a thin font, DejaVu Sans ExtraLight; session 52, held out:
  // 13/65, none wrong, its förbund unnamed: "Samordmngstorbundet" was no
  // mention) 14/65 with the name read (a prefix within four edits before a
  // registry name); OCR garbles its shaded two-line heads and thin labels
  // ("Unga Ull arbete": two right figures under that label count wrong).
  // w23 (230 dpi; held out: 30/60 with 12 wrong `ok`, the spanning years)
  // 58/60, none wrong (two nil budget figures suspect). w24 (240 dpi;
  // session 53, held out: 67/97, none wrong, its period 2027–2027: the title
  // broke after "… och flerårsplan", and glyphs read off the member table's
  // shaded head, "Medlem. > > Andel, 20 Avgift 2026 = > Avgift 2027", made
  // it no header) 87/97, none wrong; its member fees suspect (two rows
  // joined where OCR read a share "1,4" as "14").
  // Session 55 (shaded header cells: a cell of junk with letters also read
  // from a cleaned copy of its ink and scored by its characters' mean
  // confidence, the shade's dots read as short words dropped, a word boxed
  // inside its cell, junk in a cell with no ink dropped, a cell a broken
  // rule merged with the one above not read over it; "Tusentaf kronor" is
  // tkr; "Helårsprögnos" / "Helårsprogrios" a kind): w22 14 → 24/65 (its
  // Resultaträkning read; the rest is OCR's digits, suspect), w24 87 → 91;
  // all 1613/1719 (0.938), precision 0.996. w25 (210 dpi, Liberation Mono,
  // rules between rows; held out: 35/87 with 3 wrong `ok`: the monospaced
  // face's digit-wide thousands space split "22 000" into two columns'
  // figures, dashes read off a kept rule made a section row end the
  // resultaträkning, and a note's Summa misread in its last digits,
  // "22 000 009" kr, was vouched for by the statement's 22 000 tkr) 71/87,
  // none wrong, once a head joins its group within 1.6 digit pitches, dash
  // slivers on a rule go and a check against a coarser unit vouches only
  // for the figures in it. All 1684/1806 (0.932).
  // Session 56: a lone nought OCR read as letters ("Oo", "[Ö", "[]", an
  // unread ink's "O") on a line of figures is read again alone and taken
  // as 0 (w23 58 → 60, w21, w8, w24 +1 each); OCR's other readings of a
  // figure (another mode's reading of its cell, its second reading, the
  // recognizer's runner-up digits) are offered to the sums, held to every
  // check on the sum's figures (w13 +2, w1 +2, w25 +1, w22 +1, w6 +1).
  // All 1696/1806 (0.939), precision 0.996. Specks read as words after a
  // label dropped while the last is one (w14's "Vägen ut es \">"), letters
  // off a flat scrap no word (w8's "Hjo kommun et"): 1699 (0.941),
  // precision 0.997. The ring and the dots confused in an unknown label
  // word ("Ärets resultat efter balanskravsjusteringar") mended: w16 and
  // w18 +2 each, 1703 (0.943). A figure cell's re-read with no digit
  // anywhere ("$" at 0.90 for a lone "0" read at 0.59) scores as junk:
  // w17 +1, 1704 (0.944). A monospaced l read as t in an unknown label
  // word ("Leverantörsskutder", "Personatkostnader"): w25 +3, 1707 (0.945).
  for (const Scored& s : scored)
    if (s.id == "w11-ar-malardalenvast") {
      EXPECT_EQ(s.score.trusted_right, s.score.trusted) << ScoreReport(scored);
    }
  // Session 57: w26 (held out: 55/61 with 7 wrong `ok`, the count column
  // "Invånare 2025-12-31" read as money and the insatser cut by a wrapped
  // side cell) 59/61, none wrong; w27 (held out: 60/82, none wrong: the
  // swe model reads tab leaders as words of letters, "munasisiseerr…",
  // and loses the words beside them, so both statements went) 82/82 once
  // runs of dots on a baseline are erased before recognition
  // (EraseLeaders); the other twenty-five unchanged. All 1848/1949
  // (0.948), precision 0.998. w28 (a pasted budget screenshot; held out:
  // 29/30, none wrong) 29/30. All 1877/1979 (0.948).
  // Session 58, w22 (a hairline face under a dithered shade) 25/65 with 4
  // wrong `ok` → 42/65, none wrong: a box OCR drew over both rows of a head
  // cell no longer sets the line's height (two heads had read as one), a
  // minus set apart from its figure joins it, a part read "00" is the
  // misread rather than its well-formed sum, label words a few edits from
  // one frequent word or statement line are taken for it and flagged
  // ("Mealemsavgifter", "intakier", "Kortfrisbaa toaringar"), and a short
  // capitalised word inside a label ("Unga Ull arbete", "Hälsa I fokus")
  // is doubted. w7 54 → 56 ("Korttnstga fordringar"). All 1896/1979 (0.958),
  // precision 1.000. w29 (two tables side by side in a two-column section;
  // held out: 36/64, none wrong) 63/64 with SplitSideBySide. All 1959/2043
  // (0.959), precision 1.000. w30 (merged group cells; held out: 31/50
  // with 6 wrong `ok`) 44/50 with 2 wrong `ok` (`Hälsokoll Västra
  // Götalandsregionen.`: OCR's speck after the group cell's name set it
  // across the labels' edge). All 2003/2093 (0.957), precision 0.999.
  // Session 59: a dot in a glyph's counter painted out (w25's dotted
  // zeros, 75 → 83), a bracketed figure split at its thousands space keeps
  // its brackets and "49 960)" reads as (9 960) (w14), a speck word begins
  // no label line (w4 76 → 80), a skeleton-index guess ("Strangnåas"), a
  // group no joint reading solves reads its rows one by one (w18), two
  // failing checks agreeing on one figure repair it (w21, w25, w16, w7), a
  // long group name ending just before the labels (w30, no wrong `ok`
  // left), "> 3 450" and a lone "O" among the figures read by the sums.
  // All 2032/2093 (0.971; target 0.97), precision 1.000. w31 and w32
  // (session 61; held out: 71/95 and 83/93 with 4 wrong `ok`: a balance
  // sheet's second date "31 dec 2024" lost its day to the column on its
  // left, a turned table and a "1" footnote mark as in the PDFs, a running
  // foot OCR garbled read as the table's last row so the repeated header
  // on the next page started a new table) 94/95 and 92/93, none wrong: all
  // 2218/2281 (0.972), precision 1.000. w33 and w34 (session 61; held
  // out: 24/69 with 1 wrong `ok` and 25/56 with 8 wrong `ok`, the same
  // headers as their PDFs and dumps) 69/69 and 54/56, none wrong; w24
  // 94 → 96: all 2343/2406 (0.974), precision 1.000. w35 and w36
  // (session 62; held out: 78/85 and 43/58 with 2 wrong `ok`: w36's
  // old-style 5 read "$" apart from its "700", so 5 700 read 700 in a part
  // and its Summa alike) 85/85 and 55/58, none wrong, once a stand-in for
  // a figure's head set apart joins its group for the sums to read: all
  // 2483/2549 (0.974), precision 1.000. w37 (session 62; held out: 63/70
  // with 2 wrong `ok`: "Årets resultat 120 120" set tight under
  // "Verksamhetens resultat 120 -120" read as one row of 120 120, a section
  // heading joined to the row under it read "insatser") 68/70, none wrong:
  // all 2551/2619 (0.974), precision 1.000. w38 (session 62; held out:
  // 77/78, a zero read "Q") 78/78: all 2629/2697 (0.975), precision 1.000.
  // w39 (session 62; held out: 11/40 with 2 wrong `ok`, as its PDF) 39/40:
  // all 2668/2737 (0.975), precision 1.000. w40 (session 63; held out:
  // 73/87 with 1 wrong `ok`, "Ulricehamns komman": OCR's misread of kommun
  // that is a word) 82/87, none wrong; w8 +1 (a figure derived from its
  // sums, suspect): all 2751/2824 (0.974), precision 1.000. w41 (session
  // 63; held out: 32/62, its förbund's name misread "Trelteborg" under the
  // heading) 60/62 and the name as the document prints it most: all
  // 2811/2886 (0.974), precision 1.000. w42 (session 64; held out: 64/88
  // with 9 wrong `ok`, as its PDF, and the first page's running foot that
  // OCR garbled taken for a header line of the next page's table) 88/88:
  // all 2899/2974 (0.975), precision 1.000. w43 (session 64; held out:
  // 46/61 with 5 wrong `ok` and its förbund's name cut on its first scan;
  // rendered again once its source named the font Writer had fallen back
  // to, a new speckle, the name whole) 61/61: all 2960/3035 (0.975),
  // precision 1.000. w44 (session 64; held out: 54/60, its förbund taken
  // for "Region Värmland" from a fee row, OCR having set its prefix
  // "Sämordningsförbundet", and the first page's garbled foot read into a
  // row's label) 57/60 (two misreads in one fee column, a decimal comma
  // lost, each flagged): all 3017/3095 (0.975), precision 1.000. w45
  // (session 65; held out: 59/78 with 7 wrong `ok`, its fees read as tkr,
  // its balance sheet cut where a sum that lost its first thousands space,
  // "1952 940 1999 960", was taken for a header of years, and a group whose
  // box reached up to the rule read first, "-5 310 058") 77/78 (a minus lost
  // in its change-in-equity table, flagged): all 3094/3173 (0.975),
  // precision 1.000. w46 (session 65; held out: 17/79, none wrong: its
  // abbreviated heads, one glued to its year by a speck's dash,
  // "Utf-2025", and its outline numbers read "1:1" by OCR, so the section
  // row "1. Intäkter" ended the table; its fee table under "Medlem Andel
  // 2027" no table) 77/79 (a 900 read 200, "Sjöbo" read "Siöbo", each
  // flagged):
  // all 3171/3252 (0.975), precision 1.000. w47 (held out) 54/54 as first
  // measured: all 3225/3306 (0.976). w48 (session 66; held out: 37/45
  // with 8 wrong `ok`, metadata wrong: its member labels' "(50 %)" read
  // "50 96", "(25 260)", loaded `ok` under labels no one printed, and its
  // insatser right only by the tkr of the document) 37/45, none wrong (the
  // eight flagged: a label that ends in two numbers): all 3262/3351
  // (0.973). The equity roll-forward checked (sum.equity) gave w45 back
  // the minus its change-in-equity table lost: 3263/3351 (0.974).
  EXPECT_GE(t.recalled, 3263) << ScoreReport(scored);
  EXPECT_GE(t.Precision(), 0.995) << ScoreReport(scored);
  EXPECT_EQ(t.meta_right, 48) << ScoreReport(scored);
}

}  // namespace
}  // namespace finsam
