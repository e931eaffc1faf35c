// Poppler adapter for rasterizing PDF pages (with pdf_reader.*, the only code
// that includes Poppler).
//
// PdfPageSource renders pages of one PDF held in memory to 8-bit gray images
// (origin top-left, the page's /Rotate applied, so the image has the same
// orientation as the page's word boxes). It is thread-safe: every Render
// opens its own Poppler document over the shared bytes, so several OCR
// workers can render pages of the same PDF at once.
#ifndef FINSAM_PIPELINE_INPUT_PDF_RENDER_H_
#define FINSAM_PIPELINE_INPUT_PDF_RENDER_H_

#include <memory>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/page_image.h"
#include "model/status.h"

namespace finsam {

class PdfPageSource : public PageImageSource {
 public:
  // Shares ownership of the file's bytes.
  explicit PdfPageSource(std::shared_ptr<const std::string> bytes) : bytes_(std::move(bytes)) {}
  Result<GrayImage> Render(int page_index, int dpi) const override;

 private:
  std::shared_ptr<const std::string> bytes_;
};

// Names of the fonts each page introduces (index = 0-based page; Poppler
// lists a font shared by several pages only under the first). Text in
// "GlyphLessFont" is an invisible text layer written by Tesseract (a
// "sandwich" PDF made by an OCR run). Empty lists on failure.
std::vector<std::vector<std::string>> PdfPageFontNames(const std::string& bytes, int pages);

// Reads the document's source file again (stages after "read" do not keep the
// bytes) and checks that its size still matches what was read.
Result<std::shared_ptr<const std::string>> LoadDocumentBytes(const Document& doc);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_INPUT_PDF_RENDER_H_
