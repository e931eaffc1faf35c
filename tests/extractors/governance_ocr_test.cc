// Governance records from the scans (scan.pdf: image only, OCR) and the
// sandwich PDFs (an English-model text layer, repaired). Slow (OCR), so in
// the "ocr" test binary. What is asserted is what the OCR text supports;
// the records it garbles are listed in the report of issue 4, not hidden.
#include <gtest/gtest.h>

#include <map>

#include "extractors/interventions.h"
#include "normalizers/text.h"
#include "pipeline/pipeline.h"

namespace finsam {
namespace {

Extraction RunOcr(const std::string& file) {
  PipelineOptions opts;
  opts.ocr = OcrPolicy::kAuto;
  opts.quiet = true;
  Result<Extraction> ex = RunPipeline(std::string(FINSAM_SOURCE_DIR) + "/corpus/" + file, opts);
  EXPECT_TRUE(ex.ok()) << file << ": " << ex.status().ToString();
  return ex.ok() ? std::move(ex).value() : Extraction();
}

const std::vector<std::pair<std::string, std::string>> kBoard = {
    {"Tommy Berger", "Region Gävleborg"},         {"Kenneth Axling", "Hofors kommun"},
    {"Eva Alner Liljedahl", "Försäkringskassan"},  {"Charlotta Backström", "Arbetsförmedlingen"},
    {"Einar Wängmark", "Ovanåkers kommun"},        {"Ove Schönning", "Ljusdals kommun"},
    {"Stefan Nybom", "Nordanstigs kommun"},        {"Marianne Persson", "Söderhamns kommun"},
    {"Angelica Gabrielsson", "Försäkringskassan"}, {"Anna Magnusson Kroon", "Arbetsförmedlingen"},
    {"Hans Backman", "Region Gävleborg"},          {"Erika Engberg", "Bollnäs kommun"},
    {"Stefan Grandien", "Gävle kommun"},           {"Henrik Berglund Persson", "Hudiksvalls kommun"},
    {"Hans-Olov Frestadius", "Sandvikens kommun"}, {"Anders Öquist", "Ockelbo kommun"},
};

void ExpectBoard(const Governance& g) {
  ASSERT_EQ(g.board.size(), kBoard.size());
  for (size_t i = 0; i < kBoard.size(); ++i) {
    EXPECT_EQ(g.board[i].name, kBoard[i].first);
    EXPECT_EQ(g.board[i].organisation, kBoard[i].second) << kBoard[i].first;
    EXPECT_EQ(g.board[i].role, i == 0 ? "ordförande" : i == 1 ? "vice ordförande" : i < 8 ? "ledamot" : "ersättare");
  }
  ASSERT_EQ(g.composition.size(), 1u);
  EXPECT_EQ(g.composition[0].members, 8);
  EXPECT_EQ(g.composition[0].deputies, 8);
  EXPECT_EQ(g.composition[0].meetings, 6);
  EXPECT_EQ(g.composition[0].fees_sek, 187000);
}

TEST(GovernanceOcr, ArsredovisningScan) {
  Extraction ex = RunOcr("gavleborg-ar-2020/scan.pdf");
  const Governance& g = ex.governance;
  ExpectBoard(g);
  ASSERT_EQ(g.goals.size(), 4u);
  // All twelve indicators in their goals; 11 of 12 statuses as printed (in
  // Mål 2 row 5 OCR pulled "Ej" of "Ej uppfylld" into the percentage
  // "41920", leaving "uppfylld").
  std::vector<int> per_goal(4);
  for (const Indicator& i : g.indicators) ++per_goal[i.goal];
  EXPECT_EQ(per_goal, (std::vector<int>{3, 6, 2, 1}));
  const char* kStatus[] = {"ej mätbart", "delvis uppfylld", "uppfylld", "uppfylld till övervägande del",
                           "uppfylld",   "uppfylld",        "ej uppfylld", "ej uppfylld",
                           "uppfylld",   "uppfylld",        "uppfylld",    "ej uppfylld"};
  ASSERT_EQ(g.indicators.size(), std::size(kStatus));
  int right = 0;
  for (size_t i = 0; i < std::size(kStatus); ++i) right += g.indicators[i].status == kStatus[i];
  EXPECT_GE(right, 11);
  EXPECT_EQ(g.indicators[2].comparator, "=");  // "Ca 800 individers ärenden" → 923
  EXPECT_EQ(g.indicators[2].target_value, 800);
  EXPECT_EQ(g.indicators[2].outcome_value, 923);
  // Not 1 sums to its Summa row.
  int64_t sum2020 = 0;
  int rows = 0;
  for (const MemberContribution& m : g.members)
    if (m.source == "note" && m.year == 2020) {
      sum2020 += m.amount_sek.value_or(0);
      ++rows;
    }
  EXPECT_EQ(sum2020, 13401000);
  EXPECT_EQ(rows, 13);
  // Bilaga 1 budgets and outcomes that OCR read intact.
  const std::map<std::string, std::pair<int64_t, int64_t>> kAmounts = {
      {"Ett hållbart arbetsliv - Ockelbo", {892400, 801497}},
      {"Arbetsintegrerande Socialt Företagande", {400000, 304982}},
      {"Insatskatalogen Gävleborg", {303000, 187815}},
      {"Förstudie – Prova vägar vidare Bollnäs", {834166, 799364}},
      {"Webbinarie Fontänhus", {1500, 1500}},
  };
  for (const auto& [name, amounts] : kAmounts) {
    const Intervention* found = nullptr;
    for (const Intervention& v : g.interventions)
      if (v.source == "bilaga" && SameIntervention(v.name, name)) found = &v;
    ASSERT_TRUE(found) << name;
    EXPECT_EQ(found->budget_sek, amounts.first) << name;
    EXPECT_EQ(found->outcome_sek, amounts.second) << name;
  }
}

TEST(GovernanceOcr, ArsredovisningSandwichBoard) {
  Extraction ex = RunOcr("gavleborg-ar-2020/sandwich.pdf");
  // "Region Gavieborg", "Gavie kommun" in the layer are snapped to the
  // document's usual spelling; the OCR'd signature "Ove Schöénning" is not
  // a 17th member.
  ExpectBoard(ex.governance);
  EXPECT_EQ(ex.governance.goals.size(), 4u);
}

TEST(GovernanceOcr, GavleborgPlanScan) {
  Extraction ex = RunOcr("gavleborg-vp-2020/scan.pdf");
  const Governance& g = ex.governance;
  ASSERT_EQ(g.composition.size(), 1u);
  EXPECT_EQ(g.composition[0].members, 8);
  EXPECT_EQ(g.composition[0].deputies, 8);
  ASSERT_EQ(g.goals.size(), 4u);
  std::vector<int> per_goal(4);
  for (const Indicator& i : g.indicators) ++per_goal[i.goal];
  EXPECT_EQ(per_goal, (std::vector<int>{3, 6, 2, 1}));
  ASSERT_EQ(g.indicators.size(), 12u);
  EXPECT_EQ(g.indicators[11].comparator, "<=");  // "inte överstiga 2096 av" (OCR'd "20%")
  EXPECT_EQ(g.indicators[11].target_value, 20);
  EXPECT_EQ(g.indicators[11].target_unit, "%");
  const char* kGranted[] = {"Lokala samverkansgrupper (MYSAM)", "Tidig rehabilitering i Samverkan (Trisam 2.0)",
                            "ASF - arbetsintegrerande socialt företagande", "Insatskatalogen",
                            "Ett hållbart arbetsliv, Ockelbo", "Förstudie prova vägar vidare, Bollnäs"};
  ASSERT_EQ(g.interventions.size(), std::size(kGranted));
  for (size_t i = 0; i < std::size(kGranted); ++i) {
    EXPECT_TRUE(g.interventions[i].granted);
    EXPECT_TRUE(SameIntervention(g.interventions[i].name, kGranted[i])) << g.interventions[i].name;
  }
}

TEST(GovernanceOcr, JamtlandPlanScan) {
  Extraction ex = RunOcr("jamtland-vp-2019/scan.pdf");
  const Governance& g = ex.governance;
  ASSERT_EQ(g.composition.size(), 1u);
  EXPECT_EQ(g.composition[0].members, 11);
  ASSERT_EQ(g.goals.size(), 4u);
  EXPECT_EQ(g.goals[0].text, "Skapa samverkan");
  EXPECT_EQ(g.goals[3].text, "Förvaltning");
  std::vector<int> per_goal(4);
  for (const Indicator& i : g.indicators) ++per_goal[i.goal];
  EXPECT_EQ(per_goal, (std::vector<int>{6, 3, 4, 3}));
  ASSERT_EQ(g.indicators.size(), 16u);
  EXPECT_EQ(g.indicators[0].target_value, 2);
  EXPECT_EQ(g.indicators[12].target_value, 25);  // "Minst 25 26 av" (OCR'd "25 %")
  EXPECT_EQ(g.indicators[12].target_unit, "%");
  ASSERT_EQ(g.interventions.size(), 9u);
  EXPECT_EQ(Fold(g.interventions[5].name), Fold("Servicetjänster i Krokoms kommun, tillskapande av jobb och handledning"));
}

}  // namespace
}  // namespace finsam
