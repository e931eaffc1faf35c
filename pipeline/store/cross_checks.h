// Data-quality review at database level (issue 5): storing a document's
// flags, the cross-document rules of a förbund, and reviewer decisions.
//
// Cross-document rules (scope "cross"; docs/review.md):
//   cross.plan_budget     a year's budget in a verksamhetsplan vs the Budget
//                         column of that year's årsredovisning
//   cross.next_ar         a year's utfall vs the previous-year column of the
//                         next årsredovisning
//   cross.prior_year      every other row of the statements, notes and other
//                         tables: the prior-year column vs the previous
//                         year's årsredovisning (both documents named)
//   cross.overlapping_plans  the same year in two plans (2020–2022 vs 2021–2023)
//   plausibility.yoy      a year-over-year jump far outside the förbund's own history
//   plausibility.member_shares  member contributions far from 50/25/25
//   plausibility.equity_20pct   equity above 20 % of budgeted income
//   xref.appendix         (one document) the insatser table vs Bilaga 1's
//                         per-insats budget and outcome (needs the
//                         governance loader's `interventions`)
// They compare the categorised totals (income.total, cost.total, result,
// equity, cash, ...) of v_financial, so corrections feed into them. They are
// recomputed for the whole förbund (delete + insert), so running them again
// is idempotent.
//
// Decisions survive re-ingest and re-extraction: an acceptance is keyed by
// the flag's stable id, a correction by the fact's (stable_keys.h: derived
// from the document's sha256, table, row, column and rule) — never by
// flag_id/fact_id. A decision whose flag or fact a newer pipeline no longer
// produces is kept and listed as orphaned (OrphanDecisions).
#ifndef FINSAM_PIPELINE_STORE_CROSS_CHECKS_H_
#define FINSAM_PIPELINE_STORE_CROSS_CHECKS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/extraction.h"
#include "model/status.h"
#include "pipeline/store/sqlite_db.h"
#include "pipeline/store/stable_keys.h"

namespace finsam {

// Loader step (pipeline/store/load_flags.cc): deletes the document's in-document
// flags and inserts ex.flags, mapping (table, row, col) to fact_ids.
Status LoadFlags(SqliteDb& db, int64_t document_id, const Extraction& ex);

// Recomputes the cross-document flags of one förbund / of every förbund.
Status RunCrossChecks(SqliteDb& db, int64_t forbund_id);
Status RunAllCrossChecks(SqliteDb& db);

// Records that a reviewer accepts flag `flag_id` as it is.
Status AcceptFlag(SqliteDb& db, int64_t flag_id, const std::string& by, const std::string& note);

// Records a corrected value for fact `fact_id`; `value` is in the table's
// printed unit (e.g. tkr), as the reviewer reads it in the document.
Status CorrectFact(SqliteDb& db, int64_t fact_id, double value, const std::string& by, const std::string& note);

// The one-cell cure of a flag (Flag::suggested_value): the fact and the
// value in the table's printed unit. NotFound when the flag has none.
struct SuggestedCorrection {
  int64_t fact_id = 0;
  std::string fact_stable_id, printed;
  double value = 0;
};
Result<SuggestedCorrection> SuggestedFor(SqliteDb& db, int64_t flag_id);

// What a reviewer's correction targets, as typed (finsam review --correct,
// finsam serve's POST /api/facts/ID/correct and /api/flags/ID/suggested):
// with `use_suggestion`, `typed` names a flag and the target is its
// suggested cell and value; otherwise `typed` names a fact and the value is
// `value` (the table's printed unit). `typed` is resolved as ResolveFlag /
// ResolveFact do (stable id or row-number alias; `typed_id` says which).
struct CorrectionTarget {
  ResolvedId typed_id;         // the flag or fact as typed
  int64_t fact_id = 0;
  std::string fact_stable_id;  // V-…
  double value = 0;
};
Result<CorrectionTarget> ResolveCorrection(SqliteDb& db, const std::string& typed, bool use_suggestion,
                                           double value);

// One fact a flag names, with what the review report shows of it: the
// table, row and column, the printed text, the amount (and the amount before
// a reviewer's correction), and where it came from (document format and
// path, the page's unit and stored text, line and box).
struct FlagFact {
  int64_t fact_id = 0;
  std::string stable_id;     // V-… (stable_keys.h)
  std::string table_title, label, header, raw, status, unit, format, path, page_unit, page_text;
  std::string sha256;        // of the document, to check the file before cropping
  int64_t document_id = 0;
  std::optional<int64_t> amount, original;
  int page = 0, line_index = -1;
  std::string page_label;    // the page's printed number when it differs from `page` (pages.label)
  Box box;
};

// The facts flag `flag_id` names, main figure first; an empty list when it
// names none. A database error is returned, never an empty list.
Result<std::vector<FlagFact>> FlagFacts(SqliteDb& db, int64_t flag_id);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_STORE_CROSS_CHECKS_H_
