// bench_ocr: OCR cost of finsam's Tesseract engine, page by page, and a
// debugging dump. See scripts/bench_ocr.sh and docs/ocr.md.
//
//   bench_ocr dump <pdf> <page> [dpi]
//       words of one page as finsam's engine reads them (+ timings on stderr)
//   bench_ocr pages [--dpi N] [--plain] <pdf>[:first-last] ...
//       renders and recognizes every page (or the range) serially on one
//       thread; prints one line per page and a total: wall and thread-CPU
//       seconds for rendering and recognition. --plain turns off orientation
//       detection, deskew, ruling-line removal and cell re-reading (the
//       Tesseract API as plain `tesseract` uses it).
//   bench_ocr scale [--jobs N] [--dpi N] <pdf> ...
//       the whole pipeline (RunPipeline, --ocr always) on the files with N OCR
//       workers; prints wall seconds and pages/s.
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "model/document.h"
#include "pipeline/input/pdf_render.h"
#include "pipeline/ocr/tesseract_engine.h"
#include "pipeline/pipeline.h"

using namespace finsam;

namespace {

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double ThreadCpu() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int Dump(const char* pdf, int page, int dpi) {
  Document doc;
  doc.source_path = pdf;
  auto bytes = LoadDocumentBytes(doc);
  if (!bytes.ok()) { fprintf(stderr, "%s\n", bytes.status().ToString().c_str()); return 1; }
  PdfPageSource src(*bytes);
  double t0 = Now();
  auto img = src.Render(page - 1, dpi);
  if (!img.ok()) { fprintf(stderr, "%s\n", img.status().ToString().c_str()); return 1; }
  double t1 = Now();
  auto engine = MakeTesseractEngine();
  if (!engine.ok()) { fprintf(stderr, "%s\n", engine.status().ToString().c_str()); return 1; }
  double t2 = Now();
  auto res = (*engine)->Recognize(*img);
  double t3 = Now();
  if (!res.ok()) { fprintf(stderr, "%s\n", res.status().ToString().c_str()); return 1; }
  int line = -1;
  for (const OcrWord& w : res->words) {
    if (w.line != line) { printf("\n[%d/%d] ", w.block, w.line); line = w.line; }
    printf("%s%s(%.0f,%.0f %.2f) ", w.text.c_str(), w.cell_rechecked ? "*" : "", w.x0, w.y0, w.confidence);
  }
  printf("\n");
  fprintf(stderr, "render %.3fs init %.3fs recognize %.3fs orient %d skew %.2f rulings %d cells %d conf %.3f\n",
          t1 - t0, t2 - t1, t3 - t2, res->orientation_degrees, res->skew_degrees, res->ruling_lines,
          res->cells_rechecked, res->mean_confidence());
  return 0;
}

int Pages(int argc, char** argv) {
  int dpi = 300;
  bool plain = false;
  std::vector<std::string> files;
  for (int i = 0; i < argc; ++i) {
    if (!strcmp(argv[i], "--dpi") && i + 1 < argc) dpi = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--plain")) plain = true;
    else files.push_back(argv[i]);
  }
  TesseractOptions topt;
  if (plain) topt.detect_orientation = topt.deskew = topt.remove_ruling_lines = topt.recheck_cells = false;
  auto engine = MakeTesseractEngine(topt);
  if (!engine.ok()) { fprintf(stderr, "%s\n", engine.status().ToString().c_str()); return 1; }
  double tot_render = 0, tot_wall = 0, tot_cpu = 0;
  int pages = 0;
  for (const std::string& spec : files) {
    std::string path = spec;
    int first = 1, last = 1 << 30;
    if (size_t c = spec.rfind(':'); c != std::string::npos) {
      path = spec.substr(0, c);
      sscanf(spec.c_str() + c + 1, "%d-%d", &first, &last);
      if (last == 1 << 30) last = first;
    }
    Document doc;
    doc.source_path = path;
    auto bytes = LoadDocumentBytes(doc);
    if (!bytes.ok()) { fprintf(stderr, "%s: %s\n", path.c_str(), bytes.status().ToString().c_str()); return 1; }
    PdfPageSource src(*bytes);
    for (int p = first; p <= last; ++p) {
      double r0 = Now();
      auto img = src.Render(p - 1, dpi);
      if (!img.ok()) break;  // past the last page
      double r1 = Now(), c0 = ThreadCpu();
      auto res = (*engine)->Recognize(*img);
      double r2 = Now(), c1 = ThreadCpu();
      if (!res.ok()) { fprintf(stderr, "%s:%d: %s\n", path.c_str(), p, res.status().ToString().c_str()); continue; }
      printf("%s:%d render %.3f s  recognize %.3f s wall %.3f s cpu  words %zu  rulings %d  cells %d\n", path.c_str(), p,
             r1 - r0, r2 - r1, c1 - c0, res->words.size(), res->ruling_lines, res->cells_rechecked);
      tot_render += r1 - r0;
      tot_wall += r2 - r1;
      tot_cpu += c1 - c0;
      ++pages;
    }
  }
  printf("TOTAL %s: %d pages  render %.2f s  recognize %.2f s wall  %.2f s cpu  = %.3f s cpu/page\n",
         plain ? "plain-api" : "finsam", pages, tot_render, tot_wall, tot_cpu, pages ? tot_cpu / pages : 0.0);
  return 0;
}

int Scale(int argc, char** argv) {
  PipelineOptions opt;
  opt.ocr = OcrPolicy::kAlways;
  opt.quiet = true;
  opt.ocr_cache = false;  // measure the engine, not the cache
  std::vector<std::string> files;
  for (int i = 0; i < argc; ++i) {
    if (!strcmp(argv[i], "--jobs") && i + 1 < argc) opt.jobs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--dpi") && i + 1 < argc) opt.dpi = atoi(argv[++i]);
    else files.push_back(argv[i]);
  }
  double t0 = Now();
  int pages = 0;
  for (const std::string& f : files) {
    auto ex = RunPipeline(f, opt);
    if (!ex.ok()) { fprintf(stderr, "%s: %s\n", f.c_str(), ex.status().ToString().c_str()); return 1; }
    pages += ex->doc.page_count();
  }
  double s = Now() - t0;
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
  printf("jobs %d: %d pages in %.2f s wall = %.3f pages/s  (process cpu %.2f s, cpu/wall %.2f)\n", opt.jobs, pages,
         s, pages / s, cpu, cpu / s);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "dump" && argc >= 4) return Dump(argv[2], atoi(argv[3]), argc > 4 ? atoi(argv[4]) : 300);
  if (mode == "pages" && argc >= 3) return Pages(argc - 2, argv + 2);
  if (mode == "scale" && argc >= 3) return Scale(argc - 2, argv + 2);
  fprintf(stderr,
          "usage: bench_ocr dump <pdf> <page> [dpi]\n"
          "       bench_ocr pages [--dpi N] [--plain] <pdf>[:first-last] ...\n"
          "       bench_ocr scale [--jobs N] [--dpi N] <pdf> ...\n");
  return 2;
}
