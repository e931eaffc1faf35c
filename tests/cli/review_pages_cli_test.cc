// `finsam review` cites pages as a reader does (issue 11, item 4): the page's
// printed number beside its index ("s. 7 (PDF p. 2)") in the listing and the
// HTML report; csv and json keep `page` the index and add `printed_page`.
// The fixture: a two-page report whose second page prints "Sida 7 av 20"
// and a misprinted sum.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/finsam_run.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

class ReviewPagesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_rpages_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = fs::weakly_canonical(tmpl).string();
    // Summa rörelseintäkter misprinted: 1 209 000 for 1 290 000.
    std::ofstream(dir_ + "/ar.txt", std::ios::binary)
        << "Årsredovisning 2020\nBrf Provgården\nOrg.nr 769600-0004\n\f"
           "Resultaträkning\nBelopp i kr\tNot\t2020-01-01 -2020-12-31\t2019-01-01 -2019-12-31\n"
           "Nettoomsättning\t1\t1 250 000\t1 200 000\n"
           "Övriga rörelseintäkter\t\t40 000\t35 000\n"
           "Summa rörelseintäkter\t\t1 209 000\t1 235 000\n"
           "\nSida 7 av 20\n";
    RunResult r = Run("ingest --db t.db ar.txt");
    ASSERT_EQ(r.code, 0) << r.err;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  RunResult Run(const std::string& args) { return RunFinsam(FINSAM_BINARY, dir_, args); }
  std::string dir_;
};

TEST_F(ReviewPagesCliTest, ListingCitesThePrintedPage) {
  RunResult list = Run("review --db t.db --rule sum.section");
  ASSERT_EQ(list.code, 0) << list.err;
  std::vector<std::string> lines = Lines(list.out);
  ASSERT_EQ(lines.size(), 3u) << list.out;  // header, rule, the flag
  EXPECT_THAT(lines[2], HasSubstr("  s. 7 (PDF p. 2)  ")) << list.out;
  EXPECT_THAT(lines[2], HasSubstr("1 209 tkr"));
}

TEST_F(ReviewPagesCliTest, CsvAndJsonKeepTheIndexAndAddThePrintedPage) {
  RunResult csv = Run("review --db t.db --rule sum.section --format csv");
  ASSERT_EQ(csv.code, 0) << csv.err;
  std::vector<std::string> lines = Lines(csv.out);
  ASSERT_EQ(lines.size(), 2u) << csv.out;
  EXPECT_THAT(lines[0], HasSubstr(",page,"));
  EXPECT_THAT(lines[0], HasSubstr(",suggested,printed_page"));
  EXPECT_THAT(lines[1], HasSubstr("/ar.txt,2,"));
  EXPECT_EQ(lines[1].substr(lines[1].size() - 3), ",7\r");
  RunResult json = Run("review --db t.db --rule sum.section --format json");
  ASSERT_EQ(json.code, 0) << json.err;
  nlohmann::json j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["page"], 2);
  EXPECT_EQ(j[0]["printed_page"], 7);
}

TEST_F(ReviewPagesCliTest, HtmlReportCitesThePrintedPage) {
  RunResult html = Run("review --db t.db --rule sum.section --html r.html");
  ASSERT_EQ(html.code, 0) << html.err;
  std::string page = ReadFile(dir_ + "/r.html");
  // The flag's "where" line and the page column of its facts.
  EXPECT_THAT(page, HasSubstr(" · s. 7 (PDF p. 2) · year 2020"));
  EXPECT_THAT(page, HasSubstr("<td>Summa rörelseintäkter</td><td>2020-01-01 -2020-12-31</td><td>s. 7 (PDF p. 2)</td>"));
  EXPECT_THAT(page, Not(HasSubstr(" · page 2 ")));
}

TEST_F(ReviewPagesCliTest, PagesWithoutALabelAreCitedByTheirIndex) {
  // A second report with the same misprint whose pages print no number.
  std::ofstream(dir_ + "/plain.txt", std::ios::binary)
      << "Årsredovisning 2020\nBrf Annangården\nOrg.nr 769600-0012\n\f"
         "Resultaträkning\nBelopp i kr\tNot\t2020-01-01 -2020-12-31\t2019-01-01 -2019-12-31\n"
         "Nettoomsättning\t1\t1 250 000\t1 200 000\n"
         "Övriga rörelseintäkter\t\t40 000\t35 000\n"
         "Summa rörelseintäkter\t\t1 209 000\t1 235 000\n";
  ASSERT_EQ(Run("ingest --db t.db plain.txt").code, 0);
  RunResult csv = Run("review --db t.db --rule sum.section --format csv");
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_THAT(csv.out, HasSubstr("/plain.txt,2,"));
  RunResult list = Run("review --db t.db --rule sum.section");
  EXPECT_THAT(list.out, HasSubstr("s. 7 (PDF p. 2)"));
  std::string plain_line;
  for (const std::string& l : Lines(list.out))
    if (l.find("plain.txt") != std::string::npos) plain_line = l;
  ASSERT_FALSE(plain_line.empty()) << list.out;
  EXPECT_THAT(plain_line, HasSubstr("plain.txt  2  "));
  EXPECT_THAT(plain_line, Not(HasSubstr("s. ")));
}

}  // namespace
}  // namespace finsam
