// Compiled RE2 patterns for call sites that write the pattern inline.
//
// RE2::PartialMatch(text, "literal") compiles the pattern on every call
// (RE2's implicit constructor); Re("literal") compiles it once per process
// and returns the shared object. Thread-safe; the cache owns the patterns
// for the life of the process.
#ifndef FINSAM_NORMALIZERS_REGEX_CACHE_H_
#define FINSAM_NORMALIZERS_REGEX_CACHE_H_

#include <re2/re2.h>

#include <string_view>

namespace finsam {

const RE2& Re(std::string_view pattern);

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_REGEX_CACHE_H_
