// Misread letters in OCR-read table labels (normalizers/ocr_misreads.h):
// Tesseract's Swedish model on scans. Hand-made labels.
#include "normalizers/ocr_misreads.h"

#include <gtest/gtest.h>

namespace finsam {
namespace {

TEST(OcrMisreadsTest, RebuildsWordsOneMisreadAway) {
  const SwedishLexicon* lex = SwedishLexicon::Shared();
  if (!lex) GTEST_SKIP() << "lexicon not found";
  const std::pair<const char*, const char*> kCases[] = {
      {"Försäkringskåssan", "Försäkringskassan"},
      {"Förutbetälda kostnader", "Förutbetalda kostnader"},
      {"Halisbergs kommun", "Hallsbergs kommun"},
      {"Regiori Örebro län", "Region Örebro län"},
      {"Försäknngskassan", "Försäkringskassan"},  // ri read as n
      {"Summia kostnader", "Summa kostnader"},
      {"SUMIMA INTÄKTER", "SUMMA INTÄKTER"},
      {"Arbetsförrnedlingen", "Arbetsförmedlingen"},
      {"Personaikostnader", "Personalkostnader"},
      {"Persoönalkostnader", "Personalkostnader"},  // one letter read twice
      {"Medlemsaävgifter", "Medlemsavgifter"},
      {"Ärets resultat", "Årets resultat"},  // the ring read as dots
      {"Leverantörsskutder", "Leverantörsskulder"},  // a monospaced l read as t
      {"Personatkostnader", "Personalkostnader"},
      {"Förändring av eget kapital", "Förändring av eget kapital"},
      {"Kassa och barik", "Kassa och bank"},
      {"Kortfri stiga fordringar", "Kortfristiga fordringar"},  // one word split in two
      // Read right: unchanged, and nothing reported.
      {"Summa kortfristiga skulder", "Summa kortfristiga skulder"},
      {"Region Jämtland Härjedalen", "Region Jämtland Härjedalen"},
      {"Övriga externa kostnader", "Övriga externa kostnader"},
      {"ESF-projekt KPI", "ESF-projekt KPI"},
      {"Lån 2", "Lån 2"},
      {"", ""},
  };
  for (const auto& [in, want] : kCases) {
    OcrMisreadRepair r = RepairOcrMisreads(in, *lex);
    EXPECT_EQ(r.text, want) << in;
    EXPECT_TRUE(r.unknown.empty()) << in << ": " << (r.unknown.empty() ? "" : r.unknown[0]);
    EXPECT_EQ(r.repaired.empty(), std::string(in) == want) << in;
  }
}

TEST(OcrMisreadsTest, ReportsWordsNoSingleReadingRebuilds) {
  const SwedishLexicon* lex = SwedishLexicon::Shared();
  if (!lex) GTEST_SKIP() << "lexicon not found";
  const std::pair<const char*, const char*> kCases[] = {
      {"Surnrniia kostnxder", "Surnrniia"},  // two words damaged beyond one edit
      {"Ovrigt qwrtzk", "qwrtzk"},
      // An abbreviation of four letters is no stray stroke away from a
      // three-letter word ("uppl" for upplåten is not "upp"): kept as read.
      {"Årsavgifter kr/kvm uppl med BR", "uppl"},
  };
  for (const auto& [in, first_unknown] : kCases) {
    OcrMisreadRepair r = RepairOcrMisreads(in, *lex);
    ASSERT_FALSE(r.unknown.empty()) << in;
    EXPECT_EQ(r.unknown[0], first_unknown) << in;
  }
  EXPECT_EQ(RepairOcrMisreads("Årsavgifter kr/kvm uppl med BR", *lex).text, "Årsavgifter kr/kvm uppl med BR");
}

// Long words no single OCR edit rebuilds: guessed when one frequent valid
// word is two OCR edits, one misread letter, or both away; reported in
// `guessed` (the caller flags the label). Short words are never guessed.
TEST(OcrMisreadsTest, GuessesLongWordsAFewEditsAway) {
  const SwedishLexicon* lex = SwedishLexicon::Shared();
  if (!lex) GTEST_SKIP() << "lexicon not found";
  struct Case {
    const char* in;
    const char* want;   // the text after repair
    size_t guesses;     // words rebuilt by a guess
  } cases[] = {
      {"Mealemsavgifter", "Medlemsavgifter", 1},        // d read as a: any letter
      {"Övriga intakier", "Övriga intäkter", 1},        // ä lost and t read as i
      {"Summa kostnxder", "Summa kostnader", 1},
      {"Strangnåas kommun", "Strängnäs kommun", 1},     // marks moved and a stray stroke (w24)
      {"Personalkostnader", "Personalkostnader", 0},    // known: untouched
      {"Summia kostnader", "Summa kostnader", 0},       // one OCR edit: no guess
      {"Karis", "Karis", 0},                            // short: not guessed
      {"Unga qwrtzkxyz", "Unga qwrtzkxyz", 0},          // nothing near
  };
  for (const Case& c : cases) {
    OcrMisreadRepair r = RepairOcrMisreads(c.in, *lex);
    EXPECT_EQ(r.text, c.want) << c.in;
    EXPECT_EQ(r.guessed.size(), c.guesses) << c.in;
  }
}

}  // namespace
}  // namespace finsam
