#include "extractors/goals.h"

#include <gtest/gtest.h>

#include "tests/extractors/gov_test_util.h"

namespace finsam {
namespace {

using testing_gov::TextDoc;

TEST(GoalsTest, Targets) {
  Target t = ParseTarget("Minst 90 % av hälsocentralerna");
  EXPECT_EQ(t.comparator, ">=");
  EXPECT_EQ(t.value, 90);
  EXPECT_EQ(t.unit, "%");
  t = ParseTarget("Det egna kapitalet ska inte överstiga 20% av förbundets budgeterade intäkter");
  EXPECT_EQ(t.comparator, "<=");
  EXPECT_EQ(t.value, 20);
  EXPECT_EQ(t.unit, "%");
  t = ParseTarget("Det egna kapitalet ska inte dverstiga 20% av forbundets budgeterade intdkter");  // stripped OCR
  EXPECT_EQ(t.comparator, "<=");
  EXPECT_EQ(t.value, 20);
  t = ParseTarget("3. Ca 800 individers ärenden konsulteras årligen.");
  EXPECT_EQ(t.comparator, "=");
  EXPECT_EQ(t.value, 800);
  EXPECT_EQ(t.unit, "count");
  EXPECT_EQ(t.noun, "individers");
  t = ParseTarget("Minst 25 % av registrerade deltagare i individinriktade insatser går vidare till studier eller arbete");
  EXPECT_EQ(t.comparator, ">=");
  EXPECT_EQ(t.value, 25);
  EXPECT_EQ(t.unit, "%");
  t = ParseTarget("Minst två länsövergripande event för spridning av kunskap och erfarenhet genomförs");
  EXPECT_EQ(t.comparator, ">=");
  EXPECT_EQ(t.value, 2);
  EXPECT_EQ(t.unit, "count");
  t = ParseTarget("Våra resultat ska vara på minst samma nivå som nationella jämförelsetal");
  EXPECT_EQ(t.comparator, ">=");
  EXPECT_FALSE(t.value);
  t = ParseTarget("Förbundets egna kapital överstiger inte Nationella rådets rekommendation");
  EXPECT_EQ(t.comparator, "<=");
  EXPECT_FALSE(t.value);
  t = ParseTarget("Högst 2 mkr i eget kapital");
  EXPECT_EQ(t.comparator, "<=");
  EXPECT_EQ(t.value, 2000000);
  EXPECT_EQ(t.unit, "sek");
  // OCR of a scan: "%" read as "96" / "26".
  t = ParseTarget("Det egna kapitalet ska inte överstiga 2096 av förbundets budgeterade intäkter");
  EXPECT_EQ(t.comparator, "<=");
  EXPECT_EQ(t.value, 20);
  EXPECT_EQ(t.unit, "%");
  t = ParseTarget("Minst 25 26 av registrerade deltagare");
  EXPECT_EQ(t.value, 25);
  EXPECT_EQ(t.unit, "%");
  t = ParseTarget("Minst 2096 deltagare");  // no "av": a count as printed
  EXPECT_EQ(t.value, 2096);
  t = ParseTarget("Under 2019-10-01 – 2022-06-30 ska insatsen erbjuda stöd");
  EXPECT_EQ(t.comparator, "");
  // The first target in reading order wins.
  t = ParseTarget("3. Ca 800 individers ärenden. Ett hållbart arbetsliv: 1. Minst 40% av deltagarna");
  EXPECT_EQ(t.comparator, "=");
  EXPECT_EQ(t.value, 800);
}

TEST(GoalsTest, Statuses) {
  std::string raw;
  EXPECT_EQ(ParseStatus("Uppfylld", &raw), "uppfylld");
  EXPECT_EQ(ParseStatus("Delvis uppfylld"), "delvis uppfylld");
  EXPECT_EQ(ParseStatus("Uppfylld till övervägande del"), "uppfylld till övervägande del");
  EXPECT_EQ(ParseStatus("Utgående eget kapital är 6 630 tkr, dvs 50% Ej uppfyllt", &raw), "ej uppfylld");
  EXPECT_EQ(raw, "Ej uppfyllt");
  EXPECT_EQ(ParseStatus("Ej mätbart"), "ej mätbart");
  // The summary wins over the sub-items; "indikatorn är uppfylld" is none.
  EXPECT_EQ(ParseStatus("1. 69% - Ej uppfylld 2. 22% … möjligt att bedöma om indikatorn är uppfylld- Ej mätbart "
                        "3. 57% Uppfylld Sammanfattning: Delvis uppfylld 4. 31% Uppfylld"),
            "delvis uppfylld");
  EXPECT_EQ(ParseStatus("bedöma om indikatorn är uppfylld."), "");
  EXPECT_EQ(ParseStatus("Inga mätningar gjordes"), "");
}

TEST(GoalsTest, Outcomes) {
  std::string unit;
  Target pct = ParseTarget("inte överstiga 20%");
  EXPECT_EQ(ParseOutcome("Utgående eget kapital är 6 630 tkr, dvs 50%", pct, &unit), 50);
  EXPECT_EQ(unit, "%");
  Target count = ParseTarget("Ca 800 individers ärenden");
  EXPECT_EQ(ParseOutcome("1. 22% svarar 3. 923 individers ärenden har konsulterats", count, &unit), 923);
  EXPECT_EQ(unit, "count");
  EXPECT_FALSE(ParseOutcome("Alla grupper har träffats", count, &unit));
}

TEST(GoalsTest, NumberedPlanSectionWithIndicatorLists) {
  Document doc = TextDoc(
      " 5. Mal\n\n5.1 Vara insatser leder till att individer uppnar arbetsformaga eller forbattrar\n"
      "sin formaga att utfora arbete.\n\nVara insatser ska gora skillnad for den enskilde.\n\n"
      "Indikatorer\n-Deltagare upplever att de kdnner sig mer redo. Vara\nresultat ska vara pd minst samma niva.\n\n"
      "5.2 Stodja och utveckla samverkansstrukturer.\n\n- Som stod for de tio lokala samverkansgrupperna\n\n"
      "Indikatorer\n\n-Alla tio lokala samverkansgrupper har kontinuerligt minst tva traffar per termin.\n\n"
      "1 Mits via NNS enkiter kontinuerligt under aret.\n\nSAMORDNINGSFORBUND GAVLEBORG\n"
      "-Insatskatalogen ar ett fungerande instrument.\n\nsamt i lanet.\n\n"
      "5.4 Verksamhet i ekonomisk balans\n\nIndikator\n"
      "-Det egna kapitalet ska inte dverstiga 20% av forbundets budgeterade intdkter vid arets slut.\n\n"
      " 6. Arbetsorganisation\n\n- Inte en indikator\n");
  Governance gov;
  ExtractGoals(doc, &gov);
  ASSERT_EQ(gov.goals.size(), 3u);
  EXPECT_EQ(gov.goals[0].number, "5.1");
  EXPECT_EQ(gov.goals[0].text,
            "Vara insatser leder till att individer uppnar arbetsformaga eller forbattrar sin formaga att utfora arbete.");
  EXPECT_EQ(gov.goals[1].number, "5.2");
  EXPECT_EQ(gov.goals[2].number, "5.4");
  ASSERT_EQ(gov.indicators.size(), 4u);
  EXPECT_EQ(gov.indicators[0].text,
            "Deltagare upplever att de kdnner sig mer redo. Vara resultat ska vara pd minst samma niva.");
  EXPECT_EQ(gov.indicators[0].goal, 0);
  EXPECT_EQ(gov.indicators[0].comparator, ">=");
  // Bullets before "Indikatorer" are no indicators; footnotes and page
  // headers do not end the list.
  EXPECT_EQ(gov.indicators[1].goal, 1);
  EXPECT_EQ(gov.indicators[1].target_value, 2);
  EXPECT_EQ(gov.indicators[1].target_unit, "count");
  EXPECT_EQ(gov.indicators[2].text, "Insatskatalogen ar ett fungerande instrument. samt i lanet.");
  EXPECT_EQ(gov.indicators[3].goal, 2);
  EXPECT_EQ(gov.indicators[3].comparator, "<=");
  EXPECT_EQ(gov.indicators[3].target_value, 20);
  EXPECT_EQ(gov.indicators[3].target_unit, "%");
  EXPECT_EQ(gov.indicators[3].year, 2020);
}

TEST(GoalsTest, HeadingSectionsAsInJamtland) {
  Document doc = TextDoc(
      "## 7. Mål 2019\n\n### Skapa samverkan\n\n- Minst två länsövergripande event genomförs\n"
      "- Behovsstyrda seminarier genomförs i minst fyra av länets kommuner\n\n### Insatsfinansiering\n\n"
      "- Minst 25 % av registrerade deltagare går vidare till studier eller arbete\n\n## 8. Budget\n\n- Ingen\n",
      2019);
  Governance gov;
  ExtractGoals(doc, &gov);
  ASSERT_EQ(gov.goals.size(), 2u);
  EXPECT_EQ(gov.goals[0].text, "Skapa samverkan");
  EXPECT_EQ(gov.goals[1].text, "Insatsfinansiering");
  ASSERT_EQ(gov.indicators.size(), 3u);
  EXPECT_EQ(gov.indicators[1].target_value, 4);
  EXPECT_EQ(gov.indicators[2].goal, 1);
  EXPECT_EQ(gov.indicators[2].target_value, 25);
  EXPECT_EQ(gov.indicators[2].year, 2019);
}

TEST(GoalsTest, OcrBulletsAndLowercaseTailsAreNoHeadings) {
  Document doc = TextDoc(
      "7. Mål 2019\n\nFörvaltning\n\n« Jämställdhetsanalys av förbundets verksamhet genomförs\n\n"
      "e Förbundets egna kapital överstiger inte Nationella rådets rekommendation om storlek på sparade\n\n"
      "medel\n\n8. Budget\n",
      2019);
  Governance gov;
  ExtractGoals(doc, &gov);
  ASSERT_EQ(gov.goals.size(), 1u);
  ASSERT_EQ(gov.indicators.size(), 2u);
  EXPECT_EQ(gov.indicators[0].text, "Jämställdhetsanalys av förbundets verksamhet genomförs");
  EXPECT_EQ(gov.indicators[1].comparator, "<=");
}

TEST(GoalsTest, FulfilmentTableFromTabRows) {
  Document doc = TextDoc(
      "Mål 4. Verksamhet i ekonomisk balans\n\nIndikator\tMåttbeskrivning\tUtfall\n"
      "Det egna kapitalet ska inte överstiga 20% av förbundet budgeterade intäkter vid årets slut.\t"
      "20% av 13 320 tkr=2 664 tkr\tUtgående eget kapital är 6 630 tkr, dvs 50%\n\t\tEj uppfyllt\n\n"
      "Samlad bedömning\n\nMål 4, ej uppfyllt\n");
  Governance gov;
  ExtractGoals(doc, &gov);
  ASSERT_EQ(gov.goals.size(), 1u);
  EXPECT_EQ(gov.goals[0].number, "4");
  EXPECT_EQ(gov.goals[0].text, "Verksamhet i ekonomisk balans");
  ASSERT_EQ(gov.indicators.size(), 1u);
  const Indicator& i = gov.indicators[0];
  EXPECT_EQ(i.comparator, "<=");
  EXPECT_EQ(i.target_value, 20);
  EXPECT_EQ(i.outcome_value, 50);
  EXPECT_EQ(i.outcome_unit, "%");
  EXPECT_EQ(i.status, "ej uppfylld");
  EXPECT_EQ(i.status_raw, "Ej uppfyllt");
  EXPECT_EQ(i.measure, "20% av 13 320 tkr=2 664 tkr");
  EXPECT_EQ(i.prov.line_index, 3);
}

}  // namespace
}  // namespace finsam
