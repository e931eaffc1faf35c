// Text-path table reader: plain-text lines → Grid.
//
// Two layouts occur in text dumps: cells separated by tabs (a header line
// with years/dates/kinds in its cells), and cells separated by spaces where
// the thousands separator is a space too ("Insatsmedel 15 300 9 808 9748");
// the latter are split with GroupNumberTokens against the header's column
// count, and ambiguous splits are recorded (GridRow::groupings > 1).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include <re2/re2.h>

#include "extractors/organisations.h"
#include "extractors/table_arithmetic.h"
#include "extractors/table_grid.h"
#include "extractors/table_readers.h"
#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/text.h"
#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

namespace finsam {
namespace {

// A header that names a column of prose after the figures ("Tkr Utfall
// Budget Budget|Kommentar", "Insats Huvudman Budget 2027 Status").
bool NamesCommentColumn(const std::string& text) {
  static const RE2 kComment("(?i)(?:^|[\\s|\\]\\[)(])(?:" + CommentHeadWords() + ")[.:]?(?:$|[\\s|\\])])");
  return RE2::PartialMatch(text, kComment);
}

// A row's comment that OCR printed after its figures on the same line,
// under a header naming a comments column ("Medlemsavgifter 9 600 10 000
// 10 400|Höjs med 4 % enligt …", "Kansli -1 640 -1 750 —1 820]2,0
// tjänster"): cut at the first word of two or more letters after a run of
// at least `ncols` figure tokens, one of two digits or more (a label's own
// digit, "Steg 1 till arbete", opens no comment), or at the rule OCR read
// between the last figure and it.
// `*cut` says whether anything went.
std::string CutCommentTail(const std::string& clean, size_t ncols, bool* cut) {
  *cut = false;
  size_t figures = 0, prev_start = 0, start = 0;
  bool money = false;  // the run holds a figure of two digits or more
  // (A figure ends at the token's end, a rule or the comment's letters: an
  // age range in a text column, "18-29 år", is none.)
  static const RE2 kFigure("^[-−–—(]?\\d[\\d,.]*(?:[)|\\]}/].*|\\pL.*)?$");
  static const RE2 kUnit("(?i)(kr|tkr|mkr|mnkr|sek|st)[.,]?");
  while (start < clean.size()) {
    size_t end = clean.find(' ', start);
    if (end == std::string::npos) end = clean.size();
    const std::string tok = clean.substr(start, end - start);
    // (A figure glued to the comment by the rule OCR read between them,
    // "—220)Varav", counts before its letters.)
    const bool figure = RE2::PartialMatch(tok, kFigure);
    if (figure) {
      ++figures;
      money = money || RE2::PartialMatch(tok, "\\d\\d"_re);
    }
    re2::StringPiece letters;
    if (figures >= std::max<size_t>(ncols, 1) && money && !RE2::FullMatch(tok, kUnit) &&
        RE2::PartialMatch(tok, "(\\pL{2,})"_re, &letters)) {
      size_t at = start + static_cast<size_t>(letters.data() - tok.data());
      // The rule before the comment: in this token or the figure's before it.
      const size_t rule = clean.find_last_of("|]}", at == 0 ? 0 : at - 1);
      const size_t paren = clean.find_last_of(')', at == 0 ? 0 : at - 1);
      size_t glyph = std::string::npos;
      if (rule != std::string::npos && rule >= prev_start) glyph = rule;
      // (")" closes a negative "(362)" unless no "(" opened in its token.)
      if (paren != std::string::npos && paren >= prev_start && (glyph == std::string::npos || paren > glyph)) {
        const size_t tok_start = clean.rfind(' ', paren) == std::string::npos ? 0 : clean.rfind(' ', paren) + 1;
        if (clean.find('(', tok_start) >= paren) glyph = paren;
      }
      if (glyph != std::string::npos) at = glyph;
      std::string kept = clean.substr(0, at);
      while (!kept.empty() && kept.back() == ' ') kept.pop_back();
      *cut = true;
      return kept;
    }
    if (!figure && !RE2::FullMatch(tok, kUnit)) {
      figures = 0;  // a run of figures ends at a word: a label's digit was none
      money = false;
    }
    prev_start = start;
    start = end + 1;
  }
  return clean;
}

// The header's text without the head of a comments column after the
// figures and what follows it ("Tkr Utfall Budget Budget|Kommentar" →
// "Tkr Utfall Budget Budget", "Insats Huvudman Malgrupp Budget 2027/|
// Status"): its cells hold prose, no figures (CutCommentTail).
std::string WithoutCommentHead(const std::string& text) {
  static const RE2 kHead("(?i)^(.*?\\d.*?|.*?\\pL.*?)\\s*[/|\\])\\[]*\\s*(?:" + CommentHeadWords() + ")[.:]?\\s*$");
  std::string kept;
  if (RE2::FullMatch(text, kHead, &kept)) return kept;
  return text;
}

struct TabCell {
  std::string text;
  int col0 = 0, col1 = 0;  // character columns, tabs expanded to 8
};

std::vector<TabCell> SplitTabs(const std::string& line) {
  std::vector<TabCell> cells;
  TabCell cur;
  int col = 0;
  for (size_t i = 0; i < line.size();) {
    size_t start = i;
    char32_t c = NextCodePoint(line, &i);
    if (c == '\t') {
      cur.col1 = col;
      cells.push_back(cur);
      col = (col / 8 + 1) * 8;
      cur = TabCell();
      cur.col0 = col;
      continue;
    }
    cur.text.append(line, start, i - start);
    ++col;
  }
  cur.col1 = col;
  cells.push_back(cur);
  for (TabCell& t : cells) t.text = CleanCellText(t.text);
  return cells;
}

// Whether `text` has a column kind as a word of its own ("Utfall mot budget").
bool NamesKindWord(const std::string& text) {
  static const RE2 kKindWord("(?i)\\b(budget|utfall|plan|prognos|bokslut)\\b");
  return RE2::PartialMatch(text, kKindWord);
}

// One value header that names both a kind and a year ("Budget 2025",
// "Utfall 2024"); a bare year alone is no header of a one-column table.
bool IsKindYearHeader(const std::string& header) {
  TableColumn c = ParseColumnHeader(header, "årsredovisning");
  if (!c.year) return false;
  if (!IsDatedKind(c.kind)) return false;
  // A member fee named with its year ("Medlemsavgift 2027") names its column too.
  const size_t space = header.find(' ');
  if (space != std::string::npos && header.find(' ', space + 1) == std::string::npos &&
      IsFeeHeaderWord(header.substr(0, space)))
    return true;
  // An insats's granted or spent amount ("Beviljat 2025", "Förbrukat 2025")
  // names its kind too (ParseColumnHeader: budget, utfall).
  return NamesKindWord(header) || RE2::PartialMatch(FoldKey(header), "\\b(bevilja(t|de)|forbrukat)\\b"_re);
}

int CountValueHeaders(const std::vector<std::string>& headers) {
  int n = 0, with_year = 0;
  for (const std::string& h : headers) {
    TableColumn c = ParseColumnHeader(h, "årsredovisning");
    if (c.kind == ColumnKind::kUnknown || c.kind == ColumnKind::kNote) continue;
    ++n;
    with_year += c.year != 0;
  }
  return with_year > 0 ? n : 0;
}

std::vector<std::string> Tokens(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// --- OCR text dumps ---
// Tesseract prints a table's cell borders as |, [, ( or / stuck to the
// figures ("2020 |2021", "[4 443", "11 073/8 886/|8 886") and reads digits as
// letters ("J 480", "7 B12", "l5", "0O"). Borders are stripped where they
// touch a figure; damaged figures stay as printed and go to the repair
// solver (number_repair.h), which confirms or flags them.


bool IsConfusableChar(char c) { return std::strchr("JBbOoDGlISsgZ]$", c) != nullptr && c != '\0'; }

// Digits with at most two letters OCR confuses with digits ("l5", "B12", "0O").
bool IsDamagedNumber(const std::string& t) {
  // A figure OCR read with a footnote mark set after it ("422?" for 422²,
  // w42): a cell no reading parses, for the sums to settle.
  if (RE2::FullMatch(t, "-?\\d{1,3}[?*]"_re)) return true;
  int digits = 0, conf = 0;
  for (char ch : t) {
    if (std::isdigit(static_cast<unsigned char>(ch))) ++digits;
    else if (IsConfusableChar(ch)) ++conf;
    else if (ch != '-' && ch != ',') return false;
  }
  // A thousands group of zeros read as letters ("164 730 OOO"), or a nil
  // amount's lone zero ("1388 143 O").
  if (digits == 0 && (t == "O" || RE2::FullMatch(t, "[O0oD]{3}"_re))) return true;
  // (Three when a digit leads a short token: old-style figures' "1Iso" for
  // 1150, w36.)
  const bool digit_first = !t.empty() && std::isdigit(static_cast<unsigned char>(t[0]));
  return digits > 0 && conf > 0 && (conf <= 2 || (conf == 3 && digit_first)) && digits + conf <= 7;
}

bool IsNumberish(const std::string& t) { return IsNumericToken(t) || IsDamagedNumber(t); }

bool IsBorderChar(char c) { return c == '|' || c == '[' || c == ']' || c == '/' || c == '(' || c == '{' || c == '}'; }

// The line's tokens with cell borders removed from figures and headers.
// A minus sign (U+2212) read as two dashes ("-—730", "——1 000"): one minus.
std::string OneMinusSign(const std::string& text) {
  static const RE2 kDoubleMinus("(^|\\s)(?:-|–|—|−){2}(\\d)");
  std::string out = text;
  RE2::GlobalReplace(&out, kDoubleMinus, "\\1-\\2");
  return out;
}

// The unit word (folded; "kr" for the kronor mark) right after a figure in
// `text`, anywhere or (`at_end`) closing it; "" for none.
std::string UnitAfterFigure(const std::string& text, bool at_end) {
  static const std::string kUnits = "(kr|tkr|mkr|mnkr|sek|" + KronorMarkPattern() + ")";
  static const RE2 kAnywhere("(?i)\\d\\s?" + kUnits + "(?:$|[^\\pL])");
  static const RE2 kAtEnd("(?i)\\d\\s?" + kUnits + "$");
  std::string u;
  if (!RE2::PartialMatch(text, at_end ? kAtEnd : kAnywhere, &u)) return "";
  return u[0] == ':' ? "kr" : FoldKey(u);
}

// The unit the body lines print after their figures ("2 400 000 kr",
// "1 900 000:-", the kronor mark): named when it follows a figure on two
// lines at least, on four of five lines that carry figures, and no other
// unit does (Grid::cell_unit).
std::string CellUnitOfLines(const std::vector<const Line*>& lines, size_t from, size_t to) {
  static const RE2 kFigure("\\d");
  std::map<std::string, int> units;
  int with_figures = 0;
  for (size_t k = from; k < to && k < lines.size(); ++k) {
    const std::string text = CleanCellText(lines[k]->text);
    if (!RE2::PartialMatch(text, kFigure)) continue;
    ++with_figures;
    if (std::string u = UnitAfterFigure(text, /*at_end=*/false); !u.empty()) ++units[u];
  }
  return UnitOfMostFigures(units, with_figures);
}

// The same for a grid's figure cells (figures printed apart from their
// labels, one a line): the unit most cells print after their figure.
std::string CellUnitOfCells(const Grid& g) {
  std::map<std::string, int> units;
  int figures = 0;
  for (const GridRow& r : g.rows)
    for (const GridCell& c : r.cells) {
      if (!c.present) continue;
      ++figures;
      if (std::string u = UnitAfterFigure(c.text, /*at_end=*/true); !u.empty()) ++units[u];
    }
  return UnitOfMostFigures(units, figures);
}

// An accountant's negative in parentheses whose thousands are set apart
// ("(5 400)", "(12 345 678)", "(1 250,5)") is one signed figure: "-5",
// "400". Done before the border stripping below, which would otherwise take
// the two brackets for cell borders and load the figure positive. A figure
// in one token ("(200)") is parsed whole already.
std::vector<std::string> NegativesInParentheses(std::vector<std::string> toks) {
  std::vector<std::string> out;
  for (size_t i = 0; i < toks.size(); ++i) {
    std::string head;
    if (RE2::FullMatch(toks[i], "\\((\\d{1,3})"_re, &head)) {
      size_t j = i + 1;
      while (j < toks.size() && RE2::FullMatch(toks[j], "\\d{3}"_re)) ++j;
      std::string last;
      if (j < toks.size() && j > i && RE2::FullMatch(toks[j], "(\\d{3}(?:,\\d+)?)\\)"_re, &last)) {
        out.push_back("-" + head);
        for (size_t k = i + 1; k < j; ++k) out.push_back(toks[k]);
        out.push_back(last);
        i = j;
        continue;
      }
    }
    out.push_back(toks[i]);
  }
  return out;
}

std::vector<std::string> OcrTokens(const std::string& clean) {
  std::string s = OneMinusSign(clean);
  // A border between two figures: "073/8 886/|8" → "073 8 886 8".
  static const RE2 kInnerPipe("(\\d)[|/]*\\|[|/]*(\\d)");
  static const RE2 kInnerSlash("(\\s\\d{3})/+(\\d)");
  RE2::GlobalReplace(&s, kInnerPipe, "\\1 \\2");
  RE2::GlobalReplace(&s, kInnerSlash, "\\1 \\2");
  std::vector<std::string> out;
  std::vector<std::string> toks = NegativesInParentheses(Tokens(s));
  // A unit printed after a figure in its cell ("2 400 000 kr"): no figure
  // nor label word (the table's unit: CellUnitOfLines).
  {
    std::vector<std::string> kept;
    for (size_t k = 0; k < toks.size(); ++k) {
      // (Not after a year or a comma: "Budget 2025, tkr" is a caption's unit.)
      if (!kept.empty() && IsNumericToken(kept.back()) && HasDigit(kept.back()) && kept.back().back() != ',' &&
          !IsYearToken(kept.back()) && !CellUnitWord(toks[k]).empty())
        continue;
      kept.push_back(toks[k]);
    }
    toks = std::move(kept);
  }
  for (const std::string& tok : toks) {
    // A thousands space read as a full stop ("-4.092 224"): Swedish prints
    // no decimal point, and a decimal comma never has three digits after
    // it in a money table, so the two groups are one figure's.
    std::string head, group;
    if (RE2::FullMatch(tok, "(-?\\d{1,3})\\.(\\d{3})"_re, &head, &group)) {
      out.push_back(head);
      out.push_back(group);
      continue;
    }
    // ... and the space after it lost too ("2.001599" for 2 001 599).
    std::string last;
    if (RE2::FullMatch(tok, "(-?\\d{1,3})\\.(\\d{3})(\\d{3})"_re, &head, &group, &last)) {
      out.push_back(head);
      out.push_back(group);
      out.push_back(last);
      continue;
    }
    // A percent sign set apart from its figure ("50 %"): one token.
    if (tok == "%" && !out.empty() && RE2::FullMatch(out.back(), "-?\\d+(,\\d+)?"_re)) {
      out.back() += "%";
      continue;
    }
    bool paren = tok.find(')') != std::string::npos;
    bool open_paren = tok.find('(') != std::string::npos;
    size_t b = 0, e = tok.size();
    while (b < e && (tok[b] == '|' || tok[b] == '[' || tok[b] == '{' || tok[b] == '/' || (tok[b] == '(' && !paren))) ++b;
    // A border after a figure is read as any bracket, open ones too ("-2000{|").
    while (e > b && (tok[e - 1] == '|' || tok[e - 1] == '/' || tok[e - 1] == ']' || tok[e - 1] == '[' || tok[e - 1] == '}' || tok[e - 1] == '{' || tok[e - 1] == ';' || tok[e - 1] == ':' ||
                     (tok[e - 1] == ')' && !open_paren))) --e;
    std::string core = tok.substr(b, e - b);
    // A cell border read as a comma after a figure ("2222, 2221"): four or
    // more digits, no thousands space, nothing after the comma. (A decimal
    // figure wrapped in its cell, "712," over "5", keeps it: three digits.)
    if (core.size() >= 5 && core.back() == ',' && AllDigits(core.substr(0, core.size() - 1))) core.pop_back();
    if (core.empty()) {
      bool border = true;
      for (char c : tok) border = border && IsBorderChar(c);
      if (border) continue;  // a border standing alone
      out.push_back(tok);
    } else if (core.size() != tok.size() && (IsNumberish(core) || IsHeaderToken(core) ||
                                              (core.size() == 1 && IsConfusableChar(core[0])))) {
      out.push_back(core);
    } else {
      out.push_back(tok);
    }
  }
  // A nil amount's zero read as a letter in brackets beside a row's figures
  // ("2 489 (e)", "16, 18 (e) 43 930 000"): a damaged zero, for the sums
  // to confirm.
  // So is an old-style zero OCR read as a degree sign ("6 000 ° 5700",
  // w36's Garamond figures).
  for (size_t k = 0; k < out.size(); ++k)
    if ((RE2::FullMatch(out[k], "\\([eocO]\\)"_re) || out[k] == "\u00b0") &&
        ((k > 0 && IsNumericToken(out[k - 1])) || (k + 1 < out.size() && IsNumericToken(out[k + 1]))))
      out[k] = "O";
  // A scrap of the page's edge after a row's figures ("-847 309 -852 161
  // N", "... =", "... :"): one character that is no digit nor one OCR
  // confuses with a digit, after two figures' worth of digit groups.
  if (out.size() >= 3 && out.back().size() == 1 && !std::isdigit(static_cast<unsigned char>(out.back()[0])) &&
      !IsConfusableChar(out.back()[0]) && out.back() != "%" && out.back() != "-" &&
      IsNumericToken(out[out.size() - 2]) && IsNumericToken(out[out.size() - 3]))
    out.pop_back();
  return out;
}

// Rule lines of a ruled table read line by line (psm 6) come out as runs of
// junk through headers and rows ("[SOS*~*~*™:CSCSCSS YU tal 2020 | Ut fall
// 2019", "Ovriga kostnader | __644| 472", "intakter___——~+(|"). Junk stuck
// to a token's edges is stripped; a token with junk inside is dropped (what
// is left of it cannot be trusted). `*had` says whether anything was: the
// figures of such a line are a guess the sums must confirm.
bool IsRuleJunk(char32_t c) {
  return c == '_' || c == '~' || c == '*' || c == U'™' || c == U'«' || c == U'»' || c == U'“' || c == U'”' ||
         c == U'‘' || c == U'’' || c == '=' || c == U'—' || c == '+' || c == U'¢' || c == U'§' || c == U'¥' ||
         c == U'£' || c == '^' || c == U'®' || c == U'©';
}

// An age group in a row's label ("Hälsa 50+", "Seniorer 65+", w45): text
// of the row, neither a figure nor a rule's crossing read as "+".
bool IsAgeGroupToken(const std::string& t) { return RE2::FullMatch(t, "\\d{1,3}\\+"_re); }

std::string StripRuleJunk(const std::string& clean, bool* had) {
  *had = false;
  std::string out;
  // A minus read as two dashes ("-—730") is one minus, not junk.
  const std::vector<std::string> toks = Tokens(OneMinusSign(clean));
  for (size_t ti = 0; ti < toks.size(); ++ti) {
    const std::string& tok = toks[ti];
    // A footnote mark alone after a label's word, before the figures
    // ("Energikostnad kr/kvm * 138 0 0 0"): the label's, as printed.
    if (tok == "*" && ti > 0 && ti + 1 < toks.size() && RE2::PartialMatch(toks[ti - 1], "[[:alpha:]]$"_re) &&
        IsNumberish(toks[ti + 1])) {
      out += (out.empty() ? "" : " ") + tok;
      continue;
    }
    // An age group in the label, after a word and before the figures
    // ("Hälsa 50+ 600 575").
    if (ti > 0 && ti + 1 < toks.size() && IsAgeGroupToken(tok) &&
        RE2::PartialMatch(toks[ti - 1], "\\pL$"_re) && IsNumberish(toks[ti + 1])) {
      out += (out.empty() ? "" : " ") + tok;
      continue;
    }
    std::vector<char32_t> cps;
    for (size_t i = 0; i < tok.size();) cps.push_back(NextCodePoint(tok, &i));
    auto edge = [](char32_t c) { return IsRuleJunk(c) || (c < 128 && IsBorderChar(static_cast<char>(c))) || c == ';'; };
    size_t b = 0, e = cps.size();
    bool junk_edge = false;
    for (; b < e && edge(cps[b]); ++b) junk_edge = junk_edge || IsRuleJunk(cps[b]);
    for (; e > b && edge(cps[e - 1]); --e) junk_edge = junk_edge || IsRuleJunk(cps[e - 1]);
    int inner = 0;
    for (size_t k = b; k < e; ++k) inner += IsRuleJunk(cps[k]);
    // A period in one word whose dash OCR read as an em dash
    // ("2025-01-01—2025-12-31", "2024-01-01-—2024-12-31"): a header's.
    // So is a part of the year whose dash OCR read as one ("jan—aug", w41).
    static const std::string kMonth =
        "(?:jan(?:uari)?|feb(?:ruari)?|mars?|apr(?:il)?|maj|juni?|juli?|aug(?:usti)?|sep(?:t(?:ember)?)?|"
        "okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    static const RE2 kMonthRange("(?i)" + kMonth + "[\\x{2013}\\x{2014}]" + kMonth);
    if (IsPeriodToken(tok) || RE2::FullMatch(tok, kMonthRange)) {
      out += (out.empty() ? "" : " ") + tok;
      continue;
    }
    if (cps.size() == 1 && cps[0] == U'—') {  // a dash standing for nothing in a cell
      out += (out.empty() ? "" : " ") + tok;
      continue;
    }
    // One em dash glued to a figure's digits ("—5 338"): Tesseract's reading
    // of an en-dash minus, or a rule's end. Read as the minus; the line is
    // still a guess the sums must confirm.
    if (cps.size() >= 2 && cps[0] == U'—' && cps[1] < 128 && std::isdigit(static_cast<int>(cps[1]))) {
      std::string rest;
      for (size_t k = 1; k < cps.size(); ++k) AppendUtf8(cps[k], &rest);
      if (IsNumberish(rest)) {
        *had = true;
        out += (out.empty() ? "" : " ") + ("-" + rest);
        continue;
      }
    }
    if (inner > 0 || (b == e && junk_edge)) {
      *had = true;
      continue;
    }
    std::string keep;
    for (size_t k = b; k < e; ++k) AppendUtf8(cps[k], &keep);
    if (junk_edge) {
      *had = true;
      // A figure damaged beyond the confusable letters ("—-a3820|"): dropped.
      if (HasDigit(keep) && !IsNumberish(keep)) continue;
    } else {
      keep = tok;
    }
    if (!keep.empty()) out += (out.empty() ? "" : " ") + keep;
  }
  return out;
}

// Where a row's figures start: the trailing run of number tokens, damaged
// ones included; a lone confusable letter before a 3-digit group ("J 480")
// is a damaged head.
size_t FiguresStart(const std::vector<std::string>& toks) {
  // A range of years ("2025-2028", an insats's Löptid) is text of the row,
  // never a figure: the figures start after it.
  static const RE2 kYearRange("(?:19|20)\\d\\d[-\u2013](?:19|20)\\d\\d");
  size_t first = toks.size();
  while (first > 0) {
    const std::string& t = toks[first - 1];
    if (RE2::FullMatch(t, kYearRange)) break;
    if (IsAgeGroupToken(t)) break;
    bool lone_head = t.size() == 1 && std::strchr("JBOSlI]g", t[0]) != nullptr && t[0] != '\0' && first < toks.size() && toks[first].size() == 3 &&
                     AllDigits(toks[first]);
    // A figure read as letters only, between two figures ("13 14 IS 15
    // 15"): damaged, for the repair solver.
    bool between = t.size() <= 3 && first < toks.size() && first >= 2 && IsNumericToken(toks[first]) &&
                   IsNumericToken(toks[first - 2]) &&
                   std::all_of(t.begin(), t.end(), [](char c) { return IsConfusableChar(c); });
    if (!IsNumberish(t) && !lone_head && !between) break;
    --first;
  }
  // A parenthesis the label opens closes in the label, its closing bracket
  // often lost to OCR with the cell's edge: a note reference ("Övriga
  // intäkter (not 2) 200 356": one or two digits after "(not") or the row's
  // formula in letters ("C. Resultat (A — B) —200 770": capitals and signs
  // after "(A"), never a figure's digits.
  if (first >= 1 && first < toks.size()) {
    int open = 0;
    for (size_t k = 0; k < first; ++k)
      for (char c : toks[k]) open += c == '(' ? 1 : c == ')' ? -1 : 0;
    const std::string inside = open > 0 ? FoldKey(toks[first - 1]) : std::string();
    size_t j = first;
    if (RE2::FullMatch(inside, "\\(?(not|noter)"_re)) {
      if (RE2::FullMatch(toks[j], "\\d{1,2}\\)?"_re)) ++j;
    } else if (open > 0 && RE2::FullMatch(toks[first - 1], "\\(\\p{Lu}"_re)) {
      while (j < toks.size() && j < first + 4 &&
             RE2::FullMatch(toks[j], "(?:[-+−–—]|\\p{Lu}\\)?)"_re))
        ++j;
    }
    if (j > first && j < toks.size()) first = j;
  }
  return first;
}

// Each head (`head`) joined with the group after it (`group`): a figure
// whose thousands space OCR dropped.
std::vector<std::string> JoinHeadsWithGroups(const std::vector<std::string>& toks, const RE2& head,
                                             const RE2& group) {
  std::vector<std::string> out;
  for (const std::string& t : toks) {
    if (!out.empty() && RE2::FullMatch(t, group) && RE2::FullMatch(out.back(), head)) {
      out.back() += t;
      continue;
    }
    out.push_back(t);
  }
  return out;
}

// A figure whose thousands space OCR dropped before the last group
// ("4887 000" for "4 887 000"): a head of four or more digits followed by a
// group starting with a zero, which no printed amount does, is one figure.
std::vector<std::string> JoinDroppedThousands(const std::vector<std::string>& toks) {
  static const RE2 kLongHead("[-−–]?\\d{4,}");
  static const RE2 kZeroGroup("0\\d\\d");
  return JoinHeadsWithGroups(toks, kLongHead, kZeroGroup);
}

// Every head of four to six digits joined with the three-digit group after
// it ("2127" "333" → "2127333"): the last resort of a row no split fits.
std::vector<std::string> JoinLongHeads(const std::vector<std::string>& toks) {
  static const RE2 kLongHead("[-−–]?\\d{4,6}");
  static const RE2 kGroup("\\d{3}");
  return JoinHeadsWithGroups(toks, kLongHead, kGroup);
}

// Tokens as the grouping sees them: each confusable letter read as a digit.
std::string ShadowDigits(const std::string& tok) {
  std::string s = tok;
  // (A footnote mark after a figure, "422?", is no digit of it.)
  if (s.size() >= 2 && (s.back() == '?' || s.back() == '*') && std::isdigit(static_cast<unsigned char>(s[s.size() - 2])))
    s.pop_back();
  for (char& c : s)
    if (IsConfusableChar(c)) c = '8';
  return s;
}

// A minus set apart from its figure by a space ("- 4 180", "- 223": typed
// so in a word processor) joined to the figure's head, as GroupNumberTokens
// reads it, so that the grouped figures map back onto the tokens one to one.
std::vector<std::string> JoinSpacedMinus(const std::vector<std::string>& toks) {
  std::vector<std::string> out;
  for (size_t k = 0; k < toks.size(); ++k) {
    const std::string next = k + 1 < toks.size() ? CanonicalNumberText(ShadowDigits(toks[k + 1])) : "";
    if (CanonicalNumberText(toks[k]) == "-" && !next.empty() && AllDigits(next)) {
      out.push_back("-" + toks[++k]);
      continue;
    }
    out.push_back(toks[k]);
  }
  return out;
}

// Space-separated digit runs grouped into `count` figures
// (GroupNumberTokens), without the groupings in which a figure starts with a
// zero followed by digits ("000 306 000", "087", "0 150"): no printed amount does, so
// such a grouping cuts a thousands group off its head. Unless `strict`,
// kept when nothing else groups (OCR may read 8 as 0).
std::vector<std::vector<std::string>> GroupFigures(const std::vector<std::string>& toks, int count, int limit = 16,
                                                   bool strict = false) {
  auto all = GroupNumberTokens(toks, count, limit);
  // Nor a figure of more than twelve digits (a thousand billion kronor):
  // no table of a förbund, a municipality or a brf prints one; such a
  // grouping has joined two columns' figures ("827 549 283 363 477").
  auto too_long = [](const std::string& v) {
    return std::count_if(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) > 12;
  };
  all.erase(std::remove_if(all.begin(), all.end(),
                           [&](const std::vector<std::string>& g) { return std::any_of(g.begin(), g.end(), too_long); }),
            all.end());
  static const RE2 kZeroHead("[-+−–]?0[\\d ].*");
  std::vector<std::vector<std::string>> plausible;
  for (const auto& g : all) {
    bool ok = true;
    for (const std::string& v : g) ok = ok && !RE2::FullMatch(v, kZeroHead);
    if (ok) plausible.push_back(g);
  }
  return plausible.empty() && !strict ? all : plausible;
}

// Of a row's groupings into figures, the one whose figures are closest in
// size (largest over smallest, each at least 1; the first on a tie): a
// row's amounts are of one size. The figure at `skip` (a count column's)
// takes no part. Null when there is none.
const std::vector<std::string>* ClosestInSize(const std::vector<std::vector<std::string>>& groupings,
                                              int skip = -1) {
  const std::vector<std::string>* best = nullptr;
  double best_spread = 0;
  for (const std::vector<std::string>& g : groupings) {
    double lo = 0, hi = 0;
    bool any = false;
    for (size_t k = 0; k < g.size(); ++k) {
      if (static_cast<int>(k) == skip) continue;
      std::optional<SwedishNumber> v = ParseSwedishNumber(g[k]);
      const double a = v ? std::max(1.0, std::abs(v->value)) : 1.0;
      lo = any ? std::min(lo, a) : a;
      hi = any ? std::max(hi, a) : a;
      any = true;
    }
    const double spread = any ? hi / lo : 1;
    if (!best || spread < best_spread) {
      best = &g;
      best_spread = spread;
    }
  }
  return best;
}

// Whether the tokens from `from` on, confusable letters read as digits,
// group into exactly `ncols` plausible figures (a row that fills the
// columns).
bool FillsColumns(const std::vector<std::string>& toks, size_t from, size_t ncols) {
  std::vector<std::string> shadow;
  for (size_t k = from; k < toks.size(); ++k) shadow.push_back(ShadowDigits(toks[k]));
  return !shadow.empty() && !GroupFigures(shadow, static_cast<int>(ncols), 16, true).empty();
}

// Header words OCR broke ("Ut fall" → "Utfall"), glued to their year
// ("Plan2027" → "Plan" "2027": the space between them lost) or misread
// ("Awikelse", "Avwvikelse": the double v read as w, or as v w v), or
// abbreviated in a narrow column ("Avv.", "Avvik.").
std::vector<std::string> JoinBrokenKinds(const std::vector<std::string>& toks) {
  static const RE2 kKind("(?i)(utfall|budget|plan|prognos|avvikelse|totalt|bokslut)");
  static const RE2 kGlued("(?i)(utfall|budget|plan|prognos|bokslut)((?:19|20)\\d\\d)");
  static const RE2 kDeviation("(?i)a[vw]{1,3}[il1]kelse|avv(ik)?\\.?");
  std::vector<std::string> out;
  for (size_t i = 0; i < toks.size(); ++i) {
    std::string kind, year;
    if (RE2::FullMatch(toks[i], kDeviation)) {
      out.push_back("Avvikelse");
      continue;
    }
    if (RE2::FullMatch(toks[i], kGlued, &kind, &year)) {
      out.push_back(kind);
      out.push_back(year);
      continue;
    }
    // A multi-year column headed "Summa 2027–2029" (or its start, "Summa
    // 2027-", the period wrapped in its cell) after other heads: the
    // Totalt column, as ParseColumnHeader reads it.
    if (i > 0 && i + 1 < toks.size() && RE2::FullMatch(FoldKey(toks[i]), "summa"_re) &&
        RE2::FullMatch(toks[i + 1], "(19|20)\\d\\d\\s*[-\u2013\u2014](\\s*(19|20)\\d\\d)?"_re)) {
      out.push_back("Totalt");
      continue;
    }
    if (i + 1 < toks.size() && !IsHeaderToken(toks[i]) && !IsHeaderToken(toks[i + 1]) &&
        RE2::FullMatch(toks[i] + toks[i + 1], kKind)) {
      out.push_back(toks[i] + toks[i + 1]);
      ++i;
      continue;
    }
    out.push_back(toks[i]);
  }
  return out;
}

// A count column's header ("Deltagare", "Invånare"): its figures are no money.
bool IsCountHeader(const std::string& word) {
  static const RE2 kCount("(antal|deltagare|invanare|befolkning|personer|individer|arsarbetare|platser|andel,?|%)");
  return RE2::FullMatch(FoldKey(word), kCount);
}

const RE2& KindWordRe();

// "2022-2023" (a broken fiscal year as one header token, JoinFiscalYears).
bool IsFiscalYearToken(const std::string& t) {
  static const RE2 kFiscal("(?:19|20)\\d\\d-(?:19|20)\\d\\d");
  return RE2::FullMatch(t, kFiscal);
}

// A broken fiscal year names its column by both years: "2022 - 2023",
// "2022-2023", "2022/2023", "2022/23" (a brf's 1 juli - 30 juni). Each
// becomes one token "2022-2023", which ParseColumnHeader reads as the year
// it closes in. Only consecutive years join: "2019 - 2022" spans a plan
// period, and "2021 2022" are two columns.
std::vector<std::string> JoinFiscalYears(const std::vector<std::string>& toks) {
  static const RE2 kOne("((?:19|20)\\d\\d)[-–—/]((?:19|20)?\\d\\d),?");
  static const RE2 kYear("((?:19|20)\\d\\d),?");
  static const RE2 kDash("[-–—/]");
  auto follows = [](int first, const std::string& second) {
    const int y = std::stoi(second);
    return second.size() == 2 ? y == (first + 1) % 100 : y == first + 1;
  };
  std::vector<std::string> out;
  for (size_t k = 0; k < toks.size(); ++k) {
    std::string a, b;
    if (RE2::FullMatch(toks[k], kOne, &a, &b) && follows(std::stoi(a), b)) {
      out.push_back(a + "-" + std::to_string(std::stoi(a) + 1));
    } else if (k + 2 < toks.size() && RE2::FullMatch(toks[k], kYear, &a) && RE2::FullMatch(toks[k + 1], kDash) &&
               RE2::FullMatch(toks[k + 2], kYear, &b) && follows(std::stoi(a), b)) {
      out.push_back(a + "-" + b);
      k += 2;
    } else {
      out.push_back(toks[k]);
    }
  }
  return out;
}

// Space-separated header: a short label then two or more year tokens.
// `*junk` (optional) says whether rule-line junk was stripped to read it;
// `*count_after` (optional) whether a count column's header follows the
// value headers ("Insats Budget 2025 Utfall 2025 Deltagare").
// A closing date in words ("31 dec 2025", "31 december 2025", OCR's
// "-31dec 2025") as one ISO token ("2025-12-31"), which names a column:
// WordDateAt's, with the year as a token of its own and a day of a month.
std::vector<std::string> JoinWordDates(const std::vector<std::string>& toks) {
  std::vector<std::string> out;
  for (size_t i = 0; i < toks.size(); ++i) {
    const WordDate d = WordDateAt(toks, i);
    if (d.words == 0 || !IsYearToken(toks[d.year_at]) || d.day < 1 || d.day > 31) {
      out.push_back(toks[i]);
      continue;
    }
    std::string year = toks[d.year_at];
    while (!year.empty() && year.back() == ',') year.pop_back();
    char iso[16];
    std::snprintf(iso, sizeof iso, "-%02d-%02d", d.month % 100, d.day % 100);
    out.push_back(year + iso);
    i += d.words - 1;
  }
  return out;
}

// A header year whose last digit OCR read as a sign or letter ("202§-12-31"
// beside "2024-12-31", w36's old-style 5): mended where the glyph may stand
// for a digit and exactly one such year is one off a year the header prints
// whole (a statement's columns are consecutive years).
std::string MendDamagedHeaderYears(const std::string& text) {
  std::vector<std::string> toks = Tokens(text);
  static const std::map<std::string, std::string> kStandsFor = {
      {"\u00a7", "58"}, {"S", "5"}, {"s", "5"}, {"$", "5"}, {"O", "0"}, {"o", "0"}, {"B", "8"},
      {"l", "1"},        {"I", "1"}, {"Z", "2"}, {"G", "6"}, {"J", "3"}};
  static const RE2 kDamaged("((?:19|20)\\d)(\u00a7|[SsOoBlIZGJ$])((?:-\\d\\d-\\d\\d)?,?)");
  std::vector<int> whole;
  for (const std::string& t : toks)
    if (IsYearToken(t) || RE2::FullMatch(t, "(?:19|20)\\d\\d-\\d\\d-\\d\\d,?"_re))
      whole.push_back(std::stoi(t.substr(0, 4)));
  if (whole.empty()) return text;
  for (std::string& t : toks) {
    std::string head, glyph, tail;
    if (!RE2::FullMatch(t, kDamaged, &head, &glyph, &tail)) continue;
    const auto it = kStandsFor.find(glyph);
    if (it == kStandsFor.end()) continue;
    std::set<int> fits;
    for (char d : it->second) {
      const int year = std::stoi(head + d);
      for (int w : whole)
        if (year == w + 1 || year == w - 1) fits.insert(year);
    }
    if (fits.size() == 1) t = std::to_string(*fits.begin()) + tail;
  }
  std::string out;
  for (const std::string& t : toks) out += (out.empty() ? "" : " ") + t;
  return out;
}

bool SpaceHeader(const std::string& text, std::string* label, std::vector<std::string>* headers,
                 bool* junk = nullptr, bool* count_after = nullptr) {
  bool had = false;
  // A period's first day left open where the period wraps in its cell
  // ("2026-01-01—|" over "2026-08-31", w41): the day, its dash and the
  // cell's border OCR read after it dropped (the last day is on the next
  // line, see the period joins in the readers).
  std::string opened = MendDamagedHeaderYears(CleanCellText(WithoutCommentHead(text)));
  RE2::GlobalReplace(&opened, "((?:19|20)\\d\\d-\\d\\d-\\d\\d)\\s*[-–—]+[|\\]}]?(\\s|$)"_re, "\\1\\2");
  std::vector<std::string> toks =
      JoinWordDates(JoinFiscalYears(JoinBrokenKinds(OcrTokens(StripRuleJunk(opened, &had)))));
  // A speck OCR read as a full stop after a year, with more years after it
  // ("Budget 2027. = Plan 2028", w46): the year's.
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    if (!RE2::FullMatch(toks[i], "(?:19|20)\\d\\d\\."_re)) continue;
    bool later_year = false;
    for (size_t k = i + 1; k < toks.size(); ++k) later_year = later_year || IsYearToken(toks[k]);
    if (!later_year) continue;
    toks[i].pop_back();
    had = true;
  }
  // A kind word OCR garbled into a scrap before its year ("fa 2019 [Ufa
  // 2020" for Utfall 2019 Utfall 2020, psm 6 through a ruled header): the
  // scrap goes, and the columns' kinds are the document's guess (junk).
  {
    // Only where every year stands after such a scrap or a kind word: a
    // caption's "Medlemsavgifter 2024 och 2025" is no header.
    auto bare_of = [](std::string t) {
      while (!t.empty() && IsBorderChar(t.front())) t.erase(0, 1);
      return t;
    };
    auto is_scrap = [](const std::string& bare) {
      // (Letters with å/ä/ö too: diacritic repair may have made "fa" "få".)
      // Four letters too ("Titi 2020 | arta 2079" for Utfall 2020 Utfall
      // 2019), but no word that stands before a year in a caption.
      return RE2::FullMatch(bare, "(?:[A-Za-z]|\\x{e5}|\\x{e4}|\\x{f6}){1,4}"_re) && !RE2::FullMatch(bare, KindWordRe()) &&
             !RE2::FullMatch(FoldKey(bare),
                             "not|tkr|kr|mkr|och|av|i|pa|per|ar|for|med|mot|samt|till|inom|fran|jan|feb|mars|apr|maj|"
                             "juni|juli|aug|sep|sept|okt|nov|dec|ht|vt|sedan|kvar|fore|ars|arets|even|om|sen|tom|"
                             "fom|via|mm|nr|kap|sid|s|bil|dnr"_re);
    };
    // A cell border between two columns' heads, read as a letter ("Utfall
    // 2020 | fa 2019" normalised to "Utfall 2020 I få 2019").
    auto is_border_letter = [](const std::string& t) { return t == "I" || t == "l" || t == "!"; };
    int year_toks = 0, after_scrap = 0;
    bool shaped = true;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (!IsYearToken(toks[i])) continue;
      ++year_toks;
      const std::string before = i > 0 ? bare_of(toks[i - 1]) : std::string();
      const bool after_border = i > 1 && is_border_letter(toks[i - 1]) && IsYearToken(toks[i - 2]);
      if (is_scrap(before) || after_border) ++after_scrap;
      else if (!RE2::FullMatch(before, KindWordRe())) shaped = false;
    }
    if (year_toks >= 2 && shaped && after_scrap > 0) {
      std::vector<std::string> kept;
      for (size_t i = 0; i < toks.size(); ++i) {
        const bool scrap = i + 1 < toks.size() && IsYearToken(toks[i + 1]) && is_scrap(bare_of(toks[i]));
        // (Before a scrap and its year, or before the year itself.)
        const bool border = i > 0 && IsYearToken(toks[i - 1]) && is_border_letter(toks[i]) &&
                            ((i + 1 < toks.size() && IsYearToken(toks[i + 1])) ||
                             (i + 2 < toks.size() && IsYearToken(toks[i + 2]) && is_scrap(bare_of(toks[i + 1]))));
        if (scrap || border) {
          had = true;
          continue;
        }
        kept.push_back(toks[i]);
      }
      toks = std::move(kept);
    }
  }
  if (junk) *junk = had;
  // A unit printed in each header cell ("Budget 2025 (tkr) Utfall 2025
  // (tkr) Avvikelse (tkr)"): the table's unit, no column's head; it joins
  // the label, where the table's unit is read from.
  std::string cell_unit;
  {
    static const RE2 kUnitTok("\\((tkr|kr|mkr|mnkr|tsek|ksek)\\)[,.]?");
    std::vector<std::string> kept;
    int units = 0;
    std::string u;
    for (size_t k = 0; k < toks.size(); ++k) {
      if (k > 0 && RE2::FullMatch(FoldKey(toks[k]), kUnitTok, &u) && IsHeaderToken(StripPunct(toks[k - 1]))) {
        ++units;
        continue;
      }
      kept.push_back(toks[k]);
    }
    if (units >= 2) {
      toks = std::move(kept);
      cell_unit = u;
    }
  }
  // The count column's head after the years: a word or two ("Deltagare",
  // "Antal deltagare").
  size_t count_head = toks.size();
  while (count_head > 0 && toks.size() - count_head < 2 && IsCountHeader(toks[count_head - 1])) --count_head;
  // A cell border read as a dash before it ("Utfall 2025 — Deltagare").
  if (count_head < toks.size() && count_head > 2 && RE2::FullMatch(toks[count_head - 1], "[-–—|]"_re)) {
    toks.erase(toks.begin() + static_cast<long>(count_head - 1));
    --count_head;
  }
  // (After a year, or after a column that compares and names no year of its
  // own: "Budget 2025 Utfall 2025 Avvikelse Deltagare", w45.)
  const bool count = count_head < toks.size() && count_head >= 2 &&
                     (IsYearToken(toks[count_head - 1]) ||
                      (count_head >= 3 && IsYearToken(toks[count_head - 2]) &&
                       RE2::FullMatch(FoldKey(StripPunct(toks[count_head - 1])), "avvikelse|differens"_re)));
  if (count) toks.resize(count_head);
  if (count_after) *count_after = count;
  // A share column after the years, headed in words ("Utfall i % av
  // budget", "Andel, %"): a yearless column of its own, read last.
  // A part of the year named without its year ("Budget 2026 Utfall
  // jan–aug Förbrukat", w41): where every year the line names is one year,
  // the months are that year's.
  {
    std::set<std::string> years;
    for (const std::string& t : toks)
      if (IsYearToken(t)) years.insert(t);
    static const RE2 kMonths("(?i)(jan(uari)?)\\s*[-–—/]\\s*\\pL{3,9}\\.?");
    if (years.size() == 1)
      for (size_t k = 1; k < toks.size(); ++k)
        if (RE2::FullMatch(toks[k], kMonths) && RE2::FullMatch(toks[k - 1], KindWordRe()) &&
            (k + 1 == toks.size() || !IsYearToken(toks[k + 1])))
          toks.insert(toks.begin() + static_cast<std::ptrdiff_t>(k) + 1, *years.begin());
  }
  std::string share;
  {
    size_t last_year = toks.size();
    for (size_t k = 0; k < toks.size(); ++k)
      if (IsYearToken(toks[k])) last_year = k;
    if (last_year + 1 < toks.size() && toks.size() - last_year - 1 <= 6) {
      std::string tail;
      for (size_t k = last_year + 1; k < toks.size(); ++k) tail += (tail.empty() ? "" : " ") + toks[k];
      // (Or what is left of a budget, in words: "Kvar att använda"; or a
      // deviation named with what it compares to, its last word maybe
      // wrapped onto the next line: "Avvikelse mot budget", "Avvikelse
      // mot" / "budget", w27.)
      if (RE2::FullMatch(FoldKey(tail), "(avvikelse|differens) mot( budget| prognos)?"_re)) {
        share = tail;
        toks.resize(last_year + 1);
      } else if ((RE2::PartialMatch(FoldKey(tail), "%|\\bandel\\b|procent|^forbrukat,?$"_re) ||
           RE2::FullMatch(FoldKey(tail), "(kvar|aterstar|aterstaende)( att (anvanda|forbruka)| budget| medel)?"_re)) &&
          !RE2::PartialMatch(tail, "\\d"_re)) {
        share = tail;
        toks.resize(last_year + 1);
      }
    }
  }
  // "Innevarande år" / "Föregående år": one column's head each, the year
  // the document's (InterpretGrid).
  for (size_t k = 0; k + 1 < toks.size(); ++k)
    if (IsRelativeYearWord(toks[k]) && RelativeYear(toks[k] + " " + toks[k + 1], 2000) != 0) {
      toks[k] += " " + toks[k + 1];
      toks.erase(toks.begin() + static_cast<std::ptrdiff_t>(k) + 1);
    }
  // A change or share column between two years' columns, headed in words
  // ("Budget 2027 Förändring, % Plan 2028", "Utfall 2025 Andel % Budget
  // 2026"): a yearless column of its own, in its place. Its words join into
  // one head, which the walk below takes for a header token.
  size_t mid_share = toks.size();
  for (size_t k = 1; k + 2 < toks.size() && mid_share == toks.size(); ++k) {
    if (!IsYearToken(toks[k - 1])) continue;
    size_t end = k;
    while (end < toks.size() && end - k < 4 && !IsYearToken(toks[end]) &&
           !(end + 1 < toks.size() && IsYearToken(toks[end + 1]) && RE2::FullMatch(toks[end], KindWordRe())))
      ++end;
    // (After a yearless deviation's own column: "Utfall 2025 Avvikelse
    // Avvikelse, % Utfall 2024", w47; the share then names its %.)
    if (end - k >= 2 && RE2::FullMatch(FoldKey(toks[k]), "avvikelse|differens"_re) &&
        RE2::FullMatch(FoldKey(toks[k + 1]), "(avvikelse|differens|avv\\.?),?"_re))
      ++k;
    if (end == k || end >= toks.size() || end - k > 3) continue;
    std::string head;
    for (size_t j = k; j < end; ++j) head += (head.empty() ? "" : " ") + toks[j];
    if (!RE2::FullMatch(FoldKey(head), "(forandring|forandr\\.?|andel|diff|differens)(,? ?(%|i %|procent))?|"
                                       "(avvikelse|differens|avv\\.?),? ?(%|i %|procent)"_re))
      continue;
    toks[k] = head;
    toks.erase(toks.begin() + static_cast<std::ptrdiff_t>(k) + 1, toks.begin() + static_cast<std::ptrdiff_t>(end));
    mid_share = k;
  }
  auto relative = [](const std::string& t) { return RelativeYear(t, 2000) != 0; };
  size_t n = toks.size();
  size_t first = n;
  // (A part of the year between a kind and its year: "Utfall jan-jun 2026".)
  // (Or the whole year, "Budget helår 2026", w38.)
  auto period_before_year = [&](size_t k) {
    return k + 1 < n && IsYearToken(toks[k + 1]) && k > 0 && RE2::FullMatch(toks[k - 1], KindWordRe()) &&
           RE2::FullMatch(FoldKey(toks[k]), "(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov)\\pL*\\.?[-–—]"
                                            "(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\\pL*\\.?|helar"_re);
  };
  // (A member fee named with its year, "Avgift 2026 Avgift 2027", heads
  // its column as a kind does: IsFeeHeaderWord.)
  auto fee_before_year = [&](size_t k) { return k + 1 < n && IsYearToken(toks[k + 1]) && IsFeeHeaderWord(toks[k]); };
  while (first > 0 && (IsHeaderToken(toks[first - 1]) || IsFiscalYearToken(toks[first - 1]) ||
                       relative(toks[first - 1]) || period_before_year(first - 1) || fee_before_year(first - 1) ||
                       first - 1 == mid_share))
    --first;
  // A year, a fiscal year or a closing date ("2025-12-31") names a column.
  // (A period in one word too: "2025-01-01–2025-12-31", OCR's "-—".)
  auto names_year = [&relative](const std::string& t) {
    return IsYearToken(t) || IsFiscalYearToken(t) || relative(t) || RE2::FullMatch(t, "(19|20)\\d\\d-\\d\\d-\\d\\d,?"_re) ||
           IsPeriodToken(t);
  };
  int years = 0;
  for (size_t i = first; i < n; ++i) years += names_year(toks[i]);
  // The label is a few words; a broken fiscal year's period may stand
  // before it ("1 juli - 30 juni Not 2022 - 2023 2021 - 2022").
  static const RE2 kPeriodLabel(
      "\\d{1,2} ?(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\\.? ?[-–—] ?\\d{1,2} ?"
      "(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\\.?( not\\.?)?");
  std::string lead;
  for (size_t i = 0; i < first; ++i) lead += (i ? " " : "") + toks[i];
  // The Not column's head after the label ("Eget kapital och skulder Not
  // 2023-12-31 2022-12-31") is no word of it.
  const size_t words = first - (first > 0 && RE2::FullMatch(FoldKey(toks[first - 1]), "not\\.?"_re) ? 1 : 0);
  if (years < 2 || (words > 4 && !RE2::FullMatch(FoldKey(lead), kPeriodLabel))) return false;
  *label = cell_unit.empty() ? lead : lead + (lead.empty() ? "" : " ") + cell_unit;
  headers->clear();
  // "Budget 2020 Utfall 2020": kind words attach to the following year. A
  // column that compares, with no year of its own ("Budget 2025 Utfall 2025
  // Avvikelse"): a column (the year is the one before it), at the end or
  // before the next kind ("Prognos 2026 Avvikelse Utfall 2025").
  static const RE2 kYearless("(?i)avvikelse|totalt|återstår|aterstar");
  // Each cell printing its year before its kind ("2026 Prognos 2027 Budget
  // 2028 Plan 2029 Plan"): the kind after a year is that year's, never the
  // next one's. Only where the whole header alternates so, a year first
  // and a kind last.
  {
    bool year_first = n > first + 3 && (n - first) % 2 == 0;
    for (size_t i = first; year_first && i + 1 < n; i += 2)
      year_first = IsYearToken(toks[i]) && RE2::FullMatch(toks[i + 1], KindWordRe());
    if (year_first) {
      for (size_t i = first; i + 1 < n; i += 2) headers->push_back(toks[i + 1] + " " + toks[i]);
      if (!share.empty()) headers->push_back(share);
      return true;
    }
  }
  std::string pending;
  for (size_t i = first; i < n; ++i) {
    if (names_year(toks[i])) {
      headers->push_back(pending.empty() ? toks[i] : pending + " " + toks[i]);
      pending.clear();
    } else if (i == mid_share && (pending.empty() || (RE2::FullMatch(pending, kYearless) && !headers->empty()))) {
      if (!pending.empty()) headers->push_back(pending);  // the yearless deviation before the share
      pending.clear();
      headers->push_back(toks[i]);
    } else if (RE2::FullMatch(pending, kYearless) && RE2::FullMatch(toks[i], KindWordRe()) && !headers->empty()) {
      headers->push_back(pending);
      pending = toks[i];
    } else {
      pending += (pending.empty() ? "" : " ") + toks[i];
    }
  }
  if (!pending.empty() && headers->size() >= 2 && RE2::FullMatch(pending, kYearless)) headers->push_back(pending);
  if (!share.empty() && headers->size() >= 2) headers->push_back(share);
  return headers->size() >= 2;
}

// A header whose share head broke after its comma, the "%" alone on the
// next line ("Utfall 2025 Avvikelse| Avvikelse,| Utfall 2024" over "%",
// w47's dump): read with the sign in its place. On success `*body_from` is
// the line after the sign's.
bool ShareSignWrapped(const std::vector<const Line*>& lines, const std::vector<int>& pages, size_t i,
                      std::string* label, std::vector<std::string>* headers, size_t* body_from) {
  size_t j = i + 1;
  while (j < lines.size() && j <= i + 2 && pages[j] == pages[i] && CleanCellText(lines[j]->text).empty()) ++j;
  if (j >= lines.size() || pages[j] != pages[i] ||
      !RE2::FullMatch(CleanCellText(lines[j]->text), "\\(?%\\)?|i %|procent"_re))
    return false;
  std::vector<std::string> toks = Tokens(lines[i]->text);
  bool joined = false;
  for (std::string& t : toks) {
    std::string bare = t;
    while (!bare.empty() && (bare.back() == '|' || bare.back() == ']')) bare.pop_back();
    if (joined || bare.empty() || bare.back() != ',') continue;
    if (!RE2::FullMatch(FoldKey(bare), "(avvikelse|differens|andel|forandring|avv\\.?),"_re)) continue;
    t = bare + " %";
    joined = true;
  }
  if (!joined) return false;
  std::string text;
  for (const std::string& t : toks) text += (text.empty() ? "" : " ") + t;
  std::string l;
  std::vector<std::string> h;
  if (!SpaceHeader(text, &l, &h)) return false;
  *label = l;
  *headers = h;
  *body_from = j + 1;
  return true;
}

// A one-column header in a space-separated dump: a short label (or none),
// then one kind word and one year ("Intäkter   Budget 2025"), nothing else.
// The unit may follow the year ("Avgift 2027, kr", "Budget 2027 (tkr)"):
// it stays in the header, which names the column's unit.
bool OneColumnSpaceHeader(const std::string& text, std::string* label, std::vector<std::string>* headers) {
  std::vector<std::string> toks = OcrTokens(CleanCellText(WithoutCommentHead(text)));
  size_t n = toks.size();
  std::string unit;
  if (n >= 3 && n <= 7 && RE2::FullMatch(toks[n - 1], "\\(?(?:kr|tkr|mkr|mnkr|sek|tsek)\\)?[.:]?"_re) &&
      RE2::FullMatch(toks[n - 2], "(?:19|20)\\d\\d,?"_re)) {
    unit = toks[n - 1];
    --n;
    if (toks[n - 1].back() == ',') toks[n - 1].pop_back();
  }
  if (n < 2 || n > 6 || !IsYearToken(toks[n - 1])) return false;
  // (Or a member fee table's heads, the year alone over the fees: "Medlem
  // Andel 2027", w46.)
  size_t year_at = 0;
  if (unit.empty() && IsMemberFeeHeader(std::vector<std::string>(toks.begin(), toks.begin() + static_cast<long>(n)), &year_at)) {
    label->clear();
    for (size_t k = 0; k < year_at; ++k) *label += (k ? " " : "") + toks[k];
    *headers = {toks[year_at]};
    return true;
  }
  std::string header = toks[n - 2] + " " + toks[n - 1];
  if (!IsKindYearHeader(header)) return false;
  for (size_t k = 0; k + 2 < n; ++k)
    if (IsHeaderToken(toks[k]) || HasDigit(toks[k])) return false;
  label->clear();
  for (size_t k = 0; k + 2 < n; ++k) *label += (k ? " " : "") + toks[k];
  *headers = {unit.empty() ? header : header + ", " + unit};
  return true;
}

// A one-column header that names no year, only that the column holds
// money, after a short label ("Medlem  Andel  Belopp, kr", OCR's "Mediem"
// too): the caption's one year dates it (InterpretGrid). The caller checks
// the caption.
bool AmountWordSpaceHeader(const std::string& text, std::string* label, std::vector<std::string>* headers) {
  std::vector<std::string> toks = OcrTokens(CleanCellText(text));
  const size_t n = toks.size();
  if (n < 2 || n > 5) return false;
  for (size_t tail = std::min<size_t>(2, n - 1); tail >= 1; --tail) {  // "Belopp, kr" before a lone "kr"
    std::string header;
    for (size_t k = n - tail; k < n; ++k) header += (header.empty() ? "" : " ") + toks[k];
    if (!IsAmountWordHeader(header)) continue;
    bool plain = true;
    for (size_t k = 0; k + tail < n; ++k) plain &= !IsHeaderToken(toks[k]) && !HasDigit(toks[k]);
    if (!plain) return false;
    label->clear();
    for (size_t k = 0; k + tail < n; ++k) *label += (k ? " " : "") + toks[k];
    *headers = {header};
    return true;
  }
  return false;
}

// Column kinds alone after at most two label words ("Budget Utfall
// Avvikelse"), one of them a dated kind: the caller dates them by a caption
// of one year ("Driftredovisning 2025", InterpretGrid). A cell border OCR
// read onto a kind ("Utfall|") goes.
bool YearlessKindsSpaceHeader(const std::string& text, std::string* label, std::vector<std::string>* headers) {
  std::vector<std::string> toks = OcrTokens(CleanCellText(text));
  for (std::string& t : toks)
    while (t.size() > 3 && RE2::FullMatch(t, "\\pL+[)|\\]}]"_re)) t.pop_back();
  const int first = YearlessKindsStart(toks);
  if (first < 0) return false;
  label->clear();
  for (int k = 0; k < first; ++k) *label += (k ? " " : "") + toks[k];
  headers->assign(toks.begin() + first, toks.end());
  return true;
}

// A header whose cells wrapped: the kinds line with some years missing
// ("Budget Plan 2021 Plan 2022 | Totalt 2020-") and the next line holding
// those years ("2020 2022"). The years go to the cells that lack one, in
// order (an open range takes its end). A cell may name part of the year
// after its kind ("Utfall jan-aug" over "2026"); a comparison cell (Avvikelse,
// Återstår, a share "Förbrukat, %") needs no year, and the words its header
// wrapped onto the lines below ("Avvikelse" / "prognos mot" / "budget") go
// back to it when it is the only one. `plan_from`: a plan's first year (its
// budget's), 0 when unknown or not a plan. On success `*years_line` is the
// index of the last header line (the body starts after it).
bool WrappedKindsHeader(const std::vector<const Line*>& lines, size_t i, int plan_from, std::string* label,
                        std::vector<std::string>* headers, size_t* years_line) {
  // (A kind compounded with its period or frame: "Helårsbudget", OCR's
  // "Heladrsprognos", "Budgetram".)
  static const RE2 kKind("(?i)(utfall|budget|plan|prognos|avvikelse|totalt|bokslut|"
                         "\\pL{2,8}(budget|prognos|utfall)|(budget)ram)");
  static const RE2 kDeviation("(?i)a[vw]{1,2}ikelse|differens");
  // (A change between two years, "Förändring", is compared too: no year,
  // no fact.)
  static const RE2 kCompare("(?i)(totalt|aterstar|återstår|forbrukat,?|förbrukat,?|andel,?|förändring|forandring)");
  static const RE2 kPeriod("(?i)(jan(uari)?|t\\.?o\\.?m\\.?)[-–—/]?(\\pL+\\.?)?[}|\\]]?");
  static const RE2 kOpen("((?:19|20)\\d\\d)\\s*[-–—]");
  static const RE2 kRange("(?:19|20)\\d\\d\\s*[-–—]\\s*(?:19|20)\\d\\d");
  std::vector<std::string> toks = JoinBrokenKinds(OcrTokens(CleanCellText(WithoutCommentHead(lines[i]->text))));
  // A cell border OCR read onto a kind word ("Budget)", "Plan|"): the
  // border's, not the word's.
  for (std::string& t : toks)
    if (t.size() > 3 && RE2::FullMatch(t, "\\pL+[)|\\]}]"_re)) t.pop_back();
  // A word that opens a kind printed on the line below ("Förslag" over
  // "budget" over "2027").
  static const RE2 kPrefix("(?i)(förslag|forslag|beslutad|reviderad|ursprunglig|preliminär|preliminar)");
  auto starts_cell = [&](const std::string& t) {
    return RE2::FullMatch(t, kKind) || RE2::FullMatch(t, kDeviation) || RE2::FullMatch(t, kCompare) ||
           RE2::FullMatch(t, kPrefix);
  };
  size_t first = 0;
  while (first < toks.size() && first < 4 && !starts_cell(toks[first])) ++first;
  if (first == toks.size() || first >= 4) return false;
  struct Cell {
    std::string kind, year, extra;
    bool open = false;
    bool compare = false;    // a comparison or share column: no year of its own needed
    bool needs_kind = false;  // a prefix whose kind word is on the line below
    bool broken = false;      // a compound kind broken in its cell ("Helarsbud" over "get")
    bool other = false;       // a column that holds no money ("Antal", "Kostnad" after the kinds)
  };
  std::vector<Cell> cells;
  // A cell border OCR read after a head's word ("jan-aug}"): the border's.
  auto without_border = [](std::string w) {
    while (!w.empty() && (w.back() == '}' || w.back() == '|' || w.back() == ']')) w.pop_back();
    return w;
  };
  static const RE2 kBrokenKind("(?i)(hel)?(å|a)rs(bud|budg|budge|prog|progn|progno|utf|utfa|utfal)");
  static const RE2 kHeadWord("\\p{Lu}\\p{Ll}{3,}");  // a column's capitalised head ("Antal", "Kostnad")
  for (size_t k = first; k < toks.size(); ++k) {
    const std::string& t = toks[k];
    if (RE2::FullMatch(t, kDeviation)) {
      cells.push_back({"Avvikelse", "", "", false, true, false});
    } else if (RE2::FullMatch(t, kKind) || RE2::FullMatch(t, kCompare)) {
      const bool compare = RE2::FullMatch(t, kCompare);  // (Avvikelse went to the branch above)
      if (!cells.empty() && cells.back().needs_kind && cells.back().year.empty() && !compare && !t.empty() &&
          t[0] >= 'a' && t[0] <= 'z') {
        cells.back().kind += " " + t;  // "Förslag budget" (a capital starts the next cell: "Förslag Plan")
        cells.back().needs_kind = false;
        continue;
      }
      cells.push_back({t, "", "", false, compare, false});
    } else if (RE2::FullMatch(t, kPrefix)) {
      cells.push_back({t, "", "", false, false, true});
    } else if (RE2::FullMatch(t, kBrokenKind)) {
      cells.push_back({t, "", "", false, false, false, true});
    } else if (cells.size() >= 2 && RE2::FullMatch(t, kHeadWord) &&
               std::all_of(toks.begin() + static_cast<std::ptrdiff_t>(k), toks.end(),
                           [&](const std::string& u) { return RE2::FullMatch(u, kHeadWord); }) &&
               (cells.back().other || std::any_of(toks.begin() + static_cast<std::ptrdiff_t>(k), toks.end(),
                                                  [&](const std::string& u) { return IsCountHeader(u); })) &&
               std::none_of(toks.begin() + static_cast<std::ptrdiff_t>(k), toks.end(),
                            [&](const std::string& u) { return RE2::FullMatch(u, kKind); })) {
      // The heads of columns that hold no money after the kinds, wrapped in
      // their cells as the kinds are ("Budget Utfall Avvikelse Antal
      // Kostnad" over "2025 2025 deltagare per", w43): no year of their own.
      // Capitalised words to the line's end, a count's head among them.
      // (Not a share's "%" after "Förbrukat i": that closes its head.)
      cells.push_back({t, "", "", false, true, false, false, true});
    } else if (IsYearToken(t) || RE2::FullMatch(t, kOpen)) {
      bool open = RE2::FullMatch(t, kOpen);
      if (cells.empty() || !cells.back().year.empty()) cells.push_back({"", "", "", false, false, false});
      cells.back().year = t.substr(0, 4);
      cells.back().open = open;
    } else if (!cells.empty() && cells.back().year.empty() &&
               (RE2::FullMatch(t, kPeriod) || (t == "%" && cells.back().compare) ||
                // ("Budget helår", "Prognos helår": the whole year, w38.)
                (!cells.back().compare && RE2::FullMatch(FoldKey(without_border(t)), "helar"_re)) ||
                // ("Förbrukat i %", "Utfall i % av budget": a share's small words.)
                (cells.back().compare && RE2::FullMatch(FoldKey(t), "i|av|mot|procent"_re)))) {
      // "Utfall jan-aug}" (a cell border read after it), "Förbrukat, %".
      cells.back().extra += (cells.back().extra.empty() ? "" : " ") + without_border(t);
    } else {
      return false;
    }
  }
  int missing = 0, comparisons = 0, others = 0;
  for (const Cell& c : cells) {
    missing += c.year.empty() || c.open;
    comparisons += c.compare && c.year.empty();
    others += c.other;
  }
  if (cells.size() < 2 || missing == 0) return false;
  // Comparison columns at the end print no year of their own ("Budget
  // Utfall Avvikelse" over "2025 2025"): the years line may leave them out.
  int yearless_tail = 0;
  for (size_t k = cells.size(); k > 0 && cells[k - 1].year.empty() &&
                                RE2::FullMatch(cells[k - 1].kind, "(?i)(avvikelse|totalt)"_re);
       --k)
    ++yearless_tail;
  // The years line: the next non-blank line, only years (or ranges); when
  // the kinds line has no label, the label header may open the years line
  // ("Utfall Utfall" over "Kommun Invånare 2025 2024"). Small words on it
  // (no capital, no figure) are a wrapped header's: a prefix's kind
  // ("budget" under "Förslag"), else the one comparison cell's words
  // ("prognos mot" under "Avvikelse"). A second such line follows when the
  // first left years or words to come ("2027" under "budget").
  // Up to three blank lines between them: a page break inside the header
  // row leaves the blank lines around the running footer and header that
  // the reader skips (RunningTextLines).
  constexpr size_t kMaxBlank = 3;
  size_t j = i + 1;
  while (j < lines.size() && j <= i + kMaxBlank && CleanCellText(lines[j]->text).empty()) ++j;
  if (j >= lines.size() || j > i + kMaxBlank) return false;
  // Lines between the kinds and the years (w33's header of three rows): the
  // rest of each compound kind its narrow cell broke ("get" under
  // "Helarsbud"), joined to it; the months the first columns cover
  // ("jan-aug jan-aug jan-aug"), given to the cells in order.
  for (int between = 0; between < 2 && j < lines.size(); ++between) {
    const std::vector<std::string> ts = OcrTokens(CleanCellText(lines[j]->text));
    int broken = 0;
    for (const Cell& c : cells) broken += c.broken;
    static const RE2 kMonths("(?i)(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov)\\pL*\\.?[-–—](jan|feb|mar|apr|maj|"
                             "jun|jul|aug|sep|okt|nov|dec)\\pL*\\.?[|}\\]]?");
    const bool rests = broken > 0 && static_cast<int>(ts.size()) == broken &&
                       std::all_of(ts.begin(), ts.end(), [](const std::string& t) {
                         return RE2::FullMatch(t, "[a-zåäö]{1,6}"_re);
                       });
    const bool months = !ts.empty() && ts.size() <= cells.size() &&
                        std::all_of(ts.begin(), ts.end(), [](const std::string& t) { return RE2::FullMatch(t, kMonths); });
    if (!rests && !months) break;
    size_t next_tok = 0;
    for (Cell& c : cells) {
      if (next_tok >= ts.size()) break;
      if (rests && c.broken) {
        c.kind += ts[next_tok++];
        c.broken = false;
      } else if (months && c.year.empty()) {
        c.extra += (c.extra.empty() ? "" : " ") + without_border(ts[next_tok++]);
      }
    }
    ++j;
    while (j < lines.size() && j <= i + 6 && CleanCellText(lines[j]->text).empty()) ++j;
  }
  for (const Cell& c : cells)
    if (c.broken) return false;  // a broken kind whose rest was not found
  if (j >= lines.size()) return false;
  std::vector<std::string> years_toks = OcrTokens(CleanCellText(lines[j]->text));
  std::string years_label;
  if (first == 0) {
    size_t lead = 0;
    while (lead < years_toks.size() && lead < 4 && !IsHeaderToken(years_toks[lead]) && !HasDigit(years_toks[lead]))
      ++lead;
    for (size_t k = 0; k < lead; ++k) years_label += (k ? " " : "") + years_toks[k];
    years_toks.erase(years_toks.begin(), years_toks.begin() + lead);
  }
  // (A head wrapped inside a word with a slash: "Avvikelse" / "prognos/bud"
  // / "get", w38.)
  auto small_word = [](const std::string& t) { return RE2::FullMatch(t, "[a-zåäö]+(/[a-zåäö]*)?"_re); };
  auto year_like = [&](const std::string& t) { return IsYearToken(t) || RE2::FullMatch(t, kRange); };
  std::vector<std::string> years, wrapped;
  // Whole cells on the years line ("Budget Prognos Budget" over
  // "Resultatbudget 2026 2026 2027 Plan 2028 Plan 2029", w42: a header set
  // at its cells' bottom, where only the cells that wrapped reach the line
  // above): each with the count of years read before it, its place.
  std::vector<std::pair<size_t, std::string>> whole;
  int prefixes_open = 0;
  for (const Cell& c : cells) prefixes_open += c.needs_kind;
  auto take = [&](const std::vector<std::string>& ts) {
    for (size_t q = 0; q < ts.size(); ++q) {
      const std::string& y = ts[q];
      if (RE2::FullMatch(y, kKind) && !RE2::FullMatch(y, kDeviation) && q + 1 < ts.size() &&
          IsYearToken(ts[q + 1])) {
        whole.push_back({years.size(), y + " " + ts[q + 1]});
        ++q;
        continue;
      }
      if (year_like(y)) {
        years.push_back(y);
      } else if (small_word(y) && prefixes_open > 0) {
        for (Cell& c : cells)
          if (c.needs_kind) {
            c.kind += " " + y;
            c.needs_kind = false;
            --prefixes_open;
            break;
          }
      } else if (small_word(y) && comparisons == 1) {
        wrapped.push_back(y);
      } else if (small_word(y) && comparisons > 1 && others > 0) {
        // (Several yearless heads wrapped beside the years: which head each
        // word goes on is not read; those columns hold no money.)
      } else {
        return false;
      }
    }
    return true;
  };
  if (!take(years_toks)) return false;
  // (psm 3 may set a blank line between the wrapped word and the years:
  // "Reviderad" over "budget", blank, "2025 2026 2027 2028 2029".)
  size_t k2 = j + 1;
  while (k2 < lines.size() && k2 <= j + 2 && CleanCellText(lines[k2]->text).empty()) ++k2;
  if (k2 < lines.size() && (static_cast<int>(years.size()) < missing - comparisons || !wrapped.empty())) {
    std::vector<std::string> more = OcrTokens(CleanCellText(lines[k2]->text));
    // (All the years still missing may come on it: up to one a cell.)
    const bool fits = !more.empty() && more.size() <= std::max<size_t>(4, cells.size()) &&
                      std::all_of(more.begin(), more.end(), [&](const std::string& t) {
                        return year_like(t) || (small_word(t) && (prefixes_open > 0 || comparisons == 1));
                      });
    if (fits && take(more)) j = k2;
  }
  if (prefixes_open > 0) return false;
  // The further lines of heads wrapped over three lines or more after the
  // years line ("deltagare", "(kr)"): the header's.
  for (int more_lines = 0; others > 0 && more_lines < 3;) {
    size_t k3 = j + 1;
    while (k3 < lines.size() && k3 <= j + 2 && CleanCellText(lines[k3]->text).empty()) ++k3;
    if (k3 >= lines.size()) break;
    const std::vector<std::string> ts = OcrTokens(CleanCellText(lines[k3]->text));
    if (ts.empty() || ts.size() > 3 || !std::all_of(ts.begin(), ts.end(), [](const std::string& t) {
          return RE2::FullMatch(t, "[a-zåäö]{2,12}|\\((tkr|kr|mkr|mnkr|st|%|antal)\\)"_re);
        }))
      break;
    j = k3;
    ++more_lines;
  }
  const int n_years = static_cast<int>(years.size());
  // (Whole cells beside the wrapped ones: every wrapped cell takes one
  // year, no cell spans.)
  if (!whole.empty() && n_years != missing) return false;
  // More years than kinds ("Prognos Budget Plan" over "2026 2027 2028
  // 2029"): one kind heads several years, its cell spanning them or the
  // cells beside it left empty. Only a plan (the last kind) or an outcome
  // (the first) runs over several years of a row of consecutive years;
  // where either could, the header is not read.
  if (n_years > missing && missing == static_cast<int>(cells.size()) && comparisons == 0) {
    bool consecutive = true;
    for (int k = 1; k < n_years; ++k)
      consecutive = consecutive && IsYearToken(years[k]) && IsYearToken(years[k - 1]) &&
                    std::stoi(years[k].substr(0, 4)) == std::stoi(years[k - 1].substr(0, 4)) + 1;
    bool open_cell = false;
    for (const Cell& c : cells) open_cell = open_cell || c.open || !c.extra.empty();
    bool last_plan = RE2::FullMatch(FoldKey(cells.back().kind), "plan"_re);
    const bool first_outcome = RE2::FullMatch(FoldKey(cells.front().kind), "utfall|bokslut"_re);
    // Where either could (w35: "Utfall Prognos Budget Plan" over 2025 …
    // 2029), a plan whose first year is known puts its Budget there.
    if (consecutive && !open_cell && last_plan && first_outcome && plan_from > 0) {
      int budget = -1;
      for (size_t k = 0; k < cells.size(); ++k)
        if (FoldKey(cells[k].kind) == "budget") budget = static_cast<int>(k);
      const int first_year = std::stoi(years[0].substr(0, 4));
      if (budget >= 0 && first_year + budget == plan_from) {
        // (Plan spans: the budget keeps its place.)
      } else if (budget >= 0 && first_year + budget + (n_years - missing) == plan_from) {
        last_plan = false;  // the outcome spans
      } else {
        return false;
      }
      if (last_plan) cells.insert(cells.end(), static_cast<size_t>(n_years - missing), cells.back());
      else cells.insert(cells.begin(), static_cast<size_t>(n_years - missing), cells.front());
      missing = n_years;
    }
    if (n_years > missing && (!consecutive || open_cell || last_plan == first_outcome)) return false;
    const Cell spanning = last_plan ? cells.back() : cells.front();
    const std::vector<Cell>::difference_type at = last_plan ? static_cast<std::ptrdiff_t>(cells.size()) : 0;
    if (n_years > missing) cells.insert(cells.begin() + at, static_cast<size_t>(n_years - missing), spanning);
    missing = n_years;
  }
  if (n_years != missing && n_years != missing - yearless_tail && n_years != missing - comparisons) return false;
  const bool skip_comparisons = n_years != missing && n_years == missing - comparisons;
  label->clear();
  for (size_t k = 0; k < first; ++k) *label += (k ? " " : "") + toks[k];
  if (first == 0) *label = years_label;
  headers->clear();
  size_t next = 0, next_whole = 0;
  for (Cell& c : cells) {
    std::string y = c.year;
    const bool takes_year = next < years.size() && !(skip_comparisons && c.compare && y.empty()) &&
                            (c.open || y.empty());
    while (takes_year && next_whole < whole.size() && whole[next_whole].first <= next)
      headers->push_back(whole[next_whole++].second);
    if (next >= years.size() || (skip_comparisons && c.compare && y.empty())) {
      // a yearless comparison column
    } else if (c.open) {
      y = c.year + "-" + years[next++].substr(0, 4);
    } else if (y.empty()) {
      y = years[next++];
    }
    std::string h = c.kind;
    if (!c.extra.empty()) h += (h.empty() ? "" : " ") + c.extra;
    if (c.compare && c.year.empty())
      for (const std::string& w : wrapped) h += " " + w;
    if (!y.empty()) h += (h.empty() ? "" : " ") + y;
    headers->push_back(h);
  }
  while (next_whole < whole.size()) headers->push_back(whole[next_whole++].second);
  *years_line = j;
  return true;
}

// Whether a sentence ends inside `text` ("… första åtta månader.
// Medlemsavgifterna för 2027 …"): a word of three letters or more, a full
// stop, a capitalised word. Prose, no row label.
bool SentenceEndsInside(const std::string& text) {
  return RE2::PartialMatch(text, "\\pL{3,}\\. \\p{Lu}\\pL"_re);
}

// A header row whose cells Tesseract's automatic segmentation printed one
// per line (a shaded header row, each cell its own block): "Ack. utfall
// jan–" / "Prognos 2026" / "Budget 2027" / "Förändring mot", then the words
// the wrapped cells carried onto a second line, all on one line in small
// letters ("aug 2026 prognos, %"). A cell starts with a capital; a line in
// small letters holds the tails, split after each year and handed in order
// to the cells that have no year yet. Needs at least two cells, each a
// column head (ParseColumnHeader names its kind), and a first body row that
// fills exactly that many columns. On success `*body_from` is the line after
// the last head line; the label column's head is empty.
bool StackedHeadCells(const std::vector<const Line*>& lines, const std::vector<int>& pages, size_t i,
                      std::string* label, std::vector<std::string>* headers, size_t* body_from) {
  static const RE2 kCellStart("(?i)(ack\\.?|ackumulerat|förändring|forandring|andel,?|" +
                              std::string("(hel)?(års|ars)?(budget|prognos|utfall)(ram)?|utfall|plan|bokslut|") +
                              "avvikelse|a[vw]{1,2}ikelse|totalt|återstår|aterstar|beviljat|förbrukat|forbrukat)");
  static const RE2 kTailWord("[a-zåäö]+,?|%|[-–—]|(?:19|20)\\d\\d[-–—]?");
  std::vector<std::string> cells, tails;
  size_t q = i, last = i;
  int blanks = 0;
  for (; q < lines.size() && pages[q] == pages[i]; ++q) {
    const std::string clean = CleanCellText(lines[q]->text);
    if (clean.empty()) {
      if (++blanks > 2) break;
      continue;
    }
    blanks = 0;
    std::vector<std::string> toks = JoinBrokenKinds(OcrTokens(clean));
    if (toks.empty() || toks.size() > 5) break;
    const bool opens = RE2::FullMatch(toks[0], kCellStart) && toks[0][0] >= 'A' && toks[0][0] <= 'Z';
    bool tail = !opens && tails.size() < 2 && !cells.empty();
    for (const std::string& t : toks) {
      if (!tail) break;
      tail = RE2::FullMatch(t, kTailWord);
    }
    if (!opens && !tail) break;
    // A cell's own words: its kind, a year, a period, a small word
    // ("mot"), a unit or share sign; a figure other than a year ends it.
    bool head_words = true;
    for (size_t k = 1; k < toks.size() && opens; ++k)
      head_words = head_words && (IsHeaderToken(toks[k]) || RE2::FullMatch(toks[k], kTailWord) ||
                                  RE2::FullMatch(toks[k], "(?i)(jan|t\\.?o\\.?m\\.?)\\pL*\\.?[-–—]?"_re));
    if (!head_words) break;
    if (opens && !tails.empty()) break;  // a cell after the tails: not this shape
    if (opens) {
      std::string c;
      for (const std::string& t : toks) c += (c.empty() ? "" : " ") + t;
      cells.push_back(c);
    } else {
      for (const std::string& t : toks) tails.push_back(t);
    }
    last = q;
  }
  if (cells.size() < 2 || q >= lines.size()) return false;
  // The tails, split after each year, go to the yearless cells in order.
  std::vector<std::string> pieces;
  std::string cur;
  for (const std::string& t : tails) {
    cur += (cur.empty() ? "" : " ") + t;
    if (IsYearToken(t)) {
      pieces.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) pieces.push_back(cur);
  std::vector<size_t> yearless;
  for (size_t c = 0; c < cells.size(); ++c)
    if (ParseColumnHeader(cells[c], "årsredovisning").year == 0) yearless.push_back(c);
  if (pieces.size() != (tails.empty() ? 0 : yearless.size())) return false;
  for (size_t p = 0; p < pieces.size(); ++p) cells[yearless[p]] += " " + pieces[p];
  int with_year = 0;
  for (const std::string& c : cells) {
    TableColumn col = ParseColumnHeader(c, "årsredovisning");
    if (col.kind == ColumnKind::kUnknown || col.kind == ColumnKind::kNote) return false;
    with_year += col.year != 0;
  }
  if (with_year < 2) return false;
  // The body: after at most two section headings, a row of exactly as many
  // figures as cells.
  size_t r = last + 1;
  for (int labels = 0; r < lines.size() && pages[r] == pages[i]; ++r) {
    std::vector<std::string> toks = OcrTokens(CleanCellText(lines[r]->text));
    if (toks.empty()) continue;
    const size_t first = FiguresStart(toks);
    if (first == 0) return false;
    if (first < toks.size()) {
      if (!FillsColumns(toks, first, cells.size())) return false;
      break;
    }
    if (++labels > 2 || toks.size() > 3) return false;
  }
  if (r >= lines.size() || pages[r] != pages[i]) return false;
  label->clear();
  *headers = cells;
  *body_from = last + 1;
  return true;
}

// The line under a header of bare years (`*headers`, from line i) that
// names kinds only, after at most three label words: each year is a cell
// merged over the kinds under it. k ≥ 2 under each year in the same order
// ("Tkr Budget Utfall Budget Utfall" under "2025 2024") pair by position;
// otherwise ("KSEK Budget Utfall Avvikelse Utfall" under "2025 2024", w36;
// "Tkr Budget Prognos Budget" under "2026 2027", w35) the kinds are cut into
// one run per year, in order, where exactly one cut fits: no run names a
// kind twice, a run with an Avvikelse has the budget and the outcome (or
// forecast) it compares, and in a plan whose first year `plan_from` is
// known an outcome or forecast is of a year before it (the year under
// way). On success the headers become "Budget 2025", "Utfall 2025", …, the
// label words the label, and the body starts under the kinds line.
bool KindsUnderYears(const std::vector<const Line*>& lines, const std::vector<int>& pages, size_t i,
                     bool plan, int plan_from, std::string* label, std::vector<std::string>* headers,
                     size_t* body_from) {
  for (const std::string& h : *headers)
    if (!IsYearToken(h)) return false;
  if (headers->size() < 2 || i + 1 >= lines.size() || pages[i + 1] != pages[i]) return false;
  std::vector<std::string> toks = JoinBrokenKinds(OcrTokens(CleanCellText(lines[i + 1]->text)));
  static const RE2 kDeviation("(?i)a[vw]{1,2}ikelse");
  auto is_kind = [](const std::string& t) { return RE2::FullMatch(t, KindWordRe()) || RE2::FullMatch(t, kDeviation); };
  size_t first = 0;
  while (first < toks.size() && first < 3 && !is_kind(toks[first])) ++first;
  const size_t y = headers->size();
  const size_t m = toks.size() - first;
  if (m <= y) return false;
  std::vector<std::string> kinds;  // folded: budget, utfall, plan, prognos, bokslut, avvikelse
  for (size_t j = first; j < toks.size(); ++j) {
    if (!is_kind(toks[j])) return false;
    kinds.push_back(RE2::FullMatch(toks[j], kDeviation) ? "avvikelse" : FoldKey(toks[j]));
  }
  std::vector<size_t> starts(y + 1, 0);
  bool regular = m % y == 0;
  for (size_t j = m / y; regular && j < m; ++j) regular = kinds[j] == kinds[j - m / y];
  if (regular) {
    for (size_t g = 0; g <= y; ++g) starts[g] = g * (m / y);
  } else {
    auto fits = [&](size_t a, size_t b, int year) {
      std::set<std::string> seen;
      bool deviation = false, budget = false, outcome = false;
      for (size_t j = a; j <= b; ++j) {
        if (!seen.insert(kinds[j]).second) return false;
        deviation |= kinds[j] == "avvikelse";
        budget |= kinds[j] == "budget";
        outcome |= kinds[j] == "utfall" || kinds[j] == "prognos";
        if (plan && plan_from > 0 && year >= plan_from && RE2::FullMatch(kinds[j], "utfall|prognos|bokslut"_re))
          return false;
      }
      return !deviation || (budget && outcome);
    };
    std::vector<size_t> cut(y + 1, 0);
    int solutions = 0;
    std::function<void(size_t, size_t)> search = [&](size_t g, size_t from) {
      if (solutions > 1) return;
      if (g == y) {
        if (from == m && ++solutions == 1) starts = cut;
        return;
      }
      for (size_t to = from; to + (y - g - 1) < m; ++to) {
        if (!fits(from, to, std::stoi((*headers)[g].substr(0, 4)))) continue;
        cut[g] = from;
        cut[g + 1] = to + 1;
        search(g + 1, to + 1);
      }
    };
    search(0, 0);
    if (solutions != 1) return false;
  }
  std::string lead;
  for (size_t j = 0; j < first; ++j) lead += (j ? " " : "") + toks[j];
  std::vector<std::string> spread;
  for (size_t g = 0; g < y; ++g)
    for (size_t j = starts[g]; j < starts[g + 1]; ++j)
      spread.push_back((kinds[j] == "avvikelse" ? std::string("Avvikelse") : toks[first + j]) + " " + (*headers)[g]);
  *headers = std::move(spread);
  if (label->empty()) *label = lead;
  *body_from = i + 2;
  return true;
}

// A fee's or amount's head on the line over a header of bare years
// (`*headers`, line i), after at most three label words ("Medlem Andel
// Avgift, kr" over "2026 2027", w35: one cell merged over the years'
// columns, psm 3 setting a blank line between): it names each year's column
// ("Avgift, kr 2026", …), its label words the label; `*head_line` is its
// line (the caption is above it).
bool AmountHeadOverYears(const std::vector<const Line*>& lines, const std::vector<int>& pages, size_t i,
                         std::string* label, std::vector<std::string>* headers, size_t* head_line) {
  if (headers->size() < 2 || !label->empty()) return false;
  for (const std::string& h : *headers)
    if (!IsYearToken(h)) return false;
  size_t above = i;
  for (int blank = 0; above > 0 && blank <= 1; ++blank) {
    --above;
    if (pages[above] != pages[i]) return false;
    if (!CleanCellText(lines[above]->text).empty()) break;
  }
  if (above == i || CleanCellText(lines[above]->text).empty()) return false;
  const std::vector<std::string> toks = OcrTokens(CleanCellText(lines[above]->text));
  size_t head = 0;
  while (head < toks.size() && !IsFeeHeaderWord(StripPunct(toks[head]))) ++head;
  if (head == toks.size() || head > 3) return false;
  for (size_t k = 0; k < head; ++k)
    if (IsHeaderToken(toks[k]) || HasDigit(toks[k])) return false;
  for (size_t k = head + 1; k < toks.size(); ++k)
    if (k > head + 1 || !IsFeeUnitWord(toks[k])) return false;
  std::string name;
  for (size_t k = head; k < toks.size(); ++k) name += (name.empty() ? "" : " ") + toks[k];
  label->clear();
  for (size_t k = 0; k < head; ++k) *label += (k ? " " : "") + toks[k];
  for (std::string& h : *headers) h = name + " " + h;
  *head_line = above;
  return true;
}

// A statement's section heading ("Rörelsekostnader", "Bundet eget
// kapital"): a row without figures, no table's caption.
bool IsSectionHeading(const std::string& label) {
  static const RE2 kSection(
      "^(intakter|kostnader|tillgangar|anlaggningstillgangar|omsattningstillgangar|eget kapital och skulder|"
      "skulder|avsattningar|langfristiga skulder|kortfristiga skulder|finansiella poster|verksamhetens intakter|"
      "verksamhetens kostnader|rorelsens intakter|rorelsens kostnader|rorelseintakter|rorelsekostnader|"
      "bundet eget kapital|fritt eget kapital|materiella anlaggningstillgangar|finansiella anlaggningstillgangar|"
      "(den )?lopande verksamheten|investeringsverksamheten|finansieringsverksamheten)$");
  return RE2::FullMatch(FoldKey(label), kSection);
}

// The caption of a table starting at line `header` of `lines`.
std::string FindTitle(const std::vector<const Line*>& lines, size_t header, const TextTableParams& tp) {
  std::string nearest;
  std::string passed_heading;  // the nearest section heading passed over
  size_t sections = 0;  // a statement's section headings between its name and its rows
  for (size_t k = 1; k <= static_cast<size_t>(tp.title_max_lines) && k <= header; ++k) {
    const Line& l = *lines[header - k];
    std::string clean = CleanCellText(l.text);
    if (clean.empty()) continue;
    // "Bundet eget kapital", "Eget kapital", "EGET KAPITAL OCH SKULDER"
    // over a balance sheet's first rows name its parts, not the table.
    if (IsSectionHeading(clean) || RE2::FullMatch(FoldKey(clean), "eget kapital"_re)) {
      if (passed_heading.empty()) passed_heading = clean;
      ++sections;
      continue;
    }
    // A label and its figures ("Resultat 50 -10 -20"): the last row of the
    // table above. No line above it names this table; the heading passed
    // over, when there was one, is this table's caption ("Eget kapital"
    // over "Tkr Prognos 2026 Budget 2027").
    {
      const std::vector<std::string> toks = Tokens(clean);
      if (nearest.empty() && toks.size() >= 2 && RE2::PartialMatch(toks[0], "\\pL"_re) &&
          IsNumericToken(toks.back()) && HasDigit(toks.back()) && !IsYearToken(toks.back()) &&
          !RE2::PartialMatch(toks.back(), "(19|20)\\d\\d"_re) &&
          !RE2::PartialMatch(FoldKey(clean), "^(sida|page|not)\\b"_re))  // a page's foot, a note's number
        return passed_heading;
    }
    // Figures alone: the table above's, which automatic segmentation set
    // after its labels and the next caption ("Not 1 … (kr)" over "5 399
    // 922,60" over the next header). No caption; counted like a section.
    {
      const std::vector<std::string> toks = Tokens(clean);
      if (!toks.empty() && std::all_of(toks.begin(), toks.end(), [](const std::string& t) { return IsNumericToken(t); })) {
        ++sections;
        continue;
      }
    }
    if (nearest.empty() && clean.size() < tp.title_max_chars && clean.back() != '.' &&
        clean.find('\t') == std::string::npos)
      nearest = clean;
    if (IsTableHeading(clean)) {
      RE2::Replace(&clean, "\\s+[Nn]ot\\.?$"_re, "");  // the Not column's head beside the name
      return clean;
    }
    if (!nearest.empty() && k - sections > static_cast<size_t>(tp.title_near_lines)) break;
  }
  return nearest;
}

Provenance ProvFor(const Line& line, int page, int col0, int col1, const std::string& raw) {
  Provenance p;
  p.page = page;
  p.line_index = line.index;
  p.box = Box{double(col0), double(line.index), double(col1), double(line.index + 1)};
  p.raw_text = raw;
  p.confidence = 1.0;
  for (const Word& w : line.words)
    if (w.box.x0 >= col0 && w.box.x1 <= col1 + 1) p.confidence = std::min<double>(p.confidence, w.confidence);
  return p;
}

// --- Labels and figures printed in separate blocks (OCR page segmentation) ---
//
// Tesseract's automatic segmentation reads a borderless table as its label
// column followed by its figures, either column by column ("2021", "4 200",
// "2 100", ..., "2022", ...) or as rows of bare figures under a year line.
// Section headings without figures sit among the labels, and blank lines do
// not line up, so the labels that carry figures are chosen by the arithmetic:
// every way to leave n − m of the n labels without figures is read as a
// table, and the one under which the most sum checks hold (none failing)
// wins, section headings (Intäkter, Kostnader) breaking ties. The rows carry
// a doubt (GridRow::doubt): the repair stage clears each figure the checks
// confirm and flags the rest; a tie loads every figure suspect.

constexpr size_t kMaxPairings = 4000;

// How far apart in size a grouping's amounts are: the largest over the
// smallest, zeros and unreadable figures left out (1 when fewer than two).
// A row's amounts in a table of years are of one size, so the grouping with
// the smallest spread is read first.
double AmountSpread(const std::vector<std::string>& figures) {
  double lo = 0, hi = 0;
  bool any = false;
  for (const std::string& v : figures) {
    auto n = ParseSwedishNumber(v);
    if (!n || n->value == 0) continue;
    const double a = std::abs(n->value);
    lo = any ? std::min(lo, a) : a;
    hi = any ? std::max(hi, a) : a;
    any = true;
  }
  return any ? hi / lo : 1.0;
}

// Whether toks[q] is a run of `digits` digits with no space after a short
// head ("-2 472711"): a figure that lost the spaces inside the run ("-2 472
// 711"), or the head of another column's figure.
bool UnspacedRunAfterHead(const std::vector<std::string>& toks, size_t q, size_t digits) {
  return q > 0 && toks[q].size() == digits && AllDigits(toks[q]) && RE2::FullMatch(toks[q - 1], "-?\\d{1,3}"_re);
}

// `toks` with each such six-digit run split into its two groups.
std::vector<std::string> SplitSixDigitRuns(const std::vector<std::string>& toks) {
  std::vector<std::string> out;
  for (size_t q = 0; q < toks.size(); ++q) {
    if (UnspacedRunAfterHead(toks, q, 6)) {
      out.push_back(toks[q].substr(0, 3));
      out.push_back(toks[q].substr(3));
    } else {
      out.push_back(toks[q]);
    }
  }
  return out;
}

// A day ("2023-12-31") or, with `year_ok`, a year, as a column head.
bool IsDayToken(const std::string& t, bool year_ok) {
  static const RE2 kDay("(?:19|20)\\d\\d-\\d\\d-\\d\\d,?");
  return RE2::FullMatch(t, kDay) || (year_ok && IsYearToken(t));
}

// The word "Not" (a note column's head, or a reference's), any case.
bool IsNoteWord(const std::string& t) { return RE2::FullMatch(FoldKey(t), "not\\.?"_re); }

// The figure rows' head with a Not column before years or first days
// ("Not 2022-01-01 2021-01-01", "Not 2023 2022").
bool IsNoteYearsHead(const std::vector<std::string>& toks) {
  return toks.size() >= 3 && IsNoteWord(toks[0]) &&
         std::all_of(toks.begin() + 1, toks.end(), [](const std::string& t) { return IsDayToken(t, true); });
}

// The figure rows' head of balance dates or first days alone ("2023-12-31
// 2022-12-31"), its Not head set apart from it.
bool IsDaysLine(const std::vector<std::string>& toks) {
  return toks.size() >= 2 && std::all_of(toks.begin(), toks.end(), [](const std::string& t) { return IsDayToken(t, false); });
}

// The periods' last days on the line under a header of first days
// ("-2023-12-31 -2022-12-31", maybe after one stray mark: "1 -2022-12-31
// -2021-12-31"): exactly `n` days into `*ends`, or false.
bool PeriodEndsLine(const Line& line, size_t n, std::vector<std::string>* ends) {
  std::vector<std::string> t = OcrTokens(CleanCellText(line.text));
  for (std::string& e : t) RE2::Replace(&e, "^[-–—]+"_re, "");
  if (t.size() == n + 1 && t[0].size() <= 2 && !IsDayToken(t[0], false)) t.erase(t.begin());
  if (t.size() != n || !std::all_of(t.begin(), t.end(), [](const std::string& e) { return IsDayToken(e, false); }))
    return false;
  *ends = std::move(t);
  return true;
}

// A line holding only figures: their values (one grouping, or empty).
struct NumberLine {
  std::vector<std::string> cells;  // as printed
  int groupings = 0;
};

// The figures of a line's tokens grouped into `min_cols` to `max_cols`
// values: the fewest that group (a thousands group never stands alone).
NumberLine GroupNumberLine(const std::vector<std::string>& toks, int min_cols, int max_cols) {
  NumberLine out;
  if (toks.empty()) return out;
  for (const std::string& t : toks)
    if (!IsNumberish(t) && !(t.size() == 1 && IsConfusableChar(t[0]))) return out;
  std::vector<std::string> shadow;
  for (const std::string& t : toks) shadow.push_back(ShadowDigits(t));
  for (int k = min_cols; k <= max_cols; ++k) {
    auto gk = GroupFigures(shadow, k);
    if (gk.empty()) continue;
    out.groupings = static_cast<int>(gk.size());
    // Of several, the figures closest in size first (a row's amounts in a
    // table of years are of one size); the count says it was a choice.
    if (k >= 2 && gk.size() > 1)
      std::stable_sort(gk.begin(), gk.end(),
                       [](const auto& a, const auto& b) { return AmountSpread(a) < AmountSpread(b); });
    size_t tok = 0;
    for (const std::string& grp : gk.front()) {
      size_t n = Tokens(grp).size();
      std::string cell;
      for (size_t q = 0; q < n && tok < toks.size(); ++q, ++tok) cell += (cell.empty() ? "" : " ") + toks[tok];
      out.cells.push_back(cell);
    }
    return out;
  }
  return out;
}

NumberLine ReadNumberLine(const std::vector<std::string>& toks, int max_cols) {
  return GroupNumberLine(toks, 1, max_cols);
}

// A line holding exactly `n` figures: their values, and how many ways the
// tokens group into n (1: one reading). Empty when they cannot.
NumberLine ReadNumberLineOf(const std::vector<std::string>& toks, int n) { return GroupNumberLine(toks, n, n); }

// The years one digit OCR confuses read back gives ("2079": 7 for 1 →
// 2019; "2018": 8 for 9 → 2019), each once, in no particular order.
std::vector<int> OneDigitYearMisreads(int year) {
  static const char* const kYearDigitMisreads[] = {"89", "98", "17", "71", "08", "80", "06", "60", "09",
                                                   "90", "38", "83", "56", "65", "68", "86", "14", "41"};
  const std::string printed = std::to_string(year);
  std::set<int> out;
  for (size_t d = 0; d < printed.size(); ++d)
    for (const char* pair : kYearDigitMisreads) {
      if (printed[d] != pair[0]) continue;
      std::string y = printed;
      y[d] = pair[1];
      out.insert(std::stoi(y));
    }
  return {out.begin(), out.end()};
}

bool IsYearLine(const std::vector<std::string>& toks) {
  if (toks.empty()) return false;
  for (const std::string& t : toks)
    if (!IsYearToken(t)) return false;
  return true;
}

// A line of years only, fewer than the columns, each a year of `headers`: a
// scrap of a repeated header line, not a row of figures.
bool IsHeaderYearsLine(const std::vector<std::string>& toks, const std::vector<std::string>& headers) {
  if (!IsYearLine(toks) || toks.size() >= headers.size()) return false;
  for (const std::string& t : toks) {
    bool named = false;
    for (const std::string& h : headers) named = named || h.find(t.substr(0, 4)) != std::string::npos;
    if (!named) return false;
  }
  return true;
}

// The column kinds a header names ("Budget", "Utfall", ...).
const RE2& KindWordRe() {
  static const RE2 kKind("(?i)(budget|utfall|plan|prognos|bokslut)");
  return kKind;
}

// The head of a column on one line: a year alone ("2025") or a kind with its
// year ("Budget 2025"). Sets `*header` to the head as the table would print
// it and `*kind` to whether it names a kind.
bool OneLineColumnHead(const std::vector<std::string>& toks, std::string* header, bool* kind) {
  if (toks.size() == 1 && IsYearToken(toks[0])) {
    *header = toks[0].substr(0, 4);
    *kind = false;
    return true;
  }
  if (toks.size() == 2 && RE2::FullMatch(toks[0], KindWordRe()) && IsYearToken(toks[1])) {
    *header = toks[0] + " " + toks[1].substr(0, 4);
    *kind = true;
    return true;
  }
  return false;
}

// The head of one column printed as a block of its own: a year or a kind
// with its year (OneLineColumnHead), or a deviation column ("Avvikelse",
// read "Awvikelse" by OCR).
bool ColumnHeadLine(const std::vector<std::string>& toks, std::string* header) {
  bool kind = false;
  if (OneLineColumnHead(toks, header, &kind)) return true;
  // A balance date ("2025-12-31"), the head of a balansräkning's column.
  if (toks.size() == 1 && RE2::FullMatch(toks[0], "(19|20)\\d\\d-\\d\\d-\\d\\d"_re)) {
    *header = toks[0];
    return true;
  }
  // The Not column's head on the first column's line ("Not 2023-12-31"):
  // the column's figures may open with their note reference.
  if (toks.size() == 2 && IsNoteWord(toks[0]) && IsDayToken(toks[1], /*year_ok=*/true)) {
    *header = IsYearToken(toks[1]) ? toks[1].substr(0, 4) : toks[1];
    return true;
  }
  static const RE2 kDeviation("(?i)a[vw]{1,2}ikelse|avvikelse");
  if (toks.size() == 1 && RE2::FullMatch(toks[0], kDeviation)) {
    *header = "Avvikelse";
    return true;
  }
  return false;
}

struct BlockLine {
  size_t index;  // into the flattened lines
  std::vector<std::string> toks;
};

// Every way to choose `skip` of `n` labels as headings without figures.
void Combinations(int n, int skip, int from, std::vector<int>& cur, std::vector<std::vector<int>>* out) {
  if (out->size() >= kMaxPairings) return;
  if (static_cast<int>(cur.size()) == skip) {
    out->push_back(cur);
    return;
  }
  for (int i = from; i <= n - (skip - static_cast<int>(cur.size())); ++i) {
    cur.push_back(i);
    Combinations(n, skip, i + 1, cur, out);
    cur.pop_back();
  }
}

// The next line from `from` on that has text, cleaned ("" when none).
std::string NextTextLine(const std::vector<const Line*>& lines, size_t from) {
  for (size_t k = from; k < lines.size(); ++k) {
    std::string clean = CleanCellText(lines[k]->text);
    if (!clean.empty()) return clean;
  }
  return "";
}

// Whether a line after a block of labels starts the figures: a line of
// years, of figures, or a column's head.
bool StartsTheFigures(const std::vector<std::string>& toks) {
  std::string head;
  return IsYearLine(toks) || FiguresStart(toks) == 0 || ColumnHeadLine(toks, &head);
}

// The tokens of the next line with any from line `*j` on, `*j` left on it;
// false at the end of the lines or on the blank line that ends a block of
// figures (TextTableParams::end_blank_lines_spaced in a row).
bool NextBlockTokens(const std::vector<const Line*>& lines, const TextTableParams& tp, size_t* j,
                     std::vector<std::string>* toks) {
  int blanks = 0;
  for (; *j < lines.size(); ++*j) {
    const std::string clean = CleanCellText(lines[*j]->text);
    if (clean.empty()) {
      if (++blanks >= tp.end_blank_lines_spaced) return false;
      continue;
    }
    blanks = 0;
    *toks = OcrTokens(clean);
    if (!toks->empty()) return true;
  }
  return false;
}

// A label-block line that opens a section: a known section heading, or a
// label a later line sums ("Kortfristiga placeringar" over "Summa
// kortfristiga placeringar"). Pairings that leave such lines without
// figures read the statement as printed.
bool HeadsASection(const std::vector<GridRow>& rows, size_t k) {
  if (IsSectionHeading(rows[k].label)) return true;
  const std::string summed = "summa " + FoldKey(rows[k].label);
  for (size_t q = k + 1; q < rows.size(); ++q)
    if (FoldKey(rows[q].label) == summed) return true;
  return false;
}

// (Defined below, with the side-text readings of the line reader.)
std::string LabelWithoutSideText(const std::string& label);

// The heads of a table's label column and of the text columns beside it,
// one to three words and nothing else ("Insats", "Insats Målgrupp",
// "Verksamhet", "Projekt Huvudman"): a line no figure belongs to.
bool IsLabelColumnHeads(const std::vector<std::string>& toks) {
  static const RE2 kHead(
      "insats(er)?|verksamhet(er)?|projekt|aktivitet(er)?|post(er)?|kostnadsslag|konto|benamning|malgrupp|"
      "huvudman|period|omrade|typ");
  static const RE2 kComment("(?i)(?:" + CommentHeadWords() + ")");
  if (toks.empty() || toks.size() > 3) return false;
  for (const std::string& t : toks)
    if (!RE2::FullMatch(FoldKey(StripPunct(t)), kHead) && !RE2::FullMatch(t, kComment)) return false;
  return true;
}

// Pairs the label lines of one table (`labels`) with its figure rows
// (`rows`, one value per column of `years`) read apart from them: every way
// to leave labels without figures is read, and the sums choose (see above).
// `title` is the caption found so far; a heading among the first labels
// replaces it. `end` is the first line after the table's figures. `holds`
// and `fails` (optional) receive the chosen pairing's sum checks.
bool PairLabelBlock(const std::vector<const Line*>& lines, const std::vector<int>& pages,
                    std::vector<BlockLine> labels, const std::vector<std::string>& years,
                    const std::vector<NumberLine>& rows, bool column_mode, std::string title, size_t end,
                    const std::string& doc_kind, Grid* grid, int* holds = nullptr, int* fails = nullptr) {
  const size_t m = rows.size();
  if (m < 2 || m > labels.size()) return false;
  std::string unit_line;
  std::string side_heads;  // the label head line when it names a text column too
  // The caption: a heading among the first labels (numbered, a table name,
  // or a line with a year) is the title, not a row.
  while (!labels.empty() && labels.size() > m) {
    std::string first = CleanCellText(lines[labels[0].index]->text);
    bool has_year = false;
    for (const std::string& t : labels[0].toks) has_year = has_year || IsYearToken(t) || RE2::PartialMatch(t, "(19|20)\\d\\d"_re);
    // The label column's own head ("Medlem" over the member rows, "Insats
    // Målgrupp" over the insatser and their text column, w48) is no row.
    const bool label_heads = IsLabelColumnHeads(labels[0].toks);
    if (IsMemberHeadWord(first) || label_heads) {
      if (label_heads && labels[0].toks.size() >= 2) side_heads = first;
      labels.erase(labels.begin());
      continue;
    }
    if (!(IsTableHeading(first) || has_year || DetectMoneyUnit(first))) break;
    // A unit line under the statement's name ("Balansräkning" over
    // "Belopp i kr") says the unit; the name stays the title.
    if (DetectMoneyUnit(first) && !IsTableHeading(first) && IsTableHeading(title))
      unit_line = first;
    else
      title = first;
    labels.erase(labels.begin());
  }
  const size_t nl = labels.size();
  Grid base;
  base.title = title;
  base.header_label = unit_line;
  for (const std::string& y : years) base.headers.push_back(y);
  base.page = pages[labels[0].index];
  base.last_page = pages[end > 0 ? end - 1 : 0];
  base.confidence = 0.8;
  auto build = [&](const std::vector<int>& skip) {
    Grid g = base;
    size_t r = 0;
    for (size_t k = 0; k < nl; ++k) {
      const Line& l = *lines[labels[k].index];
      GridRow row;
      for (size_t q = 0; q < labels[k].toks.size(); ++q) row.label += (q ? " " : "") + labels[k].toks[q];
      row.prov.page = pages[labels[k].index];
      row.prov.line_index = l.index;
      row.prov.raw_text = l.raw;
      row.prov.box = l.box;
      row.cells.resize(years.size());
      if (!std::binary_search(skip.begin(), skip.end(), static_cast<int>(k)) && r < m) {
        const NumberLine& num = rows[r++];
        row.groupings = num.groupings;
        for (size_t c = 0; c < num.cells.size() && c < years.size(); ++c) {
          GridCell& gc = row.cells[c];
          gc.present = true;
          gc.text = num.cells[c];
          gc.prov = row.prov;
          gc.prov.raw_text = num.cells[c];
          gc.prov.confidence = 0.8;
          row.raw_numbers += (row.raw_numbers.empty() ? "" : " ") + num.cells[c];
        }
      }
      g.rows.push_back(std::move(row));
    }
    return g;
  };
  if (m > nl) return false;
  std::vector<std::vector<int>> skips;
  std::vector<int> cur;
  Combinations(static_cast<int>(nl), static_cast<int>(nl - m), 0, cur, &skips);
  if (skips.empty() || skips.size() >= kMaxPairings) return false;
  TableContext ctx;
  ctx.doc_kind = doc_kind;
  struct Scored {
    size_t index;
    int holds, fails, prior;
  };
  std::vector<Scored> scored;
  for (size_t s = 0; s < skips.size(); ++s) {
    Grid g = build(skips[s]);
    FinancialTable t;
    if (!InterpretGrid(g, ctx, &t)) continue;
    int holds = 0, fails = 0;
    for (const Constraint& c : TableConstraints(t)) {
      std::optional<double> res = Residual(t, c);
      if (!res) continue;
      (WithinTolerance(c, *res) ? holds : fails)++;
    }
    int prior = 0;
    for (int k : skips[s]) prior += HeadsASection(g.rows, static_cast<size_t>(k)) ? 1 : 0;
    scored.push_back({s, holds, fails, prior});
  }
  if (scored.empty()) return false;
  // The best: no failing check, most holding, then most section headings
  // left without figures; among failing ones, fewest failures.
  auto better = [](const Scored& a, const Scored& b) {
    if ((a.fails == 0) != (b.fails == 0)) return a.fails == 0;
    if (a.fails == 0 && a.holds != b.holds) return a.holds > b.holds;
    if (a.fails != b.fails) return a.fails < b.fails;
    if (a.holds != b.holds) return a.holds > b.holds;
    return a.prior > b.prior;
  };
  std::stable_sort(scored.begin(), scored.end(), better);
  const Scored& best = scored.front();
  if (holds) *holds = best.holds;
  if (fails) *fails = best.fails;
  // A rival pairing that scores as well ties only when it reads other
  // facts: two pairings that differ in which of two lines with the same
  // label ("Kassa och bank" the heading, "Kassa och bank" the row) carries
  // the figures read the same.
  auto facts = [](const Grid& g) {
    std::string out;
    for (const GridRow& r : g.rows) {
      std::string cells;
      for (const GridCell& c : r.cells) cells += (c.present ? c.text : std::string("-")) + ";";
      if (cells.find_first_not_of("-;") != std::string::npos) out += FoldKey(r.label) + "|" + cells + "\n";
    }
    return out;
  };
  *grid = build(skips[best.index]);
  const std::string best_facts = facts(*grid);
  bool tie = false;
  size_t rival = 0;
  for (size_t q = 1; q < scored.size() && !tie && !better(scored[0], scored[q]); ++q)
    if (facts(build(skips[scored[q].index])) != best_facts) {
      tie = true;
      rival = q;
    }
  std::string how = column_mode ? "column by column" : "as a block of figure rows";
  std::string rule, doubt;
  if (tie) {
    rule = "read.ambiguous";
    std::string alt;
    for (int k : skips[scored[rival].index]) alt += (alt.empty() ? "" : ", ") + grid->rows[k].label;
    doubt = "the OCR text printed labels and figures apart (" + how +
            "); two pairings of labels with figures satisfy the checks equally (the other leaves without figures: " +
            alt + ")";
  } else {
    rule = "read.pairing";
    doubt = "the OCR text printed labels and figures apart (" + how + "); labels paired with figures by order" +
            (best.fails == 0 && best.holds > 0 ? std::string(", chosen by the sums")
             : best.fails == 0                  ? std::string(", no sum checks the pairing")
                                                : std::string(", no pairing satisfies the sums"));
  }
  for (GridRow& r : grid->rows) {
    bool any = false;
    for (const GridCell& c : r.cells) any = any || c.present;
    if (!any) continue;
    r.doubt_rule = rule;
    r.doubt = doubt;
    // (A label in doubt outweighs the pairing's, which the sums clear.)
    if (!side_heads.empty() && !tie) {
      r.label = LabelWithoutSideText(r.label);
      r.doubt_rule = "read.side_text";
      r.doubt = "the label column's head names a text column beside it ('" + side_heads +
                "'); without positions the label may hold that column's text";
    }
  }
  return true;
}

// Places a column that holds fewer figures than the table's filled rows
// (`figures`, under `header`) into `grid`, paired by `PairLabelBlock` from
// its fuller columns: a balance sheet's prior year has a long-term loan the
// current year does not ("Skulder till kreditinstitut" empty in 2023), and
// the dump prints each column's figures one a line with no gap where a cell
// is empty. Every way to leave `filled - figures.size()` of the filled rows
// empty in this column is read; the reading goes in only when it adds a
// holding sum check, fails none the table did not fail already, and no
// other reading does as well. False (grid unchanged) otherwise.
bool PlaceShortColumn(const std::string& header, const std::vector<std::string>& figures, size_t at_column,
                      const TableContext& ctx, Grid* grid) {
  std::vector<int> filled;
  for (size_t r = 0; r < grid->rows.size(); ++r) {
    bool any = false;
    for (const GridCell& c : grid->rows[r].cells) any = any || c.present;
    if (any) filled.push_back(static_cast<int>(r));
  }
  if (figures.size() < 2 || figures.size() >= filled.size() || filled.size() - figures.size() > 3) return false;
  auto score = [&](const Grid& g, int* holds, int* fails) {
    FinancialTable t;
    if (!InterpretGrid(g, ctx, &t)) return false;
    *holds = *fails = 0;
    for (const Constraint& c : TableConstraints(t)) {
      std::optional<double> res = Residual(t, c);
      if (!res) continue;
      (WithinTolerance(c, *res) ? *holds : *fails)++;
    }
    return true;
  };
  int base_holds = 0, base_fails = 0;
  if (!score(*grid, &base_holds, &base_fails)) return false;
  std::vector<std::vector<int>> skips;
  std::vector<int> cur;
  Combinations(static_cast<int>(filled.size()), static_cast<int>(filled.size() - figures.size()), 0, cur, &skips);
  auto build = [&](const std::vector<int>& skip) {
    Grid g = *grid;
    const size_t col = std::min(at_column, g.headers.size());
    g.headers.insert(g.headers.begin() + static_cast<long>(col), header);
    size_t f = 0;
    for (size_t k = 0; k < g.rows.size(); ++k) {
      GridRow& row = g.rows[k];
      row.cells.resize(g.headers.size() - 1);
      row.cells.insert(row.cells.begin() + static_cast<long>(col), GridCell{});
      const auto at = std::find(filled.begin(), filled.end(), static_cast<int>(k));
      if (at == filled.end() || std::binary_search(skip.begin(), skip.end(), static_cast<int>(at - filled.begin())))
        continue;
      GridCell& gc = row.cells[col];
      gc.present = true;
      gc.text = figures[f++];
      gc.prov = row.prov;
      gc.prov.raw_text = gc.text;
      gc.prov.confidence = 0.8;
      row.raw_numbers += (row.raw_numbers.empty() ? "" : " ") + gc.text;
    }
    return g;
  };
  int best = -1, best_holds = 0, best_fails = 0, ties = 0;
  for (size_t s = 0; s < skips.size(); ++s) {
    int holds = 0, fails = 0;
    if (!score(build(skips[s]), &holds, &fails)) continue;
    if (best >= 0 && fails == best_fails && holds == best_holds) {
      ++ties;
    } else if (best < 0 || fails < best_fails || (fails == best_fails && holds > best_holds)) {
      best = static_cast<int>(s), best_holds = holds, best_fails = fails, ties = 0;
    }
  }
  if (best < 0 || ties > 0 || best_fails > base_fails || best_holds <= base_holds) return false;
  *grid = build(skips[best]);
  return true;
}

// Whether words[k] opens the text of a side column that a dump printed
// after the row's label (see LabelWithoutSideText): a capitalised word that
// starts an organisation (a name before "kommun"/"stad", "Region <Name>",
// "Förbundet", the two agencies even misspelt), a capitalised genitive
// whose "kommun"/"stad" wrapped away before a target group
// ("Helsingborgs 18-29 år"), a target group's head word or age span
// ("Unga", "Personer", "Sjukskrivna", "16-29 år"), or the first of a list
// of places ("Kinda, Boxholm"). Lower-case words open none: they go on a
// label.
bool SideTextStartsAt(const std::vector<std::string>& words, size_t k) {
  auto capital = [](const std::string& w) {
    return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') ||
                          (static_cast<unsigned char>(w[0]) == 0xC3 && w.size() > 1 &&
                           (static_cast<unsigned char>(w[1]) == 0x85 || static_cast<unsigned char>(w[1]) == 0x84 ||
                            static_cast<unsigned char>(w[1]) == 0x96)));
  };
  auto age_span = [&](size_t q) {
    return q + 1 < words.size() && RE2::FullMatch(words[q], "\\d{1,2}\\s*[-\\x{2013}\\x{2014}]\\s*\\d{2}"_re) &&
           RE2::FullMatch(FoldKey(words[q + 1]), "ar[.,]?"_re);
  };
  auto target_head = [&](size_t q) {
    return q < words.size() &&
           ((capital(words[q]) &&
             RE2::FullMatch(FoldKey(words[q]),
                            "unga|ungdomar|personer|individer|deltagare|kvinnor|man|foraldrar|familjer|nyanlanda|"
                            "utrikes|utrikesfodda|sjukskrivna|langtidssjukskrivna|arbetslosa|langtidsarbetslosa|"
                            "arbetssokande|alla|vuxna|personal|medarbetare|elever|invandrare"_re)) ||
            age_span(q));
  };
  const std::string& w = words[k];
  if (target_head(k)) return true;
  if (!capital(w)) return false;
  const std::string f = FoldKey(w);
  const std::string next = k + 1 < words.size() ? FoldKey(words[k + 1]) : "";
  if (RE2::FullMatch(next, "kommuns?|stad|stads"_re)) return true;
  // A name of two words whose first is a direction ("Östra Göinge kommun",
  // "Norra Västmanlands …").
  if (RE2::FullMatch(f, "ostra|vastra|norra|sodra|mellersta|ovre|nedre|stora|lilla"_re) && k + 2 < words.size() &&
      capital(words[k + 1]) && RE2::FullMatch(FoldKey(words[k + 2]), "kommuns?|stad|stads"_re))
    return true;
  if (f == "region" && k + 1 < words.size() && capital(words[k + 1])) return true;
  if (RE2::FullMatch(f, "(samordnings)?forbundet|f\\pL{0,2}rs\\pL?kringskass\\pL*|arbetsf\\pL{0,2}rmedl\\pL*"_re))
    return true;
  if (f.size() >= 5 && f.back() == 's' && target_head(k + 1)) return true;
  return w.size() > 2 && w.back() == ',' && k + 1 < words.size() && capital(words[k + 1]);
}

// A row label that swallowed the text columns between it and the values
// (under "Insats Huvudman Löptid Budget 2027"), as a dump prints them: the
// label's words, the huvudman's first line, the period, then the rest of
// a wrapped huvudman ("Jobbcentrum Linköping Linköpings 2025-2028
// kommun"). Where the words just before the period and the wrapped rest
// name one organisation we know the shape of (LooksLikeOrganisation: the
// shortest such run; or "Region" alone, its name on a line OCR set apart),
// the label is the words before it; otherwise it stays as it is (a list of
// places, "Kinda, Boxholm och Ödeshög", is not known here). The row is
// `read.side_text` suspect either way.
std::string LabelWithoutSideText(const std::string& label) {
  static const RE2 kPeriod("(19|20)\\d\\d\\s*[-\\x{2013}]\\s*((19|20)?\\d\\d)");
  std::vector<std::string> words = Tokens(label);
  const size_t p = std::find_if(words.begin(), words.end(),
                                [](const std::string& w) { return RE2::FullMatch(w, kPeriod); }) -
                   words.begin();
  auto join = [&](size_t from, size_t to) {  // words [from, to) with single spaces
    std::string s;
    for (size_t q = from; q < to; ++q) s += (s.empty() ? "" : " ") + words[q];
    return s;
  };
  if (p > 0 && p < words.size()) {
    const std::string rest = p + 1 < words.size() ? " " + join(p + 1, words.size()) : "";
    for (size_t k = p; k-- > 1 && p - k <= 4;) {
      const std::string org = join(k, p);
      // "Region" alone before the period: its name went to a line of its own.
      if (LooksLikeOrganisation(org + rest) || (k + 1 == p && FoldKey(org) == "region")) return join(0, k);
    }
  }
  // Otherwise the first word after the label's first that opens a text
  // cell of a shape we know (SideTextStartsAt): a huvudman ("Haninge
  // kommun", "Region Skåne", "Förbundet"), a target group ("Unga 16-29 år",
  // "Personer med …", "Långtidssjukskrivna") or a list of places ("Kinda,
  // Boxholm …"). A name the insats shares with such words is only cut after
  // its first word ("Unga vuxna i Nässjö Unga 18-29 år").
  for (size_t k = 1; k < words.size(); ++k)
    if (SideTextStartsAt(words, k)) return join(0, k);
  return label;
}

// A caption that names its unit in brackets ("Medlemsavgifter (tkr)"):
// after another table's labels it starts the next table's, since a row
// never carries its own unit. `unit` receives the bracket's text.
bool UnitCaption(const std::string& clean, const std::vector<std::string>& toks, std::string* unit) {
  // A ratio's unit ("Sparande per kvm (kr/kvm)") names a row's, not a table's.
  return RE2::FullMatch(clean, "\\pL[^()]{2,48}\\(([^()]{2,24})\\)"_re, unit) && DetectMoneyUnit(*unit) &&
         unit->find('/') == std::string::npos && FiguresStart(toks) == toks.size();
}

// A table printed with its years down the side, as a dump gives it: a
// header of measures each starting with a capital ("År Intäkter Kostnader
// Årets resultat Eget kapital"), then three or more lines of a year and
// figures that group one way only into as many columns as the header names
// measures, the years one apart in one direction. The grid is turned: the
// years head its columns, the measures are its rows (the layout reader's
// TurnYearRows). `*end` is the first line after it.
bool ReadYearRowsTable(const std::vector<const Line*>& lines, const std::vector<int>& pages, size_t start,
                       const TextTableParams& tp, Grid* grid, size_t* end) {
  std::vector<std::string> head = OcrTokens(CleanCellText(lines[start]->text));
  if (head.size() < 3) return false;
  for (const std::string& t : head)
    if (HasDigit(t)) return false;
  // Measures: a capital starts each; a first word over the years ("År") is
  // the label column's head when the names are one more than the columns.
  std::vector<std::string> names;
  for (const std::string& t : head) {
    size_t at = 0;
    const char32_t c = NextCodePoint(t, &at);
    const bool capital = (c >= 'A' && c <= 'Z') || c == U'Å' || c == U'Ä' || c == U'Ö';
    if (capital || names.empty()) names.push_back(t);
    else names.back() += " " + t;
  }
  struct YearRow {
    size_t line;
    int year;
    std::vector<std::string> figures;
    std::vector<bool> guessed;  // per figure: another grouping reads it otherwise
    std::string kind;           // "prognos" for "2026 (prognos)", w39; else ""
    int garbled = -1;           // the column of a token OCR garbled past reading, or -1
  };
  std::vector<YearRow> rows;
  size_t j = start + 1;
  for (; j < lines.size() && pages[j] == pages[start] && rows.size() < 15; ++j) {
    const std::string clean = CleanCellText(lines[j]->text);
    if (clean.empty()) continue;
    std::vector<std::string> toks = OcrTokens(clean);
    if (toks.size() < 3 || !IsYearToken(toks[0])) break;
    const int year = std::stoi(toks[0].substr(0, 4));
    if (!rows.empty()) {
      const int d = year - rows.back().year;
      if ((d != 1 && d != -1) || (rows.size() >= 2 && d != rows.back().year - rows[rows.size() - 2].year)) break;
    }
    // A year with its kind ("2026 (prognos)": the forecast under outcomes).
    std::string kind;
    if (toks.size() > 3 &&
        RE2::FullMatch(FoldKey(toks[1]), "[(\\[]?(prognos|budget|utfall|plan|bokslut)[)\\]]?"_re, &kind))
      toks.erase(toks.begin() + 1);
    std::vector<std::string> nums(toks.begin() + 1, toks.end());
    // Figures of a row group the way whose sizes are closest ("11 200 -10
    // 950 250 3 900": 11 200 | -10 950 | 250 | 3 900, not 11 | 200 | -10 950
    // 250 | 3 900); the table is kept only where its sums hold
    // (confirm_by_sums).
    const size_t cols = rows.empty() ? names.size() - (names.size() >= 2 ? 1 : 0) : rows.front().figures.size();
    std::vector<std::vector<std::string>> gs = GroupNumberTokens(nums, static_cast<int>(cols), 16);
    if (gs.empty() && rows.empty()) gs = GroupNumberTokens(nums, static_cast<int>(names.size()), 16);
    const std::vector<std::string>* pick = ClosestInSize(gs);
    // One token OCR garbled past reading ("5 200 5 090 no 1370": 110 read
    // "no", w39): a cell of its own, the figures either side grouped into
    // the columns left, where exactly one split fits; the sums read it.
    std::vector<std::string> mended;
    int garbled_at = -1;
    if (!pick && !rows.empty()) {
      size_t bad = nums.size(), bads = 0;
      for (size_t k = 0; k < nums.size(); ++k)
        if (!IsNumberish(nums[k])) bad = k, ++bads;
      int fits = 0;
      for (size_t a = 0; bads == 1 && a < cols; ++a) {
        const std::vector<std::string> left(nums.begin(), nums.begin() + static_cast<long>(bad));
        const std::vector<std::string> right(nums.begin() + static_cast<long>(bad) + 1, nums.end());
        const size_t b = cols - 1 - a;
        std::vector<std::vector<std::string>> gl = a ? GroupNumberTokens(left, static_cast<int>(a), 16)
                                                     : std::vector<std::vector<std::string>>{};
        std::vector<std::vector<std::string>> gr = b ? GroupNumberTokens(right, static_cast<int>(b), 16)
                                                     : std::vector<std::vector<std::string>>{};
        if ((a && gl.size() != 1) || (!a && !left.empty()) || (b && gr.size() != 1) || (!b && !right.empty())) continue;
        ++fits;
        mended.clear();
        if (a) mended = gl.front();
        mended.push_back(nums[bad]);
        if (b) mended.insert(mended.end(), gr.front().begin(), gr.front().end());
        garbled_at = static_cast<int>(a);
      }
      if (fits == 1) pick = &mended;
    }
    if (!pick) break;
    rows.push_back({j, year, *pick, std::vector<bool>(pick->size(), false), kind});
    if (garbled_at >= 0 && pick == &mended) rows.back().garbled = garbled_at;
    // A figure another grouping reads otherwise is a guess: in doubt.
    for (const auto& other : gs)
      for (size_t c = 0; c < pick->size() && c < other.size(); ++c)
        if (other[c] != (*pick)[c]) rows.back().guessed[c] = true;
  }
  if (rows.size() < 3) return false;
  const size_t ncols = rows.front().figures.size();
  if (ncols + 1 == names.size()) names.erase(names.begin());  // "År": the years' head
  if (names.size() != ncols) return false;
  Grid g;
  g.title = FindTitle(lines, start, tp);
  g.page = g.last_page = pages[start];
  g.confirm_by_sums = true;
  for (const YearRow& r : rows) g.headers.push_back((r.kind.empty() ? "" : r.kind + " ") + std::to_string(r.year));
  for (size_t c = 0; c < ncols; ++c) {
    GridRow row;
    row.label = names[c];
    row.prov = ProvFor(*lines[start], pages[start], 0, static_cast<int>(lines[start]->text.size()), lines[start]->text);
    for (const YearRow& r : rows) {
      GridCell cell;
      cell.present = true;
      cell.text = r.figures[c];
      cell.prov = ProvFor(*lines[r.line], pages[r.line], 0, static_cast<int>(lines[r.line]->text.size()),
                          lines[r.line]->text);
      if (r.guessed[c]) {
        cell.doubt_rule = "read.grouping";
        cell.doubt = "the year's figures '" + CleanCellText(lines[r.line]->text) +
                     "' group more than one way; read as the way whose sizes are closest";
      }
      if (r.garbled == static_cast<int>(c)) {
        cell.doubt_rule = "read.grouping";
        cell.doubt = "'" + r.figures[c] + "' among the year's figures '" + CleanCellText(lines[r.line]->text) +
                     "' is no figure: read as this column's cell, the figures around it grouped into the others";
      }
      row.cells.push_back(std::move(cell));
    }
    g.rows.push_back(std::move(row));
  }
  *grid = std::move(g);
  *end = rows.back().line + 1;
  return true;
}

// Tries a label block starting at line `start`; on success fills `grid` and
// sets `*end` to the first line after the table.
bool ReadBlockTable(const std::vector<const Line*>& lines, const std::vector<int>& pages, size_t start,
                    const std::string& doc_kind, const TextTableParams& tp, Grid* grid, size_t* end) {
  std::vector<BlockLine> labels;
  size_t j = start;
  for (; j < lines.size(); ++j) {
    std::string clean = CleanCellText(lines[j]->text);
    if (clean.empty()) continue;
    if (lines[j]->text.find('\t') != std::string::npos) return false;
    std::vector<std::string> toks = OcrTokens(clean);
    if (toks.empty()) continue;
    // The page's number between labels and figures ("7 (15)"), the Not
    // references printed as a block ("Not 2", "Not 3, 4") and the running
    // foot ("Sida 8 av 17") are no labels and start no figures.
    if (RE2::FullMatch(FoldKey(clean), "not\\.? ?\\d{1,2}([ ,.-]+\\d{1,2})*|sida \\d+( av \\d+)?|\\d{1,3} \\(\\d{1,3}\\)"_re))
      continue;
    if (StartsTheFigures(toks)) break;
    if (IsNoteYearsHead(toks) || IsDaysLine(toks)) break;  // the figure rows' head
    // The Not column's head after the labels ("Not"): its references come
    // as a block of their own, no row of this table.
    if (toks.size() == 1 && IsNoteWord(toks[0])) continue;
    // A label that ends in its note reference ("Skulder till
    // kreditinstitut 9", "Byggnader och mark 4,5"): the figures come
    // apart, so a label's lone one- or two-digit end is its note.
    while (toks.size() >= 2 && FiguresStart(toks) + 1 == toks.size() &&
           RE2::FullMatch(toks.back(), "\\d{1,2}(,\\d{1,2})*,?"_re) && RE2::PartialMatch(toks[toks.size() - 2], "\\pL"_re))
      toks.pop_back();
    // A label with figures: not this layout (a written date's day and year
    // are no figures: prose, below).
    const bool date_line = IsDateLine(clean);
    if (FiguresStart(toks) != toks.size() && !date_line) return false;
    // (A statement's long labels are no prose: "Likvida medel och
    // avräkningskonto vid årets slut", "Justeringar för poster som inte
    // ingår i kassaflödet" — seven or eight words, no full stop.)
    if (toks.size() > 9 || clean.back() == '.' || clean.back() == ':' || date_line) {
      // Prose after the labels: the key ratios' definitions a
      // flerårsöversikt prints beside its table, which the segmentation
      // set between the labels and the year columns ("Soliditet (%)" /
      // "Eget kapital i relation till balansomslutning."). The figures
      // follow under a column head further down the page; the defined
      // term over the first sentence is no label. Or the place and date
      // the document is signed with, and the signature, which the
      // segmentation set before the last column's block (w48).
      size_t head = j + 1;
      std::string h;
      while (head < lines.size() && head < j + 60 && pages[head] == pages[j] &&
             !ColumnHeadLine(OcrTokens(CleanCellText(lines[head]->text)), &h))
        ++head;
      if (labels.size() < 3 || head >= lines.size() || head >= j + 60 || pages[head] != pages[j]) return false;
      size_t paragraph = j;
      while (paragraph > start && !CleanCellText(lines[paragraph - 1]->text).empty()) --paragraph;
      while (!labels.empty() && labels.back().index >= paragraph) labels.pop_back();
      // The term a definition explains repeats a label ("Nettoomsättning"
      // under "Nettoomsättning, tkr"), a blank line above its sentence.
      auto joined = [](const BlockLine& b) {
        std::string t;
        for (const std::string& w : b.toks) t += (t.empty() ? "" : " ") + w;
        return FoldKey(t);
      };
      while (labels.size() > 1) {
        const std::string term = joined(labels.back());
        bool repeats = false;
        for (size_t k = 0; k + 1 < labels.size() && !repeats; ++k) repeats = joined(labels[k]).rfind(term, 0) == 0;
        if (!repeats) break;
        labels.pop_back();
      }
      j = head;
      break;
    }
    // A second caption after labels: two tables' labels, then their
    // figures (ReadInterleavedBlockTables pairs them by the sums).
    if (std::string unit; labels.size() >= 2 && UnitCaption(clean, toks, &unit)) return false;
    if (labels.size() >= 2 && clean.size() < 40 && !IsSumLabel(clean) &&
        RE2::PartialMatch(FoldKey(clean), "^(resultatrakning|balansrakning|kassaflodesanalys)"_re))
      return false;
    // A label wrapped in its cell goes on in small letters on the next
    // line ("Årsavgift per kvm upplåten med" / "bostadsrätt (kr/kvm)").
    if (!labels.empty() && labels.back().index + 1 == j && !clean.empty() && clean[0] >= 'a' && clean[0] <= 'z') {
      labels.back().toks.insert(labels.back().toks.end(), toks.begin(), toks.end());
      continue;
    }
    labels.push_back({j, toks});
  }
  if (labels.size() < 3 || j >= lines.size()) return false;
  // The figures: column by column (a column's head, then one figure a
  // line) or rows of figures under one year line. `years` holds the heads
  // as printed ("2025", "Budget 2025", "Avvikelse").
  std::vector<std::string> years;
  std::vector<std::vector<std::string>> columns;  // column mode
  std::vector<NumberLine> rows;                   // row mode
  std::vector<size_t> row_line;
  bool column_mode = false, row_mode = false, note_rows = false;
  int column_page = -1;
  std::vector<std::string> toks;
  // A column head that is a period's first day ("2023-01-01") may carry
  // its last day on the next line ("-2023-12-31"): one head.
  // The first row's note reference may stand before it ("1 -2023-12-31"
  // under "Not 2023-01-01"): OCR set it on the head's second line.
  static const RE2 kPeriodEnd("(?:\\d{1,2}\\s+)?[-–—]\\s*((?:19|20)\\d\\d-\\d\\d-\\d\\d)");
  std::string period_end;
  for (; NextBlockTokens(lines, tp, &j, &toks); ++j) {
    std::string head;
    if (ColumnHeadLine(toks, &head)) {
      if (row_mode) break;
      column_mode = true;
      years.push_back(head);
      columns.emplace_back();
      column_page = pages[j];
      continue;
    }
    // A column printed one figure a line ends on its head's page: what the
    // next page opens with (its running head's organisation number,
    // "769629-0134") is no figure of it.
    if (column_mode && pages[j] != column_page) break;
    const std::string line_text = CleanCellText(lines[j]->text);
    if (column_mode && columns.back().empty() && RE2::FullMatch(years.back(), "(19|20)\\d\\d-\\d\\d-\\d\\d"_re) &&
        RE2::FullMatch(line_text, kPeriodEnd, &period_end)) {
      years.back() += " - " + period_end;
      continue;
    }
    // A scrap under a column's head ("Not 2023-12-31" over "an": the Not
    // column's references read as letters): no figure, and the column goes on.
    if (column_mode && columns.back().empty() && line_text.size() <= 3 && !HasDigit(line_text)) continue;
    if (IsYearLine(toks)) {
      if (row_mode || column_mode) break;
      row_mode = true;
      for (const std::string& t : toks) years.push_back(t.substr(0, 4));
      continue;
    }
    // The figure rows' head with a Not column before the years or periods
    // ("Not 2022-01-01 2021-01-01", the periods' last days on the next
    // line): each row may then open with its note reference.
    if (!row_mode && !column_mode && (IsNoteYearsHead(toks) || IsDaysLine(toks))) {
      row_mode = true;
      note_rows = IsNoteYearsHead(toks);
      years.assign(toks.begin() + (note_rows ? 1 : 0), toks.end());
      std::vector<std::string> ends;
      if (j + 1 < lines.size() && PeriodEndsLine(*lines[j + 1], years.size(), &ends)) {
        for (size_t k = 0; k < years.size(); ++k) years[k] += " - " + ends[k];
        ++j;
      }
      continue;
    }
    // The Not column's references as a block of their own before the
    // first column's head ("Not", then "10"): no figures of the table.
    if (years.empty() && RE2::FullMatch(FoldKey(line_text), "(not\\.? ?)?\\d{1,2}([ ,;.-]+\\d{1,2})*"_re)) continue;
    if (years.empty()) return false;
    // A row fills every year when it can ("691 765 729 323" under two
    // years is two figures, not one of twelve digits).
    NumberLine nl;
    if (row_mode) nl = ReadNumberLineOf(toks, static_cast<int>(years.size()));
    if (nl.cells.empty()) nl = ReadNumberLine(toks, column_mode ? 1 : static_cast<int>(years.size()));
    // Under a Not column a row's first one- or two-digit token that no
    // thousands group follows is its note reference, when the rest fills
    // the columns ("3 2 582 860 2 565 302").
    const bool note_head = note_rows && toks.size() > 1 && RE2::FullMatch(toks[0], "\\d{1,2}"_re) &&
                           !RE2::FullMatch(toks[1], "\\d{3}"_re);
    const std::vector<std::string> figures(toks.begin() + (note_head ? 1 : 0), toks.end());
    if (note_head) {
      NumberLine rest = ReadNumberLineOf(figures, static_cast<int>(years.size()));
      if (rest.cells.size() == years.size()) nl = rest;
    }
    // A row whose figure lost its first thousands space ("2 593 520
    // 2576 752"): its four-digit head joined with the group after it.
    if (nl.cells.empty() && row_mode) {
      NumberLine joined = ReadNumberLineOf(JoinLongHeads(figures), static_cast<int>(years.size()));
      if (joined.cells.size() == years.size()) nl = joined;
    }
    // A column's lone figure whose first thousands space OCR read as a
    // dash ("2-127 333" for 2 127 333): read with the space; the pairing
    // stays in doubt until the sums confirm it.
    static const RE2 kDashedHead("(-?\\d{1,3})[-–](\\d{3}(?: \\d{3})*)");
    std::string head_digits, rest_digits;
    if (nl.cells.empty() && column_mode &&
        RE2::FullMatch(line_text, kDashedHead, &head_digits, &rest_digits))
      nl = ReadNumberLine(OcrTokens(head_digits + " " + rest_digits), 1);
    // A figure under a Not column that opens with its note reference ("8
    // 43 575 000"): the rest, when it is one figure and the whole is none.
    if (nl.cells.empty() && column_mode && toks.size() >= 3 && RE2::FullMatch(toks[0], "\\d{1,2}"_re)) {
      NumberLine rest = ReadNumberLine(std::vector<std::string>(toks.begin() + 1, toks.end()), 1);
      if (rest.cells.size() == 1) nl = rest;
    }
    // A column's figure whose last thousands space OCR lost ("411 117000"):
    // the six-digit run is two groups; the pairing's sums confirm it.
    if (nl.cells.empty() && column_mode && toks.size() == 2 && UnspacedRunAfterHead(toks, 1, 6))
      nl = ReadNumberLine(SplitSixDigitRuns(toks), 1);
    // A minus read as a tilde ("~862 409"): the same doubt.
    std::string tilde_rest;
    if (nl.cells.empty() && column_mode && RE2::FullMatch(line_text, "~\\s?(\\d.*)"_re, &tilde_rest))
      nl = ReadNumberLine(OcrTokens("-" + tilde_rest), 1);
    // A figure OCR garbled past reading ("E229 S58") keeps its place in the
    // column, so that the figures after it still pair with their labels;
    // the repair stage reads it by the sums or flags it unreadable.
    if (nl.cells.empty() && column_mode && !columns.back().empty()) {
      int digits = 0, others = 0, run = 0, longest_run = 0;
      for (char c : line_text) {
        if (c == ' ') {
          run = 0;
          continue;
        }
        const bool digit = c >= '0' && c <= '9';
        digits += digit;
        others += !digit;
        run = std::isalpha(static_cast<unsigned char>(c)) ? run + 1 : 0;
        longest_run = std::max(longest_run, run);
      }
      if (line_text.size() <= 16 && digits >= 3 && digits >= 2 * others && longest_run <= 1) nl.cells = {line_text};
    }
    if (nl.cells.empty() && column_mode && columns.back().size() >= 2) {
      // Between two columns' blocks: the Not column's references ("6
      // (13)") or other scraps. The figures go on when a column head
      // follows within a few lines.
      // Or the key ratios' definitions set between the columns: the next
      // head on the same page.
      // (Only on the labels' page: a column block never runs on to the
      // next page's statement.)
      constexpr size_t kMaxBetween = 40;
      const int page = pages[labels.back().index];
      size_t q = j + 1, seen = 0;
      std::string h;
      std::vector<std::string> next;
      while (pages[j] == page && seen < kMaxBetween && NextBlockTokens(lines, tp, &q, &next) && pages[q] == page &&
             !ColumnHeadLine(next, &h))
        ++q, ++seen;
      if (pages[j] == page && q < lines.size() && seen < kMaxBetween && pages[q] == page && ColumnHeadLine(next, &h)) {
        j = q - 1;
        continue;
      }
    }
    if (nl.cells.empty()) break;
    if (column_mode) {
      columns.back().push_back(nl.cells[0]);
    } else {
      rows.push_back(nl);
      row_line.push_back(j);
    }
  }
  *end = j;
  if (years.size() < 2 && !(column_mode && years.size() == 1)) return false;
  std::vector<std::string> all_years;
  std::vector<std::vector<std::string>> all_columns;
  std::vector<size_t> short_columns;
  if (column_mode) {
    // Columns whose figure count differs from the fullest column cannot be
    // placed by order: they are placed by the sums after the others
    // (PlaceShortColumn), or left out.
    size_t m = 0;
    for (const auto& c : columns) m = std::max(m, c.size());
    if (m == 0) return false;
    std::vector<std::string> kept_years;
    std::vector<std::vector<std::string>> kept;
    all_years = years;
    all_columns = columns;
    for (size_t c = 0; c < columns.size(); ++c)
      if (columns[c].size() == m) {
        kept_years.push_back(years[c]);
        kept.push_back(columns[c]);
      } else {
        short_columns.push_back(c);
      }
    years = kept_years;
    rows.clear();
    for (size_t r = 0; r < m; ++r) {
      NumberLine nl;
      nl.groupings = 1;
      for (const auto& c : kept) nl.cells.push_back(c[r]);
      rows.push_back(nl);
    }
  }
  std::string title = FindTitle(lines, labels[0].index, tp);
  if (!PairLabelBlock(lines, pages, std::move(labels), years, rows, column_mode, title, *end, doc_kind, grid))
    return false;
  grid->cell_unit = CellUnitOfCells(*grid);
  TableContext ctx;
  ctx.doc_kind = doc_kind;
  // Each at its printed place among the columns placed so far.
  std::vector<bool> placed(all_columns.size(), false);
  for (size_t c = 0; c < all_columns.size(); ++c) placed[c] = all_columns[c].size() == rows.size();
  for (size_t c : short_columns) {
    const size_t at = static_cast<size_t>(std::count(placed.begin(), placed.begin() + static_cast<long>(c), true));
    placed[c] = PlaceShortColumn(all_years[c], all_columns[c], at, ctx, grid);
  }
  return true;
}

// --- The first column beside the labels, the others column by column ---
// Tesseract's automatic segmentation reads a table laid out with tab stops
// (no ruling) as its label column with the first value column still beside
// it ("Forsakringskassan 1550") under that column's header ("Utfall" over
// "2024"), and each further column later as a block of its own: its header,
// then one figure a line ("Budget", "2025", "1 600", ...). The blocks of two
// such tables on one page come interleaved, and prose may sit between. A
// block belongs to the table when its header has the shape of the first
// column's (a kind and a year, or a year alone) and it holds exactly as many
// figures as the table has rows with a figure; its figures pair with those
// rows by order. The rows carry a doubt: the repair stage clears each figure
// the sums confirm and flags the rest.

// A column header at line `k`: a kind line over a year line ("Budget",
// "2025"), both on one line, or a year alone. `*next` is the line after it.
bool ReadColumnHead(const std::vector<const Line*>& lines, size_t k, std::string* header, bool* kind,
                    size_t* next) {
  auto toks_at = [&](size_t q) { return JoinBrokenKinds(OcrTokens(CleanCellText(lines[q]->text))); };
  std::vector<std::string> toks = toks_at(k);
  if (OneLineColumnHead(toks, header, kind)) {
    *next = k + 1;
    return true;
  }
  if (toks.size() == 1 && RE2::FullMatch(toks[0], KindWordRe()) && k + 1 < lines.size()) {
    std::vector<std::string> years = toks_at(k + 1);
    if (years.size() == 1 && IsYearToken(years[0])) {
      *header = toks[0] + " " + years[0].substr(0, 4);
      *kind = true;
      *next = k + 2;
      return true;
    }
  }
  return false;
}

// A line of two or more column heads whose first is a kind with its year
// ("Utfall 2025 Avvikelse, tkr", "Utfall 2025 Prognos 2025"): the rest are
// head words only (kinds, years, comparisons, a unit). `*first` gets the
// first head.
bool GroupedColumnHeads(const Line& line, std::string* first) {
  std::vector<std::string> toks = JoinBrokenKinds(OcrTokens(CleanCellText(line.text)));
  if (toks.size() < 3 || toks.size() > 6) return false;
  bool kind = false;
  if (!OneLineColumnHead({toks[0], toks[1]}, first, &kind) || !kind) return false;
  bool named = false;  // another kind or comparison among the rest
  for (size_t k = 2; k < toks.size(); ++k) {
    std::string t = toks[k];
    if (t.size() > 1 && t.back() == ',') t.pop_back();
    const bool head = IsHeaderToken(t) && !IsYearToken(t);
    if (!head && !IsYearToken(t) && !RE2::FullMatch(t, "(?i)\\(?(tkr|kr|mkr|mnkr|%)\\)?"_re)) return false;
    named = named || head;
  }
  return named;
}

// Whether line `k` is a column header as ReadColumnHead reads one.
bool IsColumnHeadAt(const std::vector<const Line*>& lines, size_t k) {
  std::string header;
  bool kind = false;
  size_t next = 0;
  return ReadColumnHead(lines, k, &header, &kind, &next);
}

// A label without the cell border OCR read before it ("[Summa", "| Ovriga").
std::string WithoutLeadingBorders(std::string label) {
  while (!label.empty() && (label[0] == '[' || label[0] == '|' || label[0] == '{'))
    label = CleanCellText(label.substr(1));
  return label;
}

// The single figure of a line that holds nothing else, or "".
std::string LoneFigure(const Line& line) {
  std::string clean = CleanCellText(line.text);
  if (clean.empty() || line.text.find('\t') != std::string::npos) return "";
  NumberLine nl = ReadNumberLine(OcrTokens(clean), 1);
  return nl.cells.size() == 1 ? nl.cells[0] : "";
}

// The lines of up to `m` lone figures from line `q` on, all on page
// `page`: blank lines between them pass (fewer than
// tp.end_blank_lines_spaced in a row), any other line ends the run, and so
// does a line in `consumed` when one is given. `*next` gets the line the
// run stopped at.
std::vector<size_t> LoneFigureRun(const std::vector<const Line*>& lines, const std::vector<int>& pages, size_t q,
                                  int page, size_t m, const TextTableParams& tp, const std::set<size_t>* consumed,
                                  size_t* next) {
  std::vector<size_t> at;
  for (int gap = 0; q < lines.size() && pages[q] == page && at.size() < m; ++q) {
    if (consumed && consumed->count(q)) break;
    if (CleanCellText(lines[q]->text).empty()) {
      if (++gap >= tp.end_blank_lines_spaced) break;
      continue;
    }
    gap = 0;
    if (LoneFigure(*lines[q]).empty()) break;
    at.push_back(q);
  }
  *next = q;
  return at;
}

// A cell of figure `text`, printed alone on `line` of page `page` (a column
// block a dump printed apart from its table).
GridCell LoneFigureCell(const Line& line, int page, const std::string& text) {
  GridCell gc;
  gc.present = true;
  gc.text = text;
  gc.prov = ProvFor(line, page, 0, static_cast<int>(CodePointCount(line.text)), text);
  gc.prov.box = line.box;
  return gc;
}

bool ReadSplitColumnsTable(const std::vector<const Line*>& lines, const std::vector<int>& pages, size_t start,
                           const TextTableParams& tp, std::set<size_t>* consumed, Grid* grid, size_t* end) {
  std::string first_header, caption;
  bool with_kind = false;
  size_t j = 0;
  if (!ReadColumnHead(lines, start, &first_header, &with_kind, &j)) {
    // The table's caption with the first column's year on its line
    // ("Flerårsöversikt 2023"; the other years head their blocks below).
    std::vector<std::string> toks = OcrTokens(CleanCellText(lines[start]->text));
    if (toks.size() < 2 || !IsYearToken(toks.back())) return false;
    for (size_t q = 0; q + 1 < toks.size(); ++q) caption += (q ? " " : "") + toks[q];
    if (HasDigit(caption) || !IsTableHeading(caption)) return false;
    first_header = toks.back().substr(0, 4);
    j = start + 1;
  }
  struct BodyRow {
    size_t index;
    std::string label, figure;
  };
  std::vector<BodyRow> body;
  int blanks = 0;
  for (; j < lines.size(); ++j) {
    std::string clean = CleanCellText(lines[j]->text);
    if (clean.empty()) {
      if (++blanks >= tp.end_blank_lines_spaced) break;
      continue;
    }
    blanks = 0;
    if (lines[j]->text.find('\t') != std::string::npos) return false;
    if (IsColumnHeadAt(lines, j)) break;
    std::vector<std::string> toks = OcrTokens(clean);
    if (toks.empty()) continue;
    size_t first = FiguresStart(toks);
    if (first == 0) break;
    // A per-cent sign closing the label ("Soliditet, % 77") is the label's.
    if (first < toks.size() && first + 1 < toks.size() && toks[first] == "%") ++first;
    std::string label;
    for (size_t q = 0; q < first; ++q) label += (q ? " " : "") + toks[q];
    if (first == toks.size()) {
      bool sentence = clean.back() == '.' || clean.back() == ':' || toks.size() > 6;
      if (sentence) break;
      body.push_back({j, label, ""});
      continue;
    }
    NumberLine nl = ReadNumberLine(std::vector<std::string>(toks.begin() + first, toks.end()), 1);
    if (nl.cells.size() != 1) return false;  // a row of several figures: not this layout
    // A caption naming a column kind and a year ("Utfall mot budget 2025")
    // is the next table's, no row of this one.
    if (IsYearToken(nl.cells[0]) && NamesKindWord(label)) break;
    // A label wrapped in its cell goes on in small letters with the figure
    // ("Årsavgift per kvm upplåten med" / "bostadsrätt (kr/kvm) 741").
    if (!body.empty() && body.back().figure.empty() && !label.empty() && label[0] >= 'a' && label[0] <= 'z') {
      body.back().label += " " + label;
      body.back().index = j;
      body.back().figure = nl.cells[0];
      continue;
    }
    body.push_back({j, label, nl.cells[0]});
  }
  while (!body.empty() && body.back().figure.empty()) body.pop_back();
  size_t m = 0;
  for (const BodyRow& r : body) m += !r.figure.empty();
  if (m < 3) return false;
  const size_t body_end = body.back().index + 1;
  // The blocks: later on the same page, each with a head of the table's
  // shape and exactly m figures (a year after the m-th figure is the next
  // block's head; another figure means a longer column, not this table's).
  struct Block {
    std::string header;
    std::vector<size_t> figure_lines;
    size_t head, head_end;
  };
  std::vector<Block> blocks;
  std::set<std::string> seen{first_header};
  for (size_t k = body_end; k < lines.size() && pages[k] == pages[start]; ++k) {
    if (consumed->count(k)) continue;
    Block b;
    bool kind = false;
    bool grouped = false;
    if (!ReadColumnHead(lines, k, &b.header, &kind, &b.head_end) || kind != with_kind) {
      if (!with_kind || !GroupedColumnHeads(*lines[k], &b.header)) continue;
      // Several heads on one line ("Utfall 2025  Avvikelse, tkr"): the
      // first, a kind with its year, heads the next run of lone figures,
      // wherever the page sets it (prose and another table's rows between;
      // no other column's head).
      b.head_end = k + 1;
      grouped = true;
    }
    b.head = k;
    size_t q = b.head_end;
    if (grouped) {
      size_t seen = 0;
      while (q < lines.size() && pages[q] == pages[start] && seen < 40 && !consumed->count(q) &&
             LoneFigure(*lines[q]).empty() && !IsColumnHeadAt(lines, q))
        ++q, ++seen;
      if (q >= lines.size() || pages[q] != pages[start] || LoneFigure(*lines[q]).empty()) continue;
    }
    b.figure_lines = LoneFigureRun(lines, pages, q, pages[start], m, tp, nullptr, &q);
    if (b.figure_lines.size() != m || seen.count(b.header)) continue;
    // Past the m-th figure: a figure that is no next head means the column
    // is longer than the table.
    for (; q < lines.size() && CleanCellText(lines[q]->text).empty(); ++q) {
    }
    if (q < lines.size() && pages[q] == pages[start] && !LoneFigure(*lines[q]).empty() && !IsColumnHeadAt(lines, q))
      continue;
    seen.insert(b.header);
    blocks.push_back(b);
    k = b.figure_lines.back();
  }
  // Or the other columns as one block of rows under a line of their years
  // ("2024 2023 2022", then "11 640 11 200 10 950", ...): exactly m lines
  // of as many figures as years, each read one way only.
  std::vector<std::string> row_years;
  std::vector<size_t> row_lines;
  std::vector<std::vector<std::string>> row_cells;
  size_t row_head = 0;
  for (size_t k = body_end; blocks.empty() && !with_kind && k < lines.size() && pages[k] == pages[start]; ++k) {
    if (consumed->count(k)) continue;
    std::vector<std::string> toks = OcrTokens(CleanCellText(lines[k]->text));
    if (toks.size() < 2 || !IsYearLine(toks)) continue;
    std::vector<std::string> years;
    for (const std::string& t : toks) years.push_back(t.substr(0, 4));
    if (std::find(years.begin(), years.end(), first_header) != years.end()) continue;
    std::vector<size_t> at;
    std::vector<std::vector<std::string>> cells;
    size_t q = k + 1;
    for (int gap = 0; q < lines.size() && pages[q] == pages[start]; ++q) {
      std::string clean = CleanCellText(lines[q]->text);
      if (clean.empty()) {
        if (++gap >= tp.end_blank_lines_spaced) break;
        continue;
      }
      gap = 0;
      NumberLine nl = ReadNumberLineOf(OcrTokens(clean), static_cast<int>(years.size()));
      if (nl.cells.size() != years.size() || nl.groupings != 1) break;
      if (at.size() == m) {  // a longer block: another table's
        at.clear();
        break;
      }
      at.push_back(q);
      cells.push_back(nl.cells);
    }
    if (at.size() != m) continue;
    row_years = years;
    row_lines = at;
    row_cells = cells;
    row_head = k;
    break;
  }
  if (blocks.empty() && row_lines.empty()) return false;
  Grid g;
  g.title = caption.empty() ? FindTitle(lines, start, tp) : caption;
  g.headers.push_back(first_header);
  for (const Block& b : blocks) g.headers.push_back(b.header);
  for (const std::string& y : row_years) g.headers.push_back(y);
  g.page = g.last_page = pages[start];
  g.confidence = 0.8;
  const std::string doubt =
      "the OCR text printed the table's columns apart (the first beside the labels, the others under their own "
      "header further down); figures paired with labels by order";
  size_t r = 0;
  for (const BodyRow& br : body) {
    const Line& l = *lines[br.index];
    GridRow row;
    row.label = WithoutLeadingBorders(br.label);
    row.prov.page = pages[br.index];
    row.prov.line_index = l.index;
    row.prov.raw_text = l.raw;
    row.prov.box = l.box;
    row.cells.resize(g.headers.size());
    if (!br.figure.empty()) {
      auto put = [&](size_t c, size_t line, const std::string& text) {
        row.cells[c] = LoneFigureCell(*lines[line], pages[line], text);
        row.raw_numbers += (row.raw_numbers.empty() ? "" : " ") + text;
      };
      put(0, br.index, br.figure);
      for (size_t c = 0; c < blocks.size(); ++c) {
        size_t line = blocks[c].figure_lines[r];
        put(c + 1, line, LoneFigure(*lines[line]));
      }
      for (size_t c = 0; c < row_years.size(); ++c) put(c + 1, row_lines[r], row_cells[r][c]);
      row.groupings = 1;
      row.doubt_rule = "read.pairing";
      row.doubt = doubt;
      ++r;
    }
    g.rows.push_back(std::move(row));
  }
  for (const Block& b : blocks) {
    for (size_t q = b.head; q < b.head_end; ++q) consumed->insert(q);
    for (size_t q : b.figure_lines) consumed->insert(q);
  }
  if (!row_lines.empty()) consumed->insert(row_head);
  for (size_t q : row_lines) consumed->insert(q);
  *grid = std::move(g);
  *end = body_end;
  return true;
}

// --- Columns a dump printed apart from a one-column table ---
// psm 3 sets a borderless table's first column beside its labels and its
// other columns as blocks of lone figures further down the page, each
// under its head ("Insats Beviljat 2025" and its rows; later "Förbrukat
// 2025", a sentence, six figures; "Kvar", six figures), with other tables'
// blocks between them. ReadSplitColumnsTable reads such a table when its
// first column is headed on a line of its own; this is the same for a table
// the row reader read with one column. Only a list with a Summa line under
// its parts, where the table's own column sums, is extended, and only by a
// block of exactly as many figures whose last is the sum of the others: the
// arithmetic, not the order alone, pairs them (a block of the same size
// that does not sum is another table's). The cells are read.pairing doubts.

// A later column's head on a line of its own: heads only ("Förbrukat
// 2025", "Kvar", "Utfall 2025", "Avvikelse, tkr"), no per-cent or share
// column. `*head` gets the head without its unit.
bool LaterColumnHead(const Line& line, std::string* head) {
  const std::string clean = CleanCellText(line.text);
  if (clean.empty() || clean.size() > 40 || line.text.find('\t') != std::string::npos) return false;
  std::vector<std::string> toks = JoinBrokenKinds(OcrTokens(clean));
  if (toks.empty() || toks.size() > 4) return false;
  std::string out;
  bool named = false;  // a head word, not a year alone
  for (std::string t : toks) {
    if (t.size() > 1 && t.back() == ',') t.pop_back();
    if (RE2::FullMatch(FoldKey(t), "\\(?(tkr|kr|mkr|mnkr)\\)?"_re)) continue;
    if (!IsHeaderToken(t)) return false;
    named = named || !IsYearToken(t);
    out += (out.empty() ? "" : " ") + t;
  }
  if (!named) return false;
  *head = out;
  return true;
}

void AppendLaterColumnBlocks(const std::vector<const Line*>& lines, const std::vector<int>& pages, size_t end,
                             const TextTableParams& tp, std::set<size_t>* consumed, Grid* g) {
  if (g->headers.size() != 1 || end == 0 || end > lines.size()) return;
  std::vector<size_t> fig_rows;
  std::vector<double> own;
  for (size_t r = 0; r < g->rows.size(); ++r) {
    const GridRow& row = g->rows[r];
    if (row.cells.size() != 1 || !row.cells[0].present) continue;
    std::optional<double> v = ParseAmount(row.cells[0].text);
    if (!v) return;
    fig_rows.push_back(r);
    own.push_back(*v);
  }
  const size_t m = fig_rows.size();
  if (m < 3 || fig_rows.back() + 1 != g->rows.size() || !IsSumLabel(g->rows[fig_rows.back()].label)) return;
  auto sums = [m](const std::vector<double>& v) {
    double parts = 0;
    for (size_t q = 0; q + 1 < m; ++q) parts += v[q];
    return std::abs(parts - v[m - 1]) < 0.5 && v[m - 1] != 0;
  };
  if (!sums(own)) return;
  const int page = pages[end - 1];
  const std::string doubt =
      "the OCR text printed this column apart from its table (under its own head further down the page); its "
      "figures paired with the labels by order, and their sum is the table's Summa";
  for (size_t k = end; k < lines.size() && pages[k] == page; ++k) {
    std::string head;
    if (consumed->count(k) || !LaterColumnHead(*lines[k], &head)) continue;
    // A sentence or two may stand between the head and its figures.
    size_t q = k + 1;
    for (int text = 0; q < lines.size() && pages[q] == page && !consumed->count(q); ++q) {
      const std::string clean = CleanCellText(lines[q]->text);
      if (clean.empty()) continue;
      if (!LoneFigure(*lines[q]).empty() || IsColumnHeadAt(lines, q) || ++text > 2) break;
    }
    const std::vector<size_t> at = LoneFigureRun(lines, pages, q, page, m, tp, consumed, &q);
    if (at.size() != m) continue;
    std::vector<std::string> figs;
    std::vector<double> v;
    for (size_t a : at) {
      figs.push_back(LoneFigure(*lines[a]));
      if (std::optional<double> value = ParseAmount(figs.back())) v.push_back(*value);
    }
    if (v.size() != m || !sums(v)) continue;
    g->headers.push_back(head);
    for (size_t i = 0; i < m; ++i) {
      GridRow& row = g->rows[fig_rows[i]];
      row.cells.push_back(LoneFigureCell(*lines[at[i]], pages[at[i]], figs[i]));
      row.raw_numbers += " " + figs[i];
      if (row.doubt_rule.empty()) {
        row.doubt_rule = "read.pairing";
        row.doubt = doubt;
      }
    }
    for (GridRow& row : g->rows) row.cells.resize(g->headers.size());
    consumed->insert(k);
    for (size_t a : at) consumed->insert(a);
    k = at.back();
  }
}

// --- Figures wrapped inside their cells, read line by line ---
// OCR prints a figure wrapped in a narrow cell as two lines: "13 13 13" over
// "Summa intakter 320 320 320", or the heads, the label, then the tails. A
// line of bare figures after a label-only line belongs to that label. These
// joins are guesses (GridRow::doubt): the repair stage keeps a figure only
// when the sums confirm it.

bool RowHasCells(const GridRow& r) {
  for (const GridCell& c : r.cells)
    if (c.present) return true;
  return false;
}

// Cells of `r` in order, all present and each matching `re`.
bool CellsMatch(const GridRow& r, const RE2& re, size_t* count) {
  *count = 0;
  bool gap = false;
  for (const GridCell& c : r.cells) {
    if (!c.present) {
      gap = true;
      continue;
    }
    if (gap || !RE2::FullMatch(c.text, re)) return false;
    ++*count;
  }
  return *count > 0;
}

bool WrapPair(const GridRow& heads, const GridRow& tails) {
  static const RE2 kHead("-?\\d{1,3}");
  static const RE2 kTail("\\d{3}");
  size_t nh = 0, nt = 0;
  return CellsMatch(heads, kHead, &nh) && CellsMatch(tails, kTail, &nt) && nh == nt;
}

void JoinWrapped(GridRow& into, const GridRow& heads, const GridRow& tails) {
  for (size_t c = 0; c < into.cells.size(); ++c) {
    if (c >= heads.cells.size() || !heads.cells[c].present) continue;
    GridCell cell = tails.cells[c];
    cell.present = true;
    cell.text = heads.cells[c].text + " " + tails.cells[c].text;
    cell.prov.raw_text = cell.text;
    cell.prov.confidence = std::min(cell.prov.confidence, 0.8);
    into.cells[c] = cell;
  }
  into.raw_numbers = heads.raw_numbers + " / " + tails.raw_numbers;
  into.groupings = 1;
  into.doubt_rule = "read.wrapped";
  into.doubt = "the figures are printed wrapped over two lines ('" + heads.raw_numbers + "' over '" +
               tails.raw_numbers + "') and were joined";
}

// A caption naming a span of years ("Budget 2020-2022, tkr") directly above
// rows with figures, where OCR lost the header line: the span's years.
bool TitleYears(const std::vector<const Line*>& lines, size_t i, std::vector<std::string>* headers) {
  static const RE2 kSpan("(?i)^\\D{0,40}\\b((?:19|20)\\d\\d)\\s*[-–]\\s*((?:19|20)\\d\\d)\\b[^0-9]*$");
  std::string clean = CleanCellText(lines[i]->text);
  int y1 = 0, y2 = 0;
  if (clean.size() > 60 || !RE2::FullMatch(clean, kSpan, &y1, &y2) || y2 - y1 < 1 || y2 - y1 > 5) return false;
  if (!IsTableHeading(clean) && !DetectMoneyUnit(clean)) return false;
  // The next non-blank lines: a label-only line or two, then a row whose
  // figures group into exactly the span's columns.
  int seen = 0;
  for (size_t j = i + 1; j < lines.size() && seen < 3; ++j) {
    std::string l = CleanCellText(lines[j]->text);
    if (l.empty()) continue;
    ++seen;
    std::vector<std::string> toks = OcrTokens(l);
    std::string hl;
    std::vector<std::string> hh;
    if (SpaceHeader(l, &hl, &hh)) return false;  // the header line is there
    size_t first = FiguresStart(toks);
    if (first == toks.size()) continue;
    if (first == 0) return false;
    std::vector<std::string> shadow;
    for (size_t k = first; k < toks.size(); ++k) shadow.push_back(ShadowDigits(toks[k]));
    if (GroupNumberTokens(shadow, y2 - y1 + 1).empty()) return false;
    headers->clear();
    for (int y = y1; y <= y2; ++y) headers->push_back(std::to_string(y));
    return true;
  }
  return false;
}

// --- Readings the text leaves open, chosen by the arithmetic ---
// OCR and plain-text dumps lose the spacing that says which column a figure
// stands in and where one figure ends: "Gavle kommun 137" under two year
// columns; "Eget kapital 6 630 6 845" under four columns is four figures or
// two; a wrapped tail ("887" under "-215 4") belongs to one of the heads.
// Each such row is a RowChoice: its possible cell vectors with a layout
// prior (lower likelier). Every combination of options is read and scored
// against the table's sums; the one under which the most checks hold (none
// failing, then fewest failing, then the likeliest layout) is kept. The
// choice is a guess either way: the rows carry a doubt that the repair
// stage clears only for figures the sums confirm, and a row that another
// equally scoring combination reads otherwise loads `read.ambiguous` (never
// cleared), its flag listing both readings.

struct RowChoice {
  size_t row = 0;
  std::string rule;  // the doubt when the sums choose: read.placement, read.grouping, read.wrapped
  std::string what;  // why the row is open (the start of the flag message)
  std::vector<std::vector<GridCell>> options;  // one cell per column each
  std::vector<int> cost;                       // layout prior per option, lower likelier
  int series = -1;  // the option that reads the line as a series (SeriesReading), else -1
};

constexpr size_t kMaxReadings = 4096;

std::string DescribeCells(const Grid& g, const std::vector<GridCell>& cells) {
  std::string s;
  for (size_t c = 0; c < cells.size() && c < g.headers.size(); ++c)
    if (cells[c].present) s += (s.empty() ? "" : ", ") + g.headers[c] + " '" + cells[c].text + "'";
  return s.empty() ? "no figures" : s;
}

// Whether `figs`, one per column, read as a series an accountant would not
// doubt: every figure of the same number of space-separated groups, well
// formed (a head of one to three digits, no leading zero but a lone 0;
// three-digit groups after it), the non-zero ones within a factor of four
// of each other: "686 622 589 626" under four years of a kr/kvm row,
// "527 294 438 964" under two years. Read otherwise (fewer figures of more
// groups, columns left empty) the row would jump a thousandfold from one
// year to the next or miss years its neighbours print; the sums, where the
// row has any, still decide first. Figures of one group need three
// columns: "232 968" under two is as likely one figure.
bool SeriesReading(const std::vector<GridCell>& figs, size_t ncols) {
  static const RE2 kHead("-?(0|[1-9]\\d{0,2})");
  static const RE2 kTail("\\d{3}");
  if (figs.size() != ncols || ncols < 2) return false;
  size_t groups = 0;
  double lo = 0, hi = 0;
  int nonzero = 0;
  for (const GridCell& f : figs) {
    if (!f.present) return false;
    const std::vector<std::string> toks = Tokens(f.text);
    if (toks.empty() || (groups && toks.size() != groups)) return false;
    groups = toks.size();
    if (!RE2::FullMatch(toks[0], kHead) || (groups > 1 && (toks[0] == "0" || toks[0] == "-0"))) return false;
    std::string digits = toks[0];
    for (size_t k = 1; k < toks.size(); ++k) {
      if (!RE2::FullMatch(toks[k], kTail)) return false;
      digits += toks[k];
    }
    const double v = std::fabs(std::stod(digits));
    if (v == 0) continue;
    lo = nonzero ? std::min(lo, v) : v;
    hi = nonzero ? std::max(hi, v) : v;
    ++nonzero;
  }
  if (groups == 1 && ncols < 3) return false;
  return nonzero >= 2 && hi <= 4 * lo;
}

// Every placement of `figs` (order kept) over `ncols` columns; `left_only`
// keeps only the left-aligned one. Cost: base + figures moved from the left.
void AddPlacements(const std::vector<GridCell>& figs, size_t ncols, bool left_only, int base, RowChoice* ch) {
  if (figs.empty() || figs.size() > ncols) return;
  std::vector<size_t> cur;
  std::function<void(size_t)> gen = [&](size_t from) {
    if (cur.size() == figs.size()) {
      std::vector<GridCell> cells(ncols);
      int moved = 0;
      for (size_t f = 0; f < figs.size(); ++f) {
        cells[cur[f]] = figs[f];
        moved += cur[f] != f;
      }
      ch->options.push_back(std::move(cells));
      ch->cost.push_back(base + moved);
      return;
    }
    for (size_t c = from; c < ncols && ch->options.size() < kMaxReadings; ++c) {
      cur.push_back(c);
      gen(c + 1);
      cur.pop_back();
      if (left_only) break;
    }
  };
  gen(0);
}

// Ways to read the present cells of `row` (left to right) as figures: every
// grouping of its number tokens into 1..ncols values, each placed every way.
// The reader's own grouping costs least. Empty when the row is not open.
RowChoice GroupingChoice(const GridRow& row, size_t r, size_t ncols, bool anywhere = false) {
  RowChoice ch;
  ch.row = r;
  std::vector<GridCell> figs;
  std::vector<std::string> toks, shadow;
  for (const GridCell& c : row.cells)
    if (c.present) {
      figs.push_back(c);
      for (const std::string& t : Tokens(c.text)) {
        toks.push_back(t);
        shadow.push_back(ShadowDigits(t));
      }
    }
  if (figs.empty()) return ch;
  const bool varav = IsVaravLabel(row.label) && !anywhere;
  std::vector<std::vector<std::string>> alts;  // other groupings, as printed
  bool other_count = false;
  // From token `from` on: the first token may be a note reference
  // (GridRow::first_may_be_note), a reading with other figures.
  for (size_t from = 0; from < (row.first_may_be_note ? 2u : 1u) && from < toks.size(); ++from) {
    std::vector<std::string> sh(shadow.begin() + from, shadow.end());
    for (size_t k = 1; k <= ncols; ++k)
      // (strict: a figure "0 718 851" is no reading of "0 718 851")
      for (const auto& grp : GroupFigures(sh, static_cast<int>(k), 8, true)) {
        std::vector<std::string> cells;
        size_t tok = from;
        for (const std::string& gtext : grp) {
          std::string cell;
          for (size_t q = 0, n = Tokens(gtext).size(); q < n && tok < toks.size(); ++q, ++tok)
            cell += (cell.empty() ? "" : " ") + toks[tok];
          cells.push_back(cell);
        }
        bool same = from == 0 && cells.size() == figs.size();
        for (size_t f = 0; same && f < figs.size(); ++f) same = cells[f] == figs[f].text;
        if (same) continue;
        other_count = other_count || cells.size() != ncols || from > 0;
        alts.push_back(std::move(cells));
      }
  }
  // Several groupings of a full row into the columns are the repair stage's
  // (repair.regroup); only readings with another number of figures (or
  // without a note reference) are open.
  if (figs.size() == ncols && !other_count) return ch;
  bool contiguous = true;
  for (size_t c = 0; c < row.cells.size(); ++c) contiguous = contiguous && row.cells[c].present == (c < figs.size());
  if (!contiguous) return ch;  // the reader knew the positions
  AddPlacements(figs, ncols, varav, 0, &ch);
  if (!row.first_may_be_note && SeriesReading(figs, ncols)) ch.series = 0;
  for (const auto& a : alts) {
    std::vector<GridCell> cells;
    for (const std::string& t : a) {
      GridCell gc = figs.front();
      gc.text = t;
      gc.prov.raw_text = t;
      cells.push_back(gc);
    }
    AddPlacements(cells, ncols, varav, 10, &ch);
  }
  ch.rule = other_count ? "read.grouping" : "read.placement";
  ch.what = other_count ? "the line's figures group into different numbers of values ('" + row.raw_numbers +
                              "') and give no positions"
                        : std::string("the line gives ") + std::to_string(figs.size()) + " figure" +
                              (figs.size() == 1 ? "" : "s") + " for " + std::to_string(ncols) +
                              " columns and no positions";
  return ch;
}

// Whether a reading of one row fits a table that compares outcome with
// budget (Utfall Y, Budget Y and Avvikelse Y columns): the deviation is
// printed exactly when both of its terms are, and a budget figure has its
// outcome beside it (a row without a budget, such as a balance item, reports
// outcomes only). With `deviation_lost`, both terms without their deviation
// fit too: OCR loses a short figure ("81") as readily as it splits one
// ("13 401" as 13 | 401). Tables without such a triple accept every reading.
bool FitsBudgetComparison(const std::vector<GridCell>& cells, const std::vector<TableColumn>& cols,
                          bool deviation_lost = false) {
  for (size_t a = 0; a < cols.size(); ++a) {
    if (cols[a].kind != ColumnKind::kAvvikelse || cols[a].year == 0) continue;
    int u = -1, b = -1;
    for (size_t c = 0; c < cols.size(); ++c) {
      if (cols[c].year != cols[a].year) continue;
      if (cols[c].kind == ColumnKind::kUtfall && u < 0) u = static_cast<int>(c);
      if (cols[c].kind == ColumnKind::kBudget && b < 0) b = static_cast<int>(c);
    }
    if (u < 0 || b < 0) continue;
    auto has = [&](size_t c) { return c < cells.size() && cells[c].present; };
    bool hu = has(u), hb = has(b), ha = has(a);
    if (ha && !(hu && hb)) return false;
    if (!ha && hu && hb && !deviation_lost) return false;
    if (hb && !hu) return false;
  }
  return true;
}

// Every combination of the open rows' options under which each of the
// table's constraints that reads an open row holds, found by a search over
// the constraints' residuals (each option's figures taken from the table as
// interpreted with that option alone changed from `base_pick`), rather than
// by interpreting each combination: 2^20 combinations cost microseconds.
// Empty when the table's shape changes with the options, a figure reads as
// no number, no constraint reads an open row, or more than kMaxExact
// combinations hold (then the caller's search stands alone).
std::vector<std::vector<size_t>> ReadingsTheSumsAccept(const Grid& g, const std::vector<RowChoice>& choices,
                                                       const std::vector<size_t>& base_pick, const TableContext& ctx) {
  constexpr size_t kMaxExact = 64;
  const size_t n = choices.size();
  auto with = [&](size_t k, size_t o) {
    Grid trial = g;
    for (size_t q = 0; q < n; ++q) trial.rows[choices[q].row].cells = choices[q].options[q == k ? o : base_pick[q]];
    return trial;
  };
  FinancialTable t0;
  if (!InterpretGrid(with(n, 0), ctx, &t0)) return {};
  // The table row of each open grid row (interpretation drops headings).
  auto table_row = [](const FinancialTable& t, const Provenance& p) {
    for (size_t r = 0; r < t.rows.size(); ++r)
      if (t.rows[r].prov.page == p.page && t.rows[r].prov.line_index == p.line_index) return static_cast<int>(r);
    return -1;
  };
  std::vector<int> trow(n);
  for (size_t k = 0; k < n; ++k) {
    trow[k] = table_row(t0, g.rows[choices[k].row].prov);
    if (trow[k] < 0) return {};
  }
  const std::vector<Constraint> cons = TableConstraints(t0);
  // value[k][o][col]: the open row's figures under option o.
  std::vector<std::vector<std::vector<double>>> value(n);
  for (size_t k = 0; k < n; ++k)
    for (size_t o = 0; o < choices[k].options.size(); ++o) {
      FinancialTable t;
      if (!InterpretGrid(with(k, o), ctx, &t) || t.rows.size() != t0.rows.size() || t.columns.size() != t0.columns.size())
        return {};
      std::vector<double> v(t.columns.size(), 0);
      for (size_t c = 0; c < t.columns.size(); ++c) {
        std::optional<double> x = CellValue(t, trow[k], static_cast<int>(c));
        if (!x) return {};
        v[c] = *x;
      }
      value[k].push_back(std::move(v));
    }
  // Per constraint that reads an open row: the fixed rows' part of its
  // residual, and per open row and option the part that row adds.
  std::map<int, size_t> open_of;
  for (size_t k = 0; k < n; ++k) open_of[trow[k]] = k;
  struct Lin {
    double fixed = 0, tolerance = 0;
    std::vector<std::vector<double>> part;  // [k][o]
  };
  std::vector<Lin> lins;
  for (const Constraint& c : cons) {
    Lin lin;
    lin.tolerance = c.tolerance;
    lin.part.resize(n);
    for (size_t k = 0; k < n; ++k) lin.part[k].assign(choices[k].options.size(), 0);
    bool reads_open = false, readable = true;
    for (const Term& term : c.terms) {
      auto it = open_of.find(term.row);
      if (it == open_of.end()) {
        std::optional<double> x = CellValue(t0, term.row, term.col);
        if (!x) readable = false;
        else lin.fixed += term.coef * *x;
        continue;
      }
      reads_open = true;
      for (size_t o = 0; o < choices[it->second].options.size(); ++o)
        lin.part[it->second][o] += term.coef * value[it->second][o][term.col];
    }
    if (reads_open && readable) lins.push_back(std::move(lin));
  }
  if (lins.empty()) return {};
  // The least and most the open rows from k on can still add, per constraint.
  std::vector<std::vector<double>> lo(lins.size(), std::vector<double>(n + 1, 0)), hi = lo;
  for (size_t i = 0; i < lins.size(); ++i)
    for (size_t k = n; k-- > 0;) {
      const auto& p = lins[i].part[k];
      lo[i][k] = lo[i][k + 1] + *std::min_element(p.begin(), p.end());
      hi[i][k] = hi[i][k + 1] + *std::max_element(p.begin(), p.end());
    }
  std::vector<std::vector<size_t>> found;
  std::vector<size_t> pick(n, 0);
  std::vector<double> res(lins.size());
  for (size_t i = 0; i < lins.size(); ++i) res[i] = lins[i].fixed;
  bool overflow = false;
  std::function<void(size_t)> search = [&](size_t k) {
    if (overflow) return;
    for (size_t i = 0; i < lins.size(); ++i)
      if (res[i] + lo[i][k] > lins[i].tolerance + 1e-9 || res[i] + hi[i][k] < -lins[i].tolerance - 1e-9) return;
    if (k == n) {
      if (found.size() == kMaxExact) overflow = true;
      else found.push_back(pick);
      return;
    }
    for (size_t o = 0; o < choices[k].options.size() && !overflow; ++o) {
      pick[k] = o;
      for (size_t i = 0; i < lins.size(); ++i) res[i] += lins[i].part[k][o];
      search(k + 1);
      for (size_t i = 0; i < lins.size(); ++i) res[i] -= lins[i].part[k][o];
    }
  };
  search(0);
  if (overflow) return {};
  return found;
}

// A short varav row without positions ("Varav tillgängligt för nya insatser
// 3 800" under "Plan 2021 Plan 2020 Budget 2019"): its figures go where
// the varav rows under one parent add up exactly to the parent ("Bidrag
// till insatser 5 703 5 703 7 900" over "Varav redan beviljat 756 976
// 4100": 4 100 + 3 800 = 7 900), when one placement and grouping of them
// does so in every column it fills and no other does. Varav rows need not
// cover their parent, so a placement that adds up nowhere proves nothing
// and the convention stands. The sums do not check varav rows: the row
// stays a guess (read.placement, suspect) that names the addition.
void PlaceVaravBySiblings(Grid* g, size_t r) {
  const size_t ncols = g->headers.size();
  GridRow& row = g->rows[r];
  if (!row.doubt_rule.empty() || ncols < 2) return;
  RowChoice ch = GroupingChoice(row, r, ncols, true);
  if (ch.options.size() < 2) return;
  auto value = [](const GridCell& c) -> std::optional<double> {
    if (!c.present) return std::nullopt;
    auto n = ParseSwedishNumber(c.text);
    if (!n || n->is_percent || n->is_nil) return std::nullopt;
    return n->value;
  };
  // The parent: the nearest row above with figures that is no varav row;
  // the siblings: the other varav rows between it and the next row that is none.
  size_t parent = r;
  for (size_t p = r; p-- > 0;) {
    const GridRow& pr = g->rows[p];
    if (pr.repeated_header || IsVaravLabel(pr.label)) continue;
    if (RowHasCells(pr)) parent = p;
    break;
  }
  if (parent == r) return;
  std::vector<size_t> siblings;
  for (size_t q = parent + 1; q < g->rows.size() && IsVaravLabel(g->rows[q].label); ++q)
    if (q != r) siblings.push_back(q);
  if (siblings.empty()) return;
  const std::vector<GridCell>* only = nullptr;
  std::string sum_text;
  for (const std::vector<GridCell>& opt : ch.options) {
    bool holds = true, any = false;
    std::string text;
    for (size_t c = 0; c < ncols && holds; ++c) {
      if (!opt[c].present) continue;
      std::optional<double> mine = value(opt[c]), whole = value(g->rows[parent].cells[c]);
      if (!mine || !whole) {
        holds = false;
        break;
      }
      double sum = *mine;
      std::string terms;
      for (size_t q : siblings) {
        std::optional<double> v = value(g->rows[q].cells[c]);
        if (!v) {
          holds = false;
          break;
        }
        sum += *v;
        terms += g->rows[q].cells[c].text + " + ";
      }
      holds = holds && std::fabs(sum - *whole) < 0.5;
      any = true;
      if (text.empty()) text = terms + opt[c].text + " = " + g->rows[parent].cells[c].text;
    }
    if (!holds || !any) continue;
    if (only) return;  // two placements add up: the convention stands
    only = &opt;
    sum_text = text;
  }
  if (!only) return;
  bool same = row.groupings == 1;
  for (size_t c = 0; c < ncols && same; ++c) same = row.cells[c].present == (*only)[c].present && row.cells[c].text == (*only)[c].text;
  if (same) return;
  row.cells = *only;
  row.groupings = 1;
  row.doubt_rule = "read.placement";
  row.doubt = ch.what + "; placed where the varav rows add up to '" + g->rows[parent].label + "' (" + sum_text + ")";
}

void ChooseRowReadings(Grid* g, std::vector<RowChoice> choices, const std::string& doc_kind) {
  const size_t ncols = g->headers.size();
  // The remaining open rows: short rows and rows that group several ways.
  for (size_t r = 0; r < g->rows.size() && ncols >= 2; ++r) {
    const GridRow& row = g->rows[r];
    if (row.repeated_header || !row.doubt_rule.empty() || !RowHasCells(row)) continue;
    // A varav row takes part in no sum: the arithmetic cannot read it, and
    // its lone figure is by convention its parent's first column (several
    // groupings stay the repair stage's: repair.grouping), unless its
    // siblings and it add up to the parent in one placement only.
    if (IsVaravLabel(row.label)) {
      PlaceVaravBySiblings(g, r);
      continue;
    }
    bool taken = false;
    for (const RowChoice& c : choices) taken = taken || c.row == r;
    if (taken) continue;
    RowChoice ch = GroupingChoice(row, r, ncols);
    if (ch.options.size() > 1) choices.push_back(std::move(ch));
  }
  if (choices.empty()) return;
  // Readings that contradict an outcome/budget/deviation triple are dropped
  // when the row has another. A reading whose deviation OCR lost stays, and
  // counts against its combination (Scored::lost) below the sums: it wins
  // only where every reading that prints the deviation fails a check.
  std::vector<TableColumn> cols;
  for (const std::string& h : g->headers) cols.push_back(ParseColumnHeader(h, doc_kind));
  std::vector<std::vector<bool>> lost(choices.size());  // per option: read with its deviation lost
  for (size_t k = 0; k < choices.size(); ++k) {
    RowChoice& ch = choices[k];
    RowChoice kept = ch;
    kept.options.clear();
    kept.cost.clear();
    for (size_t o = 0; o < ch.options.size(); ++o)
      if (FitsBudgetComparison(ch.options[o], cols, /*deviation_lost=*/true)) {
        kept.options.push_back(ch.options[o]);
        kept.cost.push_back(ch.cost[o]);
      }
    if (!kept.options.empty()) ch = std::move(kept);
    for (const std::vector<GridCell>& option : ch.options) lost[k].push_back(!FitsBudgetComparison(option, cols));
  }
  size_t combos = 1;
  bool too_many = false;
  for (const RowChoice& c : choices) {
    if (c.options.empty()) return;
    combos *= c.options.size();
    if (combos > kMaxReadings) too_many = true;
    if (too_many) break;
  }
  auto apply = [&](Grid* into, const std::vector<size_t>& pick) {
    for (size_t k = 0; k < choices.size(); ++k) into->rows[choices[k].row].cells = choices[k].options[pick[k]];
  };
  struct Scored {
    std::vector<size_t> pick;
    int holds = 0, fails = 0, lost = 0, cost = 0;  // lost: rows read with their deviation lost
    int unseries = 0;  // rows read otherwise than as their series (RowChoice::series)
    double slack = 0;                              // see ReadingScore::slack
  };
  TableContext ctx;
  ctx.doc_kind = doc_kind;
  // The lines of the open rows: checks among them alone confirm nothing.
  std::set<std::pair<int, int>> open_lines;
  for (const RowChoice& c : choices) open_lines.insert({g->rows[c.row].prov.page, g->rows[c.row].prov.line_index});
  auto score = [&](const std::vector<size_t>& pick) {
    Scored sc;
    sc.pick = pick;
    for (size_t k = 0; k < choices.size(); ++k) {
      sc.cost += choices[k].cost[pick[k]];
      sc.lost += lost[k][pick[k]];
      sc.unseries += choices[k].series >= 0 && pick[k] != static_cast<size_t>(choices[k].series);
    }
    Grid trial = *g;
    apply(&trial, pick);
    FinancialTable t;
    if (InterpretGrid(trial, ctx, &t)) {
      ReadingScore rs = ScoreReading(t, [&](int row) {
        const Provenance& p = t.rows[row].prov;
        return open_lines.count({p.page, p.line_index}) > 0;
      });
      sc.holds = rs.holds;
      sc.fails = rs.fails;
      sc.slack = rs.slack;
    }
    return sc;
  };
  auto better = [](const Scored& a, const Scored& b) {
    if ((a.fails == 0) != (b.fails == 0)) return a.fails == 0;
    if (a.holds != b.holds) return a.holds > b.holds;
    if (a.fails != b.fails) return a.fails < b.fails;
    if (a.lost != b.lost) return a.lost < b.lost;
    if (a.unseries != b.unseries) return a.unseries < b.unseries;
    if (std::fabs(a.slack - b.slack) > 1e-9) return a.slack < b.slack;
    return a.cost < b.cost;
  };
  std::vector<Scored> all;
  if (too_many) {
    // Too many combinations to read them all: from the likeliest layout,
    // change one row at a time while that improves the reading; then every
    // single-row change of the result is kept for the tie test below.
    std::vector<size_t> pick;
    for (const RowChoice& c : choices)
      pick.push_back(std::min_element(c.cost.begin(), c.cost.end()) - c.cost.begin());
    Scored cur = score(pick);
    for (int pass = 0; pass < 4; ++pass) {
      bool changed = false;
      for (size_t k = 0; k < choices.size(); ++k)
        for (size_t o = 0; o < choices[k].options.size(); ++o) {
          if (o == cur.pick[k]) continue;
          std::vector<size_t> p = cur.pick;
          p[k] = o;
          Scored sc = score(p);
          if (better(sc, cur)) {
            cur = sc;
            changed = true;
          }
        }
      if (!changed) break;
    }
    all.push_back(cur);
    for (size_t k = 0; k < choices.size(); ++k)
      for (size_t o = 0; o < choices[k].options.size(); ++o) {
        if (o == cur.pick[k]) continue;
        std::vector<size_t> p = cur.pick;
        p[k] = o;
        all.push_back(score(p));
      }
    // One row at a time cannot find where a column's sum wants a subset
    // of single figures ("Gävle kommun 137" ... "Summa 1 458 1 603"):
    // every such reading the table's own sums accept, found exactly, and
    // all of them scored, so that rows they read differently stay in doubt.
    for (const std::vector<size_t>& p : ReadingsTheSumsAccept(*g, choices, pick, ctx)) all.push_back(score(p));
  } else {
    for (size_t n = 0; n < combos; ++n) {
      size_t x = n;
      std::vector<size_t> pick;
      for (const RowChoice& c : choices) {
        pick.push_back(x % c.options.size());
        x /= c.options.size();
      }
      all.push_back(score(pick));
    }
  }
  size_t best = 0;
  for (size_t i = 1; i < all.size(); ++i)
    if (better(all[i], all[best])) best = i;
  apply(g, all[best].pick);
  for (size_t k = 0; k < choices.size(); ++k) {
    const RowChoice& ch = choices[k];
    GridRow& row = g->rows[ch.row];
    const std::string chosen = DescribeCells(*g, ch.options[all[best].pick[k]]);
    // Ambiguous when another reading scoring as well reads this row otherwise.
    std::string other;
    for (size_t i = 0; i < all.size() && other.empty(); ++i) {
      if (i == best || all[i].holds != all[best].holds || all[i].fails != all[best].fails ||
          all[i].lost != all[best].lost || all[i].unseries != all[best].unseries)
        continue;
      std::string alt = DescribeCells(*g, ch.options[all[i].pick[k]]);
      if (alt != chosen) other = alt;
    }
    row.groupings = 1;
    row.raw_numbers.clear();
    for (const GridCell& c : row.cells)
      if (c.present) row.raw_numbers += (row.raw_numbers.empty() ? "" : " ") + c.text;
    if (!other.empty()) {
      row.doubt_rule = "read.ambiguous";
      row.doubt = ch.what + "; the sums hold equally for " + chosen + " and for " + other;
    } else if (ch.series >= 0 && all[best].pick[k] == static_cast<size_t>(ch.series) && all[best].fails == 0) {
      // Read as its series, and no check fails: nothing left to doubt.
      row.doubt_rule.clear();
      row.doubt.clear();
    } else {
      row.doubt_rule = ch.rule;
      row.doubt = ch.what + (ch.options.size() > 1 ? "; read as " + chosen + ", where the sums are best satisfied"
                                                   : std::string());
    }
  }
}

// A label of at most three letters and nothing else: an OCR scrap.
bool Fold3(const std::string& label) {
  if (label.empty()) return false;
  std::string f = FoldKey(label);
  int letters = 0;
  for (char c : f) {
    if (c >= 'a' && c <= 'z') ++letters;
    else if (c != ' ' && c != '.' && c != ',') return false;
  }
  return letters <= 3;
}

// Whether a label breaks off after a word of letters and a comma
// ("… (Eksjö,").
bool EndsInWordAndComma(const std::string& label) {
  return RE2::PartialMatch(label, "(?:^|[\\s(])\\pL{2,},$"_re);
}

// Whether a dump's label line breaks off open: after a joining word
// (EndsInJoiningWord) or after a word and a comma, so the next line goes
// on with it.
bool BreaksOffOpen(const std::string& label) { return EndsInJoiningWord(label) || EndsInWordAndComma(label); }

// A line that continues the label of the row above it: it starts with a
// small letter (Swedish row labels start with a capital), or both are
// capitals only ("ÅRETS" over "RESULTAT"; a capitals section heading such
// as "KOSTNADER" stands on its own). varav rows stand on their own.
bool ContinuesLabel(const std::string& prev, const std::string& cur) {
  if (prev.empty() || cur.empty() || IsVaravLabel(cur)) return false;
  if (prev.back() == '.' || prev.back() == ':') return false;
  // A label that breaks off after a joining word ("Försäkringskassan och"
  // over "Arbetsförmedlingen") goes on below, whatever the case.
  // So does one that breaks off after a word and a comma ("Samverkansteam
  // Höglandet (Eksjö," over "Nässjö och Vetlanda) 2 100", w42; not after a
  // figure OCR damaged, "Eget kapital e630,").
  if (BreaksOffOpen(prev) && !IsSectionHeading(cur)) return true;
  auto capitals = [](const std::string& s) {
    int upper = 0;
    for (size_t k = 0; k < s.size();) {
      char32_t ch = NextCodePoint(s, &k);
      if ((ch >= 'a' && ch <= 'z') || ch == U'å' || ch == U'ä' || ch == U'ö') return false;
      upper += (ch >= 'A' && ch <= 'Z') || ch == U'Å' || ch == U'Ä' || ch == U'Ö';
    }
    return upper >= 2;
  };
  // (In capitals too, where the rest reads like a section heading:
  // "SUMMA EGET KAPITAL OCH" over "SKULDER", w43.)
  if (EndsInJoiningWord(prev) && capitals(prev) && capitals(cur)) return true;
  // A label that breaks off after "Region" ("Medlemsavgift Region" over
  // "Gotland"): the region's name goes on below (a region is never named
  // "Region" alone).
  if (RE2::FullMatch(prev, "(?:.* )?[Rr]egion"_re) && Tokens(cur).size() <= 2 && !HasDigit(cur) &&
      !IsSectionHeading(cur) && NormalizeOrganisation("Region " + cur).kind == "region")
    return true;
  size_t i = 0;
  char32_t c = NextCodePoint(cur, &i);
  if ((c >= 'a' && c <= 'z') || c == U'å' || c == U'ä' || c == U'ö') return true;
  return capitals(prev) && capitals(cur) && !IsSectionHeading(cur);
}

// Figures broken inside narrow cells, wrapped anywhere ("-13 6" over
// "16" for -13 616; "4 88" over "7"), the label wrapped with them: the
// upper line's tokens `upper` split into `ncols` figures in order, and the
// lower line's tails (`lower`: label words, then one to three digits per
// tail) appended in order to some of them, without a space. True when
// exactly one such reading makes every figure a well-formed amount (a head
// of one to three digits and groups of three, or four to seven digits
// unspaced, "13401"); `figures` gets it, `label` the lower line's words.
bool JoinBrokenFigures(const std::vector<std::string>& upper, const std::vector<std::string>& lower, size_t ncols,
                       std::vector<std::string>* figures, std::string* label) {
  static const RE2 kTail("\\d{1,3}");
  static const RE2 kAmount("-?\\d{1,3}( \\d{3})*|-?\\d{4,7}");
  size_t first = 0;
  while (first < lower.size() && !HasDigit(lower[first])) ++first;
  if (first == lower.size() || upper.size() < ncols || upper.size() > 10) return false;
  std::vector<std::string> tails(lower.begin() + static_cast<long>(first), lower.end());
  if (tails.size() > ncols) return false;
  for (const std::string& t : tails)
    if (!RE2::FullMatch(t, kTail)) return false;
  std::string words;
  for (size_t k = 0; k < first; ++k) {
    if (!RE2::PartialMatch(lower[k], "^\\pL"_re)) return false;
    words += (words.empty() ? "" : " ") + lower[k];
  }
  std::vector<std::vector<std::string>> found;
  std::vector<std::string> cur;
  // Split tokens from `from` into the remaining figures; `tail`: the next
  // tail to place.
  std::function<void(size_t, size_t)> split = [&](size_t from, size_t tail) {
    if (found.size() > 1) return;
    const size_t left = ncols - cur.size();
    if (left == 0) {
      if (from == upper.size() && tail == tails.size()) found.push_back(cur);
      return;
    }
    for (size_t to = from + 1; to + (left - 1) <= upper.size(); ++to) {
      std::string fig;
      for (size_t k = from; k < to; ++k) fig += (fig.empty() ? "" : " ") + upper[k];
      for (int with = 0; with <= 1; ++with) {
        if (with && tail == tails.size()) continue;
        const std::string f = with ? fig + tails[tail] : fig;
        if (!RE2::FullMatch(f, kAmount)) continue;
        cur.push_back(f);
        split(to, tail + with);
        cur.pop_back();
      }
    }
  };
  split(0, 0);
  if (found.size() != 1) return false;
  *figures = found.front();
  *label = words;
  return true;
}

// The tokens of a row's figures when every one is a bare three-digit group
// (the tails of figures wrapped in their cells), else empty.
std::vector<std::string> TailTokens(const GridRow& r) {
  static const RE2 kTail("\\d{3}");
  std::vector<std::string> out;
  for (const GridCell& c : r.cells) {
    if (!c.present) continue;
    for (const std::string& t : Tokens(c.text)) {
      if (!RE2::FullMatch(t, kTail)) return {};
      out.push_back(t);
    }
  }
  return out;
}

// Tails of wrapped figures ("887", "244") on the line under a row whose
// figures end in heads ("-215 4", "1 -223", "6 660 6 6"), fewer tails than
// heads or the label wrapped too: which heads the tails finish is open. A
// head is a figure of one to three digits; each way to give the tails to
// heads (order kept) is an option, shorter heads likelier (a figure wraps
// because it is wide); the sums choose.
RowChoice WrappedTailsChoice(const GridRow& heads, const std::vector<std::string>& tails, size_t r, size_t ncols) {
  static const RE2 kHead("-?\\d{1,3}");
  RowChoice ch;
  ch.row = r;
  std::vector<GridCell> hs;
  std::vector<size_t> eligible;
  for (const GridCell& c : heads.cells)
    if (c.present) {
      if (RE2::FullMatch(c.text, kHead)) eligible.push_back(hs.size());
      hs.push_back(c);
    }
  std::vector<size_t> cur;
  std::function<void(size_t)> gen = [&](size_t from) {
    if (cur.size() == tails.size()) {
      std::vector<GridCell> figs = hs;
      int cost = 0;
      for (size_t t = 0; t < tails.size(); ++t) {
        GridCell& f = figs[cur[t]];
        for (char d : f.text) cost += std::isdigit(static_cast<unsigned char>(d)) != 0;
        f.text += " " + tails[t];
        f.prov.raw_text = f.text;
        f.prov.confidence = std::min(f.prov.confidence, 0.8);
      }
      AddPlacements(figs, ncols, IsVaravLabel(heads.label), cost * 10, &ch);
      return;
    }
    for (size_t h = from; h < eligible.size(); ++h) {
      cur.push_back(eligible[h]);
      gen(h + 1);
      cur.pop_back();
    }
  };
  gen(0);
  std::string tail_text;
  for (const std::string& t : tails) tail_text += (tail_text.empty() ? "" : " ") + t;
  ch.rule = "read.wrapped";
  ch.what = "the figures are printed wrapped over two lines ('" + heads.raw_numbers + "' over '" + tail_text +
            "') and were joined";
  return ch;
}

// The number of a row's figures that can be heads of a wrapped figure.
size_t CountHeads(const GridRow& r) {
  static const RE2 kHead("-?\\d{1,3}");
  size_t n = 0;
  bool gap = false;
  for (const GridCell& c : r.cells) {
    if (!c.present) {
      gap = true;
      continue;
    }
    if (gap) return 0;  // placed figures: not this layout
    n += RE2::FullMatch(c.text, kHead);
  }
  return n;
}

std::vector<RowChoice> MergeWrappedRows(Grid& g) {
  std::vector<RowChoice> choices;
  // Rows that open with an account or row number ("3010 |Medlemsavgift",
  // "1. Jobbspåret"; InterpretGrid takes the codes off): in such a table a
  // line with neither code nor figures under a coded row is the rest of its
  // label ("Försäkringskassan"), whatever its first letter.
  auto coded_label = [](const std::string& l) { return SplitLeadingCode(l, nullptr, nullptr, nullptr); };
  int coded = 0;
  for (const GridRow& r : g.rows) coded += coded_label(r.label) && RowHasCells(r);
  const bool code_column = coded >= 3;
  // A coded result or sum row with nothing after the line below it ("3.
  // Resultat 220 …" over "Insatser", the next section's heading, w46):
  // the line opens what follows, no rest of the label.
  auto closes_table = [&](const GridRow& prev, size_t i) {
    std::string rest;
    if (i + 1 < g.rows.size() || !SplitLeadingCode(prev.label, nullptr, nullptr, &rest)) return false;
    return IsResultLabel(rest) || IsSumLabel(rest);
  };
  auto unlabeled = [](const GridRow& r) { return r.label.empty() && !r.repeated_header && RowHasCells(r); };
  auto label_only = [](const GridRow& r) {
    return !r.label.empty() && !r.repeated_header && !RowHasCells(r) && !IsSectionHeading(r.label);
  };
  // Rows a blank line apart (psm 4 sets one between a table's rows; a
  // dump's boxes count text lines): most neighbouring rows of figures on
  // one page stand two lines or more apart.
  int apart = 0, adjacent = 0;
  for (size_t i = 1; i < g.rows.size(); ++i) {
    const GridRow& a = g.rows[i - 1];
    const GridRow& b = g.rows[i];
    if (!RowHasCells(a) || !RowHasCells(b) || a.prov.page != b.prov.page) continue;
    const double gap = b.prov.box.y0 - a.prov.box.y1;
    apart += gap >= 1;
    adjacent += gap == 0;
  }
  const bool blank_apart = apart >= 2 && apart > 2 * adjacent;
  std::vector<GridRow> out;
  for (size_t i = 0; i < g.rows.size(); ++i) {
    GridRow& r = g.rows[i];
    GridRow* prev = out.empty() ? nullptr : &out.back();
    bool prev_open = prev && !prev->repeated_header && !prev->label.empty() && RowHasCells(*prev);
    // In such a table a label line right under a row, a blank line after
    // it, is the rest of that row's label, whatever its first letter
    // ("Arbetstraning Norra 2 400 …" over "Vastmanland", w43's dump).
    if (blank_apart && prev_open && label_only(r) && r.prov.page == prev->prov.page &&
        r.prov.box.y0 == prev->prov.box.y1 && i + 1 < g.rows.size() && g.rows[i + 1].prov.page == r.prov.page &&
        g.rows[i + 1].prov.box.y0 > r.prov.box.y1 && !IsVaravLabel(r.label)) {
      prev->label += " " + r.label;
      continue;
    }
    // A row's label wrapped onto a line of its own ("Finansiella 0 0" over
    // "intakter"): the line continues the label.
    if (prev_open && !r.repeated_header && !RowHasCells(r) &&
        (ContinuesLabel(prev->label, r.label) ||
         (code_column && coded_label(prev->label) && !r.label.empty() && !HasDigit(r.label) &&
          !IsSectionHeading(r.label) && r.label.back() != ':' && !closes_table(*prev, i)))) {
      prev->label += " " + r.label;
      continue;
    }
    // Tails under heads, the label wrapped with them ("Verksamhetens -215 4"
    // over "nettokostnad 887") or fewer tails than heads ("1 -223" over
    // "244"): the sums choose which heads the tails finish.
    std::vector<std::string> tails = prev_open && prev->doubt_rule.empty() && !r.repeated_header
                                         ? TailTokens(r)
                                         : std::vector<std::string>();
    if (!tails.empty() && tails.size() <= CountHeads(*prev) &&
        (r.label.empty() || Fold3(r.label) || ContinuesLabel(prev->label, r.label))) {
      bool already = false;
      for (const RowChoice& c : choices) already = already || c.row == out.size() - 1;
      if (!already) {
        RowChoice ch = WrappedTailsChoice(*prev, tails, out.size() - 1, g.headers.size());
        if (!r.label.empty() && !Fold3(r.label)) prev->label += " " + r.label;
        choices.push_back(std::move(ch));
        continue;
      }
    }
    // A label line that breaks off after a joining word or a comma
    // ("Medlemsavgift från" over "Försäkringskassan och" over
    // "Arbetsförmedlingen 3 000 …": a cell whose text stands at its bottom,
    // w42) goes on on the next label line, whatever its first letter.
    if (label_only(r) && i + 1 < g.rows.size() && label_only(g.rows[i + 1]) && BreaksOffOpen(r.label)) {
      g.rows[i + 1].label = r.label + " " + g.rows[i + 1].label;
      continue;
    }
    // heads / label-only / tails
    if (unlabeled(r) && i + 2 < g.rows.size() && label_only(g.rows[i + 1]) && unlabeled(g.rows[i + 2]) &&
        WrapPair(r, g.rows[i + 2])) {
      GridRow row = g.rows[i + 1];
      JoinWrapped(row, r, g.rows[i + 2]);
      out.push_back(std::move(row));
      i += 2;
      continue;
    }
    // heads / label with tails
    if (unlabeled(r) && i + 1 < g.rows.size() && !g.rows[i + 1].label.empty() && RowHasCells(g.rows[i + 1]) &&
        WrapPair(r, g.rows[i + 1])) {
      GridRow row = g.rows[i + 1];
      JoinWrapped(row, r, g.rows[i + 1]);
      out.push_back(std::move(row));
      i += 1;
      continue;
    }
    // label with heads / tails
    if (!r.label.empty() && !r.repeated_header && RowHasCells(r) && r.doubt_rule.empty() && i + 1 < g.rows.size() &&
        unlabeled(g.rows[i + 1]) && WrapPair(r, g.rows[i + 1])) {
      GridRow row = r;
      JoinWrapped(row, r, g.rows[i + 1]);
      out.push_back(std::move(row));
      i += 1;
      continue;
    }
    // label-only / the label's rest with the figures ("Årsavg andel i % av
    // tot" over "rörelseintäkter 65 68", "Lån per kvm boarea och lokalarea"
    // over "(kr) 7 535 7 579"): one row. A row label starts with a capital;
    // a small letter or a bracketed unit goes on the line above.
    if (label_only(r) && i + 1 < g.rows.size() && !g.rows[i + 1].repeated_header && RowHasCells(g.rows[i + 1]) &&
        !g.rows[i + 1].label.empty() && r.label.back() != '.' && r.label.back() != ':') {
      const std::string& rest = g.rows[i + 1].label;
      size_t at = 0;
      const char32_t c = NextCodePoint(rest, &at);
      // (A rest of scraps only, "ee nee", is a label OCR garbled: no rest.)
      // So does a capitalised rest after a label that breaks off after a
      // joining word, a comma or "Region" ("Medlemsavgift från Region" over
      // "Jönköpings län 1 500", w42: ContinuesLabel).
      const bool small = (c >= 'a' && c <= 'z') || c == U'å' || c == U'ä' || c == U'ö';
      if (c == '(' || (small && RE2::PartialMatch(rest, "[[:alpha:]]{4}"_re)) ||
          (!small && ContinuesLabel(r.label, rest))) {
        GridRow row = g.rows[i + 1];
        row.label = r.label + " " + rest;
        out.push_back(std::move(row));
        i += 1;
        continue;
      }
    }
    // label-only / figures
    if (label_only(r) && i + 1 < g.rows.size() && unlabeled(g.rows[i + 1])) {
      GridRow row = r;
      const GridRow& nums = g.rows[i + 1];
      row.cells = nums.cells;
      row.raw_numbers = nums.raw_numbers;
      row.groupings = nums.groupings;
      row.doubt_rule = "read.pairing";
      row.doubt = "the figures '" + nums.raw_numbers + "' stand on the line after the label";
      out.push_back(std::move(row));
      i += 1;
      continue;
    }
    // A scrap of a label ("sa") with bare 3-digit figures: the tail of a
    // figure wrapped from the row above. Neither row's figures can be trusted
    // without the sums.
    if (RowHasCells(r) && !r.repeated_header && Fold3(r.label) && !out.empty() && RowHasCells(out.back())) {
      static const RE2 kTail("\\d{3}");
      size_t nt = 0;
      if (CellsMatch(r, kTail, &nt) && out.back().doubt_rule.empty()) {
        out.back().doubt_rule = "read.wrapped";
        out.back().doubt = "the next line holds figures under a scrap of a label ('" + r.label + " " + r.raw_numbers +
                           "'): a figure of this row may be wrapped";
        r.label.clear();
      }
    }
    // figures / a result's or sum's label as the table's last line
    // ("-1 498 507 -1 407 764" over "Arets resultat", psm 4 set the label
    // after its figures): the row above has figures of its own, so the line
    // is no rest of it. A pairing the layout does not show: in doubt.
    if (unlabeled(r) && r.doubt_rule.empty() && !out.empty() && RowHasCells(out.back()) && i + 2 == g.rows.size() &&
        label_only(g.rows[i + 1]) && (IsResultLabel(g.rows[i + 1].label) || IsSumLabel(g.rows[i + 1].label))) {
      r.label = g.rows[i + 1].label;
      r.doubt_rule = "read.pairing";
      r.doubt = "the label '" + r.label + "' stands on the line after the figures '" + r.raw_numbers +
                "', the table's last";
      out.push_back(std::move(r));
      i += 1;
      continue;
    }
    if (unlabeled(r) && r.doubt_rule.empty()) {
      r.doubt_rule = "read.unlabeled";
      r.doubt = "a line of figures without a label";
      // Right under a row of figures, a line of bare fragments (each cell
      // an unsigned run of one to three digits) is as likely the lower
      // parts of figures broken in their cells in ways no rule above joins
      // ("13,4" over "01" for 13,401 mkr): the row above stands only where
      // the sums confirm it. (Whole figures, "-13 616 -18 806", are a row
      // whose label OCR lost.)
      const bool fragments = std::all_of(r.cells.begin(), r.cells.end(), [](const GridCell& c) {
        return !c.present || RE2::FullMatch(c.text, "\\d{1,3}"_re);
      });
      if (prev_open && prev->doubt_rule.empty() && fragments) {
        prev->doubt_rule = "read.wrapped";
        prev->doubt = "the next line holds figures without a label ('" + r.raw_numbers +
                      "'): a figure of this row may be broken in its cell";
      }
    }
    // A label that goes on from the row above's, with figures of its own
    // that no rule above joined ("Verksamhetens 134 133" over "intakter 01
    // 19": the lower parts of figures broken in their cells, a group's
    // space lost): neither row's figures stand without the sums.
    if (prev_open && RowHasCells(r) && !r.repeated_header && r.doubt_rule.empty() &&
        ContinuesLabel(prev->label, r.label)) {
      r.doubt_rule = "read.wrapped";
      r.doubt = "the label continues the row above's ('" + prev->label + "' / '" + r.label +
                "'): its figures '" + r.raw_numbers + "' may be the lower parts of figures broken in their cells";
      if (prev->doubt_rule.empty()) {
        prev->doubt_rule = "read.wrapped";
        prev->doubt = "the next line continues the label with figures of its own ('" + r.label + " " +
                      r.raw_numbers + "'): a figure of this row may be broken in its cell";
      }
    }
    out.push_back(std::move(r));
  }
  g.rows = std::move(out);
  return choices;
}


// --- Several tables' labels, then their figures column by column ---
// Automatic page segmentation on a page of small borderless tables (a
// resultaträkning, a balansräkning and a note side by side in one column of
// labels and one of figures per year) reads every table's labels first,
// each under its caption, then the figure columns: the first year's column
// of each table in turn, then the second year's ("2025" 6 figures,
// "2025-12-31" 10, "2025" 5, "2024" 6, ...). Every table's columns hold as
// many figures, no more than its labels, and each table is paired as one
// block (PairLabelBlock): its sums choose which labels carry figures. What
// the sizes and the sums cannot settle is not read. One statement alone is
// read the same way when its labels carry note references ("Intakter 1"
// under a "Not" head), which the plain block reader refuses as figures.
bool ReadInterleavedBlockTables(const std::vector<const Line*>& lines, const std::vector<int>& pages, size_t start,
                                const std::string& doc_kind, const TextTableParams& tp, std::vector<Grid>* out,
                                size_t* end) {
  struct Segment {
    std::string title, unit;
    bool note_column = false;  // a "Not" head: a label's last one or two digits are its note
    std::vector<BlockLine> labels;
  };
  std::vector<Segment> segs;
  size_t j = start;
  bool signature = false;
  for (; j < lines.size(); ++j) {
    const std::string clean = CleanCellText(lines[j]->text);
    if (clean.empty()) continue;
    if (lines[j]->text.find('\t') != std::string::npos) return false;
    std::vector<std::string> toks = OcrTokens(clean);
    if (toks.empty()) continue;
    if (StartsTheFigures(toks)) break;
    if (clean.back() == '.' || clean.back() == ':') continue;  // a sentence between tables (a signature)
    // A dated signature under the last table ("Åsele den 18 februari
    // 2026" over "Styrelsen för …"): no label, nor the lines after it.
    if (IsDateLine(clean)) signature = true;
    if (signature) continue;
    if (toks.size() > 6) return false;
    // A caption, not a statement's own row that names a table's word
    // ("Årets kassaflöde", "Summa kassaflöde").
    if (IsTableHeading(clean) && FiguresStart(toks) == toks.size() && !IsResultLabel(clean) && !IsSumLabel(clean)) {
      segs.push_back({clean, "", false, {}});
      continue;
    }
    if (std::string unit; !segs.empty() && !segs.back().labels.empty() && UnitCaption(clean, toks, &unit)) {
      segs.push_back({clean, unit, false, {}});
      continue;
    }
    if (segs.empty()) return false;  // labels before any caption: not this layout
    Segment& seg = segs.back();
    // The unit and the note column's head on one line ("Belopp i kronor Not").
    if (std::string unit; seg.labels.empty() && RE2::FullMatch(clean, "(.{1,24}) [Nn]ot\\.?"_re, &unit) &&
                          DetectMoneyUnit(unit)) {
      seg.unit = unit;
      seg.note_column = true;
      continue;
    }
    if (seg.labels.empty() && clean.size() <= 24 && DetectMoneyUnit(clean)) {  // "Belopp i tkr"
      seg.unit = clean;
      continue;
    }
    if (seg.labels.empty() && FoldKey(clean) == "not") {  // the note column's head
      seg.note_column = true;
      continue;
    }
    // A label with its note reference ("Verksamhetens intakter 1").
    size_t first = FiguresStart(toks);
    if (seg.note_column && first + 1 == toks.size() && first > 0 && RE2::FullMatch(toks[first], "\\d{1,2}"_re)) {
      toks.pop_back();
    } else if (first != toks.size()) {
      return false;  // a label with figures: not this layout
    }
    std::string label;
    for (const std::string& t : toks) label += (label.empty() ? "" : " ") + t;
    if (!seg.labels.empty()) {
      std::string prev;
      for (const std::string& t : seg.labels.back().toks) prev += (prev.empty() ? "" : " ") + t;
      if (ContinuesLabel(prev, label)) {  // "Resultat efter finansiella" over "poster"
        for (const std::string& t : toks) seg.labels.back().toks.push_back(t);
        continue;
      }
    }
    seg.labels.push_back({j, toks});
  }
  segs.erase(std::remove_if(segs.begin(), segs.end(), [](const Segment& g) { return g.labels.empty(); }), segs.end());
  if (segs.empty() || j >= lines.size()) return false;
  // The figure columns, each under its head.
  std::vector<std::string> heads;
  std::vector<std::vector<std::string>> columns;
  std::vector<std::string> toks;
  for (; NextBlockTokens(lines, tp, &j, &toks); ++j) {
    std::string head;
    if (ColumnHeadLine(toks, &head)) {
      heads.push_back(head);
      columns.emplace_back();
      continue;
    }
    // A "Not" head whose note numbers OCR set elsewhere or lost: no column.
    if (heads.empty() && toks.size() == 1 && FoldKey(toks[0]) == "not") continue;
    if (heads.empty()) return false;
    NumberLine nl = ReadNumberLine(toks, 1);
    // One figure whose first thousands space OCR lost ("2729 155"): a
    // column holds one figure a line, so head and group are one figure.
    if (nl.cells.empty() && toks.size() == 2) {
      std::vector<std::string> joined = JoinLongHeads(toks);
      if (joined.size() == 1) nl.cells = std::move(joined);
    }
    // A sentence under one table that OCR set between the columns
    // ("Kommunernas andel fördelas efter invånarantal."): not the end when
    // another column's head follows it.
    if (nl.cells.empty() && toks.size() >= 4 && FiguresStart(toks) == toks.size() &&
        CleanCellText(lines[j]->text).back() == '.') {
      size_t next = j + 1;
      std::vector<std::string> next_toks;
      std::string next_head;
      if (NextBlockTokens(lines, tp, &next, &next_toks) && ColumnHeadLine(next_toks, &next_head)) continue;
    }
    if (nl.cells.empty()) break;
    columns.back().push_back(nl.cells[0]);
  }
  *end = j;
  // A reading pairs every table with columns of its own; the sums choose
  // among readings, and a tie reads nothing.
  struct Reading {
    std::vector<Grid> grids;
    int holds = 0, fails = 0;
  };
  // Pairs table `t` with the columns `picked` of `cols` (one per period, of
  // one size) as one block; false when the labels do not take them.
  auto pair_table = [&](size_t t, const std::vector<size_t>& picked, const std::vector<std::vector<std::string>>& cols,
                        Reading* r) {
    const size_t size = cols[picked[0]].size();
    std::vector<std::string> years;
    std::vector<NumberLine> rows(size);
    for (size_t col : picked) {
      years.push_back(heads[col]);
      for (size_t q = 0; q < size; ++q) rows[q].cells.push_back(cols[col][q]);
    }
    for (NumberLine& nl : rows) nl.groupings = 1;
    Grid g;
    int holds = 0, fails = 0;
    if (!PairLabelBlock(lines, pages, segs[t].labels, years, rows, /*column_mode=*/true, segs[t].title, *end, doc_kind,
                        &g, &holds, &fails))
      return false;
    g.header_label = segs[t].unit;
    r->holds += holds;
    r->fails += fails;
    r->grids.push_back(std::move(g));
    return true;
  };
  // The best reading's tables go out; none when the sums cannot tell the
  // best from the next, or (`need_clean`) when it holds no check or fails one.
  auto take_best = [&](std::vector<Reading>& readings, bool need_clean) {
    auto better = [](const Reading& x, const Reading& y) {
      if ((x.fails == 0) != (y.fails == 0)) return x.fails == 0;
      if (x.holds != y.holds) return x.holds > y.holds;
      return x.fails < y.fails;
    };
    std::stable_sort(readings.begin(), readings.end(), better);
    if (readings.empty() || (need_clean && (readings[0].holds == 0 || readings[0].fails > 0))) return false;
    if (readings.size() > 1 && !better(readings[0], readings[1])) return false;  // the sums cannot tell
    for (Grid& g : readings[0].grids) out->push_back(std::move(g));
    return true;
  };
  // The columns come a year at a time, one a table in the tables' order.
  // OCR may set a head without its figures right before the next table's
  // head ("2025-12-31", "2025", then the note's five figures and the
  // balansräkning's ten): a head left empty and the next column holding
  // both tables' figures, in either order. A table's size is its column's
  // in a year whose columns are all filled.
  // Columns in another order than a year at a time in the tables' order
  // (psm 3 on a page of three borderless statements: "2025" of the second
  // table, "2025" of the third, then the first table's two balance dates,
  // then the others' "2024"): every assignment of the columns to the tables
  // (each table one column per year, its columns of one size, no more
  // figures than labels, no period twice) is paired and the sums choose;
  // a tie reads nothing.
  auto any_order = [&]() -> bool {
    const size_t n = segs.size(), k = columns.size();
    if (n < 2 || n > 4 || k > 8 || k % n != 0) return false;
    const size_t years_n = k / n;
    std::vector<Reading> readings;
    std::vector<std::vector<size_t>> mine(n);
    std::function<void(size_t)> assign = [&](size_t c) {
      if (readings.size() >= 64) return;
      if (c == k) {
        Reading r;
        for (size_t t = 0; t < n; ++t)
          if (!pair_table(t, mine[t], columns, &r)) return;
        readings.push_back(std::move(r));
        return;
      }
      for (size_t t = 0; t < n; ++t) {
        if (mine[t].size() >= years_n || columns[c].size() < 2 || columns[c].size() > segs[t].labels.size()) continue;
        if (!mine[t].empty() && columns[mine[t][0]].size() != columns[c].size()) continue;
        bool again = false;
        for (size_t m : mine[t]) again = again || heads[m] == heads[c];
        if (again) continue;
        mine[t].push_back(c);
        assign(c + 1);
        mine[t].pop_back();
      }
    };
    assign(0);
    return take_best(readings, /*need_clean=*/true);
  };
  const size_t n = segs.size(), k = columns.size();
  if (k < n || k % n != 0) return any_order();
  const size_t years_n = k / n;
  std::vector<size_t> size(n, 0);
  for (size_t c = 0; c < years_n && !size[0]; ++c) {
    bool filled = true;
    for (size_t t = 0; t < n; ++t) filled = filled && columns[c * n + t].size() >= 2;
    if (!filled) continue;
    for (size_t t = 0; t < n; ++t) size[t] = columns[c * n + t].size();
  }
  if (!size[0]) return any_order();
  for (size_t t = 0; t < n; ++t)
    if (size[t] > segs[t].labels.size()) return any_order();
  for (size_t t = 0; t < n; ++t) {
    std::set<std::string> named;  // a table's columns name different periods
    for (size_t c = 0; c < years_n; ++c)
      if (!named.insert(heads[c * n + t]).second) return any_order();
  }
  struct Merged {
    size_t year, table;  // the empty head's column; the next table's holds both
  };
  std::vector<Merged> merged;
  for (size_t c = 0; c < years_n; ++c) {
    for (size_t t = 0; t < n; ++t) {
      const size_t got = columns[c * n + t].size();
      if (got == size[t]) continue;
      if (got == 0 && t + 1 < n && columns[c * n + t + 1].size() == size[t] + size[t + 1]) {
        merged.push_back({c, t});
        ++t;
        continue;
      }
      return any_order();
    }
  }
  if (merged.size() > 3) return false;
  // Every order of the merged columns' figures is read; the sums choose.
  std::vector<Reading> readings;
  for (size_t mask = 0; mask < (size_t{1} << merged.size()); ++mask) {
    std::vector<std::vector<std::string>> cols = columns;
    for (size_t q = 0; q < merged.size(); ++q) {
      const size_t at = merged[q].year * n + merged[q].table, t = merged[q].table;
      std::vector<std::string> both = cols[at + 1];
      const bool second_first = (mask >> q) & 1;  // the later table's figures printed first
      const size_t cut = second_first ? size[t + 1] : size[t];
      std::vector<std::string> head(both.begin(), both.begin() + cut), rest(both.begin() + cut, both.end());
      cols[at] = second_first ? rest : head;
      cols[at + 1] = second_first ? head : rest;
    }
    Reading r;
    bool ok = true;
    for (size_t t = 0; t < n && ok; ++t) {
      std::vector<size_t> picked;
      for (size_t c = 0; c < years_n; ++c) picked.push_back(c * n + t);
      ok = pair_table(t, picked, cols, &r);
    }
    if (ok) readings.push_back(std::move(r));
  }
  return take_best(readings, /*need_clean=*/false);
}
}  // namespace

// What OCR makes of a table's ruling or shading under a header (psm 6:
// "SS ee orem eon UM eee eee eM eee a Mii eau ee,"): five or more short
// scraps, none longer than five characters, at least two of them runs of
// e's, hardly a digit. Such a line is no row and must not end the table.
// A line that also holds a word of six letters or more (a label with
// scraps beside it) is kept.
// A shaded rule read as scraps after a line's words ("anlaggningstillgangar
// Coe ane ese mee ee emo", psm 6): a run of three or more tokens of one to
// three letters at the line's end, one of them Tesseract's "ee", goes.
std::string WithoutScrapTail(const std::string& clean) {
  std::vector<std::string> toks = Tokens(clean);
  size_t from = toks.size();
  bool ee = false;
  while (from > 1 && RE2::FullMatch(toks[from - 1], "[A-Za-z]{1,3}"_re)) {
    ee = ee || RE2::FullMatch(toks[from - 1], "[eE]{2,3}"_re);
    --from;
  }
  if (toks.size() - from < 3 || !ee) return clean;
  std::string out;
  for (size_t k = 0; k < from; ++k) out += (k ? " " : "") + toks[k];
  return out;
}

bool IsRulingGarbage(const std::string& text) {
  std::vector<std::string> toks = Tokens(text);
  if (toks.size() < 5) return false;
  int digits = 0, runs = 0;
  for (const std::string& t : toks) {
    if (t.size() > 5) return false;
    for (char c : t) digits += c >= '0' && c <= '9';
    runs += RE2::FullMatch(t, "[eE]{2,4}[,.]?"_re);
  }
  return runs >= 2 && digits <= 2;
}

// The running headers and footers of a text dump's pages (one page per form
// feed): within the first or last two lines of a page, a line that ends in
// a page number ("Verksamhetsplan 2027–2029  Sida 1") or, naming no column
// and holding no figure but years, is printed the same at the edge of at
// least `running_min_pages` pages. A table broken over a page goes on after
// them (the header's second line, the rows), so they must not end it or
// join it.
std::set<const Line*> RunningTextLines(const Document& doc, int running_min_pages) {
  std::set<const Line*> running;
  if (doc.pages.size() < 2) return running;
  constexpr size_t kEdgeLines = 2;
  std::vector<std::vector<const Line*>> edges(doc.pages.size());
  for (size_t pi = 0; pi < doc.pages.size(); ++pi) {
    std::vector<const Line*> text;
    for (const Line& l : doc.pages[pi].lines)
      if (l.text.find_first_not_of(" \t\f") != std::string::npos) text.push_back(&l);
    for (size_t k = 0; k < text.size(); ++k)
      if (k < kEdgeLines || k + kEdgeLines >= text.size()) edges[pi].push_back(text[k]);
  }
  // A running line may end in its page's number after a separator
  // ("Samordningsförbundet X – Årsredovisning 2025 – 1"): the number and the
  // dash go before lines are compared, so the line repeats page to page.
  // (OCR may lose the number and leave the dash: "… Årsredovisning 2025 -".)
  static const RE2 kTrailingNumber("\\s+[-\\x{2013}\\x{2014}|\\x{00b7}\\x{2022}]\\s*(\\d{1,3})?\\s*$");
  auto without_page_number = [](const std::string& text) {
    std::string t = text;
    RE2::Replace(&t, kTrailingNumber, "");
    return t;
  };
  auto repeatable = [&](const Line& l) {
    std::string label;
    std::vector<std::string> headers;
    if (SpaceHeader(l.text, &label, &headers)) return false;
    static const RE2 kYears("(?:19|20)\\d\\d(?:[-\u2013](?:19|20)?\\d\\d)?[.,:]?");
    static const RE2 kSeparator("[-\\x{2013}\\x{2014}|\\x{00b7}\\x{2022}]");
    for (const std::string& t : Tokens(without_page_number(l.text)))
      if (IsNumericToken(t) && !RE2::FullMatch(t, kYears) && !RE2::FullMatch(t, kSeparator)) return false;
    return true;
  };
  std::map<std::string, std::set<size_t>> pages_of;  // a repeatable line's text → the pages at whose edge it stands
  std::map<const Line*, std::string> key_of;         // each repeatable edge line → its text's key
  for (size_t pi = 0; pi < edges.size(); ++pi)
    for (const Line* l : edges[pi])
      if (repeatable(*l)) pages_of[key_of[l] = FoldKey(without_page_number(l->text))].insert(pi);
  // A line that opens (or closes) two pages or more the same way is their
  // running header (footer) even on a document of two pages ("Samordnings-
  // förbundet Blekinge" over each page): no table row stands first on two
  // pages, word for word.
  std::map<std::string, int> firsts, lasts;
  for (size_t pi = 0; pi < edges.size(); ++pi)
    if (!edges[pi].empty()) {
      if (auto k = key_of.find(edges[pi].front()); k != key_of.end()) ++firsts[k->second];
      if (auto k = key_of.find(edges[pi].back()); k != key_of.end()) ++lasts[k->second];
    }
  for (size_t pi = 0; pi < edges.size(); ++pi)
    if (!edges[pi].empty()) {
      for (const Line* l : {edges[pi].front(), edges[pi].back()}) {
        auto k = key_of.find(l);
        const bool first = l == edges[pi].front();
        if (k != key_of.end() && RE2::PartialMatch(l->text, "[[:alpha:]]{3}"_re) &&
            (first ? firsts[k->second] : lasts[k->second]) >= 2)
          running.insert(l);
      }
    }
  for (size_t pi = 0; pi < edges.size(); ++pi)
    for (const Line* l : edges[pi]) {
      bool words = RE2::PartialMatch(l->text, "[[:alpha:]]{3}"_re);
      auto key = key_of.find(l);
      // "… Årsredovisning 2025 – 2" at the edge of page 2: its own number.
      int number = 0;
      const bool own_number = RE2::PartialMatch(l->text, kTrailingNumber, &number) && number == static_cast<int>(pi) + 1;
      if ((words && (EndsInPageNumber(l->text) || own_number)) ||
          (key != key_of.end() && static_cast<int>(pages_of[key->second].size()) >= running_min_pages))
        running.insert(l);
    }
  return running;
}

// A statement's name alone on its line, maybe with a few scraps OCR read
// beside it ("BALANSRAKNING oe ee"): `*scraps` gets those.
// A header label that ends in the Not column's head ("Resultatrakning
// Not", "Eget kapital och skulder Not").
bool NamesNoteColumn(const std::string& header_label) {
  return RE2::PartialMatch(FoldKey(header_label), "(^| )not\\.?$"_re);
}

bool IsIncomeStatementTitle(const std::string& title) {
  return RE2::PartialMatch(FoldKey(title), "resultatrakning"_re);
}

bool IsStatementCaption(const std::string& clean, std::string* scraps = nullptr) {
  static const RE2 kStatement("^(?:resultatrakning|balansrakning|kassaflodesanalys)((?: \\S{1,3}){0,3})$");
  std::string s;
  if (clean.size() > 40 || !RE2::FullMatch(FoldKey(clean), kStatement, &s)) return false;
  if (scraps) *scraps = s;
  return true;
}

// The first statement's caption in a report, maybe numbered and with its
// unit ("4 Resultaträkning, Tkr", "Balansräkning (kr)"): nothing else on
// the line.
bool IsNumberedStatementCaption(const std::string& clean) {
  static const RE2 kCaption(
      "^(?:\\d{1,2}(?:\\.\\d{1,2})*\\.? )?(?:resultatrakning|balansrakning)"
      "(?:,? \\(?(?:belopp i )?(?:tkr|kr|mkr|mnkr|tusental kronor)\\)?)?$");
  return clean.size() <= 50 && RE2::FullMatch(FoldKey(clean), kCaption);
}

bool RowHasCellsAny(const Grid& g) {
  return std::any_of(g.rows.begin(), g.rows.end(), [](const GridRow& r) { return RowHasCells(r); });
}

// A statement's caption with its header line lost ("BALANSRAKNING oe ee":
// psm 3 read the dates beside it as scraps, or dropped them): the years of
// the document's statement before it, when the next rows' figures group
// into as many columns. A statement's columns run the same way through one
// report (the year, then the year before), but nothing printed says so
// here: the rows carry a doubt the sums cannot clear (read.years).
//
// A balance sheet whose caption went with its header ("TILLGÅNGAR" the
// first line under the page's running head, psm 6) is read so too, after a
// resultaträkning. A Not column named in the statement before (its header
// "Resultaträkning Not 2023-01-01 …") is this one's too (`*note`).
bool HeadlessStatement(const std::vector<const Line*>& lines, size_t i, const std::vector<Grid>& before,
                       const DocumentMeta& meta, std::string* title, std::vector<std::string>* headers, bool* note,
                       bool* from_report_year) {
  std::string clean = CleanCellText(lines[i]->text), scraps;
  const bool assets = CaptionedByAssets(clean);
  const bool numbered = !assets && IsNumberedStatementCaption(clean);
  if (!assets && !numbered && !IsStatementCaption(clean, &scraps)) return false;
  if (numbered) scraps.clear();
  const Grid* prev = nullptr;
  for (auto it = before.rbegin(); it != before.rend() && !prev; ++it)
    if (it->headers.size() >= 2 && RE2::PartialMatch(FoldKey(it->title), "(resultatrakning|balansrakning|kassaflodesanalys)"_re))
      prev = &*it;
  std::vector<std::string> years;
  *from_report_year = false;
  *note = false;
  if (prev) {
    // ("TILLGÅNGAR" under a balance sheet read with its header is a section
    // of that one, which the reader took already.)
    if (assets && !IsIncomeStatementTitle(prev->title)) return false;
    *note = NamesNoteColumn(prev->header_label);
    for (const std::string& h : prev->headers) {
      TableColumn c = ParseColumnHeader(h, "årsredovisning");
      if (!c.year || c.kind == ColumnKind::kNote) return false;
      years.push_back(std::to_string(c.year));
    }
  } else {
    // The report's first statement lost its header: an annual report
    // prints its year and the year before, in that order (the convention
    // of every statement in the real reports), and nothing here confirms
    // it, so the rows carry the same doubt.
    const int year = meta.year_to ? meta.year_to : meta.year_from;
    if (assets || meta.kind != "årsredovisning" || !year) return false;
    years = {std::to_string(year), std::to_string(year - 1)};
    *from_report_year = true;
  }
  // The first rows with figures (section headings between) fill exactly
  // those columns, and no header line follows.
  int seen = 0;
  for (size_t j = i + 1; j < lines.size() && seen < 4; ++j) {
    std::string l = CleanCellText(lines[j]->text);
    if (l.empty()) continue;
    ++seen;
    std::string hl;
    std::vector<std::string> hh;
    if (SpaceHeader(l, &hl, &hh)) return false;
    std::vector<std::string> toks = OcrTokens(l);
    size_t first = FiguresStart(toks);
    if (first == toks.size()) continue;
    if (first == 0) return false;
    // A note reference before the figures ("Not 9 478 065 442 482 157 666").
    if (first >= 2 && IsNoteWord(toks[first - 1])) ++first;
    // (Under a Not column, the row's first figure may be its reference.)
    if (!FillsColumns(toks, first, years.size()) &&
        !(*note && RE2::FullMatch(toks[first], "\\d{1,2}"_re) && FillsColumns(toks, first + 1, years.size())))
      return false;
    *headers = years;
    *title = clean.substr(0, clean.size() - scraps.size());
    return true;
  }
  return false;
}

// A budget set as a T-account, as a dump prints it (w39): a header naming
// the same heads twice, each after a label's head ("Intakter Budget 2027
// Kostnader Budget 2027"), then rows of a left label and its figures and a
// right label and its figures ("Forsakringskassan 2600 Insatser 3 900";
// the income side may run a row longer, a right label may wrap onto a line
// of its own in small letters). The block is rewritten as two tables, the
// left side's header and rows, then the right side's, each line a copy
// owned by `*owned` keeping its source line's index (provenance). Lines of
// other tables are left as they are.
void SplitTAccounts(std::vector<const Line*>* lines, std::vector<int>* pages, std::deque<Line>* owned) {
  auto split_at = [](const std::vector<std::string>& toks) -> size_t {
    // The first word of letters after a figure.
    for (size_t k = 1; k < toks.size(); ++k)
      if (IsNumberish(toks[k - 1]) && HasDigit(toks[k - 1]) && RE2::PartialMatch(toks[k], "^\\pL\\pL"_re)) return k;
    return toks.size();
  };
  auto join = [](const std::vector<std::string>& toks, size_t from, size_t to) {
    std::string out;
    for (size_t k = from; k < to; ++k) out += (out.empty() ? "" : " ") + toks[k];
    return out;
  };
  for (size_t i = 0; i < lines->size(); ++i) {
    const std::vector<std::string> t = OcrTokens(CleanCellText((*lines)[i]->text));
    size_t split = 0;
    for (size_t s = 2; s + 1 < t.size() && !split; ++s) {
      if (!IsYearToken(t[s - 1]) || !RE2::PartialMatch(t[s], "^\\p{Lu}\\pL"_re) || IsHeaderToken(t[s])) continue;
      size_t a = 0, b = s;
      while (a < s && !IsHeaderToken(t[a])) ++a;
      while (b < t.size() && !IsHeaderToken(t[b])) ++b;
      if (a == 0 || a > 3 || b == s || b - s > 3 || s - a != t.size() - b) continue;
      bool same = true;
      for (size_t k = 0; a + k < s && same; ++k) same = FoldKey(t[a + k]) == FoldKey(t[b + k]);
      if (same) split = s;
    }
    if (!split) continue;
    std::vector<std::pair<std::string, size_t>> left, right;  // text, source line
    left.push_back({join(t, 0, split), i});
    // (The right side under the left side's caption too: the nearest short
    // line without figures above the header.)
    // (A sentence between them is skipped, as FindTitle skips it.)
    for (size_t c = i, seen = 0; c-- > 0 && (*pages)[c] == (*pages)[i] && seen < 3;) {
      const std::string cap = CleanCellText((*lines)[c]->text);
      if (cap.empty()) continue;
      ++seen;
      bool figure = false;
      for (const std::string& x : OcrTokens(cap)) figure = figure || (IsNumberish(x) && HasDigit(x) && !IsYearToken(x));
      if (figure) break;
      if (Tokens(cap).size() > 8 || SentenceEndsInside(cap) || cap.back() == '.') continue;
      right.push_back({cap, c});
      break;
    }
    right.push_back({join(t, split, t.size()), i});
    size_t j = i + 1;
    int two_sided = 0;
    for (; j < lines->size() && (*pages)[j] == (*pages)[i]; ++j) {
      const std::string clean = CleanCellText((*lines)[j]->text);
      if (clean.empty()) continue;
      const std::vector<std::string> r = OcrTokens(clean);
      bool figure = false;
      for (const std::string& x : r) figure = figure || (IsNumberish(x) && HasDigit(x));
      if (!figure) {
        // A right label's second line ("administration"): the right side's.
        if (RE2::PartialMatch(clean, "^\\p{Ll}"_re) && !right.empty() && right.back().second != i) {
          right.push_back({clean, j});
          continue;
        }
        break;
      }
      const size_t k = split_at(r);
      left.push_back({join(r, 0, k), j});
      if (k < r.size()) {
        right.push_back({join(r, k, r.size()), j});
        ++two_sided;
      }
    }
    if (two_sided < 2) continue;
    std::vector<const Line*> out(lines->begin(), lines->begin() + static_cast<long>(i));
    std::vector<int> out_pages(pages->begin(), pages->begin() + static_cast<long>(i));
    for (const auto* side : {&left, &right})
      for (const auto& [text, src] : *side) {
        Line copy = *(*lines)[src];
        copy.text = copy.raw = text;
        copy.words.clear();
        owned->push_back(std::move(copy));
        out.push_back(&owned->back());
        out_pages.push_back((*pages)[src]);
      }
    const size_t resume = out.size();
    out.insert(out.end(), lines->begin() + static_cast<long>(j), lines->end());
    out_pages.insert(out_pages.end(), pages->begin() + static_cast<long>(j), pages->end());
    *lines = std::move(out);
    *pages = std::move(out_pages);
    i = resume - 1;
  }
}

std::vector<Grid> ReadTextTables(const Document& doc, const TextTableParams& params) {
  std::vector<Grid> grids;
  // Flatten lines with their page numbers: tables may cross form feeds.
  std::vector<const Line*> lines;
  std::vector<int> pages;
  const std::set<const Line*> running = RunningTextLines(doc, LayoutParams().running_min_pages);
  // A page's folio on a line of its own ("10 (17)", "Sida 10 av 17": OCR
  // split it from the running head), between a table's column blocks: the
  // page's number and a page count no smaller (a dump may hold only some
  // of the report's pages), no figures.
  static const RE2 kFolio("(?i)(?:sida\\s+)?(\\d{1,3})\\s*(?:\\(|av|/)\\s*(\\d{1,3})\\)?");
  auto folio = [&](const Page& p, const Line& l) {
    int n = 0, of = 0;
    return RE2::FullMatch(CleanCellText(l.text), kFolio, &n, &of) && n == p.number && of >= n;
  };
  for (const Page& p : doc.pages)
    for (const Line& l : p.lines) {
      if (running.count(&l) || IsRulingGarbage(l.text) || folio(p, l)) continue;
      lines.push_back(&l);
      pages.push_back(p.number);
    }
  std::deque<Line> owned;  // the T-accounts' rewritten lines (SplitTAccounts)
  SplitTAccounts(&lines, &pages, &owned);
  std::set<size_t> consumed;  // lines a split-columns table took as a column block
  size_t i = 0;
  while (i < lines.size()) {
    if (consumed.count(i)) {
      ++i;
      continue;
    }
    const Line& hl = *lines[i];
    bool tabbed = hl.text.find('\t') != std::string::npos;
    bool title_header = false;
    bool headless = false;           // a statement's caption without its header line
    bool headless_report_year = false;  // ... and no statement before it: the report's years
    std::string headless_title;
    bool header_junk = false;        // rule-line junk stripped from the header
    std::set<int> junk_lines;        // Line::index of rows read after stripping junk
    Grid g;
    size_t ncols = 0;
    bool note_column = false;  // the header names a Not column before the years
    bool count_before = false, count_after = false;  // a count column left or right of the values
    bool side_text = false;  // the header names a text column between label and values
    std::vector<int> col_pos;  // char column of each header cell (tab path)
    size_t body_from = i + 1;  // the first line after the header
    size_t title_at = i;       // the header's first line: its caption is above
    if (tabbed) {
      std::vector<TabCell> cells = SplitTabs(hl.text);
      std::vector<std::string> headers;
      for (size_t k = 1; k < cells.size(); ++k) headers.push_back(cells[k].text);
      bool one_column = headers.size() == 1 && IsKindYearHeader(headers[0]);
      if (CountValueHeaders(headers) < 2 && !one_column) {
        ++i;
        continue;
      }
      g.confirm_by_sums = one_column;
      g.header_label = cells[0].text;
      g.headers = headers;
    } else {
      std::string label;
      std::vector<std::string> headers;
      size_t years_line = 0;
      const bool plan_doc = doc.meta.kind == "verksamhetsplan" || doc.meta.kind == "budget";
      if (WrappedKindsHeader(lines, i, plan_doc ? doc.meta.year_from : 0, &label, &headers, &years_line)) {
        body_from = years_line + 1;
      } else if (StackedHeadCells(lines, pages, i, &label, &headers, &body_from)) {
        // (The header cells one a line: read; the body starts under them.)
      } else if (ShareSignWrapped(lines, pages, i, &label, &headers, &body_from)) {
        // (A share head's "%" wrapped onto a line of its own: read with it.)
      } else if (!SpaceHeader(hl.text, &label, &headers, &header_junk) && TitleYears(lines, i, &headers)) {
        // OCR dropped the header line: the caption's years name the columns.
        title_header = true;
        label.clear();
      } else if (headers.empty() || !SpaceHeader(hl.text, &label, &headers)) {
        Grid block;
        size_t end = i + 1;
        if (ReadBlockTable(lines, pages, i, doc.meta.kind, params, &block, &end) ||
            ReadSplitColumnsTable(lines, pages, i, params, &consumed, &block, &end)) {
          grids.push_back(std::move(block));
          i = std::max(end, i + 1);
          continue;
        }
        if (ReadInterleavedBlockTables(lines, pages, i, doc.meta.kind, params, &grids, &end)) {
          i = std::max(end, i + 1);
          continue;
        }
        bool headless_note = false;
        if (HeadlessStatement(lines, i, grids, doc.meta, &headless_title, &headers, &headless_note,
                              &headless_report_year)) {
          headless = true;
          label = headless_note ? "Not" : "";
        } else {
          if (!OneColumnSpaceHeader(hl.text, &label, &headers) &&
              !((AmountWordSpaceHeader(hl.text, &label, &headers) ||
                 YearlessKindsSpaceHeader(hl.text, &label, &headers)) &&
                SingleYear(FindTitle(lines, i, params)).has_value())) {
            Grid turned;
            size_t end = i + 1;
            if (ReadYearRowsTable(lines, pages, i, params, &turned, &end)) {
              grids.push_back(std::move(turned));
              i = end;
              continue;
            }
            ++i;
            continue;
          }
          g.confirm_by_sums = true;
        }
      }
      // A years line over a kinds line that names k ≥ 2 kinds under each
      // year ("2025 2024" over "Tkr Budget Utfall Budget Utfall": merged
      // cells, each year spanning its kinds): the kinds pair with the years
      // by position.
      // Or a fee's head merged over the years' cells on the line above
      // ("Medlem Andel Avgift, kr" over "2026 2027").
      if (body_from == i + 1 && !headers.empty()) {
        const bool plan_doc = doc.meta.kind == "verksamhetsplan" || doc.meta.kind == "budget";
        if (!KindsUnderYears(lines, pages, i, plan_doc, doc.meta.year_from, &label, &headers, &body_from))
          AmountHeadOverYears(lines, pages, i, &label, &headers, &title_at);
      }
      // psm 3 may set a Not head on a line of its own above the years
      // ("Belopp i tkr" / "Not" / "2025 2024"): the Not column is there.
      if (label.empty()) {
        for (size_t back = 1; back <= 4 && back <= i && pages[i - back] == pages[i]; ++back) {
          const std::string above = CleanCellText(lines[i - back]->text);
          if (above.empty()) continue;
          if (IsNoteWord(above)) label = "Not";
          break;
        }
      }
      g.header_label = label;
      note_column = NamesNoteColumn(label);
      // A period per column over two lines: first days, then last days
      // ("2023-01-01 2022-01-01" over "2023-12-31 2022-12-31"). One head
      // each, named by the day it closes.
      // (psm 6 may set a blank line between the two.)
      std::vector<std::string> ends;
      size_t ends_at = i + 1;
      while (ends_at < lines.size() && ends_at < i + 3 && pages[ends_at] == pages[i] &&
             CleanCellText(lines[ends_at]->text).empty())
        ++ends_at;
      if (body_from == i + 1 && !headers.empty() &&
          std::all_of(headers.begin(), headers.end(), [](const std::string& h) { return IsDayToken(h, false); }) &&
          ends_at < lines.size() && PeriodEndsLine(*lines[ends_at], headers.size(), &ends)) {
        for (size_t k = 0; k < headers.size(); ++k) headers[k] += " - " + ends[k];
        body_from = ends_at + 1;
      } else if (body_from == i + 1 && ends_at < lines.size()) {
        // Some heads only a period's first day, beside kinds with their
        // years ("2026-01-01— 2025-01-01— Budget 2026 Prognos 2026
        // Avvikelse" over "2026-08-31 2025-08-31 helår", w41): the days
        // closing them in order, and a word or two under the yearless
        // head last (the rest of "Avvikelse helår").
        std::vector<size_t> days;
        for (size_t k = 0; k < headers.size(); ++k)
          if (IsDayToken(headers[k], false)) days.push_back(k);
        std::vector<std::string> t = OcrTokens(CleanCellText(lines[ends_at]->text));
        std::vector<std::string> end_days, words;
        for (const std::string& e : t) {
          if (IsDayToken(e, false) && words.empty()) end_days.push_back(e);
          else if (RE2::FullMatch(e, "\\pL{2,10}"_re)) words.push_back(e);
          else end_days.clear();
        }
        bool same_years = !days.empty() && end_days.size() == days.size();
        for (size_t n = 0; same_years && n < days.size(); ++n)
          same_years = end_days[n].substr(0, 4) == headers[days[n]].substr(0, 4);
        if (same_years && days.size() < headers.size() && words.size() <= 2) {
          for (size_t n = 0; n < days.size(); ++n) headers[days[n]] += " - " + end_days[n];
          if (!words.empty() && SingleYear(headers.back()) == std::nullopt) {
            for (const std::string& w : words) headers.back() += " " + w;
          }
          body_from = ends_at + 1;
        }
      }
      g.headers = headers;
      // A count column beside the values ("Kommun Invanare Budget 2025
      // Budget 2026", "Insats Budget 2025 Utfall 2025 Deltagare"): its
      // figures are printed in each row with the amounts.
      std::vector<std::string> label_toks = Tokens(label);
      count_before = label_toks.size() >= 2 && IsCountHeader(label_toks.back());
      // Two or three capitalised names before the values ("Insats Malgrupp
      // Budget 2026", "Insats Huvudman Löptid Budget 2027"): text columns
      // between label and values, which a dump gives no positions to cut
      // from the labels.
      // Cell borders OCR read as strokes ("Nr _ |Insats Malgrupp") are no
      // names, and a code column's head before the labels ("Nr", "Konto":
      // InterpretGrid takes its codes off the labels) is no text column.
      std::vector<std::string> named;
      for (std::string w : label_toks) {
        RE2::GlobalReplace(&w, "[|_\\[\\]]"_re, "");
        if (!w.empty()) named.push_back(w);
      }
      if (named.size() >= 2 && RE2::FullMatch(FoldKey(named[0]), "konto|kontonr|nr\\.?|kod|ansvar"_re))
        named.erase(named.begin());
      // A count column's head after them ("Insats Målgrupp Platser Budget
      // 2027") leaves the text column between label and values as it was.
      // (A share column's "%" takes its name with it: "Fördelning, %".)
      if (count_before && named.size() >= 3 && named.back() == "%") named.resize(named.size() - 2);
      while (count_before && named.size() >= 2 && IsCountHeader(named.back())) named.pop_back();
      auto capital = [](const std::string& w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; };
      side_text = (named.size() == 2 || named.size() == 3) &&
                  std::all_of(named.begin(), named.end(), capital) && FoldKey(named.back()) != "not" &&
                  !DetectMoneyUnit(label);
      std::string l2;
      std::vector<std::string> h2;
      if (!count_before) SpaceHeader(hl.text, &l2, &h2, nullptr, &count_after);
    }
    // The last head's word wrapped onto a line of its own ("Avvikelse mot"
    // over "budget"): part of the header, no row.
    if (!tabbed && !g.headers.empty() && body_from < lines.size() &&
        RE2::PartialMatch(FoldKey(g.headers.back()), "^(avvikelse|differens) mot$"_re)) {
      size_t q = body_from;
      while (q < lines.size() && q < body_from + 2 && CleanCellText(lines[q]->text).empty()) ++q;
      std::string word;
      if (q < lines.size() && RE2::FullMatch(FoldKey(CleanCellText(lines[q]->text)), "(budget|prognos)"_re, &word)) {
        g.headers.back() += " " + word;
        body_from = q + 1;
      }
    }
    ncols = g.headers.size();
    bool comment_column = false;  // the header names a comments column after the figures
    if (!tabbed)
      for (size_t q = i; q < body_from && q < lines.size(); ++q) comment_column = comment_column || NamesCommentColumn(lines[q]->text);
    bool comment_cut = false;  // the last row's comment was cut off
    g.title = title_header ? CleanCellText(hl.text) : headless ? headless_title : FindTitle(lines, title_at, params);
    // A statement's name printed on its header line ("Resultaträkning Not
    // 2023-01-01 2022-01-01") is its title, not the line above.
    if (!title_header && !headless && !tabbed) {
      std::string named = g.header_label;
      RE2::Replace(&named, "(?i)\\s*not\\.?$"_re, "");
      if (!named.empty() && IsTableHeading(named)) g.title = named;
    }
    g.page = g.last_page = pages[i];
    size_t j = body_from;
    int blanks = 0;
    for (; j < lines.size(); ++j) {
      const Line& l = *lines[j];
      int page = pages[j];
      std::string clean = CleanCellText(l.text);
      bool line_junk = false;
      if (comment_column) {
        // The next lines of cells wrapped under a row whose comment went
        // ("2026", "avsnitt 3" of the comment; "stad 2024", "kommun" of a
        // text column and the comment): no label with a capital, and fewer
        // figures than columns or only a year or a small number. Not a row.
        bool cut = false;
        const std::string kept = CutCommentTail(clean, ncols, &cut);
        const std::vector<std::string> toks = OcrTokens(kept);
        const size_t fs = FiguresStart(toks);
        const size_t figs = toks.size() - fs;
        const bool small_tail = figs == 1 && RE2::FullMatch(toks.back(), "(19|20)\\d\\d|\\d{1,2}"_re);
        if (comment_cut && !cut && !kept.empty() && (figs < ncols || small_tail) &&
            (fs == 0 || !std::isupper(static_cast<unsigned char>(toks[0][0])))) {
          continue;
        }
        if (!kept.empty()) comment_cut = cut;
        clean = kept;
      }
      if (!tabbed) {
        clean = WithoutScrapTail(StripRuleJunk(clean, &line_junk));
        if (line_junk) junk_lines.insert(l.index);
        if (line_junk && clean.empty()) continue;  // a rule line
      }
      // The blank lines at a page's foot and head are the page's margins,
      // not the table's end: a table that runs on over the page break
      // without its header ("Eget kapital, tkr 2 130 2 320 …" under the
      // next page's running header) goes on counting from the new page.
      if (j > body_from && page != pages[j - 1]) blanks = 0;
      if (clean.empty()) {
        if (++blanks >= (tabbed ? params.end_blank_lines_tabbed : params.end_blank_lines_spaced)) break;
        continue;
      }
      bool line_tabbed = l.text.find('\t') != std::string::npos;
      GridRow row;
      row.prov.page = page;
      row.prov.line_index = l.index;
      row.prov.raw_text = l.raw;
      row.prov.box = l.box;
      row.cells.resize(ncols);
      if (tabbed) {
        if (!line_tabbed) break;
        std::vector<TabCell> cells = SplitTabs(l.text);
        std::vector<std::string> hdrs;
        for (size_t k = 1; k < cells.size(); ++k) hdrs.push_back(cells[k].text);
        row.label = cells[0].text;
        if (CountValueHeaders(hdrs) >= 2) {
          row.repeated_header = true;
        } else {
          for (size_t k = 1; k < cells.size() && k - 1 < ncols; ++k) {
            const TabCell& c = cells[k];
            if (c.text.empty() || !HasDigit(c.text)) {
              if (!c.text.empty() && ParseSwedishNumber(c.text)) {  // a lone dash
              } else {
                continue;
              }
            }
            GridCell& gc = row.cells[k - 1];
            gc.present = true;
            gc.text = c.text;
            gc.prov = ProvFor(l, page, c.col0, c.col1, c.text);
            row.raw_numbers += (row.raw_numbers.empty() ? "" : " ") + c.text;
          }
        }
      } else {
        if (line_tabbed) break;
        // A unit on a line of its own under the header ("kr", "Belopp i
        // tkr"): the table's unit, not a row.
        if (g.rows.empty() && clean.size() <= 24 && clean.back() != '.' && DetectMoneyUnit(clean) &&
            !HasDigit(clean)) {
          g.header_label += (g.header_label.empty() ? "" : " ") + clean;
          continue;
        }
        if (IsDateLine(clean)) break;  // "… i delårsrapporten per den 31": prose under the table
        // A numbered heading right under the table's sum row ("Summa 100,00
        // % 6 300 000" over "5. Mål och indikatorer", w42: no blank line
        // between) opens the next section, unless the table numbers its own
        // rows like an outline ("1 Intäkter" … "Summa intäkter", "2
        // Kostnader").
        if (!g.rows.empty() && RowHasCells(g.rows.back()) && IsSumLabel(g.rows.back().label) &&
            RE2::PartialMatch(clean, "^\\d{1,2}\\.? +\\p{Lu}\\pL+"_re) && !HasDigit(clean.substr(clean.find(' '))) &&
            std::none_of(g.rows.begin(), g.rows.end(),
                         [](const GridRow& r) { return RE2::PartialMatch(r.label, "^\\d"_re); }))
          break;
        // The page's running foot ("Sida 7 av 17"): no row, and what follows
        // it on the page (a signing service's code) is none either; the
        // table may go on on the next page.
        if (RE2::PartialMatch(FoldKey(clean), "^sida \\d+ av\\b"_re)) {
          while (j + 1 < lines.size() && pages[j + 1] == page) ++j;
          continue;
        }
        // ... or its number alone ("Sidan 1", "Sid. 3", "Page 2 (5)"): no row.
        if (RE2::FullMatch(FoldKey(clean), "(sida|sidan|sid\\.?|page|s\\.) ?\\d{1,3}( ?\\(\\d{1,3}\\))?"_re)) continue;
        std::string label;
        std::vector<std::string> hdrs;
        const bool header_line = SpaceHeader(l.text, &label, &hdrs);
        // A header line under a table heading ("Balansräkning", "Not 1
        // Verksamhetens intäkter") set among the last rows without figures
        // starts the next table, even with as many columns as this one:
        // those rows are its caption, not this table's.
        bool next_table = false;
        std::string label1;
        std::vector<std::string> hdrs1;
        // A one-column header ("Medlem Andel Medlemsavgift 2027") under a
        // caption starts the next table too.
        const bool one_column_header = !header_line && OneColumnSpaceHeader(l.text, &label1, &hdrs1);
        if (header_line || one_column_header) {
          // (A caption that names its year, "Insatser 2027", reads as a row
          // with that figure: the line right above the header.)
          auto year_caption = [](const GridRow& r) {
            int present = 0;
            bool year = false;
            for (const GridCell& c : r.cells)
              if (c.present) {
                ++present;
                year = RE2::FullMatch(c.text, "(19|20)\\d\\d(\\s*[-–]\\s*(19|20)\\d\\d)?"_re);
              }
            const size_t words = Tokens(r.label).size();
            return present == 1 && year && words >= 1 && words <= 5 && !HasDigit(r.label);
          };
          size_t k = g.rows.size(), caption = k;
          if (k > 0 && year_caption(g.rows[k - 1])) caption = --k;
          for (; k > 0 && !RowHasCells(g.rows[k - 1]) && !g.rows[k - 1].repeated_header; --k)
            if (IsTableHeading(CleanCellText(g.rows[k - 1].label))) caption = k - 1;
          next_table = caption < g.rows.size();
          if (next_table) g.rows.resize(caption);  // rows above the caption stay ("skulder" of a wrapped label)
        }
        // A repeated header names the same years; one that names others
        // ("Innevarande år Föregående år" under 2025-12-31, 2024-12-31) is
        // the next table's, as many columns or not.
        auto years_of = [](const std::vector<std::string>& hs) {
          std::vector<int> ys;
          for (const std::string& h : hs) {
            re2::StringPiece in(h);
            int y = 0;
            RE2::FindAndConsume(&in, "((?:19|20)\\d\\d)"_re, &y);
            ys.push_back(y);
          }
          return ys;
        };
        if (next_table) {
          break;
        } else if (header_line && hdrs.size() == ncols && years_of(hdrs) == years_of(g.headers)) {
          row.label = label;
          row.repeated_header = true;
        } else if (header_line) {
          break;  // another table's header ("Not 2025 2024" under three columns)
        } else if (one_column_header && !(ncols == 1 && hdrs1 == g.headers)) {
          break;  // another table's one-column header ("Medlem Andel Medlemsavgift 2027")
        } else if (one_column_header && FoldKey(label1) != FoldKey(g.header_label)) {
          break;  // the same heads under another label's head: a T-account's other side (SplitTAccounts)
        } else if (one_column_header) {
          row.label = label1;
          row.repeated_header = true;  // this table's own header again
        } else if (IsHeaderYearsLine(OcrTokens(clean), g.headers)) {
          // A scrap of a repeated header ("2020" under a header naming
          // 2020): no figures.
          row.repeated_header = true;
        } else {
          std::vector<std::string> toks = OcrTokens(clean);
          // A lone letter of the page's edge after the figures ("67 075 000
          // g"), or a last figure garbled into one or two short words ("12
          // 514 wage Gs"), hides the figures from FiguresStart: the row is
          // read without them (short of the columns, placed like any short
          // row), in doubt (read.edge_scrap).
          std::string edge_scrap;
          for (size_t drop = 1; drop <= 2 && edge_scrap.empty() && toks.size() >= drop + 3; ++drop) {
            bool scrap = FiguresStart(toks) == toks.size();
            for (size_t k = toks.size() - drop; k < toks.size() && scrap; ++k)
              scrap = (drop == 1 && toks[k].size() == 1) || RE2::FullMatch(toks[k], "[A-Za-z]{1,4}"_re);
            if (!scrap) continue;
            std::vector<std::string> rest(toks.begin(), toks.end() - static_cast<long>(drop));
            const size_t f = FiguresStart(rest);
            if (f >= rest.size() || (drop == 2 && rest.size() - f < 2)) continue;
            for (size_t k = rest.size(); k < toks.size(); ++k) edge_scrap += (edge_scrap.empty() ? "" : " ") + toks[k];
            toks = std::move(rest);
          }
          size_t first = FiguresStart(toks);
          // A note reference written out before the figures ("Nettoomsättning
          // Not 2 4 726 317 4 138 242", "Not 3, 4"): no figure, and not the
          // label's.
          bool note_written = false;
          if (first >= 2 && first < toks.size() && IsNoteWord(toks[first - 1])) {
            size_t e = first;
            while (e + 1 < toks.size() && RE2::FullMatch(toks[e], "\\d{1,2},"_re)) ++e;
            if (RE2::FullMatch(toks[e], "\\d{1,2}(,\\d{1,2})*"_re) && e + 1 < toks.size()) {
              toks.erase(toks.begin() + static_cast<long>(first - 1), toks.begin() + static_cast<long>(e + 1));
              first = FiguresStart(toks);
              note_written = true;
            }
          }
          // A lone figure without a label after a blank line under a
          // one-column table's Summa row: the first figure of a column block
          // that automatic segmentation printed after the table (its Utfall
          // column, figures one a line), no row of this one. (Under a table
          // of several columns it is the tails of figures wrapped in their
          // cells: "Summa intakter 13 13 13" over "320/ 320| 320".)
          if (ncols == 1 && first == 0 && toks.size() <= 3 && blanks > 0 && !g.rows.empty() && RowHasCells(g.rows.back()) &&
              IsSumLabel(g.rows.back().label) && ReadNumberLine(toks, 1).cells.size() == 1)
            break;
          // Prose with a figure ("Budgeten bygger på prognosen efter årets
          // första åtta månader. Medlemsavgifterna för 2027 uppgår till
          // 8 000 tkr."): a sentence ends inside the words before the
          // figures. No row; the table ended above it.
          if (first >= 6 && first < toks.size()) {
            std::string before;
            for (size_t k = 0; k < first; ++k) before += (k ? " " : "") + toks[k];
            if (SentenceEndsInside(before)) break;
          }
          // ... or a sentence that ends in its figure and unit ("… beslutas av
          // styrelsen inom ramen 1 600 tkr."): a row's cells never carry a
          // unit and a full stop.
          if (Tokens(clean).size() >= 7 &&
              RE2::PartialMatch(FoldKey(clean), "\\d (tkr|kr|mkr|mnkr|kronor|miljoner kronor)\\.$"_re))
            break;
          // A caption whose only figure is a year ("3. Mål och styrkort
          // 2026", "Driftredovisning 2025", "Insatser 2025") starts the next
          // table: numbered, naming a table, or with a sentence or a header
          // line after it. (A row of one figure in a table of several
          // columns has a row after it.)
          if (ncols >= 2 && first + 1 == toks.size() && IsYearToken(toks[first])) {
            std::string caption_label;
            for (size_t k = 0; k < first; ++k) caption_label += (k ? " " : "") + toks[k];
            bool caption = RE2::PartialMatch(clean, "^\\d{1,2}(\\.\\d{1,2})*\\.? \\pL"_re) ||
                           IsTableHeading(caption_label);
            const std::string next = caption ? std::string() : NextTextLine(lines, j + 1);
            if (!next.empty()) {
              std::string hl2;
              std::vector<std::string> hh2;
              // (Or the next table's numbered caption: "Insatser 2027" over
              // "Tabell 3. Individinriktade insatser 2027".)
              // (Or a sentence wrapped over lines: eight words or more
              // and no figure, "Medlemmarnas avgifter fördelas enligt
              // lagen om finansiell samordning: staten hälften, …", w40.)
              caption = next.back() == '.' || next.back() == ':' || SpaceHeader(next, &hl2, &hh2) ||
                        RE2::PartialMatch(FoldKey(next), "^(tabell|tab\\.|bilaga) \\d{1,2}\\b"_re) ||
                        (Tokens(next).size() >= 8 && !RE2::PartialMatch(next, "\\d"_re));
            }
            if (caption) break;
          }
          // Under a Not column, one or two small letters ending the label
          // are its note reference misread ("Byggnader och mark yi" for
          // 11; "Ovriga fordringar a"; "Nettoomsattning Ps" for 2): no
          // word a row label ends with.
          size_t label_end = first;
          // So is a short scrap closed by a bracket ("Nettoomsattning py)",
          // "Ovriga rorelseintakter )" for "2)", "3)"); a unit in brackets
          // ("(kr)", "(%)") opens its own.
          // (A capital I alone is a note 1 read as a letter: "Verksamhetens
          // intakter I 6 412", w36; no label ends with it.)
          if (note_column && first >= 2 &&
              (toks[first - 1] == "I" ||
               (RE2::FullMatch(toks[first - 1], "[A-Za-z]?[a-z]"_re) &&
                !RE2::FullMatch(FoldKey(toks[first - 1]), "(av|i|pa|om|kr|st|ab|ek|el|m)"_re)) ||
               RE2::FullMatch(toks[first - 1], "[^(]{0,2}\\)"_re)))
            --label_end;
          for (size_t k = 0; k < label_end; ++k) row.label += (k ? " " : "") + toks[k];
          // A note reference or formula in brackets whose close OCR's tokens
          // lost ("Övriga intäkter (not 2", "Resultat (A — B", FiguresStart):
          // closed. (Not a bracket a label wrapped inside: "Staten
          // (Försäkringskassan och" goes on on the next line.)
          if (RE2::PartialMatch(row.label, "\\((?:[Nn]ot|[Nn]oter) \\d{1,2}$|\\(\\p{Lu}(?: [-+−–—] \\p{Lu})+$"_re))
            row.label += ")";
          // Under a header that names a Not column before the years ("Not
          // 2025 2024"), a row's first figure of one or two digits that no
          // thousands group follows is its note reference ("Kassa och bank
          // 4 6 874 210 7 402 655"), no value.
          // Unless the figures fill the columns only with it ("Finansiella
          // intäkter 3 1", "Verksamhetens resultat 7 -222": no note).
          // When a thousands group follows ("Kortfristiga fordringar 1 310
          // 655": 1 310 | 655, or note 1 and 310 | 655) the figure reading
          // stays and the sums may choose the note reading (repair stage).
          // Whether the tokens from `from` on fill exactly the columns.
          // (A six-digit run after a short head, "-2 472711", counts as the
          // two groups it lost the space between: the row reads it so below.)
          auto fills = [&](size_t from) {
            // (The figures as the row reads them below: a head that lost
            // its last thousands space joined, "91170 000".)
            std::vector<std::string> rest =
                JoinDroppedThousands(std::vector<std::string>(toks.begin() + static_cast<long>(from), toks.end()));
            std::vector<std::string> shadow, split;
            for (const std::string& t : rest) shadow.push_back(ShadowDigits(t));
            for (const std::string& t : SplitSixDigitRuns(rest)) split.push_back(ShadowDigits(t));
            return !GroupFigures(shadow, static_cast<int>(ncols), 16, true).empty() ||
                   (split.size() > shadow.size() && !GroupFigures(split, static_cast<int>(ncols), 16, true).empty());
          };
          bool maybe_note = false;
          // Several references joined by commas or semicolons ("Byggnad och
          // mark 12,18 832 940 201 840 432 365", "Driftskostnader 4,5, 6,
          // 7,8 -3 276 -3 104", "4,5;-6; 7,8"): the note cell, when the
          // figures after them fill the columns. Those OCR left in the label
          // go from it.
          static const RE2 kRefs("\\d{1,2}([,;\\-]+\\d{1,2})*[,;\\-]*");
          auto separated = [](const std::string& t) { return t.find_first_of(",;") != std::string::npos; };
          size_t ref_from = first, ref_to = first;
          while (ref_from > 1 && RE2::FullMatch(toks[ref_from - 1], kRefs) && separated(toks[ref_from - 1])) --ref_from;
          while (ref_to + 1 < toks.size() && RE2::FullMatch(toks[ref_to], kRefs) &&
                 (separated(toks[ref_to]) || (ref_to > ref_from && std::strchr(",;-", toks[ref_to - 1].back()))))
            ++ref_to;
          bool refs_any = false;
          for (size_t k = ref_from; k < ref_to; ++k) refs_any = refs_any || separated(toks[k]);
          if (note_column && !note_written && refs_any && ref_to > ref_from && ref_to < toks.size() && fills(ref_to)) {
            if (ref_from < first) {
              row.label.clear();
              for (size_t k = 0; k < ref_from; ++k) row.label += (k ? " " : "") + toks[k];
            }
            first = ref_to;
          } else if (note_column && !note_written && first + 1 == toks.size() && first > 0 &&
                     RE2::FullMatch(toks[first], "\\d{1,2}"_re)) {
            // A lone reference after a heading ("Rörelseintäkter 2" under
            // "Not 2023 2022"): a note on the section, no figure of a year.
            first = toks.size();
          } else if (note_column && !note_written && first + 1 < toks.size() && RE2::FullMatch(toks[first], "\\d{1,2}"_re)) {
            if (!RE2::FullMatch(toks[first + 1], "\\d{3}"_re)) {
              if (fills(first + 1) || !fills(first)) ++first;
            } else {
              // A Summa row carries no note reference (none does in the
              // real reports' statements): its first token is a figure's.
              maybe_note = fills(first + 1) && fills(first) && !IsSumLabel(row.label);
            }
          }
          // Under text columns between label and values, a dash is such a
          // column's empty cell ("Medel för nya insatser - - 2500 5 200"):
          // leading dashes go when the figures after them fill the columns.
          auto dash = [](const std::string& t) { return t == "-" || t == "\u2013" || t == "\u2014"; };
          if (side_text && first < toks.size()) {
            size_t k = first;
            while (k < toks.size() && dash(toks[k])) ++k;
            // Two dashes or more before the figures are the text columns'
            // (a run of nil amounts would leave no figure to fill them).
            if (k > first && k < toks.size() && (k - first >= 2 || !fills(first)) && fills(k)) first = k;
          }
          // A dash set apart before the figures under a count column left
          // of the values ("Kompetensinsatser - 500" under "Platser Budget
          // 2027") is the count's empty cell, or the figure's minus: the
          // first when the rest fills the columns and nothing fills a count
          // too; the sums may clear the doubt.
          bool dash_count = false;
          if (count_before && first + 1 < toks.size() && dash(toks[first])) {
            std::vector<std::string> from(toks.begin() + static_cast<std::ptrdiff_t>(first), toks.end());
            if (GroupFigures(from, static_cast<int>(ncols) + 1, 16, true).empty() && fills(first + 1)) {
              ++first;
              dash_count = true;
            }
          }
          row.label = WithoutLeadingBorders(row.label);
          // On a line with rule junk, a small letter glued before a capital
          // ("fOvriga", "fExtraordinara") is the rule beside the label.
          static const RE2 kRuleLetter("[a-z][A-Z\\x{00c5}\\x{00c4}\\x{00d6}][a-z\\x{00e5}\\x{00e4}\\x{00f6}].*");
          if (line_junk && RE2::FullMatch(row.label, kRuleLetter)) row.label.erase(0, 1);
          std::vector<std::string> raw_nums =
              JoinSpacedMinus(JoinDroppedThousands(std::vector<std::string>(toks.begin() + first, toks.end())));
          std::vector<std::string> nums;
          for (const std::string& t : raw_nums) nums.push_back(ShadowDigits(t));
          // A count or share column's figure is no amount: it goes (the
          // line keeps it in the row's raw text), so that a label wrapped
          // after it ("Staten (Försäkringskassan och 50" / "Arbetsförmedlingen)")
          // still joins. Where the row splits more than one way
          // ("11 290 340 000 351 000": 11 | 290 340 000 | 351 000, or
          // 11 290 | 340 000 | 351 000), the amounts closest in size win (a
          // row's amounts in a table of years are of one size) and the row
          // says so; the sums settle it.
          std::string count_doubt;
          if ((count_before || count_after) && !nums.empty()) {
            auto splits = GroupFigures(nums, static_cast<int>(ncols) + 1, 16, true);
            // A row that also reads without a count ("1 200 1 300": 1 200 | 1 | 300?) is a guess too.
            const bool without_count = !GroupFigures(nums, static_cast<int>(ncols), 16, true).empty();
            // (Every split has ncols + 1 figures: the count is the first or the last.)
            const std::vector<std::string>* best = ClosestInSize(splits, count_before ? 0 : static_cast<int>(ncols));
            if (best) {
              const size_t count_at = count_before ? 0 : best->size() - 1;
              std::vector<std::string> value_toks, count_toks;
              size_t tok = 0;
              for (size_t k = 0; k < best->size(); ++k)
                for (size_t q = Tokens((*best)[k]).size(); q > 0 && tok < raw_nums.size(); --q, ++tok)
                  (k == count_at ? count_toks : value_toks).push_back(raw_nums[tok]);
              raw_nums = value_toks;
              nums.clear();
              for (const std::string& t : raw_nums) nums.push_back(ShadowDigits(t));
              if (splits.size() > 1 || without_count) {
                std::string counted;
                for (const std::string& t : count_toks) counted += (counted.empty() ? "" : " ") + t;
                count_doubt = "figures '" + counted +
                              "' read as the count column's; the row's figures split more than one way between the "
                              "count and the amounts";
              }
            }
          }
          if (dash_count)
            count_doubt = "the dash before the figures read as the count column's empty cell, not as a minus sign";
          // "2127 333 1 652 212" under two columns: no split fits unless
          // "2127 333" is one figure whose first thousands space OCR lost.
          // Only then are a head of four to six digits and the three-digit
          // group after it joined, and the row says so (suspect).
          // A speck read as a comma after the row's last figure ("695 695
          // 695,"): no decimal follows it when the figures fill the columns
          // only without it. (A decimal wrapped in its cell, "712," over "5",
          // fills them with it.)
          if (!nums.empty() && nums.back().size() >= 2 && nums.back().back() == ',' &&
              GroupFigures(nums, static_cast<int>(ncols), 16).empty()) {
            std::vector<std::string> bare = nums;
            bare.back().pop_back();
            if (!GroupFigures(bare, static_cast<int>(ncols), 16).empty()) {
              nums = std::move(bare);
              raw_nums.back().pop_back();
            }
          }
          bool joined_dropped_space = false;
          if (!nums.empty() && GroupFigures(nums, static_cast<int>(ncols), 16).empty()) {
            bool fits = false;
            for (size_t k = 1; k < ncols && !fits; ++k) fits = !GroupFigures(nums, static_cast<int>(k), 16).empty();
            std::vector<std::string> joined = JoinLongHeads(raw_nums);
            if (!fits && joined.size() < raw_nums.size()) {
              std::vector<std::string> jn;
              for (const std::string& t : joined) jn.push_back(ShadowDigits(t));
              if (!GroupFigures(jn, static_cast<int>(ncols), 16).empty()) {
                raw_nums = std::move(joined);
                nums = std::move(jn);
                joined_dropped_space = true;
              }
            }
            // "-2 472711 -2 152 563": a six-digit run after a short head
            // lost the space inside it; split, it fills the columns.
            if (!joined_dropped_space && !fits) {
              std::vector<std::string> split = SplitSixDigitRuns(raw_nums);
              std::vector<std::string> sn;
              for (const std::string& t : split) sn.push_back(ShadowDigits(t));
              if (split.size() > raw_nums.size() && !GroupFigures(sn, static_cast<int>(ncols), 16).empty()) {
                raw_nums = std::move(split);
                nums = std::move(sn);
                joined_dropped_space = true;
              }
            }
            // Both in one row ("-2 074579 -1402 799"): split, then joined.
            if (!joined_dropped_space && !fits) {
              std::vector<std::string> both = JoinLongHeads(SplitSixDigitRuns(raw_nums));
              std::vector<std::string> bn;
              for (const std::string& t : both) bn.push_back(ShadowDigits(t));
              if (both != raw_nums && !GroupFigures(bn, static_cast<int>(ncols), 16).empty()) {
                raw_nums = std::move(both);
                nums = std::move(bn);
                joined_dropped_space = true;
              }
            }
          }
          // Another statement's caption ("Balansrakning oe ee" under a
          // resultaträkning run on over a page break) ends this table.
          if (nums.empty() && RowHasCellsAny(g) && IsStatementCaption(clean)) break;
          // So does the balance sheet's first heading under a resultaträkning
          // (its caption lost: "TILLGANGAR" on the next page).
          if (nums.empty() && RowHasCellsAny(g) && CaptionedByAssets(clean) && IsIncomeStatementTitle(g.title)) break;
          // One digit or confusable letter of the page's edge after the
          // figures ("750 000 9", "525 521 S"), when nothing else makes the
          // row fill its columns: read without it. A guess the sums must
          // confirm (read.edge_scrap). (A zero read "O" that a lost
          // thousands space explains, "1388 143 O", was read above.)
          if (edge_scrap.empty() && !joined_dropped_space && nums.size() >= 2 && raw_nums.back().size() == 1 &&
              GroupFigures(nums, static_cast<int>(ncols), 16).empty() &&
              !GroupFigures(std::vector<std::string>(nums.begin(), nums.end() - 1), static_cast<int>(ncols), 16, true)
                   .empty()) {
            edge_scrap = raw_nums.back();
            nums.pop_back();
            raw_nums.pop_back();
          }
          if (nums.empty()) {
            // Label only: a section heading, or the end of the table.
            // ("Finansiella kostnader of." is a label with rule junk read
            // as a word, not a sentence.)
            // (A colon standing alone after a label, "rorelseintakter (%) :",
            // is a scrap of the row's garbled figures, no lead-in's colon.)
            // (A section heading with its colon, "Intäkter:", is no lead-in.)
            const bool lead_in =
                clean.back() == ':' && clean.size() >= 2 && clean[clean.size() - 2] != ' ' && toks.size() >= 2;
            bool sentence = lead_in || toks.size() > 5 ||
                            (clean.back() == '.' && (toks.size() >= 4 || toks.back().size() > 4));
            // Unless figures OCR garbled end it: a token with a digit, only
            // scraps after it ("Årsavgift per kvm upplåten med 79h s : :"
            // for 724 - - -). Prose goes on in words after a number.
            size_t digit_at = 1;
            while (digit_at < toks.size() && !RE2::PartialMatch(toks[digit_at], "\\d"_re)) ++digit_at;
            bool garbled_figures = digit_at + 1 < toks.size();
            for (size_t k = digit_at; k < toks.size() && garbled_figures; ++k)
              garbled_figures = toks[k].size() <= 3 && (k == digit_at || !RE2::PartialMatch(toks[k], "\\d"_re));
            if (garbled_figures) sentence = false;
            // Unless nothing ends it as a sentence and it is a Summa line
            // whose figures OCR garbled ("Summa förändring av
            // rörelsekapital | aaa] 2°"), or a long label whose figures OCR
            // set on the next line alone ("Medel från verksamheten före
            // förändring av rörelsekapital" over "887"): a row either way.
            if (sentence && clean.back() != ':' && clean.back() != '.' && !SentenceEndsInside(clean)) {
              const std::string next = NextTextLine(lines, j + 1);
              std::vector<std::string> next_toks = OcrTokens(next);
              const bool figures_below = !next_toks.empty() && FiguresStart(next_toks) == 0;
              // Or the label's rest in small letters with the figures ("Av-
              // och nedskrivningar av materiella och" / "anläggningstillgångar
              // -899 311 -899 311").
              // Or a unit in brackets ("Lån per kvm boarea och lokalarea" /
              // "(kr) 7 535 7 579").
              const bool rest_below = !next.empty() && ((next[0] >= 'a' && next[0] <= 'z') || next[0] == '(') &&
                                      next_toks.size() >= 2 &&
                                      FiguresStart(next_toks) > 0 && FiguresStart(next_toks) <= 3 &&
                                      FiguresStart(next_toks) < next_toks.size();
              // Or a section heading of a few words over a labelled row
              // that fills the columns ("Justering av poster som inte ingår
              // i kassaflödet" / "Årets avskrivningar 2 668 2 668"): prose
              // runs longer, and no table row follows it.
              const size_t next_first = FiguresStart(next_toks);
              const bool heading_over_row = toks.size() <= 10 && clean.size() <= 60 && next_first > 0 &&
                                            FillsColumns(next_toks, next_first, ncols);
              sentence = !IsSumLabel(clean) && !figures_below && !rest_below && !heading_over_row;
            }
            if (sentence) break;
            // The row whose figures OCR garbled keeps its place, not only
            // the table's end: its label, and in each column the run as
            // printed, unread. The repair stage derives what a sum gives and
            // flags the rest (repair.unreadable): nothing dropped unsaid.
            if (garbled_figures && RE2::PartialMatch(toks[0], "\\pL{3}"_re)) {
              std::string label, run;
              for (size_t k = 0; k < toks.size(); ++k)
                (k < digit_at ? label : run) += ((k < digit_at ? label : run).empty() ? "" : " ") + toks[k];
              row.label = label;
              for (size_t k = 0; k < ncols && k < row.cells.size(); ++k) {
                GridCell& gc = row.cells[k];
                gc.present = true;
                gc.text = run;
                gc.prov = ProvFor(l, page, 0, static_cast<int>(CodePointCount(l.text)), run);
                gc.prov.box = l.box;
                gc.prov.confidence = 0.3;
              }
              row.raw_numbers = run;
            }
          } else {
            std::vector<std::vector<std::string>> groupings;
            int total = 0;
            size_t k_best = 0;
            // Plausible figures first ("82 000" under two columns is one
            // figure, not 82 and 000); any grouping when none is plausible.
            bool strict = false;
            for (size_t k = 1; k <= ncols && !strict; ++k) strict = !GroupFigures(nums, static_cast<int>(k), 16, true).empty();
            for (size_t k = ncols; k >= 1; --k) {
              auto gk = GroupFigures(nums, static_cast<int>(k), 16, strict);
              total += static_cast<int>(gk.size());
              if (groupings.empty() && !gk.empty() && (k == ncols || k_best == 0)) {
                groupings = gk;
                k_best = k;
              }
              if (k == ncols && !gk.empty()) break;
            }
            // A short row: prefer the fewest values (the usual "varav" row
            // with one figure); count every alternative as ambiguity.
            if (k_best != ncols && !groupings.empty()) {
              for (size_t k = 1; k < ncols; ++k) {
                auto gk = GroupFigures(nums, static_cast<int>(k), 16, strict);
                if (!gk.empty()) {
                  groupings = gk;
                  k_best = k;
                  break;
                }
              }
            }
            // Figures broken inside narrow cells with the label ("Verksamhetens
            // | -13 6 | -8 43" over "kostnader 16 2"): the next line's tails
            // finish them, when exactly one way does (JoinBrokenFigures).
            // So are figures that read as a row but whose label goes on below
            // with short tails, every figure one ("ARETS -21 48" over
            // "RESULTAT 5 87", "Verksamhetens 134 133" over "intakter 01
            // 19"): a tail of one or two digits is no row's figure beside
            // a label's last word.
            // (A label that cannot end there: a genitive, a preposition or
            // a joining word last, or capitals only: "Verksamhetens",
            // "Resultat efter", "ARETS". A row of counts over "kvinnor 5 7"
            // stays two rows.)
            static const RE2 kUnfinishedLabel(
                "(?i:\\pL{3,}s|\\b(efter|fore|före|under|mellan|per|och|samt|for|för|av|i|till|med|mot|pa|på|fran|från))$|"
                "^[\\p{Lu} ]+$");
            std::string broken_doubt;
            if (ncols >= 2 && j + 1 < lines.size() && pages[j + 1] == page) {
              std::vector<std::string> figures;
              std::string lower_label;
              const std::string lower = CleanCellText(lines[j + 1]->text);
              const std::vector<std::string> lower_toks = OcrTokens(lower);
              bool eligible = groupings.empty();
              if (!eligible && !lower_toks.empty() && lower_toks.size() == ncols + 1 &&
                  RE2::FullMatch(lower_toks[0], "\\p{Ll}{3,}|\\p{Lu}{3,}"_re) &&
                  ContinuesLabel(row.label, lower_toks[0]) &&
                  RE2::PartialMatch(row.label, kUnfinishedLabel)) {
                bool short_tail = false, tails = true;
                for (size_t k = 1; k < lower_toks.size(); ++k) {
                  tails = tails && RE2::FullMatch(lower_toks[k], "\\d{1,3}"_re);
                  short_tail = short_tail || lower_toks[k].size() < 3;
                }
                eligible = tails && short_tail;
              }
              if (eligible && JoinBrokenFigures(raw_nums, lower_toks, ncols, &figures, &lower_label)) {
                raw_nums.clear();
                nums.clear();
                for (const std::string& f : figures)
                  for (const std::string& t : Tokens(f)) {
                    raw_nums.push_back(t);
                    nums.push_back(ShadowDigits(t));
                  }
                groupings = {figures};
                k_best = ncols;
                total = 1;
                broken_doubt = "the figures are broken inside their cells over two lines ('" + clean + "' over '" +
                               lower + "'), read joined";
                if (!lower_label.empty()) row.label += " " + lower_label;
                ++j;
              }
            }
            if (groupings.empty()) break;  // numbers that fit no column split
            row.groupings = k_best == ncols ? static_cast<int>(groupings.size()) : total;
            if (maybe_note && k_best == ncols) {
              row.first_may_be_note = true;
              ++row.groupings;
            }
            for (const std::string& t : raw_nums) row.raw_numbers += (row.raw_numbers.empty() ? "" : " ") + t;
            row.raw_numbers = CanonicalNumberText(row.raw_numbers);
            // Of several groupings, the one whose amounts are closest in
            // size comes first ("229 011 706 230 454 995": 229 011 706 |
            // 230 454 995, not 229 011 | 706 230 454 995): a row's amounts
            // in a table of years are of one size. The row stays ambiguous
            // (row.groupings) for the sums to settle.
            // (Ten groups of three under five columns group a hundred ways:
            // the first sixteen enumerated may not hold the even one.)
            if (ncols >= 3 && k_best == ncols && groupings.size() > 1) {
              auto wide = GroupFigures(nums, static_cast<int>(ncols), 1024, strict);
              if (!wide.empty()) groupings = std::move(wide);
            }
            if (ncols >= 2 && groupings.size() > 1)
              std::stable_sort(groupings.begin(), groupings.end(),
                               [](const auto& a, const auto& b) { return AmountSpread(a) < AmountSpread(b); });
            // The chosen grouping over the tokens as printed (damaged
            // letters kept for the repair solver).
            std::vector<std::string> chosen;
            size_t tok = 0;
            for (const std::string& grp : groupings.front()) {
              size_t n = Tokens(grp).size();
              std::string cell;
              for (size_t q = 0; q < n && tok < raw_nums.size(); ++q, ++tok)
                cell += (cell.empty() ? "" : " ") + raw_nums[tok];
              chosen.push_back(cell);
            }
            for (size_t k = 0; k < chosen.size(); ++k) {
              GridCell& gc = row.cells[k];
              gc.present = true;
              gc.text = chosen[k];
              gc.prov = ProvFor(l, page, 0, static_cast<int>(CodePointCount(l.text)), chosen[k]);
              gc.prov.box = l.box;
              if (k_best != ncols) gc.prov.confidence = 0.7;
            }
            if (!count_doubt.empty()) {
              row.doubt_rule = "read.pairing";
              row.doubt = count_doubt;
            }
            if (!broken_doubt.empty()) {
              row.doubt_rule = "read.wrapped";
              row.doubt = broken_doubt;
            }
            // "666 670 761 670 174119" under two columns: the unspaced
            // "174119" lost its spaces, and the three-digit group before it
            // may be its head ("670 174 119"): the split is a guess, and
            // rows read alike would confirm each other's wrong reading.
            for (size_t q = 1; q < raw_nums.size() && row.doubt_rule.empty() && ncols >= 2; ++q) {
              if (UnspacedRunAfterHead(raw_nums, q, 6) || UnspacedRunAfterHead(raw_nums, q, 9)) {
                // The run's groups spaced out, for the repair stage to
                // regroup by the sums with the rows read alike.
                std::string spaced;
                for (const std::string& t : SplitSixDigitRuns(raw_nums)) spaced += (spaced.empty() ? "" : " ") + t;
                row.raw_numbers = CanonicalNumberText(spaced);
                row.groupings = std::max(row.groupings, 2);
                row.doubt_rule = "read.dropped_space";
                row.doubt = "figures '" + row.raw_numbers + "': '" + raw_nums[q] +
                            "' lost its thousands spaces, and the group before it may be its head: the split "
                            "between the columns is a guess";
              }
            }
            if (!edge_scrap.empty() && row.doubt_rule.empty()) {
              row.doubt_rule = "read.edge_scrap";
              row.doubt = "the line ends in '" + edge_scrap +
                          "', which fits no column (a scrap of the page's edge?); read without it";
            }
            if (joined_dropped_space) {
              row.doubt_rule = "read.dropped_space";
              row.doubt = "figures '" + row.raw_numbers +
                          "' fit the columns only with a head of four or more digits and the group after it "
                          "read as one figure (a thousands space OCR lost)";
            }
          }
        }
      }
      blanks = 0;
      g.last_page = page;
      g.rows.push_back(std::move(row));
    }
    if (!tabbed) {
      ChooseRowReadings(&g, MergeWrappedRows(g), doc.meta.kind);
      for (GridRow& r : g.rows) {
        if (!r.doubt_rule.empty() || !RowHasCells(r)) continue;
        if (header_junk) {
          r.doubt_rule = "read.rule_junk";
          r.doubt = "the header line was read through the table's rule lines ('" + CleanCellText(hl.text) +
                    "'): the columns' kinds and years are a guess";
        } else if (junk_lines.count(r.prov.line_index)) {
          r.doubt_rule = "read.rule_junk";
          r.doubt = "the line was read through the table's rule lines ('" + r.prov.raw_text +
                    "'): its figures are a guess";
        }
      }
    }
    // (A label in doubt outweighs a doubt the sums can clear: the rule
    // lines read into the header, or how a count and the amounts split, say
    // nothing about the label.)
    if (side_text)
      for (GridRow& r : g.rows)
        if ((r.doubt_rule.empty() || r.doubt_rule == "read.rule_junk" || r.doubt_rule == "read.pairing") &&
            RowHasCells(r)) {
          r.label = LabelWithoutSideText(r.label);
          r.doubt_rule = "read.side_text";
          r.doubt = "the header names a column between the label and the values ('" + g.header_label +
                    "'); without positions the label may hold that column's text";
        }
    // The columns' years are the guess, not the figures' placement: a cell
    // doubt, which no sum clears.
    if (headless)
      for (GridRow& r : g.rows)
        for (GridCell& c : r.cells)
          if (c.present && c.doubt_rule.empty()) {
            c.doubt_rule = "read.years";
            c.doubt = "no header line under '" + g.title +
                      (headless_report_year
                           ? "': its columns are read as the report's year and the year before"
                           : "': its columns are read as the years of the document's statement before it");
          }
    // A column whose year is in doubt: its figures are, whatever they are.
    auto doubt_year = [&g](size_t c, const std::string& doubt) {
      for (GridRow& r : g.rows)
        if (c < r.cells.size() && r.cells[c].present && r.cells[c].doubt_rule.empty()) {
          r.cells[c].doubt_rule = "read.years";
          r.cells[c].doubt = doubt;
        }
    };
    // A header year far from the table's others ("2079 2020": OCR read 1
    // as 7) dates its column wrongly whatever the figures: a cell doubt.
    {
      std::vector<int> years;
      for (const std::string& h : g.headers) years.push_back(ParseColumnHeader(h, doc.meta.kind).year);
      // (Of two years far apart, the one near the document's own is right.)
      const int doc_year = doc.meta.year_to ? doc.meta.year_to : doc.meta.year_from;
      for (size_t c = 0; c < years.size(); ++c) {
        if (!years[c]) continue;
        bool near = false, others = false;
        for (size_t o = 0; o < years.size(); ++o)
          if (o != c && years[o]) {
            others = true;
            near = near || std::abs(years[o] - years[c]) <= 10;
          }
        if (!others || near || (doc_year && std::abs(years[c] - doc_year) <= 10)) continue;
        // One digit OCR confuses read back ("2079" beside "2020": 7 for
        // 1) giving the year next to another column's, and no other
        // reading doing so: the column takes it, its cells still in doubt.
        const std::string printed = std::to_string(years[c]);
        std::set<int> mended;
        for (int cand : OneDigitYearMisreads(years[c])) {
          bool beside = false, taken = false;
          for (size_t o = 0; o < years.size(); ++o)
            if (o != c && years[o]) {
              beside = beside || std::abs(years[o] - cand) == 1;
              taken = taken || years[o] == cand;
            }
          if (beside && !taken) mended.insert(cand);
        }
        std::string doubt = "the header's year " + printed +
                            " stands more than ten years from the table's other years: a misread year?";
        if (mended.size() == 1 && g.headers[c].find(printed) != std::string::npos) {
          const std::string read_as = std::to_string(*mended.begin());
          g.headers[c].replace(g.headers[c].find(printed), printed.size(), read_as);
          years[c] = *mended.begin();
          doubt = "the header's year " + printed + " stands more than ten years from the table's other years; read as " +
                  read_as + ", one digit OCR confuses away and the year beside another column's";
        }
        doubt_year(c, doubt);
      }
    }
    // Two columns of one kind two years apart ("Utfall 2020 2018" in a
    // statement whose columns are 2020 and 2019: OCR read 9 as 8). A
    // statement's columns follow year on year, so the gap is a misread
    // until the sums or a reader say otherwise: the column that is not the
    // document's year takes the year one confused digit gives beside the
    // other, when exactly one does, and its cells stay in doubt either way.
    {
      std::vector<TableColumn> ch;
      for (const std::string& h : g.headers) ch.push_back(ParseColumnHeader(h, doc.meta.kind));
      const int doc_year = doc.meta.year_to ? doc.meta.year_to : doc.meta.year_from;
      if (ch.size() == 2 && ch[0].year && ch[1].year && std::abs(ch[0].year - ch[1].year) == 2 &&
          ch[0].kind == ch[1].kind) {
        // The column to mend: not the document's year (both when neither is).
        std::set<std::pair<size_t, int>> mended;
        std::vector<size_t> doubted;
        for (size_t c = 0; c < 2; ++c) {
          if (ch[c].year == doc_year) continue;
          doubted.push_back(c);
          for (int cand : OneDigitYearMisreads(ch[c].year))
            if (std::abs(cand - ch[1 - c].year) == 1) mended.insert({c, cand});
        }
        const std::string years =
            "the columns' years " + std::to_string(ch[0].year) + " and " + std::to_string(ch[1].year) + " skip a year";
        std::string doubt = years + ": a misread year?";
        if (mended.size() == 1) {
          const auto [c, cand] = *mended.begin();
          const std::string printed = std::to_string(ch[c].year), read_as = std::to_string(cand);
          if (g.headers[c].find(printed) != std::string::npos) {
            g.headers[c].replace(g.headers[c].find(printed), printed.size(), read_as);
            doubt = years + "; " + printed + " read as " + read_as +
                    ", one digit OCR confuses away and the year beside the other column's";
            doubted = {c};
          }
        }
        for (size_t c : doubted) doubt_year(c, doubt);
      }
    }
    if (title_header)
      for (GridRow& r : g.rows)
        if (r.doubt_rule.empty() && RowHasCells(r)) {
          r.doubt_rule = "read.pairing";
          r.doubt = "no header line: the columns are the years of the caption '" + g.title + "'";
        }
    const bool read_figures = RowHasCellsAny(g);
    if (!g.rows.empty()) {
      g.cell_unit = CellUnitOfLines(lines, body_from, j);
      if (!tabbed) AppendLaterColumnBlocks(lines, pages, j, params, &consumed, &g);
      grids.push_back(std::move(g));
    }
    // A header that read no figures (a title with a year, "Verksamhetsplan
    // och budget 2027") passes over no lines: a table may start under it.
    i = read_figures ? std::max(j, i + 1) : i + 1;
  }
  return grids;
}

}  // namespace finsam
