// Figures read by OCR that the table arithmetic does not vouch for (issue 16,
// precision first): a wrong figure loaded `ok` is worse than a flagged one.
//
// After the repair stage and the in-document checks, a cell read from an OCR
// page (Page::decision kOcr, or a band OCRed on a repair page: word
// confidences < 1) turns `suspect`, with TableCell::doubt_rule "read.ocr"
// (ReadingFlags makes the flag), when it is still `ok` (or `repaired`) and
//   - its row's label has a word OCR read with low confidence and the label
//     names no known category (a garbled label: "Summa intarter"), or
//   - its row's label, on a page read by OCR or one whose text (a text
//     layer or a dump) the page decision judged stripped by an English OCR
//     model (kRepair), has a word that is no known word even after
//     ocr_misreads.h's rebuilding ("Surnrniia", "Halsovaglednare": damage
//     the diacritic repair could not undo), or
//   - its row's label, on a page read by OCR, ends in one to three digits
//     and the row's first figure starts with a group of three ("Intäkter 14
//     | 200 000": a figure OCR split at its first space), or
//   - its row's label, on a page read by OCR, ends in two numbers of one to
//     three digits ("Staten 50 96" for "Staten (50 %)"), or
//   - it was read with low confidence and no check that held used it, or
//   - it is used by a check that fails (severity error) on a page read by
//     OCR or of a plain-text dump (OCR output, as a rule, without word
//     confidences), and no check that held used it, or
//   - its row has no label, on a page read by OCR, and no check that held
//     used it, or
//   - it was repaired (number_repair.h) on a page read by OCR and no check
//     that held exactly uses it (a repair kept because a sum then held
//     within its rounding tolerance only), or
//   - its column is dated by kind (utfall, budget, plan, prognos) but has no
//     year while other columns of its table do (a header OCR broke, or part
//     of a figure set under a column of its own), on a page read by OCR, and
//     no check that held used it.
// Two more, of the table rather than the cell (on a page read by OCR, or a
// dump for the first):
//   - a cost row's figure read positive in a table that prints its
//     negatives in parentheses ("(10 812)"): OCR may have lost the pair, and
//     result = income − costs holds with either sign;
//   - a figure still `ok` in a table where no check holds for any figure
//     and at least twice as many (four or more) are in doubt already: the
//     reading of the table failed (a header's columns shifted, figures
//     wrapped in cells too narrow), and what is left is `ok` by default.
// A check that holds only within its rounding tolerance (the sum misses by
// a unit: `13 321` against 13 320) vouches for no cell: an OCR digit
// misread by one in the last place passes such a sum. A check across tables
// that agrees only to the coarser unit (a note's `22 000 009` kr against a
// statement's 22 000 tkr) vouches for the figures printed in that unit only.
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

// True for a check of one table's arithmetic that held only within its
// rounding tolerance (found != expected).
bool HoldsOnlyByRounding(const Flag& f);

// `checks`: the flags of RepairTables and CheckDocument over `tables`
// (passed and failed; repair flags only say which cells were repaired how).
// Returns the number of cells turned suspect.
int MarkOcrDoubts(const Document& doc, const std::vector<Flag>& checks, std::vector<FinancialTable>* tables);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_OCR_DOUBTS_H_
