#include <iostream>

#include "pipeline/commands.h"

namespace finsam {

int RunExtractCommand(const Args& args) {
  std::cerr << "finsam extract: not written yet\n";
  return kExitUsage;
}

}  // namespace finsam
