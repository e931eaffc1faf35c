#include <iostream>

#include "pipeline/commands.h"

namespace finsam {

int RunIngestCommand(const Args& args) {
  std::cerr << "finsam ingest: not written yet\n";
  return kExitUsage;
}

}  // namespace finsam
