#include "extractors/goals.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "extractors/document_lines.h"
#include "extractors/scorecard.h"
#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/swedish_words.h"
#include "normalizers/text.h"

namespace finsam {
namespace {

// ---- Targets, statuses, outcomes -----------------------------------------

const char kValue[] = "(\\d{1,3}(?: \\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?|[a-z]+)\\s*(%|procent|tkr|mkr|kronor|kr)?\\s*([a-z]*)";

std::optional<double> ValueOf(const std::string& token) {
  if (!token.empty() && token[0] >= '0' && token[0] <= '9') return ParseAmount(token);
  if (std::optional<int> n = SwedishNumberWord(token)) return *n;
  return std::nullopt;
}

bool FillTarget(const std::string& value, const std::string& unit, const std::string& noun, Target* t) {
  t->value = ValueOf(value);
  if (!t->value) return false;
  if (unit == "%" || unit == "procent") {
    t->unit = "%";
  } else if (unit == "tkr") {
    t->unit = "sek";
    *t->value *= 1000;
  } else if (unit == "mkr") {
    t->unit = "sek";
    *t->value *= 1e6;
  } else if (unit == "kr" || unit == "kronor") {
    t->unit = "sek";
  } else {
    t->unit = "count";
    t->noun = noun;
  }
  return true;
}

struct StatusHit {
  size_t pos, end;
  std::string status;
};

std::vector<StatusHit> StatusHits(const std::string& f) {
  static const RE2 kStatus(
      "(uppfyll[dt]\\s+till\\s+overvagande\\s+del|till\\s+overvagande\\s+del\\s+(?:vara\\s+)?uppfyll[dt]|"
      "delvis\\s+uppfyll[dt]|(?:ej|inte)\\s+uppfyll[dt]|(?:ej|inte)\\s+matbar[t]?|uppfyll[dt]|uppnatts)");
  std::vector<StatusHit> hits;
  re2::StringPiece in(f);
  re2::StringPiece m;
  while (RE2::FindAndConsume(&in, kStatus, &m)) {
    size_t pos = m.data() - f.data();
    std::string p(m);
    // "… om indikatorn är uppfylld" and "4 av 6 är uppfyllda" are no statuses.
    if (pos >= 3 && f.compare(pos - 3, 3, "ar ") == 0) continue;
    std::string status;
    if (p.find("overvagande") != std::string::npos) status = "uppfylld till övervägande del";
    else if (p.rfind("delvis", 0) == 0) status = "delvis uppfylld";
    else if (p.find("matbar") != std::string::npos) status = "ej mätbart";
    else if (p.rfind("ej", 0) == 0 || p.rfind("inte", 0) == 0) status = "ej uppfylld";
    else status = "uppfylld";
    hits.push_back({pos, pos + p.size(), status});
  }
  return hits;
}

// ---- Table rows -----------------------------------------------------------

struct GridRow {
  std::string cells[3];
  Provenance prov;
};

void AppendCell(std::string* cell, const std::string& text) {
  if (text.empty()) return;
  if (!cell->empty()) *cell += ' ';
  *cell += text;
}

bool IsGoalHeading(const std::string& folded, std::string* number, size_t* text_pos) {
  static const RE2 kGoal("^mal\\s*(\\d+)\\s*[.:]\\s*(\\S.*)$");
  re2::StringPiece num, rest;
  if (!RE2::FullMatch(folded, kGoal, &num, &rest)) return false;
  *number = std::string(num);
  *text_pos = rest.data() - folded.data();
  return true;
}

bool IsTableHeader(const std::string& folded) {
  return folded.find("indikator") != std::string::npos &&
         (folded.find("utfall") != std::string::npos || folded.find("mattbeskrivning") != std::string::npos);
}

std::vector<std::string> SplitTabs(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t tab = s.find('\t', start);
    out.push_back(CollapseSpaces(StripHtml(s.substr(start, tab == std::string::npos ? std::string::npos : tab - start))));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

// Rows of a text dump table: one line per row, cells separated by tabs; a
// row whose first cell is empty continues the previous one.
std::vector<GridRow> ReadTabRows(const std::vector<LineRef>& lines, size_t header, size_t* end) {
  std::vector<GridRow> rows;
  size_t j = header + 1;
  for (; j < lines.size(); ++j) {
    if (IsBlank(lines[j])) continue;
    const std::string& t = lines[j].text();
    if (t.find('\t') == std::string::npos) break;
    std::vector<std::string> cells = SplitTabs(t);
    cells.resize(std::max<size_t>(cells.size(), 3));
    // Cells beyond the third belong to the last column.
    for (size_t k = 3; k < cells.size(); ++k) AppendCell(&cells[2], cells[k]);
    if (cells[0].empty() && !rows.empty()) {
      AppendCell(&rows.back().cells[1], cells[1]);
      AppendCell(&rows.back().cells[2], cells[2]);
      continue;
    }
    GridRow r;
    for (int k = 0; k < 3; ++k) r.cells[k] = cells[k];
    r.prov = ProvenanceOf(lines[j], r.cells[0]);
    rows.push_back(std::move(r));
  }
  *end = j;
  return rows;
}

struct VWord {
  int page;
  double y0, x0, x1;
  std::string text;
  size_t line;  // index into lines
};

// Rows of a PDF table from positioned words. Lines of one cell may have
// been merged into one Line (vertically centered cells), so words are
// regrouped into visual lines, split into cells at wide gaps and assigned
// to columns by the header's x positions. An Indikator cell (column 0)
// starts a row; text of the other columns goes to the last row whose
// column-0 text starts above it (statuses sit at the bottom of their cell).
std::vector<GridRow> ReadWordRows(const std::vector<LineRef>& lines, size_t header, size_t* end) {
  std::vector<GridRow> rows;
  const Line& hl = *lines[header].line;
  std::vector<double> colx;
  for (const Word& w : hl.words)
    if (colx.size() < 3) colx.push_back(w.box.x0);
  while (colx.size() < 3) colx.push_back(colx.empty() ? 0 : colx.back() + 150);
  std::vector<VWord> words;
  size_t j = header + 1;
  for (; j < lines.size(); ++j) {
    if (IsBlank(lines[j])) continue;
    const Line& l = *lines[j].line;
    // The table ends where text starts left of it (the body text sits a few
    // points left of the cell padding), at the next goal, or at a numbered
    // section heading ("1.7 Balanskravsresultat").
    // OCR boxes jitter by a few points, so there only the headings end it.
    if (l.box.x0 < colx[0] - (IsOcrPage(*lines[j].page) ? 6.0 : 1.5)) break;
    std::string num;
    size_t pos;
    std::string folded = Fold(CollapseSpaces(l.text));
    if (IsGoalHeading(folded, &num, &pos)) break;
    // Headings start at the left margin; "1.18 av 10 kommuner" (OCR of
    // "1. I 8 av 10") in the Utfall column is no heading.
    bool at_margin = l.box.x0 < colx[0] + 6;
    if (at_margin && (RE2::PartialMatch(folded, "^\\d+\\.\\d+(?:\\.\\d+)*\\s+\\p{L}"_re) ||
                      folded.rfind("samlad bedomning", 0) == 0))
      break;
    for (const Word& w : l.words) words.push_back({lines[j].page->number, w.box.y0, w.box.x0, w.box.x1, w.text, j});
  }
  *end = j;
  std::stable_sort(words.begin(), words.end(), [](const VWord& a, const VWord& b) {
    if (a.page != b.page) return a.page < b.page;
    if (std::fabs(a.y0 - b.y0) > 2) return a.y0 < b.y0;
    return a.x0 < b.x0;
  });
  struct Fragment {
    int page;
    double y0;
    int col;
    std::string text;
    size_t line;
  };
  std::vector<Fragment> frags;
  // Visual lines: words of one page within 2 pt of the same baseline top.
  std::vector<std::pair<size_t, size_t>> vlines;
  for (size_t a = 0; a < words.size();) {
    size_t b = a + 1;
    while (b < words.size() && words[b].page == words[a].page && std::fabs(words[b].y0 - words[a].y0) <= 2) ++b;
    vlines.push_back({a, b});
    a = b;
  }
  // Column left edges. The header gives column 0; the other columns change
  // width from row group to row group (and a sub-table may have its own), so
  // their edges are the x positions where text starts on at least three
  // visual lines. An edge that shares a visual line with another non-first
  // edge to its left is an Utfall edge (column 2), else Måttbeskrivning.
  // Candidates: a line's first word or a word after a gap wider than a
  // space; an edge is such a position (to 1 pt) seen on two or more lines.
  // Edges are compared to 0.35 pt: a column is set at one x, while a word of
  // running text that happens to start near another row group's edge is
  // rarely that close ("gjorts" at 220.46 vs the edge at 219.9).
  // OCR boxes jitter: there edges are looser.
  const bool ocr = IsOcrPage(*lines[header].page);
  const double kBucket = ocr ? 3.0 : 0.5, kTolerance = ocr ? 2.5 : 0.35, kCol0 = ocr ? 4.0 : 2.0;
  auto bucket = [&](double x) { return static_cast<int>(std::lround(x / kBucket)); };
  std::map<int, std::pair<int, double>> freq;  // half-point bucket → (lines, sum of x)
  for (const auto& [a, b] : vlines) {
    std::map<int, double> seen;
    for (size_t k = a; k < b; ++k)
      if (k == a || words[k].x0 - words[k - 1].x1 > 5) seen.emplace(bucket(words[k].x0), words[k].x0);
    for (const auto& [x, v] : seen) {
      ++freq[x].first;
      freq[x].second += v;
    }
  }
  std::vector<int> edges;  // in hundredths of a point
  std::map<int, double> edge_x;
  for (const auto& [x, nv] : freq) {
    double mean = nv.second / nv.first;
    if (nv.first >= 2 && std::fabs(mean - colx[0]) > kCol0) {
      int id = static_cast<int>(std::lround(mean * 100));
      edges.push_back(id);
      edge_x[id] = mean;
    }
  }
  auto edge_of = [&](double x) -> int {
    for (int e : edges)
      if (std::fabs(x - edge_x[e]) <= kTolerance) return e;
    return -1;
  };
  std::set<int> col2_edges;
  for (const auto& [a, b] : vlines) {
    std::vector<int> present;
    for (size_t k = a; k < b; ++k)
      if (int e = edge_of(words[k].x0); e >= 0) present.push_back(e);
    std::sort(present.begin(), present.end());
    for (size_t k = 1; k < present.size(); ++k)
      if (present[k] != present[0]) col2_edges.insert(present[k]);
  }
  for (const auto& [a, b] : vlines) {
    int col = -1;
    size_t cell_start = a;
    auto emit = [&](size_t from, size_t to, int c) {
      if (from >= to) return;
      std::string text;
      for (size_t k = from; k < to; ++k) AppendCell(&text, words[k].text);
      frags.push_back({words[from].page, words[from].y0, c < 0 ? 0 : c, text, words[from].line});
    };
    for (size_t k = a; k < b; ++k) {
      int c = -1;
      // A cell starts at a column edge after a gap wider than a space (a
      // word of running text may happen to sit on another row group's edge).
      bool after_gap = k == a || words[k].x0 - words[k - 1].x1 > 2;
      if (std::fabs(words[k].x0 - colx[0]) <= kCol0 && k == a) c = 0;
      else if (int e = edge_of(words[k].x0); e >= 0 && after_gap) c = col2_edges.count(e) ? 2 : 1;
      if (c < 0 && k == a) {
        // A line that starts inside a column: the nearest edge to its left.
        int best = -1;
        for (int e : edges)
          if (edge_x[e] <= words[k].x0 + 1.5 + kTolerance && edge_x[e] > colx[0] + kCol0) best = e;
        c = best < 0 ? 0 : (col2_edges.count(best) ? 2 : 1);
      }
      if (c < 0) continue;
      emit(cell_start, k, col);
      cell_start = k;
      col = c;
    }
    emit(cell_start, b, col);
  }
  // Rows from column 0.
  struct RowTop {
    int page;
    double y0;
  };
  std::vector<RowTop> tops;
  int last_page = -1;
  double last_y = 0;
  for (const Fragment& f : frags) {
    if (f.col != 0) continue;
    bool new_row = rows.empty();
    if (!new_row) {
      const std::string& prev = rows.back().cells[0];
      char end_char = prev.empty() ? '.' : prev.back();
      if (f.page != last_page) new_row = end_char == '.';
      else new_row = f.y0 - last_y > 17;
    }
    if (new_row) {
      GridRow r;
      r.prov = ProvenanceOf(lines[f.line]);
      rows.push_back(std::move(r));
      tops.push_back({f.page, f.y0});
    }
    AppendCell(&rows.back().cells[0], f.text);
    last_page = f.page;
    last_y = f.y0;
  }
  if (rows.empty()) return rows;
  for (const Fragment& f : frags) {
    if (f.col == 0) continue;
    size_t r = 0;
    for (size_t k = 0; k < tops.size(); ++k)
      if (tops[k].page < f.page || (tops[k].page == f.page && tops[k].y0 <= f.y0 + 1)) r = k;
    AppendCell(&rows[r].cells[f.col], f.text);
  }
  for (GridRow& r : rows) r.prov.raw_text = r.cells[0];
  return rows;
}

Indicator IndicatorFromRow(const GridRow& row, int goal, int year) {
  Indicator ind;
  ind.goal = goal;
  ind.year = year;
  ind.text = row.cells[0];
  ind.measure = row.cells[1];
  ind.outcome_text = row.cells[2];
  Target t = ParseTarget(ind.text);
  if (t.comparator.empty() || !t.value) {
    Target m = ParseTarget(ind.measure);
    if (m.value) t = m;
  }
  ind.comparator = t.comparator;
  ind.target_value = t.value;
  ind.target_unit = t.unit;
  ind.outcome_value = ParseOutcome(ind.outcome_text, t, &ind.outcome_unit);
  ind.status = ParseStatus(ind.outcome_text, &ind.status_raw);
  if (ind.status.empty()) ind.status = ParseStatus(ind.measure, &ind.status_raw);
  ind.prov = row.prov;
  return ind;
}

void ReadFulfilmentTables(const std::vector<LineRef>& lines, int year, Governance* gov) {
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string text = CollapseSpaces(StripHtml(lines[i].text()));
    FoldedText ft = FoldWithMap(text);
    std::string number;
    size_t pos;
    if (!IsGoalHeading(ft.folded, &number, &pos)) continue;
    // The header row must follow within a few lines.
    size_t header = 0;
    std::string goal_text = ft.Original(text, pos, ft.folded.size());
    for (size_t k = i + 1, seen = 0; k < lines.size() && seen < 4; ++k) {
      if (IsBlank(lines[k])) continue;
      ++seen;
      std::string f = Fold(CollapseSpaces(StripHtml(lines[k].text())));
      if (IsTableHeader(f)) {
        header = k;
        break;
      }
      if (Continues(lines[k - 1], lines[k])) goal_text += " " + CollapseSpaces(lines[k].text());
    }
    if (!header) continue;
    Goal g;
    g.number = number;
    g.text = CollapseSpaces(goal_text);
    g.year = year;
    g.prov = ProvenanceOf(lines[i], g.text);
    int goal_index = static_cast<int>(gov->goals.size());
    gov->goals.push_back(std::move(g));
    size_t end = header + 1;
    std::vector<GridRow> rows = lines[header].page->unit == BoxUnit::kCharCell
                                    ? ReadTabRows(lines, header, &end)
                                    : ReadWordRows(lines, header, &end);
    for (const GridRow& r : rows) {
      if (r.cells[0].empty()) continue;
      gov->indicators.push_back(IndicatorFromRow(r, goal_index, year));
    }
    i = end > i ? end - 1 : i;
  }
}

// ---- Goals in prose with labelled lines ----------------------------------

// "Mål 1: text", "Mål 1. text", "Mål 1 – text" (folded).
bool IsProseGoalHeading(const std::string& folded, std::string* number, size_t* text_pos) {
  static const RE2 kGoal("^mal\\s*(\\d+)\\s*(?:[.:]|-|–|—)\\s*(\\S.*)$");
  re2::StringPiece num, rest;
  if (!RE2::FullMatch(folded, kGoal, &num, &rest)) return false;
  *number = std::string(num);
  *text_pos = rest.data() - folded.data();
  return true;
}

// "Indikator: …", "Mått: …", "Målvärde: …", "Målnivå: …", "Utfall: …",
// "Status: …" → (role as ScorecardRole names it, text as printed).
bool LabelledLine(const std::string& text, std::string* role, std::string* rest) {
  size_t colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 24) return false;
  std::string r = ScorecardRole(text.substr(0, colon));
  if (r != "measure" && r != "target" && r != "outcome" && r != "status") return false;
  *role = r;
  *rest = CollapseSpaces(text.substr(colon + 1));
  return true;
}

// A goal written as a numbered line ("Mål 1: Fler deltagare …") followed by
// labelled lines: "Indikator:"/"Mått:" opens an indicator, "Målvärde:"/
// "Målnivå:" is its target, "Utfall:" its outcome, "Status:" its status; a
// line that continues one of them (no paragraph gap) goes on with it. The
// goal is read only when a labelled line follows it.
void ReadGoalProse(const std::vector<LineRef>& lines, int year, Governance* gov, std::vector<bool>* consumed) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (IsBlank(lines[i])) continue;
    std::string text = CollapseSpaces(StripHtml(lines[i].text()));
    FoldedText ft = FoldWithMap(text);
    std::string number;
    size_t pos;
    if (!IsProseGoalHeading(ft.folded, &number, &pos)) continue;
    std::string goal_text = ft.Original(text, pos, ft.folded.size());
    size_t j = i + 1, prev = i;
    std::string role, rest;
    // The goal's own wrapped lines.
    for (; j < lines.size(); ++j) {
      if (IsBlank(lines[j])) continue;
      std::string t = CollapseSpaces(StripHtml(lines[j].text()));
      if (LabelledLine(t, &role, &rest) || !Continues(lines[prev], lines[j])) break;
      std::string n;
      size_t p;
      if (IsProseGoalHeading(Fold(t), &n, &p)) break;
      goal_text += " " + t;
      prev = j;
    }
    if (j >= lines.size() || !LabelledLine(CollapseSpaces(StripHtml(lines[j].text())), &role, &rest)) continue;
    Goal g;
    g.number = number;
    g.text = CollapseSpaces(goal_text);
    g.year = year;
    g.prov = ProvenanceOf(lines[i], g.text);
    int goal_index = static_cast<int>(gov->goals.size());
    gov->goals.push_back(std::move(g));
    // cells: 0 indicator, 1 target, 2 outcome and status.
    GridRow row;
    bool open = false;
    std::string* last_part = nullptr;
    auto flush = [&]() {
      if (open && (!row.cells[0].empty() || !row.cells[1].empty())) {
        if (row.cells[0].empty()) row.cells[0] = gov->goals[goal_index].text;  // the goal states its own target
        row.prov.raw_text = row.cells[0];
        Indicator ind = IndicatorFromRow(row, goal_index, year);
        // The labelled target is the target, whatever the indicator's own
        // text says ("Antal insatser med fler än två parter" / "Målvärde:
        // Minst 4 insatser").
        Target t = ParseTarget(row.cells[1]);
        if (t.value) {
          ind.comparator = t.comparator;
          ind.target_value = t.value;
          ind.target_unit = t.unit;
          ind.outcome_value = ParseOutcome(ind.outcome_text, t, &ind.outcome_unit);
        }
        gov->indicators.push_back(std::move(ind));
      }
      row = GridRow();
      open = false;
      last_part = nullptr;
    };
    size_t last = j;
    prev = j - 1;
    for (; j < lines.size(); ++j) {
      if (IsBlank(lines[j])) continue;
      std::string t = CollapseSpaces(StripHtml(lines[j].text()));
      if (LabelledLine(t, &role, &rest)) {
        int cell = role == "measure" ? 0 : role == "target" ? 1 : 2;
        // A second measure, or a second target, starts the next indicator.
        if (open && ((cell == 0 && !row.cells[0].empty()) || (cell == 1 && !row.cells[1].empty()))) flush();
        if (!open) {
          row.prov = ProvenanceOf(lines[j]);
          open = true;
        }
        AppendCell(&row.cells[cell], rest);
        last_part = &row.cells[cell];
      } else if (last_part && Continues(lines[prev], lines[j])) {
        std::string n;
        size_t p;
        if (IsProseGoalHeading(Fold(t), &n, &p)) break;
        AppendCell(last_part, t);
      } else {
        break;
      }
      prev = j;
      last = j;
    }
    flush();
    for (size_t k = i; k <= last; ++k) (*consumed)[k] = true;
    i = last;
  }
}

// ---- Plan sections --------------------------------------------------------

bool IsFurniture(const std::string& t) {
  bool lower = false;
  for (unsigned char c : t)
    if (c >= 'a' && c <= 'z') lower = true;
  return !lower;
}

std::string StripMarkdownHeading(const std::string& t) {
  size_t k = 0;
  while (k < t.size() && (t[k] == '#' || t[k] == ' ')) ++k;
  return t.substr(k);
}

void ReadPlanSections(const std::vector<LineRef>& lines, int doc_year, Governance* gov) {
  static const RE2 kSection("^(?:(\\d+)\\.?\\s+)?mal(?:\\s+(?:for\\s+)?((?:19|20)\\d\\d))?(?:\\s+och\\s+indikatorer)?\\s*$");
  static const RE2 kTopHeading("^(\\d+)\\.?\\s+\\p{L}.*$");
  static const RE2 kNumbered("^(\\d+)\\.(\\d+)\\.?\\s+(\\S.*)$");
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string head = StripMarkdownHeading(CollapseSpaces(StripHtml(lines[i].text())));
    std::string fh = Fold(head);
    std::string sec_num, year_text;
    if (fh.find("....") != std::string::npos || !RE2::FullMatch(fh, kSection, &sec_num, &year_text)) continue;
    // A bare "Mål" is a table key (Bilaga), not a section heading.
    if (sec_num.empty() && year_text.empty()) continue;
    int year = year_text.empty() ? doc_year : std::stoi(year_text);
    bool numbered = false, indicator_mode = false;
    enum class Open { kNone, kGoal, kIndicator } open = Open::kNone;
    size_t prev = i;
    int goal_index = -1;
    size_t j = i + 1;
    for (; j < lines.size(); ++j) {
      if (IsBlank(lines[j])) continue;
      std::string t = StripMarkdownHeading(CollapseSpaces(StripHtml(lines[j].text())));
      std::string ft = Fold(t);
      bool continues = Continues(lines[prev], lines[j]);
      prev = j;
      if (t.empty() || IsFurniture(t)) continue;
      std::string a, b, c;
      if (RE2::FullMatch(ft, kNumbered, &a, &b, &c)) {
        if (!sec_num.empty() && a != sec_num) break;
        FoldedText fm = FoldWithMap(t);
        re2::StringPiece rest;
        RE2::FullMatch(fm.folded, kNumbered, (void*)nullptr, (void*)nullptr, &rest);
        size_t p0 = rest.data() - fm.folded.data();
        Goal g;
        g.number = a + "." + b;
        g.text = fm.Original(t, p0, fm.folded.size());
        g.year = year;
        g.prov = ProvenanceOf(lines[j], t);
        goal_index = static_cast<int>(gov->goals.size());
        gov->goals.push_back(std::move(g));
        numbered = true;
        indicator_mode = false;
        open = Open::kGoal;
        continue;
      }
      if (RE2::FullMatch(ft, kTopHeading, &a) && ft.find("....") == std::string::npos) {
        // "6. Arbetsorganisation", "8. Budget": the section is over. A
        // footnote ("1 Mäts via NNS …") has no dot after its number.
        if (RE2::PartialMatch(ft, "^\\d+\\."_re)) break;
      }
      if (ft.rfind("indikator", 0) == 0 && ft.size() < 20) {
        indicator_mode = true;
        open = Open::kNone;
        continue;
      }
      std::string item;
      if (IsBulletItem(t, &item)) {
        if ((numbered && indicator_mode) || (!numbered && goal_index >= 0)) {
          Indicator ind;
          ind.goal = goal_index;
          ind.text = item;
          ind.year = year;
          ind.prov = ProvenanceOf(lines[j], item);
          gov->indicators.push_back(std::move(ind));
          open = Open::kIndicator;
        } else {
          open = Open::kNone;
        }
        continue;
      }
      // A line that starts in lower case goes on with the open item even
      // after a wider gap ("… brukarorganisationer" / "samt grupper av …").
      bool lower_start = (t[0] >= 'a' && t[0] <= 'z') ||
                         (t.size() > 1 && static_cast<unsigned char>(t[0]) == 0xC3 &&
                          static_cast<unsigned char>(t[1]) >= 0xA0);
      if ((continues || lower_start) && open != Open::kNone) {
        if (open == Open::kIndicator) {
          gov->indicators.back().text += " " + t;
          gov->indicators.back().prov.raw_text += " " + t;
        } else {
          gov->goals.back().text += " " + t;
          gov->goals.back().prov.raw_text += " " + t;
        }
        continue;
      }
      open = Open::kNone;
      // An unnumbered heading starts with a capital ("Skapa samverkan"); a
      // lowercase line is the tail of a bullet whose gap the layout misjudged.
      bool capital = (t[0] >= 'A' && t[0] <= 'Z') || t.rfind("Å", 0) == 0 || t.rfind("Ä", 0) == 0 ||
                     t.rfind("Ö", 0) == 0;
      if (!numbered && capital && t.size() < 70 && t.back() != '.' && t.back() != ':' && t.back() != ',') {
        Goal g;
        g.text = t;
        g.year = year;
        g.prov = ProvenanceOf(lines[j], t);
        goal_index = static_cast<int>(gov->goals.size());
        gov->goals.push_back(std::move(g));
        indicator_mode = true;
      }
    }
    i = j > i ? j - 1 : i;
  }
}

}  // namespace

Target ParseTarget(std::string_view text) {
  Target t;
  std::string f = Fold(CollapseSpaces(text));
  // OCR reads "%" as "96" or "26": "inte överstiga 2096 av", "minst 25 26 av".
  static const RE2 kOcrPercent("\\b(\\d{1,2}) ?(?:96|26|%6|9%)( av\\b)");
  RE2::GlobalReplace(&f, kOcrPercent, "\\1 %\\2");
  static const RE2 kLe(std::string("\\b(?:inte\\s+\\S?verstiga|inte\\s+overstiger|overstiger\\s+inte|hogst|maximalt|"
                                   "max|inte\\s+mer\\s+an|understiga|understiger|"
                                   "(?:minska|minskar|sankas|sanks|sanka|sjunka|sjunker)\\s+(?:fran\\s+\\S+(?:\\s*%)?\\s+)?till)\\s+") +
                       kValue);
  static const RE2 kLeNoValue("\\b(?:inte\\s+\\S?verstiga|inte\\s+overstiger|overstiger\\s+inte|understiga|understiger)\\b");
  static const RE2 kGe(std::string("\\b(?:minst|lagst|inte\\s+under|inte\\s+mindre\\s+an|fler\\s+an|"
                                   "(?:oka|okar|hojas|hojs|hoja|stiga|stiger)\\s+(?:fran\\s+\\S+(?:\\s*%)?\\s+)?till)\\s+") +
                       kValue);
  static const RE2 kGeNoValue("\\b(?:minst|lagst)\\b");
  static const RE2 kEq(std::string("\\b(?:ca\\.?|cirka|omkring|ungefar)\\s+") + kValue);
  // The first target in reading order with a readable value wins ("minst
  // samma nivå … minst 90 %" → 90; "3. Ca 800 … 1. Minst 40%" → 800).
  size_t best_pos = std::string::npos;
  auto first = [&](const RE2& re, const char* comparator) {
    re2::StringPiece in(f);
    std::string v, u, n;
    while (true) {
      if (!RE2::FindAndConsume(&in, re, &v, &u, &n)) break;
      Target c;
      if (!FillTarget(v, u, n, &c)) continue;
      // Position of this match: search back from the consumed end.
      size_t end = in.data() - f.data();
      size_t pos = f.rfind(v, end);
      if (pos < best_pos) {
        best_pos = pos;
        c.comparator = comparator;
        t = c;
      }
      break;
    }
  };
  first(kLe, "<=");
  first(kGe, ">=");
  first(kEq, "=");
  if (best_pos != std::string::npos) return t;
  t = Target();
  if (RE2::PartialMatch(f, kLeNoValue)) t.comparator = "<=";
  else if (RE2::PartialMatch(f, kGeNoValue)) t.comparator = ">=";
  return t;
}

std::string ParseStatus(std::string_view text, std::string* raw) {
  std::string s = CollapseSpaces(text);
  FoldedText ft = FoldWithMap(s);
  std::vector<StatusHit> hits = StatusHits(ft.folded);
  if (hits.empty()) return "";
  const StatusHit* pick = &hits.back();
  size_t summary = ft.folded.rfind("sammanfattning");
  if (summary != std::string::npos) {
    for (const StatusHit& h : hits)
      if (h.pos > summary) {
        pick = &h;
        break;
      }
  }
  if (raw) *raw = ft.Original(s, pick->pos, pick->end);
  return pick->status;
}

std::optional<double> ParseOutcome(std::string_view text, const Target& target, std::string* unit) {
  std::string f = Fold(CollapseSpaces(text));
  unit->clear();
  if (target.unit == "count" && !target.noun.empty()) {
    RE2 re("(\\d{1,3}(?: \\d{3})+|\\d+)\\s+" + RE2::QuoteMeta(target.noun) + "\\b");
    std::string v;
    if (RE2::PartialMatch(f, re, &v)) {
      *unit = "count";
      return ParseAmount(v);
    }
    return std::nullopt;
  }
  if (target.unit == "%" || target.unit.empty()) {
    static const RE2 kPercent("(\\d+(?:,\\d+)?)\\s*%");
    std::string v;
    if (RE2::PartialMatch(f, kPercent, &v)) {
      *unit = "%";
      return ParseAmount(v);
    }
  }
  return std::nullopt;
}

void ExtractGoals(const Document& doc, Governance* gov) {
  std::vector<LineRef> all = AllLines(doc);
  int year = DocumentYear(doc);
  // Scorecards first; the list and table readers then see the document
  // without the scorecards' lines (blanked), so nothing is read twice.
  std::vector<bool> consumed(all.size(), false);
  ReadScorecards(all, year, gov, &consumed);
  std::vector<LineRef> lines;
  static const Line kBlank;
  for (size_t k = 0; k < all.size(); ++k) lines.push_back(consumed[k] ? LineRef{all[k].page, &kBlank} : all[k]);
  // Goals in prose with labelled lines next, so that an "Indikator: …
  // utfall …" line is not taken for a table header.
  ReadGoalProse(lines, year, gov, &consumed);
  for (size_t k = 0; k < all.size(); ++k)
    if (consumed[k]) lines[k] = LineRef{all[k].page, &kBlank};
  ReadFulfilmentTables(lines, year, gov);
  ReadPlanSections(lines, year, gov);
  for (Indicator& ind : gov->indicators) {
    if (!ind.comparator.empty() || ind.target_value) continue;
    Target t = ParseTarget(ind.text);
    ind.comparator = t.comparator;
    ind.target_value = t.value;
    ind.target_unit = t.unit;
  }
}

}  // namespace finsam
