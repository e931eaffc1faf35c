#include "pipeline/store/sqlite_db.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

namespace finsam {
namespace {

namespace fs = std::filesystem;

std::string DirectoryOf(const std::string& path) {
  std::string dir = fs::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

// "file:" URI for sqlite3_open_v2 with SQLITE_OPEN_URI; '%', '?' and '#'
// are escaped so that any file name survives.
std::string FileUri(const std::string& path) {
  std::string uri = path.size() > 0 && path[0] == '/' ? "file://" : "file:";
  for (char c : path) {
    if (c == '%') uri += "%25";
    else if (c == '?') uri += "%3f";
    else if (c == '#') uri += "%23";
    else uri += c;
  }
  return uri;
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

DbLocation ProbeDbLocation(const std::string& path) {
  DbLocation loc;
  std::error_code ec;
  loc.exists = fs::exists(path, ec);
  loc.file_writable = loc.exists && access(path.c_str(), W_OK) == 0;
  loc.dir_writable = access(DirectoryOf(path).c_str(), W_OK) == 0;
  loc.wal_pending = fs::file_size(path + "-wal", ec) > 0 && !ec;
  return loc;
}

Result<DbOpenMode> ChooseDbOpenMode(const std::string& path, DbAccess access, const DbLocation& loc) {
  DbOpenMode mode;
  if (access != DbAccess::kCreate && !loc.exists) return Status::NotFound("no such database");
  if (access == DbAccess::kRead) {
    mode.read_only = true;
    // Without a writable directory SQLite cannot create the -shm file a WAL
    // reader needs; immutable=1 reads without it. Commits still in a -wal
    // file would be ignored that way, so then the -shm must already exist.
    mode.immutable = !loc.dir_writable && !loc.wal_pending;
    return mode;
  }
  if (loc.exists && !loc.file_writable) return Status::Database("database is read-only");
  if (!loc.dir_writable) return Status::Database("cannot write to directory " + DirectoryOf(path));
  mode.create = access == DbAccess::kCreate;
  return mode;
}

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

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, DbAccess access, BusyWait busy) {
  DbOpenMode mode;
  mode.create = true;
  if (path != ":memory:") {
    Result<DbOpenMode> chosen = ChooseDbOpenMode(path, access, ProbeDbLocation(path));
    if (!chosen.ok()) return chosen.status();
    mode = *chosen;
  }
  int flags = (mode.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | (mode.create ? SQLITE_OPEN_CREATE : 0) |
              SQLITE_OPEN_FULLMUTEX;
  std::string name = path;
  if (mode.immutable) {
    name = FileUri(path) + "?immutable=1";
    flags |= SQLITE_OPEN_URI;
  }
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    if (db) sqlite3_close(db);
    return Status::Database("cannot open database: " + msg);
  }
  std::unique_ptr<SqliteDb> out(new SqliteDb(db));
  out->read_only_ = mode.read_only;
  out->SetBusyWait(std::move(busy));
  Status st = out->Exec("PRAGMA foreign_keys = ON");
  if (!st.ok()) return st;
  // A file that is not an SQLite database fails here, not later.
  st = out->Exec("SELECT count(*) FROM sqlite_master");
  if (!st.ok()) {
    int code = sqlite3_errcode(db);
    if (code == SQLITE_NOTADB) return Status::Database("not a finsam database (not an SQLite file)");
    if (code == SQLITE_CANTOPEN && mode.read_only)
      return Status::Database("cannot read database: its write-ahead log " + path +
                              "-wal holds commits and no -shm file can be created next to it");
    return Status::Database("cannot read database: " + st.message());
  }
  return out;
}

void SqliteDb::SetBusyWait(BusyWait busy) {
  busy_ = std::move(busy);
  sqlite3_busy_handler(db_, &SqliteDb::OnBusy, this);
}

// SQLite calls this while a lock is held elsewhere; `count` is 0 on the
// first call of each wait. Returning 0 gives up (SQLITE_BUSY).
int SqliteDb::OnBusy(void* self, int count) {
  SqliteDb& db = *static_cast<SqliteDb*>(self);
  int64_t now = NowMs();
  if (count == 0) {
    db.busy_started_ms_ = now;
    db.next_notice_ms_ = db.busy_.first_notice_ms;
  }
  int64_t waited = now - db.busy_started_ms_;
  if (db.busy_.limit_ms >= 0 && waited >= db.busy_.limit_ms) return 0;
  if (db.busy_.notice && waited >= db.next_notice_ms_) {
    db.busy_.notice(waited);
    db.next_notice_ms_ += std::max<int64_t>(1, db.busy_.notice_every_ms);
  }
  int64_t pause = count < 10 ? 10 : 100;
  if (db.busy_.limit_ms >= 0) pause = std::max<int64_t>(1, std::min(pause, db.busy_.limit_ms - waited));
  std::this_thread::sleep_for(std::chrono::milliseconds(pause));
  return 1;
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

Status SqliteDb::Exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    if ((rc & 0xff) == SQLITE_BUSY) msg += " (another finsam is writing it)";
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
