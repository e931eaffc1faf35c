// Table arithmetic: the linear relations one financial table states about
// itself, their residuals, and its cells as numbers. The one place that
// knows them; two consumers ask it:
//   - extractors/checks.cc turns every evaluable constraint into a flag;
//   - extractors/number_repair.cc searches for readings of damaged cells
//     under which the constraints touching them hold.
//
// Constraints of one table (rules named as in docs/review.md):
//   sum.section        Summa / S:a / Totalt row = the rows of its section
//   sum.result         Resultat row = income − costs so far (running total)
//   sum.totalt_column  Totalt column = Σ year columns, per row
//   sum.avvikelse      Avvikelse = utfall − budget (or budget − utfall)
//   sum.aterstar       Återstår = budget − utfall so far (or utfall − budget)
//   balance.identity   Summa tillgångar = Summa eget kapital och skulder
//   cash.ties          likvida medel at year end = at start + årets kassaflöde
//   sum.equity         utgående eget kapital = ingående + the changes between
//
// Units: every value, residual and tolerance here is the number as printed in
// the table's unit (TableCell::value, e.g. 13320 for "13 320" tkr), never
// kronor; FinancialTable::scale turns it into whole kronor (amount_sek) and
// is the callers' business (flags report kronor).
//
// Ownership: a Constraint names cells by (row, col) index into the table it
// was derived from and holds no pointer to it. It stays valid while the
// table's rows and columns keep their indices (repair edits values and moves
// cells within a row, never rows or columns), so the repair solver derives
// the constraints once and evaluates them against changing values.
#ifndef FINSAM_EXTRACTORS_TABLE_ARITHMETIC_H_
#define FINSAM_EXTRACTORS_TABLE_ARITHMETIC_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/extraction.h"

namespace finsam {

// Rule names of the table constraints (docs/review.md lists their severities).
inline constexpr const char* kRuleSumSection = "sum.section";      // Summa row = rows of its section
inline constexpr const char* kRuleSumResult = "sum.result";        // Resultat = income − costs (running)
inline constexpr const char* kRuleTotaltColumn = "sum.totalt_column";  // Totalt = Σ year columns
inline constexpr const char* kRuleAvvikelse = "sum.avvikelse";     // Avvikelse = utfall − budget
inline constexpr const char* kRuleAterstar = "sum.aterstar";       // Återstår = budget − utfall
inline constexpr const char* kRuleBalance = "balance.identity";    // assets = equity + liabilities
inline constexpr const char* kRuleCashTies = "cash.ties";          // cash end = start + cash flow
inline constexpr const char* kRuleEquityRollForward = "sum.equity";  // closing equity = opening + changes

// One term of a constraint: coef × value of cell (row, col) of one table.
struct Term {
  int row = -1;
  int col = -1;
  int coef = 1;
};

// Σ coef·value = 0 (within `tolerance`, printed units) holds when the check
// passes. terms[0] is the checked figure (coef +1); the expected value of it
// is −Σ_{i≥1} coef_i·value_i. The terms are exactly the cells that take part.
struct Constraint {
  std::string rule;
  std::vector<Term> terms;
  double tolerance = 0;
  std::string what;  // "Summa intäkter = Försäkringskassan/… + Region Gävleborg + Kommunerna"
};

// --- Cells as numbers (printed units) ---

// The value of a cell for the arithmetic: empty → 0, unreadable → nullopt,
// percent cells → nullopt (they are not money).
std::optional<double> CellNumber(const TableCell& cell);
// The cell at (row, col), or nullptr when the table has none there.
const TableCell* CellAt(const FinancialTable& t, int row, int col);
// CellNumber of (row, col); a cell the table does not have counts as empty (0).
std::optional<double> CellValue(const FinancialTable& t, int row, int col);
// True when (row, col) exists and holds printed text.
bool CellPresent(const FinancialTable& t, int row, int col);

// --- Labels and columns ---
// A row label without framing marks (leading/trailing *, |, trailing :).
std::string TrimLabel(const std::string& s);
bool IsSumLabel(const std::string& label);     // Summa …, S:a …, Totalt
bool IsResultLabel(const std::string& label);  // Resultat, Årets resultat, nettokostnad, kassaflöde
bool IsVaravLabel(const std::string& label);   // varav / därav sub-rows (not summed)
bool IsCostLabel(const std::string& label);    // …kostnader…

// True for columns that hold money figures that can be summed (not Not, not
// andel).
bool IsAmountColumn(const TableColumn& c);
// Indices of the amount columns, left to right.
std::vector<int> AmountColumns(const FinancialTable& t);
// Kronor per printed unit of row `r`: its own unit ("Nettoomsättning, tkr"
// in an overview of kr/kvm rows), else its table's.
int64_t RowScale(const FinancialTable& t, const TableRow& r);
// The unit a scale names: 1 kr, 1000 tkr, else mkr.
std::string ScaleUnitName(int64_t scale);

// --- Constraints ---

// The linear constraints of one table, decided from its labels, sections and
// column kinds. Where several component windows are plausible (nested
// sections), the one that holds with the readable values is chosen;
// otherwise the natural one (rows since the last heading) is kept.
std::vector<Constraint> TableConstraints(const FinancialTable& t);

// Where a constraint's values come from: (row, col) → printed value, nullopt
// when unreadable. The repair solver passes the table with some rows read
// differently.
using CellValueFn = std::function<std::optional<double>(int row, int col)>;

// Σ coef·value (0 = holds exactly); nullopt when a term is unreadable.
std::optional<double> Residual(const Constraint& c, const CellValueFn& value);
std::optional<double> Residual(const FinancialTable& t, const Constraint& c);
// |residual| within the constraint's tolerance.
bool WithinTolerance(const Constraint& c, double residual);
bool Holds(const FinancialTable& t, const Constraint& c);

// The value `term` would need for the constraint to hold exactly, given its
// current value `found` and the constraint's `residual`.
double ValueThatHolds(const Term& term, double found, double residual);

// The term of `c` at (row, col), or nullptr when `c` does not read that cell.
const Term* TermAt(const Constraint& c, int row, int col);
// Residual of `c` with cell (row, col) read as `v` and every other cell as
// printed; nullopt when another term is unreadable.
std::optional<double> ResidualWithCellAs(const FinancialTable& t, const Constraint& c, int row, int col, double v);

// The value cell (row, col) needs for every check of `cons` that reads it
// and whose other figures are all read to hold (an unreadable "-7 73", or
// "no", inside sums whose other cells read); nullopt when no such check
// reads it or two of them need values further apart than their tolerance.
// `used`, when given, receives the checks that gave the value.
std::optional<double> ValueTheChecksNeed(const FinancialTable& t, const std::vector<const Constraint*>& cons, int row,
                                         int col, std::vector<const Constraint*>* used = nullptr);

// True when a term of `c` lies in `row`.
bool TouchesRow(const Constraint& c, int row);

// The one term of `c` whose cell is empty while its row prints figures in
// other columns (a figure OCR or the reader may have lost); nullptr when
// there is none or more than one.
const Term* LoneEmptyTerm(const FinancialTable& t, const Constraint& c);

// How well one reading of a table agrees with its own arithmetic: the
// constraints that can be evaluated and hold, and those that do not. The
// layout reader scores alternative readings with it (more holds, then fewer
// fails, wins).
struct ReadingScore {
  int holds = 0;
  int fails = 0;
  // Σ |residual| of the constraints that hold within their rounding
  // tolerance (printed units): of two readings that hold alike, the one
  // whose sums add up exactly is the likelier.
  double slack = 0;
};
ReadingScore ScoreReading(const FinancialTable& t);
// The same when some rows were read by a guess (`guessed(row)`): a check
// that holds counts only when it reaches a figure of a row that was not
// guessed, directly or through other counted holds. Rows guessed alike agree
// by construction ("4 887" read as 4 | 887 in three result rows linked by
// equalities holds in both columns and confirms nothing); failures all count.
ReadingScore ScoreReading(const FinancialTable& t, const std::function<bool(int row)>& guessed);

// Constraints that are evaluable and do not hold (copies, in input order).
std::vector<Constraint> FailingConstraints(const FinancialTable& t, const std::vector<Constraint>& cons);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_TABLE_ARITHMETIC_H_
