// Made-up plans of förbund finsam never saw, printed to PDF by headless
// Chromium from the HTML beside them (tests/data/unseen/; regenerate with
// `chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer
// --print-to-pdf=X.pdf file://$PWD/X.html`): a board table read by its
// header row and goals written as "Mål 1: …" with labelled Indikator /
// Målvärde / Utfall lines, through the PDF reader as `finsam extract` reads
// them. Invented names; every expected value checked by hand in the HTML.
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extractors/board.h"
#include "extractors/goals.h"
#include "extractors/metadata.h"
#include "pipeline/input/pdf_reader.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

struct WantMember {
  const char* name;
  const char* role;
  const char* organisation;
};

struct WantIndicator {
  int goal;
  const char* text;
  const char* comparator;
  double target;
  const char* unit;
  std::optional<double> outcome;
  const char* status;
};

struct Case {
  const char* file;
  int year;
  std::vector<WantMember> board;
  std::vector<const char*> goals;
  std::vector<WantIndicator> indicators;
};

TEST(UnseenGovernancePdfTest, MadeUpPlans) {
  const std::vector<Case> cases = {
      {"up1-board-table.pdf",
       2025,
       {{"Anna Exempel", "ordförande", "Exempeldalens kommun"},
        {"Bertil Provsson", "vice ordförande", "Region Provland"},
        {"Cecilia Testlund", "ledamot", "Försäkringskassan"},
        {"David Exempelsson", "ledamot", "Arbetsförmedlingen"},
        {"Eva Provare", "ledamot", "Ekbacka kommun"}},
       {"Fler deltagare närmar sig arbetsmarknaden efter avslutad insats.",
        "Parterna samverkar kring deltagare med behov av stöd från flera parter."},
       {{0, "Andel deltagare i arbete eller studier sex månader efter avslutad insats", ">=", 40, "%", std::nullopt, ""},
        {1, "Andel deltagare som fått stöd från mer än en part", ">=", 85, "%", std::nullopt, ""}}},
      {"up2-board-deputies.pdf",
       2024,
       {{"Frida Exempel", "ledamot", "Region Provland"},
        {"Gustav Provlund", "ersättare", "Region Provland"},
        {"Hanna Testberg", "ledamot", "Granby kommun"},
        {"Ivar Exempelin", "ersättare", "Granby kommun"},
        {"Johan Provfors", "ledamot", "Försäkringskassan"},
        {"Karin Testdal", "ersättare", "Försäkringskassan"}},
       {"Deltagarna kommer närmare arbete eller studier.", "Insatserna bygger på samverkan mellan parterna."},
       {{0, "Andel deltagare som gått till arbete eller studier efter avslutad insats", ">=", 35, "%", 38, "uppfylld"},
        {1, "Antal insatser med fler än två parter", ">=", 4, "count", 3, "ej uppfylld"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    Document doc;
    ASSERT_TRUE(ReadPdf(ReadFile(std::string(FINSAM_SOURCE_DIR) + "/tests/data/unseen/" + c.file), 100, doc).ok());
    ExtractMetadata(ForbundRegistry(), doc);
    Governance gov;
    ExtractBoard(doc, 0, &gov);
    ExtractGoals(doc, &gov);
    ASSERT_EQ(gov.board.size(), c.board.size());
    for (size_t k = 0; k < c.board.size(); ++k) {
      EXPECT_EQ(gov.board[k].name, c.board[k].name) << k;
      EXPECT_EQ(gov.board[k].role, c.board[k].role) << k;
      EXPECT_EQ(gov.board[k].organisation, c.board[k].organisation) << k;
      EXPECT_EQ(gov.board[k].year, c.year) << k;
      EXPECT_EQ(gov.board[k].prov.page, 1) << k;
    }
    ASSERT_EQ(gov.goals.size(), c.goals.size());
    for (size_t k = 0; k < c.goals.size(); ++k) {
      EXPECT_EQ(gov.goals[k].number, std::to_string(k + 1));
      EXPECT_EQ(gov.goals[k].text, c.goals[k]);
    }
    ASSERT_EQ(gov.indicators.size(), c.indicators.size());
    for (size_t k = 0; k < c.indicators.size(); ++k) {
      const Indicator& got = gov.indicators[k];
      const WantIndicator& want = c.indicators[k];
      SCOPED_TRACE(want.text);
      EXPECT_EQ(got.goal, want.goal);
      EXPECT_EQ(got.text, want.text);
      EXPECT_EQ(got.comparator, want.comparator);
      EXPECT_EQ(got.target_value, want.target);
      EXPECT_EQ(got.target_unit, want.unit);
      EXPECT_EQ(got.outcome_value, want.outcome);
      EXPECT_EQ(got.status, want.status);
    }
  }
}

}  // namespace
}  // namespace finsam
