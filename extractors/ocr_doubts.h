// Figures read by OCR that the table arithmetic does not vouch for (issue 16,
// precision first): a wrong figure loaded `ok` is worse than a flagged one.
//
// After the repair stage and the in-document checks, a cell read from an OCR
// page (Page::decision kOcr, or a band OCRed on a repair page: word
// confidences < 1) turns `suspect`, with TableCell::doubt_rule "read.ocr"
// (ReadingFlags makes the flag), when it is still `ok` and
//   - its row's label has a word OCR read with low confidence and the label
//     names no known category (a garbled label: "Summa intarter"), or
//   - it was read with low confidence and no check that held used it, or
//   - it is used by a check that fails (severity error) on a page read by
//     OCR, and no check that held used it, or
//   - its row has no label, on a page read by OCR, and no check that held
//     used it.
// Text-layer figures are never touched (their confidence is 1 and their pages
// are not OCR pages).
#ifndef FINSAM_EXTRACTORS_OCR_DOUBTS_H_
#define FINSAM_EXTRACTORS_OCR_DOUBTS_H_

#include <vector>

#include "model/document.h"
#include "model/extraction.h"
#include "model/flags.h"

namespace finsam {

// OCR word confidence (0..1) under which a label word or a figure is doubted.
inline constexpr double kOcrLabelMinConfidence = 0.6;
inline constexpr double kOcrFigureMinConfidence = 0.7;

// `checks`: the flags of CheckDocument over `tables` (passed and failed).
// Returns the number of cells turned suspect.
int MarkOcrDoubts(const Document& doc, const std::vector<Flag>& checks, std::vector<FinancialTable>* tables);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_OCR_DOUBTS_H_
