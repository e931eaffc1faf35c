#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace finsam {
namespace {

struct Command {
  const char* name;
  int (*run)(const Args&);
  const char* summary;
};

const Command kCommands[] = {
    {"ingest", RunIngestCommand, "read PDFs / text dumps and load them into the database"},
    {"extract", RunExtractCommand, "extract one document and print it (no database)"},
    {"compare", RunCompareCommand, "förbund × year pivot of a metric from the database"},
    {"repair", RunRepairCommand, "restore Swedish å/ä/ö in OCR-stripped text"},
    {"review", RunReviewCommand, "data-quality flags: list, report, accept, correct"},
};

void PrintUsage(std::ostream& os) {
  os << "usage: finsam COMMAND [OPTIONS] [ARGS]\n\n"
        "finsam turns samordningsförbund PDFs into a comparison database.\n\ncommands:\n";
  for (const Command& c : kCommands) os << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.summary << "\n";
  os << "\n'finsam COMMAND --help' describes a command. Exit codes: 0 ok, 1 some input failed, 2 usage.\n";
}

}  // namespace

int RunCli(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(std::cerr);
    return kExitUsage;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    PrintUsage(std::cout);
    return kExitOk;
  }
  if (cmd == "--version") {
    std::cout << "finsam " << FINSAM_VERSION << "\n";
    return kExitOk;
  }
  Args args(argv + 2, argv + argc);
  for (const Command& c : kCommands) {
    if (cmd == c.name) return c.run(args);
  }
  std::cerr << "finsam: unknown command '" << cmd << "'\n";
  PrintUsage(std::cerr);
  return kExitUsage;
}

}  // namespace finsam
