// Declarations of every pipeline stage, in the order pipeline.cc runs them.
// Each is implemented in its own file (named in the comment).
#ifndef FINSAM_PIPELINE_STAGES_H_
#define FINSAM_PIPELINE_STAGES_H_

#include "pipeline/pipeline.h"

namespace finsam {

// pipeline/read_stage.cc: sniff the file (PDF / text), enforce size limits,
// hash it, and read pages/lines/words (Poppler adapter or text reader).
Status ReadStage(PipelineContext& ctx);
// pipeline/normalize_stage.cc: ICU NFC on every word and line; number-like
// tokens keep their raw text.
Status NormalizeUnicodeStage(PipelineContext& ctx);
// pipeline/page_decision.cc: per page text / repair / ocr / empty, with reason.
Status DecidePagesStage(PipelineContext& ctx);
// pipeline/ocr_stage.cc: rasterize and OCR the pages decided "ocr".
Status OcrStage(PipelineContext& ctx);
// pipeline/repair_stage.cc: diacritic repair of pages decided "repair" and of
// stripped plain text.
Status RepairDiacriticsStage(PipelineContext& ctx);
// pipeline/extract_stages.cc: document metadata (förbund, kind, years, date).
Status MetadataStage(PipelineContext& ctx);
// pipeline/extract_stages.cc: financial tables → rows, cells, categories.
Status FinancialTablesStage(PipelineContext& ctx);
// pipeline/check_stage.cc: repair OCR-damaged figures against the tables' sum
// constraints, then run the in-document checks (flags into ex.flags).
Status CheckFinancialsStage(PipelineContext& ctx);
// pipeline/governance_stage.cc: boards, goals and indicators, insatser and
// member contributions (extractors/{board,goals,interventions,members}).
Status GovernanceStage(PipelineContext& ctx);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_STAGES_H_
