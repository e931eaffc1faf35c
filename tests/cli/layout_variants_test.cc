// The fast subset of the layout variants of issue 16 (docs/layout_variants.md):
// committed born-digital PDFs and English-model OCR text dumps made by
// bench/gen_layouts.sh, each with the facts it prints, read by the `finsam`
// binary (`extract --format json`) and scored by tests/support/layout_score.h.
// The full set (220 variants, scans too) is measured by bench/bench_layouts.sh.
//
// The thresholds below are the baseline measured on these files when they
// were committed: FLOORS TO RAISE as the table readers improve (issue 16's
// targets: recall 0.99 born-digital / 0.95 OCR dumps, precision of `ok`
// facts 0.995, metadata right everywhere). A reader change that lowers a
// figure fails here; one that raises it should raise the floor with it.
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/layout_score.h"
#include "tests/support/layout_variants.h"

namespace finsam {
namespace {

using layout::Totals;
using layout::VariantScore;
using layout::VariantTruth;

// --- The scorer itself: what counts as the same fact. ---

nlohmann::json OneCellDoc(const std::string& label, const nlohmann::json& category, int year,
                          const std::string& kind, int64_t amount, const std::string& status) {
  return nlohmann::json::parse(R"({"document": {"forbund": "F", "kind": "verksamhetsplan", "year_from": 2020,
    "year_to": 2022}, "tables": [{"columns": [{"header": "h", "year": )" +
                               std::to_string(year) + R"(, "kind": ")" + kind + R"("}],
    "rows": [{"label": ")" + label + R"(", "category": )" + category.dump() +
                               R"(, "cells": [{"col": 0, "amount_sek": )" + std::to_string(amount) +
                               R"(, "raw": "r", "page": 1, "status": ")" + status + R"("}]}]}]})");
}

TEST(LayoutScoreTest, MatchesOnAmountYearKindAndRow) {
  VariantTruth truth;
  truth.forbund = "F";
  truth.kind = "verksamhetsplan";
  truth.year_from = 2020;
  truth.year_to = 2022;
  truth.facts = {{"Summa intäkter", "income.total", 2020, "budget", 13320000, "13 320"}};
  struct Case {
    const char* name;
    nlohmann::json doc;
    int recalled, trusted, trusted_right, suspect;
  };
  const std::vector<Case> cases = {
      {"same", OneCellDoc("Summa intäkter", "income.total", 2020, "budget", 13320000, "ok"), 1, 1, 1, 0},
      {"label folded, no category", OneCellDoc("SUMMA  INTÄKTER:", nullptr, 2020, "budget", 13320000, "ok"), 1, 1,
       1, 0},
      {"category decides over label", OneCellDoc("Intäkter totalt", "income.total", 2020, "budget", 13320000, "ok"),
       1, 1, 1, 0},
      {"wrapped number read as its first group", OneCellDoc("Summa intäkter", "income.total", 2020, "budget", 13000,
                                                            "ok"),
       0, 1, 0, 0},
      {"wrong kind", OneCellDoc("Summa intäkter", "income.total", 2020, "utfall", 13320000, "ok"), 0, 1, 0, 0},
      {"wrong year", OneCellDoc("Summa intäkter", "income.total", 0, "budget", 13320000, "ok"), 0, 1, 0, 0},
      {"wrong row", OneCellDoc("Kommunerna", "income.municipalities", 2020, "budget", 13320000, "ok"), 0, 1, 0, 0},
      {"suspect counts for recall only", OneCellDoc("Summa intäkter", "income.total", 2020, "budget", 13320000,
                                                    "suspect"),
       1, 0, 0, 1},
  };
  for (const auto& c : cases) {
    VariantScore s = layout::Score(truth, c.doc);
    EXPECT_EQ(s.recalled, c.recalled) << c.name;
    EXPECT_EQ(s.trusted, c.trusted) << c.name;
    EXPECT_EQ(s.trusted_right, c.trusted_right) << c.name;
    EXPECT_EQ(s.suspect, c.suspect) << c.name;
    EXPECT_TRUE(s.meta_right) << c.name;
  }
  nlohmann::json other = OneCellDoc("Summa intäkter", "income.total", 2020, "budget", 13320000, "ok");
  other["document"]["year_from"] = 2021;
  EXPECT_FALSE(layout::Score(truth, other).meta_right);
}

// Which facts an OCR dump still prints (layout_score --text): a figure whole
// on a line, with a lost thousands space, borders or an O for a 0, counts;
// one the dump garbled or never printed does not; each occurrence serves one
// fact.
TEST(LayoutScoreTest, CountsFiguresTheDumpStillPrints) {
  VariantTruth truth;
  truth.facts = {{"Kassa och bank", "", 2019, "utfall", 9054000, "9 054"},
                 {"Kassa och bank", "", 2020, "utfall", 10087000, "10 087"},
                 {"Summa", "", 2019, "utfall", 9190000, "9 190"},
                 {"Summa", "", 2020, "utfall", 10219000, "10 219"},
                 {"Eget kapital", "", 2019, "utfall", 6845000, "6 845"},
                 {"Resultat", "", 2020, "utfall", -215000, "-215"},
                 {"Resultat", "", 2019, "utfall", -215000, "-215"}};
  const std::string dump =
      "Kassa och bank 9 054 1OO87|\nSumma tillgangar [9190] 40 219\nEget kapital e845\nResultat —215 |\n";
  VariantScore s = layout::Score(truth, OneCellDoc("Kassa och bank", nullptr, 2019, "utfall", 9054000, "ok"), &dump);
  // 9 054, 1OO87 and [9190] are there; 10 219 was read 40 219, 6 845 as
  // e845; -215 is printed once, for two facts.
  EXPECT_EQ(s.legible, 4);
  EXPECT_EQ(s.recalled_legible, 1);
  EXPECT_EQ(layout::Score(truth, OneCellDoc("Kassa och bank", nullptr, 2019, "utfall", 9054000, "ok")).legible, -1);
}

// --- The committed variants. ---

TEST(LayoutVariantsTest, BornDigitalPdfsAtLeastBaseline) {
  std::vector<Scored> scored = ScoreLayoutVariants("pdf", ".pdf");
  ASSERT_GE(scored.size(), 12u) << "tests/data/layouts/pdf holds too few variants";
  std::set<std::string> classes;
  for (const auto& s : scored) classes.insert(s.cls);
  EXPECT_GE(classes.size(), 12u) << "every layout class should be represented";
  Totals t = SumScores(scored);
  // Floors: the baseline of main at the branch point, measured on these 24
  // files (502 facts): recall 0.871, precision 0.823, no suspect fact,
  // metadata right on 22 of 24. The suspect ceiling is issue 16's target.
  // After the reader work of issue 16 (merged): see the figures this test
  // prints. The suspect share (units printed nowhere, ambiguous wraps) is
  // above issue 16's target of 0.02 and is held at its measured level.
  PrintTotals("pdf variants", t);
  // Merged readers: recall 0.934, precision 0.935, suspect 0.074. After
  // wrapped header years, unit lines above/below the header, repeated headers
  // across pages and in-cell label wraps: recall 0.988, precision 0.994,
  // suspect 0.000. After three-line wraps, merged-span kind headers,
  // continuation pages that move their columns and first rows wrapped under
  // a wrapped header: recall 1.000, precision 1.000, suspect 0.000 (floors:
  // a small margin, one missed or flagged fact in 502 stays under it).
  // s43-v167-mixed (43 facts, from the held-out generator seed 43, added
  // 2026-12-04): a Totalt column first with its period left of its kind
  // word, once lost whole (10 facts); 25 files, 543 facts, 1.000 / 1.000.
  EXPECT_GE(t.Recall(), 0.995) << ScoreReport(scored);
  EXPECT_GE(t.Precision(), 0.998) << ScoreReport(scored);
  EXPECT_LE(t.SuspectShare(), 0.005) << ScoreReport(scored);
  // Metadata: 24 of 24 since titles that wrap inside their period are read.
  EXPECT_GE(t.meta_right, 24) << ScoreReport(scored);
  // The control: a plain bordered table, unit in the title, one header row,
  // must be read completely and right.
  for (const auto& s : scored) {
    if (s.cls != "plain") continue;
    EXPECT_EQ(s.score.recalled, s.score.expected) << s.id;
    EXPECT_EQ(s.score.trusted_right, s.score.trusted) << s.id;
    EXPECT_TRUE(s.score.meta_right) << s.id << ": " << s.score.meta_found;
  }
}

TEST(LayoutVariantsTest, EnglishOcrDumpsAtLeastBaseline) {
  std::vector<Scored> scored = ScoreLayoutVariants("ocr", ".txt");
  ASSERT_GE(scored.size(), 6u) << "tests/data/layouts/ocr holds too few variants";
  Totals t = SumScores(scored);
  // Floors: the baseline on these 6 dumps (129 facts): recall 0.171,
  // precision 0.846, metadata right on 6 of 6.
  PrintTotals("ocr dumps", t);
  // Merged readers: recall 0.473, precision 0.911. After wrapped kinds
  // headers and short rows placed by the sums: recall 0.729, precision 1.000.
  // After open row readings chosen together by the sums (wrapped tails and
  // labels, groupings into other counts): recall 0.829, precision 1.000,
  // suspect 0.243 (floors: minus a small margin; precision at the target).
  // Round 2: 0.822. Round 3 (varav within its parent, holds among guessed
  // rows confirm nothing, I read for l in labels): recall 0.845, precision
  // 1.000, suspect 0.257.
  EXPECT_GE(t.Recall(), 0.84) << ScoreReport(scored);
  EXPECT_GE(t.Precision(), 0.995) << ScoreReport(scored);
  EXPECT_GE(t.meta_right, 6) << ScoreReport(scored);
}

}  // namespace
}  // namespace finsam
