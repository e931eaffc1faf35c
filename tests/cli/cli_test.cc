// End-to-end tests of the `finsam` binary (FINSAM_BINARY): help and usage
// exit codes, bad input (not a PDF, empty, truncated, encrypted, a directory
// with one bad and one good file) and re-ingest. Each test works in its own
// temporary directory and checks the database before and after.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

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
const std::string kGavleborgPdf = kSource + "/corpus/gavleborg-vp-2020/text.pdf";

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

class CliCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_cli_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    db_ = dir_ + "/t.db";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Runs `finsam ARGS` in the temp dir; ARGS is passed to the shell as is.
  RunResult Run(const std::string& args) { return RunFinsam(FINSAM_BINARY, dir_, args); }

  // Every row of every table, in rowid order: equal dumps = unchanged data.
  std::string Dump() {
    std::string dump = DumpDatabase(db_);
    EXPECT_NE(dump.rfind("error: ", 0), 0u) << dump;
    return dump;
  }

  int64_t Count(const std::string& sql) {
    Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(db_, false);
    if (!db.ok()) return -1;
    return (*db)->QueryInt(sql).value_or(-1);
  }

  // Loads one good document so that "unchanged" means something.
  void LoadBaseline() {
    RunResult r = Run("ingest --quiet --db t.db '" + kJamtlandTxt + "'");
    ASSERT_EQ(r.code, 0) << r.err;
    ASSERT_EQ(Count("SELECT count(*) FROM documents"), 1);
  }

  // Ingests one bad file and checks: exit 1, exactly one stderr line
  // "finsam: <path>: ..." containing `reason`, database unchanged.
  void ExpectRejected(const std::string& file, const std::string& reason) {
    LoadBaseline();
    std::string before = Dump();
    RunResult r = Run("ingest --quiet --db t.db '" + file + "'");
    EXPECT_EQ(r.code, 1) << r.err;
    std::vector<std::string> lines = Lines(r.err);
    ASSERT_EQ(lines.size(), 1u) << r.err;
    EXPECT_THAT(lines[0], StartsWith("finsam: " + file + ": "));
    EXPECT_THAT(lines[0], HasSubstr(reason));
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(Dump(), before);
  }

  std::string dir_, db_;
};

TEST_F(CliCommandTest, HelpOnEveryCommandExitsZero) {
  RunResult top = Run("--help");
  EXPECT_EQ(top.code, 0);
  EXPECT_THAT(top.out, HasSubstr("usage: finsam COMMAND"));
  for (const char* cmd : {"ingest", "extract", "compare", "repair", "review"}) {
    RunResult r = Run(std::string(cmd) + " --help");
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_THAT(r.out, StartsWith(std::string("usage: finsam ") + cmd)) << cmd;
    EXPECT_EQ(r.err, "") << cmd;
    EXPECT_EQ(Run(std::string(cmd) + " -h").out, r.out) << cmd;
  }
  // The help names every option (CLI11 lists them) and keeps the prose.
  RunResult ingest = Run("ingest --help");
  for (const char* option : {"--db", "--ocr", "--dpi", "-j,--jobs", "-q,--quiet", "-v,--verbose", "Exit codes"})
    EXPECT_THAT(ingest.out, HasSubstr(option)) << option;
  RunResult review = Run("review --help");
  for (const char* option : {"--accept", "--correct", "--html", "--recheck", "--note", "--by", "--rule", "--all"})
    EXPECT_THAT(review.out, HasSubstr(option)) << option;
  EXPECT_THAT(Run("extract --help").out, HasSubstr("JSON layout"));
  RunResult version = Run("--version");
  EXPECT_EQ(version.code, 0);
  EXPECT_THAT(version.out, StartsWith("finsam "));
}

// Every malformed argument is a usage error: exit 2, one line on stderr,
// nothing on stdout, and nothing done to the database.
TEST_F(CliCommandTest, MalformedArgumentsExitTwoAndDoNothing) {
  LoadBaseline();
  const std::string before = Dump();
  const char* kMalformed[] = {
      // review: ids must be plain whole numbers.
      "review --db t.db --accept 12abc",
      "review --db t.db --accept '3 OR 1=1'",
      "review --db t.db --accept 5.9",
      "review --db t.db --accept 0x10",
      "review --db t.db --accept 0",
      "review --db t.db --accept -3",
      "review --db t.db --accept ''",
      "review --db t.db --accept",
      "review --db t.db --accept=12abc",
      "review --db t.db --correct '7; DROP' 1",
      "review --db t.db --correct 7.5 1",
      "review --db t.db --correct 7",
      "review --db t.db --correct 1 'not a number'",
      "review --db t.db --correct 1 '12 %'",
      "review --db t.db --accept 1 --correct 1 5",
      "review --db t.db --format xml",
      "review --db t.db --bogus",
      "review --db t.db stray",
      // ingest and extract: numbers and enumerations.
      "ingest --db t.db -j 12abc x.txt",
      "ingest --db t.db -j=-1 x.txt",
      "ingest --db t.db --jobs 2.5 x.txt",
      "ingest --db t.db --dpi 5.9 x.txt",
      "ingest --db t.db --dpi=49 x.txt",
      "ingest --db t.db --dpi '300 OR 1' x.txt",
      "ingest --db t.db --ocr=sometimes x.txt",
      "ingest --db t.db --verbose=maybe x.txt",
      "ingest --db",
      "extract --dpi 12abc x.txt",
      "extract --format=xml x.txt",
      "extract --lines --bogus x.txt",
      // compare.
      "compare --db t.db --metric income.total --years 20x0",
      "compare --db t.db --metric income.total --years=2022-2020",
      "compare --db t.db --metric income.total --unit=ore",
      "compare --db t.db --metric income.total --table nope",
      "compare --db t.db --metric income.total --kind=budget,outcome",
      "compare --db t.db --metric income.total stray",
      // repair.
      "repair --bogus",
      // top level.
      "--bogus",
      "frobnicate --help",
  };
  for (const char* args : kMalformed) {
    RunResult r = Run(args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.err;
    EXPECT_EQ(r.out, "") << args;
    EXPECT_EQ(Lines(r.err).size(), 1u) << args << "\n" << r.err;
    EXPECT_THAT(r.err, StartsWith("finsam")) << args;
  }
  EXPECT_EQ(Dump(), before);
  EXPECT_FALSE(fs::exists(dir_ + "/finsam.db"));
}

// "--db=x" and "--db x" (and every other option's two forms) parse alike.
TEST_F(CliCommandTest, OptionsTakeValuesWithOrWithoutEquals) {
  fs::copy_file(kJamtlandTxt, dir_ + "/a.txt");
  RunResult ingest = Run("ingest --quiet --db=t.db -j1 a.txt");
  ASSERT_EQ(ingest.code, 0) << ingest.err;
  EXPECT_EQ(Count("SELECT count(*) FROM documents"), 1);
  for (const char* form : {"--db t.db --format csv", "--db=t.db --format=csv"}) {
    RunResult c = Run(std::string("compare ") + form + " --metric=income.total --years 2019-2021");
    EXPECT_EQ(c.code, 0) << form << c.err;
    EXPECT_THAT(c.out, StartsWith("organisation,year,")) << form;
    RunResult r = Run(std::string("review ") + form + " --all");
    EXPECT_EQ(r.code, 0) << form << r.err;
    EXPECT_THAT(r.out, StartsWith("flag,severity,rule,status,")) << form;
  }
  EXPECT_EQ(Run("compare --db=t.db --metric income.total --format csv").out,
            Run("compare --db t.db --metric=income.total --format=csv").out);
  // "--" ends the options: a file named like an option is read as a file.
  fs::copy_file(kJamtlandTxt, dir_ + "/--odd.txt");
  RunResult odd = Run("ingest --quiet --db t.db -- --odd.txt");
  EXPECT_EQ(odd.code, 0) << odd.err;
}

// Listing and the HTML report only read the database: its bytes and
// modification time are the same afterwards, also when the file is
// read-only; --recheck recomputes the cross-document flags (same flags, as
// the load computed them already).
TEST_F(CliCommandTest, ReviewListingDoesNotWriteTheDatabase) {
  LoadBaseline();
  ASSERT_EQ(Run("ingest --quiet --db t.db '" + kSource + "/corpus/gavleborg-vp-2020/received.txt'").code, 0);
  const int64_t cross = Count("SELECT count(*) FROM flags WHERE scope = 'cross'");
  const int64_t cross_passed = Count("SELECT count(*) FROM flags WHERE scope = 'cross' AND passed = 1");
  ASSERT_GT(cross, 0);
  ASSERT_FALSE(fs::exists(db_ + "-wal") && fs::file_size(db_ + "-wal") > 0);
  const std::string bytes = ReadFile(db_);
  const fs::file_time_type mtime = fs::last_write_time(db_);
  fs::permissions(db_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  sleep(1);  // a write would move the modification time
  RunResult list = Run("review --db t.db");
  EXPECT_EQ(list.code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("flag"));
  EXPECT_THAT(list.err, HasSubstr("open flags"));
  RunResult all = Run("review --db t.db --all --format json");
  EXPECT_EQ(all.code, 0) << all.err;
  EXPECT_THAT(all.out, HasSubstr("plausibility.member_shares"));  // a cross-document rule
  RunResult html = Run("review --db t.db --html report.html");
  EXPECT_EQ(html.code, 0) << html.err;
  EXPECT_TRUE(fs::exists(dir_ + "/report.html"));
  EXPECT_EQ(ReadFile(db_), bytes);
  EXPECT_EQ(fs::last_write_time(db_), mtime);
  // The same listing through a connection SQLite itself keeps read-only.
  {
    sqlite3* ro = nullptr;
    ASSERT_EQ(sqlite3_open_v2(("file:" + db_ + "?mode=ro").c_str(), &ro, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                              nullptr),
              SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(ro, "SELECT count(*) FROM v_flags WHERE status = 'open'", -1, &q, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
    EXPECT_EQ(std::to_string(sqlite3_column_int64(q, 0)) + " open flags", Lines(list.err).back());
    sqlite3_finalize(q);
    sqlite3_close(ro);
  }
  fs::permissions(db_, fs::perms::owner_read | fs::perms::owner_write);
  RunResult recheck = Run("review --db t.db --recheck --all --format csv");
  EXPECT_EQ(recheck.code, 0) << recheck.err;
  EXPECT_THAT(recheck.out, HasSubstr("plausibility.member_shares"));
  EXPECT_EQ(Count("SELECT count(*) FROM flags WHERE scope = 'cross'"), cross);
  EXPECT_EQ(Count("SELECT count(*) FROM flags WHERE scope = 'cross' AND passed = 1"), cross_passed);
}

TEST_F(CliCommandTest, UsageErrorsExitTwo) {
  RunResult r = Run("frobnicate");
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown command 'frobnicate'"));
  EXPECT_EQ(Run("").code, 2);
  EXPECT_EQ(Run("ingest").code, 2);                        // no FILE
  EXPECT_EQ(Run("ingest --bogus x.pdf").code, 2);          // unknown option
  EXPECT_EQ(Run("ingest --ocr sometimes x.pdf").code, 2);  // bad value
  EXPECT_EQ(Run("ingest -j").code, 2);                     // missing value
  EXPECT_EQ(Run("extract").code, 2);
  EXPECT_EQ(Run("extract a.pdf b.pdf").code, 2);
  EXPECT_EQ(Run("compare --db t.db").code, 2);  // neither --metric nor --label
  EXPECT_EQ(Run("compare --metric income.total --format xml").code, 2);
  EXPECT_EQ(Run("compare --metric income.total --years 2022-2020").code, 2);
  RunResult k = Run("compare --metric income.total --kind outcome");
  EXPECT_EQ(k.code, 2);
  EXPECT_THAT(k.err, HasSubstr("unknown --kind 'outcome'"));
  // Usage errors do not create a database.
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(CliCommandTest, NotAPdfIsRejected) {
  std::mt19937 rng(42);
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>(rng() & 0xFF);
  WriteFile(dir_ + "/x.pdf", bytes);
  ExpectRejected(dir_ + "/x.pdf", "not a PDF");
}

TEST_F(CliCommandTest, EmptyFileIsRejected) {
  WriteFile(dir_ + "/empty.pdf", "");
  ExpectRejected(dir_ + "/empty.pdf", "empty file");
}

TEST_F(CliCommandTest, TruncatedPdfIsRejected) {
  std::string pdf = ReadFile(kGavleborgPdf);
  ASSERT_GT(pdf.size(), 10000u);
  WriteFile(dir_ + "/truncated.pdf", pdf.substr(0, pdf.size() * 3 / 10));
  ExpectRejected(dir_ + "/truncated.pdf", "truncated");
}

TEST_F(CliCommandTest, EncryptedPdfIsRejected) {
  // tests/data/encrypted.pdf: page 7 of gavleborg-vp-2020/text.pdf, made with
  // `qpdf --encrypt finsam-user finsam-owner 256` (AES-256, user password).
  std::string fixture = kSource + "/tests/data/encrypted.pdf";
  ASSERT_TRUE(fs::exists(fixture));
  fs::copy_file(fixture, dir_ + "/encrypted.pdf");
  ExpectRejected(dir_ + "/encrypted.pdf", "encrypted");
}

TEST_F(CliCommandTest, MissingFileIsRejected) { ExpectRejected(dir_ + "/nope.pdf", "no such file"); }

TEST_F(CliCommandTest, DirectoryWithOneBadAndOneGoodFile) {
  fs::create_directories(dir_ + "/docs/sub");
  fs::create_directories(dir_ + "/docs/.hidden");
  fs::copy_file(kJamtlandTxt, dir_ + "/docs/sub/good.txt");
  WriteFile(dir_ + "/docs/bad.pdf", "%PDF-1.7\nthis is not really a PDF\n");
  WriteFile(dir_ + "/docs/.hidden/also-bad.pdf", "junk");
  WriteFile(dir_ + "/docs/.skipped.pdf", "junk");
  WriteFile(dir_ + "/docs/notes.csv", "a,b\n");  // not an input extension
  RunResult r = Run("ingest --db t.db --text docs");
  EXPECT_EQ(r.code, 1) << r.err;
  std::vector<std::string> errors;
  for (const std::string& l : Lines(r.err))
    if (l.rfind("finsam: ", 0) == 0) errors.push_back(l);
  ASSERT_EQ(errors.size(), 1u) << r.err;
  EXPECT_THAT(errors[0], StartsWith("finsam: docs/bad.pdf: corrupt: "));
  EXPECT_THAT(r.err, HasSubstr("loaded docs/sub/good.txt: Samordningsförbundet i Jämtlands län, verksamhetsplan "
                               "2019-2021"));
  EXPECT_THAT(r.err, HasSubstr("2 files: 1 loaded, 0 unchanged, 0 re-extracted, 1 failed"));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("hidden")));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("skipped")));
  EXPECT_EQ(Count("SELECT count(*) FROM documents"), 1);
  // Stored absolute and canonical, so a report run elsewhere finds the file.
  const std::string stored = fs::weakly_canonical(dir_ + "/docs/sub/good.txt").string();
  EXPECT_EQ(Count("SELECT count(*) FROM v_documents WHERE source_path = '" + stored + "' AND "
                  "forbund = 'Samordningsförbundet i Jämtlands län'"),
            1);
}

TEST_F(CliCommandTest, ReingestOfSameBytesChangesNothing) {
  fs::copy_file(kJamtlandTxt, dir_ + "/a.txt");
  RunResult first = Run("ingest --db t.db a.txt");
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_THAT(first.err, StartsWith("loaded a.txt: "));
  std::string before = Dump();
  ASSERT_THAT(before, HasSubstr("## documents"));
  sleep(1);  // ingested_at has one-second resolution
  // The same bytes under another name are the same document.
  fs::copy_file(kJamtlandTxt, dir_ + "/b.txt");
  RunResult again = Run("ingest --db t.db a.txt b.txt");
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_THAT(again.err, StartsWith("unchanged a.txt: "));
  EXPECT_THAT(again.err, HasSubstr("\nunchanged b.txt: "));
  EXPECT_THAT(again.err, HasSubstr("0 loaded, 2 unchanged"));
  EXPECT_EQ(Dump(), before);
}

// A file already loaded by this pipeline version is reported from the
// database without being extracted again (no OCR of a scan that is already
// in). Shown here by taking the data folder away: a new extraction would
// not know the förbund, the stored summary does.
TEST_F(CliCommandTest, UnchangedFilesAreNotExtractedAgain) {
  fs::copy_file(kJamtlandTxt, dir_ + "/a.txt");
  RunResult first = Run("ingest --db t.db a.txt");
  ASSERT_EQ(first.code, 0) << first.err;
  ASSERT_THAT(first.err, StartsWith("loaded a.txt: Samordningsförbundet i Jämtlands län, "));
  const std::string summary = Lines(first.err)[0].substr(std::string("loaded ").size());
  const char* old_data = std::getenv("FINSAM_DATA_DIR");
  const std::string saved = old_data ? old_data : "";
  setenv("FINSAM_DATA_DIR", (dir_ + "/no-data-here").c_str(), 1);
  RunResult again = Run("ingest --db t.db a.txt");
  if (old_data) setenv("FINSAM_DATA_DIR", saved.c_str(), 1);
  else unsetenv("FINSAM_DATA_DIR");
  EXPECT_EQ(again.code, 0) << again.err;
  ASSERT_FALSE(Lines(again.err).empty());
  EXPECT_EQ(Lines(again.err)[0], "unchanged " + summary);
  EXPECT_THAT(again.err, HasSubstr("0 loaded, 1 unchanged, 0 re-extracted, 0 failed"));
}

TEST_F(CliCommandTest, OlderPipelineVersionIsReextracted) {
  fs::copy_file(kJamtlandTxt, dir_ + "/a.txt");
  ASSERT_EQ(Run("ingest --quiet --db t.db a.txt").code, 0);
  int64_t facts = Count("SELECT count(*) FROM facts");
  int64_t id = Count("SELECT document_id FROM documents");
  {
    Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(db_, false);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("UPDATE documents SET pipeline_version = pipeline_version - 1").ok());
  }
  RunResult r = Run("ingest --db t.db a.txt");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.err, StartsWith("re-extracted a.txt: "));
  EXPECT_THAT(r.err, HasSubstr("0 loaded, 0 unchanged, 1 re-extracted, 0 failed"));
  EXPECT_EQ(Count("SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(Count("SELECT document_id FROM documents"), id);
  EXPECT_EQ(Count("SELECT count(*) FROM facts"), facts);
}

TEST_F(CliCommandTest, PerFileLineNamesFacts) {
  RunResult r = Run("ingest --db t.db '" + kJamtlandTxt + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  int64_t facts = Count("SELECT count(*) FROM v_financial");
  int64_t tables = Count("SELECT count(*) FROM fin_tables");
  std::string expect = std::to_string(tables) + (tables == 1 ? " table, " : " tables, ") + std::to_string(facts) +
                       (facts == 1 ? " fact" : " facts");
  EXPECT_THAT(r.err, HasSubstr(expect));
  // --quiet prints nothing on success.
  RunResult q = Run("ingest --quiet --db t.db '" + kJamtlandTxt + "'");
  EXPECT_EQ(q.code, 0);
  EXPECT_EQ(q.err, "");
}

TEST_F(CliCommandTest, ExtractJsonIsValidAndNamesTheDocument) {
  RunResult r = Run("extract --format json '" + kJamtlandTxt + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  ASSERT_TRUE(nlohmann::json::accept(r.out)) << r.out.substr(0, 2000);  // valid JSON (RFC 8259)
  const nlohmann::json j = nlohmann::json::parse(r.out);
  const nlohmann::json& document = j.at("document");
  EXPECT_EQ(document.at("forbund"), "Samordningsförbundet i Jämtlands län");
  EXPECT_EQ(document.at("kind"), "verksamhetsplan");
  EXPECT_EQ(document.at("year_from"), 2019);
  EXPECT_EQ(document.at("year_to"), 2021);
  EXPECT_FALSE(fs::exists(dir_ + "/finsam.db"));  // extract never writes a database
  RunResult pdf = Run("extract --format json '" + kGavleborgPdf + "'");
  ASSERT_EQ(pdf.code, 0) << pdf.err;
  ASSERT_TRUE(nlohmann::json::accept(pdf.out));
  const nlohmann::json p = nlohmann::json::parse(pdf.out);
  EXPECT_EQ(p.at("document").at("pages"), 7);
  EXPECT_EQ(p.at("pages").size(), 7u);
  RunResult bad = Run("extract '" + dir_ + "/missing.pdf'");
  EXPECT_EQ(bad.code, 1);
  EXPECT_THAT(bad.err, StartsWith("finsam: " + dir_ + "/missing.pdf: not found"));
}

TEST_F(CliCommandTest, CompareNeedsAnExistingDatabase) {
  RunResult r = Run("compare --db missing.db --metric income.total");
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("missing.db"));
  EXPECT_FALSE(fs::exists(dir_ + "/missing.db"));
  LoadBaseline();
  // A metric that is no category is a usage error naming the valid ones
  // (issue 11: a typo used to print an empty table with exit 0).
  RunResult typo = Run("compare --db t.db --metric income.totl --format csv");
  EXPECT_EQ(typo.code, 2) << typo.err;
  EXPECT_EQ(typo.out, "");
  EXPECT_THAT(typo.err, HasSubstr("unknown --metric 'income.totl'"));
  EXPECT_THAT(typo.err, HasSubstr("income.total"));
  RunResult none = Run("compare --db t.db --metric income.total --years 1990 --format csv");
  EXPECT_EQ(none.code, 0) << none.err;
  EXPECT_EQ(none.out, "organisation,year,sources,conflicts\r\n");
}

// No command writes its output over its own input (issue 13): the report
// over the database (also through a symbolic link, or over its -wal file)
// or over an ingested document, and a database over an input file, are
// refused with exit 2 and one line; nothing is written.
TEST_F(CliCommandTest, OutputNeverOverwritesAnInput) {
  fs::copy_file(kJamtlandTxt, dir_ + "/a.txt");
  ASSERT_EQ(Run("ingest --quiet --db t.db a.txt").code, 0);
  const std::string db_bytes = ReadFile(db_);
  const std::string txt_bytes = ReadFile(dir_ + "/a.txt");
  fs::create_symlink("t.db", dir_ + "/link.db");
  for (const char* args : {"review --db t.db --html t.db", "review --db t.db --html ./t.db",
                           "review --db t.db --html link.db", "review --db link.db --html t.db",
                           "review --db t.db --html t.db-wal", "review --db t.db --html a.txt",
                           "review --db t.db --recheck --html a.txt", "ingest --db a.txt a.txt",
                           "ingest --db ./a.txt --text ."}) {
    RunResult r = Run(args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.err;
    ASSERT_EQ(Lines(r.err).size(), 1u) << args << "\n" << r.err;
    EXPECT_THAT(r.err, HasSubstr("refusing to write over it")) << args;
    EXPECT_EQ(r.out, "") << args;
  }
  EXPECT_EQ(ReadFile(db_), db_bytes);
  EXPECT_EQ(ReadFile(dir_ + "/a.txt"), txt_bytes);
  EXPECT_EQ(Count("SELECT count(*) FROM documents"), 1);
  // A different file is fine.
  RunResult ok = Run("review --db t.db --html report.html");
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE(fs::exists(dir_ + "/report.html"));
}

// The report crops pages only from the bytes that were ingested: a file
// replaced (or removed) at the stored path gives a note instead of crops
// and one warning line on stderr; the exit code stays 0.
TEST_F(CliCommandTest, ReviewReportChecksTheDocumentBeforeCropping) {
  fs::copy_file(kGavleborgPdf, dir_ + "/doc.pdf");
  ASSERT_EQ(Run("ingest --quiet --db t.db doc.pdf").code, 0);
  // A decided flag gets a card with its figures and a crop of the page.
  ASSERT_EQ(Run("review --db t.db --accept 1").code, 0);
  RunResult before = Run("review --db t.db --html before.html");
  ASSERT_EQ(before.code, 0) << before.err;
  ASSERT_THAT(ReadFile(dir_ + "/before.html"), HasSubstr("<img class=\"crop\""));
  // Another PDF now sits at the stored path.
  fs::remove(dir_ + "/doc.pdf");
  fs::copy_file(kSource + "/corpus/gavleborg-ar-2020/text.pdf", dir_ + "/doc.pdf");
  RunResult replaced = Run("review --db t.db --html replaced.html");
  EXPECT_EQ(replaced.code, 0) << replaced.err;
  const std::string html = ReadFile(dir_ + "/replaced.html");
  EXPECT_THAT(html, ::testing::Not(HasSubstr("<img class=\"crop\"")));
  // The stored path is absolute and canonical (issue 11); the card says
  // which crop is missing and why (every place tried is named).
  const std::string stored = fs::weakly_canonical(dir_ + "/doc.pdf").string();
  EXPECT_THAT(html, HasSubstr("no page image of page "));
  EXPECT_THAT(html, HasSubstr(stored + ": changed since it was ingested (SHA-256 differs)"));
  ASSERT_EQ(Lines(replaced.err).size(), 2u) << replaced.err;
  EXPECT_THAT(replaced.err, StartsWith("finsam review: warning: " + stored + ": "));
  EXPECT_THAT(Lines(replaced.err)[0], HasSubstr("changed since it was ingested"));
  EXPECT_EQ(Lines(replaced.err)[1], "finsam review: 1 page crop missing (see the warnings above)");
  // Gone altogether.
  fs::remove(dir_ + "/doc.pdf");
  RunResult gone = Run("review --db t.db --html gone.html");
  EXPECT_EQ(gone.code, 0) << gone.err;
  EXPECT_THAT(ReadFile(dir_ + "/gone.html"), HasSubstr(stored + ": no longer there"));
  EXPECT_THAT(ReadFile(dir_ + "/gone.html"), ::testing::Not(HasSubstr("<img class=\"crop\"")));
  EXPECT_EQ(Lines(gone.err).size(), 2u) << gone.err;
}

// libjpeg (inside Poppler) prints "Corrupt JPEG data: …" on stderr when a
// page with a damaged image renders; that message becomes a warning of the
// document, and stderr keeps one line per file. tests/data/corrupt-jpeg.pdf:
// a hand-written one-page PDF whose DCTDecode image has 3 stray bytes
// before its SOS marker.
TEST_F(CliCommandTest, LibraryMessagesBecomeDocumentWarnings) {
  fs::create_directories(dir_ + "/docs");
  fs::copy_file(kSource + "/tests/data/corrupt-jpeg.pdf", dir_ + "/docs/a.pdf");
  fs::copy_file(kJamtlandTxt, dir_ + "/docs/b.txt");
  RunResult r = Run("ingest --db t.db --text --ocr never -j2 docs");
  EXPECT_EQ(r.code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.err);
  ASSERT_EQ(lines.size(), 3u) << r.err;
  EXPECT_THAT(lines[0], StartsWith("loaded docs/a.pdf: "));
  EXPECT_THAT(lines[0], HasSubstr("1 warning"));
  EXPECT_THAT(lines[1], StartsWith("loaded docs/b.txt: "));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("Corrupt JPEG")));
  EXPECT_EQ(Count("SELECT count(*) FROM documents WHERE warnings LIKE "
                  "'%page 1: render: Corrupt JPEG data: 3 extraneous bytes before marker 0xda%'"),
            1);
  RunResult verbose = Run("extract --ocr never '" + dir_ + "/docs/a.pdf'");
  EXPECT_EQ(verbose.code, 0) << verbose.err;
  EXPECT_EQ(verbose.err, "");
  EXPECT_THAT(verbose.out, HasSubstr("Corrupt JPEG data"));
}

// An entry of a walked folder that cannot be read (a dangling or looping
// symbolic link; a folder without read permission when not root) is
// reported on one line 'finsam: PATH: unreadable: …' and the exit code is 1;
// the other files still load.
TEST_F(CliCommandTest, UnreadableEntriesOfAFolderAreReported) {
  fs::create_directories(dir_ + "/docs/sub");
  fs::copy_file(kJamtlandTxt, dir_ + "/docs/sub/good.txt");
  fs::create_directory_symlink("no-such-folder", dir_ + "/docs/gone");
  fs::create_symlink("loop.pdf", dir_ + "/docs/loop.pdf");
  fs::create_symlink("nowhere", dir_ + "/docs/notes.csv");  // not an input: skipped
  const bool root = geteuid() == 0;
  if (!root) {
    fs::create_directories(dir_ + "/docs/locked");
    fs::permissions(dir_ + "/docs/locked", fs::perms::none);
  }
  RunResult r = Run("ingest --db t.db --text docs");
  if (!root) fs::permissions(dir_ + "/docs/locked", fs::perms::owner_all);
  EXPECT_EQ(r.code, 1) << r.err;
  std::vector<std::string> errors;
  for (const std::string& l : Lines(r.err))
    if (l.rfind("finsam: ", 0) == 0) errors.push_back(l);
  ASSERT_EQ(errors.size(), root ? 2u : 3u) << r.err;
  EXPECT_EQ(errors[0], "finsam: docs/gone: unreadable: No such file or directory");
  if (!root) {
    EXPECT_EQ(errors[1], "finsam: docs/locked: unreadable: Permission denied");
  }
  EXPECT_EQ(errors.back(), "finsam: docs/loop.pdf: unreadable: Too many levels of symbolic links");
  EXPECT_THAT(r.err, HasSubstr("loaded docs/sub/good.txt: "));
  EXPECT_EQ(Count("SELECT count(*) FROM documents"), 1);
}

// A control character in a file name cannot forge log lines: the name is
// printed escaped, one line per file.
TEST_F(CliCommandTest, FileNamesWithControlCharactersStayOnOneLine) {
  fs::create_directories(dir_ + "/docs");
  fs::copy_file(kJamtlandTxt, dir_ + "/docs/a\nfinsam: fake.pdf: loaded.txt");
  WriteFile(dir_ + "/docs/b\tc\x1b[31m.pdf", "not a pdf");
  RunResult r = Run("ingest --db t.db --text docs");
  EXPECT_EQ(r.code, 1) << r.err;
  std::vector<std::string> lines = Lines(r.err);
  ASSERT_EQ(lines.size(), 3u) << r.err;  // two files and the summary
  EXPECT_THAT(lines[0], StartsWith("loaded docs/a\\nfinsam: fake.pdf: loaded.txt: Samordningsförbundet"));
  EXPECT_THAT(lines[1], StartsWith("finsam: docs/b\\tc\\x1b[31m.pdf: unsupported: "));
  EXPECT_THAT(lines[2], StartsWith("finsam ingest: 2 files: 1 loaded"));
}

}  // namespace
}  // namespace finsam
