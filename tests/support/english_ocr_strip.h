// Damages clean Swedish the way an English OCR model does, for held-out
// measurements of diacritic repair (bench_repair and the held-out tests).
// Rates from data/lexicon/README.md: å → a 95%, & 2%, 4 1%, d 1%;
// ä → a 93%, 4 2%, d 1.3%, i 1%, é 1%; ö → é 61%, o 21%, d 7%, 6 7%; the rest
// kept. Capitals likewise (É for é). Deterministic for a given generator.
#ifndef FINSAM_TESTS_SUPPORT_ENGLISH_OCR_STRIP_H_
#define FINSAM_TESTS_SUPPORT_ENGLISH_OCR_STRIP_H_

#include <cctype>
#include <random>
#include <string>

#include "normalizers/swedish_lexicon.h"
#include "normalizers/utf8.h"

namespace finsam {

inline std::string StripLikeEnglishOcr(const std::string& clean, std::mt19937* rng) {
  std::u32string u = Utf8ToU32(clean);
  std::u32string out;
  std::uniform_real_distribution<double> uni(0, 1);
  for (char32_t c : u) {
    const bool upper = c == U'Å' || c == U'Ä' || c == U'Ö';
    const char32_t l = upper ? (c == U'Å' ? U'å' : c == U'Ä' ? U'ä' : U'ö') : c;
    const double r = uni(*rng);
    std::u32string rep;
    if (l == U'å') {
      rep = r < 0.95 ? U"a" : r < 0.97 ? U"&" : r < 0.98 ? U"4" : r < 0.99 ? U"d" : U"å";
    } else if (l == U'ä') {
      rep = r < 0.93 ? U"a" : r < 0.95 ? U"4" : r < 0.963 ? U"d" : r < 0.973 ? U"i" : r < 0.983 ? U"é" : U"ä";
    } else if (l == U'ö') {
      rep = r < 0.61 ? U"é" : r < 0.82 ? U"o" : r < 0.89 ? U"d" : r < 0.96 ? U"6" : U"ö";
    } else {
      out.push_back(c);
      continue;
    }
    if (rep.size() == 1 && (rep[0] == U'å' || rep[0] == U'ä' || rep[0] == U'ö')) {
      out.push_back(c);  // kept
      continue;
    }
    if (upper) {
      for (char32_t& x : rep) {
        x = x == U'é' ? U'É' : (x < 128 ? static_cast<char32_t>(std::toupper(static_cast<int>(x))) : x);
      }
    }
    out += rep;
  }
  return U32ToUtf8(out);
}

}  // namespace finsam

#endif  // FINSAM_TESTS_SUPPORT_ENGLISH_OCR_STRIP_H_
