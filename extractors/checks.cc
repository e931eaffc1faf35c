#include "extractors/checks.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/unicode.h"

namespace finsam {
namespace {

std::string Fold(const std::string& s) { return FoldKey(s); }

bool StartsWithWord(const std::string& folded, const char* word) {
  size_t n = std::char_traits<char>::length(word);
  if (folded.compare(0, n, word) != 0) return false;
  return folded.size() == n || !std::isalnum(static_cast<unsigned char>(folded[n]));
}

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t*|");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t*|:");
  return s.substr(b, e - b + 1);
}

bool IsYearKind(ColumnKind k) {
  return k == ColumnKind::kBudget || k == ColumnKind::kPlan || k == ColumnKind::kUtfall ||
         k == ColumnKind::kPrognos || k == ColumnKind::kValue || k == ColumnKind::kUnknown;
}

// Actual figures (utfall) vs budgeted figures; used to match columns across
// tables of one document.
int KindClass(ColumnKind k) {
  switch (k) {
    case ColumnKind::kUtfall:
    case ColumnKind::kValue:
    case ColumnKind::kUnknown: return 1;
    case ColumnKind::kBudget: return 2;
    case ColumnKind::kPlan: return 3;
    case ColumnKind::kPrognos: return 4;
    default: return 0;
  }
}

bool RowHasMoney(const FinancialTable& t, const TableRow& r) {
  if (r.is_header) return false;
  for (size_t c = 0; c < r.cells.size() && c < t.columns.size(); ++c) {
    if (!IsAmountColumn(t.columns[c])) continue;
    const TableCell& cell = r.cells[c];
    if (cell.present && !cell.is_percent) return true;
  }
  return false;
}

const TableCell* CellAt(const FinancialTable& t, int row, int col) {
  if (row < 0 || row >= static_cast<int>(t.rows.size())) return nullptr;
  const TableRow& r = t.rows[row];
  if (col < 0 || col >= static_cast<int>(r.cells.size())) return nullptr;
  return &r.cells[col];
}

std::optional<double> ValueAt(const FinancialTable& t, int row, int col) {
  const TableCell* c = CellAt(t, row, col);
  if (!c) return 0.0;
  return CellNumber(*c);
}

bool Present(const FinancialTable& t, int row, int col) {
  const TableCell* c = CellAt(t, row, col);
  return c && c->present;
}

double ToleranceFor(size_t components) {
  if (components >= 6) return 2;
  if (components >= 2) return 1;
  return 0;
}

struct TableShape {
  std::vector<int> amount_cols;
  std::vector<std::string> effective_section;  // per row
  std::vector<bool> cost_like;                 // per row
  bool costs_signed = false;                   // cost rows printed negative
};

TableShape Shape(const FinancialTable& t) {
  TableShape s;
  for (size_t c = 0; c < t.columns.size(); ++c)
    if (IsAmountColumn(t.columns[c])) s.amount_cols.push_back(static_cast<int>(c));
  std::string heading;
  s.effective_section.resize(t.rows.size());
  s.cost_like.resize(t.rows.size());
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const TableRow& r = t.rows[i];
    if (r.is_header || (!RowHasMoney(t, r) && !Trim(r.label).empty())) heading = r.label;
    s.effective_section[i] = !r.section.empty() ? r.section : heading;
    s.cost_like[i] = !IsResultLabel(r.label) && (IsCostLabel(r.label) || IsCostLabel(s.effective_section[i]));
  }
  for (size_t i = 0; i < t.rows.size(); ++i) {
    if (!s.cost_like[i] || !RowHasMoney(t, t.rows[i])) continue;
    for (int c : s.amount_cols) {
      if (t.columns[c].kind == ColumnKind::kAvvikelse) continue;
      std::optional<double> v = ValueAt(t, static_cast<int>(i), c);
      if (v && *v < 0) s.costs_signed = true;
    }
  }
  return s;
}

// Does the window (rows with coefficients) explain row `total` in every
// column where it can be evaluated? `any` reports whether one column was.
bool WindowHolds(const FinancialTable& t, const TableShape& s, int total, const std::vector<Term>& window,
                 bool* any) {
  *any = false;
  for (int c : s.amount_cols) {
    if (!Present(t, total, c)) continue;
    std::optional<double> tv = ValueAt(t, total, c);
    if (!tv) continue;
    double sum = 0;
    bool known = true;
    for (const Term& w : window) {
      std::optional<double> v = ValueAt(t, w.row, c);
      if (!v) {
        known = false;
        break;
      }
      sum += w.coef * *v;
    }
    if (!known) continue;
    *any = true;
    if (std::fabs(*tv - sum) > ToleranceFor(window.size()) + 1e-9) return false;
  }
  return true;
}

void AddColumnConstraints(const FinancialTable& t, const TableShape& s, const char* rule, int total,
                          const std::vector<Term>& window, std::vector<Constraint>* out) {
  std::string what = Trim(t.rows[total].label) + " =";
  for (size_t k = 0; k < window.size(); ++k) {
    if (k) what += window[k].coef < 0 ? " −" : " +";
    else if (window[k].coef < 0) what += " −";
    what += " " + Trim(t.rows[window[k].row].label);
  }
  for (int c : s.amount_cols) {
    if (!Present(t, total, c)) continue;
    Constraint con;
    con.rule = rule;
    con.terms.push_back({total, c, 1});
    for (const Term& w : window) con.terms.push_back({w.row, c, -w.coef});
    con.tolerance = ToleranceFor(window.size());
    con.what = what;
    out->push_back(std::move(con));
  }
}

int FindRow(const FinancialTable& t, const char* pattern, int from = 0) {
  RE2 re(pattern);
  for (int i = from; i < static_cast<int>(t.rows.size()); ++i) {
    if (t.rows[i].is_header) continue;
    if (RE2::PartialMatch(Fold(t.rows[i].label), re)) return i;
  }
  return -1;
}

std::string KindLabel(const TableColumn& c) {
  std::string k = ColumnKindName(c.kind);
  if (!k.empty()) k[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(k[0])));
  if (c.year) k += " " + std::to_string(c.year);
  return k;
}

}  // namespace

std::optional<double> CellNumber(const TableCell& cell) {
  if (!cell.present) return 0.0;
  if (!cell.parsed || cell.is_percent) return std::nullopt;
  return cell.value;
}

bool IsSumLabel(const std::string& label) {
  std::string f = Fold(Trim(label));
  return StartsWithWord(f, "summa") || StartsWithWord(f, "s:a") ||
         StartsWithWord(f, "totalt") || StartsWithWord(f, "total") || StartsWithWord(f, "sum");
}

bool IsResultLabel(const std::string& label) {
  std::string f = Fold(Trim(label));
  if (IsSumLabel(label)) return false;
  static const RE2 kRe("(^|[^a-z])(arets resultat|resultat|nettokostnad|kassaflode)");
  return RE2::PartialMatch(f, kRe) && !RE2::PartialMatch(f, "balanskrav|realisation|utjamning|justering"_re);
}

bool IsVaravLabel(const std::string& label) {
  std::string f = Fold(Trim(label));
  return StartsWithWord(f, "varav") || StartsWithWord(f, "darav") || StartsWithWord(f, "- varav");
}

bool IsCostLabel(const std::string& label) {
  std::string f = Fold(label);
  return f.find("kostnad") != std::string::npos || f.find("utgift") != std::string::npos;
}

bool IsAmountColumn(const TableColumn& c) {
  return c.kind != ColumnKind::kNote && c.kind != ColumnKind::kAndel;
}

std::vector<Constraint> TableConstraints(const FinancialTable& t) {
  std::vector<Constraint> out;
  TableShape s = Shape(t);
  if (s.amount_cols.empty()) return out;
  const int n = static_cast<int>(t.rows.size());

  // Section sums and running results. `items` is the list of top-level rows
  // seen so far: a Summa or Resultat row replaces the rows it covers.
  std::vector<int> items;
  int last_boundary = -1;
  for (int i = 0; i < n; ++i) {
    const TableRow& r = t.rows[i];
    bool money = RowHasMoney(t, r);
    if (!money) {
      if (r.is_header || !Trim(r.label).empty()) last_boundary = i;
      continue;
    }
    if (IsVaravLabel(r.label)) continue;
    bool is_sum = IsSumLabel(r.label) || (r.is_total && !IsResultLabel(r.label));
    bool is_result = !is_sum && IsResultLabel(r.label);
    if (!is_sum && !is_result) {
      items.push_back(i);
      continue;
    }
    auto coef_of = [&](int row) {
      return (is_result && !s.costs_signed && s.cost_like[row]) ? -1 : 1;
    };
    auto window_of = [&](size_t from) {
      std::vector<Term> w;
      for (size_t k = from; k < items.size(); ++k) w.push_back({items[k], -1, coef_of(items[k])});
      return w;
    };
    // Natural window: for a Summa, the items since the last heading; for a
    // Resultat, every top-level item so far.
    size_t natural_from = 0;
    if (is_sum) {
      natural_from = items.size();
      while (natural_from > 0 && items[natural_from - 1] > last_boundary) --natural_from;
      if (natural_from == items.size()) natural_from = 0;  // nothing since the heading: nested total
    }
    std::vector<Term> chosen = window_of(natural_from);
    bool any = false;
    bool found = !chosen.empty() && WindowHolds(t, s, i, chosen, &any) && any;
    // Otherwise the shortest suffix of the items that explains the row.
    for (size_t len = 1; !found && len <= items.size(); ++len) {
      std::vector<Term> w = window_of(items.size() - len);
      if (WindowHolds(t, s, i, w, &any) && any) {
        chosen = std::move(w);
        found = true;
      }
    }
    if (!found && is_result) {
      // A Resultat nothing explains is only checked when its window has
      // something to net: income and costs (or, with signed costs, two
      // items). A table cut at a page break may have lost its income part.
      bool has_cost = false, has_income = false;
      for (const Term& w : chosen) (s.cost_like[w.row] ? has_cost : has_income) = true;
      bool checkable = s.costs_signed ? chosen.size() >= 2 : (has_cost && has_income);
      if (!checkable) chosen.clear();
    }
    if (!chosen.empty()) {
      AddColumnConstraints(t, s, is_sum ? kRuleSumSection : kRuleSumResult, i, chosen, &out);
      std::set<int> covered;
      for (const Term& w : chosen) covered.insert(w.row);
      items.erase(std::remove_if(items.begin(), items.end(), [&](int x) { return covered.count(x) > 0; }),
                  items.end());
    }
    items.push_back(i);
  }

  // Totalt column = sum of the year columns.
  int totalt = -1;
  std::vector<int> year_cols;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].kind == ColumnKind::kTotalt) totalt = totalt < 0 ? static_cast<int>(c) : -2;
    else if (t.columns[c].year && IsYearKind(t.columns[c].kind)) year_cols.push_back(static_cast<int>(c));
  }
  if (totalt >= 0 && year_cols.size() >= 2) {
    for (int i = 0; i < n; ++i) {
      if (t.rows[i].is_header || !Present(t, i, totalt)) continue;
      Constraint con;
      con.rule = kRuleTotaltColumn;
      con.terms.push_back({i, totalt, 1});
      for (int c : year_cols) con.terms.push_back({i, c, -1});
      con.tolerance = 1;
      con.what = Trim(t.rows[i].label) + ": " + t.columns[totalt].header + " = sum of the year columns";
      out.push_back(std::move(con));
    }
  }

  // Avvikelse = utfall − budget of the same year.
  for (size_t a = 0; a < t.columns.size(); ++a) {
    if (t.columns[a].kind != ColumnKind::kAvvikelse) continue;
    int u = -1, b = -1;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const TableColumn& col = t.columns[c];
      bool same_year = !t.columns[a].year || col.year == t.columns[a].year;
      if (col.kind == ColumnKind::kUtfall && same_year && u < 0) u = static_cast<int>(c);
      if (col.kind == ColumnKind::kBudget && same_year && b < 0) b = static_cast<int>(c);
    }
    if (u < 0 || b < 0) continue;
    // Sign convention by majority of the readable rows (utfall − budget by default).
    int agree = 0, reverse = 0;
    for (int i = 0; i < n; ++i) {
      if (!Present(t, i, static_cast<int>(a))) continue;
      auto av = ValueAt(t, i, static_cast<int>(a)), uv = ValueAt(t, i, u), bv = ValueAt(t, i, b);
      if (!av || !uv || !bv) continue;
      if (std::fabs(*av - (*uv - *bv)) <= 1) ++agree;
      else if (std::fabs(*av - (*bv - *uv)) <= 1) ++reverse;
    }
    int sign = reverse > agree ? -1 : 1;
    for (int i = 0; i < n; ++i) {
      if (t.rows[i].is_header || !Present(t, i, static_cast<int>(a))) continue;
      if (!Present(t, i, u) && !Present(t, i, b)) continue;
      Constraint con;
      con.rule = kRuleAvvikelse;
      con.terms = {{i, static_cast<int>(a), 1}, {i, u, -sign}, {i, b, sign}};
      con.tolerance = 1;
      con.what = Trim(t.rows[i].label) + ": " + t.columns[a].header +
                 (sign > 0 ? " = utfall − budget" : " = budget − utfall");
      out.push_back(std::move(con));
    }
  }

  // Balance sheet identity.
  int assets = FindRow(t, "^summa tillgangar");
  int eq_liab = FindRow(t, "^summa eget kapital och skulder|^summa skulder och eget kapital");
  if (assets >= 0 && eq_liab >= 0) {
    for (int c : s.amount_cols) {
      if (!Present(t, assets, c) && !Present(t, eq_liab, c)) continue;
      Constraint con;
      con.rule = kRuleBalance;
      con.terms = {{assets, c, 1}, {eq_liab, c, -1}};
      con.what = Trim(t.rows[assets].label) + " = " + Trim(t.rows[eq_liab].label);
      out.push_back(std::move(con));
    }
  }

  // Cash flow ties to the change in cash.
  int end = FindRow(t, "likvida medel vid (a|4)rets slut|likvida medel vid periodens slut");
  int start = FindRow(t, "likvida medel vid (a|4)rets b(o|e)rjan|likvida medel vid periodens b");
  int flow = FindRow(t, "^(a|4)rets kassaflode|^periodens kassaflode");
  if (end >= 0 && start >= 0 && flow >= 0) {
    for (int c : s.amount_cols) {
      if (!Present(t, end, c)) continue;
      Constraint con;
      con.rule = kRuleCashTies;
      con.terms = {{end, c, 1}, {start, c, -1}, {flow, c, -1}};
      con.tolerance = 1;
      con.what = Trim(t.rows[end].label) + " = " + Trim(t.rows[start].label) + " + " + Trim(t.rows[flow].label);
      out.push_back(std::move(con));
    }
  }
  return out;
}

std::optional<double> Residual(const FinancialTable& t, const Constraint& c) {
  double r = 0;
  for (const Term& term : c.terms) {
    std::optional<double> v = ValueAt(t, term.row, term.col);
    if (!v) return std::nullopt;
    r += term.coef * *v;
  }
  return r;
}

bool Holds(const FinancialTable& t, const Constraint& c) {
  std::optional<double> r = Residual(t, c);
  return r && std::fabs(*r) <= c.tolerance + 1e-9;
}

std::string DescribeCell(const FinancialTable& t, int row, int col) {
  std::string s = row >= 0 && row < static_cast<int>(t.rows.size()) ? Trim(t.rows[row].label) : "?";
  if (s.empty()) s = "(unlabelled row)";
  if (col >= 0 && col < static_cast<int>(t.columns.size())) {
    const TableColumn& c = t.columns[col];
    s += " / " + (c.header.empty() ? KindLabel(c) : Trim(c.header));
  }
  return s;
}

namespace {

std::string SourceText(const FinancialTable& t, int row, int col) {
  const TableRow& r = t.rows[row];
  if (!r.prov.raw_text.empty()) return r.prov.raw_text;
  std::string s = r.label;
  if (!r.raw_numbers.empty()) s += "  " + r.raw_numbers;
  return s;
}

Flag BaseFlag(const std::vector<FinancialTable>& tables, int ti, int row, int col, const std::string& rule) {
  const FinancialTable& t = tables[ti];
  Flag f;
  f.rule = rule;
  f.cells.push_back({ti, row, col});
  const TableCell* cell = CellAt(t, row, col);
  f.page = cell && cell->prov.page ? cell->prov.page : t.rows[row].prov.page ? t.rows[row].prov.page : t.page;
  f.year = col >= 0 && col < static_cast<int>(t.columns.size()) ? t.columns[col].year : 0;
  f.source_text = SourceText(t, row, col);
  f.key = rule + "|t" + std::to_string(ti) + "|" + Trim(t.rows[row].label) + "|c" + std::to_string(col);
  return f;
}

void SetPassed(Flag* f, bool passed) {
  f->passed = passed;
  f->severity = passed ? kSeverityOk : kSeverityError;
}

Flag ConstraintFlag(const std::vector<FinancialTable>& tables, int ti, const Constraint& c, double residual) {
  const FinancialTable& t = tables[ti];
  const Term& head = c.terms[0];
  Flag f = BaseFlag(tables, ti, head.row, head.col, c.rule);
  for (size_t k = 1; k < c.terms.size(); ++k) f.cells.push_back({ti, c.terms[k].row, c.terms[k].col});
  double found = *ValueAt(t, head.row, head.col);
  double expected = found - residual;
  f.found = std::llround(found * t.scale);
  f.expected = std::llround(expected * t.scale);
  bool ok = std::fabs(residual) <= c.tolerance + 1e-9;
  SetPassed(&f, ok);
  std::string where = DescribeCell(t, head.row, head.col);
  std::string unit = t.unit.empty() ? "" : " " + t.unit;
  if (ok) {
    f.message = where + ": " + FormatPrinted(found) + unit + " agrees with " + c.what +
                (std::fabs(residual) > 1e-9 ? " (rounding difference " + FormatPrinted(residual) + ")" : "");
  } else {
    f.message = where + ": document says " + FormatPrinted(found) + unit + ", " + c.what + " gives " +
                FormatPrinted(expected) + unit + " (difference " + FormatPrinted(residual) + ")";
    // One empty cell in a row that has figures elsewhere: likely lost by
    // OCR or the reader; say what it would have to be.
    const Term* empty = nullptr;
    int n_empty = 0;
    for (const Term& term : c.terms) {
      if (Present(t, term.row, term.col)) continue;
      bool row_has = false;
      for (size_t col = 0; col < t.rows[term.row].cells.size(); ++col)
        row_has = row_has || t.rows[term.row].cells[col].present;
      if (row_has) {
        empty = &term;
        ++n_empty;
      }
    }
    if (n_empty == 1) {
      f.message += "; " + DescribeCell(t, empty->row, empty->col) + " is empty — if a figure was lost there it is " +
                   FormatPrinted(-residual / empty->coef) + unit;
      f.cells.push_back({ti, empty->row, empty->col});
    }
  }
  return f;
}

std::vector<int> NoteNumbers(const std::string& raw) {
  std::vector<int> out;
  re2::StringPiece in(raw);
  int n;
  while (RE2::FindAndConsume(&in, "(\\d+)"_re, &n)) out.push_back(n);
  return out;
}

int NoteTable(const std::vector<FinancialTable>& tables, int note) {
  RE2 re("^\\s*not\\s*" + std::to_string(note) + "\\b");
  for (size_t i = 0; i < tables.size(); ++i)
    if (RE2::PartialMatch(Fold(tables[i].title), re)) return static_cast<int>(i);
  return -1;
}

int LastSumRow(const FinancialTable& t) {
  for (int i = static_cast<int>(t.rows.size()) - 1; i >= 0; --i)
    if (!t.rows[i].is_header && (IsSumLabel(t.rows[i].label) || t.rows[i].is_total)) return i;
  return -1;
}

void CheckNoteRefs(const std::vector<FinancialTable>& tables, std::vector<Flag>* out) {
  for (size_t ti = 0; ti < tables.size(); ++ti) {
    const FinancialTable& t = tables[ti];
    int note_col = -1;
    for (size_t c = 0; c < t.columns.size(); ++c)
      if (t.columns[c].kind == ColumnKind::kNote) note_col = static_cast<int>(c);
    if (note_col < 0) continue;
    for (int i = 0; i < static_cast<int>(t.rows.size()); ++i) {
      const TableCell* nc = CellAt(t, i, note_col);
      if (!nc || !nc->present) continue;
      std::vector<int> notes = NoteNumbers(nc->raw);
      if (notes.empty()) continue;
      int nt = NoteTable(tables, notes[0]);
      if (nt < 0 || nt == static_cast<int>(ti)) continue;
      const FinancialTable& note = tables[nt];
      int sum_row = LastSumRow(note);
      if (sum_row < 0) continue;
      for (size_t c = 0; c < t.columns.size(); ++c) {
        if (!IsAmountColumn(t.columns[c]) || !t.columns[c].year || !Present(t, i, static_cast<int>(c))) continue;
        for (size_t nc2 = 0; nc2 < note.columns.size(); ++nc2) {
          if (note.columns[nc2].year != t.columns[c].year || !IsAmountColumn(note.columns[nc2])) continue;
          if (!Present(note, sum_row, static_cast<int>(nc2))) continue;
          auto v = ValueAt(t, i, static_cast<int>(c));
          auto nv = ValueAt(note, sum_row, static_cast<int>(nc2));
          if (!v || !nv) continue;
          Flag f = BaseFlag(tables, static_cast<int>(ti), i, static_cast<int>(c), kRuleNoteRef);
          f.cells.push_back({nt, sum_row, static_cast<int>(nc2)});
          f.found = std::llround(*v * t.scale);
          f.expected = std::llround((*v < 0 ? -std::fabs(*nv) : std::fabs(*nv)) * note.scale);
          f.year = t.columns[c].year;
          bool ok = std::fabs(std::fabs(*v * t.scale) - std::fabs(*nv * note.scale)) <= t.scale + 1e-6;
          f.passed = ok;
          f.severity = ok ? kSeverityOk : kSeverityWarning;
          f.message = DescribeCell(t, i, static_cast<int>(c)) + " " + FormatPrinted(*v) + " " +
                      (ok ? "agrees with " : "differs from ") + Trim(note.title) + " " +
                      Trim(note.rows[sum_row].label) + " " + FormatPrinted(*nv);
          out->push_back(std::move(f));
          break;
        }
      }
    }
  }
}

void CheckSameFigures(const std::vector<FinancialTable>& tables, std::vector<Flag>* out) {
  struct Key {
    std::string label;
    int year;
    int kind;
    bool operator<(const Key& o) const {
      return std::tie(label, year, kind) < std::tie(o.label, o.year, o.kind);
    }
  };
  struct Where {
    int table, row, col;
  };
  std::map<Key, std::vector<Where>> seen;
  for (size_t ti = 0; ti < tables.size(); ++ti) {
    const FinancialTable& t = tables[ti];
    std::set<Key> in_table;
    for (int i = 0; i < static_cast<int>(t.rows.size()); ++i) {
      const TableRow& r = t.rows[i];
      std::string label = Fold(Trim(r.label));
      if (r.is_header || label.size() < 6 || IsSumLabel(r.label) || IsVaravLabel(r.label)) continue;
      for (size_t c = 0; c < t.columns.size(); ++c) {
        const TableColumn& col = t.columns[c];
        int kc = KindClass(col.kind);
        if (!col.year || !kc || !Present(t, i, static_cast<int>(c)) || !ValueAt(t, i, static_cast<int>(c))) continue;
        if (r.cells[c].is_percent) continue;
        // Same label alone is not enough ("Region Gävleborg" is a member
        // contribution in Not 1 and an accrued cost in Not 4): the reader's
        // category must agree too.
        if (!r.category || r.category->empty()) continue;
        Key k{label + "|" + *r.category, col.year, kc};
        if (!in_table.insert(k).second) continue;  // first occurrence per table only
        seen[k].push_back({static_cast<int>(ti), i, static_cast<int>(c)});
      }
    }
  }
  for (const auto& [key, where] : seen) {
    for (size_t a = 1; a < where.size(); ++a) {
      const Where& x = where[0];
      const Where& y = where[a];
      const FinancialTable& tx = tables[x.table];
      const FinancialTable& ty = tables[y.table];
      double vx = *ValueAt(tx, x.row, x.col) * tx.scale;
      double vy = *ValueAt(ty, y.row, y.col) * ty.scale;
      Flag f = BaseFlag(tables, y.table, y.row, y.col, kRuleSameFigure);
      f.cells.push_back({x.table, x.row, x.col});
      f.found = std::llround(vy);
      f.expected = std::llround(vx);
      bool ok = std::fabs(vx - vy) <= std::max(tx.scale, ty.scale) + 1e-6;
      f.passed = ok;
      f.severity = ok ? kSeverityOk : kSeverityWarning;
      f.message = DescribeCell(ty, y.row, y.col) + " (" + Trim(ty.title) + ") " + FormatPrinted(vy / ty.scale) + " " +
                  ty.unit + (ok ? " agrees with " : " differs from ") + Trim(tx.title) + " " +
                  FormatPrinted(vx / tx.scale) + " " + tx.unit;
      out->push_back(std::move(f));
    }
  }
}

void CheckAndel(const std::vector<FinancialTable>& tables, int ti, std::vector<Flag>* out) {
  const FinancialTable& t = tables[ti];
  for (size_t a = 0; a < t.columns.size(); ++a) {
    if (t.columns[a].kind != ColumnKind::kAndel) continue;
    int u = -1, b = -1;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (t.columns[c].kind == ColumnKind::kUtfall && u < 0) u = static_cast<int>(c);
      if (t.columns[c].kind == ColumnKind::kBudget && b < 0) b = static_cast<int>(c);
    }
    if (u < 0 || b < 0) continue;
    for (int i = 0; i < static_cast<int>(t.rows.size()); ++i) {
      const TableCell* ac = CellAt(t, i, static_cast<int>(a));
      if (!ac || !ac->present || !ac->parsed || !ac->is_percent) continue;
      auto uv = ValueAt(t, i, u), bv = ValueAt(t, i, b);
      if (!uv || !bv || *bv == 0) continue;
      double computed = 100.0 * *uv / *bv;
      Flag f = BaseFlag(tables, ti, i, static_cast<int>(a), kRuleAndel);
      f.cells.push_back({ti, i, u});
      f.cells.push_back({ti, i, b});
      f.unit = "%";
      f.found = ac->value;
      f.expected = std::round(computed * 10) / 10;
      bool ok = std::fabs(computed - ac->value) <= 1.0 + 1e-9;
      f.passed = ok;
      f.severity = ok ? kSeverityOk : kSeverityWarning;
      f.message = DescribeCell(t, i, static_cast<int>(a)) + ": " + FormatPrinted(ac->value) + "% " +
                  (ok ? "agrees with " : "but ") + FormatPrinted(*uv) + " / " + FormatPrinted(*bv) + " = " +
                  FormatPrinted(std::round(computed * 10) / 10) + "%";
      out->push_back(std::move(f));
    }
  }
}

}  // namespace

std::vector<Flag> CheckDocument(const std::vector<FinancialTable>& tables) {
  std::vector<Flag> out;
  for (size_t ti = 0; ti < tables.size(); ++ti) {
    const FinancialTable& t = tables[ti];
    for (const Constraint& c : TableConstraints(t)) {
      std::optional<double> r = Residual(t, c);
      if (!r) continue;  // an unreadable figure: number repair flags it
      out.push_back(ConstraintFlag(tables, static_cast<int>(ti), c, *r));
    }
    CheckAndel(tables, static_cast<int>(ti), &out);
  }
  CheckNoteRefs(tables, &out);
  CheckSameFigures(tables, &out);
  return out;
}

}  // namespace finsam
