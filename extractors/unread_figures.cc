#include "extractors/unread_figures.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/text_split.h"
#include "normalizers/unicode.h"

namespace finsam {

namespace {

// A token's edges that are a table's rules or borders as OCR reads them.
bool IsEdgeJunk(char c) {
  return c == '|' || c == '[' || c == ']' || c == '{' || c == '}' || c == ';' || c == ':' || c == '(' || c == ')';
}

// Provenance of something read: a line of a page, and its box when known.
struct Covered {
  std::set<std::pair<int, int>> lines;           // (page, line_index)
  std::multimap<int, std::pair<double, double>> spans;  // page → [y0, y1] of read cells and rows
  void Add(const Provenance& p) {
    if (p.page <= 0) return;
    if (p.line_index >= 0) lines.insert({p.page, p.line_index});
    if (!p.box.empty()) spans.insert({p.page, {p.box.y0, p.box.y1}});
  }
  bool Has(int page, const Line& l) const {
    if (lines.count({page, l.index})) return true;
    if (l.box.empty()) return false;
    auto [b, e] = spans.equal_range(page);
    for (auto it = b; it != e; ++it) {
      const double lo = std::max(it->second.first, l.box.y0), hi = std::min(it->second.second, l.box.y1);
      if (hi > lo && hi - lo >= 0.5 * std::min(l.box.height(), it->second.second - it->second.first)) return true;
    }
    return false;
  }
};

Covered CoveredLines(const Extraction& ex) {
  Covered c;
  for (const FinancialTable& t : ex.tables)
    for (const TableRow& r : t.rows) {
      c.Add(r.prov);
      for (const TableCell& cell : r.cells) c.Add(cell.prov);
    }
  const Governance& g = ex.governance;
  for (const auto& x : g.board) c.Add(x.prov);
  for (const auto& x : g.composition) c.Add(x.prov);
  for (const auto& x : g.officers) c.Add(x.prov);
  for (const auto& x : g.goals) c.Add(x.prov);
  for (const auto& x : g.indicators) c.Add(x.prov);
  for (const auto& x : g.interventions) c.Add(x.prov);
  for (const auto& x : g.members) c.Add(x.prov);
  return c;
}

std::string Shorten(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return s.substr(0, cut) + "…";
}

// A caption that names a statement finsam reads, or a money unit.
bool NamesStatement(const std::string& text) {
  static const RE2 kStatement(
      "resultatr.kning|balansr.kning|kassafl.des|finansieringsanalys|driftsredovisning|driftredovisning|"
      "budget|flerarsoversikt|femarsoversikt|oversikt over|\\b(tkr|mkr|mnkr|tsek|msek)\\b|tusental kronor|"
      "belopp i t?kr\\b");
  return RE2::PartialMatch(FoldKey(text), kStatement);
}

}  // namespace

int FiguresAtEnd(const std::string& line_text) {
  static const RE2 kNumber("[-\u2212\u2013]?\\d+(,\\d+)?");
  static const RE2 kYear("(19|20)\\d\\d");
  static const RE2 kDash("[-\u2013\u2014]");
  std::vector<std::string> toks;
  std::string spaced = line_text;
  std::replace(spaced.begin(), spaced.end(), '\t', ' ');  // a dump's tab-separated cells
  for (std::string t : SplitOn(spaced, ' ')) {
    size_t b = 0, e = t.size();
    while (b < e && IsEdgeJunk(t[b])) ++b;
    while (e > b && IsEdgeJunk(t[e - 1])) --e;
    if (e > b) toks.push_back(t.substr(b, e - b));
  }
  int numbers = 0, digits = 0, years = 0;
  size_t k = toks.size();
  while (k > 0) {
    const std::string& t = toks[k - 1];
    if (RE2::FullMatch(t, kDash)) {  // a nil figure
      --k;
      continue;
    }
    if (!RE2::FullMatch(t, kNumber)) break;
    ++numbers;
    if (RE2::FullMatch(t, kYear)) {
      ++years;
    } else {
      for (char c : t) digits += c >= '0' && c <= '9';
    }
    --k;
  }
  if (numbers == 0 || digits < 3 || years == numbers) return 0;
  // A telephone number ("070 123 45 67") is no figure: its head starts with 0.
  const std::string& head = toks[k];
  const size_t d = head[0] == '-' ? 1 : 0;
  if (head.size() > d + 1 && head[d] == '0' && head.find(',') == std::string::npos) return 0;
  // What stands before the figures: a label (letters), or nothing (a row
  // whose label OCR lost); a percentage or a date ends no money row.
  if (k > 0 && (toks[k - 1].back() == '%' || toks[k - 1] == "%")) return 0;
  return numbers >= 2 && digits >= 4 ? 2 : 1;
}

std::vector<std::string> UnreadFigureWarnings(const Extraction& ex) {
  const Covered covered = CoveredLines(ex);
  static const RE2 kLetters("[[:alpha:]]{2}|\\pL\\pL");
  std::vector<std::string> out;
  for (const Page& page : ex.doc.pages) {
    std::vector<const Line*> run;
    int gap = 0;  // lines without figures since the run's last row
    int strong = 0;
    bool labelled = false;
    auto flush = [&]() {
      if (static_cast<int>(run.size()) >= kMinUnreadRows && strong >= 2 && labelled) {
        bool any_read = false;
        for (const Line* l : run) any_read = any_read || covered.Has(page.number, *l);
        // Only under a caption that names a statement or a money unit, a few
        // lines up: tables finsam does not read by design (förändring av
        // eget kapital, resultatdisposition, a note's list of loans) are no
        // loss to report.
        bool captioned = false;
        const Line* first = run.front();
        int seen = 0;
        for (size_t k = first - page.lines.data(); k > 0 && seen < kCaptionLines && !captioned; --k) {
          const Line& above = page.lines[k - 1];
          if (above.text.find_first_not_of(" \t") == std::string::npos) continue;
          ++seen;
          captioned = NamesStatement(above.text);
        }
        if (!any_read && captioned) {
          out.push_back("page " + std::to_string(page.number) + ", lines " + std::to_string(run.front()->index + 1) +
                        "–" + std::to_string(run.back()->index + 1) + ": " + std::to_string(run.size()) +
                        " lines end in figures that no table read (its header line missing or not understood); " +
                        "they are not loaded: \"" + Shorten(run.front()->text, 80) + "\"");
        }
      }
      run.clear();
      gap = 0;
      strong = 0;
      labelled = false;
    };
    for (const Line& l : page.lines) {
      const bool blank = l.text.find_first_not_of(" \t") == std::string::npos;
      if (blank) continue;  // a dump's blank lines do not line up with the rows
      if (const int level = FiguresAtEnd(l.text); level > 0) {
        run.push_back(&l);
        gap = 0;
        strong += level == 2;
        labelled = labelled || RE2::PartialMatch(l.text, kLetters);
      } else if (!run.empty() && ++gap > 1) {
        flush();
      }
    }
    flush();
  }
  return out;
}

}  // namespace finsam
