// Diacritic repair on Swedish text the lexicon never learned from, stripped
// artificially with the English-OCR rates (tests/support/english_ocr_strip.h):
// the targets (>= 97% of damaged words restored exactly, >= 99.7% of
// correct words left untouched) must hold on unseen text, not only on the
// gold file.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "normalizers/diacritic_repair.h"
#include "pipeline/input/pdf_reader.h"
#include "tests/support/english_ocr_strip.h"
#include "tests/support/realdocs.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

struct Tally {
  size_t damaged = 0, restored = 0, correct = 0, untouched = 0;
  double Restored() const { return damaged ? static_cast<double>(restored) / damaged : 0; }
  double Untouched() const { return correct ? static_cast<double>(untouched) / correct : 0; }
};

// Strips `clean` with three seeds, repairs each copy, counts word by word.
Tally StripRepairCount(const SwedishLexicon& lex, const std::string& clean) {
  Tally t;
  DiacriticRepairer repairer(lex);
  for (unsigned seed = 1; seed <= 3; ++seed) {
    std::mt19937 rng(seed);
    const std::string damaged = StripLikeEnglishOcr(clean, &rng);
    const std::string repaired = repairer.RepairText(damaged, nullptr);
    std::vector<std::string> c = Words(clean), d = Words(damaged), r = Words(repaired);
    EXPECT_EQ(c.size(), r.size());
    if (c.size() != d.size() || c.size() != r.size()) return t;
    for (size_t i = 0; i < c.size(); ++i) {
      if (d[i] != c[i]) {
        ++t.damaged;
        t.restored += r[i] == c[i];
      } else {
        ++t.correct;
        t.untouched += r[i] == d[i];
      }
    }
  }
  return t;
}

// The årsredovisning with its own clean text left out of the lexicon: its
// tables and domain phrases ("våra parter", "kvinnor 40%, män 47%") are
// taught by nothing else we ship.
TEST(DiacriticRepairHeldOut, CorpusDocumentLeftOutOfTheLexicon) {
  LexiconSources src;
  src.data_dir = SwedishLexicon::DefaultDataDir();
  src.cache_dir = SwedishLexicon::DefaultCacheDir();
  src.exclude_clean = {"gavleborg-ar-2020.txt"};
  std::string error;
  std::unique_ptr<SwedishLexicon> lex = SwedishLexicon::Load(src, &error);
  ASSERT_NE(lex, nullptr) << error;
  const std::string clean = ReadFile(std::string(FINSAM_SOURCE_DIR) + "/corpus/gavleborg-ar-2020/received.txt");
  ASSERT_FALSE(clean.empty());
  Tally t = StripRepairCount(*lex, clean);
  ASSERT_GT(t.damaged, 3000u);
  EXPECT_GE(t.Restored(), 0.97) << t.restored << " of " << t.damaged;
  EXPECT_GE(t.Untouched(), 0.997) << t.untouched << " of " << t.correct;
}

// Real municipal reports (Göteborgs Stad's audit office), read in place from
// ../shared/realdocs: text of this kind that nobody tuned anything on.
TEST(DiacriticRepairHeldOut, RealMunicipalReports) {
  const std::string dir = RealDocsDir();
  if (dir.empty()) GTEST_SKIP() << "../shared/realdocs not present";
  const SwedishLexicon* lex = SwedishLexicon::Shared();
  ASSERT_NE(lex, nullptr);
  std::string clean;
  std::vector<std::string> files;
  for (const auto& de : std::filesystem::directory_iterator(dir + "/goteborg")) {
    if (de.path().extension() == ".pdf") files.push_back(de.path().string());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 5u);
  for (const std::string& f : files) {
    // Poppler's reading order: the two-column pages' columns kept apart, so
    // words hyphenated at a line end meet their second half. (The one
    // image-only report gives no text.)
    Result<std::vector<std::string>> pages = ReadPdfPageTexts(ReadFile(f), 1000);
    ASSERT_TRUE(pages.ok()) << f << ": " << pages.status().ToString();
    for (const std::string& p : *pages) clean += p + "\n\n";
  }
  Tally t = StripRepairCount(*lex, clean);
  ASSERT_GT(t.damaged, 20000u);
  EXPECT_GE(t.Restored(), 0.97) << t.restored << " of " << t.damaged;
  EXPECT_GE(t.Untouched(), 0.997) << t.untouched << " of " << t.correct;
}

}  // namespace
}  // namespace finsam
