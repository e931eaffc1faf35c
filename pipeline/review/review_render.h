// Page crops for the review report (issue 5): renders the region of a PDF
// page a figure came from and encodes it as PNG. Thin adapter: Poppler via
// pipeline/input/pdf_render.h, Leptonica for the PNG encoding.
#ifndef FINSAM_PIPELINE_REVIEW_REVIEW_RENDER_H_
#define FINSAM_PIPELINE_REVIEW_REVIEW_RENDER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "model/document.h"
#include "model/status.h"

namespace finsam {

// The bytes of the file at `path` if they are still the ingested document,
// i.e. their SHA-256 (lowercase hex) is `sha256`. NotFound when the file is
// missing or unreadable, or when it holds other bytes now ("changed since
// it was ingested"): crops from it would show another document.
Result<std::shared_ptr<const std::string>> LoadIngestedDocument(const std::string& path, const std::string& sha256);

// Finds an ingested document again for its page crops, wherever `review`
// runs from: `stored` as it is when absolute; a relative `stored` (typed
// relative to wherever `ingest` ran) is tried against the current directory,
// then the database's directory and each of its parents. The first file
// whose bytes still have `sha256` wins. NotFound says every place tried and
// why each failed ("missing", "changed since it was ingested ...").
struct LocatedDocument {
  std::string path;  // where it was found
  std::shared_ptr<const std::string> bytes;
};
Result<LocatedDocument> LocateIngestedDocument(const std::string& stored, const std::string& sha256,
                                               const std::string& db_path);

// PNG bytes of an 8-bit gray image, `width` x `height` pixels, rows top
// to bottom, one byte a pixel (0 black). Used for crops and served pages.
Result<std::string> EncodeGrayPng(int width, int height, const unsigned char* pixels);

// PNG bytes of the region `region` (PDF points, origin top-left) of page
// `page` (1-based) of the PDF `pdf` (from LoadIngestedDocument), widened to
// the full page width so the rows' labels show, with `margin_pt` above and
// below, rendered at `dpi`; the figure at `highlight` is framed.
Result<std::string> RenderPageCropPng(const std::shared_ptr<const std::string>& pdf, int page, const Box& region,
                                      const Box& highlight, double margin_pt = 14, int dpi = 110);

// "data:image/png;base64,..." for embedding PNG bytes in HTML.
std::string PngDataUri(const std::string& png);

// What a screenshot of the report looks like, for the browser test: its
// size, how many distinct colours (16 levels per channel) it has, and how
// many pixels are within `tolerance` of `rgb` (0xRRGGBB).
struct PngStats {
  int width = 0, height = 0;
  int colour_buckets = 0;
  int near_rgb = 0;
};
Result<PngStats> AnalyzePng(const std::string& path, uint32_t rgb, int tolerance);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_REVIEW_REVIEW_RENDER_H_
