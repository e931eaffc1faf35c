#include <iostream>
#include <memory>
#include <string>

#include "cli/cli_options.h"
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
    {"compare", RunCompareCommand, "organisation × year pivot of a metric from the database"},
    {"orgs", RunOrgsCommand, "list organisations; --rename, --merge"},
    {"docs", RunDocsCommand, "list documents with their organisation, kind, years, tables, facts, flags"},
    {"show", RunShowCommand, "print one document's tables as they were read"},
    {"export", RunExportCommand, "every fact, one row each (csv or jsonl), for spreadsheets and analysis"},
    {"categories", RunCategoriesCommand, "list the row categories (values of --metric)"},
    {"repair", RunRepairCommand, "restore Swedish å/ä/ö in OCR-stripped text"},
    {"review", RunReviewCommand, "data-quality flags: list, report, accept, correct"},
    {"serve", RunServeCommand, "local web app: review queue, compare charts, documents (127.0.0.1)"},
};

std::string CommandList() {
  std::string s = "commands:\n";
  for (const Command& c : kCommands) {
    std::string name = c.name;
    s += "  " + name + std::string(name.size() < 10 ? 10 - name.size() : 1, ' ') + c.summary + "\n";
  }
  s += "\n'finsam COMMAND --help' describes a command. Exit codes: 0 ok, 1 some input failed, 2 usage.";
  return s;
}

// The top level: --help and --version, then the command name. Parsing stops
// at the first argument the top level does not know (prefix command): that
// is the command name, and it and everything after it are left in
// remaining(), so "finsam ingest --help" is ingest's help.
std::unique_ptr<CLI::App> MakeTopLevelApp() {
  std::unique_ptr<CLI::App> app =
      MakeCommandApp("", "usage: finsam COMMAND [OPTIONS] [ARGS]",
                     "finsam turns samordningsförbund PDFs into a comparison database.", CommandList());
  app->set_version_flag("--version", std::string("finsam ") + FINSAM_VERSION, "print the version and exit");
  app->prefix_command();
  return app;
}

}  // namespace

int RunCli(int argc, char** argv) {
  std::unique_ptr<CLI::App> app = MakeTopLevelApp();
  if (argc < 2) {
    std::cerr << app->help();
    return kExitUsage;
  }
  Args args(argv + 1, argv + argc);
  if (args[0] == "help") {
    std::cout << app->help();
    return kExitOk;
  }
  if (std::optional<int> exit = ParseCommandLine(*app, "", args)) return *exit;
  const Args rest = app->remaining();
  if (rest.empty()) return UsageError("", "no COMMAND given");
  const std::string& command = rest[0];
  for (const Command& c : kCommands)
    if (command == c.name) return c.run(Args(rest.begin() + 1, rest.end()));
  return UsageError("", "unknown command '" + command + "'");
}

}  // namespace finsam
