// Issue 16 on documents finsam never saw and that come from no corpus
// document: three made-up plans and reports of fictitious förbund, written in
// LibreOffice Writer in house styles unlike the corpus (rules only under the
// header, a grid, tab stops instead of a table), with hand-checked facts
// (tests/data/unseen/word/README.md). Born-digital PDFs and English-model
// OCR dumps here (label fast); the scans in word_documents_ocr_test.cc.
//
// The floors are what was measured when the documents were committed:
// FLOORS TO RAISE. A wrong `ok` fact fails at once (precision floor 1.0).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/finsam_run.h"
#include "tests/support/layout_score.h"
#include "tests/support/word_documents.h"

namespace finsam {
namespace {

// `finsam extract --format json` of the born-digital PDF of made-up
// document `id`.
void Extract(const std::string& id, nlohmann::json& doc) {
  std::string tmpl = ::testing::TempDir() + "/finsam_word_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  const std::string pdf = std::string(FINSAM_SOURCE_DIR) + "/tests/data/unseen/word/" + id + ".pdf";
  RunResult r = RunFinsam(FINSAM_BINARY, tmpl, "extract --format json '" + pdf + "'");
  std::error_code ec;
  std::filesystem::remove_all(tmpl, ec);
  ASSERT_EQ(r.code, 0) << r.err;
  doc = nlohmann::json::parse(r.out);
}

// The made-up annual report (w2).
void ExtractAnnualReport(nlohmann::json& doc) { Extract("w2-ar-varmland", doc); }

TEST(WordDocumentsTest, BornDigitalPdfsReadRight) {
  std::vector<Scored> scored = ScoreWordDocuments(".pdf");
  ASSERT_EQ(scored.size(), 48u);
  layout::Totals t = SumScores(scored);
  PrintTotals("word pdfs", t);
  // Before the fixes of the unseen round: recall 0.857 (228/266), precision
  // 0.849 (a Not column's note numbers, a signature date and a newest-first
  // five-year overview loaded as `ok` figures), suspect 0.325, metadata 3/3.
  // After: every fact right, nothing suspect. w4 (added later, written
  // after these rules): 72/80 with 8 wrong `ok` (its kronor loaded as tkr)
  // until a unit line over a table spoke before the document's statement.
  // w5 (written after w4's rules): 46/63 with 17 wrong `ok` (shares and a
  // text column glued into labels; plan period 2026–2026) until side
  // columns and a plan period stated under the heading were read.
  // w6 (borderless, written after session 29's rules): 75/78 with 11 wrong
  // `ok` (a Soliditet and a count row carried amount 0 in the JSON, the
  // state's "andel" was taken for a share, and the broken sum then
  // "repaired" 215 as 6 215) until those were fixed: 78/78.
  // w7 (a delårsrapport, written after session 30's rules): 58/67 with 14
  // wrong `ok` (a "Förbrukat, %" column's shares loaded as money, a Not
  // column whose header opens with "Not" glued into the labels, the
  // balance at 2026-08-31 taken for the year's) until those were read:
  // 67/67.
  // w8 (a plan of a förbund outside the registry, written after w7's
  // rules): 14/57, precision of `ok` 0.424, its plan period 2027–2027 (a kind
  // wrapped beside the years, "Förslag" / "budget" / "2027", made the years
  // line the header; "flerårsplan 2028–2029"; a fee column "Medlemsavgift
  // 2027" beside a share column; "… per den 31" under a table read as a
  // row) until those were read: 57/57. w9 (borderless statements with a
  // kassaflödesanalys, written after w8's rules): 44/44 as it came.
  // w10 (a plan with running headers and footers, written after session
  // 31's rules): 67/78, precision 1.000, until member fees printed with
  // periods between the thousands ("8.400.000") were read: 78/78.
  // w11 (an annual report with "Inga" in value cells, written after w10's
  // rules): 64/64 as it came. w12 (a borderless plan in mnkr, years alone
  // over the columns, written after w11's rules): 42/42 as it came, its
  // förbund name wrong ("… Norra Älvsborg Förbundets": the heading under
  // it) until a section heading ended the name. w14 (an annual report with
  // accountant negatives "(10 812)", insatser printed "2 400 000 kr" under
  // "Beviljat 2025", a balansräkning headed "31 dec 2025"; session 48, held
  // out): 41/70 with 7 wrong `ok` until those were read: 70/70. w15 (a
  // plan with an account-number column, a "Förändring" column between the
  // years, footnote marks on a label and on figures, numbered insatser;
  // session 49, held out): 43/86 with 24 wrong `ok` (the change column
  // broke the header and the kinds went by the plan's guess; the codes
  // stayed in the labels; "−5 400*" lost its head) until those were read:
  // 86/86. w16 (an årsredovisning in kronor with öre, a driftredovisning
  // of kinds without years under "Driftredovisning 2025" with trailing
  // minus signs "9 400-", periods "2025-01-01–2025-12-31", a note headed
  // "Innevarande år" / "Föregående år"; session 49, held out): 28/71, none
  // wrong, until those were read: 71/71. w17 (a plan's resultatbudget over
  // "Ack. utfall jan–aug 2026" with a share column whose head wraps to
  // "prognos, %", a flerårsplan, member fees under "Belopp 2027", the plan
  // period on a line "Med flerårsplan för 2028–2029"; held out): 16/44 with
  // 9 wrong `ok` (the fees read into the flerårsplan) and its period
  // 2027–2027, until "Belopp 2027" headed a column, a "%" finished a
  // wrapped header line and the period line was read: 44/44. w18 (session
  // 50, held out; value cells so narrow that figures wrap, "−4" over "100"):
  // 63/63 before any change; w19 (an årsredovisning with the unit in each
  // header cell and a nested "Summa kommunerna"; held out) 57/57 too. w20
  // (held out: 26/71 with 1 wrong `ok`: its resultatbudget numbered like
  // an outline, "1 Intäkter" over "1.1 Statlig medlemsavgift", ended at its
  // first section row; a label cut by the page after "och") 71/71. w21
  // (session 51, held out: 67/79 with 8 wrong `ok`: its "Avvikelse, %"
  // column read as deviations in tkr, its insatser's "Förbrukat 2025" and
  // "Kvar" no column kinds) 79/79. w22 (session 52, held out: a
  // delårsrapport, 28/65 with 37 wrong `ok`: its heads "Helårsbudget 2026",
  // "Helårsprognos 2026", "Budgetram 2026" and "Utfall jan–jun" over
  // "2026" no header words, so its columns came out as bare years, each
  // read as the year's utfall) 65/65. w23 (held out: 30/60 with 14 wrong
  // `ok`: its years stand over the first of their two kind columns, "2025"
  // over "Budget  Utfall", the kind words left-aligned in their cells, so
  // "Utfall" named the Budget column and one column went unnamed) 60/60.
  // w24 (session 53, held out: 97/97, none wrong, but 24 suspect: its
  // kinds row, "Reviderad" over "budget" wrapped in its cell, was no kinds
  // row, so the header row became the title and 2025 a bare year; its
  // "Avgift 2026" a bare year before the plan) 97/97, nothing suspect.
  // w25 (session 55, a monospaced face; held out: 87/87, nothing suspect).
  // w26 (session 57; held out: 56/61 with 7 wrong `ok`: the count column
  // "Invånare 2025-12-31" read as the outcome at that day, and the insatser
  // cut after their first row by its wrapped Huvudman and Status cells,
  // "stad 2024") 61/61, nothing suspect. w27 (session 57; held out: 74/82
  // with 8 wrong `ok`: its statements' tab leaders end in the note
  // reference, "intäkter......1", one word of the text layer, so labels
  // kept the dots and the Not column lost its references) 82/82. w28
  // (session 57; held out: 6/30, all suspect: its budget table is a pasted
  // screenshot, a picture the text layer has no words for, and its unit
  // sentence wraps over two lines) 30/30 once a picture of print on a text
  // page is read by OCR (Page::text_pictures) and a wrapped unit sentence
  // is read whole. w29 (session 58; held out: 36/64, none wrong: member
  // fees and insatser set side by side in a two-column section, an equity
  // table beside a paragraph, so each band held words of both) 64/64 once
  // such a run of bands is split at its gutter and the left column read
  // before the right (SplitSideBySide). w30 (session 58; held out: 23/50
  // with 7 wrong `ok`: a first column of cells merged down over their rows,
  // "Intäkter" read into a row's label or running two rows together) 50/50
  // once such a column's words are set aside (SetAsideGroupColumn). w31
  // and w32 (session 61; held out: 83/95 and 85/93 with 8 wrong `ok`: a
  // member-fee table with its years down the side under a header cell
  // wrapped in two, "Region" over "Västmanland", was not read; footnote
  // marks "1)" stayed in two labels; w32's plan period 2027–2027) 95/95
  // and 93/93 once a turned table's header may wrap (TransposedHeader), a
  // "1)" after a label is no part of it and the period is read from the
  // first sentence of the line under the name. w33 and w34 (session 61;
  // held out: 24/69, a header of three rows read as a caption over years;
  // 52/56, a wrapped count column's date taken for a closing date, both
  // förbund names run on into the next line) 69/69 and 56/56 once the
  // months row and a kind broken in its cell join the header, a dated
  // count column keeps its word and a name ends with its line. w35 and
  // w36 (session 62; held out: 67/85, header cells merged across columns,
  // "2026" over Budget and Prognos, "Avgift, kr" over two years, the plan
  // period "ekonomisk inriktning 2028–2029" missed; 49/58, "2025" merged
  // over Budget, Utfall and Avvikelse) 85/85 and 58/58 once a header line
  // naming fewer cells than there are columns is cut into merged cells
  // (SpreadMergedCells) and a fee's head over the years joins the header.
  // w37 (session 62; held out: an eight-year overview in narrow columns, a
  // resultaträkning continued under "Resultaträkning (forts.)") 70/70 as
  // first measured. w38 (session 62; held out: 78/78 with 1 wrong `ok`, the
  // running header of a two-page document read as a row with the figure
  // 2026) 78/78 once a running line on every page of a shorter document
  // goes too. w39 (session 62; held out: 11/40 with 2 wrong `ok`: a budget
  // set as a T-account, costs read into the income rows; a history with
  // its years down the side ending in "2026 (prognos)" not read) 40/40.
  // w40 (session 63; held out: 78/87, a deviation head abbreviated "Avv."
  // not read; 12 left suspect, the insatser's unit in a caption sentence
  // "Insatser 2025 (tkr)." before another not read) 87/87, none suspect.
  // w41 (session 63; held out: 33/62, periods wrapped after their dash
  // "2026-01-01–" over "2026-08-31" hid three columns, "Utfall jan–aug"
  // without its year) 62/62, none suspect. w42 (session 64; held out:
  // 73/88 with 9 wrong `ok`: labels set at their cells' bottom, so a
  // label's first lines went to no row or a row of their own, and "Totalt
  // 2027–" over "2029" read as a year's outcome) 88/88, none suspect. w43
  // (held out: 46/61 with 15 wrong `ok`: a cost per participant in kronor
  // read as money, and the insatser's kinds lost where the heads of a
  // count and that cost stand beside them, the table read in kronor from
  // that cost's "(kr)") 61/61, none suspect. w44 (held out: three units
  // in three tables, each said in a sentence) 60/60 as first measured.
  // w45 (session 65; held out: 71/78 with 7 wrong `ok`, its fee table in
  // kronor read as tkr, the sentence "Avgifterna i kronor." not taken for
  // a unit) 78/78, none suspect. w46 (held out: 45/79, none wrong: column
  // kinds abbreviated before their years, "Utf 2025", "Bu 2026", "Progn
  // 2026", left three columns of six unread, and a member fee table under
  // "Medlem Andel 2027" was no table) 79/79, none suspect. w47 (held out:
  // 52/54 with 2 wrong `ok`: two note references in one Not cell, "7,
  // 8", read into a row's label) 54/54, none suspect. w48 (session 66;
  // held out: 37/45, none wrong, metadata wrong: member fees whose labels
  // state their shares, "Staten (50 %)", taken for rows of per cent; the
  // plan's years on a line of their own, "Plan för 2028–2029", not read;
  // its insatser in kronor with the mark ":-", "1 900 000:-", right only
  // because the mark's last group was dropped and the document's tkr put
  // it back) 45/45, none suspect.
  EXPECT_EQ(t.recalled, t.expected) << ScoreReport(scored);
  EXPECT_EQ(t.trusted_right, t.trusted) << ScoreReport(scored);
  EXPECT_EQ(t.suspect, 0) << ScoreReport(scored);
  EXPECT_EQ(t.meta_right, 48) << ScoreReport(scored);
}

TEST(WordDocumentsTest, EnglishOcrDumpsAtLeastBaseline) {
  std::vector<Scored> scored = ScoreWordDocuments(".ocr.txt");
  ASSERT_EQ(scored.size(), 48u);
  layout::Totals t = SumScores(scored);
  PrintTotals("word ocr dumps", t);
  // Before: recall 0.000, no `ok` fact. After (kind glued to its year,
  // a yearless Avvikelse column, another table's header ends a table, the
  // unit sentence above a caption, a Not column's references, closing dates
  // as column names): recall 0.579 (154/266), precision 1.000. Then (the
  // tab-stop plan's columns printed as blocks one after the other, count
  // columns left or right of the amounts, a statement's caption over a
  // header with as many columns ends the table before it): every fact, 17
  // left suspect where no sum checks them (0.063). w4, written after
  // those rules: 29/80 with 13 wrong `ok`, then 79/80 after the rules it
  // called for (session 27; the one left is -221 read as two figures).
  // w5, written after those: 41/63 (precision 0.837), then 60/63; its
  // three insatser keep their Målgrupp text in the label (a dump gives no
  // positions to cut it by) and load suspect (read.side_text).
  // w6 (written after session 29's rules): 0/78; 24/78 once column blocks
  // headed by a kind and year ("Budget 2025") or a deviation ("Awvikelse")
  // were read; 36/78 with its five-year overview (the first column beside
  // the labels, the others as rows under a line of years after the next
  // table's caption; suspect: no sum checks it); 78/78 once the labels of
  // page 2's three statements, printed as one block, were given their
  // interleaved year columns by size and sums (session 30), and a capital
  // opening a label under a short line stayed a capital.
  // w7 (a delårsrapport, written after session 30's rules): 6/67 with 6
  // wrong `ok` (its two tables' headers wrapped over three lines; under a
  // Not head "1 310 655" read as 1 310 and a clean 6 480 then "repaired"
  // to 5 480) until wrapped headers, the note reading chosen by the sums
  // and a deviation from the forecast were read: 64/67. The three left are
  // an insats whose coined name ("Hälsoväglednare") no lexicon restores.
  // w8 (written after w7's rules): 5/57 (its header wrapped over three
  // lines with "Forslag" / "budget" / "2027", a minus read "-—", a fee
  // table right under the budget table, shares "50 %") until those were
  // read: 57/57. w9 (written after w8's rules): 0/44 (a unit line ending
  // in the Not head, a dated signature among the labels, page 2's columns
  // in OCR's own order, "Årets kassaflöde" taken for a caption, "2729 155")
  // until those were read: 44/44, 22 suspect where two pairings of labels
  // with figures satisfy the sums equally (a section heading or a label
  // carrying the figure).
  // w10 (written after session 31's rules): 40/78, precision 1.000 (a
  // header row broken by the page break, the running footer and header
  // between its lines; fees with periods between the thousands) until
  // those were read: 66/78. Its insatser have two text columns (Huvudman,
  // Löptid with year ranges) between label and amounts, which a dump gives
  // no positions to cut from the labels: once a year range was text and a
  // text column's dash its empty cell, the table is read, all 12 figures
  // right and suspect (read.side_text), 4 under labels as printed (70/78);
  // the other 8 carry the Huvudman and Löptid text in their labels.
  // w11 (written after w10's rules): 28/64 (its driftredovisning's header
  // read "Avwvikelse") until a deviation read v-w-v was a deviation: 64/64.
  // w12 (written after w11's rules, measured only in sessions 32-33): 0/42,
  // no wrong `ok`: psm 3 printed its two borderless tables' labels, then
  // their columns, and the pairing was ambiguous (read.ambiguous, all
  // suspect) until a caption naming its unit in brackets ("Medlemsavgifter
  // (tkr)") started the second table's labels, the label column's head
  // ("Medlem") was no row, and a sentence between two years' columns did
  // not end the figures (session 34): 42/42, all checked by the sums.
  // In all 825/839, 61 suspect. Then a label is cut before the huvudman
  // that the words before its period and the wrapped rest name
  // ("Jobbcentrum Linköping Linköpings 2025-2028 kommun"): w10 76/78 (the
  // two left carry a list of places, "Kinda, Boxholm och Ödeshög"), all
  // 831/839, still suspect (read.side_text). w13 (session 35; held out
  // 105/117) 117/117, none suspect: all thirteen 948/956.
  // w14 (session 48; held out: 41/70 with 5 wrong `ok`: its insatser
  // printed "2 400 000 kr" read as tkr, the balansräkning headed "31 dec
  // 2025" lost, the budget table's "Utfall i % av budget" column ending no
  // header) 60/70 once a unit after the figures, dates in words and a share
  // column after the years were read. Left: its insatser keep the Huvudman
  // text in their labels (suspect, read.side_text), and "Summa
  // medlemsavygifter" (OCR's y) is loaded `ok` under the garbled label
  // (the 2 wrong `ok` more). All fourteen 1008/1026.
  // w15 (session 49; held out: 17/86, 6 wrong `ok`: a "Förändring" column
  // among the kinds broke the header, the labels wrapped under their figures
  // beside an account-number column, insatser labels holding the Målgrupp
  // text ok because rule strokes in the header hid the text column) 71/86,
  // none wrong, once those were read. All fifteen 1079/1112.
  // w16 (session 49; held out: 32/71 with 2 wrong `ok`, the running footer
  // "… Årsredovisning 2025 — 1" read as a row; no table of the trailing
  // minus, of the kinds without years, of periods joined by an em dash)
  // 67/71, none wrong. All sixteen 1146/1183. w17 (session 49, held out:
  // 16/44 with 1 wrong `ok`) 20/44, none wrong: psm 3 sets each cell of its
  // resultatbudget's wrapped header on a line of its own (no table read).
  // All seventeen 1166/1227. w18 (session 50, held out: 53/63 with 5 wrong
  // `ok`, "Medlemsavgift Region" / "Gotland" cut before its wrapped name;
  // the insatser under "Insats Målgrupp Platser Budget 2027, tkr" lost to a
  // nil dash in the count column) 59/63, none wrong; its insatser keep the
  // Målgrupp text (suspect). All eighteen 1225/1290. w19 (session 50, held
  // out: 30/57, none wrong; its header "Budget 2025 (tkr) Utfall 2025 (tkr)
  // Avvikelse (tkr)" was no header) 57/57. All nineteen 1282/1347. w20
  // (session 50, held out: 32/71 with 24 wrong `ok`: its "Prognos Budget
  // Plan" over four years put the years a column off, and its outline
  // numbers "1.1" ran into the figures) 71/71, none wrong; "Lokaler och
  // 6vrigt" names no known row (suspect). All twenty 1353/1418. w21
  // (session 51, held out: 43/79, none wrong; Tesseract set its budget
  // follow-up and insatser column by column, two tables' columns
  // interleaved, with the first columns beside their labels) 43/79, none
  // wrong: all twenty-one 1396/1497. w22 (session 52, held out: 18/65 with
  // 12 wrong `ok`: bare years after an unread header, a minus set apart
  // from its figure, "- 4 180", split the cells off their tokens) 62/65;
  // its three misses are the right figures under "Norsjolotsen", a made-up
  // name the repair cannot know for "Norsjölotsen" (counted wrong `ok`).
  // w23 (held out: 18/60 with 2 wrong `ok`: a running footer that lost its
  // page's number, "… Årsredovisning 2025 -", read as a row; "2025 2024"
  // over "Tkr Budget Utfall Budget Utfall"; a "Not" head on a line of its
  // own) 60/60. Session 53: w17's head cells one a line (and the title
  // "Verksamhetsplan och budget 2027" no longer passing over the lines
  // below it) 44/44; w21's insatser under "Insats Beviljat 2025" and its
  // budget follow-up's Utfall column (its head on one line with the next,
  // "Utfall 2025 Avvikelse, tkr", its figures below another table) 58/79,
  // one of them wrong `ok`: the right figure under "Kartläggning och stod",
  // which the repair leaves as written ("stod" is a word). All 1556/1622.
  // w24 (held out: 70/97, none wrong: "Avgift 2026 Avgift 2027" was no
  // header; "Reviderad" / "budget" / blank / the years) 96/97, the last
  // insats's label holding its Huvudman and Period ("löpande") text
  // (suspect, read.side_text; its seven insatser figures are suspect for
  // that). All 1652/1719.
  // Session 55: a label word no reading makes known is doubted on a page
  // judged stripped by an English OCR model, as on an OCR page: the right
  // figures under "Halsovaglednare", "Norsjolotsen" and "Summa
  // medlemsavygifter" are suspect (8 more suspect, 122 → 130), and the one
  // wrong `ok` left is the figure under "Kartläggning och stod". w25
  // (session 55, held out): 84/87, none wrong (its budget follow-up's
  // "Medlemsavgifter 22 000 22 000 0" dumped as "… 22 000 ic)": the row
  // suspect and unread, 9 suspect). All 1736/1806.
  // w26 (session 57, held out: 9/61, none wrong: its resultatbudget's
  // Kommentar column printed after the figures on their lines, "Summa
  // 2027-2029" no column head, the insatser's Status column and the fee
  // table's "Invånare 2025-12-31 Kr per invånare" head) 47/61, none wrong,
  // once a comments head is cut from the header and each row's comment
  // from its figures (its wrapped lines no rows) and "Summa" before a
  // period heads the Totalt column; its insatser labels keep their
  // Huvudman and Målgrupp text (suspect) and the fee table is unread. All
  // 1783/1867.
  // w27 (session 57, held out: 22/82 with 6 wrong `ok`: its resultaträkning
  // and balansräkning set with dotted tab leaders, which the English model
  // dumps as "intakter........c.cccceess…" and "Kapital... eeeeses…" and
  // which garble the words beside them, "KoOstnadel"; "Avvikelse mot" over
  // "budget" was no header) 66/82, none wrong, once leaders are no text
  // (read away at input, the line's columns kept), "Avvikelse mot" heads a
  // column with its wrapped word, and a label word cased as no word is
  // ("Summa till ÄN Går", "re@Sultat") is doubted on such a page. All
  // 1849/1949. w28 (held out: 24/30, none wrong: psm 3 dumps its fee
  // table column by column) 24/30, its pasted budget picture read whole by
  // the dump's OCR. All 1873/1979. Session 58: a label word OCR garbled
  // past one edit is taken, flagged, for the one frequent word or
  // statement line a few edits away ("Verksamhetens KoOstnadel" →
  // kostnader): w27 +4, all 1877/1979. w29 (held out: 42/64, none wrong;
  // psm 3 prints its side-by-side tables' rows on one line, "Arbetsförmedlingen
  // 3 000 3 100 Jobbsparet 2 400 2500"): all 1919/2043. w30 (held out:
  // 39/50 with 7 wrong `ok`, a merged group cell's name read into a row's
  // label, "Intakter Ovriga intakter") 46/50, none wrong, once a section
  // name before a whole standard statement line is no part of the label:
  // all 1965/2093. Session 60: an insats label cut before the side text
  // whose shape is known (an organisation, a target group or age span, a
  // list of places: w5, w10, w14, w15, w18, w24, w26 +30, still suspect),
  // and a label of known words two edits from a standard statement line
  // taken for it, flagged ("Kortfristig fordringar", "Summa till ÄN Går":
  // w27 +4): all 2001/2093. Then a one-column table's columns printed
  // apart, joined where they sum to its Summa line (w21's Förbrukat and
  // Kvar, +10): all 2011/2093; a sign inside a label's word ("K€SSa OCN
  // Dank") makes it garbled, so its standard line is taken (w27 +2): all
  // 2013/2093. The three wrong `ok` are right figures under "Kartläggning
  // och stod" (stöd), one per column of that row. w31 and w32 (session
  // 61; held out: 82/95 with 1 wrong `ok`, "57" for 5 117 under a failing
  // Summa on a page whose first word the diacritic repair had changed, so
  // it was not taken for a dump's; and 16/93: a "Förändring, %" column
  // between two years' columns hid the header) 94/95 and 93/93, none
  // wrong, once a dump's page is known by its unit, a change column
  // between years is one of its own, a turned table ("Ar Staten Region
  // ..." over years) is read turned, the repeated header on the next page
  // names no section and a "1)" after a label is no part of it: all
  // 2200/2281. w33 and w34 (session 61; held out: 14/69, a header of
  // three rows with "Helarsbud" over "get"; 11/56 with 23 wrong `ok`, the
  // year printed before the kind in each header cell, so each kind went to
  // the next year) 69/69 and 52/56, none wrong: all 2321/2406. Left in w34:
  // its fee table after an Invånare and a Fördelning column (as w15's).
  // w35 and w36 (session 62; held out: 44/85, "Utfall Prognos Budget Plan"
  // over five years and two merged headers not read; 8/58 with 2 wrong
  // `ok`, w36's old-style figures read "°", "$700", "1Iso", "202§-12-31",
  // its years merged over kinds) 85/85 and 57/58, none wrong: all
  // 2463/2549 (the one w36 miss, 13 read "B", is printed nowhere). w37
  // (session 62; held out) 70/70 as first measured. w38 (session 62; held
  // out: 28/78, "Budget helår" and a deviation head wrapped inside its word,
  // "prognos/bud" / "get") 78/78: all 2611/2697. w39 (session 62; held
  // out: 21/40) 39/40 (the one, 110 read "no", is loaded unread): all
  // 2650/2737. Session 63: w39's "no" derived from its sums (Resultat =
  // Intäkter − Kostnader; loaded suspect, repair.derived) 40/40; w40
  // (held out: 39/87, lettered sections "A. Intäkter" … "C. Resultat (A −
  // B)", "Avv.", "(not 2)" in a label, "Antal deltagare" after the years
  // hid two tables) 87/87: all 2738/2824. w41 (held out: 12/62, the
  // same wrapped periods with OCR's "—|" after the first day, "jan—aug"
  // read as rule junk) 60/62 (two minus signs lost in one column, flagged):
  // all 2798/2886. Session 64: w42 (held out: 54/88 with 14 wrong `ok`,
  // labels set at their cells' bottom, "Budget Prognos Budget" over a
  // years line with whole cells, a goals table read into the fee table
  // under it) 86/88 (its 0 read ")" and 422² read "422?", loaded suspect):
  // all 2884/2974. w43 (held out, its dump made with --psm 4: 44/61 with 7
  // wrong `ok`, as its PDF, and a capitals label wrapped after "OCH") 61/61:
  // all 2945/3035. w44 (held out) 60/60 as first measured: all 3005/3095.
  // Session 65: w45 (held out, its dump made with --psm 6: 53/78 with 7
  // wrong `ok`, its fees read as tkr as in its PDF, and its insatser lost,
  // a count column's head after a yearless Avvikelse not read and "Hälsa
  // 50+" read as a figure) 78/78: all 3083/3173. w46 (held out: 0/79, its
  // abbreviated heads unread; after them 54/79, none wrong: its insatser,
  // a column of periods between labels and figures ("Arbetslivscoach
  // 2025-2028 1800 …"), stay suspect with the periods in their labels, and
  // psm 3 set its fee table column by column, unread), its förbund's name
  // left "Mittskane" (no word list holds it): all 3137/3252. w47 (held out:
  // 22/54, its driftredovisning unread where a share head's "%" wrapped
  // under "Avvikelse," beside a yearless Avvikelse, and its förbund read
  // "Ödeshög-Boxholm-Årsredovisning" from the running header) 53/54 (a nil
  // dash before a figure read as its minus, flagged): all 3190/3306. w48
  // (session 66; held out: 32/45, none wrong, metadata wrong: psm 3 set its
  // insatser's figures apart, under the signature, their labels beside a
  // target group's words, "Insats Malgrupp") 44/45 (one label keeps its
  // target group, flagged), and w46's fee table, column by column, read
  // since (+7): all 3241/3351.
  EXPECT_GE(t.recalled, t.expected - 110) << ScoreReport(scored);
  // w29 +3, w30 +20 (its dump: labels OCR garbled), w31 and w32 +7, w33 and
  // w34 +6, w36 +6 (a column its damaged figures leave unconfirmed), w37
  // and w38 +4 each.
  // w40 none, w41 +7 (its two lost minus signs and the sums they leave
  // unconfirmed), w39 +1 (a figure derived from its sums). w42 +3 (its
  // result row, a cell unread). w45 +6 (counts and shares of its nyckeltal
  // that no check confirms). w46 +10 (its insatser under a column of
  // periods). w47 +4 (the row a nil dash left in doubt, and what its sum
  // cannot confirm). w48 +6 (its insatser paired by order under a head
  // that names a text column too).
  EXPECT_LE(t.suspect, 249) << ScoreReport(scored);
  EXPECT_EQ(t.trusted_right + 3, t.trusted) << ScoreReport(scored);
  EXPECT_EQ(t.meta_right, 47) << ScoreReport(scored);  // w46: "Samordningsförbundet Mittskane"
}

// The board list of the annual report (Namn | Uppdrag | Organisation): every
// member's role and organisation as printed, in order.
TEST(WordDocumentsTest, BoardListWithRolesAndOrganisations) {
  nlohmann::json doc;
  ASSERT_NO_FATAL_FAILURE(ExtractAnnualReport(doc));
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"ordförande", "Region Värmland"},    {"vice ordförande", "Karlstads kommun"},
      {"ledamot", "Försäkringskassan"},     {"ledamot", "Arbetsförmedlingen"},
      {"ersättare", "Region Värmland"},     {"ersättare", "Karlstads kommun"}};
  const auto& board = doc["governance"]["board"];
  ASSERT_EQ(board.size(), expected.size()) << board.dump();
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(board[i]["role"], expected[i].first) << i;
    EXPECT_EQ(board[i]["organisation"], expected[i].second) << i;
    EXPECT_FALSE(board[i]["name"].get<std::string>().empty()) << i;
  }
}

// A Not column's cells are note references: printed, never amounts (the
// database loads no fact from them either).
TEST(WordDocumentsTest, NoteColumnCellsCarryNoAmount) {
  nlohmann::json doc;
  ASSERT_NO_FATAL_FAILURE(ExtractAnnualReport(doc));
  int refs = 0, amounts = 0;
  for (const auto& t : doc["tables"])
    for (const auto& row : t["rows"])
      for (const auto& c : row["cells"]) {
        if (t["columns"][c["col"].get<size_t>()]["kind"] != "not") continue;
        ++refs;
        EXPECT_FALSE(c["raw"].get<std::string>().empty());
        if (!c["amount_sek"].is_null()) ++amounts;
      }
  // Notes 1, 2, 3, 4 and 5 are referred to from the two statements.
  EXPECT_EQ(refs, 5);
  EXPECT_EQ(amounts, 0);
}

// A five-year overview's Soliditet (%) and Antal deltagare rows are no
// money: their figures carry no amount in the JSON, as in the database
// (they had carried 0). The note's "Försäkringskassan (statens andel)" is
// money.
TEST(WordDocumentsTest, RatioAndCountRowsCarryNoAmount) {
  nlohmann::json doc;
  ASSERT_NO_FATAL_FAILURE(Extract("w6-ar-norrbotten-borderless", doc));
  int ratio_cells = 0, share_cells = 0;
  for (const auto& t : doc["tables"])
    for (const auto& row : t["rows"])
      for (const auto& c : row["cells"]) {
        const std::string label = row["label"];
        if (label == "Soliditet, %" || label == "Antal deltagare") {
          ++ratio_cells;
          EXPECT_TRUE(c["amount_sek"].is_null()) << label << " " << c.dump();
        } else if (label == "Försäkringskassan (statens andel)") {
          ++share_cells;
          EXPECT_FALSE(c["amount_sek"].is_null()) << c.dump();
        }
      }
  EXPECT_EQ(ratio_cells, 8);
  EXPECT_EQ(share_cells, 2);
}

}  // namespace
}  // namespace finsam
