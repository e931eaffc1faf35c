// Within-report checks across the periods and tables of one document, and
// the one-cell cures of failed sums (issue 11). Complements checks.h: that
// file checks each table's arithmetic; this one checks that the tables of a
// report tell the same story and says which single misprint would explain a
// failed sum.
//
//   xref.overview   a figure of the flerårsöversikt (five-year overview) for
//                   a year = the same category in the statements (resultat-
//                   räkning, balansräkning, kassaflödesanalys) for that year.
//                   Pairs whose labels are the same are left to
//                   xref.same_figure (checks.h).                    warning
//   ratio.solidity  the overview's Soliditet % for a year = Eget kapital /
//                   Summa tillgångar of the balance sheet, within 1 point.
//                                                                   warning
// Soliditet may be printed bare ("Soliditet (%)  65"); the balance sheet's
// equity and asset totals are found by category, else by their standard
// labels ("Summa eget kapital", "Summa tillgångar").
// Amounts are compared in kronor without sign (costs are printed negative in
// one table and positive in another), within one printed unit of the
// coarser table.
#ifndef FINSAM_EXTRACTORS_PERIOD_CHECKS_H_
#define FINSAM_EXTRACTORS_PERIOD_CHECKS_H_

#include <optional>
#include <string>
#include <vector>

#include "model/extraction.h"
#include "model/flags.h"

namespace finsam {

inline constexpr const char* kRuleOverview = "xref.overview";
inline constexpr const char* kRuleSolidity = "ratio.solidity";

// The checks above, one Flag each (passed ones with severity ok). Cells
// index `tables`.
std::vector<Flag> CheckPeriods(const std::vector<FinancialTable>& tables);

// For every failed table constraint flag (sum.*, balance.identity,
// cash.ties): if exactly one of the cells the constraint adds reads as a
// plausible misprint of the value that would make it hold — one digit
// dropped, added or changed, or two neighbours swapped (same sign) — and
// that value keeps every other check of the cell that holds now, sets
// Flag::suggested_cell / suggested_value (printed unit) and says so in the
// message. A flag with two or more such cells gets no suggestion.
// Likewise a "repair.unreadable" flag whose cell prints digits that do not
// read as a number ("-7 73": a thousands group lost a digit): when every
// sum the cell takes part in (the others' cells all readable) needs the same
// value and the printed digits are one misprint of it (-7 738), that value
// is suggested.
void SuggestOneCellCures(const std::vector<FinancialTable>& tables, std::vector<Flag>* flags);

// True when `to` can be printed as `from` by one misprint: one digit
// dropped, added or changed, or two adjacent digits swapped; the sign the
// same (a lost sign is not taken: too often a wrong constraint's "cure").
// Whole numbers only (printed units), e.g. (-773, -7738) → true.
bool IsOneMisprint(double from, double to);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_PERIOD_CHECKS_H_
