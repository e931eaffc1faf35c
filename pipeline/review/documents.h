// The ingested documents with their counts, as `finsam docs` lists them and
// `finsam serve` shows them: one query over v_documents, so the two agree.
#ifndef FINSAM_PIPELINE_REVIEW_DOCUMENTS_H_
#define FINSAM_PIPELINE_REVIEW_DOCUMENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/status.h"
#include "pipeline/store/sqlite_db.h"

namespace finsam {

struct DocumentSummary {
  int64_t id = 0;
  std::string organisation;                // "" when none is known
  std::optional<int64_t> organisation_id;
  std::string org_kind;                    // samordningsförbund, kommun, … ("" unknown)
  std::optional<std::string> kind;         // verksamhetsplan, årsredovisning, …
  std::optional<std::string> title;
  std::optional<int64_t> year_from, year_to;
  int64_t pages = 0;
  std::string format;                      // pdf | text
  std::string source_path;                 // absolute, canonical
  int64_t tables = 0, facts = 0, open_flags = 0;
};

// Every document in id order.
Result<std::vector<DocumentSummary>> ListDocuments(SqliteDb& db);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_REVIEW_DOCUMENTS_H_
