// The repair stage on real page layouts: the Göteborg reports' text layers
// (../shared/realdocs, read in place) with every word stripped the way an
// English OCR model strips it, repaired by the pipeline stage as a sandwich
// PDF's pages would be. Two-column pages and hyphenated line ends are where
// the stage's reading order matters.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/input/pdf_reader.h"
#include "pipeline/pipeline.h"
#include "pipeline/stages.h"
#include "tests/support/english_ocr_strip.h"
#include "tests/support/realdocs.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

TEST(RepairStageHeldOut, RealTwoColumnReports) {
  const std::string dir = RealDocsDir();
  if (dir.empty()) GTEST_SKIP() << "../shared/realdocs not present";
  std::vector<std::string> files;
  for (const auto& de : std::filesystem::directory_iterator(dir + "/goteborg")) {
    if (de.path().extension() == ".pdf") files.push_back(de.path().string());
  }
  std::sort(files.begin(), files.end());
  size_t damaged = 0, restored = 0, correct = 0, untouched = 0;
  std::mt19937 rng(1);
  for (const std::string& f : files) {
    PipelineOptions opts;
    PipelineContext ctx(opts);
    ctx.ex.doc.format = InputFormat::kPdf;
    ASSERT_TRUE(ReadPdf(ReadFile(f), 1000, ctx.ex.doc).ok()) << f;
    std::vector<std::string> clean;
    for (Page& p : ctx.ex.doc.pages) {
      p.decision = PageDecision::kRepair;
      for (Line& l : p.lines) {
        for (Word& w : l.words) {
          clean.push_back(w.text);
          w.text = w.raw = StripLikeEnglishOcr(w.text, &rng);
        }
      }
    }
    ASSERT_TRUE(RepairDiacriticsStage(ctx).ok());
    size_t k = 0;
    for (const Page& p : ctx.ex.doc.pages) {
      for (const Line& l : p.lines) {
        for (const Word& w : l.words) {
          const std::string& c = clean[k++];
          if (w.raw != c) {
            ++damaged;
            restored += w.text == c;
          } else {
            ++correct;
            untouched += w.text == c;
          }
        }
      }
    }
  }
  ASSERT_GT(damaged, 10000u);
  std::printf("repair stage on the Göteborg reports: restored %zu of %zu (%.2f%%), untouched %zu of %zu (%.2f%%)\n",
              restored, damaged, 100.0 * restored / damaged, untouched, correct, 100.0 * untouched / correct);
  EXPECT_GE(static_cast<double>(restored) / damaged, 0.97);
  EXPECT_GE(static_cast<double>(untouched) / correct, 0.997);
}

}  // namespace
}  // namespace finsam
