#include <re2/re2.h>

#include <algorithm>

#include "extractors/categories.h"
#include "extractors/table_grid.h"
#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

namespace finsam {
namespace {

bool IsDigitsOnly(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == ' '; });
}

bool IsAnnualReport(const std::string& doc_kind) {
  return doc_kind == "årsredovisning" || doc_kind == "delårsrapport" || doc_kind == "verksamhetsberättelse";
}

std::string TableKind(const std::string& title, const std::string& header_label,
                      const std::vector<TableColumn>& cols, const std::string& doc_kind) {
  std::string t = FoldKey(title + " " + header_label);
  if (RE2::PartialMatch(t, "resultatrakning"_re)) return "income_statement";
  if (RE2::PartialMatch(t, "balansrakning"_re)) return "balance_sheet";
  if (RE2::PartialMatch(t, "kassaflode"_re)) return "cash_flow";
  if (RE2::PartialMatch(t, "driftsredovisning"_re)) return "operating";
  if (RE2::PartialMatch(t, "balanskrav"_re)) return "balance_requirement";
  if (RE2::PartialMatch(FoldKey(header_label), "^insats"_re)) return "interventions";
  if (RE2::PartialMatch(t, "^not \\d|\\bnot \\d+\\."_re)) return "note";
  if (RE2::PartialMatch(t, "oversikt|fem ar|femarsoversikt|flerarsoversikt"_re)) return "overview";
  int years = 0;
  for (const TableColumn& c : cols) years += c.year != 0;
  if (years >= 4 && IsAnnualReport(doc_kind)) return "overview";
  if (RE2::PartialMatch(t, "budget"_re) || doc_kind == "verksamhetsplan" || doc_kind == "budget") return "budget";
  return "other";
}

// Section names that open a section when they stand alone in a row.
bool IsSectionWord(const std::string& folded) {
  static const RE2 kSection(
      "^(intakter|kostnader|tillgangar|anlaggningstillgangar|omsattningstillgangar|eget kapital och skulder|"
      "skulder|avsattningar|langfristiga skulder|kortfristiga skulder|finansiella poster|"
      "den lopande verksamheten|investeringsverksamheten|finansieringsverksamheten|rorelsekapital)$");
  return RE2::FullMatch(folded, kSection);
}

bool IsTotalLabel(const std::string& folded) {
  static const RE2 kTotal("^(summa|s:a|totalt|total|summa totalt)\\b");
  return RE2::PartialMatch(folded, kTotal);
}

std::string SentenceCase(const std::string& s) {
  // "EGET KAPITAL OCH SKULDER" → "Eget kapital och skulder"; mixed case kept.
  std::string upper = ToUpper(s);
  if (s != upper) return s;
  std::string lower = ToLower(s);
  // Upper-case the first code point.
  size_t len = lower.empty() ? 0 : SequenceLength(lower, 0);
  return ToUpper(lower.substr(0, len)) + lower.substr(len);
}

}  // namespace

std::string CleanCellText(const std::string& s) {
  std::string out = s;
  static const RE2 kTag("</?[a-zA-Z][^>]*>");
  RE2::GlobalReplace(&out, kTag, " ");
  static const RE2 kMd("^\\s*#+\\s*");
  RE2::Replace(&out, kMd, "");
  static const RE2 kStars("\\*+");
  RE2::GlobalReplace(&out, kStars, "");
  static const RE2 kSpaces("[ \\t\\x{00a0}]+");
  RE2::GlobalReplace(&out, kSpaces, " ");
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

bool IsNumberedHeading(const std::string& text) {
  static const RE2 kNumbered("^(\\d+(\\.\\d+)*\\.?\\s|[Nn]ot \\d)");
  return RE2::PartialMatch(text, kNumbered);
}

bool IsTableHeading(const std::string& text) {
  static const RE2 kNumbered("^(\\d+(\\.\\d+)*\\.?\\s+\\pL|not \\d|bilaga \\d)");
  static const RE2 kTableWord(
      "(budget|resultatrakning|balansrakning|kassaflode|driftsredovisning|oversikt|balanskrav|noter?\\b)");
  if (text.size() > 100) return false;
  std::string f = FoldKey(text);
  return RE2::PartialMatch(f, kNumbered) || (text.size() < 60 && RE2::PartialMatch(f, kTableWord));
}

bool IsYearToken(const std::string& token) {
  static const RE2 kYear("(19[5-9]\\d|20\\d\\d),?");
  return RE2::FullMatch(token, kYear);
}

bool IsHeaderToken(const std::string& token) {
  static const RE2 kHeader(
      "(?i)((19[5-9]\\d|20\\d\\d)(-\\d\\d(-(\\d\\d)?)?)?,?|-(19|20)\\d\\d(-\\d\\d(-(\\d\\d)?)?)?|utfall|budget|plan|"
      "prognos|avvikelse|totalt|bokslut)");
  return RE2::FullMatch(token, kHeader);
}

TableColumn ParseColumnHeader(const std::string& header, const std::string& doc_kind) {
  TableColumn col;
  col.header = CleanCellText(header);
  // Dates wrapped inside a cell: "2020-12- 31" → "2020-12-31".
  std::string h = col.header;
  static const RE2 kBrokenDate("(\\d{4}-\\d\\d-) (\\d\\d)");
  RE2::GlobalReplace(&h, kBrokenDate, "\\1\\2");
  std::string f = FoldKey(h);
  static const RE2 kYear("(?:^|[^\\d])((?:19[5-9]|20\\d)\\d)(?:$|[^\\d])");
  // The last year in the header ("2020-01-01 -2020-12-31" → 2020, "Utfall 2019" → 2019).
  re2::StringPiece in(f);
  int year = 0, y = 0;
  while (RE2::FindAndConsume(&in, "((?:19[5-9]|20\\d)\\d)"_re, &y)) year = y;
  col.year = year;
  if (f == "not" || f == "not.") {
    col.kind = ColumnKind::kNote;
    col.year = 0;
  } else if (RE2::PartialMatch(f, "avvikelse|differens"_re)) {
    col.kind = ColumnKind::kAvvikelse;
  } else if (RE2::PartialMatch(f, "andel|forbrukade medel|%"_re)) {
    col.kind = ColumnKind::kAndel;
  } else if (RE2::PartialMatch(f, "prognos"_re)) {
    col.kind = ColumnKind::kPrognos;
  } else if (RE2::PartialMatch(f, "utfall|bokslut|redovisat"_re)) {
    col.kind = ColumnKind::kUtfall;
  } else if (RE2::PartialMatch(f, "budget"_re)) {
    col.kind = ColumnKind::kBudget;
  } else if (RE2::PartialMatch(f, "\\bplan\\b"_re)) {
    col.kind = ColumnKind::kPlan;
  } else if (RE2::PartialMatch(f, "^(totalt|total|summa)"_re)) {
    col.kind = ColumnKind::kTotalt;
    col.year = 0;
  } else if (year != 0) {
    // Bare year or date: an annual report's columns are outcomes; a plan's
    // are budget/plan years (decided per table in InterpretGrid).
    static const RE2 kBare("^((19|20)\\d\\d(-\\d\\d(-(\\d\\d)?)?)?\\s*-?\\s*)+,?( tkr| mkr| kr)?$");
    if (RE2::FullMatch(f, kBare)) col.kind = IsAnnualReport(doc_kind) ? ColumnKind::kUtfall : ColumnKind::kBudget;
  }
  return col;
}

bool InterpretGrid(const Grid& grid, const TableContext& ctx, FinancialTable* out) {
  FinancialTable t;
  t.title = CleanCellText(grid.title);
  t.page = grid.page;
  t.last_page = grid.last_page ? grid.last_page : grid.page;
  t.confidence = grid.confidence;
  std::vector<int> keep;  // grid column index for each kept column
  bool any_value_column = false;
  for (size_t i = 0; i < grid.headers.size(); ++i) {
    TableColumn c = ParseColumnHeader(grid.headers[i], ctx.doc_kind);
    if (c.kind == ColumnKind::kUnknown) continue;  // text columns (Kommentarer)
    if (c.kind != ColumnKind::kNote && (c.year != 0 || c.kind != ColumnKind::kUnknown)) any_value_column = true;
    keep.push_back(static_cast<int>(i));
    t.columns.push_back(c);
  }
  if (!any_value_column) return false;
  // A plan's bare-year columns: the first year is the budget, later ones plan.
  if (!IsAnnualReport(ctx.doc_kind)) {
    bool first = true;
    for (size_t i = 0; i < t.columns.size(); ++i) {
      TableColumn& c = t.columns[i];
      std::string f = FoldKey(c.header);
      bool bare = c.kind == ColumnKind::kBudget && !RE2::PartialMatch(f, "budget"_re);
      if (!bare) continue;
      if (!first) c.kind = ColumnKind::kPlan;
      first = false;
    }
  }
  // Avvikelse without a year takes the year of the column before it.
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].kind == ColumnKind::kAvvikelse && t.columns[i].year == 0) {
      for (size_t j = i; j-- > 0;)
        if (t.columns[j].year) {
          t.columns[i].year = t.columns[j].year;
          break;
        }
    }
  }
  t.table_kind = TableKind(t.title, grid.header_label, t.columns, ctx.doc_kind);

  // Unit: title, then the label header, then column headers, then the
  // document's statement, else tkr with lower confidence.
  std::optional<MoneyUnit> unit = DetectMoneyUnit(t.title);
  if (!unit) unit = DetectMoneyUnit(grid.header_label);
  for (const TableColumn& c : t.columns)
    if (!unit) unit = DetectMoneyUnit(c.header);
  if (!unit && !ctx.default_unit.empty()) unit = DetectMoneyUnit(ctx.default_unit);
  double unit_conf = 1.0;
  if (!unit) {
    unit = MoneyUnit{"tkr", 1000};
    unit_conf = 0.7;
  }
  t.unit = unit->unit;
  t.scale = unit->scale;

  std::string top_section, sub_section;
  if (IsSectionWord(FoldKey(CleanCellText(grid.header_label))))
    top_section = SentenceCase(CleanCellText(grid.header_label));
  for (const GridRow& gr : grid.rows) {
    TableRow row;
    row.label = CleanCellText(gr.label);
    row.prov = gr.prov;
    row.raw_numbers = gr.raw_numbers;
    row.groupings = gr.groupings;
    row.doubt_rule = gr.doubt_rule;
    row.doubt = gr.doubt;
    std::string folded = FoldKey(row.label);
    bool has_values = false;
    for (int k : keep)
      if (k < static_cast<int>(gr.cells.size()) && gr.cells[k].present) has_values = true;
    if (gr.repeated_header) {
      // "Kostnader 2020 2021 2022": starts a new top-level section.
      if (!row.label.empty() && !IsDigitsOnly(row.label)) {
        top_section = SentenceCase(row.label);
        sub_section.clear();
      }
      continue;
    }
    if (!has_values) {
      if (row.label.empty()) continue;
      // A label-only row opens a section.
      std::string name = SentenceCase(row.label);
      bool top = IsSectionWord(folded) && (folded == "intakter" || folded == "kostnader" || folded == "tillgangar" ||
                                           folded == "eget kapital och skulder" || folded == "skulder");
      if (top || ToUpper(row.label) == row.label) {
        top_section = name;
        sub_section.clear();
      } else if (IsSectionWord(folded)) {
        sub_section = name;
      }
      // Any other label-only row is an empty line item ("Finansiella
      // intäkter" with no figures); it produces no facts.
      continue;
    }
    row.section = sub_section.empty() ? top_section : top_section.empty() ? sub_section : top_section + " / " + sub_section;
    row.is_total = IsTotalLabel(folded);
    // Results stand outside the income/cost sections.
    static const RE2 kResult("^(arets |periodens )?resultat$");
    if (RE2::FullMatch(folded, kResult)) row.section.clear();
    CategoryInput ci{row.label, row.section, t.table_kind, t.title, row.is_total};
    row.category = Categorize(ci);
    bool monetary = !(row.category && IsNonMonetaryCategory(*row.category));
    for (size_t ci_idx = 0; ci_idx < keep.size(); ++ci_idx) {
      int k = keep[ci_idx];
      TableCell cell;
      if (k < static_cast<int>(gr.cells.size()) && gr.cells[k].present) {
        const GridCell& g = gr.cells[k];
        cell.present = true;
        cell.raw = g.text;
        cell.prov = g.prov;
        cell.prov.raw_text = g.text;
        cell.prov.confidence *= unit_conf;
        std::optional<SwedishNumber> n = ParseSwedishNumber(g.text);
        if (n && n->is_nil) {
          cell.value = 0;
          cell.amount_sek = 0;
        } else if (n) {
          cell.value = n->value;
          cell.is_percent = n->is_percent;
          cell.amount_sek = (n->is_percent || !monetary) ? 0 : ToKronor(n->value, t.scale);
        } else {
          cell.parsed = false;
          cell.status = "suspect";
          cell.prov.confidence *= 0.3;
        }
        if (gr.groupings > 1 || !gr.doubt_rule.empty()) {
          cell.status = "suspect";
          cell.prov.confidence *= 0.5;
        }
      }
      row.cells.push_back(std::move(cell));
    }
    row.monetary = monetary;
    t.rows.push_back(std::move(row));
  }
  if (t.rows.empty()) return false;
  *out = std::move(t);
  return true;
}

}  // namespace finsam
