// Repair of OCR-damaged figures against a table's sum constraints (issue 5).
//
// OCR and old text layers damage numbers: "J 866" for 3 866, "3 Bb6" for
// 3 866, "08" for 98, "ag"/"a0" for 90, "37207" for 3720 plus a stray digit,
// a missing cell that shifts a row's values one column left, and
// space-separated thousands that only group uniquely once the column count
// and the sums are known ("6 139 6 603 6 230 6 230 6230 31432" is six
// values). The solver enumerates the plausible readings of the damaged rows
// and keeps those under which every sum constraint of the table
// (extractors/table_arithmetic.h: Summa rows, Resultat rows, Totalt column,
// Avvikelse, balance identity, cash flow) that touches them holds. The
// constraints, their residuals and the cells' values come from that module;
// this file owns the candidate readings and the search over them.
//
//  - A unique cheapest reading: the cells get the new value, status
//    "repaired", `raw` kept as printed, and an info flag "repair.<kind>".
//  - Two or more readings satisfy the sums, or none does: the cells get
//    status "suspect" and a warning flag ("repair.ambiguous" listing the
//    readings, or "repair.unreadable"). Nothing is overwritten silently.
//
// Costs (cheapest wins): regrouping a row's digits 0, confusable characters
// 1 per cell, a shifted row 1, a single digit edit (08→98, stray digit,
// truncated leading group) 2. Clean figures are only edited when a check
// fails and exactly one edit makes every check touching them hold.
#ifndef FINSAM_EXTRACTORS_NUMBER_REPAIR_H_
#define FINSAM_EXTRACTORS_NUMBER_REPAIR_H_

#include <string>
#include <vector>

#include "model/extraction.h"
#include "model/flags.h"

namespace finsam {

// Numbers a damaged token run may stand for after substituting visually
// confusable characters (J→3, B→8, b→6/8, O/o/D→0, l/I/|/i→1, S/s→5, g→9/0,
// a→9, Z→2, …) and dropping framing noise (| [ ] ~). Distinct values, at
// most `limit`; empty when the text has too little of a number in it
// ("inga", "Enligt plan"). With `decimals` (the table prints decimal
// commas), a point, colon or semicolon between digits with one or two
// digits after it is also read as the decimal comma ("11.00", "3:20");
// in a table of whole numbers "2:22" is a damaged "2 221", not 2,22.
// A figure that closes a bracket it never opened ("49 960)") is read as
// printed first, then negated without a first glyph OCR reads for "("
// (4 1 l I C { [): (9 960).
std::vector<double> ConfusableReadings(const std::string& raw, int limit = 32, bool decimals = false);

// Whether the table prints decimal commas in a figure read as printed
// ("3,30", "0,45"): what ConfusableReadings' `decimals` asks.
bool TablePrintsDecimals(const FinancialTable& t);

// Single-edit alternatives of a clean number as printed: one digit replaced
// by a digit OCR confuses it with (0↔9, 0↔8, 3↔8, 5↔6, 6↔8, 1↔7), one
// digit dropped (a stray digit: 37207 → 3720), or one of two equal
// neighbouring thousands groups dropped (a group read twice: "10 400 400"
// → 10 400). Sign and grouping kept.
std::vector<double> DigitEditReadings(const std::string& raw);

// Readings of a whole figure printed with a leading zero ("00", "012",
// "-06"; not "0", not a decimal "0,45"): the zero read as each other digit
// (00 → 10 … 90). Such a figure is malformed, so its first digit is where
// OCR went wrong. Sign kept.
std::vector<double> LeadingZeroReadings(const std::string& raw);

struct RepairStats {
  int repaired = 0;  // cells whose value the solver set
  int suspect = 0;   // cells left suspect (ambiguous or unreadable)
};

// Repairs one table in place; appends repair flags (cells index table
// `table_index`).
RepairStats RepairTable(FinancialTable& t, int table_index, std::vector<Flag>* flags);

// Repairs every table of a document.
RepairStats RepairTables(std::vector<FinancialTable>& tables, std::vector<Flag>* flags);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_NUMBER_REPAIR_H_
