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
#include "tests/support/dump_tables.h"

namespace finsam {
namespace {

using fixtures::Columns;
using fixtures::FromDump;

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

}  // namespace
}  // namespace finsam
