#include "extractors/members.h"

#include <gtest/gtest.h>

#include "tests/extractors/gov_test_util.h"
#include "tests/support/a4_pages.h"

namespace finsam {
namespace {

using testing_gov::TextDoc;

TEST(MembersTest, SharesInProse) {
  std::vector<ShareClause> s = ParseShares(
      "Årets tilldelning från förbundsmedlemmarna uppgår till 13 320 tkr. Försäkringskassan och Arbetsförmedlingen "
      "bidrar med hälften av medlen, Region Gävleborg med en fjärdedel och länets kommuner tillsammans med "
      "resterande fjärdedel.");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].organisation, "Försäkringskassan och Arbetsförmedlingen");
  EXPECT_DOUBLE_EQ(s[0].share, 0.5);
  EXPECT_EQ(s[1].organisation, "Region Gävleborg");
  EXPECT_DOUBLE_EQ(s[1].share, 0.25);
  EXPECT_EQ(s[2].organisation, "Länets kommuner");
  EXPECT_DOUBLE_EQ(s[2].share, 0.25);
  s = ParseShares(
      "Staten – Arbetsförmedling och Försäkringskassa – bidrar med hälften av de ekonomiska resurserna, kommunerna "
      "och Region Jämtland Härjedalen med varsin fjärdedel.");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].kind, "stat");
  EXPECT_EQ(s[1].organisation, "Länets kommuner");
  EXPECT_EQ(s[2].organisation, "Region Jämtland Härjedalen");
  EXPECT_DOUBLE_EQ(s[2].share, 0.25);
  EXPECT_TRUE(ParseShares("Förbundet har haft sex möten.").empty());
}

TEST(MembersTest, MemberLists) {
  int count = 0;
  std::vector<std::string> m = ParseMemberList(
      "Samordningsförbund Gävleborg är en fristående juridisk organisation med Arbetsförmedlingen, "
      "Försäkringskassan, Region Gävleborg och kommunerna Bollnäs, Gävle, Hofors, Hudiksvall, Ljusdal, Nordanstig, "
      "Ockelbo, Ovanåker, Sandviken samt Söderhamn som medlemmar.",
      &count);
  EXPECT_EQ(count, 13);
  ASSERT_EQ(m.size(), 13u);
  EXPECT_EQ(m[3], "Bollnäs kommun");
  EXPECT_EQ(m[10], "Ovanåkers kommun");
  EXPECT_EQ(m[12], "Söderhamns kommun");
  m = ParseMemberList(
      "Förbundets ändamål är att inom Jämtlands län svara för en finansiell samordning mellan Arbetsförmedlingen, "
      "Försäkringskassan, Region Jämtland Härjedalen och länets åtta kommuner.",
      &count);
  EXPECT_EQ(count, 11);
  EXPECT_EQ(m, (std::vector<std::string>{"Arbetsförmedlingen", "Försäkringskassan", "Region Jämtland Härjedalen",
                                         "Länets kommuner"}));
}

TEST(MembersTest, NoteTableFromTabRows) {
  Document doc = TextDoc(
      "Not 1. Medlemsavgifter, intäkter och bidrag\n\nBelopp i tkr\t2020-12-31\t2019-12-31\n"
      "Statligt bidrag (försäkringskassan och arbetsförmedlingen)\t6 660\t6 660\n"
      "Region Gävleborg\t3 330\t3 330\nHofors Kommun\t110\t110\n"
      "Tillfällig uthyrning av personal\t82\t\nSumma\t10 182\t10 100\n\nNot 2. Verksamhetens kostnader\n");
  Governance gov;
  ExtractMembers(doc, &gov);
  ASSERT_EQ(gov.members.size(), 7u);
  EXPECT_EQ(gov.members[0].organisation, "Försäkringskassan och Arbetsförmedlingen");
  EXPECT_EQ(gov.members[0].year, 2020);
  EXPECT_EQ(gov.members[0].amount_sek, 6660000);
  EXPECT_EQ(gov.members[1].year, 2019);
  EXPECT_EQ(gov.members[4].organisation, "Hofors kommun");
  EXPECT_NEAR(*gov.members[4].share, 110.0 / 10100.0, 1e-9);
  EXPECT_EQ(gov.members[6].organisation, "Tillfällig uthyrning av personal");
  EXPECT_FALSE(gov.members[6].is_member);
  EXPECT_FALSE(gov.members[6].share);
  int64_t sum2020 = 0;
  for (const MemberContribution& m : gov.members)
    if (m.year == 2020) sum2020 += *m.amount_sek;
  EXPECT_EQ(sum2020, 10182000);  // the note's Summa
}

TEST(MembersTest, BudgetTableRowsBecomeContributions) {
  FinancialTable t;
  t.table_kind = "budget";
  t.title = "Budget 2020-2022, tkr";
  t.columns = {{"2020", 2020, ColumnKind::kBudget}, {"2021", 2021, ColumnKind::kPlan}};
  auto row = [&](const char* label, const char* category, int64_t a, int64_t b) {
    TableRow r;
    r.label = label;
    r.category = category;
    for (int64_t v : {a, b}) {
      TableCell c;
      c.present = true;
      c.amount_sek = v;
      c.raw = std::to_string(v / 1000);
      r.cells.push_back(c);
    }
    t.rows.push_back(r);
  };
  row("Försäkringskassan/Arbetsförmedling", "income.state", 6660000, 6660000);
  row("Region Gävleborg", "income.region", 3330000, 3330000);
  row("Kommunerna", "income.municipalities", 3330000, 3000000);
  row("Summa intäkter", "income.total", 13320000, 12990000);
  row("Insatsmedel", "cost.interventions", 15300000, 9808000);
  Governance gov;
  MergeTableContributions({t}, &gov);
  ASSERT_EQ(gov.members.size(), 6u);
  EXPECT_EQ(gov.members[0].organisation, "Försäkringskassan och Arbetsförmedlingen");
  EXPECT_EQ(gov.members[0].source, "budget");
  EXPECT_EQ(gov.members[1].source, "plan");
  EXPECT_EQ(gov.members[1].year, 2021);
  EXPECT_EQ(gov.members[4].organisation, "Länets kommuner");
  EXPECT_DOUBLE_EQ(*gov.members[4].share, 0.25);
  EXPECT_NEAR(*gov.members[5].share, 3000000.0 / 12990000.0, 1e-12);
}

// The member note on a page of positioned words (PDF or OCR), its label
// cells centred in tall rows so the line builder pairs figures with the
// wrong line of a wrapped label: the header's wrapped dates ("2020-12-" over
// "31") are no row, and a wrapped label joins its figures whichever line
// they stand on.
TEST(MembersTest, NoteOnPositionedWordsWithWrappedCells) {
  struct Printed {
    std::string label;
    std::vector<std::string> figures;  // right-aligned at 400 and 460; "" = none
  };
  auto build = [](const std::vector<Printed>& lines) {
    fixtures::PageBuilder page;
    double y = 60;
    for (const Printed& l : lines) {
      page.Text(l.label, y);
      for (size_t c = 0; c < l.figures.size(); ++c)
        if (!l.figures[c].empty()) page.Add(fixtures::R(l.figures[c], c == 0 ? 400 : 460, y));
      y += 14;
    }
    Document doc = fixtures::A4Pages("", {page.words});
    doc.format = InputFormat::kPdf;
    doc.meta.year_from = 2020;
    return doc;
  };
  struct Case {
    const char* name;
    std::vector<Printed> lines;
  };
  const std::vector<Case> cases = {
      {"figures on the first label line",
       {{"Not 1. Medlemsavgifter och bidrag", {}},
        {"", {"2020-12-", "2019-12-"}},
        {"Belopp i tkr", {"31", "31"}},
        {"Statligt bidrag (försäkringskassan och", {"6 660", "6 600"}},
        {"arbetsförmedlingen)", {}},
        {"Region Gävleborg", {"3 330", "3 300"}},
        {"Gävle", {}},
        {"", {"1 219", "1 200"}},
        {"kommun", {}},
        {"Summa", {"11 209", "11 100"}}}},
      {"figures on the last label line",
       {{"Not 1. Medlemsavgifter och bidrag", {}},
        {"Belopp i tkr", {"2020-12-", "2019-12-"}},
        {"", {"31", "31"}},
        {"Statligt bidrag (försäkringskassan och", {}},
        {"arbetsförmedlingen)", {"6 660", "6 600"}},
        {"Region Gävleborg", {"3 330", "3 300"}},
        {"Gävle kommun", {"1 219", "1 200"}},
        {"Summa", {"11 209", "11 100"}}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Document doc = build(c.lines);
    Governance gov;
    ExtractMembers(doc, &gov);
    std::vector<std::string> orgs;
    int64_t sum2020 = 0, sum2019 = 0;
    for (const MemberContribution& m : gov.members) {
      if (m.source != "note") continue;
      if (m.year == 2020) {
        orgs.push_back(m.organisation);
        sum2020 += m.amount_sek.value_or(0);
      }
      if (m.year == 2019) sum2019 += m.amount_sek.value_or(0);
    }
    EXPECT_EQ(orgs, (std::vector<std::string>{"Försäkringskassan och Arbetsförmedlingen", "Region Gävleborg",
                                              "Gävle kommun"}));
    EXPECT_EQ(sum2020, 11209000);  // the note's Summa
    EXPECT_EQ(sum2019, 11100000);
  }
}

}  // namespace
}  // namespace finsam
