// Governance records in the database: loading (one organisation record per
// organisation across spellings), the views v_board, v_board_composition,
// v_indicators, v_interventions, v_members, the re-extract path (no
// duplicates) and CompareGovernance.
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"
#include "pipeline/review/compare.h"
#include "pipeline/store/database.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;

class GovernanceDbTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    PipelineOptions opts;
    opts.ocr = OcrPolicy::kNever;
    opts.quiet = true;
    Result<Extraction> ex =
        RunPipeline(std::string(FINSAM_SOURCE_DIR) + "/corpus/gavleborg-ar-2020/received.txt", opts);
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    ar_ = new Extraction(std::move(ex).value());
  }
  static void TearDownTestSuite() {
    delete ar_;
    ar_ = nullptr;
  }
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_gov_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    Result<std::unique_ptr<Database>> db = Database::Open(dir_ + "/t.db");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }
  void TearDown() override {
    db_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  int64_t Int(const std::string& sql) { return db_->sql().QueryInt(sql).value_or(-1); }
  std::string Text(const std::string& sql) {
    Result<SqliteStatement> q = db_->sql().Prepare(sql);
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    if (!q.ok() || !q->Step() || q->IsNull(0)) return "";
    return q->Text(0);
  }

  static Extraction* ar_;
  std::string dir_;
  std::unique_ptr<Database> db_;
};

Extraction* GovernanceDbTest::ar_ = nullptr;

TEST_F(GovernanceDbTest, ViewsCarryTheRecordsWithProvenance) {
  ASSERT_TRUE(ar_);
  Result<LoadResult> r = db_->Load(*ar_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  int64_t doc = r->document_id;
  EXPECT_EQ(Int("SELECT COUNT(*) FROM v_board WHERE document_id = " + std::to_string(doc)), 16);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM v_board WHERE role = 'ersättare' AND year = 2020"), 8);
  EXPECT_EQ(Text("SELECT organisation FROM v_board WHERE role = 'ordförande'"), "Region Gävleborg");
  EXPECT_EQ(Text("SELECT forbund FROM v_board LIMIT 1"), "Samordningsförbundet Gävleborg");
  EXPECT_GT(Int("SELECT MIN(page) FROM v_board"), 0);
  EXPECT_EQ(Text("SELECT raw_text FROM v_board WHERE name = 'Kenneth Axling'"),
            "Kenneth Axling, Hofors kommun – vice ordförande");
  EXPECT_EQ(Int("SELECT members FROM v_board_composition"), 8);
  EXPECT_EQ(Int("SELECT deputies FROM v_board_composition"), 8);
  EXPECT_EQ(Int("SELECT meetings FROM v_board_composition"), 6);
  EXPECT_EQ(Int("SELECT fees_sek FROM v_board_composition"), 187000);

  EXPECT_EQ(Int("SELECT COUNT(*) FROM v_indicators"), 12);
  EXPECT_EQ(Int("SELECT COUNT(DISTINCT goal) FROM v_indicators"), 4);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM v_indicators WHERE status = 'uppfylld'"), 6);
  EXPECT_EQ(Text("SELECT target_comparator || ' ' || CAST(target_value AS INTEGER) || ' ' || target_unit || ' → ' || "
                 "CAST(outcome_value AS INTEGER) || ' ' || status FROM v_indicators WHERE goal_number = '4'"),
            "<= 20 % → 50 ej uppfylld");

  EXPECT_EQ(Int("SELECT COUNT(*) FROM v_interventions"), 12);  // 11 of Bilaga 1 + Utvecklingsinsatser
  EXPECT_EQ(Int("SELECT budget_sek FROM v_interventions WHERE name = 'Ett hållbart arbetsliv - Ockelbo'"), 892400);
  EXPECT_EQ(Int("SELECT outcome_sek FROM v_interventions WHERE name = 'Ett hållbart arbetsliv - Ockelbo'"), 801497);
  EXPECT_EQ(Text("SELECT lead_organisation FROM v_interventions WHERE name = 'Ett hållbart arbetsliv - Ockelbo'"),
            "Ockelbo kommun");
  EXPECT_EQ(Text("SELECT partners FROM v_interventions WHERE name = 'Ett hållbart arbetsliv - Ockelbo'"),
            "Arbetsförmedlingen; Försäkringskassan; Region Gävleborg");
  EXPECT_EQ(Int("SELECT women FROM v_interventions WHERE name = 'Ett hållbart arbetsliv - Ockelbo'"), 8);

  EXPECT_EQ(Int("SELECT SUM(amount_sek) FROM v_members WHERE source = 'note' AND year = 2020"), 13401000);
  EXPECT_EQ(Int("SELECT SUM(amount_sek) FROM v_members WHERE source = 'note' AND year = 2020 AND is_member = 1"),
            13319000);
  EXPECT_EQ(Text("SELECT organisation FROM v_members WHERE is_member = 0"), "Tillfällig uthyrning av personal");
  // One organisation record for "Hofors kommun" (board) and "Hofors Kommun"
  // (Not 1), and for "Ovanåker kommun" / "Ovanåkers Kommun".
  EXPECT_EQ(Int("SELECT COUNT(*) FROM organisations WHERE name LIKE 'Hofors%'"), 1);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM organisations WHERE name LIKE 'Ovan%'"), 1);
  EXPECT_EQ(Text("SELECT kind FROM organisations WHERE name = 'Ovanåkers kommun'"), "kommun");
  EXPECT_EQ(Int("SELECT COUNT(*) FROM v_board b JOIN v_members m ON m.organisation = b.organisation "
                "WHERE b.name = 'Einar Wängmark' AND m.source = 'note' AND m.year = 2020"),
            1);
}

TEST_F(GovernanceDbTest, ReExtractionReplacesRows) {
  ASSERT_TRUE(ar_);
  ASSERT_TRUE(db_->Load(*ar_).ok());
  ASSERT_TRUE(db_->sql().Exec("UPDATE documents SET pipeline_version = 0").ok());
  Result<LoadResult> again = db_->Load(*ar_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->outcome, LoadOutcome::kReextracted);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM board_members"), 16);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM goals"), 4);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM indicators"), 12);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM interventions"), 12);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM intervention_partners"),
            Int("SELECT COUNT(*) FROM intervention_partners p JOIN interventions i USING(intervention_id)"));
  EXPECT_EQ(Int("SELECT SUM(amount_sek) FROM member_contributions WHERE source = 'note' AND year = 2020"), 13401000);
  // Deleting the document removes its governance rows (ON DELETE CASCADE).
  ASSERT_TRUE(db_->sql().Exec("PRAGMA foreign_keys = ON; DELETE FROM documents").ok());
  EXPECT_EQ(Int("SELECT COUNT(*) FROM board_members"), 0);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM member_contributions"), 0);
}

TEST_F(GovernanceDbTest, ComparePivotsTheGovernanceTables) {
  ASSERT_TRUE(ar_);
  ASSERT_TRUE(db_->Load(*ar_).ok());
  auto compare = [&](const std::string& table, const std::string& label = "", const std::string& format = "csv") {
    CompareRequest req;
    req.table = table;
    req.label = label;
    req.format = format;
    std::ostringstream out;
    Status st = CompareGovernance(db_->sql(), req, out);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return out.str();
  };
  std::string board = compare("board");
  EXPECT_NE(board.find("forbund,year,members,deputies,chair"), std::string::npos) << board;
  EXPECT_NE(board.find("Samordningsförbundet Gävleborg,2020,8,8,Tommy Berger,Region Gävleborg,Kenneth Axling"),
            std::string::npos)
      << board;
  std::string comp = compare("composition");
  EXPECT_NE(comp.find(",2020,årsredovisning,8,8,6,187000,8,8,"), std::string::npos) << comp;
  std::string ind = compare("indicators");
  EXPECT_NE(ind.find(",2020,årsredovisning,4,12,"), std::string::npos) << ind;
  std::string one = compare("indicators", "egna kapitalet");
  EXPECT_NE(one.find("<=,20"), std::string::npos) << one;
  EXPECT_NE(one.find("ej uppfylld"), std::string::npos) << one;
  std::string iv = compare("interventions", "ockelbo");
  EXPECT_NE(iv.find("Ett hållbart arbetsliv - Ockelbo,individ,892400,801497,-90903"), std::string::npos) << iv;
  std::string mem = compare("members", "hofors");
  EXPECT_NE(mem.find("Hofors kommun,kommun,110000,0.0083,note"), std::string::npos) << mem;
  CompareRequest bad;
  bad.table = "nonsense";
  std::ostringstream out;
  EXPECT_FALSE(CompareGovernance(db_->sql(), bad, out).ok());
}

}  // namespace
}  // namespace finsam
