// The stage order of pipeline.cc: figures repaired by check_financials must
// reach every later consumer of ex.tables (here: governance's member
// contributions).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "pipeline/pipeline.h"
#include "pipeline/stages.h"
#include "tests/extractors/review_table_builder.h"

namespace finsam {
namespace {

using testing::BudgetYears;
using testing::MakeTable;

// Runs the stages that follow "financial_tables", in pipeline order, on an
// Extraction whose tables are already read.
void RunStagesAfterTables(PipelineContext& ctx) {
  const std::vector<Stage>& stages = Stages();
  auto it = std::find_if(stages.begin(), stages.end(),
                         [](const Stage& s) { return std::strcmp(s.name, "financial_tables") == 0; });
  ASSERT_NE(it, stages.end());
  for (++it; it != stages.end(); ++it) ASSERT_TRUE(it->run(ctx).ok()) << it->name;
}

TEST(StageOrderTest, RepairedCellReachesMemberContributions) {
  // A plan's budget table where OCR read Region Gävleborg's 3 000 as "J 000";
  // only 3 000 makes Summa intäkter hold.
  FinancialTable t = MakeTable(BudgetYears(), {{"Intäkter", {}},
                                               {"Försäkringskassan/Arbetsförmedlingen", {"6 000", "6 000", "6 000"}},
                                               {"Region Gävleborg", {"J 000", "3 000", "3 000"}},
                                               {"Kommunerna", {"3 000", "3 000", "3 000"}},
                                               {"Summa intäkter", {"12 000", "12 000", "12 000"}}});
  t.rows[1].category = "income.state";
  t.rows[2].category = "income.region";
  t.rows[3].category = "income.municipalities";
  ASSERT_FALSE(t.rows[2].cells[0].parsed);

  PipelineOptions options;
  options.quiet = true;
  PipelineContext ctx(options);
  ctx.ex.doc.format = InputFormat::kText;
  ctx.ex.tables.push_back(t);
  RunStagesAfterTables(ctx);

  EXPECT_EQ(ctx.ex.tables[0].rows[2].cells[0].status, "repaired");
  const MemberContribution* region = nullptr;
  for (const MemberContribution& m : ctx.ex.governance.members)
    if (m.year == 2020 && m.organisation_kind == "region") region = &m;
  ASSERT_NE(region, nullptr) << "the repaired 2020 figure of Region Gävleborg did not reach governance.members";
  ASSERT_TRUE(region->amount_sek.has_value());
  EXPECT_EQ(*region->amount_sek, 3000000);
  EXPECT_EQ(region->source, "budget");
  ASSERT_TRUE(region->share.has_value());
  EXPECT_DOUBLE_EQ(*region->share, 0.25);
}

TEST(StageOrderTest, ChecksRunBeforeEveryTableConsumer) {
  std::vector<std::string> names;
  for (const Stage& s : Stages()) names.push_back(s.name);
  auto pos = [&](const char* n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
  EXPECT_LT(pos("financial_tables"), pos("check_financials"));
  EXPECT_LT(pos("check_financials"), pos("governance"));
}

}  // namespace
}  // namespace finsam
