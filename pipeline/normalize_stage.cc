// Stage "normalize_unicode": NFC on every word and line so that composed and
// decomposed å/ä/ö compare equal; `raw` keeps the source form.
#include "normalizers/unicode.h"
#include "pipeline/stages.h"

namespace finsam {

Status NormalizeUnicodeStage(PipelineContext& ctx) {
  for (Page& page : ctx.ex.doc.pages) {
    for (Line& line : page.lines) {
      line.text = Nfc(line.text);
      for (Word& w : line.words) w.text = Nfc(w.text);
    }
  }
  return Status::Ok();
}

}  // namespace finsam
