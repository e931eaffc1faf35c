#include "extractors/board.h"

#include <gtest/gtest.h>

#include "extractors/organisations.h"
#include "normalizers/swedish_words.h"
#include "normalizers/text.h"
#include "tests/extractors/gov_test_util.h"

namespace finsam {
namespace {

using testing_gov::TextDoc;

TEST(SwedishWordsTest, NumberWordsIncludingStrippedSpellings) {
  EXPECT_EQ(SwedishNumberWord("åtta"), 8);
  EXPECT_EQ(SwedishNumberWord("atta"), 8);
  EXPECT_EQ(SwedishNumberWord("Fem"), 5);
  EXPECT_EQ(SwedishNumberWord("två"), 2);
  EXPECT_EQ(SwedishNumberWord("tio"), 10);
  EXPECT_EQ(SwedishNumberWord("tretton"), 13);
  EXPECT_FALSE(SwedishNumberWord("samma"));
  EXPECT_EQ(ParseCount("12"), 12);
  EXPECT_EQ(ParseCount("sex"), 6);
  EXPECT_DOUBLE_EQ(*SwedishShareWord("hälften"), 0.5);
  EXPECT_DOUBLE_EQ(*SwedishShareWord("en fjardedel"), 0.25);
}

TEST(SwedishWordsTest, FoldMapsBackToPrintedText) {
  std::string s = "Styrelsen består av åtta ledamöter";
  FoldedText f = FoldWithMap(s);
  EXPECT_EQ(f.folded, "styrelsen bestar av atta ledamoter");
  size_t p = f.folded.find("atta");
  EXPECT_EQ(f.Original(s, p, p + 4), "åtta");
  EXPECT_EQ(StripHtml("<p>22% svarar</p> <p><i>Ej mätbart</i></p>"), "22% svarar Ej mätbart");
  EXPECT_EQ(StripFootnoteMarkers("Trisam individ ¹"), "Trisam individ");
  EXPECT_EQ(StripFootnoteMarkers("Mysam⁵"), "Mysam");
  EXPECT_EQ(StripFootnoteMarkers("Förstudie prova vägar vidare, Bollnäs —"), "Förstudie prova vägar vidare, Bollnäs");
}

TEST(OrganisationsTest, OneNamePerOrganisation) {
  EXPECT_EQ(NormalizeOrganisation("Hofors Kommun").name, "Hofors kommun");
  EXPECT_EQ(NormalizeOrganisation("Hofors kommun").name, "Hofors kommun");
  EXPECT_EQ(NormalizeOrganisation("Ovanåker kommun").name, "Ovanåkers kommun");
  EXPECT_EQ(NormalizeOrganisation("Ovanåkers Kommun").name, "Ovanåkers kommun");
  EXPECT_EQ(NormalizeOrganisation("Gävle kommun").name, "Gävle kommun");
  EXPECT_EQ(NormalizeOrganisation("Bollnäs Kommun").name, "Bollnäs kommun");
  EXPECT_EQ(NormalizeOrganisation("Söderhamn kommun").name, "Söderhamns kommun");
  EXPECT_EQ(NormalizeOrganisation("Nordanstigs kommuns arbetsmarknadsenhet").name, "Nordanstigs kommun");
  EXPECT_EQ(NormalizeOrganisation("Söderhamn kommun").kind, "kommun");
  EXPECT_EQ(NormalizeOrganisation("Region Gävleborg").name, "Region Gävleborg");
  EXPECT_EQ(NormalizeOrganisation("Region Gävleborg").kind, "region");
  EXPECT_EQ(NormalizeOrganisation("Forsakringskassan").name, "Försäkringskassan");
  EXPECT_EQ(NormalizeOrganisation("Arbetsförmedlingen").kind, "myndighet");
  Organisation stat = NormalizeOrganisation("Statligt bidrag (försäkringskassan och arbetsförmedlingen)");
  EXPECT_EQ(stat.name, "Försäkringskassan och Arbetsförmedlingen");
  EXPECT_EQ(stat.kind, "stat");
  EXPECT_EQ(NormalizeOrganisation("länets samtliga kommuner").name, "Länets kommuner");
  EXPECT_EQ(NormalizeOrganisation("Tillfällig uthyrning av personal").kind, "");
  EXPECT_EQ(OrganisationKey("Region Gavleborg"), OrganisationKey("Region Gävleborg"));
  std::vector<std::string> partners = SplitOrganisationList(
      "Nordanstigs kommuns arbetsmarknadsenhet, - socialtjänsten, - omvårdnad, Försäkringskassan, "
      "Arbetsförmedlingen, Psykiatri och Primärvården från Region Gävleborg.");
  EXPECT_EQ(partners, (std::vector<std::string>{"Nordanstigs kommun", "Försäkringskassan", "Arbetsförmedlingen",
                                                "Region Gävleborg"}));
}

TEST(OrganisationsTest, SnapsOcrGarbledSpellingsToTheDocumentsUsualOne) {
  Governance gov;
  for (const char* org : {"Region Gävleborg", "Region Gavieborg", "Gavie kommun"}) {
    BoardMember m;
    m.name = "X Y";
    m.organisation = org;
    gov.board.push_back(m);
  }
  for (const char* org : {"Region Gävleborg", "Gävle kommun", "Hofors kommun"}) {
    MemberContribution c;
    c.organisation = org;
    gov.members.push_back(c);
  }
  SnapOrganisationSpellings(&gov);
  EXPECT_EQ(gov.board[1].organisation, "Region Gävleborg");
  EXPECT_EQ(gov.board[2].organisation, "Gävle kommun");
  EXPECT_EQ(gov.members[2].organisation, "Hofors kommun");  // no closer spelling
  EXPECT_EQ(EditDistance("gavieborg", "gavleborg"), 1);
}

TEST(BoardTest, Roles) {
  EXPECT_EQ(NormalizeRole("Ordförande"), "ordförande");
  EXPECT_EQ(NormalizeRole("Vice ordförande"), "vice ordförande");
  EXPECT_EQ(NormalizeRole("Ledamot"), "ledamot");
  EXPECT_EQ(NormalizeRole("Ersättare"), "ersättare");
  EXPECT_EQ(NormalizeRole("erséttare"), "ersättare");
  EXPECT_EQ(NormalizeRole("suppleant"), "ersättare");
  EXPECT_EQ(NormalizeRole("Revisor"), "");
}

TEST(BoardTest, MemberEntries) {
  std::optional<BoardMember> m = ParseMemberEntry("Tommy Berger, Region Gävleborg - ordförande", "ledamot");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "Tommy Berger");
  EXPECT_EQ(m->role, "ordförande");
  EXPECT_EQ(m->organisation, "Region Gävleborg");
  EXPECT_EQ(m->organisation_kind, "region");
  m = ParseMemberEntry("Kenneth Axling, Hofors kommun – vice ordförande", "ledamot");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role, "vice ordförande");
  EXPECT_EQ(m->organisation, "Hofors kommun");
  m = ParseMemberEntry("Hans-Olov Frestadius, Sandviken kommun", "ersättare");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "Hans-Olov Frestadius");
  EXPECT_EQ(m->role, "ersättare");
  EXPECT_EQ(m->organisation, "Sandvikens kommun");
  m = ParseMemberEntry("Anna Andersson\tÖstersunds kommun\tLedamot", "ersättare");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role, "ledamot");
  EXPECT_EQ(m->organisation, "Östersunds kommun");
  EXPECT_FALSE(ParseMemberEntry("Styrelsens sammanträden", "ledamot"));
  EXPECT_FALSE(ParseMemberEntry("Årets resultat, -215", "ledamot"));
}

TEST(BoardTest, CompositionInProse) {
  BoardComposition c;
  ASSERT_TRUE(ParseComposition("Styrelsen består av åtta ordinarie ledamöter och åtta ersättare.", &c));
  EXPECT_EQ(c.members, 8);
  EXPECT_EQ(c.deputies, 8);
  BoardComposition s;
  ASSERT_TRUE(ParseComposition(
      "Samordningsforbundet leds av en styrelse som bestar av atta ledamoter och atta erséttare.", &s));
  EXPECT_EQ(s.members, 8);
  EXPECT_EQ(s.deputies, 8);
  BoardComposition f;
  ASSERT_TRUE(ParseComposition("Styrelsen har fem ledamöter och fem ersättare.", &f));
  EXPECT_EQ(f.members, 5);
  BoardComposition m;
  ASSERT_TRUE(ParseComposition(
      "Styrelsen har haft sex möten under 2020. Arvoden till styrelsen för verksamhetsåret uppgår till 187 tkr.", &m));
  EXPECT_EQ(m.meetings, 6);
  EXPECT_EQ(m.year, 2020);
  EXPECT_EQ(m.fees_sek, 187000);
  EXPECT_FALSE(m.members);
  BoardComposition none;
  EXPECT_FALSE(ParseComposition("Arbetsutskottet har haft sex möten under 2020.", &none));
}

TEST(BoardTest, ListSignaturesAndOfficersFromText) {
  Document doc = TextDoc(
      "Styrelsens sammansättning 2020\n\nOrdinarie ledamöter:\n\n"
      "Tommy Berger, Region Gävleborg - ordförande\nEva Alner Liljedahl, Försäkringskassan\n\n\f"
      "Ersättare:\n\nAngelica Gabrielsson, Försäkringskassan\n\nStyrelsens sammanträden\n\n"
      "Styrelsen har haft sex möten under 2020.\n\nRevisorer\n\nFör staten: Lars Skoglund, KPMG\n\n"
      "Kansli\n\nFörbundets kansli består av förbundschef 100 % och ekonom 50 %.\n\n"
      "Anna Svensson\nLedamot\n\nTommy Berger\nOrdförande\n");
  Governance gov;
  ExtractBoard(doc, 0, &gov);
  ASSERT_EQ(gov.board.size(), 4u);
  EXPECT_EQ(gov.board[0].name, "Tommy Berger");
  EXPECT_EQ(gov.board[0].source, "list");
  EXPECT_EQ(gov.board[0].year, 2020);
  EXPECT_EQ(gov.board[1].role, "ledamot");
  EXPECT_EQ(gov.board[2].name, "Angelica Gabrielsson");
  EXPECT_EQ(gov.board[2].role, "ersättare");
  EXPECT_EQ(gov.board[2].prov.page, 2);  // after the form feed
  EXPECT_EQ(gov.board[3].name, "Anna Svensson");  // only in the signatures
  EXPECT_EQ(gov.board[3].source, "signature");
  EXPECT_EQ(gov.board[3].organisation, "");
  ASSERT_EQ(gov.composition.size(), 1u);
  EXPECT_EQ(gov.composition[0].meetings, 6);
  ASSERT_EQ(gov.officers.size(), 3u);
  EXPECT_EQ(gov.officers[0].kind, "revisor");
  EXPECT_EQ(gov.officers[0].name, "Lars Skoglund");
  EXPECT_EQ(gov.officers[0].organisation, "KPMG");
  EXPECT_EQ(gov.officers[0].appointed_by, "staten");
  EXPECT_EQ(gov.officers[1].role, "förbundschef");
  EXPECT_EQ(gov.officers[2].role, "ekonom");
}

TEST(BoardTest, OcrGarbledSignatureIsTheListedMember) {
  Document doc = TextDoc(
      "Styrelsens sammansättning 2020\n\nOrdinarie ledamöter:\n\nOve Schönning, Ljusdal kommun\n\n"
      "Styrelsens sammanträden\n\nOve Schöénning\nLedamot\n");
  Governance gov;
  ExtractBoard(doc, 0, &gov);
  ASSERT_EQ(gov.board.size(), 1u);
  EXPECT_EQ(gov.board[0].organisation, "Ljusdals kommun");
}

TEST(BoardTest, SizeFromOneSeatPerMember) {
  Document doc = TextDoc(
      "Samordningsförbundet leds av en styrelse till vilken respektive medlem utsett varsin ledamot och ersättare.\n");
  Governance gov;
  ExtractBoard(doc, 11, &gov);
  ASSERT_EQ(gov.composition.size(), 1u);
  EXPECT_EQ(gov.composition[0].members, 11);
  EXPECT_EQ(gov.composition[0].deputies, 11);
  EXPECT_LT(gov.composition[0].prov.confidence, 1.0);
}

}  // namespace
}  // namespace finsam
