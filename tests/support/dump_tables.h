// The financial tables finsam's readers find in an OCR text dump given as a
// string: the dump reader and the table interpretation only (no diacritic
// repair, no repair by the sums), as the reader tests need them; and the
// columns of a table in a form a test can compare.
#ifndef FINSAM_TESTS_SUPPORT_DUMP_TABLES_H_
#define FINSAM_TESTS_SUPPORT_DUMP_TABLES_H_

#include <string>
#include <vector>

#include "extractors/financial_tables.h"
#include "model/extraction.h"
#include "pipeline/input/text_reader.h"

namespace finsam::fixtures {

// `kind` and `year_from` stand for the document's metadata (a plan's years
// read as budget and plan, an annual report's as outcomes).
inline std::vector<FinancialTable> FromDump(const std::string& text, const std::string& kind, int year_from = 0) {
  Document doc;
  doc.meta.kind = kind;
  doc.meta.year_from = year_from;
  ReadText(text, doc);
  return ExtractFinancialTables(doc);
}

// A table's columns as "[kind year]" each, the months after the year for a
// column covering part of it ("[utfall 2026 01-08]").
inline std::string Columns(const FinancialTable& t) {
  std::string s;
  for (const TableColumn& c : t.columns) {
    s += std::string("[") + ColumnKindName(c.kind) + " " + std::to_string(c.year);
    if (!c.period.empty()) s += " " + c.period;
    s += "]";
  }
  return s;
}

}  // namespace finsam::fixtures

#endif  // FINSAM_TESTS_SUPPORT_DUMP_TABLES_H_
