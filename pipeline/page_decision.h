// Per-page decision: use the text layer as is ("text"), use it through the
// diacritic repair ("repair"), or rasterize and OCR the page ("ocr"); "empty"
// for blank pages and for pages without text when OCR is off.
//
// The decision is made from evidence that needs no rasterizing first:
//  - the text layer's words (characters that cannot be mapped, stripped
//    Swedish diacritics scored with the shared Swedish lexicon),
//  - whether the text layer was written by an OCR program (Tesseract's
//    invisible "GlyphLessFont"),
//  - the page's images and how much of them the words leave uncovered
//    (pdf_content.h, read from the content stream).
// Only pages without a text layer, and pages whose images the words leave
// partly uncovered, are rendered at low resolution to measure their ink:
// how much thin-stroke ink lies outside every word box inside the images (a
// layer that covers only part of the page's text). Vector graphics and
// shaded table cells never send a page to OCR.
// The reason string says which rule fired, with the figures, and is stored in
// the database (v_pages).
#ifndef FINSAM_PIPELINE_PAGE_DECISION_H_
#define FINSAM_PIPELINE_PAGE_DECISION_H_

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "pipeline/input/pdf_content.h"
#include "pipeline/ocr/ocr_engine.h"
#include "pipeline/pipeline.h"

namespace finsam {

// What the text layer of one page looks like.
struct TextLayerSignals {
  int words = 0;             // words with at least one letter or digit
  int chars = 0;             // code points in all words
  int unmappable = 0;        // U+FFFD, private-use, control characters
  int alpha_words = 0;       // words of >= 2 letters
  int with_diacritics = 0;   // words containing å/ä/ö
  int garbled = 0;           // é/6/&/4 between letters ("6ver", "f&r", "férbundet")
  int stripped = 0;          // restorable words (lexicon) or known stripped forms
  double evidence = 0;       // lexicon's stripped-Swedish evidence 0..1 (0 without lexicon)
  double junk_share = 0;     // words neither valid Swedish nor restorable (lexicon, >= 40 words)
  bool lexicon = false;      // whether the lexicon was available
};

TextLayerSignals AnalyzeTextLayer(const Page& page);

// Ink of a page rendered at low resolution, as fractions of the page area.
struct PageInk {
  bool measured = false;
  double ink = 0;        // dark pixels / all pixels (ruling lines excluded)
  double uncovered = 0;  // dark pixels outside text-layer word boxes / all pixels
};

// Measures ink on `image` (a render of `page` at any dpi; the image's pixels
// map linearly onto the page's points, origin top-left). `ink` counts every
// dark pixel; `uncovered` only dark pixels of thin strokes (horizontal runs
// up to ~4 pt: text, not photographs, filled shapes or shaded cells) farther
// than 3 pt from every word box. With `regions` (page points) only pixels
// inside them count: the stage passes the page's image boxes, so vector
// graphics and shaded cells drawn outside images never count.
PageInk MeasureInk(const GrayImage& image, const Page& page, const std::vector<Box>* regions = nullptr);

// Share of the page's area (0..1) covered by images (content.images) and
// not within 8 pt of any word box: the part of the page where a picture may
// hold text the text layer does not carry. 0 without images.
double UncoveredImageShare(const PageContent& content, const Page& page);

struct PageVerdict {
  PageDecision decision = PageDecision::kText;
  std::string reason;
};

// A band of a text-layer page (top to bottom, in page points) holding a table
// whose numbers the layer garbled with border glyphs ("4443/4443", "|2 222",
// "(2020"): what an old OCR run makes of a bordered table. Such a band is
// re-read by OCR even on a "repair" page (prose keeps the cheap repaired
// layer; numbers must be right). nullopt when the page has none.
struct DamagedBand {
  double y0 = 0, y1 = 0;
  int damaged_numbers = 0;
  // Only words within x0..x1 (page units) are replaced: a picture's band
  // keeps the text layer's words beside the picture.
  double x0 = -1e18, x1 = 1e18;
};
std::optional<DamagedBand> FindDamagedTableBand(const Page& page);

// The rules (auto policy); see page_decision.cc for thresholds.
PageVerdict DecidePage(const TextLayerSignals& text, const PageInk& ink, bool ocr_text_layer,
                       OcrPolicy policy);

// Adds "page N: WARNING" (a message a library printed while page
// `page_index` rendered) to the document's warnings, once: the decision
// and the OCR render the same page.
void AddRenderWarning(Document& doc, int page_index, const std::string& warning);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_PAGE_DECISION_H_
