// Where finsam's data files (förbund registry, gazetteer, lexicon) live.
// Part of the model library so that every folder resolves them the same way.
#ifndef FINSAM_MODEL_DATA_DIR_H_
#define FINSAM_MODEL_DATA_DIR_H_

#include <string>

namespace finsam {

// $FINSAM_DATA_DIR; else a data/ folder next to the executable or in its
// parent (an installed layout, or build/ inside the source tree); else the
// source tree's data/ compiled in.
std::string DataDir();

}  // namespace finsam

#endif  // FINSAM_MODEL_DATA_DIR_H_
