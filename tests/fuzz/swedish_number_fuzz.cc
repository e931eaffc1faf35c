// Fuzz target: the Swedish number lexer (normalizers/swedish_number.h) on
// arbitrary bytes — one token run, its canonical form, the money unit, and
// the grouping of its space-separated tokens into numbers.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "normalizers/swedish_number.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (std::optional<finsam::SwedishNumber> n = finsam::ParseSwedishNumber(text)) {
    // What the lexer read, printed back the documents' way, reads again.
    if (std::isfinite(n->value) && !n->is_nil && !n->is_percent) {
      const std::string printed = finsam::FormatPrinted(n->value);
      if (!finsam::ParseSwedishNumber(printed)) std::abort();
      (void)finsam::ToKronor(n->value, 1000);
    }
  }
  if (std::optional<double> amount = finsam::ParseAmount(text)) (void)finsam::ToKronor(*amount, 1000000);
  (void)finsam::CanonicalNumberText(text);
  (void)finsam::IsNumericToken(text);
  (void)finsam::DetectMoneyUnit(text);
  std::vector<std::string> tokens;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ') {
      if (i > start) tokens.emplace_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (tokens.size() <= 64) {
    const int count = size ? 1 + data[0] % 6 : 1;
    for (const std::vector<std::string>& grouping : finsam::GroupNumberTokens(tokens, count, 8))
      if (static_cast<int>(grouping.size()) != count) std::abort();
  }
  return 0;
}
