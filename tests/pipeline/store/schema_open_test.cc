// Opening an up-to-date database writes nothing: the schema cookie in the
// SQLite header (bytes 40-43, bumped by every schema change) stays the same.
// Re-creating stale views leaves the user's own views alone.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

#include "pipeline/store/database.h"
#include "pipeline/store/schema.h"

namespace finsam {
namespace {

std::string Header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string h(100, '\0');
  in.read(h.data(), 100);
  return h;
}

TEST(SchemaOpenTest, CurrentDatabaseIsOpenedWithoutSchemaChanges) {
  std::string tmpl = ::testing::TempDir() + "/finsam_open_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  std::string path = tmpl + "/t.db";
  { ASSERT_TRUE(Database::Open(path).ok()); }
  std::string first = Header(path);
  { ASSERT_TRUE(Database::Open(path).ok()); }
  std::string second = Header(path);
  EXPECT_EQ(first.substr(40, 4), second.substr(40, 4)) << "schema cookie changed on a second open";
  EXPECT_EQ(first.substr(24, 4), second.substr(24, 4)) << "file change counter changed on a second open";
  // A database whose view definitions are stale gets them re-created.
  {
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->sql().Exec("UPDATE schema_info SET value = 'old' WHERE key = 'views_key'").ok());
  }
  { ASSERT_TRUE(Database::Open(path).ok()); }
  EXPECT_NE(Header(path).substr(40, 4), second.substr(40, 4));
}

// Re-creating the views drops finsam's own views only: a view an analyst
// created in the same file survives, and finsam's views are current again.
TEST(SchemaOpenTest, RecreatingViewsKeepsUserViews) {
  std::string tmpl = ::testing::TempDir() + "/finsam_views_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  std::string path = tmpl + "/t.db";
  {
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    SqliteDb& sql = (*db)->sql();
    ASSERT_TRUE(sql.Exec("CREATE VIEW my_view AS SELECT 1").ok());
    ASSERT_TRUE(sql.Exec("CREATE VIEW my_documents AS SELECT count(*) AS n FROM v_documents").ok());
    // A stale finsam view and a stale fingerprint force the re-creation path.
    ASSERT_TRUE(sql.Exec("DROP VIEW v_pages").ok());
    ASSERT_TRUE(sql.Exec("CREATE VIEW v_pages AS SELECT 1 AS stale").ok());
    ASSERT_TRUE(sql.Exec("UPDATE schema_info SET value = 'old' WHERE key = 'views_key'").ok());
  }
  auto db = Database::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  SqliteDb& sql = (*db)->sql();
  EXPECT_EQ(sql.QueryInt("SELECT count(*) FROM sqlite_master WHERE type='view' AND name='my_view'"), 1);
  EXPECT_EQ(sql.QueryInt("SELECT * FROM my_view"), 1);
  // A user view over a finsam view survives and reads the re-created one.
  EXPECT_EQ(sql.QueryInt("SELECT n FROM my_documents"), 0);
  std::vector<std::string> own = OwnViewNames();
  ASSERT_EQ(own.size(), ViewDefinitions().size());
  for (size_t i = 0; i < own.size(); ++i) {
    Result<SqliteStatement> q = sql.Prepare("SELECT sql FROM sqlite_master WHERE type='view' AND name=?");
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    q->Bind(1, own[i]);
    ASSERT_TRUE(q->Step()) << own[i] << " missing";
    EXPECT_EQ(q->Text(0), ViewDefinitions()[i]) << own[i] << " not current";
  }
  EXPECT_FALSE(sql.Prepare("SELECT stale FROM v_pages").ok()) << "v_pages still the stale definition";
  EXPECT_EQ(sql.QueryInt("SELECT count(*) FROM schema_info WHERE key='views_key' AND value='old'"), 0);
}

}  // namespace
}  // namespace finsam
