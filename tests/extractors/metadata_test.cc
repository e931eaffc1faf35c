#include "extractors/metadata.h"

#include <gtest/gtest.h>

#include "extractors/organisations.h"
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
      // Plan periods written after the budget year (issue 16, class 6).
      {"Budget 2021 med plan för 2022-2023", "budget", 2021, 2023},
      {"Verksamhetsplan med budget 2021 och plan 2022–2023", "verksamhetsplan", 2021, 2023},
      {"Verksamhetsplan och budget 2024 med plan för åren 2025 — 2026", "verksamhetsplan", 2024, 2026},
      {"Budget 2022, plan 2023", "budget", 2022, 2023},
      {"Revisionsberättelse avseende verksamheten under 2023", "revisionsberättelse", 2023, 2023},
      {"Verksamhetsplan 2022–2024", "verksamhetsplan", 2022, 2024},
      {"Verksamhetsplan och budget för 2019 samt plan för 2020 och 2021", "verksamhetsplan", 2019, 2021},
      {"Budget 2025 med plan 2026, 2027 och 2028", "budget", 2025, 2028},
      {"Verksamhetsplan med budget 2021 och plan 2022 — 2023", "verksamhetsplan", 2021, 2023},
      {"Verksamhetsplan och budget 2027 med flerårsplan 2028–2029", "verksamhetsplan", 2027, 2029},
      // Other names of the same kinds (session 66): a small body's annual
      // accounts, an interim's accounts, a report per tertial; a
      // verksamhetsberättelse that holds the annual accounts.
      {"Årsbokslut 2025", "årsredovisning", 2025, 2025},
      {"Delårsbokslut januari–juni 2026", "delårsrapport", 2026, 2026},
      {"Delårsredovisning 2026-08-31", "delårsrapport", 2026, 2026},
      {"Tertialrapport 2 2026", "delårsrapport", 2026, 2026},
      {"Verksamhetsberättelse och årsredovisning 2025", "årsredovisning", 2025, 2025},
      {"Verksamhetsberättelse 2025 med bilagor", "verksamhetsberättelse", 2025, 2025},
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
  EXPECT_FALSE(ParseKindAndYears("för budgetbeslut.", &kind, &from, &to));  // a compound, not the kind
  EXPECT_FALSE(ParseKindAndYears("Budgetuppföljning per nämnd", &kind, &from, &to));
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

// OCR damage in a printed name: the one registry name within 1 edit of the
// folded key (2 from 16 bytes); never a tie, never a short key, never an
// exact match (Canonical's job).
TEST(MetadataTest, RegistryNearestReadsDamagedNames) {
  ForbundRegistry r = ForbundRegistry::Parse(
      "Samordningsförbundet Gävleborg\n"
      "Samordningsförbundet i Jämtlands län\n"
      "Samordningsförbundet Ådalen\n"
      "Samordningsförbundet Ödalen\n"
      "Finsam Ale\n");
  struct Case {
    const char* printed;
    const char* want;
    int edits;
  };
  const Case kCases[] = {
      {"Samordningsförbund Gavlieborg", "Samordningsförbundet Gävleborg", 1},
      {"SAMORDNINGSFORBUNDET GAVLEB0RG", "Samordningsförbundet Gävleborg", 1},
      {"Samordningsforbundet i Jamtiands ian", "Samordningsförbundet i Jämtlands län", 2},
      {"Samordningsförbundet Gävleborg", "", 0},   // exact: not a near match
      {"Samordningsförbund Gvlibrg", "", 0},       // 3 edits
      {"Samordningsförbundet Adalem", "", 0},      // 1 edit from Ådalen and Ödalen alike
      {"Finsam Ala", "", 0},                        // key too short to guess
      {"Samordningsförbundet Norrköping", "", 0},  // not in the registry
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.printed);
    int edits = 0;
    EXPECT_EQ(r.Nearest(c.printed, &edits), c.want);
    EXPECT_EQ(edits, c.edits);
  }
}

// The document keeps the registry's name, says where it came from and
// warns with the printed text.
TEST(MetadataTest, DamagedTitleNameIsTheNearestRegistryNameWithAWarning) {
  ForbundRegistry r = ForbundRegistry::Parse("Samordningsförbundet Gävleborg\n");
  Document doc;
  ReadText("Samordningsforbund Gavlieborg\n\nArsredovisning 2020\n", doc);
  ExtractMetadata(r, doc);
  EXPECT_EQ(doc.meta.forbund, "Samordningsförbundet Gävleborg");
  EXPECT_EQ(doc.meta.org_source, "registry-nearest");
  ASSERT_FALSE(doc.warnings.empty());
  EXPECT_NE(doc.warnings.back().find("'Samordningsforbund Gavlieborg'"), std::string::npos) << doc.warnings.back();
}

// OCR may damage the prefix itself ("Samordmngstorbundet", a thin font on
// a 1-bit scan, w22): a word within four edits of it before a name the
// registry holds exactly names that förbund; before a name it does not
// hold, or a word further off, nothing is read.
TEST(MetadataTest, DamagedPrefixBeforeARegistryName) {
  struct Case {
    const char* title;
    const char* want;
  };
  const std::vector<Case> cases = {
      {"Delårsrapport januari-juni 2026\nSamordmngstorbundet Skellefteå\n", "Samordningsförbundet Skellefteå"},
      {"Delårsrapport januari-juni 2026\nSatnordnuingsforbunoet Skellefteå är ett samarbete\n",
       "Samordningsförbundet Skellefteå"},
      {"Delårsrapport januari-juni 2026\nSamordmngstorbundet Provdalen\n", ""},
      {"Delårsrapport januari-juni 2026\nSammanträdesprotokollet Skellefteå\n", ""},
  };
  ForbundRegistry r = ForbundRegistry::Parse("Samordningsförbundet Skellefteå\n");
  for (const Case& c : cases) {
    SCOPED_TRACE(c.title);
    Document doc;
    ReadText(c.title, doc);
    ExtractMetadata(r, doc);
    EXPECT_EQ(doc.meta.forbund, c.want);
  }
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

// Organisation detection: one synthetic title page per kind of
// organisation (made up names and numbers; check digits computed).
Document TextDoc(const std::string& text, const std::string& pdf_title = "", const std::string& pdf_author = "") {
  Document doc;
  ReadText(text, doc);
  doc.pdf_title = pdf_title;
  doc.pdf_author = pdf_author;
  return doc;
}

TEST(OrganisationTest, OneCasePerKind) {
  ForbundRegistry registry = ForbundRegistry::Parse("Samordningsförbundet Gävleborg\tFinsam Gävleborg\n");
  struct Case {
    const char* name;
    std::string text, pdf_title, pdf_author;
    const char* org;
    const char* kind;
    const char* orgnr;
    const char* doc_kind;
  };
  const Case kCases[] = {
      {"registry förbund", "Samordningsförbund\nGävleborg\n\nÅrsredovisning 2020\n", "", "",
       "Samordningsförbundet Gävleborg", "samordningsförbund", "", "årsredovisning"},
      {"unknown förbund, en dash", "SAMORDNINGSFÖRBUNDET ÅSELE – DOROTEA\nVerksamhetsplan med budget 2021 och plan 2022–2023\n",
       "", "", "Samordningsförbundet Åsele-Dorotea", "samordningsförbund", "", "verksamhetsplan"},
      {"unknown förbund, em dash", "Samordningsförbundet Åsele—Dorotea\nBudget 2021 med plan för 2022-2023\n", "", "",
       "Samordningsförbundet Åsele-Dorotea", "samordningsförbund", "", "budget"},
      // Two kommuner's names with the dash lost (a running header OCR read,
      // w15's scan): one förbund of both, dashed; a name of other words
      // stays as printed.
      {"unknown förbund, two kommuner without their dash",
       "Samordningsförbundet Ljusdal Hudiksvall Verksamhetsplan 2027\nVerksamhetsplan 2027\n", "", "",
       "Samordningsförbundet Ljusdal-Hudiksvall", "samordningsförbund", "", "verksamhetsplan"},
      {"control: unknown förbund of a region's part", "Samordningsförbundet Norra Hälsingland\nVerksamhetsplan 2027\n",
       "", "", "Samordningsförbundet Norra Hälsingland", "samordningsförbund", "", "verksamhetsplan"},
      {"brf title page", "2023\nÅrsredovisning\nBrf Exempelgården\nBrf Exempelgården\n769600-0004\n", "", "",
       "Brf Exempelgården", "brf", "769600-0004", "årsredovisning"},
      {"brf long form over two lines",
       "Årsredovisning\nBostadsrättsföreningen\nTestvägen 3\nStyrelsen får härmed avge årsredovisning för "
       "räkenskapsåret 1 januari - 31 december 2021.\nOrg.nr 769600-0004\n",
       "", "", "Brf Testvägen 3", "brf", "769600-0004", "årsredovisning"},
      {"brf from the text only",
       "Förvaltningsberättelse\nStyrelsen för HSB Brf Provhuset i Exempelstad, med säte i Exempelstad, får härmed "
       "avge årsredovisning för räkenskapsåret 2023.\n",
       "", "", "HSB Brf Provhuset i Exempelstad", "brf", "", "årsredovisning"},
      {"nämnd from PDF author", "Rapportsammandrag\nStadsrevisionen\nMissiv till kommunstyrelsen\n", "Granskning 2023",
       "Stadsrevisionen i Exempelbys Stad", "Stadsrevisionen i Exempelbys Stad", "nämnd", "", ""},
      {"nämnd qualified by the municipality in the text",
       "Socialnämnden\nVerksamhetsberättelse 2022\nSocialnämnden i Provköpings kommun ansvarar för ...\n", "", "",
       "Socialnämnden i Provköpings kommun", "nämnd", "", "verksamhetsberättelse"},
      {"kommun", "Årsredovisning 2022\nProvköpings kommun\nOrganisationsnummer 212000-0001\n", "", "",
       "Provköpings kommun", "kommun", "212000-0001", "årsredovisning"},
      {"kommun as Stad", "Kommunfullmäktige\nRevisionsberättelse avseende Exempelbys Stads verksamheter under 2023\n"
       "Till Exempelbys kommunfullmäktige\n", "", "", "Exempelbys Stad", "kommun", "", "revisionsberättelse"},
      {"region", "Region Provland\nDelårsrapport 2023-08-31\n", "", "", "Region Provland", "region", "",
       "delårsrapport"},
      // A förbund outside the registry whose name ends its line: the line
      // under it is another's, capitalised or not (w33, w34).
      {"a period line under the name", "Delårsrapport januari–augusti 2026\nSamordningsförbundet Provdalen\n"
       "Perioden 1 januari – 31 augusti 2026\n", "", "", "Samordningsförbundet Provdalen", "samordningsförbund", "",
       "delårsrapport"},
      {"a line of places under the name", "Verksamhetsplan 2027–2029\nSamordningsförbundet Norra Provdalen\n"
       "Kiruna, Gällivare och Pajala\n", "", "", "Samordningsförbundet Norra Provdalen", "samordningsförbund", "",
       "verksamhetsplan"},
      {"control: the prefix alone on its line takes the next", "Verksamhetsplan 2027\nSamordningsförbundet\n"
       "Norra Provdalen\n", "", "", "Samordningsförbundet Norra Provdalen", "samordningsförbund", "",
       "verksamhetsplan"},
      {"other: the name on the orgnr line", "Årsredovisning 2023\nExempel Fastigheter AB, org.nr 556000-0019\n", "", "",
       "Exempel Fastigheter AB", "other", "556000-0019", "årsredovisning"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Document doc = TextDoc(c.text, c.pdf_title, c.pdf_author);
    ExtractMetadata(registry, doc);
    EXPECT_EQ(doc.meta.forbund, c.org);
    EXPECT_EQ(doc.meta.org_kind, c.kind);
    EXPECT_EQ(doc.meta.orgnr, c.orgnr);
    EXPECT_EQ(doc.meta.kind, c.doc_kind);
  }
}

// Issue 16, class 6: whole made-up title pages (and PDF information) →
// organisation, kind and period. None of these names is in the registry
// except "Samordningsförbundet Gävleborg".
TEST(MetadataTest, TitlePagesOfUnseenShapes) {
  ForbundRegistry registry = ForbundRegistry::Parse("Samordningsförbundet Gävleborg\tFinsam Gävleborg\n");
  struct Case {
    const char* name;
    std::string text, pdf_title, pdf_author, pdf_subject;
    const char* org;
    const char* kind;
    int from, to;
  };
  const Case kCases[] = {
      {"hyphen", "Samordningsförbundet Provby-Exempelås\nVerksamhetsplan 2022–2024\n", "", "", "",
       "Samordningsförbundet Provby-Exempelås", "verksamhetsplan", 2022, 2024},
      {"en dash with spaces", "Samordningsförbundet Provby – Exempelås\nVerksamhetsplan 2022–2024\n", "", "", "",
       "Samordningsförbundet Provby-Exempelås", "verksamhetsplan", 2022, 2024},
      {"em dash, capitals", "SAMORDNINGSFÖRBUNDET PROVBY—EXEMPELÅS\nBudget 2021 med plan för 2022-2023\n", "", "", "",
       "Samordningsförbundet Provby-Exempelås", "budget", 2021, 2023},
      // The name before the word, in the genitive, on a line of its own:
      // as printed when the registry does not know the place, the
      // registry's name when it does; never "Samordningsförbundet
      // Provdalens".
      {"genitive name before the word",
       "Årsredovisning 2025\nProvdalens samordningsförbund\n\nProvdalens samordningsförbund är ett samarbete.\n", "",
       "", "", "Provdalens samordningsförbund", "årsredovisning", 2025, 2025},
      {"genitive name of a registry förbund", "Årsredovisning 2025\nGävleborgs samordningsförbund\nText.\n", "", "", "",
       "Samordningsförbundet Gävleborg", "årsredovisning", 2025, 2025},
      {"genitive name opening a running header",
       "Provdalens samordningsförbund – Årsredovisning 2025\n\nÅrsredovisning 2025\n\nFörbundet arbetar brett.\n", "",
       "", "", "Provdalens samordningsförbund", "årsredovisning", 2025, 2025},
      {"control: a genitive inside a sentence names no förbund",
       "Samordningsförbundet Provdalen\nÅrsredovisning 2025\nLänets samordningsförbund arbetar brett.\n", "", "", "",
       "Samordningsförbundet Provdalen", "årsredovisning", 2025, 2025},
      {"period wraps after a dash",
       "Samordningsförbundet Provdalen\nVerksamhetsplan med budget 2021 och plan 2022–\n2023\nInledning\n", "", "",
       "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2021, 2023},
      {"period wraps after 'för'",
       "Samordningsförbundet Provdalen\nVerksamhetsplan och budget för 2024 samt plan för\n2025 och 2026\nText 2030\n",
       "", "", "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2024, 2026},
      {"period wraps after 'flerårsplan' (w24)",
       "Samordningsförbundet Provdalen\nVerksamhetsplan med budget 2027 och flerårsplan\n2028–2029\nInledning\n", "",
       "", "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2027, 2029},
      {"heading names the first year, a line below the period",
       "Verksamhetsplan 2026\nSamordningsförbundet Provdalen\nBudget 2026 med plan för 2027–2028\nInledning\n", "", "",
       "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2026, 2028},
      {"a line below names the period with 'flerårsplan'",
       "Verksamhetsplan 2027\nSamordningsförbundet Provdalen\nmed budget 2027 och flerårsplan 2028–2029\nInledning\n", "",
       "", "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2027, 2029},
      {"a line below names the plan's years as 'ekonomisk inriktning' (w35)",
       "Verksamhetsplan 2027\nSamordningsförbundet Provdalen\nBudget 2027 och ekonomisk inriktning 2028–2029\nInledning\n",
       "", "", "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2027, 2029},
      {"the heading names the period with 'ekonomisk planering'",
       "Samordningsförbundet Provdalen\nVerksamhetsplan med budget 2027 och ekonomisk planering 2028–2029\nInledning\n",
       "", "", "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2027, 2029},
      {"a line below names the plan's years alone (w17)",
       "Verksamhetsplan och budget 2027\nSamordningsförbundet Provdalen\nMed flerårsplan för 2028–2029\nEkonomi\n", "",
       "", "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2027, 2029},
      {"the period in the first of two sentences on a line below (w32)",
       "Verksamhetsplan 2027\nSamordningsförbundet Provdalen\nMed budget 2027 och plan för 2028–2029. Fastställd av "
       "styrelsen den 20 november 2026.\nInledning\n",
       "", "", "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2027, 2029},
      {"control: a long first sentence below names no period",
       "Verksamhetsplan 2027\nSamordningsförbundet Provdalen\nMed budget och plan för åren som kommer beskriver "
       "förbundet här sina mål för 2028–2029. Fastställd.\nInledning\n",
       "", "", "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2027, 2027},
      {"a line below names the plan's years without a joining word (w48)",
       "Verksamhetsplan och budget 2027\nSamordningsförbundet Provdalen\nPlan för 2028–2029\nInledning\n", "", "",
       "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2027, 2029},
      {"control: plan years that do not follow the budget year",
       "Verksamhetsplan och budget 2027\nSamordningsförbundet Provdalen\nMed flerårsplan för 2029–2030\nEkonomi\n", "",
       "", "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2027, 2027},
      {"control: a line below naming another period leaves the heading's",
       "Verksamhetsplan 2026\nSamordningsförbundet Provdalen\nBudget 2025 med plan för 2026–2027\nInledning\n", "", "",
       "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2026, 2026},
      {"a section heading under the name (w12)",
       "Verksamhetsplan med budget 2027 och plan 2028–2029\nSamordningsförbundet Provdalen\nFörbundets uppdrag\n"
       "Förbundet ska stödja samverkan.\n",
       "", "", "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2027, 2029},
      {"kind from the title page, not the first table",
       "Samordningsförbundet Provdalen\nVerksamhetsplan 2023\n\fTkr\tBudget 2023\tPlan 2024\tPlan 2025\n", "", "", "",
       "Samordningsförbundet Provdalen", "verksamhetsplan", 2023, 2023},
      {"PDF title names kind and period; text starts with a table",
       "Tkr\tUtfall 2021\tBudget 2022\nIntäkter\t100\t120\n", "Verksamhetsplan 2022–2024",
       "Samordningsförbundet Provdalen", "", "Samordningsförbundet Provdalen", "verksamhetsplan", 2022, 2024},
      {"PDF subject as the last evidence", "Tkr\tUtfall 2021\tBudget 2022\nIntäkter\t100\t120\n", "rapport.docx",
       "", "Samordningsförbundet Provdalen årsredovisning 2021", "Samordningsförbundet Provdalen", "årsredovisning",
       2021, 2021},
      {"registry name through an alias in the PDF author", "Tkr\tBudget 2022\nIntäkter\t100\n",
       "Budget 2022", "Finsam Gävleborg", "", "Samordningsförbundet Gävleborg", "budget", 2022, 2022},
      {"'budget' in running text names no kind",
       "Granskning av likviditet\nKommunstyrelsen bör se över riktlinjen inför nästa budgetbeslut och jämför med "
       "budget 2024.\n", "", "", "", "", "", 0, 0},
      {"the annual report named in running text", "Förvaltningsberättelse\nStyrelsen för föreningen avger härmed "
       "årsredovisning för räkenskapsåret 2023.\n", "", "", "", "", "årsredovisning", 2023, 2023},
      {"another unknown förbund keeps its own name", "Samordningsförbundet i Övre Provdalen\nÅrsredovisning 2022\n",
       "", "", "", "Samordningsförbundet i Övre Provdalen", "årsredovisning", 2022, 2022},
      {"an unknown förbund's name line over a caption", "Verksamhetsplan 2027\nSamordningsförbundet Östra Provdalen\n"
       "Tabell 1. Budget 2027\n", "", "", "", "Samordningsförbundet Östra Provdalen", "verksamhetsplan", 2027, 2027},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Document doc;
    ReadText(c.text, doc);
    doc.pdf_title = c.pdf_title;
    doc.pdf_author = c.pdf_author;
    doc.pdf_subject = c.pdf_subject;
    ExtractMetadata(registry, doc);
    EXPECT_EQ(doc.meta.forbund, c.org);
    EXPECT_EQ(doc.meta.kind, c.kind);
    EXPECT_EQ(doc.meta.year_from, c.from);
    EXPECT_EQ(doc.meta.year_to, c.to);
  }
}

// The stored title on unseen shapes of title pages: the heading that names
// the kind (with the lines that complete its period), never a sentence of
// the running text or a table-of-contents line; else the PDF's own Title
// without the exporter's prefix and extension.
// A förbund outside the registry whose name OCR misread on the title page
// ("Trelteborg", w41's scan) while the running header, the text and a
// table print it right: the name the document prints most often, on a
// scanned page only. A genitive ("Trelleborgs kommun") is no variant, and a
// text layer's title stays as printed.
TEST(MetadataTest, AnOcrMisreadInTheTitlesNameGivesWayToTheNameMostPrinted) {
  ForbundRegistry registry = ForbundRegistry::Parse("Samordningsförbundet Gävleborg\tFinsam Gävleborg\n");
  const std::string text =
      "Delårsrapport januari–augusti 2026\nSamordningsförbundet Trelteborg\n\nSamordningsförbundet Trelleborg "
      "är ett samarbete mellan Trelleborgs kommun och staten.\n\nUng i Trelleborg 1 000 560\n";
  struct Case {
    const char* name;
    PageDecision decision;
    std::string text;
    const char* org;
  };
  const Case kCases[] = {
      {"scan", PageDecision::kOcr, text, "Samordningsförbundet Trelleborg"},
      {"text layer", PageDecision::kText, text, "Samordningsförbundet Trelteborg"},
      {"printed once right, no more often than the title", PageDecision::kOcr,
       "Delårsrapport 2026\nSamordningsförbundet Trelteborg\n\nSamordningsförbundet Trelleborg är ett samarbete.\n",
       "Samordningsförbundet Trelteborg"},
      {"control: the genitive is no variant", PageDecision::kOcr,
       "Delårsrapport 2026\nSamordningsförbundet Provdalen\n\nProvdalens kommun, Provdalens region och "
       "Provdalens stad.\n",
       "Samordningsförbundet Provdalen"},
  };
  for (const Case& c : kCases) {
    Document doc;
    ReadText(c.text, doc);
    for (Page& p : doc.pages) p.decision = c.decision;
    ExtractMetadata(registry, doc);
    EXPECT_EQ(doc.meta.forbund, c.org) << c.name;
  }
}

TEST(MetadataTest, TitleIsAHeadingNotASentence) {
  struct Case {
    const char* name;
    std::string text, pdf_title;
    const char* want;
  };
  const Case kCases[] = {
      {"heading with its period on the next line",
       "Kommunfullmäktige\nHandling 2024 nr 63\nRevisionsberättelse avseende Provstads\nverksamheter under 2023\n"
       "Revisorerna bedömer att räkenskaperna i årsredovisningen i huvudsak är rättvisande.\n",
       "Provstad kommunfullmäktige", "Revisionsberättelse avseende Provstads verksamheter under 2023"},
      {"two heading lines of different kinds", "VERKSAMHETSPLAN\nBUDGET 2019-2021\nInledning\n", "",
       "VERKSAMHETSPLAN BUDGET 2019-2021"},
      {"the same heading printed again below", "Årsredovisning Brf Provgården\nBrf Provgården\nÅrsredovisning 2023\n",
       "", "Årsredovisning Brf Provgården"},
      {"a line that runs on into a sentence ends after its years",
       "Förbundets uppgift är samordning.\nVerksamhetsplan och budget 2020 - 2022, är fastställd vid styrelsemötet "
       "den 29 november 2019.\n",
       "", "Verksamhetsplan och budget 2020 - 2022"},
      {"dot leaders of the contents are not a title", "Provstadsrevisionen\nInnehåll\nProvstads årsredovisning 2022 "
       ". . . . . . . 25\n",
       "Provstadsrevisionen sammanfattar granskningen", "Provstadsrevisionen sammanfattar granskningen"},
      {"unmapped glyphs of the contents are not a title",
       "Provstadsrevisionen\nProvstads årsredovisning 2022\x08\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD 25\n", "", ""},
      {"a sentence naming the kind is not the title",
       "Missiv\nKommunstyrelsen bör se över riktlinjen inför budgetbeslut.\n",
       "Microsoft Word - Provstads finansieringsprocess.docx", "Provstads finansieringsprocess"},
      {"a one-word PDF title is none", "Granskning\nText.\n", "Dokument1.pdf", ""},
      {"control characters dropped", "Årsredovisning\x08 2021\n", "", "Årsredovisning 2021"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Document doc;
    ReadText(c.text, doc);
    doc.pdf_title = c.pdf_title;
    ExtractMetadata(ForbundRegistry(), doc);
    EXPECT_EQ(doc.meta.title, c.want);
  }
}

TEST(OrganisationTest, OrgnrCheckDigit) {
  struct Case {
    const char* text;
    const char* want;
  };
  const Case kCases[] = {
      {"556000-0019", "556000-0019"}, {"5560000019", "556000-0019"},  {"16556000-0019", "556000-0019"},
      {"556000-0018", ""},            // wrong check digit
      {"800101-0019", ""},            // a personnummer shape (third digit 0)
      {"212000-0002", ""},            // wrong check digit
      {"212000-1355", "212000-1355"}, {"769600-0004", "769600-0004"}, {"55600-00019", "556000-0019"},
      {"556000-001", ""},             {"abc", ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(NormalizeOrgnr(c.text), c.want);
  }
}

TEST(OrganisationTest, MostPrintedOrgnrWins) {
  // The management company's number once, the association's on every page.
  Document doc = TextDoc("Årsredovisning 2023\nBrf Provgården\n\f Brf Provgården 769600-0004\nFörvaltare Exempel AB "
                         "556000-0019\n\fOrg.nr 769600-0004\n");
  ExtractMetadata(ForbundRegistry(), doc);
  EXPECT_EQ(doc.meta.orgnr, "769600-0004");
  EXPECT_EQ(doc.meta.forbund, "Brf Provgården");
}

TEST(OrganisationTest, NoEvidenceNoName) {
  Document doc = TextDoc("Granskning av arbetet\nSammanfattning av granskningen.\n", "rapport.pdf", "x2user");
  ExtractMetadata(ForbundRegistry(), doc);
  EXPECT_EQ(doc.meta.forbund, "");
  EXPECT_EQ(doc.meta.org_kind, "");
}

TEST(OrganisationTest, DashesJoinOneCanonicalForm) {
  for (const char* s : {"Åsele-Dorotea", "Åsele - Dorotea", "Åsele – Dorotea", "Åsele—Dorotea", "Åsele -Dorotea"})
    EXPECT_EQ(JoinDashedNames(s), "Åsele-Dorotea") << s;
  ForbundRegistry r = ForbundRegistry::Parse("Samordningsförbundet Lycksele-Vilhelmina\n");
  EXPECT_EQ(r.Canonical("Samordningsförbundet Lycksele – Vilhelmina"), "Samordningsförbundet Lycksele-Vilhelmina");
}

TEST(OrganisationTest, KindFromTitlePageNotFromTable) {
  // The title says årsredovisning; the first table's header says Budget.
  Document doc = TextDoc("Provköpings kommun\nÅrsredovisning 2022\n\fTkr\tBudget 2022\tUtfall 2022\n");
  ExtractMetadata(ForbundRegistry(), doc);
  EXPECT_EQ(doc.meta.kind, "årsredovisning");
  Document doc2 = TextDoc("Tkr Budget 2022 Utfall 2022 Avvikelse\nIntäkter 100 90 -10\n", "Verksamhetsplan 2023");
  ExtractMetadata(ForbundRegistry(), doc2);
  EXPECT_EQ(doc2.meta.kind, "verksamhetsplan");
  EXPECT_EQ(doc2.meta.year_from, 2023);
}

TEST(OrganisationTest, PrintedPageLabels) {
  struct Case {
    const char* line;
    const char* label;
  };
  const Case kCases[] = {{"SID 32", "32"},  {"sid 3", "3"},   {"Sida 4 av 12", "4"}, {"1 (14)", "1"},
                         {"Brf Provgården 5 (14)", "5"},      {"Årsredovisning 2023 sid 7", "7"},
                         {"12 (4)", ""},   {"Summa 2 315", ""}, {"2023", ""}};
  for (const Case& c : kCases) EXPECT_EQ(ParsePrintedPageLabel(c.line), c.label) << c.line;
  Document doc = TextDoc("Titel\nÅrsredovisning 2023\n\fText\nSID 32\n\fMer text\nsid 3\n");
  ExtractMetadata(ForbundRegistry(), doc);
  ASSERT_EQ(doc.pages.size(), 3u);
  EXPECT_EQ(doc.pages[1].label, "32");
  EXPECT_EQ(doc.pages[2].label, "");  // prints its own index
}

// OCR may set the förbund's own prefix with a mark it does not print
// ("Sämordningsförbundet Östra Värmland", w44's scan): the prefix is whole
// but for its diacritics, and names the förbund as printed. A table's row
// near the top ("Region Värmland 2 550 2 550 2 550") is no heading naming
// the organisation. (Control: a region on a heading line of its own still
// names one.)
TEST(MetadataTest, APrefixWithAMarkOcrAddedAndATableRowNamingAMember) {
  ForbundRegistry registry = ForbundRegistry::Parse("Samordningsförbundet Värmland\n");
  struct Case {
    const char* name;
    std::string text;
    const char* org;
  };
  const Case kCases[] = {
      {"a mark on the prefix",
       "Verksamhetsplan 2027-2029\nSämordningsförbundet Östra Värmland\nVerksamhetsplan och budget för 2027\n\n"
       "Budget 2027 Plan 2028 Plan 2029\nRegion Värmland 2 550 2 550 2 550\n",
       "Samordningsförbundet Östra Värmland"},
      {"the prefix garbled past its marks: the member in the row names nothing",
       "Verksamhetsplan 2027-2029\nSamordmngsforbandet Östra Värmland\n\nBudget 2027 Plan 2028 Plan 2029\n"
       "Region Värmland 2 550 2 550 2 550\n",
       ""},
      {"control: a region's own heading", "Region Värmland\nÅrsredovisning 2025\n", "Region Värmland"},
  };
  for (const Case& c : kCases) {
    Document doc;
    ReadText(c.text, doc);
    for (Page& p : doc.pages) p.decision = PageDecision::kOcr;
    ExtractMetadata(registry, doc);
    EXPECT_EQ(doc.meta.forbund, c.org) << c.name;
  }
}

// A running header whose dot OCR read as a dash joins the förbund's dashed
// name to the document's kind ("Samordningsförbundet Ödeshög—Boxholm -
// Årsredovisning 2025", w47's dump): the name ends before the kind.
TEST(MetadataTest, ARunningHeaderJoinsADashedNameToTheKind) {
  ForbundRegistry registry = ForbundRegistry::Parse("Samordningsförbundet Värmland\n");
  Document doc;
  ReadText("Samordningsförbundet Ödeshög—Boxholm - Årsredovisning 2025\n\nÅrsredovisning 2025\n\n"
           "Samordningsförbundet Ödeshög—Boxholm\nVerksamhetsåret 2025\n",
           doc);
  for (Page& p : doc.pages) p.decision = PageDecision::kOcr;
  ExtractMetadata(registry, doc);
  EXPECT_EQ(doc.meta.forbund, "Samordningsförbundet Ödeshög-Boxholm");
  EXPECT_EQ(doc.meta.kind, "årsredovisning");
}

}  // namespace
}  // namespace finsam
