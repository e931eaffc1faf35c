// Scorecards (styrkort) and targets written in prose — issue 16, class 8.
// Every document here is made up; expected values checked by hand.
#include "extractors/scorecard.h"

#include <gtest/gtest.h>

#include "extractors/goals.h"
#include "tests/extractors/gov_test_util.h"

namespace finsam {
namespace {

using testing_gov::TextDoc;

TEST(ScorecardTest, TargetsInProse) {
  struct Case {
    const char* text;
    const char* comparator;
    std::optional<double> value;
    const char* unit;
  };
  const Case kCases[] = {
      {"Minst 85 % av deltagarna ska uppleva att insatsen stärkt dem", ">=", 85, "%"},
      {"Andelen deltagare i arbete eller studier ska öka till 40 %", ">=", 40, "%"},
      {"Andelen ska öka från 30 % till 45 procent", ">=", 45, "%"},
      {"Högst 10 dagar från anmälan till första möte", "<=", 10, "count"},
      {"Sjukfrånvaron bland personalen ska minska till 4 %", "<=", 4, "%"},
      {"Väntetiden ska minska från 30 till 20 dagar", "<=", 20, "count"},
      {"Kostnaden per deltagare ska vara högst 45 tkr", "<=", 45000, "sek"},
      {"Insatsen ska öka samverkan mellan parterna", "", std::nullopt, ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    Target t = ParseTarget(c.text);
    EXPECT_EQ(t.comparator, c.comparator);
    EXPECT_EQ(t.value, c.value);
    EXPECT_EQ(t.unit, c.unit);
  }
}

TEST(ScorecardTest, HeaderRolesAndPerspectiveNames) {
  struct Case {
    const char* cell;
    const char* role;
    bool perspective;
  };
  const Case kCases[] = {
      {"Perspektiv", "perspective", false}, {"Mål", "goal", false},          {"Strategiskt mål", "goal", false},
      {"Mått", "measure", false},           {"Indikator", "measure", false},  {"Nyckeltal", "measure", false},
      {"Målvärde 2024", "target", false},   {"Målnivå", "target", false},     {"Utfall 2023", "outcome", false},
      {"Status", "status", false},          {"Individperspektiv", "", true},  {"Ekonomiskt perspektiv", "", true},
      {"Samverkan", "", true},              {"Lärande och utveckling", "", true}, {"Kostnader", "", false},
      {"Budget 2024", "", false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.cell);
    EXPECT_EQ(ScorecardRole(c.cell), c.role);
    EXPECT_EQ(IsPerspectiveName(c.cell), c.perspective);
  }
}

TEST(ScorecardTest, PerspectivesAsRowsFromTabs) {
  Document doc = TextDoc(
      "Styrkort 2024\n\n"
      "Perspektiv\tMål\tMått\tMålvärde\tUtfall\n"
      "Individ\tFler deltagare når egen försörjning\tAndel deltagare i arbete eller studier efter avslut\t"
      "Minst 40 %\t43 %\n"
      "\t\tAndel deltagare som upplever ökad hälsa\tMinst 70 %\t64 %\n"
      "Samverkan\tParterna planerar gemensamt\tAntal gemensamma planeringsmöten\tMinst 4\t5 möten\n"
      "Ekonomi\tEkonomi i balans\tEget kapital i förhållande till intäkterna\tHögst 20 %\t18 %\n"
      "\n8. Budget\n",
      2024);
  Governance gov;
  ExtractGoals(doc, &gov);
  ASSERT_EQ(gov.goals.size(), 3u);
  EXPECT_EQ(gov.goals[0].perspective, "Individ");
  EXPECT_EQ(gov.goals[0].text, "Fler deltagare når egen försörjning");
  EXPECT_EQ(gov.goals[1].perspective, "Samverkan");
  EXPECT_EQ(gov.goals[2].perspective, "Ekonomi");
  ASSERT_EQ(gov.indicators.size(), 4u);
  const Indicator& a = gov.indicators[0];
  EXPECT_EQ(a.goal, 0);
  EXPECT_EQ(a.text, "Andel deltagare i arbete eller studier efter avslut");
  EXPECT_EQ(a.measure, "Minst 40 %");
  EXPECT_EQ(a.comparator, ">=");
  EXPECT_EQ(a.target_value, 40);
  EXPECT_EQ(a.target_unit, "%");
  EXPECT_EQ(a.outcome_value, 43);
  EXPECT_EQ(a.outcome_unit, "%");
  EXPECT_EQ(a.year, 2024);
  EXPECT_EQ(a.prov.line_index, 3);
  EXPECT_EQ(gov.indicators[1].goal, 0);  // empty perspective and goal cells keep the row above's
  EXPECT_EQ(gov.indicators[1].target_value, 70);
  EXPECT_EQ(gov.indicators[1].outcome_value, 64);
  EXPECT_EQ(gov.indicators[2].goal, 1);
  EXPECT_EQ(gov.indicators[2].target_value, 4);
  EXPECT_EQ(gov.indicators[2].target_unit, "count");
  EXPECT_EQ(gov.indicators[2].outcome_value, 5);  // "5 möten" under "Minst 4"
  EXPECT_EQ(gov.indicators[3].comparator, "<=");
  EXPECT_EQ(gov.indicators[3].target_value, 20);
  EXPECT_EQ(gov.indicators[3].outcome_value, 18);
}

TEST(ScorecardTest, PerspectivesAsColumnsWithRowLabels) {
  // A pipe table (markdown-like dump), the row labels in the first column.
  Document doc = TextDoc(
      "Balanserat styrkort\n\n"
      "| | Individperspektiv | Samverkansperspektiv | Ekonomiskt perspektiv |\n"
      "|---|---|---|---|\n"
      "| Mål | Deltagare stärks mot arbete | Gemensamma arbetssätt | God hushållning |\n"
      "| Mått | Andel som går till arbete eller studier | Antal kommuner med samverkansteam | Eget kapital |\n"
      "| Målvärde | Andelen ska öka till 35 % | Minst 6 kommuner | Högst 2 mkr |\n"
      "| Utfall | 31 % | 7 kommuner | 1,6 mkr |\n"
      "| Status | Ej uppfyllt | Uppfyllt | Uppfyllt |\n",
      2023);
  Governance gov;
  ExtractGoals(doc, &gov);
  ASSERT_EQ(gov.goals.size(), 3u);
  EXPECT_EQ(gov.goals[0].perspective, "Individperspektiv");
  EXPECT_EQ(gov.goals[0].text, "Deltagare stärks mot arbete");
  EXPECT_EQ(gov.goals[2].perspective, "Ekonomiskt perspektiv");
  ASSERT_EQ(gov.indicators.size(), 3u);
  EXPECT_EQ(gov.indicators[0].text, "Andel som går till arbete eller studier");
  EXPECT_EQ(gov.indicators[0].comparator, ">=");
  EXPECT_EQ(gov.indicators[0].target_value, 35);
  EXPECT_EQ(gov.indicators[0].outcome_value, 31);
  EXPECT_EQ(gov.indicators[0].status, "ej uppfylld");
  EXPECT_EQ(gov.indicators[1].target_value, 6);
  EXPECT_EQ(gov.indicators[1].target_unit, "count");
  EXPECT_EQ(gov.indicators[1].outcome_value, 7);
  EXPECT_EQ(gov.indicators[1].status, "uppfylld");
  EXPECT_EQ(gov.indicators[2].comparator, "<=");
  EXPECT_EQ(gov.indicators[2].target_value, 2000000);
  EXPECT_EQ(gov.indicators[2].target_unit, "sek");
}

TEST(ScorecardTest, PerspectivesAsColumnsWithSelfLabelledAndPlainCells) {
  Document doc = TextDoc(
      "Styrkort\n"
      "Individ\tSamverkan\tMedarbetare\n"
      "Mål: Deltagarna kommer närmare arbetsmarknaden\tFler gemensamma insatser\t"
      "Minst 85 % av medarbetarna ska trivas\n"
      "Mått: Andel deltagare med stegförflyttning Målvärde: Minst 60 %\tAntal insatser med fler än två parter\t\n"
      "\tMinst 5\t\n",
      2022);
  Governance gov;
  ExtractGoals(doc, &gov);
  ASSERT_EQ(gov.goals.size(), 3u);
  EXPECT_EQ(gov.goals[0].text, "Deltagarna kommer närmare arbetsmarknaden");
  EXPECT_EQ(gov.goals[1].text, "Fler gemensamma insatser");
  EXPECT_EQ(gov.goals[2].perspective, "Medarbetare");
  ASSERT_EQ(gov.indicators.size(), 3u);
  EXPECT_EQ(gov.indicators[0].text, "Andel deltagare med stegförflyttning");
  EXPECT_EQ(gov.indicators[0].target_value, 60);
  EXPECT_EQ(gov.indicators[1].text, "Antal insatser med fler än två parter");
  EXPECT_EQ(gov.indicators[1].measure, "Minst 5");
  EXPECT_EQ(gov.indicators[1].target_value, 5);
  // A goal with no measure that states its own target is its own indicator.
  EXPECT_EQ(gov.indicators[2].goal, 2);
  EXPECT_EQ(gov.indicators[2].text, "Minst 85 % av medarbetarna ska trivas");
  EXPECT_EQ(gov.indicators[2].comparator, ">=");
  EXPECT_EQ(gov.indicators[2].target_value, 85);
}

TEST(ScorecardTest, OrdinaryTablesAreNoScorecards) {
  Document doc = TextDoc(
      "Budget 2024\n\nTkr\tBudget 2024\tPlan 2025\nIntäkter\t100\t100\nKostnader\t-90\t-95\n\n"
      "Fördelning\n\nIndivid\tSamverkan\n12\t14\n",
      2024);
  Governance gov;
  ExtractGoals(doc, &gov);
  EXPECT_TRUE(gov.goals.empty());
  EXPECT_TRUE(gov.indicators.empty());
}

}  // namespace
}  // namespace finsam
