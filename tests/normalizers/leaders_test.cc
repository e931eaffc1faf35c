// Tab leaders in words and lines (normalizers/text.h): the dots a word
// processor draws from a label to its tab stop, and what an English OCR
// model makes of them (w27).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalizers/text.h"

namespace finsam {
namespace {

TEST(Leaders, SplitAtLeader) {
  struct Case {
    const char* word;
    bool leader;
    const char* head;
    const char* tail;
  };
  const std::vector<Case> cases = {
      // A text layer: the label's last word, the dots, the note at the stop.
      {"intäkter......................1", true, "intäkter", "1"},
      {"resultat.........", true, "resultat", ""},
      {"..........", true, "", ""},
      {"skulder\u2026\u2026", true, "skulder", ""},
      // An English OCR model's reading of the rest of the leader goes.
      {"intakter........c.cccccccceescessseessseseeeseees", true, "intakter", ""},
      {"KoOstnadel.........:ccccceseesssctsss", true, "KoOstnadel", ""},
      // Controls: an ellipsis of three, a decimal, a date, a word.
      {"osv...", false, "", ""},
      {"1.000.000", false, "", ""},
      {"2025-12-31", false, "", ""},
      {"Summa", false, "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.word);
    std::string head, tail;
    EXPECT_EQ(SplitAtLeader(c.word, &head, &tail), c.leader);
    if (!c.leader) continue;
    EXPECT_EQ(head, c.head);
    EXPECT_EQ(tail, c.tail);
  }
}

TEST(Leaders, GarbageWordsAreOnlyTheDotsReadAsLetters) {
  EXPECT_TRUE(IsLeaderGarbage("eeeseeesecseceeceesesesseseeseseeseceeseeecse"));
  EXPECT_TRUE(IsLeaderGarbage("cccccsccsssssescssssesssssssesss"));
  // Controls: real words of those letters, short scraps, figures.
  EXPECT_FALSE(IsLeaderGarbage("sessionerna"));
  EXPECT_FALSE(IsLeaderGarbage("Resultaträkning"));
  EXPECT_FALSE(IsLeaderGarbage("eeses"));
  EXPECT_FALSE(IsLeaderGarbage("1234567890123"));
}

// A dump's line keeps its other words' columns: what goes becomes spaces.
TEST(Leaders, LinesLoseTheirLeadersAndKeepTheirColumns) {
  const std::string line = "Verksamhetens intakter........c.cccccceess 1 5 062 4835";
  const std::string out = WithoutLeaders(line);
  EXPECT_EQ(out.size(), line.size());
  EXPECT_EQ(CollapseSpaces(out), "Verksamhetens intakter 1 5 062 4835");
  EXPECT_EQ(out.find("5 062"), line.find("5 062"));
  EXPECT_EQ(CollapseSpaces(WithoutLeaders("Eget Kapital... eeeeeeseseeeseeseseseeeeeeseese 3 420 3 237")),
            "Eget Kapital 3 420 3 237");
  // Controls: a line without leaders, tabs kept.
  EXPECT_EQ(WithoutLeaders("Summa\t4 368\t4 205"), "Summa\t4 368\t4 205");
  EXPECT_EQ(WithoutLeaders("Se not 3 osv..."), "Se not 3 osv...");
}

}  // namespace
}  // namespace finsam
