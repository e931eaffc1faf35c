// Within-report checks and one-cell cures (extractors/period_checks.h), on
// tables shaped like a municipal association's årsredovisning: a five-year
// overview in tkr next to statements in kronor, labels that differ between
// the two ("Intäkter" vs "Summa verksamhetens intäkter").
#include "extractors/period_checks.h"

#include <gtest/gtest.h>

#include "extractors/checks.h"
#include "extractors/number_repair.h"
#include "tests/extractors/review_table_builder.h"

namespace finsam {
namespace {

using testing::ColSpec;
using testing::MakeTable;

std::vector<Flag> WithRule(const std::vector<Flag>& flags, const std::string& rule) {
  std::vector<Flag> out;
  for (const Flag& f : flags)
    if (f.rule == rule) out.push_back(f);
  return out;
}

void SetCategory(FinancialTable* t, const std::string& label, const std::string& category, bool monetary = true) {
  for (TableRow& r : t->rows)
    if (r.label == label) {
      r.category = category;
      r.monetary = monetary;
    }
}

std::vector<ColSpec> Years(int from, int n) {
  std::vector<ColSpec> out;
  for (int y = from; y > from - n; --y) out.push_back({std::to_string(y), y, ColumnKind::kUtfall});
  return out;
}

// Flerårsöversikt, tkr, 2022…2018.
FinancialTable Overview(const std::string& income_2022, const std::string& solidity_2022) {
  FinancialTable t = MakeTable(Years(2022, 5),
                               {{"Intäkter", {income_2022, "11 804", "9 911", "9 870", "9 702"}},
                                {"Kostnader", {"12 203", "11 390", "10 122", "9 640", "9 815"}},
                                {"Årets resultat", {"284", "414", "-211", "230", "-113"}},
                                {"Soliditet", {solidity_2022, "71%", "66%", "70%", "64%"}}},
                               "Flerårsöversikt (tkr)", "overview", 1000);
  SetCategory(&t, "Intäkter", "income.total");
  SetCategory(&t, "Kostnader", "cost.total");
  SetCategory(&t, "Årets resultat", "result");
  SetCategory(&t, "Soliditet", "ratio.solidity", false);
  return t;
}

// Resultaträkning and balansräkning in kronor, 2022 and 2021.
FinancialTable IncomeStatement() {
  FinancialTable t = MakeTable(Years(2022, 2),
                               {{"Summa verksamhetens intäkter", {"12 487 310", "11 804 122"}},
                                {"Verksamhetens kostnader", {"-12 203 455", "-11 390 019"}},
                                {"Årets resultat", {"283 855", "414 103"}}},
                               "Resultaträkning", "income_statement", 1);
  SetCategory(&t, "Summa verksamhetens intäkter", "income.total");
  SetCategory(&t, "Verksamhetens kostnader", "cost.total");
  SetCategory(&t, "Årets resultat", "result");
  return t;
}

FinancialTable BalanceSheet() {
  FinancialTable t = MakeTable(Years(2022, 2),
                               {{"Kassa och bank", {"4 410 200", "4 120 950"}},
                                {"Summa tillgångar", {"4 702 118", "4 389 300"}},
                                {"Eget kapital", {"3 398 960", "3 115 105"}},
                                {"Kortfristiga skulder", {"1 303 158", "1 274 195"}},
                                {"Summa eget kapital och skulder", {"4 702 118", "4 389 300"}}},
                               "Balansräkning", "balance_sheet", 1);
  SetCategory(&t, "Summa tillgångar", "assets.total");
  SetCategory(&t, "Eget kapital", "equity");
  return t;
}

TEST(PeriodChecksTest, OverviewAgreesWithStatementsInAnotherUnit) {
  std::vector<FinancialTable> tables = {Overview("12 487", "72%"), IncomeStatement(), BalanceSheet()};
  std::vector<Flag> flags = CheckPeriods(tables);
  std::vector<Flag> ov = WithRule(flags, kRuleOverview);
  // Intäkter and Kostnader for 2022 and 2021 (labels differ from the
  // statement's); Årets resultat has the same label: xref.same_figure's.
  ASSERT_EQ(ov.size(), 4u);
  for (const Flag& f : ov) {
    EXPECT_TRUE(f.passed) << f.message;
    EXPECT_EQ(f.cells.size(), 2u);
    EXPECT_EQ(f.cells[1].table, 1);
  }
  EXPECT_EQ(ov[0].year, 2022);
  EXPECT_EQ(*ov[0].found, 12487000);
  EXPECT_EQ(*ov[0].expected, 12487310);
  // Soliditet 2022: 3 398 960 / 4 702 118 = 72.3 %; 2021: 71.0 %.
  std::vector<Flag> sol = WithRule(flags, kRuleSolidity);
  ASSERT_EQ(sol.size(), 2u);
  for (const Flag& f : sol) EXPECT_TRUE(f.passed) << f.message;
  EXPECT_EQ(*sol[0].expected, 72.3);
}

TEST(PeriodChecksTest, OverviewDisagreesWithStatement) {
  std::vector<FinancialTable> tables = {Overview("12 847", "27%"), IncomeStatement(), BalanceSheet()};
  std::vector<Flag> flags = CheckPeriods(tables);
  std::vector<Flag> failed;
  for (const Flag& f : flags)
    if (!f.passed) failed.push_back(f);
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_EQ(failed[0].rule, kRuleOverview);
  EXPECT_EQ(failed[0].severity, kSeverityWarning);
  EXPECT_EQ(failed[0].year, 2022);
  EXPECT_EQ(*failed[0].found, 12847000);
  EXPECT_NE(failed[0].message.find("differs from Summa verksamhetens intäkter 2022"), std::string::npos)
      << failed[0].message;
  EXPECT_EQ(failed[1].rule, kRuleSolidity);
  EXPECT_EQ(*failed[1].found, 27);
}

TEST(PeriodChecksTest, SolidityPrintedBareAgainstAnUncategorisedEquityTotal) {
  // A bostadsrättsförening's layout: "Soliditet (%)" with bare numbers, the
  // balance sheet's equity total in capitals and not categorised.
  for (const char* printed : {"72", "27"}) {
    FinancialTable ov = MakeTable(Years(2022, 2), {{"Soliditet (%)", {printed, "71"}}}, "Flerårsöversikt", "overview");
    SetCategory(&ov, "Soliditet (%)", "ratio.solidity", false);
    FinancialTable bs = MakeTable(Years(2022, 2),
                                  {{"SUMMA TILLGÅNGAR", {"4 702 118", "4 389 300"}},
                                   {"SUMMA EGET KAPITAL", {"3 398 960", "3 115 105"}},
                                   {"SUMMA EGET KAPITAL OCH SKULDER", {"4 702 118", "4 389 300"}}},
                                  "Balansräkning", "balance_sheet", 1);
    SetCategory(&bs, "SUMMA TILLGÅNGAR", "assets.total");
    std::vector<FinancialTable> tables = {ov, bs};
    std::vector<Flag> sol = WithRule(CheckPeriods(tables), kRuleSolidity);
    ASSERT_EQ(sol.size(), 2u) << printed;
    EXPECT_EQ(sol[0].passed, std::string(printed) == "72") << sol[0].message;
    EXPECT_TRUE(sol[1].passed) << sol[1].message;
    EXPECT_EQ(sol[0].cells[1].row, 1);  // SUMMA EGET KAPITAL
  }
}

TEST(PeriodChecksTest, NoStatementsNoFlags) {
  std::vector<FinancialTable> tables = {Overview("12 487", "72%")};
  EXPECT_TRUE(CheckPeriods(tables).empty());
}

// A driftsredovisning whose Lokalkostnader lost a digit: printed -773 where
// the Summa needs -7 738. (A reading like "-7 73" does not parse as one
// number; the number repair deals with those.)
FinancialTable Operating(const std::string& lokal, const std::string& ovriga = "-1 040") {
  std::vector<ColSpec> cols = {{"Utfall 2022", 2022, ColumnKind::kUtfall}, {"Budget 2022", 2022, ColumnKind::kBudget}};
  return MakeTable(cols,
                   {{"Kostnader", {}},
                    {"Personalkostnader", {"-2 100", "-2 200"}},
                    {"Lokalkostnader", {lokal, "-7 800"}},
                    {"Övriga kostnader", {ovriga, "-1 000"}},
                    {"Summa kostnader", {"-10 878", "-11 000"}}},
                   "Driftsredovisning 2022", "operating", 1000);
}

TEST(PeriodChecksTest, OneMisprintedCellIsSuggested) {
  std::vector<FinancialTable> tables = {Operating("-773")};
  std::vector<Flag> flags = CheckDocument(tables);
  SuggestOneCellCures(tables, &flags);
  int suggested = 0;
  for (const Flag& f : flags) {
    if (!f.suggested_value) continue;
    ++suggested;
    EXPECT_FALSE(f.passed);
    EXPECT_EQ(f.rule, kRuleSumSection);
    ASSERT_TRUE(f.suggested_cell);
    EXPECT_EQ(f.suggested_cell->row, 2);  // Lokalkostnader
    EXPECT_EQ(f.suggested_cell->col, 0);
    EXPECT_EQ(*f.suggested_value, -7738);
    EXPECT_NE(f.message.find("printed -773, the sum needs -7 738 tkr"), std::string::npos) << f.message;
  }
  EXPECT_EQ(suggested, 1);
  // Clean table: nothing fails, nothing suggested.
  std::vector<FinancialTable> clean = {Operating("-7 738")};
  std::vector<Flag> ok = CheckDocument(clean);
  SuggestOneCellCures(clean, &ok);
  for (const Flag& f : ok) EXPECT_FALSE(f.suggested_value) << f.message;
}

TEST(PeriodChecksTest, TwoPlausibleMisprintsSuggestNothing) {
  // Off by 10: every cell of the column (-2 100 → -2 110, -7 728 → -7 738,
  // -1 040 → -1 050, the Summa -10 878 → -10 868) is one digit away from the
  // value that would make the sum hold; the sum cannot tell which.
  std::vector<FinancialTable> tables = {Operating("-7 728", "-1 040")};
  std::vector<Flag> flags = CheckDocument(tables);
  SuggestOneCellCures(tables, &flags);
  bool failed = false;
  for (const Flag& f : flags) {
    failed = failed || !f.passed;
    EXPECT_FALSE(f.suggested_value) << f.message;
  }
  EXPECT_TRUE(failed);
}

// The same Lokalkostnader printed "-7 73" (a thousands group lost a digit:
// the reader cannot take it as one number). The repair finds no OCR reading
// and leaves it unreadable; the sums need -7 738, one digit away from the
// printed 773: suggested on the repair.unreadable flag. With two digits
// lost ("-7 7") nothing is suggested.
TEST(PeriodChecksTest, UnreadableCellWithALostDigitIsSuggested) {
  for (const std::string& printed : {std::string("-7 73"), std::string("-7 7")}) {
    SCOPED_TRACE(printed);
    std::vector<FinancialTable> tables = {Operating(printed)};
    ASSERT_FALSE(tables[0].rows[2].cells[0].parsed);
    std::vector<Flag> flags;
    RepairTables(tables, &flags);
    std::vector<Flag> checks = CheckDocument(tables);
    flags.insert(flags.end(), checks.begin(), checks.end());
    SuggestOneCellCures(tables, &flags);
    // One lost digit: the repair loads the figure the sums need, suspect
    // (repair.derived), and that is the cure suggested. Two lost: unread.
    const bool one = printed == "-7 73";
    const char* rule = one ? "repair.derived" : "repair.unreadable";
    std::vector<Flag> unreadable = WithRule(flags, rule);
    ASSERT_EQ(unreadable.size(), 1u);
    const Flag& f = unreadable[0];
    EXPECT_EQ(f.cells.at(0).row, 2);
    EXPECT_EQ(f.cells.at(0).col, 0);
    EXPECT_EQ(tables[0].rows[2].cells[0].parsed, one);
    EXPECT_EQ(tables[0].rows[2].cells[0].status, "suspect");
    if (one) {
      EXPECT_EQ(tables[0].rows[2].cells[0].value, -7738);
      ASSERT_TRUE(f.suggested_value);
      EXPECT_EQ(*f.suggested_value, -7738);
      ASSERT_TRUE(f.suggested_cell);
      EXPECT_EQ(f.suggested_cell->row, 2);
      EXPECT_NE(f.message.find("loaded as -7 738"), std::string::npos) << f.message;
    } else {
      EXPECT_FALSE(f.suggested_value) << f.message;
    }
    for (const Flag& g : flags) {
      if (g.rule != rule) {
        EXPECT_FALSE(g.suggested_value) << g.rule << ": " << g.message;
      }
    }
  }
}

TEST(PeriodChecksTest, IsOneMisprint) {
  struct Case {
    double from, to;
    bool want;
  };
  for (const Case& c : std::vector<Case>{{-773, -7738, true},    // digit dropped
                                         {7738, 773, true},      // digit added
                                         {13230, 13320, true},   // neighbours swapped
                                         {13420, 13320, true},   // one digit changed
                                         {-215, 215, false},     // sign lost: not taken (see the header)
                                         {13230, 13321, false},  // two changes
                                         {100, 100, false},      // nothing to cure
                                         {12.5, 125, false},     // not whole
                                         {-773, 7738, false}}) {
    EXPECT_EQ(IsOneMisprint(c.from, c.to), c.want) << c.from << " → " << c.to;
  }
}

}  // namespace
}  // namespace finsam
