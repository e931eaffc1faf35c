// Number repair: one test per repair kind, and the refusals (two readings
// satisfy the sums / none does).
#include "extractors/number_repair.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "extractors/checks.h"
#include "tests/extractors/review_table_builder.h"

namespace finsam {
namespace {

using testing::BudgetYears;
using testing::ColSpec;
using testing::MakeTable;

bool Has(const std::vector<double>& v, double x) { return std::find(v.begin(), v.end(), x) != v.end(); }

const Flag* FindFlag(const std::vector<Flag>& flags, const std::string& rule) {
  for (const Flag& f : flags)
    if (f.rule == rule) return &f;
  return nullptr;
}

// Cell (row, col) left as the reader leaves a figure it cannot parse.
void LeaveUnread(FinancialTable& t, int row, int col) {
  t.rows[row].cells[col].parsed = false;
  t.rows[row].cells[col].status = "suspect";
}

// The Gävleborg plan's income section (Budget 2020-2022, tkr) with one cell
// replaced by `damaged`.
FinancialTable IncomeWith(const std::string& region2021) {
  return MakeTable(BudgetYears(), {{"Intäkter", {}},
                                   {"Försäkringskassan/Arbetsförmedling", {"6 660", "6 660", "6 660"}},
                                   {"Region Gävleborg", {"3330", region2021, "3330"}},
                                   {"Kommunerna", {"3330", "3330", "3330"}},
                                   {"Summa intäkter", {"13 320", "13 320", "13 320"}}});
}

TEST(ConfusableReadingsTest, SubstitutesLookalikes) {
  EXPECT_TRUE(Has(ConfusableReadings("J 866"), 3866));
  std::vector<double> bb = ConfusableReadings("3 Bb6");
  EXPECT_TRUE(Has(bb, 3866));
  EXPECT_TRUE(Has(bb, 3886));  // b may be 6 or 8: the sums decide
  EXPECT_TRUE(Has(ConfusableReadings("ag"), 90));
  EXPECT_TRUE(Has(ConfusableReadings("a0"), 90));
  EXPECT_TRUE(Has(ConfusableReadings("|3 330"), 13330) || Has(ConfusableReadings("|3 330"), 3330));
  // A hyphen for a thousands space and a space OCR dropped: "2-127333".
  EXPECT_TRUE(Has(ConfusableReadings("2-127333", 4), 2127333));
  EXPECT_TRUE(Has(ConfusableReadings("2127 333", 4), 2127333));
  EXPECT_TRUE(ConfusableReadings("2 1273", 4).empty());
  EXPECT_TRUE(Has(ConfusableReadings("1600-000:", 4), 1600000));  // a speck after it
  // A minus read as ">", or a speck so read before one (w28, w17).
  EXPECT_TRUE(Has(ConfusableReadings(">3 450"), -3450));
  EXPECT_TRUE(Has(ConfusableReadings(">3 450"), 3450));
  EXPECT_TRUE(Has(ConfusableReadings(">-7 680"), -7680));
  EXPECT_FALSE(Has(ConfusableReadings(">-7 680"), 7680));
  EXPECT_TRUE(ConfusableReadings("3>450").empty());  // only before the figure
  // Specks in thousands spaces read as - : ; (one or two of them), only
  // before a group of exactly three digits.
  EXPECT_TRUE(Has(ConfusableReadings("1-:000-000", 4), 1000000));
  EXPECT_TRUE(Has(ConfusableReadings("14 200;000", 4), 14200000));
  EXPECT_TRUE(ConfusableReadings("1:2345", 4).empty());
  EXPECT_TRUE(ConfusableReadings("12:30", 4).empty());
  // A leading "=" may be a minus with a speck on it, or noise: both.
  EXPECT_TRUE(Has(ConfusableReadings("=392 723", 4), -392723));
  EXPECT_TRUE(Has(ConfusableReadings("=392 723", 4), 392723));
  EXPECT_FALSE(Has(ConfusableReadings("392 723", 4), -392723));
  // A plus sign says positive; the "=" beside it is noise.
  EXPECT_EQ(ConfusableReadings("=+415 800 000", 4), std::vector<double>{415800000});
  EXPECT_EQ(ConfusableReadings("+12 500", 4), std::vector<double>{12500});
  EXPECT_TRUE(ConfusableReadings("inga").empty());
  EXPECT_TRUE(ConfusableReadings("Enligt plan").empty());
}

// OCR dropped one thousands space: "1671 000" is 1 671 000 (a head of four
// to six digits before groups of three), also with a confusable letter.
// Specks after the last digit on a scan: a comma in a table without
// decimals, a bracket no bracket opened (w19's "824,", "920 000),").
TEST(ConfusableReadingsTest, SpecksAfterTheLastDigit) {
  EXPECT_TRUE(Has(ConfusableReadings("824,"), 824));
  EXPECT_TRUE(Has(ConfusableReadings("920 000),"), 920000));
  EXPECT_TRUE(Has(ConfusableReadings("1600-000:"), 1600000));
  // In a table of decimals a comma may be a decimal's start: no reading.
  EXPECT_FALSE(Has(ConfusableReadings("824,", 32, true), 824));
  // A bracket that one opened is the figure's (an accountant's negative).
  EXPECT_FALSE(Has(ConfusableReadings("(920 000", 32), 920000));
}

// A figure closing a bracket it never opened: as printed first, then as a
// negative whose opening bracket OCR read as its first glyph ("49 960)" for
// (9 960), w14's scan); not negated whole.
TEST(ConfusableReadingsTest, ABracketClosedButNeverOpened) {
  struct Case {
    const char* raw;
    double want;
    bool present;
  } cases[] = {
      {"49 960)", 49960, true}, {"49 960)", -9960, true}, {"49 960)", -49960, false},
      {"960)", 960, true},      {"960)", -960, false},    {"1812)", -812, true},
      {"920 000),", -920000, false},  // a speck after it: as printed only
      {"C9 960)", -9960, true}, {"59 960)", -9960, false},  // 5 is no bracket's glyph
      {"49 960", -9960, false},                            // no bracket: as printed only
      {"-960)", 960, false},                               // a minus says the sign already
  };
  for (const Case& c : cases)
    EXPECT_EQ(Has(ConfusableReadings(c.raw), c.want), c.present) << c.raw << " → " << c.want;
  EXPECT_EQ(ConfusableReadings("49 960)").front(), 49960);  // the figure as printed comes first
}

// The result check chooses the negative: intäkter + kostnader = resultat
// in a table that prints costs in brackets.
TEST(NumberRepairTest, LostOpeningBracketReadByTheResult) {
  FinancialTable t = MakeTable({{"2025", 2025, ColumnKind::kUtfall}, {"2024", 2024, ColumnKind::kUtfall}},
                               {{"Verksamhetens intäkter", {"10 450", "10 200"}},
                                {"Verksamhetens kostnader", {"(10 812)", "49 960)"}},
                                {"Verksamhetens resultat", {"(362)", "240"}}},
                               "Resultaträkning", "income_statement", 1);
  LeaveUnread(t, 1, 1);
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 1);
  EXPECT_EQ(t.rows[1].cells[1].value, -9960);
  EXPECT_EQ(t.rows[1].cells[1].status, "repaired");
}

// A group of unreadable rows linked by a check (Årets resultat reads Summa
// intäkter and Summa kostnader, which reads Kansli) that no joint reading
// solves, because one row is beyond repair ("—=1", its "260" lost): the
// rows the checks settle alone are still read (w18's scan).
TEST(NumberRepairTest, AGroupNoReadingSolvesStillReadsTheRowsItsChecksSettle) {
  FinancialTable t = MakeTable({{"Utfall 2025", 2025, ColumnKind::kUtfall}, {"Prognos 2026", 2026, ColumnKind::kPrognos}},
                               {{"Medlemsavgift staten", {"2 400", "2 400"}},
                                {"Medlemsavgift regionen", {"2 400", "2 400"}},
                                {"Övriga intäkter", {"35", "20"}},
                                {"Summa intäkter", {"4 835", "4820:"}},
                                {"Insatser", {"-3 512", "-3 940"}},
                                {"Kansli", {"-1 128", "—=1"}},
                                {"Styrelse och revision", {"-164", "-175"}},
                                {"Summa kostnader", {"-4 804", ".—-5 305"}},
                                {"Årets resultat", {"31", "-485"}}},
                               "Budget", "budget", 1);
  for (int r : {3, 5, 7}) LeaveUnread(t, r, 1);
  std::vector<Flag> flags;
  RepairTable(t, 0, &flags);
  EXPECT_EQ(t.rows[3].cells[1].value, 4820);
  EXPECT_EQ(t.rows[3].cells[1].status, "repaired");
  EXPECT_EQ(t.rows[7].cells[1].value, -5305);  // read by Årets resultat once Summa intäkter is
  EXPECT_EQ(t.rows[7].cells[1].status, "repaired");
  EXPECT_EQ(t.rows[5].cells[1].status, "suspect");  // -1 fails Summa kostnader
}

TEST(ConfusableReadingsTest, DroppedThousandsSpace) {
  EXPECT_TRUE(Has(ConfusableReadings("1671 000"), 1671000));
  EXPECT_TRUE(Has(ConfusableReadings("-1671 000"), -1671000));
  EXPECT_TRUE(Has(ConfusableReadings("l671 000"), 1671000));
  EXPECT_TRUE(Has(ConfusableReadings("13320 500 000"), 13320500000));
  EXPECT_TRUE(Has(ConfusableReadings("5399 922,60", 32, true), 5399922.60));  // with öre (w16)
  EXPECT_FALSE(Has(ConfusableReadings("5399 922,605", 32, true), 5399922.605));
  EXPECT_FALSE(Has(ConfusableReadings("1671 00"), 167100));     // a group of two is no group
  EXPECT_FALSE(Has(ConfusableReadings("1234567 000"), 1234567000));  // seven digits: no head
  // A hyphen between digits where the thousands space stood.
  EXPECT_TRUE(Has(ConfusableReadings("14 200-000"), 14200000));
  EXPECT_TRUE(Has(ConfusableReadings("-5 209-210"), -5209210));
}

TEST(NumberRepairTest, DroppedThousandsSpaceReadByTheSum) {
  FinancialTable t = MakeTable({{"2016", 2016, ColumnKind::kUtfall}},
                               {{"Verksamhetens intäkter", {"7 199 000"}},
                                {"Verksamhetens kostnader", {"-5 528 000"}},
                                {"Årets resultat", {"1671 000"}}},
                               "Översikt", "overview", 1);
  LeaveUnread(t, 2, 0);
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 1);
  EXPECT_EQ(t.rows[2].cells[0].value, 1671000);
  EXPECT_EQ(t.rows[2].cells[0].status, "repaired");
}

TEST(DigitEditReadingsTest, SingleEdits) {
  EXPECT_TRUE(Has(DigitEditReadings("08"), 98));
  EXPECT_TRUE(Has(DigitEditReadings("37207"), 3720));
  EXPECT_TRUE(Has(DigitEditReadings("3 330"), 3830));
  EXPECT_FALSE(Has(DigitEditReadings("3 330"), 3330));  // not the original
  EXPECT_TRUE(Has(DigitEditReadings("10 400 400"), 10400));    // a group read twice (w14)
  EXPECT_TRUE(Has(DigitEditReadings("-1 250 250 000"), -1250000));
  EXPECT_FALSE(Has(DigitEditReadings("10 400 500"), 10400));   // groups that differ stay
}

TEST(LeadingZeroReadingsTest, OnlyMalformedWholeFigures) {
  struct Case {
    const char* raw;
    double want;   // a reading that must be there (0: none at all)
  } cases[] = {
      {"00", 60}, {"00", 90}, {"012", 912}, {"-06", -16}, {"0 120", 1120},
      {"0", 0}, {"0,45", 0}, {"120", 0}, {"60", 0}, {"abc", 0},
  };
  for (const Case& c : cases) {
    std::vector<double> got = LeadingZeroReadings(c.raw);
    if (c.want == 0) {
      EXPECT_TRUE(got.empty()) << c.raw;
    } else {
      EXPECT_TRUE(Has(got, c.want)) << c.raw << " → " << c.want;
      EXPECT_EQ(got.size(), 9u) << c.raw;
    }
  }
}

// A part read "00" (printed 60) under a sum read right: the malformed part
// is the misread, not the well-formed sum (it was "12 260" → 12 200).
TEST(NumberRepairTest, LeadingZeroPartBeatsEditingTheSum) {
  FinancialTable t = MakeTable(BudgetYears(), {{"Intäkter", {}},
                                               {"Medlemsavgifter", {"12 200", "12 200", "12 200"}},
                                               {"Övriga intäkter", {"60", "00", "60"}},
                                               {"Summa intäkter", {"12 260", "12 260", "12 260"}}});
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 1);
  EXPECT_EQ(t.rows[2].cells[1].value, 60);
  EXPECT_EQ(t.rows[2].cells[1].status, "repaired");
  EXPECT_EQ(t.rows[3].cells[1].value, 12260);
  EXPECT_EQ(t.rows[3].cells[1].status, "ok");
}

TEST(NumberRepairTest, ConfusableJFor3) {
  FinancialTable t = IncomeWith("J 330");
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 1);
  EXPECT_EQ(s.suspect, 0);
  const TableCell& c = t.rows[2].cells[1];
  EXPECT_EQ(c.value, 3330);
  EXPECT_EQ(c.amount_sek, 3330000);
  EXPECT_EQ(c.status, "repaired");
  EXPECT_EQ(c.raw, "J 330");  // the printed text is kept
  ASSERT_NE(FindFlag(flags, "repair.confusable"), nullptr);
  EXPECT_EQ(*FindFlag(flags, "repair.confusable")->expected, 3330000);
  EXPECT_EQ(FindFlag(flags, "repair.confusable")->severity, "info");
}

TEST(NumberRepairTest, ConfusableBbPicksTheReadingTheSumsAllow) {
  // 3 Bb6 reads as 3 866 or 3 886; only 3 866 makes the Summa hold.
  FinancialTable t = MakeTable(BudgetYears(), {{"Kostnader", {}},
                                               {"Insatsmedel", {"3 Bb6", "1 000", "1 000"}},
                                               {"Personalkostnader", {"2 000", "2 000", "2 000"}},
                                               {"Summa kostnader", {"5 866", "3 000", "3 000"}}});
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 1);
  EXPECT_EQ(t.rows[1].cells[0].value, 3866);
  EXPECT_EQ(t.rows[1].cells[0].status, "repaired");
}

TEST(NumberRepairTest, LettersAgFor90) {
  FinancialTable t = MakeTable(BudgetYears(), {{"Kostnader", {}},
                                               {"Insatsmedel", {"410", "400", "400"}},
                                               {"Övriga externa kostnader", {"ag", "100", "100"}},
                                               {"Summa kostnader", {"500", "500", "500"}}});
  std::vector<Flag> flags;
  RepairTable(t, 0, &flags);
  EXPECT_EQ(t.rows[2].cells[0].value, 90);
  EXPECT_EQ(t.rows[2].cells[0].status, "repaired");
}

TEST(NumberRepairTest, DigitConfusion08For98) {
  FinancialTable t = MakeTable(BudgetYears(), {{"Kostnader", {}},
                                               {"Insatsmedel", {"412", "400", "400"}},
                                               {"Övriga externa kostnader", {"08", "100", "100"}},
                                               {"Summa kostnader", {"510", "500", "500"}}});
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 1);
  EXPECT_EQ(t.rows[2].cells[0].value, 98);
  EXPECT_EQ(t.rows[2].cells[0].raw, "08");
  ASSERT_NE(FindFlag(flags, "repair.digit"), nullptr);
  EXPECT_EQ(*FindFlag(flags, "repair.digit")->found, 8000);
  EXPECT_EQ(*FindFlag(flags, "repair.digit")->expected, 98000);
}

TEST(NumberRepairTest, StrayDigitDropped) {
  FinancialTable t = MakeTable(BudgetYears(), {{"Kostnader", {}},
                                               {"Insatsmedel", {"1 000", "1 000", "1 000"}},
                                               {"Personalkostnader", {"2 720", "2 000", "2 000"}},
                                               {"Summa kostnader", {"37207", "3 000", "3 000"}}});
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 1);
  EXPECT_EQ(t.rows[3].cells[0].value, 3720);
  EXPECT_EQ(t.rows[3].cells[0].raw, "37207");
  EXPECT_EQ(t.rows[3].cells[0].status, "repaired");
}

// w18's scan: the 2028 column reads 2 300 000 + 1 300 000 + 2 600 000 for
// 5 200 000. Dropping the clean row's leading 1 would fit, but the figure on
// the row already in doubt (its label OCR garbled) is the misread one: no
// repair, both candidates suspect.
TEST(NumberRepairTest, NoSingleEditBesideAFigureAlreadyInDoubt) {
  FinancialTable t = MakeTable(BudgetYears(), {{"Medlemsavgifter", {}},
                                               {"Försåkringskassan", {"1 200", "2 200", "1 200"}},
                                               {"Arbetsförmedlingen", {"1 200", "1 200", "1 200"}},
                                               {"Region Gotland", {"2 300", "2 300", "2 300"}},
                                               {"Summa", {"4 700", "4 700", "4 700"}}});
  for (TableCell& c : t.rows[1].cells) c.status = "suspect";
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 0);
  EXPECT_EQ(t.rows[2].cells[1].value, 1200);
  EXPECT_EQ(t.rows[2].cells[1].status, "suspect");
  const Flag* f = FindFlag(flags, "repair.ambiguous");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("in doubt already"), std::string::npos) << f->message;
  // The same misread on a clean row: dropping the other row's 1 would take
  // that row out of step with its other years (1 200 → 200), while this
  // row's one-digit slip would bring it in: no repair either.
  FinancialTable steps = MakeTable(BudgetYears(), {{"Medlemsavgifter", {}},
                                                   {"Försäkringskassan", {"1 200", "2 200", "1 200"}},
                                                   {"Arbetsförmedlingen", {"1 200", "1 200", "1 200"}},
                                                   {"Region Gotland", {"2 300", "2 300", "2 300"}},
                                                   {"Summa", {"4 700", "4 700", "4 700"}}});
  std::vector<Flag> flags1;
  EXPECT_EQ(RepairTable(steps, 0, &flags1).repaired, 0);
  EXPECT_EQ(steps.rows[2].cells[1].value, 1200);
  const Flag* g = FindFlag(flags1, "repair.ambiguous");
  ASSERT_NE(g, nullptr);
  EXPECT_NE(g->message.find("out of step"), std::string::npos) << g->message;
  // A doubtful figure that no one-digit slip makes fit leaves the clean
  // row's one edit standing: the Summa's stray digit is dropped, as before.
  FinancialTable other = MakeTable(BudgetYears(), {{"Medlemsavgifter", {}},
                                                   {"Försåkringskassan", {"1 200", "1 200", "1 200"}},
                                                   {"Arbetsförmedlingen", {"1 200", "1 200", "1 200"}},
                                                   {"Region Gotland", {"2 300", "2 300", "2 300"}},
                                                   {"Summa", {"4 700", "47007", "4 700"}}});
  for (TableCell& c : other.rows[1].cells) c.status = "suspect";
  std::vector<Flag> flags2;
  EXPECT_EQ(RepairTable(other, 0, &flags2).repaired, 1);
  EXPECT_EQ(other.rows[4].cells[1].value, 4700);
}

TEST(NumberRepairTest, TruncatedLeadingGroup) {
  // The sandwich layer of the Gävleborg plan prints "Summa intakter 320 320 320".
  FinancialTable t = MakeTable(BudgetYears(), {{"Intäkter", {}},
                                               {"Försäkringskassan/Arbetsförmedling", {"6 660", "6 660", "6 660"}},
                                               {"Region Gävleborg", {"3 330", "3 330", "3 330"}},
                                               {"Kommunerna", {"3 330", "3 330", "3 330"}},
                                               {"Summa intäkter", {"320", "320", "320"}}});
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 3);
  for (int c = 0; c < 3; ++c) EXPECT_EQ(t.rows[4].cells[c].value, 13320) << c;
}

// A figure OCR lost: Region's Plan 2021 cell is empty where its row prints
// figures in the other years and the column's Summa misses by 2 222. On OCR'd
// figures it is loaded as 2 222, suspect, with repair.lost; not from a text
// layer (a printed empty cell), not when the value is far off the row's
// figures, not when another figure of the sum is unreadable.
TEST(NumberRepairTest, AFigureOcrLostIsDerivedFromItsSumAndLeftSuspect) {
  struct Case {
    const char* name;
    double confidence;       // of every read figure
    std::string kommunerna;  // Plan 2021
    std::string summa;       // Plan 2021
    bool derived;
  };
  const Case kCases[] = {
      {"OCR page", 0.9, "2 221", "8 886", true},
      {"text layer", 1.0, "2 221", "8 886", false},
      {"value far off the row's figures", 0.9, "2 221", "28 886", false},
      {"another figure of the sum unreadable", 0.9, "2:2l", "8 886", false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    FinancialTable t = MakeTable(BudgetYears(), {{"Intäkter", {}},
                                                 {"Försäkringskassan/Arbetsförmedlingen", {"4 443", "4 443", "4 443"}},
                                                 {"Kommunerna", {"2 221", "2 222", c.kommunerna}},
                                                 {"Region Jämtland Härjedalen", {"2 222", "2 221", ""}},
                                                 {"Summa intäkter", {"8 886", "8 886", c.summa}}});
    for (TableRow& r : t.rows)
      for (TableCell& cell : r.cells) cell.prov.confidence = c.confidence;
    std::vector<Flag> flags;
    RepairTable(t, 0, &flags);
    const TableCell& lost = t.rows[3].cells[2];
    const bool flagged = std::any_of(flags.begin(), flags.end(), [](const Flag& f) { return f.rule == "repair.lost"; });
    EXPECT_EQ(flagged, c.derived);
    EXPECT_EQ(lost.present, c.derived);
    if (c.derived) {
      EXPECT_EQ(lost.value, 2222);
      EXPECT_EQ(lost.status, "suspect");
      EXPECT_TRUE(lost.raw.empty());  // nothing was printed
    }
  }
}

// A five-year overview whose 2023 income OCR misread (`3 000` for 9 000):
// the sums alone would "repair" the clean result `-340` to -6 340 (a lost
// leading group), but the equity roll-forward (each year's equity = the
// year before's + the year's result), which holds between the other years,
// confirms -340 as printed. The repair is undone: -340 kept, suspect, and the
// income and costs of that year suspect too. Control: with the income read
// right, nothing is flagged.
TEST(NumberRepairTest, EquityRollForwardVetoesARepairItContradicts) {
  const std::vector<ColSpec> years = {{"2021", 2021, ColumnKind::kUtfall}, {"2022", 2022, ColumnKind::kUtfall},
                                      {"2023", 2023, ColumnKind::kUtfall}, {"2024", 2024, ColumnKind::kUtfall},
                                      {"2025", 2025, ColumnKind::kUtfall}};
  auto overview = [&](const std::string& income2023) {
    return MakeTable(years,
                     {{"Intäkter, tkr", {"8 400", "8 800", income2023, "9 300", "9 600"}},
                      {"Kostnader, tkr", {"-8 950", "-8 610", "-9 340", "-8 460", "-8 800"}},
                      {"Årets resultat, tkr", {"-550", "190", "-340", "840", "800"}},
                      {"Eget kapital, tkr", {"2 130", "2 320", "1 980", "2 820", "3 620"}}},
                     "Flerårsöversikt", "flerarsoversikt");
  };
  FinancialTable t = overview("3 000");
  std::vector<Flag> flags;
  RepairTable(t, 0, &flags);
  const TableCell& result = t.rows[2].cells[2];
  EXPECT_EQ(result.value, -340);
  EXPECT_EQ(result.status, "suspect");
  EXPECT_EQ(t.rows[0].cells[2].status, "suspect");  // the misread income
  EXPECT_EQ(t.rows[1].cells[2].status, "suspect");
  EXPECT_NE(FindFlag(flags, "repair.contradicted"), nullptr);
  EXPECT_EQ(FindFlag(flags, "repair.truncated"), nullptr);  // the undone repair leaves no info flag
  for (int c : {0, 1, 3, 4}) EXPECT_EQ(t.rows[2].cells[c].status, "ok") << c;

  FinancialTable clean = overview("9 000");
  std::vector<Flag> none;
  RepairTable(clean, 0, &none);
  EXPECT_EQ(FindFlag(none, "repair.contradicted"), nullptr);
  EXPECT_EQ(clean.rows[2].cells[2].status, "ok");
}

// OCR read four rows as one ("Försäkringskassan Arbetsförmedlingen Region
// Kommunerna" with "3 100 3100 1550 1550" in a cell): the cell of that row
// that did read as one number (a deviation `0`) is no figure of any one of
// them, even where a Summa over that row alone "agrees".
TEST(NumberRepairTest, CellsOfRowsRunTogetherAreSuspect) {
  const std::vector<ColSpec> cols = {{"Utfall 2024", 2024, ColumnKind::kUtfall},
                                     {"Budget 2025", 2025, ColumnKind::kBudget},
                                     {"Utfall 2025", 2025, ColumnKind::kUtfall},
                                     {"Avvikelse", 2025, ColumnKind::kAvvikelse}};
  FinancialTable t = MakeTable(cols,
                               {{"Försäkringskassan Arbetsförmedlingen Region Kommunerna",
                                 {"3 100 3100 1550 1550", "3 200 3 200 1600 1600", "3 200 3 200 1 600 1600", "0"}},
                                {"Summa intäkter", {"9 300", "9 600", "9 600", "0"}}},
                               "Driftredovisning 2025", "driftredovisning");
  std::vector<Flag> flags;
  RepairTable(t, 0, &flags);
  EXPECT_EQ(t.rows[0].cells[3].status, "suspect");
  EXPECT_NE(FindFlag(flags, "read.merged_rows"), nullptr);
  // A row with one unreadable cell is not taken for merged rows.
  FinancialTable one = MakeTable(cols, {{"Försäkringskassan", {"3 100", "J 200", "3 200", "0"}}},
                                 "Driftredovisning 2025", "driftredovisning");
  std::vector<Flag> flags1;
  RepairTable(one, 0, &flags1);
  EXPECT_EQ(FindFlag(flags1, "read.merged_rows"), nullptr);
  EXPECT_EQ(one.rows[0].cells[0].status, "ok");
}

// A table in mkr (decimals of varying length, as tkr figures divided by
// 1000 print) where OCR lost one figure's decimal comma: dropped, or read as
// a digit. The reading the Summa row expects is taken, flagged; a column of
// whole numbers never gets a comma, and a figure whose digits do not fit the
// expected value is left to the other repairs.
TEST(NumberRepairTest, LostDecimalComma) {
  struct Case {
    const char* printed;
    int repaired;
    double value;
  };
  const Case kCases[] = {
      {"3533", 1, 3.33},  // the comma read as 5
      {"333", 1, 3.33},   // the comma dropped
      {"3,33", 0, 3.33},  // as printed: nothing to repair
      {"4711", 0, 4711},  // no reading of its digits gives 3,33
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.printed);
    FinancialTable t = MakeTable({{"Utfall 2019", 2019, ColumnKind::kUtfall}},
                                 {{"Intäkter", {}},
                                  {"Statligt bidrag", {"6,66"}},
                                  {"Region", {c.printed}},
                                  {"Bollnäs kommun", {"0,306"}},
                                  {"Gävle kommun", {"1,219"}},
                                  {"Hofors kommun", {"0,11"}},
                                  {"Summa", {"11,625"}}});
    std::vector<Flag> flags;
    RepairStats s = RepairTable(t, 0, &flags);
    EXPECT_EQ(s.repaired, c.repaired);
    EXPECT_NEAR(t.rows[2].cells[0].value, c.value, 1e-9);
    EXPECT_EQ(t.rows[2].cells[0].raw, c.printed);
    if (c.repaired) {
      EXPECT_EQ(t.rows[2].cells[0].status, "repaired");
      EXPECT_NE(FindFlag(flags, "repair.comma"), nullptr);
    }
  }
  // Whole numbers: "333" against an expected 3,33 is no lost comma.
  FinancialTable whole = MakeTable({{"Utfall 2019", 2019, ColumnKind::kUtfall}},
                                   {{"Intäkter", {}},
                                    {"Statligt bidrag", {"666"}},
                                    {"Region", {"333"}},
                                    {"Summa", {"669,33"}}});
  std::vector<Flag> flags;
  RepairTable(whole, 0, &flags);
  EXPECT_EQ(FindFlag(flags, "repair.comma"), nullptr);
  EXPECT_NE(whole.rows[2].cells[0].status, "repaired");
}

// A minus sign OCR lost ("Årets resultat 10 221" for –221): read negative
// where a check of three terms or more expects exactly the negated figure.
// Controls: a figure the checks want with a different magnitude, a check of
// two terms, and a deviation column (its sign is the table's convention).
TEST(NumberRepairTest, LostMinusSign) {
  std::vector<ColSpec> cols = {{"2025", 2025, ColumnKind::kUtfall}, {"2024", 2024, ColumnKind::kUtfall}};
  struct Case {
    const char* name;
    std::string result2024;
    int repaired;
    double value;
  };
  const std::vector<Case> cases = {
      {"sign lost", "221", 1, -221},
      {"as printed", "-221", 0, -221},
      {"control: another magnitude", "231", 0, 231},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    FinancialTable t = MakeTable(cols, {{"Verksamhetens intäkter", {"5 345", "5 180"}},
                                        {"Verksamhetens kostnader", {"-5 338", "-5 402"}},
                                        {"Verksamhetens resultat", {"7", "-222"}},
                                        {"Finansiella intäkter", {"3", "1"}},
                                        {"Årets resultat", {"10", c.result2024}}},
                                 "Resultaträkning", "income_statement");
    std::vector<Flag> flags;
    RepairStats s = RepairTable(t, 0, &flags);
    EXPECT_EQ(s.repaired, c.repaired);
    EXPECT_EQ(t.rows[4].cells[1].value, c.value);
    if (c.repaired) {
      EXPECT_EQ(t.rows[4].cells[1].status, "repaired");
      EXPECT_NE(FindFlag(flags, "repair.sign"), nullptr);
    }
  }
  // Two terms (Summa = its one part): which of the two lost the sign is
  // not for the sums to say.
  FinancialTable two = MakeTable(cols, {{"Kassa", {"2 640", "-2 602"}}, {"Summa", {"2 640", "2 602"}}},
                                 "Balansräkning", "balance_sheet");
  std::vector<Flag> flags;
  RepairTable(two, 0, &flags);
  EXPECT_EQ(FindFlag(flags, "repair.sign"), nullptr);
  // A deviation column: its sign is a convention, not a misread.
  FinancialTable dev = MakeTable({{"Budget 2025", 2025, ColumnKind::kBudget},
                                  {"Utfall 2025", 2025, ColumnKind::kUtfall},
                                  {"Avvikelse", 2025, ColumnKind::kAvvikelse}},
                                 {{"Styrelse", {"260", "248", "12"}},
                                  {"Kansli", {"1 150", "1 122", "28"}},
                                  {"Insatser", {"4 300", "3 968", "332"}},
                                  {"Summa kostnader", {"5 710", "5 338", "-372"}}},
                                 "Driftredovisning", "operating");
  flags.clear();
  RepairTable(dev, 0, &flags);
  EXPECT_EQ(FindFlag(flags, "repair.sign"), nullptr);
  EXPECT_EQ(dev.rows[3].cells[2].value, -372);
}

TEST(NumberRepairTest, TruncatedComponentOfAResult) {
  // The scan of the Gävleborg årsredovisning reads 13 319 (utfall 2019) as
  // "319"; Årets resultat 4 887 = 13 319 − 8 432 singles it out.
  std::vector<ColSpec> cols = {{"2020", 2020, ColumnKind::kUtfall}, {"2019", 2019, ColumnKind::kUtfall}};
  FinancialTable t = MakeTable(cols, {{"Verksamhetens intäkter", {"13 401", "319"}},
                                      {"Verksamhetens kostnader", {"-13 616", "-8 432"}},
                                      {"Årets resultat", {"-215", "4 887"}}},
                               "Översikt", "overview");
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 1);
  EXPECT_EQ(t.rows[0].cells[1].value, 13319);
  EXPECT_EQ(t.rows[0].cells[1].raw, "319");
  ASSERT_NE(FindFlag(flags, "repair.truncated"), nullptr);
  EXPECT_EQ(t.rows[0].cells[0].status, "ok");
}

TEST(NumberRepairTest, MissingCellShiftsRowLeft) {
  // Personalkostnader has no 2020 figure; the reader put 50 and 60 under
  // 2020 and 2021.
  FinancialTable t = MakeTable(BudgetYears(), {{"Kostnader", {}},
                                               {"Insatsmedel", {"100", "200", "300"}},
                                               {"Personalkostnader", {"50", "60", ""}},
                                               {"Summa kostnader", {"100", "250", "360"}}});
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 2);
  EXPECT_FALSE(t.rows[2].cells[0].present);
  EXPECT_EQ(t.rows[2].cells[1].value, 50);
  EXPECT_EQ(t.rows[2].cells[2].value, 60);
  EXPECT_EQ(t.rows[2].cells[2].raw, "60");
  EXPECT_EQ(t.rows[2].cells[2].status, "repaired");
  for (const Constraint& c : TableConstraints(t)) EXPECT_TRUE(Holds(t, c)) << c.what;
}

TEST(NumberRepairTest, RegroupsAmbiguousThousands) {
  // "1 234 567" as two values: 1 234 | 567 or 1 | 234 567; the sums decide.
  FinancialTable t = MakeTable({{"2020", 2020, ColumnKind::kUtfall}, {"2019", 2019, ColumnKind::kUtfall}},
                               {{"Intäkter", {}},
                                {"Medlemsavgifter", {"1", "234 567"}, "1 234 567", 2},
                                {"Övriga intäkter", {"100", "100"}},
                                {"Summa intäkter", {"1 334", "667"}}});
  std::vector<Flag> flags;
  RepairTable(t, 0, &flags);
  EXPECT_EQ(t.rows[1].cells[0].value, 1234);
  EXPECT_EQ(t.rows[1].cells[1].value, 567);
  EXPECT_EQ(t.rows[1].cells[0].status, "repaired");
  ASSERT_NE(FindFlag(flags, "repair.regroup"), nullptr);
}

TEST(NumberRepairTest, SixValuesWithTotaltColumn) {
  // The example: "6 139 6 603 6 230 6 230 6230 31432" is six values.
  std::vector<ColSpec> cols = {{"2019", 2019, ColumnKind::kUtfall}, {"2020", 2020, ColumnKind::kUtfall},
                               {"2021", 2021, ColumnKind::kBudget}, {"2022", 2022, ColumnKind::kPlan},
                               {"2023", 2023, ColumnKind::kPlan},   {"Totalt", 0, ColumnKind::kTotalt}};
  std::vector<std::string> tokens = {"6 139", "6 603", "6 230", "6 230", "6230", "31432"};
  std::vector<std::vector<std::string>> g =
      GroupNumberTokens({"6", "139", "6", "603", "6", "230", "6", "230", "6230", "31432"}, 6);
  ASSERT_EQ(g.size(), 1u);
  FinancialTable t = MakeTable(cols, {{"Medlemsavgifter", tokens}});
  for (const Constraint& c : TableConstraints(t)) EXPECT_TRUE(Holds(t, c)) << c.what;
}

TEST(NumberRepairTest, RefusesWhenTwoReadingsSatisfyTheSums) {
  // Two damaged cells in one column: 1 0b0 + 1 0b0 = 2 140 holds for
  // 1 060 + 1 080 and for 1 080 + 1 060. Repair must refuse.
  FinancialTable t = MakeTable(BudgetYears(), {{"Kostnader", {}},
                                               {"Insatsmedel", {"1 0b0", "1 000", "1 000"}},
                                               {"Personalkostnader", {"1 0b0", "1 000", "1 000"}},
                                               {"Summa kostnader", {"2 140", "2 000", "2 000"}}});
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 0);
  EXPECT_EQ(s.suspect, 2);
  EXPECT_EQ(t.rows[1].cells[0].status, "suspect");
  EXPECT_EQ(t.rows[2].cells[0].status, "suspect");
  EXPECT_FALSE(t.rows[1].cells[0].parsed);  // nothing overwritten
  const Flag* f = FindFlag(flags, "repair.ambiguous");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, "warning");
  EXPECT_NE(f->message.find("1 060 or 1 080"), std::string::npos) << f->message;
}

TEST(NumberRepairTest, RefusesWhenTwoSingleEditsFixTheSum) {
  // 6 + 6 ≠ 14: reading either 6 as 8 fixes it; the solver cannot tell which.
  FinancialTable t = MakeTable(BudgetYears(), {{"Kostnader", {}},
                                               {"Insatsmedel", {"6", "1", "1"}},
                                               {"Personalkostnader", {"6", "1", "1"}},
                                               {"Summa kostnader", {"14", "2", "2"}}});
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 0);
  EXPECT_EQ(t.rows[1].cells[0].value, 6);
  EXPECT_EQ(t.rows[2].cells[0].value, 6);
  // Either 6 may be the damaged figure; the total is not in doubt.
  EXPECT_EQ(t.rows[1].cells[0].status, "suspect");
  EXPECT_EQ(t.rows[2].cells[0].status, "suspect");
  EXPECT_EQ(t.rows[3].cells[0].status, "ok");
  ASSERT_NE(FindFlag(flags, "repair.ambiguous"), nullptr);
  EXPECT_EQ(FindFlag(flags, "repair.ambiguous")->cells.size(), 3u);
}

// The sum fails by 1 000, which either adding a leading "1 " to a clean
// figure (763 as 1 763, 183 as 1 183) or reading "006" whole (1 006) would
// fix: a figure printed with a leading zero shows its lost digits, so it
// is the one read, and flagged.
TEST(NumberRepairTest, FigureWithALeadingZeroIsTheTruncatedOne) {
  // Member fees whose fifth member's first figure is printed `kommun_c`.
  auto fees = [](const char* kommun_c) {
    return MakeTable(BudgetYears(), {{"Medlemsavgifter", {}},
                                     {"Staten", {"6 100", "6 100", "6 100"}},
                                     {"Region", {"3 050", "3 050", "3 050"}},
                                     {"Kommun A", {"1 098", "1 098", "1 098"}},
                                     {"Kommun B", {"763", "763", "763"}},
                                     {"Kommun C", {kommun_c, "1 006", "1 006"}},
                                     {"Kommun D", {"183", "183", "183"}},
                                     {"Summa", {"12 200", "12 200", "12 200"}}});
  };
  FinancialTable t = fees("006");
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 1);
  EXPECT_EQ(t.rows[5].cells[0].value, 1006);
  EXPECT_EQ(t.rows[4].cells[0].value, 763);
  EXPECT_EQ(t.rows[6].cells[0].value, 183);
  ASSERT_NE(FindFlag(flags, "repair.truncated"), nullptr);
  // Control: without the leading zero ("6") the sum cannot say which one
  // lost its digits, and nothing is repaired.
  FinancialTable u = fees("6");
  std::vector<Flag> uflags;
  EXPECT_EQ(RepairTable(u, 0, &uflags).repaired, 0);
  EXPECT_EQ(u.rows[5].cells[0].value, 6);
}

TEST(NumberRepairTest, RefusesOnTheScannedNote4) {
  // The scan of the Gävleborg årsredovisning, Not 4 Upplupna kostnader,
  // 2019-12-31: OCR reads Bollnäs kommun 27 as "21", so the column sums to
  // 1 597, not 1 603. Five single-digit edits restore the sum (223→228,
  // 564→568, 21→27, 211→217, 40→48): repair must refuse.
  std::vector<ColSpec> cols = {{"2020-12-31", 2020, ColumnKind::kUtfall}, {"2019-12-31", 2019, ColumnKind::kUtfall}};
  FinancialTable t = MakeTable(cols, {{"Region Gävleborg", {"359", "297"}},
                                      {"Hudiksvalls kommun", {"70", "5"}},
                                      {"Ockelbo kommun", {"25", "223"}},
                                      {"Sandvikens kommun", {"", "116"}},
                                      {"Arbetsförmedlingen", {"", "564"}},
                                      {"Bollnäs kommun", {"", "21"}},
                                      {"Försäkringskassan", {"", "7"}},
                                      {"Upplupna semesterlöner", {"128", "211"}},
                                      {"Upplupna sociala avgifter", {"40", "66"}},
                                      {"Övriga upplupna kostnader", {"21", "47"}},
                                      {"Revisionsarvode", {"105", "40"}},
                                      {"Summa", {"748", "1603"}}},
                               "Not 4. Upplupna kostnader", "note");
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 0);
  EXPECT_EQ(t.rows[5].cells[1].value, 21);  // not overwritten
  EXPECT_EQ(t.rows[5].cells[1].status, "suspect");
  EXPECT_EQ(t.rows[11].cells[1].status, "ok");
  const Flag* f = FindFlag(flags, "repair.ambiguous");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("Bollnäs kommun / 2019-12-31 = 27"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("Revisionsarvode / 2019-12-31 = 48"), std::string::npos) << f->message;
}

TEST(NumberRepairTest, UnreadableWithoutAnySatisfyingReadingStaysSuspect) {
  FinancialTable t = MakeTable(BudgetYears(), {{"Kostnader", {}},
                                               {"Insatsmedel", {"J 866", "1 000", "1 000"}},
                                               {"Personalkostnader", {"2 000", "2 000", "2 000"}},
                                               {"Summa kostnader", {"9 999", "3 000", "3 000"}}});
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(t.rows[1].cells[0].status, "suspect");
  EXPECT_FALSE(t.rows[1].cells[0].parsed);
  EXPECT_GE(s.suspect, 1);
  EXPECT_NE(FindFlag(flags, "repair.unreadable"), nullptr);
}

// A figure no check constrains, with one reading under OCR's confusions
// ("5 209-210": a speck for the thousands space): loaded with that reading,
// still suspect and flagged. Two readings ("3 Bb6") stay unread.
TEST(NumberRepairTest, UnconstrainedFigureWithOneReadingIsLoadedSuspect) {
  struct Case {
    const char* raw;
    bool parsed;
    double value;
  };
  for (const Case& c : {Case{"5 209-210", true, 5209210}, Case{"5612 480", true, 5612480}, Case{"3 Bb6", false, 0}}) {
    FinancialTable t = MakeTable({{"2025", 2025, ColumnKind::kUtfall}}, {{"Ingående eget kapital", {c.raw}}},
                                 "Balansräkning", "balance_sheet", 1);
    t.rows[0].cells[0].parsed = false;
    t.rows[0].cells[0].status = "suspect";
    std::vector<Flag> flags;
    RepairTable(t, 0, &flags);
    const TableCell& cell = t.rows[0].cells[0];
    EXPECT_EQ(cell.status, "suspect") << c.raw;
    EXPECT_EQ(cell.parsed, c.parsed) << c.raw;
    if (c.parsed) {
      EXPECT_EQ(cell.value, c.value) << c.raw;
    }
    ASSERT_NE(FindFlag(flags, "repair.unreadable"), nullptr) << c.raw;
  }
}

// A clean figure two failing checks each need to read one value, a digit or
// two from it as printed (w21's scan read 5 630 as "2 630": 2 for 5 is no
// listed confusion): repaired, flagged. Three digits off, or a text
// layer's figure (a misprint of the document's own): no repair.
TEST(NumberRepairTest, TwoChecksAgreeingOnOneDigitRepairIt) {
  auto sheet = [](const char* sum_of_current) {
    return MakeTable({{"2025-12-31", 2025, ColumnKind::kUtfall}, {"2024-12-31", 2024, ColumnKind::kUtfall}},
                     {{"Kortfristiga fordringar", {"512", "430"}},
                      {"Kassa och bank", {"5 118", "4 925"}},
                      {"Summa omsättningstillgångar", {sum_of_current, "5 355"}},
                      {"Summa tillgångar", {"5 630", "5 355"}},
                      {"Eget kapital", {"4 000", "3 900"}},
                      {"Kortfristiga skulder", {"1 630", "1 455"}},
                      {"Summa eget kapital och skulder", {"5 630", "5 355"}}},
                     "Balansräkning", "balance_sheet", 1);
  };
  // The sheet repaired, its figure read by OCR (`ocr`) or printed in a
  // text layer.
  auto repaired = [&sheet](const char* sum_of_current, bool ocr) {
    FinancialTable t = sheet(sum_of_current);
    if (ocr) t.rows[2].cells[0].prov.confidence = 0.8;
    std::vector<Flag> flags;
    RepairTable(t, 0, &flags);
    return t;
  };
  FinancialTable t = repaired("2 630", true);
  EXPECT_EQ(t.rows[2].cells[0].value, 5630);
  EXPECT_EQ(t.rows[2].cells[0].status, "repaired");
  EXPECT_EQ(t.rows[3].cells[0].value, 5630);
  // A text layer's figure: the document's misprint, not rewritten.
  FinancialTable printed = repaired("2 630", false);
  EXPECT_EQ(printed.rows[2].cells[0].value, 2630);
  // The sign lost: both checks need the figure negated.
  FinancialTable sign = repaired("-5 630", true);
  EXPECT_EQ(sign.rows[2].cells[0].value, 5630);
  EXPECT_EQ(sign.rows[2].cells[0].status, "repaired");
  // Three digits off: no repair.
  FinancialTable three = repaired("2 681", true);
  EXPECT_EQ(three.rows[2].cells[0].value, 2681);
  EXPECT_NE(three.rows[2].cells[0].status, "repaired");
}

// An unreadable figure that a check says repeats one printed figure (a
// section of one row: Summa kassa och bank = Kassa och bank) is loaded with
// it, derived and flagged, still suspect. In a sum of several parts the
// printed digits may disagree with what the sum needs: left unread
// (UnreadableWithoutAnySatisfyingReadingStaysSuspect).
TEST(NumberRepairTest, UnreadableRepeatOfAPrintedFigureIsDerivedSuspect) {
  FinancialTable t = MakeTable({{"2023", 2023, ColumnKind::kUtfall}, {"2022", 2022, ColumnKind::kUtfall}},
                               {{"Kassa och bank", {"STI0LTSI", "3 537 947"}},
                                {"Summa kassa och bank", {"5 707 739", "3 537 947"}}},
                               "Balansräkning", "balance_sheet", 1);
  std::vector<Flag> flags;
  RepairTable(t, 0, &flags);
  const TableCell& cell = t.rows[0].cells[0];
  EXPECT_EQ(cell.status, "suspect");
  EXPECT_TRUE(cell.parsed);
  EXPECT_EQ(cell.value, 5707739);
  EXPECT_EQ(cell.raw, "STI0LTSI");
  const Flag* f = FindFlag(flags, "repair.derived");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("derived, not read"), std::string::npos) << f->message;
}

// An unreadable figure that is the one unknown of a sum of several parts
// (a turned history's Resultat, "no" for 110) is derived from it when its
// other figures are read and not in doubt and the digits it prints fit the
// value (none, its own, or one misprint from them): loaded suspect, flagged
// repair.derived. Otherwise it stays unread.
TEST(NumberRepairTest, UnreadableOneUnknownOfASumIsDerivedWhenItsDigitsFit) {
  struct Case {
    const char* raw;
    bool doubted_other;  // the Kostnader row placed by a guess
    bool derived;
  };
  for (const Case& c : {Case{"no", false, true}, Case{"-.10", false, true}, Case{"1 1x", false, true},
                        Case{"n1", false, false}, Case{"7x9", false, false}, Case{"no", true, false}}) {
    FinancialTable t = MakeTable({{"2024", 2024, ColumnKind::kUtfall}, {"2025", 2025, ColumnKind::kUtfall}},
                                 {{"Intäkter", {"5 100", "5 200"}},
                                  {"Kostnader", {"-5 020", "-5 090"}},
                                  {"Resultat", {"80", c.raw}}},
                                 "Ekonomisk utveckling", "annual_report", 1000);
    LeaveUnread(t, 2, 1);
    if (c.doubted_other) {
      t.rows[1].doubt_rule = "read.order";
      t.rows[1].doubt = "labels paired with figures by order";
    }
    std::vector<Flag> flags;
    RepairTable(t, 0, &flags);
    const TableCell& cell = t.rows[2].cells[1];
    EXPECT_EQ(cell.status, "suspect") << c.raw;
    EXPECT_EQ(cell.raw, c.raw);
    EXPECT_EQ(cell.parsed, c.derived) << c.raw;
    const Flag* f = FindFlag(flags, "repair.derived");
    EXPECT_EQ(f != nullptr, c.derived) << c.raw;
    if (!c.derived || !f) continue;
    EXPECT_EQ(cell.value, 110) << c.raw;
    EXPECT_NE(f->message.find("Resultat = Intäkter"), std::string::npos) << f->message;
  }
}

// A figure derived from a sum (repair.derived) does not confirm the sum's
// other figures: a row the reader placed by a guess stays suspect although
// the sum holds, where a printed figure in its place clears it.
TEST(NumberRepairTest, ADerivedFigureConfirmsNoDoubtfulRow) {
  for (bool derived : {false, true}) {
    FinancialTable t = MakeTable({{"2025", 2025, ColumnKind::kUtfall}},
                                 {{"Intäkter", {"5 200"}}, {"Kostnader", {"-5 090"}}, {"Resultat", {"110"}}},
                                 "Ekonomisk utveckling", "annual_report", 1000);
    t.rows[0].doubt_rule = "read.order";
    t.rows[0].doubt = "labels paired with figures by order";
    std::vector<Flag> flags;
    if (derived) {
      Flag f;
      f.rule = "repair.derived";
      f.cells.push_back({0, 2, 0});
      flags.push_back(f);
    }
    RepairTable(t, 0, &flags);
    EXPECT_EQ(t.rows[0].cells[0].status, derived ? "suspect" : "ok") << derived;
  }
}

// Two damaged figures in one sum ("340-000" and "2465 000" under Summa
// kommunerna): no reading of the row satisfies it. A figure with one
// reading under OCR's confusions is loaded with it, suspect, when no check
// on it can be evaluated; a figure in a check whose other figures are all
// read, and which that check rejects, stays unread ("J 866" above).
TEST(NumberRepairTest, OneReadingLoadedWhereItsChecksCannotBeEvaluated) {
  FinancialTable t = MakeTable({{"Budget 2025", 2025, ColumnKind::kBudget}},
                               {{"Askersunds kommun", {"340-000"}},
                                {"Hallsbergs kommun", {"2465 000"}},
                                {"Kumla kommun", {"620 000"}},
                                {"Laxå kommun", {"000 1175"}},
                                {"Summa kommunerna", {"1 600 000"}}},
                               "Medlemsbidrag", "budget", 1);
  for (int r = 0; r < 4; ++r) {
    TableCell& cell = t.rows[r].cells[0];
    if (cell.raw != "620 000") {
      cell.parsed = false;
      cell.status = "suspect";
    }
  }
  std::vector<Flag> flags;
  RepairTable(t, 0, &flags);
  const TableCell& first = t.rows[0].cells[0];
  EXPECT_EQ(first.status, "suspect");
  ASSERT_TRUE(first.parsed);
  EXPECT_EQ(first.value, 340000);
  EXPECT_FALSE(t.rows[3].cells[0].parsed);  // "000 1175": no reading
  EXPECT_EQ(t.rows[4].cells[0].status, "ok");  // the Summa as printed
}

// A driftredovisning (kr) whose first row, "Intäkter", stands under no
// heading before the costs and their "Summa kostnader". Two figures of the
// Budget column are damaged: "300-000" cannot be read as printed and
// "6 400 060" reads cleanly, wrong (0 read as 6). Neither the forced reading
// of the first nor a single edit of the second satisfies the column's sum on
// its own; together with the rows' Avvikelse checks they are the only
// reading that does. With a second clean figure that a single edit would
// let hold as well, the repair refuses.
TEST(NumberRepairTest, UnreadFigureSolvedTogetherWithAMisreadBesideIt) {
  struct Case {
    const char* name;
    const char* personal_budget;
    bool solved;
  };
  for (const Case& c : {Case{"one misread beside", "1 200 000", true},
                        Case{"two clean figures could be misread", "1 200 008", false}}) {
    SCOPED_TRACE(c.name);
    FinancialTable t = MakeTable({{"Budget 2025", 2025, ColumnKind::kBudget},
                                  {"Utfall 2025", 2025, ColumnKind::kUtfall},
                                  {"Avvikelse", 2025, ColumnKind::kAvvikelse}},
                                 {{"Intäkter", {"9 000 000", "9 000 000", "0"}},
                                  {"Personal", {c.personal_budget, "1 150 000", "50 000"}},
                                  {"Insatser", {"6 400 060", "6 210 500", "189 500"}},
                                  {"Lokaler", {"300-000", "280 000", "20 000"}},
                                  {"Summa kostnader", {"7 900 000", "7 640 500", "259 500"}},
                                  {"Resultat", {"1 100 000", "1 359 500", "259 500"}}},
                                 "Driftredovisning", "budget", 1);
    ASSERT_FALSE(t.rows[3].cells[0].parsed);
    std::vector<Flag> flags;
    RepairTable(t, 0, &flags);
    const TableCell& lokaler = t.rows[3].cells[0];
    const TableCell& insatser = t.rows[2].cells[0];
    if (c.solved) {
      EXPECT_EQ(lokaler.status, "repaired");
      EXPECT_EQ(lokaler.value, 300000);
      EXPECT_EQ(insatser.status, "repaired");
      EXPECT_EQ(insatser.value, 6400000);
      EXPECT_EQ(insatser.raw, "6 400 060");  // the printed text is kept
      const Flag* f = FindFlag(flags, "repair.digit");
      ASSERT_NE(f, nullptr);
      // The sum of the costs leaves the income row out.
      EXPECT_EQ(f->message.find("Intäkter +"), std::string::npos) << f->message;
    } else {
      EXPECT_EQ(lokaler.status, "suspect");
      EXPECT_NE(insatser.status, "repaired");
      EXPECT_EQ(insatser.value, 6400060);  // nothing overwritten
    }
    EXPECT_EQ(t.rows[4].cells[0].status, "ok");  // the Summa as printed
  }
}

// "1-:000-000": a figure whose thousands spaces OCR read as specks, a colon
// beside a hyphen among them, is still a damaged figure the sum reads.
TEST(NumberRepairTest, SpecksInThousandsSpacesAreReadByTheSum) {
  FinancialTable t = MakeTable({{"Budget 2025", 2025, ColumnKind::kBudget}},
                               {{"Vägen vidare", {"1 700 000"}},
                                {"Ung framtid", {"1 600 000"}},
                                {"Aktiv rehabilitering", {"1-:000-000"}},
                                {"Summa", {"4 300 000"}}},
                               "Insatser 2025", "budget", 1);
  ASSERT_FALSE(t.rows[2].cells[0].parsed);
  std::vector<Flag> flags;
  RepairTable(t, 0, &flags);
  EXPECT_EQ(t.rows[2].cells[0].status, "repaired");
  EXPECT_EQ(t.rows[2].cells[0].value, 1000000);
}

// A balance sheet's equity part: the reader filed "Årets resultat" under no
// section, between "Ingående eget kapital" and "Summa eget kapital" of the
// section "Eget kapital och skulder". The Summa covers those two rows, not
// "Summa tillgångar" of the section before: the unreadable "1 O20 000" is
// read by that sum.
TEST(NumberRepairTest, SumOfASectionReachesPastARowOfNoSection) {
  FinancialTable t = MakeTable({{"2025-12-31", 2025, ColumnKind::kValue}},
                               {{"Kortfristiga fordringar", {"500 000"}},
                                {"Kassa och bank", {"1 000 000"}},
                                {"Summa tillgångar", {"1 500 000"}},
                                {"Ingående eget kapital", {"1 O20 000"}},
                                {"Årets resultat", {"80 000"}},
                                {"Summa eget kapital", {"1 100 000"}},
                                {"Kortfristiga skulder", {"400 000"}},
                                {"Summa eget kapital och skulder", {"1 500 000"}}},
                               "Balansräkning", "balance", 1);
  for (int r : {0, 1, 2}) t.rows[r].section = "Tillgångar";
  for (int r : {3, 5, 6, 7}) t.rows[r].section = "Eget kapital och skulder";
  ASSERT_FALSE(t.rows[3].cells[0].parsed);
  std::vector<Flag> flags;
  RepairTable(t, 0, &flags);
  const TableCell& c = t.rows[3].cells[0];
  EXPECT_EQ(c.status, "repaired");
  EXPECT_EQ(c.value, 1020000);
  const Flag* f = FindFlag(flags, "repair.confusable");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("Summa eget kapital = Ingående eget kapital + Årets resultat"), std::string::npos)
      << f->message;
}

TEST(ConfusableReadingsTest, DecimalCommaReadAsPointOrColon) {
  EXPECT_TRUE(Has(ConfusableReadings("11.00", 32, true), 11));
  auto near = [](const std::vector<double>& v, double x) {
    return std::any_of(v.begin(), v.end(), [&](double y) { return std::fabs(y - x) < 1e-9; });
  };
  EXPECT_TRUE(near(ConfusableReadings("3:20", 32, true), 3.2));
  EXPECT_TRUE(near(ConfusableReadings("-0;65", 32, true), -0.65));
  // Only in a table that prints decimals: in a table of whole numbers
  // "2:22" is a damaged "2 221" (a generated scan), not 2,22.
  EXPECT_FALSE(near(ConfusableReadings("2:22"), 2.22));
  EXPECT_FALSE(near(ConfusableReadings("11.00"), 11));
  // Three digits after a point are a thousands group, not decimals.
  EXPECT_FALSE(Has(ConfusableReadings("2.222", 32, true), 2.222));
  EXPECT_TRUE(Has(ConfusableReadings("2.222"), 2222));
  // A colon with no digit after it is a speck, not a decimal mark.
  EXPECT_TRUE(Has(ConfusableReadings("1600-000:"), 1600000));
}

// A figure no confusion explains and no check reads still gets a flag.
TEST(NumberRepairTest, UnreadFigureIsFlaggedEvenWithoutACheck) {
  FinancialTable t = MakeTable(BudgetYears(), {{"Kansli", {"2 100", "4/2Ox", ""}}});
  t.rows[0].cells[1].parsed = false;
  t.rows[0].cells[1].status = "suspect";
  std::vector<Flag> flags;
  RepairTable(t, 0, &flags);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].rule, "repair.unreadable");
  ASSERT_EQ(flags[0].cells.size(), 1u);
  EXPECT_EQ(flags[0].cells[0].col, 1);
  EXPECT_NE(flags[0].message.find("4/2Ox"), std::string::npos);
  EXPECT_EQ(t.rows[0].cells[1].status, "suspect");
  // A Not column's references ("10, 15") are no figures: no flag.
  FinancialTable notes = MakeTable({{"Not", 0, ColumnKind::kNote}, {"2023", 2023, ColumnKind::kUtfall}},
                                   {{"Byggnad och mark", {"10, 15", "145 485 834"}}});
  notes.rows[0].cells[0].parsed = false;
  std::vector<Flag> none;
  RepairTable(notes, 0, &none);
  EXPECT_EQ(FindFlag(none, "repair.unreadable"), nullptr);
}

TEST(NumberRepairTest, DatesAreNotDamagedNumbers) {
  FinancialTable t = MakeTable(BudgetYears(), {{"Ett hållbart arbetsliv", {"2019-10-01", "2022-06-30", ""}}});
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.suspect, 0);
  EXPECT_TRUE(flags.empty());
}

TEST(NumberRepairTest, CleanTableIsLeftAlone) {
  FinancialTable t = IncomeWith("3330");
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 0);
  EXPECT_EQ(s.suspect, 0);
  EXPECT_TRUE(flags.empty());
}

// Two figures of one column lost their minus signs (w7's scan: Prognos
// "2 500" and "11 200" for −2 500 and −11 200): no single edit fixes the
// column's Summa, but with both negated it holds and so does each row's
// Avvikelse = prognos − budget. Both are repaired and flagged. When one
// row's own check does not vouch for its flip, nothing changes.
TEST(NumberRepairTest, SeveralLostMinusSignsInOneSum) {
  auto table = [](const char* insatser_avvikelse) {
    return MakeTable({{"Budget 2026", 2026, ColumnKind::kBudget},
                      {"Prognos 2026", 2026, ColumnKind::kPrognos},
                      {"Avvikelse", 2026, ColumnKind::kAvvikelse}},
                     {{"Kostnader", {}},
                      {"Styrelse", {"-520", "-500", "20"}},
                      {"Kansli", {"-2 600", "2 500", "100"}},
                      {"Insatser", {"-11 380", "11 200", insatser_avvikelse}},
                      {"Summa kostnader", {"-14 500", "-14 200", "300"}}},
                     "Driftredovisning", "operating");
  };
  FinancialTable t = table("180");
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(t.rows[2].cells[1].value, -2500);
  EXPECT_EQ(t.rows[3].cells[1].value, -11200);
  EXPECT_EQ(t.rows[2].cells[1].status, "repaired");
  EXPECT_EQ(t.rows[3].cells[1].raw, "11 200");
  EXPECT_EQ(s.repaired, 2);
  int sign_flags = 0;
  for (const Flag& f : flags) sign_flags += f.rule == "repair.sign";
  EXPECT_EQ(sign_flags, 2);

  FinancialTable unvouched = table("999");
  std::vector<Flag> flags2;
  RepairTable(unvouched, 0, &flags2);
  EXPECT_EQ(unvouched.rows[2].cells[1].value, 2500);
  EXPECT_EQ(unvouched.rows[3].cells[1].value, 11200);
}

// Two figures of one Summa misread, one digit each (w21's scan: "92 985"
// for 9 985 and "322" for 822 in the Utfall column): no single edit fixes
// the Summa, and a row's Avvikelse names no edit on its own. Each row whose
// Avvikelse fails offers its one edit under which it holds; together they
// make the Summa hold, so both are repaired and flagged. When one of them
// cannot be read back (its Avvikelse misread too), nothing changes.
TEST(NumberRepairTest, SeveralMisreadFiguresInOneSum) {
  auto table = [](const char* lokaler_avvikelse) {
    return MakeTable({{"Budget 2025", 2025, ColumnKind::kBudget},
                      {"Utfall 2025", 2025, ColumnKind::kUtfall},
                      {"Avvikelse", 2025, ColumnKind::kAvvikelse}},
                     {{"Kostnader", {}},
                      {"Insatser", {"10 400", "92 985", "415"}},
                      {"Personal", {"2 600", "2 711", "-111"}},
                      {"Lokaler och administration", {"800", "322", lokaler_avvikelse}},
                      {"Styrelse och revision", {"350", "418", "-68"}},
                      {"Summa kostnader", {"14 150", "13 936", "214"}}},
                     "Budgetuppföljning", "operating");
  };
  FinancialTable t = table("-22");
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(t.rows[1].cells[1].value, 9985);
  EXPECT_EQ(t.rows[3].cells[1].value, 822);
  EXPECT_EQ(t.rows[1].cells[1].status, "repaired");
  EXPECT_EQ(t.rows[3].cells[1].status, "repaired");
  EXPECT_EQ(t.rows[1].cells[1].raw, "92 985");  // the printed text is kept
  EXPECT_EQ(s.repaired, 2);

  FinancialTable unvouched = table("-99");
  std::vector<Flag> flags2;
  RepairTable(unvouched, 0, &flags2);
  EXPECT_EQ(unvouched.rows[1].cells[1].value, 92985);
  EXPECT_EQ(unvouched.rows[3].cells[1].value, 322);
}


// OCR's other readings of a cell (TableCell::readings, from a second pass
// over its ink): cheaper than a blind digit edit, but held to every check on
// the sum's figures.
void GiveReadings(FinancialTable& t, int row, int col, std::vector<std::string> readings) {
  t.rows[row].cells[col].readings = std::move(readings);
}

TEST(NumberRepairTest, AnotherOcrReadingMendsTheSum) {
  // "5 900" where the cell's other reading is "6 900"; a digit edit 5→6
  // would also fit, but the reading wins and names itself.
  FinancialTable t = MakeTable(BudgetYears(), {{"Kostnader", {}},
                                               {"Kansli", {"1 640", "1 600", "1 600"}},
                                               {"Insatser", {"5 900", "6 000", "6 000"}},
                                               {"Summa kostnader", {"8 540", "7 600", "7 600"}}});
  GiveReadings(t, 2, 0, {"6 800", "6 900"});
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 1);
  EXPECT_EQ(t.rows[2].cells[0].value, 6900);
  EXPECT_EQ(t.rows[2].cells[0].raw, "5 900");
  EXPECT_EQ(t.rows[2].cells[0].status, "repaired");
  ASSERT_NE(FindFlag(flags, "repair.reading"), nullptr);
  EXPECT_EQ(FindFlag(flags, "repair.digit"), nullptr);
}

TEST(NumberRepairTest, AReadingIsRefusedWhileAnotherCheckOnTheSumFails) {
  // w7's scan: "2000" + "1220" against a Summa read "3 120" (all three
  // misread: 9 000 + 120 = 9 120). The reading 1120 of "1220" makes the sum
  // hold, but the result row's check on that Summa still fails: refused.
  FinancialTable t = MakeTable(BudgetYears(), {{"Medlemsavgifter", {"2000", "13 500", "13 500"}},
                                               {"Övriga intäkter", {"1220", "0", "0"}},
                                               {"Summa intäkter", {"3 120", "13 500", "13 500"}},
                                               {"Summa kostnader", {"-8 850", "-14 500", "-14 500"}},
                                               {"Årets resultat", {"270", "-1 000", "-1 000"}}});
  GiveReadings(t, 1, 0, {"1120"});
  std::vector<Flag> flags;
  RepairTable(t, 0, &flags);
  EXPECT_EQ(t.rows[1].cells[0].value, 1220);
  EXPECT_NE(t.rows[1].cells[0].status, "repaired");
  EXPECT_EQ(FindFlag(flags, "repair.reading"), nullptr);
  // With the result's check holding (the Summa read right), the same
  // reading is taken.
  FinancialTable ok = MakeTable(BudgetYears(), {{"Medlemsavgifter", {"9 000", "13 500", "13 500"}},
                                                {"Övriga intäkter", {"1220", "0", "0"}},
                                                {"Summa intäkter", {"9 120", "13 500", "13 500"}},
                                                {"Summa kostnader", {"-8 850", "-14 500", "-14 500"}},
                                                {"Årets resultat", {"270", "-1 000", "-1 000"}}});
  GiveReadings(ok, 1, 0, {"120"});
  flags.clear();
  RepairTable(ok, 0, &flags);
  EXPECT_EQ(ok.rows[1].cells[0].value, 120);
  EXPECT_EQ(ok.rows[1].cells[0].status, "repaired");
}

TEST(NumberRepairTest, SeveralFiguresMendedByTheirOtherReadingsTogether) {
  // Two parts misread in one sum, each with the right figure among its
  // other readings: no single change fixes the sum, the two together do.
  auto fees = [] {
    return MakeTable(BudgetYears(), {{"Medlemsavgifter", {}},
                                     {"Försäkringskassan", {"5 500 000", "5 000 000", "5 000 000"}},
                                     {"Region Skåne", {"5 500 090", "2 500 000", "2 500 000"}},
                                     {"Malmö stad", {"5 590 000", "2 500 000", "2 500 000"}},
                                     {"Summa", {"16 500 000", "10 000 000", "10 000 000"}}});
  };
  FinancialTable t = fees();
  GiveReadings(t, 2, 0, {"5 500 000", "5 500 080"});
  GiveReadings(t, 3, 0, {"5 500 000", "5 590 600"});
  std::vector<Flag> flags;
  RepairStats s = RepairTable(t, 0, &flags);
  EXPECT_EQ(s.repaired, 2);
  EXPECT_EQ(t.rows[2].cells[0].value, 5500000);
  EXPECT_EQ(t.rows[3].cells[0].value, 5500000);
  EXPECT_EQ(t.rows[2].cells[0].status, "repaired");
  EXPECT_EQ(t.rows[3].cells[0].status, "repaired");
  // Two combinations that change as few figures: nothing is changed.
  FinancialTable tie = fees();
  GiveReadings(tie, 2, 0, {"5 500 000", "5 600 000"});
  GiveReadings(tie, 3, 0, {"5 500 000", "5 400 000"});
  flags.clear();
  RepairTable(tie, 0, &flags);
  EXPECT_EQ(tie.rows[2].cells[0].value, 5500090);
  EXPECT_EQ(tie.rows[3].cells[0].value, 5590000);
  EXPECT_EQ(FindFlag(flags, "repair.reading"), nullptr);
}

}  // namespace
}  // namespace finsam
