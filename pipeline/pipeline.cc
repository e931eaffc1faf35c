#include "pipeline/pipeline.h"

#include "pipeline/stages.h"

namespace finsam {

const std::vector<Stage>& Stages() {
  // The whole pipeline, top to bottom (stages.h says what each one reads and
  // writes). check_financials runs before governance: it repairs table cells
  // that governance copies into member contributions and insatser.
  static const std::vector<Stage> kStages = {
      {"read", ReadStage},
      {"normalize_unicode", NormalizeUnicodeStage},
      {"decide_pages", DecidePagesStage},
      {"ocr", OcrStage},
      {"repair_diacritics", RepairDiacriticsStage},
      {"metadata", MetadataStage},
      {"financial_tables", FinancialTablesStage},
      {"check_financials", CheckFinancialsStage},
      {"governance", GovernanceStage},
      {"unread_figures", UnreadFiguresStage},
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
