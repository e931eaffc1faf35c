// Reads plain-text dumps (.txt, .md) into the document model.
//
// Lines are kept as given (Line::text keeps tabs and runs of spaces, which
// text tables rely on); a form feed starts a new page. Words are the
// whitespace-separated tokens with BoxUnit::kCharCell boxes (x = column with
// tabs expanded to multiples of 8, y = line index within the page).
#ifndef FINSAM_PIPELINE_INPUT_TEXT_READER_H_
#define FINSAM_PIPELINE_INPUT_TEXT_READER_H_

#include <string>

#include "model/document.h"
#include "model/status.h"

namespace finsam {

// `utf8` is already decoded (normalizers/unicode.h DecodeText).
void ReadText(const std::string& utf8, Document& doc);

// Splits one text line into words with char-cell boxes on row `y`.
std::vector<Word> SplitTextLine(const std::string& line, int y);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_INPUT_TEXT_READER_H_
