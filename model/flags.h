// Data-quality flags (issue 5): the outcome of one named check over the
// figures of a document (or, for cross-document rules, of several).
//
// A Flag is produced by the in-document checks (extractors/checks.h), by the
// number repair (extractors/number_repair.h) and by the cross-document rules
// (pipeline/store/cross_checks.h). It names the cells it concerns by index into the
// Extraction (table, row, col: indexes into Extraction::tables, ::rows and
// ::cells — header rows included, exactly as the reader produced them); the
// loader maps them to fact_ids (pipeline/store/load_flags.cc).
//
// Severities, worst first (docs/review.md):
//   error   — a check failed and no unique repair explains it
//   warning — a figure could not be read or repaired uniquely (suspect), a
//             plausibility rule fired, or a table disagrees with its note
//   info    — a figure was repaired from OCR damage (review it, usually fine)
//   ok      — the check passed (kept so the review can say so)
#ifndef FINSAM_MODEL_FLAGS_H_
#define FINSAM_MODEL_FLAGS_H_

#include <optional>
#include <string>
#include <vector>

namespace finsam {

// One cell a flag concerns, by index into an Extraction.
struct FlagCell {
  int table = -1;
  int row = -1;
  int col = -1;
  bool operator==(const FlagCell& o) const { return table == o.table && row == o.row && col == o.col; }
};

inline constexpr const char* kSeverityError = "error";
inline constexpr const char* kSeverityWarning = "warning";
inline constexpr const char* kSeverityInfo = "info";
inline constexpr const char* kSeverityOk = "ok";

// 0 = worst. Unknown severities sort last.
inline int SeverityRank(const std::string& s) {
  if (s == kSeverityError) return 0;
  if (s == kSeverityWarning) return 1;
  if (s == kSeverityInfo) return 2;
  if (s == kSeverityOk) return 3;
  return 4;
}

struct Flag {
  std::string rule;      // e.g. "sum.section", "repair.confusable" (docs/review.md)
  std::string severity;  // error | warning | info | ok
  bool passed = false;   // true: the check held (severity "ok")
  std::string message;   // one line, Swedish labels kept, printed units ("tkr")
  // What the rule expected and what the document says, in whole kronor for
  // money rules (unit "SEK") or percent for ratio rules (unit "%").
  std::optional<double> expected;
  std::optional<double> found;
  std::string unit = "SEK";
  int year = 0;          // the year the figure belongs to, 0 = none
  int page = 0;          // page of the main figure (1-based), 0 = unknown
  std::string source_text;  // the source text of the main figure's row
  // The main figure first (the one the expected/found values describe), then
  // the other cells the rule used.
  std::vector<FlagCell> cells;
  // Stable identity across re-extraction of the same bytes: rule plus the
  // table/row/column coordinates, so decisions ("accept") survive re-ingest.
  std::string key;
  // A one-cell cure (extractors/period_checks.h): when a failed check is
  // explained by one misprinted cell (printed `-7 73` where the sum needs
  // `-7 738`), that cell and the value it implies, in the table's printed
  // unit. `finsam review --correct FLAG --suggested` records it.
  std::optional<FlagCell> suggested_cell;
  std::optional<double> suggested_value;
};

}  // namespace finsam

#endif  // FINSAM_MODEL_FLAGS_H_
