#include "pipeline/store/sqlite_db.h"

#include <sqlite3.h>

#include <string>

namespace finsam {

SqliteStatement::SqliteStatement(SqliteStatement&& o) noexcept
    : db_(o.db_), stmt_(o.stmt_), status_(std::move(o.status_)), bind_status_(std::move(o.bind_status_)) {
  o.stmt_ = nullptr;
}

SqliteStatement::~SqliteStatement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

SqliteStatement& SqliteStatement::CheckBind(int rc, int i) {
  if (rc != SQLITE_OK && bind_status_.ok()) {
    bind_status_ = Status::Database("cannot bind parameter " + std::to_string(i) + ": " + sqlite3_errstr(rc) +
                                    " in: " + std::string(sqlite3_sql(stmt_)).substr(0, 80));
  }
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int i, int64_t v) { return CheckBind(sqlite3_bind_int64(stmt_, i, v), i); }
SqliteStatement& SqliteStatement::Bind(int i, double v) { return CheckBind(sqlite3_bind_double(stmt_, i, v), i); }
SqliteStatement& SqliteStatement::Bind(int i, const std::string& v) {
  return CheckBind(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT), i);
}
SqliteStatement& SqliteStatement::BindNull(int i) { return CheckBind(sqlite3_bind_null(stmt_, i), i); }

bool SqliteStatement::Step() {
  if (!bind_status_.ok()) {
    status_ = bind_status_;
    return false;
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = Status::Database(sqlite3_errmsg(db_));
  return false;
}

Status SqliteStatement::Run() {
  while (Step()) {
  }
  Status st = status_;
  Reset();
  return st;
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  status_ = Status::Ok();
  bind_status_ = Status::Ok();
}

int SqliteStatement::ColumnCount() const { return sqlite3_column_count(stmt_); }
bool SqliteStatement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int64_t SqliteStatement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double SqliteStatement::Double(int col) const { return sqlite3_column_double(stmt_, col); }
std::string SqliteStatement::Text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(stmt_, col)) : std::string();
}
std::string SqliteStatement::ColumnName(int col) const { return sqlite3_column_name(stmt_, col); }

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    if (db) sqlite3_close(db);
    return Status::Database("cannot open database " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db, 10000);
  std::unique_ptr<SqliteDb> out(new SqliteDb(db));
  Status st = out->Exec("PRAGMA foreign_keys = ON");
  if (!st.ok()) return st;
  // A file that is not an SQLite database fails here, not later.
  st = out->Exec("SELECT count(*) FROM sqlite_master");
  if (!st.ok()) return Status::Database(path + " is not a finsam database: " + st.message());
  return out;
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

Status SqliteDb::Exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Status::Database(msg);
  }
  return Status::Ok();
}

Result<SqliteStatement> SqliteDb::Prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Status::Database(std::string(sqlite3_errmsg(db_)) + " in: " + sql.substr(0, 80));
  return SqliteStatement(db_, stmt);
}

int64_t SqliteDb::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int SqliteDb::Changes() const { return sqlite3_changes(db_); }

std::optional<int64_t> SqliteDb::QueryInt(const std::string& sql) {
  Result<SqliteStatement> st = Prepare(sql);
  if (!st.ok()) return std::nullopt;
  if (!st->Step() || st->IsNull(0)) return std::nullopt;
  return st->Int(0);
}

void SqliteDb::Rollback() {
  if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace finsam
