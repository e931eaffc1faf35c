// Year-to-year checks for every kind of organisation (issue 11, items 1 and
// 5): each of six organisations — a samordningsförbund, a kommun, a region,
// a nämnd, a bostadsrättsförening and another kind — publishes two
// årsredovisningar, 2020 and 2021. The 2021 report's prior-year column
// restates two 2020 rows (a reclassification between Driftskostnader and
// Övriga externa kostnader; the sums stay). Then:
//   - every organisation is its own, with its own name and both documents;
//   - cross.prior_year fires for each of them (not only for förbund), names
//     both values and both documents, and only on the restated rows;
//   - compare shows the restated (newer) figure for 2020, the earlier one
//     as a conflict carrying the flag's id, and never pools two
//     organisations in a row.
// Names and numbers are made up (organisationsnummer with valid check
// digits); every sum was checked by hand.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pipeline/store/sqlite_db.h"
#include "tests/support/finsam_run.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

struct Org {
  const char* slug;   // file names
  std::string cover;  // the title page, before "Årsredovisning YEAR"
  const char* name;   // as finsam should name it
  const char* kind;
  int factor;         // scales every figure, so that pooled rows would show
};

std::vector<Org> Orgs() {
  return {
      {"forbund", "Samordningsförbundet Provdalen\n", "Samordningsförbundet Provdalen", "samordningsförbund", 1},
      {"kommun", "Provköpings kommun\nOrganisationsnummer 212000-0001\n", "Provköpings kommun", "kommun", 2},
      {"region", "Region Provland\n", "Region Provland", "region", 3},
      {"namnd", "Socialnämnden\nSocialnämnden i Provköpings kommun redovisar sitt år.\n",
       "Socialnämnden i Provköpings kommun", "nämnd", 4},
      {"brf", "Brf Provgården\nOrg.nr 769600-0004\n", "Brf Provgården", "brf", 5},
      {"other", "Exempel Fastigheter AB, org.nr 556000-0019\n", "Exempel Fastigheter AB", "other", 6},
  };
}

// 1234567 → "1 234 567", -5000 → "-5 000".
std::string Printed(long long v) {
  std::string d = std::to_string(v < 0 ? -v : v), out;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i && (d.size() - i) % 3 == 0) out += ' ';
    out += d[i];
  }
  return (v < 0 ? "-" : "") + out;
}

// Figures per year (kr, before the factor); rows in print order.
struct Year {
  long long net, other_inc, drift, external, staff, depr, interest;
  long long buildings, receivables, cash, equity, long_debt, short_debt;
};
// 2020 as the 2020 report prints it; the 2021 report restates the split of
// its costs (830 000 / 100 000 instead of 820 000 / 110 000).
const Year k2019 = {1200000, 35000, -790000, -105000, -58000, -150000, -95000,
                    9150000, 38000,   512000,  5200000, 4250000, 250000};
const Year k2020 = {1250000, 40000, -820000, -110000, -60000, -150000, -90000,
                    9000000, 45000,   655000,  5260000, 4200000, 240000};
const Year k2020Restated = {1250000, 40000, -830000, -100000, -60000, -150000, -90000,
                            9000000, 45000,   655000,  5260000, 4200000, 240000};
const Year k2021 = {1300000, 42000, -850000, -115000, -62000, -150000, -85000,
                    8850000, 50000,   880000,  5340000, 4150000, 290000};

std::string Report(const Org& org, int year, const Year& now, const Year& prior) {
  const long long k = org.factor;
  auto row = [&](const std::string& label, const std::string& note, long long a, long long b) {
    return label + "\t" + note + "\t" + Printed(a * k) + "\t" + Printed(b * k) + "\n";
  };
  auto inc = [](const Year& y) { return y.net + y.other_inc; };
  auto costs = [](const Year& y) { return y.drift + y.external + y.staff + y.depr; };
  auto assets = [](const Year& y) { return y.buildings + y.receivables + y.cash; };
  const std::string y = std::to_string(year), p = std::to_string(year - 1);
  std::string t = org.cover + "Årsredovisning " + y + "\n\f";
  t += "Resultaträkning\nBelopp i kr\tNot\t" + y + "-01-01 -" + y + "-12-31\t" + p + "-01-01 -" + p + "-12-31\n";
  t += row("Nettoomsättning", "1", now.net, prior.net);
  t += row("Övriga rörelseintäkter", "", now.other_inc, prior.other_inc);
  t += row("Summa rörelseintäkter", "", inc(now), inc(prior));
  t += row("Driftskostnader", "2", now.drift, prior.drift);
  t += row("Övriga externa kostnader", "", now.external, prior.external);
  t += row("Personalkostnader", "", now.staff, prior.staff);
  t += row("Avskrivningar", "", now.depr, prior.depr);
  t += row("Summa rörelsekostnader", "", costs(now), costs(prior));
  t += row("Rörelseresultat", "", inc(now) + costs(now), inc(prior) + costs(prior));
  t += row("Räntekostnader", "", now.interest, prior.interest);
  t += row("Årets resultat", "", inc(now) + costs(now) + now.interest, inc(prior) + costs(prior) + prior.interest);
  t += "\nBalansräkning\nBelopp i kr\tNot\t" + y + "-12-31\t" + p + "-12-31\n";
  t += row("Byggnader och mark", "", now.buildings, prior.buildings);
  t += row("Kortfristiga fordringar", "", now.receivables, prior.receivables);
  t += row("Kassa och bank", "", now.cash, prior.cash);
  t += row("Summa tillgångar", "", assets(now), assets(prior));
  t += row("Eget kapital", "", now.equity, prior.equity);
  t += row("Långfristiga skulder", "", now.long_debt, prior.long_debt);
  t += row("Kortfristiga skulder", "", now.short_debt, prior.short_debt);
  t += row("Summa eget kapital och skulder", "", now.equity + now.long_debt + now.short_debt,
           prior.equity + prior.long_debt + prior.short_debt);
  return t;
}

void WriteFile(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// One database for the whole suite: twelve documents, ingested once.
class PriorYearCliTest : public ::testing::TestWithParam<Org> {
 public:
  static void SetUpTestSuite() {
    std::string tmpl = ::testing::TempDir() + "/finsam_prior_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = new std::string(fs::weakly_canonical(tmpl).string());
    std::string files;
    for (const Org& o : Orgs()) {
      WriteFile(*dir_ + "/docs/" + o.slug + "-2020.txt", Report(o, 2020, k2020, k2019));
      WriteFile(*dir_ + "/docs/" + o.slug + "-2021.txt", Report(o, 2021, k2021, k2020Restated));
      files += std::string(" docs/") + o.slug + "-2020.txt docs/" + o.slug + "-2021.txt";
    }
    *ingest_ = RunFinsam(FINSAM_BINARY, *dir_, "ingest --db t.db" + files);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete dir_;
    dir_ = nullptr;
  }

 protected:
  RunResult Run(const std::string& args) { return RunFinsam(FINSAM_BINARY, *dir_, args); }
  // Rows of a query as "a|b|c".
  std::vector<std::string> Query(const std::string& sql) {
    std::vector<std::string> out;
    Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(*dir_ + "/t.db", DbAccess::kRead);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    if (!db.ok()) return out;
    Result<SqliteStatement> q = (*db)->Prepare(sql);
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    while (q.ok() && q->Step()) {
      std::string r;
      for (int c = 0; c < q->ColumnCount(); ++c) r += (c ? "|" : "") + q->Text(c);
      out.push_back(r);
    }
    return out;
  }
  static std::string* dir_;
  static RunResult* ingest_;
};
std::string* PriorYearCliTest::dir_ = nullptr;
RunResult* PriorYearCliTest::ingest_ = new RunResult;

TEST_P(PriorYearCliTest, EachOrganisationHasItsOwnYearToYearChecks) {
  const Org& org = GetParam();
  ASSERT_EQ(ingest_->code, 0) << ingest_->err;
  // Its own organisation, kind and both documents.
  std::vector<std::string> orgs =
      Query(std::string("SELECT org_kind, documents, year_from, year_to FROM v_organisations WHERE organisation = '") +
            org.name + "'");
  ASSERT_EQ(orgs.size(), 1u) << org.name;
  EXPECT_EQ(orgs[0], std::string(org.kind) + "|2|2020|2021");
  std::vector<std::string> docs = Query(std::string("SELECT document_id FROM v_documents WHERE organisation = '") +
                                        org.name + "' ORDER BY year_from");
  ASSERT_EQ(docs.size(), 2u);
  const std::string earlier = docs[0], later = docs[1];

  // cross.prior_year: open on exactly the two restated rows, on the 2021
  // report, naming both values and both documents.
  std::vector<std::string> open = Query(
      "SELECT v.document_id, v.year, v.found, v.expected, v.message FROM v_flags v JOIN v_documents d "
      "ON d.document_id = v.document_id WHERE v.rule = 'cross.prior_year' AND v.status = 'open' AND "
      "d.organisation = '" + std::string(org.name) + "' ORDER BY v.message");
  ASSERT_EQ(open.size(), 2u) << ::testing::PrintToString(open);
  const long long k = org.factor;
  EXPECT_EQ(open[0].substr(0, open[0].find("|Drift")),
            later + "|2020|" + std::to_string(-830000 * k) + ".0|" + std::to_string(-820000 * k) + ".0");
  EXPECT_THAT(open[0], HasSubstr("Driftskostnader 2020: " + Printed(-830000 * k) + " kr in #" + later +
                                 " årsredovisning 2021 (" + org.slug + "-2021.txt; Resultaträkning, prior-year column)"
                                 " differs from " + Printed(-820000 * k) + " kr in #" + earlier +
                                 " årsredovisning 2020 (" + org.slug + "-2020.txt; Resultaträkning)"));
  EXPECT_THAT(open[0], HasSubstr("compare shows the newer report's"));
  EXPECT_THAT(open[1], HasSubstr("Övriga externa kostnader 2020: " + Printed(-100000 * k) + " kr in #" + later));
  // The rows printed alike were compared and passed (not silently skipped).
  std::vector<std::string> passed = Query(
      "SELECT count(*) FROM v_flags v JOIN v_documents d ON d.document_id = v.document_id WHERE v.rule = "
      "'cross.prior_year' AND v.status = 'passed' AND d.organisation = '" + std::string(org.name) + "'");
  ASSERT_EQ(passed.size(), 1u);
  EXPECT_GE(std::stoi(passed[0]), 8) << "Nettoomsättning, Övriga rörelseintäkter, Personalkostnader, …";

  // compare: the restated 2020 figure, from the 2021 report, the printed
  // one as a conflict with the flag's id.
  std::string flag = Query("SELECT v.stable_id FROM v_flags v JOIN v_documents d ON d.document_id = v.document_id "
                           "WHERE v.rule = 'cross.prior_year' AND v.status = 'open' AND v.message LIKE "
                           "'Övriga externa%' AND d.organisation = '" + std::string(org.name) + "'")
                         .at(0);
  RunResult cmp =
      Run(std::string("compare --db t.db --metric cost.other --org '") + org.name + "' --years 2020 --format csv");
  ASSERT_EQ(cmp.code, 0) << cmp.err;
  // (--org matches a part of a name: the kommun's also finds the nämnd
  // "Socialnämnden i Provköpings kommun", in a row of its own.)
  EXPECT_THAT(cmp.out, HasSubstr("\n" + std::string(org.name) + ",2020," + std::to_string(100000 * k) + ",#" + later +
                                 " årsredovisning p.2 income_statement,2,"))
      << cmp.out;
  EXPECT_THAT(cmp.out, HasSubstr("utfall " + std::to_string(110000 * k) + " (#" + earlier +
                                 " årsredovisning p.2 income_statement, flag " + flag + ")"))
      << cmp.out;
}

INSTANTIATE_TEST_SUITE_P(Kinds, PriorYearCliTest, ::testing::ValuesIn(Orgs()),
                         [](const ::testing::TestParamInfo<Org>& i) { return std::string(i.param.slug); });

TEST_F(PriorYearCliTest, CompareNeverPoolsOrganisations) {
  ASSERT_EQ(ingest_->code, 0) << ingest_->err;
  RunResult orgs = Run("orgs --db t.db --format csv");
  ASSERT_EQ(orgs.code, 0) << orgs.err;
  EXPECT_EQ(Lines(orgs.out).size(), Orgs().size() + 1) << orgs.out;
  RunResult cmp = Run("compare --db t.db --metric cost.other --format csv");
  ASSERT_EQ(cmp.code, 0) << cmp.err;
  // Three years (2019–2021) per organisation, one row each.
  EXPECT_EQ(Lines(cmp.out).size(), 3 * Orgs().size() + 1) << cmp.out;
  EXPECT_THAT(cmp.out, Not(HasSubstr("no organisation")));
  for (const Org& o : Orgs()) {
    SCOPED_TRACE(o.name);
    // 2021 as printed, scaled by the organisation's own factor.
    EXPECT_THAT(cmp.out, HasSubstr(std::string(o.name) + ",2021," + std::to_string(115000 * o.factor) + ","));
  }
  // The nämnd and the kommun share a municipality's name but not an
  // organisation.
  EXPECT_THAT(orgs.out, HasSubstr("Socialnämnden i Provköpings kommun,nämnd"));
  EXPECT_THAT(orgs.out, HasSubstr("Provköpings kommun,kommun,212000-0001"));
}

}  // namespace
}  // namespace finsam
