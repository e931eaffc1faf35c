// Fuzz target: text input from bytes to the document model — decoding
// (normalizers/unicode.h DecodeText: UTF-8, windows-1252, UTF-16, binary
// rejection), the UTF-8 helpers (normalizers/utf8.h), ICU normalization and
// folding, and the text reader (pipeline/input/text_reader.h).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "model/document.h"
#include "normalizers/unicode.h"
#include "normalizers/utf8.h"
#include "pipeline/input/text_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  // One policy for ill-formed bytes: whatever comes in, valid UTF-8 comes out.
  const std::string repaired = finsam::RepairUtf8(bytes);
  if (!finsam::IsValidUtf8(repaired)) std::abort();
  if (finsam::IsValidUtf8(bytes) && repaired != bytes) std::abort();
  const std::u32string u32 = finsam::Utf8ToU32(repaired);
  if (u32.size() != finsam::CodePointCount(repaired)) std::abort();
  if (finsam::U32ToUtf8(u32) != repaired) std::abort();
  for (size_t i = 0; i < bytes.size();) finsam::NextCodePoint(bytes, &i);

  std::string note;
  finsam::Result<std::string> text = finsam::DecodeText(bytes, &note);
  if (!text.ok()) return 0;
  if (!finsam::IsValidUtf8(*text)) std::abort();
  (void)finsam::Nfc(*text);
  (void)finsam::FoldKey(*text);
  (void)finsam::ToLower(*text);
  finsam::Document doc;
  doc.format = finsam::InputFormat::kText;
  finsam::ReadText(*text, doc);
  for (const finsam::Page& page : doc.pages)
    for (const finsam::Line& line : page.lines)
      for (const finsam::Word& word : line.words)
        if (word.text.empty() || word.box.x1 < word.box.x0) std::abort();
  return 0;
}
