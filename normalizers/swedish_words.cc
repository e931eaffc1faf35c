#include "normalizers/swedish_words.h"

#include <algorithm>
#include <string>

#include "normalizers/text.h"

namespace finsam {
namespace {

struct WordValue {
  const char* folded;
  int value;
};

// Folded spellings; the folding makes "åtta"/"atta" and "två"/"tva" one key.
constexpr WordValue kNumberWords[] = {
    {"en", 1},       {"ett", 1},      {"tva", 2},      {"tre", 3},      {"fyra", 4},
    {"fem", 5},      {"sex", 6},      {"sju", 7},      {"atta", 8},     {"nio", 9},
    {"tio", 10},     {"elva", 11},    {"tolv", 12},    {"tretton", 13}, {"fjorton", 14},
    {"femton", 15},  {"sexton", 16},  {"sjutton", 17}, {"arton", 18},   {"aderton", 18},
    {"nitton", 19},  {"tjugo", 20},   {"trettio", 30}, {"fyrtio", 40},  {"femtio", 50},
};

}  // namespace

std::optional<int> SwedishNumberWord(std::string_view word) {
  std::string f = CollapseSpaces(Fold(word));
  for (const WordValue& w : kNumberWords)
    if (f == w.folded) return w.value;
  return std::nullopt;
}

std::optional<int> ParseCount(std::string_view word) {
  std::string s = CollapseSpaces(word);
  if (!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      s.size() < 9)
    return std::stoi(s);
  return SwedishNumberWord(s);
}

std::optional<double> SwedishShareWord(std::string_view text) {
  std::string f = Fold(text);
  if (f.find("halften") != std::string::npos || f.find("halva") != std::string::npos) return 0.5;
  if (f.find("fjardedel") != std::string::npos) return 0.25;
  if (f.find("tredjedel") != std::string::npos) return 1.0 / 3.0;
  if (f.find("femtedel") != std::string::npos) return 0.2;
  if (f.find("sjattedel") != std::string::npos) return 1.0 / 6.0;
  if (f.find("attondel") != std::string::npos) return 0.125;
  return std::nullopt;
}

}  // namespace finsam
