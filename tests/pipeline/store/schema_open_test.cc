// Opening an up-to-date database writes nothing: the schema cookie in the
// SQLite header (bytes 40-43, bumped by every schema change) stays the same.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "pipeline/store/database.h"

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

}  // namespace
}  // namespace finsam
