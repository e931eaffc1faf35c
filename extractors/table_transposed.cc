// Tables printed transposed, in plain-text dumps: the years down the first
// column and the columns named across ("Ar Staten Region Vasteras stad
// Summa" / "Vastmanland" / "2023 5000 2500 2500 10000" …). The text reader
// looks for years across a header and finds none here, so without this the
// figures were lost without a word. Each such table comes back turned: a
// Grid whose headers are the years and whose rows are the named columns,
// interpreted like any table of bare years (InterpretGrid). The layout
// reader turns such tables on positioned pages itself (TransposedHeader,
// table_layout.cc), by the same rules: three or more years, one apart, in
// one direction.
//
// Without positions the header splits into the columns' names by its
// words' shapes, and the split must give as many names as every year's line
// gives figures (read one way only, a last column named as a sum adding up
// the others where the thousands spaces leave a choice).
#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "extractors/table_grid.h"
#include "extractors/table_readers.h"
#include "normalizers/regex.h"
#include "normalizers/unicode.h"

namespace finsam {
namespace {

struct PrintedLine {
  std::vector<std::string> toks;
  int page = 0;
  int line_index = 0;
  std::string raw;
  Box box;
};

// Splits on spaces, the no-break and the narrow no-break space (a thousands
// separator: "5 000" is two tokens either way).
std::vector<std::string> SplitSpaces(std::string s) {
  static const RE2 kSpace("[\\x{00a0}\\x{202f}\\x{2009}\\t]");
  RE2::GlobalReplace(&s, kSpace, " ");
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// The page's lines as tokens.
std::vector<PrintedLine> PrintedLines(const Page& page, int page_number) {
  std::vector<PrintedLine> out;
  for (const Line& l : page.lines) {
    PrintedLine p{{}, page_number, l.index, l.raw, l.box};
    p.toks = SplitSpaces(l.text);
    out.push_back(std::move(p));
  }
  return out;
}

bool IsYear(const std::string& t) { return RE2::FullMatch(t, "(19|20)\\d\\d"_re); }

// One figure of a year's line, as printed, with its value.
struct Figure {
  std::string text;
  double value = 0;
};

// The ways the tokens after a line's year split into exactly `n` figures: a
// head of one to three digits (a sign before it) and groups of three, or one
// token of digits (a decimal comma allowed), or a nil dash.
void Splits(const std::vector<std::string>& toks, size_t from, size_t n, std::vector<Figure>* cur,
            std::vector<std::vector<Figure>>* out) {
  if (out->size() > 8) return;
  if (from == toks.size()) {
    if (cur->size() == n) out->push_back(*cur);
    return;
  }
  if (cur->size() == n) return;
  static const RE2 kHead("([-−–+]?)(\\d{1,3})");
  static const RE2 kWhole("([-−–+]?)(0|[1-9]\\d*(?:,\\d+)?|0,\\d+)");
  static const RE2 kGroup("\\d{3}");
  std::string sign, digits;
  const std::string& t = toks[from];
  if (RE2::FullMatch(t, "[-−–]"_re)) {
    cur->push_back({t, 0});
    Splits(toks, from + 1, n, cur, out);
    cur->pop_back();
    return;
  }
  if (!RE2::FullMatch(t, kWhole, &sign, &digits)) return;
  const bool negative = !sign.empty() && sign != "+";
  {
    std::string d = digits;
    std::replace(d.begin(), d.end(), ',', '.');
    cur->push_back({t, (negative ? -1 : 1) * std::stod(d)});
    Splits(toks, from + 1, n, cur, out);
    cur->pop_back();
  }
  if (!RE2::FullMatch(t, kHead, &sign, &digits) || digits == "0") return;
  std::string text = t, all = digits;
  for (size_t k = from + 1; k < toks.size() && RE2::FullMatch(toks[k], kGroup); ++k) {
    text += " " + toks[k];
    all += toks[k];
    cur->push_back({text, (negative ? -1 : 1) * std::stod(all)});
    Splits(toks, k + 1, n, cur, out);
    cur->pop_back();
  }
}

bool IsSumName(const std::string& name) {
  return RE2::FullMatch(FoldKey(name), "(summa|totalt|total|sammanlagt|s:a)( \\pL+)?"_re);
}

// The figures of a year's line under `n` columns: the one split, or the one
// whose parts add up to the last column when it is a sum. Empty when no
// split or more than one.
std::vector<Figure> ReadFigures(const std::vector<std::string>& toks, size_t n, bool last_is_sum) {
  std::vector<Figure> cur;
  std::vector<std::vector<Figure>> splits;
  Splits(toks, 1, n, &cur, &splits);
  if (splits.size() > 1 && last_is_sum) {
    std::vector<std::vector<Figure>> adding;
    for (const auto& s : splits) {
      double parts = 0;
      for (size_t c = 0; c + 1 < s.size(); ++c) parts += s[c].value;
      if (std::fabs(parts - s.back().value) < 0.5) adding.push_back(s);
    }
    splits = std::move(adding);
  }
  return splits.size() == 1 ? splits.front() : std::vector<Figure>();
}

// The header's words split into `n` columns' names by their shapes: a name
// starts at a capitalised word, a word in small letters goes on the name
// before it ("Västerås stad"). With more capitalised words than names, the
// one split that joins each extra capital to a word that opens a name of
// two ("Region Västmanland", "Östra Göinge") or joins two names
// ("Försäkringskassan och Arbetsförmedlingen"). Words of the header wrapped
// onto a line of their own (`wrapped`) complete the one name that is such
// an opening word alone ("Region" over "Västmanland"). Empty when no split
// or more than one.
std::vector<std::string> NamesByShape(const std::vector<std::string>& words, const std::vector<std::string>& wrapped,
                                      size_t n) {
  auto capital = [](const std::string& w) {
    return !w.empty() && !std::isdigit(static_cast<unsigned char>(w[0])) && ToUpper(w) != ToLower(w) &&
           ToUpper(w.substr(0, w[0] & 0x80 ? 2 : 1)) == w.substr(0, w[0] & 0x80 ? 2 : 1);
  };
  static const RE2 kOpens("region|landstinget|ostra|vastra|norra|sodra|mellersta|ovre|nedre|stora|lilla|och|&|/");
  if (words.empty() || !capital(words[0])) return {};
  std::vector<size_t> starts;  // capitalised words after the first
  for (size_t i = 1; i < words.size(); ++i)
    if (capital(words[i])) starts.push_back(i);
  if (starts.size() + 1 < n) return {};
  // Capitals that may stay inside a name: after an opening word.
  std::vector<size_t> must, may;
  for (size_t i : starts) (RE2::FullMatch(FoldKey(words[i - 1]), kOpens) ? may : must).push_back(i);
  std::vector<size_t> cuts = must;
  if (cuts.size() + 1 > n) return {};
  // The capitals after an opening word start names only as far as needed,
  // and only when that choice is forced (all of them or none).
  if (cuts.size() + 1 < n) {
    if (cuts.size() + 1 + may.size() != n) return {};
    cuts.insert(cuts.end(), may.begin(), may.end());
    std::sort(cuts.begin(), cuts.end());
  }
  std::vector<std::string> names;
  size_t from = 0;
  cuts.push_back(words.size());
  for (size_t c : cuts) {
    std::string name;
    for (size_t k = from; k < c; ++k) name += (name.empty() ? "" : " ") + words[k];
    names.push_back(name);
    from = c;
  }
  if (!wrapped.empty()) {
    int lone = -1, count = 0;
    for (size_t k = 0; k < names.size(); ++k)
      if (RE2::FullMatch(FoldKey(names[k]), "region|landstinget|ostra|vastra|norra|sodra|mellersta"_re)) lone = k, ++count;
    if (count != 1) return {};
    for (const std::string& w : wrapped) names[lone] += " " + w;
  }
  return names;
}

bool IsYearHead(const std::string& w) {
  return RE2::FullMatch(FoldKey(w), "ar|rakenskapsar|verksamhetsar|budgetar"_re);
}

}  // namespace

std::vector<Grid> ReadTransposedTables(const Document& doc) {
  std::vector<Grid> out;
  for (size_t pi = 0; pi < doc.pages.size(); ++pi) {
    const Page& page = doc.pages[pi];
    if (page.unit != BoxUnit::kCharCell) continue;  // the layout reader's (TransposedHeader)
    const std::vector<PrintedLine> lines = PrintedLines(page, static_cast<int>(pi) + 1);
    for (size_t i = 0; i + 2 < lines.size(); ++i) {
      const std::vector<std::string>& head = lines[i].toks;
      if (head.size() < 3 || !IsYearHead(head[0])) continue;
      std::vector<std::string> words(head.begin() + 1, head.end());
      // A unit after the names ("(tkr)") is the table's, no column's.
      std::string cell_unit;
      if (!words.empty() && RE2::FullMatch(FoldKey(words.back()), "\\((tkr|kr|mkr|mnkr)\\)"_re)) {
        cell_unit = words.back();
        words.pop_back();
      }
      auto words_only = [](const std::vector<std::string>& toks) {
        for (const std::string& t : toks)
          if (RE2::PartialMatch(t, "\\d"_re)) return false;
        return !toks.empty();
      };
      if (!words_only(words)) continue;
      // Header words wrapped onto lines of their own ("Västmanland" under
      // "Region"), then the years' lines (blank lines between them on
      // plain text).
      std::vector<std::string> wrapped;
      std::vector<size_t> body;
      for (size_t j = i + 1; j < lines.size(); ++j) {
        if (lines[j].toks.empty()) continue;
        if (body.empty() && j <= i + 2 && lines[j].toks.size() <= 3 && words_only(lines[j].toks)) {
          wrapped.insert(wrapped.end(), lines[j].toks.begin(), lines[j].toks.end());
          continue;
        }
        if (!IsYear(lines[j].toks[0]) || lines[j].toks.size() < 3) break;
        body.push_back(j);
      }
      if (body.size() < 3) continue;
      // The number of columns: the one count under which every year's line
      // reads one way (a last column named as a sum adding up its parts)
      // and the header splits into as many names.
      const bool last_is_sum = IsSumName(words.back());
      std::vector<std::vector<Figure>> rows;
      std::vector<std::string> names;
      int found = 0;
      for (size_t n = 2; n <= 8; ++n) {
        std::vector<std::vector<Figure>> r;
        bool all = true;
        for (size_t j : body) {
          std::vector<Figure> f = ReadFigures(lines[j].toks, n, last_is_sum && n >= 3);
          if (f.empty()) {
            all = false;
            break;
          }
          r.push_back(std::move(f));
        }
        if (!all) continue;
        std::vector<std::string> nm = NamesByShape(words, wrapped, n);
        if (nm.size() != n) continue;
        ++found;
        rows = std::move(r);
        names = std::move(nm);
      }
      if (found != 1) continue;
      // The years one apart, in one direction (a list of project years is
      // no such table).
      std::vector<int> years;
      for (size_t j : body) years.push_back(std::stoi(lines[j].toks[0]));
      bool ordered = true;
      for (size_t k = 1; k < years.size(); ++k)
        ordered = ordered && std::abs(years[k] - years[k - 1]) == 1 && years[k] - years[k - 1] == years[1] - years[0];
      if (!ordered) continue;
      Grid g;
      g.page = g.last_page = lines[i].page;
      g.header_label = head[0];
      g.cell_unit = "";
      // The caption: the nearest short line above.
      for (size_t k = i; k-- > 0 && k + 3 > i;) {
        if (lines[k].toks.empty()) continue;
        std::string t;
        for (const std::string& tok : lines[k].toks) t += (t.empty() ? "" : " ") + tok;
        if (t.size() <= 80) g.title = t;
        break;
      }
      if (!cell_unit.empty()) g.title += (g.title.empty() ? "" : " ") + cell_unit;
      for (int y : years) g.headers.push_back(std::to_string(y));
      for (size_t c = 0; c < names.size(); ++c) {
        GridRow row;
        row.label = names[c];
        row.prov.page = lines[i].page;
        row.prov.line_index = lines[i].line_index;
        row.prov.raw_text = lines[i].raw;
        for (size_t b = 0; b < body.size(); ++b) {
          const PrintedLine& l = lines[body[b]];
          GridCell cell;
          cell.present = true;
          cell.text = rows[b][c].text;
          cell.prov.page = l.page;
          cell.prov.line_index = l.line_index;
          cell.prov.raw_text = l.raw;
          cell.prov.box = l.box;
          row.cells.push_back(std::move(cell));
          row.raw_numbers += (row.raw_numbers.empty() ? "" : " ") + rows[b][c].text;
        }
        g.rows.push_back(std::move(row));
      }
      out.push_back(std::move(g));
      i = body.back();
    }
  }
  return out;
}

}  // namespace finsam
