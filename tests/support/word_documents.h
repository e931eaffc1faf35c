// The made-up Word documents of tests/data/unseen/word/ (README.md there):
// thirty-nine documents of fictitious förbund written in LibreOffice Writer, each
// as a born-digital PDF (ID.pdf), an image-only scan (ID.scan.pdf) and an
// English-model Tesseract dump (ID.ocr.txt), with hand-checked facts
// (ID.expected.tsv). Used by tests/cli/word_documents_test.cc (PDFs, dumps)
// and tests/cli/word_documents_ocr_test.cc (scans).
#ifndef FINSAM_TESTS_SUPPORT_WORD_DOCUMENTS_H_
#define FINSAM_TESTS_SUPPORT_WORD_DOCUMENTS_H_

#include <string>
#include <utility>
#include <vector>

#include "tests/support/layout_variants.h"

namespace finsam {

inline const std::vector<std::string>& WordDocumentIds() {
  static const std::vector<std::string> kIds = {"w1-vp-sydnarke", "w2-ar-varmland", "w3-vp-sydnarke-tabs",
                                                "w4-ar-vastraostergotland-tabs", "w5-vp-kalmar-mnkr",
                                                "w6-ar-norrbotten-borderless", "w7-dr-uppsala",
                                                "w8-vp-ostraskaraborg", "w9-ar-aseledorotea",
                                                "w10-vp-centralaostergotland", "w11-ar-malardalenvast",
                                                "w12-vp-norraalvsborg", "w13-ar-sodradalarna",
                                                "w14-ar-ostrasodertorn", "w15-vp-ljusdalhudiksvall",
                                                "w16-ar-vasternorrland", "w17-vp-umea",
                                                "w18-vp-gotland", "w19-ar-halland", "w20-vp-blekinge",
                                                "w21-ar-jonkoping", "w22-dr-skelleftea",
                                                "w23-ar-vastramalardalen", "w24-vp-sormland", "w25-ar-malmo",
                                                "w26-vp-helsingborg", "w27-ar-norrtalje",
                                                "w28-vp-vast", "w29-vp-stockholm", "w30-ar-goteborg",
                                                "w31-ar-vasteras", "w32-vp-kristianstad", "w33-dr-sundsvall",
                                                "w34-vp-norralappland", "w35-vp-nedredalalven",
                                                "w36-ar-lidkopinggotene", "w37-ar-vastraskaraborg",
                                                "w38-dr-norrabohuslan", "w39-vp-sodraroslagen",
                                                "w40-ar-sjuharad", "w41-dr-trelleborg",
                                                "w42-vp-hoglandet", "w43-ar-norravastmanland",
                                                "w44-vp-ostravarmland",
                                                "w45-ar-nordostraskane", "w46-vp-mittskane",
                                                "w47-ar-odeshogboxholm", "w48-vp-consensus"};
  return kIds;
}

// suffix: ".pdf", ".scan.pdf" or ".ocr.txt".
inline std::vector<Scored> ScoreWordDocuments(const std::string& suffix) {
  const std::string dir = std::string(FINSAM_SOURCE_DIR) + "/tests/data/unseen/word/";
  std::vector<std::pair<std::string, std::string>> inputs;
  for (const std::string& id : WordDocumentIds()) inputs.push_back({dir + id + suffix, dir + id + ".expected.tsv"});
  return ScoreInputs(inputs);
}

}  // namespace finsam

#endif  // FINSAM_TESTS_SUPPORT_WORD_DOCUMENTS_H_
