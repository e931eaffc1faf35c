// Stage "check_financials" (issue 5): repair OCR-damaged figures against the
// sum constraints of their table, then run every in-document check. Flags go
// to ctx.ex.flags; repaired/suspect cells are marked in the tables
// themselves (TableCell::status), raw text kept.
#include "extractors/checks.h"
#include "extractors/financial_tables.h"
#include "extractors/number_repair.h"
#include "extractors/ocr_doubts.h"
#include "extractors/period_checks.h"
#include "pipeline/stages.h"

namespace finsam {

Status CheckFinancialsStage(PipelineContext& ctx) {
  Extraction& ex = ctx.ex;
  ex.flags.clear();
  RepairTables(ex.tables, &ex.flags);
  std::vector<Flag> checks = CheckDocument(ex.tables);
  ex.flags.insert(ex.flags.end(), checks.begin(), checks.end());
  // A total whose label OCR lost, named by what it sums (checks.h).
  CategorizeUnlabeledTotals(checks, &ex.tables, &ex.flags);
  // The tables of the report against each other (overview vs statements):
  // figures read apart that agree vouch for each other below.
  std::vector<Flag> periods = CheckPeriods(ex.tables);
  // OCR figures the arithmetic does not vouch for (ocr_doubts.h); their
  // flags come with the reader's doubts below. (The repairs' flags go in
  // too: a sum that holds through a repair.truncated vouches for nothing.)
  std::vector<Flag> evidence = ex.flags;
  evidence.insert(evidence.end(), periods.begin(), periods.end());
  MarkOcrDoubts(ex.doc, evidence, &ex.tables);
  std::vector<Flag> doubts = ReadingFlags(ex.tables);  // readings the table reader could not settle
  ex.flags.insert(ex.flags.end(), doubts.begin(), doubts.end());
  // Then the one-cell cures of the sums that still fail (issue 11).
  ex.flags.insert(ex.flags.end(), periods.begin(), periods.end());
  SuggestOneCellCures(ex.tables, &ex.flags);
  return Status::Ok();
}

}  // namespace finsam
