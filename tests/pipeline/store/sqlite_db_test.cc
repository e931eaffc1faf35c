// SqliteDb / SqliteStatement: a failed bind is not lost; the statement
// reports it when it is stepped or run, and Reset() forgets it.
#include "pipeline/store/sqlite_db.h"

#include <memory>
#include <string>

#include <gtest/gtest.h>

namespace finsam {
namespace {

class SqliteDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(":memory:", /*create=*/true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Exec("CREATE TABLE t(a INTEGER, b TEXT)").ok());
  }
  std::unique_ptr<SqliteDb> db_;
};

TEST_F(SqliteDbTest, OutOfRangeBindFailsTheRun) {
  Result<SqliteStatement> ins = db_->Prepare("INSERT INTO t(a, b) VALUES(?, ?)");
  ASSERT_TRUE(ins.ok()) << ins.status().ToString();
  Status st = ins->Bind(1, 7).Bind(3, "no such parameter").Bind(2, "x").Run();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kDatabase);
  EXPECT_NE(st.message().find("parameter 3"), std::string::npos) << st.ToString();
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM t"), 0) << "the statement ran despite the bind error";
  // Run() reset the statement: a correct bind now succeeds.
  EXPECT_TRUE(ins->Bind(1, 7).Bind(2, "x").Run().ok());
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM t"), 1);
}

TEST_F(SqliteDbTest, OutOfRangeBindFailsTheStep) {
  Result<SqliteStatement> q = db_->Prepare("SELECT count(*) FROM t WHERE a = ?");
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  q->Bind(0, int64_t{1});  // parameters are 1-based
  EXPECT_FALSE(q->Step());
  EXPECT_FALSE(q->status().ok());
  EXPECT_EQ(q->status().code(), StatusCode::kDatabase);
  q->Reset();
  q->Bind(1, int64_t{1});
  EXPECT_TRUE(q->Step());
  EXPECT_TRUE(q->status().ok()) << q->status().ToString();
}

}  // namespace
}  // namespace finsam
