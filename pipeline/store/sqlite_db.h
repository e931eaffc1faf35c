// Thin SQLite adapter: the only header through which code talks to SQLite
// (sqlite3.h stays in sqlite_db.cc). Owns the connection; statements are
// RAII objects that must not outlive their SqliteDb.
#ifndef FINSAM_PIPELINE_STORE_SQLITE_DB_H_
#define FINSAM_PIPELINE_STORE_SQLITE_DB_H_

#include <cstdint>
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

class SqliteDb {
 public:
  // Opens (creating if `create`) the database at `path`.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, bool create);
  ~SqliteDb();

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
  sqlite3* db_;
};

}  // namespace finsam

#endif  // FINSAM_PIPELINE_STORE_SQLITE_DB_H_
