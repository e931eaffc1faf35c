// Named arithmetic rules over the financial tables of one document (issue 5).
//
// Financial documents are redundant: a Summa row is the sum of its section,
// a Resultat row is income minus costs, a Totalt column spans the year
// columns, the balance sheet balances, the cash flow ties to the change in
// cash, a statement line equals the Summa of the note it refers to. Every
// such relation is a Constraint (a linear equation over the cells of one
// table) or a cross-table rule; CheckDocument evaluates them all and returns
// one Flag per check, passed checks included (severity "ok"). The table
// constraints and their residuals come from table_arithmetic.h; this file
// turns them into flags and adds the cross-table and ratio rules.
//
// Values are compared as printed (FinancialTable units, e.g. tkr), with a
// rounding tolerance for sums of rounded figures; flags report kronor.
// Empty cells count as 0; unreadable cells (TableCell::parsed == false) make
// a constraint "unknown" (it is skipped here; number_repair.h deals with it).
#ifndef FINSAM_EXTRACTORS_CHECKS_H_
#define FINSAM_EXTRACTORS_CHECKS_H_

#include <optional>
#include <string>
#include <vector>

#include "extractors/table_arithmetic.h"
#include "model/extraction.h"
#include "model/flags.h"

namespace finsam {

// Rule names of the checks that are not table constraints (those are in
// table_arithmetic.h; docs/review.md lists them all with their severities).
inline constexpr const char* kRuleAndel = "ratio.andel";           // andel % = utfall / budget
inline constexpr const char* kRuleNoteRef = "xref.note";           // statement line = Summa of its Not
inline constexpr const char* kRuleSameFigure = "xref.same_figure"; // same label/year in two tables
inline constexpr const char* kRuleUnitUnknown = "unit.unknown";    // a table's unit is neither printed nor inferable

// All checks of one document, one Flag each (passed ones with severity ok).
// `table_index` in the flags' cells indexes `tables`.
std::vector<Flag> CheckDocument(const std::vector<FinancialTable>& tables);

// A row whose label OCR lost (TableRow::doubt_rule "read.unlabeled", no
// label, no category) that `checks` (CheckDocument's flags) show to be the
// total of the rows above it in every column where it has a figure, and in
// none not, gets the category its parts give it: "income.total" over income
// rows only, "cost.total" over cost rows only, "result" over both (psm 6
// lost "Årets resultat" before "-215000| 4887000| …" = intäkter + kostnader
// + finansiella poster). At least two parts must be categorized and every
// other part be a label-less row too (nothing printed says otherwise), and
// no other row of the table has that category already. The row stays
// suspect (its label is still lost) and `*flags` gets one
// "read.unlabeled_total" warning saying what the sums named it. Returns how
// many rows were categorized.
int CategorizeUnlabeledTotals(const std::vector<Flag>& checks, std::vector<FinancialTable>* tables,
                              std::vector<Flag>* flags);

// Short description of a cell for messages: "Summa intäkter / Budget 2020".
std::string DescribeCell(const FinancialTable& t, int row, int col);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_CHECKS_H_
