#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/categories.h"
#include "extractors/table_grid.h"
#include "normalizers/swedish_lexicon.h"
#include "tests/extractors/grid_rows.h"

namespace finsam {
namespace {

// A grid row: `label` and one cell per text ("" = an empty cell).
GridRow RowOf(const std::string& label, const std::vector<std::string>& texts) {
  return testing::MakeGridRow(label, texts);
}

TEST(ColumnHeaderTest, YearsAndKinds) {
  struct Case {
    const char* header;
    const char* doc_kind;
    int year;
    ColumnKind kind;
  };
  const Case kCases[] = {
      {"2014 Utfall", "årsredovisning", 2014, ColumnKind::kUtfall},
      {"Budget 2020", "årsredovisning", 2020, ColumnKind::kBudget},
      {"Utfall 2020, tkr", "årsredovisning", 2020, ColumnKind::kUtfall},
      {"Plan 2022", "verksamhetsplan", 2022, ColumnKind::kPlan},
      {"Prognos 2021", "verksamhetsplan", 2021, ColumnKind::kPrognos},
      {"2019-12-31", "årsredovisning", 2019, ColumnKind::kUtfall},
      {"2020-01-01 -2020-12-31", "årsredovisning", 2020, ColumnKind::kUtfall},
      {"2020-12- 31", "årsredovisning", 2020, ColumnKind::kUtfall},  // date wrapped in its cell
      // A period's end whose start OCR lost, or garbled into a scrap.
      {"-2020-12-31", "årsredovisning", 2020, ColumnKind::kUtfall},
      {"aaa -2020-12-", "årsredovisning", 2020, ColumnKind::kUtfall},
      {"åla -2019-12-", "årsredovisning", 2019, ColumnKind::kUtfall},
      {"Kvinna 2020", "årsredovisning", 2020, ColumnKind::kUnknown},  // a word and a bare year: no scrap rule
      // A kind word OCR misread by one letter after the first (w15's scan).
      {"Ptan 2028", "verksamhetsplan", 2028, ColumnKind::kPlan},
      {"Budqet 2027", "verksamhetsplan", 2027, ColumnKind::kBudget},
      {"Klan 2028", "verksamhetsplan", 2028, ColumnKind::kUnknown},  // another first letter: a word
      {"Förändring", "verksamhetsplan", 0, ColumnKind::kUnknown},     // a change column: no fact
      {"2020", "årsredovisning", 2020, ColumnKind::kUtfall},
      {"2020", "verksamhetsplan", 2020, ColumnKind::kBudget},  // first plan year; later ones become plan
      {"<b>2021</b>", "verksamhetsplan", 2021, ColumnKind::kBudget},
      {"Avvikelse utfall- budget", "årsredovisning", 0, ColumnKind::kAvvikelse},
      // Abbreviated in a narrow column (w40); not a word that starts so.
      {"Avv.", "årsredovisning", 0, ColumnKind::kAvvikelse},
      {"Avvik.", "årsredovisning", 0, ColumnKind::kAvvikelse},
      {"Avv, tkr", "årsredovisning", 0, ColumnKind::kAvvikelse},
      {"Avveckling", "årsredovisning", 0, ColumnKind::kUnknown},
      {"Förbrukade medel, andel av budget", "årsredovisning", 0, ColumnKind::kAndel},
      {"Återstår", "delårsrapport", 0, ColumnKind::kAterstar},
      {"Återstår 2021", "delårsrapport", 2021, ColumnKind::kAterstar},
      {"Återstående budget", "delårsrapport", 0, ColumnKind::kAterstar},
      {"Kvar att förbruka", "delårsrapport", 0, ColumnKind::kAterstar},
      {"Totalt", "verksamhetsplan", 0, ColumnKind::kTotalt},
      {"Not", "årsredovisning", 0, ColumnKind::kNote},
      {"Kommentarer", "årsredovisning", 0, ColumnKind::kUnknown},
      {"Kvinna", "årsredovisning", 0, ColumnKind::kUnknown},
      // Rule strokes and borders OCR read as symbols name nothing.
      {"= 2024", "årsredovisning", 2024, ColumnKind::kUtfall},
      {"2025.", "årsredovisning", 2025, ColumnKind::kUtfall},
      {"| Budget 2025 |", "årsredovisning", 2025, ColumnKind::kBudget},
      {"\"Budget", "verksamhetsplan", 0, ColumnKind::kBudget},
      // Closing dates in words (w14, session 48), as printed and as OCR
      // glued or reordered them; a granted amount is a budget.
      {"31 dec 2025", "årsredovisning", 2025, ColumnKind::kUtfall},
      {"31 december 2024", "årsredovisning", 2024, ColumnKind::kUtfall},
      {"-31dec 2025", "årsredovisning", 2025, ColumnKind::kUtfall},
      {"2025 -31dec", "årsredovisning", 2025, ColumnKind::kUtfall},
      {"31.12.2025", "årsredovisning", 2025, ColumnKind::kUtfall},
      {"Beviljat 2025", "årsredovisning", 2025, ColumnKind::kBudget},
      {"Utfall i % av budget", "årsredovisning", 0, ColumnKind::kAndel},
      // Its "Utfall i %" lost to OCR (w14's scan): "… av budget" is a share.
      {"åv budget", "årsredovisning", 0, ColumnKind::kAndel},
      {"av helårsbudget", "delårsrapport", 0, ColumnKind::kAndel},
      {"Budget", "årsredovisning", 0, ColumnKind::kBudget},
      // The deviation twice, in tkr and in per cent (w21); an insats's
      // granted, spent and left.
      {"Avvikelse, tkr", "årsredovisning", 0, ColumnKind::kAvvikelse},
      {"Avvikelse, %", "årsredovisning", 0, ColumnKind::kAndel},
      {"Avvikelse i procent", "årsredovisning", 0, ColumnKind::kAndel},
      {"Förbrukat 2025", "årsredovisning", 2025, ColumnKind::kUtfall},
      {"Förbrukat, %", "årsredovisning", 0, ColumnKind::kAndel},
      {"Kvar", "årsredovisning", 0, ColumnKind::kAterstar},
      {"Kvarvarande medel", "årsredovisning", 0, ColumnKind::kAterstar},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.header);
    TableColumn col = ParseColumnHeader(c.header, c.doc_kind);
    EXPECT_EQ(col.year, c.year);
    EXPECT_EQ(ColumnKindName(col.kind), std::string(ColumnKindName(c.kind)));
  }
}

// A column covering part of the year keeps its kind and year and says which
// months it covers; the whole year, a broken fiscal year's closing date and
// a twelve-month range are no period.
TEST(ColumnHeaderTest, PartOfTheYearIsAPeriod) {
  struct Case {
    const char* header;
    const char* period;
    ColumnKind kind;
  };
  const Case kCases[] = {
      {"Utfall jan–aug 2024", "01-08", ColumnKind::kUtfall},
      {"Utfall januari-augusti 2024", "01-08", ColumnKind::kUtfall},
      {"Budget jan-aug 2024", "01-08", ColumnKind::kBudget},
      {"Utfall t.o.m. augusti 2024", "01-08", ColumnKind::kUtfall},
      {"Utfall tom aug 2024", "01-08", ColumnKind::kUtfall},
      {"Utfall per 30 juni 2024", "01-06", ColumnKind::kUtfall},
      {"Ack. utfall aug 2024", "01-08", ColumnKind::kUtfall},
      {"Utfall aug 2024", "01-08", ColumnKind::kUtfall},
      {"Utfall 2024-01-01–2024-08-31", "01-08", ColumnKind::kUtfall},
      {"Utfall tertial 2 2024", "01-08", ColumnKind::kUtfall},
      {"Utfall halvår 2024", "01-06", ColumnKind::kUtfall},
      {"Utfall kvartal 3 2024", "01-09", ColumnKind::kUtfall},
      // The whole year, or nothing said.
      {"Prognos helår 2024", "", ColumnKind::kPrognos},
      {"Utfall jan–dec 2024", "", ColumnKind::kUtfall},
      {"Utfall per 31 december 2024", "", ColumnKind::kUtfall},
      {"Utfall 2024", "", ColumnKind::kUtfall},
      {"2024-06-30", "01-06", ColumnKind::kUtfall},            // a delårsrapport's balance date inside the year
      {"2024-12-31", "", ColumnKind::kUtfall},                 // the year's closing date
      {"2023-07-01 - 2024-06-30", "", ColumnKind::kUtfall},    // twelve months
      {"2024-01-01 -2024-12-31", "", ColumnKind::kUtfall},
      {"Budget 2024", "", ColumnKind::kBudget},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.header);
    TableColumn col = ParseColumnHeader(c.header, "delårsrapport");
    EXPECT_EQ(col.period, c.period);
    EXPECT_EQ(col.year, 2024);
    EXPECT_EQ(ColumnKindName(col.kind), std::string(ColumnKindName(c.kind)));
  }
  // Outside a delårsrapport a single date says nothing of a part of the
  // year: a broken fiscal year closes 2024-06-30.
  EXPECT_EQ(ParseColumnHeader("2024-06-30", "årsredovisning").period, "");
  EXPECT_EQ(ParseColumnHeader("2024-06-30", "verksamhetsplan").period, "");
}

TEST(ColumnHeaderTest, PlanYearsAfterTheFirstArePlan) {
  Grid g;
  g.title = "Budget 2020-2022, tkr";
  g.header_label = "Intäkter";
  g.headers = {"2020", "2021", "2022"};
  GridRow r;
  r.label = "Summa intäkter";
  for (const char* v : {"13 320", "13 320", "13 320"}) {
    GridCell c;
    c.present = true;
    c.text = v;
    r.cells.push_back(c);
  }
  g.rows.push_back(r);
  FinancialTable t;
  ASSERT_TRUE(InterpretGrid(g, TableContext{"verksamhetsplan", ""}, &t));
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[0].kind, ColumnKind::kBudget);
  EXPECT_EQ(t.columns[1].kind, ColumnKind::kPlan);
  EXPECT_EQ(t.columns[2].kind, ColumnKind::kPlan);
  EXPECT_EQ(t.unit, "tkr");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].section, "Intäkter");
  EXPECT_TRUE(t.rows[0].is_total);
  EXPECT_EQ(t.rows[0].category.value_or(""), "income.total");
  EXPECT_EQ(t.rows[0].cells[2].amount_sek, 13320000);
}

// A plan's bare years read by its period (w15's equity table, its kinds row
// lost): the first year the budget, later ones plan; years before it no
// budget of the plan (utfall two years or more before, the year before
// budget), those in doubt (read.kind). With the period unknown the first
// bare column is the budget (PlanYearsAfterTheFirstArePlan).
TEST(ColumnHeaderTest, PlanBareYearsByThePlansPeriod) {
  Grid g;
  g.title = "Eget kapital";
  g.header_label = "Tkr";
  g.headers = {"2025", "2026", "2027", "2028"};
  g.rows.push_back(RowOf("Utgående eget kapital", {"2 460", "2 260", "1 960", "1 800"}));
  FinancialTable t;
  TableContext ctx{"verksamhetsplan", ""};
  ctx.doc_year_from = 2027;
  ASSERT_TRUE(InterpretGrid(g, ctx, &t));
  ASSERT_EQ(t.columns.size(), 4u);
  EXPECT_EQ(t.columns[0].kind, ColumnKind::kUtfall);
  EXPECT_EQ(t.columns[1].kind, ColumnKind::kBudget);
  EXPECT_EQ(t.columns[2].kind, ColumnKind::kBudget);
  EXPECT_EQ(t.columns[3].kind, ColumnKind::kPlan);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].cells[0].status, "suspect");
  EXPECT_EQ(t.rows[0].cells[0].doubt_rule, "read.kind");
  EXPECT_EQ(t.rows[0].cells[1].status, "suspect");
  EXPECT_EQ(t.rows[0].cells[2].status, "ok");
  EXPECT_EQ(t.rows[0].cells[3].status, "ok");
}

// A code column before the labels (account numbers under "Konto", a
// numbered list "1." "2." "3.") is no part of them (w15); a label that only
// starts with a number stays whole.
TEST(ColumnHeaderTest, CodeColumnsLeaveTheLabels) {
  struct Case {
    const char* name;
    const char* header_label;
    std::vector<const char*> labels;
    const char* want;
  };
  const Case kCases[] = {
      {"account numbers", "Konto Post", {"3010 Medlemsavgift Försäkringskassan", "3011 Medlemsavgift Region", "Summa intäkter"},
       "[Medlemsavgift Försäkringskassan][Medlemsavgift Region][Summa intäkter]"},
      {"a numbered list, OCR's comma too", "Insats", {"1. Jobbspåret", "2. Samtalsstödet", "3. Lots 2.0", "4, Steg 1 till arbete"},
       "[Jobbspåret][Samtalsstödet][Lots 2.0][Steg 1 till arbete]"},
      {"control: numbers not in order, no code header", "Insats", {"2 kommuner", "5 kommuner", "Summa"},
       "[2 kommuner][5 kommuner][Summa]"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Grid g;
    g.title = "Budget 2027, tkr";
    g.header_label = c.header_label;
    g.headers = {"Budget 2027"};
    for (const char* l : c.labels) {
      GridRow r;
      r.label = l;
      GridCell cell;
      cell.present = true;
      cell.text = "100";
      r.cells.push_back(cell);
      g.rows.push_back(r);
    }
    FinancialTable t;
    ASSERT_TRUE(InterpretGrid(g, TableContext{"verksamhetsplan", ""}, &t));
    std::string got;
    for (const TableRow& r : t.rows) got += "[" + r.label + "]";
    EXPECT_EQ(got, c.want);
  }
}

// OCR lost "Budget" over the first column of a driftredovisning: a bare
// "2025" beside "Utfall 2025" cannot be that year's utfall too. It is read
// as the budget, and its figures stay suspect (the kind was inferred).
TEST(ColumnHeaderTest, BareYearBesideTheSameYearsNamedKind) {
  struct Case {
    std::vector<std::string> headers;
    std::vector<ColumnKind> kinds;
    std::vector<bool> suspect;
  };
  const Case kCases[] = {
      {{"2025", "Utfall 2025", "Avvikelse"},
       {ColumnKind::kBudget, ColumnKind::kUtfall, ColumnKind::kAvvikelse},
       {true, false, false}},
      {{"Utfall 2025", "2025"}, {ColumnKind::kUtfall, ColumnKind::kBudget}, {false, true}},
      // An annual report's bare year is utfall: beside a budget, no clash.
      {{"Budget 2025", "2025"}, {ColumnKind::kBudget, ColumnKind::kUtfall}, {false, false}},
      // Bare years of different years are no duplicates.
      {{"2024", "Utfall 2025"}, {ColumnKind::kUtfall, ColumnKind::kUtfall}, {false, false}},
  };
  for (const Case& c : kCases) {
    Grid g;
    g.title = "Driftredovisning, kr";
    g.headers = c.headers;
    g.rows.push_back(RowOf("Kansli", std::vector<std::string>(c.headers.size(), "1 000")));
    FinancialTable t;
    ASSERT_TRUE(InterpretGrid(g, TableContext{"årsredovisning", ""}, &t));
    ASSERT_EQ(t.columns.size(), c.kinds.size());
    for (size_t i = 0; i < c.kinds.size(); ++i) {
      EXPECT_EQ(t.columns[i].kind, c.kinds[i]) << c.headers[i];
      EXPECT_EQ(t.rows[0].cells[i].status == "suspect", c.suspect[i]) << c.headers[i];
      EXPECT_EQ(t.rows[0].cells[i].doubt_rule == "read.kind", c.suspect[i]) << c.headers[i];
    }
  }
}

// A deviation column whose every figure prints one decimal, none above 100,
// beside money columns of whole figures is a share in per cent: w21's scan
// read "Avvikelse, %" as "Avvikelse, 20". A deviation column of whole
// figures stays one, and so does a one-decimal column of a table whose
// money prints decimals too (mkr).
TEST(ColumnHeaderTest, ADeviationColumnOfTenthsBesideWholeMoneyIsAShare) {
  struct Case {
    const char* name;
    std::vector<std::vector<std::string>> rows;  // Budget, Utfall, Avvikelse, Avvikelse
    ColumnKind last;
  };
  const Case kCases[] = {
      {"tenths beside whole tkr",
       {{"150", "200", "50", "33,3"}, {"10 400", "9 985", "415", "4,0"}, {"2 600", "2 711", "-111", "-4,3"}},
       ColumnKind::kAndel},
      {"whole figures", {{"150", "200", "50", "50"}, {"10 400", "9 985", "415", "415"}, {"2 600", "2 711", "-111", "-111"}},
       ColumnKind::kAvvikelse},
      {"money in tenths too",
       {{"1,5", "2,0", "0,5", "33,3"}, {"10,4", "9,9", "0,5", "4,0"}, {"2,6", "2,7", "-0,1", "-4,3"}},
       ColumnKind::kAvvikelse},
      {"above 100", {{"150", "400", "250", "166,7"}, {"10 400", "9 985", "415", "4,0"}, {"2 600", "2 711", "-111", "-4,3"}},
       ColumnKind::kAvvikelse},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Grid g;
    g.title = "Budgetuppföljning 2025, tkr";
    g.headers = {"Budget 2025", "Utfall 2025", "Avvikelse, tkr", "Avvikelse, 20"};
    const char* labels[] = {"Övriga intäkter", "Insatser", "Personal"};
    for (size_t i = 0; i < c.rows.size(); ++i) g.rows.push_back(RowOf(labels[i], c.rows[i]));
    FinancialTable t;
    ASSERT_TRUE(InterpretGrid(g, TableContext{"årsredovisning", ""}, &t));
    ASSERT_EQ(t.columns.size(), 4u);
    EXPECT_EQ(t.columns[2].kind, ColumnKind::kAvvikelse);
    EXPECT_EQ(ColumnKindName(t.columns[3].kind), std::string(ColumnKindName(c.last)));
    if (c.last == ColumnKind::kAndel) {
      EXPECT_TRUE(t.rows[0].cells[3].is_percent);
      EXPECT_EQ(t.rows[0].cells[3].amount_sek, 0);
    }
  }
}

// Row labels of pages read by OCR have their misread letters rebuilt
// (normalizers/ocr_misreads.h); a text layer's labels stay as printed.
TEST(ColumnHeaderTest, OcrLabelsAreRebuiltOnOcrPagesOnly) {
  if (!SwedishLexicon::Shared()) GTEST_SKIP() << "lexicon not found";
  for (bool ocr : {true, false}) {
    Grid g;
    g.title = "Resultaträkning, kr";
    g.page = 1;
    g.headers = {"2025"};
    GridRow r = RowOf("Summia kostnader", {"1 000"});
    r.prov.page = 1;
    g.rows.push_back(r);
    TableContext ctx{"årsredovisning", ""};
    ctx.ocr_pages = {ocr};
    FinancialTable t;
    ASSERT_TRUE(InterpretGrid(g, ctx, &t));
    EXPECT_EQ(t.rows[0].label, ocr ? "Summa kostnader" : "Summia kostnader");
  }
}

// Kinds on one header row, years on the next, the year row read as a first
// row without a label (OCR of a two-row header): a column takes the year its
// row prints; a column whose year cell is unreadable ("220250") takes the
// year of its place between dated columns, and its figures stay suspect.
TEST(ColumnHeaderTest, YearsFromAYearRowAndFromTheirPlace) {
  Grid g;
  g.title = "Budget och plan, tkr";
  g.headers = {"Utfall 2024", "Budget", "Budget", "Plan 2027"};
  g.rows.push_back(RowOf("", {"", "220250", "2026", ""}));
  g.rows.push_back(RowOf("Kansli", {"1 550", "1 600", "1 650", "1 700"}));
  FinancialTable t;
  ASSERT_TRUE(InterpretGrid(g, TableContext{"verksamhetsplan", ""}, &t));
  ASSERT_EQ(t.columns.size(), 4u);
  EXPECT_EQ(t.columns[1].year, 2025);
  EXPECT_EQ(t.columns[2].year, 2026);
  ASSERT_EQ(t.rows.size(), 1u);  // the year row holds no facts
  EXPECT_EQ(t.rows[0].cells[1].status, "suspect");
  EXPECT_EQ(t.rows[0].cells[1].doubt_rule, "read.year");
  EXPECT_EQ(t.rows[0].cells[2].status, "ok");  // its year was printed
  EXPECT_EQ(t.rows[0].cells[3].status, "ok");

  // Years that do not step one a column are not guessed.
  g.headers = {"Utfall 2023", "Budget", "Plan 2027"};
  g.rows = {RowOf("Kansli", {"1 550", "1 600", "1 700"})};
  ASSERT_TRUE(InterpretGrid(g, TableContext{"verksamhetsplan", ""}, &t));
  EXPECT_EQ(t.columns[1].year, 0);
}

TEST(ColumnHeaderTest, UnparsedCellsAreSuspectAndKeepRawText) {
  Grid g;
  g.title = "Budget 2020, tkr";
  g.headers = {"2020"};
  g.rows.push_back(RowOf("Insatsmedel", {"J 866"}));
  FinancialTable t;
  ASSERT_TRUE(InterpretGrid(g, TableContext{"verksamhetsplan", ""}, &t));
  const TableCell& cell = t.rows[0].cells[0];
  EXPECT_FALSE(cell.parsed);
  EXPECT_EQ(cell.status, "suspect");
  EXPECT_EQ(cell.raw, "J 866");
  EXPECT_LT(cell.prov.confidence, 0.5);
}

TEST(ColumnHeaderTest, NotAFinancialTableWithoutYearOrKindColumns) {
  Grid g;
  g.headers = {"Kvinna", "Man"};
  GridRow r;
  r.label = "15-29";
  r.cells.resize(2);
  g.rows.push_back(r);
  FinancialTable t;
  EXPECT_FALSE(InterpretGrid(g, TableContext{"årsredovisning", ""}, &t));
}

TEST(CategoriesTest, LabelsMapToVocabulary) {
  struct Case {
    const char* label;
    const char* section;
    const char* table_kind;
    const char* title;
    const char* category;  // "" = none
  };
  const Case kCases[] = {
      {"Försäkringskassan/Arbetsförmedlingen", "Intäkter", "budget", "", "income.state"},
      {"Forsakringskassan/Arbetsformedling", "", "budget", "", "income.state"},  // stripped
      {"Region Jämtland Härjedalen", "Intäkter", "budget", "", "income.region"},
      {"Kommunerna", "Intäkter", "budget", "", "income.municipalities"},
      {"Bollnäs Kommun", "", "note", "Not 1. Medlemsavgifter, intäkter och bidrag", "income.municipality"},
      {"Summa intäkter", "Intäkter", "budget", "", "income.total"},
      {"Bidrag till insatser", "Kostnader", "budget", "", "cost.interventions"},
      {"Insatsmedel", "Kostnader", "budget", "", "cost.interventions"},
      {"Varav redan beviljat", "Kostnader", "budget", "", "cost.interventions.granted"},
      {"varav tillgängligt för nya insatser", "Kostnader", "budget", "", "cost.interventions.available"},
      {"Personalkostnader", "Kostnader", "budget", "", "cost.personnel"},
      {"Övriga externa kostnader", "Kostnader", "budget", "", "cost.other"},
      {"Summa", "Kostnader", "budget", "", "cost.total"},
      {"Summa", "", "note", "Not 4. Upplupna kostnader", "liabilities.accrued"},
      {"Resultat", "", "budget", "", "result"},
      {"ÅRETS RESULTAT", "", "income_statement", "", "result"},
      {"Summa tillgångar", "Tillgångar", "balance_sheet", "", "assets.total"},
      {"Eget kapital", "Eget kapital och skulder", "balance_sheet", "", "equity"},
      // The provisions named between (w33).
      {"Summa eget kapital, avsättningar och skulder", "", "balance_sheet", "", "equity_liabilities.total"},
      {"Summa eget kapital och skulder", "", "balance_sheet", "", "equity_liabilities.total"},
      {"Kortfristiga skulder", "", "balance_sheet", "", "liabilities.short"},
      {"Kassa och bank", "", "balance_sheet", "", "cash"},
      {"Soliditet", "", "overview", "", "ratio.solidity"},
      {"Skattefordran", "", "note", "Not 3. Kortfristiga fordringar", ""},
      // OCR read a small l as a capital I: tried when the label as printed
      // names nothing.
      {"Kassaflöde för den Iöpande verksamheten", "", "cash_flow", "", "cash_flow.operating"},
      {"Kassaflode fran den Iopande verksamheten", "", "cash_flow", "", "cash_flow.operating"},
      // A member's fee named with its member (w18): the member's category.
      {"Medlemsavgift staten", "", "budget", "Budget och flerårsplan", "income.state"},
      {"Medlemsavgift Region Gotland", "", "budget", "Budget och flerårsplan", "income.region"},
      {"Bidrag från Umeå kommun", "", "budget", "", "income.municipality"},
      {"Medlemsavgift Kommunerna", "", "budget", "", "income.municipalities"},
      {"Bidrag till insatser", "", "budget", "", "cost.interventions"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.label);
    CategoryInput in{c.label, c.section, c.table_kind, c.title, false};
    EXPECT_EQ(Categorize(in).value_or(""), c.category);
  }
  // Every category returned is documented.
  for (const Case& c : kCases) {
    if (!*c.category) continue;
    bool found = false;
    for (const CategoryInfo& info : CategoryVocabulary()) found |= std::string(info.name) == c.category;
    EXPECT_TRUE(found) << c.category;
  }
}

}  // namespace
}  // namespace finsam
