// Board tables read by their header row and goals written in prose with
// labelled lines — shapes from a made-up plan of a förbund finsam never saw
// (issue 16, class 8). Invented names and organisations throughout.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "extractors/board.h"
#include "extractors/goals.h"
#include "tests/extractors/gov_test_util.h"
#include "tests/support/a4_pages.h"

namespace finsam {
namespace {

using fixtures::A4Pages;
using fixtures::PageBuilder;
using testing_gov::TextDoc;

struct WantMember {
  const char* name;
  const char* role;
  const char* organisation;
};

std::string Describe(const Governance& gov) {
  std::string s;
  for (const BoardMember& m : gov.board) s += "[" + m.name + " | " + m.role + " | " + m.organisation + "]";
  return s;
}

void ExpectMembers(const Governance& gov, const std::vector<WantMember>& want, int year) {
  SCOPED_TRACE(Describe(gov));
  ASSERT_EQ(gov.board.size(), want.size());
  for (size_t k = 0; k < want.size(); ++k) {
    EXPECT_EQ(gov.board[k].name, want[k].name) << k;
    EXPECT_EQ(gov.board[k].role, want[k].role) << k;
    EXPECT_EQ(gov.board[k].organisation, want[k].organisation) << k;
    EXPECT_EQ(gov.board[k].year, year) << k;
    EXPECT_EQ(gov.board[k].source, "table") << k;
  }
}

// A table on an A4 page: header cells at their x, rows of cells ("\n" wraps
// a cell onto the next line, 11 pt down), rows `row_gap` apart below the
// last line of the row above (6 pt: padded cells; 2 pt: no padding).
struct LayoutCase {
  const char* name;
  std::vector<std::pair<const char*, double>> header;
  std::vector<std::vector<std::string>> rows;
  double row_gap;
  std::vector<WantMember> want;
  const char* heading = "Styrelsen 2025";
  int year = 2025;  // the heading's, else the document's (2024)
};

Document LayoutTable(const LayoutCase& c) {
  PageBuilder pb;
  pb.Text(c.heading, 60, 12.5);
  double y = 100;
  for (const auto& [text, x] : c.header) pb.TextAt(text, x, y);
  y += 10 + c.row_gap;
  for (const std::vector<std::string>& row : c.rows) {
    int lines = 1;
    for (size_t k = 0; k < row.size() && k < c.header.size(); ++k) {
      std::string cell = row[k];
      int n = 0;
      for (size_t b = 0; b <= cell.size();) {
        size_t e = cell.find('\n', b);
        if (e == std::string::npos) e = cell.size();
        if (e > b) pb.TextAt(cell.substr(b, e - b), c.header[k].second, y + 11 * n);
        ++n;
        b = e + 1;
      }
      lines = std::max(lines, n);
    }
    y += 11 * (lines - 1) + 10 + c.row_gap;
  }
  pb.Text("Styrelsen har haft sex sammanträden under året och följer upp verksamheten.", y + 20);
  Document doc = A4Pages("verksamhetsplan", {pb.words});
  doc.meta.year_from = 2024;  // the heading's year wins
  return doc;
}

TEST(GovernanceShapesTest, BoardTablesFromPdfLayout) {
  const std::vector<LayoutCase> kCases = {
      {"Ledamot | Roll | Organisation, padded cells",
       {{"Ledamot", 50}, {"Roll", 200}, {"Organisation", 330}},
       {{"Anna Exempel", "Ordförande", "Exempeldalens kommun"},
        {"Bertil Provsson", "Vice ordförande", "Region Provland"},
        {"Cecilia Testlund", "Ledamot", "Försäkringskassan"},
        {"Vakant", "Ledamot", "Arbetsförmedlingen"}},
       6,
       {{"Anna Exempel", "ordförande", "Exempeldalens kommun"},
        {"Bertil Provsson", "vice ordförande", "Region Provland"},
        {"Cecilia Testlund", "ledamot", "Försäkringskassan"}}},
      {"Representerar | Namn | Uppdrag, no padding",
       {{"Representerar", 50}, {"Namn", 220}, {"Uppdrag", 360}},
       {{"Region Provland", "Dora Exempel", "Ordförande"},
        {"Granby kommun", "Erik Provlund", "Ledamot"},
        {"Ekbacka stiftelse", "Fanny Testsson", "Ersättare"}},
       2,
       {{"Dora Exempel", "ordförande", "Region Provland"},
        {"Erik Provlund", "ledamot", "Granby kommun"},
        {"Fanny Testsson", "ersättare", "Ekbacka stiftelse"}}},
      // The header's two name columns set 7 pt apart (one header cell by
      // gap); the organisation wraps onto a second line in a table without
      // padding.
      {"Ordinarie ledamot | Ersättare | Organisation, wrapped organisation",
       {{"Ordinarie ledamot", 50}, {"Ersättare", 159}, {"Organisation", 280}},
       {{"Hanna Testberg", "Ivar Exempel", "Region Provland"},
        {"Jonna Provfors", "Karl Testdal", "Granby kommun,\nsocialnämnden"}},
       2,
       {{"Hanna Testberg", "ledamot", "Region Provland"},
        {"Ivar Exempel", "ersättare", "Region Provland"},
        {"Jonna Provfors", "ledamot", "Granby kommun"},
        {"Karl Testdal", "ersättare", "Granby kommun"}}},
      {"Namn | Funktion | Huvudman, wrapped role and organisation",
       {{"Namn", 50}, {"Funktion", 200}, {"Huvudman", 330}},
       {{"Lena Exempel", "Ordförande", "Granby kommun"},
        {"Maja Provsson", "Vice\nordförande", "Försäkringskassan och\nArbetsförmedlingen"},
        {"Nils Testlund (S)", "Ledamot", "Region Provland"}},
       6,
       {{"Lena Exempel", "ordförande", "Granby kommun"},
        {"Maja Provsson", "vice ordförande", "Försäkringskassan och Arbetsförmedlingen"},
        {"Nils Testlund", "ledamot", "Region Provland"}}},
      {"no name column: Namn | Belopp is no board",
       {{"Namn", 50}, {"Belopp", 300}},
       {{"Olle Exempel", "12 000"}, {"Pia Provsson", "8 000"}},
       6,
       {}},
      // No board word in the header and no "styrelse" above: staff or a
      // working group, unless the role is a board role.
      {"Namn | Roll | Organisation under a staff heading",
       {{"Namn", 50}, {"Roll", 200}, {"Organisation", 330}},
       {{"Rut Exempel", "Förbundschef", "Samordningsförbundet"},
        {"Sara Provsson", "Ordförande", "Region Provland"},
        {"Tor Testlund", "Processledare", "Granby kommun"}},
       6,
       {{"Sara Provsson", "ordförande", "Region Provland"}},
       "Kansli och beredningsgrupp",
       2024},
      {"Namn | Organisation under a working-group heading",
       {{"Namn", 50}, {"Organisation", 330}},
       {{"Ulla Exempel", "Region Provland"}, {"Vera Provsson", "Granby kommun"}},
       6,
       {},
       "Beredningsgrupp",
       2024},
  };
  for (const LayoutCase& c : kCases) {
    SCOPED_TRACE(c.name);
    Document doc = LayoutTable(c);
    Governance gov;
    ExtractBoard(doc, 0, &gov);
    ExpectMembers(gov, c.want, c.year);
  }
}

TEST(GovernanceShapesTest, BoardTablesFromTextDumps) {
  struct Case {
    const char* name;
    const char* text;
    std::vector<WantMember> want;
  };
  const Case kCases[] = {
      {"tabs",
       "Styrelsen 2025\nLedamot\tRoll\tOrganisation\nAnna Exempel\tOrdförande\tRegion Provland\n"
       "Bo Provsson\tLedamot\tGranby kommun\n\nStyrelsen har sammanträtt sex gånger.\n",
       {{"Anna Exempel", "ordförande", "Region Provland"}, {"Bo Provsson", "ledamot", "Granby kommun"}}},
      {"pipes, deputies in their own column",
       "Styrelsen 2025\n| Organisation | Ordinarie ledamot | Ersättare |\n|---|---|---|\n"
       "| Granby kommun | Cecilia Testlund | David Exempelsson |\n| Ekbacka stiftelse | Eva Provare | |\n",
       {{"Cecilia Testlund", "ledamot", "Granby kommun"},
        {"David Exempelsson", "ersättare", "Granby kommun"},
        {"Eva Provare", "ledamot", "Ekbacka stiftelse"}}},
      // Under a "Styrelsens sammansättning" heading the list reader must not
      // take the header row for a name.
      {"under a list heading",
       "Styrelsens sammansättning 2025\nNamn\tUppdrag\tRepresenterar\nFrida Exempel\tVice ordförande\tRegion Provland\n",
       {{"Frida Exempel", "vice ordförande", "Region Provland"}}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Document doc = TextDoc(c.text, 2024);
    Governance gov;
    ExtractBoard(doc, 0, &gov);
    ExpectMembers(gov, c.want, 2025);
  }
}

struct WantIndicator {
  const char* text;
  const char* comparator;
  std::optional<double> target;
  const char* unit;
  const char* measure;  // the target as printed
  std::optional<double> outcome;
  const char* status;
};

struct WantGoal {
  const char* number;
  const char* text;
  std::vector<WantIndicator> indicators;
};

void ExpectGoals(const Governance& gov, const std::vector<WantGoal>& want) {
  ASSERT_EQ(gov.goals.size(), want.size());
  size_t n = 0;
  for (const WantGoal& g : want) n += g.indicators.size();
  ASSERT_EQ(gov.indicators.size(), n);
  size_t k = 0;
  for (size_t gi = 0; gi < want.size(); ++gi) {
    EXPECT_EQ(gov.goals[gi].number, want[gi].number);
    EXPECT_EQ(gov.goals[gi].text, want[gi].text);
    for (const WantIndicator& w : want[gi].indicators) {
      const Indicator& got = gov.indicators[k++];
      SCOPED_TRACE(w.text);
      EXPECT_EQ(got.goal, static_cast<int>(gi));
      EXPECT_EQ(got.text, w.text);
      EXPECT_EQ(got.comparator, w.comparator);
      EXPECT_EQ(got.target_value, w.target);
      EXPECT_EQ(got.target_unit, w.unit);
      EXPECT_EQ(got.measure, w.measure);
      EXPECT_EQ(got.outcome_value, w.outcome);
      EXPECT_EQ(got.status, w.status);
    }
  }
}

TEST(GovernanceShapesTest, GoalsInProseFromTextDumps) {
  struct Case {
    const char* name;
    const char* text;
    std::vector<WantGoal> want;
  };
  const Case kCases[] = {
      {"Mål 1: with Indikator and Målvärde",
       "3. Mål och indikatorer\n\nMål 1: Fler deltagare närmar sig arbetsmarknaden.\n"
       "Indikator: Andel deltagare i arbete eller studier efter avslutad insats\nMålvärde: Minst 40 %\n\n"
       "Mål 2: Parterna samverkar kring deltagarna.\nIndikator: Andel deltagare med stöd från mer än en part\n"
       "Målvärde: Minst 85 % av deltagarna ska ha fått stöd från mer än en part\n",
       {{"1",
         "Fler deltagare närmar sig arbetsmarknaden.",
         {{"Andel deltagare i arbete eller studier efter avslutad insats", ">=", 40, "%", "Minst 40 %", std::nullopt,
           ""}}},
        {"2",
         "Parterna samverkar kring deltagarna.",
         {{"Andel deltagare med stöd från mer än en part", ">=", 85, "%",
           "Minst 85 % av deltagarna ska ha fått stöd från mer än en part", std::nullopt, ""}}}}},
      {"Mål 1. with Mått, Målnivå, Utfall; wrapped lines",
       "Mål 1. Deltagarna kommer närmare arbete\neller studier.\n\nMått: Andel deltagare som gått till arbete\n"
       "eller studier\nMålnivå: Minst 35 %\nUtfall: 38 % av deltagarna gick till arbete eller studier. Uppfyllt.\n",
       {{"1",
         "Deltagarna kommer närmare arbete eller studier.",
         {{"Andel deltagare som gått till arbete eller studier", ">=", 35, "%", "Minst 35 %", 38, "uppfylld"}}}}},
      {"Mål 2 – two indicators, a count",
       "Mål 2 – Insatserna bygger på samverkan.\nIndikator: Antal insatser med fler än två parter\n"
       "Målvärde: Minst 4 insatser\nUtfall: 3 insatser. Ej uppfyllt.\nIndikator: Andel insatser som utvärderats\n"
       "Målvärde: Minst 90 %\n",
       {{"2",
         "Insatserna bygger på samverkan.",
         {{"Antal insatser med fler än två parter", ">=", 4, "count", "Minst 4 insatser", 3, "ej uppfylld"},
          {"Andel insatser som utvärderats", ">=", 90, "%", "Minst 90 %", std::nullopt, ""}}}}},
      {"a goal line with no labelled line after it is no prose goal",
       "Mål 1: Fler deltagare i arbete.\nFörbundet arbetar med detta under hela året.\n",
       {}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Document doc = TextDoc(c.text, 2025);
    Governance gov;
    ExtractGoals(doc, &gov);
    ExpectGoals(gov, c.want);
  }
}

// The same shape on an A4 page: paragraphs 8 pt apart, the goal's text
// wrapped onto a second line.
TEST(GovernanceShapesTest, GoalsInProseFromPdfLayout) {
  PageBuilder pb;
  pb.Text("3. Mål och indikatorer", 60, 12.5);
  pb.Text("Mål 1: Fler deltagare närmar sig arbetsmarknaden", 90);
  pb.Text("efter avslutad insats.", 101);
  pb.Text("Indikator: Andel deltagare i arbete eller studier", 119);
  pb.Text("Målvärde: Minst 85 % av deltagarna ska vara i arbete eller studier", 137);
  pb.Text("Mål 2: Ekonomi i balans.", 155);
  pb.Text("Mått: Eget kapital i förhållande till intäkterna", 173);
  pb.Text("Målvärde: Högst 20 %", 191);
  pb.Text("4. Budget", 220, 12.5);
  Document doc = A4Pages("verksamhetsplan", {pb.words});
  doc.meta.year_from = 2025;
  Governance gov;
  ExtractGoals(doc, &gov);
  ExpectGoals(gov, {{"1",
                     "Fler deltagare närmar sig arbetsmarknaden efter avslutad insats.",
                     {{"Andel deltagare i arbete eller studier", ">=", 85, "%",
                       "Minst 85 % av deltagarna ska vara i arbete eller studier", std::nullopt, ""}}},
                    {"2",
                     "Ekonomi i balans.",
                     {{"Eget kapital i förhållande till intäkterna", "<=", 20, "%", "Högst 20 %", std::nullopt, ""}}}});
}

}  // namespace
}  // namespace finsam
