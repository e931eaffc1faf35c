// Thin ICU adapter for text normalization used by every stage.
//  - Nfc: canonical composition, so "a\u0308" and "ä" compare equal.
//  - ToLower / ToUpper: Swedish case mapping.
//  - DecodeText: turns input bytes into UTF-8 (BOMs, UTF-16, and a
//    Windows-1252 fallback for legacy Swedish dumps).
#ifndef FINSAM_NORMALIZERS_UNICODE_H_
#define FINSAM_NORMALIZERS_UNICODE_H_

#include <string>
#include <string_view>

#include "model/status.h"

namespace finsam {

std::string Nfc(std::string_view utf8);
// NFKC: also folds ligatures (ﬁ → fi) and compatibility spaces.
std::string Nfkc(std::string_view utf8);
std::string ToLower(std::string_view utf8);
std::string ToUpper(std::string_view utf8);
// Lowercase plus removal of the Swedish diacritics (å→a, ä→a, ö→o, é→e):
// a key for fuzzy matching of names ("Gavleborg" ~ "Gävleborg").
std::string FoldKey(std::string_view utf8);

// The one accent-folding table (FoldKey and normalizers/text.h Fold use it):
// the lowercase ASCII letter a Latin letter with a diacritic folds to
// (å ä à á â → 'a', ö ø ó ò ô → 'o', é è ê ë → 'e', ü → 'u', and their
// capitals), or 0 for any other code point.
char FoldedLetter(char32_t c);

// Decodes a text file's bytes to UTF-8. Sets *note to a one-line remark when
// a conversion was applied ("decoded as windows-1252"). Fails with kCorrupt
// for binary data (NUL bytes or many control characters).
Result<std::string> DecodeText(std::string_view bytes, std::string* note);

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_UNICODE_H_
