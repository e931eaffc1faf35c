// A rendered page image and the seam to whatever renders pages (Poppler in
// production, a fake in tests). Shared by the page decision, the OCR stage
// and the review's page crops.
//
// Images are 8-bit gray, row-major, origin at the TOP-LEFT pixel, x right,
// y down, 0 = black, 255 = white.
#ifndef FINSAM_MODEL_PAGE_IMAGE_H_
#define FINSAM_MODEL_PAGE_IMAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "model/status.h"

namespace finsam {

struct GrayImage {
  int width = 0, height = 0;    // pixels
  double dpi = 0;               // resolution it was rendered at (0 = unknown)
  std::vector<uint8_t> pixels;  // width * height bytes, no row padding
  // What the rendering libraries printed meanwhile (libjpeg's "Corrupt JPEG
  // data: …"), one message each, for the document's warnings.
  std::vector<std::string> warnings;
  bool empty() const { return width <= 0 || height <= 0; }
  uint8_t at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
};

// Rasterizes pages of one document. Render may be called concurrently from
// several threads (implementations must be thread-safe).
class PageImageSource {
 public:
  virtual ~PageImageSource() = default;
  // page_index is 0-based. The image covers the whole (rotated) page, so
  // image.width / page.width is the scale from points to pixels.
  virtual Result<GrayImage> Render(int page_index, int dpi) const = 0;
};

}  // namespace finsam

#endif  // FINSAM_MODEL_PAGE_IMAGE_H_
