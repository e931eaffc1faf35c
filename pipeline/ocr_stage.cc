// Placeholder until the OCR issue lands.
#include "pipeline/stages.h"

namespace finsam {

Status OcrStage(PipelineContext& ctx) { return Status::Ok(); }

}  // namespace finsam
