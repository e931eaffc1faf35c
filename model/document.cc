#include "model/document.h"

#include <algorithm>

namespace finsam {

const char* BoxUnitName(BoxUnit unit) { return unit == BoxUnit::kPoint ? "pt" : "char"; }

void Box::Extend(const Box& o) {
  if (o.empty()) return;
  if (empty()) {
    *this = o;
    return;
  }
  x0 = std::min(x0, o.x0);
  y0 = std::min(y0, o.y0);
  x1 = std::max(x1, o.x1);
  y1 = std::max(y1, o.y1);
}

const char* WordSourceName(WordSource source) {
  switch (source) {
    case WordSource::kTextLayer: return "text";
    case WordSource::kOcr: return "ocr";
    case WordSource::kRepaired: return "repaired";
    case WordSource::kPlainText: return "plain";
  }
  return "?";
}

const char* PageDecisionName(PageDecision d) {
  switch (d) {
    case PageDecision::kText: return "text";
    case PageDecision::kRepair: return "repair";
    case PageDecision::kOcr: return "ocr";
    case PageDecision::kEmpty: return "empty";
  }
  return "?";
}

}  // namespace finsam
