// The process-wide Swedish lexicon for tests; fails the test and aborts when
// data/lexicon is missing (every lexicon test needs it).
#ifndef FINSAM_TESTS_SUPPORT_SHARED_LEXICON_H_
#define FINSAM_TESTS_SUPPORT_SHARED_LEXICON_H_

#include <gtest/gtest.h>

#include <cstdlib>

#include "normalizers/swedish_lexicon.h"

namespace finsam {

inline const SwedishLexicon& Lex() {
  const SwedishLexicon* lex = SwedishLexicon::Shared();
  if (!lex) {
    ADD_FAILURE() << "lexicon missing under " << SwedishLexicon::DefaultDataDir();
    std::abort();
  }
  return *lex;
}

}  // namespace finsam

#endif  // FINSAM_TESTS_SUPPORT_SHARED_LEXICON_H_
