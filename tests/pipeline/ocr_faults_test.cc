// The OCR stage under a misbehaving engine (issue 13): on some pages the
// fake engine fails, returns garbage (invalid UTF-8, huge and non-finite
// boxes, NaN confidence), throws, or hangs past the per-page deadline. The
// document still comes back with those pages reported (warning and decision
// reason say which page and why) and the other pages' words kept. The
// reliability build (FINSAM_FUZZ, label "sanitize") runs this under
// ASan+UBSan+LSan, so a leak or UB on these paths fails it.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>

#include "normalizers/utf8.h"
#include "pipeline/ocr/ocr_pool.h"
#include "pipeline/ocr_stage.h"

namespace finsam {
namespace {

using Clock = std::chrono::steady_clock;

// A blank image per page; pixel 0 carries the page index to the engine.
class IndexSource : public PageImageSource {
 public:
  Result<GrayImage> Render(int page_index, int dpi) const override {
    GrayImage img;
    img.width = 600;
    img.height = 800;
    img.dpi = dpi;
    img.pixels.assign(static_cast<size_t>(img.width) * img.height, 255);
    img.pixels[0] = static_cast<uint8_t>(page_index);
    return img;
  }
};

enum Fault : int {
  kGood = 0,
  kError = 1,
  kGarbage = 2,
  kThrows = 3,
  kHangsHonouringDeadline = 4,
  kHangsIgnoringDeadline = 5,
  kThrowsNonStandard = 6,
};

OcrWord MakeWord(std::string text, double x0, double y0, double x1, double y1, float conf) {
  OcrWord w;
  w.text = std::move(text);
  w.x0 = x0;
  w.y0 = y0;
  w.x1 = x1;
  w.y1 = y1;
  w.confidence = conf;
  return w;
}

class FaultyEngine : public OcrEngine {
 public:
  void SetDeadline(Clock::time_point deadline) override { deadline_ = deadline; }

  Result<OcrPageResult> Recognize(const GrayImage& image) override {
    OcrPageResult r;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    switch (static_cast<Fault>(image.pixels[0])) {
      case kError:
        return Status::Internal("engine exploded");
      case kGarbage:
        r.words.push_back(MakeWord("Summa\xff\xfe", 10, 10, 100, 30, 0.9f));
        r.words.push_back(MakeWord("Int\xc3", 110, 10, 200, 30, std::numeric_limits<float>::quiet_NaN()));
        r.words.push_back(MakeWord("huge", 210, 10, 1e300, 30, 0.8f));  // x clamped (a tall box is vertical text)
        r.words.push_back(MakeWord("nan", nan, 10, 300, 30, 0.8f));
        r.words.push_back(MakeWord("inf", 10, -inf, 300, 30, 0.8f));
        r.words.push_back(MakeWord("away", 1e9, 1e9, 2e9, 2e9, 0.8f));
        r.words.push_back(MakeWord("flipped", 400, 30, 310, 10, 7.5f));
        r.words.push_back(MakeWord("2020", 500, 10, 560, 30, -3.0f));
        return r;
      case kThrows:
        throw std::runtime_error("tesseract blew up");
      case kThrowsNonStandard:
        throw 42;
      case kHangsHonouringDeadline:
        // Like Tesseract with a monitor: stops at the deadline.
        while (deadline_ == Clock::time_point{} || Clock::now() < deadline_)
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return Status::TooLarge("cancelled by monitor");
      case kHangsIgnoringDeadline:
        // Cannot be interrupted; comes back late with a result.
        std::this_thread::sleep_for(std::chrono::milliseconds(2500));
        r.words.push_back(MakeWord("late", 10, 10, 100, 30, 0.9f));
        return r;
      case kGood:
      default:
        r.words.push_back(MakeWord("Kommunerna", 10, 10, 200, 30, 0.95f));
        r.words.push_back(MakeWord("2 222", 300, 10, 380, 30, 0.9f));
        return r;
    }
  }

 private:
  Clock::time_point deadline_{};
};

Document MakeDoc(int pages) {
  Document doc;
  for (int i = 0; i < pages; ++i) {
    Page p;
    p.number = i + 1;
    p.width = 600;
    p.height = 800;
    p.decision = PageDecision::kOcr;
    p.decision_reason = "no text layer";
    doc.pages.push_back(p);
  }
  return doc;
}

std::string AllWarnings(const Document& doc) {
  std::string all;
  for (const std::string& w : doc.warnings) all += w + "\n";
  return all;
}

bool Has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

TEST(OcrFaults, FailingThrowingHangingAndGarbagePagesAreReportedOthersKept) {
  OcrPool pool(2, []() -> Result<std::unique_ptr<OcrEngine>> { return std::unique_ptr<OcrEngine>(new FaultyEngine); });
  // Pages: 0 good, 1 error, 2 garbage, 3 throws, 4 hangs (honours the
  // deadline), 5 hangs (ignores it), 6 throws a non-exception, 7 good.
  Document doc = MakeDoc(8);
  OcrRunOptions opt;
  opt.dpi = 72;
  opt.page_timeout_s = 1.0;
  int progress_done = 0;
  opt.progress = [&](int done, int total) {
    if (done == total) progress_done = done;
  };
  const auto t0 = Clock::now();
  ASSERT_TRUE(OcrPages(doc, IndexSource(), pool, opt).ok());
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  EXPECT_EQ(progress_done, 8);
  EXPECT_LT(seconds, 30);  // the hangs ended

  const std::string all = AllWarnings(doc);
  // Good pages: their words, no warning.
  for (int i : {0, 7}) {
    ASSERT_EQ(doc.pages[i].lines.size(), 1u) << i;
    EXPECT_EQ(doc.pages[i].lines[0].text, "Kommunerna 2 222");
    EXPECT_FALSE(Has(all, "page " + std::to_string(i + 1) + ":")) << all;
  }
  // Failures: no words, the page named with the reason.
  EXPECT_TRUE(doc.pages[1].lines.empty());
  EXPECT_TRUE(Has(all, "page 2: OCR failed: internal error: engine exploded")) << all;
  EXPECT_TRUE(Has(doc.pages[1].decision_reason, "OCR failed: engine exploded"));
  EXPECT_TRUE(doc.pages[3].lines.empty());
  EXPECT_TRUE(Has(all, "page 4: OCR failed: internal error: OCR engine threw: tesseract blew up")) << all;
  EXPECT_TRUE(doc.pages[6].lines.empty());
  EXPECT_TRUE(Has(all, "page 7: OCR failed: internal error: OCR engine threw a non-standard exception")) << all;
  EXPECT_TRUE(doc.pages[4].lines.empty());
  EXPECT_TRUE(Has(all, "page 5: OCR failed: too large: timed out after 1 s")) << all;
  EXPECT_TRUE(Has(doc.pages[4].decision_reason, "OCR failed: timed out after 1 s"));
  EXPECT_TRUE(doc.pages[5].lines.empty());  // the late result is discarded
  EXPECT_TRUE(Has(all, "page 6: OCR failed: too large: timed out after 1 s")) << all;

  // Garbage: cleaned, not trusted, and said so.
  const Page& g = doc.pages[2];
  EXPECT_TRUE(Has(all, "page 3: OCR output cleaned: 2 words with invalid UTF-8 repaired, "
                       "2 words without a finite box dropped, 1 words outside the image dropped, "
                       "1 boxes clamped to the image, 3 confidences outside 0..1 fixed"))
      << all;
  EXPECT_TRUE(Has(g.decision_reason, "OCR output cleaned:")) << g.decision_reason;
  ASSERT_FALSE(g.lines.empty());
  int words = 0;
  for (const Line& line : g.lines) {
    EXPECT_TRUE(IsValidUtf8(line.text)) << line.text;
    for (const Word& w : line.words) {
      ++words;
      EXPECT_TRUE(IsValidUtf8(w.text));
      EXPECT_TRUE(IsValidUtf8(w.raw));
      EXPECT_GE(w.confidence, 0.0f);
      EXPECT_LE(w.confidence, 1.0f);
      EXPECT_LE(w.box.x0, w.box.x1);
      EXPECT_LE(w.box.y0, w.box.y1);
      EXPECT_GE(w.box.x0, 0);
      EXPECT_LE(w.box.x1, g.width);
      EXPECT_LE(w.box.y1, g.height);
    }
  }
  EXPECT_EQ(words, 5);  // Summa, Int, huge (clamped), flipped, 2020
  EXPECT_TRUE(std::isfinite(g.ocr_confidence));
  EXPECT_GE(g.ocr_confidence, 0.0);
  EXPECT_LE(g.ocr_confidence, 1.0);
  EXPECT_EQ(doc.warnings.size(), 6u) << all;
}

TEST(OcrFaults, NoTimeoutWhenDisabled) {
  OcrPool pool(1, []() -> Result<std::unique_ptr<OcrEngine>> { return std::unique_ptr<OcrEngine>(new FaultyEngine); });
  Document doc = MakeDoc(1);
  OcrRunOptions opt;
  opt.dpi = 72;
  opt.page_timeout_s = 0;
  ASSERT_TRUE(OcrPages(doc, IndexSource(), pool, opt).ok());
  EXPECT_TRUE(doc.warnings.empty()) << AllWarnings(doc);
  EXPECT_EQ(doc.pages[0].lines.size(), 1u);
}

TEST(OcrFaults, ThrowingOrNullEngineFactoryFailsEveryPageNotTheProcess) {
  OcrPool throwing(2, []() -> Result<std::unique_ptr<OcrEngine>> { throw std::runtime_error("no tessdata"); });
  Document doc = MakeDoc(3);
  ASSERT_TRUE(OcrPages(doc, IndexSource(), throwing, {}).ok());
  ASSERT_EQ(doc.warnings.size(), 3u);
  for (const std::string& w : doc.warnings) EXPECT_TRUE(Has(w, "OCR engine creation threw: no tessdata")) << w;

  OcrPool null_engine(1, []() -> Result<std::unique_ptr<OcrEngine>> { return std::unique_ptr<OcrEngine>(); });
  Document doc2 = MakeDoc(2);
  ASSERT_TRUE(OcrPages(doc2, IndexSource(), null_engine, {}).ok());
  ASSERT_EQ(doc2.warnings.size(), 2u);
  EXPECT_TRUE(Has(doc2.warnings[0], "returned no engine")) << doc2.warnings[0];
}

}  // namespace
}  // namespace finsam
