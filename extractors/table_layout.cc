// Layout-path table reader: positioned words (PDF text layer or OCR, points,
// origin top-left) → Grid.
//
// 1. Words of a page are grouped into bands: words whose vertical extents
//    overlap by at least 30% of the smaller height belong to one band, so a
//    row whose label or number wraps inside its cell ("13" over "320" beside
//    "Summa intäkter") is one band.
// 2. A header band holds two or more header tokens (years, dates, Utfall,
//    Budget, ...) in separate columns, and is followed by bands with numbers
//    under those columns. Its words, clustered by x, define the columns.
// 3. Following bands become rows until prose, a large gap, or a new
//    differently-shaped header; a table may continue on the next page.
#include <re2/re2.h>

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>

#include "extractors/table_grid.h"
#include "extractors/table_readers.h"
#include "normalizers/swedish_number.h"
#include "normalizers/unicode.h"

namespace finsam {
namespace {

struct PWord {
  const Word* w;
  int line_index;
};

struct Band {
  std::vector<PWord> words;  // sorted by x0
  Box box;
  int page = 0;
  int first_line = 0;
  std::string Text() const {
    std::string s;
    for (const PWord& p : words) s += (s.empty() ? "" : " ") + p.w->text;
    return s;
  }
};

struct Column {
  double x0, x1;
  std::string header;
  bool text_only;  // header is not a value column (Kommentarer)
};

std::string StripPunct(const std::string& s) {
  std::string t = s;
  while (!t.empty() && (t.back() == ',' || t.back() == ':' || t.back() == '.')) t.pop_back();
  return t;
}

bool IsNoteWord(const std::string& s) { return FoldKey(StripPunct(s)) == "not"; }

bool IsHeaderishWord(const std::string& s) {
  static const RE2 kAllowed(
      "(?i)(tkr|mkr|kr|not|andel|av|medel|forbrukade|kommentarer?|utfall-?|budget|plan|prognos|avvikelse|"
      "totalt|belopp|i|-|%|och|ack\\.?|helar|period|jan-dec|bokslut)");
  std::string f = FoldKey(StripPunct(s));
  return f.empty() || RE2::FullMatch(f, kAllowed) || IsHeaderToken(StripPunct(s));
}

bool HasDigit(const std::string& s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

std::vector<Band> MakeBands(const Page& page) {
  std::vector<PWord> words;
  for (const Line& l : page.lines)
    for (const Word& w : l.words) words.push_back({&w, l.index});
  std::sort(words.begin(), words.end(), [](const PWord& a, const PWord& b) { return a.w->box.y0 < b.w->box.y0; });
  size_t n = words.size();
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::function<size_t(size_t)> find = [&](size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); };
  for (size_t i = 0; i < n; ++i) {
    const Box& a = words[i].w->box;
    for (size_t j = i + 1; j < n; ++j) {
      const Box& b = words[j].w->box;
      if (b.y0 >= a.y1) break;  // sorted by y0: no later word overlaps a
      double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
      double h = std::min(a.height(), b.height());
      if (h > 0 && overlap >= 0.3 * h) parent[find(i)] = find(j);
    }
  }
  std::map<size_t, Band> by_root;
  for (size_t i = 0; i < n; ++i) {
    Band& b = by_root[find(i)];
    b.words.push_back(words[i]);
    b.box.Extend(words[i].w->box);
  }
  std::vector<Band> bands;
  for (auto& [root, b] : by_root) {
    b.page = page.number;
    std::stable_sort(b.words.begin(), b.words.end(),
                     [](const PWord& x, const PWord& y) { return x.w->box.x0 < y.w->box.x0; });
    b.first_line = b.words.front().line_index;
    for (const PWord& p : b.words) b.first_line = std::min(b.first_line, p.line_index);
    bands.push_back(std::move(b));
  }
  std::sort(bands.begin(), bands.end(), [](const Band& a, const Band& b) { return a.box.y0 < b.box.y0; });
  return bands;
}

// Header columns of a band, or empty when the band is not a header.
std::vector<Column> HeaderColumns(const Band& band, std::string* label) {
  // First header token (or "Not") from the left.
  size_t first = band.words.size();
  int years = 0, tokens = 0;
  for (size_t i = 0; i < band.words.size(); ++i) {
    std::string t = StripPunct(band.words[i].w->text);
    bool note = IsNoteWord(t) && i > 0;
    if (IsHeaderToken(t) || note) {
      if (first == band.words.size()) first = i;
      ++tokens;
      years += IsYearToken(t) || RE2::PartialMatch(t, "^-?(19|20)\\d\\d-");
    }
  }
  if (years == 0 || tokens < 2 || first == band.words.size()) return {};
  int prose = 0;
  for (size_t i = first; i < band.words.size(); ++i)
    if (!IsHeaderishWord(band.words[i].w->text)) ++prose;
  if (prose > 3) return {};
  // Cluster header words into columns by x overlap / small gaps.
  std::vector<PWord> hw(band.words.begin() + first, band.words.end());
  double height = 0;
  for (const PWord& p : hw) height = std::max(height, p.w->box.height());
  std::vector<std::vector<PWord>> clusters;
  std::vector<std::pair<double, double>> spans;
  for (const PWord& p : hw) {
    const Box& b = p.w->box;
    bool merged = false;
    for (size_t c = 0; c < clusters.size(); ++c) {
      if (b.x0 <= spans[c].second + 0.45 * height && b.x1 >= spans[c].first - 0.45 * height) {
        // Two separate year/date tokens side by side on one line are two
        // columns even when close.
        bool both_years = false;
        for (const PWord& q : clusters[c]) {
          double vov = std::min(q.w->box.y1, b.y1) - std::max(q.w->box.y0, b.y0);
          if (vov > 0.5 * height && IsHeaderToken(StripPunct(q.w->text)) && IsHeaderToken(StripPunct(p.w->text)) &&
              (IsYearToken(StripPunct(q.w->text)) || IsYearToken(StripPunct(p.w->text))) &&
              b.x0 > q.w->box.x1 + 0.3 * height)
            both_years = IsYearToken(StripPunct(q.w->text)) && IsYearToken(StripPunct(p.w->text));
        }
        if (both_years) continue;
        clusters[c].push_back(p);
        spans[c].first = std::min(spans[c].first, b.x0);
        spans[c].second = std::max(spans[c].second, b.x1);
        merged = true;
        break;
      }
    }
    if (!merged) {
      clusters.push_back({p});
      spans.push_back({b.x0, b.x1});
    }
  }
  std::vector<Column> cols;
  for (size_t c = 0; c < clusters.size(); ++c) {
    std::vector<PWord> ws = clusters[c];
    std::sort(ws.begin(), ws.end(), [](const PWord& a, const PWord& b) {
      if (std::abs(a.w->box.y0 - b.w->box.y0) > 2) return a.w->box.y0 < b.w->box.y0;
      return a.w->box.x0 < b.w->box.x0;
    });
    Column col{spans[c].first, spans[c].second, "", false};
    for (const PWord& p : ws) col.header += (col.header.empty() ? "" : " ") + p.w->text;
    TableColumn parsed = ParseColumnHeader(col.header, "årsredovisning");
    col.text_only = parsed.kind == ColumnKind::kUnknown;
    cols.push_back(col);
  }
  std::sort(cols.begin(), cols.end(), [](const Column& a, const Column& b) { return a.x0 < b.x0; });
  int value_cols = 0;
  for (const Column& c : cols) value_cols += !c.text_only && !IsNoteWord(c.header);
  if (value_cols < 1) return {};
  label->clear();
  for (size_t i = 0; i < first; ++i) *label += (label->empty() ? "" : " ") + band.words[i].w->text;
  return cols;
}

// Column index for a word, or -1 (left of the table: label; -2: nowhere).
int AssignColumn(const std::vector<Column>& cols, const Box& b) {
  if (b.x1 <= cols.front().x0 - 1) return -1;
  int best = -2;
  double best_overlap = 0;
  for (size_t c = 0; c < cols.size(); ++c) {
    double ov = std::min(cols[c].x1, b.x1) - std::max(cols[c].x0, b.x0);
    if (ov > best_overlap) {
      best_overlap = ov;
      best = static_cast<int>(c);
    }
  }
  if (best >= 0) return best;
  // No overlap: nearest column by centre, within the gap to its neighbour.
  double best_d = 1e9;
  for (size_t c = 0; c < cols.size(); ++c) {
    double d = std::abs((cols[c].x0 + cols[c].x1) / 2 - b.cx());
    if (d < best_d) {
      best_d = d;
      best = static_cast<int>(c);
    }
  }
  double width = cols[best].x1 - cols[best].x0;
  if (best_d > std::max(40.0, 1.5 * width)) return b.cx() < cols.front().x0 ? -1 : -2;
  return best;
}

bool IsHeadingText(const std::string& clean) {
  static const RE2 kNumbered("^(\\d+(\\.\\d+)*\\.?\\s+\\pL|not \\d|bilaga \\d)");
  static const RE2 kTableWord(
      "(budget|resultatrakning|balansrakning|kassaflode|driftsredovisning|oversikt|balanskrav|noter?\\b)");
  std::string f = FoldKey(clean);
  if (clean.size() > 100) return false;
  return RE2::PartialMatch(f, kNumbered) || RE2::PartialMatch(f, kTableWord);
}

std::string FindTitle(const std::vector<Band>& bands, size_t header) {
  std::string nearest;
  for (size_t k = 1; k <= 12 && k <= header; ++k) {
    const Band& b = bands[header - k];
    if (bands[header].box.y0 - b.box.y1 > 260) break;
    std::string t = b.Text();
    if (t.empty()) continue;
    if (nearest.empty() && t.size() < 70 && t.back() != '.') nearest = t;
    if (IsHeadingText(t)) return t;
    if (!nearest.empty() && k > 3) break;
  }
  return nearest;
}

struct RowBuilder {
  const std::vector<Column>& cols;
  GridRow row;
  std::vector<std::vector<PWord>> cell_words;
  explicit RowBuilder(const std::vector<Column>& c) : cols(c), cell_words(c.size()) {}
};

// Makes a GridRow from a band; returns false if the band is prose that ends
// the table.
bool BandToRow(const Band& band, const std::vector<Column>& cols, GridRow* out, bool* label_only) {
  std::vector<PWord> label;
  std::vector<std::vector<PWord>> cells(cols.size());
  int intruders = 0;
  for (const PWord& p : band.words) {
    int c = AssignColumn(cols, p.w->box);
    if (c == -1) {
      label.push_back(p);
      continue;
    }
    if (c == -2) {
      ++intruders;
      continue;
    }
    const std::string& t = p.w->text;
    if (cols[c].text_only) continue;  // comments column
    if (IsNumericToken(t) || HasDigit(t)) {
      cells[c].push_back(p);
    } else if (t.size() <= 3 && !label.empty()) {
      cells[c].push_back(p);  // OCR debris or a damaged digit ("J", "Bb"); kept for review
    } else {
      ++intruders;
    }
  }
  if (intruders >= 3) return false;
  GridRow row;
  row.cells.resize(cols.size());
  row.prov.page = band.page;
  row.prov.line_index = band.first_line;
  Box lb;
  double conf = 1.0;
  for (const PWord& p : label) {
    row.label += (row.label.empty() ? "" : " ") + p.w->text;
    lb.Extend(p.w->box);
    conf = std::min<double>(conf, p.w->confidence);
  }
  row.prov.box = lb.empty() ? band.box : lb;
  row.prov.raw_text = band.Text();
  row.prov.confidence = conf;
  bool any = false;
  for (size_t c = 0; c < cols.size(); ++c) {
    auto& ws = cells[c];
    if (ws.empty()) continue;
    std::sort(ws.begin(), ws.end(), [](const PWord& a, const PWord& b) {
      if (std::abs(a.w->box.y0 - b.w->box.y0) > 3) return a.w->box.y0 < b.w->box.y0;
      return a.w->box.x0 < b.w->box.x0;
    });
    GridCell& gc = row.cells[c];
    gc.present = true;
    Box cb;
    double cconf = 1.0;
    int line = ws.front().line_index;
    for (const PWord& p : ws) {
      gc.text += (gc.text.empty() ? "" : " ") + p.w->text;
      cb.Extend(p.w->box);
      cconf = std::min<double>(cconf, p.w->confidence);
      line = std::min(line, p.line_index);
    }
    gc.prov.page = band.page;
    gc.prov.box = cb;
    gc.prov.line_index = line;
    gc.prov.raw_text = gc.text;
    gc.prov.confidence = cconf;
    row.raw_numbers += (row.raw_numbers.empty() ? "" : " ") + gc.text;
    any = true;
  }
  *label_only = !any;
  if (!any) {
    // Prose under a table: a long line or a sentence.
    int words = static_cast<int>(label.size());
    if (words > 8 || (!row.label.empty() && row.label.back() == '.' && words > 3)) return false;
    if (row.label.empty()) return false;
  }
  *out = std::move(row);
  return true;
}

bool IsContinuation(const std::string& prev, const std::string& next) {
  if (prev.empty() || next.empty()) return false;
  unsigned char c = next[0];
  bool lower = (c >= 'a' && c <= 'z') || next.rfind("å", 0) == 0 || next.rfind("ä", 0) == 0 || next.rfind("ö", 0) == 0;
  char last = prev.back();
  return lower || last == '/' || last == '-' || last == ',' || FoldKey(prev).ends_with(" och");
}

}  // namespace

std::vector<Grid> ReadLayoutTables(const Document& doc) {
  std::vector<Grid> grids;
  std::vector<std::vector<Band>> page_bands;
  for (const Page& p : doc.pages) page_bands.push_back(p.unit == BoxUnit::kPoint ? MakeBands(p) : std::vector<Band>{});
  for (size_t pi = 0; pi < page_bands.size(); ++pi) {
    const std::vector<Band>& bands = page_bands[pi];
    size_t i = 0;
    while (i < bands.size()) {
      std::string header_label;
      std::vector<Column> cols = HeaderColumns(bands[i], &header_label);
      if (cols.empty()) {
        ++i;
        continue;
      }
      // Confirm: numbers under the columns in the next bands.
      int confirmed = 0;
      for (size_t k = i + 1; k < bands.size() && k <= i + 6; ++k) {
        for (const PWord& p : bands[k].words) {
          int c = AssignColumn(cols, p.w->box);
          if (c >= 0 && !cols[c].text_only && IsNumericToken(p.w->text)) {
            ++confirmed;
            break;
          }
        }
      }
      if (confirmed < 1) {
        ++i;
        continue;
      }
      Grid g;
      g.title = FindTitle(bands, i);
      g.header_label = header_label;
      for (const Column& c : cols) g.headers.push_back(c.header);
      g.page = g.last_page = bands[i].page;
      double prev_bottom = bands[i].box.y1;
      double pitch = std::max(14.0, bands[i].box.height());
      size_t cur_page = pi;
      size_t k = i + 1;
      bool done = false;
      while (!done) {
        const std::vector<Band>& pb = page_bands[cur_page];
        for (; k < pb.size(); ++k) {
          const Band& b = pb[k];
          if (b.box.y0 - prev_bottom > 4.5 * pitch) {
            done = true;
            break;
          }
          std::string lbl;
          std::vector<Column> again = HeaderColumns(b, &lbl);
          if (!again.empty()) {
            if (again.size() != cols.size()) {
              done = true;
              break;
            }
            GridRow hr;
            hr.label = lbl;
            hr.repeated_header = true;
            hr.cells.resize(cols.size());
            hr.prov.page = b.page;
            hr.prov.line_index = b.first_line;
            g.rows.push_back(hr);
            prev_bottom = b.box.y1;
            continue;
          }
          GridRow row;
          bool label_only = false;
          if (!BandToRow(b, cols, &row, &label_only)) {
            done = true;
            break;
          }
          if (label_only && !g.rows.empty() && !g.rows.back().repeated_header &&
              IsContinuation(g.rows.back().label, row.label) && b.box.y0 - prev_bottom < 1.5 * pitch) {
            g.rows.back().label += " " + row.label;
          } else {
            g.rows.push_back(std::move(row));
          }
          g.last_page = b.page;
          prev_bottom = b.box.y1;
        }
        if (done) break;
        // End of page: continue on the next page when its first bands carry
        // numbers in our columns before any header or prose.
        if (cur_page + 1 >= page_bands.size()) break;
        const std::vector<Band>& next = page_bands[cur_page + 1];
        bool cont = false;
        for (size_t q = 0; q < next.size() && q < 3; ++q) {
          std::string lbl;
          if (!HeaderColumns(next[q], &lbl).empty()) break;
          GridRow r;
          bool lo = false;
          if (BandToRow(next[q], cols, &r, &lo) && !lo) {
            cont = true;
            k = q;
            break;
          }
        }
        if (!cont) break;
        ++cur_page;
        prev_bottom = next[k].box.y0;
      }
      // Trailing label-only rows are not part of the table.
      while (!g.rows.empty()) {
        bool any = false;
        for (const GridCell& c : g.rows.back().cells) any |= c.present;
        if (any || g.rows.back().repeated_header) break;
        g.rows.pop_back();
      }
      if (!g.rows.empty()) grids.push_back(std::move(g));
      if (cur_page != pi) {
        i = bands.size();  // the rest of this page belongs to the table
      } else {
        i = std::max(k, i + 1);
      }
    }
  }
  return grids;
}

}  // namespace finsam
