// The learned OCR confusion table (data/ocr_confusions.tsv): how often
// Tesseract's English model reads an intended Swedish letter as some string
// (one letter, two letters, or nothing), by the letter's place in its word.
// Learned by bench/learn_ocr_confusions.cc from rendered text
// (scripts/learn_ocr_confusions.sh); diacritic repair uses it as the
// noisy channel P(observed | intended) for the confusions beyond the common
// a→å/ä, o→ö (normalizers/diacritic_repair.cc).
//
// Immutable after loading; thread-safe to share.
#ifndef FINSAM_NORMALIZERS_OCR_CONFUSIONS_H_
#define FINSAM_NORMALIZERS_OCR_CONFUSIONS_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace finsam {

// Where a letter stands in its word (initial also for one-letter words).
enum class LetterPlace { kInitial = 0, kMedial = 1, kFinal = 2 };

struct LearnedConfusion {
  LetterPlace place = LetterPlace::kMedial;
  char32_t intended = 0;    // lowercase
  std::u32string observed;  // lowercase; empty: the letter was lost
  long count = 0;           // times seen
  double log_prob = 0;      // log P(observed | intended, place)
};

// The readings of å/ä/ö that diacritic repair tries, with smoothed
// log-probabilities (see OcrConfusionTable::Smoothed).
// Readings never seen have count -1.
struct SmoothedDiacriticChannel {
  // One-letter readings by the observed letter.
  std::unordered_map<char32_t, std::vector<LearnedConfusion>> single;
  // Two-letter readings by PairKey(first, second) of the observed letters.
  std::unordered_map<uint64_t, std::vector<LearnedConfusion>> pair;
  // A lost letter, one row per intended letter and place.
  std::vector<LearnedConfusion> lost;
  static uint64_t PairKey(char32_t a, char32_t b) { return (static_cast<uint64_t>(a) << 32) | b; }
};

class OcrConfusionTable {
 public:
  // Parses the TSV (see data/ocr_confusions.tsv's header). nullptr and
  // *error on a missing or malformed file.
  static std::unique_ptr<OcrConfusionTable> Load(const std::string& path, std::string* error);
  // DataDir()/ocr_confusions.tsv, loaded once; nullptr when it is absent.
  static const OcrConfusionTable* Shared();

  // The confusions (observed != intended) of the intended letters å, ä and ö,
  // the only ones diacritic repair gives back, with at least `min_count`
  // observations.
  std::vector<LearnedConfusion> DiacriticConfusions(long min_count) const;
  const std::vector<LearnedConfusion>& all() const { return rows_; }

  // The table as a channel for å/ä/ö with backoff, built once (thread-safe):
  //  - a reading seen at least kMinPooled times over all places gets
  //    P = (c_place + a·P_pooled) / (N_place + a), a = kBackoffWeight: its
  //    count at this place shrunk towards its rate over all places, so an
  //    initial å read "aa" borrows from the medial å "aa" seen;
  //  - a two-letter reading never seen whose letters are each a reading of
  //    that letter (seen kMinPooled times) or a glyph seen as the extra one
  //    in some two-letter reading ("d&", "a4", "dg" for ä/ä/ö) shares the
  //    unseen mass n2/N (Good-Turing with the readings seen twice, the
  //    table keeps no singletons) equally;
  //  - a lost letter at each place: (c + b·r) / (N_place + b), r the lost
  //    rate over all three letters and places, b = kLostBackoffWeight.
  const SmoothedDiacriticChannel& Smoothed() const;

  static constexpr long kMinPooled = 2;
  static constexpr double kBackoffWeight = 100;
  static constexpr double kLostBackoffWeight = 100;

 private:
  std::vector<LearnedConfusion> rows_;
  mutable std::once_flag smoothed_once_;
  mutable std::unique_ptr<SmoothedDiacriticChannel> smoothed_;
};

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_OCR_CONFUSIONS_H_
