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

// How Poppler rasterizes before the image is turned to gray.
//  kGray: Splash renders 8-bit gray directly (what OCR reads).
//  kRgb:  Splash renders RGB, converted to gray here (0.30 R + 0.59 G +
//         0.11 B, as Poppler's own gray). Several times cheaper on pages
//         with ICC-based photos (InDesign, Word exports): for RGB output
//         Splash converts ICC colour a whole image row per lcms call, for
//         gray one pixel per call. The page decision's ink renders use it.
enum class RenderColor { kGray, kRgb };

class PdfPageSource : public PageImageSource {
 public:
  // Shares ownership of the file's bytes.
  explicit PdfPageSource(std::shared_ptr<const std::string> bytes, RenderColor color = RenderColor::kGray)
      : bytes_(std::move(bytes)), color_(color) {}
  Result<GrayImage> Render(int page_index, int dpi) const override;

 private:
  std::shared_ptr<const std::string> bytes_;
  RenderColor color_;
};

// Renders pages of one PDF through a single Poppler document opened on the
// first Render and kept open: for one thread rendering several pages of the
// same file (PdfPageSource reopens the document for every page, which is
// what several threads sharing one source need). Not thread-safe; one per
// thread. Shares ownership of the bytes.
class PdfPageRenderer : public PageImageSource {
 public:
  explicit PdfPageRenderer(std::shared_ptr<const std::string> bytes, RenderColor color = RenderColor::kGray);
  ~PdfPageRenderer() override;
  Result<GrayImage> Render(int page_index, int dpi) const override;

 private:
  struct Open;
  std::shared_ptr<const std::string> bytes_;
  RenderColor color_;
  mutable std::unique_ptr<Open> open_;  // the document, opened lazily
};

// Reads the document's source file again (stages after "read" do not keep the
// bytes) and checks that its size still matches what was read.
Result<std::shared_ptr<const std::string>> LoadDocumentBytes(const Document& doc);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_INPUT_PDF_RENDER_H_
