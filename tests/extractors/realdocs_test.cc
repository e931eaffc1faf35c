// Robustness on real third-party PDFs (Göteborgs Stad audit reports) read in
// place from ../shared/realdocs/ — never copied into the project. Skipped
// when the folder is absent (outside this workplace).
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "pipeline/pipeline.h"
#include "tests/support/realdocs.h"

namespace finsam {
namespace {

std::string RealDocs() { return RealDocsDir(); }

std::optional<int64_t> Find(const Extraction& ex, const std::string& label, int year, ColumnKind kind) {
  for (const FinancialTable& t : ex.tables)
    for (const TableRow& r : t.rows) {
      if (r.label != label) continue;
      for (size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].year == year && t.columns[c].kind == kind && r.cells[c].present && r.cells[c].parsed)
          return r.cells[c].amount_sek;
    }
  return std::nullopt;
}

TEST(RealDocsTest, GoteborgAuditReportsReadTheirUtfallBudgetTable) {
  std::string dir = RealDocs();
  if (dir.empty()) GTEST_SKIP() << "../shared/realdocs not present";
  PipelineOptions opts;
  opts.ocr = OcrPolicy::kNever;
  opts.quiet = true;
  Result<Extraction> y22 = RunPipeline(dir + "/goteborg/stadsrevisionens_arsredogorelse_2022.pdf", opts);
  Result<Extraction> y23 = RunPipeline(dir + "/goteborg/stadsrevisionens_arsredogorelse_2023.pdf", opts);
  ASSERT_TRUE(y22.ok()) << y22.status().ToString();
  ASSERT_TRUE(y23.ok()) << y23.status().ToString();
  // "tkr / Utfall 2022 / Budget 2022 / Utfall 2021": right-aligned figures
  // under wider headers.
  EXPECT_EQ(Find(*y22, "Periodens resultat", 2022, ColumnKind::kUtfall), -584000);
  EXPECT_EQ(Find(*y22, "Eget kapital", 2022, ColumnKind::kUtfall), 3366000);
  EXPECT_EQ(Find(*y22, "Summa kostnader", 2022, ColumnKind::kBudget), -43962000);
  EXPECT_EQ(Find(*y23, "Periodens resultat", 2023, ColumnKind::kUtfall), 740000);
  // The next year's report repeats the year before as its last column.
  EXPECT_EQ(Find(*y23, "Periodens resultat", 2022, ColumnKind::kUtfall),
            Find(*y22, "Periodens resultat", 2022, ColumnKind::kUtfall));
  EXPECT_EQ(Find(*y23, "Eget kapital", 2022, ColumnKind::kUtfall), 3366000);
  EXPECT_EQ(y22->doc.meta.kind, "årsredovisning");
}

TEST(RealDocsTest, EveryGoteborgPdfIsReadWithoutFailure) {
  std::string dir = RealDocs();
  if (dir.empty()) GTEST_SKIP() << "../shared/realdocs not present";
  PipelineOptions opts;
  opts.ocr = OcrPolicy::kNever;  // the OCR path is covered by the ocr-labelled tests
  opts.quiet = true;
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir + "/goteborg")) {
    if (e.path().extension() != ".pdf") continue;
    ++files;
    Result<Extraction> ex = RunPipeline(e.path().string(), opts);
    ASSERT_TRUE(ex.ok()) << e.path() << ": " << ex.status().ToString();
    EXPECT_GT(ex->doc.page_count(), 0) << e.path();
    for (const FinancialTable& t : ex->tables)
      for (const TableRow& r : t.rows)
        for (const TableCell& c : r.cells)
          if (c.present) {
            EXPECT_GT(c.prov.page, 0) << e.path() << " " << r.label;  // provenance everywhere
          }
  }
  EXPECT_EQ(files, 7);
}

}  // namespace
}  // namespace finsam
