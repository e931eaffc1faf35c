#include "pipeline/ocr/ocr_leptonica.h"

#include <leptonica/allheaders.h>

#include <cstring>
#include <mutex>

namespace finsam {

void PixDeleter::operator()(Pix* p) const {
  if (p) pixDestroy(&p);
}

PixPtr PixFromGray(const GrayImage& image) {
  if (image.empty()) return nullptr;
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return nullptr;
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const uint8_t* src = &image.pixels[static_cast<size_t>(y) * image.width];
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, src[x]);
  }
  if (image.dpi > 0) pixSetResolution(pix.get(), static_cast<int>(image.dpi + 0.5), static_cast<int>(image.dpi + 0.5));
  return pix;
}

GrayImage GrayFromPix(Pix* pix, double dpi) {
  GrayImage out;
  if (!pix) return out;
  PixPtr owned;
  Pix* p8 = pix;
  if (pixGetDepth(pix) != 8) {
    owned.reset(pixConvertTo8(pix, 0));
    p8 = owned.get();
    if (!p8) return out;
  }
  out.width = pixGetWidth(p8);
  out.height = pixGetHeight(p8);
  out.dpi = dpi;
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  l_uint32* data = pixGetData(p8);
  const int wpl = pixGetWpl(p8);
  for (int y = 0; y < out.height; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    uint8_t* dst = &out.pixels[static_cast<size_t>(y) * out.width];
    for (int x = 0; x < out.width; ++x) dst[x] = static_cast<uint8_t>(GET_DATA_BYTE(line, x));
  }
  return out;
}

bool WriteGrayPng(const GrayImage& image, const std::string& path) {
  PixPtr pix = PixFromGray(image);
  return pix && pixWrite(path.c_str(), pix.get(), IFF_PNG) == 0;
}

void QuietLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

}  // namespace finsam
