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

#include <memory>
#include <string>
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

 private:
  std::vector<LearnedConfusion> rows_;
};

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_OCR_CONFUSIONS_H_
