// Grid rows for the table-interpretation tests (table_header_test,
// table_units_test): made-up rows as a reader hands them to InterpretGrid.
#ifndef FINSAM_TESTS_EXTRACTORS_GRID_ROWS_H_
#define FINSAM_TESTS_EXTRACTORS_GRID_ROWS_H_

#include <string>
#include <vector>

#include "extractors/table_grid.h"

namespace finsam::testing {

// `label` and one cell per value ("" = an empty cell); cells carry `page`.
inline GridRow MakeGridRow(const std::string& label, const std::vector<std::string>& values, int page = 0) {
  GridRow r;
  r.label = label;
  for (const std::string& v : values) {
    GridCell c;
    c.present = !v.empty();
    c.text = v;
    c.prov.page = page;
    r.cells.push_back(c);
  }
  return r;
}

}  // namespace finsam::testing

#endif  // FINSAM_TESTS_EXTRACTORS_GRID_ROWS_H_
