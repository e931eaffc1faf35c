// Swedish number lexer and helpers for amounts as printed in förbund reports.
//
// Accepted forms (whole token or token run, surrounding spaces ignored):
//   "13 320"  (space, NBSP U+00A0, thin/narrow NBSP U+2009/U+202F as thousands separator)
//   "4443"  "480,5"  "-2 187"  "−666" (U+2212)  "–2 187" (en dash)  "(1 234)" (negative)
//   "100%" / "100 %" (percent)  "–" / "-" alone (nil: an empty cell printed as a dash)
//   "9 400-" (an accounting export's trailing minus; not "2019-", a range)
//   "1 900 000:-" (the kronor mark ":-" after a figure; dropped here, the
//   table reader takes it for the unit kr)
//   "+81"  "8.400.000" / "151.200" (periods as thousands separators: groups
//   of three after a first group of one to three digits not starting with 0)
// Thousands groups must be exactly three digits after the first group of
// one to three digits; "13 32" is not a number.
#ifndef FINSAM_NORMALIZERS_SWEDISH_NUMBER_H_
#define FINSAM_NORMALIZERS_SWEDISH_NUMBER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace finsam {

struct SwedishNumber {
  double value = 0;
  bool is_percent = false;
  bool is_nil = false;   // a lone dash: printed "nothing"; value 0
  int decimals = 0;      // digits after the decimal comma
};

// Parses a whole token run as one number; nullopt when it is not exactly one.
std::optional<SwedishNumber> ParseSwedishNumber(std::string_view text);
// Amount as printed ("13 320", "-215", "892 400", "480,5") → value; nullopt
// for nil marks and percentages.
std::optional<double> ParseAmount(std::string_view text);
// Formats a value the way the documents print it: 13 320, -2 187, 480,5.
std::string FormatPrinted(double v);

// Replaces NBSP/thin spaces/tabs by ' ', U+2212 and dashes by '-' in number
// context, collapses runs of spaces, and writes a period-grouped token
// ("8.400.000") without its periods. Exposed for tests and the lexer.
std::string CanonicalNumberText(std::string_view text);

// True when `s` is one or more ASCII digits and nothing else.
bool AllDigits(std::string_view s);

// True for a token that can be part of a number: digits with optional sign,
// decimal comma, percent, parentheses; a lone dash; a whole grouped figure in
// one word ("8 400 000", "13\u00a0320").
bool IsNumericToken(std::string_view token);

// Ways to read space-separated tokens as exactly `count` numbers, where each
// number is a head token (optionally signed, 1-3 digits when followed by
// groups) plus zero or more 3-digit group tokens. Each grouping is a list of
// `count` strings like "15 300". At most `limit` groupings are returned.
// Example: {"15","300","9","808","9748"}, 3 → {{"15 300","9 808","9748"}}.
std::vector<std::vector<std::string>> GroupNumberTokens(const std::vector<std::string>& tokens, int count,
                                                        int limit = 16);

// Unit of money stated in a title or header: "tkr", "Tkr", "Belopp i tkr",
// "(i tkr)", "tusentals kronor", "mkr", "mnkr", "miljoner kronor", "kr", "kronor", "SEK".
struct MoneyUnit {
  std::string unit;  // "tkr" | "mkr" | "kr"
  int64_t scale = 1; // kronor per printed unit
};
std::optional<MoneyUnit> DetectMoneyUnit(std::string_view text);

// Rounds value × scale to whole kronor.
int64_t ToKronor(double value, int64_t scale);

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_SWEDISH_NUMBER_H_
