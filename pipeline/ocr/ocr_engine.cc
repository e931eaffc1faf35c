#include "pipeline/ocr/ocr_engine.h"

namespace finsam {

double OcrPageResult::mean_confidence() const {
  if (words.empty()) return -1;
  double sum = 0;
  for (const OcrWord& w : words) sum += w.confidence;
  return sum / static_cast<double>(words.size());
}

}  // namespace finsam
