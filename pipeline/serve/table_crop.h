// Which part of a page to show for a flagged figure: the table's caption,
// unit line and column-header rows above the figures, so that a reviewer
// sees "tkr" and "Budget 2020" next to the number (issue 15). The database
// keeps row and figure boxes but not the header lines, so they are found
// again on the page's own lines (the PDF text layer read at serve time).
//
// Coordinates are the page's: PDF points, origin at the top-left corner.
#ifndef FINSAM_PIPELINE_SERVE_TABLE_CROP_H_
#define FINSAM_PIPELINE_SERVE_TABLE_CROP_H_

#include <string>
#include <vector>

#include "model/document.h"

namespace finsam {

// What the table's header says (from fin_tables / fin_columns).
struct TableHeaderHint {
  std::string title;                 // the caption as read ("Budget 2020-2022, Tkr")
  std::vector<std::string> headers;  // column headers as read ("Budget 2020", "Utfall")
  std::string unit;                  // tkr | mkr | kr | ""
};

struct TableHeaderBox {
  bool found = false;
  Box box;        // union of the header lines found (title, unit line, column headers)
  Box title;      // the caption line, when found (else empty)
  int lines = 0;  // how many lines the box holds
};

// Finds the header lines of a table whose body (first row on this page)
// starts at `body_top` (points from the top): walks the page's lines upward
// from there while they read like a header — a year, a column kind
// (budget, utfall, plan, prognos, avvikelse, totalt, not), a unit (tkr,
// kr, mkr, belopp, kronor, tsek), a word of a column header, or the
// caption itself — tolerating one other line between them, and stops at
// the caption, at prose (a long line with none of these) or 260 pt above
// the body. Lines are taken from `page.lines`.
TableHeaderBox FindTableHeader(const Page& page, double body_top, const TableHeaderHint& hint);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_SERVE_TABLE_CROP_H_
