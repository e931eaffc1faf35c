// Input limits of the read stage (the memory budget, README "Benchmarks"):
// a text dump over max_text_bytes, a line over max_line_bytes, more words
// or lines than max_words / max_lines or more form-feed pages than max_pages is kTooLarge.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;

class InputLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_limits_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    options_.ocr = OcrPolicy::kNever;
    options_.jobs = 1;
    options_.quiet = true;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  Status Read(const std::string& path) { return RunPipeline(path, options_).status(); }
  // Within the limits: a tiny text may still fail a later stage, not this one.
  void ExpectNotTooLarge(const std::string& name, const std::string& text) {
    Status st = Read(Write(name, text));
    EXPECT_NE(st.code(), StatusCode::kTooLarge) << st.ToString();
  }

  std::string dir_;
  PipelineOptions options_;
};

TEST_F(InputLimitsTest, TextOverTheByteLimitIsRefusedUnread) {
  options_.max_text_bytes = 100;
  Status st = Read(Write("a.txt", std::string(101, 'a')));
  EXPECT_EQ(st.code(), StatusCode::kTooLarge);
  EXPECT_EQ(st.message(), "101 bytes of text, limit 100 bytes (a text dump of a document is well under 1 MB)");
  ExpectNotTooLarge("b.txt", "Verksamhetsplan 2020\n");
}

TEST_F(InputLimitsTest, LongLineIsRefused) {
  options_.max_line_bytes = 10;
  Status st = Read(Write("a.txt", "kort rad\nen alldeles för lång rad\n"));
  EXPECT_EQ(st.code(), StatusCode::kTooLarge);
  EXPECT_EQ(st.message(), "line 2 is 26 bytes long, limit 10 bytes");
  // The last line, without a newline, counts too.
  EXPECT_EQ(Read(Write("b.txt", "kort\n0123456789ab")).code(), StatusCode::kTooLarge);
  ExpectNotTooLarge("c.txt", "kort\n0123456789\n");
}

TEST_F(InputLimitsTest, TooManyWordsOrPagesAreRefused) {
  options_.max_words = 5;
  Status st = Read(Write("a.txt", "ett två tre\nfyra fem sex\n"));
  EXPECT_EQ(st.code(), StatusCode::kTooLarge);
  EXPECT_EQ(st.message(), "more than 5 words");
  ExpectNotTooLarge("b.txt", "ett två tre\n  fyra\tfem\n\n");
  options_.max_words = 1000;
  options_.max_lines = 3;
  EXPECT_EQ(Read(Write("e.txt", "a\nb\nc\nd\n")).message(), "more than 3 lines");
  ExpectNotTooLarge("f.txt", "a\nb\nc\n");
  options_.max_pages = 2;
  EXPECT_EQ(Read(Write("c.txt", "a\fb\fc\n")).message(), "more than 2 pages (form feeds)");
  ExpectNotTooLarge("d.txt", "a\fb\n");
}

}  // namespace
}  // namespace finsam
