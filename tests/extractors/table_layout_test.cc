// The layout reader (extractors/table_layout.cc) on synthetic positioned-word
// pages: numbers and labels wrapped inside narrow cells, headers in several
// rows, and readings the arithmetic has to choose between (issue 16,
// classes 1–3). Every page is built word by word, so each case states
// exactly the layout it exercises.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/financial_tables.h"
#include "extractors/table_grid.h"
#include "extractors/table_readers.h"
#include "pipeline/input/line_builder.h"

namespace finsam {
namespace {

constexpr double kCharPt = 6;   // width of one byte of text
constexpr double kHeightPt = 10;

// A word whose left edge is at x.
Word L(const std::string& t, double x, double y) {
  Word w;
  w.text = w.raw = t;
  w.box = Box{x, y, x + kCharPt * t.size(), y + kHeightPt};
  return w;
}

// A word whose right edge is at xr (right-aligned figures).
Word R(const std::string& t, double xr, double y) { return L(t, xr - kCharPt * t.size(), y); }

// A figure right-aligned at xr, its thousands groups as separate words the
// way PDF text layers split them ("2 315" → "2" "315").
std::vector<Word> Num(const std::string& t, double xr, double y) {
  std::vector<std::string> parts;
  size_t b = 0;
  while (b <= t.size()) {
    size_t e = t.find(' ', b);
    if (e == std::string::npos) e = t.size();
    parts.push_back(t.substr(b, e - b));
    b = e + 1;
  }
  std::vector<Word> out;
  double x = xr;
  for (size_t i = parts.size(); i-- > 0;) {
    out.push_back(R(parts[i], x, y));
    x -= kCharPt * parts[i].size() + 3;  // a thin thousands space
  }
  return out;
}

struct PageBuilder {
  std::vector<Word> words;
  void Add(const Word& w) { words.push_back(w); }
  void Add(const std::vector<Word>& ws) { words.insert(words.end(), ws.begin(), ws.end()); }
  // A label at the left margin and figures right-aligned at `rights`; "" is
  // an empty cell.
  void Row(const std::string& label, double y, const std::vector<double>& rights,
           const std::vector<std::string>& figures) {
    double x = 50;
    size_t b = 0;
    while (b < label.size()) {
      size_t e = label.find(' ', b);
      if (e == std::string::npos) e = label.size();
      std::string word = label.substr(b, e - b);
      Add(L(word, x, y));
      x += kCharPt * word.size() + kCharPt;
      b = e + 1;
    }
    for (size_t i = 0; i < figures.size() && i < rights.size(); ++i)
      if (!figures[i].empty()) Add(Num(figures[i], rights[i], y));
  }
};

Document OnePage(const std::string& kind, const std::vector<Word>& words) {
  Document doc;
  doc.meta.kind = kind;
  Page p;
  p.number = 1;
  p.width = 595;
  p.height = 842;
  BuildLines(words, p);
  doc.pages = {p};
  return doc;
}

const TableRow* Row(const FinancialTable& t, const std::string& label) {
  for (const TableRow& r : t.rows)
    if (r.label == label) return &r;
  return nullptr;
}

const TableCell* Cell(const FinancialTable& t, const std::string& label, int col) {
  const TableRow* r = Row(t, label);
  if (!r || col >= static_cast<int>(r->cells.size()) || !r->cells[col].present) return nullptr;
  return &r->cells[col];
}

std::string Labels(const FinancialTable& t) {
  std::string s;
  for (const TableRow& r : t.rows) s += "[" + r.label + "]";
  return s;
}

const std::vector<double> kRights = {300, 350, 400};

// --- Class 1: numbers and labels wrapped inside narrow cells ---

// "2 315" printed as "2" over "315", "712,5" as "712," over "5", in rows whose
// other cells did not wrap; the label wraps on its own schedule.
TEST(LayoutWrapTest, NumbersWrappedInNarrowCellsJoinTheirRow) {
  struct Case {
    const char* name;
    double upper_align;  // 0: right-aligned fragments, 1: left-aligned
  };
  for (const Case& c : {Case{"right-aligned", 0}, Case{"left-aligned", 1}}) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Add(L("Budget", 50, 60));
    pb.Add(L("2020-2022,", 92, 60));
    pb.Add(L("tkr", 160, 60));
    pb.Add(L("Intäkter", 50, 100));
    pb.Add(R("2020", 300, 100));
    pb.Add(R("2021", 350, 100));
    pb.Add(R("2022", 400, 100));
    // Statens bidrag: 2 315 wrapped, the other cells on one line.
    pb.Row("Statens bidrag", 120, kRights, {"", "900", "950"});
    if (c.upper_align == 0) {
      pb.Add(R("2", 300, 120));
      pb.Add(R("315", 300, 131));
    } else {
      pb.Add(L("2", 282, 120));
      pb.Add(L("315", 282, 131));
    }
    // Bidrag från / kommunerna: label and 712,5 wrap together.
    pb.Row("Bidrag från", 150, kRights, {"", "700", "710"});
    pb.Add(L("kommunerna", 50, 161));
    if (c.upper_align == 0) {
      pb.Add(R("712,", 300, 150));
      pb.Add(R("5", 300, 161));
    } else {
      pb.Add(L("712,", 276, 150));
      pb.Add(L("5", 276, 161));
    }
    pb.Row("Summa intäkter", 180, kRights, {"3 027,5", "1 600", "1 660"});
    Document doc = OnePage("verksamhetsplan", pb.words);
    std::vector<FinancialTable> tables = ExtractFinancialTables(doc);
    ASSERT_EQ(tables.size(), 1u);
    const FinancialTable& t = tables[0];
    SCOPED_TRACE(Labels(t));
    ASSERT_EQ(t.columns.size(), 3u);
    EXPECT_EQ(t.rows.size(), 3u);
    const TableCell* s = Cell(t, "Statens bidrag", 0);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->amount_sek, 2315000);
    EXPECT_EQ(s->status, "ok");
    EXPECT_EQ(Cell(t, "Statens bidrag", 1)->amount_sek, 900000);
    const TableCell* k = Cell(t, "Bidrag från kommunerna", 0);
    ASSERT_NE(k, nullptr);
    EXPECT_EQ(k->amount_sek, 712500);
    EXPECT_EQ(Cell(t, "Summa intäkter", 0)->amount_sek, 3027500);
    // No row is made of a wrapped fragment.
    EXPECT_EQ(Row(t, ""), nullptr);
    EXPECT_EQ(Row(t, "kommunerna"), nullptr);
  }
}

// A label wrapped over three lines beside figures on its first line; the
// next label's first line holds no figures (they stand on its second line).
TEST(LayoutWrapTest, LabelLinesOutOfStepWithNumberLines) {
  PageBuilder pb;
  pb.Add(L("Budget", 50, 60));
  pb.Add(L("2021,", 92, 60));
  pb.Add(L("tkr", 130, 60));
  pb.Add(L("Intäkter", 50, 100));
  pb.Add(R("2021", 300, 100));
  pb.Add(R("2022", 350, 100));
  pb.Add(R("2023", 400, 100));
  pb.Row("Bidrag från", 120, kRights, {"1 000", "1 000", "1 000"});
  pb.Add(L("Försäkrings-", 50, 131));
  pb.Add(L("kassan", 50, 142));
  pb.Row("Övriga", 160, {}, {});
  pb.Row("bidragsintäkter", 171, kRights, {"200", "250", "300"});
  pb.Row("Summa intäkter", 190, kRights, {"1 200", "1 250", "1 300"});
  Document doc = OnePage("verksamhetsplan", pb.words);
  std::vector<FinancialTable> tables = ExtractFinancialTables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const FinancialTable& t = tables[0];
  SCOPED_TRACE(Labels(t));
  EXPECT_EQ(t.rows.size(), 3u);
  ASSERT_NE(Row(t, "Bidrag från Försäkrings-kassan"), nullptr);
  const TableCell* o = Cell(t, "Övriga bidragsintäkter", 2);
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->amount_sek, 300000);
}

// A label wrapped over two lines of a tall cell whose figures are centred
// between them: "Förutbetalda" / "89 27" / "kostnader" is one row. When the
// line under the figures does not continue the label (a capitalised row of
// its own), the lines stay apart.
TEST(LayoutWrapTest, FiguresCentredBetweenTwoLabelLines) {
  struct Case {
    const char* name;
    const char* second;   // the line under the figures
    const char* row;      // the row that holds 89 / 27, "" = none
  };
  for (const Case& c : {Case{"continuation", "kostnader", "Förutbetalda kostnader"},
                        Case{"broken word", "kostnader", "Förutbetalda kostnader"},
                        Case{"row of its own", "Upplupna intäkter", ""}}) {
    SCOPED_TRACE(c.name);
    const bool broken = std::string(c.name) == "broken word";
    PageBuilder pb;
    pb.Add(L("Not", 50, 60));
    pb.Add(L("3.", 74, 60));
    pb.Add(L("Kortfristiga", 90, 60));
    pb.Add(L("fordringar", 170, 60));
    pb.Add(R("2020", 300, 100));
    pb.Add(R("2019", 350, 100));
    pb.Row("Skattefordran", 120, kRights, {"43", "109"});
    pb.Row(broken ? "Förutbetalda-" : "Förutbetalda", 140, {}, {});
    pb.Row("", 152, kRights, {"89", "27"});
    pb.Row(c.second, 164, {}, {});
    pb.Row("Summa", 184, kRights, {"132", "136"});
    Document doc = OnePage("årsredovisning", pb.words);
    std::vector<FinancialTable> tables = ExtractFinancialTables(doc);
    ASSERT_EQ(tables.size(), 1u);
    const FinancialTable& t = tables[0];
    SCOPED_TRACE(Labels(t));
    if (*c.row) {
      const std::string label = broken ? "Förutbetalda-kostnader" : c.row;
      const TableCell* a = Cell(t, label, 0);
      ASSERT_NE(a, nullptr);
      EXPECT_EQ(a->raw, "89");
      ASSERT_NE(Cell(t, label, 1), nullptr);
      EXPECT_EQ(Cell(t, label, 1)->raw, "27");
      EXPECT_EQ(Row(t, ""), nullptr);
      EXPECT_EQ(t.rows.size(), 3u);
    } else {
      // Whatever else reads the lines, the capitalised line is not glued
      // onto the label above.
      for (const TableRow& r : t.rows) EXPECT_EQ(r.label.find("Förutbetalda Upplupna"), std::string::npos);
    }
    ASSERT_NE(Cell(t, "Summa", 1), nullptr);
    EXPECT_EQ(Cell(t, "Summa", 1)->raw, "136");
  }
}

// A capitalised line after a label ending in a preposition is as often a
// heading of its own: it does not join (only a broken word does, above).
TEST(LayoutWrapTest, CapitalisedLineAfterPrepositionStaysApart) {
  PageBuilder pb;
  pb.Add(L("Not", 50, 60));
  pb.Add(L("8", 74, 60));
  pb.Add(L("Byggnader", 86, 60));
  pb.Add(R("2023", 300, 100));
  pb.Add(R("2022", 350, 100));
  pb.Row("I restvärdet ingår mark med", 120, kRights, {"76 580", "76 580"});
  pb.Row("Taxeringsvärde", 136, {}, {});
  pb.Row("Taxeringsvärde byggnad", 152, kRights, {"90 000", "80 000"});
  Document doc = OnePage("årsredovisning", pb.words);
  std::vector<FinancialTable> tables = ExtractFinancialTables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const FinancialTable& t = tables[0];
  SCOPED_TRACE(Labels(t));
  EXPECT_NE(Cell(t, "I restvärdet ingår mark med", 0), nullptr);
  EXPECT_NE(Cell(t, "Taxeringsvärde byggnad", 1), nullptr);
}

// --- Class 2: headers in several rows ---

struct HeaderCase {
  const char* name;
  const char* doc_kind;
  bool unit_row;        // "Tkr" on a row of its own between kinds and years
  double years_gap_pt;  // vertical gap between the kinds row and the years row
  bool years_first;     // years row above the kinds row
};

TEST(LayoutHeaderTest, KindsAndYearsOnSeparateRowsPairByPosition) {
  const HeaderCase kCases[] = {
      {"plan, tight", "verksamhetsplan", false, 2, false},
      {"plan, unit row between", "verksamhetsplan", true, 2, false},
      {"annual report, unit row", "årsredovisning", true, 2, false},
      {"annual report, loose rows", "årsredovisning", false, 9, false},
      {"plan, years above kinds", "verksamhetsplan", false, 3, true},
  };
  const std::vector<double> rights = {260, 310, 360, 410, 480};
  for (const HeaderCase& c : kCases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Add(L("Resultatbudget", 50, 50));
    double y_first = 90;
    double y_second = y_first + kHeightPt + c.years_gap_pt + (c.unit_row ? kHeightPt + c.years_gap_pt : 0);
    double y_kinds = c.years_first ? y_second : y_first;
    double y_years = c.years_first ? y_first : y_second;
    const char* kinds[] = {"Utfall", "Budget", "Plan", "Plan", "Totalt"};
    const char* years[] = {"2019", "2020", "2021", "2022", "2019-2022"};
    for (int i = 0; i < 5; ++i) {
      pb.Add(R(kinds[i], rights[i], y_kinds));
      pb.Add(R(years[i], rights[i], y_years));
    }
    if (c.unit_row) pb.Add(L("Tkr", 50, y_first + kHeightPt + c.years_gap_pt));
    double y = y_second + 25;
    pb.Row("Intäkter", y, {}, {});
    pb.Row("Statens bidrag", y += 14, rights, {"1 000", "1 100", "1 200", "1 300", "4 600"});
    pb.Row("Kommunernas bidrag", y += 14, rights, {"1 000", "1 100", "1 200", "1 300", "4 600"});
    pb.Row("Summa intäkter", y += 14, rights, {"2 000", "2 200", "2 400", "2 600", "9 200"});
    Document doc = OnePage(c.doc_kind, pb.words);
    std::vector<FinancialTable> tables = ExtractFinancialTables(doc);
    ASSERT_EQ(tables.size(), 1u);
    const FinancialTable& t = tables[0];
    EXPECT_EQ(t.title, "Resultatbudget");
    // Without the Tkr line the unit is printed nowhere: unknown, not a silent tkr.
    EXPECT_EQ(t.unit, c.unit_row ? "tkr" : "");
    ASSERT_EQ(t.columns.size(), 5u);
    const ColumnKind want[] = {ColumnKind::kUtfall, ColumnKind::kBudget, ColumnKind::kPlan, ColumnKind::kPlan,
                               ColumnKind::kTotalt};
    const int want_year[] = {2019, 2020, 2021, 2022, 0};
    for (int i = 0; i < 5; ++i) {
      SCOPED_TRACE(t.columns[i].header);
      EXPECT_EQ(ColumnKindName(t.columns[i].kind), std::string(ColumnKindName(want[i])));
      EXPECT_EQ(t.columns[i].year, want_year[i]);
    }
    const TableCell* b = Cell(t, "Summa intäkter", 1);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->amount_sek, 2200000);
  }
}

// --- Class 3: the arithmetic chooses the reading ---

// "2" over "315" with nothing beside "315": one wrapped figure (2 315) or a
// row of its own without a label (315). The Summa row decides; without one,
// or when neither reading adds up, the cells are suspect and flagged.
TEST(LayoutReadingChoiceTest, SumsDecideWhetherWrappedFragmentsJoin) {
  struct Case {
    const char* name;
    const char* summa;  // Summa intäkter 2020, "" for no Summa row
    double statens;     // expected Statens bidrag 2020, printed units
    const char* status;
    const char* rule;   // expected flag rule, "" for none
  };
  const Case kCases[] = {
      {"sum says joined", "3 027", 2315, "ok", ""},
      {"sum says two rows", "1 029", 2, "ok", ""},
      {"no sum: tie", "", 2315, "suspect", "layout.ambiguous"},
      {"sum fits neither", "5 000", 2315, "suspect", "layout.unchecked"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    pb.Add(L("Budget", 50, 60));
    pb.Add(L("2020,", 92, 60));
    pb.Add(L("tkr", 130, 60));
    pb.Add(L("Intäkter", 50, 100));
    pb.Add(R("2020", 300, 100));
    pb.Add(R("2021", 350, 100));
    pb.Row("Statens bidrag", 120, kRights, {"2", "900"});
    pb.Add(R("315", 300, 131));
    pb.Row("Kommunerna", 150, kRights, {"712", "700"});
    if (*c.summa) pb.Row("Summa intäkter", 170, kRights, {c.summa, "1 600"});
    Document doc = OnePage("verksamhetsplan", pb.words);
    std::vector<FinancialTable> tables = ExtractFinancialTables(doc);
    ASSERT_EQ(tables.size(), 1u);
    const FinancialTable& t = tables[0];
    SCOPED_TRACE(Labels(t));
    const TableCell* s = Cell(t, "Statens bidrag", 0);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->value, c.statens);
    EXPECT_EQ(s->status, c.status);
    EXPECT_EQ(Cell(t, "Statens bidrag", 1)->status, "ok");  // the cell beside it was never in doubt
    std::vector<Flag> flags = ReadingFlags(tables);
    if (*c.rule) {
      ASSERT_EQ(flags.size(), 1u);
      EXPECT_EQ(flags[0].rule, c.rule);
      EXPECT_EQ(flags[0].severity, "warning");
      // The flag names both readings.
      EXPECT_NE(flags[0].message.find("'2' over '315'"), std::string::npos) << flags[0].message;
      EXPECT_NE(flags[0].message.find("2 315 (figures wrapped"), std::string::npos) << flags[0].message;
      EXPECT_NE(flags[0].message.find("2 and 315 (the lower line a row of its own)"), std::string::npos)
          << flags[0].message;
    } else {
      EXPECT_TRUE(flags.empty());
    }
  }
}


// --- Class 7: statement headers in other house styles ---

// A statement header that opens with the period ("1 juli - 30 juni",
// "1 JANUARI - 31 DECEMBER": more words than a short label), with years or
// split financial years ("2022 - 2023": one column, its last year), with or
// without a Not column; a running page header "Årsredovisning 2022 - 2023"
// (one split year: no table header) above it; note references printed in
// the label area ("Not 2", "3, 4," beside a Not column holding "5, 6").
TEST(LayoutHeaderTest, PeriodLeadYearRangesAndNoteReferences) {
  struct Case {
    const char* name;
    std::vector<std::string> lead;   // header words over the labels
    std::vector<std::string> years;  // one per value column, right-aligned
    bool note_column;                // "Not" in the header, refs under it
    int want_first_year, want_second_year;
  };
  const Case kCases[] = {
      {"split years, Not column", {"1", "juli", "-", "30", "juni"}, {"2022 - 2023", "2021 - 2022"}, true, 2023, 2022},
      {"calendar period, no Not column", {"1", "JANUARI", "-", "31", "DECEMBER"}, {"2021", "2020"}, false, 2021, 2020},
      {"split years, no lead", {}, {"2019 - 2020", "2018 - 2019"}, false, 2020, 2019},
  };
  const std::vector<double> rights = {400, 500};
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    PageBuilder pb;
    // Running header: one split financial year, right of the page.
    pb.Add(L("Årsredovisning", 380, 20));
    pb.Add(L("2022", 470, 20));
    pb.Add(L("-", 500, 20));
    pb.Add(L("2023", 510, 20));
    pb.Add(L("Resultaträkning", 50, 60));
    double x = 50;
    for (const std::string& w : c.lead) {
      pb.Add(L(w, x, 90));
      x += kCharPt * w.size() + kCharPt;
    }
    if (c.note_column) pb.Add(L("Not", 260, 90));
    for (size_t i = 0; i < c.years.size(); ++i) {
      // "2022 - 2023" as the three words a text layer gives.
      std::vector<std::string> parts;
      std::string y = c.years[i];
      size_t b = 0;
      while (b <= y.size()) {
        size_t e = y.find(' ', b);
        if (e == std::string::npos) e = y.size();
        parts.push_back(y.substr(b, e - b));
        b = e + 1;
      }
      double xr = rights[i];
      for (size_t k = parts.size(); k-- > 0;) {
        pb.Add(R(parts[k], xr, 90));
        xr -= kCharPt * parts[k].size() + kCharPt;
      }
    }
    double yy = 115;
    pb.Row("Nettoomsättning", yy, rights, {"1 907 288", "1 421 434"});
    if (c.note_column) {
      pb.Add(L("2", 262, yy));
    } else {
      pb.Add(L("Not", 200, yy));
      pb.Add(L("2", 224, yy));
    }
    pb.Row("Driftskostnader", yy += 14, rights, {"-1 341 985", "-1 322 732"});
    if (c.note_column) {
      pb.Add(L("3,", 220, yy));
      pb.Add(L("4,", 238, yy));
      pb.Add(L("5,", 256, yy));
      pb.Add(L("6", 274, yy));
    } else {
      pb.Add(L("Not", 200, yy));
      pb.Add(L("8,12", 224, yy));
    }
    pb.Row("Summa", yy += 14, rights, {"565 303", "98 702"});
    Document doc = OnePage("årsredovisning", pb.words);
    std::vector<FinancialTable> tables = ExtractFinancialTables(doc);
    ASSERT_EQ(tables.size(), 1u);
    const FinancialTable& t = tables[0];
    EXPECT_EQ(t.title, "Resultaträkning");
    std::vector<int> years;
    for (const TableColumn& col : t.columns)
      if (col.kind != ColumnKind::kNote) {
        years.push_back(col.year);
        EXPECT_EQ(col.kind, ColumnKind::kUtfall) << col.header;
      }
    ASSERT_EQ(years.size(), 2u) << Labels(t);
    EXPECT_EQ(years[0], c.want_first_year);
    EXPECT_EQ(years[1], c.want_second_year);
    int first = t.columns[0].kind == ColumnKind::kNote ? 1 : 0;
    const TableCell* n = Cell(t, "Nettoomsättning", first);
    ASSERT_NE(n, nullptr) << Labels(t);
    EXPECT_EQ(n->value, 1907288);
    const TableCell* d = Cell(t, "Driftskostnader", first + 1);
    ASSERT_NE(d, nullptr) << Labels(t);
    EXPECT_EQ(d->value, -1322732);
  }
}

// Note references left in a row label, and labels that only look like one.
TEST(NoteReferenceTest, StripsTrailingNoteReferencesOnly) {
  const std::pair<const char*, const char*> kCases[] = {
      {"Byggnader Not 8,12", "Byggnader"},
      {"Nettoomsättning Not", "Nettoomsättning"},
      {"Fond för yttre underhåll NOT 10", "Fond för yttre underhåll"},
      {"Driftskostnader 3, 4,", "Driftskostnader"},
      {"Avgifts- och hyresfordringar", "Avgifts- och hyresfordringar"},
      {"Not", "Not"},
      {"Lån 2", "Lån 2"},
      {"Summa 2023", "Summa 2023"},
      {"Notarius publicus", "Notarius publicus"},
  };
  for (const auto& [in, want] : kCases) EXPECT_EQ(StripNoteReference(in), want) << in;
}

}  // namespace
}  // namespace finsam
