#include "normalizers/ocr_alignment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalizers/utf8.h"

namespace finsam {
namespace {

// The events of the word(s) that differ, as "intended→observed@place".
std::vector<std::string> Confusions(const std::string& intended, const std::string& observed) {
  std::vector<std::string> out;
  for (const LetterEvent& e : LetterEvents(AlignCharacters(Utf8ToU32(intended), Utf8ToU32(observed)))) {
    if (e.observed.size() == 1 && e.observed[0] == e.intended) continue;
    const char* place = e.position == LetterEvent::kInitial ? "initial" : e.position == LetterEvent::kFinal ? "final" : "medial";
    out.push_back(U32ToUtf8(std::u32string(1, e.intended)) + "→" + (e.observed.empty() ? "<none>" : U32ToUtf8(e.observed)) +
                  "@" + place);
  }
  return out;
}

TEST(OcrAlignment, LetterEventsNameOneEventPerIntendedLetter) {
  struct Case {
    const char* intended;
    const char* observed;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"förslag", "forslag", {"ö→o@medial"}},
      {"ett möte i dag", "ett moéte i dag", {"ö→oé@medial"}},
      {"en åtgärd nu", "en tgärd nu", {"å→<none>@initial"}},
      {"Östersund", "Sstersund", {"ö→s@initial"}},
      {"är det", "8r det", {"ä→8@initial"}},
      {"gå nu", "g4 nu", {"å→4@final"}},
      {"samma text", "samma text", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Confusions(c.intended, c.observed), c.want) << c.intended << " / " << c.observed;
}

TEST(OcrAlignment, WordsTooFarOffAreLeftOut) {
  // A line the OCR mixed up teaches nothing about letters.
  EXPECT_TRUE(Confusions("förbundet", "xyzqwkjhl").empty());
}

TEST(OcrAlignment, AlignWordsSkipsSplitAndLostWords) {
  const std::vector<std::string> truth = {"Förbundet", "har", "en", "övergripande", "plan."};
  const std::vector<std::string> ocr = {"Férbundet", "har", "vergripande", "pl", "an."};
  const std::vector<std::pair<size_t, size_t>> want = {{0, 0}, {1, 1}, {3, 2}};
  EXPECT_EQ(AlignWords(truth, ocr), want);
}

TEST(OcrAlignment, ScoreRepairCountsDamagedAndCorrectWords) {
  std::vector<std::string> misses;
  RepairTally t = ScoreRepair("Förbundet har en övergripande plan för 2020.",
                              "Férbundet har en vergripande pian for 2020.",
                              "Förbundet har en vergripande pian för 2020.", &misses);
  EXPECT_EQ(t.damaged, 3u);   // Férbundet, vergripande, for
  EXPECT_EQ(t.restored, 2u);
  EXPECT_EQ(t.correct, 3u);   // har, en, 2020.
  EXPECT_EQ(t.untouched, 3u);
  EXPECT_EQ(t.other, 1u);     // pian: not a diacritic
  ASSERT_EQ(misses.size(), 1u);
  EXPECT_EQ(misses[0], "MISS vergripande -> vergripande (want övergripande)");
}

}  // namespace
}  // namespace finsam
