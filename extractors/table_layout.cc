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
#include <set>

#include "extractors/table_grid.h"
#include "extractors/table_readers.h"
#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/text.h"
#include "normalizers/unicode.h"

namespace finsam {
namespace {

struct PWord {
  const Word* w;
  int line_index;
  int order = 0;  // -1 for header words carried over from the previous page
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

std::vector<Band> MakeBands(const Page& page) {
  std::vector<PWord> words;
  for (const Line& l : page.lines)
    for (const Word& w : l.words) words.push_back({&w, l.index, 0});
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

bool IsCommentHeader(const std::string& w) {
  static const RE2 kComment("(?i)(kommentar(er)?|beskrivning|anmärkning(ar)?|anmarkning(ar)?|notering)");
  return RE2::FullMatch(StripPunct(w), kComment);
}

// Where the header tokens of a band start, or -1 when the band is not a
// table header: two or more header tokens (one a year or date) after a short
// label ("Belopp i tkr", "Intäkter", "Tkr", "Insats"), and little prose.
int HeaderStart(const Band& band) {
  size_t first = band.words.size();
  int years = 0, tokens = 0;
  for (size_t i = 0; i < band.words.size(); ++i) {
    std::string t = StripPunct(band.words[i].w->text);
    bool note = IsNoteWord(t) && i > 0;
    if (IsHeaderToken(t) || note) {
      if (first == band.words.size()) first = i;
      ++tokens;
      years += IsYearToken(t) || RE2::PartialMatch(t, "^-?(19|20)\\d\\d-"_re);
    }
  }
  if (years == 0 || tokens < 2 || first == band.words.size() || first > 4) return -1;
  std::string lead = first > 0 ? band.words[0].w->text : "";
  if (lead.rfind("•", 0) == 0 || lead == "-" || lead == "–") return -1;
  int prose = 0;
  for (size_t i = first; i < band.words.size(); ++i)
    if (!IsHeaderishWord(band.words[i].w->text)) ++prose;
  if (prose > 3) return -1;
  return static_cast<int>(first);
}

// A number as printed in one cell: words of one line joined while the join
// still reads as one Swedish number ("13" + "401"), then chunks stacked in
// the same cell on the next line ("13" over "320") joined the same way.
struct Chunk {
  std::vector<PWord> words;
  Box box;
  std::string Text() const {
    std::string s;
    for (const PWord& p : words) s += (s.empty() ? "" : " ") + p.w->text;
    return s;
  }
};

std::vector<Chunk> NumberChunks(const Band& band, double label_right) {
  std::vector<PWord> nums;
  for (const PWord& p : band.words)
    if (p.w->box.x0 > label_right && (IsNumericToken(p.w->text) || HasDigit(p.w->text))) nums.push_back(p);
  // Per line (by y), left to right.
  std::sort(nums.begin(), nums.end(), [](const PWord& a, const PWord& b) {
    if (std::abs(a.w->box.y0 - b.w->box.y0) > 3) return a.w->box.y0 < b.w->box.y0;
    return a.w->box.x0 < b.w->box.x0;
  });
  std::vector<Chunk> chunks;
  for (const PWord& p : nums) {
    if (!chunks.empty()) {
      Chunk& c = chunks.back();
      const Box& last = c.words.back().w->box;
      bool same_line = std::abs(last.y0 - p.w->box.y0) <= 3;
      double gap = p.w->box.x0 - last.x1;
      if (same_line && gap >= -1 && gap < 0.6 * last.height() &&
          ParseSwedishNumber(c.Text() + " " + p.w->text)) {
        c.words.push_back(p);
        c.box.Extend(p.w->box);
        continue;
      }
    }
    Chunk c;
    c.words.push_back(p);
    c.box = p.w->box;
    chunks.push_back(c);
  }
  // Stacked parts of one wrapped number: same left edge, next line.
  for (size_t i = 0; i < chunks.size(); ++i) {
    for (size_t j = i + 1; j < chunks.size(); ++j) {
      Chunk& a = chunks[i];
      Chunk& b = chunks[j];
      if (b.words.empty() || a.words.empty()) continue;
      bool below = b.box.y0 > a.box.y0 + 0.5 * a.box.height() && b.box.y0 - a.box.y1 < 0.5 * a.box.height();
      if (below && std::abs(a.box.x0 - b.box.x0) < 2 && ParseSwedishNumber(a.Text() + " " + b.Text()) &&
          !ParseSwedishNumber(b.Text() + "")->is_percent) {
        // Only join when the lower part is a 3-digit group: "13" over "320".
        std::string bt = b.Text();
        if (bt.size() == 3 && std::all_of(bt.begin(), bt.end(), ::isdigit)) {
          for (const PWord& p : b.words) a.words.push_back(p);
          a.box.Extend(b.box);
          b.words.clear();
        }
      }
    }
  }
  std::vector<Chunk> out;
  for (Chunk& c : chunks)
    if (!c.words.empty()) out.push_back(std::move(c));
  return out;
}

// Column x-ranges from the number chunks of the body bands: chunks whose
// x-ranges overlap are one column. Header words then name the columns.
std::vector<Column> BuildColumns(const Band& header, int header_start, const std::vector<const Band*>& body,
                                 double comment_x0, std::string* header_label) {
  double label_right = header_start > 0 ? header.words[header_start - 1].w->box.x1 : 0;
  std::vector<std::pair<double, double>> spans;
  for (const Band* b : body) {
    // Label words of a body row are left of its first number.
    for (const Chunk& c : NumberChunks(*b, label_right)) {
      // Digits inside labels ("Trisam 2.0") shape no column; damaged
      // numbers do when they stand under the header.
      bool number = ParseSwedishNumber(c.Text()).has_value();
      bool under_header = c.box.x0 >= header.words[header_start].w->box.x0 - 5;
      if (c.box.x0 < comment_x0 - 2 && (number || under_header)) spans.push_back({c.box.x0, c.box.x1});
    }
  }
  // Columns come from the numbers alone: header words are often wider than
  // their column and closer to the next one than words inside a cell are to
  // each other, so they name columns but do not shape them.
  std::sort(spans.begin(), spans.end());
  std::vector<Column> cols;
  for (const auto& sp : spans) {
    if (!cols.empty() && sp.first <= cols.back().x1 - 0.5) {
      cols.back().x1 = std::max(cols.back().x1, sp.second);
    } else {
      cols.push_back(Column{sp.first, sp.second, "", false});
    }
  }
  // Name the columns. Header words are grouped into phrases (words of one
  // line closer than a third of their height: "Utfall 2020", "2020-01-01
  // -2020-12-"); a phrase names the column it overlaps most, else the
  // nearest one — right-aligned figures often sit under only part of their
  // header.
  std::vector<std::vector<PWord>> names(cols.size());
  header_label->clear();
  for (int i = 0; i < header_start; ++i)
    *header_label += (header_label->empty() ? "" : " ") + header.words[i].w->text;
  std::vector<PWord> hw;
  for (size_t i = header_start; i < header.words.size(); ++i)
    if (!IsCommentHeader(header.words[i].w->text)) hw.push_back(header.words[i]);  // comments hold no figures
  std::sort(hw.begin(), hw.end(), [](const PWord& a, const PWord& b) {
    if (a.order != b.order) return a.order < b.order;
    if (std::abs(a.w->box.y0 - b.w->box.y0) > 3) return a.w->box.y0 < b.w->box.y0;
    return a.w->box.x0 < b.w->box.x0;
  });
  std::vector<std::vector<PWord>> phrases;
  for (const PWord& p : hw) {
    if (!phrases.empty()) {
      const PWord& q = phrases.back().back();
      if (q.order == p.order && std::abs(q.w->box.y0 - p.w->box.y0) <= 3 &&
          p.w->box.x0 - q.w->box.x1 < 0.3 * p.w->box.height()) {
        phrases.back().push_back(p);
        continue;
      }
    }
    phrases.push_back({p});
  }
  for (const std::vector<PWord>& ph : phrases) {
    Box b;
    for (const PWord& p : ph) b.Extend(p.w->box);
    int best = -1;
    double best_ov = 0;
    for (size_t c = 0; c < cols.size(); ++c) {
      double ov = std::min(cols[c].x1, b.x1) - std::max(cols[c].x0, b.x0);
      if (ov > best_ov) {
        best_ov = ov;
        best = static_cast<int>(c);
      }
    }
    if (best < 0) {
      double best_d = 1e9;
      for (size_t c = 0; c < cols.size(); ++c) {
        double d = std::abs((cols[c].x0 + cols[c].x1) / 2 - b.cx());
        double limit = std::max(30.0, 1.5 * (cols[c].x1 - cols[c].x0));
        if (d < best_d && d < limit) {
          best_d = d;
          best = static_cast<int>(c);
        }
      }
    }
    if (best >= 0) {
      for (const PWord& p : ph) names[best].push_back(p);
    } else if (b.x1 < (cols.empty() ? 1e9 : cols.front().x0)) {
      for (const PWord& p : ph) *header_label += (header_label->empty() ? "" : " ") + p.w->text;
    }
  }
  std::vector<Column> named;
  for (size_t c = 0; c < cols.size(); ++c) {
    std::vector<PWord>& ws = names[c];
    std::sort(ws.begin(), ws.end(), [](const PWord& a, const PWord& b) {
      if (a.order != b.order) return a.order < b.order;
      if (std::abs(a.w->box.y0 - b.w->box.y0) > 3) return a.w->box.y0 < b.w->box.y0;
      return a.w->box.x0 < b.w->box.x0;
    });
    for (const PWord& p : ws) {
      cols[c].header += (cols[c].header.empty() ? "" : " ") + p.w->text;
      cols[c].x0 = std::min(cols[c].x0, p.w->box.x0);
    }
    TableColumn parsed = ParseColumnHeader(cols[c].header, "årsredovisning");
    // A column of numbers without a header (a misaligned row, a stray
    // figure) is kept as "orphan": its numbers are placed by order.
    cols[c].text_only = parsed.kind == ColumnKind::kUnknown && !cols[c].header.empty();
    named.push_back(cols[c]);
  }
  // Text columns to the right (Kommentarer) have header words but no
  // numbers; add them so their words are not read as prose.
  return named;
}

std::string FindTitle(const std::vector<Band>& bands, size_t header) {
  std::string nearest;
  for (size_t k = 1; k <= 12 && k <= header; ++k) {
    const Band& b = bands[header - k];
    if (bands[header].box.y0 - b.box.y1 > 260) break;
    std::string t = b.Text();
    if (t.empty()) continue;
    if (nearest.empty() && t.size() < 70 && t.back() != '.') nearest = t;
    if (IsTableHeading(t) && (t.back() != '.' || IsNumberedHeading(t))) return t;
    if (!nearest.empty() && k > 3) break;
  }
  return nearest;
}

bool IsContinuation(const std::string& prev, const std::string& next) {
  if (prev.empty() || next.empty()) return false;
  unsigned char c = next[0];
  bool lower = (c >= 'a' && c <= 'z') || next.rfind("å", 0) == 0 || next.rfind("ä", 0) == 0 || next.rfind("ö", 0) == 0;
  char last = prev.back();
  return lower || last == '/' || last == '-' || last == ',' || FoldKey(prev).ends_with(" och");
}

// Joins words in reading order: lines top to bottom, words left to right;
// a line ending in "/" or a hyphen joins the next without a space.
std::string JoinReading(std::vector<PWord> ws) {
  std::sort(ws.begin(), ws.end(), [](const PWord& a, const PWord& b) {
    if (std::abs(a.w->box.cy() - b.w->box.cy()) > 0.5 * std::min(a.w->box.height(), b.w->box.height()))
      return a.w->box.cy() < b.w->box.cy();
    return a.w->box.x0 < b.w->box.x0;
  });
  std::string s;
  for (const PWord& p : ws) {
    if (!s.empty() && s.back() != '/' && !(s.back() == '-' && s.size() > 1 && s[s.size() - 2] != ' ')) s += ' ';
    s += p.w->text;
  }
  return s;
}


struct TableShape {
  std::vector<Column> cols;      // all columns, left to right (headed and orphan)
  std::vector<int> headed;       // indices into cols of named value/note columns
  double first_headed_x0 = 0;
  double comment_x0 = 1e9;       // words at or right of this belong to a comments column
};

// Makes a GridRow from a band; returns false if the band is prose that ends
// the table.
bool BandToRow(const Band& band, const TableShape& shape, GridRow* out, bool* label_only) {
  const std::vector<Column>& cols = shape.cols;
  std::vector<PWord> label;
  std::vector<Chunk> chunks;
  for (Chunk& c : NumberChunks(band, 0))
    if (c.box.x0 < shape.comment_x0 - 2) chunks.push_back(std::move(c));
  std::vector<std::vector<const Chunk*>> cells(cols.size());
  std::vector<const Chunk*> orphans;
  std::set<const Word*> in_chunk;
  for (const Chunk& c : chunks)
    for (const PWord& p : c.words) in_chunk.insert(p.w);
  int intruders = 0;
  for (const PWord& p : band.words) {
    if (in_chunk.count(p.w)) continue;
    if (p.w->box.x0 >= shape.comment_x0 - 2) continue;
    if (p.w->box.x1 <= shape.first_headed_x0 + 2 || p.w->box.cx() < shape.first_headed_x0) {
      label.push_back(p);
    } else if (p.w->text.size() <= 3 && IsNumericToken(p.w->text) == false && !label.empty()) {
      // OCR debris or a damaged digit next to numbers ("J", "|"): ignored
      // here; the number-repair stage sees the cell's raw text.
    } else {
      ++intruders;
    }
  }
  if (intruders >= 3) return false;
  if (label.empty() && chunks.empty()) {
    *label_only = true;
    out->label.clear();
    out->cells.clear();
    return true;  // only comment-column text: not a row, not the end
  }
  for (const Chunk& c : chunks) {
    if ((c.box.x1 <= cols.front().x0 - 1 && c.box.x1 < shape.first_headed_x0) ||
        (c.box.x1 < shape.first_headed_x0 && !ParseSwedishNumber(c.Text()))) {
      for (const PWord& p : c.words) label.push_back(p);  // "Trisam 2.0", "Upp till 2 år"
      continue;
    }
    int best = -1;
    double best_ov = 0;
    for (size_t k = 0; k < cols.size(); ++k) {
      double ov = std::min(cols[k].x1, c.box.x1) - std::max(cols[k].x0, c.box.x0);
      if (ov > best_ov) {
        best_ov = ov;
        best = static_cast<int>(k);
      }
    }
    if (best < 0) {
      double best_d = 1e9;
      for (size_t k = 0; k < cols.size(); ++k) {
        double d = std::abs((cols[k].x0 + cols[k].x1) / 2 - c.box.cx());
        if (d < best_d) {
          best_d = d;
          best = static_cast<int>(k);
        }
      }
    }
    if (cols[best].text_only) continue;
    if (cols[best].header.empty()) {
      orphans.push_back(&c);
    } else {
      cells[best].push_back(&c);
    }
  }
  GridRow row;
  row.cells.resize(shape.headed.size());
  row.prov.page = band.page;
  row.prov.line_index = band.first_line;
  Box lb;
  double conf = 1.0;
  for (const PWord& p : label) {
    lb.Extend(p.w->box);
    conf = std::min<double>(conf, p.w->confidence);
  }
  row.label = JoinReading(label);
  row.prov.box = lb.empty() ? band.box : lb;
  row.prov.raw_text = band.Text();
  row.prov.confidence = conf;
  bool any_headed = false;
  for (const auto& v : cells) any_headed |= !v.empty();
  // A row printed off the grid (its numbers under no header) whose count of
  // numbers matches the value columns is placed by order, less confidently.
  int value_cols = 0;
  for (int h : shape.headed) value_cols += !IsNoteWord(cols[h].header);
  double placed_conf = 1.0;
  if (!any_headed && !orphans.empty() && static_cast<int>(orphans.size()) == value_cols) {
    int o = 0;
    for (int h : shape.headed)
      if (!IsNoteWord(cols[h].header)) cells[h].push_back(orphans[o++]);
    placed_conf = 0.8;
  }
  bool any = false;
  for (size_t hi = 0; hi < shape.headed.size(); ++hi) {
    const auto& cs = cells[shape.headed[hi]];
    if (cs.empty()) continue;
    GridCell& gc = row.cells[hi];
    gc.present = true;
    std::vector<PWord> ws;
    for (const Chunk* c : cs)
      for (const PWord& p : c->words) ws.push_back(p);
    Box cb;
    double cconf = 1.0;
    int line = ws.front().line_index;
    for (const PWord& p : ws) {
      cb.Extend(p.w->box);
      cconf = std::min<double>(cconf, p.w->confidence);
      line = std::min(line, p.line_index);
    }
    for (const Chunk* c : cs) gc.text += (gc.text.empty() ? "" : " ") + c->Text();
    gc.prov.page = band.page;
    gc.prov.box = cb;
    gc.prov.line_index = line;
    gc.prov.raw_text = gc.text;
    gc.prov.confidence = cconf * placed_conf;
    row.raw_numbers += (row.raw_numbers.empty() ? "" : " ") + gc.text;
    any = true;
  }
  *label_only = !any;
  if (!any) {
    int words = static_cast<int>(label.size());
    if (words > 8 || (!row.label.empty() && row.label.back() == '.' && words > 3)) return false;
    if (row.label.empty()) return false;
    if (IsTableHeading(row.label) && IsNumberedHeading(row.label)) return false;
  }
  *out = std::move(row);
  return true;
}

bool IsSectionLabel(const std::string& s) {
  static const RE2 kSection(
      "^(intakter|kostnader|tillgangar|eget kapital och skulder|skulder|finansiella poster)$");
  return s.empty() || RE2::FullMatch(FoldKey(StripPunct(s)), kSection);
}

bool BandHasNumbers(const Band& b, double from_x) {
  for (const PWord& p : b.words)
    if (p.w->box.x0 >= from_x && IsNumericToken(p.w->text)) return true;
  return false;
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
      int hs = HeaderStart(bands[i]);
      if (hs < 0) {
        ++i;
        continue;
      }
      // A header whose cells wrap over separate lines ("Utfall" / "2020," /
      // "tkr") spans several bands: merge adjacent bands of header words.
      Band header = bands[i];
      size_t header_end = i, header_begin = i;
      // Header words of a wrapped header stand over the columns; a caption
      // above the table ("Budget 2019-2021, Tkr") stands over the labels.
      const double columns_x0 = bands[i].words[hs].w->box.x0 - 5;
      auto headerish_band = [&](const Band& b) {
        int label_words = 0, over_columns = 0;
        for (const PWord& p : b.words) {
          bool in_label_area = p.w->box.x0 < columns_x0;
          // "31" under "2020-12-": the day of a date wrapped in its cell.
          bool day = RE2::FullMatch(p.w->text, "[0-3]\\d"_re) && !in_label_area;
          if (IsHeaderishWord(p.w->text) || IsCommentHeader(p.w->text) || day) {
            over_columns += !in_label_area;
            continue;
          }
          if (in_label_area && ++label_words <= 3) continue;
          return false;
        }
        return over_columns > 0;
      };
      auto merge = [&](const Band& b) {
        for (const PWord& p : b.words) header.words.push_back(p);
        header.box.Extend(b.box);
        std::stable_sort(header.words.begin(), header.words.end(),
                         [](const PWord& x, const PWord& y) { return x.w->box.x0 < y.w->box.x0; });
      };
      if (i > 0 && bands[i - 1].page == header.page && header.box.y0 - bands[i - 1].box.y1 < 0.6 * header.box.height() &&
          headerish_band(bands[i - 1])) {
        merge(bands[i - 1]);
        header_begin = i - 1;
      }
      while (header_end + 1 < bands.size() &&
             bands[header_end + 1].box.y0 - header.box.y1 < 0.6 * bands[header_end].box.height() &&
             headerish_band(bands[header_end + 1]) && HeaderStart(bands[header_end + 1]) < 0) {
        merge(bands[header_end + 1]);
        ++header_end;
      }
      // A header line left at the foot of the previous page ("Insats Utfall
      // Budget ..." there, "2020, tkr" here).
      std::string carried_title;
      if (header_begin == i && i < 2 && pi > 0 && !page_bands[pi - 1].empty()) {
        const std::vector<Band>& prev = page_bands[pi - 1];
        const Band& last = prev.back();
        const Page& prev_page = doc.pages[pi - 1];
        if (last.words.size() >= 3 && last.box.y1 > 0.75 * prev_page.height && headerish_band(last)) {
          Box keep = header.box;
          Band carried = last;
          for (PWord& p : carried.words) p.order = -1;
          merge(carried);
          header.box = keep;  // boxes of different pages do not mix
          carried_title = FindTitle(prev, prev.size() - 1);
        }
      }
      hs = HeaderStart(header);
      if (hs < 0) hs = 0;
      double first_x = header.words[hs].w->box.x0;
      double comment_x0 = 1e9;
      for (size_t w = hs; w < header.words.size(); ++w)
        if (IsCommentHeader(header.words[w].w->text)) comment_x0 = std::min(comment_x0, header.words[w].w->box.x0);
      // Body: the bands below, until a gap, prose, a heading or another table.
      std::vector<const Band*> body;
      std::vector<bool> is_repeat;
      double prev_bottom = bands[header_end].box.y1;
      double pitch = std::max(14.0, header.box.height());
      size_t cur = pi, k = header_end + 1;
      bool stop = false;
      while (!stop) {
        const std::vector<Band>& pb = page_bands[cur];
        for (; k < pb.size(); ++k) {
          const Band& b = pb[k];
          if (b.box.y0 - prev_bottom > 4.5 * pitch) {
            stop = true;
            break;
          }
          int rhs = HeaderStart(b);
          if (rhs >= 0) {
            std::string lbl;
            for (int w = 0; w < rhs; ++w) lbl += (lbl.empty() ? "" : " ") + b.words[w].w->text;
            if (IsSectionLabel(lbl) && b.box.y0 - prev_bottom < 3 * pitch) {
              body.push_back(&b);
              is_repeat.push_back(true);
              prev_bottom = b.box.y1;
              continue;
            }
            stop = true;
            break;
          }
          int prose = 0, outside_comments = 0;
          for (const PWord& p : b.words) outside_comments += p.w->box.x0 < comment_x0 - 2;
          for (const PWord& p : b.words)
            if (p.w->box.x0 >= first_x - 2 && p.w->box.x0 < comment_x0 - 2 && !IsNumericToken(p.w->text) &&
                !HasDigit(p.w->text))
              ++prose;
          bool numbers = BandHasNumbers(b, first_x - 40);
          std::string text = b.Text();
          if (prose >= 3 || (!numbers && (outside_comments > 8 || (IsTableHeading(text) && IsNumberedHeading(text))))) {
            stop = true;
            break;
          }
          body.push_back(&b);
          is_repeat.push_back(false);
          prev_bottom = b.box.y1;
        }
        if (stop || cur + 1 >= page_bands.size()) break;
        // Page end: continue when the next page's first bands (after a
        // running header) carry numbers before any header or prose.
        const std::vector<Band>& next = page_bands[cur + 1];
        size_t q = 0;
        bool cont = false;
        for (; q < next.size() && q < 4; ++q) {
          if (HeaderStart(next[q]) >= 0) break;
          if (BandHasNumbers(next[q], first_x - 40)) {
            cont = q < 3;
            break;
          }
          if (next[q].words.size() > 5) break;
        }
        if (!cont) break;
        ++cur;
        k = q;
        prev_bottom = next[q].box.y0;
      }
      size_t consumed_page = cur;
      size_t consumed_k = k;
      bool has_numbers = false;
      for (size_t b = 0; b < body.size(); ++b) has_numbers |= !is_repeat[b] && BandHasNumbers(*body[b], first_x - 40);
      if (!has_numbers) {
        ++i;
        continue;
      }
      std::vector<const Band*> value_bands;
      for (size_t b = 0; b < body.size(); ++b)
        if (!is_repeat[b]) value_bands.push_back(body[b]);
      TableShape shape;
      Grid g;
      shape.cols = BuildColumns(header, hs, value_bands, comment_x0, &g.header_label);
      shape.comment_x0 = comment_x0;
      shape.first_headed_x0 = 1e9;
      for (size_t c = 0; c < shape.cols.size(); ++c) {
        if (shape.cols[c].header.empty() || shape.cols[c].text_only) continue;
        shape.headed.push_back(static_cast<int>(c));
        g.headers.push_back(shape.cols[c].header);
        shape.first_headed_x0 = std::min(shape.first_headed_x0, shape.cols[c].x0);
      }
      if (shape.headed.empty()) {
        ++i;
        continue;
      }
      g.title = carried_title.empty() ? FindTitle(bands, header_begin) : carried_title;
      g.page = g.last_page = header.page;
      for (size_t b = 0; b < body.size(); ++b) {
        const Band& band = *body[b];
        if (is_repeat[b]) {
          GridRow hr;
          int rhs = HeaderStart(band);
          for (int w = 0; w < rhs; ++w) hr.label += (hr.label.empty() ? "" : " ") + band.words[w].w->text;
          hr.repeated_header = true;
          hr.cells.resize(shape.headed.size());
          hr.prov.page = band.page;
          hr.prov.line_index = band.first_line;
          g.rows.push_back(hr);
          continue;
        }
        GridRow row;
        bool label_only = false;
        if (!BandToRow(band, shape, &row, &label_only)) break;
        if (label_only && row.label.empty()) continue;
        if (label_only && !g.rows.empty() && !g.rows.back().repeated_header &&
            IsContinuation(g.rows.back().label, row.label)) {
          g.rows.back().label += (g.rows.back().label.back() == '/' ? "" : " ") + row.label;
          continue;
        }
        g.last_page = band.page;
        g.rows.push_back(std::move(row));
      }
      while (!g.rows.empty()) {
        bool any = false;
        for (const GridCell& c : g.rows.back().cells) any |= c.present;
        if (any) break;
        g.rows.pop_back();
      }
      if (!g.rows.empty()) grids.push_back(std::move(g));
      if (consumed_page != pi) {
        i = bands.size();
      } else {
        i = std::max(consumed_k, i + 1);
      }
    }
  }
  return grids;
}

}  // namespace finsam
