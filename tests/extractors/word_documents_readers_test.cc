// Reader rules found on the made-up Word documents (tests/data/unseen/word/,
// issue 16): each on a made-up snippet, as an OCR text dump or as a page of
// positioned words, with a control that must stay as it was.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "extractors/checks.h"
#include "extractors/financial_tables.h"
#include "extractors/number_repair.h"
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


std::string Labels(const FinancialTable& t) {
  std::string s;
  for (const TableRow& r : t.rows) s += "[" + r.label + "]";
  return s;
}

// --- OCR dumps ---

TEST(WordDocumentDumpTest, HeadersAsOcrPrintsThem) {
  struct Case {
    const char* name;
    std::string text;
    std::string kind;
    int year_from;
    std::string columns;  // of the first table
    size_t rows;
    int64_t first_amount = 0;  // of its first row's first cell (0: not checked)
    std::string labels = "";   // of the first table's rows ("": not checked)
  };
  const std::string rows3 =
      "Intakter 1 550 1 600 1 650\nKostnader 1 400 1 500 1 600\nResultat 150 100 50\n";
  const std::vector<Case> cases = {
      {"kind glued to its year", "Budget i tkr\n\nUtfall 2024 Budget 2025 Plan2026\n" + rows3, "verksamhetsplan", 2025,
       "[utfall 2024][budget 2025][plan 2026]", 3},
      {"yearless Avvikelse last", "Belopp i tkr\n\nBudget 2025 Utfall 2025 Avvikelse\n" + rows3, "årsredovisning", 2025,
       "[budget 2025][utfall 2025][avvikelse 2025]", 3},
      {"control: kinds spaced", "Budget i tkr\n\nUtfall 2024 Budget 2025 Plan 2026\n" + rows3, "verksamhetsplan", 2025,
       "[utfall 2024][budget 2025][plan 2026]", 3},
      {"another table's header ends the table",
       "Belopp i tkr\n\nBudget 2025 Utfall 2025 Avvikelse\n" + rows3 +
           "Resultatrakning\nBelopp i tkr\nNot 2025 2024\nVerksamhetens intakter 1 14 200 13 600\n",
       "årsredovisning", 2025, "[budget 2025][utfall 2025][avvikelse 2025]", 3},
      {"newest-first bare years before the plan: outcomes",
       "Oversikt i tkr\n\n2024 2023 2022\n" + rows3, "verksamhetsplan", 2026, "[utfall 2024][utfall 2023][utfall 2022]",
       3},
      {"control: bare years forward stay budget and plan", "Budget i tkr\n\n2026 2027 2028\n" + rows3,
       "verksamhetsplan", 2026, "[budget 2026][plan 2027][plan 2028]", 3},
      // (Each bare year by the plan's period: its first year the budget,
      // later ones plan, the year before it budget in doubt, read.kind.)
      {"control: newest first but inside the plan's period", "Budget i tkr\n\n2027 2026 2025\n" + rows3,
       "verksamhetsplan", 2026, "[plan 2027][budget 2026][budget 2025]", 3},
      {"bare years before a plan's period (its kinds row lost): not its budget",
       "Tkr\n\n2025 2026 2027 2028\nIntakter 1 550 1 600 1 650 1 650\nKostnader 1 400 1 500 1 600 1 600\n"
       "Resultat 150 100 50 50\n",
       "verksamhetsplan", 2027, "[utfall 2025][budget 2026][budget 2027][plan 2028]", 3},
      {"a Not column's references are no values",
       "Resultatrakning\nBelopp i kr\n\nNot 2025 2024\nVerksamhetens intakter 1 14 200 000 13 600 000\n"
       "Verksamhetens kostnader 2 -14 000 000 -13 000 000\nVerksamhetens resultat 200 000 600 000\n",
       "årsredovisning", 2025, "[utfall 2025][utfall 2024]", 3, 14200000},
      {"control: a row's first group of three digits stays a thousands group",
       "Resultatrakning\nBelopp i kr\n\nNot 2025 2024\nVerksamhetens intakter 1 200 000 1 100 000\n"
       "Verksamhetens kostnader -1 000 000 -900 000\nVerksamhetens resultat 200 000 200 000\n",
       "årsredovisning", 2025, "[utfall 2025][utfall 2024]", 3, 1200000},
      {"a note reference before a thousands group: the sums choose the note",
       "Balansrakning\nBelopp i tkr\n\nNot 2026-08-31 2025-12-31\nKortfristiga fordringar 1 310 655\n"
       "Kassa och bank 6 480 5 665\nSumma tillgangar 6 790 6 320\n",
       "delårsrapport", 2026, "[utfall 2026 01-08][utfall 2025]", 3, 310000},
      {"closing dates name the columns",
       "Balansrakning\nBelopp i kr\n\n2025-12-31 2024-12-31\nKassa och bank 100 000 90 000\n"
       "Fordringar 50 000 40 000\nSumma tillgangar 150 000 130 000\n",
       "årsredovisning", 2025, "[utfall 2025][utfall 2024]", 3, 100000},
      // w14 (session 48): closing dates written in words, as printed and as
      // OCR glued the day to its month.
      {"closing dates in words name the columns",
       "Balansrakning\nBelopp i tkr Not 31 dec 2025 31 dec 2024\nFordringar 318 402\n"
       "Kassa och bank 3 5 230 5 689\nSumma tillgangar 5 548 6 091\n",
       "årsredovisning", 2025, "[utfall 2025][utfall 2024]", 3, 318000},
      {"a day glued to its month",
       "Balansrakning\nBelopp i tkr Not -31dec 2025 31 december 2024\nFordringar 318 402\n"
       "Kassa och bank 3 5 230 5 689\nSumma tillgangar 5 548 6 091\n",
       "årsredovisning", 2025, "[utfall 2025][utfall 2024]", 3, 318000},
      {"control: a period's end before the years is no column",
       "Kassaflodesanalys (tkr)\n1 januari - 31 december 2025 2024\nRorelseresultat 318 402\n"
       "Avskrivningar 5 230 5 689\nKassaflode 5 548 6 091\n",
       "årsredovisning", 2025, "[utfall 2025][utfall 2024]", 3, 318000},
      // A share column headed in words after the years (w14).
      {"a share column after the years",
       "Budget och utfall 2025 (tkr)\n\nBudget 2025 Utfall 2025 Utfall i % av budget\n"
       "Medlemsavgifter 10 400 10 400 100\nOvriga intakter 0 50 -\nSumma intakter 10 400 10 450 100\n",
       "årsredovisning", 2025, "[budget 2025][utfall 2025][andel 0]", 3, 10400000},
      // A unit printed after every figure names the table's unit (w14).
      {"a unit after each figure",
       "Finansierade insatser 2025\n\nInsats Beviljat 2025 Utfall 2025\n"
       "Steget vidare 2 400 000 kr 2 361 500 kr\nUnga till arbete 1 900 000 kr 1 874 200 kr\n"
       "Summa 4 300 000 kr 4 235 700 kr\n",
       "årsredovisning", 2025, "[budget 2025][utfall 2025]", 3, 2400000},
      // Accountant's negatives with their thousands set apart (w14).
      {"negatives in parentheses",
       "Resultatrakning\nBelopp i tkr\n\nNot 2025 2024\nVerksamhetens kostnader 2 (10 812) (9 960)\n"
       "Verksamhetens intakter 1 10 450 10 200\nVerksamhetens resultat (362) 240\n",
       "årsredovisning", 2025, "[utfall 2025][utfall 2024]", 3, -10812000},
      // Kinds without years under a caption of one year, negatives with a
      // trailing minus (w16's driftredovisning).
      {"kinds without years under a caption of one year",
       "Driftredovisning 2025\nBelopp i tkr. Negativa belopp anges med minustecken efter beloppet.\n\n"
       "Budget Utfall Avvikelse\nMedlemsavgifter 12 600 12 600 0\nInsatser 9 400- 9 012- 388\n"
       "Resultat 3 200 3 588 388\n",
       "årsredovisning", 2025, "[budget 2025][utfall 2025][avvikelse 2025]", 3, 12600000},
      {"a trailing minus",
       "Driftredovisning 2025 (tkr)\n\nBudget 2025 Utfall 2025\nInsatser 9 400- 9 012-\nOvrigt 600- 588-\n"
       "Summa 10 000- 9 600-\n",
       "årsredovisning", 2025, "[budget 2025][utfall 2025]", 3, -9400000},
      // A period in one word joined by an em dash, OCR's "-—" too (w16).
      {"periods joined by an em dash",
       "Resultatrakning\nBelopp i kronor\n\nNot 2025-01-01\u20142025-12-31 2024-01-01-\u20142024-12-31\n"
       "Verksamhetens intakter 1 12 600 000,00 12 000 000,00\nVerksamhetens kostnader 2 -12 905 431,50 -11 712 118,25\n"
       "Verksamhetens resultat -305 431,50 287 881,75\n",
       "årsredovisning", 2025, "[utfall 2025][utfall 2024]", 3, 12600000},
      // The report's year and the one before, named without years (w16).
      {"Innevarande år and Föregående år",
       "Not 1 Verksamhetens intakter (kr)\n\nMedlem Innevarande ar Foregaende ar\n"
       "Forsakringskassan 6 300 000 6 000 000\nRegionen 3 150 000 3 000 000\nSumma 9 450 000 9 000 000\n",
       "årsredovisning", 2025, "[utfall 2025][utfall 2024]", 3, 6300000},
      // Years down the side, measures over the columns: turned, the years
      // the columns (the figures of a year that group two ways in doubt).
      {"years down the side",
       "Ekonomisk utveckling 2021-2023, tkr\n\nAr Intakter Kostnader Arets resultat\n"
       "2021 11 200 -11 450 -250\n2022 11 400 -11 480 -80\n2023 11 800 -11 600 200\n",
       "årsredovisning", 2023, "[utfall 2021][utfall 2022][utfall 2023]", 3, 11200000,
       "[Intakter][Kostnader][Arets resultat]"},
      // "Belopp 2027" heads the year's amounts as "Medlemsavgift 2027" does
      // (w17: before, the header was no header and the fees ran on as rows
      // of the table above).
      {"an amount column named with its year",
       "Medlemsavgifter 2027\n\nMedlem Andel Belopp 2027\nForsakringskassan 50 % 4 000 000 kr\n"
       "Region Vasterbotten 25 % 2 000 000 kr\nUmea kommun 25 % 2 000 000 kr\nTotalt 100 % 8 000 000 kr\n",
       "verksamhetsplan", 2027, "[budget 2027]", 4, 4000000},
      // A one-column header with the unit after its year names the
      // column's unit (w15's "Avgift 2027, kr"; before, no table).
      {"a unit after the one column's year",
       "Medlemsavgifter 2027\n\nMedlem Avgift 2027, kr\nForsakringskassan 1 800 000\nRegion Gavleborg 1 800 000\n"
       "Ljusdals kommun 601 600\nSumma 4 201 600\n",
       "verksamhetsplan", 2027, "[budget 2027]", 4, 1800000},
      // An account-number column, a change column among the kinds with no
      // year of its own, labels wrapped under their figures, a border read
      // onto a kind, a footnote star after a figure, the unit in the first
      // of two sentences (w15).
      {"account numbers, a change column, wrapped labels",
       "Belopp i tusen kronor. Kostnader anges med minustecken.\n"
       "Konto | Post Bokslut Budget Budget) Forandring Plan\n2025 2026 2027 2028\n"
       "3010 |Medlemsavgift 1675 1 725 1 800 75 1 800\nForsakringskassan\n"
       "3011 |Medlemsavgift 1675 1 725 1 800 75 1 800\nArbetsformedlingen\n"
       "Summa intakter 3 350 3 450 3 600 150 3 600\n"
       "4010 |Insatser -3 300 -3 400 -3 500 -100 -3 500*\n",
       "verksamhetsplan", 2027, "[utfall 2025][budget 2026][budget 2027][plan 2028]", 4, 1675000,
       "[Medlemsavgift Forsakringskassan][Medlemsavgift Arbetsformedlingen][Summa intakter][Insatser]"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(c.text, c.kind, c.year_from);
    ASSERT_FALSE(ts.empty());
    EXPECT_EQ(Columns(ts[0]), c.columns);
    EXPECT_EQ(ts[0].rows.size(), c.rows) << Labels(ts[0]);
    if (!c.labels.empty()) {
      EXPECT_EQ(Labels(ts[0]), c.labels);
    }
    if (std::string(c.name) == "account numbers, a change column, wrapped labels") {
      // The footnote star after the last figure is no digit of it.
      const TableRow& last = ts[0].rows.back();
      ASSERT_FALSE(last.cells.empty());
      EXPECT_EQ(last.cells.back().amount_sek, -3500000) << last.cells.back().raw;
    }
    if (c.first_amount != 0 && !ts[0].rows.empty() && !ts[0].rows[0].cells.empty()) {
      // A reading the reader chose among others is open until the repair
      // stage finds the sums confirm it.
      std::vector<Flag> flags;
      RepairTables(ts, &flags);
      EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, c.first_amount);
      EXPECT_EQ(ts[0].rows[0].cells[0].status, "ok");
    }
  }
}

TEST(WordDocumentDumpTest, UnitSentenceAboveTheCaption) {
  struct Case {
    const char* name;
    std::string above;
    std::string unit;  // "" = none found
  };
  const std::vector<Case> cases = {
      {"names the table below", "Alla belopp i tabellen nedan anges i tkr.", "tkr"},
      {"the table below, in kronor", "Beloppen i nedanstående tabell anges i tusentals kronor.", "tkr"},
      {"names no table: not this table's", "Förbundets kapital redovisas i tkr.", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string text = "Inledning\n\n" + c.above +
                       "\n\nTabell 1. Budget och plan\n\nBudget 2025 Budget 2026\nIntakter 1 600 1 650\n"
                       "Kostnader 1 500 1 600\nResultat 100 50\n";
    std::vector<FinancialTable> ts = FromDump(text, "verksamhetsplan", 2025);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(ts[0].unit, c.unit);
  }
}

TEST(WordDocumentDumpTest, UnitAsTheLastSentenceOfALine) {
  struct Case {
    const char* name;
    std::string above;
    std::string unit;
  };
  const std::vector<Case> cases = {
      {"Belopp i kr.", "Förbundet finansierade fyra insatser. Belopp i kr.", "kr"},
      {"Samtliga belopp i tkr", "Insatserna redovisas nedan. Samtliga belopp i tkr", "tkr"},
      {"control: an amount in the last sentence", "Insatserna kostade mer. Det blev 300 kr.", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string text = "Insatser 2025\n\n" + c.above +
                       "\n\nInsats Budget 2025 Utfall 2025\nSteget 2 400 000 2 310 455\nUng Kraft 1 850 000 1 796 300\n"
                       "Summa 4 250 000 4 106 755\n";
    std::vector<FinancialTable> ts = FromDump(text, "årsredovisning", 2025);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(ts[0].unit, c.unit);
  }
}

// A document whose one table says "Belopp i tkr." (read as the document's
// statement, for tables that print no unit) and whose next table says "…
// insatser. Belopp i kr." right above it: the line over a table speaks for
// it first (a w4 born-digital PDF loaded kronor as tkr, 1 000 times too big).
TEST(WordDocumentDumpTest, UnitLineOverATableBeforeTheDocumentsStatement) {
  struct Case {
    const char* name;
    std::string above;  // the line over the second table
    std::string unit;
  };
  const std::vector<Case> cases = {
      {"its own line: kr", "Förbundet finansierade tre insatser. Belopp i kr.", "kr"},
      {"control: no line of its own, the document's tkr", "Förbundet finansierade tre insatser.", "tkr"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string text = "Medlemsbidrag\n\nKommunernas bidrag. Belopp i tkr.\n\nKommun Utfall 2025 Utfall 2024\n"
                       "Askby kommun 80 75\nBergby kommun 410 395\nSumma 490 470\n\n\n\nInsatser 2025\n\n" + c.above +
                       "\n\nInsats Budget 2025 Utfall 2025\nSteget 2 400 000 2 310 455\nUng Kraft 1 850 000 1 796 300\n"
                       "Summa 4 250 000 4 106 755\n";
    std::vector<FinancialTable> ts = FromDump(text, "årsredovisning", 2025);
    ASSERT_EQ(ts.size(), 2u);
    EXPECT_EQ(ts[0].unit, "tkr");
    EXPECT_EQ(ts[1].unit, c.unit);
  }
}

// A table set with tab stops, as Tesseract's automatic segmentation prints
// it: the first column beside the labels, each other column further down
// under its own header, one figure a line, and a second table's columns
// interleaved with the first's.
TEST(WordDocumentDumpTest, ColumnsPrintedApartFromTheLabels) {
  const std::string budget_body =
      "Intakter\nStaten 800\nRegion 400\nKommunerna 400\nSumma intakter 1 600\nKostnader\n"
      "Insatser 1 200\nKansli 350\nSumma kostnader 1 550\nResultat 50\n";
  const std::string col = "Budget\n2025\n\n820\n410\n410\n1 640\n\n1 300\n360\n1 660\n-20\n\n";
  const std::string col2 = "Plan\n2026\n\n840\n420\n420\n1 680\n\n1 300\n370\n1 670\n10\n\n";
  const std::string overview = "Oversikt i tkr.\n\n2024\nIntakter 1 600\nKostnader 1 550\nArets resultat 50\n\n";
  const std::string ov23 = "2023\n1 500\n\n1 450\n50\n\n";
  const std::string ov22 = "2022\n1 400\n1 420\n-20\n\n";
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> columns;  // of each table, in order
    int64_t last_amount;               // the first table's last row, last column, kronor
  };
  const std::vector<Case> cases = {
      {"kind over year, two blocks", "Budget i tkr.\n\nUtfall\n2024\n" + budget_body + "\n" + col + col2,
       {"[utfall 2024][budget 2025][plan 2026]"}, 10000},
      {"kind and year on one line", "Budget i tkr.\n\nUtfall 2024\n" + budget_body + "\nBudget 2025\n\n820\n410\n410\n"
       "1 640\n\n1 300\n360\n1 660\n-20\n", {"[utfall 2024][budget 2025]"}, -20000},
      {"two tables' blocks interleaved",
       "Budget i tkr.\n\nUtfall\n2024\n" + budget_body + "\n" + col + overview + "Verksamhet\n\n" + ov23 + col2 + ov22,
       {"[utfall 2024][budget 2025][plan 2026]", "[utfall 2024][utfall 2023][utfall 2022]"}, 10000},
      {"control: a block with one figure more is another column",
       "Budget i tkr.\n\nUtfall\n2024\n" + budget_body + "\n" + col + "Plan\n2026\n\n840\n420\n420\n1 680\n\n1 300\n"
       "370\n1 670\n10\n99\n",
       {"[utfall 2024][budget 2025]"}, -20000},
      // w21 (session 53): the other heads on one line under the table
      // ("Utfall 2025  Avvikelse, tkr"), a sentence and another table
      // between it and the first of them's figures.
      {"heads on one line, the first's figures further down",
       "Budget i tkr.\n\nUtfall 2024\n" + budget_body + "\nBudget 2025 Avvikelse, tkr\n\n"
       "Positiv avvikelse innebar ett battre utfall an budgeterat.\n\nInsatser 2025\n\nInsats Beviljat 2025\n"
       "Steg ett 500\nSteg tva 700\nSumma 1 200\n\n820\n410\n410\n1 640\n\n1 300\n360\n1 660\n-20\n\nKvar\n",
       {"[utfall 2024][budget 2025]", "[budget 2025]"}, -20000},
      {"control: the figures under a line of heads one more than the rows",
       "Budget i tkr.\n\nUtfall\n2024\n" + budget_body + "\n" + col + "Plan 2026 Avvikelse, tkr\n\n"
       "Positiv avvikelse innebar ett battre utfall an budgeterat.\n\n840\n420\n420\n1 680\n\n1 300\n370\n"
       "1 670\n10\n99\n\nKvar\n",
       {"[utfall 2024][budget 2025]"}, -20000},
      {"control: a year alone heads no column of a kind-and-year table",
       "Budget i tkr.\n\nUtfall\n2024\n" + budget_body + "\n" + col + "2026\n\n840\n420\n420\n1 680\n\n1 300\n370\n"
       "1 670\n10\n",
       {"[utfall 2024][budget 2025]"}, -20000},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(c.text, "verksamhetsplan", 2025);
    ASSERT_EQ(ts.size(), c.columns.size());
    for (size_t t = 0; t < ts.size(); ++t) EXPECT_EQ(Columns(ts[t]), c.columns[t]) << t;
    const FinancialTable& b = ts[0];
    // The section headings (Intakter, Kostnader) carry no figure: sections, not rows.
    EXPECT_EQ(Labels(b), "[Staten][Region][Kommunerna][Summa intakter][Insatser][Kansli][Summa kostnader]"
                         "[Resultat]");
    EXPECT_EQ(b.rows[4].section, "Kostnader");
    ASSERT_EQ(b.rows.back().cells.size(), b.columns.size());
    EXPECT_EQ(b.rows.back().cells.back().amount_sek, c.last_amount);
    EXPECT_EQ(b.rows[0].cells[0].amount_sek, 800000);
    EXPECT_EQ(b.rows[0].doubt_rule, "read.pairing");  // the sums must confirm the pairing
  }
}

// Two captioned tables' labels, then their year columns one table at a
// time, as psm 3 prints a page of two small borderless tables: the second
// caption names its unit in brackets, the member table's label column has
// its own head ("Medlem"), and a sentence under the second table sits
// between the first year's columns and the next year's. The sums pair each
// column with its table.
TEST(WordDocumentDumpTest, BracketedUnitCaptionStartsTheNextTablesLabels) {
  const std::string labels =
      "Ekonomi\n\nBudget 2026 och plan 2027 (tkr)\n\nIntakter\nKostnader\nResultat\n\n"
      "Avgifter per medlem (tkr)\n\nMedlem\n\nStaten\nRegionen\nKommunerna\nSumma\n\n";
  const std::string first_year = "2026\n1 000\n-900\n100\n\n2026\n500\n250\n250\n1 000\n\n";
  const std::string second_year = "2027\n1 100\n-1 020\n80\n\n2027\n550\n275\n275\n1 100\n";
  struct Case {
    const char* name;
    std::string text;
    size_t tables;
  };
  const std::vector<Case> cases = {
      {"sentence between the years", labels + first_year + "Andelen fordelas efter invanarantal.\n\n" + second_year, 2},
      {"no sentence", labels + first_year + second_year, 2},
      // Control: a sentence after the last column and a page number under
      // it; the number is no figure of the last column.
      {"sentence and page number after the columns",
       labels + first_year + second_year + "\nBeloppen ar preliminara och kan andras.\n\n3\n", 2},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(c.text, "verksamhetsplan", 2026);
    ASSERT_EQ(ts.size(), c.tables);
    EXPECT_EQ(Labels(ts[0]), "[Intakter][Kostnader][Resultat]");
    EXPECT_EQ(Labels(ts[1]), "[Staten][Regionen][Kommunerna][Summa]");  // "Medlem" heads the labels
    EXPECT_EQ(ts[1].unit, "tkr");
    ASSERT_EQ(ts[0].columns.size(), 2u);
    ASSERT_EQ(ts[1].columns.size(), 2u);
    EXPECT_EQ(ts[0].rows[1].cells[1].amount_sek, -1020000);
    EXPECT_EQ(ts[1].rows[3].cells[1].amount_sek, 1100000);
    EXPECT_EQ(ts[1].rows[0].cells[0].amount_sek, 500000);
  }
}

// A count column printed in each row with the amounts ("Invånare" left of
// them, "Deltagare" right): its figure is no amount and no column of years.
TEST(WordDocumentDumpTest, CountColumnBesideTheAmounts) {
  struct Case {
    const char* name;
    std::string text;
    std::string labels;
    int64_t first, last;  // the first row's first amount, the last row's last
  };
  const std::vector<Case> cases = {
      {"count left, its figures grouping three ways",
       "Tabell 2. Medlemsbidrag (kronor)\n\nKommun Invanare Budget 2025 Budget 2026\n"
       "Askby kommun 11 290 340 000 351 000\nBergby kommun 16 020 465 000 480 000\n"
       "Summa kommunerna 27 310 805 000 831 000\n",
       "[Askby kommun][Bergby kommun][Summa kommunerna]", 340000, 831000},
      {"count right", "Insatser. Belopp i kr.\n\nInsats Budget 2025 Utfall 2025 Deltagare\n"
       "Steget 2 400 000 2 310 455 64\nUng Kraft 1 850 000 1 796 300 41\nSumma 4 250 000 4 106 755 105\n",
       "[Steget][Ung Kraft][Summa]", 2400000, 4106755},
      {"share column, a label wrapped after a joining word",
       "Tabell 2. Medlemsbidrag (kronor)\n\nMedlem Andel, % Budget 2026 Budget 2025\n"
       "Staten (Forsakringskassan och 50 6 600 000 6 400 000\nArbetsformedlingen)\n"
       "Region 25 3 300 000 3 200 000\nKommunerna 25 3 300 000 3 200 000\nSumma 100,0 13 200 000 12 800 000\n",
       "[Staten (Forsakringskassan och Arbetsformedlingen)][Region][Kommunerna][Summa]", 6600000, 12800000},
      {"control: no count column", "Tabell 2. Medlemsbidrag (kronor)\n\nKommun Budget 2025 Budget 2026\n"
       "Askby kommun 340 000 351 000\nBergby kommun 465 000 480 000\nSumma kommunerna 805 000 831 000\n",
       "[Askby kommun][Bergby kommun][Summa kommunerna]", 340000, 831000},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(c.text, "verksamhetsplan", 2025);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(ts[0].columns.size(), 2u);
    EXPECT_EQ(Labels(ts[0]), c.labels);
    ASSERT_FALSE(ts[0].rows.empty());
    EXPECT_EQ(ts[0].rows.front().cells.front().amount_sek, c.first);
    EXPECT_EQ(ts[0].rows.back().cells.back().amount_sek, c.last);
  }
}

// A statement's caption over a header line with as many columns as the
// table above: the next table, not a repeated header of this one.
TEST(WordDocumentDumpTest, CaptionOverAHeaderStartsTheNextTable) {
  const std::string first =
      "Resultatrakning\nBelopp i kr\n\nNot 2025 2024\nIntakter 1 14 200 13 600\nKostnader -14 000 -13 000\n"
      "Arets resultat 200 600\n";
  const std::string second = "Not 2025 2024\nKassa 6 874 7 402\nFordringar 512 388\nSumma tillgangar 7 386 7 790\n";
  struct Case {
    const char* name;
    std::string between;
    std::vector<size_t> rows;  // per table
  };
  const std::vector<Case> cases = {
      {"statement caption", "Balansrakning\nBelopp i kr\n\n", {3, 3}},
      {"note caption", "Noter\n\nNot 1 Kassa och fordringar\n\n", {3, 3}},
      {"control: a repeated header alone", "\n", {6}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(first + c.between + second, "årsredovisning", 2025);
    ASSERT_EQ(ts.size(), c.rows.size());
    for (size_t t = 0; t < ts.size(); ++t) {
      size_t rows = 0;
      for (const TableRow& r : ts[t].rows) rows += !r.is_header;
      EXPECT_EQ(rows, c.rows[t]) << t << " " << Labels(ts[t]);
    }
  }
}

// What Tesseract made of a tab-stop annual report (w4, written after these
// rules): kinds over years with a blank line between and no year for
// Avvikelse; the label header opening the years line; a caption with a year
// ending the table above it; an em dash for the minus; a Not column whose
// one-digit figures are values where the columns need them.
TEST(WordDocumentDumpTest, TabStopAnnualReportAsOcrPrintsIt) {
  const std::string text =
      "Medlemsbidrag\nKommunernas bidrag. Belopp i tkr.\nUtfall Utfall\n\nKommun Invanare 2025 2024\n"
      "Askby kommun 5 400 80 75\nBergby kommun 27 900 410 395\nSumma kommunerna 33 300 490 470\n"
      "Driftredovisning 2025\nBudget och utfall for aret, tkr.\n\nBudget Utfall  Avvikelse\n\n2025 2025\n\n"
      "Kostnader\nKansli 1150 1122 28\nInsatser 4300 3 968 332\nSumma kostnader 5 450 5 090 360\n"
      "Insatser 2025\nForbundet finansierade tva insatser. Belopp i kr.\n"
      "Insats Budget 2025 Utfall 2025 — Deltagare\nVagen vidare 1700000 1612300 48\n"
      "Ung framtid 1 600 000 1 402 700 37\nSumma 3300000 3015000 85\n"
      "Resultatrakning\n\nBelopp i tkr\n\nNot 2025 2024\nVerksamhetens intakter 1 5 345 5 180\n"
      "Verksamhetens kostnader —5 338 —5 402\nVerksamhetens resultat 7 —222\nFinansiella intakter 3 1\n"
      "Arets resultat 10 —221\n";
  std::vector<FinancialTable> ts = FromDump(text, "årsredovisning", 2025);
  ASSERT_EQ(ts.size(), 4u);
  EXPECT_EQ(Columns(ts[0]), "[utfall 2025][utfall 2024]");
  EXPECT_EQ(Labels(ts[0]), "[Askby kommun][Bergby kommun][Summa kommunerna]");
  EXPECT_EQ(ts[0].rows[2].cells[1].amount_sek, 470000);
  EXPECT_EQ(Columns(ts[1]), "[budget 2025][utfall 2025][avvikelse 2025]");
  EXPECT_EQ(Labels(ts[1]), "[Kansli][Insatser][Summa kostnader]");  // "Insatser 2025" is the next caption
  EXPECT_EQ(ts[1].rows[1].cells[2].amount_sek, 332000);
  EXPECT_EQ(Columns(ts[2]), "[budget 2025][utfall 2025]");
  EXPECT_EQ(ts[2].unit, "kr");
  EXPECT_EQ(ts[2].rows[0].cells[1].amount_sek, 1612300);  // the Deltagare count is no amount
  ASSERT_EQ(ts[3].rows.size(), 5u);
  EXPECT_EQ(ts[3].rows[1].cells.back().amount_sek, -5402000);  // "—5 402"
  EXPECT_EQ(ts[3].rows[2].cells.back().amount_sek, -222000);   // "7 —222": 7 is no note
  EXPECT_EQ(ts[3].rows[3].cells.front().amount_sek, 3000);     // "3 1": both values
  EXPECT_EQ(ts[3].rows[3].cells.back().amount_sek, 1000);
  EXPECT_EQ(ts[3].rows[0].cells.back().amount_sek, 5180000);   // "1 5 345 5 180": 1 is the note
}

// --- Born-digital pages (positioned words) ---

const std::vector<double> kRights = {330, 410, 490};
const std::vector<double> kWideRights = {320, 440, 560};

TEST(WordDocumentLayoutTest, TablesAndLinesAroundThem) {
  struct Case {
    const char* name;
    bool next_header_new_column;  // the second header adds Avvikelse
    bool date_line;               // a signature line under the table
    size_t tables;
    size_t first_rows;
  };
  const std::vector<Case> cases = {
      {"a header naming a new column starts a table", true, false, 2, 3},
      {"control: the same header again is a repeat", false, false, 1, 6},
      {"a written date's line is no row", false, true, 1, 3},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Text("Insatser 2025", 40, 12);
    pb.Text("Belopp i kr", 58);
    pb.Add(fixtures::R("Budget", 300, 80));
    pb.Add(fixtures::R("2025", 330, 80));
    pb.Add(fixtures::R("Utfall", 380, 80));
    pb.Add(fixtures::R("2025", 410, 80));
    pb.Row("Steget vidare", 96, kRights, {"2 400 000", "2 310 455"});
    pb.Row("Ung Kraft", 110, kRights, {"1 850 000", "1 796 300"});
    pb.Row("Summa", 124, kRights, {"4 250 000", "4 106 755"});
    if (c.date_line) {
      pb.TextAt("Karlstad den 12 februari 2026", 230, 146);
    } else {
      pb.Text("Driftredovisning 2025", 146, 12);
      pb.Text("Belopp i kr", 162);
      pb.Add(fixtures::R("Budget", 300, 178));
      pb.Add(fixtures::R("2025", 330, 178));
      pb.Add(fixtures::R("Utfall", 380, 178));
      pb.Add(fixtures::R("2025", 410, 178));
      if (c.next_header_new_column) pb.Add(fixtures::R("Avvikelse", 490, 178));
      std::vector<std::string> a = {"310 000", "298 410"}, b = {"2 900 000", "2 865 120"},
                               s = {"3 210 000", "3 163 530"};
      if (c.next_header_new_column) a.push_back("11 590"), b.push_back("34 880"), s.push_back("46 470");
      pb.Row("Styrelse", 194, kRights, a);
      pb.Row("Kansli", 208, kRights, b);
      pb.Row("Summa kostnader", 222, kRights, s);
    }
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("årsredovisning", {pb.words}));
    ASSERT_EQ(ts.size(), c.tables);
    EXPECT_EQ(ts[0].rows.size(), c.first_rows) << Labels(ts[0]);
    if (c.tables == 2) {
      EXPECT_EQ(Columns(ts[1]), "[budget 2025][utfall 2025][avvikelse 2025]");
    }
  }
}

TEST(WordDocumentLayoutTest, ColumnThatLostItsYear) {
  struct Case {
    const char* name;
    std::string middle_year;  // "" = the header's year was lost
    std::string middle_status;
  };
  const std::vector<Case> cases = {
      {"a kind with no year among years: suspect", "", "suspect"},
      {"control: every column names its year", "2025", "ok"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Text("Budget och plan (tkr)", 40, 12);
    pb.Add(fixtures::R("Utfall", 300, 70));
    pb.Add(fixtures::R("2024", 330, 70));
    if (c.middle_year.empty()) {
      pb.Add(fixtures::R("Budget", 410, 70));
    } else {
      pb.Add(fixtures::R("Budget", 380, 70));
      pb.Add(fixtures::R(c.middle_year, 410, 70));
    }
    pb.Add(fixtures::R("Plan", 460, 70));
    pb.Add(fixtures::R("2026", 490, 70));
    pb.Row("Intäkter", 86, kRights, {"6 200", "6 400", "6 600"});
    pb.Row("Kostnader", 100, kRights, {"6 000", "6 300", "6 500"});
    pb.Row("Resultat", 114, kRights, {"200", "100", "100"});
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {pb.words}));
    ASSERT_EQ(ts.size(), 1u);
    ASSERT_EQ(ts[0].columns.size(), 3u) << Columns(ts[0]);
    for (const TableRow& r : ts[0].rows) {
      ASSERT_EQ(r.cells.size(), 3u);
      EXPECT_EQ(r.cells[0].status, "ok") << r.label;
      EXPECT_EQ(r.cells[1].status, c.middle_status) << r.label;
      EXPECT_EQ(r.cells[2].status, "ok") << r.label;
    }
  }
}

TEST(WordDocumentLayoutTest, CountColumnLeftOfTheValues) {
  struct Case {
    const char* name;
    std::vector<std::string> counts;  // per row, printed under Invånare ("" = none)
    std::string labels;
    std::string last_label = "Summa kommunerna";  // as printed
  };
  const std::vector<Case> cases = {
      {"every label ends in a count", {"11 290", "16 020", "5 650", "32 960"},
       "[Askersunds kommun][Hallsbergs kommun][Laxå kommun][Summa kommunerna]"},
      // As OCR reads it off a scan: a thousands space lost, a cell border
      // read as a quote beside the count.
      {"OCR: spaces lost, borders read as quotes", {"\"11290", "16 020", "5650", "32960 |"},
       "[Askersunds kommun][Hallsbergs kommun][Laxå kommun][Summa kommunerna]"},
      // A figure under the Invånare header is that column's even where the
      // others left it empty; one a space after a label's text is the label's.
      {"one count under its header", {"", "", "", "2"},
       "[Askersunds kommun][Hallsbergs kommun][Laxå kommun][Summa kommunerna]"},
      {"control: a label's own trailing figure", {"", "", "", ""},
       "[Askersunds kommun][Hallsbergs kommun][Laxå kommun][Summa kommunerna 2]", "Summa kommunerna 2"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Text("Medlemsbidrag (kronor)", 40, 12);
    pb.Text("Kommun", 70);
    pb.Add(fixtures::R("Invånare", 230, 70));
    pb.Add(fixtures::R("Budget", 300, 70));
    pb.Add(fixtures::R("2025", 330, 70));
    pb.Add(fixtures::R("Budget", 380, 70));
    pb.Add(fixtures::R("2026", 410, 70));
    const std::vector<std::string> labels = {"Askersunds kommun", "Hallsbergs kommun", "Laxå kommun", c.last_label};
    const std::vector<std::vector<std::string>> figures = {
        {"340 000", "351 000"}, {"465 000", "480 000"}, {"175 000", "180 000"}, {"980 000", "1 011 000"}};
    for (size_t i = 0; i < labels.size(); ++i) {
      const double y = 86 + 14 * static_cast<double>(i);
      pb.Text(labels[i], y);
      if (!c.counts[i].empty()) pb.Add(fixtures::Num(c.counts[i], 230, y));
      pb.Add(fixtures::Num(figures[i][0], 330, y));
      pb.Add(fixtures::Num(figures[i][1], 410, y));
    }
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {pb.words}));
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Labels(ts[0]), c.labels);
  }
}

// A side column between the labels and the values that the header names
// (w5: "Medlem  Andel, %  Budget 2026 …", "Insats  Målgrupp  Budget 2026"):
// its shares or text are no part of a row's label, even where a label
// wrapped after it. Control: a note caption in a margin ("Not 7" then its
// title) over labels set under the title's words is no side column.
TEST(WordDocumentLayoutTest, SideColumnBetweenLabelsAndValues) {
  struct Case {
    const char* name;
    double label_x, side_x;            // where the header's two phrases start
    std::string head1, head2;          // the header's label phrases
    std::vector<std::string> labels;   // as printed at label_x
    std::vector<std::string> side;     // as printed at side_x ("" = none)
    std::string expect;
  };
  const std::vector<Case> cases = {
      {"share column", 50, 230, "Medlem", "Andel, %", {"Staten", "Region", "Kalmar kommun", "Summa"},
       {"50", "25", "9,6", "100,0"}, "[Staten][Region][Kalmar kommun][Summa]"},
      {"text column", 50, 200, "Insats", "Målgrupp", {"Steg för steg", "Hälsolots", "Aktiv rehab", "Summa"},
       {"Unga vuxna", "Psykisk ohälsa", "Sjukskrivna", ""}, "[Steg för steg][Hälsolots][Aktiv rehab][Summa]"},
      {"control: a caption's title over the labels", 50, 90, "Not 7", "Övriga intäkter",
       {"", "", "", ""}, {"Ränteintäkter bank", "Ränteintäkter HSB", "Övriga ränteintäkter", "Summa intäkter"},
       "[Ränteintäkter bank][Ränteintäkter HSB][Övriga ränteintäkter][Summa intäkter]"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Text("Tabell 2. Medlemsbidrag (kronor)", 40, 12);
    pb.TextAt(c.head1, c.label_x, 70);
    pb.TextAt(c.head2, c.side_x, 70);
    pb.Add(fixtures::R("Budget", 330, 70));
    pb.Add(fixtures::R("2026", 360, 70));
    pb.Add(fixtures::R("Budget", 410, 70));
    pb.Add(fixtures::R("2025", 440, 70));
    const std::vector<std::vector<std::string>> figures = {
        {"600 000", "500 000"}, {"300 000", "250 000"}, {"100 000", "50 000"}, {"1 000 000", "800 000"}};
    for (size_t i = 0; i < 4; ++i) {
      const double y = 86 + 14 * static_cast<double>(i);
      if (!c.labels[i].empty()) pb.TextAt(c.labels[i], c.label_x, y);
      if (!c.side[i].empty()) pb.TextAt(c.side[i], c.side_x, y);
      pb.Add(fixtures::Num(figures[i][0], 360, y));
      pb.Add(fixtures::Num(figures[i][1], 440, y));
    }
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {pb.words}));
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Labels(ts[0]), c.expect);
    ASSERT_EQ(ts[0].rows.size(), 4u);
    EXPECT_EQ(ts[0].rows[3].cells[0].amount_sek, 1000000);
  }
}

}  // namespace
// A note of member fees whose amount column is headed "Belopp, kr" beside
// an "Andel" share column, its year only in the caption ("Not 1
// Medlemsavgifter 2025"; w13): the column is the caption year's, in kronor,
// as positioned words and as an OCR dump (its "Medlem" read "Mediem"). The
// Summa checks the parts. Controls: a caption naming two years, or none,
// dates no column, so no table is read.
TEST(WordDocumentLayoutTest, AmountColumnDatedByItsCaption) {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Försäkringskassan", "3 200 000"}, {"Region Dalarna", "1 600 000"}, {"Avesta kommun", "595 200"},
      {"Hedemora kommun", "508 800"},     {"Säters kommun", "496 000"},    {"Summa", "6 400 000"}};
  struct Case {
    const char* caption;
    bool read;
  };
  for (const Case& c : std::vector<Case>{{"Not 1 Medlemsavgifter 2025", true},
                                         {"Not 1 Medlemsavgifter 2024 och 2025", false},
                                         {"Not 1 Medlemsavgifter", false}}) {
    SCOPED_TRACE(c.caption);
    PageBuilder p;
    p.Text("Förbundets intäkter består av medlemmarnas avgifter.", 80);
    p.Text(c.caption, 120);
    p.Add(fixtures::L("Medlem", 50, 140));
    p.Add(fixtures::R("Andel", 350, 140));
    p.Add(fixtures::R("Belopp,", 512, 140));
    p.Add(fixtures::R("kr", 530, 140));
    std::string dump = std::string(c.caption) + "\n\nMediem Andel Belopp, kr\n";
    double y = 156;
    for (const auto& [label, amount] : rows) {
      p.Row(label, y, {350, 530}, {"", amount});
      p.Add(fixtures::R("%", 350, y));
      p.Add(fixtures::R("10,0", 340, y));
      dump += label + " 10,0 % " + amount + "\n";
      y += 16;
    }
    dump += "\nAvesta den 18 februari 2026\n";
    Document doc = A4Pages("årsredovisning", {p.words});
    doc.meta.year_from = doc.meta.year_to = 2025;
    for (const std::vector<FinancialTable>& ts :
         {ExtractFinancialTables(doc), FromDump(dump, "årsredovisning", 2025)}) {
      const FinancialTable* fees = nullptr;
      for (const FinancialTable& t : ts)
        if (t.title.find("Medlemsavgifter") != std::string::npos) fees = &t;
      if (!c.read) {
        EXPECT_TRUE(fees == nullptr || fees->rows.empty() ||
                    std::none_of(fees->columns.begin(), fees->columns.end(),
                                 [](const TableColumn& col) { return col.year != 0; }));
        continue;
      }
      ASSERT_NE(fees, nullptr);
      EXPECT_EQ(Columns(*fees).find("[utfall 2025]") != std::string::npos, true) << Columns(*fees);
      EXPECT_EQ(fees->unit, "kr");
      int amount_col = -1;
      for (size_t k = 0; k < fees->columns.size(); ++k)
        if (fees->columns[k].year == 2025) amount_col = static_cast<int>(k);
      ASSERT_GE(amount_col, 0);
      ASSERT_EQ(fees->rows.size(), rows.size());
      EXPECT_EQ(fees->rows[0].cells[amount_col].amount_sek, 3200000);
      EXPECT_EQ(fees->rows[5].cells[amount_col].amount_sek, 6400000);
    }
  }
}

// A five-year overview cut by a page break without a repeated header (w13,
// an OCR dump): the page's running footer and the next page's running
// header stand between its rows with blank lines around them; the rows
// after them are the same table's. Control: a table heading and header on
// the next page start a table of their own.
TEST(WordDocumentDumpTest, TableRunsOnOverThePageBreakWithoutItsHeader) {
  const std::string head =
      "Samordningsforbundet Norrdalen\n\nArsredovisning 2025\n\nFlerarsoversikt\n\n"
      "2021 2022 2023 2024 2025\n\n"
      "Intakter, tkr 8 400 8 800 9 000 9 300 9 600\n"
      "Kostnader, tkr -8 950 -8 610 -9 340 -8 460 -8 800\n"
      "Arets resultat, tkr -550 190 -340 840 800\n\n"
      "Arsredovisning 2025 - sida 1\n\n\fSamordningsforbundet Norrdalen\n\n";
  const std::string tail = "\nArsredovisning 2025 - sida 2\n\n\fSamordningsforbundet Norrdalen\n\nSlut.\n\n"
                           "Arsredovisning 2025 - sida 3\n";
  {
    std::vector<FinancialTable> ts =
        FromDump(head + "Eget kapital, tkr 2 130 2 320 1 980 2 820 3 620\n" + tail, "årsredovisning", 2025);
    ASSERT_EQ(ts.size(), 1u);
    ASSERT_EQ(ts[0].rows.size(), 4u) << Labels(ts[0]);
    EXPECT_EQ(ts[0].rows[3].cells[4].amount_sek, 3620000);
  }
  {
    std::vector<FinancialTable> ts =
        FromDump(head + "Resultatrakning\n\nTkr 2025 2024\nVerksamhetens intakter 9 600 9 300\n" + tail,
                 "årsredovisning", 2025);
    ASSERT_EQ(ts.size(), 2u);
    EXPECT_EQ(ts[0].rows.size(), 3u) << Labels(ts[0]);
  }
}

}  // namespace finsam

namespace finsam {
namespace {

// A table printed with its years down the side ("År  Intäkter  Kostnader
// Årets resultat" over a row per year): read turned, the years its columns,
// the measures its rows, checked by the result's sum. The control has its
// years one step apart no more (a list of project years): no such table.
TEST(WordDocumentLayoutTest, YearsDownTheSideAreColumns) {
  struct Case {
    const char* name;
    std::vector<const char*> years;
    bool read;
  };
  const std::vector<std::vector<const char*>> figures = {
      {"11 200", "−10 950", "250"}, {"11 400", "−11 480", "−80"}, {"11 800", "−11 600", "200"}};
  for (const Case& c : std::vector<Case>{{"years in order", {"2021", "2022", "2023"}, true},
                                         {"control: not one year apart", {"2019", "2022", "2023"}, false}}) {
    SCOPED_TRACE(c.name);
    PageBuilder p;
    p.Text("Ekonomisk utveckling, tkr", 100);
    p.Add(fixtures::L("År", 50, 130));
    p.Add(fixtures::R("Intäkter", 300, 130));
    p.Add(fixtures::R("Kostnader", 400, 130));
    p.Add(fixtures::L("Årets", 440, 130));
    p.Add(fixtures::R("resultat", 500, 130));
    double y = 150;
    for (size_t r = 0; r < c.years.size(); ++r, y += 16) {
      p.Add(fixtures::L(c.years[r], 50, y));
      p.Add(fixtures::R(figures[r][0], 300, y));
      p.Add(fixtures::R(figures[r][1], 400, y));
      p.Add(fixtures::R(figures[r][2], 500, y));
    }
    Document doc = A4Pages("årsredovisning", {p.words});
    doc.meta.year_from = doc.meta.year_to = 2023;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    if (!c.read) {
      EXPECT_TRUE(ts.empty()) << (ts.empty() ? "" : Columns(ts[0]));
      continue;
    }
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[utfall 2021][utfall 2022][utfall 2023]");
    EXPECT_EQ(Labels(ts[0]), "[Intäkter][Kostnader][Årets resultat]");
    EXPECT_EQ(ts[0].unit, "tkr");
    ASSERT_EQ(ts[0].rows.size(), 3u);
    EXPECT_EQ(ts[0].rows[1].cells[1].amount_sek, -11480000);
    EXPECT_EQ(ts[0].rows[2].cells[2].amount_sek, 200000);
    EXPECT_EQ(ts[0].rows[2].cells[2].prov.raw_text, "200");
  }
}

// Kinds without years ("Budget  Utfall  Avvikelse") under a caption of one
// year are that year's; with a caption of none or two years, no table.
TEST(WordDocumentLayoutTest, KindsDatedByTheirCaption) {
  for (const auto& [caption, read] : std::vector<std::pair<const char*, bool>>{
           {"Driftredovisning 2025, tkr", true},
           {"Driftredovisning, tkr", false},
           {"Driftredovisning 2024 och 2025, tkr", false}}) {
    SCOPED_TRACE(caption);
    PageBuilder p;
    p.Text(caption, 100);
    p.Add(fixtures::R("Budget", 300, 130));
    p.Add(fixtures::R("Utfall", 400, 130));
    p.Add(fixtures::R("Avvikelse", 500, 130));
    p.Row("Medlemsavgifter", 150, {300, 400, 500}, {"12 600", "12 600", "0"});
    p.Row("Insatser", 166, {300, 400, 500}, {"9 400-", "9 012-", "388"});
    p.Row("Resultat", 182, {300, 400, 500}, {"3 200", "3 588", "388"});
    Document doc = A4Pages("årsredovisning", {p.words});
    doc.meta.year_from = doc.meta.year_to = 2025;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    if (!read) {
      for (const FinancialTable& t : ts)
        for (const TableColumn& col : t.columns) EXPECT_EQ(col.year, 0) << Columns(t);
      continue;
    }
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[budget 2025][utfall 2025][avvikelse 2025]");
    ASSERT_EQ(ts[0].rows.size(), 3u);
    EXPECT_EQ(ts[0].rows[1].cells[0].value, -9400);  // a trailing minus
    EXPECT_EQ(ts[0].rows[1].cells[0].status, "ok");
  }
}

// w22 (session 52): a delårsrapport's heads name kind and period in one
// word ("Helårsbudget", "Budgetram") or wrap the year under the period
// ("Utfall jan–jun" over "2026"); where the words over the years are not
// read, a bare year there is no sure utfall.
TEST(WordDocumentLayoutTest, InterimHeadsCompoundedWithTheirPeriod) {
  struct Case {
    const char* name;
    std::vector<std::string> heads;  // over the years, one per column
    std::string columns;
    std::string status;  // of every cell
  };
  const std::vector<Case> cases = {
      {"kinds compounded with the period or frame", {"Utfall jan–jun", "Helårsbudget", "Helårsprognos"},
       "[utfall 2026 01-06][budget 2026][prognos 2026]", "ok"},
      {"a frame budget", {"Utfall jan–jun", "Budgetram", "Årsprognos"}, "[utfall 2026 01-06][budget 2026][prognos 2026]",
       "ok"},
      {"words no rule reads over the years: bare years, in doubt", {"Xqzv", "Wqzv", "Vqzv"},
       "[utfall 2026][utfall 2026][utfall 2026]", "suspect"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Text("Resultaträkning i sammandrag", 40, 12);
    pb.Text("Tusental kronor", 70);
    for (size_t k = 0; k < c.heads.size(); ++k) {
      // (Each head centred over its column, as the header cells are set.)
      const double width = fixtures::kCharPt * static_cast<double>(c.heads[k].size());
      pb.TextAt(c.heads[k], kWideRights[k] - 15 - width / 2, 70);
      pb.Add(fixtures::R("2026", kWideRights[k] - 3, 80));
    }
    pb.Row("Intäkter", 96, kWideRights, {"6 100", "12 200", "12 260"});
    pb.Row("Kostnader", 110, kWideRights, {"- 5 723", "- 12 500", "- 12 410"});
    pb.Row("Periodens resultat", 124, kWideRights, {"377", "- 300", "- 150"});
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("delårsrapport", {pb.words}));
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), c.columns);
    ASSERT_EQ(ts[0].rows.size(), 3u) << Labels(ts[0]);
    EXPECT_EQ(ts[0].rows[1].cells[0].amount_sek, -5723000);  // "- 5 723": the minus set apart
    EXPECT_EQ(ts[0].rows[2].cells[2].amount_sek, -150000);
    for (const TableRow& r : ts[0].rows)
      for (const TableCell& cell : r.cells) EXPECT_EQ(cell.status, c.status) << r.label;
  }
}

TEST(WordDocumentDumpTest, InterimHeadsAndASpacedMinus) {
  struct Case {
    const char* name;
    std::string text;
    std::string kind;
    std::string columns;
    std::vector<int64_t> second_row;  // the second row's amounts
    std::string status;               // of every cell
  };
  const std::string rows =
      "Intakter 6 100 5 900 12 200 12 200\nKostnader - 5 723 - 5 468 - 12 500 - 12 410\n"
      "Periodens resultat 377 432 - 300 - 210\n";
  const std::vector<Case> cases = {
      {"kinds compounded with the period over a years line",
       "Resultatrakning i sammandrag\n\nTusental kronor Utfall jan-jun| Utfall jan-jun} Helarsbudget| "
       "Heladrsprognos\n2026 2025 2026 2026\n" + rows,
       "delårsrapport", "[utfall 2026 01-06][utfall 2025 01-06][budget 2026][prognos 2026]",
       {-5723000, -5468000, -12500000, -12410000}, "ok"},
      {"bare years in a delårsrapport: in doubt", "Resultatrakning i sammandrag\n\nTkr 2026 2025 2026 2026\n" + rows,
       "delårsrapport", "[utfall 2026][utfall 2025][utfall 2026][utfall 2026]",
       {-5723000, -5468000, -12500000, -12410000}, "suspect"},
      {"control: bare years in an årsredovisning are its outcomes",
       "Resultatrakning i sammandrag\n\nTkr 2025 2024 2023 2022\n" + rows, "årsredovisning",
       "[utfall 2025][utfall 2024][utfall 2023][utfall 2022]", {-5723000, -5468000, -12500000, -12410000}, "ok"},
      {"a remaining column headed in words",
       "Insatser per den 30 juni 2026 (kr)\n\nInsats Budgetram 2026] Utfall jan-jun 2026 Kvar att anvanda\n"
       "Steg framat 2 400 000 1 150 000 1 250 000\nUnga till arbete 3 100 000 1 640 000 1 460 000\n"
       "Totalt 5 500 000 2 790 000 2 710 000\n",
       "delårsrapport", "[budget 2026][utfall 2026 01-06][aterstar 2026]", {3100000, 1640000, 1460000}, "ok"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(c.text, c.kind, 2026);
    ASSERT_GE(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), c.columns);
    ASSERT_EQ(ts[0].rows.size(), 3u) << Labels(ts[0]);
    ASSERT_EQ(ts[0].rows[1].cells.size(), c.second_row.size());
    for (size_t k = 0; k < c.second_row.size(); ++k) EXPECT_EQ(ts[0].rows[1].cells[k].amount_sek, c.second_row[k]);
    for (const TableRow& r : ts[0].rows)
      for (const TableCell& cell : r.cells) EXPECT_EQ(cell.status, c.status) << r.label;
  }
}

// w23 (session 52): years set over the first of the kind columns they
// span ("2025" over "Budget  Utfall"), the kind words left-aligned in their
// cells while the figures are right-aligned.
TEST(WordDocumentLayoutTest, YearsSpanningTheirKindColumns) {
  struct Case {
    const char* name;
    bool kinds_left_aligned;
    bool spanning;  // two kinds under each year (else one year per column)
    std::string columns;
  };
  const std::vector<double> rights = {300, 380, 460, 540};
  const std::vector<Case> cases = {
      {"kinds left-aligned, each year over its two kinds", true, true,
       "[budget 2025][utfall 2025][budget 2024][utfall 2024]"},
      {"kinds right-aligned over their figures", false, true, "[budget 2025][utfall 2025][budget 2024][utfall 2024]"},
      {"kinds left-aligned, a year over each column", true, false,
       "[budget 2025][utfall 2025][budget 2024][utfall 2024]"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Text("Budgetuppföljning", 40, 12);
    const std::vector<std::string> kinds = {"Budget", "Utfall", "Budget", "Utfall"};
    const std::vector<std::string> years = c.spanning ? std::vector<std::string>{"2025", "", "2024", ""}
                                                      : std::vector<std::string>{"2025", "2025", "2024", "2024"};
    pb.Text("Tkr", 80);
    for (size_t k = 0; k < 4; ++k) {
      if (!years[k].empty()) pb.Add(fixtures::R(years[k], rights[k], 68));
      const double cell_left = k == 0 ? 230 : rights[k - 1] + 4;
      pb.Add(c.kinds_left_aligned ? fixtures::L(kinds[k], cell_left, 80) : fixtures::R(kinds[k], rights[k], 80));
    }
    pb.Row("Medlemsavgifter", 96, rights, {"12400", "12400", "12000", "12000"});
    pb.Row("Insatser", 110, rights, {"-9600", "-9105", "-9300", "-9420"});
    pb.Row("Resultat", 124, rights, {"2800", "3295", "2700", "2580"});
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("årsredovisning", {pb.words}));
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), c.columns);
    ASSERT_EQ(ts[0].rows.size(), 3u) << Labels(ts[0]);
    EXPECT_EQ(ts[0].rows[1].cells[1].amount_sek, -9105000);
    for (const TableRow& r : ts[0].rows)
      for (const TableCell& cell : r.cells) EXPECT_EQ(cell.status, "ok") << r.label;
  }
}

TEST(WordDocumentDumpTest, YearsOverTheKindsTheySpan) {
  struct Case {
    const char* name;
    std::string text;
    std::string columns;
    size_t rows;
    int64_t first_amount;
  };
  const std::vector<Case> cases = {
      {"years over the kinds they span",
       "Budgetuppfoljning\n\n2025 2024\nTkr Budget Utfall Budget Utfall\nMedlemsavgifter 12400 12400 12000 12000\n"
       "Insatser -9600 -9105 -9300 -9420\nResultat 2800 3295 2700 2580\n",
       "[budget 2025][utfall 2025][budget 2024][utfall 2024]", 3, 12400000},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(c.text, "årsredovisning", 2025);
    ASSERT_GE(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), c.columns);
    EXPECT_EQ(ts[0].rows.size(), c.rows) << Labels(ts[0]);
    ASSERT_FALSE(ts[0].rows.empty());
    ASSERT_FALSE(ts[0].rows[0].cells.empty());
    EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, c.first_amount);
    for (const TableRow& r : ts[0].rows)
      for (const TableCell& cell : r.cells) EXPECT_EQ(cell.status, "ok") << r.label;
  }
}

TEST(WordDocumentDumpTest, FooterThatLostItsNumberAndANotHeadAlone) {
  // The end of w23's page 1 and its page 2 as psm 3 printed them: the
  // footer lost its page's number ("… 2025 -", a row of "2025" and a nil
  // dash before), the Not head stands alone over the years (the date line
  // as the diacritic repair leaves it, "Köping").
  const std::string end_of_report =
      "F\u00e9randring av eget kapital\nTkr 2025 2024\nIngaende eget kapital 2140 2175\nArets resultat 665 -35\n"
      "Utgaende eget kapital 2805 2140\n\nSamordningsforbundet Vastra Malardalen - Arsredovisning 2025 -\n\f"
      "Resultatrakning\n\nBelopp i tkr\n\nNot\n\n2025 2024\nVerksamhetens intakter 1 12485 12040\n"
      "Verksamhetens kostnader 2 -11820 -12075\nVerksamhetens resultat 665 -35\nFinansiella intakter 0 0\n"
      "Arets resultat 665 -35\n\nK\u00f6ping den 18 februari 2026\n\n"
      "Samordningsforbundet Vastra Malardalen - Arsredovisning 2025 - 2\n\f";
  std::vector<FinancialTable> ts = FromDump(end_of_report, "årsredovisning", 2025);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(Labels(ts[0]), "[Ingaende eget kapital][Arets resultat][Utgaende eget kapital]");
  EXPECT_EQ(Columns(ts[1]), "[utfall 2025][utfall 2024]");
  ASSERT_EQ(ts[1].rows.size(), 5u) << Labels(ts[1]) << ts[1].rows.back().raw_numbers;
  EXPECT_EQ(ts[1].rows[0].cells[0].amount_sek, 12485000);
  EXPECT_EQ(ts[1].rows[1].cells[1].amount_sek, -12075000);
}

// w17 (session 53): psm 3 set each cell of a shaded header row on a line of
// its own, the wrapped cells' second lines together on one line in small
// letters; the document's title with its year and a sentence with a figure
// above it had swallowed the lines down to the table.
TEST(WordDocumentDumpTest, HeadCellsOneALine) {
  struct Case {
    const char* name;
    std::string text;
    std::string columns;  // of the table whose first row is "Medlemsavgifter" ("": no such table)
    int64_t summa_first = 0;  // "Summa intakter", first cell
  };
  const std::string body =
      "Intakter:\nMedlemsavgifter 4 100 6 200 6 400 3,2\nOvriga intakter 20 30 0 -100,0\n"
      "Summa intakter 4 120 6 230 6 400 2,7\nKostnader:\nInsatser -3 010 -4 800 -5 100 6,3\n"
      "Summa kostnader -3 010 -4 800 -5 100 6,3\nResultat 1 110 1 430 1 300\n";
  const std::string heads =
      "Resultatbudget 2027 (tkr)\n\nAck. utfall jan—\n\nPrognos 2026\n\nBudget 2027\n\nForandring mot\n\n"
      "aug 2026 prognos, %\n";
  const std::string title =
      "Verksamhetsplan och budget 2027\n\nSamordningsforbundet Norrfjall\n\nEkonomi\n\n"
      "Budgeten bygger pa prognosen efter arets forsta atta manader. Medlemsavgifterna for 2027 uppgar till\n"
      "6 400 tkr.\n\n";
  const std::vector<Case> cases = {
      {"cells one a line, the wrapped tails on one line", heads + body,
       "[utfall 2026 01-08][prognos 2026][budget 2027][andel 0]", 4120000},
      {"under a title with its year and a sentence with a figure", title + heads + body,
       "[utfall 2026 01-08][prognos 2026][budget 2027][andel 0]", 4120000},
      {"cells one a line, nothing wrapped",
       "Resultatbudget (tkr)\n\nUtfall 2025\n\nBudget 2026\n\nPlan 2027\n\nPlan 2028\n" + body,
       "[utfall 2025][budget 2026][plan 2027][plan 2028]", 4120000},
      {"control: more tails than yearless cells",
       "Resultatbudget 2027 (tkr)\n\nAck. utfall jan—\n\nPrognos 2026\n\nBudget 2027\n\nPlan 2028\n\n"
       "aug 2026 prognos, %\n" + body,
       "", 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(c.text, "verksamhetsplan", 2027);
    const FinancialTable* t = nullptr;
    for (const FinancialTable& x : ts)
      if (!x.rows.empty() && x.rows[0].label == "Medlemsavgifter") t = &x;
    if (c.columns.empty()) {
      EXPECT_EQ(t, nullptr);
      continue;
    }
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(Columns(*t), c.columns);
    ASSERT_EQ(t->rows.size(), 6u) << Labels(*t);
    EXPECT_EQ(t->rows[2].label, "Summa intakter");
    EXPECT_EQ(t->rows[2].cells[0].amount_sek, c.summa_first);
  }
}

// w21 (session 53): an insats table under "Insats  Beviljat 2025", one
// column beside its labels, and under it, after a blank line, the figures
// of a column psm 3 printed apart (one a line): the table ends at its Summa.
TEST(WordDocumentDumpTest, GrantedColumnAndColumnBlockAfterItsSumma) {
  const std::string table =
      "Insatser 2025\n\nInsats Beviljat 2025\nJobbsparet Vetlanda 2 400\nHalsa och arbete Eksjo 3 100\n"
      "Unga vuxna i Tranas 1 850\nSumma 7 350\n";
  struct Case {
    const char* name;
    std::string text;
    size_t rows;
  };
  const std::vector<Case> cases = {
      {"the table alone", table, 4},
      {"a column block after a blank line", table + "\n2 288\n3 025\n1 702\n\n7 015\n", 4},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(c.text, "årsredovisning", 2025);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[budget 2025]");
    EXPECT_EQ(ts[0].rows.size(), c.rows) << Labels(ts[0]);
    EXPECT_EQ(ts[0].rows[1].cells[0].amount_sek, 3100000);
  }
}

// w24 (session 53): a kinds row whose one cell wraps its qualifier over the
// kind ("Reviderad" over "budget") above the years row, and a member table
// whose shaded head OCR read with glyphs off the cell edges ("Medlem. > >
// Andel, 20 Avgift 2026 = > Avgift 2027"). Layout.
TEST(WordDocumentLayoutTest, QualifiedKindWrappedAndGlyphsInAHead) {
  const std::vector<double> rights = {300, 370, 440, 510};
  {
    SCOPED_TRACE("Reviderad over budget");
    PageBuilder pb;
    pb.Text("Resultatbudget (tkr)", 40, 12);
    pb.Text("Tkr", 62);
    const std::vector<std::string> kinds = {"Utfall", "Reviderad", "Budget", "Plan"};
    for (size_t k = 0; k < 4; ++k) pb.Add(fixtures::R(kinds[k], rights[k], 62));
    pb.Add(fixtures::R("budget", rights[1], 72));
    const std::vector<std::string> years = {"2025", "2026", "2027", "2028"};
    for (size_t k = 0; k < 4; ++k) pb.Add(fixtures::R(years[k], rights[k], 82));
    pb.Row("Medlemsavgifter", 98, rights, {"16000", "16800", "17600", "17600"});
    pb.Row("Kostnader", 112, rights, {"15735", "17030", "17800", "17810"});
    pb.Row("Resultat", 126, rights, {"265", "-230", "-200", "-210"});
    Document doc = A4Pages("verksamhetsplan", {pb.words});
    doc.meta.year_from = 2027;
    doc.meta.year_to = 2028;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(ts[0].title, "Resultatbudget (tkr)");
    EXPECT_EQ(Columns(ts[0]), "[utfall 2025][budget 2026][budget 2027][plan 2028]");
    ASSERT_EQ(ts[0].rows.size(), 3u) << Labels(ts[0]);
    for (const TableCell& c : ts[0].rows[0].cells) EXPECT_EQ(c.status, "ok");
  }
  {
    SCOPED_TRACE("glyphs read off a shaded head");
    PageBuilder pb;
    pb.Text("Medlemsavgifter (tkr)", 40, 12);
    pb.Text("Medlem. > > Andel, 20", 62);
    pb.Add(fixtures::R("Avgift", 410, 62));
    pb.Add(fixtures::R("2026", 440, 62));
    pb.Add(fixtures::R("=", 455, 62));
    pb.Add(fixtures::R(">", 465, 62));
    pb.Add(fixtures::R("Avgift", 480, 62));
    pb.Add(fixtures::R("2027", 510, 62));
    const std::vector<double> two = {440, 510};
    pb.Row("Försäkringskassan", 78, two, {"4 200", "4 400"});
    pb.Row("Region Sörmland", 92, two, {"4 200", "4 400"});
    pb.Row("Summa", 106, two, {"8 400", "8 800"});
    Document doc = A4Pages("verksamhetsplan", {pb.words});
    doc.meta.year_from = 2027;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[budget 2026][budget 2027]");
    ASSERT_EQ(ts[0].rows.size(), 3u) << Labels(ts[0]);
    // The fee the members set for the year under way: its budget, no doubt.
    EXPECT_EQ(ts[0].rows[0].cells[0].status, "ok");
    EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 4200000);
  }
}

// w24 (session 53), dumps: member fees headed "Avgift 2026 Avgift 2027"
// beside a share column; a kinds line whose qualifier's kind ("budget")
// comes on the next line, then a blank line, then the years.
TEST(WordDocumentDumpTest, FeeHeadsAndAQualifiedKindOverABlankLine) {
  {
    std::vector<FinancialTable> ts = FromDump(
        "Medlemsavgifter (tkr)\n\nMedlem Andel, % Avgift 2026 Avgift 2027\nForsakringskassan 25,0 4 200 4 400\n"
        "Region Sormland 25,0 4 200 4 400\nSumma 50,0 8 400 8 800\n",
        "verksamhetsplan", 2027);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[budget 2026][budget 2027]");
    ASSERT_EQ(ts[0].rows.size(), 3u) << Labels(ts[0]);
    EXPECT_EQ(ts[0].rows[2].cells[1].amount_sek, 8800000);
  }
  {
    std::vector<FinancialTable> ts = FromDump(
        "Resultatbudget (tkr)\nTkr Utfall Reviderad Budget Plan Plan\nbudget\n\n2025 2026 2027 2028 2029\n"
        "Medlemsavgifter 16 000 16 800 17 600 17 600 18 000\nKostnader 15 735 17 030 17 800 17 810 18 220\n"
        "Resultat 265 -230 -200 -210 -220\n",
        "verksamhetsplan", 2027);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(ts[0].title, "Resultatbudget (tkr)");
    EXPECT_EQ(Columns(ts[0]), "[utfall 2025][budget 2026][budget 2027][plan 2028][plan 2029]");
    ASSERT_EQ(ts[0].rows.size(), 3u) << Labels(ts[0]);
  }
}

// --- w26 (session 57): a comments column, wrapped text cells, a count
// column dated by its day ---

// A resultatbudget with a Kommentar column after the figures, as an
// English-model dump prints it (w26): the comment follows the row's figures
// on its line, glued by the rule OCR read ("10 400|Höjs", "—1 820]2,0
// tjänster", "—220)Varav 60 tkr"), and its wrapped lines ("2026", "avsnitt
// 3") stand alone under the row. The figures are the row's, the wrapped
// lines no rows. A flerårsplan's "Summa 2027–2029" column (its period
// wrapped in the cell) is the Totalt column. Controls: a label's own digit
// ("Steg 1 till arbete") opens no comment; without a comments head a word
// after the figures stays the row's (no row read).
TEST(WordDocumentDumpTest, CommentColumnAfterTheFigures) {
  {
    std::vector<FinancialTable> ts = FromDump(
        "Alla belopp i tabellerna anges i tusental kronor (tkr) om inget annat anges.\n\n"
        "Tkr Utfall Budget Budget|Kommentar\n2025 2026 2027\n\n"
        "Medlemsavgifter 9 600 10 000 10 400|Hojs med 4 % enligt medlemssamradet i maj\n2026\n\n"
        "Ovriga intakter 85 0 0\n\nSumma intakter 9 685 10 000 10 400\n\n"
        "Insatser -7 210 -7 600 -7 900] Tva nya insatser startar den 1 mars 2027, se\navsnitt 3\n\n"
        "Kansli -1 640 -1 750 -1 820]2,0 tjanster\n\n"
        "Ovriga kostnader -190 -200 -220)Varav 60 tkr for en extern utvardering\n\n"
        "Summa kostnader -9 300 -9850| -10 250\n\nArets resultat 385 150 150| Overskottet starker det egna kapitalet\n",
        "verksamhetsplan", 2027);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[utfall 2025][budget 2026][budget 2027]");
    EXPECT_EQ(Labels(ts[0]),
              "[Medlemsavgifter][Ovriga intakter][Summa intakter][Insatser][Kansli][Ovriga kostnader][Summa "
              "kostnader][Arets resultat]");
    ASSERT_EQ(ts[0].rows.size(), 8u);
    EXPECT_EQ(ts[0].rows[0].cells[2].amount_sek, 10400000);
    EXPECT_EQ(ts[0].rows[4].cells[2].amount_sek, -1820000);
    EXPECT_EQ(ts[0].rows[5].cells[2].amount_sek, -220000);
    EXPECT_EQ(ts[0].rows[7].cells[0].amount_sek, 385000);
    EXPECT_EQ(ts[0].unit, "tkr");  // "Alla belopp i tabellerna anges i …"
  }
  {
    std::vector<FinancialTable> ts = FromDump(
        "Flerarsplan (tkr)\n\nTkr Budget 2027 Plan 2028 Plan 2029| Summa 2027-\n\n2029\n"
        "Intakter 10 400 10 600 10 800 31 800\nKostnader -10 250 -10 700 -11 000 -31 950\n"
        "Resultat 150 -100 -200 -150\n",
        "verksamhetsplan", 2027);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[budget 2027][plan 2028][plan 2029][totalt 0]");
    ASSERT_EQ(ts[0].rows.size(), 3u) << Labels(ts[0]);
    EXPECT_EQ(ts[0].rows[1].cells[3].amount_sek, -31950000);
  }
  {
    // A label's digit under a Status head: the comment starts after the
    // figure, not after the label's "1".
    std::vector<FinancialTable> ts = FromDump(
        "Insatser 2027 (tkr)\n\nInsats Budget 2027 Status\nSteg 1 till arbete 2 100 Pagar sedan\n2024\n"
        "Halsolots 1 650 Ny 2027\nSumma insatser 3 750\n",
        "verksamhetsplan", 2027);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Labels(ts[0]), "[Steg 1 till arbete][Halsolots][Summa insatser]");
    ASSERT_EQ(ts[0].rows.size(), 3u);
    EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 2100000);
  }
  {
    // Control: no comments head; words after the figures are not cut off
    // (the line is no row of three figures).
    std::vector<FinancialTable> ts = FromDump(
        "Budget (tkr)\n\nTkr Utfall 2025 Budget 2026 Budget 2027\n"
        "Medlemsavgifter 9 600 10 000 10 400 hojs med 4 %\nKansli -1 640 -1 750 -1 820\n",
        "verksamhetsplan", 2027);
    ASSERT_EQ(ts.size(), 1u);
    ASSERT_EQ(ts[0].rows.size(), 2u);
    EXPECT_EQ(ts[0].rows[0].label.rfind("Medlemsavgifter 9 600 10 000 10 400", 0), 0u) << ts[0].rows[0].label;
    EXPECT_NE(ts[0].rows[0].cells[2].amount_sek, 10400000);
  }
}

// The document's unit in a sentence of its förvaltningsberättelse, words
// between "Belopp" and the verb (w30): "Belopp i tabellerna anges i
// tusentals kronor (tkr)". A table far below it without a unit of its own
// is in tkr; a table's own sentence ("Beloppen i tabellen anges i kronor",
// w26) is no document's statement.
TEST(WordDocumentDumpTest, UnitSentenceNamingTheTables) {
  const std::string table =
      "\n\nInsatser 2025\n\nInsats Beviljat 2025 Utfall 2025\nJobbstegen 4 200 4 050\nUnga in 3 600 3 480\n"
      "Summa 7 800 7 530\n";
  std::string filler;
  for (int i = 0; i < 12; ++i) filler += "\nForbundet finansierade under aret flera insatser for personer i behov av stod.\n";
  {
    std::vector<FinancialTable> ts = FromDump(
        "Arets resultat blev ett overskott. Belopp i tabellerna anges i tusentals kronor (tkr).\n" + filler + table,
        "årsredovisning", 2025);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(ts[0].unit, "tkr");
  }
  {
    std::vector<FinancialTable> ts =
        FromDump("Beloppen i tabellen anges i kronor.\n" + filler + table, "årsredovisning", 2025);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_NE(ts[0].unit, "kr");
  }
}

// An insatser table whose text cells wrap in their narrow columns
// (Huvudman "Helsingborgs" over "stad", Status "Pågår sedan" over "2024"),
// the row's label and figure on the first line (w26): the wrapped lines
// are no rows and do not end the table. A member-fee table whose count
// column is dated by its day ("Invånare 2025-12-31", w26) loads no figure
// from it, and a kommun that calls itself a city ("Helsingborgs stad") is
// a municipality's fee. Control: "Utfall 2025-12-31" stays a column.
TEST(WordDocumentLayoutTest, WrappedTextCellsAndACountColumnDatedByItsDay) {
  {
    PageBuilder pb;
    pb.Text("Insatser 2027 (tkr)", 40, 12);
    pb.TextAt("Insats", 50, 70);
    pb.TextAt("Huvudman", 180, 70);
    pb.Add(fixtures::R("Budget", 370, 70));
    pb.Add(fixtures::R("2027", 400, 70));
    pb.TextAt("Status", 420, 70);
    struct Row {
      std::string label, owner, owner2, figure, status, status2;
    };
    const std::vector<Row> rows = {{"Steg till arbete", "Helsingborgs", "stad", "2 100", "Pågår sedan", "2024"},
                                   {"Hälsolots", "Region Skåne", "", "1 650", "Ny 2027", ""},
                                   {"Samverkansteam", "Försäkringskass", "an", "1 900", "Förlängd till", "2028"},
                                   {"Summa insatser", "", "", "5 650", "", ""}};
    double y = 86;
    for (const Row& r : rows) {
      pb.Text(r.label, y);
      if (!r.owner.empty()) pb.TextAt(r.owner, 180, y);
      pb.Add(fixtures::Num(r.figure, 400, y));
      if (!r.status.empty()) pb.TextAt(r.status, 420, y);
      if (!r.owner2.empty()) pb.TextAt(r.owner2, 180, y + 11);
      if (!r.status2.empty()) pb.TextAt(r.status2, 420, y + 11);
      y += 28;
    }
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {pb.words}));
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Labels(ts[0]), "[Steg till arbete][Hälsolots][Samverkansteam][Summa insatser]");
    EXPECT_EQ(Columns(ts[0]), "[budget 2027]");
    ASSERT_EQ(ts[0].rows.size(), 4u);
    EXPECT_EQ(ts[0].rows[3].cells[0].amount_sek, 5650000);
  }
  for (const std::string head : {"Invånare", "Utfall"}) {
    SCOPED_TRACE(head);
    PageBuilder pb;
    pb.Text("Medlemsavgifter 2027 (kronor)", 40, 12);
    pb.TextAt("Medlem", 50, 70);
    pb.TextAt(head + " 2025-12-31", 200, 70);
    pb.Add(fixtures::R("Avgift", 400, 70));
    pb.Add(fixtures::R("2027", 430, 70));
    const std::vector<std::vector<std::string>> rows = {{"Helsingborgs stad", "149 000", "1 490 000"},
                                                        {"Höganäs kommun", "27 500", "275 000"},
                                                        {"Summa", "176 500", "1 765 000"}};
    double y = 86;
    for (const auto& r : rows) {
      pb.Text(r[0], y);
      pb.Add(fixtures::Num(r[1], 290, y));
      pb.Add(fixtures::Num(r[2], 430, y));
      y += 14;
    }
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {pb.words}));
    ASSERT_EQ(ts.size(), 1u);
    ASSERT_EQ(ts[0].rows.size(), 3u);
    if (head == "Invånare") {
      EXPECT_EQ(Columns(ts[0]), "[budget 2027]");
      EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 1490000);
      EXPECT_EQ(ts[0].rows[0].category, "income.municipality");
    } else {
      EXPECT_EQ(Columns(ts[0]), "[utfall 2025][budget 2027]");
    }
  }
}

// w27 (session 57): a driftredovisning whose last head wraps after "mot"
// ("Avvikelse mot" over "budget"), as psm 3 dumps it: the Avvikelse column,
// the wrapped word no row. Control: a table without it reads as before.
TEST(WordDocumentDumpTest, DeviationHeadWrappedAfterMot) {
  const std::string rows =
      "Medlemsavgifter 4 800 5 000 5 000 0\nOvriga intakter 35 0 62 62\nSumma intakter 4835 5 000 5 062 62\n";
  {
    std::vector<FinancialTable> ts =
        FromDump("Driftredovisning 2025\n\nTkr Bokslut 2024 Budget 2025 Utfall 2025 Avvikelse mot\nbudget\n\n" + rows,
                 "årsredovisning", 2025);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[utfall 2024][budget 2025][utfall 2025][avvikelse 2025]");
    EXPECT_EQ(Labels(ts[0]), "[Medlemsavgifter][Ovriga intakter][Summa intakter]");
    ASSERT_EQ(ts[0].rows.size(), 3u);
    EXPECT_EQ(ts[0].rows[1].cells[3].amount_sek, 62000);
  }
  {
    std::vector<FinancialTable> ts = FromDump(
        "Driftredovisning 2025\n\nTkr Bokslut 2024 Budget 2025 Utfall 2025 Avvikelse\n" + rows, "årsredovisning", 2025);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[utfall 2024][budget 2025][utfall 2025][avvikelse 2025]");
  }
}

// w28 (session 57): the document's unit sentence wrapped between its
// lines ("… Beloppen anges i" / "tusentals kronor."): the document's unit.
// Control: the sentence cut by a blank line states nothing.
TEST(WordDocumentDumpTest, UnitSentenceWrappedOverTwoLines) {
  const std::string table =
      "Medlemsavgifter 2027\n\nMedlem Avgift 2027\nAlingsas kommun 1 700\nLerums kommun 1 900\nSumma 3 600\n";
  std::vector<FinancialTable> ts = FromDump(
      "Budgeten redovisas i tabellen nedan. Beloppen anges i\ntusentals kronor.\n\n" + table, "verksamhetsplan", 2027);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].unit, "tkr");
  ASSERT_EQ(ts[0].rows.size(), 3u);
  EXPECT_EQ(ts[0].rows[2].cells[0].amount_sek, 3600000);
  std::vector<FinancialTable> cut = FromDump(
      "Budgeten redovisas i tabellen nedan. Beloppen anges i\n\ntusentals kronor.\n\n" + table, "verksamhetsplan", 2027);
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].unit, "");
}

}  // namespace
}  // namespace finsam

namespace finsam {
namespace {

// Session 61 (w31's and w32's scans, held out). A closing date in words
// whose day OCR set a little further from its month than a phrase's words
// ("31  dec 2024") names one column; before, the day went to the column on
// its left and the other column, headed "dec 2024", was dropped as text.
TEST(WordDocumentLayoutTest, ADateInWordsSetApartNamesOneColumn) {
  for (double gap : {1.0, 4.0}) {
    SCOPED_TRACE(gap);
    PageBuilder p;
    p.Text("Balansräkning", 100);
    p.Add(fixtures::L("Tkr", 50, 130));
    p.Add(fixtures::R("Not", 328, 130));
    for (const auto& [year, right] : std::vector<std::pair<std::string, double>>{{"2025", 430}, {"2024", 535}}) {
      const double y0 = right - 6 * 4, d0 = y0 - gap - 18, n0 = d0 - gap - 12;
      p.Add(fixtures::L(year, y0, 130));
      p.Add(fixtures::L("dec", d0, 130));
      p.Add(fixtures::L("31", n0, 130));
    }
    p.Row("Kortfristiga fordringar", 150, {328, 430, 535}, {"3", "648", "590"});
    p.Row("Kassa och bank", 166, {328, 430, 535}, {"", "4 902", "5 117"});
    p.Row("Summa tillgångar", 182, {328, 430, 535}, {"", "5 550", "5 707"});
    Document doc = A4Pages("årsredovisning", {p.words});
    doc.meta.year_from = doc.meta.year_to = 2025;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[not 0][utfall 2025][utfall 2024]");
    ASSERT_EQ(ts[0].rows.size(), 3u);
    EXPECT_EQ(ts[0].rows[2].cells[2].amount_sek, 5707000);
  }
}

// A table broken by the page with its header row repeated at the top of
// the next page, under a running foot OCR garbled past matching
// ("Samordaarcedorbundet krisnanstad verksamhetsplan 2027 1", set as close
// under the last row as rows are to each other) and a repeated header whose
// change column OCR read another way ("Förändring, 24" and "Förändring,
// 2"): one table, no row of the foot. Control: a last row whose figure is
// not the page's number stays a row.
TEST(WordDocumentLayoutTest, AHeaderRepeatedUnderAGarbledRunningFoot) {
  const std::vector<double> rights = {290, 350, 410, 470, 535};
  auto header = [&](PageBuilder& p, const char* share, double y) {
    p.Add(fixtures::L("Tkr", 50, y));
    const std::vector<std::vector<std::string>> heads = {
        {"Budget", "2026"}, {"Budget", "2027"}, {"Förändring,", share}, {"Plan", "2028"}, {"Plan", "2029"}};
    for (size_t c = 0; c < heads.size(); ++c) {
      double x = rights[c] - 6.0 * (heads[c][0].size() + 1 + heads[c][1].size());
      p.Add(fixtures::L(heads[c][0], x, y));
      p.Add(fixtures::L(heads[c][1], x + 6.0 * (heads[c][0].size() + 1), y));
    }
  };
  for (const char* foot_number : {"1", "7"}) {
    SCOPED_TRACE(foot_number);
    PageBuilder p1, p2;
    p1.Text("Tabell 1. Resultatbudget 2027 (tkr)", 600);
    header(p1, "24", 630);
    p1.Row("Medlemsavgifter", 650, rights, {"12 000", "12 400", "3,3", "12 400", "12 400"});
    p1.Row("Övriga intäkter", 666, rights, {"50", "40", "-20,0", "40", "40"});
    p1.Row("Summa intäkter", 682, rights, {"12 050", "12 440", "3,2", "12 440", "12 440"});
    p1.Text(std::string("Samordaarcedorbundet krisnanstad verksamhetsplan 2027 ") + foot_number, 702);
    header(p2, "2", 60);
    p2.Row("Personal", 80, rights, {"-2 900", "-3 000", "3,4", "-3 100", "-3 200"});
    p2.Row("Lokaler", 96, rights, {"-300", "-310", "3,3", "-320", "-330"});
    p2.Row("Summa kostnader", 112, rights, {"-3 200", "-3 310", "3,4", "-3 420", "-3 530"});
    p2.Row("Årets resultat", 128, rights, {"8 850", "9 130", "3,2", "9 020", "8 910"});
    p2.Text("Samördisngsorbanoet Kosransted Verssambetspran 2027 2", 790);
    Document doc = A4Pages("verksamhetsplan", {p1.words, p2.words});
    doc.meta.year_from = 2027;
    doc.meta.year_to = 2029;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_GE(ts.size(), 1u);
    const std::string labels = Labels(ts[0]);
    if (std::string(foot_number) == "1") {
      EXPECT_EQ(ts.size(), 1u);
      EXPECT_EQ(labels,
                "[Medlemsavgifter][Övriga intäkter][Summa intäkter][Personal][Lokaler][Summa kostnader][Årets resultat]");
      EXPECT_EQ(ts[0].last_page, 2);
    } else {
      EXPECT_NE(labels.find("Samordaarcedorbundet"), std::string::npos) << labels;
    }
  }
}

// A turned table (years down the side) whose header cell wrapped a name
// onto a line of its own ("Region" over "Västmanland"): the wrapped words
// complete the name. Before, the table was not read at all.
TEST(WordDocumentLayoutTest, YearsDownTheSideUnderAWrappedHeaderCell) {
  PageBuilder p;
  p.Text("Tabell 1. Medlemsavgifter per år (tkr)", 100);
  p.Add(fixtures::L("År", 50, 130));
  p.Add(fixtures::R("Staten", 300, 130));
  p.Add(fixtures::R("Region", 390, 130));
  p.Add(fixtures::R("Västmanland", 390, 141));
  p.Add(fixtures::L("Västerås", 410, 130));
  p.Add(fixtures::R("stad", 480, 130));
  p.Add(fixtures::R("Summa", 535, 130));
  const std::vector<std::vector<std::string>> rows = {
      {"2023", "5 000", "2 500", "2 500", "10 000"}, {"2024", "5 200", "2 600", "2 600", "10 400"},
      {"2025", "5 400", "2 700", "2 700", "10 800"}};
  double y = 160;
  for (const auto& r : rows) {
    p.Add(fixtures::L(r[0], 50, y));
    p.Row("", y, {300, 390, 480, 535}, {r[1], r[2], r[3], r[4]});
    y += 16;
  }
  Document doc = A4Pages("årsredovisning", {p.words});
  doc.meta.year_from = doc.meta.year_to = 2025;
  std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(Columns(ts[0]), "[utfall 2023][utfall 2024][utfall 2025]");
  EXPECT_EQ(Labels(ts[0]), "[Staten][Region Västmanland][Västerås stad][Summa]");
  EXPECT_EQ(ts[0].rows[1].cells[2].amount_sek, 2700000);
}

// A footnote mark OCR read without its parenthesis ("Övriga intäkter 1")
// leaves the label when the document prints that footnote ("1 Ränte-
// intäkter och …"); without the note the digit stays.
TEST(WordDocumentLayoutTest, AFootnoteMarkLeavesTheLabelWhenItsNoteIsPrinted) {
  for (bool note : {true, false}) {
    SCOPED_TRACE(note);
    PageBuilder p;
    p.Text("Tabell 1. Budget (tkr)", 100);
    p.Add(fixtures::R("Budget", 430, 130));
    p.Add(fixtures::R("2027", 460, 130));
    p.Add(fixtures::R("Plan", 500, 130));
    p.Add(fixtures::R("2028", 535, 130));
    p.Row("Medlemsavgifter", 150, {460, 535}, {"12 000", "12 400"});
    p.Row("Övriga intäkter 1", 166, {460, 535}, {"50", "40"});
    p.Row("Summa intäkter", 182, {460, 535}, {"12 050", "12 440"});
    if (note) p.Text("1 Ränteintäkter och återbetalda medel från avslutade insatser.", 210);
    Document doc = A4Pages("verksamhetsplan", {p.words});
    doc.meta.year_from = 2027;
    doc.meta.year_to = 2028;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Labels(ts[0]), note ? "[Medlemsavgifter][Övriga intäkter][Summa intäkter]"
                                  : "[Medlemsavgifter][Övriga intäkter 1][Summa intäkter]");
  }
}

}  // namespace
}  // namespace finsam

namespace finsam {
namespace {

// Insatser in groups, each under its section row and closed by a Delsumma
// row, all under one Summa (w31): the Delsumma rows are totals, so the
// Summa adds them, not the insatser twice over. Control: a Delsumma that
// does not add up fails its check.
TEST(WordDocumentLayoutTest, DelsummaRowsAreTheirGroupsTotals) {
  for (const char* first_subtotal : {"5 800", "5 900"}) {
    SCOPED_TRACE(first_subtotal);
    PageBuilder p;
    p.Text("Tabell 3. Insatser 2025 (tkr)", 100);
    p.Add(fixtures::L("Insats", 50, 130));
    p.Add(fixtures::R("Beviljat", 410, 130));
    p.Add(fixtures::R("2025", 440, 130));
    p.Add(fixtures::R("Utfall", 500, 130));
    p.Add(fixtures::R("2025", 535, 130));
    const std::vector<std::pair<std::string, std::vector<std::string>>> rows = {
        {"Individinriktade insatser", {"", ""}},   {"Steg framåt", {"2 400", "2 310"}},
        {"Unga i fokus", {"3 400", "3 275"}},      {"Delsumma individinriktade", {first_subtotal, "5 585"}},
        {"Strukturinriktade insatser", {"", ""}},  {"Kompetensutveckling", {"2 400", "2 305"}},
        {"Delsumma strukturinriktade", {"2 400", "2 305"}}, {"Summa insatser", {"8 200", "7 890"}}};
    double y = 150;
    for (const auto& [label, figures] : rows) {
      p.Row(label, y, {440, 535}, figures);
      y += 16;
    }
    Document doc = A4Pages("årsredovisning", {p.words});
    doc.meta.year_from = doc.meta.year_to = 2025;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_EQ(ts.size(), 1u);
    int totals = 0;
    for (const TableRow& r : ts[0].rows) totals += r.is_total;
    EXPECT_EQ(totals, 3);
    int failed = 0, subtotal_failed = 0;
    for (const Flag& f : CheckDocument(ts)) {
      const bool error = !f.passed && f.severity == kSeverityError;
      failed += error;
      subtotal_failed += error && f.message.rfind("Delsumma individinriktade", 0) == 0;
    }
    // (The wrong subtotal fails its own sum and the Summa over the groups.)
    EXPECT_EQ(failed, std::string(first_subtotal) == "5 800" ? 0 : 2);
    EXPECT_EQ(subtotal_failed, std::string(first_subtotal) == "5 800" ? 0 : 1);
  }
}

}  // namespace
}  // namespace finsam

namespace finsam {
namespace {

// Session 61, w33 and w34 (held out), positioned pages.
// (1) Header cells that print the year before the kind, the kind set a
// word space OCR widened after its year ("2026  Prognos 2027  Budget"): each
// kind its own year's (before, "Prognos" stood alone over its column and
// the year 2027 of the next cell joined it: 2027's budget loaded as
// "prognos 2027", `ok`). (2) A header of three rows: kinds (one broken in
// its narrow cell, "Helårsbud" over "get"), the months the first columns
// cover set at their cells' left edges ("jan–aug"), and the years under a
// unit; under it a "Tabell 2." caption naming a date is the next table's,
// no row. (3) A line lettered "(A)" is money; "(a)", OCR's "(%)", is not.
TEST(WordDocumentLayoutTest, YearBeforeKindAndAHeaderOfThreeRows) {
  {
    PageBuilder p;
    p.Text("Tabell 1. Resultatbudget", 100);
    p.Add(fixtures::L("Tkr", 50, 130));
    const std::vector<std::pair<std::string, std::string>> heads = {
        {"2026", "Prognos"}, {"2027", "Budget"}, {"2028", "Plan"}, {"2029", "Plan"}};
    const std::vector<double> rights = {300, 380, 460, 535};
    for (size_t c = 0; c < heads.size(); ++c) {
      const double kind_x = rights[c] - 6.0 * heads[c].second.size();
      p.Add(fixtures::L(heads[c].second, kind_x, 130));
      p.Add(fixtures::L(heads[c].first, kind_x - 5 - 24, 130));  // a 5 pt space: wider than a phrase's
    }
    p.Row("Statens medlemsavgift", 150, rights, {"2 400", "2 400", "2 400", "2 400"});
    p.Row("Summa intäkter (A)", 166, rights, {"2 400", "2 400", "2 400", "2 400"});
    p.Row("Insatser", 182, rights, {"1 150", "1 600", "1 500", "1 450"});
    p.Row("Andel av intäkterna (a)", 198, rights, {"48", "67", "63", "60"});
    Document doc = A4Pages("verksamhetsplan", {p.words});
    doc.meta.year_from = 2027;
    doc.meta.year_to = 2029;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[prognos 2026][budget 2027][plan 2028][plan 2029]");
    ASSERT_EQ(ts[0].rows.size(), 4u);
    EXPECT_EQ(ts[0].rows[1].cells[1].amount_sek, 2400000);  // "(A)": money
    EXPECT_TRUE(ts[0].rows[1].monetary);
    EXPECT_FALSE(ts[0].rows[3].monetary);  // "(a)": a share
  }
  {
    PageBuilder p;
    p.Text("Tabell 1. Driftredovisning januari–augusti 2026", 100);
    const std::vector<double> rights = {290, 350, 410, 475, 535};
    const std::vector<std::string> kinds = {"Utfall", "Budget", "Avvikelse", "Helårsbud", "Prognos"};
    for (size_t c = 0; c < kinds.size(); ++c) p.Add(fixtures::R(kinds[c], rights[c], 126));
    p.Add(fixtures::R("get", 475, 137));
    for (size_t c = 0; c < 3; ++c) p.Add(fixtures::L("jan–aug", rights[c] - 58, 152));  // left in its cell
    p.Add(fixtures::L("Tkr", 50, 168));
    for (size_t c : {0, 1, 3, 4}) p.Add(fixtures::R("2026", rights[c], 168));
    p.Row("Medlemsavgifter", 186, rights, {"8 000", "8 000", "0", "12 000", "12 000"});
    p.Row("Övriga intäkter", 202, rights, {"35", "20", "15", "30", "45"});
    p.Row("Summa intäkter", 218, rights, {"8 035", "8 020", "15", "12 030", "12 045"});
    p.Text("Tabell 2. Insatser per den 31 augusti 2026", 240);
    Document doc = A4Pages("delårsrapport", {p.words});
    doc.meta.year_from = doc.meta.year_to = 2026;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]),
              "[utfall 2026 01-08][budget 2026 01-08][avvikelse 2026 01-08][budget 2026][prognos 2026]");
    EXPECT_EQ(Labels(ts[0]), "[Medlemsavgifter][Övriga intäkter][Summa intäkter]");
  }
}

// Header cells merged across columns (w35, w36): a year over several kinds
// ("2025" centred over Budget, Utfall and Avvikelse beside "2024" over
// Utfall), a year over two kinds beside one over one, and a fee's head over
// two years beside a share column. Each names every column it stands over.
// Controls: the same words set right-aligned over one column only merge
// nothing (the column left without a year stays so).
TEST(WordDocumentLayoutTest, HeaderCellsMergedAcrossColumns) {
  struct Case {
    const char* name;
    std::string kind;
    std::vector<double> rights;
    std::vector<std::string> top;          // the top header line's words
    std::vector<double> top_x;             // their left edges
    std::vector<std::string> bottom;       // one word over each column
    std::vector<std::vector<std::string>> rows;  // label, then figures
    std::string columns;
  };
  const std::vector<std::vector<std::string>> drift = {{"Medlemsavgifter", "6 000", "6 000", "0", "5 700"},
                                                       {"Projektmedel", "350", "412", "62", "0"},
                                                       {"Summa intäkter", "6 350", "6 412", "62", "5 700"}};
  const std::vector<std::string> drift_kinds = {"Budget", "Utfall", "Avvikelse", "Utfall"};
  const std::vector<Case> cases = {
      {"a year merged over three kinds beside a year over one",
       "årsredovisning",
       {300, 380, 460, 535},
       {"2025", "2024"},
       {329, 511},
       drift_kinds,
       drift,
       "[budget 2025][utfall 2025][avvikelse 2025][utfall 2024]"},
      {"control: the first year right-aligned over one column merges nothing",
       "årsredovisning",
       {300, 380, 460, 535},
       {"2025", "2024"},
       {356, 511},
       drift_kinds,
       drift,
       "[budget 0][utfall 2025][avvikelse 2025][utfall 2024]"},
      {"a year merged over two kinds beside a year over one",
       "verksamhetsplan",
       {330, 435, 535},
       {"2026", "2027"},
       {319, 511},
       {"Budget", "Prognos", "Budget"},
       {{"Steg framåt", "1 200", "1 150", "1 300"},
        {"Unga i arbete", "980", "1 010", "1 050"},
        {"Summa insatser", "2 180", "2 160", "2 350"}},
       "[budget 2026][prognos 2026][budget 2027]"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageBuilder p;
    p.Text("Driftredovisning", 100);
    for (size_t i = 0; i < c.top.size(); ++i) p.Add(fixtures::L(c.top[i], c.top_x[i], 126));
    p.Add(fixtures::L("Tkr", 50, 140));
    for (size_t i = 0; i < c.bottom.size(); ++i) p.Add(fixtures::R(c.bottom[i], c.rights[i], 140));
    double y = 158;
    for (const std::vector<std::string>& r : c.rows) {
      p.Row(r[0], y, c.rights, std::vector<std::string>(r.begin() + 1, r.end()));
      y += 16;
    }
    Document doc = A4Pages(c.kind, {p.words});
    doc.meta.year_from = doc.meta.year_to = c.kind == "verksamhetsplan" ? 2027 : 2025;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), c.columns);
  }
  // A fee's head merged over two years beside an Andel column: both years'
  // fees, in kronor, the year before the plan the members' decided fee (ok).
  for (const bool merged : {true, false}) {
    SCOPED_TRACE(merged ? "'Avgift, kr' centred over both years" : "control: over the last year only");
    PageBuilder p;
    p.Text("Medlemsavgifter", 100);
    p.Add(fixtures::L("Medlem", 50, 126));
    p.Add(fixtures::R("Andel", 250, 126));
    if (merged) {
      p.TextAt("Avgift, kr", 370, 126);
    } else {
      p.TextAt("Avgift, kr", 475, 126);
    }
    const std::vector<double> rights = {250, 400, 535};
    p.Add(fixtures::R("2026", 400, 140));
    p.Add(fixtures::R("2027", 535, 140));
    p.Row("Försäkringskassan", 158, rights, {"50 %", "2750000", "2900000"});
    p.Row("Region Provdalen", 174, rights, {"25 %", "1375000", "1450000"});
    p.Row("Provby kommun", 190, rights, {"25 %", "1375000", "1450000"});
    p.Row("Summa", 206, rights, {"100 %", "5500000", "5800000"});
    Document doc = A4Pages("verksamhetsplan", {p.words});
    doc.meta.year_from = 2027;
    doc.meta.year_to = 2029;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[budget 2026][budget 2027]");
    EXPECT_EQ(Labels(ts[0]), "[Försäkringskassan][Region Provdalen][Provby kommun][Summa]");
    ASSERT_EQ(ts[0].rows[0].cells.size(), 2u);
    EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 2750000);
    EXPECT_EQ(ts[0].rows[0].cells[0].status, merged ? "ok" : "suspect");
  }
}

// A figure's head OCR read as a sign and set apart from its group ("$ 700"
// for 5 700, old-style figures; w36): the cell keeps it, and the sums read it
// back as 5 700, flagged as a repair. Control: a letter that stands for no
// digit ("x 700") joins nothing, and the 700 left is not `ok`.
TEST(WordDocumentLayoutTest, AFiguresHeadReadAsASignSetApart) {
  for (const bool stand_in : {true, false}) {
    SCOPED_TRACE(stand_in ? "'$ 700'" : "control: 'x 700'");
    PageBuilder p;
    p.Text("Driftredovisning (tkr)", 100);
    const std::vector<double> rights = {380, 480};
    p.Add(fixtures::R("Budget", 350, 126));
    p.Add(fixtures::R("2025", 380, 126));
    p.Add(fixtures::R("Utfall", 450, 126));
    p.Add(fixtures::R("2025", 480, 126));
    p.Row("Medlemsavgifter", 144, rights, {"5 700", ""});
    p.Add(fixtures::R("700", 480, 144));
    p.Add(fixtures::R(stand_in ? "$" : "x", 480 - 18 - 4, 144));
    p.Row("Övriga intäkter", 160, rights, {"1 000", "1 050"});
    p.Row("Summa intäkter", 176, rights, {"6 700", "6 750"});
    for (Word& w : p.words) w.confidence = 0.9;
    Document doc = A4Pages("årsredovisning", {p.words});
    doc.meta.year_from = doc.meta.year_to = 2025;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    std::vector<Flag> flags;
    RepairTables(ts, &flags);
    ASSERT_EQ(ts.size(), 1u);
    ASSERT_EQ(ts[0].rows.size(), 3u) << Labels(ts[0]);
    const TableCell& cell = ts[0].rows[0].cells[1];
    if (stand_in) {
      EXPECT_EQ(cell.raw, "$ 700");
      EXPECT_EQ(cell.amount_sek, 5700000);
      EXPECT_EQ(cell.status, "repaired");
    } else {
      EXPECT_NE(cell.status, "ok") << cell.raw;
    }
  }
}

// Header cells merged across columns as an English-model dump prints them
// (w35, w36): a line of years over a line of kinds that is no repeat of k
// kinds a year ("2025 2024" over "KSEK Budget Utfall Awvikelse Utfall"; "2026
// 2027" over "Tkr Budget Prognos Budget"), cut into one run per year where
// one cut fits; a fee's head over bare years ("Medlem Andel Avgift, kr" /
// blank / "2026 2027"); a kinds line over more years than kinds, either the
// plan or the outcome spanning, settled by the plan's first year. Controls:
// a cut two ways alike is not read (an annual report's "Budget Utfall
// Budget" under two years), nor a plan whose first year is not known.
TEST(WordDocumentDumpTest, HeaderCellsMergedAcrossColumns) {
  struct Case {
    const char* name;
    std::string text;
    std::string kind;
    int year_from;
    std::string columns;  // "" = no table
  };
  const std::string body3 = "Medlemsavgifter 6 000 6 000 0 5 700\nProjektmedel 350 412 62 0\n"
                            "Summa intakter 6 350 6 412 62 5 700\n";
  const std::string plan_body = "Steg framat 1 200 1150 1 300\nUnga i arbete 980 1010 1050\n"
                                "Summa insatser 2 180 2 160 2 350\n";
  const std::string five = "Medlemsavgifter 5 500 5 500 5 800 5 800 5 800\nKostnader 5 400 5 570 5 920 5 910 5 910\n"
                           "Resultat 100 -70 -120 -110 -110\n";
  const std::vector<Case> cases = {
      {"a year over three kinds beside a year over one",
       "Driftredovisning\n\n2025 2024\nKSEK Budget Utfall Awvikelse Utfall\n" + body3, "årsredovisning", 2025,
       "[budget 2025][utfall 2025][avvikelse 2025][utfall 2024]"},
      {"a year over two kinds beside one, the plan's forecast before its first year",
       "Insatser\n\nInsats 2026 2027\nTkr Budget Prognos Budget\n" + plan_body, "verksamhetsplan", 2027,
       "[budget 2026][prognos 2026][budget 2027]"},
      {"control: two cuts alike (no plan year to settle them)",
       "Insatser\n\nInsats 2026 2027\nTkr Budget Utfall Budget\n" + plan_body, "årsredovisning", 2027, ""},
      {"a plan spanning two years, its budget at the plan's first year",
       "Resultatbudget\nTkr Utfall Prognos Budget Plan\n\n2025 2026 2027 2028 2029\n" + five, "verksamhetsplan",
       2027, "[utfall 2025][prognos 2026][budget 2027][plan 2028][plan 2029]"},
      {"control: the plan's first year unknown",
       "Resultatbudget\nTkr Utfall Prognos Budget Plan\n\n2025 2026 2027 2028 2029\n" + five, "verksamhetsplan",
       0, "[budget 2025][plan 2026][plan 2027][plan 2028][plan 2029]"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(c.text, c.kind, c.year_from);
    if (c.columns.empty()) {
      for (const FinancialTable& t : ts) EXPECT_EQ(Columns(t).find("prognos"), std::string::npos) << Columns(t);
      continue;
    }
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), c.columns);
  }
  {
    SCOPED_TRACE("a fee's head over two bare years");
    std::vector<FinancialTable> ts = FromDump(
        "Medlemsavgifter\n\nMedlem Andel Avgift, kr\n\n2026 2027\nForsakringskassan 50% 2750000 2900000\n"
        "Region Provdalen 25% 1375000 1450000\nProvby kommun 25% 1375000 1450000\nSumma 100 % 5500000 5800000\n",
        "verksamhetsplan", 2027);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(ts[0].title, "Medlemsavgifter");
    EXPECT_EQ(Columns(ts[0]), "[budget 2026][budget 2027]");
    ASSERT_EQ(ts[0].rows.size(), 4u) << Labels(ts[0]);
    EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 2750000);
    EXPECT_EQ(ts[0].rows[0].cells[0].status, "ok");
  }
}

// Old-style figures as the English model reads them (w36): a zero as a
// degree sign beside figures, 1 150 as "1Iso", a note 1 as a capital I after
// the label under a Not head, a year's last digit as "§" in a header beside
// a whole year. Each is read back (the damaged figures by the sums, flagged
// as repairs). Control: a "§" year that is one off no year of the header
// stays unread.
TEST(WordDocumentDumpTest, OldStyleFiguresAsOcrReadsThem) {
  {
    std::vector<FinancialTable> ts = FromDump(
        "Driftredovisning\nKSEK Budget 2025 Utfall 2025 Utfall 2024\nMedlemsavgifter 6 000 6 000 5700\n"
        "Projektmedel 350 412 \u00b0\nSumma intäkter 6 350 6 412 5700\nKansli 1Iso 1188 1090\n"
        "Insatser 4 700 4 465 4120\nSumma kostnader 5 850 5 653 5 210\n",
        "årsredovisning", 2025);
    std::vector<Flag> flags;
    RepairTables(ts, &flags);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Labels(ts[0]), "[Medlemsavgifter][Projektmedel][Summa intäkter][Kansli][Insatser][Summa kostnader]");
    EXPECT_EQ(ts[0].rows[1].cells[2].amount_sek, 0);
    EXPECT_EQ(ts[0].rows[1].cells[2].status, "repaired");
    EXPECT_EQ(ts[0].rows[3].cells[0].amount_sek, 1150000);
    EXPECT_EQ(ts[0].rows[3].cells[0].status, "repaired");
  }
  {
    std::vector<FinancialTable> ts = FromDump(
        "Resultatrakning\n\nKSEK\n\nNot\n\n2025 2024\nVerksamhetens intäkter I 6 412 5700\n"
        "Verksamhetens kostnader 2 -6 171 -5 682\nVerksamhetens resultat 241 18\n",
        "årsredovisning", 2025);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Labels(ts[0]), "[Verksamhetens intäkter][Verksamhetens kostnader][Verksamhetens resultat]");
  }
  for (const bool one_off : {true, false}) {
    SCOPED_TRACE(one_off ? "'202§-12-31' beside 2024-12-31" : "control: '202§-12-31' beside 2021-12-31");
    std::vector<FinancialTable> ts = FromDump(
        std::string("Balansrakning\n\nKSEK Not 202\u00a7-12-31 ") + (one_off ? "2024" : "2021") +
            "-12-31\nKortfristiga fordringar 3 184 150\nKassa och bank 3420 3 151\nSumma tillgangar 3604 3301\n",
        "årsredovisning", 2025);
    if (one_off) {
      ASSERT_EQ(ts.size(), 1u);
      EXPECT_EQ(Columns(ts[0]), "[utfall 2025][utfall 2024]");
    } else {
      for (const FinancialTable& t : ts) EXPECT_EQ(Columns(t).find("2025"), std::string::npos) << Columns(t);
    }
  }
}

// Two rows set tight on an OCR page that a wrapped cell would also explain
// (w37's scan): "Årets resultat 120 120" under "Verksamhetens resultat 120
// -120" (a minus lost) is a row of its own, not "120" over "120" read as
// 120 120; and a statement's section heading alone on its line ("Verksamhetens
// kostnader") is no first line of the row under it, whose capital OCR read
// small ("insatser 2 -4 210"). Controls: a label that goes on in small
// letters after a line that is no heading ("Övriga" over "bidragsintäkter
// 300 250") still joins; a figure wrapped in its cell under a label's second
// line still joins.
TEST(WordDocumentLayoutTest, RowsSetTightThatAWrappedCellWouldAlsoExplain) {
  struct Case {
    const char* name;
    std::vector<std::vector<std::string>> rows;  // label, figures ("" = none)
    std::string labels;
  };
  const std::vector<Case> cases = {
      {"a result line under a result line",
       {{"Medlemsavgifter", "5 800", "5 500"},
        {"Övriga intäkter", "100", "100"},
        {"Summa intäkter", "5 900", "5 600"},
        {"Summa kostnader", "-5 780", "-5 720"},
        {"Verksamhetens resultat", "120", "-120"},
        {"Årets resultat", "120", "120"}},
       "[Medlemsavgifter][Övriga intäkter][Summa intäkter][Summa kostnader][Verksamhetens resultat][Årets resultat]"},
      {"a statement's section heading over a row read small",
       {{"Summa intäkter", "5 900", "5 600"},
        {"Verksamhetens kostnader", "", ""},
        {"insatser", "-4 210", "-4 180"},
        {"Personal", "-1 020", "-990"}},
       "[Summa intäkter][insatser][Personal]"},
      {"control: a label's first line alone, its figures on the next",
       {{"Summa intäkter", "5 900", "5 600"},
        {"Övriga", "", ""},
        {"bidragsintäkter", "300", "250"},
        {"Personal", "-1 020", "-990"}},
       "[Summa intäkter][Övriga bidragsintäkter][Personal]"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageBuilder p;
    p.Text("Resultaträkning", 100);
    p.Add(fixtures::L("Tkr", 50, 126));
    p.Add(fixtures::R("2025", 420, 126));
    p.Add(fixtures::R("2024", 520, 126));
    double y = 142;
    for (size_t k = 0; k < c.rows.size(); ++k) {
      p.Row(c.rows[k][0], y, {420, 520}, {c.rows[k][1], c.rows[k][2]});
      y += k + 2 == c.rows.size() ? 11 : 16;  // the last row set tight under the one before
    }
    for (Word& w : p.words) w.confidence = 0.9;
    Document doc = A4Pages("årsredovisning", {p.words});
    doc.meta.year_from = doc.meta.year_to = 2025;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Labels(ts[0]), c.labels);
    for (const TableRow& r : ts[0].rows)
      for (const TableCell& cell : r.cells) EXPECT_LT(std::abs(cell.value), 100000) << r.label << " " << cell.raw;
  }
}

// A delårsrapport's heads as an English-model dump prints them (w38): the
// whole year named by a word after the kind ("Budget helår 2026"), and a
// forecast's deviation head wrapped inside its word ("Avvikelse" /
// "prognos/bud" / "get") over a header whose cells wrapped their years. The
// deviation is the forecast's. Control: without "helar" the same header
// reads as before.
TEST(WordDocumentDumpTest, WholeYearHeadsAndADeviationWrappedInItsWord) {
  {
    std::vector<FinancialTable> ts = FromDump(
        "Resultatrapport\nBelopp i tkr Utfall jan-jun| Utfall jan-jun| Budget helar| Prognos helar Avvikelse\n"
        "2026 2025 2026 2026] prognos/bud\nget\nMedlemsavgifter 3 100 2950 6 200 6 200 0\n"
        "Ovriga intakter 45 12 50 90 40\nSumma intakter 3145 2 962 6 250 6290 40\n",
        "delårsrapport", 2026);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]),
              "[utfall 2026 01-06][utfall 2025 01-06][budget 2026][prognos 2026][avvikelse 2026]");
    ASSERT_EQ(ts[0].rows.size(), 3u) << Labels(ts[0]);
  }
  for (const bool whole_year : {true, false}) {
    SCOPED_TRACE(whole_year ? "'Budget helår 2026'" : "control: 'Budget 2026'");
    // (Right under the table before, as psm 3 sets it: no blank line.)
    std::vector<FinancialTable> ts = FromDump(
        std::string("Resultatrapport\nBelopp i tkr Utfall 2026 Budget 2026\nMedlemsavgifter 3 100 6 200\n"
                    "Resultat 80 -100\nInsatser\nTkr Budget ") +
            (whole_year ? "helår " : "") +
            "2026 Utfall jan-jun 2026 Kvar att använda\nJobbvägen 1 800 890 910\nUnga på väg 1250 604 646\n"
            "Summa 3 050 1 494 1 556\n",
        "delårsrapport", 2026);
    ASSERT_EQ(ts.size(), 2u);
    EXPECT_EQ(Columns(ts[1]), "[budget 2026][utfall 2026 01-06][aterstar 2026]");
  }
}

// A running header on both pages of a two-page document (w38: "…
// Delårsrapport januari–juni 2026" over a table continued from page 1) is
// no row of the table, though fewer pages print it than a longer document
// must; a zero OCR read "Q" among the figures is read by the sums. Control:
// the same line on one page only is a line of that page.
TEST(WordDocumentLayoutTest, RunningHeaderOfATwoPageDocument) {
  for (const bool both : {true, false}) {
    SCOPED_TRACE(both ? "on both pages" : "control: on the second page only");
    PageBuilder p1, p2;
    if (both) p1.Text("Samordningsförbundet Provdalen · Delårsrapport januari–juni 2026", 40, 8);
    p1.Text("Insatser", 600);
    p1.Add(fixtures::L("Tkr", 50, 626));
    p1.Add(fixtures::R("Budget", 380, 626));
    p1.Add(fixtures::R("2026", 410, 626));
    p1.Add(fixtures::R("Utfall", 470, 626));
    p1.Add(fixtures::R("2025", 500, 626));
    p1.Row("Jobbvägen", 644, {410, 500}, {"1 800", "890"});
    p1.Row("Unga på väg", 660, {410, 500}, {"1 250", "604"});
    p1.Row("Språkstöd", 676, {410, 500}, {"0", ""});
    p1.Add(fixtures::R("Q", 500, 676));
    p2.Text("Samordningsförbundet Provdalen · Delårsrapport januari–juni 2026", 40, 8);
    p2.Row("Hälsosteget", 100, {410, 500}, {"950", "470"});
    p2.Row("Summa", 116, {410, 500}, {"4 000", "1 964"});
    for (Word& w : p1.words) w.confidence = 0.9;
    for (Word& w : p2.words) w.confidence = 0.9;
    Document doc = A4Pages("delårsrapport", {p1.words, p2.words});
    doc.meta.year_from = doc.meta.year_to = 2026;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    std::vector<Flag> flags;
    RepairTables(ts, &flags);
    ASSERT_GE(ts.size(), 1u);
    if (both) {
      EXPECT_EQ(Labels(ts[0]), "[Jobbvägen][Unga på väg][Språkstöd][Hälsosteget][Summa]");
      EXPECT_EQ(ts[0].rows[2].cells[1].raw, "Q");
      EXPECT_EQ(ts[0].rows[2].cells[1].amount_sek, 0);
      EXPECT_EQ(ts[0].rows[2].cells[1].status, "repaired");
    } else {
      EXPECT_NE(Labels(ts[0]).find("Samordningsförbundet"), std::string::npos) << Labels(ts[0]);
    }
  }
}

// A budget set as a T-account (w39): income and its labels on the left,
// costs and theirs on the right of one table whose halves touch, under a
// header naming the same head twice ("Intäkter Budget 2027 Kostnader Budget
// 2027"); the income side one row longer. Two tables, each label with its
// own figure. Control: heads that differ ("Budget 2027" / "Utfall 2026")
// split nothing. As positioned words and as a dump.
TEST(WordDocumentLayoutTest, TAccountBudgetIsTwoTables) {
  for (const bool same : {true, false}) {
    SCOPED_TRACE(same ? "the same head twice" : "control: two different heads");
    PageBuilder p;
    p.Text("Budget 2027", 100);
    p.Add(fixtures::L("Intäkter", 50, 126));
    p.Add(fixtures::R("Budget", 290, 126));
    p.Add(fixtures::R("2027", 320, 126));
    p.Add(fixtures::L("Kostnader", 326, 126));
    p.Add(fixtures::R(same ? "Budget" : "Utfall", 500, 126));
    p.Add(fixtures::R(same ? "2027" : "2026", 530, 126));
    const std::vector<std::vector<std::string>> rows = {
        {"Försäkringskassan", "2 600", "Insatser", "3 900"},
        {"Region Provdalen", "1 300", "Personal", "980"},
        {"Provby kommun", "1 300", "Styrelse", "170"},
        {"Eget kapital", "250", "", ""},
        {"Summa intäkter", "5 450", "Summa kostnader", "5 050"}};
    double y = 142;
    for (const std::vector<std::string>& r : rows) {
      p.Row(r[0], y, {320}, {r[1]});
      if (!r[2].empty()) {
        p.TextAt(r[2], 326, y);
        p.Add(fixtures::Num(r[3], 530, y));
      }
      y += 16;
    }
    Document doc = A4Pages("verksamhetsplan", {p.words});
    doc.meta.year_from = 2027;
    doc.meta.year_to = 2029;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    if (same) {
      ASSERT_EQ(ts.size(), 2u);
      EXPECT_EQ(Labels(ts[0]), "[Försäkringskassan][Region Provdalen][Provby kommun][Eget kapital][Summa intäkter]");
      EXPECT_EQ(Labels(ts[1]), "[Insatser][Personal][Styrelse][Summa kostnader]");
      EXPECT_EQ(ts[1].rows[0].cells[0].amount_sek, 3900000);
    } else {
      for (const FinancialTable& t : ts) EXPECT_EQ(Labels(t).find("[Insatser]"), std::string::npos) << Labels(t);
    }
  }
  {
    SCOPED_TRACE("as a dump");
    std::vector<FinancialTable> ts = FromDump(
        "Budget 2027\n\nIntakter Budget 2027 Kostnader Budget 2027\n\nForsakringskassan 2600 Insatser 3 900\n\n"
        "Region Provdalen 1300 Personal 980\n\nProvby kommun 1 300 Lokaler och 170\nadministration\n\n"
        "Eget kapital 250\n\nSumma intakter 5450 Summa kostnader 5 050\n\nFlerarsplan\n",
        "verksamhetsplan", 2027);
    ASSERT_EQ(ts.size(), 2u);
    EXPECT_EQ(ts[1].title, "Budget 2027");
    EXPECT_EQ(Labels(ts[1]), "[Insatser][Personal][Lokaler och administration][Summa kostnader]");
    for (const FinancialTable& t : ts) EXPECT_EQ(Columns(t), "[budget 2027]");
  }
}

// An economic history turned, the years down the side and the forecast of
// the year under way last ("2026 (prognos)"), in a plan for 2027 (w39): the
// bare years are outcomes (oldest first up to the forecast's year), the
// last row the forecast. In a dump a figure OCR garbled past reading ("no"
// for 110) is a cell of its own, flagged, the row's other figures grouped
// around it. Control: the same years without the forecast stay in doubt.
TEST(WordDocumentLayoutTest, TurnedHistoryEndingInAForecast) {
  for (const bool forecast : {true, false}) {
    SCOPED_TRACE(forecast ? "with '2026 (prognos)'" : "control: no forecast row");
    PageBuilder p;
    p.Text("Ekonomisk utveckling (tkr)", 100);
    p.Add(fixtures::L("År", 50, 126));
    const std::vector<double> rights = {300, 390, 480};
    p.Add(fixtures::R("Intäkter", 300, 126));
    p.Add(fixtures::R("Kostnader", 390, 126));
    p.Add(fixtures::R("Resultat", 480, 126));
    std::vector<std::vector<std::string>> rows = {{"2023", "5 000", "5 140", "−140"},
                                                  {"2024", "5 100", "5 020", "80"},
                                                  {"2025", "5 200", "5 090", "110"}};
    if (forecast) rows.push_back({"2026 (prognos)", "5 300", "5 220", "80"});
    double y = 142;
    for (const std::vector<std::string>& r : rows) {
      p.Row(r[0], y, rights, {r[1], r[2], r[3]});
      y += 16;
    }
    Document doc = A4Pages("verksamhetsplan", {p.words});
    doc.meta.year_from = 2027;
    doc.meta.year_to = 2029;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), forecast ? "[utfall 2023][utfall 2024][utfall 2025][prognos 2026]"
                                       : "[utfall 2023][utfall 2024][utfall 2025]");
    EXPECT_EQ(ts[0].rows[0].cells[0].status, forecast ? "ok" : "suspect") << ts[0].rows[0].cells[0].doubt;
  }
  {
    SCOPED_TRACE("as a dump, one figure garbled");
    std::vector<FinancialTable> ts = FromDump(
        "Ekonomisk utveckling\n\nAr Intakter Kostnader Resultat\n\n2023 5 000 5140 -140\n\n2024 5 100 5 020 80\n\n"
        "2025 5 200 5 090 no\n\n2026 (prognos) 5 300 5 220 80\n",
        "verksamhetsplan", 2027);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[utfall 2023][utfall 2024][utfall 2025][prognos 2026]");
    ASSERT_EQ(ts[0].rows.size(), 3u);
    EXPECT_EQ(ts[0].rows[2].cells[2].raw, "no");
    EXPECT_NE(ts[0].rows[2].cells[2].status, "ok");
    EXPECT_EQ(ts[0].rows[0].cells[3].amount_sek, 5300000);
  }
}

// A driftredovisning in lettered sections (w40): "A. Intäkter" opens the
// income section, "Summa A" is its total, "C. Resultat (A − B)" the result;
// the deviation head abbreviated in its narrow column ("Avv."); a note
// reference in a row label ("(not 2)": its digit is no figure, though OCR
// lost the bracket's close); a table titled "Driftredovisning" (no s) with
// Budget, Utfall, Avvikelse of one year and last year's Utfall is an
// operating statement, not a four-year overview.
TEST(WordDocumentDumpTest, LetteredSectionsAndAnAbbreviatedDeviation) {
  const std::string text =
      "Driftredovisning\n\nTkr Budget 2025 Utfall 2025 Avv. Utfall 2024\nA. Intäkter\n\n"
      "Medlemsavgifter 14 000 14 000 0 13 600\nÖvriga intäkter (not 2 200 356 156 120\n"
      "Summa A 14 200 14 356 156 13 720\nB. Kostnader\n\nInsatser 11 300 10 480 820 10 950\n"
      "Personal 2 150 2 208 -58 2 040\nSumma B 13 450 12 688 762 12 990\n"
      "C. Resultat (A \u2014 B 750 1 668 918 730\n\nStyrelsen har faststallt arsredovisningen.\n";
  std::vector<FinancialTable> ts = FromDump(text, "årsredovisning", 2025);
  ASSERT_EQ(ts.size(), 1u);
  const FinancialTable& t = ts[0];
  EXPECT_EQ(t.table_kind, "operating");
  EXPECT_EQ(Columns(t), "[budget 2025][utfall 2025][avvikelse 2025][utfall 2024]");
  EXPECT_EQ(Labels(t),
            "[Medlemsavgifter][Övriga intäkter (not 2)][Summa A][Insatser][Personal][Summa B]"
            "[C. Resultat (A \u2014 B)]");
  ASSERT_EQ(t.rows.size(), 7u);
  EXPECT_EQ(t.rows[1].cells[0].amount_sek, 200000);  // not 2 200
  EXPECT_EQ(t.rows[1].section, "Intäkter");
  EXPECT_EQ(t.rows[2].category, "income.total");
  EXPECT_NE(t.rows[0].category, "income.total");
  EXPECT_EQ(t.rows[5].category, "cost.total");
  EXPECT_EQ(t.rows[6].category, "result");
  EXPECT_EQ(t.rows[6].cells[2].amount_sek, 918000);
  std::vector<Flag> flags;
  RepairTables(ts, &flags);
  for (const Flag& f : CheckDocument(ts)) EXPECT_TRUE(f.passed) << f.rule << ": " << f.message;
  // Control: a label's bracket that wraps on to the next line is no note
  // reference, and a digit after a bracket that is no note's is a figure's.
  std::vector<FinancialTable> control = FromDump(
      "Budget 2025\n\nTkr Budget 2025 Budget 2026\nIntakter (netto 2 200 2 300\nKostnader 2 000 2 100\n"
      "Resultat 200 200\n",
      "verksamhetsplan", 2025);
  ASSERT_EQ(control.size(), 1u);
  EXPECT_EQ(control[0].rows[0].cells[0].amount_sek, 2200000);
}

// Insatser with a count column headed in two words ("Antal deltagare"),
// the unit in a caption sentence before the table ("Insatser 2025 (tkr).
// Antal deltagare avser …"), and the next table's caption with a year
// ("Medlemsavgifter 2025") under the Summa, a sentence wrapped over two
// lines after it: a caption, no row (w40).
TEST(WordDocumentDumpTest, ACountHeadInTwoWordsAndACaptionBeforeWrappedProse) {
  const std::string text =
      "Insatser\n\nInsatser 2025 (tkr). Antal deltagare avser personer som deltog nagon gang under aret.\n\n"
      "Insats Beviljat 2025 Utfall 2025 Antal deltagare\nSteget vidare 3 200 3 050 84\nUnga in 2 800 2 610 61\n"
      "Summa 6 000 5 660 145\nMedlemsavgifter 2025\n\nMedlemmarnas avgifter fordelas enligt lagen om finansiell "
      "samordning: staten halften, regionen en fjardedel och\nkommunerna en fjardedel efter folkmangd.\n";
  std::vector<FinancialTable> ts = FromDump(text, "årsredovisning", 2025);
  ASSERT_GE(ts.size(), 1u);
  const FinancialTable& t = ts[0];
  EXPECT_EQ(t.unit, "tkr");
  EXPECT_EQ(Labels(t), "[Steget vidare][Unga in][Summa]");
  EXPECT_EQ(Columns(t), "[budget 2025][utfall 2025]");  // the count column no money column
  EXPECT_EQ(t.rows[0].cells[1].amount_sek, 3050000);
}

// A member's name whose last word OCR misread into another word
// ("Ulricehamns komman": a plural of komma, so no unknown word) on an OCR
// page: read as the municipality and flagged as a guess. A text layer's
// label stays as printed, and so does a name that is no near miss.
TEST(WordDocumentLayoutTest, AMunicipalityWhoseLastWordOcrMisread) {
  for (const bool ocr : {true, false}) {
    SCOPED_TRACE(ocr ? "OCR page" : "text page");
    PageBuilder p;
    p.Text("Medlemsavgifter 2025", 100);
    p.Add(fixtures::R("Avgift", 470, 126));
    p.Add(fixtures::R("2025,", 500, 126));
    p.Add(fixtures::R("kr", 512, 126));
    p.Row("Borås stad", 142, {512}, {"1 750 000"});
    p.Row("Ulricehamns komman", 158, {512}, {"378 000"});
    p.Row("Tranemo Folkets hus", 174, {512}, {"182 000"});
    p.Row("Summa", 190, {512}, {"2 310 000"});
    Document doc = A4Pages("årsredovisning", {p.words});
    doc.meta.year_from = 2025;
    if (ocr) doc.pages[0].decision = PageDecision::kOcr;
    std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Labels(ts[0]), ocr ? "[Borås stad][Ulricehamns kommun][Tranemo Folkets hus][Summa]"
                                 : "[Borås stad][Ulricehamns komman][Tranemo Folkets hus][Summa]");
    EXPECT_EQ(ts[0].rows[1].label_guesses.empty(), !ocr);
  }
}

// A delårsrapport's resultaträkning headed by periods wrapped in their
// cells, the first day left open after its dash ("2026-01-01–" over
// "2026-08-31"), beside kinds with their years and a deviation head whose
// second word wraps under it ("Avvikelse" over "helår"); insatser under
// "Utfall jan–aug" without a year (the report's, where every other column
// names it) and a share column whose figures print their per-cent sign set
// apart ("64 %") (w41).
TEST(WordDocumentLayoutTest, InterimPeriodsWrappedAfterTheirDash) {
  PageBuilder p;
  p.Text("Resultaträkning", 100);
  p.Add(fixtures::L("Tkr", 50, 126));
  p.Add(fixtures::R("2026-01-01–", 300, 126));
  p.Add(fixtures::R("2025-01-01–", 390, 126));
  p.Add(fixtures::R("Budget", 440, 126));
  p.Add(fixtures::R("2026", 470, 126));
  p.Add(fixtures::R("Avvikelse", 550, 126));
  p.Add(fixtures::R("2026-08-31", 300, 137));
  p.Add(fixtures::R("2025-08-31", 390, 137));
  p.Add(fixtures::R("helår", 550, 137));
  p.Row("Medlemsavgifter", 153, {300, 390, 470, 550}, {"4 400", "4 200", "6 600", "0"});
  p.Row("Kostnader", 169, {300, 390, 470, 550}, {"-4 155", "-3 965", "-6 600", "200"});
  p.Row("Periodens resultat", 185, {300, 390, 470, 550}, {"245", "235", "0", "200"});
  p.Text("Insatser", 230);
  p.Add(fixtures::L("Insats", 50, 256));
  p.Add(fixtures::R("Budget", 330, 256));
  p.Add(fixtures::R("2026", 360, 256));
  p.Add(fixtures::R("Utfall", 404, 256));
  p.Add(fixtures::R("jan–aug", 466, 256));
  p.Add(fixtures::R("Förbrukat", 540, 256));
  const std::vector<std::vector<std::string>> rows = {
      {"Steg för steg", "1 800", "1 150", "64"}, {"Hälsoteam", "600", "350", "58"}, {"Summa", "2 400", "1 500", "63"}};
  double y = 272;
  for (const std::vector<std::string>& r : rows) {
    p.Row(r[0], y, {360, 466, 528}, {r[1], r[2], r[3]});
    p.Add(fixtures::L("%", 532, y));
    y += 16;
  }
  Document doc = A4Pages("delårsrapport", {p.words});
  doc.meta.year_from = doc.meta.year_to = 2026;
  std::vector<FinancialTable> ts = ExtractFinancialTables(doc);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(Columns(ts[0]), "[utfall 2026 01-08][utfall 2025 01-08][budget 2026][avvikelse 2026]");
  EXPECT_EQ(ts[0].rows[2].cells[3].amount_sek, 200000);
  EXPECT_EQ(Columns(ts[1]), "[budget 2026][utfall 2026 01-08][andel 0]");
  EXPECT_TRUE(ts[1].rows[0].cells[2].is_percent);
  EXPECT_EQ(ts[1].rows[0].cells[1].amount_sek, 1150000);
  // Control: a report of two years (year_to unknown) lends no year.
  doc.meta.year_to = 2027;
  ts = ExtractFinancialTables(doc);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts[1].columns[1].year, 0);
}

// The same as OCR prints it in a dump: the open first day with its dash
// and the cell's border ("2026-01-01—|"), the days closing the periods on
// the next line after a blank one with "helar" under the deviation head;
// "Utfall jan—aug" with an em dash OCR made of the en dash, no year, and a
// "Forbrukat" head over per-cent figures after the years (w41).
TEST(WordDocumentDumpTest, InterimPeriodsWrappedAfterTheirDash) {
  std::vector<FinancialTable> ts = FromDump(
      "Resultatrakning\n\nTkr 2026-01-01\u2014| 2025-01-01-| Budget 2026] Prognos 2026 Avvikelse\n\n"
      "2026-08-31 2025-08-31 helar\n\nMedlemsavgifter 4400 4200 6 600 6600 0\n"
      "Kostnader -4 155 -3 965 -6 600 -6 400 200\nPeriodens resultat 245 235 0 200 200\n\n"
      "Insatser\n\nInsats Budget 2026 Utfall jan\u2014aug Forbrukat\nSteg for steg 1800 1150 64 %\n"
      "Halsoteam 600 350 58 %\nSumma 2 400 1 500 63 %\n",
      "delårsrapport", 2026);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(Columns(ts[0]), "[utfall 2026 01-08][utfall 2025 01-08][budget 2026][prognos 2026][avvikelse 2026]");
  EXPECT_EQ(ts[0].rows.size(), 3u);
  EXPECT_EQ(Columns(ts[1]), "[budget 2026][utfall 2026 01-08][andel 0]");
  EXPECT_EQ(ts[1].rows[0].cells[1].amount_sek, 1150000);
}

// A table whose cells set their text at the bottom (w42): a label wrapped
// over two or three lines has its figures on its last line, the lines above
// set tight over it and a cell's padding apart from the row before. The
// label lines above go with the figures below, whatever their words; a
// label line set tight under a row's figures (a cell set at its top) still
// goes with the row above.
TEST(WordDocumentLayoutTest, ACellSetAtItsBottomJoinsTheLabelLinesAboveItsFigures) {
  PageBuilder p;
  p.Text("Budget och flerårsplan", 100);
  p.Add(fixtures::L("Resultatbudget", 50, 126));
  p.Add(fixtures::R("Budget", 330, 126));
  p.Add(fixtures::R("2027", 360, 126));
  p.Add(fixtures::R("Plan", 420, 126));
  p.Add(fixtures::R("2028", 450, 126));
  p.Text("Medlemsavgift från", 146);
  p.Text("Försäkringskassan och", 157);
  p.Row("Arbetsförmedlingen", 168, {360, 450}, {"3 150", "3 150"});
  p.Text("Medlemsavgift från Region", 188);
  p.Row("Jönköpings län", 199, {360, 450}, {"1 575", "1 575"});
  p.Row("Ränteintäkter", 219, {360, 450}, {"10", "10"});
  p.Row("Summa intäkter", 239, {360, 450}, {"4 735", "4 735"});
  p.Row("Kostnader för kansli,", 259, {360, 450}, {"-4 735", "-4 735"});
  p.Text("personal och styrelse", 270);
  p.Row("Resultat", 290, {360, 450}, {"0", "0"});
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {p.words}));
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(Labels(ts[0]),
            "[Medlemsavgift från Försäkringskassan och Arbetsförmedlingen][Medlemsavgift från Region Jönköpings "
            "län][Ränteintäkter][Summa intäkter][Kostnader för kansli, personal och styrelse][Resultat]");
  EXPECT_EQ(ts[0].rows[1].cells[0].amount_sek, 1575000);
}

// A header set at its cells' bottom (w42): the kinds whose cells wrapped
// stand over the years line ("Budget" over "2027"), a multi-year head left
// open after its dash over its end ("Totalt 2027–" over "2029"), whole
// cells on the years line ("Plan 2028"). On a scan, a speck read as a dash
// between the kinds ("Budget - Totalt") or after a year ("Plan 2028 --
// Plan 2029") joins no heads.
TEST(WordDocumentLayoutTest, AHeaderSetAtItsCellsBottom) {
  for (bool scan : {false, true}) {
    SCOPED_TRACE(scan ? "scan" : "text layer");
    PageBuilder p;
    p.Text("Insatser", 100);
    p.Add(fixtures::R("Budget", 330, 120));
    if (scan) p.Add(fixtures::L("-", 378, 120));
    p.Add(fixtures::R("Totalt", 505, 120));
    p.Add(fixtures::R("2027–", 540, 120));
    p.Add(fixtures::L("Insats", 50, 131));
    p.Add(fixtures::R("2027", 330, 131));
    p.Add(fixtures::R("Plan", 384, 131));
    p.Add(fixtures::R("2028", 414, 131));
    if (scan) p.Add(fixtures::L("--", 415, 131));
    p.Add(fixtures::R("Plan", 444, 131));
    p.Add(fixtures::R("2029", 474, 131));
    p.Add(fixtures::R("2029", 540, 131));
    p.Row("Samverkansteam", 150, {330, 414, 474, 540}, {"2 100", "2 150", "2 150", "6 400"});
    p.Row("Individstöd", 166, {330, 414, 474, 540}, {"1 200", "1 250", "1 250", "3 700"});
    p.Row("Summa insatser", 182, {330, 414, 474, 540}, {"3 300", "3 400", "3 400", "10 100"});
    if (scan)
      for (Word& w : p.words) w.confidence = 0.9f;
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {p.words}));
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[budget 2027][plan 2028][plan 2029][totalt 0]");
    EXPECT_EQ(ts[0].title, "Insatser");
    EXPECT_EQ(ts[0].rows[2].cells[3].amount_sek, 10100000);
  }
}

// A footnote mark set as a superscript after a figure ("422²", w42): the
// text layer gives the raised digit as a word of its own touching the
// figure; it is no digit of it. (Control: a digit of body size set close
// after a figure is read with it.)
TEST(WordDocumentLayoutTest, ARaisedFootnoteMarkAfterAFigureIsNoDigitOfIt) {
  PageBuilder p;
  p.Text("Resultatbudget", 100);
  p.Add(fixtures::L("Tkr", 50, 126));
  p.Add(fixtures::R("Budget", 330, 126));
  p.Add(fixtures::R("2026", 360, 126));
  p.Add(fixtures::R("Prognos", 430, 126));
  p.Add(fixtures::R("2026", 460, 126));
  p.Row("Summa intäkter", 146, {360, 460}, {"6 000", "6 012"});
  p.Row("Summa kostnader", 162, {360, 460}, {"-6 000", "-5 590"});
  p.Row("Årets resultat", 178, {360, 460}, {"0", "422"});
  p.Add(fixtures::L("2", 460, 178, 6));  // raised: its top on the figure's, 6 pt tall
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {p.words}));
  ASSERT_EQ(ts.size(), 1u);
  ASSERT_EQ(ts[0].rows.size(), 3u);
  EXPECT_EQ(ts[0].rows[2].cells[1].amount_sek, 422000);
  EXPECT_EQ(ts[0].rows[2].cells[1].status, "ok");
}

// On a scan, the previous page's running foot that OCR garbled past
// recognition ("Virksavhetsplan 2027-11" for "Verksamhetsplan 2027 | 1",
// w42) stands where a header line left at the foot would: one word over
// the columns is no header line, and the next page's header stands alone
// (its speck after a year no word of it).
TEST(WordDocumentLayoutTest, AGarbledRunningFootIsNoHeaderLineCarriedOver) {
  PageBuilder p1, p2;
  p1.Text("Förbundet planerar att använda en del av det egna kapitalet.", 700);
  p1.Text("Saräorfinmgsforoundet Höglanaet I Virksavhetsplan", 800);
  p1.Add(fixtures::R("2027-11", 360, 800));
  p2.Add(fixtures::L("Tkr", 50, 70));
  p2.Add(fixtures::R("Prognos", 360, 70));
  p2.Add(fixtures::R("Budget", 450, 70));
  p2.Add(fixtures::R("Plan", 510, 70));
  p2.Add(fixtures::R("2028", 540, 70));
  p2.Add(fixtures::L("--", 541, 70));  // a speck after the year (no header word)
  p2.Add(fixtures::R("2026", 360, 81));
  p2.Add(fixtures::R("2027", 450, 81));
  p2.Row("Ingående eget kapital", 100, {360, 450, 540}, {"2 058", "2 480", "2 440"});
  p2.Row("Årets resultat", 116, {360, 450, 540}, {"422", "-40", "-180"});
  p2.Row("Utgående eget kapital", 132, {360, 450, 540}, {"2 480", "2 440", "2 260"});
  for (PageBuilder* p : {&p1, &p2})
    for (Word& w : p->words) w.confidence = 0.9f;
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {p1.words, p2.words}));
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(Columns(ts[0]), "[prognos 2026][budget 2027][plan 2028]");
  EXPECT_EQ(ts[0].rows.size(), 3u);
}

// The same cells set at their bottom as an English-model dump prints them
// (w42): label lines that break off after a joining word or a comma, or
// after "Region", go on with the figures below; a kinds line over a years
// line that also holds whole cells ("Budget Prognos Budget" over
// "Resultatbudget 2026 2026 2027 Plan 2028 Plan 2029") and a range left
// open over its end ("Budget Totalt 2027-" over "Insats 2027 Plan 2028 Plan
// 2029 2029").
TEST(WordDocumentDumpTest, CellsSetAtTheirBottom) {
  std::vector<FinancialTable> ts = FromDump(
      "Alla belopp i tusentals kronor.\n\nBudget Prognos Budget\n"
      "Resultatbudget 2026 2026 2027 Plan 2028 Plan 2029\nMedlemsavgift fran\nForsakringskassan och\n"
      "Arbetsformedlingen 3 000 3 000 3150 3 150 3 150\nMedlemsavgift fran Region\n"
      "Jonkopings lan 1500 1500 1575 1575 1575\nSumma intakter 4500 4500 4725 4725 4725\n"
      "Kostnader -4500 -4500 -4725 -4725 -4725\nArets resultat 0 0 0 0 0\n\n"
      "Budgeterade medel per insats (tkr).\n\nBudget Totalt 2027-\nInsats 2027 Plan 2028 Plan 2029 2029\n"
      "Samverkansteam Hoglandet (Eksjo,\nNassjo och Vetlanda) 2 100 2 150 2 150 6 400\n"
      "Individstod i arbetslivet 1200 1250 1250 3 700\nSumma insatser 3300 3400 3400 10 100\n",
      "verksamhetsplan", 2027);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(Columns(ts[0]), "[budget 2026][prognos 2026][budget 2027][plan 2028][plan 2029]");
  EXPECT_EQ(Labels(ts[0]),
            "[Medlemsavgift fran Forsakringskassan och Arbetsformedlingen][Medlemsavgift fran Region Jonkopings "
            "lan][Summa intakter][Kostnader][Arets resultat]");
  EXPECT_EQ(Columns(ts[1]), "[budget 2027][plan 2028][plan 2029][totalt 0]");
  ASSERT_EQ(ts[1].rows.size(), 3u);
  EXPECT_EQ(ts[1].rows[0].label, "Samverkansteam Hoglandet (Eksjo, Nassjo och Vetlanda)");
  EXPECT_EQ(ts[1].rows[0].cells[3].amount_sek, 6400000);
}

// A figure OCR read with its footnote mark ("422?" for 422²) is a cell the
// sums settle (number_repair derives it, in doubt), not a word of the
// row's label; and a
// numbered heading right under a table's sum row opens the next section
// (w42's goals under its member fees), unless the table numbers its rows.
TEST(WordDocumentDumpTest, AFootnoteMarkOnAFigureAndANumberedHeadingUnderTheSum) {
  std::vector<FinancialTable> ts = FromDump(
      "Alla belopp i tusentals kronor.\n\nTkr Budget 2026 Prognos 2026\nMedlemsavgifter 6 000 6 012\n"
      "Summa intakter 6 000 6 012\nKostnader -6 000 -5 590\nSumma kostnader -6 000 -5 590\n"
      "Arets resultat 0 422?\n\n"
      "Medlemsavgifter 2027\n\nMedlem Andel Avgift 2027\nRegion Jonkopings lan 50,00 % 1 575 000\n"
      "Eksjo kommun 50,00 % 1 575 000\nSumma 100,00 % 3 150 000\n5. Mal och indikatorer\n\n"
      "Mal Indikator Malvarde 2027\nFler deltagare i arbete Andel deltagare Minst 40 %\n"
      "Samverkan starks Antal utbildningsdagar 6\n",
      "verksamhetsplan", 2027);
  ASSERT_GE(ts.size(), 2u);
  ASSERT_EQ(ts[0].rows.size(), 5u);
  EXPECT_EQ(ts[0].rows[4].label, "Arets resultat");
  // (Unparsed here; number_repair derives 422 from the sums, as it does
  // any unreadable cell: number_repair_test.)
  EXPECT_EQ(ts[0].rows[4].cells[1].raw, "422?");
  EXPECT_FALSE(ts[0].rows[4].cells[1].parsed);
  EXPECT_EQ(ts[0].rows[4].cells[1].status, "suspect");
  EXPECT_EQ(Labels(ts[1]), "[Region Jonkopings lan][Eksjo kommun][Summa]");
}

// Rows that carry their own units in an overview (w43): "(tkr)" scales its
// row; a cost per participant in kronor is a ratio, never summed, as kr/m²
// is, and a count is no money.
TEST(WordDocumentDumpTest, RowsWithTheirOwnUnitsAndACostPerParticipant) {
  std::vector<FinancialTable> ts = FromDump(
      "Flerarsoversikt\n\n2021 2022 2023\nIntakter (tkr) 6 120 6 300 6 540\n"
      "Kostnad per deltagare (kr) 42 394 42 733 40 075\nAntal deltagare (st) 142 150 161\n",
      "årsredovisning", 2023);
  ASSERT_EQ(ts.size(), 1u);
  ASSERT_EQ(ts[0].rows.size(), 3u);
  EXPECT_TRUE(ts[0].rows[0].monetary);
  EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 6120000);
  EXPECT_FALSE(ts[0].rows[1].monetary) << ts[0].rows[1].label;
  EXPECT_DOUBLE_EQ(ts[0].rows[1].cells[2].value, 40075);
  EXPECT_FALSE(ts[0].rows[2].monetary);
}

// A header whose kinds are followed by the heads of columns that hold no
// money, each wrapped in its cell ("Insats Budget Utfall Avvikelse Antal
// Kostnad" over "2025 2025 deltagare per" over "deltagare" over "(kr)",
// w43): the kinds pair with the years, the further lines are the header's,
// and the "(kr)" closing a head is that column's unit, not the table's
// (the sentence above it names tkr).
TEST(WordDocumentLayoutTest, KindsBesideHeadsOfColumnsThatHoldNoMoney) {
  PageBuilder p;
  p.Text("Driftredovisning per insats", 100);
  p.Text("Belopp i tkr där inget annat anges.", 116);
  p.Add(fixtures::L("Insats", 50, 140));
  p.Add(fixtures::R("Budget", 300, 140));
  p.Add(fixtures::R("Utfall", 360, 140));
  p.Add(fixtures::R("Avvikelse", 430, 140));
  p.Add(fixtures::R("Antal", 490, 140));
  p.Add(fixtures::R("Kostnad", 550, 140));
  p.Add(fixtures::R("2025", 300, 151));
  p.Add(fixtures::R("2025", 360, 151));
  p.Add(fixtures::R("deltagare", 490, 151));
  p.Add(fixtures::R("per", 550, 151));
  p.Add(fixtures::R("deltagare", 550, 162));
  p.Add(fixtures::R("(kr)", 550, 173));
  const std::vector<double> at = {300, 360, 430, 490, 550};
  p.Row("Arbetsträning Norra", 190, at, {"2 400", "2 310", "90", "64", "36 094"});
  p.Text("Västmanland", 201);
  p.Row("Unga till arbete", 219, at, {"1 600", "1 655", "-55", "48", "34 479"});
  p.Row("Hälsoinsats", 237, at, {"900", "842", "58", "31", "27 161"});
  p.Row("Summa insatser", 255, at, {"4 900", "4 807", "93", "143", "33 615"});
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("årsredovisning", {p.words}));
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(Columns(ts[0]), "[budget 2025][utfall 2025][avvikelse 2025]");
  EXPECT_EQ(ts[0].unit, "tkr");
  EXPECT_EQ(Labels(ts[0]), "[Arbetsträning Norra Västmanland][Unga till arbete][Hälsoinsats][Summa insatser]");
  EXPECT_EQ(ts[0].rows[3].cells[1].amount_sek, 4807000);
}

// The same as an English-model dump with --psm 4 prints it (w43): a blank
// line after each header line and between the rows; a label line right
// under a row with a blank line after it is that row's, in capitals after
// a joining word too ("SUMMA EGET KAPITAL OCH" over "SKULDER").
TEST(WordDocumentDumpTest, KindsBesideHeadsOfColumnsThatHoldNoMoney) {
  std::vector<FinancialTable> ts = FromDump(
      "Driftredovisning per insats\nBelopp i tkr dar inget annat anges.\n\n"
      "Insats Budget Utfall Avvikelse Antal Kostnad\n\n2025 2025 deltagare per\n\ndeltagare\n\n(kr)\n\n"
      "Arbetstraning Norra 2 400 2 310 90 64 36 094\nVastmanland\n\nUnga till arbete 1 600 1655 -55 48 34 479\n\n"
      "Halsoinsats 900 842 58 31 27 161\n\nSumma insatser 4 900 4 807 93 143 33 615\n\n"
      "Balansrakning\n\nKronor Not 2025-12-31 2024-12-31\nKassa och bank 2 651 170 2 289 950\n"
      "SUMMA TILLGANGAR 2 651 170 2 289 950\nEget kapital 2 024 820 1 712 630\n"
      "Kortfristiga skulder 4 626 350 577 320\nSUMMA EGET KAPITAL OCH 2 651 170 2 289 950\nSKULDER\n",
      "årsredovisning", 2025);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(Columns(ts[0]), "[budget 2025][utfall 2025][avvikelse 2025]");
  EXPECT_EQ(ts[0].unit, "tkr");
  EXPECT_EQ(Labels(ts[0]), "[Arbetstraning Norra Vastmanland][Unga till arbete][Halsoinsats][Summa insatser]");
  EXPECT_EQ(ts[1].rows.back().label, "SUMMA EGET KAPITAL OCH SKULDER");
}

// A label that OCR left ending in a damaged figure and a comma ("Eget
// kapital e630,", a generated psm 6 dump) does not go on with the next
// line's label: only a word of letters before the comma does.
TEST(WordDocumentDumpTest, ADamagedFigureBeforeACommaOpensNoLabel) {
  std::vector<FinancialTable> ts = FromDump(
      "Balansrakning, tkr\n\nUtfall 2020 Utfall 2019\nKortfristiga fordringar 1 200 1 100\n"
      "Eget kapital e630,\nLikvida medel 10 087 9 054\nSumma tillgangar 11 287 10 154\n",
      "årsredovisning", 2020);
  ASSERT_EQ(ts.size(), 1u);
  const std::string labels = Labels(ts[0]);
  EXPECT_NE(labels.find("[Likvida medel]"), std::string::npos) << labels;
}

// A table broken by the page: on the scan, the first page's running foot
// right under the table, garbled past recognition, its page number read as
// a letter ("… Ova Söpaland I" for "… Östra Värmland · 1", w44), is no
// rest of the last row's label; the table goes on on the next page.
TEST(WordDocumentLayoutTest, AGarbledFootUnderATableBrokenByThePage) {
  PageBuilder p1, p2;
  p1.Text("Medlemsavgifter", 600);
  p1.Add(fixtures::L("Medlem", 50, 640));
  p1.Add(fixtures::R("2027", 360, 640));
  p1.Add(fixtures::R("2028", 450, 640));
  p1.Row("Försäkringskassan", 660, {360, 450}, {"2 550 000", "2 550 000"});
  p1.Row("Region Värmland", 676, {360, 450}, {"2 550 000", "2 550 000"});
  p1.Text("värksetulsstotan 2027-2025 Naryordmuns sö nanser Ova Söpaland I", 692);
  p2.Row("Storfors kommun", 80, {360, 450}, {"510 000", "510 000"});
  p2.Row("Summa", 96, {360, 450}, {"5 610 000", "5 610 000"});
  for (PageBuilder* p : {&p1, &p2})
    for (Word& w : p->words) w.confidence = 0.9f;
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {p1.words, p2.words}));
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(Labels(ts[0]), "[Försäkringskassan][Region Värmland][Storfors kommun][Summa]");
}

// On a scan, a statement's section heading set at the line spacing right
// over its first row ("Materiella anläggningstillgångar" over "Byggnader
// 666 670 761", a brf report) is no cell's first line: OCR boxes set a
// cell's two lines as far apart as two rows, so there a label line joins
// the figures below only when it breaks off open ("Medlemsavgift från
// Region" over "Jönköpings län 1 500", w42). And a dash OCR read between a
// period's first and last day in the header ("1 JANUARI - 31 DECEMBER
// 2021 2020") is the period's, no speck.
TEST(WordDocumentLayoutTest, OnAScanOnlyAnOpenLabelLineJoinsTheFiguresBelow) {
  PageBuilder p;
  p.Text("Balansräkning", 100);
  p.Add(fixtures::L("1", 50, 126));
  p.Add(fixtures::L("JANUARI", 60, 126));
  p.Add(fixtures::L("-", 106, 126));
  p.Add(fixtures::L("31", 116, 126));
  p.Add(fixtures::L("DECEMBER", 134, 126));
  p.Add(fixtures::R("2021", 420, 126));
  p.Add(fixtures::R("2020", 500, 126));
  p.Text("ANLÄGGNINGSTILLGÅNGAR", 150);
  p.Text("Materiella anläggningstillgångar", 164);
  p.Row("Byggnader", 178, {420, 500}, {"666 670 761", "670 174 119"});
  p.Row("Summa materiella anläggningstillgångar", 192, {420, 500}, {"666 670 761", "670 174 119"});
  p.Text("Medlemsavgift från Region", 216);
  p.Row("Jönköpings län", 227, {420, 500}, {"1 500", "1 575"});  // set tight: a cell's second line
  p.Row("Avskrivning av materiella anläggningstillgångar", 243, {420, 500}, {"-3 503 359", "-3 503 359"});
  p.Row("Summa", 257, {420, 500}, {"666 672 261", "670 175 694"});
  for (Word& w : p.words) w.confidence = 0.9f;
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("årsredovisning", {p.words}));
  ASSERT_EQ(ts.size(), 1u);
  const std::string labels = Labels(ts[0]);
  EXPECT_NE(labels.find("[Byggnader]"), std::string::npos) << labels;
  EXPECT_NE(labels.find("[Medlemsavgift från Region Jönköpings län]"), std::string::npos) << labels;
  EXPECT_NE(labels.find("[Summa]"), std::string::npos) << labels;
}

// A count column's head after a deviation that names no year ("Insats
// Budget 2025 Utfall 2025 Avvikelse Deltagare", w45): the header is read,
// the counts are no money; an age group in a label ("Hälsa 50+") is the
// label's, not a figure.
TEST(WordDocumentDumpTest, ACountColumnAfterAYearlessDeviationAndAnAgeGroupInALabel) {
  std::vector<FinancialTable> ts = FromDump(
      "Insatser 2025\n\nBelopp i tkr.\nInsats Budget 2025 Utfall 2025 Avvikelse Deltagare\n"
      "Unga 16-29 år 1 200 1 264 -64 37\nIPS 2.0 950 918 32 22\nHälsa 50+ 600 575 25 19\n"
      "Summa insatser 2 750 2 757 -7 78\n",
      "årsredovisning", 2025);
  ASSERT_EQ(ts.size(), 1u);
  ASSERT_EQ(ts[0].rows.size(), 4u);
  ASSERT_EQ(ts[0].columns.size(), 3u);
  EXPECT_EQ(ts[0].columns[2].kind, ColumnKind::kAvvikelse);
  EXPECT_EQ(ts[0].rows[2].label, "Hälsa 50+");
  EXPECT_EQ(ts[0].rows[2].cells[0].amount_sek, 600000);
  EXPECT_EQ(ts[0].rows[2].cells[2].amount_sek, 25000);
  EXPECT_EQ(ts[0].rows[1].cells[0].amount_sek, 950000);
  EXPECT_EQ(ts[0].rows[3].cells[1].amount_sek, 2757000);
  EXPECT_EQ(ts[0].rows[3].cells[2].amount_sek, -7000);
  for (const TableRow& r : ts[0].rows) EXPECT_EQ(r.cells.size(), 3u) << r.label;  // the counts no cell
}

// On a scan, a figure whose first thousands space OCR lost ("1952 940",
// "1999 960") starts no header with its "years" (w45): the balance sheet
// reads on past its Summa row.
TEST(WordDocumentLayoutTest, AFigureThatLostItsThousandsSpaceIsNoHeaderYear) {
  PageBuilder p;
  p.Text("Balansräkning", 100);
  p.Text("Belopp i kronor", 126);
  p.Add(fixtures::R("2025-12-31", 420, 126));
  p.Add(fixtures::R("2024-12-31", 500, 126));
  p.Text("Tillgångar", 144);
  const std::vector<double> at = {420, 500};
  p.Row("Fordringar hos medlemmar", 160, at, {"263 610", "159 840"});
  p.Row("Kassa och bank", 174, at, {"1 689 330", "1 840 120"});
  p.Row("Summa tillgångar", 188, at, {"1952 940", "1999 960"});
  p.Text("Eget kapital och skulder", 206);
  p.Row("Eget kapital", 222, at, {"1 327 220", "1 412 560"});
  p.Row("Leverantörsskulder", 236, at, {"412 880", "377 900"});
  p.Row("Övriga kortfristiga skulder", 250, at, {"212 840", "209 500"});
  p.Row("Summa eget kapital och skulder", 264, at, {"1952 940", "1999 960"});
  for (Word& w : p.words) w.confidence = 0.9f;
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("årsredovisning", {p.words}));
  ASSERT_EQ(ts.size(), 1u);
  const std::string labels = Labels(ts[0]);
  EXPECT_NE(labels.find("[Summa tillgångar]"), std::string::npos) << labels;
  EXPECT_NE(labels.find("[Leverantörsskulder]"), std::string::npos) << labels;
  EXPECT_NE(labels.find("[Summa eget kapital och skulder]"), std::string::npos) << labels;
}

// On a scan, a figure's last group whose box took in the rule above it
// (its top 6.5 pt higher, its bottom on the digits' baseline) stays in its
// place in the figure: "-5 058 310", not "-5 310 058" (w45).
TEST(WordDocumentLayoutTest, AGroupWhoseBoxReachesUpToTheRuleKeepsItsPlace) {
  PageBuilder p;
  p.Text("Resultaträkning", 100);
  p.Text("Belopp i kronor", 126);
  p.Add(fixtures::R("2025", 420, 126));
  p.Add(fixtures::R("2024", 500, 126));
  const std::vector<double> at = {420, 500};
  p.Row("Kostnader för insatser", 144, at, {"-4 982 040", "-4 716 200"});
  p.Row("Övriga kostnader", 158, at, {"-165 450", "-342 110"});
  p.Row("Summa kostnader", 174, at, {"-5 147 490", ""});
  p.Add(fixtures::R("-5", 478, 174));
  p.Add(fixtures::R("058", 487, 174));
  Word tall = fixtures::R("310", 500, 174);
  tall.box.y0 -= 6.5;  // the rule over the sums row
  p.Add(tall);
  for (Word& w : p.words) w.confidence = 0.9f;
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("årsredovisning", {p.words}));
  ASSERT_EQ(ts.size(), 1u);
  ASSERT_EQ(ts[0].rows.size(), 3u);
  EXPECT_EQ(ts[0].rows[2].cells[1].amount_sek, -5058310) << ts[0].rows[2].cells[1].raw;
}

// A scan's header of column kinds abbreviated before their years, one
// glued to its year by a dash OCR read off a speck, specks read as a full
// stop and a dash between the heads ("Tkr Utf-2025 Bu 2026 . Progn 2026
// Bu 2027 — Plan 2028 Plan 2029", w46), over rows numbered like an outline
// whose inner stop OCR read as a colon ("1:1 Medlemsavgift staten"): the
// kinds are read, and the numbers leave the labels.
TEST(WordDocumentLayoutTest, AbbreviatedKindsOverOutlineNumberedRowsOnAScan) {
  PageBuilder p;
  p.Text("Ekonomisk översikt", 420);
  // The header's words where OCR put them on the 300 dpi page (pixels).
  auto px = [&p](const char* text, double x0, double y0, double x1, double y1) {
    Word w = fixtures::L(text, 0, 0);
    w.box = Box{x0 * 0.24, y0 * 0.24, x1 * 0.24, y1 * 0.24};
    p.Add(w);
  };
  px("Tkr", 294, 1859, 368, 1900);
  px("Utf-2025", 989, 1860, 1125, 1889);
  px("Bu", 1218, 1861, 1258, 1888);
  px("2026", 1270, 1860, 1347, 1889);
  px(".", 1365, 1856, 1377, 1900);
  px("Progn", 1388, 1862, 1480, 1895);
  px("2026", 1491, 1861, 1569, 1889);
  px("Bu", 1661, 1862, 1701, 1888);
  px("2027", 1712, 1861, 1790, 1889);
  px("—", 1818, 1856, 1830, 1902);
  px("Plan", 1855, 1860, 1923, 1889);
  px("2028", 1934, 1861, 2010, 1889);
  px("Plan", 2076, 1861, 2144, 1889);
  px("2029", 2155, 1862, 2233, 1889);
  const std::vector<double> at = {270, 323.5, 376.6, 429.6, 482.6, 536};
  p.Text("1. Intäkter", 462);
  p.Row("1:1 Medlemsavgift staten", 478, at, {"3 000", "3 100", "3 100", "3 200", "3 200", "3 200"});
  p.Row("1:2 Medlemsavgift region", 494, at, {"1 500", "1 550", "1 550", "1 600", "1 600", "1 600"});
  p.Row("1.3 Medlemsavgift kommuner", 510, at, {"1 500", "1 550", "1 550", "1 600", "1 600", "1 600"});
  p.Row("Summa intäkter", 526, at, {"6 000", "6 200", "6 200", "6 400", "6 400", "6 400"});
  for (Word& w : p.words) w.confidence = 0.9f;
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {p.words}));
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(fixtures::Columns(ts[0]), "[utfall 2025][budget 2026][prognos 2026][budget 2027][plan 2028][plan 2029]");
  const std::string labels = Labels(ts[0]);
  EXPECT_NE(labels.find("[Medlemsavgift staten]"), std::string::npos) << labels;
  EXPECT_NE(labels.find("[Medlemsavgift kommuner]"), std::string::npos) << labels;
  ASSERT_GE(ts[0].rows.size(), 4u);
  EXPECT_EQ(ts[0].rows[0].cells[2].amount_sek, 3100000);
}

// A dump of a table numbered like an outline under abbreviated kind heads
// with specks after them ("Tkr Utf 2025 Bu 2026 Progn 2026 Bu 2027. =
// Plan 2028", w46): the kinds are read; its numbered result row is the
// table's last, and the next section's heading under it ("Insatser") is
// no rest of that row's label.
TEST(WordDocumentDumpTest, AbbreviatedKindsAndANumberedResultRowBeforeTheNextHeading) {
  std::vector<FinancialTable> ts = FromDump(
      "Ekonomisk oversikt\n\nTkr Utf 2025 Bu 2026 Progn 2026 Bu 2027. = Plan 2028 ~—— Plan 2029\n1. Intakter\n\n"
      "1.1 Medlemsavgift staten 3 000 3 100 3 100 3 200 3 200 3 200\n"
      "1.2 Medlemsavgift region 1 500 1 550 1 550 1 600 1 600 1 600\n"
      "Summa intakter 4 500 4 650 4 650 4 800 4 800 4 800\n2. Kostnader\n\n"
      "2.1 Insatser 3 280 4 000 3 615 3 950 3 835 3 720\n2.2 Kansli 1 000 750 900 900 950 1 000\n"
      "Summa kostnader 4 280 4 750 4 515 4 850 4 785 4 720\n3. Resultat 220 -100 135 -50 15 80\nInsatser\n\n"
      "Insatserna beskrivs nedan.\n",
      "verksamhetsplan", 2027);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(Columns(ts[0]), "[utfall 2025][budget 2026][prognos 2026][budget 2027][plan 2028][plan 2029]");
  ASSERT_FALSE(ts[0].rows.empty());
  const TableRow& last = ts[0].rows.back();
  EXPECT_EQ(last.label, "Resultat");  // the outline numbers leave the labels (w20)
  EXPECT_EQ(last.cells[1].amount_sek, -100000);
}

// A member fee table whose heads are the label column's, a share column's
// and one year ("Medlem Andel 2027", w46): the year heads the fees, in a
// plan a budget, in tkr with one decimal.
TEST(WordDocumentDumpTest, AMemberFeeTableUnderOneYearBesideItsShares) {
  std::vector<FinancialTable> ts = FromDump(
      "Medlemsavgifter 2027 (tkr)\n\nMediem Andel 2027\nStaten (FK och AF) 50 % 3 200,0\nRegion Skane 25 % 1 600,0\n"
      "Eslovs kommun 12,5 % 800,0\nHoors kommun 12,5 % 800,0\nSumma 100 % 6 400,0\n",
      "verksamhetsplan", 2027);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(Columns(ts[0]), "[budget 2027]");
  ASSERT_EQ(ts[0].rows.size(), 5u);
  EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 3200000);
  EXPECT_EQ(ts[0].rows[4].cells[0].amount_sek, 6400000);
}

TEST(WordDocumentLayoutTest, AMemberFeeTableUnderOneYearBesideItsShares) {
  PageBuilder p;
  p.Text("Medlemsavgifter 2027 (tkr)", 100);
  p.Add(fixtures::L("Medlem", 50, 126));
  p.Add(fixtures::L("Andel", 300, 126));
  p.Add(fixtures::R("2027", 500, 126));
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Staten (FK och AF)", "3 200,0"}, {"Region Skåne", "1 600,0"}, {"Eslövs kommun", "800,0"},
      {"Höörs kommun", "800,0"}, {"Summa", "6 400,0"}};
  const char* shares[] = {"50 %", "25 %", "12,5 %", "12,5 %", "100 %"};
  double y = 142;
  for (size_t k = 0; k < rows.size(); ++k, y += 14) {
    p.Text(rows[k].first, y);
    p.TextAt(shares[k], 300, y);
    p.Add(fixtures::Num(rows[k].second, 500, y));
  }
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {p.words}));
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(Columns(ts[0]), "[budget 2027]");
  ASSERT_EQ(ts[0].rows.size(), 5u);
  EXPECT_EQ(ts[0].rows[2].label, "Eslövs kommun");
  EXPECT_EQ(ts[0].rows[2].cells[0].amount_sek, 800000);
}

// A dump's header whose share head broke after its comma, the "%" alone on
// the next line, beside a yearless deviation ("Utfall 2025 Avvikelse|
// Avvikelse,| Utfall 2024" over "%", w47): the deviation and the share
// are two columns, the prior year's outcome the last.
TEST(WordDocumentDumpTest, AShareHeadWhosePercentSignWrappedAfterADeviation) {
  std::vector<FinancialTable> ts = FromDump(
      "Driftredovisning\n\nBelopp i tkr.\n\nVerksamhet Budget 2025| Utfall 2025 Avvikelse| Avvikelse,| Utfall 2024\n%\n\n"
      "Medlemsavgifter 3 600 3 600 0 0 3 400\n\nInsatser 2 700 2612 88 3 2 540\n\n"
      "Kansli och administration 920 958 -38 -4 901\n\nSumma kostnader 3 620 3 570 50 1 3 441\n",
      "årsredovisning", 2025);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(Columns(ts[0]), "[budget 2025][utfall 2025][avvikelse 2025][andel 0][utfall 2024]");
  ASSERT_EQ(ts[0].rows.size(), 4u);
  EXPECT_EQ(ts[0].rows[1].cells[4].amount_sek, 2540000);
  EXPECT_EQ(ts[0].rows[2].cells[2].amount_sek, -38000);
}

// Two note references in a balance sheet's Not cell ("7, 8", set at the
// cell's left edge, far from its head) beside a long label column (w47):
// the Not cell's, no words of the label.
TEST(WordDocumentLayoutTest, TwoNoteReferencesInTheNotCell) {
  PageBuilder p;
  p.Text("Balansräkning", 100);
  p.Text("Belopp i kronor", 126);
  p.Add(fixtures::R("Not", 328, 126));
  p.Add(fixtures::R("2025", 420, 126));
  p.Add(fixtures::R("2024", 500, 126));
  const std::vector<double> at = {420, 500};
  p.Row("Kassa och bank", 142, at, {"1 304 880", "1 371 210"});
  p.Row("Summa tillgångar", 156, at, {"1 304 880", "1 371 210"});
  p.Row("Eget kapital", 172, at, {"956 910", "1 003 790"});
  p.Add(fixtures::R("6", 328, 172));
  // (The pair is no figure: Writer set it left in the cell, the single
  // references right, under the head.)
  p.Row("Kortfristiga skulder", 186, at, {"347 970", "367 420"});
  p.Add(fixtures::L("7,", 229, 186));
  p.Add(fixtures::L("8", 245, 186));
  p.Row("Summa eget kapital och skulder samt avsättningar", 200, at, {"1 304 880", "1 371 210"});
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("årsredovisning", {p.words}));
  ASSERT_EQ(ts.size(), 1u);
  const std::string labels = Labels(ts[0]);
  EXPECT_NE(labels.find("[Kortfristiga skulder]"), std::string::npos) << labels;
  EXPECT_EQ(labels.find("7,"), std::string::npos) << labels;
}

// Insatser in kronor written with the Swedish kronor mark ("1 925 500:-")
// in a document whose unit sentence says tkr (w48): the mark names the
// table's unit, and the figure keeps its last group. On a scan OCR may
// lose a thousands space and set the head apart ("1925" "500:-"): the
// group is still the figure's, its mark still counts.
TEST(WordDocumentLayoutTest, FiguresWithTheKronorMark) {
  for (bool head_apart : {false, true}) {
    SCOPED_TRACE(head_apart ? "a head set apart" : "as printed");
    PageBuilder p;
    p.Text("Budgeten anges i tusentals kronor.", 60);
    p.Text("Insatser 2027", 100, 12);
    p.Add(fixtures::R("Budget", 470, 126));
    p.Add(fixtures::R("2027", 500, 126));
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"Steg vidare", "1 925 500:-"}, {"Aktivitetshuset", "1 450 000:-"}, {"Hälsoguiden", "1 250 000:-"},
        {"Summa", "4 625 500:-"}};
    double y = 142;
    for (size_t k = 0; k < rows.size(); ++k, y += 14) {
      p.Text(rows[k].first, y);
      if (head_apart && (k == 1 || k == 2)) {
        p.Add(fixtures::R(k == 1 ? "1450" : "1250", 468, y));
        p.Add(fixtures::R("000:-", 500, y));
      } else {
        p.Add(fixtures::Num(rows[k].second, 500, y));
      }
    }
    std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {p.words}));
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(ts[0].unit, "kr");
    ASSERT_EQ(ts[0].rows.size(), 4u);
    EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 1925500);
    EXPECT_EQ(ts[0].rows[0].cells[0].raw, "1 925 500:-");
    EXPECT_EQ(ts[0].rows[3].cells[0].amount_sek, 4625500);
  }
}

// The same in a dump: the mark names the unit against the document's tkr.
TEST(WordDocumentDumpTest, FiguresWithTheKronorMark) {
  std::vector<FinancialTable> ts = FromDump(
      "Budgeten anges i tusentals kronor.\n\nInsatser 2027\n\nInsats Budget 2027\nSteg vidare 1 925 500:-\n"
      "Halsoguiden 1 250 000:-\nSprakbron 1 000 000:-\nSumma 4 175 500:-\n",
      "verksamhetsplan", 2027);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].unit, "kr");
  ASSERT_EQ(ts[0].rows.size(), 4u);
  EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 1925500);
  EXPECT_EQ(ts[0].rows[3].cells[0].amount_sek, 4175500);
}

// Member fees whose labels state each member's share ("Staten (50 %)",
// "Summa (100 %)", w48): the share is the label's, the row's figures are
// money in the table's tkr; a bare "%" still says the row is a share.
TEST(WordDocumentLayoutTest, SharesStatedInTheLabelsOfMoneyRows) {
  PageBuilder p;
  p.Text("Medlemsavgifter", 100, 12);
  p.Text("Belopp i tkr.", 116);
  p.Add(fixtures::R("Budget", 400, 140));
  p.Add(fixtures::R("2026", 430, 140));
  p.Add(fixtures::R("Budget", 470, 140));
  p.Add(fixtures::R("2027", 500, 140));
  const std::vector<double> at = {430, 500};
  p.Row("Staten (50 %)", 156, at, {"3 400", "3 500"});
  p.Row("Region Skåne (25 %)", 170, at, {"1 700", "1 750"});
  p.Row("Lunds kommun (25%)", 184, at, {"1 700", "1 750"});
  p.Row("Summa (100 %)", 198, at, {"6 800", "7 000"});
  p.Row("Andel av budget (%)", 212, at, {"100", "100"});
  std::vector<FinancialTable> ts = ExtractFinancialTables(A4Pages("verksamhetsplan", {p.words}));
  ASSERT_EQ(ts.size(), 1u);
  ASSERT_EQ(ts[0].rows.size(), 5u);
  EXPECT_EQ(ts[0].rows[0].label, "Staten (50 %)");
  EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 3400000);
  EXPECT_EQ(ts[0].rows[2].cells[1].amount_sek, 1750000);
  EXPECT_EQ(ts[0].rows[3].cells[1].amount_sek, 7000000);
  EXPECT_TRUE(ts[0].rows[3].monetary);
  EXPECT_FALSE(ts[0].rows[4].monetary);
}

// A one-column table psm 3 printed apart (w48): its labels under their
// column's head and a text column's ("Insats Målgrupp", each row's target
// group after its label), then the place and date of signing and the
// signature, then the column's head and its figures, one a line, with the
// kronor mark. The heads are no row, the date line is no label (the
// figures follow further down), the mark names the unit against the
// document's tkr, and the labels lose the target groups they swallowed.
TEST(WordDocumentDumpTest, LabelsThenSignatureThenTheColumnsFigures) {
  const std::string labels =
      "Budgeten anges i tusentals kronor.\n\nInsatser 2027\n\nMedel per insats for 2027.\n\n";
  const std::string rows_side =
      "Insats Malgrupp\n\nSteg vidare Unga vuxna 18-29 ar\nAktivitetshuset Langtidssjukskrivna\n"
      "Sprakbron Utrikes fodda\nSumma\n\n";
  const std::string rows_plain = "Insats\n\nSteg vidare\nAktivitetshuset\nSprakbron\nSumma\n\n";
  const std::string signed_by = "Lund den 3 december 2026\n\nStyrelsen for Samordningsforbundet Consensus\n\n";
  const std::string column = "Budget 2027\n1 925 500:-\n1 450 000:-\n1 000 000:-\n4 375 500:-\n";
  struct Case {
    const char* name;
    std::string text;
    const char* rule;  // the rows' doubt
  };
  const std::vector<Case> cases = {
      {"a text column's head beside the label head", labels + rows_side + signed_by + column, "read.side_text"},
      {"the label head alone", labels + rows_plain + signed_by + column, "read.pairing"},
      {"no signature between", labels + rows_plain + column, "read.pairing"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FinancialTable> ts = FromDump(c.text, "verksamhetsplan", 2027);
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(Columns(ts[0]), "[budget 2027]");
    EXPECT_EQ(ts[0].unit, "kr");
    EXPECT_EQ(Labels(ts[0]), "[Steg vidare][Aktivitetshuset][Sprakbron][Summa]");
    ASSERT_EQ(ts[0].rows.size(), 4u);
    EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, 1925500);
    EXPECT_EQ(ts[0].rows[3].cells[0].amount_sek, 4375500);
    EXPECT_EQ(ts[0].rows[1].doubt_rule, c.rule);
  }
}

// A statement's period under its title, a day and a month without a year
// ("1 JANUARI - 31 DECEMBER", a brf report's dump): a written date, no
// label. Taken for one, it gave the sums a second pairing as good as the
// right one, and every figure was left in doubt.
TEST(WordDocumentDumpTest, APeriodLineUnderTheTitleIsNoLabel) {
  std::vector<FinancialTable> ts = FromDump(
      "Alla belopp anges i kronor.\n\nResultatrakning\n\n1 JANUARI - 31 DECEMBER\n\nRORELSEINTAKTER\n"
      "Nettoomsattning\nOvriga rorelseintakter\nSumma rorelseintakter\n\nRORELSEKOSTNADER\n\nDriftkostnader\n\n"
      "Ovriga externa kostnader\nSumma rorelsekostnader\n\nRORELSERESULTAT\n\n2021\n\n7 393 591\n57 994\n"
      "7 451 585\n\n-2 834 798\n-244 541\n-3 079 339\n\n4 372 246\n\n2020\n\n6 644 985\n172 885\n6 817 870\n\n"
      "-2 352 377\n-244 541\n-2 596 918\n\n4 220 952\n",
      "årsredovisning", 2021);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(Columns(ts[0]), "[utfall 2021][utfall 2020]");
  const std::string labels = Labels(ts[0]);
  EXPECT_EQ(labels.find("JANUARI"), std::string::npos) << labels;
  ASSERT_FALSE(ts[0].rows.empty());
  const TableRow& first = ts[0].rows[0];
  EXPECT_EQ(first.label, "Nettoomsattning");
  EXPECT_EQ(first.cells[0].amount_sek, 7393591);
  EXPECT_EQ(first.doubt_rule, "read.pairing");
}

// A table's caption that is a section word ("Eget kapital") over its head,
// under the last row of the table above ("Resultat 50 -10 -20"): the
// caption is the title; a row of another table never is.
TEST(WordDocumentDumpTest, ASectionWordCaptionUnderAnotherTablesLastRow) {
  std::vector<FinancialTable> ts = FromDump(
      "Budget 2027\n\nTkr Budget 2027 Plan 2028 Plan 2029\nMedlemsavgifter 1 300 1 300 1 300\n"
      "Kostnader -1 250 -1 310 -1 320\nResultat 50 -10 -20\n\nEget kapital\n\nTkr Prognos 2026 Budget 2027\n"
      "Ingaende eget kapital 800 760\nArets resultat -40 50\nUtgaende eget kapital 760 810\n",
      "verksamhetsplan", 2027);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts[1].title, "Eget kapital");
  EXPECT_EQ(Columns(ts[1]), "[prognos 2026][budget 2027]");
}

}  // namespace
}  // namespace finsam
