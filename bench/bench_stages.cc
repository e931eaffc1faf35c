// Per-stage CPU/wall time of the pipeline on the given files, to see where
// `finsam ingest` spends its time (bench/bench_ingest.sh measures the whole
// process). Usage: build/bench_stages [-n RUNS] [--ocr auto|never|always] [-j N] FILE...
// (default --ocr never: the born-digital case bench/bench_ingest.sh times).
// Prints, per stage, the median wall time and the median CPU time (the
// process's user + sys, so worker threads count) over RUNS runs, summed over
// files. On a shared machine the CPU column is the one to compare: wall time
// grows with other load. The first run also pays one-time costs (lexicon,
// registry loads); they are shown separately as "first run" (wall).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <time.h>

#include "pipeline/pipeline.h"

namespace {
double CpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
}  // namespace

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
  std::vector<std::vector<double>> cpu(runs + 1, std::vector<double>(stages.size(), 0));
  int pages = 0;
  for (int r = 0; r <= runs; ++r) {
    for (const std::string& f : files) {
      PipelineContext ctx(options);
      ctx.ex.doc.source_path = f;
      for (size_t s = 0; s < stages.size(); ++s) {
        auto t0 = std::chrono::steady_clock::now();
        const double c0 = CpuMs();
        finsam::Status st = stages[s].run(ctx);
        ms[r][s] += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        cpu[r][s] += CpuMs() - c0;
        if (r == 0 && s + 1 == stages.size()) pages += ctx.ex.doc.page_count();
        if (!st.ok()) {
          std::fprintf(stderr, "%s: %s: %s\n", f.c_str(), stages[s].name, st.ToString().c_str());
          break;
        }
      }
    }
  }
  std::printf("%zu files, %d pages\n", files.size(), pages);
  std::printf("%-22s %12s %12s %12s %12s\n", "stage", "first run", "median wall", "median cpu", "cpu per page");
  double first_total = 0, median_total = 0, cpu_total = 0;
  for (size_t s = 0; s < stages.size(); ++s) {
    std::vector<double> w, c;
    for (int r = 1; r <= runs; ++r) {
      w.push_back(ms[r][s]);
      c.push_back(cpu[r][s]);
    }
    const double med = Median(w), cmed = Median(c);
    first_total += ms[0][s];
    median_total += med;
    cpu_total += cmed;
    std::printf("%-22s %9.1f ms %9.1f ms %9.1f ms %9.2f ms\n", stages[s].name, ms[0][s], med, cmed,
                pages ? cmed / pages : 0);
  }
  std::printf("%-22s %9.1f ms %9.1f ms %9.1f ms %9.2f ms\n", "total", first_total, median_total, cpu_total,
              pages ? cpu_total / pages : 0);
  return 0;
}
