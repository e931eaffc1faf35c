// WriteResultTable formats and CompareFinancial on a small database built
// from hand-made extractions (two plans, one årsredovisning).
#include "pipeline/review/compare.h"

#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pipeline/store/database.h"
#include "tests/support/extraction_builder.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;
using fixtures::AddRow;
using fixtures::AddTable;
using fixtures::MakeDocument;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(WriteResultTableTest, AlignedTextRightAlignsNumbers) {
  ResultTable t{{"förbund", "year", "amount"}, {{"Gävleborg", "2020", "13 320 000"}, {"Jämtlands län", "2019", "-5"}}};
  std::ostringstream out;
  WriteResultTable(t, "table", out);
  EXPECT_EQ(out.str(),
            "förbund        year      amount\n"
            "-------------  ----  ----------\n"
            "Gävleborg      2020  13 320 000\n"
            "Jämtlands län  2019          -5\n");
}

TEST(WriteResultTableTest, CsvQuotesPerRfc4180) {
  ResultTable t{{"a", "b,c"}, {{"x \"y\"", "1"}, {"line\nbreak", ""}}};
  std::ostringstream out;
  WriteResultTable(t, "csv", out);
  EXPECT_EQ(out.str(), "a,\"b,c\"\r\n\"x \"\"y\"\"\",1\r\n\"line\nbreak\",\r\n");
}

// Cells a spreadsheet would run as a formula get a leading apostrophe;
// numbers (also negative ones, as finsam prints them) stay as they are.
TEST(WriteResultTableTest, CsvNeutralizesFormulaCells) {
  struct Case {
    const char* cell;
    const char* csv;
  };
  const Case kCases[] = {
      {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
      {"=1+1", "'=1+1"},
      {"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
      {"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
      {"-1+2", "'-1+2"},
      {"@SUM(A1:A2)", "'@SUM(A1:A2)"},
      {"\t=1", "'\t=1"},
      {"\r=1", "\"'\r=1\""},
      {"-", "'-"},
      {"--5", "'--5"},
      {"-13 320 x", "'-13 320 x"},
      {"- 5", "'- 5"},
      {"-5,", "\"'-5,\""},
      // Numbers and plain text pass unchanged.
      {"-2187", "-2187"},
      {"-13 320,5", "\"-13 320,5\""},
      {"-13 320 000", "-13 320 000"},
      {"-12.5", "-12.5"},
      {"+5", "+5"},
      {"-13 320 tkr", "-13 320 tkr"},
      {"-5 %", "-5 %"},
      {"2187", "2187"},
      {"Summa kostnader", "Summa kostnader"},
      {"a=b", "a=b"},
      {" =1", " =1"},
      {"", ""},
  };
  for (const Case& c : kCases) {
    ResultTable t{{"label"}, {{c.cell}}};
    std::ostringstream out;
    WriteResultTable(t, "csv", out);
    EXPECT_EQ(out.str(), std::string("label\r\n") + c.csv + "\r\n") << c.cell;
  }
  // The aligned table and JSON are not spreadsheets: unchanged there.
  std::ostringstream json;
  WriteResultTable(ResultTable{{"label"}, {{"=1+1"}}}, "json", json);
  EXPECT_THAT(json.str(), HasSubstr("\"=1+1\""));
}

TEST(WriteResultTableTest, JsonTypesNumbersAndNulls) {
  ResultTable t{{"name", "n", "x", "code"}, {{"Gävle \"G\"\t", "-12.5", "", "0012"}}};
  std::ostringstream out;
  WriteResultTable(t, "json", out);
  // "0012" is not a JSON number (leading zero), so it stays a string.
  EXPECT_EQ(out.str(),
            "[\n  {\n    \"name\": \"Gävle \\\"G\\\"\\t\",\n    \"n\": -12.5,\n    \"x\": null,\n"
            "    \"code\": \"0012\"\n  }\n]\n");
  std::ostringstream empty;
  WriteResultTable(ResultTable{{"a"}, {}}, "json", empty);
  EXPECT_EQ(empty.str(), "[]\n");
}

class CompareFinancialTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_cmp_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    Result<std::unique_ptr<Database>> db = Database::Open(dir_ + "/t.db");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();

    // #1: Gävleborg's plan 2020-2022, budget table on page 3.
    Extraction vp = MakeDocument("vp20", "Samordningsförbundet Gävleborg", "verksamhetsplan", 2020, 2022);
    FinancialTable& b = AddTable(vp, "budget", 3,
                                 {{2020, ColumnKind::kBudget}, {2021, ColumnKind::kPlan}, {2022, ColumnKind::kPlan}});
    AddRow(b, "Summa intäkter", "income.total", {13320000, 13320000, 13320000});
    AddRow(b, "Summa kostnader", "cost.total", {18806000, 15000000, 14000000});
    // #2: Gävleborg's årsredovisning 2020: resultaträkning on page 5 (with
    // the year's budget again) and the five-year overview on page 2, whose
    // 2020 income disagrees by 1 tkr.
    Extraction ar = MakeDocument("ar20", "Samordningsförbundet Gävleborg", "årsredovisning", 2020, 2020);
    FinancialTable& rr = AddTable(ar, "income_statement", 5,
                                  {{2020, ColumnKind::kUtfall}, {2020, ColumnKind::kBudget}, {2019, ColumnKind::kUtfall}});
    AddRow(rr, "Summa intäkter", "income.total", {13401000, 13320000, 12000000});
    FinancialTable& ov = AddTable(ar, "overview", 2, {{2020, ColumnKind::kUtfall}, {2019, ColumnKind::kUtfall}});
    AddRow(ov, "Intäkter", "income.total", {13400000, 12000000});
    // #3: Jämtland's plan 2019-2021: the budget table's figure is suspect; an
    // "other" table on page 6 has a checked one.
    Extraction jp = MakeDocument("vp19", "Samordningsförbundet i Jämtlands län", "verksamhetsplan", 2019, 2021);
    FinancialTable& jb = AddTable(jp, "budget", 4, {{2019, ColumnKind::kBudget}});
    AddRow(jb, "Summa intäkter", "income.total", {9000000}, "suspect");
    FinancialTable& jo = AddTable(jp, "other", 6, {{2019, ColumnKind::kBudget}});
    AddRow(jo, "Intäkter totalt", "income.total", {9100000});
    for (Extraction* ex : {&vp, &ar, &jp}) ASSERT_TRUE(db_->Load(*ex).ok());
  }
  void TearDown() override {
    db_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Compare(CompareRequest req) {
    std::ostringstream out;
    Status st = CompareFinancial(db_->sql(), req, out);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return out.str();
  }
  static CompareRequest Csv(const std::string& metric) {
    CompareRequest r;
    r.metric = metric;
    r.format = "csv";
    return r;
  }

  std::string dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(CompareFinancialTest, PivotWithPrecedenceSourcesAndConflicts) {
  EXPECT_EQ(Compare(Csv("income.total")),
            "organisation,year,budget,budget_source,plan,plan_source,utfall,utfall_source,deviation,sources,conflicts\r\n"
            "Samordningsförbundet Gävleborg,2019,,,,,12000000,#2 årsredovisning p.5 income_statement,,2,\r\n"
            "Samordningsförbundet Gävleborg,2020,13320000,#1 verksamhetsplan p.3 budget,,,13401000,"
            "#2 årsredovisning p.5 income_statement,81000,4,utfall 13400000 (#2 årsredovisning p.2 overview)\r\n"
            "Samordningsförbundet Gävleborg,2021,,,13320000,#1 verksamhetsplan p.3 budget,,,,1,\r\n"
            "Samordningsförbundet Gävleborg,2022,,,13320000,#1 verksamhetsplan p.3 budget,,,,1,\r\n"
            "Samordningsförbundet i Jämtlands län,2019,9100000,#3 verksamhetsplan p.6 other,,,,,,2,"
            "budget 9000000 (#3 verksamhetsplan p.4 budget)\r\n");
}

TEST_F(CompareFinancialTest, FiltersByForbundYearsAndKind) {
  CompareRequest r = Csv("income.total");
  r.forbund = "gavleborg";  // case and diacritic insensitive
  r.kind = "utfall,budget";
  r.year_from = r.year_to = 2020;
  r.unit = "tkr";
  EXPECT_EQ(Compare(r),
            "organisation,year,utfall,utfall_source,budget,budget_source,deviation,sources,conflicts\r\n"
            "Samordningsförbundet Gävleborg,2020,13401,#2 årsredovisning p.5 income_statement,13320,"
            "#1 verksamhetsplan p.3 budget,81,4,utfall 13400 (#2 årsredovisning p.2 overview)\r\n");
  r.kind = "utfall";
  std::string only_utfall = Compare(r);
  EXPECT_THAT(only_utfall, Not(HasSubstr("deviation")));
  EXPECT_THAT(only_utfall, Not(HasSubstr("13320")));
}

TEST_F(CompareFinancialTest, LabelModeAddsLabelColumn) {
  CompareRequest r;
  r.label = "SUMMA kostnader";
  r.format = "csv";
  r.unit = "mkr";
  EXPECT_EQ(Compare(r),
            "organisation,year,label,budget,budget_source,plan,plan_source,sources,conflicts\r\n"
            "Samordningsförbundet Gävleborg,2020,Summa kostnader,18.806,#1 verksamhetsplan p.3 budget,,,1,\r\n"
            "Samordningsförbundet Gävleborg,2021,Summa kostnader,,,15,#1 verksamhetsplan p.3 budget,1,\r\n"
            "Samordningsförbundet Gävleborg,2022,Summa kostnader,,,14,#1 verksamhetsplan p.3 budget,1,\r\n");
}

TEST_F(CompareFinancialTest, TableAndJsonFormats) {
  CompareRequest r = Csv("income.total");
  r.format = "table";
  r.forbund = "Gävleborg";
  r.year_from = r.year_to = 2020;
  std::string table = Compare(r);
  EXPECT_THAT(table, HasSubstr("Samordningsförbundet Gävleborg  2020  13 320 000  #1 verksamhetsplan p.3 budget"));
  EXPECT_THAT(table, HasSubstr("13 401 000  #2 årsredovisning p.5 income_statement     81 000"));
  r.format = "json";
  std::string json = Compare(r);
  EXPECT_THAT(json, HasSubstr("\"budget\": 13320000,"));
  EXPECT_THAT(json, Not(HasSubstr("\"plan\"")));  // no plan figures for 2020
  EXPECT_THAT(json, HasSubstr("\"deviation\": 81000,"));
  EXPECT_THAT(json, HasSubstr("\"sources\": 4,"));
}

TEST_F(CompareFinancialTest, NeedsMetricOrLabel) {
  std::ostringstream out;
  Status st = CompareFinancial(db_->sql(), CompareRequest{}, out);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace finsam

namespace finsam {
namespace {

// The same plan read twice: first from a scan (OCR, lower confidence), then
// from the born-digital PDF. The text layer's reading is shown as the source.
TEST(CompareTieBreakTest, TextLayerBeatsOcrReadingOfSameFigure) {
  std::string tmpl = ::testing::TempDir() + "/finsam_tie_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  {
    Result<std::unique_ptr<Database>> db = Database::Open(tmpl + "/t.db");
    ASSERT_TRUE(db.ok());
    for (double conf : {0.8, 1.0}) {
      Extraction ex = fixtures::MakeDocument(conf < 1 ? "scan" : "text", "Samordningsförbundet Gävleborg",
                                             "verksamhetsplan", 2020, 2022);
      FinancialTable& t = fixtures::AddTable(ex, "budget", conf < 1 ? 5 : 6, {{2020, ColumnKind::kBudget}});
      TableRow& r = fixtures::AddRow(t, "Summa intäkter", "income.total", {13320000});
      r.cells[0].prov.confidence = conf;
      ASSERT_TRUE((*db)->Load(ex).ok());
    }
    CompareRequest req;
    req.metric = "income.total";
    req.format = "csv";
    std::ostringstream out;
    ASSERT_TRUE(CompareFinancial((*db)->sql(), req, out).ok());
    EXPECT_EQ(out.str(),
              "organisation,year,budget,budget_source,sources,conflicts\r\n"
              "Samordningsförbundet Gävleborg,2020,13320000,#2 verksamhetsplan p.6 budget,2,\r\n");
  }
  std::error_code ec;
  fs::remove_all(tmpl, ec);
}

}  // namespace
}  // namespace finsam
