// Where an extracted value came from: every financial fact and every
// governance record carries one, so that a figure can be traced back to its
// page, box and source text.
#ifndef FINSAM_MODEL_PROVENANCE_H_
#define FINSAM_MODEL_PROVENANCE_H_

#include <string>

#include "model/document.h"

namespace finsam {

struct Provenance {
  int page = 0;        // 1-based
  Box box;             // in the page's unit (see document.h)
  int line_index = -1; // first line on the page the value came from
  std::string raw_text;  // the source text the value was read from
  double confidence = 1.0;  // 0..1, extraction confidence (OCR × parsing)
};

}  // namespace finsam

#endif  // FINSAM_MODEL_PROVENANCE_H_
