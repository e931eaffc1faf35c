#include "pipeline/pipeline.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "pipeline/stages.h"

namespace finsam {

const std::vector<Stage>& Stages() {
  // The whole pipeline, top to bottom.
  static const std::vector<Stage> kStages = {
      {"read", ReadStage},
      {"normalize_unicode", NormalizeUnicodeStage},
      {"decide_pages", DecidePagesStage},
      {"ocr", OcrStage},
      {"repair_diacritics", RepairDiacriticsStage},
      {"metadata", MetadataStage},
      {"financial_tables", FinancialTablesStage},
      {"governance", GovernanceStage},
      {"check_financials", CheckFinancialsStage},
  };
  return kStages;
}

Result<Extraction> RunPipeline(const std::string& path, const PipelineOptions& options) {
  PipelineContext ctx(options);
  ctx.ex.doc.source_path = path;
  for (const Stage& stage : Stages()) {
    Status st = stage.run(ctx);
    if (!st.ok()) return st;
  }
  return std::move(ctx.ex);
}

std::string DataDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("FINSAM_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path cand : {exe.parent_path() / "data", exe.parent_path().parent_path() / "data"}) {
      if (fs::exists(cand / "forbund_registry.tsv", ec)) return cand.string();
    }
  }
  return FINSAM_DATA_DIR_DEFAULT;
}

}  // namespace finsam
