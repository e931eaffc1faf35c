// Shapes from a made-up plan of a förbund finsam never saw, printed the way
// a new user's first document was (Chromium PDF of an HTML plan): a unit
// sentence between a table's caption and its header, the next numbered
// section heading (with its year) right under the table, state income
// called "Statlig medlemsavgift", closing equity under the result.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/categories.h"
#include "extractors/financial_tables.h"
#include "extractors/members.h"
#include "extractors/table_grid.h"
#include "pipeline/input/text_reader.h"
#include "tests/support/a4_pages.h"

namespace finsam {
namespace {

using fixtures::A4Pages;
using fixtures::PageBuilder;
using fixtures::R;

// A footnote mark set as a superscript digit after a label's word is the
// label's note (w15's "Insatser¹"); square and cubic metres stay.
TEST(UnseenPlanTest, FootnoteMarksLeaveLabels) {
  const std::pair<const char*, const char*> kCases[] = {
      {"Insatser\u00b9", "Insatser"},
      {"Övriga kostnader\u00b2\u00b3", "Övriga kostnader"},
      {"Medlemsavgifter*", "Medlemsavgifter"},
      {"Årsavgift kr/m\u00b2", "Årsavgift kr/m\u00b2"},
      {"Volym m\u00b3", "Volym m\u00b3"},
      {"Summa 2025", "Summa 2025"},
  };
  for (const auto& [in, want] : kCases) EXPECT_EQ(CleanCellText(in), want) << in;
}

TEST(UnseenPlanTest, UnitStatementLines) {
  struct Case {
    const char* line;
    const char* want;  // "" = the line states no unit
  };
  const Case kCases[] = {
      {"Belopp i tusentals kronor (tkr).", "tkr"},
      {"Beloppen anges i tkr", "tkr"},
      {"Belopp i kronor", "kr"},
      {"(mkr)", "mkr"},
      {"Alla belopp redovisas i miljoner kronor.", "mkr"},
      {"Tkr", "tkr"},
      {"Förbundet har 2,3 miljoner kronor i eget kapital.", ""},
      {"Budget 2025 och plan 2026–2027", ""},
      {"Kostnader i kronor per deltagare", ""},
      {"Tabellen nedan visar utfall för perioden och prognos för helåret (tkr).", "tkr"},
      {"Kostnaderna redovisas i tusentals kronor:", "tkr"},
      {"Kostnaden för kansliet uppgick till 300 tkr.", ""},
      {"Resultatet visas i kronor.", ""},
      {"Summan (300 tkr) är budgeterad.", ""},
      // The unit in a sentence of its own before or after others (w15).
      {"Belopp i tusen kronor. Kostnader anges med minustecken.", "tkr"},
      {"Förbundet finansierade fyra insatser. Belopp i kr.", "kr"},
      {"Beloppen i tabellen anges i kronor.", "kr"},
      {"Kostnaderna ökar. Resultatet visas i kronor.", ""},
      // A caption sentence ending in the unit, before another (w40).
      {"Insatser 2025 (tkr). Antal deltagare avser personer som deltog någon gång under året.", "tkr"},
      {"Insatser 2025 (tkr) Antal deltagare avser personer som deltog under året.", ""},
      {"Kostnaden uppgick till 300 tkr. Antal deltagare avser personer som deltog under året.", ""},
      // The subject naming what the amounts are, before an "i" (w45); a
      // row label with a unit states none.
      {"Avgifterna i kronor. Staten betalar hälften via Försäkringskassan.", "kr"},
      {"Siffrorna anges i tkr.", "tkr"},
      {"Kostnaderna i tabellen redovisas i tusentals kronor", "tkr"},
      {"Intäkter tkr", ""},
      {"Avgifterna höjs med 2 procent. Beslut i kronor.", ""},
  };
  for (const Case& c : kCases) {
    std::optional<MoneyUnit> u = UnitStatementLine(c.line);
    EXPECT_EQ(u ? u->unit : "", c.want) << c.line;
  }
}

// The unit sentence stands between the caption and the header of the table
// it belongs to; prose naming an amount there sets nothing.
TEST(UnseenPlanTest, UnitLineBetweenCaptionAndHeader) {
  struct Case {
    const char* name;
    const char* between;
    const char* want_unit;
    int64_t want_amount;  // of Intäkter / Budget 2025 printed "5 200"
    const char* want_status;
  };
  const Case kCases[] = {
      {"tusentals kronor", "Belopp i tusentals kronor (tkr).", "tkr", 5200000, "ok"},
      {"kronor", "Belopp i kronor", "kr", 5200, "ok"},
      {"a sentence ending in the unit", "Tabellen visar budget och plan för perioden (tkr).", "tkr", 5200000, "ok"},
      {"prose naming an amount", "Förbundet har 2,3 miljoner kronor i eget kapital.", "", 5200000, "suspect"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Document doc;
    doc.meta.kind = "verksamhetsplan";
    ReadText(std::string("3. Budget 2025 och plan 2026–2027\n") + c.between +
                 "\n\tBudget 2025\tPlan 2026\nIntäkter\t5 200\t5 200\nKostnader\t-5 700\t-5 600\n"
                 "Årets resultat\t-500\t-400\n",
             doc);
    std::vector<FinancialTable> tables = ExtractFinancialTables(doc);
    ASSERT_EQ(tables.size(), 1u);
    const FinancialTable& t = tables[0];
    EXPECT_EQ(t.unit, c.want_unit);
    ASSERT_FALSE(t.rows.empty());
    EXPECT_EQ(t.rows[0].label, "Intäkter");
    EXPECT_EQ(t.rows[0].cells[0].amount_sek, c.want_amount);
    EXPECT_EQ(t.rows[0].cells[0].status, c.want_status);
  }
}

// "4. Medlemsavgifter 2025" right under a budget table, in heading type: it
// ends the table, its year is no figure. A numbered row of the table set in
// body type ("2. Personal 2 025") stays a row.
TEST(UnseenPlanTest, NextNumberedHeadingEndsTheTable) {
  struct Case {
    const char* name;
    double heading_height;
    bool want_row;
  };
  const Case kCases[] = {
      {"heading type", 12.5, false},
      {"body type", 10, true},
  };
  const std::vector<double> kRights = {300, 360};
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Text("3. Budget 2025 och plan 2026", 50, 12.5);
    pb.Text("Belopp i tusentals kronor (tkr).", 72);
    pb.Add(R("Budget", 300, 92));
    pb.Add(R("Plan", 360, 92));
    pb.Add(R("2025", 300, 103));
    pb.Add(R("2026", 360, 103));
    pb.Row("Intäkter", 120, kRights, {"5 200", "5 200"});
    pb.Row("Kostnader", 134, kRights, {"-5 700", "-5 600"});
    pb.Row("Årets resultat", 148, kRights, {"-500", "-400"});
    pb.Text("4. Medlemsavgifter", 170, c.heading_height);
    pb.Add(R("2025", 300, 170, c.heading_height));
    Document doc = A4Pages("verksamhetsplan", {pb.words});
    std::vector<FinancialTable> tables = ExtractFinancialTables(doc);
    ASSERT_GE(tables.size(), 1u);
    const FinancialTable& t = tables[0];
    std::string labels;
    for (const TableRow& r : t.rows) labels += "[" + r.label + "]";
    SCOPED_TRACE(labels + " title " + t.title);
    bool has_row = false;
    for (const TableRow& r : t.rows) has_row = has_row || r.label.rfind("4. Medlemsavgifter", 0) == 0;
    EXPECT_EQ(has_row, c.want_row);
    ASSERT_GE(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[2].label, "Årets resultat");
    EXPECT_EQ(t.unit, "tkr");
    EXPECT_EQ(t.rows[2].cells[1].amount_sek, -400000);
  }
}

TEST(UnseenPlanTest, PlanLinesOfOtherForbund) {
  struct Case {
    const char* label;
    const char* want;  // "" = none
  };
  const Case kCases[] = {
      {"Statlig medlemsavgift", "income.state"},
      {"Statliga medel", "income.state"},
      {"Statens bidrag", "income.state"},
      {"Eget kapital vid årets slut", "equity"},
      {"Utgående eget kapital", "equity"},
      {"Eget kapital vid årets början", ""},  // the opening balance
      {"Personal och kansli", ""},            // two categories in one line
  };
  for (const Case& c : kCases) {
    CategoryInput in{c.label, "Intäkter", "budget", "", false};
    EXPECT_EQ(Categorize(in).value_or(""), c.want) << c.label;
  }
}

// The state's row of a budget table is the state's contribution, paid by
// the two agencies together, and counts in the members' shares.
TEST(UnseenPlanTest, StateRowIsAMemberContribution) {
  Document doc;
  doc.meta.kind = "verksamhetsplan";
  ReadText("Budget 2025, tkr\n\tBudget 2025\tPlan 2026\nStatlig medlemsavgift\t2 600\t2 600\n"
           "Region Provland\t1 300\t1 300\nKommunerna\t1 300\t1 300\nSumma intäkter\t5 200\t5 200\n",
           doc);
  std::vector<FinancialTable> tables = ExtractFinancialTables(doc);
  ASSERT_EQ(tables.size(), 1u);
  Governance gov;
  MergeTableContributions(tables, &gov);
  SCOPED_TRACE(tables[0].table_kind + " " + tables[0].title);
  ASSERT_EQ(gov.members.size(), 6u);  // 3 members × 2 years
  EXPECT_EQ(gov.members[0].organisation, "Försäkringskassan och Arbetsförmedlingen");
  EXPECT_TRUE(gov.members[0].is_member);
  ASSERT_TRUE(gov.members[0].share.has_value());
  EXPECT_DOUBLE_EQ(*gov.members[0].share, 0.5);
  ASSERT_TRUE(gov.members[2].share.has_value());  // Region Provland 2025
  EXPECT_EQ(gov.members[2].organisation, "Region Provland");
  EXPECT_DOUBLE_EQ(*gov.members[2].share, 0.25);
}

}  // namespace
}  // namespace finsam
