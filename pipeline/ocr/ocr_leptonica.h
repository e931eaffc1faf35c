// Small Leptonica helpers shared by the OCR adapters (tesseract_engine.cc,
// ruling_lines.cc). Only those adapters include this header; it forward
// declares Leptonica's Pix so that nobody else sees Leptonica.
#ifndef FINSAM_PIPELINE_OCR_OCR_LEPTONICA_H_
#define FINSAM_PIPELINE_OCR_OCR_LEPTONICA_H_

#include <memory>
#include <string>

#include "pipeline/ocr/ocr_engine.h"

struct Pix;

namespace finsam {

struct PixDeleter {
  void operator()(Pix* p) const;
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// 8 bpp copy of `image` (resolution set from image.dpi). nullptr on failure.
PixPtr PixFromGray(const GrayImage& image);
// Gray copy of an 8 bpp (or any depth, converted) Pix.
GrayImage GrayFromPix(Pix* pix, double dpi);

// Writes `image` as PNG (debugging aid). False on failure.
bool WriteGrayPng(const GrayImage& image, const std::string& path);

// Silences Leptonica's stderr chatter once per process.
void QuietLeptonica();

}  // namespace finsam

#endif  // FINSAM_PIPELINE_OCR_OCR_LEPTONICA_H_
