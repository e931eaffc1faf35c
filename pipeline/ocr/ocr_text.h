// Pure text helpers for OCR output (no Tesseract here, unit-testable):
// cleaning the tokens that table borders and digit/letter confusions leave in
// OCR words, so that the table reader sees numbers as the text layer has them.
#ifndef FINSAM_PIPELINE_OCR_OCR_TEXT_H_
#define FINSAM_PIPELINE_OCR_OCR_TEXT_H_

#include <string>
#include <string_view>

namespace finsam {

// True when the token is only border debris: "|", "[", "]", "||", "_", "—"
// (what a ruling line becomes when it is read as text).
bool IsBorderDebris(std::string_view token);

// Cleans one OCR token:
//  - strips border glyphs glued to a number: "|2 222" → "2 222", "8886|" →
//    "8886", "(2020" → "2020" (an unbalanced bracket before digits);
//  - in a token that is mostly digits, maps letters that OCR confuses with
//    digits: O/o/Q/D → 0, l/I/i/|/! → 1, S → 5, B → 8, Z → 2 ("2O19" → "2019");
// Words (tokens that are mostly letters) come back unchanged.
std::string CleanOcrToken(std::string_view token);

// A column-kind word that OCR read one letter wrong ("Proghos", "Pian",
// "Budqet", "Utfali") as the word ("Prognos", "Plan", "Budget", "Utfall");
// the header reader knows only the words. One substitution of a pair OCR
// confuses (h/n, i/l/1/I, q/g, f/t, c/e, rn/m is not one), same length,
// letters only, the first letter's case kept; any other token unchanged.
// Whole kind words only: none of them is one such edit from a Swedish word
// a table prints ("Plan" and "Pian", "plan" and "plats" are not).
std::string RepairKindWord(std::string_view token);

// Share of digits among the token's non-space characters (0..1).
double DigitShare(std::string_view token);

// True when a numeric-looking OCR token should be re-recognized: it has
// digits and also characters that never occur in a printed amount, or its
// confidence is low.
bool IsSuspectNumber(std::string_view token, float confidence);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_OCR_OCR_TEXT_H_
