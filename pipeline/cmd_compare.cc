#include <iostream>

#include "pipeline/commands.h"

namespace finsam {

int RunCompareCommand(const Args& args) {
  std::cerr << "finsam compare: not written yet\n";
  return kExitUsage;
}

}  // namespace finsam
