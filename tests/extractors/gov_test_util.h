// Test helper for the governance extractor tests: a Document read from
// plain text (the text reader's char-cell model, as for received.txt).
#ifndef FINSAM_TESTS_EXTRACTORS_GOV_TEST_UTIL_H_
#define FINSAM_TESTS_EXTRACTORS_GOV_TEST_UTIL_H_

#include <string>

#include "model/document.h"
#include "pipeline/input/text_reader.h"

namespace finsam::testing_gov {

inline Document TextDoc(const std::string& text, int year = 2020) {
  Document doc;
  doc.format = InputFormat::kText;
  ReadText(text, doc);
  doc.meta.year_from = year;
  return doc;
}

}  // namespace finsam::testing_gov

#endif  // FINSAM_TESTS_EXTRACTORS_GOV_TEST_UTIL_H_
