// Text-path table reader: plain-text lines → Grid.
//
// Two layouts occur in text dumps: cells separated by tabs (a header line
// with years/dates/kinds in its cells), and cells separated by spaces where
// the thousands separator is a space too ("Insatsmedel 15 300 9 808 9748");
// the latter are split with GroupNumberTokens against the header's column
// count, and ambiguous splits are recorded (GridRow::groupings > 1).
#include <re2/re2.h>

#include "extractors/table_grid.h"
#include "extractors/table_readers.h"
#include "normalizers/swedish_number.h"
#include "normalizers/text.h"
#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

namespace finsam {
namespace {

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

// Space-separated header: a short label then two or more year tokens.
bool SpaceHeader(const std::string& text, std::string* label, std::vector<std::string>* headers) {
  std::vector<std::string> toks = Tokens(CleanCellText(text));
  size_t n = toks.size();
  size_t first = n;
  while (first > 0 && IsHeaderToken(toks[first - 1])) --first;
  int years = 0;
  for (size_t i = first; i < n; ++i) years += IsYearToken(toks[i]);
  if (years < 2 || first > 4) return false;
  label->clear();
  for (size_t i = 0; i < first; ++i) *label += (i ? " " : "") + toks[i];
  headers->clear();
  // "Budget 2020 Utfall 2020": kind words attach to the following year.
  std::string pending;
  for (size_t i = first; i < n; ++i) {
    if (IsYearToken(toks[i])) {
      headers->push_back(pending.empty() ? toks[i] : pending + " " + toks[i]);
      pending.clear();
    } else {
      pending += (pending.empty() ? "" : " ") + toks[i];
    }
  }
  return headers->size() >= 2;
}

// The caption of a table starting at line `header` of `lines`.
std::string FindTitle(const std::vector<const Line*>& lines, size_t header, const TextTableParams& tp) {
  std::string nearest;
  for (size_t k = 1; k <= static_cast<size_t>(tp.title_max_lines) && k <= header; ++k) {
    const Line& l = *lines[header - k];
    std::string clean = CleanCellText(l.text);
    if (clean.empty()) continue;
    if (nearest.empty() && clean.size() < tp.title_max_chars && clean.back() != '.' &&
        clean.find('\t') == std::string::npos)
      nearest = clean;
    if (IsTableHeading(clean)) return clean;
    if (!nearest.empty() && k > static_cast<size_t>(tp.title_near_lines)) break;
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

}  // namespace

std::vector<Grid> ReadTextTables(const Document& doc, const TextTableParams& params) {
  std::vector<Grid> grids;
  // Flatten lines with their page numbers: tables may cross form feeds.
  std::vector<const Line*> lines;
  std::vector<int> pages;
  for (const Page& p : doc.pages)
    for (const Line& l : p.lines) {
      lines.push_back(&l);
      pages.push_back(p.number);
    }
  size_t i = 0;
  while (i < lines.size()) {
    const Line& hl = *lines[i];
    bool tabbed = hl.text.find('\t') != std::string::npos;
    Grid g;
    size_t ncols = 0;
    std::vector<int> col_pos;  // char column of each header cell (tab path)
    if (tabbed) {
      std::vector<TabCell> cells = SplitTabs(hl.text);
      std::vector<std::string> headers;
      for (size_t k = 1; k < cells.size(); ++k) headers.push_back(cells[k].text);
      if (CountValueHeaders(headers) < 2) {
        ++i;
        continue;
      }
      g.header_label = cells[0].text;
      g.headers = headers;
    } else {
      std::string label;
      std::vector<std::string> headers;
      if (!SpaceHeader(hl.text, &label, &headers)) {
        ++i;
        continue;
      }
      g.header_label = label;
      g.headers = headers;
    }
    ncols = g.headers.size();
    g.title = FindTitle(lines, i, params);
    g.page = g.last_page = pages[i];
    size_t j = i + 1;
    int blanks = 0;
    for (; j < lines.size(); ++j) {
      const Line& l = *lines[j];
      int page = pages[j];
      std::string clean = CleanCellText(l.text);
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
        std::string label;
        std::vector<std::string> hdrs;
        if (SpaceHeader(l.text, &label, &hdrs) && hdrs.size() == ncols) {
          row.label = label;
          row.repeated_header = true;
        } else {
          std::vector<std::string> toks = Tokens(clean);
          size_t first = toks.size();
          while (first > 0 && IsNumericToken(toks[first - 1])) --first;
          for (size_t k = 0; k < first; ++k) row.label += (k ? " " : "") + toks[k];
          std::vector<std::string> nums(toks.begin() + first, toks.end());
          if (nums.empty()) {
            // Label only: a section heading, or the end of the table.
            bool sentence = clean.back() == '.' || clean.back() == ':' || toks.size() > 5;
            if (sentence) break;
          } else {
            std::vector<std::vector<std::string>> groupings;
            int total = 0;
            size_t k_best = 0;
            for (size_t k = ncols; k >= 1; --k) {
              auto gk = GroupNumberTokens(nums, static_cast<int>(k));
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
                auto gk = GroupNumberTokens(nums, static_cast<int>(k));
                if (!gk.empty()) {
                  groupings = gk;
                  k_best = k;
                  break;
                }
              }
            }
            if (groupings.empty()) break;  // numbers that fit no column split
            row.groupings = k_best == ncols ? static_cast<int>(groupings.size()) : total;
            for (const std::string& t : nums) row.raw_numbers += (row.raw_numbers.empty() ? "" : " ") + t;
            row.raw_numbers = CanonicalNumberText(row.raw_numbers);
            const std::vector<std::string>& chosen = groupings.front();
            for (size_t k = 0; k < chosen.size(); ++k) {
              GridCell& gc = row.cells[k];
              gc.present = true;
              gc.text = chosen[k];
              gc.prov = ProvFor(l, page, 0, static_cast<int>(CodePointCount(l.text)), chosen[k]);
              gc.prov.box = l.box;
              if (k_best != ncols) gc.prov.confidence = 0.7;
            }
          }
        }
      }
      blanks = 0;
      g.last_page = page;
      g.rows.push_back(std::move(row));
    }
    if (!g.rows.empty()) grids.push_back(std::move(g));
    i = std::max(j, i + 1);
  }
  return grids;
}

}  // namespace finsam
