// End-to-end tests of organisations and documents (issue 11, items 1, 2, 4,
// 6): one small synthetic text document per kind of organisation, ingested
// with `finsam ingest --text`, then `orgs`, `compare --org`, `docs`, `show`,
// `export`, moved files, --org overrides and rename/merge decisions that
// survive a re-extraction. Names and numbers are made up (check digits
// valid).
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pipeline/store/sqlite_db.h"
#include "tests/support/finsam_run.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

void WriteFile(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// A budget table in a text dump (tab-separated cells), the same rows for
// every organisation so that only the organisation tells them apart. (A
// total that looks like a year, 2000, would read as a header row.)
std::string BudgetTable(int year, int income_tkr) {
  const std::string y = std::to_string(year), y2 = std::to_string(year + 1), half = std::to_string(income_tkr / 2),
                    total = std::to_string(income_tkr);
  return "Budget " + y + "-" + y2 + ", Tkr\n\nIntäkter\t" + y + "\t" + y2 + "\nBidrag från staten\t" + half + "\t" +
         half + "\nBidrag från kommunerna\t" + half + "\t" + half + "\nSumma intäkter\t" + total + "\t" + total +
         "\n";
}

struct KindDoc {
  const char* file;
  std::string text;
  const char* org;
  const char* kind;
};

std::vector<KindDoc> KindDocs() {
  return {
      {"forbund.txt", "Samordningsförbundet Åsele – Dorotea\nVerksamhetsplan med budget 2021 och plan 2022–2023\n\f" +
                          BudgetTable(2021, 1000),
       "Samordningsförbundet Åsele-Dorotea", "samordningsförbund"},
      {"kommun.txt", "Provköpings kommun\nÅrsredovisning 2021\nOrganisationsnummer 212000-0001\n\f" +
                         BudgetTable(2021, 2400),
       "Provköpings kommun", "kommun"},
      {"region.txt", "Region Provland\nVerksamhetsplan 2021\n\f" + BudgetTable(2021, 3000), "Region Provland",
       "region"},
      {"namnd.txt", "Socialnämnden\nVerksamhetsplan 2021\nSocialnämnden i Provköpings kommun ansvarar för ...\n\f" +
                        BudgetTable(2021, 4000),
       "Socialnämnden i Provköpings kommun", "nämnd"},
      {"brf.txt", "Årsredovisning 2021\nBrf Provgården\nOrg.nr 769600-0004\n\f" + BudgetTable(2021, 5000),
       "Brf Provgården", "brf"},
      {"other.txt", "Årsredovisning 2021\nExempel Fastigheter AB, org.nr 556000-0019\n\f" + BudgetTable(2021, 6000),
       "Exempel Fastigheter AB", "other"},
  };
}

class OrgsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_orgs_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = fs::weakly_canonical(tmpl).string();
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  RunResult Run(const std::string& args) { return RunFinsam(FINSAM_BINARY, dir_, args); }
  int64_t Count(const std::string& sql) {
    Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(dir_ + "/t.db", false);
    if (!db.ok()) return -1;
    return (*db)->QueryInt(sql).value_or(-1);
  }
  void IngestKinds() {
    for (const KindDoc& d : KindDocs()) WriteFile(dir_ + "/docs/" + d.file, d.text);
    WriteFile(dir_ + "/docs/notes.md", "# Anteckningar\nBudget 2021\n");
    RunResult r = Run("ingest --db t.db --text docs/forbund.txt docs/kommun.txt docs/region.txt docs/namnd.txt "
                      "docs/brf.txt docs/other.txt");
    ASSERT_EQ(r.code, 0) << r.err;
  }
  std::string dir_;
};

TEST_F(OrgsCliTest, OneOrganisationPerKindEachWithItsOwnName) {
  IngestKinds();
  RunResult orgs = Run("orgs --db t.db --format csv");
  ASSERT_EQ(orgs.code, 0) << orgs.err;
  for (const KindDoc& d : KindDocs()) {
    SCOPED_TRACE(d.file);
    EXPECT_THAT(orgs.out, HasSubstr(std::string(",") + d.org + "," + d.kind + ",")) << orgs.out;
  }
  EXPECT_EQ(Lines(orgs.out).size(), KindDocs().size() + 1);
  EXPECT_THAT(orgs.out, HasSubstr("Provköpings kommun,kommun,212000-0001,1,2021"));
  EXPECT_THAT(orgs.out, HasSubstr("Samordningsförbundet Åsele-Dorotea,samordningsförbund,,1,2021-2023"));
  // compare: one row per organisation, none pooled.
  RunResult cmp = Run("compare --db t.db --metric income.total --years 2021 --format csv");
  ASSERT_EQ(cmp.code, 0) << cmp.err;
  EXPECT_EQ(Lines(cmp.out).size(), KindDocs().size() + 1) << cmp.out;
  EXPECT_THAT(cmp.out, Not(HasSubstr("unknown")));
  EXPECT_THAT(cmp.out, HasSubstr("Brf Provgården,2021,"));
  EXPECT_THAT(cmp.out, HasSubstr(",5000000,#5 årsredovisning p.2 budget,"));
}

// value_printed keeps every digit of a figure printed in kronor (seven
// digits and more came out as 7.45158e+06).
TEST_F(OrgsCliTest, ExportKeepsEveryPrintedDigit) {
  WriteFile(dir_ + "/docs/kr.txt",
            "Brf Provstugan\nÅrsredovisning 2021\n\fResultaträkning\n\nBelopp i kr\t2021\t2020\n"
            "Nettoomsättning\t7 451 585\t6 817 870\nÖvriga intäkter\t12 100\t8 700\n"
            "Summa rörelseintäkter\t7 463 685\t6 826 570\n");
  ASSERT_EQ(Run("ingest --db t.db --text docs/kr.txt").code, 0);
  RunResult csv = Run("export --db t.db");
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_THAT(csv.out, HasSubstr(",Nettoomsättning,7451585,kr,7451585,kr,"));
  EXPECT_THAT(csv.out, HasSubstr(",Summa rörelseintäkter,6826570,kr,6826570,kr,"));
  RunResult jl = Run("export --db t.db --format jsonl");
  ASSERT_EQ(jl.code, 0);
  EXPECT_THAT(jl.out, HasSubstr("\"value_printed\":7463685"));
}

// A delårsrapport's "Utfall jan–aug" is no year's utfall: the export says
// which months the figure covers and compare leaves it out, while the
// report's full-year columns are compared as usual.
TEST_F(OrgsCliTest, PartOfTheYearIsNotTheYearsOutcome) {
  WriteFile(dir_ + "/docs/delar.txt",
            "Samordningsförbundet Provdalen\nDelårsrapport januari–augusti 2024\n\f"
            "Resultat per den 31 augusti 2024\n\nTkr\tUtfall jan–aug 2024\tBudget 2024\tUtfall 2023\n"
            "Bidrag från staten\t1 100\t1 500\t1 400\nBidrag från kommunerna\t900\t1 500\t1 400\n"
            "Summa intäkter\t2 000\t3 000\t2 800\n");
  RunResult r = Run("ingest --db t.db --text docs/delar.txt");
  ASSERT_EQ(r.code, 0) << r.err;
  RunResult csv = Run("export --db t.db");
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_THAT(csv.out, HasSubstr(",2024,2024,utfall,income.total,Summa intäkter,2000000,kr,"));
  int partial = 0, whole = 0;
  for (const std::string& line : Lines(csv.out)) {
    if (line.find(",2000000,kr,") != std::string::npos) partial += line.ends_with(",01-08\r");
    if (line.find(",2800000,kr,") != std::string::npos) whole += line.ends_with(",\r");
  }
  EXPECT_EQ(partial, 1) << csv.out;
  EXPECT_EQ(whole, 1) << csv.out;
  RunResult cmp = Run("compare --db t.db --metric income.total --format csv");
  ASSERT_EQ(cmp.code, 0) << cmp.err;
  EXPECT_THAT(cmp.out, Not(HasSubstr("2000000"))) << cmp.out;
  EXPECT_THAT(cmp.out, HasSubstr("2800000")) << cmp.out;
  EXPECT_THAT(cmp.out, HasSubstr("3000000")) << cmp.out;
}

TEST_F(OrgsCliTest, CompareOrgFiltersAndUnknownOrgIsAUsageError) {
  IngestKinds();
  RunResult one = Run("compare --db t.db --metric income.total --years 2021 --org provgården --format csv");
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(Lines(one.out).size(), 2u) << one.out;
  // The old option name still works, and an organisationsnummer names one.
  EXPECT_EQ(Run("compare --db t.db --metric income.total --years 2021 --forbund provgården --format csv").out, one.out);
  EXPECT_EQ(Run("compare --db t.db --metric income.total --years 2021 --org 769600-0004 --format csv").out, one.out);
  RunResult none = Run("compare --db t.db --metric income.total --org provgarde");
  EXPECT_EQ(none.code, 0) << "a part of a name matches";
  RunResult unknown = Run("compare --db t.db --metric income.total --org simrishamn");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_THAT(unknown.err, HasSubstr("no organisation matches 'simrishamn'"));
  RunResult close = Run("compare --db t.db --metric income.total --org 'Provköping kommun'");
  EXPECT_EQ(close.code, 2);
  EXPECT_THAT(close.err, HasSubstr("Provköpings kommun"));
  RunResult kind = Run("compare --db t.db --metric income.total --kind budgett");
  EXPECT_EQ(kind.code, 2);
  EXPECT_THAT(kind.err, HasSubstr("budget, plan, utfall"));
}

TEST_F(OrgsCliTest, RenameAndMergeSurviveReextraction) {
  IngestKinds();
  RunResult ren = Run("orgs --db t.db --rename 'Region Provland' 'Region Provland (test)'");
  ASSERT_EQ(ren.code, 0) << ren.err;
  EXPECT_THAT(ren.out, HasSubstr("Region Provland (test)"));
  // A second document of the förbund, printed with a plain hyphen and
  // without its name on the cover: merged by hand into the first.
  WriteFile(dir_ + "/docs/forbund2.txt", "Verksamhetsplan 2022\nFinsam Åsele-Dorotea och Vilhelmina\n\f" +
                                             BudgetTable(2022, 1100));
  ASSERT_EQ(Run("ingest --db t.db docs/forbund2.txt").code, 0);
  RunResult listed = Run("orgs --db t.db --format csv");
  ASSERT_THAT(listed.out, HasSubstr("Samordningsförbundet Åsele-Dorotea och Vilhelmina"));
  RunResult merge =
      Run("orgs --db t.db --format csv --merge 'Åsele-Dorotea och Vilhelmina' 'Samordningsförbundet Åsele-Dorotea'");
  ASSERT_EQ(merge.code, 0) << merge.err;
  EXPECT_THAT(merge.out, Not(HasSubstr("och Vilhelmina")));
  EXPECT_THAT(merge.out, HasSubstr("Samordningsförbundet Åsele-Dorotea,samordningsförbund,,2,2021-2023"))
      << merge.out;
  // A newer pipeline version re-extracts everything: the decisions stay.
  ASSERT_GT(Count("SELECT count(*) FROM documents"), 0);
  {
    Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(dir_ + "/t.db", false);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("UPDATE documents SET pipeline_version = 0").ok());
  }
  RunResult again = Run("ingest --db t.db --text docs");
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_THAT(again.err, HasSubstr("re-extracted docs/forbund2.txt: Samordningsförbundet Åsele-Dorotea,"));
  EXPECT_THAT(again.err, HasSubstr("re-extracted docs/region.txt: Region Provland (test),"));
  RunResult after = Run("orgs --db t.db --format csv");
  EXPECT_THAT(after.out, HasSubstr("Region Provland (test),region"));
  EXPECT_THAT(after.out, Not(HasSubstr("och Vilhelmina")));
  EXPECT_EQ(Lines(after.out).size(), KindDocs().size() + 1);
  // The notes file lying beside the documents is read only with --text.
  EXPECT_EQ(Count("SELECT count(*) FROM documents WHERE source_path LIKE '%notes.md'"), 1);
  EXPECT_EQ(Run("orgs --db t.db --merge nosuch 'Region Provland (test)'").code, 2);
}

TEST_F(OrgsCliTest, FolderWalkTakesPdfsUnlessText) {
  for (const KindDoc& d : KindDocs()) WriteFile(dir_ + "/docs/" + d.file, d.text);
  RunResult r = Run("ingest --db t.db docs");
  EXPECT_EQ(r.code, 1) << r.err;  // nothing to ingest
  EXPECT_THAT(r.err, HasSubstr("no .pdf files found (--text also reads .txt/.md)"));
  RunResult named = Run("ingest --db t.db docs/brf.txt");
  EXPECT_EQ(named.code, 0) << named.err;  // a named text file is always read
}

TEST_F(OrgsCliTest, OrgOverrideByNameAndNumber) {
  WriteFile(dir_ + "/a.txt", "Årsredovisning 2021\nUtan namn på omslaget\n\f" + BudgetTable(2021, 700));
  RunResult r = Run("ingest --db t.db --org 'Brf Namngiven' a.txt");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("loaded a.txt: Brf Namngiven, årsredovisning 2021"));
  EXPECT_EQ(Count("SELECT count(*) FROM v_documents WHERE organisation = 'Brf Namngiven' AND org_kind = 'brf' AND "
                  "org_source = 'override'"),
            1);
  // Unchanged bytes with another override move the document.
  WriteFile(dir_ + "/b.txt", "Årsredovisning 2021\nBrf Provgården\nOrg.nr 769600-0004\n\f" + BudgetTable(2021, 5000));
  ASSERT_EQ(Run("ingest --db t.db b.txt").code, 0);
  RunResult moved = Run("ingest --db t.db --org 769600-0004 a.txt");
  ASSERT_EQ(moved.code, 0) << moved.err;
  EXPECT_EQ(Count("SELECT count(*) FROM v_documents WHERE organisation = 'Brf Provgården'"), 2);
  RunResult bad = Run("ingest --db t.db --org '' a.txt");
  EXPECT_EQ(bad.code, 2);
}

TEST_F(OrgsCliTest, MovedFileIsFoundByItsHash) {
  WriteFile(dir_ + "/old/a.txt", KindDocs()[4].text);
  ASSERT_EQ(Run("ingest --db t.db old/a.txt").code, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM documents WHERE source_path = '" + dir_ + "/old/a.txt'"), 1);
  const int64_t facts = Count("SELECT count(*) FROM facts");
  fs::create_directories(dir_ + "/new");
  fs::rename(dir_ + "/old/a.txt", dir_ + "/new/renamed.txt");
  RunResult r = Run("ingest --db t.db new/renamed.txt");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("moved " + dir_ + "/old/a.txt -> " + dir_ + "/new/renamed.txt"));
  EXPECT_THAT(r.err, HasSubstr("unchanged new/renamed.txt"));
  EXPECT_EQ(Count("SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM documents WHERE source_path = '" + dir_ + "/new/renamed.txt'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM facts"), facts);
  // A copy (the old file still there) keeps the first path.
  fs::copy_file(dir_ + "/new/renamed.txt", dir_ + "/copy.txt");
  ASSERT_EQ(Run("ingest --db t.db copy.txt").code, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM documents WHERE source_path = '" + dir_ + "/new/renamed.txt'"), 1);
}

TEST_F(OrgsCliTest, DocsShowAndCategories) {
  IngestKinds();
  RunResult docs = Run("docs --db t.db --format csv");
  ASSERT_EQ(docs.code, 0) << docs.err;
  EXPECT_THAT(docs.out, StartsWith("id,organisation,kind,years,pages,tables,facts,open_flags,path\r\n"));
  EXPECT_THAT(docs.out, HasSubstr(",Brf Provgården,årsredovisning,2021,2,1,6,"));
  EXPECT_THAT(docs.out, HasSubstr(dir_ + "/docs/brf.txt"));
  RunResult show = Run("show --db t.db 5");
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("document #5  Brf Provgården  årsredovisning 2021"));
  EXPECT_THAT(show.out, HasSubstr("unit tkr"));
  EXPECT_THAT(show.out, HasSubstr("Summa intäkter"));
  EXPECT_THAT(show.out, HasSubstr("income.total"));
  EXPECT_THAT(show.out, HasSubstr("5000"));
  EXPECT_EQ(Run("show --db t.db docs/brf.txt").out, show.out);
  EXPECT_EQ(Run("show --db t.db 5 --table 9").code, 2);
  EXPECT_EQ(Run("show --db t.db 99").code, 2);
  RunResult page = Run("show --db t.db 5 --page 1");
  EXPECT_EQ(page.code, 0);
  EXPECT_THAT(page.out, HasSubstr("no table on p.1"));
  RunResult cats = Run("categories --format csv");
  ASSERT_EQ(cats.code, 0);
  EXPECT_THAT(cats.out, HasSubstr("income.total,"));
  EXPECT_THAT(cats.out, HasSubstr("cost.interventions,"));
}

TEST_F(OrgsCliTest, ExportLongFormat) {
  IngestKinds();
  RunResult csv = Run("export --db t.db");
  ASSERT_EQ(csv.code, 0) << csv.err;
  std::vector<std::string> lines = Lines(csv.out);
  ASSERT_GT(lines.size(), 1u);
  EXPECT_EQ(lines[0],
            "organisation,orgnr,org_kind,year,period,column_kind,category,label,amount,unit,value_printed,table_unit,"
            "document_id,doc_kind,table_kind,page,printed_page,status,flag_ids,fact_id,source_path,months\r");
  EXPECT_EQ(lines.size(), static_cast<size_t>(Count("SELECT count(*) FROM facts")) + 1);
  EXPECT_THAT(csv.out, HasSubstr("Brf Provgården,769600-0004,brf,2021,2021,"));
  EXPECT_THAT(csv.out, HasSubstr(",income.total,Summa intäkter,5000000,kr,5000,tkr,5,"));
  RunResult sv = Run("export --db t.db --csv-dialect excel-sv");
  ASSERT_EQ(sv.code, 0);
  EXPECT_THAT(sv.out, StartsWith("\xEF\xBB\xBF" "organisation;orgnr;"));
  EXPECT_THAT(sv.out, HasSubstr(";income.total;Summa intäkter;5000000;kr;5000;tkr;5;"));
  RunResult jl = Run("export --db t.db --format jsonl --org provgården");
  ASSERT_EQ(jl.code, 0);
  std::vector<std::string> objs = Lines(jl.out);
  ASSERT_EQ(objs.size(), 6u);
  for (const std::string& o : objs) {
    nlohmann::json j = nlohmann::json::parse(o);
    EXPECT_EQ(j.at("organisation"), "Brf Provgården");
    EXPECT_TRUE(j.at("amount").is_number());
  }
  EXPECT_EQ(Run("export --db t.db --format xml").code, 2);
  EXPECT_EQ(Run("export --db t.db --org nosuch").code, 2);
}

}  // namespace
}  // namespace finsam
