// Swedish number words and share words, as the governance extractors read
// them from running text ("åtta ledamöter", "hälften av platserna").
// Stripped spellings ("atta", "tva", "halften") and any case are accepted.
#ifndef FINSAM_NORMALIZERS_SWEDISH_WORDS_H_
#define FINSAM_NORMALIZERS_SWEDISH_WORDS_H_

#include <optional>
#include <string_view>

namespace finsam {

// "en"/"ett" 1 … "tjugo" 20, also "trettio", "fyrtio", "femtio"; accepts
// stripped spellings ("atta", "tva") and any case. nullopt otherwise.
std::optional<int> SwedishNumberWord(std::string_view word);
// A count written as digits ("8") or as a number word ("åtta").
std::optional<int> ParseCount(std::string_view word);
// "hälften" 0.5, "halva" 0.5, "en fjärdedel"/"fjärdedel" 0.25,
// "tredjedel" 1/3, "en femtedel" 0.2 … (stripped spellings accepted).
std::optional<double> SwedishShareWord(std::string_view text);

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_SWEDISH_WORDS_H_
