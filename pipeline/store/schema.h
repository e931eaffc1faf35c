// The database schema: versioned migrations (tables, applied once, in order)
// and views (the public interface, re-created on open whenever their
// definitions changed, so that a newer finsam can change them without a
// migration; an up-to-date database is opened without writing).
#ifndef FINSAM_PIPELINE_STORE_SCHEMA_H_
#define FINSAM_PIPELINE_STORE_SCHEMA_H_

#include <string>
#include <vector>

#include "pipeline/store/sqlite_db.h"

namespace finsam {

struct Migration {
  int version;              // 1, 2, 3, ... in order
  const char* description;
  const char* sql;
  // Optional data step after `sql`, in the same transaction (e.g. computing
  // values SQL cannot, such as the stable ids of migration 6).
  Status (*data_step)(SqliteDb& db) = nullptr;
};

const std::vector<Migration>& Migrations();
const std::vector<const char*>& ViewDefinitions();  // each "CREATE VIEW v_x AS ..."
// The views finsam owns: the names ViewDefinitions creates plus views an
// older finsam created and this one retired. Only these are dropped when
// the views are re-created; other views in the file are the user's.
std::vector<std::string> OwnViewNames();

// Refuses a file that holds tables or views but no schema_info table: some
// other program's database, which finsam must not change. An empty database
// passes only with `allow_empty` (a new database for ingest).
Status CheckFinsamDatabase(SqliteDb& db, bool allow_empty);

// True when the schema version and the view definitions are current, i.e.
// MigrateSchema would write nothing.
bool SchemaIsCurrent(SqliteDb& db);

// Applies pending migrations and re-creates views, in one transaction.
// Refuses a database whose schema version is newer than this finsam's.
Status MigrateSchema(SqliteDb& db);

int LatestSchemaVersion();

}  // namespace finsam

#endif  // FINSAM_PIPELINE_STORE_SCHEMA_H_
