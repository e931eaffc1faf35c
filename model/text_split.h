// Splitting a string at one separator character, for the small tokenizers
// that several folders need (words at spaces, URL paths at '/'). Word breaks
// in prose go through ICU in normalizers/; this is only for text whose
// separator is known and ASCII.
#ifndef FINSAM_MODEL_TEXT_SPLIT_H_
#define FINSAM_MODEL_TEXT_SPLIT_H_

#include <string>
#include <string_view>
#include <vector>

namespace finsam {

// The non-empty pieces of `text` between occurrences of `sep`, in order
// (runs of `sep` and separators at either end give no empty pieces). The
// pieces are copies; `text` is not kept.
std::vector<std::string> SplitOn(std::string_view text, char sep);

}  // namespace finsam

#endif  // FINSAM_MODEL_TEXT_SPLIT_H_
