// bench_ocr: OCR measurements and a debugging dump.
//   bench_ocr dump <pdf> <page> [dpi]      words of one page as finsam's engine reads them
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "pipeline/document.h"
#include "pipeline/pdf_render.h"
#include "pipeline/tesseract_engine.h"

using namespace finsam;

static double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

static int Dump(const char* pdf, int page, int dpi) {
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

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "dump" && argc >= 4) return Dump(argv[2], atoi(argv[3]), argc > 4 ? atoi(argv[4]) : 300);
  fprintf(stderr, "usage: bench_ocr dump <pdf> <page> [dpi]\n");
  return 2;
}
