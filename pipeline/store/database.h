// The comparison database (SQLite): opening/migrating it and loading one
// Extraction per document in a single transaction.
//
// Identity and re-ingest: a document is identified by the SHA-256 of its
// bytes. Loading bytes that are already present with the same
// kPipelineVersion changes nothing (outcome kUnchanged). Bytes loaded by an
// older pipeline version are re-extracted: the old rows are deleted and the
// new ones inserted in the same transaction (kReextracted); user decisions
// stored apart from the extracted rows (review corrections) survive.
#ifndef FINSAM_PIPELINE_STORE_DATABASE_H_
#define FINSAM_PIPELINE_STORE_DATABASE_H_

#include <memory>
#include <string>

#include "model/extraction.h"
#include "model/status.h"
#include "pipeline/store/sqlite_db.h"

namespace finsam {

inline constexpr const char* kDefaultDbPath = "finsam.db";

enum class LoadOutcome { kLoaded, kUnchanged, kReextracted };
const char* LoadOutcomeName(LoadOutcome o);

struct LoadResult {
  int64_t document_id = 0;
  LoadOutcome outcome = LoadOutcome::kLoaded;
  int facts = 0;  // financial facts inserted
};

class Database {
 public:
  // Opens or creates the database and migrates it to the current schema.
  // With create=false a missing file is kNotFound.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, bool create = true);

  // Loads one extraction in one transaction (see the header comment).
  Result<LoadResult> Load(const Extraction& ex);

  // The pipeline version a document was loaded with, 0 if absent.
  int StoredPipelineVersion(const std::string& sha256);

  SqliteDb& sql() { return *db_; }

 private:
  explicit Database(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}
  std::unique_ptr<SqliteDb> db_;
};

// Loader steps, each inserting one part of an Extraction for `document_id`
// inside the open transaction. Database::Load (database.cc) runs them in
// order, then LoadGovernance (load_governance.h) and LoadFlags
// (cross_checks.h).
Status LoadPages(SqliteDb& db, int64_t document_id, const Extraction& ex);
Status LoadFinancialTables(SqliteDb& db, int64_t document_id, const Extraction& ex, int* facts);
// Returns the id of an organisation by name, inserting it if new.
Result<int64_t> UpsertOrganisation(SqliteDb& db, const std::string& name, const std::string& kind);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_STORE_DATABASE_H_
