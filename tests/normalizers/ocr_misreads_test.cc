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

}  // namespace
}  // namespace finsam
