// Reader rules found on the made-up plan w10-vp-centralaostergotland
// (tests/data/unseen/word/, issue 16): a table's header row broken by a page
// break, with the page's running footer and the next page's running header
// between its two lines, in an OCR text dump; member fees printed with
// periods as thousands separators. Each on a made-up snippet with a control
// that must stay as it was.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/financial_tables.h"
#include "model/extraction.h"
#include "tests/support/a4_pages.h"
#include "tests/support/dump_tables.h"

namespace finsam {
namespace {

using fixtures::A4Pages;
using fixtures::Columns;
using fixtures::FromDump;
using fixtures::PageBuilder;

const std::vector<double> kFive = {290, 350, 410, 470, 530};

const FinancialTable* Titled(const std::vector<FinancialTable>& ts, const std::string& title) {
  for (const FinancialTable& t : ts)
    if (t.title.find(title) != std::string::npos) return &t;
  return nullptr;
}

// Page 1 ends inside the header row of "Eget kapital": its kinds and the
// years printed on the row's first line, then the running footer; page 2
// opens with the running header and the years wrapped under "Prognos" and
// "Budget". The running lines are no rows and no part of the header, so the
// table reads as one over both pages.
TEST(PageBreakDumpTest, HeaderRowBrokenByThePageBreak) {
  const std::string head =
      "Samordningsforbundet i Mittbygden\n\nVerksamhetsplan 2027-2029\n\nBudgeten i korthet.\n\n"
      "Tabell 2. Eget kapital (tkr)\n\n| Utfall 2025 Prognos Budget} Plan 2028) Plan 2029\n\n";
  const std::string rows =
      "2026 2027\n"
      "Ingaende eget kapital 8 480 7 862 6 512 5 002 3 292\n"
      "Arets resultat -618 -1 350 -1 510 -1 710 -1 700\n"
      "Utgaende eget kapital 7 862 6 512 5 002 3 292 1 592\n\n"
      "Styrelsen foljer upp budgeten.\n\n";
  struct Case {
    const char* name;
    std::string footer, header;  // the running lines around the form feed
    size_t rows;                 // rows read into "Eget kapital"
  };
  const std::vector<Case> cases = {
      {"footer with a page number, header repeated on every page", "Verksamhetsplan 2027-2029 Sida 1\n",
       "Samordningsforbundet i Mittbygden\n\n", 3},
      {"page number only as '1 (3)'", "Mittbygden 1 (3)\n", "", 3},
      {"control: no running lines", "", "", 3},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string page3 = "\fSamordningsforbundet i Mittbygden\n\nMal och indikatorer.\n";
    if (!c.footer.empty()) page3 = "\n" + c.footer + page3 + "Verksamhetsplan 2027-2029 Sida 3\n";
    const std::string page2_end = c.footer.empty() ? "" : "\nVerksamhetsplan 2027-2029 Sida 2\n";
    const std::string text = head + c.footer + "\f" + c.header + rows + page2_end + page3;
    std::vector<FinancialTable> ts = FromDump(text, "verksamhetsplan", 2027);
    const FinancialTable* t = Titled(ts, "Eget kapital");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(Columns(*t), "[utfall 2025][prognos 2026][budget 2027][plan 2028][plan 2029]");
    ASSERT_EQ(t->rows.size(), c.rows);
    EXPECT_EQ(t->rows[0].cells[1].amount_sek, 7862000);
    EXPECT_EQ(t->rows[2].cells[4].amount_sek, 1592000);
    for (const TableRow& r : t->rows) EXPECT_EQ(r.label.find("Sida"), std::string::npos) << r.label;
  }
}

// A line at a page's edge that holds figures other than years is a row,
// never a running line, even when the same row is printed at the top of
// several pages (a repeated opening balance).
TEST(PageBreakDumpTest, RowsAtThePageEdgeStayRows) {
  std::string text = "Budget 2027 (tkr)\n\nBudget 2027 Plan 2028\nIntakter 100 100\n";
  for (int p = 0; p < 3; ++p) text += "\fIngaende balans 50 50\nKostnader -40 -40\n";
  std::vector<FinancialTable> ts = FromDump(text, "verksamhetsplan", 2027);
  ASSERT_FALSE(ts.empty());
  int opening = 0;
  for (const FinancialTable& t : ts)
    for (const TableRow& r : t.rows) opening += r.label.find("balans") != std::string::npos;
  EXPECT_EQ(opening, 3);
}

// Member fees in kronor with periods between the thousands ("8.400.000"):
// each is one figure, and the Summa row checks them.
TEST(PageBreakDumpTest, PeriodsAsThousandsSeparators) {
  const std::string text =
      "Tabell 3. Medlemsavgifter 2027, kronor\n"
      "Medlem Avgift 2027\n"
      "Forsakringskassan och Arbetsformedlingen 8.400.000\n"
      "Region Mittbygden 4.200.000\n"
      "Storby kommun 3.948.000\n"
      "Lillby kommun 252.000\n"
      "Summa 16.800.000\n";
  std::vector<FinancialTable> ts = FromDump(text, "verksamhetsplan", 2027);
  ASSERT_EQ(ts.size(), 1u);
  ASSERT_EQ(ts[0].rows.size(), 5u);
  EXPECT_EQ(ts[0].unit, "kr");
  EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 8400000);
  EXPECT_EQ(ts[0].rows[3].cells[0].amount_sek, 252000);
  EXPECT_EQ(ts[0].rows[4].cells[0].amount_sek, 16800000);
}


// Insatser with two text columns between label and amounts (Huvudman,
// Löptid): a year range ("2025-2028") is the row's text, never a figure,
// and a dash in a text column ("- -") is its empty cell. The table is read,
// its cells suspect (read.side_text: the labels hold the text columns).
TEST(PageBreakDumpTest, TextColumnsWithYearRangesBeforeTheAmounts) {
  const std::string text =
      "Tabell 4. Insatser som forbundet finansierar (tkr)\n\n"
      "Insats Huvudman Loptid Budget 2027 Plan 2028\n\n"
      "Jobbcentrum Storby Storby kommun 2025-2028 4 200 4 200\n"
      "Unga vuxna Region Mittbygden 2026-2028 3 600 3 700\n"
      "Medel for nya insatser - - 2 500 5 200\n"
      "Summa 10 300 13 100\n";
  std::vector<FinancialTable> ts = FromDump(text, "verksamhetsplan", 2027);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(Columns(ts[0]), "[budget 2027][plan 2028]");
  ASSERT_EQ(ts[0].rows.size(), 4u);
  EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 4200000);
  EXPECT_EQ(ts[0].rows[1].cells[1].amount_sek, 3700000);
  EXPECT_EQ(ts[0].rows[2].cells[0].amount_sek, 2500000);
  EXPECT_EQ(ts[0].rows[2].cells[1].amount_sek, 5200000);
  EXPECT_EQ(ts[0].rows[2].label, "Medel for nya insatser");
  EXPECT_EQ(ts[0].rows[3].cells[1].amount_sek, 13100000);
  for (const TableRow& r : ts[0].rows)
    for (const TableCell& c : r.cells) EXPECT_EQ(c.status, "suspect") << r.label;
}

// The same text columns with their huvudman wrapped onto a second line, as
// psm 3 prints them: the label is cut before an organisation that the words
// before the period and the wrapped rest name ("Storbys" + "kommun";
// "Region" alone, its name set apart); a list of places ("Berga, Bro")
// is cut before its first name. All suspect either way.
TEST(PageBreakDumpTest, WrappedHuvudmanIsCutFromTheLabel) {
  const std::string text =
      "Tabell 4. Insatser som forbundet finansierar (tkr)\n\n"
      "Insats Huvudman Loptid Budget 2027 Plan 2028\n\n"
      "Jobbcentrum Storby Storbys 2025-2028 4 200 4 200\nkommun\n\n"
      "Rehabteam Region 2024-2027 2 900 0\nMittbygden\n\n"
      "Stegvis mot arbete Berga, Bro 2027-2029 2 100 2 300\noch Dal\n\n"
      "Summa 9 200 6 500\n";
  std::vector<FinancialTable> ts = FromDump(text, "verksamhetsplan", 2027);
  ASSERT_EQ(ts.size(), 1u);
  ASSERT_EQ(ts[0].rows.size(), 4u);
  EXPECT_EQ(ts[0].rows[0].label, "Jobbcentrum Storby");
  EXPECT_EQ(ts[0].rows[1].label, "Rehabteam");
  EXPECT_EQ(ts[0].rows[2].label, "Stegvis mot arbete");
  EXPECT_EQ(ts[0].rows[0].cells[1].amount_sek, 4200000);
  EXPECT_EQ(ts[0].rows[1].cells[0].amount_sek, 2900000);
  for (const TableRow& r : ts[0].rows)
    for (const TableCell& c : r.cells) EXPECT_EQ(c.status, "suspect") << r.label;
}

// The same cut header row on a scan's pages (positioned words): OCR read
// the cell borders into the kinds ("Prognos]", " Budget|" with the space of
// a re-read cell). The header at the foot of page 1 still joins the years
// at the top of page 2, and the caption comes with it.
TEST(PageBreakLayoutTest, HeaderRowBrokenByThePageBreakWithBorderJunk) {
  struct Case {
    const char* name;
    std::string prognos, budget;
  };
  const std::vector<Case> cases = {
      {"borders read into the kinds", "Prognos]", " Budget|"},
      {"control: clean kinds", "Prognos", "Budget"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageBuilder p1, p2;
    p1.Text("Budgeten beskrivs nedan.", 600);
    p1.Text("Tabell 2. Eget kapital (tkr)", 740);
    p1.Add(fixtures::L("Utfall", 236, 760));
    p1.Add(fixtures::R("2025", 290, 760));
    p1.Add(fixtures::R(c.prognos, 350, 760));
    p1.Add(fixtures::R(c.budget, 410, 760));
    p1.Add(fixtures::L("Plan", 416, 760));
    p1.Add(fixtures::R("2028", 470, 760));
    p1.Add(fixtures::L("Plan", 476, 760));
    p1.Add(fixtures::R("2029", 530, 760));
    p2.Add(fixtures::R("2026", 350, 60));
    p2.Add(fixtures::R("2027", 410, 60));
    p2.Row("Ingående eget kapital", 80, kFive, {"8 480", "7 862", "6 512", "5 002", "3 292"});
    p2.Row("Årets resultat", 96, kFive, {"-618", "-1 350", "-1 510", "-1 710", "-1 700"});
    p2.Row("Utgående eget kapital", 112, kFive, {"7 862", "6 512", "5 002", "3 292", "1 592"});
    Document doc = A4Pages("verksamhetsplan", {p1.words, p2.words});
    doc.meta.year_from = 2027;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    const FinancialTable* t = Titled(ts, "Eget kapital");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(Columns(*t), "[utfall 2025][prognos 2026][budget 2027][plan 2028][plan 2029]");
    ASSERT_EQ(t->rows.size(), 3u);
    EXPECT_EQ(t->rows[2].cells[4].amount_sek, 1592000);
  }
}

// A table cut by the page break whose continuation, with no header of its
// own, sets its columns 25-30 pt further left (two tables, each as wide as
// its labels; seed-173 v167): the header page's columns alone shape the
// table, so the continuation's figures, overlapping two of them, no longer
// join them into one, and its rows are read by the order of its columns.
TEST(PageBreakLayoutTest, ContinuationSetsItsColumnsElsewhere) {
  struct Case {
    const char* name;
    double shift;  // how far left the continuation's columns stand
  };
  const std::vector<Case> cases = {
      {"continuation 28 pt left", 28},
      {"control: continuation in the same columns", 0},
  };
  const std::vector<double> p1_cols = {322, 393, 465, 536};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<double> p2_cols;
    for (double x : p1_cols) p2_cols.push_back(x - c.shift);
    PageBuilder p1, p2;
    p1.Text("Budget 2019-2021", 640);
    p1.Add(fixtures::L("Kronor", 55, 665));
    p1.Add(fixtures::R("Totalt", 288, 665));
    p1.Add(fixtures::R("2019-2021", 322, 677));
    p1.Add(fixtures::L("Plan", 343, 665));
    p1.Add(fixtures::R("2021", 393, 665));
    p1.Add(fixtures::L("Plan", 415, 665));
    p1.Add(fixtures::R("2020", 465, 665));
    p1.Add(fixtures::R("Budget", 536, 665));
    p1.Add(fixtures::R("2019", 536, 677));
    p1.Row("Medlemsavgifter", 700, p1_cols, {"26 658 000", "8 886 000", "8 886 000", "8 886 000"});
    p1.Row("Summa intäkter", 714, p1_cols, {"26 658 000", "8 886 000", "8 886 000", "8 886 000"});
    p1.Row("Bidrag till insatser", 728, p1_cols, {"19 306 000", "5 703 000", "5 703 000", "7 900 000"});
    p2.Row("Personalkostnader", 58, p2_cols, {"7 505 000", "2 526 000", "2 526 000", "2 453 000"});
    p2.Row("Övriga externa kostnader", 72, p2_cols, {"2 034 000", "657 000", "657 000", "720 000"});
    p2.Row("Summa kostnader", 86, p2_cols, {"28 845 000", "8 886 000", "8 886 000", "11 073 000"});
    p2.Row("Resultat", 100, p2_cols, {"-2 187 000", "0", "0", "-2 187 000"});
    Document doc = A4Pages("verksamhetsplan", {p1.words, p2.words});
    doc.meta.year_from = 2019;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    const FinancialTable* t = Titled(ts, "Budget 2019");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(Columns(*t), "[totalt 0][plan 2021][plan 2020][budget 2019]");
    ASSERT_EQ(t->rows.size(), 7u);
    EXPECT_EQ(t->rows[6].label, "Resultat");
    EXPECT_EQ(t->rows[6].cells[3].amount_sek, -2187000);
    EXPECT_EQ(t->rows[5].cells[0].amount_sek, 28845000);
  }
}

// A plan's column whose kind OCR garbled ("Uttatt 2025" for "Utfall
// 2025") beside columns that name theirs: a year before the plan period is
// no budget of it. Read as utfall and left suspect (read.kind); a legible
// kind stays ok.
TEST(PageBreakDumpTest, GarbledKindBeforeThePlanPeriodIsSuspect) {
  struct Case {
    const char* name;
    std::string kind;
    std::string status;
  };
  const std::vector<Case> cases = {
      {"kind garbled", "Uttatt", "suspect"},
      {"control: kind legible", "Utfall", "ok"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump("Resultatbudget (tkr)\n" + c.kind +
                                                  " 2025 Prognos 2026 Budget 2027\n"
                                                  "Intakter 16 042 16 060 16 840\n"
                                                  "Kostnader -16 660 -17 410 -18 350\n"
                                                  "Arets resultat -618 -1 350 -1 510\n",
                                              "verksamhetsplan", 2027);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[utfall 2025][prognos 2026][budget 2027]");
    ASSERT_EQ(ts[0].rows.size(), 3u);
    for (const TableRow& r : ts[0].rows) {
      ASSERT_EQ(r.cells.size(), 3u);
      EXPECT_EQ(r.cells[0].status, c.status) << r.label;
      EXPECT_EQ(r.cells[1].status, "ok") << r.label;
      if (c.status == "suspect") {
        EXPECT_EQ(r.cells[0].doubt_rule, "read.kind") << r.label;
      }
    }
  }
}

}  // namespace
}  // namespace finsam
