// Placeholder until the diacritic-repair issue lands.
#include <iostream>

#include "pipeline/commands.h"

namespace finsam {

int RunRepairCommand(const Args& args) {
  std::cerr << "finsam repair: not available yet\n";
  return kExitUsage;
}

}  // namespace finsam
