// Financial tables from the document's layout: budget tables, the five-year
// overview, resultaträkning, balansräkning, kassaflödesanalys,
// driftsredovisning, noter and the insatser outcome table.
//
// Works on positioned words (PDF text layer, OCR: BoxUnit::kPoint) by column
// alignment of numeric words, and on plain-text lines (BoxUnit::kCharCell) by
// tab-separated cells or space-separated tokens. Both paths produce the same
// FinancialTable records (model/extraction.h).
#ifndef FINSAM_EXTRACTORS_FINANCIAL_TABLES_H_
#define FINSAM_EXTRACTORS_FINANCIAL_TABLES_H_

#include <string>
#include <vector>

#include "model/extraction.h"

namespace finsam {

std::vector<FinancialTable> ExtractFinancialTables(const Document& doc);

// One warning flag per group of cells the table reader left in doubt
// (TableCell::doubt_rule: "layout.ambiguous", "layout.unchecked"); cells
// index `tables`. The check stage adds them to the document's flags.
std::vector<Flag> ReadingFlags(const std::vector<FinancialTable>& tables);

// One line per fact, tab-separated, for golden files and debugging:
// table_kind, title, unit, page, section, label, category, is_total,
// year, column_kind, raw, amount_sek (or "NULL"), status.
std::string FactsTsv(const std::vector<FinancialTable>& tables);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_FINANCIAL_TABLES_H_
