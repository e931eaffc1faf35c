// Reliability of the database commands (issue 13), end to end through the
// `finsam` binary: read-only databases and folders, another program's SQLite
// file, a missing database, a concurrent writer, a full disk and inputs over
// the memory budget. Mount-based tests need root (or CAP_SYS_ADMIN) and are
// skipped with the reason otherwise.
#include <sys/mount.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pipeline/store/sqlite_db.h"
#include "tests/support/finsam_run.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kSource = FINSAM_SOURCE_DIR;
const std::string kJamtlandTxt = kSource + "/corpus/jamtland-vp-2019/received.txt";
const std::string kGavleborgTxt = kSource + "/corpus/gavleborg-vp-2020/received.txt";
const std::string kGavleborgPdf = kSource + "/corpus/gavleborg-vp-2020/text.pdf";

class DbReliabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_rel_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    for (auto it = mounts_.rbegin(); it != mounts_.rend(); ++it) umount2(it->c_str(), MNT_DETACH);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  RunResult Run(const std::string& args, const std::string& env = "") {
    return RunFinsam(FINSAM_BINARY, dir_, args, env);
  }

  // Mounts a tmpfs of `size` at dir_/NAME; "" when not permitted (the reason in *why).
  std::string MountTmpfs(const std::string& name, const std::string& size, std::string* why) {
    std::string at = dir_ + "/" + name;
    fs::create_directory(at);
    if (mount("tmpfs", at.c_str(), "tmpfs", 0, ("size=" + size).c_str()) != 0) {
      *why = "cannot mount a tmpfs (" + std::string(strerror(errno)) + "); needs root or CAP_SYS_ADMIN";
      return "";
    }
    mounts_.push_back(at);
    return at;
  }
  bool RemountReadOnly(const std::string& at) {
    return mount("tmpfs", at.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  }

  static std::string Dump(const std::string& db_path) { return DumpDatabase(db_path); }
  static std::string IntegrityCheck(const std::string& db_path) {
    Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(db_path, DbAccess::kRead);
    if (!db.ok()) return db.status().ToString();
    Result<SqliteStatement> q = (*db)->Prepare("PRAGMA integrity_check");
    if (!q.ok() || !q->Step()) return "no result";
    return q->Text(0);
  }

  std::string dir_;
  std::vector<std::string> mounts_;
};

// compare and review (listing, --html) work on a database in a read-only
// file system, where not even the -shm file can be created; ingest says why
// it cannot write.
TEST_F(DbReliabilityTest, ReadCommandsWorkOnReadOnlyFileSystem) {
  std::string why;
  std::string ro = MountTmpfs("ro", "64m", &why);
  if (ro.empty()) GTEST_SKIP() << why;
  ASSERT_EQ(Run("ingest --quiet --db ro/t.db '" + kJamtlandTxt + "' '" + kGavleborgTxt + "'").code, 0);
  RunResult writable = Run("compare --db ro/t.db --metric income.total --format csv");
  ASSERT_EQ(writable.code, 0) << writable.err;
  if (!RemountReadOnly(ro)) GTEST_SKIP() << "cannot remount the tmpfs read-only: " << strerror(errno);
  RunResult compare = Run("compare --db ro/t.db --metric income.total --format csv");
  EXPECT_EQ(compare.code, 0) << compare.err;
  EXPECT_EQ(compare.out, writable.out);
  RunResult list = Run("review --db ro/t.db");
  EXPECT_EQ(list.code, 0) << list.err;
  EXPECT_THAT(list.err, HasSubstr("open flags"));
  RunResult html = Run("review --db ro/t.db --html report.html");
  EXPECT_EQ(html.code, 0) << html.err;
  EXPECT_TRUE(fs::exists(dir_ + "/report.html"));
  RunResult ingest = Run("ingest --quiet --db ro/t.db '" + kGavleborgPdf + "'");
  EXPECT_EQ(ingest.code, 1);
  EXPECT_EQ(ingest.err, "finsam: ro/t.db: database is read-only\n");
  RunResult fresh = Run("ingest --quiet --db ro/new.db '" + kGavleborgPdf + "'");
  EXPECT_EQ(fresh.code, 1);
  EXPECT_EQ(fresh.err, "finsam: ro/new.db: cannot write to directory ro\n");
  RunResult accept = Run("review --db ro/t.db --accept 1");
  EXPECT_EQ(accept.code, 1);
  EXPECT_EQ(accept.err, "finsam: ro/t.db: database is read-only\n");
}

// Another program's SQLite file is refused by every command, byte for byte
// unchanged (before, compare added ~50 tables and views to it).
TEST_F(DbReliabilityTest, UnrelatedSqliteFileIsRefusedUnchanged) {
  const std::string path = dir_ + "/other.db";
  {
    Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(path, DbAccess::kCreate);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES('kanelbulle')").ok());
  }
  const std::string before = ReadFile(path);
  const char* kCommands[] = {
      "compare --db other.db --metric income.total",
      "compare --db other.db --table board",
      "review --db other.db",
      "review --db other.db --html r.html",
      "review --db other.db --accept 1",
      "review --db other.db --recheck",
  };
  for (const char* cmd : kCommands) {
    RunResult r = Run(cmd);
    EXPECT_EQ(r.code, 1) << cmd;
    EXPECT_EQ(r.err, "finsam: other.db: not a finsam database (no schema_info table)\n") << cmd;
    EXPECT_EQ(r.out, "") << cmd;
  }
  RunResult ingest = Run("ingest --quiet --db other.db '" + kJamtlandTxt + "'");
  EXPECT_EQ(ingest.code, 1);
  EXPECT_EQ(ingest.err, "finsam: other.db: not a finsam database (no schema_info table)\n");
  EXPECT_EQ(ReadFile(path), before);
  EXPECT_FALSE(fs::exists(path + "-wal"));
  EXPECT_FALSE(fs::exists(dir_ + "/r.html"));
}

TEST_F(DbReliabilityTest, MissingDatabaseIsAnErrorForReadCommands) {
  for (const char* cmd : {"compare --db none.db --metric income.total", "review --db none.db"}) {
    RunResult r = Run(cmd);
    EXPECT_EQ(r.code, 1) << cmd;
    EXPECT_EQ(r.err, "finsam: none.db: no such database\n") << cmd;
  }
  EXPECT_FALSE(fs::exists(dir_ + "/none.db"));
}

// A second ingest waits for the first one's write transaction (here held
// by this test until the ingest has said it waits, so a loaded machine that
// extracts slowly cannot miss the lock) instead of failing with "database is
// locked".
TEST_F(DbReliabilityTest, ConcurrentIngestWaitsForTheWriter) {
  ASSERT_EQ(Run("ingest --quiet --db t.db '" + kJamtlandTxt + "'").code, 0);
  Result<std::unique_ptr<SqliteDb>> holder = SqliteDb::Open(dir_ + "/t.db", DbAccess::kWrite);
  ASSERT_TRUE(holder.ok());
  ASSERT_TRUE((*holder)->Begin().ok());
  std::thread release([&] {
    // RunFinsam sends the child's stderr to dir_/.stderr; at most 120 s.
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (ReadFile(dir_ + "/.stderr").find("waiting for another finsam") == std::string::npos &&
           std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    (*holder)->Rollback();
  });
  auto start = std::chrono::steady_clock::now();
  RunResult r = Run("ingest --db t.db '" + kGavleborgPdf + "'");
  auto took = std::chrono::steady_clock::now() - start;
  release.join();
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("finsam: t.db: waiting for another finsam writing the database (2 s)"));
  EXPECT_THAT(r.err, HasSubstr("loaded " + kGavleborgPdf));
  EXPECT_GE(took, std::chrono::milliseconds(2900));  // 2 s of waiting reported, then 1 s more
  // With a limit (FINSAM_DB_WAIT_SECONDS) a writer that never ends is reported.
  ASSERT_TRUE((*holder)->Begin().ok());
  RunResult limited = Run("ingest --quiet --db t.db '" + kGavleborgTxt + "'", "FINSAM_DB_WAIT_SECONDS=1");
  (*holder)->Rollback();
  EXPECT_EQ(limited.code, 1);
  EXPECT_THAT(limited.err, HasSubstr("database is locked (another finsam is writing it)"));
}

// A full disk: one clean line, exit 1, the documents already loaded intact.
TEST_F(DbReliabilityTest, FullDiskLeavesTheDatabaseIntact) {
  std::string why;
  std::string small = MountTmpfs("small", "2m", &why);
  if (small.empty()) GTEST_SKIP() << why;
  ASSERT_EQ(Run("ingest --quiet --db small/t.db '" + kJamtlandTxt + "'").code, 0);
  const std::string before = Dump(small + "/t.db");
  // A 3 MB text dump (outside the small file system) whose page text does
  // not fit: long one-word lines, cheap to extract.
  const std::string big = dir_ + "/big.txt";
  {
    std::ofstream out(big, std::ios::binary);
    out << "Samordningsförbundet Gävleborg\nVerksamhetsplan 2020\n";
    for (int i = 0; i < 52; ++i) out << i << std::string(60000, 'x') << "\n";
  }
  RunResult r = Run("ingest --quiet --db small/t.db big.txt");
  EXPECT_EQ(r.code, 1);
  std::vector<std::string> lines = Lines(r.err);
  ASSERT_EQ(lines.size(), 1u) << r.err;
  EXPECT_THAT(lines[0], StartsWith("finsam: big.txt: "));
  EXPECT_THAT(lines[0], HasSubstr("disk is full"));
  EXPECT_EQ(Dump(small + "/t.db"), before);
  EXPECT_EQ(IntegrityCheck(small + "/t.db"), "ok");
  RunResult compare = Run("compare --db small/t.db --metric income.total --format csv");
  EXPECT_EQ(compare.code, 0) << compare.err;
}

// Inputs over the memory budget are refused before they are split into
// lines and words: one line, exit 1, the database unchanged.
TEST_F(DbReliabilityTest, OversizedTextIsRefusedCleanly) {
  ASSERT_EQ(Run("ingest --quiet --db t.db '" + kJamtlandTxt + "'").code, 0);
  const std::string before = Dump(dir_ + "/t.db");
  {
    std::ofstream(dir_ + "/huge.txt") << "Samordningsförbundet\n";
    fs::resize_file(dir_ + "/huge.txt", int64_t{200} << 20);  // sparse: 200 MB of mostly NULs
    std::ofstream line(dir_ + "/line.txt", std::ios::binary);
    line << "Resultaträkning\n" << std::string(2 << 20, 'x') << "\n";
  }
  RunResult huge = Run("ingest --quiet --db t.db huge.txt");
  EXPECT_EQ(huge.code, 1);
  EXPECT_EQ(huge.err,
            "finsam: huge.txt: too large: 200.0 MB of text, limit 16.0 MB (a text dump of a document is well under "
            "1 MB)\n");
  RunResult line = Run("ingest --quiet --db t.db line.txt");
  EXPECT_EQ(line.code, 1);
  EXPECT_EQ(line.err, "finsam: line.txt: too large: line 2 is 2.0 MB long, limit 65536 bytes\n");
  RunResult extract = Run("extract line.txt");
  EXPECT_EQ(extract.code, 1);
  EXPECT_THAT(extract.err, HasSubstr("too large: line 2"));
  EXPECT_EQ(Dump(dir_ + "/t.db"), before);
}

}  // namespace
}  // namespace finsam
