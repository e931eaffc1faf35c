#include "model/text_split.h"

#include <gtest/gtest.h>

namespace finsam {
namespace {

TEST(SplitOnTest, DropsEmptyPiecesKeepsOrder) {
  struct Case {
    const char* text;
    char sep;
    std::vector<std::string> want;
  };
  const Case kCases[] = {
      {"", ' ', {}},
      {"   ", ' ', {}},
      {"Nettoomsättning", ' ', {"Nettoomsättning"}},
      {"Nettooms ttning  2022 ", ' ', {"Nettooms", "ttning", "2022"}},
      {"/api/facts/12", '/', {"api", "facts", "12"}},
      {"//index.html/", '/', {"index.html"}},
      {"a b", '/', {"a b"}},
  };
  for (const Case& c : kCases) EXPECT_EQ(SplitOn(c.text, c.sep), c.want) << '"' << c.text << '"';
}

}  // namespace
}  // namespace finsam
