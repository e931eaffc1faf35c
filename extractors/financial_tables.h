// Financial tables from the document's layout: budget tables, the five-year
// overview, resultaträkning, balansräkning, kassaflödesanalys,
// driftsredovisning, noter and the insatser outcome table.
//
// Works on positioned words (PDF text layer, OCR: BoxUnit::kPoint) by column
// alignment of numeric words, and on plain-text lines (BoxUnit::kCharCell) by
// tab-separated cells or space-separated tokens. Both paths produce the same
// FinancialTable records (pipeline/extraction.h).
#ifndef FINSAM_EXTRACTORS_FINANCIAL_TABLES_H_
#define FINSAM_EXTRACTORS_FINANCIAL_TABLES_H_

#include <vector>

#include "pipeline/extraction.h"

namespace finsam {

std::vector<FinancialTable> ExtractFinancialTables(const Document& doc);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_FINANCIAL_TABLES_H_
