// The two table readers (see table_grid.h).
#ifndef FINSAM_EXTRACTORS_TABLE_READERS_H_
#define FINSAM_EXTRACTORS_TABLE_READERS_H_

#include <vector>

#include "extractors/table_grid.h"
#include "model/document.h"

namespace finsam {

// Tables in plain-text input (BoxUnit::kCharCell pages).
std::vector<Grid> ReadTextTables(const Document& doc);

// Tables on positioned-word pages (BoxUnit::kPoint: text layer or OCR).
std::vector<Grid> ReadLayoutTables(const Document& doc);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_TABLE_READERS_H_
