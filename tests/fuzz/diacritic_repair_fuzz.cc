// Fuzz target: diacritic repair of one line (normalizers/diacritic_repair.h).
// The lexicon is loaded once (SwedishLexicon::Shared: data dir resolved as
// model/data_dir.h DataDir, cached under $FINSAM_CACHE_DIR). Checks the
// repairer's invariant: the same tokens come out, in the same places.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "model/data_dir.h"
#include "normalizers/diacritic_repair.h"
#include "normalizers/swedish_lexicon.h"
#include "normalizers/utf8.h"

namespace {

const finsam::DiacriticRepairer& Repairer() {
  static const finsam::DiacriticRepairer* repairer = [] {
    const finsam::SwedishLexicon* lex = finsam::SwedishLexicon::Shared();
    if (!lex) {
      std::fprintf(stderr, "lexicon missing under %s\n", finsam::DataDir().c_str());
      std::abort();
    }
    return new finsam::DiacriticRepairer(*lex);
  }();
  return *repairer;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  Repairer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 2048) return 0;
  std::string_view line(reinterpret_cast<const char*>(data), size);
  std::vector<finsam::WordChange> changes;
  const std::string out = Repairer().RepairText(line, &changes);
  if (finsam::IsValidUtf8(line)) {
    if (!finsam::IsValidUtf8(out)) std::abort();
    if (finsam::TokenizeForRepair(out).size() != finsam::TokenizeForRepair(line).size()) std::abort();
  }
  return 0;
}
