#include "normalizers/swedish_number.h"

#include <re2/re2.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <string_view>
#include <utility>

#include "normalizers/regex.h"
#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

namespace finsam {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  return true;
}

std::string CanonicalNumberText(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = in[i];
    std::string_view rest = in.substr(i);
    if (rest.substr(0, 2) == "\xC2\xA0") {  // NBSP
      out.push_back(' ');
      ++i;
    } else if (rest.substr(0, 3) == "\xE2\x80\xAF" || rest.substr(0, 3) == "\xE2\x80\x89" ||
               rest.substr(0, 3) == "\xE2\x80\x8A") {  // narrow NBSP, thin, hair space
      out.push_back(' ');
      i += 2;
    } else if (rest.substr(0, 3) == "\xE2\x88\x92" || rest.substr(0, 3) == "\xE2\x80\x93" ||
               rest.substr(0, 3) == "\xE2\x80\x94" || rest.substr(0, 3) == "\xE2\x80\x90" ||
               rest.substr(0, 3) == "\xE2\x80\x91" || rest.substr(0, 3) == "\xE2\x80\x92") {
      out.push_back('-');  // minus, en/em dash, hyphens
      i += 2;
    } else if (c == '\t' || c == '\r' || c == '\n') {
      out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  // Collapse spaces, trim.
  std::string collapsed;
  for (char c : out) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed.push_back(c);
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  // A typographic minus that OCR read as two glyphs ("—-10,4", "--2,4"):
  // one sign, as a single dash before the digits already is.
  if (collapsed.find("--") != std::string::npos) RE2::GlobalReplace(&collapsed, "(^| )--+(\\d)"_re, "\\1-\\2");
  // A footnote mark printed after a figure ("−5 400*", "1 250¹"): the
  // figure's, not a digit of it. (A mark set as a raised ordinary digit
  // cannot be told from the figure in the text and is not handled here.)
  if (collapsed.find_first_of("*\xC2\xE2") != std::string::npos)
    RE2::GlobalReplace(&collapsed, "(\\d\\)?)(?:\\*+|\\x{00B9}|\\x{00B2}|\\x{00B3}|[\\x{2070}\\x{2074}-\\x{2079}])+( |$)"_re,
                       "\\1\\2");
  // The Swedish kronor mark after a figure ("1 900 000:-", "450:–"): the
  // figure's unit (CellUnitWord names it for the table), not a trailing
  // minus.
  if (collapsed.find(":-") != std::string::npos) RE2::GlobalReplace(&collapsed, "(\\d):-+( |$)"_re, "\\1\\2");
  if (collapsed.find('.') == std::string::npos) return collapsed;
  // Periods as thousands separators ("8.400.000", "151.200", older Swedish
  // style and spreadsheet exports): a token of one to three digits, not
  // starting with 0, then groups of exactly three is one number, written
  // without separators so every reader below takes it whole. "0,570",
  // "2027.", "5.1" and "480.5" do not match and stay as they were.
  static const RE2 kPeriodGrouped(R"(([-+(]?)([1-9]\d{0,2}(?:\.\d{3})+)((?:,\d+)?\)?(?: ?%)?))");
  std::string result;
  size_t pos = 0;
  while (pos <= collapsed.size()) {
    size_t end = collapsed.find(' ', pos);
    if (end == std::string::npos) end = collapsed.size();
    std::string token = collapsed.substr(pos, end - pos);
    std::string sign, body, tail;
    if (token.find('.') != std::string::npos && RE2::FullMatch(token, kPeriodGrouped, &sign, &body, &tail)) {
      std::erase(body, '.');
      token = sign + body + tail;
    }
    if (!result.empty()) result.push_back(' ');
    result += token;
    pos = end + 1;
  }
  return result;
}

std::optional<SwedishNumber> ParseSwedishNumber(std::string_view text) {
  std::string s = CanonicalNumberText(text);
  if (s.empty()) return std::nullopt;
  SwedishNumber n;
  if (s == "-" || s == "--") {
    n.is_nil = true;
    return n;
  }
  bool negative = false;
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    negative = true;
    s = s.substr(1, s.size() - 2);
  }
  if (!s.empty() && s.back() == '%') {
    n.is_percent = true;
    s.pop_back();
    while (!s.empty() && s.back() == ' ') s.pop_back();
  }
  // An accounting export's trailing minus ("9 400-", "145-"): negative. Not
  // a year's open range ("2019-"), which headers print.
  if (s.size() >= 2 && s.back() == '-' && IsDigit(s[s.size() - 2]) && s[0] != '-' && s[0] != '+' &&
      !RE2::FullMatch(s, "(?:19|20)\\d\\d-"_re)) {
    negative = true;
    s.pop_back();
  }
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = negative || s[0] == '-';
    s.erase(0, 1);
    while (!s.empty() && s[0] == ' ') s.erase(0, 1);
  }
  if (s.empty()) return std::nullopt;
  // Integer part with optional space groups, then optional ,decimals.
  std::string int_part = s, frac;
  size_t comma = s.find(',');
  if (comma != std::string::npos) {
    int_part = s.substr(0, comma);
    frac = s.substr(comma + 1);
    if (!AllDigits(frac)) return std::nullopt;
  }
  std::vector<std::string> groups;
  size_t start = 0;
  while (start <= int_part.size()) {
    size_t sp = int_part.find(' ', start);
    groups.push_back(int_part.substr(start, sp == std::string::npos ? std::string::npos : sp - start));
    if (sp == std::string::npos) break;
    start = sp + 1;
  }
  std::string digits;
  for (size_t i = 0; i < groups.size(); ++i) {
    const std::string& g = groups[i];
    if (!AllDigits(g)) return std::nullopt;
    if (groups.size() > 1) {
      if (i == 0 && g.size() > 3) return std::nullopt;
      if (i > 0 && g.size() != 3) return std::nullopt;
    }
    digits += g;
  }
  if (digits.size() > 15) return std::nullopt;
  double v = std::stod(digits);
  if (!frac.empty()) {
    v += std::stod("0." + frac);
    n.decimals = static_cast<int>(frac.size());
  }
  n.value = negative ? -v : v;
  return n;
}

bool IsNumericToken(std::string_view token) {
  std::string s = CanonicalNumberText(token);
  if (s.empty()) return false;
  if (s == "-") return true;
  // One word holding a whole grouped figure ("8 400 000": OCR's re-read of
  // a cell, or thousands joined by no-break spaces) is a number as a whole.
  if (s.find(' ') != std::string::npos) return ParseSwedishNumber(s).has_value();
  bool digit = false;
  for (char c : s) {
    if (IsDigit(c)) {
      digit = true;
      continue;
    }
    if (c == '-' || c == '+' || c == ',' || c == '%' || c == '(' || c == ')') continue;
    return false;
  }
  return digit;
}

std::vector<std::vector<std::string>> GroupNumberTokens(const std::vector<std::string>& tokens, int count,
                                                        int limit) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> cur;
  // Canonical tokens: a "-" token followed by digits is folded into a sign.
  std::vector<std::string> toks;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string t = CanonicalNumberText(tokens[i]);
    if (t == "-" && i + 1 < tokens.size() && AllDigits(CanonicalNumberText(tokens[i + 1]))) {
      toks.push_back("-" + CanonicalNumberText(tokens[++i]));
      continue;
    }
    toks.push_back(t);
  }
  // A token may start a number; a 3-digit token may continue one.
  auto is_group = [](const std::string& t) { return t.size() == 3 && AllDigits(t); };
  auto is_group_last = [&](std::string t) {  // "480,5" and "400-" (a trailing minus) may end a number
    if (t.size() > 3 && t.back() == '-') t.pop_back();
    size_t c = t.find(',');
    if (c == std::string::npos) return is_group(t);
    return c == 3 && AllDigits(t.substr(0, 3)) && AllDigits(t.substr(4));
  };
  auto head_digits = [](const std::string& t) {
    std::string d = t;
    if (!d.empty() && (d[0] == '-' || d[0] == '+')) d.erase(0, 1);
    return d;
  };
  // Depth-first over token positions.
  std::function<void(size_t)> rec = [&](size_t pos) {
    if (static_cast<int>(out.size()) >= limit) return;
    if (pos == toks.size()) {
      if (static_cast<int>(cur.size()) == count) out.push_back(cur);
      return;
    }
    if (static_cast<int>(cur.size()) >= count) return;
    const std::string& head = toks[pos];
    if (!ParseSwedishNumber(head)) return;
    // Alone.
    cur.push_back(head);
    rec(pos + 1);
    cur.pop_back();
    // With following groups (only when the head is 1-3 plain digits).
    std::string hd = head_digits(head);
    if (hd.empty() || hd.size() > 3 || !AllDigits(hd)) return;
    std::string num = head;
    for (size_t j = pos + 1; j < toks.size(); ++j) {
      bool last_ok = is_group_last(toks[j]);
      if (!is_group(toks[j]) && !last_ok) break;
      num += " " + toks[j];
      cur.push_back(num);
      rec(j + 1);
      cur.pop_back();
      if (!is_group(toks[j])) break;  // a decimal group ends the number
    }
  };
  rec(0);
  return out;
}

namespace {

// True when a and b differ by at most one insertion, deletion or
// substitution (code points).
bool EditDistanceAtMostOne(std::u32string_view a, std::u32string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + (i < a.size())) == b.substr(i + (i < b.size()));
  return a.substr(i) == b.substr(i + 1);
}

}  // namespace

std::optional<MoneyUnit> DetectMoneyUnit(std::string_view text) {
  static const RE2 kMkr("(?i)(?:^|[^\\pL])(mkr|mnkr|miljoner kronor|msek)(?:$|[^\\pL])");
  static const RE2 kTkr("(?i)(?:^|[^\\pL])(tkr|tusentals? kronor|tusen kronor|tusen kr|ksek|tsek)(?:$|[^\\pL])");
  static const RE2 kKr("(?i)(?:^|[^\\pL])(kr|kronor|sek)(?:$|[^\\pL])");
  re2::StringPiece in(text.data(), text.size());
  if (RE2::PartialMatch(in, kTkr)) return MoneyUnit{"tkr", 1000};
  if (RE2::PartialMatch(in, kMkr)) return MoneyUnit{"mkr", 1000000};
  // "Tusentaf kronor", "tuséntal kronor": OCR misread the word that scales
  // the kronor, one letter off. Read as plain kronor, every figure would be
  // a thousand times off; the scale it is one edit from is the unit.
  static const RE2 kScaledKronor("(?i)(?:^|[^\\pL])(\\pL{5,10})\\s+(?:kronor|kr)(?:$|[^\\pL])");
  re2::StringPiece rest = in;
  std::string scale_word;
  while (RE2::FindAndConsume(&rest, kScaledKronor, &scale_word)) {
    const std::u32string w = Utf8ToU32(ToLower(scale_word));
    for (const auto& [word, unit] : {std::pair<std::u32string_view, MoneyUnit>{U"tusental", {"tkr", 1000}},
                                     {U"tusentals", {"tkr", 1000}},
                                     {U"miljoner", {"mkr", 1000000}}})
      if (EditDistanceAtMostOne(w, word)) return unit;
  }
  if (RE2::PartialMatch(in, kKr)) return MoneyUnit{"kr", 1};
  return std::nullopt;
}

int64_t ToKronor(double value, int64_t scale) { return static_cast<int64_t>(std::llround(value * scale)); }

std::optional<double> ParseAmount(std::string_view text) {
  std::optional<SwedishNumber> n = ParseSwedishNumber(text);
  if (!n || n->is_nil || n->is_percent) return std::nullopt;
  return n->value;
}

std::string FormatPrinted(double v) {
  bool neg = v < 0;
  double a = std::fabs(v);
  double ip = std::floor(a + 1e-9);
  double frac = a - ip;
  std::string digits = std::to_string(static_cast<long long>(ip));
  std::string out;
  int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i && (n - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  if (frac > 1e-6) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", frac);
    std::string f = buf + 1;  // ".xx"
    while (!f.empty() && f.back() == '0') f.pop_back();
    if (f.size() > 1) out += "," + f.substr(1);
  }
  return neg ? "-" + out : out;
}

}  // namespace finsam
