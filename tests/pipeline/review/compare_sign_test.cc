// Costs printed negative in an årsredovisning and positive in a plan are the
// same figures to compare.
#include <unistd.h>

#include <sstream>

#include <gtest/gtest.h>

#include "pipeline/review/compare.h"
#include "pipeline/store/database.h"
#include "tests/support/extraction_builder.h"

namespace finsam {
namespace {

TEST(CompareSignTest, CostsComparedAsPositiveAmounts) {
  std::string tmpl = ::testing::TempDir() + "/finsam_sign_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  Result<std::unique_ptr<Database>> db = Database::Open(tmpl + "/t.db");
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  Extraction vp = fixtures::MakeDocument("vp", "Samordningsförbundet Gävleborg", "verksamhetsplan", 2020, 2022);
  FinancialTable& b = fixtures::AddTable(vp, "budget", 6, {{2020, ColumnKind::kBudget}});
  fixtures::AddRow(b, "Summa", "cost.total", {18806000});
  Extraction ar = fixtures::MakeDocument("ar", "Samordningsförbundet Gävleborg", "årsredovisning", 2020, 2020);
  FinancialTable& d = fixtures::AddTable(ar, "operating", 12, {{2020, ColumnKind::kUtfall}, {2020, ColumnKind::kBudget}});
  fixtures::AddRow(d, "Kostnader", "cost.total", {-13616000, -18806000});
  ASSERT_TRUE((*db)->Load(vp).ok());
  ASSERT_TRUE((*db)->Load(ar).ok());
  CompareRequest req;
  req.metric = "cost.total";
  req.format = "csv";
  std::ostringstream out;
  ASSERT_TRUE(CompareFinancial((*db)->sql(), req, out).ok());
  std::string csv = out.str();
  // budget 18 806 000 (plan), utfall 13 616 000, deviation -5 190 000, and no
  // conflict between the plan's 18 806 and the årsredovisning's -18 806.
  EXPECT_NE(csv.find(",18806000,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",13616000,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",-5190000,"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("-18806000"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("-13616000"), std::string::npos) << csv;
}

}  // namespace
}  // namespace finsam
