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

std::string Trim(const std::string& s) { return TrimLabel(s); }

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

std::string KindLabel(const TableColumn& c) {
  std::string k = ColumnKindName(c.kind);
  if (!k.empty()) k[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(k[0])));
  if (c.year) k += " " + std::to_string(c.year);
  return k;
}

}  // namespace

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
  double found = *CellValue(t, head.row, head.col);
  double expected = ValueThatHolds(head, found, residual);
  f.found = std::llround(found * t.scale);
  f.expected = std::llround(expected * t.scale);
  bool ok = WithinTolerance(c, residual);
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
    if (const Term* empty = LoneEmptyTerm(t, c)) {
      f.message += "; " + DescribeCell(t, empty->row, empty->col) + " is empty — if a figure was lost there it is " +
                   FormatPrinted(ValueThatHolds(*empty, 0, residual)) + unit;
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

int NoteColumn(const FinancialTable& t) {
  int note_col = -1;
  for (size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].kind == ColumnKind::kNote) note_col = static_cast<int>(c);
  return note_col;
}

// The notes a row cites ("14, 16" → "14,16"), "" for none or a Summa row.
std::string CitedNotes(const FinancialTable& t, int row, int note_col) {
  const TableCell* nc = CellAt(t, row, note_col);
  if (!nc || !nc->present || IsSumLabel(t.rows[row].label)) return "";
  std::string key;
  for (int n : NoteNumbers(nc->raw)) key += (key.empty() ? "" : ",") + std::to_string(n);
  return key;
}

void CheckNoteRefs(const std::vector<FinancialTable>& tables, std::vector<Flag>* out) {
  // Rows of one statement (a balansräkning may be read as two tables) that
  // cite the same note: a loan note's Summa is the long-term and the
  // short-term line together, so those rows are compared as one sum.
  struct At {
    int table, row;
  };
  std::map<std::pair<std::string, std::string>, std::vector<At>> cited;
  for (size_t ti = 0; ti < tables.size(); ++ti) {
    int note_col = NoteColumn(tables[ti]);
    if (note_col < 0) continue;
    for (int i = 0; i < static_cast<int>(tables[ti].rows.size()); ++i)
      if (std::string n = CitedNotes(tables[ti], i, note_col); !n.empty())
        cited[{tables[ti].table_kind, n}].push_back({static_cast<int>(ti), i});
  }
  for (size_t ti = 0; ti < tables.size(); ++ti) {
    const FinancialTable& t = tables[ti];
    int note_col = NoteColumn(t);
    if (note_col < 0) continue;
    for (int i = 0; i < static_cast<int>(t.rows.size()); ++i) {
      const TableCell* nc = CellAt(t, i, note_col);
      if (!nc || !nc->present) continue;
      std::vector<int> notes = NoteNumbers(nc->raw);
      if (notes.empty()) continue;
      std::vector<At> group{{static_cast<int>(ti), i}};
      if (std::string n = CitedNotes(t, i, note_col); !n.empty()) {
        const std::vector<At>& g = cited[{t.table_kind, n}];
        if (g.size() > 1) {
          if (g[0].table != static_cast<int>(ti) || g[0].row != i) continue;  // checked at the group's first row
          group = g;
        }
      }
      int nt = NoteTable(tables, notes[0]);
      if (nt < 0 || nt == static_cast<int>(ti)) continue;
      const FinancialTable& note = tables[nt];
      int sum_row = LastSumRow(note);
      if (sum_row < 0) continue;
      for (size_t c = 0; c < t.columns.size(); ++c) {
        if (!IsAmountColumn(t.columns[c]) || !t.columns[c].year || !CellPresent(t, i, static_cast<int>(c))) continue;
        for (size_t nc2 = 0; nc2 < note.columns.size(); ++nc2) {
          if (note.columns[nc2].year != t.columns[c].year || !IsAmountColumn(note.columns[nc2])) continue;
          if (!CellPresent(note, sum_row, static_cast<int>(nc2))) continue;
          // The group's sum in kronor, each row through its own table's column of that year.
          double v = 0.0;  // the group's sum; complete unless a row lacks the year
          bool complete = true;
          std::vector<FlagCell> parts;
          for (const At& a : group) {
            const FinancialTable& gt = tables[a.table];
            int gc = -1;
            for (size_t k = 0; k < gt.columns.size() && gc < 0; ++k)
              if (gt.columns[k].year == t.columns[c].year && gt.columns[k].kind == t.columns[c].kind) gc = static_cast<int>(k);
            std::optional<double> gv = gc < 0 ? std::nullopt : CellValue(gt, a.row, gc);
            if (!gv) complete = false;
            else v += *gv * gt.scale;
            if (gc >= 0 && !(a.table == static_cast<int>(ti) && a.row == i)) parts.push_back({a.table, a.row, gc});
          }
          auto nv = CellValue(note, sum_row, static_cast<int>(nc2));
          if (!complete || !nv) continue;
          Flag f = BaseFlag(tables, static_cast<int>(ti), i, static_cast<int>(c), kRuleNoteRef);
          for (const FlagCell& p : parts) f.cells.push_back(p);
          f.cells.push_back({nt, sum_row, static_cast<int>(nc2)});
          f.found = std::llround(v);
          f.expected = std::llround((v < 0 ? -std::fabs(*nv) : std::fabs(*nv)) * note.scale);
          f.year = t.columns[c].year;
          bool ok = std::fabs(std::fabs(v) - std::fabs(*nv * note.scale)) <= std::max(t.scale, note.scale) + 1e-6;
          // A note whose last Summa is another quantity (the acquisition
          // value above the closing book value, all loans where the line is
          // the long-term part) still confirms the line when one of its rows
          // prints the same figure ("Utgående redovisat värde").
          // So does the line on its own when two lines citing one note
          // were summed (the note shows the long-term part only).
          int same_row = -1;
          std::optional<double> own = CellValue(t, i, static_cast<int>(c));
          for (double want : {v, own ? *own * t.scale : v}) {
            for (int nr = 0; !ok && nr < static_cast<int>(note.rows.size()); ++nr) {
              std::optional<double> rv = CellValue(note, nr, static_cast<int>(nc2));
              if (!rv || *rv == 0) continue;
              if (std::fabs(std::fabs(want) - std::fabs(*rv * note.scale)) <= std::max(t.scale, note.scale) + 1e-6) {
                ok = true;
                same_row = nr;
              }
            }
          }
          if (same_row >= 0) {
            f.cells.back() = {nt, same_row, static_cast<int>(nc2)};
            nv = CellValue(note, same_row, static_cast<int>(nc2));
            f.expected = std::llround((v < 0 ? -std::fabs(*nv) : std::fabs(*nv)) * note.scale);
          }
          f.passed = ok;
          f.severity = ok ? kSeverityOk : kSeverityWarning;
          std::string what = DescribeCell(t, i, static_cast<int>(c));
          for (const FlagCell& p : parts) what += " + " + Trim(tables[p.table].rows[p.row].label);
          f.message = what + " " + FormatPrinted(v / t.scale) + " " + (ok ? "agrees with " : "differs from ") +
                      Trim(note.title) + " " + Trim(note.rows[same_row >= 0 ? same_row : sum_row].label) + " " + FormatPrinted(*nv);
          out->push_back(std::move(f));
          break;
        }
      }
    }
  }
}

// The Summa a figure is a part of, in kronor: the checked figure of the
// table's sum.section constraint that has (row, col) among its parts;
// nullopt when none does.
std::optional<double> EnclosingSum(const FinancialTable& t, const std::vector<Constraint>& cons, int row, int col) {
  for (const Constraint& c : cons) {
    if (c.rule != kRuleSumSection || c.terms.empty()) continue;
    for (size_t k = 1; k < c.terms.size(); ++k) {
      if (c.terms[k].row != row || c.terms[k].col != col) continue;
      std::optional<double> v = CellValue(t, c.terms[0].row, c.terms[0].col);
      if (v) return *v * RowScale(t, t.rows[c.terms[0].row]);
    }
  }
  return std::nullopt;
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
      // "Resultat efter finansiella poster, tkr" in a flerårsöversikt is the
      // resultaträkning's row: the unit suffix is not part of the name.
      static const RE2 kUnitSuffix("[ ,]*(\\(?(tkr|mkr|mnkr|kr|tsek|msek|sek)\\)?|i (tkr|mkr|kr))$");
      RE2::Replace(&label, kUnitSuffix, "");
      if (r.is_header || !r.monetary || label.size() < 6 || IsSumLabel(r.label) || IsVaravLabel(r.label)) continue;
      if (t.unit.empty() && !r.scale) continue;  // unit unknown: flagged once as unit.unknown
      for (size_t c = 0; c < t.columns.size(); ++c) {
        const TableColumn& col = t.columns[c];
        int kc = KindClass(col.kind);
        if (!col.year || !kc || !CellPresent(t, i, static_cast<int>(c)) || !CellValue(t, i, static_cast<int>(c))) continue;
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
  std::map<int, std::vector<Constraint>> cons;  // table → its constraints, when needed
  auto constraints = [&](int ti) -> const std::vector<Constraint>& {
    auto it = cons.find(ti);
    if (it == cons.end()) it = cons.emplace(ti, TableConstraints(tables[ti])).first;
    return it->second;
  };
  for (const auto& [key, where] : seen) {
    for (size_t a = 1; a < where.size(); ++a) {
      const Where& x = where[0];
      const Where& y = where[a];
      const FinancialTable& tx = tables[x.table];
      const FinancialTable& ty = tables[y.table];
      // Kronor through each row's own scale ("Nettoomsättning, tkr" in a
      // table of kr/m² rows).
      int64_t sx = RowScale(tx, tx.rows[x.row]), sy = RowScale(ty, ty.rows[y.row]);
      // Parts of two different wholes are two items that share a name
      // ("Övriga intäkter" under a note's Summa 4 564 and under another
      // note's Summa 166), not one figure printed twice.
      std::optional<double> wx = EnclosingSum(tx, constraints(x.table), x.row, x.col);
      std::optional<double> wy = EnclosingSum(ty, constraints(y.table), y.row, y.col);
      if (wx && wy && std::fabs(*wx - *wy) > std::max(sx, sy) / 2.0 + 1 + 1e-6) continue;
      double vx = *CellValue(tx, x.row, x.col) * sx;
      double vy = *CellValue(ty, y.row, y.col) * sy;
      Flag f = BaseFlag(tables, y.table, y.row, y.col, kRuleSameFigure);
      f.cells.push_back({x.table, x.row, x.col});
      f.found = std::llround(vy);
      f.expected = std::llround(vx);
      // Rounding: a figure printed in tkr is within half a unit of the kronor.
      bool ok = std::fabs(vx - vy) <= std::max(sx, sy) / 2.0 + 1 + 1e-6;
      f.passed = ok;
      f.severity = ok ? kSeverityOk : kSeverityWarning;
      f.message = DescribeCell(ty, y.row, y.col) + " (" + Trim(ty.title) + ") " + FormatPrinted(vy / sy) + " " +
                  ScaleUnitName(sy) + (ok ? " agrees with " : " differs from ") + Trim(tx.title) + " " +
                  FormatPrinted(vx / sx) + " " + ScaleUnitName(sx);
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
      auto uv = CellValue(t, i, u), bv = CellValue(t, i, b);
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

// One flag per document for the tables whose unit nothing printed or
// inferable says (their money cells were loaded suspect, read as tkr or,
// printed to the krona, as kr): one
// cause, one flag to read, listing the tables.
void CheckUnits(const std::vector<FinancialTable>& tables, std::vector<Flag>* out) {
  Flag f;
  std::string list;
  int n_tables = 0, n_cells = 0;
  for (size_t ti = 0; ti < tables.size(); ++ti) {
    const FinancialTable& t = tables[ti];
    if (!t.unit.empty()) continue;
    int first = -1, n = 0;
    for (size_t i = 0; i < t.rows.size(); ++i) {
      if (!t.rows[i].monetary || t.rows[i].scale) continue;
      for (const TableCell& c : t.rows[i].cells) n += c.present && !c.is_percent;
      if (first < 0) first = static_cast<int>(i);
    }
    if (first < 0 || n == 0) continue;
    int col = -1;  // the first figure of the table's first money row, so the flag shows a fact
    for (size_t c = 0; c < t.rows[first].cells.size() && col < 0; ++c)
      if (t.rows[first].cells[c].present) col = static_cast<int>(c);
    if (n_tables == 0) f = BaseFlag(tables, static_cast<int>(ti), first, col, kRuleUnitUnknown);
    else f.cells.push_back({static_cast<int>(ti), first, col});
    ++n_tables;
    n_cells += n;
    if (!list.empty()) list += ", ";
    list += (Trim(t.title).empty() ? "(untitled)" : "\"" + Trim(t.title) + "\"") + " p." + std::to_string(t.page) +
            (t.scale == 1 ? " (read as kr: its figures are printed to the krona)" : " (read as tkr)");
  }
  if (n_tables == 0) return;
  f.key = kRuleUnitUnknown;
  f.severity = kSeverityWarning;
  f.passed = false;
  f.message = std::to_string(n_tables) + (n_tables == 1 ? " table has" : " tables have") +
              " no unit printed (title, header, column, document) and none follows from the document's other tables; " +
              "their " + std::to_string(n_cells) + " figures are loaded suspect: " + list;
  out->push_back(std::move(f));
}

}  // namespace

std::vector<Flag> CheckDocument(const std::vector<FinancialTable>& tables) {
  std::vector<Flag> out;
  CheckUnits(tables, &out);
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

namespace finsam {

int CategorizeUnlabeledTotals(const std::vector<Flag>& checks, std::vector<FinancialTable>* tables,
                              std::vector<Flag>* flags) {
  int named = 0;
  for (size_t ti = 0; ti < tables->size(); ++ti) {
    FinancialTable& t = (*tables)[ti];
    for (size_t ri = 0; ri < t.rows.size(); ++ri) {
      TableRow& row = t.rows[ri];
      if (!Trim(row.label).empty() || row.category || row.doubt_rule != "read.unlabeled") continue;
      // The sum checks with this row as their total, per column.
      std::set<int> held, failed;
      std::set<int> parts;
      for (const Flag& f : checks) {
        if ((f.rule != kRuleSumSection && f.rule != kRuleSumResult) || f.cells.empty()) continue;
        const FlagCell& total = f.cells.front();
        if (total.table != static_cast<int>(ti) || total.row != static_cast<int>(ri)) continue;
        if (!f.passed) {
          failed.insert(total.col);
          continue;
        }
        held.insert(total.col);
        for (size_t k = 1; k < f.cells.size(); ++k) parts.insert(f.cells[k].row);
      }
      if (held.empty() || !failed.empty()) continue;
      bool every_figure = true;
      for (size_t c = 0; c < row.cells.size(); ++c)
        if (row.cells[c].present && row.cells[c].parsed && !row.cells[c].is_percent)
          every_figure = every_figure && held.count(static_cast<int>(c)) > 0;
      if (!every_figure) continue;
      int income = 0, cost = 0, other = 0;
      for (int p : parts) {
        if (p < 0 || p >= static_cast<int>(t.rows.size())) continue;
        const TableRow& part = t.rows[p];
        if (!part.category) {
          if (!Trim(part.label).empty()) ++other;  // a label no category names: say nothing
          continue;
        }
        if (part.category->rfind("income", 0) == 0) ++income;
        else if (part.category->rfind("cost", 0) == 0) ++cost;
        else ++other;
      }
      if (other > 0 || income + cost < 2) continue;
      const std::string category = income && cost ? "result" : income ? "income.total" : "cost.total";
      bool taken = false;
      for (const TableRow& r : t.rows) taken = taken || (r.category && *r.category == category);
      if (taken) continue;
      row.category = category;
      ++named;
      Flag f;
      f.rule = "read.unlabeled_total";
      f.severity = kSeverityWarning;
      f.message = "a line of figures whose label OCR lost is the sum of the " + std::to_string(parts.size()) +
                  " rows above it in every column: read as category " + category + ", its label still unread";
      f.page = row.prov.page;
      f.source_text = row.prov.raw_text;
      for (size_t c = 0; c < row.cells.size(); ++c)
        if (row.cells[c].present) f.cells.push_back({static_cast<int>(ti), static_cast<int>(ri), static_cast<int>(c)});
      f.key = f.rule + "|t" + std::to_string(ti) + "|r" + std::to_string(ri);
      flags->push_back(std::move(f));
    }
  }
  return named;
}

}  // namespace finsam
