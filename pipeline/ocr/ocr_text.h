// Pure text helpers for OCR output (no Tesseract here, unit-testable):
// cleaning the tokens that table borders and digit/letter confusions leave in
// OCR words, so that the table reader sees numbers as the text layer has them.
#ifndef FINSAM_PIPELINE_OCR_OCR_TEXT_H_
#define FINSAM_PIPELINE_OCR_OCR_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

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

// A figure in brackets that OCR read as two tokens, split at its thousands
// space ("(10" "812)" for (10 812), a negative): CleanOcrToken strips each
// token's unbalanced bracket, and the negative would read as positive.
// Given two neighbouring tokens of one line, which brackets to keep: both
// when `left` opens and `right` closes ("(1-3 digits" + "3 digits)"); the
// closing one alone when `left` is the figure's head with its opening
// bracket read as a glyph (4, l, I, C, {, [: "49" "960)" for (9 960); not
// 1, which heads too many figures whose ")" is a speck), which the number
// repair then reads both ways (extractors/number_repair.h).
struct KeptBrackets {
  bool open = false;   // keep `left`'s "("
  bool close = false;  // keep `right`'s ")"
};
KeptBrackets BracketsAcrossTokens(std::string_view left, std::string_view right);

// A column-kind word that OCR read one letter wrong ("Proghos", "Pian",
// "Budqet", "Utfali") as the word ("Prognos", "Plan", "Budget", "Utfall");
// the header reader knows only the words. One substitution of a pair OCR
// confuses (h/n, i/l/1/I, q/g, f/t, c/e, rn/m is not one), same length,
// letters only, the first letter's case kept; any other token unchanged.
// Whole kind words only: none of them is one such edit from a Swedish word
// a table prints ("Plan" and "Pian", "plan" and "plats" are not). Also a
// kind word alone or ending a compound with a diacritic OCR put on one of
// its vowels ("Helårsprögnos": kind words have none) or an n read as "ri"
// ("Helårsprogrios"); the compound's head stays as read.
std::string RepairKindWord(std::string_view token);

// Share of digits among the token's non-space characters (0..1).
double DigitShare(std::string_view token);

// A lone nought OCR read as letters and brackets: one to three characters,
// all of 0 O o Ö ö [ ] ( ), at least one of them round, or a bracket pair
// ("[]", "()"): "Oo", "[Ö", "[]" are how Tesseract read an isolated "0" in
// a table on 1-bit scans. Not D or Q: a label's letter ("Lån D"). The
// engine reads such a word again alone and trusts it as 0 only when that
// reading says so (tesseract_engine.cc).
bool IsZeroLike(std::string_view token);

// True when a numeric-looking OCR token should be re-recognized: it has
// digits and also characters that never occur in a printed amount, or its
// confidence is low.
bool IsSuspectNumber(std::string_view token, float confidence);

// Letters (a-z, A-Z, Latin-1 and Latin Extended-A/B letters) in the token.
int LetterCount(std::string_view token);

// A word of one cell's reading that is solid print: four letters or more,
// read with confidence 0.7 or more ("Helårsbudget" at 0.90, "Helårsprognos"
// at 0.71 from a shaded cell).
bool IsSolidWord(std::string_view token, float confidence);

// A word of one cell's reading that is the dots of a shaded (dithered)
// cell, not print: three characters or fewer, read with next to no
// confidence (under 0.1), in a reading that also holds a solid word
// (`solid_word_beside`). "Helårsbudget(0.90) 200(0.04) 2026(0.93)": the
// "200" is the shading; scored with it, the reading lost to a junk "NET".
bool IsShadingDebris(std::string_view token, float confidence, bool solid_word_beside);

// Other readings of one word (OcrWord::readings): adds `reading`, its
// surrounding white space trimmed and runs of it made one space, unless it
// is empty, holds no digit, equals `text` or one already there, or the list
// holds kMaxReadings. True when added.
inline constexpr size_t kMaxReadings = 6;
bool AddReading(const std::string& text, const std::string& reading, std::vector<std::string>* readings);

// The readings of two words joined into one ("13" over "320" → "13 320"):
// each of `a`'s readings with `b` as read, then `a` as read with each of
// `b`'s, joined by `sep`, at most kMaxReadings.
std::vector<std::string> JoinedReadings(const std::string& a, const std::vector<std::string>& a_readings,
                                        const std::string& sep, const std::string& b,
                                        const std::vector<std::string>& b_readings);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_OCR_OCR_TEXT_H_
