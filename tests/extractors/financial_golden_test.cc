// Golden tests: financial facts extracted from the bundled corpus.
//
// Each case runs the whole pipeline on a corpus file and compares FactsTsv()
// with tests/golden/<name>.facts.tsv. The golden files were reviewed by hand
// against the source documents. To regenerate after an intended change run
//   FINSAM_UPDATE_GOLDEN=1 build/extractors_tests --gtest_filter='FinancialGolden*'
// then review the diff; GoldenGuard fails while the variable is set so that
// an update run can never pass as a test run.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extractors/financial_tables.h"
#include "pipeline/pipeline.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

bool Updating() {
  const char* v = std::getenv("FINSAM_UPDATE_GOLDEN");
  return v && *v && std::string(v) != "0";
}

class FinancialGolden : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(FinancialGolden, MatchesReviewedFacts) {
  auto [input, name] = GetParam();
  std::string src = FINSAM_SOURCE_DIR;
  PipelineOptions opts;
  opts.ocr = OcrPolicy::kNever;
  opts.quiet = true;
  Result<Extraction> ex = RunPipeline(src + "/corpus/" + input, opts);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  std::string actual = FactsTsv(ex->tables);
  std::string golden_path = src + "/tests/golden/" + name + ".facts.tsv";
  if (Updating()) {
    std::ofstream(golden_path, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << golden_path;
  }
  std::string expected = ReadFile(golden_path);
  ASSERT_FALSE(expected.empty()) << "missing golden file " << golden_path;
  // Line-level diff in the failure message.
  std::istringstream a(actual), e(expected);
  std::string la, le;
  int line = 0;
  std::string diff;
  while (true) {
    bool ga = static_cast<bool>(std::getline(a, la));
    bool ge = static_cast<bool>(std::getline(e, le));
    ++line;
    if (!ga && !ge) break;
    if (la != le) diff += "line " + std::to_string(line) + "\n  want: " + (ge ? le : "<none>") + "\n  got:  " + (ga ? la : "<none>") + "\n";
  }
  EXPECT_TRUE(diff.empty()) << diff;
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, FinancialGolden,
    ::testing::Values(std::make_pair("jamtland-vp-2019/text.pdf", "jamtland-vp-2019.text"),
                      std::make_pair("jamtland-vp-2019/received.txt", "jamtland-vp-2019.received"),
                      std::make_pair("gavleborg-vp-2020/text.pdf", "gavleborg-vp-2020.text"),
                      std::make_pair("gavleborg-vp-2020/received.txt", "gavleborg-vp-2020.received"),
                      std::make_pair("gavleborg-ar-2020/text.pdf", "gavleborg-ar-2020.text"),
                      std::make_pair("gavleborg-ar-2020/received.txt", "gavleborg-ar-2020.received")),
    [](const auto& info) {
      std::string n = info.param.second;
      for (char& c : n)
        if (!isalnum(static_cast<unsigned char>(c))) c = '_';
      return n;
    });

TEST(GoldenGuard, UpdateSwitchIsOff) {
  EXPECT_FALSE(Updating()) << "FINSAM_UPDATE_GOLDEN is set: golden files were rewritten, not checked";
}

}  // namespace
}  // namespace finsam
