// Words of a short OCR-read text (a table row label) that Tesseract read a
// letter or two wrong: a diacritic added or lost ("Försäkringskåssan",
// "Förutbetälda"), l read as i ("Halisbergs"), n as ri ("Regiori") and ri
// as n ("Försäknngskassan"), a stray stroke read as a letter ("Summia"), a
// word split in two ("Kortfri stiga"). Tesseract's Swedish model makes these
// on scans; the English model's stripped å/ä/ö are diacritic_repair.h's.
//
// A word is judged only when it is letters (and hyphens) and at least four
// letters long; all-capital words of up to five letters are abbreviations
// and left alone. A judged word that the lexicon does not know is rebuilt
// by one OCR edit (kOcrEdits in the .cc) when exactly one rebuilt spelling
// is a known word, or one is far more frequent than every other; else it
// stays as read and is reported unknown, so the caller can flag the label.
//
// A word of seven letters or more that no one edit rebuilds is then tried
// further (a guess, reported in `guessed` so the caller flags it): two OCR
// edits, the marks of å/ä/ö moved with one stray letter ("Strangnåas" for
// Strängnäs, through the lexicon's skeleton index), one letter read as any
// other ("Mealemsavgifter" for Medlemsavgifter), or one OCR edit and one
// such letter ("intakier" for intäkter). Only words texts use (SwedishLexicon::Seen) that are valid
// Swedish count, at the fewest edits that find any, and one must be e^3
// times as frequent as the next.
#ifndef FINSAM_NORMALIZERS_OCR_MISREADS_H_
#define FINSAM_NORMALIZERS_OCR_MISREADS_H_

#include <string>
#include <vector>

#include "normalizers/swedish_lexicon.h"

namespace finsam {

struct OcrMisreadRepair {
  std::string text;                        // words joined by single spaces
  std::vector<std::string> repaired;       // "Summia→Summa", one per change
  std::vector<std::string> unknown;        // judged words still unknown, as read
  std::vector<std::string> guessed;        // "Mealemsavgifter→Medlemsavgifter": rebuilt by a guess
                                           // (also in `repaired`)
};

// `text` with misread words rebuilt where the lexicon confirms one reading.
OcrMisreadRepair RepairOcrMisreads(const std::string& text, const SwedishLexicon& lex);

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_OCR_MISREADS_H_
