// The OCR result cache end to end (README "OCR", pipeline/ocr_cache.h): a
// one-page scan extracted twice gives byte-identical JSON, the second time
// from the one entry the first left; `--no-ocr-cache` and
// FINSAM_OCR_CACHE=off leave none. Real Tesseract: label ocr.
#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/finsam_run.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;

const std::string kScan =
    std::string(FINSAM_SOURCE_DIR) + "/tests/data/unseen/word/w3-vp-sydnarke-tabs.scan.pdf";

int Entries(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir / "ocr", ec)) return 0;
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir / "ocr")) n += e.is_regular_file();
  return n;
}

TEST(OcrCacheCli, SecondExtractReadsTheCacheAndSaysTheSame) {
  const fs::path work = fs::path(::testing::TempDir()) / ("ocr_cache_cli_" + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::create_directories(work / "on");
  fs::create_directories(work / "off");
  const std::string on = "OMP_THREAD_LIMIT=1 FINSAM_CACHE_DIR='" + (work / "on").string() + "'";
  const std::string args = "extract --quiet --format json --ocr always '" + kScan + "'";

  RunResult first = RunFinsam(FINSAM_BINARY, work.string(), args, on);
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("\"decision\": \"ocr\""), std::string::npos) << first.out.substr(0, 2000);
  EXPECT_EQ(Entries(work / "on"), 1);  // one page, one entry
  const fs::path entry = fs::directory_iterator(work / "on" / "ocr")->path();
  const auto written = fs::last_write_time(entry);

  RunResult second = RunFinsam(FINSAM_BINARY, work.string(), args, on);
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_EQ(second.out, first.out);
  EXPECT_EQ(Entries(work / "on"), 1);
  EXPECT_GE(fs::last_write_time(entry), written);  // touched on use, not rewritten elsewhere

  const std::string off = "OMP_THREAD_LIMIT=1 FINSAM_CACHE_DIR='" + (work / "off").string() + "'";
  RunResult flag = RunFinsam(FINSAM_BINARY, work.string(), args + " --no-ocr-cache", off);
  ASSERT_EQ(flag.code, 0) << flag.err;
  EXPECT_EQ(flag.out, first.out);
  EXPECT_EQ(Entries(work / "off"), 0);
  RunResult env = RunFinsam(FINSAM_BINARY, work.string(), args, off + " FINSAM_OCR_CACHE=off");
  ASSERT_EQ(env.code, 0) << env.err;
  EXPECT_EQ(Entries(work / "off"), 0);
  fs::remove_all(work);
}

}  // namespace
}  // namespace finsam
