#include "pipeline/ocr/ocr_text.h"

#include <cctype>

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

std::string RepairKindWord(std::string_view token) {
  static constexpr std::string_view kKinds[] = {"utfall", "budget", "plan", "prognos", "avvikelse", "totalt",
                                                "bokslut"};
  // Unordered pairs of letters Tesseract confuses in these words.
  static constexpr std::string_view kPairs[] = {"hn", "il", "l1", "i1", "gq", "ft", "ce", "oa", "un"};
  std::string t(token);
  if (t.size() < 4) return t;
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

}  // namespace finsam
