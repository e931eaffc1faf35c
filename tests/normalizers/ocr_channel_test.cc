// The learned confusion table as diacritic repair's noisy channel: a small
// table written here (so the cases do not move when the shipped table is
// relearned) must let the repair find words with a lost letter, a letter
// read as two, and damaged words side by side;
// and it must not touch what is right or is no word at all.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "normalizers/diacritic_repair.h"
#include "normalizers/ocr_confusions.h"
#include "tests/support/shared_lexicon.h"

namespace finsam {
namespace {

const OcrConfusionTable& SmallTable() {
  static const OcrConfusionTable* table = [] {
    const std::string path = (std::filesystem::temp_directory_path() / "finsam_ocr_channel_test.tsv").string();
    {
      std::ofstream out(path);
      out << "#position\tintended\tobserved\tcount\ttotal\tlog_prob\n"
             "initial\tå\t<none>\t6\t100\t-2.8\n"
             "initial\tö\t<none>\t4\t100\t-3.2\n"
             "initial\tö\ts\t5\t100\t-3.0\n"
             "initial\tä\t8\t5\t100\t-3.0\n"
             "medial\tö\toé\t5\t200\t-3.7\n"
             "medial\tö\téo\t4\t200\t-3.9\n"
             "medial\tä\ta\t150\t200\t-0.29\n"
             "medial\tä\tii\t1\t200\t-5.3\n";  // seen once: below the bar
    }
    std::string error;
    OcrConfusionTable* t = OcrConfusionTable::Load(path, &error).release();
    std::remove(path.c_str());
    EXPECT_NE(t, nullptr) << error;
    return t;
  }();
  return *table;
}

std::string Repair(const std::string& text, bool learned) {
  RepairOptions opt;
  opt.strip_rate = 0.95;
  opt.use_learned_confusions = learned;
  opt.confusions = &SmallTable();
  return DiacriticRepairer(Lex(), opt).RepairText(text, nullptr);
}

TEST(OcrChannel, TableLoadsAndKeepsOnlyDiacriticConfusions) {
  std::vector<LearnedConfusion> d = SmallTable().DiacriticConfusions(3);
  EXPECT_EQ(d.size(), 7u);  // all but the one seen once
  for (const LearnedConfusion& c : d) EXPECT_LT(c.log_prob, 0);
  std::string error;
  EXPECT_EQ(OcrConfusionTable::Load("/nonexistent/ocr_confusions.tsv", &error), nullptr);
  EXPECT_FALSE(error.empty());
}

// The table with backoff (OcrConfusionTable::Smoothed): a reading borrows
// from its rate at other places, a reading never seen costs more than any
// seen, every letter can be lost at every place, and what was seen once
// stays out.
TEST(OcrChannel, SmoothedChannelBacksOffAndSharesTheUnseenMass) {
  const SmoothedDiacriticChannel& s = SmallTable().Smoothed();
  auto find = [&](char32_t intended, LetterPlace place, const std::u32string& obs) -> const LearnedConfusion* {
    const std::vector<LearnedConfusion>* v = nullptr;
    if (obs.size() == 1) {
      auto it = s.single.find(obs[0]);
      if (it != s.single.end()) v = &it->second;
    } else if (obs.size() == 2) {
      auto it = s.pair.find(SmoothedDiacriticChannel::PairKey(obs[0], obs[1]));
      if (it != s.pair.end()) v = &it->second;
    } else {
      v = &s.lost;
    }
    if (!v) return nullptr;
    for (const LearnedConfusion& c : *v)
      if (c.intended == intended && c.place == place && c.observed == obs) return &c;
    return nullptr;
  };
  // "oé" for ö was seen inside words only; at the start it borrows, less.
  const LearnedConfusion* medial_oe = find(U'ö', LetterPlace::kMedial, U"oé");
  const LearnedConfusion* initial_oe = find(U'ö', LetterPlace::kInitial, U"oé");
  ASSERT_NE(medial_oe, nullptr);
  ASSERT_NE(initial_oe, nullptr);
  EXPECT_LT(initial_oe->log_prob, medial_oe->log_prob);
  // "a8" for ä was never seen; both its letters are readings of ä.
  const LearnedConfusion* a8 = find(U'ä', LetterPlace::kMedial, U"a8");
  ASSERT_NE(a8, nullptr);
  EXPECT_LT(a8->log_prob, find(U'ä', LetterPlace::kMedial, U"a")->log_prob);
  EXPECT_LT(a8->log_prob, std::log(0.01));
  // Two letters that are no reading of ä make no reading of it.
  EXPECT_EQ(find(U'ä', LetterPlace::kMedial, U"xy"), nullptr);
  // Seen once: noise of the sample.
  EXPECT_EQ(find(U'ä', LetterPlace::kMedial, U"ii"), nullptr);
  // One letter never seen for ö ("b") costs more than one seen ("s").
  const LearnedConfusion* b = find(U'ö', LetterPlace::kInitial, U"b");
  ASSERT_NE(b, nullptr);
  EXPECT_LT(b->log_prob, find(U'ö', LetterPlace::kInitial, U"s")->log_prob);
  // Lost letters: all three at all three places; the seen loss is likelier.
  EXPECT_EQ(s.lost.size(), 9u);
  const LearnedConfusion* lost_initial = find(U'å', LetterPlace::kInitial, U"");
  const LearnedConfusion* lost_medial = find(U'å', LetterPlace::kMedial, U"");
  ASSERT_NE(lost_initial, nullptr);
  ASSERT_NE(lost_medial, nullptr);
  EXPECT_GT(lost_initial->log_prob, lost_medial->log_prob);
  for (const LearnedConfusion& c : s.lost) EXPECT_LT(c.log_prob, 0);
}

TEST(OcrChannel, FindsWordsBeyondTheCommonConfusions) {
  struct Case {
    const char* input;
    const char* expected;
  };
  const std::vector<Case> cases = {
      // A lost first letter, plus the stripped ä in the same word.
      {"Styrelsen beslutade om en tgard for deltagarna.", "Styrelsen beslutade om en åtgärd för deltagarna."},
      {"Ett vergripande mal for forbundet.", "Ett övergripande mål för förbundet."},
      // ö read as two letters.
      {"Styrelsen hade ett moéte i mars.", "Styrelsen hade ett möte i mars."},
      {"Alla ledaméoter var med.", "Alla ledamöter var med."},
      // Two damaged words side by side.
      {"Vi hade ett moéte om tgarden.", "Vi hade ett möte om åtgärden."},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Repair(c.input, true), c.expected) << c.input;
    // Without the table these words stay as they were read.
    EXPECT_NE(Repair(c.input, false), c.expected) << c.input;
  }
}

TEST(OcrChannel, LeavesRightWordsCodesAndNumbersAlone) {
  const std::vector<std::string> same = {
      "Styrelsen har en tydlig plan och en budget.",
      "Se www.sverige.se eller skriv till info@example.se.",
      "Diarienummer SFS 2003:1210, ärende A8-2020, kod S123.",
      "Summa 13 320 tkr, 8 st, E4 och E18.",
      "Mats och Sven kom till mötet.",
      // Abbreviations and codes: no letter was lost in HR or LSS, and a
      // hexadecimal identifier's 6 is a digit.
      "Frågor om HR och LSS (dnr 2024-15), id 768a99c7-fb46-47f3-8409-1c6bcd9df967.",
  };
  for (const std::string& s : same) EXPECT_EQ(Repair(s, true), s);
}

}  // namespace
}  // namespace finsam
