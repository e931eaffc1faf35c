// Running the `finsam` binary over the committed layout variants
// (tests/data/layouts/KIND/) and scoring each with tests/support/layout_score.h.
// Used by tests/cli/layout_variants_test.cc (PDFs, OCR dumps) and
// tests/cli/layout_variants_ocr_test.cc (scans).
#ifndef FINSAM_TESTS_SUPPORT_LAYOUT_VARIANTS_H_
#define FINSAM_TESTS_SUPPORT_LAYOUT_VARIANTS_H_

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/finsam_run.h"
#include "tests/support/layout_score.h"

namespace finsam {

struct Scored {
  std::string id, cls;
  layout::VariantScore score;
};

// Extracts (`finsam extract --format json`) and scores each input against
// its expected facts: pairs of (input path, ID.expected.tsv path).
inline std::vector<Scored> ScoreInputs(const std::vector<std::pair<std::string, std::string>>& inputs) {
  namespace fs = std::filesystem;
  std::string tmpl = ::testing::TempDir() + "/finsam_layouts_XXXXXX";
  EXPECT_NE(mkdtemp(tmpl.data()), nullptr);
  std::vector<Scored> out;
  for (const auto& [in, expected] : inputs) {
    layout::VariantTruth truth;
    std::string error;
    EXPECT_TRUE(layout::ReadTruth(expected, &truth, &error)) << error;
    const std::string id = fs::path(in).filename().string();
    RunResult r = RunFinsam(FINSAM_BINARY, tmpl, "extract --format json '" + in + "'", "OMP_THREAD_LIMIT=1");
    EXPECT_EQ(r.code, 0) << id << ": " << r.err;
    nlohmann::json doc = nlohmann::json::parse(r.out, nullptr, false);
    EXPECT_FALSE(doc.is_discarded()) << id << ": output is not JSON";
    if (doc.is_discarded()) doc = nlohmann::json::object();
    out.push_back({id, truth.cls, layout::Score(truth, doc)});
  }
  std::error_code ec;
  fs::remove_all(tmpl, ec);
  return out;
}

// Every input of one kind of the layout variants: tests/data/layouts/KIND/*EXT
// with their ID.expected.tsv.
inline std::vector<Scored> ScoreLayoutVariants(const std::string& kind, const std::string& ext) {
  namespace fs = std::filesystem;
  const std::string dir = std::string(FINSAM_SOURCE_DIR) + "/tests/data/layouts/" + kind;
  std::vector<std::pair<std::string, std::string>> inputs;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ext)
      inputs.push_back({e.path().string(), dir + "/" + e.path().stem().string() + ".expected.tsv"});
  std::sort(inputs.begin(), inputs.end());
  return ScoreInputs(inputs);
}

inline layout::Totals SumScores(const std::vector<Scored>& scored) {
  layout::Totals t;
  for (const auto& s : scored) t.Add(s.score);
  return t;
}

// The totals on one line of the test's output ("pdf variants: 24, facts …").
inline void PrintTotals(const char* what, const layout::Totals& t) {
  std::printf("%s: %d, facts %lld, recall %.3f, precision %.3f, suspect %.3f, metadata %d\n", what, t.variants,
              static_cast<long long>(t.expected), t.Recall(), t.Precision(), t.SuspectShare(), t.meta_right);
}

// One line per variant, for failure messages.
inline std::string ScoreReport(const std::vector<Scored>& scored) {
  std::string r;
  for (const auto& s : scored)
    r += s.id + ": recall " + std::to_string(s.score.recalled) + "/" + std::to_string(s.score.expected) +
         ", ok right " + std::to_string(s.score.trusted_right) + "/" + std::to_string(s.score.trusted) +
         ", suspect " + std::to_string(s.score.suspect) + (s.score.meta_right ? "" : ", meta wrong") + "\n";
  return r;
}

}  // namespace finsam

#endif  // FINSAM_TESTS_SUPPORT_LAYOUT_VARIANTS_H_
