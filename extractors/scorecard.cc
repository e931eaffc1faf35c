#include "extractors/scorecard.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "extractors/goals.h"
#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/text.h"

namespace finsam {
namespace {

struct Cell {
  std::string text;
  Provenance prov;
};

// One scorecard as cells: header[c] names column c; rows[r][c] is a cell
// (empty text when none).
struct ScoreGrid {
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
  Provenance header_prov;
};

std::string Folded(const std::string& s) { return CollapseSpaces(Fold(CollapseSpaces(s))); }

struct HeaderCell {
  std::string text;
  double x0 = 0, x1 = 0;
};

// A PDF line's cells: words split where the gap is wider than a few spaces.
std::vector<HeaderCell> LayoutCells(const Line& l) {
  std::vector<HeaderCell> out;
  for (size_t k = 0; k < l.words.size(); ++k) {
    const Word& w = l.words[k];
    const double gap_limit = std::max(6.0, 0.9 * w.box.height());
    if (k == 0 || w.box.x0 - l.words[k - 1].box.x1 > gap_limit) out.push_back({"", w.box.x0, w.box.x1});
    HeaderCell& c = out.back();
    c.text += (c.text.empty() ? "" : " ") + w.text;
    c.x1 = w.box.x1;
  }
  return out;
}

// Role words, matched on the folded cell without a trailing year or colon.
std::string RoleOf(const std::string& cell) {
  std::string f = Folded(cell);
  RE2::GlobalReplace(&f, "[:.]+$"_re, "");
  RE2::GlobalReplace(&f, "\\s*(?:(?:19|20)\\d\\d(?:\\s*[-–]\\s*(?:19|20)\\d\\d)?)$"_re, "");
  f = CollapseSpaces(f);
  if (f.empty()) return "";
  if (RE2::FullMatch(f, "(?:perspektiv|perspektiven)"_re)) return "perspective";
  if (RE2::FullMatch(f, "(?:malvarde|malvarden|malniva|malnivaer|mal\\s*niva|malsattning|varde|niva|malvarde/niva)"_re))
    return "target";
  if (RE2::FullMatch(f, "(?:mal|malen|maltext|malomrade|malomraden|(?:strategiskt|overgripande|effekt|verksamhets)\\s*mal|"
                        "strategiska mal|overgripande mal|effektmal|verksamhetsmal|strategiskt mal)"_re))
    return "goal";
  if (RE2::FullMatch(f, "(?:matt|matten|mattet|indikator|indikatorer|nyckeltal|styrtal|matt/indikator|"
                        "indikator/matt|matetal|uppfoljning|framgangsfaktor|framgangsfaktorer)"_re))
    return "measure";
  if (RE2::FullMatch(f, "(?:utfall|resultat|uppnatt|utfall/resultat|arets utfall)"_re)) return "outcome";
  if (RE2::FullMatch(f, "(?:status|bedomning|maluppfyllelse|maluppfyllnad|uppfyllelse)"_re)) return "status";
  return "";
}

}  // namespace

std::string ScorecardRole(const std::string& cell) { return RoleOf(cell); }

bool IsPerspectiveName(const std::string& cell) {
  std::string f = Folded(cell);
  RE2::GlobalReplace(&f, "[:.]+$"_re, "");
  if (f.size() > 60 || f.empty()) return false;
  if (RE2::FullMatch(f, "(?:\\S+\\s?)?(?:\\S+)?perspektiv(?:et)?"_re) && f != "perspektiv") return true;
  return RE2::FullMatch(
      f,
      "(?:individ|individen|deltagare|deltagarna|brukare|medborgare|kund|kunder|samverkan|medarbetare|medarbetarna|"
      "organisation|organisationen|verksamhet|verksamheten|process|processer|intern process|interna processer|"
      "ekonomi|ekonomin|lararande och utveckling|larande och utveckling|utveckling|fornyelse|arbetsgivare|"
      "finansiell|finansiellt|malgrupp|malgrupper|struktur|strukturer)"_re);
}

namespace {

enum class Shape { kNone, kRows, kColumns };

// Whether the header cells open a scorecard, and which way. `context` says
// a nearby heading names a styrkort / perspektiv.
Shape ClassifyHeader(const std::vector<std::string>& header, bool context) {
  int roles = 0, perspective_col = 0, goal_or_measure = 0, named = 0, suffixed = 0;
  for (size_t c = 0; c < header.size(); ++c) {
    std::string r = RoleOf(header[c]);
    if (!r.empty()) ++roles;
    if (r == "perspective") ++perspective_col;
    if (r == "goal" || r == "measure") ++goal_or_measure;
    if (IsPerspectiveName(header[c])) {
      ++named;
      if (Folded(header[c]).find("perspektiv") != std::string::npos) ++suffixed;
    }
  }
  // Perspective names across the header (the first cell may head the row
  // labels: "", "Perspektiv", "Styrkort 2024").
  int roles_after_first = roles - (RoleOf(header[0]).empty() ? 0 : 1);
  if (named >= 2 && (suffixed >= 2 || context) && roles_after_first == 0) return Shape::kColumns;
  if (perspective_col == 1 && goal_or_measure >= 1) return Shape::kRows;
  // An empty first header over a column of perspective names: checked on the
  // body (see below), so only with a styrkort heading nearby.
  if (context && header[0].empty() && goal_or_measure >= 1 && roles >= 2) return Shape::kRows;
  return Shape::kNone;
}

bool ContextAbove(const std::vector<LineRef>& lines, size_t i) {
  for (size_t k = i >= 6 ? i - 6 : 0; k <= i && k < lines.size(); ++k) {
    std::string f = Folded(lines[k].text());
    if (f.find("styrkort") != std::string::npos || f.find("scorecard") != std::string::npos ||
        f.find("perspektiv") != std::string::npos)
      return true;
  }
  return false;
}

int YearAbove(const std::vector<LineRef>& lines, size_t i, int year) {
  for (size_t k = i >= 6 ? i - 6 : 0; k < i; ++k) {
    std::string f = Folded(lines[k].text());
    int y = 0;
    if (RE2::PartialMatch(f, "styrkort\\D{0,20}((?:19|20)\\d\\d)"_re, &y)) year = y;
  }
  return year;
}

// Rows of a text-dump scorecard: each tab/pipe line is one row; a single
// blank line inside is allowed.
size_t ReadTextRows(const std::vector<LineRef>& lines, size_t header, ScoreGrid* g, std::vector<bool>* consumed) {
  size_t j = header + 1, last = header;
  int blanks = 0;
  for (; j < lines.size(); ++j) {
    if (IsBlank(lines[j])) {
      if (++blanks > 1) break;
      continue;
    }
    blanks = 0;
    if (IsPipeRule(lines[j].text())) {
      (*consumed)[j] = true;
      continue;
    }
    std::vector<std::string> cells = SplitTextCells(lines[j].text());
    if (cells.empty()) break;
    std::vector<Cell> row;
    for (const std::string& c : cells) row.push_back({c, ProvenanceOf(lines[j], c)});
    row.resize(std::max(row.size(), g->header.size()));
    g->rows.push_back(std::move(row));
    (*consumed)[j] = true;
    last = j;
  }
  return last;
}

struct PWord {
  const Word* word;
  size_t line;
};

// Rows of a PDF/OCR scorecard from positioned words: the lines under the
// header while they follow without a wide gap on the same page; words go
// to the column whose header starts at or left of them (a first column
// without a header — row labels — when words start well left of the first
// header); rows split where the vertical gap is clearly wider than the
// line pitch (cell padding and borders).
size_t ReadLayoutRows(const std::vector<LineRef>& lines, size_t header, std::vector<HeaderCell> hcells, ScoreGrid* g,
                      std::vector<bool>* consumed) {
  const Line& hl = *lines[header].line;
  const Page* page = lines[header].page;
  const double pitch0 = std::max(4.0, hl.box.height());
  std::vector<PWord> words;
  double prev_bottom = hl.box.y1;
  size_t j = header + 1, last = header;
  std::vector<double> heights;
  for (; j < lines.size(); ++j) {
    if (lines[j].page != page) break;
    if (IsBlank(lines[j])) continue;
    const Line& l = *lines[j].line;
    if (l.box.y0 - prev_bottom > 3.0 * pitch0) break;
    // Text that starts left of the whole grid or runs past its right edge
    // by a margin is no longer the table.
    if (l.box.x0 < hcells.front().x0 - 150 || l.box.x1 > std::max(hl.box.x1, hcells.back().x1) + 60) break;
    // A heading (larger type) or running text that crosses a column
    // boundary with no more than a word space ends the table.
    if (l.box.height() > 1.3 * hl.box.height()) break;
    bool running = false;
    auto col_at = [&](double x) {
      size_t c = 0;
      for (size_t k = 0; k < hcells.size(); ++k)
        if (hcells[k].x0 - 4 <= x) c = k;
      return c;
    };
    for (size_t k = 1; k < l.words.size() && !running; ++k)
      running = col_at(l.words[k].box.x0) != col_at(l.words[k - 1].box.x0) &&
                l.words[k].box.x0 - l.words[k - 1].box.x1 < 0.45 * l.words[k].box.height();
    if (running) break;
    for (const Word& w : l.words) words.push_back({&w, j});
    heights.push_back(l.box.height());
    prev_bottom = std::max(prev_bottom, l.box.y1);
    last = j;
  }
  if (words.empty()) return header;
  // A row-label column without a header.
  double min_x = hcells.front().x0;
  for (const PWord& w : words) min_x = std::min(min_x, w.word->box.x0);
  if (min_x < hcells.front().x0 - 8) hcells.insert(hcells.begin(), HeaderCell{"", min_x, min_x});
  g->header.clear();
  for (const HeaderCell& h : hcells) g->header.push_back(h.text);
  auto column_of = [&](double x) {
    size_t c = 0;
    for (size_t k = 0; k < hcells.size(); ++k)
      if (hcells[k].x0 - 4 <= x) c = k;
    return c;
  };
  std::stable_sort(words.begin(), words.end(), [](const PWord& a, const PWord& b) {
    if (std::fabs(a.word->box.y0 - b.word->box.y0) > 2) return a.word->box.y0 < b.word->box.y0;
    return a.word->box.x0 < b.word->box.x0;
  });
  // Visual lines and their tops.
  std::vector<std::pair<size_t, size_t>> vlines;
  for (size_t a = 0; a < words.size();) {
    size_t b = a + 1;
    while (b < words.size() && std::fabs(words[b].word->box.y0 - words[a].word->box.y0) <= 2) ++b;
    vlines.push_back({a, b});
    a = b;
  }
  // Whitespace between consecutive visual lines. Lines of one cell nearly
  // touch; rows are further apart by the cell padding and border: more
  // than a third of the text height. (Text set with loose line spacing
  // inside its cells would split there: a known limit, docs/goals.md.)
  std::vector<double> gaps, hs;
  for (size_t k = 0; k < vlines.size(); ++k) {
    double top = 1e9, bottom = -1e9;
    for (size_t w = vlines[k].first; w < vlines[k].second; ++w) {
      top = std::min(top, words[w].word->box.y0);
      bottom = std::max(bottom, words[w].word->box.y1);
      hs.push_back(words[w].word->box.height());
    }
    if (k > 0) gaps.push_back(top - prev_bottom);
    prev_bottom = bottom;
  }
  std::sort(hs.begin(), hs.end());
  const double h = hs.empty() ? pitch0 : hs[hs.size() / 2];
  const double threshold = 0.35 * h;
  std::vector<Cell> row(hcells.size());
  std::vector<Box> boxes(hcells.size());
  auto flush = [&]() {
    bool any = false;
    for (const Cell& c : row) any = any || !c.text.empty();
    if (any) {
      for (size_t c = 0; c < row.size(); ++c) row[c].prov.box = boxes[c];
      g->rows.push_back(row);
    }
    row.assign(hcells.size(), Cell{});
    boxes.assign(hcells.size(), Box{});
  };
  for (size_t v = 0; v < vlines.size(); ++v) {
    if (v > 0 && gaps[v - 1] > threshold) flush();
    for (size_t k = vlines[v].first; k < vlines[v].second; ++k) {
      const Word& w = *words[k].word;
      size_t c = column_of(w.box.x0);
      Cell& cell = row[c];
      if (cell.text.empty()) cell.prov = ProvenanceOf(lines[words[k].line], "");
      cell.text += (cell.text.empty() ? "" : " ") + w.text;
      cell.prov.raw_text = cell.text;
      cell.prov.confidence = std::min(cell.prov.confidence, static_cast<double>(w.confidence));
      boxes[c].Extend(w.box);
    }
  }
  flush();
  for (size_t k = header; k <= last; ++k) (*consumed)[k] = true;
  return last;
}

// A target printed alone ("Minst 85 %", "40 %", "Högst 10 dagar").
bool IsTargetOnly(const std::string& text) {
  std::string f = Folded(text);
  if (f.empty() || std::count(f.begin(), f.end(), ' ') > 5) return false;
  if (RE2::FullMatch(f, "(?:\\d{1,3}(?: \\d{3})*(?:,\\d+)?)\\s*(?:%|procent|st|dagar|tkr|kr)?"_re)) return true;
  Target t = ParseTarget(text);
  return t.value.has_value() && !t.comparator.empty();
}

class Builder {
 public:
  Builder(Governance* gov, int year) : gov_(gov), year_(year) {}

  void Goal(const std::string& perspective, const Cell& cell) {
    Finish();
    finsam::Goal g;
    g.text = cell.text;
    g.perspective = perspective;
    g.year = year_;
    g.prov = cell.prov;
    goal_ = static_cast<int>(gov_->goals.size());
    gov_->goals.push_back(std::move(g));
    goal_has_indicator_ = false;
  }
  void EnsureGoal(const std::string& perspective, const Cell& at) {
    if (goal_ >= 0 && gov_->goals[goal_].perspective == perspective) return;
    // No goal printed: the perspective stands for it.
    Goal(perspective, Cell{perspective, at.prov});
  }
  void Measure(const Cell& cell) {
    Indicator ind;
    ind.goal = goal_;
    ind.year = year_;
    ind.text = cell.text;
    ind.prov = cell.prov;
    gov_->indicators.push_back(std::move(ind));
    open_ = static_cast<int>(gov_->indicators.size()) - 1;
    goal_has_indicator_ = true;
  }
  // A target, outcome or status cell: to the open measure of this goal, or
  // a new indicator named by the goal.
  Indicator& Open(const Cell& at) {
    if (open_ < 0 || gov_->indicators[open_].goal != goal_) {
      Measure(Cell{goal_ >= 0 ? gov_->goals[goal_].text : at.text, goal_ >= 0 ? gov_->goals[goal_].prov : at.prov});
    }
    return gov_->indicators[open_];
  }
  void TargetCell(const Cell& cell) {
    if (cell.text.empty()) return;
    Indicator& ind = Open(cell);
    ind.measure = ind.measure.empty() ? cell.text : ind.measure + " " + cell.text;
  }
  void OutcomeCell(const Cell& cell) {
    if (cell.text.empty()) return;
    Indicator& ind = Open(cell);
    ind.outcome_text = ind.outcome_text.empty() ? cell.text : ind.outcome_text + " " + cell.text;
  }
  void StatusCell(const Cell& cell) {
    if (cell.text.empty()) return;
    Indicator& ind = Open(cell);
    ind.status_raw = cell.text;
  }
  void CloseMeasure() { open_ = -1; }
  void Finish() {
    // A goal with no measure that states its target itself ("Minst 85 %
    // av deltagarna ska …") is its own indicator.
    if (goal_ >= 0 && !goal_has_indicator_) {
      Target t = ParseTarget(gov_->goals[goal_].text);
      if (t.value) Measure(Cell{gov_->goals[goal_].text, gov_->goals[goal_].prov});
    }
    goal_ = -1;
    open_ = -1;
  }

 private:
  Governance* gov_;
  int year_;
  int goal_ = -1, open_ = -1;
  bool goal_has_indicator_ = false;
};

void InterpretRows(const ScoreGrid& g, Builder* b) {
  int pc = -1, gc = -1, mc = -1, tc = -1, oc = -1, sc = -1;
  for (size_t c = 0; c < g.header.size(); ++c) {
    std::string r = RoleOf(g.header[c]);
    int* slot = r == "perspective" ? &pc : r == "goal" ? &gc : r == "measure" ? &mc : r == "target" ? &tc
              : r == "outcome" ? &oc : r == "status" ? &sc : nullptr;
    if (slot && *slot < 0) *slot = static_cast<int>(c);
  }
  if (pc < 0 && !g.header.empty() && g.header[0].empty()) pc = 0;
  std::string perspective, goal;
  auto at = [](const std::vector<Cell>& row, int c) -> Cell { return c >= 0 && c < static_cast<int>(row.size()) ? row[c] : Cell{}; };
  for (const auto& row : g.rows) {
    Cell p = at(row, pc), go = at(row, gc), m = at(row, mc);
    if (!p.text.empty() && p.text != perspective) {
      perspective = p.text;
      goal.clear();
      b->Finish();
    }
    if (!go.text.empty() && go.text != goal) {
      goal = go.text;
      b->Goal(perspective, go);
    } else if (goal.empty()) {
      b->EnsureGoal(perspective, p.text.empty() ? m : p);
    }
    if (!m.text.empty()) b->Measure(m);
    else b->CloseMeasure();
    b->TargetCell(at(row, tc));
    b->OutcomeCell(at(row, oc));
    b->StatusCell(at(row, sc));
  }
  b->Finish();
}

// "Mål: … Mått: … Målvärde: …" inside one cell → (role, text) parts; text
// before the first label has role "".
std::vector<std::pair<std::string, std::string>> LabelledParts(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  static const RE2 kLabel(
      "(?:^|\\s)((?i:mål|mått|indikator|nyckeltal|målvärde|målnivå|utfall|resultat|status|bedömning))\\s*:\\s*");
  re2::StringPiece in(text);
  re2::StringPiece word;
  std::string role;
  size_t start = 0;
  while (RE2::FindAndConsume(&in, kLabel, &word)) {
    size_t label_at = word.data() - text.data();
    std::string before = CollapseSpaces(text.substr(start, label_at - start));
    if (!before.empty() || !role.empty()) out.push_back({role, before});
    role = RoleOf(std::string(word));
    start = in.data() - text.data();
  }
  std::string rest = CollapseSpaces(text.substr(start));
  if (!rest.empty()) out.push_back({role, rest});
  return out;
}

void InterpretColumns(const ScoreGrid& g, Builder* b) {
  // Row labels in the first column when the first header is no perspective.
  bool labelled = !g.header.empty() && !IsPerspectiveName(g.header[0]);
  if (labelled) {
    int with_role = 0;
    for (const auto& row : g.rows)
      if (!row.empty() && !RoleOf(row[0].text).empty()) ++with_role;
    labelled = with_role >= 1;
  }
  for (size_t c = 0; c < g.header.size(); ++c) {
    if (!IsPerspectiveName(g.header[c])) continue;
    const std::string perspective = g.header[c];
    bool have_goal = false;
    for (const auto& row : g.rows) {
      if (c >= row.size() || row[c].text.empty()) continue;
      const Cell& cell = row[c];
      std::vector<std::pair<std::string, std::string>> parts;
      if (labelled) parts.push_back({RoleOf(row[0].text), cell.text});
      else parts = LabelledParts(cell.text);
      for (auto& [role, text] : parts) {
        Cell part{text, cell.prov};
        part.prov.raw_text = text;
        std::string r = role;
        if (r.empty()) r = !have_goal ? "goal" : IsTargetOnly(text) ? "target" : "measure";
        if (r == "goal") {
          b->Goal(perspective, part);
          have_goal = true;
        } else {
          if (!have_goal) {
            b->EnsureGoal(perspective, part);
            have_goal = true;
          }
          if (r == "measure") b->Measure(part);
          else if (r == "target") b->TargetCell(part);
          else if (r == "outcome") b->OutcomeCell(part);
          else if (r == "status") b->StatusCell(part);
        }
      }
    }
    b->Finish();
  }
}

// Fills target, outcome and status of the indicators from index `from`.
void Settle(Governance* gov, size_t from) {
  for (size_t k = from; k < gov->indicators.size(); ++k) {
    Indicator& ind = gov->indicators[k];
    Target t = ParseTarget(ind.measure);
    if (!t.value && !ind.measure.empty() && IsTargetOnly(ind.measure)) {
      // A bare value in a Målvärde cell: the value, no comparator stated.
      std::string v, u;
      if (RE2::PartialMatch(Folded(ind.measure), "(\\d{1,3}(?: \\d{3})*(?:,\\d+)?)\\s*(%|procent)?"_re, &v, &u)) {
        t.value = ParseAmount(v);
        t.unit = u.empty() ? "count" : "%";
      }
    }
    if (!t.value) {
      Target m = ParseTarget(ind.text);
      if (m.value || (!m.comparator.empty() && t.comparator.empty())) t = m;
    }
    if (!t.value && ind.goal >= 0) {
      Target gt = ParseTarget(gov->goals[ind.goal].text);
      if (gt.value) t = gt;
    }
    ind.comparator = t.comparator;
    ind.target_value = t.value;
    ind.target_unit = t.unit;
    if (!ind.outcome_text.empty()) ind.outcome_value = ParseOutcome(ind.outcome_text, t, &ind.outcome_unit);
    // A count target with no noun ("Minst 4"): an Utfall cell that starts
    // with a number ("5 möten") gives it.
    std::string n;
    if (!ind.outcome_value && t.unit == "count" &&
        RE2::PartialMatch(Folded(ind.outcome_text), "^(\\d{1,3}(?: \\d{3})*|\\d+)(?:\\s+\\pL+)?$"_re, &n)) {
      ind.outcome_value = ParseAmount(n);
      ind.outcome_unit = "count";
    }
    std::string raw;
    std::string status = ParseStatus(ind.status_raw.empty() ? ind.outcome_text : ind.status_raw, &raw);
    ind.status = status;
    ind.status_raw = status.empty() ? "" : raw;
  }
}

}  // namespace

void ReadScorecards(const std::vector<LineRef>& lines, int year, Governance* gov, std::vector<bool>* consumed) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if ((*consumed)[i] || IsBlank(lines[i])) continue;
    const bool text = lines[i].page->unit == BoxUnit::kCharCell;
    std::vector<HeaderCell> hcells;
    ScoreGrid g;
    if (text) {
      if (IsPipeRule(lines[i].text())) continue;
      g.header = SplitTextCells(lines[i].text());
    } else {
      hcells = LayoutCells(*lines[i].line);
      for (const HeaderCell& h : hcells) g.header.push_back(h.text);
    }
    if (g.header.size() < 2) continue;
    Shape shape = ClassifyHeader(g.header, ContextAbove(lines, i));
    if (shape == Shape::kNone) continue;
    std::vector<bool> taken = *consumed;
    taken[i] = true;
    size_t last = text ? ReadTextRows(lines, i, &g, &taken) : ReadLayoutRows(lines, i, hcells, &g, &taken);
    if (g.rows.empty()) continue;
    *consumed = std::move(taken);
    const size_t goals_before = gov->goals.size(), indicators_before = gov->indicators.size();
    Builder b(gov, YearAbove(lines, i, year));
    if (shape == Shape::kRows) InterpretRows(g, &b);
    else InterpretColumns(g, &b);
    (void)goals_before;
    Settle(gov, indicators_before);
    i = last;
  }
}

}  // namespace finsam
