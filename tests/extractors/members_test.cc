#include "extractors/members.h"

#include <gtest/gtest.h>

#include "tests/extractors/gov_test_util.h"

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

}  // namespace
}  // namespace finsam
