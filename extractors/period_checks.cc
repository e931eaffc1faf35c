#include "extractors/period_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "extractors/checks.h"
#include "extractors/table_arithmetic.h"
#include "normalizers/swedish_number.h"
#include "normalizers/unicode.h"

namespace finsam {
namespace {

// Columns that hold a year's actual figures (an overview's bare years read
// as utfall in an årsredovisning, value for a single column).
bool IsActualColumn(const TableColumn& c) {
  // A part of the year (a delårsrapport's "jan–aug") is not the year's figure.
  return c.year && c.period.empty() && (c.kind == ColumnKind::kUtfall || c.kind == ColumnKind::kValue);
}

bool IsStatement(const FinancialTable& t) {
  return t.table_kind == "income_statement" || t.table_kind == "balance_sheet" || t.table_kind == "cash_flow";
}

// A row's unit name: its own, else its table's ("" when neither says).
std::string RowUnit(const FinancialTable& t, const TableRow& r) { return r.scale ? ScaleUnitName(r.scale) : t.unit; }

// The categories an overview and the statements share.
bool ComparableCategory(const std::string& c) {
  static const std::set<std::string> kCats = {"income.total", "cost.total", "result", "equity", "assets.total",
                                              "cash"};
  return kCats.count(c) > 0;
}

Flag NewFlag(const std::vector<FinancialTable>& tables, int ti, int row, int col, const char* rule) {
  const FinancialTable& t = tables[ti];
  Flag f;
  f.rule = rule;
  f.cells.push_back({ti, row, col});
  const TableCell* cell = CellAt(t, row, col);
  f.page = cell && cell->prov.page ? cell->prov.page : t.rows[row].prov.page ? t.rows[row].prov.page : t.page;
  f.year = col >= 0 && col < static_cast<int>(t.columns.size()) ? t.columns[col].year : 0;
  f.source_text = t.rows[row].prov.raw_text.empty() ? t.rows[row].label : t.rows[row].prov.raw_text;
  f.key = std::string(rule) + "|t" + std::to_string(ti) + "|" + TrimLabel(t.rows[row].label) + "|c" +
          std::to_string(col);
  return f;
}

struct Where {
  int table = -1, row = -1, col = -1;
};

// Balance-sheet totals by their standard wording, for rows the categoriser
// left open ("SUMMA EGET KAPITAL" in a bostadsrättsförening's report).
bool LabelMeans(const std::string& label, const std::string& category) {
  std::string f = FoldKey(TrimLabel(label));
  if (category == "equity") return f == "summa eget kapital" || f == "eget kapital";
  if (category == "assets.total") return f == "summa tillgangar";
  return false;
}

std::optional<Where> FindInStatementsPass(const std::vector<FinancialTable>& tables, const std::string& category,
                                          int year, bool by_label) {
  for (size_t ti = 0; ti < tables.size(); ++ti) {
    const FinancialTable& t = tables[ti];
    if (!IsStatement(t)) continue;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (!IsActualColumn(t.columns[c]) || t.columns[c].year != year) continue;
      for (size_t i = 0; i < t.rows.size(); ++i) {
        const TableRow& r = t.rows[i];
        if (r.is_header) continue;
        bool match = by_label ? !r.category && LabelMeans(r.label, category) : r.category && *r.category == category;
        if (!match) continue;
        const TableCell* cell = CellAt(t, static_cast<int>(i), static_cast<int>(c));
        if (!cell || !cell->present || !cell->parsed || cell->is_percent) continue;
        return Where{static_cast<int>(ti), static_cast<int>(i), static_cast<int>(c)};
      }
    }
  }
  return std::nullopt;
}

// The first statement cell of `category` in a column of `year` (a row of
// that category, else one whose label says it).
std::optional<Where> FindInStatements(const std::vector<FinancialTable>& tables, const std::string& category,
                                      int year) {
  for (int pass = 0; pass < 2; ++pass) {
    std::optional<Where> w = FindInStatementsPass(tables, category, year, pass == 1);
    if (w) return w;
  }
  return std::nullopt;
}

void OverviewVsStatements(const std::vector<FinancialTable>& tables, std::vector<Flag>* out) {
  for (size_t ti = 0; ti < tables.size(); ++ti) {
    const FinancialTable& t = tables[ti];
    if (t.table_kind != "overview") continue;
    for (size_t i = 0; i < t.rows.size(); ++i) {
      const TableRow& r = t.rows[i];
      if (r.is_header || !r.monetary || !r.category || !ComparableCategory(*r.category)) continue;
      for (size_t c = 0; c < t.columns.size(); ++c) {
        if (!IsActualColumn(t.columns[c])) continue;
        const TableCell* cell = CellAt(t, static_cast<int>(i), static_cast<int>(c));
        if (!cell || !cell->present || !cell->parsed || cell->is_percent) continue;
        std::optional<Where> s = FindInStatements(tables, *r.category, t.columns[c].year);
        if (!s) continue;
        const FinancialTable& st = tables[s->table];
        // The same label is xref.same_figure's (checks.h): not twice.
        if (FoldKey(TrimLabel(st.rows[s->row].label)) == FoldKey(TrimLabel(r.label))) continue;
        double mine = std::fabs(static_cast<double>(cell->amount_sek));
        double theirs = std::fabs(static_cast<double>(CellAt(st, s->row, s->col)->amount_sek));
        // Each side in its row's own unit ("Nettoomsättning, tkr" in an
        // overview whose other rows are kr/kvm and percent).
        const int64_t my_scale = RowScale(t, r), their_scale = RowScale(st, st.rows[s->row]);
        bool ok = std::fabs(mine - theirs) <= static_cast<double>(std::max(my_scale, their_scale)) + 1e-6;
        Flag f = NewFlag(tables, static_cast<int>(ti), static_cast<int>(i), static_cast<int>(c), kRuleOverview);
        f.cells.push_back({s->table, s->row, s->col});
        f.found = static_cast<double>(cell->amount_sek);
        f.expected = static_cast<double>(CellAt(st, s->row, s->col)->amount_sek);
        f.passed = ok;
        f.severity = ok ? kSeverityOk : kSeverityWarning;
        f.message = DescribeCell(t, static_cast<int>(i), static_cast<int>(c)) + " (" + TrimLabel(t.title) + ") " +
                    cell->raw + " " + RowUnit(t, r) + (ok ? " agrees with " : " differs from ") +
                    TrimLabel(st.rows[s->row].label) + " " + std::to_string(t.columns[c].year) + " in " +
                    TrimLabel(st.title) + ": " + CellAt(st, s->row, s->col)->raw + " " + RowUnit(st, st.rows[s->row]);
        out->push_back(std::move(f));
      }
    }
  }
}

void SolidityVsBalanceSheet(const std::vector<FinancialTable>& tables, std::vector<Flag>* out) {
  for (size_t ti = 0; ti < tables.size(); ++ti) {
    const FinancialTable& t = tables[ti];
    if (t.table_kind != "overview") continue;
    for (size_t i = 0; i < t.rows.size(); ++i) {
      const TableRow& r = t.rows[i];
      if (r.is_header || !r.category || *r.category != "ratio.solidity") continue;
      for (size_t c = 0; c < t.columns.size(); ++c) {
        if (!IsActualColumn(t.columns[c])) continue;
        const TableCell* cell = CellAt(t, static_cast<int>(i), static_cast<int>(c));
        // "Soliditet (%)" rows often print the bare number.
        if (!cell || !cell->present || !cell->parsed || cell->value < 0 || cell->value > 100) continue;
        int year = t.columns[c].year;
        std::optional<Where> eq = FindInStatements(tables, "equity", year);
        std::optional<Where> as = FindInStatements(tables, "assets.total", year);
        if (!eq || !as || eq->table != as->table) continue;
        const FinancialTable& bs = tables[eq->table];
        double e = static_cast<double>(CellAt(bs, eq->row, eq->col)->amount_sek);
        double a = static_cast<double>(CellAt(bs, as->row, as->col)->amount_sek);
        if (a <= 0) continue;
        double computed = 100.0 * e / a;
        // Printed as a whole percent: rounding plus one point.
        bool ok = std::fabs(computed - cell->value) <= 1.0 + 1e-9;
        Flag f = NewFlag(tables, static_cast<int>(ti), static_cast<int>(i), static_cast<int>(c), kRuleSolidity);
        f.cells.push_back({eq->table, eq->row, eq->col});
        f.cells.push_back({as->table, as->row, as->col});
        f.unit = "%";
        f.found = cell->value;
        f.expected = std::round(computed * 10) / 10;
        f.passed = ok;
        f.severity = ok ? kSeverityOk : kSeverityWarning;
        f.message = DescribeCell(t, static_cast<int>(i), static_cast<int>(c)) + " " + FormatPrinted(cell->value) +
                    " % " + (ok ? "agrees with " : "but ") + TrimLabel(bs.rows[eq->row].label) + " / " +
                    TrimLabel(bs.rows[as->row].label) + " " + std::to_string(year) + " = " +
                    CellAt(bs, eq->row, eq->col)->raw + " / " + CellAt(bs, as->row, as->col)->raw + " = " +
                    FormatPrinted(std::round(computed * 10) / 10) + " %";
        out->push_back(std::move(f));
      }
    }
  }
}

// Levenshtein distance ≤ 1, or one adjacent transposition.
bool OneEditApart(const std::string& a, const std::string& b) {
  if (a == b) return false;
  if (a.size() == b.size()) {
    std::vector<size_t> diff;
    for (size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) diff.push_back(i);
    if (diff.size() == 1) return true;
    return diff.size() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]];
  }
  const std::string& s = a.size() < b.size() ? a : b;
  const std::string& l = a.size() < b.size() ? b : a;
  if (l.size() != s.size() + 1) return false;
  size_t i = 0;
  while (i < s.size() && s[i] == l[i]) ++i;
  return s.compare(i, std::string::npos, l, i + 1, std::string::npos) == 0;
}

bool IsCureRule(const std::string& rule) {
  return rule == kRuleSumSection || rule == kRuleSumResult || rule == kRuleTotaltColumn || rule == kRuleAvvikelse || rule == kRuleAterstar ||
         rule == kRuleBalance || rule == kRuleCashTies;
}

// The number a cell prints if its digits are read as one figure, whatever
// their grouping: "-7 73" → -773, "−1 2 345" → -12345. Nothing when the
// cell holds anything but digits, spaces and a leading sign (letters read
// for digits are the repair solver's, extractors/number_repair.h).
std::optional<double> PrintedDigits(const std::string& raw) {
  std::string s = raw;
  bool negative = false;
  // A leading hyphen-minus or U+2212 MINUS SIGN.
  if (!s.empty() && s[0] == '-') {
    negative = true;
    s.erase(0, 1);
  } else if (s.rfind("\u2212", 0) == 0) {
    negative = true;
    s.erase(0, std::string("\u2212").size());
  }
  std::string digits;
  for (char c : s) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c != ' ') return std::nullopt;
  }
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  double v = std::stod(digits);
  return negative ? -v : v;
}

}  // namespace

bool IsOneMisprint(double from, double to) {
  if (std::fabs(from - std::round(from)) > 1e-9 || std::fabs(to - std::round(to)) > 1e-9) return false;
  long long f = std::llround(from), t = std::llround(to);
  // A lost sign is not taken: where the reader built a wrong constraint
  // (one row counted twice) flipping one term's sign "cures" it too often
  // (seen on a real report's resultaträkning).
  if (f == t || (f < 0) != (t < 0)) return false;
  return OneEditApart(std::to_string(std::llabs(f)), std::to_string(std::llabs(t)));
}

std::vector<Flag> CheckPeriods(const std::vector<FinancialTable>& tables) {
  std::vector<Flag> out;
  OverviewVsStatements(tables, &out);
  SolidityVsBalanceSheet(tables, &out);
  return out;
}

void SuggestOneCellCures(const std::vector<FinancialTable>& tables, std::vector<Flag>* flags) {
  std::map<int, std::vector<Constraint>> constraints;  // per table, computed once
  for (Flag& f : *flags) {
    if (f.passed || !IsCureRule(f.rule) || f.cells.empty()) continue;
    int ti = f.cells[0].table;
    if (ti < 0 || ti >= static_cast<int>(tables.size())) continue;
    const FinancialTable& t = tables[ti];
    if (!constraints.count(ti)) constraints[ti] = TableConstraints(t);
    const std::vector<Constraint>& cons = constraints[ti];
    // The constraint this flag reports: same rule, same checked cell.
    const Constraint* c = nullptr;
    for (const Constraint& k : cons)
      if (k.rule == f.rule && k.terms[0].row == f.cells[0].row && k.terms[0].col == f.cells[0].col) c = &k;
    if (!c) continue;
    std::optional<double> residual = Residual(t, *c);
    if (!residual || WithinTolerance(*c, *residual)) continue;
    std::optional<Term> cure;
    double cure_value = 0;
    int candidates = 0;
    for (const Term& term : c->terms) {
      const TableCell* cell = CellAt(t, term.row, term.col);
      if (!cell || !cell->present || !cell->parsed || cell->is_percent) continue;
      double found = *CellValue(t, term.row, term.col);
      double needed = ValueThatHolds(term, found, *residual);
      if (!IsOneMisprint(found, needed)) continue;
      // The cure must not break a check of the cell that holds now.
      bool keeps = true;
      for (const Constraint& other : cons) {
        if (&other == c) continue;
        if (!TermAt(other, term.row, term.col) || !Holds(t, other)) continue;
        std::optional<double> r2 = ResidualWithCellAs(t, other, term.row, term.col, needed);
        if (!r2 || !WithinTolerance(other, *r2)) keeps = false;
      }
      if (!keeps) continue;
      ++candidates;
      cure = term;
      cure_value = needed;
    }
    if (candidates != 1) continue;
    f.suggested_cell = FlagCell{ti, cure->row, cure->col};
    f.suggested_value = cure_value;
    const TableCell* cell = CellAt(t, cure->row, cure->col);
    f.message += "; one misprint explains it: " + DescribeCell(t, cure->row, cure->col) + " printed " + cell->raw +
                 ", the sum needs " + FormatPrinted(cure_value) + (t.unit.empty() ? "" : " " + t.unit);
    if (std::find(f.cells.begin(), f.cells.end(), *f.suggested_cell) == f.cells.end())
      f.cells.push_back(*f.suggested_cell);
  }
  // An unreadable cell the repair loaded with the value its sums need
  // (repair.derived: "no", or "-7 73" one misprint from −7 738): that value
  // is the cure to take, so that a reviewer takes it as for any other.
  for (Flag& f : *flags) {
    if (f.rule != "repair.derived" || f.cells.size() != 1 || f.suggested_value) continue;
    const FlagCell& at = f.cells[0];
    if (at.table < 0 || at.table >= static_cast<int>(tables.size())) continue;
    const TableCell* cell = CellAt(tables[at.table], at.row, at.col);
    if (!cell || !cell->present || !cell->parsed || cell->is_percent) continue;
    f.suggested_cell = at;
    f.suggested_value = cell->value;
  }
  // An unreadable cell ("-7 73") whose sums all need one value that its
  // printed digits are one misprint away from (-7 738), where the repair
  // left it unread (another figure of its sums in doubt).
  for (Flag& f : *flags) {
    if (f.rule != "repair.unreadable" || f.cells.empty() || f.suggested_value) continue;
    const FlagCell& at = f.cells[0];
    if (at.table < 0 || at.table >= static_cast<int>(tables.size())) continue;
    const FinancialTable& t = tables[at.table];
    const TableCell* cell = CellAt(t, at.row, at.col);
    if (!cell || !cell->present || cell->parsed || cell->is_percent) continue;
    std::optional<double> printed = PrintedDigits(cell->raw);
    if (!printed) continue;
    if (!constraints.count(at.table)) constraints[at.table] = TableConstraints(t);
    std::vector<const Constraint*> on_cell;
    for (const Constraint& c : constraints[at.table]) on_cell.push_back(&c);
    std::optional<double> needed = ValueTheChecksNeed(t, on_cell, at.row, at.col);
    if (!needed || !IsOneMisprint(*printed, *needed)) continue;
    f.suggested_cell = at;
    f.suggested_value = std::round(*needed);
    f.message += "; one misprint explains it: the sums need " + FormatPrinted(*f.suggested_value) +
                 (t.unit.empty() ? "" : " " + t.unit);
  }
}

}  // namespace finsam
