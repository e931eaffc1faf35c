// Groups positioned words (text layer or OCR) into lines and blocks.
//
// Input words are in BoxUnit::kPoint (origin top-left, y down). A line is a
// run of words whose vertical extents overlap by at least half the smaller
// height, sorted left to right; lines are ordered by their top edge. Blocks
// group consecutive lines whose vertical gap is under ~0.6 of a line height
// (paragraphs, the wrapped lines of one table cell).
#ifndef FINSAM_PIPELINE_INPUT_LINE_BUILDER_H_
#define FINSAM_PIPELINE_INPUT_LINE_BUILDER_H_

#include <vector>

#include "model/document.h"

namespace finsam {

// Builds page.lines from `words`, replacing what was there.
void BuildLines(std::vector<Word> words, Page& page);

// Joins a line's words with single spaces into line.text / line.raw and sets
// line.box.
void FinishLine(Line& line);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_INPUT_LINE_BUILDER_H_
