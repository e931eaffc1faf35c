// Browser check of the review report: scripts/review_screenshot.sh renders
// `finsam review --html` in headless Chromium; this test checks the pixels.
// Skipped when Chromium is not installed (the script can install it:
// `scripts/review_screenshot.sh BUILD_DIR`).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "pipeline/review/review_render.h"

namespace finsam {
namespace {

bool HaveChromium() {
  return std::system("command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1") == 0;
}

TEST(ReviewScreenshotTest, ReportRendersInHeadlessChromium) {
  if (!HaveChromium()) GTEST_SKIP() << "chromium not installed; run scripts/review_screenshot.sh to install it";
  std::string tmpl = ::testing::TempDir() + "/finsam_shot_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  std::string build = std::filesystem::path(FINSAM_BINARY).parent_path().string();
  std::string cmd = std::string(FINSAM_SOURCE_DIR) + "/scripts/review_screenshot.sh " + build + " " + tmpl +
                    " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  Result<PngStats> st = AnalyzePng(tmpl + "/report.png", 0xc0392b, 24);
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->width, 1200);
  EXPECT_EQ(st->height, 2400);
  EXPECT_GE(st->colour_buckets, 8);  // text, borders, backgrounds: not a blank page
  EXPECT_GE(st->near_rgb, 50);       // the red left border of an error flag card
  std::filesystem::remove_all(tmpl);
}

}  // namespace
}  // namespace finsam
