// Poppler-glib adapter (the only code that includes poppler-glib): what a
// PDF page draws, without rasterizing it.
//
// poppler-cpp lists a page's text and fonts but not its images; poppler-glib's
// poppler_page_get_image_mapping() runs the page's content stream through an
// output device that records where every image (XObject, inline image,
// stencil mask) lands and does not decode or draw anything. That is what the
// page decision needs to tell a scan or a page with a picture of text from a
// born-digital page whose ink is vector graphics and shaded table cells.
#ifndef FINSAM_PIPELINE_INPUT_PDF_CONTENT_H_
#define FINSAM_PIPELINE_INPUT_PDF_CONTENT_H_

#include <string>
#include <vector>

#include "model/document.h"

namespace finsam {

// What one page draws. Boxes are in points, origin top-left, y down, the
// page's /Rotate applied: the same frame as the text layer's word boxes.
struct PageContent {
  bool measured = false;     // false when the page could not be inspected
  std::vector<Box> images;   // every image drawn, clipped to the page
  double image_share = 0;    // union of the image boxes / page area, 0..1
  bool type3_fonts = false;  // the document uses Type 3 fonts (bitmap glyphs, often OCR output)
  // The document uses Tesseract's invisible "GlyphLessFont": its text layer
  // was written by an OCR run (a "sandwich" PDF). Judged for the whole
  // document, as Poppler lists a font shared by several pages only once.
  bool ocr_text_font = false;
};

// One entry per page (0-based), `pages` long; entries stay unmeasured when
// Poppler cannot open the file or a page. One document open and one pass:
// the fonts of all pages are scanned once, then each page's image list.
// Thread-compatible: it opens its own document over `bytes`.
std::vector<PageContent> PdfPageContents(const std::string& bytes, int pages);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_INPUT_PDF_CONTENT_H_
