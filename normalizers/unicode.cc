#include "normalizers/unicode.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

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

std::string ToLower(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  u.toLower(icu::Locale("sv", "SE"));
  return ToUtf8(u);
}

std::string ToUpper(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  u.toUpper(icu::Locale("sv", "SE"));
  return ToUtf8(u);
}

std::string FoldKey(std::string_view utf8) {
  std::string lower = ToLower(Nfc(utf8));
  std::string out;
  out.reserve(lower.size());
  for (size_t i = 0; i < lower.size(); ++i) {
    unsigned char c = lower[i];
    if (c == 0xC3 && i + 1 < lower.size()) {
      unsigned char d = lower[i + 1];
      char rep = 0;
      if (d == 0xA5 || d == 0xA4 || d == 0xA0 || d == 0xA1 || d == 0xA2) rep = 'a';  // å ä à á â
      else if (d == 0xB6 || d == 0xB8 || d == 0xB3 || d == 0xB2) rep = 'o';  // ö ø ó ò
      else if (d == 0xA9 || d == 0xA8 || d == 0xAA) rep = 'e';               // é è ê
      else if (d == 0xBC) rep = 'u';                                         // ü
      if (rep) {
        out.push_back(rep);
        ++i;
        continue;
      }
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > n) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    for (int k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
        if (bad_offset) *bad_offset = i;
        return false;
      }
    }
    if (len == 2 && c < 0xC2) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
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

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace finsam
