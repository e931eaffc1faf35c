#include "pipeline/pipeline.h"

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

}  // namespace finsam
