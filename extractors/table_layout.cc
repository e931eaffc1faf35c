// Layout-path table reader: positioned words (PDF text layer or OCR, points,
// origin top-left) → Grid.
//
// 1. Words of a page are grouped into bands: words whose vertical extents
//    overlap by a share of the smaller height belong to one band, so a row
//    whose label or number wraps inside its cell ("13" over "320" beside
//    "Summa intäkter") is one band.
// 2. A header band holds two or more header tokens (years, dates, Utfall,
//    Budget, ...) in separate columns, and is followed by bands with numbers
//    under those columns. Its words, clustered by x, define the columns.
// 3. Following bands become rows until prose, a large gap, or a new
//    differently-shaped header; a table may continue on the next page.
// The distances these steps use are LayoutParams (table_readers.h).
#include <re2/re2.h>

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <set>

#include "extractors/table_arithmetic.h"
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
      "(?i)(tkr|mkr|kr|not|andel|av|medel|forbrukade|kommentarer?|utfall-?|budget|plan|prognos|avvikelse|aterstar|"
      "totalt|belopp|i|-|%|och|ack\\.?|helar|period|jan-dec|bokslut)");
  std::string f = FoldKey(StripPunct(s));
  return f.empty() || RE2::FullMatch(f, kAllowed) || IsHeaderToken(StripPunct(s));
}

std::vector<Band> MakeBands(const Page& page, const LayoutParams& lp) {
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
      if (h > 0 && overlap >= lp.band_overlap_heights * h) parent[find(i)] = find(j);
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

// A band of column kinds only ("Utfall Budget Plan Plan Totalt"): every word
// over the columns is a kind word, no year. It names columns by position
// together with the years row above or below it.
bool IsKindsBand(const Band& b, double columns_x0) {
  static const RE2 kKind("(?i)(utfall|budget|plan|prognos|avvikelse|återstår|aterstar|totalt|bokslut|summa|not)");
  int kinds = 0;
  for (const PWord& p : b.words) {
    if (p.w->box.x1 <= columns_x0) return false;  // kind words are often wider than the years under them
    std::string t = StripPunct(p.w->text);
    if (!RE2::FullMatch(t, kKind)) return false;
    ++kinds;
  }
  return kinds >= 2;
}

// A unit line standing alone over the label column ("Tkr", "Belopp i tkr",
// "(mkr)"): part of the header, never a caption.
bool IsUnitBand(const Band& b, double columns_x0) {
  static const RE2 kUnit("(?i)\\(?(belopp )?(i )?(tkr|mkr|mnkr|kr|kronor|tusental kronor|miljoner kronor)\\)?[:.]?");
  if (b.words.empty() || b.words.size() > 4) return false;
  for (const PWord& p : b.words)
    if (p.w->box.x0 >= columns_x0) return false;
  return RE2::FullMatch(b.Text(), kUnit);
}

// Where the header tokens of a band start, or -1 when the band is not a
// table header: two or more header tokens (one a year or date) after a short
// label ("Belopp i tkr", "Intäkter", "Tkr", "Insats"), and little prose.
// A period printed before the header's years ("1 januari - 31 december",
// "1 juli - 30 juni", "Räkenskapsår"): a label of more words than a short
// one, still no prose.
bool IsPeriodLead(const Band& band, size_t first) {
  std::string lead;
  for (size_t i = 0; i < first; ++i) lead += (lead.empty() ? "" : " ") + band.words[i].w->text;
  static const RE2 kPeriod(
      "([Bb]elopp i \\S+ )?\\(?\\d{1,2} ?[A-Za-zÅÄÖåäö]{3,9}\\.? ?[-–—] ?\\d{1,2} ?[A-Za-zÅÄÖåäö]{3,9}\\.?\\)?");
  return RE2::FullMatch(lead, kPeriod);
}

int HeaderStart(const Band& band) {
  size_t first = band.words.size();
  int years = 0, tokens = 0;
  for (size_t i = 0; i < band.words.size(); ++i) {
    std::string t = StripPunct(band.words[i].w->text);
    bool note = IsNoteWord(t) && i > 0;
    if (IsHeaderToken(t) || note) {
      // "2022 - 2023" (a split financial year) is one column's header, not
      // two: its second year counts no token of its own.
      bool range_end = i >= 2 && IsYearToken(t) && RE2::FullMatch(band.words[i - 1].w->text, "[-–—]"_re) &&
                       IsYearToken(StripPunct(band.words[i - 2].w->text));
      if (first == band.words.size()) first = i;
      if (range_end) continue;
      ++tokens;
      years += IsYearToken(t) || RE2::PartialMatch(t, "^-?(19|20)\\d\\d-"_re);
    }
  }
  if (years == 0 || tokens < 2 || first == band.words.size()) return -1;
  if (first > 4 && !IsPeriodLead(band, first)) return -1;
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

std::vector<Chunk> NumberChunks(const Band& band, double label_right, const LayoutParams& lp) {
  std::vector<PWord> nums;
  for (const PWord& p : band.words)
    if (p.w->box.x0 > label_right && (IsNumericToken(p.w->text) || HasDigit(p.w->text))) nums.push_back(p);
  // Per line (by y), left to right.
  std::sort(nums.begin(), nums.end(), [&lp](const PWord& a, const PWord& b) {
    if (std::abs(a.w->box.y0 - b.w->box.y0) > lp.same_line_pt) return a.w->box.y0 < b.w->box.y0;
    return a.w->box.x0 < b.w->box.x0;
  });
  std::vector<Chunk> chunks;
  for (const PWord& p : nums) {
    if (!chunks.empty()) {
      Chunk& c = chunks.back();
      const Box& last = c.words.back().w->box;
      bool same_line = std::abs(last.y0 - p.w->box.y0) <= lp.same_line_pt;
      double gap = p.w->box.x0 - last.x1;
      if (same_line && gap >= -lp.number_overlap_pt && gap < lp.number_gap_heights * last.height() &&
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
      bool below = b.box.y0 > a.box.y0 + lp.stacked_gap_heights * a.box.height() &&
                   b.box.y0 - a.box.y1 < lp.stacked_gap_heights * a.box.height();
      if (below && std::abs(a.box.x0 - b.box.x0) < lp.stacked_align_pt && ParseSwedishNumber(a.Text() + " " + b.Text()) &&
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
                                 double comment_x0, const LayoutParams& lp, std::string* header_label) {
  double label_right = header_start > 0 ? header.words[header_start - 1].w->box.x1 : 0;
  std::vector<std::pair<double, double>> spans;
  for (const Band* b : body) {
    // Label words of a body row are left of its first number.
    for (const Chunk& c : NumberChunks(*b, label_right, lp)) {
      // Digits inside labels ("Trisam 2.0") shape no column; damaged
      // numbers do when they stand under the header.
      bool number = ParseSwedishNumber(c.Text()).has_value();
      bool under_header = c.box.x0 >= header.words[header_start].w->box.x0 - lp.header_slack_pt;
      if (c.box.x0 < comment_x0 - lp.edge_slack_pt && (number || under_header)) spans.push_back({c.box.x0, c.box.x1});
    }
  }
  // Columns come from the numbers alone: header words are often wider than
  // their column and closer to the next one than words inside a cell are to
  // each other, so they name columns but do not shape them.
  std::sort(spans.begin(), spans.end());
  std::vector<Column> cols;
  for (const auto& sp : spans) {
    if (!cols.empty() && sp.first <= cols.back().x1 - lp.column_overlap_pt) {
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
  std::sort(hw.begin(), hw.end(), [&lp](const PWord& a, const PWord& b) {
    if (a.order != b.order) return a.order < b.order;
    if (std::abs(a.w->box.y0 - b.w->box.y0) > lp.same_line_pt) return a.w->box.y0 < b.w->box.y0;
    return a.w->box.x0 < b.w->box.x0;
  });
  std::vector<std::vector<PWord>> phrases;
  for (const PWord& p : hw) {
    if (!phrases.empty()) {
      const PWord& q = phrases.back().back();
      if (q.order == p.order && std::abs(q.w->box.y0 - p.w->box.y0) <= lp.same_line_pt &&
          p.w->box.x0 - q.w->box.x1 < lp.phrase_gap_heights * p.w->box.height()) {
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
        double limit = std::max(lp.header_snap_min_pt, lp.header_snap_widths * (cols[c].x1 - cols[c].x0));
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
    std::sort(ws.begin(), ws.end(), [&lp](const PWord& a, const PWord& b) {
      if (a.order != b.order) return a.order < b.order;
      if (std::abs(a.w->box.y0 - b.w->box.y0) > lp.same_line_pt) return a.w->box.y0 < b.w->box.y0;
      return a.w->box.x0 < b.w->box.x0;
    });
    // The kind word leads ("Totalt 2019-2022", not "2019-2022 Totalt"), so
    // a header whose years row stands above its kinds row reads the same.
    if (!ws.empty() && RE2::PartialMatch(ws.front().w->text, "^(19|20)\\d\\d"_re))
      std::stable_partition(ws.begin(), ws.end(), [](const PWord& p) {
      return RE2::FullMatch(StripPunct(p.w->text), "(?i)(utfall|budget|plan|prognos|avvikelse|återstår|aterstar|totalt|bokslut)"_re);
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

std::string FindTitle(const std::vector<Band>& bands, size_t header, const LayoutParams& lp) {
  std::string nearest;
  for (size_t k = 1; k <= static_cast<size_t>(lp.title_max_bands) && k <= header; ++k) {
    const Band& b = bands[header - k];
    if (bands[header].box.y0 - b.box.y1 > lp.title_max_gap_pt) break;
    std::string t = b.Text();
    if (t.empty()) continue;
    // A row of column kinds is header, never the caption.
    if (IsKindsBand(b, 0)) continue;
    if (nearest.empty() && t.size() < lp.title_max_chars && t.back() != '.') nearest = t;
    if (IsTableHeading(t) && (t.back() != '.' || IsNumberedHeading(t))) return t;
    if (!nearest.empty() && k > static_cast<size_t>(lp.title_near_bands)) break;
  }
  return nearest;
}

bool IsContinuation(const std::string& prev, const std::string& next) {
  if (prev.empty() || next.empty()) return false;
  unsigned char c = next[0];
  bool lower = (c >= 'a' && c <= 'z') || next.rfind("å", 0) == 0 || next.rfind("ä", 0) == 0 || next.rfind("ö", 0) == 0;
  char last = prev.back();
  static const RE2 kOpenEnd("(?i)(^|\\s)(och|samt|från|fran|till|för|for|av|med|inom|i|på|pa|vid|mot|per|utan)$");
  // After a preposition only a broken word ("Bidrag från" / "Försäkrings-")
  // is sure to continue: a capitalised line there is as often a heading of
  // its own ("… ingår mark med" / "Taxeringsvärde").
  bool broken_word = next.size() > 1 && next.back() == '-' && next.find(' ') == std::string::npos;
  return lower || last == '/' || last == '-' || last == ',' || FoldKey(prev).ends_with(" och") ||
         (broken_word && RE2::PartialMatch(prev, kOpenEnd));
}

// Joins a wrapped label's next line: after "/" or a word hyphen without a
// space ("Försäkrings-" + "kassan"), else with one.
void AppendLabelLine(std::string* label, const std::string& next) {
  bool tight = !label->empty() && (label->back() == '/' || (label->back() == '-' && label->size() > 1 &&
                                                             (*label)[label->size() - 2] != ' '));
  *label += (label->empty() || tight ? "" : " ") + next;
}

// Joins words in reading order: lines top to bottom, words left to right;
// a line ending in "/" or a hyphen joins the next without a space.
std::string JoinReading(std::vector<PWord> ws, const LayoutParams& lp) {
  std::sort(ws.begin(), ws.end(), [&lp](const PWord& a, const PWord& b) {
    if (std::abs(a.w->box.cy() - b.w->box.cy()) >
        lp.reading_line_heights * std::min(a.w->box.height(), b.w->box.height()))
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
bool BandToRow(const Band& band, const TableShape& shape, const LayoutParams& lp, GridRow* out, bool* label_only) {
  const std::vector<Column>& cols = shape.cols;
  std::vector<PWord> label;
  std::vector<Chunk> chunks;
  for (Chunk& c : NumberChunks(band, 0, lp))
    if (c.box.x0 < shape.comment_x0 - lp.edge_slack_pt) chunks.push_back(std::move(c));
  std::vector<std::vector<const Chunk*>> cells(cols.size());
  std::vector<const Chunk*> orphans;
  std::set<const Word*> in_chunk;
  for (const Chunk& c : chunks)
    for (const PWord& p : c.words) in_chunk.insert(p.w);
  int intruders = 0;
  for (const PWord& p : band.words) {
    if (in_chunk.count(p.w)) continue;
    if (p.w->box.x0 >= shape.comment_x0 - lp.edge_slack_pt) continue;
    if (p.w->box.x1 <= shape.first_headed_x0 + lp.edge_slack_pt || p.w->box.cx() < shape.first_headed_x0) {
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
    if ((c.box.x1 <= cols.front().x0 - lp.label_number_slack_pt && c.box.x1 < shape.first_headed_x0) ||
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
  row.label = JoinReading(label, lp);
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
    // A figure wrapped after its decimal comma ("712," over "5") joins
    // without a space.
    const Chunk* prev = nullptr;
    for (const Chunk* c : cs) {
      // Only a lower line continues the decimals: "12, 18" on one line is
      // a list (two note references).
      bool tail = prev && (gc.text.back() == ',' || gc.text.back() == '.') && c->box.y0 >= prev->box.y1 - 1;
      gc.text += (gc.text.empty() || tail ? "" : " ") + c->Text();
      prev = c;
    }
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

// A table header: the header band(s) of one table merged, where they lie
// among the page's bands, and the x positions its body is read against.
struct HeaderBlock {
  Band header;                // merged header words, in x order
  size_t begin = 0, end = 0;  // first and last band of the page merged into it
  int start = 0;              // index in header.words of the first header token
  double columns_x0 = 0;      // header words right of this stand over the columns
  double first_x = 0;         // left edge of the first header token
  double comment_x0 = 1e9;    // left edge of a comments column header (Kommentarer), or 1e9
  std::string carried_title;  // caption of a header line carried over from the previous page
};

// The bands below a header that belong to its table.
struct TableBody {
  std::vector<const Band*> bands;
  std::vector<bool> is_repeat;  // per band: a repeated section header ("Kostnader 2020 2021")
  size_t end_page = 0;          // page index and band index where reading stopped
  size_t end_band = 0;
};

// The positioned-word bands of every page (empty for plain-text pages).
std::vector<std::vector<Band>> PageBands(const Document& doc, const LayoutParams& lp) {
  std::vector<std::vector<Band>> out;
  for (const Page& p : doc.pages) out.push_back(p.unit == BoxUnit::kPoint ? MakeBands(p, lp) : std::vector<Band>{});
  return out;
}

// A band of header words: those over the columns are header-ish (or a day
// of a date wrapped in its cell), at most three words stand over the labels
// (a caption like "Budget 2019-2021, Tkr").
bool IsHeaderishBand(const Band& b, double columns_x0) {
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
}

// The years line of header cells wrapped inside their column ("Budget" over
// "2019", "Avvikelse" over "2020", "Totalt 2019–" over "2021"): only years
// over the columns, nothing over the labels, and each year under a header
// word of the line above that is not itself a complete year (a kind word or a
// range left open). Such a line reads as a header on its own (two years), so
// HeaderStart alone cannot tell it from the next table's header.
bool IsWrappedYearsBand(const Band& header, const Band& next, double columns_x0, const LayoutParams& lp) {
  if (next.words.empty()) return false;
  for (const PWord& p : next.words) {
    if (p.w->box.x0 < columns_x0) return false;
    std::string t = StripPunct(p.w->text);
    if (!IsYearToken(t) && !RE2::FullMatch(t, "(19|20)\\d\\d\\s*[-–—]\\s*(19|20)?\\d?\\d?"_re)) return false;
    bool under = false;
    for (const PWord& h : header.words) {
      if (h.w->box.y1 > next.box.y0 + lp.same_line_pt) continue;  // only lines above
      double ov = std::min(h.w->box.x1, p.w->box.x1) - std::max(h.w->box.x0, p.w->box.x0);
      if (ov <= 0) continue;
      std::string ht = StripPunct(h.w->text);
      bool open_range = RE2::FullMatch(ht, "(19|20)\\d\\d\\s*[-–—]"_re);
      if (!IsYearToken(ht) || open_range) under = true;
    }
    if (!under) return false;
  }
  return true;
}

// Adds a band's words to the header, keeping them in x order.
void MergeIntoHeader(Band* header, const Band& b) {
  for (const PWord& p : b.words) header->words.push_back(p);
  header->box.Extend(b.box);
  std::stable_sort(header->words.begin(), header->words.end(),
                   [](const PWord& x, const PWord& y) { return x.w->box.x0 < y.w->box.x0; });
}

// The header whose tokens start at word `hs` of band `i`, with the lines of
// a header wrapped over several bands ("Utfall" / "2020," / "tkr") merged.
HeaderBlock MergeWrappedHeader(const std::vector<Band>& bands, size_t i, int hs, const LayoutParams& lp) {
  HeaderBlock h;
  h.header = bands[i];
  h.begin = h.end = i;
  h.columns_x0 = bands[i].words[hs].w->box.x0 - lp.header_slack_pt;
  const double height = bands[i].box.height();
  if (i > 0 && bands[i - 1].page == h.header.page &&
      h.header.box.y0 - bands[i - 1].box.y1 < lp.header_wrap_gap_heights * height &&
      IsHeaderishBand(bands[i - 1], h.columns_x0)) {
    MergeIntoHeader(&h.header, bands[i - 1]);
    h.begin = i - 1;
  }
  // Headers in several rows: a row of column kinds above the years row
  // ("Utfall Budget Plan" over "2019 2020 2021"), possibly with a unit line
  // ("Tkr") between them, joins the header over a looser gap; the kinds pair
  // with the years by position when the columns are named.
  for (size_t k = h.begin, units = 0; k > 0 && h.begin - (k - 1) <= 2; --k) {
    const Band& above = bands[k - 1];
    if (above.page != h.header.page || bands[k].box.y0 - above.box.y1 > lp.header_rows_gap_heights * height) break;
    if (IsUnitBand(above, h.columns_x0) && units++ == 0) continue;
    if (!IsKindsBand(above, h.columns_x0)) break;
    for (size_t m = k - 1; m < h.begin; ++m) MergeIntoHeader(&h.header, bands[m]);
    h.begin = k - 1;
    break;
  }
  // A unit line standing alone right above the header ("Belopp i kr."
  // between the caption and the table): the table's unit, never its caption.
  if (h.begin > 0) {
    const Band& above = bands[h.begin - 1];
    if (above.page == h.header.page && h.header.box.y0 - above.box.y1 < lp.header_rows_gap_heights * height &&
        IsUnitBand(above, h.columns_x0)) {
      MergeIntoHeader(&h.header, above);
      --h.begin;
    }
  }
  while (h.end + 1 < bands.size()) {
    const Band& next = bands[h.end + 1];
    double gap = next.box.y0 - h.header.box.y1;
    bool wrapped = gap < lp.header_wrap_gap_heights * bands[h.end].box.height() &&
                   IsHeaderishBand(next, h.columns_x0) &&
                   (HeaderStart(next) < 0 || IsWrappedYearsBand(h.header, next, h.columns_x0, lp));
    bool kinds = gap < lp.header_rows_gap_heights * height && IsKindsBand(next, h.columns_x0);
    bool unit_then_kinds = gap < lp.header_rows_gap_heights * height && IsUnitBand(next, h.columns_x0) &&
                           h.end + 2 < bands.size() &&
                           bands[h.end + 2].box.y0 - next.box.y1 < lp.header_rows_gap_heights * height &&
                           IsKindsBand(bands[h.end + 2], h.columns_x0);
    if (unit_then_kinds) {
      MergeIntoHeader(&h.header, next);
      MergeIntoHeader(&h.header, bands[h.end + 2]);
      h.end += 2;
      continue;
    }
    // A unit line under the header, over the labels ("tkr" below "Utfall
    // 2020 Utfall 2019"): the header's, not a row.
    bool unit_below = gap < lp.header_rows_gap_heights * height && IsUnitBand(next, h.columns_x0);
    if (!wrapped && !kinds && !unit_below) break;
    MergeIntoHeader(&h.header, next);
    ++h.end;
  }
  return h;
}

// A header line left at the foot of the previous page ("Insats Utfall
// Budget ..." there, "2020, tkr" here) joins the header, and its caption
// becomes the table's.
void CarryHeaderFromPreviousPage(const Document& doc, const std::vector<std::vector<Band>>& page_bands, size_t pi,
                                 size_t i, const LayoutParams& lp, HeaderBlock* h) {
  if (h->begin != i || i >= 2 || pi == 0 || page_bands[pi - 1].empty()) return;
  const std::vector<Band>& prev = page_bands[pi - 1];
  const Band& last = prev.back();
  const Page& prev_page = doc.pages[pi - 1];
  if (last.words.size() < 3 || last.box.y1 <= lp.page_foot_fraction * prev_page.height ||
      !IsHeaderishBand(last, h->columns_x0))
    return;
  Box keep = h->header.box;
  Band carried = last;
  for (PWord& p : carried.words) p.order = -1;
  MergeIntoHeader(&h->header, carried);
  h->header.box = keep;  // boxes of different pages do not mix
  h->carried_title = FindTitle(prev, prev.size() - 1, lp);
}

// Where the merged header's tokens and its comments column start.
void LocateHeaderColumns(HeaderBlock* h) {
  h->start = HeaderStart(h->header);
  if (h->start < 0) h->start = 0;
  h->first_x = h->header.words[h->start].w->box.x0;
  for (size_t w = h->start; w < h->header.words.size(); ++w)
    if (IsCommentHeader(h->header.words[w].w->text))
      h->comment_x0 = std::min(h->comment_x0, h->header.words[w].w->box.x0);
}

// A band that ends the table: prose over the columns, or a wide line or a
// numbered heading without figures.
bool EndsTable(const Band& b, const HeaderBlock& h, const LayoutParams& lp) {
  int prose = 0, outside_comments = 0;
  for (const PWord& p : b.words) outside_comments += p.w->box.x0 < h.comment_x0 - lp.edge_slack_pt;
  for (const PWord& p : b.words)
    if (p.w->box.x0 >= h.first_x - lp.edge_slack_pt && p.w->box.x0 < h.comment_x0 - lp.edge_slack_pt &&
        !IsNumericToken(p.w->text) && !HasDigit(p.w->text))
      ++prose;
  bool numbers = BandHasNumbers(b, h.first_x - lp.number_reach_pt);
  std::string text = b.Text();
  return prose >= 3 || (!numbers && (outside_comments > 8 || (IsTableHeading(text) && IsNumberedHeading(text))));
}

// Where a table cut by a page break goes on on the next page: the first band
// with numbers among its first bands (after a running header), before any
// header or prose; -1 when the table does not continue.
int ContinuationBand(const std::vector<Band>& next, double first_x, const LayoutParams& lp) {
  for (size_t q = 0; q < next.size() && q < 4; ++q) {
    if (HeaderStart(next[q]) >= 0) return -1;
    if (BandHasNumbers(next[q], first_x - lp.number_reach_pt)) return q < 3 ? static_cast<int>(q) : -1;
    if (next[q].words.size() > 5) return -1;
  }
  return -1;
}

// The bands below the header, until a gap, prose, a heading or another
// table; across page breaks when the table continues.
TableBody CollectBody(const std::vector<std::vector<Band>>& page_bands, size_t pi, const HeaderBlock& h,
                      const LayoutParams& lp) {
  TableBody body;
  double prev_bottom = page_bands[pi][h.end].box.y1;
  double pitch = std::max(lp.min_pitch_pt, h.header.box.height());
  size_t cur = pi, k = h.end + 1;
  bool stop = false;
  while (!stop) {
    const std::vector<Band>& pb = page_bands[cur];
    for (; k < pb.size(); ++k) {
      const Band& b = pb[k];
      if (b.box.y0 - prev_bottom > lp.table_end_gap_pitches * pitch) {
        stop = true;
        break;
      }
      int rhs = HeaderStart(b);
      if (rhs >= 0) {
        std::string lbl;
        for (int w = 0; w < rhs; ++w) lbl += (lbl.empty() ? "" : " ") + b.words[w].w->text;
        if (IsSectionLabel(lbl) && b.box.y0 - prev_bottom < lp.repeated_header_gap_pitches * pitch) {
          body.bands.push_back(&b);
          body.is_repeat.push_back(true);
          prev_bottom = b.box.y1;
          continue;
        }
        stop = true;
        break;
      }
      if (EndsTable(b, h, lp)) {
        stop = true;
        break;
      }
      body.bands.push_back(&b);
      body.is_repeat.push_back(false);
      prev_bottom = b.box.y1;
    }
    if (stop || cur + 1 >= page_bands.size()) break;
    int q = ContinuationBand(page_bands[cur + 1], h.first_x, lp);
    if (q < 0) break;
    ++cur;
    k = q;
    prev_bottom = page_bands[cur][q].box.y0;
  }
  body.end_page = cur;
  body.end_band = k;
  return body;
}

// True when a body band (not a repeated header) carries numbers.
bool BodyHasNumbers(const TableBody& body, double first_x, const LayoutParams& lp) {
  for (size_t b = 0; b < body.bands.size(); ++b)
    if (!body.is_repeat[b] && BandHasNumbers(*body.bands[b], first_x - lp.number_reach_pt)) return true;
  return false;
}

// The table's columns from the body's numbers, named by the header; fills
// the grid's headers. False when no column has a header.
bool ShapeColumns(const HeaderBlock& h, const TableBody& body, const LayoutParams& lp, TableShape* shape, Grid* g) {
  std::vector<const Band*> value_bands;
  for (size_t b = 0; b < body.bands.size(); ++b)
    if (!body.is_repeat[b]) value_bands.push_back(body.bands[b]);
  shape->cols = BuildColumns(h.header, h.start, value_bands, h.comment_x0, lp, &g->header_label);
  shape->comment_x0 = h.comment_x0;
  shape->first_headed_x0 = 1e9;
  for (size_t c = 0; c < shape->cols.size(); ++c) {
    if (shape->cols[c].header.empty() || shape->cols[c].text_only) continue;
    shape->headed.push_back(static_cast<int>(c));
    g->headers.push_back(shape->cols[c].header);
    shape->first_headed_x0 = std::min(shape->first_headed_x0, shape->cols[c].x0);
  }
  return !shape->headed.empty();
}

// A repeated section header inside the table: its label, no figures.
GridRow RepeatedHeaderRow(const Band& band, size_t ncols) {
  GridRow hr;
  int rhs = HeaderStart(band);
  for (int w = 0; w < rhs; ++w) hr.label += (hr.label.empty() ? "" : " ") + band.words[w].w->text;
  hr.repeated_header = true;
  hr.cells.resize(ncols);
  hr.prov.page = band.page;
  hr.prov.line_index = band.first_line;
  return hr;
}

// How a band continues the row above it when figures wrapped inside their
// cells: not at all (a row of its own), certainly (the layout leaves no other
// reading), or possibly (the upper fragments read as figures on their own and
// the lower band could be a row without a label: the arithmetic chooses).
enum class Wrap { kNo, kCertain, kChoice };

// The label words of a band: left of the first headed column.
std::vector<PWord> LabelWords(const Band& band, const TableShape& shape, const LayoutParams& lp) {
  std::vector<PWord> out;
  for (const PWord& p : band.words)
    if ((p.w->box.x1 <= shape.first_headed_x0 + lp.edge_slack_pt || p.w->box.cx() < shape.first_headed_x0) &&
        !IsNumericToken(p.w->text))
      out.push_back(p);
  return out;
}

// Does `lower` hold the lower lines of figures wrapped inside the cells of
// `upper` ("2" over "315", "712," over "5")? Each figure of `lower` must
// stand right under one of `upper` (overlapping it, or sharing its left or
// right edge) with a gap smaller than a row's, and the two must read as one
// figure: a three-digit group after a group of one to three digits, or the
// decimals after a trailing comma. A label on `lower` must continue the
// upper label ("kommunerna" after "Bidrag från").
// `tight`: the gap above `lower` is much smaller than the table's usual gap
// between rows (a line break inside a cell), so a label on it that does not
// read as a continuation by its words ("(försäkringskassan" under "Statligt
// bidrag") still belongs to the row above.
Wrap WrapContinuation(const Band& upper, const Band& lower, const TableShape& shape, const LayoutParams& lp,
                      bool tight, std::vector<std::pair<std::string, std::string>>* pairs = nullptr) {
  if (upper.page != lower.page || upper.words.empty() || lower.words.empty()) return Wrap::kNo;
  double h = lower.words.front().w->box.height();
  if (lower.box.y0 - upper.box.y1 >= lp.wrap_gap_heights * h) return Wrap::kNo;
  std::vector<PWord> lower_label = LabelWords(lower, shape, lp);
  std::vector<PWord> upper_label = LabelWords(upper, shape, lp);
  if (!lower_label.empty()) {
    std::string ll = JoinReading(lower_label, lp);
    // "varav …" rows start lower-case but are rows of their own.
    if (RE2::PartialMatch(FoldKey(ll), "^[-–]|^(varav|darav|varav:)\\b"_re) ||
        (!IsContinuation(JoinReading(upper_label, lp), ll) && !tight))
      return Wrap::kNo;
  }
  std::vector<Chunk> up = NumberChunks(upper, shape.first_headed_x0 - lp.header_slack_pt, lp);
  std::vector<Chunk> low = NumberChunks(lower, shape.first_headed_x0 - lp.header_slack_pt, lp);
  if (low.empty()) return Wrap::kNo;
  bool certain = !lower_label.empty();
  for (const Chunk& l : low) {
    if (l.box.x0 >= shape.comment_x0 - lp.edge_slack_pt) return Wrap::kNo;
    const Chunk* above = nullptr;
    for (const Chunk& u : up) {
      bool overlap = std::min(u.box.x1, l.box.x1) - std::max(u.box.x0, l.box.x0) > 0;
      bool aligned = std::abs(u.box.x1 - l.box.x1) < lp.stacked_align_pt ||
                     std::abs(u.box.x0 - l.box.x0) < lp.stacked_align_pt;
      if ((overlap || aligned) && (!above || u.box.y1 > above->box.y1)) above = &u;
    }
    if (!above) return Wrap::kNo;
    std::string ut = above->Text(), lt = l.Text();
    if (pairs) pairs->push_back({ut, lt});
    if (!ut.empty() && (ut.back() == ',' || ut.back() == '.')) {
      if (!RE2::FullMatch(lt, "\\d+"_re) || !ParseSwedishNumber(ut + lt)) return Wrap::kNo;
      certain = true;  // "712," is no figure on its own
      continue;
    }
    if (!RE2::FullMatch(lt, "\\d{3}(,\\d+)?"_re) || !RE2::FullMatch(ut, "[-−–]?\\d{1,3}"_re) ||
        !ParseSwedishNumber(ut + " " + lt))
      return Wrap::kNo;
  }
  return certain ? Wrap::kCertain : Wrap::kChoice;
}

void MergeBand(Band* into, const Band& b) {
  for (const PWord& p : b.words) into->words.push_back(p);
  into->box.Extend(b.box);
  into->first_line = std::min(into->first_line, b.first_line);
  std::stable_sort(into->words.begin(), into->words.end(),
                   [](const PWord& x, const PWord& y) { return x.w->box.x0 < y.w->box.x0; });
}

// An open layout decision the arithmetic settles (see ChooseReading).
struct ChoicePoint {
  std::vector<std::pair<std::string, std::string>> fragments;  // upper and lower part of each figure
  Box upper_box, lower_box;
  int page = 0;
};

// Which reading to take at each choice point, in the order ReadRows meets
// them: false = the layout's preference (join the wrapped fragments), true =
// the other reading (the lower band is a row of its own).
using Choices = std::vector<bool>;

// The grid's rows from the body bands, until a band reads as prose; a label
// wrapped onto its own band joins the row above, and a label whose figures
// stand on its next line joins the row below; figures wrapped inside their
// cells join their row. `points` (may be null) receives the choice points met.
void ReadRows(const TableBody& body, const TableShape& shape, const LayoutParams& lp, const Choices& choices,
              Grid* g, std::vector<ChoicePoint>* points) {
  size_t seen = 0;
  bool prev_label_only = false;  // g->rows.back() has a label and no figures
  // The table's usual gap between consecutive bands (median, same page): a
  // gap well under it is a line break inside a cell, not a new row.
  std::vector<double> gaps;
  for (size_t b = 1; b < body.bands.size(); ++b)
    if (body.bands[b]->page == body.bands[b - 1]->page)
      gaps.push_back(body.bands[b]->box.y0 - body.bands[b - 1]->box.y1);
  double median_gap = 0;
  if (gaps.size() >= 4) {
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
    median_gap = gaps[gaps.size() / 2];
  }
  auto tight = [&](size_t b) {
    if (b == 0 || median_gap < lp.tight_gap_min_pt || body.bands[b]->page != body.bands[b - 1]->page) return false;
    return body.bands[b]->box.y0 - body.bands[b - 1]->box.y1 < lp.tight_gap_share * median_gap;
  };
  for (size_t b = 0; b < body.bands.size(); ++b) {
    if (body.is_repeat[b]) {
      g->rows.push_back(RepeatedHeaderRow(*body.bands[b], shape.headed.size()));
      prev_label_only = false;
      continue;
    }
    Band band = *body.bands[b];
    while (b + 1 < body.bands.size() && !body.is_repeat[b + 1]) {
      std::vector<std::pair<std::string, std::string>> fragments;
      Wrap w = WrapContinuation(band, *body.bands[b + 1], shape, lp, tight(b + 1), &fragments);
      if (w == Wrap::kNo) break;
      if (w == Wrap::kChoice) {
        size_t id = seen++;
        if (points) points->push_back({fragments, band.box, body.bands[b + 1]->box, band.page});
        if (id < choices.size() && choices[id]) break;
      }
      MergeBand(&band, *body.bands[++b]);
    }
    GridRow row;
    bool label_only = false;
    if (!BandToRow(band, shape, lp, &row, &label_only)) break;
    if (label_only && row.label.empty()) continue;
    // "Förutbetalda" / "89 27" / "kostnader": a label wrapped over two lines
    // in a tall cell whose figures are centred between them (OCR and some
    // text layers give the figures a line of their own). The label's first
    // line stood alone, the figures came without a label, and this line
    // continues the first: one row.
    if (label_only && g->rows.size() >= 2 && !IsContinuation(g->rows.back().label, row.label)) {
      GridRow& figs = g->rows.back();
      GridRow& head = g->rows[g->rows.size() - 2];
      bool figs_only = figs.label.empty() && !figs.repeated_header && figs.prov.page == row.prov.page &&
                       std::any_of(figs.cells.begin(), figs.cells.end(), [](const GridCell& c) { return c.present; });
      bool head_only = !head.label.empty() && !head.repeated_header && head.prov.page == row.prov.page &&
                       std::none_of(head.cells.begin(), head.cells.end(), [](const GridCell& c) { return c.present; });
      if (figs_only && head_only && !IsSectionLabel(head.label) && ToUpper(head.label) != head.label &&
          IsContinuation(head.label, row.label)) {
        AppendLabelLine(&head.label, row.label);
        head.prov.box.Extend(figs.prov.box);
        head.prov.box.Extend(row.prov.box);
        head.prov.raw_text += " " + figs.prov.raw_text + " " + row.prov.raw_text;
        head.cells = std::move(figs.cells);
        head.raw_numbers = std::move(figs.raw_numbers);
        head.groupings = figs.groupings;
        head.doubt_rule = std::move(figs.doubt_rule);
        head.doubt = std::move(figs.doubt);
        g->rows.pop_back();
        prev_label_only = false;
        g->last_page = band.page;
        continue;
      }
    }
    if (label_only && !g->rows.empty() && !g->rows.back().repeated_header &&
        (IsContinuation(g->rows.back().label, row.label) || (tight(b) && b + 1 < body.bands.size() && !IsSectionLabel(row.label) &&
         !RE2::PartialMatch(row.label, "^[*¹²³(0-9]"_re)))) {
      AppendLabelLine(&g->rows.back().label, row.label);
      continue;
    }
    // "Övriga" / "bidragsintäkter 200 250": the label's first line stood
    // alone, its figures on the line below.
    if (!label_only && prev_label_only && !row.label.empty() &&
        !RE2::PartialMatch(FoldKey(row.label), "^(varav|darav)\\b"_re) &&
        !IsSectionLabel(g->rows.back().label) && ToUpper(g->rows.back().label) != g->rows.back().label &&
        IsContinuation(g->rows.back().label, row.label)) {
      GridRow& prev = g->rows.back();
      AppendLabelLine(&prev.label, row.label);
      prev.prov.box.Extend(row.prov.box);
      prev.prov.raw_text += " " + row.prov.raw_text;
      prev.cells = std::move(row.cells);
      prev.raw_numbers = std::move(row.raw_numbers);
      prev_label_only = false;
      g->last_page = band.page;
      continue;
    }
    g->last_page = band.page;
    prev_label_only = label_only;
    g->rows.push_back(std::move(row));
  }
}

// Rows at the end without any figure (a caption of what follows) are not
// the table's.
void DropTrailingEmptyRows(Grid* g) {
  while (!g->rows.empty()) {
    bool any = false;
    for (const GridCell& c : g->rows.back().cells) any |= c.present;
    if (any) break;
    g->rows.pop_back();
  }
}

bool Intersects(const Box& a, const Box& b) {
  return std::min(a.x1, b.x1) > std::max(a.x0, b.x0) && std::min(a.y1, b.y1) > std::max(a.y0, b.y0);
}

// Marks the cells a choice point decided: those reaching into the lower band
// and, in the same columns, those of the upper band.
void MarkDoubt(const ChoicePoint& cp, const std::string& rule, const std::string& why, Grid* g) {
  for (size_t r = 0; r < g->rows.size(); ++r) {
    for (size_t c = 0; c < g->rows[r].cells.size(); ++c) {
      GridCell& cell = g->rows[r].cells[c];
      if (!cell.present || cell.prov.page != cp.page || !Intersects(cell.prov.box, cp.lower_box)) continue;
      cell.doubt_rule = rule;
      cell.doubt = why;
      for (size_t q = r; q-- > 0;) {
        GridCell& up = g->rows[q].cells[c];
        if (up.present && up.prov.page == cp.page && Intersects(up.prov.box, cp.upper_box)) {
          up.doubt_rule = rule;
          up.doubt = why;
          break;
        }
      }
    }
  }
}

// Lets the arithmetic choose among the readings of a table whose layout left
// decisions open (ReadRows' choice points): every combination is read,
// interpreted and scored against the table's constraints (table_arithmetic:
// Summa rows, Resultat, Totalt column, Avvikelse, ...). The reading that
// satisfies the most constraints wins, then the one failing fewest, then the
// one closest to the layout's preference. A tie marks the decided cells
// "layout.ambiguous" (both readings listed); a winner that satisfies none of
// the constraints it can be checked by marks them "layout.unchecked".
void ChooseReading(const Document& doc, const TableBody& body, const TableShape& shape, const LayoutParams& lp,
                   const Grid& base, size_t npoints, Grid* g) {
  const size_t n = std::min<size_t>(npoints, static_cast<size_t>(lp.max_choice_points));
  struct Scored {
    Choices choices;
    Grid grid;
    std::vector<ChoicePoint> points;
    ReadingScore score;
    int departures = 0;
  };
  std::vector<Scored> readings;
  TableContext ctx;
  ctx.doc_kind = doc.meta.kind;
  for (uint32_t mask = 0; mask < (1u << n); ++mask) {
    Scored s;
    s.choices.resize(n);
    for (size_t k = 0; k < n; ++k) {
      s.choices[k] = (mask >> k) & 1;
      s.departures += s.choices[k];
    }
    s.grid = base;
    ReadRows(body, shape, lp, s.choices, &s.grid, &s.points);
    DropTrailingEmptyRows(&s.grid);
    FinancialTable t;
    if (InterpretGrid(s.grid, ctx, &t)) s.score = ScoreReading(t);
    readings.push_back(std::move(s));
  }
  auto better = [](const Scored& a, const Scored& b) {
    if (a.score.holds != b.score.holds) return a.score.holds > b.score.holds;
    if (a.score.fails != b.score.fails) return a.score.fails < b.score.fails;
    return a.departures < b.departures;
  };
  size_t best = 0;
  for (size_t r = 1; r < readings.size(); ++r)
    if (better(readings[r], readings[best])) best = r;
  Scored& win = readings[best];
  for (size_t k = 0; k < n && k < win.points.size(); ++k) {
    const ChoicePoint& cp = win.points[k];
    bool tie = false;
    for (size_t r = 0; r < readings.size(); ++r)
      if (r != best && readings[r].choices[k] != win.choices[k] && readings[r].score.holds == win.score.holds &&
          readings[r].score.fails == win.score.fails)
        tie = true;
    std::string joined, as_join, as_rows;
    for (const auto& [u, l] : cp.fragments) {
      std::string sep = !u.empty() && (u.back() == ',' || u.back() == '.') ? "" : " ";
      joined += (joined.empty() ? "'" : ", '") + u + "' over '" + l + "'";
      as_join += (as_join.empty() ? "" : ", ") + u + sep + l;
      as_rows += (as_rows.empty() ? "" : ", ") + u + " and " + l;
    }
    as_join += " (figures wrapped in their cells)";
    as_rows += " (the lower line a row of its own)";
    std::string taken = win.choices[k] ? as_rows : as_join;
    std::string other = win.choices[k] ? as_join : as_rows;
    // The constraints that touch the cells this point decided, in the
    // winning reading: none of them holding means no reading satisfied them.
    ReadingScore local;
    {
      Grid marked = win.grid;
      MarkDoubt(cp, "probe", "", &marked);
      FinancialTable t;
      if (InterpretGrid(marked, ctx, &t)) {
        for (const Constraint& con : TableConstraints(t)) {
          bool touches = false;
          for (const Term& term : con.terms) {
            const TableCell* cell = CellAt(t, term.row, term.col);
            touches |= cell && cell->doubt_rule == "probe";
          }
          std::optional<double> res = touches ? Residual(t, con) : std::nullopt;
          if (res) (WithinTolerance(con, *res) ? local.holds : local.fails) += 1;
        }
      }
    }
    if (local.holds == 0 && local.fails > 0) {
      MarkDoubt(cp, "layout.unchecked",
                joined + " read as " + taken + " (or " + other + "); no reading satisfies the sums", &win.grid);
    } else if (tie) {
      MarkDoubt(cp, "layout.ambiguous",
                joined + " reads as " + taken + " or as " + other + "; the sums do not decide (kept: " + taken + ")",
                &win.grid);
    }
  }
  *g = std::move(win.grid);
}

// A line of figures without a label right under a row with figures is most
// often the lower part of figures wrapped in narrow cells that the reader
// could not join ("6" over "660" over "000" in columns too tight to tell
// apart): neither line is sure. The unlabeled row stays suspect
// (read.unlabeled); the row above is kept only where the sums confirm it
// (read.wrapped, cleared by the repair stage's checks).
// Lines the arithmetic already placed (the lower band of a choice point that
// ChooseReading decided or flagged) are left to it.
void DoubtUnlabeledFigureRows(const std::vector<ChoicePoint>& points, Grid* g) {
  auto has_figures = [](const GridRow& r) {
    for (const GridCell& c : r.cells)
      if (c.present) return true;
    return false;
  };
  for (size_t r = 0; r < g->rows.size(); ++r) {
    GridRow& row = g->rows[r];
    if (!row.label.empty() || row.repeated_header || !has_figures(row) || !row.doubt_rule.empty()) continue;
    if (r == 0 || !has_figures(g->rows[r - 1])) continue;
    bool decided = false;
    for (const GridCell& c : row.cells)
      for (const ChoicePoint& cp : points)
        decided = decided || (c.present && c.prov.page == cp.page && Intersects(c.prov.box, cp.lower_box));
    if (decided) continue;
    // The signature of a wrap: every figure of the line a bare three-digit
    // group ("000", "660"), the kind of tail a thousands group leaves.
    bool tails = true;
    for (const GridCell& c : row.cells)
      if (c.present) tails = tails && RE2::FullMatch(c.text, "\\d{3}"_re);
    if (!tails) continue;
    row.doubt_rule = "read.unlabeled";
    row.doubt = "a line of figures without a label under a row with figures (wrapped figures not joined?)";
    for (size_t q = r; q-- > 0;) {
      GridRow& up = g->rows[q];
      if (!up.label.empty()) {
        if (up.doubt_rule.empty()) {
          up.doubt_rule = "read.wrapped";
          up.doubt = "the next line holds figures without a label; these may be the upper parts of wrapped figures";
        }
        break;
      }
    }
  }
}

// Where a table read by ReadTableAt lies on its pages, for joining a table
// cut by a page break whose header is repeated on the next page.
struct TablePlace {
  bool runs_to_page_end = false;  // its body reached the last band of its last page
  bool header_at_page_top = false;  // its header is among the first bands of its page
  bool titled = false;              // a caption of its own stands above the header
};

// Reads the table whose header is band `i` of page `pi`, if it is one, into
// `grids`; returns the index of the band to look at next on that page.
size_t ReadTableAt(const Document& doc, const std::vector<std::vector<Band>>& page_bands, size_t pi, size_t i,
                   const LayoutParams& lp, std::vector<Grid>* grids, TablePlace* place) {
  const std::vector<Band>& bands = page_bands[pi];
  int hs = HeaderStart(bands[i]);
  if (hs < 0) return i + 1;
  HeaderBlock h = MergeWrappedHeader(bands, i, hs, lp);
  CarryHeaderFromPreviousPage(doc, page_bands, pi, i, lp, &h);
  LocateHeaderColumns(&h);
  TableBody body = CollectBody(page_bands, pi, h, lp);
  if (!BodyHasNumbers(body, h.first_x, lp)) return i + 1;
  TableShape shape;
  Grid g;
  if (!ShapeColumns(h, body, lp, &shape, &g)) return i + 1;
  g.title = h.carried_title.empty() ? FindTitle(bands, h.begin, lp) : h.carried_title;
  g.page = g.last_page = h.header.page;
  Grid base = g;
  std::vector<ChoicePoint> points;
  ReadRows(body, shape, lp, {}, &g, &points);
  DropTrailingEmptyRows(&g);
  if (!points.empty()) ChooseReading(doc, body, shape, lp, base, points.size(), &g);
  DoubtUnlabeledFigureRows(points, &g);
  if (!g.rows.empty()) {
    place->titled = !g.title.empty();
    place->header_at_page_top = h.begin <= 2;
    // Nothing after it on its last page but a running footer ("7 (13)").
    const std::vector<Band>& end = page_bands[body.end_page];
    size_t rest = end.size() > body.end_band ? end.size() - body.end_band : 0;
    bool footer_only = rest <= 2;
    for (size_t k = body.end_band; footer_only && k < end.size(); ++k) footer_only = end[k].words.size() <= 4;
    place->runs_to_page_end = footer_only;
    grids->push_back(std::move(g));
  }
  // A table that went on to the next page used up the rest of this one.
  if (body.end_page != pi) return bands.size();
  return std::max(body.end_band, i + 1);
}

}  // namespace

std::vector<Grid> ReadLayoutTables(const Document& doc, const LayoutParams& params) {
  std::vector<Grid> grids;
  std::vector<std::vector<Band>> page_bands = PageBands(doc, params);
  TablePlace last;  // of grids.back()
  for (size_t pi = 0; pi < page_bands.size(); ++pi) {
    size_t i = 0;
    while (i < page_bands[pi].size()) {
      size_t before = grids.size();
      TablePlace place;
      i = ReadTableAt(doc, page_bands, pi, i, params, &grids, &place);
      if (grids.size() == before) continue;
      // A table cut by a page break with its header repeated at the top of
      // the next page, without a caption of its own: the same table goes on.
      if (before > 0 && last.runs_to_page_end && place.header_at_page_top && !place.titled) {
        Grid& prev = grids[before - 1];
        Grid& cur = grids.back();
        if (cur.headers == prev.headers && cur.page == prev.last_page + 1) {
          for (GridRow& r : cur.rows) prev.rows.push_back(std::move(r));
          prev.last_page = cur.last_page;
          grids.pop_back();
          last.runs_to_page_end = place.runs_to_page_end;
          continue;
        }
      }
      last = place;
    }
  }
  return grids;
}

}  // namespace finsam
