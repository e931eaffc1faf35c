// What extractors produce from one Document, before it is loaded into the
// database. Every record carries a Provenance that points back into the
// Document (page, box, line, raw source text, confidence).
//
// Ownership: an Extraction owns its Document and all records by value.
#ifndef FINSAM_MODEL_EXTRACTION_H_
#define FINSAM_MODEL_EXTRACTION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/flags.h"
#include "model/governance.h"
#include "model/provenance.h"

namespace finsam {

// Bumped whenever extraction output can change for the same input bytes.
// A document ingested by an older version is re-extracted on the next ingest
// (README: "Re-ingesting").
//  1: first landing.
//  2: diacritic repair with the context-word model, hyphenated words and the
//     stage's reading order (stripped pages read differently).
//  3: within-report checks (xref.overview, ratio.solidity) and the one-cell
//     cures of failed sums (extractors/period_checks.h).
//  4: Återstår columns (column kind aterstar) are read and checked
//     (sum.aterstar) instead of dropped.
//  5: columns covering part of the year (TableColumn::period, "Utfall
//     jan–aug") are marked and left out of comparisons.
inline constexpr int kPipelineVersion = 5;

// Column kinds of financial tables (documented in README, "Views").
//   budget, plan, utfall, prognos   — a year column of that kind
//   avvikelse        — deviation column (utfall − budget), year = the year compared
//   aterstar         — "Återstår": what is left of the budget (budget − utfall so far,
//                      in delårsrapporter and uppföljningar), year = the budget's year
//   andel            — a percent column ("Förbrukade medel, andel av budget"); amount NULL, percent in `value`
//   totalt           — a multi-year total column, year NULL
//   not              — the Not (note reference) column; not stored as a fact
//   value            — a single unlabelled value column (e.g. Balanskravsresultat), year from the title
enum class ColumnKind { kBudget, kPlan, kUtfall, kPrognos, kAvvikelse, kAterstar, kAndel, kTotalt, kValue, kNote, kUnknown };
const char* ColumnKindName(ColumnKind kind);
// True for budget, plan, utfall and prognos: the kinds a column dates by its
// year (a column of one of them without a year is no fact of any year).
bool IsDatedKind(ColumnKind kind);
// True for avvikelse and återstår: a column derived from utfall and budget,
// whose sign follows the table's convention.
bool IsDeviationKind(ColumnKind kind);

struct TableColumn {
  std::string header;  // header text as read (may join wrapped header lines)
  int year = 0;        // 0 = none
  ColumnKind kind = ColumnKind::kUnknown;
  // The part of the year the column covers when its header names one
  // ("Utfall jan–aug 2024", "Budget t.o.m. augusti", "Utfall 2024-06-30",
  // "Tertial 2"): first and last month as "MM-MM" ("01-08"); "" for the
  // whole year or when the header says nothing. A delårsrapport's utfall is
  // not the year's utfall: comparisons and cross-document checks leave such
  // columns out.
  std::string period = {};
};

struct TableCell {
  bool present = false;       // false: empty cell
  int64_t amount_sek = 0;     // whole kronor after unit scaling; 0 for percent cells
  double value = 0;           // the number as printed (before scaling), e.g. 13320 for "13 320" tkr
  bool is_percent = false;    // "100%": value holds 100, amount_sek 0
  std::string raw;            // as printed, e.g. "13 320", "−2 187"
  bool parsed = true;         // false: raw did not read as a number (e.g. OCR "J 866");
                              // value/amount are 0 and status is "suspect"
  Provenance prov;
  // Other readings of `raw` that OCR gave (a second pass over the same ink:
  // model/document.h Word::readings), as printed text; empty for text
  // layers. Number repair tries them when a check fails.
  std::vector<std::string> readings;
  std::string status = "ok";  // ok | repaired | suspect | corrected (issue 5)
  // Set by the table reader when it could not settle how the cell reads
  // (extractors/table_grid.h GridCell::doubt): the rule and why; the cell is
  // then "suspect" and the check stage turns it into a flag. "" when sure.
  std::string doubt_rule;
  std::string doubt;
};

struct TableRow {
  std::string label;          // normalized row label, wrapped lines joined
  std::string section;        // Intäkter, Kostnader, Tillgångar, ... or ""
  std::optional<std::string> category;  // see extractors/categories.h; nullopt when unsure
  bool is_total = false;      // Summa / S:a / Totalt row
  bool is_header = false;     // repeated header row inside the table (not stored as facts)
  bool monetary = true;       // false for rows that are not money (Soliditet, kr/m², Antal, %): amount NULL
  // Kronor per printed unit when the row label names its own unit
  // ("Nettoomsättning, tkr" in a table of kr/m² and percent rows); 0 = the
  // table's FinancialTable::scale.
  int64_t scale = 0;
  std::vector<TableCell> cells;  // one per TableColumn
  Provenance prov;            // the label
  // The row's numeric text as printed, tokens joined by single spaces
  // ("15 300 9 808 9748"), and how many ways it could be split into
  // `cells.size()` values when thousands separators are spaces (1 = unique;
  // >1 = the reader picked one and marked the cells "suspect"). The review
  // stage re-splits it against the table's sum constraints.
  std::string raw_numbers;
  int groupings = 1;
  // The first token of raw_numbers may be a note reference, not part of a
  // figure (a dump under a "Not" head: "Kortfristiga fordringar 1 310 655"
  // is 1 310 | 655 or note 1, 310 | 655); the repair stage also tries the
  // readings without it. Counted in `groupings`.
  bool first_may_be_note = false;
  // Set by a reader that placed the row's figures by a guess (text dumps:
  // labels and numbers printed in separate blocks, a number line joined to a
  // label). `doubt_rule` is the flag rule ("read.pairing", "read.ambiguous",
  // ...), `doubt` says why. Such cells start "suspect"; the repair stage
  // clears a cell only when the table arithmetic confirms it (never for
  // "read.ambiguous"), and flags the rest.
  std::string doubt_rule;
  std::string doubt;
  // Label words OCR read that the table reader rebuilt by a guess of more
  // than one OCR edit (normalizers/ocr_misreads.h), as "read→rebuilt"
  // ("Mealemsavgifter→Medlemsavgifter"): `label` holds the rebuilt words,
  // prov.raw_text the line as read; the row's figures are flagged
  // (ocr_doubts.h).
  std::vector<std::string> label_guesses;
};

// Kinds of financial table we know (docs/categories.md, "Table kinds").
//   budget, overview (five-year), income_statement (resultaträkning),
//   balance_sheet, cash_flow, operating (driftsredovisning), note,
//   interventions (insatser outcome), balance_requirement, other
struct FinancialTable {
  std::string title;       // caption above the table ("Budget 2019-2021, Tkr")
  std::string table_kind;  // see above
  std::string unit;        // "tkr" | "mkr" | "kr"; "" = unknown (nothing printed or inferable:
                           // amounts assume tkr, cells are suspect, flag unit.unknown)
  int64_t scale = 1000;    // kronor per printed unit
  // The unit came from a document-wide statement ("Belopp i tkr" somewhere
  // in the document), not from the table's caption or header: a unit line
  // right above the table still overrides it.
  bool unit_from_document = false;
  int page = 0;            // first page
  int last_page = 0;       // last page (tables may continue)
  std::vector<TableColumn> columns;
  std::vector<TableRow> rows;
  double confidence = 1.0;  // how sure the reader is that this is a table
};

struct Extraction {
  Document doc;
  std::vector<FinancialTable> tables;
  std::vector<Flag> flags;  // data-quality flags (CheckFinancialsStage, issue 5)
  Governance governance;    // boards, goals/indicators, insatser, members (governance stage)
};

}  // namespace finsam

#endif  // FINSAM_MODEL_EXTRACTION_H_
