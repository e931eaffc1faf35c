// Golden data-quality results over the corpus (issue 5). The expected counts
// were checked by hand against the received texts:
//  - gavleborg-ar-2020: Summa rows — balansräkning 2×2, Summa förändring av
//    rörelsekapital 2, Not 1–5 Summa 5×2 = 16; running results — five-year
//    Årets resultat 5, Driftsredovisning Resultat 4 (incl. Avvikelse),
//    resultaträkning 4×2, kassaflöde 2×2 = 21; Avvikelse 3; andel 8;
//    balance 2; cash ties 2; note references 8, of which Kortfristiga
//    skulder 3 589 / 2 345 vs Not 4 Upplupna kostnader 1 458 / 1 603 differ
//    in the document itself (Not 4 covers only part of the liabilities);
//    the overview's Soliditet 2020 and 2019 vs the balance sheet 2 (issue 11;
//    the overview's other rows have the statements' labels: xref.same_figure).
//  - gavleborg-vp-2020: Summa intäkter 3 + Summa (kostnader) 3; the
//    "Varav redan beviljat 10 800" row groups its digits two ways and no sum
//    constrains it: suspect, not repaired.
//  - jamtland-vp-2019: Summa intäkter 3 + Summa kostnader 3, Resultat 3.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "pipeline/pipeline.h"
#include "pipeline/store/cross_checks.h"
#include "pipeline/store/database.h"

namespace finsam {
namespace {

std::string Corpus(const std::string& rel) { return std::string(FINSAM_SOURCE_DIR) + "/corpus/" + rel; }

Extraction Extract(const std::string& rel) {
  PipelineOptions opts;
  opts.quiet = true;
  opts.ocr = OcrPolicy::kNever;
  Result<Extraction> ex = RunPipeline(Corpus(rel), opts);
  EXPECT_TRUE(ex.ok()) << rel << ": " << ex.status().ToString();
  return ex.ok() ? std::move(ex).value() : Extraction{};
}

// rule → "passed/failed"
std::map<std::string, std::string> Tally(const Extraction& ex) {
  std::map<std::string, std::pair<int, int>> n;
  for (const Flag& f : ex.flags) (f.passed ? n[f.rule].first : n[f.rule].second)++;
  std::map<std::string, std::string> out;
  for (const auto& [rule, c] : n) out[rule] = std::to_string(c.first) + "/" + std::to_string(c.second);
  return out;
}

int FailedSums(const Extraction& ex) {
  int n = 0;
  for (const Flag& f : ex.flags)
    if (!f.passed && f.rule.rfind("sum.", 0) == 0) ++n;
  return n;
}

TEST(ReviewGoldenTest, GavleborgAnnualReportReceived) {
  Extraction ex = Extract("gavleborg-ar-2020/received.txt");
  std::map<std::string, std::string> want = {
      {"balance.identity", "2/0"}, {"cash.ties", "2/0"},   {"ratio.andel", "8/0"},       {"sum.avvikelse", "3/0"},
      {"ratio.solidity", "2/0"},  // overview Soliditet 65 % / 74 %: 6 630 / 10 219 = 64.9 %, 6 845 / 9 190 = 74.5 %
      {"sum.result", "21/0"},      {"sum.section", "16/0"}, {"xref.note", "6/2"}, {"xref.same_figure", "10/0"},
  };
  EXPECT_EQ(Tally(ex), want);
  for (const Flag& f : ex.flags) {
    if (f.rule != "xref.note" || f.passed) continue;
    EXPECT_NE(f.message.find("Kortfristiga skulder"), std::string::npos) << f.message;
    EXPECT_TRUE((*f.found == 3589000 && *f.expected == 1458000) || (*f.found == 2345000 && *f.expected == 1603000))
        << f.message;
  }
  // Clean text: nothing repaired, nothing suspect.
  for (const FinancialTable& t : ex.tables)
    for (const TableRow& r : t.rows)
      for (const TableCell& c : r.cells) EXPECT_EQ(c.status, "ok") << t.title << " / " << r.label;
}

TEST(ReviewGoldenTest, GavleborgPlanReceived) {
  Extraction ex = Extract("gavleborg-vp-2020/received.txt");
  std::map<std::string, std::string> want = {{"repair.grouping", "0/1"}, {"sum.section", "6/0"}};
  EXPECT_EQ(Tally(ex), want);
  for (const Flag& f : ex.flags)
    if (f.rule == "repair.grouping") {
      EXPECT_NE(f.message.find("Varav redan beviljat"), std::string::npos);
    }
}

TEST(ReviewGoldenTest, JamtlandPlanReceived) {
  Extraction ex = Extract("jamtland-vp-2019/received.txt");
  std::map<std::string, std::string> want = {{"sum.result", "3/0"}, {"sum.section", "6/0"}};
  EXPECT_EQ(Tally(ex), want);
}

TEST(ReviewGoldenTest, TextPdfsPassTheirSums) {
  // The born-digital PDFs print the same figures: as many checks as the
  // received texts (44 / 6 / 9 sum, result, balance and cash checks), none
  // failing.
  struct Case {
    const char* doc;
    int min_checks;
  } cases[] = {{"gavleborg-ar-2020/text.pdf", 44}, {"gavleborg-vp-2020/text.pdf", 6}, {"jamtland-vp-2019/text.pdf", 9}};
  for (const Case& c : cases) {
    Extraction ex = Extract(c.doc);
    int checks = 0;
    for (const Flag& f : ex.flags)
      checks += f.rule.rfind("sum.", 0) == 0 || f.rule == "balance.identity" || f.rule == "cash.ties";
    EXPECT_GE(checks, c.min_checks) << c.doc;
    EXPECT_EQ(FailedSums(ex), 0) << c.doc;
  }
}

TEST(ReviewGoldenTest, GavleborgBudget2020AgreesAcrossDocuments) {
  // The plan's 2020 budget (Summa intäkter 13 320, kostnader 18 806) is the
  // Budget 2020 column of the årsredovisning's Driftsredovisning, in both
  // the received texts and the born-digital PDFs.
  for (const char* form : {"received.txt", "text.pdf"}) {
    Result<std::unique_ptr<Database>> db = Database::Open(":memory:");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    for (const char* doc : {"gavleborg-vp-2020/", "gavleborg-ar-2020/"}) {
      Extraction ex = Extract(std::string(doc) + form);
      ASSERT_TRUE((*db)->Load(ex).ok());
    }
    Result<SqliteStatement> q = (*db)->sql().Prepare(
        "SELECT status, expected, found, message FROM v_flags WHERE rule = 'cross.plan_budget' ORDER BY flag_id");
    ASSERT_TRUE(q.ok());
    int n = 0;
    while (q->Step()) {
      ++n;
      EXPECT_EQ(q->Text(0), "passed") << form << ": " << q->Text(3);
      EXPECT_EQ(std::abs(q->Double(1)), std::abs(q->Double(2))) << q->Text(3);
      EXPECT_TRUE(q->Double(1) == 13320000 || q->Double(1) == 18806000) << q->Text(3);
    }
    EXPECT_EQ(n, 2) << form;
  }
}

}  // namespace
}  // namespace finsam
