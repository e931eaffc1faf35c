// The unread-figures stage: the last one, after every reader has run.
#include <string>

#include "extractors/unread_figures.h"
#include "pipeline/stages.h"

namespace finsam {

Status UnreadFiguresStage(PipelineContext& ctx) {
  for (std::string& w : UnreadFigureWarnings(ctx.ex)) ctx.ex.doc.warnings.push_back(std::move(w));
  return Status::Ok();
}

}  // namespace finsam
