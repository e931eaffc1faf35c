#include "normalizers/unicode.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

#include "normalizers/utf8.h"

namespace finsam {
namespace {

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string Normalize(std::string_view in, const icu::Normalizer2* n) {
  if (!n) return std::string(in);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), in.size()));
  UErrorCode err = U_ZERO_ERROR;
  if (n->isNormalized(u, err) && U_SUCCESS(err)) return std::string(in);
  err = U_ZERO_ERROR;
  icu::UnicodeString out = n->normalize(u, err);
  if (U_FAILURE(err)) return std::string(in);
  return ToUtf8(out);
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

}  // namespace

std::string Nfc(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  UErrorCode err = U_ZERO_ERROR;
  return Normalize(utf8, icu::Normalizer2::getNFCInstance(err));
}

std::string Nfkc(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  UErrorCode err = U_ZERO_ERROR;
  return Normalize(utf8, icu::Normalizer2::getNFKCInstance(err));
}

// Swedish case mapping has no special rule for ASCII letters; one locale
// object serves every call (building it per call cost more than the mapping).
const icu::Locale& SwedishLocale() {
  static const icu::Locale* locale = new icu::Locale("sv", "SE");
  return *locale;
}

std::string ToLower(std::string_view utf8) {
  if (IsAscii(utf8)) {
    std::string out(utf8);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  u.toLower(SwedishLocale());
  return ToUtf8(u);
}

std::string ToUpper(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  u.toUpper(SwedishLocale());
  return ToUtf8(u);
}

char FoldedLetter(char32_t c) {
  // Capitals À…Þ (but ×) sit 0x20 below their small letters.
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) c += 0x20;
  switch (c) {
    case U'å': case U'ä': case U'à': case U'á': case U'â': return 'a';
    case U'ö': case U'ø': case U'ó': case U'ò': case U'ô': return 'o';
    case U'é': case U'è': case U'ê': case U'ë': return 'e';
    case U'ü': return 'u';
    default: return 0;
  }
}

std::string FoldKey(std::string_view utf8) {
  std::string lower = ToLower(Nfc(utf8));
  std::string out;
  out.reserve(lower.size());
  for (size_t i = 0; i < lower.size();) {
    size_t start = i;
    char rep = FoldedLetter(NextCodePoint(lower, &i));
    if (rep) out.push_back(rep);
    else out.append(lower, start, i - start);
  }
  return out;
}

Result<std::string> DecodeText(std::string_view bytes, std::string* note) {
  auto convert = [&](const char* charset, std::string_view data) -> Result<std::string> {
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeString u(data.data(), static_cast<int32_t>(data.size()), charset);
    (void)err;
    if (u.isBogus()) return Status::Corrupt(std::string("cannot decode as ") + charset);
    return ToUtf8(u);
  };
  if (bytes.size() >= 2 && ((unsigned char)bytes[0] == 0xFF && (unsigned char)bytes[1] == 0xFE)) {
    if (note) *note = "decoded as UTF-16LE";
    return convert("UTF-16LE", bytes.substr(2));
  }
  if (bytes.size() >= 2 && ((unsigned char)bytes[0] == 0xFE && (unsigned char)bytes[1] == 0xFF)) {
    if (note) *note = "decoded as UTF-16BE";
    return convert("UTF-16BE", bytes.substr(2));
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  // Binary data: NUL bytes or a high share of control characters.
  size_t controls = 0;
  for (unsigned char c : bytes) {
    if (c == 0) return Status::Corrupt("binary data (NUL bytes), not a text file");
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (bytes.size() > 0 && controls * 20 > bytes.size()) return Status::Corrupt("binary data, not a text file");
  size_t bad = 0;
  if (IsValidUtf8(bytes, &bad)) return std::string(bytes);
  if (note) *note = "not valid UTF-8 at byte " + std::to_string(bad) + "; decoded as windows-1252";
  return convert("windows-1252", bytes);
}

}  // namespace finsam
