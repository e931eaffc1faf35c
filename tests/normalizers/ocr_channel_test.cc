// The learned confusion table as diacritic repair's noisy channel: a small
// table written here (so the cases do not move when the shipped table is
// relearned) must let the repair find words with a lost letter, a letter
// read as two, and damaged words side by side;
// and it must not touch what is right or is no word at all.
#include <gtest/gtest.h>

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
  };
  for (const std::string& s : same) EXPECT_EQ(Repair(s, true), s);
}

}  // namespace
}  // namespace finsam
