// Placeholder until the OCR issue lands: a page with text-layer words is
// "text", a page without is "empty".
#include "pipeline/stages.h"

namespace finsam {

Status DecidePagesStage(PipelineContext& ctx) {
  for (Page& page : ctx.ex.doc.pages) {
    bool has_words = false;
    for (const Line& l : page.lines) has_words |= !l.words.empty();
    page.decision = has_words ? PageDecision::kText : PageDecision::kEmpty;
    page.decision_reason = has_words ? "text layer present" : "no text layer";
  }
  return Status::Ok();
}

}  // namespace finsam
