// Read-only queries of `finsam serve`, each answering one JSON endpoint
// (serve_app.cc routes to them). They run with the database lock held by
// the caller; the ones that need page lines take the PageStore, which reads
// the PDF outside any SQLite call.
#ifndef FINSAM_PIPELINE_SERVE_SERVE_API_H_
#define FINSAM_PIPELINE_SERVE_SERVE_API_H_

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "model/status.h"
#include "pipeline/serve/page_store.h"
#include "pipeline/store/sqlite_db.h"

namespace finsam {

using Json = nlohmann::ordered_json;

struct FlagFilter {
  std::optional<int64_t> organisation_id;
  std::optional<int> year;
  std::string rule;      // prefix
  std::string severity;  // error | warning | info
  bool all = false;      // also passed, accepted and corrected
  std::string stable_id; // one flag only
  int limit = 500;
};

// The flags, worst first (the order of `finsam review`), each with its
// facts, the suggested value and the crop of the page to show (the
// table's header lines found on the page, table_crop.h).
Result<Json> FlagsJson(SqliteDb& db, PageStore& pages, const FlagFilter& filter);

// One fact's provenance and its table as read. NotFound for an unknown id.
Result<Json> FactJson(SqliteDb& db, int64_t fact_id);

Result<Json> DocumentsJson(SqliteDb& db, std::optional<int64_t> organisation_id);
Result<Json> DocumentJson(SqliteDb& db, int64_t document_id);  // NotFound
// The figures and row labels on one page with their boxes and status.
Result<Json> PageBoxesJson(SqliteDb& db, int64_t document_id, int page);  // NotFound
Result<Json> OrganisationsJson(SqliteDb& db);
// Profile: documents, key figures over the years, open flags. NotFound.
Result<Json> OrganisationJson(SqliteDb& db, PageStore& pages, int64_t organisation_id);

// The compare pivot (pipeline/review/compare.h CompareFinancial, same
// winner per cell) as data: kinds, and per organisation and year the value
// of each column kind with its source document and page. `organisations`
// empty = all. InvalidArgument for an unknown metric.
Result<Json> CompareJson(SqliteDb& db, const std::string& metric, const std::string& label,
                         const std::vector<int64_t>& organisations);

Result<Json> CategoriesJson();

// Where a document's file is (for page images).
Result<StoredDocument> StoredDocumentById(SqliteDb& db, int64_t document_id);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_SERVE_SERVE_API_H_
