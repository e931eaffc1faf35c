#include "model/extraction.h"

namespace finsam {

const char* ColumnKindName(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kBudget: return "budget";
    case ColumnKind::kPlan: return "plan";
    case ColumnKind::kUtfall: return "utfall";
    case ColumnKind::kPrognos: return "prognos";
    case ColumnKind::kAvvikelse: return "avvikelse";
    case ColumnKind::kAterstar: return "aterstar";
    case ColumnKind::kAndel: return "andel";
    case ColumnKind::kTotalt: return "totalt";
    case ColumnKind::kValue: return "value";
    case ColumnKind::kNote: return "not";
    case ColumnKind::kUnknown: return "unknown";
  }
  return "unknown";
}

bool IsDatedKind(ColumnKind kind) {
  return kind == ColumnKind::kBudget || kind == ColumnKind::kPlan || kind == ColumnKind::kUtfall ||
         kind == ColumnKind::kPrognos;
}

bool IsDeviationKind(ColumnKind kind) { return kind == ColumnKind::kAvvikelse || kind == ColumnKind::kAterstar; }

}  // namespace finsam
