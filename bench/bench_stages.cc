// Per-stage CPU/wall time of the pipeline on the given files, to see where
// `finsam ingest` spends its time (bench/bench_ingest.sh measures the whole
// process). Usage: build/bench_stages [-n RUNS] [--ocr auto|never|always] [-j N] FILE...
// (default --ocr never: the born-digital case bench/bench_ingest.sh times).
// Prints, per stage, the median wall time over RUNS runs summed over files.
// The first run also pays one-time costs (lexicon, registry loads); they are
// shown separately as "first run".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

int main(int argc, char** argv) {
  using finsam::PipelineContext;
  using finsam::PipelineOptions;
  int runs = 5;
  std::vector<std::string> files;
  PipelineOptions options;
  options.quiet = true;
  options.ocr = finsam::OcrPolicy::kNever;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-n" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (a == "-j" && i + 1 < argc) {
      options.jobs = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--ocr" && i + 1 < argc) {
      std::string p = argv[++i];
      options.ocr = p == "auto" ? finsam::OcrPolicy::kAuto
                                : p == "always" ? finsam::OcrPolicy::kAlways : finsam::OcrPolicy::kNever;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: bench_stages [-n RUNS] [--ocr auto|never|always] [-j N] FILE...\n");
    return 2;
  }
  const auto& stages = finsam::Stages();
  // [run][stage] → ms summed over files.
  std::vector<std::vector<double>> ms(runs + 1, std::vector<double>(stages.size(), 0));
  int pages = 0;
  for (int r = 0; r <= runs; ++r) {
    for (const std::string& f : files) {
      PipelineContext ctx(options);
      ctx.ex.doc.source_path = f;
      for (size_t s = 0; s < stages.size(); ++s) {
        auto t0 = std::chrono::steady_clock::now();
        finsam::Status st = stages[s].run(ctx);
        ms[r][s] += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (r == 0 && s + 1 == stages.size()) pages += ctx.ex.doc.page_count();
        if (!st.ok()) {
          std::fprintf(stderr, "%s: %s: %s\n", f.c_str(), stages[s].name, st.ToString().c_str());
          break;
        }
      }
    }
  }
  std::printf("%zu files, %d pages\n", files.size(), pages);
  std::printf("%-22s %12s %12s %12s\n", "stage", "first run", "median", "per page");
  double first_total = 0, median_total = 0;
  for (size_t s = 0; s < stages.size(); ++s) {
    std::vector<double> v;
    for (int r = 1; r <= runs; ++r) v.push_back(ms[r][s]);
    std::sort(v.begin(), v.end());
    double med = v[v.size() / 2];
    first_total += ms[0][s];
    median_total += med;
    std::printf("%-22s %10.1f ms %10.1f ms %10.2f ms\n", stages[s].name, ms[0][s], med, pages ? med / pages : 0);
  }
  std::printf("%-22s %10.1f ms %10.1f ms %10.2f ms\n", "total", first_total, median_total,
              pages ? median_total / pages : 0);
  return 0;
}
