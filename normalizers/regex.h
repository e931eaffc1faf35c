// Compiled-once RE2 patterns for call sites that write the pattern inline.
//
// RE2::PartialMatch(text, "literal") compiles the pattern on every call
// (RE2's implicit constructor). "literal"_re instead names one function-local
// static RE2 per distinct pattern, built on first use (thread-safe static
// initialisation) and shared by every call site that spells the same
// pattern; later matches read it without any lock:
//
//   if (RE2::PartialMatch(text, "balansr(a|ä)kning"_re)) ...
//
// The patterns live for the life of the process and are never destroyed.
#ifndef FINSAM_NORMALIZERS_REGEX_H_
#define FINSAM_NORMALIZERS_REGEX_H_

#include <re2/re2.h>

#include <cstddef>

namespace finsam {

// A string literal as a template argument: one type per pattern text.
template <size_t N>
struct PatternLiteral {
  constexpr PatternLiteral(const char (&s)[N]) {  // NOLINT(runtime/explicit)
    for (size_t i = 0; i < N; ++i) text[i] = s[i];
  }
  char text[N];
};

// The compiled pattern for `Pattern`, built once per process.
template <PatternLiteral Pattern>
const RE2& operator""_re() {
  static const RE2* const re = new RE2(re2::StringPiece(Pattern.text, sizeof(Pattern.text) - 1));
  return *re;
}

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_REGEX_H_
