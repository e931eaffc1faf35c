// `finsam compare`: förbund × year pivots over the database views.
//
// --table financial (default) pivots v_financial for one category (--metric)
// or label (--label): rows are förbund × year, columns the column kinds
// (budget, utfall, ...) with the deviation utfall − budget when both exist.
// Other tables (board, composition, indicators, interventions, members) are
// pivoted by CompareGovernance (pipeline/review/compare_governance.cc).
#ifndef FINSAM_PIPELINE_REVIEW_COMPARE_H_
#define FINSAM_PIPELINE_REVIEW_COMPARE_H_

#include <ostream>
#include <string>
#include <vector>

#include "model/status.h"
#include "pipeline/store/sqlite_db.h"

namespace finsam {

struct CompareRequest {
  std::string table = "financial";  // financial | board | composition | indicators | interventions | members
  std::string metric;               // a category, e.g. income.total
  std::string label;                // substring of a row label (case-insensitive)
  std::string forbund;              // substring of the förbund name
  std::string kind;                 // a column kind (budget, utfall, ...) filter
  std::string format = "table";     // table | csv | json
  int year_from = 0, year_to = 0;   // 0 = open
  std::string unit = "kr";          // display unit of amounts: kr | tkr | mkr
};

// A small result set: column names and string cells ("" = NULL).
struct ResultTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

// Writes `t` as an aligned text table, CSV (RFC 4180) or a JSON array of
// objects (numbers unquoted when the cell parses as a number). CSV cells
// pass through NeutralizeCsvFormula.
void WriteResultTable(const ResultTable& t, const std::string& format, std::ostream& out);

// A CSV cell a spreadsheet would not run as a formula: a cell starting with
// = + - @, a tab or a carriage return gets a leading apostrophe
// ("=HYPERLINK(…)" → "'=HYPERLINK(…)"), unless it is a number as finsam
// prints it ("-2187", "-13 320,5", "-12.5", "-13 320 tkr", "-5 %").
std::string NeutralizeCsvFormula(const std::string& cell);

Status CompareFinancial(SqliteDb& db, const CompareRequest& req, std::ostream& out);
Status CompareGovernance(SqliteDb& db, const CompareRequest& req, std::ostream& out);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_REVIEW_COMPARE_H_
