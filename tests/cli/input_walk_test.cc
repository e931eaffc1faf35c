// WalkInputDirectory (cli/input_walk.h): the listing seam lets a folder fail
// as an unreadable folder would, also when the tests run as root.
#include "cli/input_walk.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_options.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;

class InputWalkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_walk_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    fs::create_directories(dir_ + "/locked/deep");
    fs::create_directories(dir_ + "/partial");
    fs::create_directories(dir_ + "/.hidden");
    for (const char* f : {"a.pdf", "b.TXT", "c.csv", "locked/x.pdf", "locked/deep/y.md", "partial/p.md",
                          ".hidden/h.pdf", ".dot.pdf"})
      std::ofstream(dir_ + "/" + f) << "x";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_;
};

TEST_F(InputWalkTest, ListsInputFilesSortedAndSkipsHiddenOnes) {
  InputWalk walk = WalkInputDirectory(dir_, ListDirectory, /*text=*/true);
  EXPECT_THAT(walk.files, ::testing::ElementsAre(dir_ + "/a.pdf", dir_ + "/b.TXT", dir_ + "/locked/deep/y.md",
                                                 dir_ + "/locked/x.pdf", dir_ + "/partial/p.md"));
  EXPECT_TRUE(walk.unreadable.empty());
}

// A folder that cannot be opened, and one whose reading fails midway, are
// reported with the error; the rest of the tree is still walked.
TEST_F(InputWalkTest, FoldersThatCannotBeReadAreReported) {
  DirectoryLister failing = [&](const fs::path& d) {
    if (d == fs::path(dir_ + "/locked")) {
      DirectoryListing denied;
      denied.error = std::make_error_code(std::errc::permission_denied);
      return denied;
    }
    DirectoryListing listing = ListDirectory(d);
    if (d == fs::path(dir_ + "/partial")) listing.error = std::make_error_code(std::errc::io_error);
    return listing;
  };
  InputWalk walk = WalkInputDirectory(dir_, failing, /*text=*/true);
  EXPECT_THAT(walk.files, ::testing::ElementsAre(dir_ + "/a.pdf", dir_ + "/b.TXT", dir_ + "/partial/p.md"));
  ASSERT_EQ(walk.unreadable.size(), 2u);
  EXPECT_EQ(walk.unreadable[0].path, dir_ + "/locked");
  EXPECT_EQ(walk.unreadable[0].reason, "unreadable: Permission denied");
  EXPECT_EQ(walk.unreadable[1].path, dir_ + "/partial");
  EXPECT_EQ(walk.unreadable[1].reason, "unreadable: Input/output error");
}

// By default a folder gives its PDFs only: notes and text dumps lying
// beside them are not documents (issue 11, item 4).
TEST_F(InputWalkTest, FoldersGivePdfsUnlessTextIsAsked) {
  InputWalk walk = WalkInputDirectory(dir_);
  EXPECT_THAT(walk.files, ::testing::ElementsAre(dir_ + "/a.pdf", dir_ + "/locked/x.pdf"));
  EXPECT_TRUE(walk.unreadable.empty());
}

TEST_F(InputWalkTest, TheWalkedFolderItselfCanBeUnreadable) {
  InputWalk walk = WalkInputDirectory(dir_ + "/missing");
  EXPECT_TRUE(walk.files.empty());
  ASSERT_EQ(walk.unreadable.size(), 1u);
  EXPECT_EQ(walk.unreadable[0].reason, "unreadable: No such file or directory");
}

TEST(QuotePathForLogTest, EscapesControlCharactersOnly) {
  EXPECT_EQ(QuotePathForLog("corpus/gävleborg-år-2020/text.pdf"), "corpus/gävleborg-år-2020/text.pdf");
  EXPECT_EQ(QuotePathForLog("a b\\c.pdf"), "a b\\c.pdf");
  EXPECT_EQ(QuotePathForLog("a\nfinsam: fake.pdf: loaded"), "a\\nfinsam: fake.pdf: loaded");
  EXPECT_EQ(QuotePathForLog("a\r\tb"), "a\\r\\tb");
  EXPECT_EQ(QuotePathForLog(std::string("a\x1b[2J\x7f\x01", 7)), "a\\x1b[2J\\x7f\\x01");
  EXPECT_EQ(QuotePathForLog(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(QuotePathForLog("a\xc2\x9b" "31m"), "a\\xc2\\x9b31m");  // C1 CSI
  EXPECT_EQ(QuotePathForLog("\xc2\xa0"), "\xc2\xa0");               // no-break space stays
  EXPECT_EQ(OneLine("bad\nthing\x1b"), "bad thing\\x1b");
}

}  // namespace
}  // namespace finsam
