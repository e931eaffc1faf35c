// Hand-made Extractions for database and compare tests: a document with one
// page and financial tables whose cells are given in kronor.
#ifndef FINSAM_TESTS_SUPPORT_EXTRACTION_BUILDER_H_
#define FINSAM_TESTS_SUPPORT_EXTRACTION_BUILDER_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/extraction.h"

namespace finsam::fixtures {

inline Extraction MakeDocument(const std::string& sha256, const std::string& forbund, const std::string& kind,
                               int year_from, int year_to) {
  Extraction ex;
  ex.doc.source_path = "/corpus/" + sha256 + ".pdf";
  ex.doc.sha256 = sha256;
  ex.doc.size_bytes = 1234;
  ex.doc.format = InputFormat::kPdf;
  ex.doc.meta.forbund = forbund;
  ex.doc.meta.kind = kind;
  ex.doc.meta.title = kind + " " + std::to_string(year_from);
  ex.doc.meta.year_from = year_from;
  ex.doc.meta.year_to = year_to;
  for (int p = 1; p <= 6; ++p) {
    Page page;
    page.number = p;
    page.width = 595;
    page.height = 842;
    Line line;
    line.text = "page " + std::to_string(p);
    page.lines.push_back(line);
    ex.doc.pages.push_back(page);
  }
  return ex;
}

struct ColumnSpec {
  int year;
  ColumnKind kind;
};

// A table on `page` with the given columns; rows are added with AddRow.
inline FinancialTable& AddTable(Extraction& ex, const std::string& table_kind, int page,
                                const std::vector<ColumnSpec>& columns) {
  FinancialTable t;
  t.title = table_kind + " table";
  t.table_kind = table_kind;
  t.unit = "tkr";
  t.scale = 1000;
  t.page = t.last_page = page;
  for (const ColumnSpec& c : columns) {
    TableColumn col;
    col.year = c.year;
    col.kind = c.kind;
    col.header = std::string(ColumnKindName(c.kind)) + " " + std::to_string(c.year);
    t.columns.push_back(col);
  }
  ex.tables.push_back(std::move(t));
  return ex.tables.back();
}

// Amounts in kronor; nullopt = empty cell.
inline TableRow& AddRow(FinancialTable& t, const std::string& label, std::optional<std::string> category,
                        const std::vector<std::optional<int64_t>>& amounts, const std::string& status = "ok") {
  TableRow r;
  r.label = label;
  r.category = std::move(category);
  r.prov.page = t.page;
  for (const auto& a : amounts) {
    TableCell c;
    if (a) {
      c.present = true;
      c.amount_sek = *a;
      c.value = static_cast<double>(*a) / 1000.0;
      c.raw = std::to_string(*a / 1000);
      c.prov.page = t.page;
      c.prov.raw_text = c.raw;
      c.status = status;
    }
    r.cells.push_back(c);
  }
  t.rows.push_back(std::move(r));
  return t.rows.back();
}

}  // namespace finsam::fixtures

#endif  // FINSAM_TESTS_SUPPORT_EXTRACTION_BUILDER_H_
