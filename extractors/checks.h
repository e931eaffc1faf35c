// Named arithmetic rules over the financial tables of one document (issue 5).
//
// Financial documents are redundant: a Summa row is the sum of its section,
// a Resultat row is income minus costs, a Totalt column spans the year
// columns, the balance sheet balances, the cash flow ties to the change in
// cash, a statement line equals the Summa of the note it refers to. Every
// such relation is a Constraint (a linear equation over the cells of one
// table) or a cross-table rule; CheckDocument evaluates them all and returns
// one Flag per check, passed checks included (severity "ok").
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

#include "model/extraction.h"
#include "model/flags.h"

namespace finsam {

// Rule names (docs/review.md lists them with their severities).
inline constexpr const char* kRuleSumSection = "sum.section";      // Summa row = rows of its section
inline constexpr const char* kRuleSumResult = "sum.result";        // Resultat = income − costs (running)
inline constexpr const char* kRuleTotaltColumn = "sum.totalt_column";  // Totalt = Σ year columns
inline constexpr const char* kRuleAvvikelse = "sum.avvikelse";     // Avvikelse = utfall − budget
inline constexpr const char* kRuleAndel = "ratio.andel";           // andel % = utfall / budget
inline constexpr const char* kRuleBalance = "balance.identity";    // assets = equity + liabilities
inline constexpr const char* kRuleCashTies = "cash.ties";          // cash end = start + cash flow
inline constexpr const char* kRuleNoteRef = "xref.note";           // statement line = Summa of its Not
inline constexpr const char* kRuleSameFigure = "xref.same_figure"; // same label/year in two tables

// One term of a constraint: coef × value of cell (row, col) of one table.
struct Term {
  int row = -1;
  int col = -1;
  int coef = 1;
};

// Σ coef·value = 0 (within `tolerance`, printed units) holds when the check
// passes. terms[0] is the checked figure (coef +1); the expected value of it
// is −Σ_{i≥1} coef_i·value_i.
struct Constraint {
  std::string rule;
  std::vector<Term> terms;
  double tolerance = 0;
  std::string what;  // "Summa intäkter = Försäkringskassan/… + Region Gävleborg + Kommunerna"
};

// The value of a cell for the checks: empty → 0, unreadable → nullopt,
// percent cells → nullopt (they are not money).
std::optional<double> CellNumber(const TableCell& cell);

// Classification of a row label, exposed for tests and the cross checks.
bool IsSumLabel(const std::string& label);     // Summa …, S:a …, Totalt
bool IsResultLabel(const std::string& label);  // Resultat, Årets resultat, nettokostnad, kassaflöde
bool IsVaravLabel(const std::string& label);   // varav / därav sub-rows (not summed)
bool IsCostLabel(const std::string& label);    // …kostnader…

// True for columns that hold money figures that can be summed (not Not, not
// andel).
bool IsAmountColumn(const TableColumn& c);

// The linear constraints of one table, decided from its labels, sections and
// column kinds. Where several component windows are plausible (nested
// sections), the one that holds with the readable values is chosen;
// otherwise the natural one (rows since the last heading) is kept.
std::vector<Constraint> TableConstraints(const FinancialTable& t);

// Evaluates a constraint: nullopt when a term is unreadable; otherwise the
// residual Σ coef·value (0 = holds exactly).
std::optional<double> Residual(const FinancialTable& t, const Constraint& c);
bool Holds(const FinancialTable& t, const Constraint& c);

// All checks of one document, one Flag each (passed ones with severity ok).
// `table_index` in the flags' cells indexes `tables`.
std::vector<Flag> CheckDocument(const std::vector<FinancialTable>& tables);

// Short description of a cell for messages: "Summa intäkter / Budget 2020".
std::string DescribeCell(const FinancialTable& t, int row, int col);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_CHECKS_H_
