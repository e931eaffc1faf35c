// Page decisions from evidence before rendering (issue 14): synthetic PDFs of
// the cases that used to go wrong, the real born-digital reports (skipped
// without ../shared/realdocs), and the choice between a text layer and OCR's
// reading with a fake engine.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "pipeline/input/line_builder.h"
#include "pipeline/input/pdf_content.h"
#include "pipeline/input/pdf_render.h"
#include "pipeline/ocr/ocr_pool.h"
#include "pipeline/ocr_stage.h"
#include "pipeline/page_decision.h"
#include "pipeline/stages.h"
#include "tests/support/realdocs.h"

namespace finsam {
namespace {

std::vector<Page> Decide(const std::string& path, OcrPolicy policy = OcrPolicy::kAuto) {
  PipelineOptions opts;
  opts.ocr = policy;
  opts.quiet = true;
  opts.jobs = 1;
  PipelineContext ctx(opts);
  ctx.ex.doc.source_path = path;
  EXPECT_TRUE(ReadStage(ctx).ok()) << path;
  EXPECT_TRUE(NormalizeUnicodeStage(ctx).ok());
  EXPECT_TRUE(DecidePagesStage(ctx).ok());
  return ctx.ex.doc.pages;
}

std::string Data(const char* name) { return std::string(FINSAM_SOURCE_DIR) + "/tests/data/" + name; }

TEST(PageEvidence, ShadedTableCellsDoNotTriggerOcr) {
  std::vector<Page> pages = Decide(Data("shaded_table.pdf"));
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].decision, PageDecision::kText) << pages[0].decision_reason;
  EXPECT_NE(pages[0].decision_reason.find("not rendered"), std::string::npos) << pages[0].decision_reason;
}

TEST(PageEvidence, VectorChartDoesNotTriggerOcr) {
  std::vector<Page> pages = Decide(Data("vector_chart.pdf"));
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].decision, PageDecision::kText) << pages[0].decision_reason;
  EXPECT_NE(pages[0].decision_reason.find("not rendered"), std::string::npos) << pages[0].decision_reason;
}

TEST(PageEvidence, PictureOfTextBesideAShortLayerIsRenderedAndOcred) {
  std::vector<Page> pages = Decide(Data("image_of_text.pdf"));
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].decision, PageDecision::kOcr) << pages[0].decision_reason;
  EXPECT_NE(pages[0].decision_reason.find("rendered at"), std::string::npos) << pages[0].decision_reason;
}

TEST(PageEvidence, ImagesAreListedInPagePoints) {
  Result<std::shared_ptr<const std::string>> bytes = [] {
    Document d;
    d.source_path = Data("image_of_text.pdf");
    return LoadDocumentBytes(d);
  }();
  ASSERT_TRUE(bytes.ok());
  std::vector<PageContent> c = PdfPageContents(**bytes, 1);
  ASSERT_EQ(c.size(), 1u);
  ASSERT_TRUE(c[0].measured);
  ASSERT_EQ(c[0].images.size(), 1u);
  // Drawn at x 80..480, PDF y 380..680 → top-left origin y 162..462.
  EXPECT_NEAR(c[0].images[0].x0, 80, 1);
  EXPECT_NEAR(c[0].images[0].x1, 480, 1);
  EXPECT_NEAR(c[0].images[0].y0, 842 - 680, 1);
  EXPECT_NEAR(c[0].images[0].y1, 842 - 380, 1);
  EXPECT_NEAR(c[0].image_share, 400.0 * 300 / (595 * 842), 0.01);
  EXPECT_TRUE(PdfPageContents(**bytes, 1)[0].measured);
  std::vector<PageContent> none = PdfPageContents("not a pdf", 2);
  ASSERT_EQ(none.size(), 2u);
  EXPECT_FALSE(none[0].measured);
}

TEST(PageEvidence, OcrNeverSaysWhatWasSkipped) {
  std::vector<Page> pages = Decide(std::string(FINSAM_SOURCE_DIR) + "/corpus/jamtland-vp-2019/scan.pdf",
                                   OcrPolicy::kNever);
  int skipped = 0;
  for (const Page& p : pages) skipped += p.ocr_skipped;
  EXPECT_EQ(skipped, 6);  // every page but the blank cover
  EXPECT_FALSE(pages[0].ocr_skipped);
  EXPECT_NE(pages[1].decision_reason.find("--ocr never"), std::string::npos);
}

// Every page of the real born-digital reports with a good text layer is
// decided without OCR.
TEST(PageEvidence, RealBornDigitalReportsKeepTheirTextLayers) {
  const std::string dir = RealDocsDir();
  if (dir.empty()) GTEST_SKIP() << "../shared/realdocs absent";
  int files = 0, pages = 0, rendered = 0;
  for (const char* sub : {"goteborg", "brf"}) {
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir + "/" + sub))
      if (e.path().extension() == ".pdf") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      ++files;
      for (const Page& p : Decide(path.string())) {
        ++pages;
        rendered += p.decision_reason.find("rendered at") != std::string::npos;
        TextLayerSignals t = AnalyzeTextLayer(p);
        const bool good_layer = t.words >= 20 && t.unmappable * 10 < t.chars;
        if (good_layer) {
          EXPECT_NE(p.decision, PageDecision::kOcr) << path << " page " << p.number << ": " << p.decision_reason;
        }
      }
    }
  }
  EXPECT_GT(files, 10);
  RecordProperty("pages", pages);
  RecordProperty("rendered", rendered);
}

// A page image source that renders white pages.
class WhiteSource : public PageImageSource {
 public:
  Result<GrayImage> Render(int, int dpi) const override {
    GrayImage img;
    img.width = 595 * dpi / 72;
    img.height = 842 * dpi / 72;
    img.dpi = dpi;
    img.pixels.assign(static_cast<size_t>(img.width) * img.height, 255);
    return img;
  }
};

// An engine that returns fixed words and a fixed orientation.
class ScriptedEngine : public OcrEngine {
 public:
  ScriptedEngine(std::vector<std::string> words, int orientation) : words_(std::move(words)), orientation_(orientation) {}
  Result<OcrPageResult> Recognize(const GrayImage&) override {
    OcrPageResult r;
    r.orientation_degrees = orientation_;
    for (size_t i = 0; i < words_.size(); ++i) {
      OcrWord w;
      w.text = words_[i];
      w.x0 = 100 + 150 * (i % 10);
      w.x1 = w.x0 + 120;
      w.y0 = 200 + 60 * (i / 10);
      w.y1 = w.y0 + 40;
      w.confidence = 0.6f;
      w.line = static_cast<int>(i / 10);
      r.words.push_back(w);
    }
    return r;
  }

 private:
  std::vector<std::string> words_;
  int orientation_;
};

Page LayerPage(const std::string& text, int repeat) {
  Page p;
  p.width = 595;
  p.height = 842;
  p.decision = PageDecision::kOcr;
  p.decision_reason = "--ocr always";
  std::vector<Word> words;
  double y = 50;
  for (int r = 0; r < repeat; ++r, y += 14) {
    double x = 50;
    std::string tok;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i < text.size() && text[i] != ' ') {
        tok += text[i];
        continue;
      }
      if (tok.empty()) continue;
      Word w;
      w.text = w.raw = tok;
      w.box = Box{x, y, x + 5.0 * tok.size(), y + 10};
      w.source = WordSource::kTextLayer;
      x += 5.0 * tok.size() + 4;
      words.push_back(w);
      tok.clear();
    }
  }
  BuildLines(std::move(words), p);
  return p;
}

Document RunOcr(Page page, std::vector<std::string> ocr_words, int orientation) {
  Document doc;
  doc.pages.push_back(std::move(page));
  WhiteSource src;
  OcrPool pool(1, [&]() -> Result<std::unique_ptr<OcrEngine>> {
    return std::unique_ptr<OcrEngine>(new ScriptedEngine(ocr_words, orientation));
  });
  OcrRunOptions opt;
  EXPECT_TRUE(OcrPages(doc, src, pool, opt).ok());
  return doc;
}

const char* kProse = "Förbundet har under året arbetat med insatser för personer som står långt från arbetsmarknaden 2 221";

TEST(ReadingChoice, UpsideDownOcrKeepsTheUprightTextLayer) {
  // What OCR makes of a page it turned 180°: fragments, and fewer of them.
  std::vector<std::string> garbage;
  for (int i = 0; i < 60; ++i) garbage.push_back(i % 2 ? "uepJoq" : "ue1sn");
  Document doc = RunOcr(LayerPage(kProse, 10), garbage, 180);
  const Page& p = doc.pages[0];
  EXPECT_EQ(p.decision, PageDecision::kText) << p.decision_reason;
  EXPECT_EQ(p.lines.front().words.front().text, "Förbundet");
  EXPECT_EQ(p.lines.front().words.front().source, WordSource::kTextLayer);
  EXPECT_GT(p.text_layer_score, p.ocr_score);
  EXPECT_NE(p.decision_reason.find("text layer kept"), std::string::npos) << p.decision_reason;
}

TEST(ReadingChoice, RotationAgainstAnUprightLayerIsRefusedEvenWhenOcrReadsMore) {
  std::vector<std::string> words;
  for (int i = 0; i < 300; ++i) words.push_back(i % 2 ? "året" : "förbundet");
  Document doc = RunOcr(LayerPage(kProse, 10), words, 90);
  EXPECT_EQ(doc.pages[0].decision, PageDecision::kText) << doc.pages[0].decision_reason;
  EXPECT_NE(doc.pages[0].decision_reason.find("against an upright text layer"), std::string::npos);
}

TEST(ReadingChoice, OcrReplacesALayerThatCoversPartOfThePage) {
  std::vector<std::string> words;
  for (int i = 0; i < 80; ++i) words.push_back(i % 3 ? "arbetat" : "2 221");
  Document doc = RunOcr(LayerPage("Verksamhetsberättelse 2020", 1), words, 0);
  const Page& p = doc.pages[0];
  EXPECT_EQ(p.decision, PageDecision::kOcr) << p.decision_reason;
  EXPECT_EQ(p.lines.front().words.front().source, WordSource::kOcr);
  EXPECT_NE(p.decision_reason.find("OCR kept"), std::string::npos) << p.decision_reason;
}

TEST(ReadingChoice, PagesWithoutALayerHaveNoScores) {
  Page p;
  p.width = 595;
  p.height = 842;
  p.decision = PageDecision::kOcr;
  Document doc = RunOcr(p, {"Förbundet", "året"}, 0);
  EXPECT_LT(doc.pages[0].text_layer_score, 0);
  EXPECT_LT(doc.pages[0].ocr_score, 0);
}

}  // namespace
}  // namespace finsam
