// Opening the database (issue 13): the open mode chosen for each command's
// access and the file system around the file (the seam ChooseDbOpenMode),
// refusing some other program's SQLite file without changing it, and
// waiting for another connection's write lock instead of failing.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "pipeline/store/database.h"
#include "pipeline/store/schema.h"
#include "pipeline/store/sqlite_db.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;

class DbOpenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_open_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/t.db";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string dir_, path_;
};

DbLocation Loc(bool exists, bool file_writable, bool dir_writable, bool wal_pending = false) {
  DbLocation l;
  l.exists = exists;
  l.file_writable = file_writable;
  l.dir_writable = dir_writable;
  l.wal_pending = wal_pending;
  return l;
}

TEST(ChooseDbOpenModeTest, ReadCommandsOpenReadOnly) {
  Result<DbOpenMode> m = ChooseDbOpenMode("/d/t.db", DbAccess::kRead, Loc(true, true, true));
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->read_only);
  EXPECT_FALSE(m->create);
  EXPECT_FALSE(m->immutable);
  // A file the user may only read, in a folder they may write: still read-only, -shm can be created.
  m = ChooseDbOpenMode("/d/t.db", DbAccess::kRead, Loc(true, false, true));
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->read_only);
  EXPECT_FALSE(m->immutable);
}

TEST(ChooseDbOpenModeTest, ReadOnlyDirectoryIsOpenedImmutable) {
  Result<DbOpenMode> m = ChooseDbOpenMode("/d/t.db", DbAccess::kRead, Loc(true, false, false));
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->read_only);
  EXPECT_TRUE(m->immutable);
  // Commits still in a -wal file must not be ignored: no immutable then.
  m = ChooseDbOpenMode("/d/t.db", DbAccess::kRead, Loc(true, false, false, /*wal_pending=*/true));
  ASSERT_TRUE(m.ok());
  EXPECT_FALSE(m->immutable);
}

TEST(ChooseDbOpenModeTest, MissingDatabaseIsCreatedOnlyByIngest) {
  Result<DbOpenMode> m = ChooseDbOpenMode("/d/t.db", DbAccess::kRead, Loc(false, false, true));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(m.status().message(), "no such database");
  EXPECT_EQ(ChooseDbOpenMode("/d/t.db", DbAccess::kWrite, Loc(false, false, true)).status().code(),
            StatusCode::kNotFound);
  m = ChooseDbOpenMode("/d/t.db", DbAccess::kCreate, Loc(false, false, true));
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->create);
  EXPECT_FALSE(m->read_only);
}

TEST(ChooseDbOpenModeTest, WritersWordTheCause) {
  Result<DbOpenMode> m = ChooseDbOpenMode("/d/t.db", DbAccess::kCreate, Loc(true, false, true));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "database is read-only");
  m = ChooseDbOpenMode("/d/t.db", DbAccess::kWrite, Loc(true, true, false));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "cannot write to directory /d");
  m = ChooseDbOpenMode("t.db", DbAccess::kCreate, Loc(false, false, false));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "cannot write to directory .");
}

TEST_F(DbOpenTest, ReadAccessOfMissingDatabaseCreatesNothing) {
  DbOpenOptions o;
  o.access = DbAccess::kRead;
  Result<std::unique_ptr<Database>> db = Database::Open(path_, o);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().message(), "no such database");
  EXPECT_FALSE(fs::exists(path_));
}

TEST_F(DbOpenTest, ForeignSqliteFileIsRefusedUnchanged) {
  {
    Result<std::unique_ptr<SqliteDb>> raw = SqliteDb::Open(path_, DbAccess::kCreate);
    ASSERT_TRUE(raw.ok());
    ASSERT_TRUE((*raw)->Exec("CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES('kanelbulle')").ok());
  }
  const std::string before = ReadFile(path_);
  for (DbAccess access : {DbAccess::kRead, DbAccess::kWrite, DbAccess::kCreate}) {
    DbOpenOptions o;
    o.access = access;
    o.wal = true;
    Result<std::unique_ptr<Database>> db = Database::Open(path_, o);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().message(), "not a finsam database (no schema_info table)");
  }
  EXPECT_EQ(ReadFile(path_), before);
  EXPECT_FALSE(fs::exists(path_ + "-wal"));
}

TEST_F(DbOpenTest, ReadAccessWritesNothingAndCannotWrite) {
  { ASSERT_TRUE(Database::Open(path_).ok()); }
  const std::string before = ReadFile(path_);
  DbOpenOptions o;
  o.access = DbAccess::kRead;
  Result<std::unique_ptr<Database>> db = Database::Open(path_, o);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_TRUE((*db)->sql().read_only());
  EXPECT_EQ((*db)->sql().QueryInt("SELECT count(*) FROM v_documents"), 0);
  EXPECT_FALSE((*db)->sql().Exec("INSERT INTO forbund(name) VALUES('x')").ok());
  db = Database::Open(path_, o);
  EXPECT_EQ(ReadFile(path_), before);
}

TEST_F(DbOpenTest, ReadAccessUpgradesAnOlderSchemaWhenWritable) {
  {
    Result<std::unique_ptr<Database>> db = Database::Open(path_);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->sql().Exec("UPDATE schema_info SET value='old' WHERE key='views_key'").ok());
  }
  DbOpenOptions o;
  o.access = DbAccess::kRead;
  Result<std::unique_ptr<Database>> db = Database::Open(path_, o);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_TRUE(SchemaIsCurrent((*db)->sql()));
}

TEST_F(DbOpenTest, NotAnSqliteFileIsWordedSo) {
  { std::ofstream(path_) << "hello, not a database at all, just some text to fill a page\n"; }
  DbOpenOptions o;
  o.access = DbAccess::kRead;
  Result<std::unique_ptr<Database>> db = Database::Open(path_, o);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().message(), "not a finsam database (not an SQLite file)");
}

// A writer waits for another connection's write transaction instead of
// failing with "database is locked", and says so while it waits.
TEST_F(DbOpenTest, WriterWaitsForAnotherWriteLock) {
  { ASSERT_TRUE(Database::Open(path_).ok()); }
  Result<std::unique_ptr<SqliteDb>> holder = SqliteDb::Open(path_, DbAccess::kWrite);
  ASSERT_TRUE(holder.ok());
  ASSERT_TRUE((*holder)->Begin().ok());
  BusyWait wait;
  wait.limit_ms = -1;
  wait.first_notice_ms = 200;
  wait.notice_every_ms = 200;
  int notices = 0;
  wait.notice = [&](int64_t) { ++notices; };
  Result<std::unique_ptr<SqliteDb>> writer = SqliteDb::Open(path_, DbAccess::kWrite, wait);
  ASSERT_TRUE(writer.ok());
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    (*holder)->Rollback();
  });
  auto start = std::chrono::steady_clock::now();
  Status st = (*writer)->Begin();
  auto waited = std::chrono::steady_clock::now() - start;
  release.join();
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_GE(waited, std::chrono::milliseconds(1000));
  EXPECT_GE(notices, 3);
  EXPECT_TRUE((*writer)->Exec("INSERT INTO forbund(name) VALUES('x')").ok());
  EXPECT_TRUE((*writer)->Commit().ok());
}

TEST_F(DbOpenTest, WriterGivesUpAfterItsLimit) {
  { ASSERT_TRUE(Database::Open(path_).ok()); }
  Result<std::unique_ptr<SqliteDb>> holder = SqliteDb::Open(path_, DbAccess::kWrite);
  ASSERT_TRUE(holder.ok());
  ASSERT_TRUE((*holder)->Begin().ok());
  BusyWait wait;
  wait.limit_ms = 300;
  Result<std::unique_ptr<SqliteDb>> writer = SqliteDb::Open(path_, DbAccess::kWrite, wait);
  ASSERT_TRUE(writer.ok());
  auto start = std::chrono::steady_clock::now();
  Status st = (*writer)->Begin();
  auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("database is locked"), std::string::npos) << st.message();
  EXPECT_GE(waited, std::chrono::milliseconds(250));
  EXPECT_LT(waited, std::chrono::milliseconds(3000));
  (*holder)->Rollback();
}

}  // namespace
}  // namespace finsam
