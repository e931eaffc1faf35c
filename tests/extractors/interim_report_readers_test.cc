// Reader rules found on the made-up delårsrapport w7-dr-uppsala, the
// made-up plan w8-vp-ostraskaraborg and the made-up annual report
// w9-ar-aseledorotea (tests/data/unseen/word/, issue 16):
// each on a made-up snippet, as an OCR text dump or as a page of positioned
// words, with a control that must stay as it was.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "extractors/financial_tables.h"
#include "extractors/number_repair.h"
#include "extractors/table_arithmetic.h"
#include "extractors/table_grid.h"
#include "model/extraction.h"
#include "pipeline/input/text_reader.h"
#include "tests/support/a4_pages.h"
#include "tests/support/dump_tables.h"

namespace finsam {
namespace {

using fixtures::A4Pages;
using fixtures::Columns;
using fixtures::FromDump;
using fixtures::PageBuilder;


const std::vector<double> kRights = {330, 410, 490, 570};

// A balance sheet whose header line opens with "Not" (its label cell
// empty): the note numbers under it are a column of their own, never part
// of the labels or of the figures.
TEST(InterimReportLayoutTest, NoteHeadOpeningTheHeaderLine) {
  struct Case {
    const char* name;
    std::string first_note;  // the note reference of the first row
    std::string columns;
  };
  const std::vector<Case> cases = {
      {"Not opens the header", "1", "[not 0][utfall 2026 01-08][utfall 2025]"},
      {"control: no row cites a note", "", "[utfall 2026 01-08][utfall 2025]"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Text("Balansräkning (tkr)", 40, 12);
    if (!c.first_note.empty()) pb.Add(fixtures::R("Not", 330, 70));
    pb.Add(fixtures::R("2026-08-31", 410, 70));
    pb.Add(fixtures::R("2025-12-31", 490, 70));
    const bool notes = !c.first_note.empty();
    auto row = [&](const std::string& label, double y, const std::string& note, const std::string& a,
                   const std::string& b) {
      if (notes) pb.Row(label, y, kRights, {note, a, b});
      else pb.Row(label, y, {410, 490}, {a, b});
    };
    row("Kortfristiga fordringar", 86, c.first_note, "310", "655");
    row("Kassa och bank", 100, "", "6 480", "5 665");
    row("Summa tillgångar", 114, "", "6 790", "6 320");
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("delårsrapport", {pb.words}));
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), c.columns);
    ASSERT_EQ(ts[0].rows.size(), 3u);
    EXPECT_EQ(ts[0].rows[0].label, "Kortfristiga fordringar");
    const size_t first = notes ? 1 : 0;
    ASSERT_GT(ts[0].rows[0].cells.size(), first);
    EXPECT_EQ(ts[0].rows[0].cells[first].amount_sek, 310000);
  }
}

// A share column ("Förbrukat, %") holds percentages whether or not its
// cells print the sign: no amount, never money.
TEST(InterimReportLayoutTest, ShareColumnWithoutPercentSigns) {
  struct Case {
    const char* name;
    std::vector<std::pair<std::string, double>> head;  // words and their right edges
    bool share;
  };
  const std::vector<Case> cases = {
      {"Förbrukat, %", {{"Förbrukat,", 478}, {"%", 490}}, true},
      {"Andel", {{"Andel", 490}}, true},
      {"control: an outcome column", {{"Utfall", 460}, {"2025", 490}}, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Text("Insatser (tkr)", 40, 12);
    pb.Add(fixtures::R("Budget", 300, 70));
    pb.Add(fixtures::R("2026", 330, 70));
    pb.Add(fixtures::R("Utfall", 380, 70));
    pb.Add(fixtures::R("2026", 410, 70));
    for (const auto& [word, right] : c.head) pb.Add(fixtures::R(word, right, 70));
    pb.Row("Unga in", 86, kRights, {"3 800", "2 350", "62"});
    pb.Row("Vägen vidare", 100, kRights, {"4 200", "2 610", "62"});
    pb.Row("Summa", 114, kRights, {"8 000", "4 960", "62"});
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("delårsrapport", {pb.words}));
    ASSERT_EQ(ts.size(), 1u);
    ASSERT_EQ(ts[0].columns.size(), 3u) << Columns(ts[0]);
    for (const TableRow& r : ts[0].rows) {
      ASSERT_EQ(r.cells.size(), 3u);
      EXPECT_EQ(r.cells[2].is_percent, c.share) << r.label;
      EXPECT_EQ(r.cells[2].amount_sek, c.share ? 0 : 62000) << r.label;
      EXPECT_EQ(r.cells[2].value, 62) << r.label;
    }
  }
}

// An interim report's header wrapped in narrow cells, as English-model OCR
// prints it: kinds with a part of the year on the first line, the year and
// the deviation's own words on the next two. The deviation compares the
// forecast with the budget, as its header says.
TEST(InterimReportDumpTest, HeaderWrappedOverThreeLines) {
  const std::string rows =
      "Intakter\n"
      "Medlemsavgifter 9000 13500 13 500 0 13 000\n"
      "Ovriga intakter 120 0 150 150 85\n"
      "Summa intakter 9120 13 500 13 650 150 13 085\n"
      "Kostnader\n"
      "Kansli -1640 -2 600 -2 500 100 -2 450\n"
      "Insatser -6 900 -11 380 -11 200 180 -10 900\n"
      "Summa kostnader -8 540 -13 980 -13 700 280 -13 350\n"
      "Periodens resultat 580 -480 -50 430 -265\n";
  struct Case {
    const char* name;
    std::string header;
    std::string columns;
  };
  const std::vector<Case> cases = {
      {"three lines", "Utfall jan-aug} Budget 2026| Prognos 2026 Awikelse Utfall 2025\n2026 prognos mot\nbudget\n",
       "[utfall 2026 01-08][budget 2026][prognos 2026][avvikelse 2026][utfall 2025]"},
      {"control: one line", "Utfall jan-aug 2026 Budget 2026 Prognos 2026 Avvikelse Utfall 2025\n",
       "[utfall 2026 01-08][budget 2026][prognos 2026][avvikelse 2026][utfall 2025]"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts =
        FromDump("Tabell 1. Driftredovisning (tkr)\n\n" + c.header + rows, "delårsrapport", 2026);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), c.columns);
    EXPECT_EQ(ts[0].rows.size(), 7u);  // the section headings carry no row
    // Every deviation is the forecast's and holds; none reads as utfall − budget.
    int deviations = 0;
    for (const Constraint& con : TableConstraints(ts[0])) {
      if (con.rule != kRuleAvvikelse) continue;
      ++deviations;
      EXPECT_NE(con.what.find("prognos − budget"), std::string::npos) << con.what;
      EXPECT_TRUE(Holds(ts[0], con)) << con.what;
    }
    EXPECT_EQ(deviations, 7);
  }
}

// Without the header's word, the arithmetic says which column a deviation
// is taken from; with neither, utfall as before.
TEST(InterimReportDumpTest, DeviationFromTheColumnTheRowsAgreeWith) {
  struct Case {
    const char* name;
    std::string rows;
    const char* from;
  };
  const std::vector<Case> cases = {
      {"the forecast's", "Intakter 900 1 300 1 350 50\nKostnader -800 -1 200 -1 150 50\nResultat 100 100 200 100\n",
       "prognos − budget"},
      {"control: the outcome's", "Intakter 1 320 1 300 1 350 20\nKostnader -1 230 -1 200 -1 150 -30\nResultat 90 100 200 -10\n",
       "utfall − budget"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(
        "Uppfoljning (tkr)\n\nUtfall 2026 Budget 2026 Prognos 2026 Avvikelse\n" + c.rows, "delårsrapport", 2026);
    ASSERT_EQ(ts.size(), 1u);
    int deviations = 0;
    for (const Constraint& con : TableConstraints(ts[0])) {
      if (con.rule != kRuleAvvikelse) continue;
      ++deviations;
      EXPECT_NE(con.what.find(c.from), std::string::npos) << con.what;
    }
    EXPECT_EQ(deviations, 3);
  }
}

// "Alla belopp anges i tusental kronor" with a letter OCR misread (or its
// "i" read as "1" or "l") still names the document's unit.
TEST(InterimReportDumpTest, UnitStatementWithAMisreadLetter) {
  struct Case {
    const char* name;
    const char* sentence;
    const char* unit;
  };
  const std::vector<Case> cases = {
      {"as printed", "Alla belopp anges i tusental kronor om inget annat anges.", "tkr"},
      {"one letter misread", "Alla belopp anges i tuséntal kronor om inget annat anges.", "tkr"},
      {"i read as 1", "Arsredovisningen ar upprattad 1 svenska kronor, SEK.", "kr"},
      {"i read as l", "Alla belopp redovisas l tkr.", "tkr"},
      {"control: no statement", "Alla siffror kommer från ekonomisystemet.", ""},
      {"control: a count, no unit", "Foreningen har upprattat 1 plan for underhall.", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts =
        FromDump(std::string("Ekonomi\n\n") + c.sentence +
                     "\n\nTabell 1. Budget\n\nBudget 2025 Budget 2026\nIntakter 1 600 1 650\n"
                     "Kostnader 1 500 1 600\nResultat 100 50\n",
                 "verksamhetsplan", 2025);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(ts[0].unit, c.unit);
  }
}

// A zero before a thousands group is no figure ("0 150"): a row whose
// Budget cell is 0 reads as five values, not four.
TEST(InterimReportDumpTest, ZeroBeforeAGroupIsTwoFigures) {
  std::vector<FinancialTable> ts =
      FromDump("Driftredovisning (tkr)\n\nUtfall 2026 Budget 2026 Prognos 2026 Avvikelse Utfall 2025\n"
               "Medlemsavgifter 9 000 13 500 13 500 0 13 000\n"
               "Ovriga intakter 120 0 150 150 85\n"
               "Summa intakter 9 120 13 500 13 650 150 13 085\n",
               "delårsrapport", 2026);
  ASSERT_EQ(ts.size(), 1u);
  ASSERT_EQ(ts[0].rows.size(), 3u);
  const TableRow& r = ts[0].rows[1];
  ASSERT_EQ(r.cells.size(), 5u);
  const double want[] = {120, 0, 150, 150, 85};
  for (size_t k = 0; k < 5; ++k) {
    EXPECT_TRUE(r.cells[k].present) << k;
    EXPECT_EQ(r.cells[k].value, want[k]) << k;
  }
  std::vector<Flag> flags;
  RepairTables(ts, &flags);
  for (const Flag& f : flags) EXPECT_NE(f.rule, "read.ambiguous") << f.message;
}

// A kind whose second word wrapped beside the years ("Förslag" over
// "budget" over "2027", next to "Bokslut" over "2025"): one header.
TEST(PlanLayoutTest, KindWrappedBesideTheYears) {
  struct Case {
    const char* name;
    bool wrapped;  // "Förslag" / "budget" / "2027"; else "Budget" / "2027"
  };
  const std::vector<Case> cases = {{"wrapped kind", true}, {"control: kind and year", false}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Text("Tabell 1. Budget 2027 och plan 2028", 40, 12);
    pb.Text("Tkr", 70);
    pb.Add(fixtures::R("Bokslut", 330, 70));
    pb.Add(fixtures::R("Budget", 410, 70));
    pb.Add(fixtures::R(c.wrapped ? "Förslag" : "Budget", 490, 70));
    pb.Add(fixtures::R("Plan", 545, 70));
    pb.Add(fixtures::R("2028", 570, 70));
    pb.Add(fixtures::R("2025", 330, 80));
    pb.Add(fixtures::R("2026", 410, 80));
    if (c.wrapped) {
      pb.Add(fixtures::R("budget", 490, 80));
      pb.Add(fixtures::R("2027", 490, 90));
    } else {
      pb.Add(fixtures::R("2027", 490, 80));
    }
    pb.Row("Medlemsavgifter", 106, kRights, {"11 000", "11 400", "11 800", "12 000"});
    pb.Row("Kostnader", 120, kRights, {"12 040", "12 400", "12 800", "13 000"});
    pb.Row("Årets resultat", 134, kRights, {"-1 040", "-1 000", "-1 000", "-1 000"});
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {pb.words}));
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[utfall 2025][budget 2026][budget 2027][plan 2028]");
    EXPECT_EQ(ts[0].title, "Tabell 1. Budget 2027 och plan 2028");
    ASSERT_EQ(ts[0].rows.size(), 3u);
    EXPECT_EQ(ts[0].rows[0].cells[2].amount_sek, 11800000);
  }
}

// A member fee's column named by the fee and its year, beside a share
// column whose head is set right over wider figures ("Andel" over
// "12,1 %"): the shares stay out of the labels and the fees are money.
TEST(PlanLayoutTest, FeeColumnBesideAShareColumn) {
  PageBuilder pb;
  pb.Text("Tabell 2. Medlemsavgifter 2027 (kronor)", 40, 12);
  pb.Text("Medlem", 70);
  pb.Add(fixtures::R("Andel", 360, 70));
  pb.Add(fixtures::R("Medlemsavgift", 480, 70));
  pb.Add(fixtures::R("2027", 510, 70));
  const std::vector<double> rights = {360, 510};
  pb.Row("Staten", 86, rights, {"50 %", "5 900 000"});
  pb.Row("Regionen", 100, rights, {"25 %", "2 950 000"});
  pb.Row("Skövde kommun", 114, rights, {"12,1 %", "1 427 800"});
  pb.Row("Hjo kommun", 128, rights, {"12,9 %", "1 522 200"});
  pb.Row("Summa", 142, rights, {"100 %", "11 800 000"});
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {pb.words}));
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(Columns(ts[0]), "[budget 2027]");
  ASSERT_EQ(ts[0].rows.size(), 5u);
  EXPECT_EQ(ts[0].rows[2].label, "Skövde kommun");
  EXPECT_EQ(ts[0].rows[2].cells[0].amount_sek, 1427800) << ts[0].rows[2].cells[0].raw;
  EXPECT_EQ(ts[0].rows[4].cells[0].amount_sek, 11800000) << ts[0].rows[4].cells[0].raw;
}

// A sentence under a table whose only figure is a date's day ("… per den
// 31" / "augusti."): prose, no row, in a dump as on a page.
TEST(PlanDumpTest, DateUnderATableIsNoRow) {
  struct Case {
    const char* name;
    std::string after;
    size_t rows;
  };
  const std::vector<Case> cases = {
      {"a day named by 'den'",
       "Styrelsen foljer upp verksamhetsplanen vid varje sammantrade och i delarsrapporten per den 31\naugusti.\n", 3},
      {"control: a row with a figure", "Ovrigt 40\n", 4},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(
        "Tabell 3. Insatser 2027 (tkr)\n\nInsats Budget 2027\nJobbsparet 3 200\nUnga till arbete 2 180\n"
        "Summa insatser 5 380\n" + c.after,
        "verksamhetsplan", 2027);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(ts[0].rows.size(), c.rows);
  }
}

// A plan's header as English-model OCR prints it: "Förslag" over "budget"
// over "2027" beside kinds over years; a U+2212 minus read as two dashes;
// shares printed "50 %" beside a fee column.
TEST(PlanDumpTest, WrappedKindsDoubleMinusAndShares) {
  std::vector<FinancialTable> ts = FromDump(
      "Tabell 1. Budget 2027 och plan 2028-2029\n\nTkr Bokslut Budget Forslag Plan 2028 Plan 2029\n"
      "2025 2026 budget\n2027\nMedlemsavgifter 11 000 11 400 11 800 12 000 12 000\n"
      "Kostnader 11 730 12 400 12 800 13 000 13 000\nArets resultat -—730 —1 000 -—1 000 -—1 000 -—1 000\n\n"
      "Tabell 2. Medlemsavgifter 2027 (kronor)\n\nMedlem Andel Medlemsavgift 2027\n"
      "Forsakringskassan och 50 % 5 900 000\nArbetsformedlingen\n\nVastra Gotalandsregionen 25% 2 950 000\n"
      "Skovde kommun 25,0 % 2 950 000\nSumma 100 % 11 800 000\n",
      "verksamhetsplan", 2027);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(Columns(ts[0]), "[utfall 2025][budget 2026][budget 2027][plan 2028][plan 2029]");
  ASSERT_EQ(ts[0].rows.size(), 3u);
  const double result[] = {-730, -1000, -1000, -1000, -1000};
  for (size_t k = 0; k < 5; ++k) EXPECT_EQ(ts[0].rows[2].cells[k].value, result[k]) << k;
  EXPECT_EQ(Columns(ts[1]), "[budget 2027]");
  ASSERT_EQ(ts[1].rows.size(), 4u);
  EXPECT_EQ(ts[1].rows[0].cells[0].amount_sek, 5900000);
  EXPECT_EQ(ts[1].rows[3].cells[0].amount_sek, 11800000);
}

// psm 3 on a page of borderless statements: every table's labels under its
// caption, then the columns in an order of OCR's own (the cash flow's 2025,
// the note's 2025, the balance's two dates, then the others' 2024). The
// columns go to the tables the sums agree with; "Årets kassaflöde" is a row,
// not a caption; a dated signature under the last table is no label; a
// figure whose first thousands space OCR lost ("2729 155") stays one.
TEST(AnnualReportDumpTest, StatementColumnsInOcrsOwnOrder) {
  const std::string labels =
      "Balansrakning\n\nBelopp i kronor\nKortfristiga fordringar\nKassa och bank\nSumma tillgangar\n"
      "Eget kapital\nKortfristiga skulder\nSumma eget kapital och skulder\n"
      "Kassaflodesanalys\nBelopp i kronor\nArets resultat\nForandring av fordringar\nArets kassaflode\n"
      "Likvida medel vid arets borjan\nLikvida medel vid arets slut\n"
      "Asele den 18 februari 2026\nStyrelsen for Samordningsforbundet Provdalen\n";
  struct Case {
    const char* name;
    std::string columns;
    size_t tables;
  };
  const std::vector<Case> cases = {
      {"OCR's order",
       "2025\n-127 298\n83 890\n-43 408\n2 992 182\n2 948 774\n"
       "2025-12-31\n186 420\n2 948 774\n3 135 194\n2 601 857\n533 337\n3 135 194\n"
       "2024-12-31\n240 310\n2 992 182\n3 232 492\n2729 155\n503 337\n3 232 492\n"
       "2024\n159 155\n-48 800\n110 355\n2 881 827\n2 992 182\n",
       2},
      {"control: a year at a time in the tables' order",
       "2025-12-31\n186 420\n2 948 774\n3 135 194\n2 601 857\n533 337\n3 135 194\n"
       "2025\n-127 298\n83 890\n-43 408\n2 992 182\n2 948 774\n"
       "2024-12-31\n240 310\n2 992 182\n3 232 492\n2 729 155\n503 337\n3 232 492\n"
       "2024\n159 155\n-48 800\n110 355\n2 881 827\n2 992 182\n",
       2},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(labels + c.columns, "årsredovisning", 2025);
    ASSERT_EQ(ts.size(), c.tables);
    EXPECT_EQ(Columns(ts[0]), "[utfall 2025][utfall 2024]");
    ASSERT_EQ(ts[0].rows.size(), 6u);
    EXPECT_EQ(ts[0].rows[3].cells[1].value, 2729155);  // Eget kapital 2024
    EXPECT_EQ(Columns(ts[1]), "[utfall 2025][utfall 2024]");
    ASSERT_EQ(ts[1].rows.size(), 5u);
    EXPECT_EQ(ts[1].rows[2].label, "Arets kassaflode");  // as printed: the repair stage restores diacritics
    EXPECT_EQ(ts[1].rows[2].cells[0].value, -43408);
  }
}

// "Belopp i kronor Not" over labels with their note references: the unit
// and the Not head on one line.
TEST(AnnualReportDumpTest, UnitAndNoteHeadOnOneLine) {
  std::vector<FinancialTable> ts = FromDump(
      "Resultatrakning\n\nBelopp i kronor Not\nVerksamhetens intakter 1\nVerksamhetens kostnader 2\n\n"
      "Verksamhetens resultat\nFinansiella intakter\nArets resultat\n\n2025\n\n4 260 000\n—4 395 512\n-135 512\n\n"
      "8 214\n-127 298\n\n2024\n\n4 180 000\n—4 021 880\n158 120\n1035\n\n159 155\n",
      "årsredovisning", 2025);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].unit, "kr");
  ASSERT_EQ(ts[0].rows.size(), 5u);
  EXPECT_EQ(ts[0].rows[0].label, "Verksamhetens intakter");
  EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 4260000);
  EXPECT_EQ(ts[0].rows[4].cells[1].amount_sek, 159155);
}

}  // namespace
}  // namespace finsam
