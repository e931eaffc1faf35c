// Lost glyphs in PDF text layers (normalizers/glyph_loss.h): å/ä/ö printed as
// stand-ins or spaces, ligatures printed as spaces. Hand-made labels.
#include "normalizers/glyph_loss.h"

#include <gtest/gtest.h>

namespace finsam {
namespace {

TEST(GlyphLossTest, RestoresLettersTheLexiconConfirms) {
  const SwedishLexicon* lex = SwedishLexicon::Shared();
  if (!lex) GTEST_SKIP() << "lexicon not found";
  const std::pair<const char*, const char*> kCases[] = {
      // å/ä/ö as a space or a stand-in symbol.
      {"Nettooms ttning", "Nettoomsättning"},
      {"R\"relseint\"kter", "Rörelseintäkter"},
      {"$vriga r nteint kter och liknande resultatposter", "Övriga ränteintäkter och liknande resultatposter"},
      {"R ntekostnader", "Räntekostnader"},
      {"rets resultat", "Årets resultat"},
      {"SUMMA TILLG NGAR", "SUMMA TILLGÅNGAR"},
      {"Leverant\"rsskulder", "Leverantörsskulder"},
      // Ligatures (tt, ft, fi) lost: a space where they stood.
      {"Ne oomsä ning", "Nettoomsättning"},
      {"Avskrivningar enligt plan", "Avskrivningar enligt plan"},
      // Words that read as printed stay as printed.
      {"Summa kortfristiga skulder", "Summa kortfristiga skulder"},
      {"Kassa och bank", "Kassa och bank"},
      {"Lån 2", "Lån 2"},
      {"", ""},
  };
  for (const auto& [in, want] : kCases) EXPECT_EQ(RepairLostGlyphs(in, *lex), want) << in;
}

}  // namespace
}  // namespace finsam
