// Placeholder until the data-quality issue lands.
#include <iostream>

#include "pipeline/commands.h"

namespace finsam {

int RunReviewCommand(const Args& args) {
  std::cerr << "finsam review: not available yet\n";
  return kExitUsage;
}

}  // namespace finsam
