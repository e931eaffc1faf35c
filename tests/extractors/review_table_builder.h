// Test helper: builds FinancialTable values from printed text, the way the
// table reader would (cells parsed with the Swedish number lexer; a cell that
// does not parse keeps its raw text with parsed = false, status "suspect").
#ifndef FINSAM_TESTS_EXTRACTORS_REVIEW_TABLE_BUILDER_H_
#define FINSAM_TESTS_EXTRACTORS_REVIEW_TABLE_BUILDER_H_

#include <string>
#include <utility>
#include <vector>

#include "model/extraction.h"
#include "normalizers/swedish_number.h"

namespace finsam::testing {

struct ColSpec {
  std::string header;
  int year = 0;
  ColumnKind kind = ColumnKind::kBudget;
};

struct RowSpec {
  std::string label;
  std::vector<std::string> cells;  // "" = empty cell; no cells = a heading row
  std::string raw_numbers = "";
  int groupings = 1;
};

inline TableCell MakeCell(const std::string& raw, int64_t scale, int page = 1) {
  TableCell c;
  if (raw.empty()) return c;
  c.present = true;
  c.raw = raw;
  c.prov.page = page;
  c.prov.raw_text = raw;
  std::optional<SwedishNumber> n = ParseSwedishNumber(raw);
  if (!n) {
    c.parsed = false;
    c.status = "suspect";
    return c;
  }
  c.value = n->value;
  c.is_percent = n->is_percent;
  c.amount_sek = n->is_percent ? 0 : ToKronor(n->value, scale);
  return c;
}

inline FinancialTable MakeTable(const std::vector<ColSpec>& cols, const std::vector<RowSpec>& rows,
                                const std::string& title = "Budget", const std::string& kind = "budget",
                                int64_t scale = 1000) {
  FinancialTable t;
  t.title = title;
  t.table_kind = kind;
  t.unit = scale == 1000 ? "tkr" : "kr";
  t.scale = scale;
  t.page = t.last_page = 1;
  for (const ColSpec& c : cols) t.columns.push_back({c.header, c.year, c.kind, /*period=*/""});
  int line = 0;
  for (const RowSpec& r : rows) {
    TableRow row;
    row.label = r.label;
    row.prov.page = 1;
    row.prov.line_index = line++;
    row.raw_numbers = r.raw_numbers;
    row.groupings = r.groupings;
    for (size_t i = 0; i < cols.size(); ++i) {
      row.cells.push_back(MakeCell(i < r.cells.size() ? r.cells[i] : "", scale));
      if (r.groupings > 1 && row.cells.back().present) row.cells.back().status = "suspect";
    }
    if (r.raw_numbers.empty()) {
      for (const std::string& c : r.cells)
        if (!c.empty()) row.raw_numbers += (row.raw_numbers.empty() ? "" : " ") + c;
    }
    row.is_total = r.label.rfind("Summa", 0) == 0;
    t.rows.push_back(std::move(row));
  }
  return t;
}

// The three-year budget columns of the Gävleborg plan.
inline std::vector<ColSpec> BudgetYears() {
  return {{"2020", 2020, ColumnKind::kBudget}, {"2021", 2021, ColumnKind::kPlan}, {"2022", 2022, ColumnKind::kPlan}};
}

// Corpus tables, hand-checked against the received texts; shared by the
// arithmetic, check and repair tests.

// Gävleborg, Verksamhetsplan och budget 2020-2022, "Budget 2020-2022, tkr".
inline FinancialTable GavleborgPlan(const std::string& summa2021 = "13 320") {
  return MakeTable(BudgetYears(), {{"Intäkter", {}},
                                   {"Försäkringskassan/Arbetsförmedling", {"6 660", "6 660", "6 660"}},
                                   {"Region Gävleborg", {"3330", "3330", "3330"}},
                                   {"Kommunerna", {"3330", "3330", "3330"}},
                                   {"Summa intäkter", {"13 320", "13 320", "13 320"}},
                                   {"Kostnader", {}},
                                   {"Insatsmedel", {"15 300", "9 808", "9748"}},
                                   {"Varav redan beviljat", {"10 800"}},
                                   {"varav tillgängligt för nya insatser", {"4470"}},
                                   {"Personalkostnader", {"2 906", "2912", "2972"}},
                                   {"Övriga externa kostnader", {"600", "600", "600"}},
                                   {"Summa", {"18 806", summa2021, "13 320"}}});
}

// Gävleborg årsredovisning 2020, Driftsredovisning (costs printed negative).
inline FinancialTable GavleborgDriftsredovisning() {
  std::vector<ColSpec> cols = {{"Utfall 2020", 2020, ColumnKind::kUtfall},
                               {"Budget 2020", 2020, ColumnKind::kBudget},
                               {"Avvikelse utfall- budget", 2020, ColumnKind::kAvvikelse},
                               {"Utfall 2019", 2019, ColumnKind::kUtfall}};
  return MakeTable(cols, {{"Intäkter/bidrag", {"13 401", "13 320", "81", "13 319"}},
                          {"Kostnader", {"-13 616", "-18 806", "5 190", "-8 432"}},
                          {"Resultat", {"-215", "-5 486", "5 271", "4 887"}},
                          {"Eget kapital", {"6 630", "", "", "6 845"}},
                          {"Likvida medel", {"10 087", "", "", "9 054"}}},
                   "Driftsredovisning", "operating");
}

// Gävleborg årsredovisning 2020, Balansräkning.
inline FinancialTable GavleborgBalansrakning() {
  std::vector<ColSpec> cols = {{"2020", 2020, ColumnKind::kUtfall}, {"2019", 2019, ColumnKind::kUtfall}};
  return MakeTable(cols, {{"TILLGÅNGAR", {}},
                          {"Kortfristiga fordringar", {"132", "136"}},
                          {"Kassa och bank", {"10 087", "9 054"}},
                          {"Summa tillgångar", {"10 219", "9 190"}},
                          {"EGET KAPITAL OCH SKULDER", {}},
                          {"Eget kapital", {"6 630", "6 845"}},
                          {"Kortfristiga skulder", {"3 589", "2 345"}},
                          {"Summa eget kapital och skulder", {"10 219", "9 190"}}},
                   "Balansräkning", "balance_sheet");
}

}  // namespace finsam::testing

#endif  // FINSAM_TESTS_EXTRACTORS_REVIEW_TABLE_BUILDER_H_
