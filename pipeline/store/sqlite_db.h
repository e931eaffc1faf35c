// Thin SQLite adapter: the only header through which code talks to SQLite
// (sqlite3.h stays in sqlite_db.cc). Owns the connection; statements are
// RAII objects that must not outlive their SqliteDb.
#ifndef FINSAM_PIPELINE_STORE_SQLITE_DB_H_
#define FINSAM_PIPELINE_STORE_SQLITE_DB_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "model/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace finsam {

class SqliteStatement {
 public:
  SqliteStatement(SqliteStatement&& o) noexcept;
  SqliteStatement& operator=(SqliteStatement&&) = delete;
  ~SqliteStatement();

  // Parameters are 1-based, as in SQLite. A failed bind (index out of
  // range, out of memory, ...) is remembered: the next Step() does not run
  // the statement and reports the first bind error through status(), and
  // Run() returns it. Reset() forgets it.
  SqliteStatement& Bind(int i, int64_t v);
  SqliteStatement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  SqliteStatement& Bind(int i, double v);
  SqliteStatement& Bind(int i, const std::string& v);
  SqliteStatement& Bind(int i, const char* v) { return Bind(i, std::string(v)); }
  SqliteStatement& BindNull(int i);
  template <typename T>
  SqliteStatement& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // Advances; returns true while a row is available. Errors (including a
  // bind error, see Bind) are reported through status() and end the
  // iteration.
  bool Step();
  // Runs to completion (for INSERT/UPDATE/DELETE) and resets.
  Status Run();
  void Reset();
  const Status& status() const { return status_; }

  // Columns are 0-based.
  int ColumnCount() const;
  bool IsNull(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;
  std::string ColumnName(int col) const;

 private:
  friend class SqliteDb;
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  // Records the first failing bind's error; returns *this for chaining.
  SqliteStatement& CheckBind(int rc, int i);
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  Status status_;
  Status bind_status_;
};

// How a command uses its database file.
enum class DbAccess {
  kRead,    // reads only (compare, review listing): must exist; opened read-only
  kWrite,   // writes (review --accept): must exist
  kCreate,  // writes (ingest): created if missing
};

// Facts about the file system around a database path; they decide how it is
// opened (ProbeDbLocation reads them, tests pass their own).
struct DbLocation {
  bool exists = false;
  bool file_writable = false;  // this process may write the file (access W_OK: EROFS counts, root's chmod not)
  bool dir_writable = false;   // the journal, -wal and -shm files can be created next to it
  bool wal_pending = false;    // a non-empty PATH-wal holds commits not yet copied into the file
};
DbLocation ProbeDbLocation(const std::string& path);

struct DbOpenMode {
  bool read_only = false;
  bool create = false;
  // URI parameter immutable=1: no locks and no -shm file, for a database in
  // a directory nobody can write (so nobody can change it while we read).
  bool immutable = false;
};
// The open mode for `access` at `loc`, or an error worded by its cause:
// kNotFound "no such database", "database is read-only", "cannot write to
// directory DIR".
Result<DbOpenMode> ChooseDbOpenMode(const std::string& path, DbAccess access, const DbLocation& loc);

// Waiting for another connection's lock (SQLITE_BUSY, e.g. another ingest's
// write transaction): retried for up to `limit_ms` (< 0: without limit);
// `notice(waited_ms)` is called after `first_notice_ms` and then every
// `notice_every_ms` while waiting.
struct BusyWait {
  int64_t limit_ms = 10000;
  int64_t first_notice_ms = 2000;
  int64_t notice_every_ms = 5000;
  std::function<void(int64_t waited_ms)> notice;
};

class SqliteDb {
 public:
  // Opens the database at `path` as `access` needs (ChooseDbOpenMode on the
  // probed location; ":memory:" is always created). A file that is not an
  // SQLite database is an error here, not later.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, DbAccess access,
                                                BusyWait busy = BusyWait());
  // kCreate if `create`, else kWrite.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, bool create) {
    return Open(path, create ? DbAccess::kCreate : DbAccess::kWrite);
  }
  ~SqliteDb();

  bool read_only() const { return read_only_; }
  void SetBusyWait(BusyWait busy);

  Status Exec(const std::string& sql);  // one or more statements, no results
  Result<SqliteStatement> Prepare(const std::string& sql);
  int64_t LastInsertId() const;
  int Changes() const;
  // Single integer result of a query, or nullopt (no row / NULL / error).
  std::optional<int64_t> QueryInt(const std::string& sql);

  // Transactions. Rollback is safe to call when no transaction is open.
  Status Begin() { return Exec("BEGIN IMMEDIATE"); }
  Status Commit() { return Exec("COMMIT"); }
  void Rollback();

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  static int OnBusy(void* self, int count);
  sqlite3* db_;
  bool read_only_ = false;
  BusyWait busy_;
  int64_t busy_started_ms_ = 0;
  int64_t next_notice_ms_ = 0;
};

}  // namespace finsam

#endif  // FINSAM_PIPELINE_STORE_SQLITE_DB_H_
