// Status and Result<T>: codes, names and messages; a Result holds a value or
// an error; [[nodiscard]] on both classes does not get in the way of moves,
// returns and FINSAM_RETURN_IF_ERROR.
#include "model/status.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace finsam {
namespace {

struct StatusCase {
  Status status;
  StatusCode code;
  const char* name;
  const char* text;  // ToString()
};

TEST(StatusTest, CodesNamesAndMessages) {
  const std::vector<StatusCase> cases = {
      {Status(), StatusCode::kOk, "ok", "ok"},
      {Status::Ok(), StatusCode::kOk, "ok", "ok"},
      {Status::InvalidArgument("bad --dpi"), StatusCode::kInvalidArgument, "invalid argument",
       "invalid argument: bad --dpi"},
      {Status::NotFound("no file"), StatusCode::kNotFound, "not found", "not found: no file"},
      {Status::Unsupported("not a PDF"), StatusCode::kUnsupported, "unsupported", "unsupported: not a PDF"},
      {Status::Corrupt("xref table missing"), StatusCode::kCorrupt, "corrupt", "corrupt: xref table missing"},
      {Status::Encrypted("password"), StatusCode::kEncrypted, "encrypted", "encrypted: password"},
      {Status::TooLarge("200 MB"), StatusCode::kTooLarge, "too large", "too large: 200 MB"},
      {Status::IoError("disk full"), StatusCode::kIoError, "i/o error", "i/o error: disk full"},
      {Status::Database("locked"), StatusCode::kDatabase, "database error", "database error: locked"},
      {Status::Internal("invariant"), StatusCode::kInternal, "internal error", "internal error: invariant"},
  };
  for (const StatusCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(c.status.code(), c.code);
    EXPECT_EQ(c.status.ok(), c.code == StatusCode::kOk);
    EXPECT_STREQ(StatusCodeName(c.code), c.name);
    EXPECT_EQ(c.status.ToString(), c.text);
  }
  EXPECT_EQ(Status::NotFound("no file").message(), "no file");
  EXPECT_EQ(Status().message(), "");
}

TEST(StatusTest, ResultHoldsValueOrError) {
  struct ResultCase {
    Result<int> result;
    bool ok;
    int value;            // when ok
    StatusCode code;      // when not ok
  };
  const std::vector<ResultCase> cases = {
      {Result<int>(42), true, 42, StatusCode::kOk},
      {Result<int>(0), true, 0, StatusCode::kOk},
      {Result<int>(Status::NotFound("x")), false, 0, StatusCode::kNotFound},
      {Result<int>(Status::Database("y")), false, 0, StatusCode::kDatabase},
  };
  for (const ResultCase& c : cases) {
    EXPECT_EQ(c.result.ok(), c.ok);
    if (c.ok) {
      EXPECT_EQ(c.result.value(), c.value);
    } else {
      EXPECT_EQ(c.result.status().code(), c.code);
    }
  }
  Result<std::string> s = std::string("abc");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->size(), 3u);
  EXPECT_EQ(*s, "abc");
  // A Result built without a value still reports an error, never ok.
  Result<int> empty = Status::Ok();
  EXPECT_FALSE(empty.ok());
}

Result<std::unique_ptr<int>> MakeBox(int v) {
  if (v < 0) return Status::InvalidArgument("negative");
  return std::make_unique<int>(v);
}

Status CheckAll(const std::vector<int>& values) {
  for (int v : values) {
    Result<std::unique_ptr<int>> box = MakeBox(v);
    FINSAM_RETURN_IF_ERROR(box.ok() ? Status::Ok() : box.status());
  }
  return Status::Ok();
}

TEST(StatusTest, NodiscardKeepsMovesAndReturns) {
  // Move-only values move in and out of a Result.
  Result<std::unique_ptr<int>> box = MakeBox(7);
  ASSERT_TRUE(box.ok());
  std::unique_ptr<int> owned = std::move(box).value();
  ASSERT_NE(owned, nullptr);
  EXPECT_EQ(*owned, 7);
  // Statuses move and copy like values.
  Status a = Status::Corrupt("truncated");
  Status b = std::move(a);
  Status c = b;
  EXPECT_EQ(b.code(), StatusCode::kCorrupt);
  EXPECT_EQ(c.ToString(), "corrupt: truncated");
  // FINSAM_RETURN_IF_ERROR passes the first error through.
  EXPECT_TRUE(CheckAll({1, 2, 3}).ok());
  Status st = CheckAll({1, -2, 3});
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.message(), "negative");
  // A deliberate ignore compiles without a warning.
  Status::Internal("ignored on purpose").IgnoreError();
}

}  // namespace
}  // namespace finsam
