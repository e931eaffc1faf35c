// Diacritic repair: gives Swedish text back the å/ä/ö that an English OCR
// model stripped ("for" → "för") or garbled ("férbattra" → "förbättra",
// "6ver" → "över", "&r" → "är", "dven" → "även").
//
// A noisy-channel corrector. For every word it proposes candidates from an
// OCR confusion model (a→å/ä, o→ö, é→ö/ä/å, 6→ö, &→ä/å, 4→å/ä, d→ä/ö, …)
// through the lexicon's skeleton index, validates them (word lists, gazetteer,
// hunspell compounds, and a compound split for words no list holds), and
// picks the best sequence with a word-bigram language model (Viterbi), so
// words valid both ways ("for"/"för", "ar"/"år"/"är", "stod"/"stöd") are
// decided by their neighbours; a trigram pass and a context-word model
// (SwedishLexicon::ContextLogLikelihoods: words up to six away, the
// neighbours' word classes) then re-decide them. A word hyphenated across a
// line end is repaired as one word and split back.
//
// Invariants: the output has the same whitespace and the same tokens; only
// letters inside words change (plus the garbled 6 & 4 inside words). Numbers,
// amounts, dates, URLs and e-mail addresses pass byte for byte. Case is kept
// ("FORBUNDET" → "FÖRBUNDET", "Forbundet" → "Förbundet").
//
// A DiacriticRepairer is cheap, immutable and thread-safe; it borrows the
// lexicon, which must outlive it.
#ifndef FINSAM_NORMALIZERS_DIACRITIC_REPAIR_H_
#define FINSAM_NORMALIZERS_DIACRITIC_REPAIR_H_

#include <string>
#include <string_view>
#include <vector>

#include "normalizers/ocr_confusions.h"
#include "normalizers/swedish_lexicon.h"

namespace finsam {

// One whitespace-free token of the input, in reading order.
struct RepairToken {
  std::string text;
  // True when a paragraph, table cell or page boundary precedes the token:
  // the context model does not look across it.
  bool break_before = false;
  // Any id shared by the tokens of one line (-1: unknown). Lets the repairer
  // tell a lone "|" in prose (an OCR'd "I") from a table rule.
  int line = -1;
};

// One changed token, for --explain and for the pipeline's bookkeeping.
struct WordChange {
  size_t token = 0;      // index into the input tokens
  std::string original;  // the token as given
  std::string repaired;  // the token after repair
  double score = 0;      // log-odds of the repair against keeping the token
  std::string reason;    // one line: which letters, why
};

struct RepairOptions {
  // Share of å/ä/ö the OCR lost, 0..1; < 0 estimates it from the text (share
  // of å/ä/ö among letters against the 4.8% of clean Swedish).
  double strip_rate = -1;
  // Minimum log-odds to change a word that is valid as written.
  double min_change_margin = 0.5;
  // Weight of the context-word model (SwedishLexicon::ContextLogLikelihoods)
  // for words valid both ways; 0 turns it off.
  double context_weight = 1.0;
  // The learned OCR confusion table (data/ocr_confusions.tsv) adds the
  // confusions beyond the common ones for words that are no word as written:
  // ö read as two letters, a lost letter, a digit for ä/ö. null: the shared
  // table (OcrConfusionTable::Shared(); none when the file is absent).
  bool use_learned_confusions = true;
  const OcrConfusionTable* confusions = nullptr;
};

class DiacriticRepairer {
 public:
  explicit DiacriticRepairer(const SwedishLexicon& lexicon, RepairOptions options = {});

  // Returns the repaired tokens (same count as `tokens`); appends one entry
  // to *changes (may be null) per changed token.
  std::vector<std::string> RepairTokens(const std::vector<RepairToken>& tokens,
                                        std::vector<WordChange>* changes) const;

  // Repairs running text: splits on whitespace, keeps every whitespace byte
  // and line as it is. Blank lines separate context.
  std::string RepairText(std::string_view text, std::vector<WordChange>* changes) const;

  // Share of stripped diacritics estimated from the letters of `tokens`.
  static double EstimateStripRate(const std::vector<RepairToken>& tokens);

 private:
  const SwedishLexicon& lex_;
  RepairOptions options_;
};

// Splits text into RepairTokens the way RepairText does (whitespace runs;
// break_before after a blank line or a tab).
std::vector<RepairToken> TokenizeForRepair(std::string_view text);

// Replaces the whitespace-separated tokens of `text`, in order, by `tokens`
// (one each), keeping every whitespace byte as it is. False, *out untouched,
// when the counts differ.
bool SubstituteTokens(std::string_view text, const std::vector<std::string>& tokens, std::string* out);

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_DIACRITIC_REPAIR_H_
