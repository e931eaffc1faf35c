// Units, non-money rows, statement columns and categories of annual-report
// tables in other house styles (issue 16): made-up tables in the shapes the
// real housing-cooperative reports print, not copies of them.
#include <gtest/gtest.h>

#include "extractors/categories.h"
#include "extractors/checks.h"
#include "extractors/period_checks.h"
#include "extractors/table_grid.h"
#include "tests/extractors/grid_rows.h"

namespace finsam {
namespace {

// Rows of page 3, the page MakeGrid sets.
GridRow Row(const std::string& label, std::vector<std::string> values) {
  return testing::MakeGridRow(label, values, 3);
}

Grid MakeGrid(const std::string& title, const std::string& header_label, std::vector<std::string> headers,
              std::vector<GridRow> rows) {
  Grid g;
  g.title = title;
  g.header_label = header_label;
  g.headers = std::move(headers);
  g.rows = std::move(rows);
  g.page = 3;
  return g;
}

const TableRow* FindRow(const FinancialTable& t, const std::string& label) {
  for (const TableRow& r : t.rows)
    if (r.label == label) return &r;
  return nullptr;
}

struct UnitCase {
  const char* name;
  const char* title;
  const char* header_label;
  const char* header;        // of the one value column
  const char* default_unit;  // the document's statement
  const char* want_unit;     // "" = unknown
  int64_t want_amount;       // of "1 234"
};

TEST(TableUnitsTest, UnitFromTitleHeaderColumnOrDocument) {
  const UnitCase cases[] = {
      {"title tkr", "Resultaträkning (Tkr)", "", "2023", "", "tkr", 1234000},
      {"title belopp i kr", "Resultaträkning, belopp i kr", "", "2023", "", "kr", 1234},
      {"title mnkr", "Driftredovisning, mnkr", "", "2023", "", "mkr", 1234000000},
      {"header label", "Resultaträkning", "Belopp i kr", "2023", "", "kr", 1234},
      {"column header", "Resultaträkning", "", "2023 tkr", "", "tkr", 1234000},
      {"document statement kronor", "Resultaträkning", "", "2023", "alla belopp i kronor", "kr", 1234},
      {"document statement TSEK", "Resultaträkning", "", "2023", "alla belopp i tusental kronor", "tkr", 1234000},
      {"kr/kvm in the title is no money unit", "Nyckeltal kr/kvm", "", "2023", "", "", 1234000},
      {"nothing says", "Resultaträkning", "", "2023", "", "", 1234000},
  };
  for (const UnitCase& c : cases) {
    Grid g = MakeGrid(c.title, c.header_label, {c.header}, {Row("Nettoomsättning", {"1 234"})});
    FinancialTable t;
    ASSERT_TRUE(InterpretGrid(g, TableContext{"årsredovisning", c.default_unit}, &t)) << c.name;
    std::vector<FinancialTable> ts{t};
    ResolveTableUnits(&ts);
    EXPECT_EQ(ts[0].unit, c.want_unit) << c.name;
    EXPECT_EQ(ts[0].rows[0].cells[0].amount_sek, c.want_amount) << c.name;
    // Unknown unit: never silently ok.
    EXPECT_EQ(ts[0].rows[0].cells[0].status, *c.want_unit ? "ok" : "suspect") << c.name;
  }
}

struct RowCase {
  const char* label;
  bool money;
  int64_t amount;  // of "1 234" in a tkr table
};

TEST(TableUnitsTest, RowsThatAreNotMoneyAndRowsWithTheirOwnUnit) {
  const RowCase cases[] = {
      {"Nettoomsättning", true, 1234000},
      {"Nettoomsättning, tkr", true, 1234000},
      {"Balansomslutning, kr", true, 1234},
      {"Taxeringsvärde mkr", true, 1234000000},
      {"Skuldsättning per kvm (kr/kvm)", false, 0},
      {"Årsavgift/m² bostadsrättsyta", false, 0},
      {"Lån per kvm bostadsyta, kr", false, 0},
      {"Sparande, kr/kvm", false, 0},
      {"Soliditet (%)", false, 0},
      {"Soliditet (a)", false, 0},  // a font that prints % as "a"
      {"Räntekänslighet", false, 0},
      {"Genomsnittlig skuldränta", false, 0},
      {"Årsavgifternas andel av totala intäkter", false, 0},
      {"Andel av budget", false, 0},
      // A share a named party pays is money.
      {"Statens andel", true, 1234000},
      {"Antal lägenheter", false, 0},
      {"Lägenheter, st", false, 0},
      {"Total yta, kvm", false, 0},
  };
  for (const RowCase& c : cases) {
    Grid g = MakeGrid("Flerårsöversikt (Tkr)", "", {"2023"}, {Row(c.label, {"1 234"})});
    FinancialTable t;
    ASSERT_TRUE(InterpretGrid(g, TableContext{"årsredovisning", ""}, &t)) << c.label;
    ASSERT_EQ(t.rows.size(), 1u) << c.label;
    EXPECT_EQ(t.rows[0].monetary, c.money) << c.label;
    if (c.money) {
      EXPECT_EQ(t.rows[0].cells[0].amount_sek, c.amount) << c.label;
    }
  }
}

// A note of income whose first row is the state's share, named by the
// agency that pays it: money, summed with the other parties'.
TEST(TableUnitsTest, AShareAPartyPaysIsMoney) {
  Grid g = MakeGrid("Not 1 Verksamhetens intäkter, tkr", "", {"2025"},
                    {Row("Försäkringskassan (statens andel)", {"6 000"}), Row("Region Norrbotten", {"3 000"}),
                     Row("Kommunerna", {"3 000"}), Row("Summa", {"12 000"})});
  FinancialTable t;
  ASSERT_TRUE(InterpretGrid(g, TableContext{"årsredovisning", ""}, &t));
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_TRUE(t.rows[0].monetary);
  EXPECT_EQ(t.rows[0].cells[0].amount_sek, 6000000);
}

// A flerårsöversikt that prints no table unit but names one in each money
// row ("Bankskuld, tkr") prints a row without one in the same unit ("Eget
// kapital 154 232" beside a balansräkning's 154 231 675 kr), whatever the
// document says of its statements ("upprättad i svenska kronor"). Rows that
// are not money neither vote nor change; rows that disagree, or a unit the
// table prints itself, leave the row to the table's unit.
TEST(TableUnitsTest, MoneyRowWithoutUnitTakesItsSiblingRowsUnit) {
  struct Case {
    const char* name;
    const char* title;
    std::vector<const char*> others;  // labels of the other rows, "1 000" each
    const char* default_unit;
    int64_t want;  // Eget kapital "154 232"
  };
  const Case cases[] = {
      {"two tkr rows", "Flerårsöversikt", {"Nettoomsättning, tkr", "Bankskuld, tkr"}, "kr", 154232000},
      {"tkr rows and kr/kvm rows", "Flerårsöversikt",
       {"Nettoomsättning, tkr", "Fastighetslån/kvm (kr)", "Soliditet (%)", "Resultat efter finansiella poster, tkr"},
       "kr", 154232000},
      {"nothing from the document", "Flerårsöversikt", {"Nettoomsättning (tkr)", "Bankskuld (tkr)"}, "", 154232000},
      {"one row names a unit: too little", "Flerårsöversikt", {"Nettoomsättning, tkr", "Soliditet (%)"}, "kr", 154232},
      {"rows disagree", "Flerårsöversikt", {"Nettoomsättning, tkr", "Taxeringsvärde, kr"}, "kr", 154232},
      {"the table prints its unit", "Flerårsöversikt, kr", {"Nettoomsättning, tkr", "Bankskuld, tkr"}, "", 154232},
  };
  for (const Case& c : cases) {
    std::vector<GridRow> rows;
    for (const char* l : c.others) rows.push_back(Row(l, {"1 000"}));
    rows.push_back(Row("Eget kapital", {"154 232"}));
    Grid g = MakeGrid(c.title, "", {"2022"}, rows);
    FinancialTable t;
    ASSERT_TRUE(InterpretGrid(g, TableContext{"årsredovisning", c.default_unit}, &t)) << c.name;
    std::vector<FinancialTable> ts{t};
    ResolveTableUnits(&ts);
    const TableRow* e = FindRow(ts[0], "Eget kapital");
    ASSERT_NE(e, nullptr) << c.name;
    EXPECT_EQ(e->cells[0].amount_sek, c.want) << c.name;
    EXPECT_EQ(e->cells[0].status, "ok") << c.name;
    // Rows that are not money stay without an amount.
    for (const TableRow& r : ts[0].rows) {
      if (!r.monetary) {
        EXPECT_EQ(r.cells[0].amount_sek, 0) << c.name << " " << r.label;
      }
    }
  }
}

// xref.overview compares an overview row in its own unit: "Eget kapital"
// (tkr like its sibling rows) agrees with the balansräkning in kr; 155 730
// read as kr would be flagged.
TEST(TableUnitsTest, OverviewCheckUsesTheRowsOwnUnit) {
  Grid overview = MakeGrid("Flerårsöversikt", "", {"2022", "2021"},
                           {Row("Nettoomsättning, tkr", {"2 583", "2 565"}), Row("Bankskuld, tkr", {"14 715", "15 034"}),
                            Row("Eget kapital", {"154 232", "155 730"})});
  Grid br = MakeGrid("Balansräkning", "", {"Not", "2022-12-31", "2021-12-31"},
                     {Row("Summa eget kapital", {"", "154 231 675", "155 730 183"})});
  std::vector<FinancialTable> ts;
  for (const Grid* g : {&overview, &br}) {
    FinancialTable t;
    ASSERT_TRUE(InterpretGrid(*g, TableContext{"årsredovisning", "kr"}, &t));
    ts.push_back(t);
  }
  ResolveTableUnits(&ts);
  int compared = 0;
  for (const Flag& f : CheckPeriods(ts)) {
    if (f.rule != kRuleOverview) continue;
    ++compared;
    EXPECT_TRUE(f.passed) << f.message;
    EXPECT_NE(f.message.find("tkr"), std::string::npos) << f.message;
  }
  EXPECT_EQ(compared, 2);
}

TEST(TableUnitsTest, UnknownUnitFollowsFromTheSameFigureInAnotherTable) {
  // Flerårsöversikt in tkr (row units), resultaträkning with nothing printed,
  // balansräkning sharing Årets resultat with the resultaträkning, a note.
  Grid overview = MakeGrid("Flerårsöversikt", "", {"2023", "2022", "2021", "2020"},
                           {Row("Nettoomsättning, tkr", {"2 127", "1 652", "1 555", "1 903"}),
                            Row("Resultat efter finansiella poster, tkr", {"-1 294", "-1 465", "-1 317", "-1 113"}),
                            Row("Sparande per kvm (kr/kvm)", {"67", "-5", "48", "136"})});
  Grid rr = MakeGrid("Resultaträkning", "", {"Not", "2023-01-01 -2023-12-31", "2022-01-01 -2022-12-31"},
                     {Row("Nettoomsättning", {"2", "2 127 333", "1 652 212"}),
                      Row("Resultat efter finansiella poster", {"", "-1 294 225", "-1 464 551"}),
                      Row("Årets resultat", {"", "-1 294 225", "-1 464 551"})});
  Grid br = MakeGrid("Balansräkning", "", {"Not", "2023-12-31", "2022-12-31"},
                     {Row("Balanserat resultat", {"", "-7 094 204", "-5 629 653"}),
                      Row("Årets resultat", {"", "-1 294 225", "-1 464 551"})});
  Grid note = MakeGrid("Not 2 Nettoomsättning", "", {"2023", "2022"}, {Row("Årsavgifter", {"1 448 423", "1 259 580"})});
  std::vector<FinancialTable> ts;
  for (const Grid* g : {&overview, &rr, &br, &note}) {
    FinancialTable t;
    ASSERT_TRUE(InterpretGrid(*g, TableContext{"årsredovisning", ""}, &t));
    ts.push_back(t);
  }
  ResolveTableUnits(&ts);
  EXPECT_EQ(ts[1].unit, "kr");
  EXPECT_EQ(ts[2].unit, "kr");
  EXPECT_EQ(ts[3].unit, "kr");  // the statements' unit
  EXPECT_EQ(FindRow(ts[1], "Nettoomsättning")->cells[1].amount_sek, 2127333);
  EXPECT_EQ(FindRow(ts[1], "Nettoomsättning")->cells[1].status, "ok");
  EXPECT_EQ(FindRow(ts[0], "Nettoomsättning, tkr")->cells[0].amount_sek, 2127000);
  EXPECT_FALSE(FindRow(ts[0], "Sparande per kvm (kr/kvm)")->monetary);
  // The overview's tkr figures agree with the statement's kronor: no flag.
  for (const Flag& f : CheckDocument(ts)) EXPECT_TRUE(f.passed) << f.rule << ": " << f.message;
}

TEST(TableUnitsTest, ConflictingEvidenceLeavesTheUnitUnknownAndFlagged) {
  Grid a = MakeGrid("Nyckeltal, tkr", "", {"2023"}, {Row("Nettoomsättning", {"2 127"})});
  Grid b = MakeGrid("Nyckeltal, kr", "", {"2023"}, {Row("Nettoomsättning", {"2 127"})});
  Grid u = MakeGrid("Resultaträkning", "", {"2023"}, {Row("Nettoomsättning", {"2 127"})});
  std::vector<FinancialTable> ts;
  for (const Grid* g : {&a, &b, &u}) {
    FinancialTable t;
    ASSERT_TRUE(InterpretGrid(*g, TableContext{"årsredovisning", ""}, &t));
    ts.push_back(t);
  }
  ResolveTableUnits(&ts);
  EXPECT_EQ(ts[2].unit, "");
  EXPECT_EQ(ts[2].rows[0].cells[0].status, "suspect");
  int unit_flags = 0;
  for (const Flag& f : CheckDocument(ts)) unit_flags += f.rule == kRuleUnitUnknown && !f.passed;
  EXPECT_EQ(unit_flags, 1);
}

// A table whose unit nothing says is read as tkr, unless its figures are
// printed to the krona (half of them a million or more: a milliard in tkr).
// Either way every figure is suspect and the flag names the reading.
TEST(TableUnitsTest, UnknownUnitReadsFiguresToTheKronaAsKronor) {
  struct Case {
    const char* name;
    std::vector<const char*> figures;  // Intäkter, Kostnader, Resultat, 2020
    int64_t want;                      // Intäkter's amount
    const char* reading;
  };
  const Case cases[] = {
      {"to the krona", {"13 401 000", "-13 616 000", "-215 000"}, 13401000, "read as kr"},
      {"in thousands", {"13 401", "-13 616", "-215"}, 13401000, "read as tkr"},
      {"median under a million", {"1 401 000", "-616 000", "-215 000"}, 1401000000, "read as tkr"},
      {"decimals are not kronor", {"13 401 000,5", "-13 616 000", "-215 000"}, 13401000500, "read as tkr"},
  };
  for (const Case& c : cases) {
    Grid g = MakeGrid("Översikt", "", {"Utfall 2020"},
                      {Row("Intäkter", {c.figures[0]}), Row("Kostnader", {c.figures[1]}),
                       Row("Resultat", {c.figures[2]})});
    FinancialTable t;
    ASSERT_TRUE(InterpretGrid(g, TableContext{"årsredovisning", ""}, &t)) << c.name;
    std::vector<FinancialTable> ts{t};
    ResolveTableUnits(&ts);
    EXPECT_EQ(ts[0].unit, "") << c.name;
    const TableRow* r = FindRow(ts[0], "Intäkter");
    ASSERT_NE(r, nullptr) << c.name;
    EXPECT_EQ(r->cells[0].amount_sek, c.want) << c.name;
    EXPECT_EQ(r->cells[0].status, "suspect") << c.name;
    int unit_flags = 0;
    for (const Flag& f : CheckDocument(ts)) {
      if (f.rule != kRuleUnitUnknown || f.passed) continue;
      ++unit_flags;
      EXPECT_NE(f.message.find(c.reading), std::string::npos) << c.name << ": " << f.message;
    }
    EXPECT_EQ(unit_flags, 1) << c.name;
  }
}

TEST(TableUnitsTest, StatementColumnsAreOutcomesWhateverTheDocumentKind) {
  // A document misread as a plan: its resultaträkning's dated columns and
  // its flerårsöversikt's bare years are still outcomes.
  Grid rr = MakeGrid("Resultaträkning", "", {"Not", "2023-01-01 -2023-12-31", "2022-01-01 -2022-12-31"},
                     {Row("Årets resultat", {"", "-1 294 225", "-1 464 551"})});
  Grid five = MakeGrid("Flerårsöversikt (Tkr)", "", {"2023", "2022", "2021"},
                       {Row("Nettoomsättning", {"2 127", "1 652", "1 555"})});
  Grid plan = MakeGrid("Budget 2021-2023", "", {"2021", "2022", "2023"}, {Row("Summa intäkter", {"1", "2", "3"})});
  FinancialTable t;
  ASSERT_TRUE(InterpretGrid(rr, TableContext{"budget", ""}, &t));
  EXPECT_EQ(t.columns[1].kind, ColumnKind::kUtfall);
  EXPECT_EQ(t.columns[1].year, 2023);
  ASSERT_TRUE(InterpretGrid(five, TableContext{"verksamhetsplan", ""}, &t));
  for (const TableColumn& c : t.columns) EXPECT_EQ(c.kind, ColumnKind::kUtfall) << c.header;
  ASSERT_TRUE(InterpretGrid(plan, TableContext{"verksamhetsplan", ""}, &t));
  EXPECT_EQ(t.columns[0].kind, ColumnKind::kBudget);
  EXPECT_EQ(t.columns[1].kind, ColumnKind::kPlan);
}

TEST(TableUnitsTest, PageHeaderRowsAreDropped) {
  Grid g = MakeGrid("Resultaträkning, kr", "", {"2023", "2022"},
                    {Row("Årets resultat", {"-1 294 225", "-1 464 551"}), Row("Brf Exempel 1", {"", "7 (13)"}),
                     Row("", {"Sida 6 av 17", ""})});
  FinancialTable t;
  ASSERT_TRUE(InterpretGrid(g, TableContext{"årsredovisning", ""}, &t));
  EXPECT_EQ(t.rows.size(), 1u);
}

TEST(TableUnitsTest, SummaAndItsPartsDoNotShareATotalCategory) {
  Grid g = MakeGrid("Resultaträkning, tkr", "", {"2023"},
                    {Row("Medlemsintäkter", {"100"}), Row("Summa intäkter", {"100"})});
  FinancialTable t;
  ASSERT_TRUE(InterpretGrid(g, TableContext{"årsredovisning", ""}, &t));
  EXPECT_FALSE(FindRow(t, "Medlemsintäkter")->category.has_value());
  EXPECT_EQ(FindRow(t, "Summa intäkter")->category.value_or(""), "income.total");
}

// A statement's caption read from a scan: OCR splits the word at spaces and
// loses or misreads a letter. The kind is still named, for a heading line;
// prose, other headings and lines of many words are not.
TEST(TableUnitsTest, DamagedStatementTitleStillNamesItsKind) {
  struct Case {
    const char* line;
    const char* want;  // folded title, "" = none
  };
  const Case cases[] = {
      {"RESU LTAT RÄKN N G", "resultatrakning"},                      // split, an i lost
      {"RESU LTAT RÄKN N G 2023-01-01 2022-01-01", "resultatrakning"},  // the header's dates on its line
      {"Resultatrakn1ng", ""},                                          // a digit: the piece is dropped whole
      {"Resultaträkn ing", "resultatrakning"},
      {"BALANS RAKNlNG", "balansrakning"},                              // l for i
      {"BALAN SRÄK NING (kr)", "balansrakning"},
      {"Kassa flödes analvs", "kassaflodesanalys"},
      {"FINANSIERINGS ANALYS", "finansieringsanalys"},
      {"Fler års över sikt", "flerarsoversikt"},
      {"Flerårsöversikt", "flerarsoversikt"},  // undamaged: its own name
      {"Balanskrav", ""},
      {"Resultatdisposition", ""},
      {"Resultat", ""},
      {"Rörelseintäkter", ""},
      {"Not 5 Balansräkningens poster", ""},
      {"Styrelsen föreslår att resultaträkningen och balansräkningen fastställs.", ""},
      {"R e s u l t a t r ä k n i n g", ""},  // more than six pieces: not a heading
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(DamagedStatementTitle(c.line), c.want) << c.line;
}

// The kind follows from the damaged caption, and with it the statement's
// rules: dated columns are outcomes even in a document misread as a plan.
TEST(TableUnitsTest, DamagedCaptionGivesTheTableItsKind) {
  struct Case {
    const char* title;
    const char* want_kind;
  };
  const Case cases[] = {
      {"RESU LTAT RÄKN N G", "income_statement"},
      {"BALANS RÄKN NG", "balance_sheet"},
      {"KASSA FLÖDES ANA LYS", "cash_flow"},
      {"Finansieringsanalys", "cash_flow"},
      {"Fler års översikt", "overview"},
      {"Resultat per verksamhet", "budget"},  // names no statement: the document's kind decides
  };
  for (const Case& c : cases) {
    Grid g = MakeGrid(c.title, "", {"2023-01-01 -2023-12-31", "2022-01-01 -2022-12-31"},
                      {Row("Årets resultat", {"-1 294 225", "-1 464 551"})});
    FinancialTable t;
    ASSERT_TRUE(InterpretGrid(g, TableContext{"budget", ""}, &t)) << c.title;
    EXPECT_EQ(t.table_kind, c.want_kind) << c.title;
    EXPECT_EQ(t.columns[0].kind, ColumnKind::kUtfall) << c.title;
  }
}

// The statements share one unit: a resultaträkning whose unit is known
// (here learnt from the flerårsöversikt's tkr rows) speaks for a
// balansräkning that prints none, also when the resultaträkning's caption
// came off a scan damaged or not at all, so long as its rows show what it
// is. A table whose unit nothing settles still says so.
TEST(TableUnitsTest, StatementUnitCarriesToTheNextStatement) {
  struct Case {
    const char* name;
    const char* rr_title;
    bool rr_budget_column;  // the first table compares with a budget: no statement
    bool overview;          // the flerårsöversikt that settles the first table's unit
    const char* want_br_unit;
  };
  const Case cases[] = {
      {"titled", "Resultaträkning", false, true, "kr"},
      {"damaged caption", "RESU LTAT RÄKN N G", false, true, "kr"},
      {"no caption, statement rows", "", false, true, "kr"},
      {"budget follow-up is no statement", "", true, true, ""},
      {"nothing settles the unit", "Resultaträkning", false, false, ""},
  };
  for (const Case& c : cases) {
    Grid overview = MakeGrid("Flerårsöversikt", "", {"2023", "2022", "2021", "2020"},
                             {Row("Nettoomsättning, tkr", {"4 828", "4 968", "5 080", "5 069"}),
                              Row("Resultat efter finansiella poster, tkr", {"-2 007", "-2 003", "-1 640", "-1 408"})});
    std::vector<std::string> rr_headers = {"2023-01-01 -2023-12-31", "2022-01-01 -2022-12-31"};
    if (c.rr_budget_column) rr_headers = {"Utfall 2023", "Budget 2023"};
    Grid rr = MakeGrid(c.rr_title, "", rr_headers,
                       {Row("Nettoomsättning", {"4 828 275", "4 967 531"}), Row("Övriga rörelseintäkter", {"315 676", "206 477"}),
                        Row("Summa rörelseintäkter", {"5 143 951", "5 174 008"}),
                        Row("Driftskostnader", {"-3 778 606", "-4 086 778"}),
                        Row("Summa rörelsekostnader", {"-6 620 576", "-6 963 587"}),
                        Row("Resultat efter finansiella poster", {"-2 007 079", "-2 003 203"}),
                        Row("Årets resultat", {"-2 007 079", "-2 003 203"})});
    Grid br = MakeGrid("BALANSRÄKNING", "", {"2023-12-31", "2022-12-31"},
                       {Row("Byggnader och mark", {"280 827 549", "283 363 477"}),
                        Row("Summa tillgångar", {"285 718 069", "288 102 542"})});
    std::vector<FinancialTable> ts;
    std::vector<const Grid*> grids = {&rr, &br};
    if (c.overview) grids.insert(grids.begin(), &overview);
    for (const Grid* g : grids) {
      FinancialTable t;
      ASSERT_TRUE(InterpretGrid(*g, TableContext{"årsredovisning", ""}, &t)) << c.name;
      ts.push_back(t);
    }
    ResolveTableUnits(&ts);
    const FinancialTable& b = ts.back();
    EXPECT_EQ(b.unit, c.want_br_unit) << c.name;
    const TableRow* land = FindRow(b, "Byggnader och mark");
    ASSERT_NE(land, nullptr) << c.name;
    if (*c.want_br_unit) {
      EXPECT_EQ(land->cells[0].amount_sek, 280827549) << c.name;
      EXPECT_EQ(land->cells[0].status, "ok") << c.name;
    } else {
      EXPECT_EQ(land->cells[0].status, "suspect") << c.name;
      int unit_flags = 0;
      for (const Flag& f : CheckDocument(ts)) unit_flags += f.rule == kRuleUnitUnknown && !f.passed;
      EXPECT_GE(unit_flags, 1) << c.name;
    }
  }
}

struct CatCase {
  const char* label;
  const char* table_kind;
  const char* want;  // "" = none
};

TEST(TableUnitsTest, StatementLinesOfOtherHouseStyles) {
  const CatCase cases[] = {
      {"Summa rörelseintäkter", "income_statement", "income.total"},
      {"Summa Rörelsekostnader", "income_statement", "cost.total"},
      {"Räntekostnader och liknande resultatposter", "income_statement", "cost.financial"},
      {"Övriga ränteintäkter och liknande resultatposter", "income_statement", "income.financial"},
      {"Räntekostnader", "note", ""},  // accrued interest in a note on liabilities
      {"Resultat efter fin. poster", "overview", "result.financial"},
      {"Summa finansiella poster", "income_statement", ""},
      {"Summa eget kapital", "balance_sheet", "equity"},
  };
  for (const CatCase& c : cases) {
    CategoryInput in{c.label, "", c.table_kind, "", false};
    EXPECT_EQ(Categorize(in).value_or(""), c.want) << c.label;
  }
}

}  // namespace
}  // namespace finsam
