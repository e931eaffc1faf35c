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

// The lines worth erasing before recognition: every vertical line (a cell
// border read as "1" or "|"), and the horizontal lines that meet a vertical
// one (a grid). The horizontal rules of a statement without vertical lines
// (under the header, above a Summa row) stay: with them erased Tesseract's
// page layout analysis lost the whole figure columns of a real scanned
// resultaträkning, and a rule under a row is not misread as a digit.
std::vector<RulingLine> LinesToErase(const std::vector<RulingLine>& lines);

// The table cell that contains point (x, y): bounded by the nearest vertical
// lines left and right and the nearest horizontal lines above and below that
// span the point. The rectangle is the cell's interior (lines excluded).
// nullopt when the point is not enclosed on all four sides.
std::optional<PixelRect> CellAround(const std::vector<RulingLine>& lines, double x, double y);

// Joins the parts of one number printed on one line of one bordered cell:
// a 1-3 digit head (minus allowed) followed by 3-digit groups ("13" "320" →
// "13 320"), when they are the only words of the cell. OCR gives each group
// its own word; the cell's rules prove they are one figure, whatever the
// font's thousands gap (a monospaced font's is a whole character, wider than
// the table reader's gap between parts of one number). Boxes are united,
// the confidence is the weakest part's. Parts further apart than 1.2 × their
// height are two figures (a cell whose dividing rule was not found); parts
// all closer than 0.6 × their height are left as they are (the table reader
// joins those itself). Words outside any cell are left alone.
void JoinNumberPartsInCells(const std::vector<RulingLine>& lines, std::vector<OcrWord>& words);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_OCR_RULING_LINES_H_
