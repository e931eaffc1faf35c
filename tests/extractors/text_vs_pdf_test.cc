// The same document as a born-digital PDF and as a plain-text dump must give
// the same financial facts (year, column kind, category, amount), whatever
// the layout of each.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>

#include "normalizers/unicode.h"
#include "pipeline/pipeline.h"

namespace finsam {
namespace {

using FactKey = std::tuple<std::string, std::string, int, std::string, std::string>;

std::multiset<FactKey> Facts(const std::string& path) {
  PipelineOptions opts;
  opts.ocr = OcrPolicy::kNever;
  opts.quiet = true;
  Result<Extraction> ex = RunPipeline(path, opts);
  EXPECT_TRUE(ex.ok()) << path << ": " << ex.status().ToString();
  std::multiset<FactKey> out;
  if (!ex.ok()) return out;
  for (const FinancialTable& t : ex->tables)
    for (const TableRow& r : t.rows)
      for (size_t c = 0; c < r.cells.size(); ++c) {
        const TableCell& cell = r.cells[c];
        if (!cell.present || t.columns[c].kind == ColumnKind::kNote) continue;
        // Labels compared without spaces: a label wrapped at a hyphen in the
        // PDF ("arbetsliv-" / "Ovanåker") has no space where the dump has one.
        std::string label;
        for (char ch : FoldKey(r.label))
          if (ch != ' ') label += ch;
        std::string amount = cell.is_percent ? std::to_string(cell.value) + "%" : std::to_string(cell.amount_sek);
        out.insert({label, r.category.value_or(""), t.columns[c].year, ColumnKindName(t.columns[c].kind), amount});
      }
  return out;
}

std::string Describe(const std::multiset<FactKey>& only) {
  std::string s;
  for (const FactKey& k : only)
    s += "  " + std::get<0>(k) + " | " + std::get<1>(k) + " | " + std::to_string(std::get<2>(k)) + " | " +
         std::get<3>(k) + " | " + std::get<4>(k) + "\n";
  return s;
}

class TextVsPdf : public ::testing::TestWithParam<const char*> {};

TEST_P(TextVsPdf, SameFacts) {
  std::string dir = std::string(FINSAM_SOURCE_DIR) + "/corpus/" + GetParam();
  std::multiset<FactKey> pdf = Facts(dir + "/text.pdf");
  std::multiset<FactKey> txt = Facts(dir + "/received.txt");
  ASSERT_GT(pdf.size(), 20u);
  std::multiset<FactKey> only_pdf, only_txt;
  std::set_difference(pdf.begin(), pdf.end(), txt.begin(), txt.end(), std::inserter(only_pdf, only_pdf.end()));
  std::set_difference(txt.begin(), txt.end(), pdf.begin(), pdf.end(), std::inserter(only_txt, only_txt.end()));
  EXPECT_TRUE(only_pdf.empty() && only_txt.empty())
      << "only in text.pdf:\n" << Describe(only_pdf) << "only in received.txt:\n" << Describe(only_txt);
}

INSTANTIATE_TEST_SUITE_P(Corpus, TextVsPdf,
                         ::testing::Values("jamtland-vp-2019", "gavleborg-ar-2020", "gavleborg-vp-2020"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

}  // namespace
}  // namespace finsam
