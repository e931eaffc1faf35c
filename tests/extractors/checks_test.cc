// One test per in-document rule (extractors/checks.h), on tables built from
// the corpus figures (hand-checked against the received texts).
#include "extractors/checks.h"

#include <gtest/gtest.h>

#include "tests/extractors/review_table_builder.h"

namespace finsam {
namespace {

using testing::BudgetYears;
using testing::ColSpec;
using testing::GavleborgBalansrakning;
using testing::GavleborgDriftsredovisning;
using testing::GavleborgPlan;
using testing::MakeTable;

std::vector<Flag> WithRule(const std::vector<Flag>& flags, const std::string& rule) {
  std::vector<Flag> out;
  for (const Flag& f : flags)
    if (f.rule == rule) out.push_back(f);
  return out;
}

int Failed(const std::vector<Flag>& flags) {
  int n = 0;
  for (const Flag& f : flags) n += !f.passed;
  return n;
}

TEST(ChecksTest, LabelClassification) {
  EXPECT_TRUE(IsSumLabel("Summa intäkter"));
  EXPECT_TRUE(IsSumLabel("S:a kostnader"));
  EXPECT_TRUE(IsSumLabel("Summa"));
  EXPECT_FALSE(IsSumLabel("Totalbudget 2020"));
  // A group's subtotal (w31: "Delsumma individinriktade" under its section).
  EXPECT_TRUE(IsSumLabel("Delsumma individinriktade"));
  EXPECT_TRUE(IsSumLabel("Totalsumma"));
  EXPECT_FALSE(IsSumLabel("Delsummering av året"));
  EXPECT_TRUE(IsResultLabel("Årets resultat"));
  EXPECT_TRUE(IsResultLabel("Verksamhetens nettokostnad"));
  EXPECT_TRUE(IsResultLabel("Kassaflöde för den löpande verksamheten"));
  EXPECT_FALSE(IsResultLabel("Balanskravsresultat"));
  EXPECT_TRUE(IsVaravLabel("varav tillgängligt för nya insatser"));
  EXPECT_TRUE(IsCostLabel("Summa kostnader"));
}

TEST(ChecksTest, SumSectionPassesOnThePlan) {
  std::vector<Flag> flags = CheckDocument({GavleborgPlan()});
  std::vector<Flag> sums = WithRule(flags, kRuleSumSection);
  // Summa intäkter and Summa (kostnader), three years each; varav rows are
  // not summed.
  ASSERT_EQ(sums.size(), 6u);
  EXPECT_EQ(Failed(sums), 0);
  EXPECT_EQ(*sums[3].found, 18806000);
  EXPECT_EQ(sums[3].year, 2020);
}

TEST(ChecksTest, SumSectionFailsOnAlteredFigure) {
  std::vector<Flag> flags = CheckDocument({GavleborgPlan("13 230")});
  std::vector<Flag> sums = WithRule(flags, kRuleSumSection);
  ASSERT_EQ(Failed(sums), 1);
  for (const Flag& f : sums) {
    if (f.passed) continue;
    EXPECT_EQ(f.severity, "error");
    EXPECT_EQ(f.year, 2021);
    EXPECT_EQ(*f.found, 13230000);
    EXPECT_EQ(*f.expected, 13320000);  // 9 808 + 2 912 + 600
    EXPECT_NE(f.message.find("13 320"), std::string::npos) << f.message;
  }
}

TEST(ChecksTest, NestedSectionsInBalanceSheet) {
  // Two subsections under TILLGÅNGAR; Summa tillgångar spans both.
  std::vector<ColSpec> cols = {{"2020", 2020, ColumnKind::kUtfall}, {"2019", 2019, ColumnKind::kUtfall}};
  FinancialTable t = MakeTable(cols, {{"TILLGÅNGAR", {}},
                                      {"Anläggningstillgångar", {}},
                                      {"Inventarier", {"50", "60"}},
                                      {"Summa anläggningstillgångar", {"50", "60"}},
                                      {"Omsättningstillgångar", {}},
                                      {"Kortfristiga fordringar", {"132", "136"}},
                                      {"Kassa och bank", {"10 087", "9 054"}},
                                      {"Summa omsättningstillgångar", {"10 219", "9 190"}},
                                      {"Summa tillgångar", {"10 269", "9 250"}}},
                               "Balansräkning", "balance_sheet");
  std::vector<Flag> sums = WithRule(CheckDocument({t}), kRuleSumSection);
  ASSERT_EQ(sums.size(), 6u);
  EXPECT_EQ(Failed(sums), 0);
  t.rows[8].cells[0] = testing::MakeCell("10 219", 1000);  // nested total forgets a subsection
  sums = WithRule(CheckDocument({t}), kRuleSumSection);
  EXPECT_EQ(Failed(sums), 1);
}

TEST(ChecksTest, ResultIsIncomeMinusCostsUnsigned) {
  // Jämtland, Budget 2019-2021: costs printed positive, Resultat -2 187.
  FinancialTable t = MakeTable(BudgetYears(), {{"Intäkter", {}},
                                               {"Försäkringskassan/Arbetsförmedlingen", {"4 443", "4 443", "4 443"}},
                                               {"Kommunerna", {"2 221", "2 222", "2 221"}},
                                               {"Region Jämtland Härjedalen", {"2 222", "2 221", "2 222"}},
                                               {"Summa intäkter", {"8 886", "8 886", "8 886"}},
                                               {"Kostnader", {}},
                                               {"Bidrag till insatser", {"7 900", "5 703", "5 703"}},
                                               {"Varav redan beviljat", {"4 100", "976", "756"}},
                                               {"Personalkostnader", {"2 453", "2 526", "2 526"}},
                                               {"Övriga externa kostnader", {"720", "657", "657"}},
                                               {"Summa kostnader", {"11 073", "8 886", "8 886"}},
                                               {"Resultat", {"-2 187", "0", "0"}}});
  std::vector<Flag> res = WithRule(CheckDocument({t}), kRuleSumResult);
  ASSERT_EQ(res.size(), 3u);
  EXPECT_EQ(Failed(res), 0);
  t.rows[11].cells[0] = testing::MakeCell("-2 178", 1000);
  res = WithRule(CheckDocument({t}), kRuleSumResult);
  ASSERT_EQ(Failed(res), 1);
  EXPECT_EQ(*res[0].expected, -2187000);
}

TEST(ChecksTest, ResultWithSignedCostsAndAvvikelse) {
  FinancialTable t = GavleborgDriftsredovisning();
  std::vector<Flag> flags = CheckDocument({t});
  std::vector<Flag> res = WithRule(flags, kRuleSumResult);
  ASSERT_EQ(res.size(), 4u);
  EXPECT_EQ(Failed(res), 0);
  std::vector<Flag> avv = WithRule(flags, kRuleAvvikelse);
  ASSERT_EQ(avv.size(), 3u);
  EXPECT_EQ(Failed(avv), 0);
  t.rows[1].cells[2] = testing::MakeCell("5 910", 1000);  // transposed digits
  avv = WithRule(CheckDocument({t}), kRuleAvvikelse);
  EXPECT_EQ(Failed(avv), 1);
}

// A delårsrapport's uppföljning (the shape förbund print: budget for the
// year, utfall so far, Återstår = budget − utfall, Förbrukat %); figures
// made up, every sum checked by hand.
FinancialTable Uppfoljning() {
  std::vector<ColSpec> cols = {{"Budget 2021", 2021, ColumnKind::kBudget},
                               {"Utfall jan-aug 2021", 2021, ColumnKind::kUtfall},
                               {"Återstår", 2021, ColumnKind::kAterstar},
                               {"Förbrukat %", 2021, ColumnKind::kAndel}};
  return MakeTable(cols, {{"Intäkter", {}},
                          {"Statlig medlemsavgift", {"5 000", "3 333", "1 667", "67%"}},
                          {"Region", {"2 500", "1 667", "833", "67%"}},
                          {"Kommunerna", {"2 500", "1 667", "833", "67%"}},
                          {"Summa intäkter", {"10 000", "6 667", "3 333", "67%"}},
                          {"Kostnader", {}},
                          {"Insatser", {"8 200", "4 950", "3 250", "60%"}},
                          {"Personalkostnader", {"2 100", "1 390", "710", "66%"}},
                          {"Övriga kostnader", {"700", "415", "285", "59%"}},
                          {"Summa kostnader", {"11 000", "6 755", "4 245", "61%"}},
                          {"Resultat", {"-1 000", "-88", "-912", ""}}},
                   "Ekonomisk uppföljning januari-augusti 2021", "operating");
}

TEST(ChecksTest, AterstarIsBudgetMinusUtfallSoFar) {
  FinancialTable t = Uppfoljning();
  std::vector<Flag> rem = WithRule(CheckDocument({t}), kRuleAterstar);
  ASSERT_EQ(rem.size(), 9u);  // every row with figures
  EXPECT_EQ(Failed(rem), 0);
  // One figure misprinted: 701 for 710. Its row fails, and nothing else
  // of the Återstår rule.
  t.rows[7].cells[2] = testing::MakeCell("701", 1000);
  std::vector<Flag> flags = CheckDocument({t});
  rem = WithRule(flags, kRuleAterstar);
  ASSERT_EQ(Failed(rem), 1);
  for (const Flag& f : rem) {
    if (f.passed) continue;
    EXPECT_EQ(f.severity, kSeverityError);
    EXPECT_EQ(*f.found, 701000);
    EXPECT_EQ(*f.expected, 710000);  // 2 100 − 1 390
    EXPECT_EQ(f.cells.at(0).row, 7);
    EXPECT_EQ(f.cells.at(0).col, 2);
  }
  // The column's Summa kostnader fails too (3 250 + 701 + 285 ≠ 4 245).
  int failed_sections = 0;
  for (const Flag& f : WithRule(flags, kRuleSumSection)) failed_sections += !f.passed && f.cells.at(0).col == 2;
  EXPECT_EQ(failed_sections, 1);
}

TEST(ChecksTest, AterstarPrintedTheOtherWayRound) {
  // Some reports print what is left as utfall − budget (negative while
  // money remains): the majority of rows decides, as for Avvikelse.
  FinancialTable t = Uppfoljning();
  for (TableRow& r : t.rows) {
    if (r.cells.empty() || !r.cells[2].present) continue;
    std::string raw = r.cells[2].raw;
    r.cells[2] = testing::MakeCell(raw[0] == '-' ? raw.substr(1) : "-" + raw, 1000);
  }
  std::vector<Flag> rem = WithRule(CheckDocument({t}), kRuleAterstar);
  ASSERT_EQ(rem.size(), 9u);
  EXPECT_EQ(Failed(rem), 0);
}

TEST(ChecksTest, TotaltColumn) {
  std::vector<ColSpec> cols = {{"2019", 2019, ColumnKind::kUtfall}, {"2020", 2020, ColumnKind::kUtfall},
                               {"2021", 2021, ColumnKind::kBudget}, {"2022", 2022, ColumnKind::kPlan},
                               {"2023", 2023, ColumnKind::kPlan},   {"Totalt", 0, ColumnKind::kTotalt}};
  FinancialTable t = MakeTable(cols, {{"Medlemsavgifter", {"6 139", "6 603", "6 230", "6 230", "6230", "31432"}},
                                      {"Insatser", {"1 000", "1 000", "1 000", "1 000", "1 000", "5 100"}}});
  std::vector<Flag> tot = WithRule(CheckDocument({t}), kRuleTotaltColumn);
  ASSERT_EQ(tot.size(), 2u);
  EXPECT_TRUE(tot[0].passed);
  EXPECT_FALSE(tot[1].passed);
  EXPECT_EQ(*tot[1].expected, 5000000);
}

TEST(ChecksTest, AndelRatio) {
  std::vector<ColSpec> cols = {{"Utfall 2020, tkr", 2020, ColumnKind::kUtfall},
                               {"Budget 2020, tkr", 2020, ColumnKind::kBudget},
                               {"Förbrukade medel, andel av budget", 2020, ColumnKind::kAndel}};
  FinancialTable t = MakeTable(cols, {{"Ett hållbart arbetsliv-Ockelbo", {"801", "892", "90%"}},
                                      {"Insatskatalogen", {"188", "303", "26%"}}},
                               "Insatser", "interventions");
  std::vector<Flag> andel = WithRule(CheckDocument({t}), kRuleAndel);
  ASSERT_EQ(andel.size(), 2u);
  EXPECT_TRUE(andel[0].passed);   // 801 / 892 = 89,8 %
  EXPECT_FALSE(andel[1].passed);  // 188 / 303 = 62,0 %, printed 26 %
  EXPECT_EQ(andel[1].unit, "%");
  EXPECT_DOUBLE_EQ(*andel[1].expected, 62.0);
}

TEST(ChecksTest, BalanceIdentity) {
  FinancialTable t = GavleborgBalansrakning();
  std::vector<Flag> bal = WithRule(CheckDocument({t}), kRuleBalance);
  ASSERT_EQ(bal.size(), 2u);
  EXPECT_EQ(Failed(bal), 0);
  t.rows[7].cells[1] = testing::MakeCell("9 109", 1000);
  bal = WithRule(CheckDocument({t}), kRuleBalance);
  EXPECT_EQ(Failed(bal), 1);
}

TEST(ChecksTest, CashFlowTies) {
  std::vector<ColSpec> cols = {{"2020-12-31", 2020, ColumnKind::kUtfall}, {"2019-12-31", 2019, ColumnKind::kUtfall}};
  FinancialTable t = MakeTable(cols, {{"Årets resultat", {"-215", "4 887"}},
                                      {"Justering för ej likviditetspåverkande poster", {}},
                                      {"Medel från verksamheten före förändring av rörelsekapital", {"-215", "4 887"}},
                                      {"Ökning/minskning kortfristiga fordringar", {"4", "187"}},
                                      {"Ökning/minskning kortfristiga skulder", {"1 244", "-223"}},
                                      {"Summa förändring av rörelsekapital", {"1 248", "-36"}},
                                      {"Kassaflöde för den löpande verksamheten", {"1 033", "4 851"}},
                                      {"Årets kassaflöde", {"1 033", "4 851"}},
                                      {"Likvida medel vid årets början", {"9 054", "4 203"}},
                                      {"Likvida medel vid årets slut", {"10 087", "9 054"}}},
                               "Kassaflödesanalys", "cash_flow");
  std::vector<Flag> flags = CheckDocument({t});
  std::vector<Flag> ties = WithRule(flags, kRuleCashTies);
  ASSERT_EQ(ties.size(), 2u);
  EXPECT_EQ(Failed(ties), 0);
  EXPECT_EQ(Failed(WithRule(flags, kRuleSumSection)), 0);
  EXPECT_EQ(Failed(WithRule(flags, kRuleSumResult)), 0);
  EXPECT_GE(WithRule(flags, kRuleSumResult).size(), 4u);
  t.rows[9].cells[0] = testing::MakeCell("10 078", 1000);
  EXPECT_EQ(Failed(WithRule(CheckDocument({t}), kRuleCashTies)), 1);
}

// Equity rolled forward (session 66): closing = opening + the changes
// between, per column; a table that prints a sum between the two is no
// plain roll-forward and gets no check.
TEST(ChecksTest, EquityRolledForward) {
  std::vector<ColSpec> cols = {{"Prognos 2026", 2026, ColumnKind::kPrognos}, {"Budget 2027", 2027, ColumnKind::kBudget}};
  struct Case {
    const char* name;
    std::vector<testing::RowSpec> rows;
    size_t checks;
    int failed;
  };
  const std::vector<Case> cases = {
      {"result only",
       {{"Ingående eget kapital", {"800", "760"}},
        {"Årets resultat", {"-40", "50"}},
        {"Utgående eget kapital", {"760", "810"}}},
       2, 0},
      {"two changes, dated heads",
       {{"Eget kapital 1 januari", {"800", "760"}},
        {"Årets resultat", {"-40", "50"}},
        {"Återbetalning till medlemmarna", {"0", "-100"}},
        {"Eget kapital 31 december", {"760", "710"}}},
       2, 0},
      {"a figure off",
       {{"Ingående eget kapital", {"800", "760"}},
        {"Årets resultat", {"-40", "50"}},
        {"Utgående eget kapital", {"760", "801"}}},
       2, 1},
      {"control: a sum between them",
       {{"Ingående eget kapital", {"800", "760"}},
        {"Årets resultat", {"-40", "50"}},
        {"Summa förändring", {"-40", "50"}},
        {"Utgående eget kapital", {"760", "810"}}},
       0, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    FinancialTable t = MakeTable(cols, c.rows, "Eget kapital", "budget");
    std::vector<Flag> eq = WithRule(CheckDocument({t}), kRuleEquityRollForward);
    EXPECT_EQ(eq.size(), c.checks);
    EXPECT_EQ(Failed(eq), c.failed);
  }
}

TEST(ChecksTest, StatementLineAgainstItsNote) {
  std::vector<ColSpec> cols = {{"Not", 0, ColumnKind::kNote},
                               {"2020", 2020, ColumnKind::kUtfall},
                               {"2019", 2019, ColumnKind::kUtfall}};
  FinancialTable bs = MakeTable(cols, {{"Kortfristiga fordringar", {"3", "132", "136"}},
                                       {"Kortfristiga skulder", {"4", "3 589", "2 345"}}},
                                "Balansräkning", "balance_sheet");
  std::vector<ColSpec> ncols = {{"2020-12-31", 2020, ColumnKind::kUtfall}, {"2019-12-31", 2019, ColumnKind::kUtfall}};
  FinancialTable n3 = MakeTable(ncols, {{"Skattefordran", {"43", "109"}},
                                        {"Förutbetalda kostnader", {"89", "27"}},
                                        {"Summa", {"132", "136"}}},
                                "Not 3. Kortfristiga fordringar", "note");
  FinancialTable n4 = MakeTable(ncols, {{"Region Gävleborg", {"359", "297"}}, {"Summa", {"1458", "1603"}}},
                                "Not 4. Upplupna kostnader", "note");
  std::vector<Flag> notes = WithRule(CheckDocument({bs, n3, n4}), kRuleNoteRef);
  ASSERT_EQ(notes.size(), 4u);
  EXPECT_TRUE(notes[0].passed);
  EXPECT_TRUE(notes[1].passed);
  // The årsredovisning's Kortfristiga skulder (3 589) is not its Not 4 (1 458).
  EXPECT_FALSE(notes[2].passed);
  EXPECT_EQ(notes[2].severity, "warning");
  EXPECT_EQ(*notes[2].expected, 1458000);
}

TEST(ChecksTest, SameFigureInTwoTables) {
  std::vector<ColSpec> five = {{"2020", 2020, ColumnKind::kUtfall}, {"2019", 2019, ColumnKind::kUtfall}};
  FinancialTable overview = MakeTable(five, {{"Verksamhetens intäkter", {"13 401", "13 319"}}}, "Översikt", "overview");
  FinancialTable rr = MakeTable(five, {{"Verksamhetens intäkter", {"13 401", "13 391"}}}, "Resultaträkning",
                                "income_statement");
  overview.rows[0].category = rr.rows[0].category = "income.total";
  FinancialTable note4 = MakeTable(five, {{"Region Gävleborg", {"359", "297"}}}, "Not 4. Upplupna kostnader", "note");
  FinancialTable note1 = MakeTable(five, {{"Region Gävleborg", {"3 330", "3 330"}}}, "Not 1. Medlemsavgifter", "note");
  note1.rows[0].category = "income.region";  // note4's row has no category: not the same figure
  std::vector<Flag> same = WithRule(CheckDocument({overview, rr, note4, note1}), kRuleSameFigure);
  ASSERT_EQ(same.size(), 2u);
  EXPECT_EQ(Failed(same), 1);
}

// The same name under two different Summa rows is two items ("Övriga
// intäkter" in the note on nettoomsättning and in the note on övriga
// rörelseintäkter), not one figure printed twice; the same breakdown printed
// twice (equal Summa) is still compared.
TEST(ChecksTest, PartsOfDifferentWholesAreNotTheSameFigure) {
  std::vector<ColSpec> cols = {{"2023", 2023, ColumnKind::kUtfall}, {"2022", 2022, ColumnKind::kUtfall}};
  auto note = [&](const char* title, const char* other, const char* summa2023) {
    FinancialTable t = MakeTable(cols, {{"Årsavgifter", {"3 651", "3 511"}},
                                        {"Övriga intäkter", {other, "0"}},
                                        {"Summa", {summa2023, "3 511"}}},
                                 title, "note");
    t.rows[1].category = "income.other";
    return t;
  };
  FinancialTable n2 = note("Not 2 Nettoomsättning", "12", "3 663");
  FinancialTable n3 = note("Not 3 Övriga rörelseintäkter", "96", "3 747");
  std::vector<Flag> apart = WithRule(CheckDocument({n2, n3}), kRuleSameFigure);
  EXPECT_EQ(Failed(apart), 0);
  // Printed twice with equal wholes: a differing part is flagged.
  FinancialTable again = note("Not 2 Nettoomsättning (forts.)", "96", "3 663");
  again.rows[0].cells[0] = n2.rows[0].cells[0];
  std::vector<Flag> twice = WithRule(CheckDocument({n2, again}), kRuleSameFigure);
  EXPECT_EQ(Failed(twice), 1);
}


// A note whose last Summa is another quantity (acquisition value above the
// closing book value; all loans where the line is the long-term part, two
// lines citing the note): the line is confirmed by the note row that prints
// its figure, and flagged only when no row of the note does.
TEST(ChecksTest, StatementLineFoundInItsNoteBesideTheSumma) {
  std::vector<ColSpec> cols = {{"Not", 0, ColumnKind::kNote},
                               {"2023", 2023, ColumnKind::kUtfall},
                               {"2022", 2022, ColumnKind::kUtfall}};
  std::vector<ColSpec> ncols = {{"2023-12-31", 2023, ColumnKind::kUtfall}, {"2022-12-31", 2022, ColumnKind::kUtfall}};
  struct Case {
    const char* name;
    const char* closing_2023;  // note's closing value row, 2023
    bool want_passed;
  };
  const Case kCases[] = {{"closing value printed in the note", "397 620", true},
                         {"no note row prints the line", "391 000", false}};
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    FinancialTable bs = MakeTable(cols, {{"Byggnader och mark", {"6", "397 620", "401 132"}},
                                         {"Skulder till kreditinstitut", {"9", "29 787", "48 037"}},
                                         {"Skulder till kreditinstitut", {"9", "32 937", "15 937"}}},
                                  "Balansräkning", "balance_sheet");
    FinancialTable n6 = MakeTable(ncols, {{"Ingående anskaffningsvärde", {"411 406", "411 406"}},
                                          {"Summa", {"411 406", "411 406"}},
                                          {"Utgående redovisat värde", {c.closing_2023, "401 132"}}},
                                  "Not 6 Byggnader och mark", "note");
    FinancialTable n9 = MakeTable(ncols, {{"Lån A", {"62 725", "63 975"}},
                                          {"Avgår kortfristig del", {"-32 937", "-15 937"}},
                                          {"Summa", {"29 787", "48 037"}}},
                                  "Not 9 Skulder till kreditinstitut", "note");
    std::vector<Flag> notes = WithRule(CheckDocument({bs, n6, n9}), kRuleNoteRef);
    ASSERT_GE(notes.size(), 4u);
    EXPECT_EQ(notes[0].passed, c.want_passed);  // Byggnader 2023
    EXPECT_TRUE(notes[1].passed);               // Byggnader 2022
    for (size_t k = 2; k < notes.size(); ++k) EXPECT_TRUE(notes[k].passed) << notes[k].message;
  }
}

}  // namespace
}  // namespace finsam
