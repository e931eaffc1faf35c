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

struct DbOpenOptions {
  DbAccess access = DbAccess::kCreate;
  // Put the database in WAL mode (ingest; a property of the file that
  // persists). Only for kCreate / kWrite.
  bool wal = false;
  BusyWait busy;
};

class Database {
 public:
  // Opens the database and migrates it to the current schema; kCreate
  // creates a missing file and the schema of an empty one. Errors are worded
  // by cause (sqlite_db.h ChooseDbOpenMode; "not a finsam database (no
  // schema_info table)" for some other program's SQLite file, which is left
  // untouched). kRead opens read-only and never writes: a database whose
  // schema needs an upgrade is then reopened read-write for the migration,
  // or refused when it cannot be written.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, const DbOpenOptions& options);
  // kCreate if `create`, else kWrite.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, bool create = true) {
    DbOpenOptions o;
    o.access = create ? DbAccess::kCreate : DbAccess::kWrite;
    return Open(path, o);
  }

  // Loads one extraction in one transaction (see the header comment).
  // `org_override` (ingest --org NAME|ORGNR) replaces the detected
  // organisation and is stored with the document, so a re-extraction keeps
  // it; "" keeps a stored override, if any.
  Result<LoadResult> Load(const Extraction& ex, const std::string& org_override = "");

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
