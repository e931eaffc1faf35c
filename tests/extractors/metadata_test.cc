#include "extractors/metadata.h"

#include <gtest/gtest.h>

#include "pipeline/input/text_reader.h"

namespace finsam {
namespace {

TEST(MetadataTest, KindAndYears) {
  struct Case {
    const char* text;
    const char* kind;
    int from, to;
  };
  const Case kCases[] = {
      {"Verksamhetsplan och budget 2020 - 2022", "verksamhetsplan", 2020, 2022},
      {"Årsredovisning 2020", "årsredovisning", 2020, 2020},
      {"VERKSAMHETSPLAN BUDGET 2019-2021", "verksamhetsplan", 2019, 2021},
      {"Delårsrapport 2021-08-31", "delårsrapport", 2021, 2021},
      {"Verksamhetsberättelse 2018", "verksamhetsberättelse", 2018, 2018},
      {"Budget 2023–2025", "budget", 2023, 2025},
      {"Arsredovisning 2017", "årsredovisning", 2017, 2017},  // stripped diacritics
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    std::string kind;
    int from = 0, to = 0;
    ASSERT_TRUE(ParseKindAndYears(c.text, &kind, &from, &to));
    EXPECT_EQ(kind, c.kind);
    EXPECT_EQ(from, c.from);
    EXPECT_EQ(to, c.to);
  }
  std::string kind;
  int from = 0, to = 0;
  EXPECT_FALSE(ParseKindAndYears("Styrelsens sammansättning", &kind, &from, &to));
}

TEST(MetadataTest, DecisionDates) {
  struct Case {
    const char* text;
    const char* iso;
  };
  const Case kCases[] = {
      {"Beslutad av styrelsen 2021-03-19", "2021-03-19"},
      {"Verksamhetsplan och budget 2020 - 2022, är fastställd vid styrelsemötet den 29 november 2019.", "2019-11-29"},
      {"ar faststalld vid styrelsemotet den 29 november 2019", "2019-11-29"},
      {"Antagen av förbundsstyrelsen den 3 februari 2022", "2022-02-03"},
      {"Årsredovisning 2020", ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(ParseDecisionDate(c.text), c.iso);
  }
}

TEST(MetadataTest, RegistryFindsCanonicalNames) {
  ForbundRegistry r = ForbundRegistry::Parse(
      "# comment\n"
      "Samordningsförbundet Gävleborg\tSamordningsförbund Gävleborg\n"
      "Samordningsförbundet i Jämtlands län\tSamordningsförbundet Jämtlands län\n");
  EXPECT_EQ(r.size(), 2u);
  EXPECT_EQ(r.Canonical("Samordningsförbund Gävleborg"), "Samordningsförbundet Gävleborg");
  EXPECT_EQ(r.Canonical("SAMORDNINGSFORBUND GAVLEBORG"), "Samordningsförbundet Gävleborg");
  EXPECT_EQ(r.Canonical("SAMORDNINGSFÖRBUNDET JÄMTLANDS LÄN"), "Samordningsförbundet i Jämtlands län");
  EXPECT_EQ(r.Canonical("Samordningsförbundet Okänd"), "");
}

TEST(MetadataTest, WholeDocumentFromText) {
  ForbundRegistry r = ForbundRegistry::Parse("Samordningsförbundet Gävleborg\tSamordningsförbund Gävleborg\n");
  Document doc;
  ReadText("\n\nSamordningsförbund\nGävleborg\n\nÅrsredovisning 2020\n\nBeslutad av styrelsen 2021-03-19\n", doc);
  ExtractMetadata(r, doc);
  EXPECT_EQ(doc.meta.forbund, "Samordningsförbundet Gävleborg");
  EXPECT_EQ(doc.meta.kind, "årsredovisning");
  EXPECT_EQ(doc.meta.year_from, 2020);
  EXPECT_EQ(doc.meta.year_to, 2020);
  EXPECT_EQ(doc.meta.decided_on, "2021-03-19");
  EXPECT_EQ(doc.meta.title, "Årsredovisning 2020");
}

TEST(MetadataTest, UnknownForbundKeepsPrintedName) {
  Document doc;
  ReadText("Verksamhetsplan 2024\nSamordningsförbundet Norrköping arbetar för ...\n", doc);
  ExtractMetadata(ForbundRegistry(), doc);
  EXPECT_EQ(doc.meta.forbund, "Samordningsförbundet Norrköping");
}

}  // namespace
}  // namespace finsam
