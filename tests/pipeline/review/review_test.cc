// Data-quality review at database level: cross-document flags, a
// deliberately altered copy of a document, accept / correct decisions, and
// corrections that survive re-ingest.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/pipeline.h"
#include "pipeline/store/cross_checks.h"
#include "pipeline/store/database.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;

std::string Corpus(const std::string& rel) { return std::string(FINSAM_SOURCE_DIR) + "/corpus/" + rel; }

struct FlagView {
  int64_t id = 0;
  std::string rule, severity, status, message, fact_ids;
  int year = 0;
  double expected = 0, found = 0;
};

class ReviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_review_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    db_path_ = dir_ + "/review.db";
    Result<std::unique_ptr<Database>> db = Database::Open(db_path_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  LoadResult Ingest(const std::string& path) {
    PipelineOptions opts;
    opts.quiet = true;
    opts.ocr = OcrPolicy::kNever;
    Result<Extraction> ex = RunPipeline(path, opts);
    EXPECT_TRUE(ex.ok()) << ex.status().ToString();
    if (!ex.ok()) return {};
    Result<LoadResult> r = db_->Load(*ex);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : LoadResult{};
  }

  // The Gävleborg årsredovisning with one figure changed.
  std::string AlteredAnnualReport(const std::string& from, const std::string& to) {
    std::string text = ReadFile(Corpus("gavleborg-ar-2020/received.txt"));
    size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::string path = dir_ + "/gavleborg-ar-2020-altered.txt";
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::vector<FlagView> Flags(const std::string& where) {
    std::vector<FlagView> out;
    Result<SqliteStatement> q = db_->sql().Prepare(
        "SELECT flag_id, rule, severity, status, message, COALESCE(fact_ids,''), COALESCE(year,0), "
        "COALESCE(expected,0), COALESCE(found,0) FROM v_flags WHERE " + where + " ORDER BY flag_id");
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    if (!q.ok()) return out;
    while (q->Step()) {
      FlagView f;
      f.id = q->Int(0);
      f.rule = q->Text(1);
      f.severity = q->Text(2);
      f.status = q->Text(3);
      f.message = q->Text(4);
      f.fact_ids = q->Text(5);
      f.year = static_cast<int>(q->Int(6));
      f.expected = q->Double(7);
      f.found = q->Double(8);
      out.push_back(f);
    }
    return out;
  }

  std::string dir_, db_path_;
  std::unique_ptr<Database> db_;
};

TEST_F(ReviewTest, GavleborgPlanBudgetAgreesWithAnnualReport) {
  Ingest(Corpus("gavleborg-vp-2020/received.txt"));
  Ingest(Corpus("gavleborg-ar-2020/received.txt"));
  std::vector<FlagView> cross = Flags("rule = 'cross.plan_budget'");
  ASSERT_EQ(cross.size(), 2u);  // Summa intäkter and Summa kostnader, budget 2020
  for (const FlagView& f : cross) {
    EXPECT_EQ(f.status, "passed") << f.message;
    EXPECT_EQ(f.year, 2020);
    EXPECT_NE(f.message.find("agrees with"), std::string::npos) << f.message;
    EXPECT_EQ(std::count(f.fact_ids.begin(), f.fact_ids.end(), ','), 1) << f.fact_ids;  // one fact of each document
  }
  EXPECT_EQ(cross[0].found, 13320000);
  EXPECT_EQ(cross[0].expected, 13320000);
  EXPECT_EQ(std::abs(cross[1].found), 18806000);  // printed −18 806 in the årsredovisning, 18 806 in the plan
  EXPECT_EQ(cross[1].expected, 18806000);
  // No in-document sum check fails on the clean received texts.
  EXPECT_TRUE(Flags("status = 'open' AND severity = 'error'").empty());
  // Running the cross checks again changes nothing (idempotent).
  size_t before = Flags("1").size();
  ASSERT_TRUE(RunAllCrossChecks(db_->sql()).ok());
  EXPECT_EQ(Flags("1").size(), before);
}

// The review report's fact lookup: a flag's facts, main figure first; an
// empty list only when the flag names none; a database error as an error.
TEST_F(ReviewTest, FlagFactsReportsErrorsInsteadOfNothing) {
  Ingest(Corpus("gavleborg-vp-2020/received.txt"));
  Ingest(AlteredAnnualReport("Intäkter/bidrag\t13 401\t13 320\t81", "Intäkter/bidrag\t13 401\t13 230\t81"));
  std::vector<FlagView> conflict = Flags("rule = 'cross.plan_budget' AND status = 'open'");
  ASSERT_EQ(conflict.size(), 1u);
  Result<std::vector<FlagFact>> facts = FlagFacts(db_->sql(), conflict[0].id);
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  ASSERT_EQ(facts->size(), 2u);
  EXPECT_EQ(facts->front().amount, 13230000);
  Result<std::vector<FlagFact>> none = FlagFacts(db_->sql(), 999999);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE(none->empty());
  ASSERT_TRUE(db_->sql().Exec("DROP VIEW v_financial").ok());
  Result<std::vector<FlagFact>> broken = FlagFacts(db_->sql(), conflict[0].id);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().code(), StatusCode::kDatabase);
}

TEST_F(ReviewTest, AlteredCopyProducesConflictFlags) {
  Ingest(Corpus("gavleborg-vp-2020/received.txt"));
  // Budget 2020 income in the Driftsredovisning: 13 320 → 13 230.
  Ingest(AlteredAnnualReport("Intäkter/bidrag\t13 401\t13 320\t81", "Intäkter/bidrag\t13 401\t13 230\t81"));
  std::vector<FlagView> conflict = Flags("rule = 'cross.plan_budget' AND status = 'open'");
  ASSERT_EQ(conflict.size(), 1u);
  EXPECT_EQ(conflict[0].severity, "error");
  EXPECT_EQ(conflict[0].found, 13230000);
  EXPECT_EQ(conflict[0].expected, 13320000);
  EXPECT_NE(conflict[0].message.find("differs from"), std::string::npos);
  // In the document itself: Avvikelse 81 no longer equals 13 401 − 13 230,
  // and Resultat −5 486 no longer equals 13 230 − 18 806.
  std::vector<FlagView> avv = Flags("rule = 'sum.avvikelse' AND status = 'open'");
  ASSERT_EQ(avv.size(), 1u);
  EXPECT_EQ(avv[0].found, 81000);
  EXPECT_EQ(avv[0].expected, 171000);
  std::vector<FlagView> res = Flags("rule = 'sum.result' AND status = 'open'");
  ASSERT_EQ(res.size(), 1u);
  EXPECT_EQ(res[0].found, -5486000);
  EXPECT_EQ(res[0].expected, -5576000);
  // The cost budget still agrees.
  EXPECT_EQ(Flags("rule = 'cross.plan_budget' AND status = 'passed'").size(), 1u);
}

TEST_F(ReviewTest, InsatserTableAgainstBilaga) {
  // Section 1.3's insatser table (tkr) against Bilaga 1 (kr) of the same
  // document: 7 insatser × (utfall, budget) agree within rounding.
  Ingest(Corpus("gavleborg-ar-2020/received.txt"));
  EXPECT_EQ(Flags("rule = 'xref.appendix' AND status = 'passed'").size(), 14u);
  EXPECT_TRUE(Flags("rule = 'xref.appendix' AND status = 'open'").empty());
  // A copy where the ASF outcome says 350 instead of 305.
  Ingest(AlteredAnnualReport("ASF\t305\t400", "ASF\t350\t400"));
  std::vector<FlagView> open = Flags("rule = 'xref.appendix' AND status = 'open'");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].found, 350000);
  EXPECT_EQ(open[0].expected, 304982);
  EXPECT_NE(open[0].message.find("Arbetsintegrerande Socialt Företagande"), std::string::npos);
  // And the printed share 76 % no longer matches 350 / 400.
  std::vector<FlagView> andel = Flags("rule = 'ratio.andel' AND status = 'open'");
  ASSERT_EQ(andel.size(), 1u);
  EXPECT_EQ(andel[0].found, 76);
  EXPECT_EQ(andel[0].expected, 87.5);
}

TEST_F(ReviewTest, AcceptAndCorrectSurviveReingest) {
  Ingest(Corpus("gavleborg-vp-2020/received.txt"));
  std::string altered =
      AlteredAnnualReport("Intäkter/bidrag\t13 401\t13 320\t81", "Intäkter/bidrag\t13 401\t13 230\t81");
  LoadResult ar = Ingest(altered);
  std::vector<FlagView> conflict = Flags("rule = 'cross.plan_budget' AND status = 'open'");
  ASSERT_EQ(conflict.size(), 1u);
  int64_t fact = std::stoll(conflict[0].fact_ids.substr(0, conflict[0].fact_ids.find(',')));
  // Accept the Resultat flag as is; correct the altered figure.
  std::vector<FlagView> res = Flags("rule = 'sum.result' AND status = 'open'");
  ASSERT_EQ(res.size(), 1u);
  ASSERT_TRUE(AcceptFlag(db_->sql(), res[0].id, "reviewer", "budget result as printed").ok());
  ASSERT_TRUE(CorrectFact(db_->sql(), fact, 13320, "reviewer", "typo in the altered copy").ok());
  auto verify = [&]() {
    Result<SqliteStatement> q = db_->sql().Prepare(
        "SELECT amount_sek, status, original_amount_sek, raw_text FROM v_financial WHERE document_id = ? "
        "AND table_kind = 'operating' AND category = 'income.total' AND column_kind = 'budget'");
    ASSERT_TRUE(q.ok());
    q->Bind(1, ar.document_id);
    ASSERT_TRUE(q->Step());
    EXPECT_EQ(q->Int(0), 13320000);
    EXPECT_EQ(q->Text(1), "corrected");
    EXPECT_EQ(q->Int(2), 13230000);
    EXPECT_EQ(q->Text(3), "13 230");
    EXPECT_EQ(Flags("rule = 'sum.result' AND status = 'accepted'").size(), 1u);
    EXPECT_EQ(Flags("rule = 'cross.plan_budget' AND status = 'passed'").size(), 2u);
    EXPECT_EQ(Flags("rule = 'cross.plan_budget' AND status = 'open'").size(), 0u);
    // The Avvikelse flag's figures include the corrected fact: resolved.
    EXPECT_EQ(Flags("rule = 'sum.avvikelse' AND status = 'corrected'").size(), 1u);
  };
  verify();
  // Re-extract: as if a newer pipeline met the same bytes.
  ASSERT_TRUE(db_->sql().Exec("UPDATE documents SET pipeline_version = 0").ok());
  LoadResult again = Ingest(altered);
  EXPECT_EQ(again.outcome, LoadOutcome::kReextracted);
  EXPECT_EQ(again.document_id, ar.document_id);
  verify();
  // Decisions are recorded with who and when.
  EXPECT_EQ(db_->sql().QueryInt("SELECT COUNT(*) FROM decisions WHERE decided_by = 'reviewer' AND decided_at != ''"),
            2);
}

// Runs the CLI and returns its stdout.
std::string RunCli(const std::string& args, int* rc) {
  std::string cmd = std::string(FINSAM_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  *rc = WEXITSTATUS(pclose(p));
  return out;
}

TEST_F(ReviewTest, CliListsWorstFirstAndWritesHtmlWithPageCrops) {
  Ingest(Corpus("gavleborg-vp-2020/received.txt"));
  Ingest(AlteredAnnualReport("Intäkter/bidrag\t13 401\t13 320\t81", "Intäkter/bidrag\t13 401\t13 230\t81"));
  Ingest(Corpus("gavleborg-ar-2020/text.pdf"));
  db_.reset();  // let the CLI have the file
  int rc = 0;
  std::string csv = RunCli("review --db " + db_path_ + " --format csv", &rc);
  EXPECT_EQ(rc, 0);
  // Errors come before warnings.
  size_t first_error = csv.find(",error,"), first_warning = csv.find(",warning,");
  ASSERT_NE(first_error, std::string::npos) << csv;
  ASSERT_NE(first_warning, std::string::npos) << csv;
  EXPECT_LT(first_error, first_warning);
  EXPECT_NE(csv.find("cross.plan_budget"), std::string::npos);
  std::string all = RunCli("review --db " + db_path_ + " --all --rule cross.plan_budget --format json", &rc);
  EXPECT_NE(all.find("agrees with"), std::string::npos) << all;
  std::string html = dir_ + "/report.html";
  RunCli("review --db " + db_path_ + " --html " + html, &rc);
  EXPECT_EQ(rc, 0);
  std::string page = ReadFile(html);
  EXPECT_NE(page.find("<section class=\"flag error\""), std::string::npos);
  EXPECT_NE(page.find("data:image/png;base64,iVBOR"), std::string::npos);  // a PNG crop of the text.pdf page
  EXPECT_NE(page.find("<mark>"), std::string::npos);                        // source lines of the text input
  EXPECT_NE(page.find("Agreements across documents"), std::string::npos);
  // Decisions through the CLI.
  std::string out = RunCli("review --db " + db_path_ + " --accept 1 --by tester --note ok", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_NE(out.find("accepted flag F-"), std::string::npos) << out;  // flag_id 1 as an alias of its stable id
  RunCli("review --db " + db_path_ + " --correct 999999 5", &rc);
  EXPECT_EQ(rc, 1);  // no such fact
}

}  // namespace
}  // namespace finsam
