#include "extractors/interventions.h"

#include <gtest/gtest.h>

#include "tests/extractors/gov_test_util.h"

namespace finsam {
namespace {

using testing_gov::TextDoc;

TEST(InterventionsTest, Amounts) {
  EXPECT_EQ(ParseKronor("892 400 kr"), 892400);
  EXPECT_EQ(ParseKronor("8 850 901 kr"), 8850901);
  EXPECT_EQ(ParseKronor("1 287 tkr"), 1287000);
  EXPECT_EQ(ParseKronor("1,5 mkr"), 1500000);
  EXPECT_EQ(ParseKronor("1 kr"), 1);
  EXPECT_FALSE(ParseKronor("ej angivet"));
}

TEST(InterventionsTest, Orientation) {
  EXPECT_EQ(NormalizeOrientation("Individ - Rehabilitering mot arbete/utbildning"), "individ");
  EXPECT_EQ(NormalizeOrientation("Strukturövergripande"), "struktur");
  EXPECT_EQ(NormalizeOrientation("Strukturinriktade"), "struktur");
  EXPECT_EQ(NormalizeOrientation("Individeriktade"), "individ");
  EXPECT_EQ(NormalizeOrientation("Myndighetspersonal"), "");
}

TEST(InterventionsTest, SameInterventionByName) {
  EXPECT_TRUE(SameIntervention("Mysam processledare", "Mysam"));
  EXPECT_TRUE(SameIntervention("Ett hållbart arbetsliv-Ockelbo", "Ett hållbart arbetsliv - Ockelbo"));
  EXPECT_TRUE(SameIntervention("Arbetsintegrerande sociala företag, processledare",
                               "Arbetsintegrerande Socialt Företagande"));
  EXPECT_TRUE(SameIntervention("Förstudie Prova Vägar Vidare, Bollnäs", "Förstudie – Prova vägar vidare Bollnäs⁸"));
  EXPECT_TRUE(SameIntervention("Prova vägar vidare-Boilnäs", "Förstudie – Prova vägar vidare Bollnäs"));  // typo
  EXPECT_TRUE(SameIntervention("ASF", "Arbetsintegrerande Socialt Företagande"));                         // acronym
  EXPECT_FALSE(SameIntervention("Utvecklingsinsatser", "Insatskatalogen Gävleborg"));
  EXPECT_FALSE(SameIntervention("Trisam 2.0", "Trisam individ"));
  EXPECT_FALSE(SameIntervention("Ett hållbart arbetsliv - Ockelbo", "Ett hållbart arbetsliv - Ovanåker"));
  EXPECT_FALSE(SameIntervention("ASF", "Trisam 2.0"));
}

TEST(InterventionsTest, Participants) {
  int t = 0, w = 0, m = 0;
  ASSERT_TRUE(ParseParticipants("Insatsen har omfattat 15 individer varav 8 kvinnor och 7 män.", &t, &w, &m));
  EXPECT_EQ(t, 15);
  EXPECT_EQ(w, 8);
  EXPECT_EQ(m, 7);
  ASSERT_TRUE(ParseParticipants("-Insatsen har under året haft totalt 15 deltagare i insatsen, 8 kvinnor, 7 män.", &t,
                                &w, &m));
  EXPECT_EQ(t, 15);
  ASSERT_TRUE(ParseParticipants("-Totalt har 923 (544 kvinnor, 394 män) unika individers ärenden lyfts.", &t, &w, &m));
  EXPECT_EQ(t, 923);
  EXPECT_EQ(w, 544);
  EXPECT_EQ(m, 394);
  EXPECT_FALSE(ParseParticipants("Insatsen har inte haft några deltagare.", &t, &w, &m));
}

TEST(InterventionsTest, Requests) {
  int64_t amount = 0;
  std::string who, what;
  ASSERT_TRUE(ParseRequest("Timrå kommun ansöker om 900 000 kronor för insatsen Steg framåt under 2021.", &amount,
                           &who, &what));
  EXPECT_EQ(amount, 900000);
  EXPECT_EQ(who, "Timrå kommun");
  EXPECT_EQ(what, "Steg framåt under 2021");
  ASSERT_TRUE(ParseRequest("Region Västernorrland ansöker om 450 tkr.", &amount, &who, &what));
  EXPECT_EQ(amount, 450000);
  EXPECT_EQ(who, "Region Västernorrland");
  EXPECT_EQ(what, "");
  EXPECT_FALSE(ParseRequest("Kommunen har beviljats 900 000 kronor.", &amount, &who, &what));
}

TEST(InterventionsTest, BilagaTableAndPeriodList) {
  Document doc = TextDoc(
      "Individeriktade insatser\n\n- Ett hållbart arbetsliv - Ockelbo, 2019-10-01 – 2022-06-30\n\n"
      "Strukturinriktade insatser\n\n- Mysam processledare, ej tidsbegränsad\n"
      "- Insatskatalogen Gävleborg, 2019-09-01 – ej tidsbegränsad\n\n"
      "Bilaga 1\n\n"
      "Insatsnamn\tEtt hållbart arbetsliv - Ockelbo ²\t\n"
      "Inriktning\tIndivid - Rehabilitering mot arbete/utbildning\t\n"
      "Mål\t<ul> - Minst 40% av deltagarna ska gå vidare. </ul>\t\n"
      "Totalbudget 2020\t\t892 400 kr\n"
      "Utfall ekonomi\t\t801 497 kr\n"
      "Huvudman för insats\tOckelbo kommun\t\n"
      "Samverkansparter\tArbetsförmedlingen, Försäkringskassan, Region Gävleborg\t\n"
      "Resultat\t<ul> -Insatsen har under året haft totalt 15 deltagare i insatsen, 8 kvinnor, 7 män. </ul>\t\n\n"
      "² Läs mer\n\n"
      "Insatsnamn\tMysam⁵\n"
      "Inriktning\tStrukturövergripande\n"
      "Totalbudget 2020\t427 028 kr\n"
      "Utfall ekonomi\t427 045 kr\n"
      "Huvudman för insats\tSamordningsförbund Gävleborg\n\n"
      "Timrå kommun ansöker om 900 000 kronor.\n");
  Governance gov;
  ExtractInterventions(doc, &gov);
  ASSERT_EQ(gov.interventions.size(), 4u);
  const Intervention& a = gov.interventions[0];
  EXPECT_EQ(a.name, "Ett hållbart arbetsliv - Ockelbo");
  EXPECT_EQ(a.orientation, "individ");
  EXPECT_EQ(a.budget_sek, 892400);
  EXPECT_EQ(a.outcome_sek, 801497);
  EXPECT_EQ(a.year, 2020);
  EXPECT_EQ(a.lead_organisation, "Ockelbo kommun");
  EXPECT_EQ(a.partners, (std::vector<std::string>{"Arbetsförmedlingen", "Försäkringskassan", "Region Gävleborg"}));
  EXPECT_EQ(a.participants, 15);
  EXPECT_EQ(a.women, 8);
  EXPECT_EQ(a.men, 7);
  EXPECT_EQ(a.period_from, "2019-10-01");
  EXPECT_EQ(a.period_to, "2022-06-30");
  EXPECT_EQ(a.source, "bilaga");
  EXPECT_EQ(a.prov.line_index, 11);  // the "Insatsnamn" row
  const Intervention& b = gov.interventions[1];
  EXPECT_EQ(b.name, "Mysam");
  EXPECT_EQ(b.orientation, "struktur");
  EXPECT_EQ(b.budget_sek, 427028);
  EXPECT_EQ(b.outcome_sek, 427045);
  EXPECT_EQ(b.period_from, "");  // "ej tidsbegränsad"
  const Intervention& c = gov.interventions[2];  // only in the period list
  EXPECT_EQ(c.name, "Insatskatalogen Gävleborg");
  EXPECT_EQ(c.source, "list");
  EXPECT_EQ(c.period_from, "2019-09-01");
  EXPECT_EQ(c.period_to, "");
  const Intervention& d = gov.interventions[3];
  EXPECT_EQ(d.requested_sek, 900000);
  EXPECT_EQ(d.lead_organisation, "Timrå kommun");
  EXPECT_EQ(d.source, "prose");
}

TEST(InterventionsTest, GrantedListOfAPlan) {
  Document doc = TextDoc(
      "### 8.1. Beviljade insatser 2019\n\nFörbundet har ingått avtal om finansiering av följande insatser:\n\n"
      "- Hälsa, Arbete, Migration – Samverkan Ragunda\n- Social ansvarsfull upphandling\n\n"
      "-Insatskatalogen -\n\nMedlemsavgift samt administrativt arbete\n\n"
      "Utöver ovanstående kommer ytterligare insatser att tillkomma under året.\n\n- Inte beviljad\n",
      2019);
  Governance gov;
  ExtractInterventions(doc, &gov);
  ASSERT_EQ(gov.interventions.size(), 3u);
  EXPECT_EQ(gov.interventions[0].name, "Hälsa, Arbete, Migration – Samverkan Ragunda");
  EXPECT_TRUE(gov.interventions[0].granted);
  EXPECT_EQ(gov.interventions[0].year, 2019);
  EXPECT_EQ(gov.interventions[2].name, "Insatskatalogen");
}

}  // namespace
}  // namespace finsam
