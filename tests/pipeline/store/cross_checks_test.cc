// Cross-document rules, one test each, on small synthetic documents loaded
// into an in-memory database (pipeline/store/cross_checks.h).
#include "pipeline/store/cross_checks.h"

#include <gtest/gtest.h>

#include "pipeline/store/database.h"
#include "tests/extractors/review_table_builder.h"

namespace finsam {
namespace {

using testing::ColSpec;
using testing::MakeTable;

Extraction Doc(const std::string& sha, const std::string& kind, int from, int to, std::vector<FinancialTable> tables) {
  Extraction ex;
  ex.doc.source_path = "/tmp/" + sha + ".txt";
  ex.doc.sha256 = sha;
  ex.doc.format = InputFormat::kText;
  ex.doc.meta.forbund = "Samordningsförbundet Test";
  ex.doc.meta.kind = kind;
  ex.doc.meta.year_from = from;
  ex.doc.meta.year_to = to;
  Page p;
  p.unit = BoxUnit::kCharCell;
  ex.doc.pages.push_back(p);
  ex.tables = std::move(tables);
  return ex;
}

void Categorize(FinancialTable* t, const std::vector<std::string>& cats) {
  for (size_t i = 0; i < t->rows.size() && i < cats.size(); ++i)
    if (!cats[i].empty()) t->rows[i].category = cats[i];
}

// A plan's budget table: income total and cost total for three years.
Extraction Plan(const std::string& sha, int y, const std::string& income, const std::string& costs) {
  FinancialTable t = MakeTable({{std::to_string(y), y, ColumnKind::kBudget},
                                {std::to_string(y + 1), y + 1, ColumnKind::kPlan},
                                {std::to_string(y + 2), y + 2, ColumnKind::kPlan}},
                               {{"Försäkringskassan/Arbetsförmedlingen", {"5 000", "5 000", "5 000"}},
                                {"Region", {"2 500", "2 500", "2 500"}},
                                {"Kommunerna", {"2 500", "2 500", "2 500"}},
                                {"Summa intäkter", {income, income, income}},
                                {"Summa kostnader", {costs, costs, costs}}});
  Categorize(&t, {"income.state", "income.region", "income.municipalities", "income.total", "cost.total"});
  return Doc(sha, "verksamhetsplan", y, y + 2, {t});
}

// An årsredovisning's Driftsredovisning: utfall Y, budget Y, utfall Y-1.
Extraction AnnualReport(const std::string& sha, int y, const std::string& inc_u, const std::string& inc_b,
                        const std::string& inc_prev, const std::string& equity = "1 000") {
  FinancialTable t = MakeTable({{"Utfall " + std::to_string(y), y, ColumnKind::kUtfall},
                                {"Budget " + std::to_string(y), y, ColumnKind::kBudget},
                                {"Utfall " + std::to_string(y - 1), y - 1, ColumnKind::kUtfall}},
                               {{"Intäkter", {inc_u, inc_b, inc_prev}}, {"Eget kapital", {equity, "", equity}}},
                               "Driftsredovisning", "operating");
  Categorize(&t, {"income.total", "equity"});
  return Doc(sha, "årsredovisning", y, y, {t});
}

class CrossChecksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Database>> db = Database::Open(":memory:");
    ASSERT_TRUE(db.ok());
    db_ = std::move(db).value();
  }
  void Load(const Extraction& ex) { ASSERT_TRUE(db_->Load(ex).ok()); }
  int64_t Count(const std::string& where) {
    return db_->sql().QueryInt("SELECT COUNT(*) FROM v_flags WHERE " + where).value_or(-1);
  }
  std::unique_ptr<Database> db_;
};

TEST_F(CrossChecksTest, PlanBudgetAgainstAnnualReportBudgetColumn) {
  Load(Plan("p2020", 2020, "10 000", "12 000"));
  Load(AnnualReport("a2020", 2020, "10 100", "10 000", "9 000"));
  EXPECT_EQ(Count("rule = 'cross.plan_budget' AND status = 'passed' AND year = 2020"), 1);
  Load(AnnualReport("a2020b", 2020, "10 100", "10 500", "9 000"));  // a copy with another budget
  EXPECT_EQ(Count("rule = 'cross.plan_budget' AND status = 'open' AND severity = 'error'"), 1);
}

TEST_F(CrossChecksTest, UtfallAgainstNextAnnualReport) {
  Load(AnnualReport("a2019", 2019, "9 000", "9 000", "8 000"));
  Load(AnnualReport("a2020", 2020, "10 000", "10 000", "9 000"));
  EXPECT_EQ(Count("rule = 'cross.next_ar' AND status = 'passed' AND year = 2019"), 2);  // income and equity
  Load(AnnualReport("a2021", 2021, "11 000", "11 000", "10 400"));  // says 2020 was 10 400
  EXPECT_EQ(Count("rule = 'cross.next_ar' AND status = 'open' AND year = 2020"), 1);
}

TEST_F(CrossChecksTest, OverlappingPlans) {
  Load(Plan("p2020", 2020, "10 000", "10 000"));
  Load(Plan("p2021", 2021, "10 000", "11 000"));  // 2021 and 2022 overlap
  EXPECT_EQ(Count("rule = 'cross.overlapping_plans' AND status = 'passed'"), 2);  // income 2021, 2022
  EXPECT_EQ(Count("rule = 'cross.overlapping_plans' AND status = 'open' AND severity = 'warning'"), 2);  // costs
}

TEST_F(CrossChecksTest, YearOverYearJump) {
  FinancialTable t = MakeTable({{"2020", 2020, ColumnKind::kUtfall},
                                {"2019", 2019, ColumnKind::kUtfall},
                                {"2018", 2018, ColumnKind::kUtfall},
                                {"2017", 2017, ColumnKind::kUtfall},
                                {"2016", 2016, ColumnKind::kUtfall}},
                               {{"Verksamhetens intäkter", {"13 401", "13 319", "6 938", "6 727", "7 199"}}},
                               "Översikt", "overview");
  Categorize(&t, {"income.total"});
  Load(Doc("a2020", "årsredovisning", 2020, 2020, {t}));
  EXPECT_EQ(Count("rule = 'plausibility.yoy' AND year = 2019"), 1);  // 6 938 → 13 319
  EXPECT_EQ(Count("rule = 'plausibility.yoy'"), 1);
}

TEST_F(CrossChecksTest, MemberShares) {
  Load(Plan("p2020", 2020, "10 000", "10 000"));
  EXPECT_EQ(Count("rule = 'plausibility.member_shares' AND status = 'passed'"), 3);
  FinancialTable t = MakeTable({{"2021", 2021, ColumnKind::kBudget}},
                               {{"Staten", {"4 000"}}, {"Region", {"3 000"}}, {"Kommunerna", {"3 000"}}});
  Categorize(&t, {"income.state", "income.region", "income.municipalities"});
  Load(Doc("p2021", "verksamhetsplan", 2021, 2021, {t}));
  EXPECT_EQ(Count("rule = 'plausibility.member_shares' AND status = 'open' AND year = 2021"), 1);
}

TEST_F(CrossChecksTest, EquityTwentyPercentRule) {
  Load(AnnualReport("a2020", 2020, "13 401", "13 320", "13 319", "6 630"));
  EXPECT_EQ(Count("rule = 'plausibility.equity_20pct' AND status = 'open' AND found = 49.8"), 1);
  Load(AnnualReport("a2019", 2019, "10 000", "10 000", "9 000", "1 500"));
  EXPECT_EQ(Count("rule = 'plausibility.equity_20pct' AND status = 'passed' AND year = 2019"), 1);
}

}  // namespace
}  // namespace finsam
