// Table ruling lines on page images (Leptonica morphology).
//
// Bordered tables in scans make Tesseract read a cell border as a digit
// ("15" → "115", "0" → "10"). FindRulingLines finds long thin horizontal and
// vertical strokes; EraseRulingLines paints them white before recognition;
// the lines also serve as cell boundaries (CellAround) for re-recognizing a
// single cell. All coordinates are pixels of the image passed in (origin
// top-left, y down); the image should be deskewed first.
#ifndef FINSAM_PIPELINE_OCR_RULING_LINES_H_
#define FINSAM_PIPELINE_OCR_RULING_LINES_H_

#include <optional>
#include <vector>

#include "pipeline/ocr/ocr_engine.h"

namespace finsam {

struct RulingLine {
  bool horizontal = true;
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // bounding box, inclusive-exclusive
};

struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
};

// Finds ruling lines. Minimum lengths scale with image.dpi (300 when unknown):
// horizontal ≥ 0.5 in, vertical ≥ 0.3 in; thickness ≤ 0.04 in.
std::vector<RulingLine> FindRulingLines(const GrayImage& image);

// Paints the lines (grown by a pixel or two for anti-aliasing) white.
void EraseRulingLines(const std::vector<RulingLine>& lines, GrayImage& image);

// The table cell that contains point (x, y): bounded by the nearest vertical
// lines left and right and the nearest horizontal lines above and below that
// span the point. The rectangle is the cell's interior (lines excluded).
// nullopt when the point is not enclosed on all four sides.
std::optional<PixelRect> CellAround(const std::vector<RulingLine>& lines, double x, double y);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_OCR_RULING_LINES_H_
