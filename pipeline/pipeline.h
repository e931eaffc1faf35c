// The pipeline: named stages run top to bottom over one Extraction.
//
// The list of stages lives in one place, pipeline.cc (`Stages()`), and reads
// like the data flow:
//   read → normalize_unicode → decide_pages → ocr → repair_diacritics →
//   metadata → financial_tables → check_financials → governance
// (stages.h declares them in that order, with what each reads and writes).
// Each stage is a free function `Status Fn(PipelineContext&)`. A stage that
// meets a per-page problem records a warning on the document and continues;
// only a whole-document failure (unreadable, encrypted, …) returns non-OK.
#ifndef FINSAM_PIPELINE_PIPELINE_H_
#define FINSAM_PIPELINE_PIPELINE_H_

#include <functional>
#include <string>
#include <vector>

#include "model/data_dir.h"
#include "model/extraction.h"
#include "model/status.h"

namespace finsam {

enum class OcrPolicy { kAuto, kNever, kAlways };

struct PipelineOptions {
  OcrPolicy ocr = OcrPolicy::kAuto;
  int dpi = 300;            // OCR render resolution
  int jobs = 0;             // worker threads; 0 = number of cores
  bool quiet = false;       // no progress output
  bool repair_diacritics = true;
  // Reuse OCR results of identical page images read by the same engine
  // build (pipeline/ocr_cache.h); false: always run the engine.
  bool ocr_cache = true;
  // Input limits (kTooLarge), which keep the peak memory of one document
  // within the budget in README "Memory budget": about 1 GB.
  int64_t max_file_bytes = int64_t{256} << 20;  // any input (PDF)
  int64_t max_text_bytes = int64_t{16} << 20;   // a .txt/.md dump (real ones are < 1 MB)
  int64_t max_line_bytes = int64_t{64} << 10;   // one line of a text dump
  int64_t max_lines = 400'000;                  // lines of a text dump (16 MB of real text: 270 000)
  int64_t max_words = 2'500'000;                // words of a document, PDF or text (16 MB: 2.2 M)
  int max_pages = 5000;
  // Called from worker threads with (pages_done, pages_total) during OCR.
  std::function<void(int, int)> progress;
};

struct PipelineContext {
  const PipelineOptions& options;
  Extraction ex;
  explicit PipelineContext(const PipelineOptions& o) : options(o) {}
};

using StageFn = Status (*)(PipelineContext&);
struct Stage {
  const char* name;
  StageFn run;
};

// The stages in execution order. The first one ("read") fills ex.doc from
// ex.doc.source_path.
const std::vector<Stage>& Stages();

// Runs all stages on one file. Errors name the reason; callers add the path.
Result<Extraction> RunPipeline(const std::string& path, const PipelineOptions& options);


}  // namespace finsam

#endif  // FINSAM_PIPELINE_PIPELINE_H_
