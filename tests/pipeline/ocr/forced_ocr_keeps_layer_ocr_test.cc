// `--ocr always` on a born-digital corpus PDF: every page is rasterized and
// read by Tesseract, and every page with a good text layer keeps the layer's
// reading (issue 14, "never lose a good layer"); the budget facts equal those
// of the text layer alone.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/pipeline.h"

namespace finsam {
namespace {

TEST(ForcedOcr, BornDigitalPagesKeepTheirTextLayer) {
  const std::string path = std::string(FINSAM_SOURCE_DIR) + "/corpus/jamtland-vp-2019/text.pdf";
  PipelineOptions opts;
  opts.quiet = true;
  opts.ocr = OcrPolicy::kAlways;
  Result<Extraction> forced = RunPipeline(path, opts);
  ASSERT_TRUE(forced.ok()) << forced.status().ToString();
  opts.ocr = OcrPolicy::kNever;
  Result<Extraction> layer = RunPipeline(path, opts);
  ASSERT_TRUE(layer.ok());
  ASSERT_EQ(forced->doc.pages.size(), layer->doc.pages.size());
  int compared = 0;
  for (size_t i = 0; i < forced->doc.pages.size(); ++i) {
    const Page& f = forced->doc.pages[i];
    const Page& l = layer->doc.pages[i];
    if (l.lines.empty()) continue;  // the blank cover
    ++compared;
    SCOPED_TRACE("page " + std::to_string(f.number) + ": " + f.decision_reason);
    EXPECT_EQ(f.decision, PageDecision::kText);
    // Both readings scored; on a clean page they may tie within 0.01 (OCR
    // must read clearly more to win).
    EXPECT_GT(f.text_layer_score, 0.9);
    EXPECT_GE(f.ocr_score, 0);
    EXPECT_GE(f.ocr_confidence, 0);  // OCR did run
    ASSERT_EQ(f.lines.size(), l.lines.size());
    for (size_t k = 0; k < f.lines.size(); ++k) EXPECT_EQ(f.lines[k].text, l.lines[k].text);
  }
  EXPECT_EQ(compared, 6);
  EXPECT_EQ(forced->tables.size(), layer->tables.size());
}

}  // namespace
}  // namespace finsam
