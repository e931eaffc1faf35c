// Alignment of OCR output with the text it was made from, for learning the
// OCR confusion model (bench/learn_ocr_confusions.cc) and for measuring
// diacritic repair on real OCR, where words are split, merged or lost and
// the two texts cannot be compared position by position.
//
// Character alignment: weighted edit distance (Levenshtein with cheaper
// substitutions between letters of one skeleton, a/å/ä, o/ö/é), so that
// "förslag" / "foérslag" aligns ö with o and an inserted é, not the other way.
// Word alignment: the same over whitespace-separated words, with a
// substitution cost from how alike the words are.
//
// Pure functions of their inputs; no state.
#ifndef FINSAM_NORMALIZERS_OCR_ALIGNMENT_H_
#define FINSAM_NORMALIZERS_OCR_ALIGNMENT_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace finsam {

// One column of a character alignment: an intended (source) code point and
// what was observed for it; 0 on either side is the empty string (an
// insertion or a deletion by the OCR).
struct AlignedColumn {
  char32_t intended = 0;
  char32_t observed = 0;
};

// Aligns two texts code point by code point (O(n·m) time, n·m bytes of
// memory: meant for pages of a few thousand characters).
std::vector<AlignedColumn> AlignCharacters(std::u32string_view intended, std::u32string_view observed);

// One intended letter of a word and the observed string that stands for it
// (empty: the letter was lost). Insertions by the OCR are attached to the
// neighbouring intended letter that was itself misread (left first), else
// to the letter on their left, so "ö" → "oé" is one event, not two.
struct LetterEvent {
  char32_t intended = 0;
  std::u32string observed;
  // Where the letter stands in its word.
  enum Position { kInitial, kMedial, kFinal } position = kMedial;
};

// Turns an alignment into letter events, one per intended letter of each
// word (letters only; spaces and punctuation end words). Words whose
// alignment is too far off (more than half their letters misread) are left
// out: they come from lines the OCR lost or mixed up.
std::vector<LetterEvent> LetterEvents(const std::vector<AlignedColumn>& columns);

// Pairs (intended word index, observed word index) of the words that align
// one to one (equal or substituted; split, merged and lost words have none).
std::vector<std::pair<size_t, size_t>> AlignWords(const std::vector<std::string>& intended,
                                                  const std::vector<std::string>& observed);

// Counts of a repair measured against the truth on real OCR output.
struct RepairTally {
  size_t damaged = 0;    // aligned words misread in a way diacritic repair is for
  size_t restored = 0;   // ... repaired to exactly the truth
  size_t correct = 0;    // aligned words read correctly
  size_t untouched = 0;  // ... left as they were
  size_t other = 0;      // aligned words misread otherwise (not counted above)
  double Restored() const { return damaged ? static_cast<double>(restored) / damaged : 0; }
  double Untouched() const { return correct ? static_cast<double>(untouched) / correct : 0; }
  void Add(const RepairTally& t) {
    damaged += t.damaged, restored += t.restored, correct += t.correct, untouched += t.untouched, other += t.other;
  }
};

// Scores a repair of OCR text: `truth` is what was printed, `observed` the
// OCR output, `repaired` the repair of `observed` (same whitespace-separated
// tokens). Words are aligned truth↔observed. A word is damaged when the truth
// has å/ä/ö/é, the observed word differs, and the two differ by at most two
// letters besides the confusions of those letters; other misreadings (lost
// digits, "rn" for "m") are counted in `other` only. *misses (may be null)
// gets "observed → repaired (want truth)" lines for the failures.
RepairTally ScoreRepair(std::string_view truth, std::string_view observed, std::string_view repaired,
                        std::vector<std::string>* misses);

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_OCR_ALIGNMENT_H_
