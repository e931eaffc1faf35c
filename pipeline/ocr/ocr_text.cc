#include "pipeline/ocr/ocr_text.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "normalizers/swedish_number.h"
#include "normalizers/utf8.h"

namespace finsam {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsBorderChar(char c) { return c == '|' || c == '[' || c == ']' || c == '_' || c == '!'; }

// Characters an amount may contain besides digits ("−" and "–" are multi-byte
// and handled by skipping non-ASCII bytes as separators).
bool IsAmountChar(unsigned char c) {
  return IsDigit(static_cast<char>(c)) || c == ' ' || c == ',' || c == '.' || c == '-' || c == '%' || c >= 0x80;
}

}  // namespace

bool IsBorderDebris(std::string_view t) {
  if (t.empty()) return false;
  if (t == "—" || t == "–" || t == "-|" || t == "|-") return true;
  for (char c : t)
    if (!IsBorderChar(c)) return false;
  return true;
}

double DigitShare(std::string_view t) {
  int digits = 0, total = 0;
  for (size_t i = 0; i < t.size();) {
    char32_t c = NextCodePoint(t, &i);
    if (c == ' ') continue;
    ++total;
    if (c >= '0' && c <= '9') ++digits;
  }
  return total ? static_cast<double>(digits) / total : 0.0;
}

bool AddReading(const std::string& text, const std::string& reading, std::vector<std::string>* readings) {
  std::string r;
  for (char c : reading) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!r.empty() && r.back() != ' ') r += ' ';
    } else {
      r += c;
    }
  }
  while (!r.empty() && r.back() == ' ') r.pop_back();
  if (r.empty() || r == text || readings->size() >= kMaxReadings) return false;
  if (std::none_of(r.begin(), r.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  if (std::find(readings->begin(), readings->end(), r) != readings->end()) return false;
  readings->push_back(std::move(r));
  return true;
}

std::vector<std::string> JoinedReadings(const std::string& a, const std::vector<std::string>& a_readings,
                                        const std::string& sep, const std::string& b,
                                        const std::vector<std::string>& b_readings) {
  std::vector<std::string> out;
  const std::string joined = a + sep + b;
  for (const std::string& r : a_readings) AddReading(joined, r + sep + b, &out);
  for (const std::string& r : b_readings) AddReading(joined, a + sep + r, &out);
  return out;
}

bool IsZeroLike(std::string_view t) {
  int n = 0;
  bool round = false;
  for (size_t i = 0; i < t.size();) {
    const char32_t c = NextCodePoint(t, &i);
    ++n;
    switch (c) {
      case U'0': case U'O': case U'o': case U'\u00D6': case U'\u00F6':
        round = true;
        break;
      case U'[': case U']': case U'(': case U')':
        break;
      default:
        return false;
    }
  }
  return n <= 3 && (round || t == "[]" || t == "()");
}

std::string CleanOcrToken(std::string_view token) {
  std::string t(token);
  bool has_digit = false;
  for (char c : t) has_digit |= IsDigit(c);
  if (!has_digit) return t;
  // Border glyphs glued to either end of a number.
  while (!t.empty() && (IsBorderChar(t.front()) || t.front() == '/')) t.erase(t.begin());
  while (!t.empty() && (IsBorderChar(t.back()) || t.back() == '/')) t.pop_back();
  if (!t.empty() && (t.front() == '(' || t.front() == '[') && t.find(')') == std::string::npos) t.erase(t.begin());
  if (!t.empty() && t.back() == ')' && t.find('(') == std::string::npos) t.pop_back();
  if (t.empty() || DigitShare(t) < 0.6) return t;
  // "2.222" / "2:222": a thousands gap read as a point or colon (Swedish
  // decimals use a comma, so d.ddd with exactly three digits after is a
  // thousands separator).
  for (size_t i = 1; i + 3 < t.size(); ++i) {
    if ((t[i] == '.' || t[i] == ':') && IsDigit(t[i - 1]) && IsDigit(t[i + 1]) &&
        IsDigit(t[i + 2]) && IsDigit(t[i + 3]) && (i + 4 == t.size() || !IsDigit(t[i + 4])))
      t[i] = ' ';
  }
  int digits = 0;
  for (char c : t) digits += IsDigit(c);
  if (digits < 2) return t;
  for (char& c : t) {
    switch (c) {
      case 'O': case 'o': case 'Q': case 'D': c = '0'; break;
      case 'l': case 'I': case 'i': case '|': case '!': c = '1'; break;
      case 'S': c = '5'; break;
      case 'B': c = '8'; break;
      case 'Z': c = '2'; break;
      default: break;
    }
  }
  return t;
}

KeptBrackets BracketsAcrossTokens(std::string_view left, std::string_view right) {
  KeptBrackets k;
  // The closing half: one group of three digits and the bracket; the
  // opening half: a glyph and one to three digits.
  if (right.size() != 4 || right.back() != ')' || !AllDigits(right.substr(0, 3))) return k;
  if (left.size() < 2 || left.size() > 4 || !AllDigits(left.substr(1))) return k;
  k.open = left.front() == '(';
  k.close = k.open || std::string_view("4lIC{[").find(left.front()) != std::string_view::npos;
  return k;
}

namespace {

bool IsLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

// A kind word, alone or ending a compound ("Helårsprögnos"), with a
// diacritic OCR put on one of its vowels (kind words have none, so the mark
// is OCR's), or with an n read as "ri" ("Helårsprogrios"): the token with
// that ending spelt as the kind word. Nothing for any other token.
template <size_t N>
std::optional<std::string> RepairKindEnding(const std::string& t, const std::string_view (&kinds)[N]) {
  std::vector<char32_t> cps;
  for (size_t i = 0; i < t.size();) cps.push_back(NextCodePoint(t, &i));
  auto fold = [](char32_t c, bool* marked) -> char32_t {
    if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
    switch (c) {
      case U'ö': case U'Ö': case U'ó': case U'ò': *marked = true; return 'o';
      case U'ä': case U'Ä': case U'å': case U'Å': case U'á': case U'à': *marked = true; return 'a';
      case U'é': case U'É': case U'è': *marked = true; return 'e';
      case U'ü': case U'Ü': *marked = true; return 'u';
      default: return c;
    }
  };
  for (std::string_view kind : kinds) {
    std::vector<std::string> readings{std::string(kind)};  // [0] as printed, then OCR's
    for (size_t n = 1; n < kind.size(); ++n)
      if (kind[n] == 'n') readings.push_back(std::string(kind.substr(0, n)) + "ri" + std::string(kind.substr(n + 1)));
    for (size_t v = 0; v < readings.size(); ++v) {
      const std::string& reading = readings[v];
      if (cps.size() < reading.size()) continue;
      const size_t from = cps.size() - reading.size();
      bool marked = false, same = true;
      for (size_t k = 0; k < reading.size() && same; ++k)
        same = fold(cps[from + k], &marked) == static_cast<char32_t>(reading[k]);
      if (!same || (v == 0 && !marked)) continue;
      if (!std::all_of(cps.begin(), cps.begin() + static_cast<std::ptrdiff_t>(from), IsLetter)) continue;
      std::string out;
      for (size_t k = 0; k < from; ++k) AppendUtf8(cps[k], &out);
      std::string tail(kind);
      const char32_t first = cps[from];
      if ((first >= 'A' && first <= 'Z') || first == U'Ö' || first == U'Ä' || first == U'Å' || first == U'É' ||
          first == U'Ü')
        tail[0] = static_cast<char>(tail[0] - 'a' + 'A');
      return out + tail;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string RepairKindWord(std::string_view token) {
  static constexpr std::string_view kKinds[] = {"utfall", "budget", "plan", "prognos", "avvikelse", "totalt",
                                                "bokslut"};
  // Unordered pairs of letters Tesseract confuses in these words.
  static constexpr std::string_view kPairs[] = {"hn", "il", "l1", "i1", "gq", "ft", "ce", "oa", "un"};
  std::string t(token);
  if (t.size() < 4) return t;
  if (std::optional<std::string> r = RepairKindEnding(t, kKinds)) return *r;
  std::string low;
  for (char c : t) {
    if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) return t;
    low.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  for (std::string_view kind : kKinds) {
    if (kind.size() != low.size() || kind == low) continue;
    int diffs = 0;
    size_t at = 0;
    for (size_t i = 0; i < kind.size(); ++i)
      if (kind[i] != low[i]) ++diffs, at = i;
    if (diffs != 1 || at == 0) continue;  // the first letter is read right in every case seen
    const char a = kind[at], b = low[at];
    bool confusable = false;
    for (std::string_view p : kPairs) confusable |= (p[0] == a && p[1] == b) || (p[0] == b && p[1] == a);
    if (!confusable) continue;
    std::string out(kind);
    if (t[0] >= 'A' && t[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    const bool all_caps = t.size() > 1 && t[1] >= 'A' && t[1] <= 'Z';
    if (all_caps)
      for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return out;
  }
  return t;
}

bool IsSuspectNumber(std::string_view token, float confidence) {
  bool has_digit = false;
  for (char c : token) has_digit |= IsDigit(c);
  if (!has_digit) return false;
  for (unsigned char c : token)
    if (!IsAmountChar(c)) return true;
  return confidence < 0.80f;
}

int LetterCount(std::string_view token) {
  int letters = 0;
  for (size_t i = 0; i < token.size();) letters += IsLetter(NextCodePoint(token, &i));
  return letters;
}

bool IsSolidWord(std::string_view token, float confidence) {
  return confidence >= 0.7f && LetterCount(token) >= 4;
}

bool IsShadingDebris(std::string_view token, float confidence, bool solid_word_beside) {
  if (!solid_word_beside || confidence >= 0.1f || token.empty()) return false;
  return CodePointCount(token) <= 3;
}

}  // namespace finsam
