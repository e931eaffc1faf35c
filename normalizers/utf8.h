// UTF-8 decoding and encoding for the whole code base, over ICU's
// U8_NEXT / U8_APPEND macros, so every loop agrees on what is valid.
//
// Policy for ill-formed input (ICU's, the same as the WHATWG Encoding
// Standard and Unicode's "maximal subpart" practice): a stray continuation
// byte, a lead byte without enough continuation bytes (truncated), an
// overlong form (C0 80, E0 80 80), a UTF-16 surrogate (ED A0 80) or a value
// above U+10FFFF (F4 90 80 80, F5…FF) decodes to one U+FFFD per maximal
// ill-formed subpart, and decoding resumes at the first byte that cannot
// continue it. So a decoder always advances by at least one byte and never
// swallows the valid character after a truncated sequence.
#ifndef FINSAM_NORMALIZERS_UTF8_H_
#define FINSAM_NORMALIZERS_UTF8_H_

#include <unicode/utf8.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace finsam {

// What ill-formed bytes decode to, and what invalid code points encode as.
inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point that starts at s[*i] (*i < s.size()) and advances
// *i past it; U+FFFD for an ill-formed subpart (see the policy above).
inline char32_t NextCodePoint(std::string_view s, size_t* i) {
  UChar32 c;
  U8_NEXT(s.data(), *i, s.size(), c);
  return c < 0 ? kReplacementChar : static_cast<char32_t>(c);
}

// Bytes taken by the code point (or ill-formed subpart) that starts at s[i].
inline size_t SequenceLength(std::string_view s, size_t i) {
  size_t next = i;
  NextCodePoint(s, &next);
  return next - i;
}

// Appends the UTF-8 encoding of `c`; U+FFFD for a surrogate or a value above
// U+10FFFF.
void AppendUtf8(char32_t c, std::string* out);

// True when `bytes` is well-formed UTF-8; otherwise *bad_offset (if given) is
// the offset of the first ill-formed subpart.
bool IsValidUtf8(std::string_view bytes, size_t* bad_offset = nullptr);

// `bytes` with every ill-formed subpart replaced by U+FFFD.
std::string RepairUtf8(std::string_view bytes);

// Number of code points; each ill-formed subpart counts as one.
size_t CodePointCount(std::string_view utf8);

// UTF-8 ↔ UTF-32 (ill-formed subparts → U+FFFD; invalid code points → U+FFFD).
std::u32string Utf8ToU32(std::string_view utf8);
std::string U32ToUtf8(std::u32string_view u32);

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_UTF8_H_
