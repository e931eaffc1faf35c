// The made-up Word documents (tests/data/unseen/word/) as image-only scans:
// 200–300 dpi, slightly rotated, speckled, 1-bit, read by finsam's own OCR.
// Slow (label ocr). Floors = what was measured when committed.
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/layout_score.h"
#include "tests/support/word_documents.h"

namespace finsam {
namespace {

TEST(WordDocumentsOcrTest, ScansAtLeastBaseline) {
  std::vector<Scored> scored = ScoreWordDocuments(".scan.pdf");
  ASSERT_EQ(scored.size(), 3u);
  layout::Totals t = SumScores(scored);
  std::printf("word scans: %d, facts %lld, recall %.3f, precision %.3f, suspect %.3f, metadata %d\n", t.variants,
              static_cast<long long>(t.expected), t.Recall(), t.Precision(), t.SuspectShare(), t.meta_right);
  // Measured when committed: see README ("made-up Word documents").
  EXPECT_GE(t.recalled, 139) << ScoreReport(scored);
  EXPECT_EQ(t.trusted_right, t.trusted) << ScoreReport(scored);
  EXPECT_EQ(t.meta_right, 3) << ScoreReport(scored);
}

}  // namespace
}  // namespace finsam
