// Database: open/migrate, schema version, load / unchanged / re-extracted, and
// that a failing load leaves the database as it was.
#include "pipeline/store/database.h"

#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"
#include "pipeline/store/schema.h"
#include "tests/support/extraction_builder.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;
using fixtures::AddRow;
using fixtures::AddTable;
using fixtures::MakeDocument;

class DatabaseLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_db_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/t.db";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  static Extraction Plan(int64_t income_2020) {
    Extraction ex = MakeDocument("aa11", "Samordningsförbundet Gävleborg", "verksamhetsplan", 2020, 2022);
    FinancialTable& t = AddTable(ex, "budget", 3, {{2020, ColumnKind::kBudget}, {2021, ColumnKind::kPlan}});
    AddRow(t, "Summa intäkter", "income.total", {income_2020, 13320000});
    AddRow(t, "Övriga intäkter", "income.other", {std::nullopt, 5000});  // one empty cell
    return ex;
  }
  int64_t Count(Database& db, const std::string& sql) { return db.sql().QueryInt(sql).value_or(-1); }

  std::string dir_, path_;
};

TEST_F(DatabaseLoadTest, OpenTwiceKeepsSchemaVersionAndViews) {
  {
    Result<std::unique_ptr<Database>> db = Database::Open(path_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
  }
  Result<std::unique_ptr<Database>> db = Database::Open(path_);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(Count(**db, "SELECT CAST(value AS INTEGER) FROM schema_info WHERE key='schema_version'"),
            LatestSchemaVersion());
  for (const char* view : {"v_documents", "v_pages", "v_financial"}) {
    EXPECT_EQ(Count(**db, std::string("SELECT count(*) FROM sqlite_master WHERE type='view' AND name='") + view + "'"),
              1)
        << view;
    EXPECT_EQ(Count(**db, std::string("SELECT count(*) FROM ") + view), 0) << view;
  }
}

TEST_F(DatabaseLoadTest, MissingDatabaseWithoutCreateIsNotFound) {
  Result<std::unique_ptr<Database>> db = Database::Open(path_, /*create=*/false);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(fs::exists(path_));
}

TEST_F(DatabaseLoadTest, RefusesNewerSchema) {
  {
    Result<std::unique_ptr<Database>> db = Database::Open(path_);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->sql().Exec("UPDATE schema_info SET value='999' WHERE key='schema_version'").ok());
  }
  Result<std::unique_ptr<Database>> db = Database::Open(path_);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("newer"), std::string::npos) << db.status().ToString();
}

TEST_F(DatabaseLoadTest, LoadThenUnchangedThenReextracted) {
  Result<std::unique_ptr<Database>> opened = Database::Open(path_);
  ASSERT_TRUE(opened.ok());
  Database& db = **opened;

  Result<LoadResult> first = db.Load(Plan(13320000));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->outcome, LoadOutcome::kLoaded);
  EXPECT_EQ(first->facts, 3);  // 2 + 1, the empty cell is no fact
  EXPECT_EQ(db.StoredPipelineVersion("aa11"), kPipelineVersion);
  EXPECT_EQ(Count(db, "SELECT amount_sek FROM v_financial WHERE category='income.total' AND year=2020 AND "
                      "column_kind='budget' AND forbund='Samordningsförbundet Gävleborg' AND doc_kind='verksamhetsplan'"),
            13320000);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM v_financial WHERE category='income.other'"), 1);
  EXPECT_EQ(Count(db, "SELECT pages FROM v_documents WHERE document_id = " + std::to_string(first->document_id)), 6);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM v_pages"), 6);

  Result<SqliteStatement> q = db.sql().Prepare("SELECT ingested_at FROM documents");
  ASSERT_TRUE(q.ok() && q->Step());
  std::string ingested_at = q->Text(0);
  sleep(1);

  // Same bytes, same pipeline version: nothing changes.
  Result<LoadResult> again = db.Load(Plan(99));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->outcome, LoadOutcome::kUnchanged);
  EXPECT_EQ(again->document_id, first->document_id);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM facts"), 3);
  EXPECT_EQ(Count(db, "SELECT amount_sek FROM v_financial WHERE category='income.total' AND year=2020"), 13320000);
  Result<SqliteStatement> q2 = db.sql().Prepare("SELECT ingested_at FROM documents");
  ASSERT_TRUE(q2.ok() && q2->Step());
  EXPECT_EQ(q2->Text(0), ingested_at);

  // Stored by an older pipeline version: re-extracted in place.
  ASSERT_TRUE(db.sql().Exec("UPDATE documents SET pipeline_version = " + std::to_string(kPipelineVersion - 1)).ok());
  Result<LoadResult> re = db.Load(Plan(13400000));
  ASSERT_TRUE(re.ok()) << re.status().ToString();
  EXPECT_EQ(re->outcome, LoadOutcome::kReextracted);
  EXPECT_EQ(re->document_id, first->document_id);
  EXPECT_EQ(re->facts, 3);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM fin_tables"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM facts"), 3);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM pages"), 6);
  EXPECT_EQ(Count(db, "SELECT amount_sek FROM v_financial WHERE category='income.total' AND year=2020"), 13400000);
  EXPECT_EQ(db.StoredPipelineVersion("aa11"), kPipelineVersion);
}

TEST_F(DatabaseLoadTest, FailingLoadLeavesDatabaseUnchanged) {
  Result<std::unique_ptr<Database>> opened = Database::Open(path_);
  ASSERT_TRUE(opened.ok());
  Database& db = **opened;
  ASSERT_TRUE(db.Load(Plan(13320000)).ok());
  // Make the loader fail half-way through the second document: after its
  // documents, pages and table rows are inserted.
  ASSERT_TRUE(db.sql()
                  .Exec("CREATE TRIGGER boom BEFORE INSERT ON facts WHEN NEW.amount_sek = 666 "
                        "BEGIN SELECT RAISE(ABORT, 'boom'); END")
                  .ok());
  Extraction bad = MakeDocument("bb22", "Samordningsförbundet Umeå", "årsredovisning", 2020, 2020);
  FinancialTable& t = AddTable(bad, "income_statement", 2, {{2020, ColumnKind::kUtfall}});
  AddRow(t, "Summa intäkter", "income.total", {1000});
  AddRow(t, "Summa kostnader", "cost.total", {666});
  auto counts = [&] {
    std::string s;
    for (const char* table : {"documents", "forbund", "pages", "fin_tables", "fin_columns", "fin_rows", "facts"})
      s += std::to_string(Count(db, std::string("SELECT count(*) FROM ") + table)) + " ";
    return s;
  };
  std::string before = counts();
  Result<LoadResult> r = db.Load(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDatabase);
  EXPECT_EQ(counts(), before);
  EXPECT_EQ(db.StoredPipelineVersion("bb22"), 0);
  // The connection is usable afterwards (no transaction left open).
  ASSERT_TRUE(db.sql().Exec("DROP TRIGGER boom").ok());
  Result<LoadResult> ok = db.Load(bad);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->outcome, LoadOutcome::kLoaded);
  EXPECT_EQ(ok->facts, 2);
}

}  // namespace
}  // namespace finsam
