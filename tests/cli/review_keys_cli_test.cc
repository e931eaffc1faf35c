// `finsam review` with stable ids (issue 11), end to end through the binary:
// ids identical across two runs and across a re-ingest, decisions by id,
// the HTML report's hints, orphaned decisions, and `--html` run from
// another directory than the one the documents were ingested from.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

#include "tests/support/finsam_run.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

std::string Corpus(const std::string& rel) { return std::string(FINSAM_SOURCE_DIR) + "/corpus/" + rel; }

// The first CSV column of every line but the header: the flag ids.
std::vector<std::string> Ids(const std::string& csv) {
  std::vector<std::string> out;
  std::vector<std::string> lines = Lines(csv);
  for (size_t i = 1; i < lines.size(); ++i) out.push_back(lines[i].substr(0, lines[i].find(',')));
  return out;
}

class ReviewKeysCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_rkeys_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    // A project folder: documents under corpus/, the database under build/,
    // ingested from the project folder with relative paths.
    fs::create_directories(dir_ + "/proj/corpus/ar");
    fs::create_directories(dir_ + "/proj/corpus/vp");
    fs::create_directories(dir_ + "/proj/build");
    fs::create_directories(dir_ + "/elsewhere");
    fs::copy_file(Corpus("gavleborg-ar-2020/text.pdf"), dir_ + "/proj/corpus/ar/text.pdf");
    fs::copy_file(Corpus("gavleborg-vp-2020/text.pdf"), dir_ + "/proj/corpus/vp/text.pdf");
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunResult Finsam(const std::string& where, const std::string& args) {
    return RunFinsam(FINSAM_BINARY, dir_ + "/" + where, args);
  }
  RunResult IngestAll() {
    return Finsam("proj", "ingest --quiet --ocr never --db build/f.db corpus/ar/text.pdf corpus/vp/text.pdf");
  }

  std::string dir_;
};

TEST_F(ReviewKeysCliTest, IdsAreStableAcrossRunsAndReingest) {
  ASSERT_EQ(IngestAll().code, 0);
  RunResult a = Finsam("proj", "review --db build/f.db --all --format csv");
  RunResult b = Finsam("elsewhere", "review --db ../proj/build/f.db --all --format csv");
  ASSERT_EQ(a.code, 0) << a.err;
  std::vector<std::string> ids = Ids(a.out);
  ASSERT_GT(ids.size(), 20u);
  for (const std::string& id : ids) EXPECT_TRUE(std::regex_match(id, std::regex("F-[0-9A-HJKMNP-TV-Z]{8}"))) << id;
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());  // unique
  EXPECT_EQ(a.out, b.out);
  // A fresh database, the documents in the other order: the same ids.
  ASSERT_EQ(Finsam("proj", "ingest --quiet --ocr never --db build/g.db corpus/vp/text.pdf corpus/ar/text.pdf").code, 0);
  RunResult c = Finsam("proj", "review --db build/g.db --all --format csv");
  std::vector<std::string> ids_c = Ids(c.out);
  std::sort(ids.begin(), ids.end());
  std::sort(ids_c.begin(), ids_c.end());
  EXPECT_EQ(ids, ids_c);
  // Accept by id; the listing shows it accepted under the same id.
  std::string id = Ids(Finsam("proj", "review --db build/f.db --format csv").out).at(0);
  RunResult acc = Finsam("elsewhere", "review --db ../proj/build/f.db --accept " + id + " --by tester");
  EXPECT_EQ(acc.code, 0) << acc.err;
  EXPECT_EQ(acc.out, "accepted flag " + id + " (by tester)\n");
  RunResult after = Finsam("proj", "review --db build/f.db --all --format csv");
  EXPECT_THAT(after.out, HasSubstr(id + ",")) << after.out;
  for (const std::string& line : Lines(after.out))
    if (line.rfind(id + ",", 0) == 0) {
      EXPECT_THAT(line, HasSubstr(",accepted,"));
    }
  // Lower case and a unique prefix work too; a malformed id is a usage error.
  std::string lower = id;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  EXPECT_EQ(Finsam("proj", "review --db build/f.db --accept " + lower + " --by tester").code, 0);
  EXPECT_EQ(Finsam("proj", "review --db build/f.db --accept F-12 --by tester").code, 2);
  EXPECT_EQ(Finsam("proj", "review --db build/f.db --accept V-12345678").code, 2);
  RunResult none = Finsam("proj", "review --db build/f.db --accept F-ZZZZZZZZ");
  EXPECT_EQ(none.code, 1);
  EXPECT_THAT(none.err, HasSubstr("no flag F-ZZZZZZZZ"));
  EXPECT_EQ(Finsam("proj", "review --db build/f.db --orphans --format csv").out,
            "decision,kind,id,document,key,value,decided_by,decided_at,note\r\n");
}

TEST_F(ReviewKeysCliTest, HtmlFromAnotherDirectoryShowsEveryCrop) {
  ASSERT_EQ(IngestAll().code, 0);
  // The report is written from a directory that is neither where the
  // documents were ingested nor where the database is.
  RunResult r = Finsam("elsewhere", "review --db ../proj/build/f.db --html report.html");
  ASSERT_EQ(r.code, 0) << r.err;
  std::string html = ReadFile(dir_ + "/elsewhere/report.html");
  size_t cards = 0, crops = 0;
  for (size_t at = 0; (at = html.find("<div class=\"source\">", at)) != std::string::npos; ++at) ++cards;
  for (size_t at = 0; (at = html.find("data:image/png;base64,", at)) != std::string::npos; ++at) ++crops;
  EXPECT_GT(cards, 0u);
  EXPECT_EQ(crops, cards);
  EXPECT_THAT(html, Not(HasSubstr("no page image")));
  EXPECT_THAT(r.err, Not(HasSubstr("warning")));
  // Hints: stable ids and the database as an absolute path.
  std::string db_abs = fs::canonical(dir_ + "/proj/build/f.db").string();
  EXPECT_THAT(html, HasSubstr("finsam review --db " + db_abs + " --accept F-"));
  EXPECT_THAT(html, HasSubstr(" --correct V-"));
  // The årsredovisning moved away: its crops are missing, and each card
  // says which and why.
  fs::rename(dir_ + "/proj/corpus/ar", dir_ + "/proj/moved");
  RunResult moved = Finsam("elsewhere", "review --db ../proj/build/f.db --html report2.html");
  EXPECT_EQ(moved.code, 0);
  std::string html2 = ReadFile(dir_ + "/elsewhere/report2.html");
  EXPECT_THAT(html2, HasSubstr("no page image of page "));
  EXPECT_THAT(html2, HasSubstr("corpus/ar/text.pdf"));
  EXPECT_THAT(html2, HasSubstr("no longer there"));
  EXPECT_THAT(html2, Not(HasSubstr("data:image/png;base64,")));
  EXPECT_THAT(moved.err, HasSubstr("page crops missing"));
}

}  // namespace
}  // namespace finsam
