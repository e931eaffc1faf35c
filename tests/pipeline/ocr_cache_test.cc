// The OCR result cache (pipeline/ocr_cache.h): an entry gives back exactly
// what the engine returned; damaged entries are misses; the OCR stage reuses
// a result only for the same pixels read by an engine of the same identity,
// and never for an engine without one.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/ocr/ocr_pool.h"
#include "pipeline/ocr_cache.h"
#include "pipeline/ocr_stage.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;

OcrPageResult SampleResult() {
  OcrPageResult r;
  r.orientation_degrees = 90;
  r.skew_degrees = -0.7312345678901234;
  r.ruling_lines = 7;
  r.cells_rechecked = 3;
  r.speckles_removed = 12;
  r.figures_reread = 5;
  r.figures_doubted = 1;
  r.words_reread = 2;
  r.words_replaced = 1;
  // Texts with the separators of the format inside them, and none at all.
  const std::vector<std::string> texts = {"Förbundets", "13 320", "a\nb", "", "–2 187 ", "\xE2\x88\x92" "480,5"};
  for (size_t i = 0; i < texts.size(); ++i) {
    OcrWord w;
    w.text = texts[i];
    w.x0 = 100.1 + i / 3.0;
    w.y0 = 200.25 + i;
    w.x1 = w.x0 + 1e-9 + 55.5;
    w.y1 = w.y0 + 30.0 / 7.0;
    w.confidence = 0.1f * static_cast<float>(i) + 0.0123f;
    w.block = static_cast<int>(i / 2);
    w.line = static_cast<int>(i);
    w.cell_rechecked = i % 2 == 1;
    // Other readings: none, one, and two with the format's separators.
    if (i == 1) w.readings = {"13 328"};
    if (i == 4) w.readings = {"-2 1 87\n", "7 2"};
    r.words.push_back(w);
  }
  return r;
}

void ExpectSame(const OcrPageResult& a, const OcrPageResult& b) {
  EXPECT_EQ(a.orientation_degrees, b.orientation_degrees);
  EXPECT_EQ(a.skew_degrees, b.skew_degrees);
  EXPECT_EQ(a.ruling_lines, b.ruling_lines);
  EXPECT_EQ(a.cells_rechecked, b.cells_rechecked);
  EXPECT_EQ(a.speckles_removed, b.speckles_removed);
  EXPECT_EQ(a.figures_reread, b.figures_reread);
  EXPECT_EQ(a.figures_doubted, b.figures_doubted);
  EXPECT_EQ(a.words_reread, b.words_reread);
  EXPECT_EQ(a.words_replaced, b.words_replaced);
  ASSERT_EQ(a.words.size(), b.words.size());
  for (size_t i = 0; i < a.words.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(a.words[i].text, b.words[i].text);
    // Exactly, not nearly: a cached page must come out as a fresh one.
    EXPECT_EQ(a.words[i].x0, b.words[i].x0);
    EXPECT_EQ(a.words[i].y0, b.words[i].y0);
    EXPECT_EQ(a.words[i].x1, b.words[i].x1);
    EXPECT_EQ(a.words[i].y1, b.words[i].y1);
    EXPECT_EQ(a.words[i].confidence, b.words[i].confidence);
    EXPECT_EQ(a.words[i].block, b.words[i].block);
    EXPECT_EQ(a.words[i].line, b.words[i].line);
    EXPECT_EQ(a.words[i].cell_rechecked, b.words[i].cell_rechecked);
    EXPECT_EQ(a.words[i].readings, b.words[i].readings);
  }
}

TEST(OcrCache, EntryRoundTripsExactly) {
  const OcrPageResult r = SampleResult();
  std::optional<OcrPageResult> back = OcrResultCache::Decode(OcrResultCache::Encode(r));
  ASSERT_TRUE(back.has_value());
  ExpectSame(r, *back);
}

TEST(OcrCache, DamagedEntriesAreMisses) {
  const std::string good = OcrResultCache::Encode(SampleResult());
  struct Case {
    const char* what;
    std::string bytes;
  };
  std::string wrong_magic = good;
  wrong_magic[0] = 'F';
  std::string bad_number = good;
  bad_number[bad_number.find('\n') + 1] = 'x';
  std::string long_text = good;
  long_text.replace(long_text.find(" 11 Förbundets"), 4, " 99 ");  // 11 bytes: ö is two
  std::string reading_long = good;
  reading_long.replace(reading_long.find("\n6 13 328\n"), 3, "\n9 ");
  const std::vector<Case> cases = {
      {"empty", ""},
      {"magic only", "finsam-ocr-cache 2\n"},
      {"other format version", std::string("finsam-ocr-cache 1") + good.substr(good.find('\n'))},
      {"reading length past the end", reading_long},
      {"wrong magic", wrong_magic},
      {"a letter for a number", bad_number},
      {"truncated in the last word", good.substr(0, good.size() - 4)},
      {"missing the last newline", good.substr(0, good.size() - 1)},
      {"trailing bytes", good + "x"},
      {"text length past the end", long_text},
  };
  for (const Case& c : cases) EXPECT_FALSE(OcrResultCache::Decode(c.bytes).has_value()) << c.what;
}

// Counts Recognize calls; reads the page number back from pixel 0.
class CountingEngine : public OcrEngine {
 public:
  CountingEngine(std::string identity, std::atomic<int>* calls) : identity_(std::move(identity)), calls_(calls) {}
  Result<OcrPageResult> Recognize(const GrayImage& image) override {
    ++*calls_;
    OcrPageResult r;
    OcrWord w;
    w.text = "Sida" + std::to_string(image.pixels[0]);
    w.x0 = 300;
    w.y0 = 600;
    w.x1 = 500;
    w.y1 = 640;
    w.confidence = 0.9f;
    r.words.push_back(w);
    return r;
  }
  std::string CacheIdentity() const override { return identity_; }

 private:
  std::string identity_;
  std::atomic<int>* calls_;
};

class PageSource : public PageImageSource {
 public:
  Result<GrayImage> Render(int page_index, int dpi) const override {
    GrayImage img;
    img.width = 595 * dpi / 72;
    img.height = 842 * dpi / 72;
    img.dpi = dpi;
    img.pixels.assign(static_cast<size_t>(img.width) * img.height, 255);
    img.pixels[0] = static_cast<uint8_t>(page_index + tint);
    return img;
  }
  int tint = 0;  // changes every page's pixels
};

Document TwoOcrPages() {
  Document doc;
  for (int i = 0; i < 2; ++i) {
    Page p;
    p.number = i + 1;
    p.width = 595;
    p.height = 842;
    p.decision = PageDecision::kOcr;
    doc.pages.push_back(p);
  }
  return doc;
}

std::string FirstWord(const Document& doc, int page) {
  const Page& p = doc.pages[page];
  return p.lines.empty() || p.lines[0].words.empty() ? "" : p.lines[0].words[0].text;
}

class OcrCacheStage : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("ocr_cache_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // OCRs a fresh two-page document with an engine of `identity`; returns
  // the number of Recognize calls.
  int Run(const std::string& identity, const PageSource& source, Document* out = nullptr) {
    std::atomic<int> calls{0};
    OcrPool pool(1, [&]() -> Result<std::unique_ptr<OcrEngine>> {
      return std::unique_ptr<OcrEngine>(new CountingEngine(identity, &calls));
    });
    OcrRunOptions opt;
    opt.dpi = 72;
    opt.cache_dir = dir_.string();
    Document doc = TwoOcrPages();
    EXPECT_TRUE(OcrPages(doc, source, pool, opt).ok());
    EXPECT_EQ(FirstWord(doc, 0), "Sida" + std::to_string(source.tint));
    EXPECT_EQ(FirstWord(doc, 1), "Sida" + std::to_string(source.tint + 1));
    if (out) *out = doc;
    return calls.load();
  }
  fs::path dir_;
};

TEST_F(OcrCacheStage, SameImageSameEngineIsReadOnce) {
  PageSource src;
  Document fresh, cached;
  EXPECT_EQ(Run("engine A", src, &fresh), 2);
  EXPECT_EQ(Run("engine A", src, &cached), 0);
  ASSERT_EQ(fresh.pages.size(), cached.pages.size());
  for (size_t i = 0; i < fresh.pages.size(); ++i) {
    ASSERT_EQ(fresh.pages[i].lines.size(), cached.pages[i].lines.size());
    EXPECT_EQ(fresh.pages[i].decision_reason, cached.pages[i].decision_reason);
    EXPECT_EQ(fresh.pages[i].lines[0].words[0].box.x0, cached.pages[i].lines[0].words[0].box.x0);
  }
}

TEST_F(OcrCacheStage, OtherPixelsOrOtherEngineAreReadAgain) {
  PageSource src;
  EXPECT_EQ(Run("engine A", src), 2);
  EXPECT_EQ(Run("engine B", src), 2);  // another build or model: its own entries
  src.tint = 10;
  EXPECT_EQ(Run("engine A", src), 2);  // other pixels
  EXPECT_EQ(Run("engine A", src), 0);
}

TEST_F(OcrCacheStage, EngineWithoutIdentityIsNeverCached) {
  PageSource src;
  EXPECT_EQ(Run("", src), 2);
  EXPECT_EQ(Run("", src), 2);
  EXPECT_FALSE(fs::exists(dir_));
}

TEST_F(OcrCacheStage, DamagedEntryIsReadAgainAndReplaced) {
  PageSource src;
  EXPECT_EQ(Run("engine A", src), 2);
  int damaged = 0;
  for (const auto& e : fs::directory_iterator(dir_)) {
    std::ofstream(e.path(), std::ios::trunc) << "finsam-ocr-cache 2\ngarbage";
    ++damaged;
  }
  EXPECT_EQ(damaged, 2);
  EXPECT_EQ(Run("engine A", src), 2);
  EXPECT_EQ(Run("engine A", src), 0);
}

TEST_F(OcrCacheStage, UnwritableFolderOnlyCostsTheCache) {
  PageSource src;
  fs::create_directories(dir_.parent_path());
  std::ofstream(dir_) << "a file where the folder should be";
  EXPECT_EQ(Run("engine A", src), 2);
  EXPECT_EQ(Run("engine A", src), 2);
  fs::remove(dir_);
}

}  // namespace
}  // namespace finsam
