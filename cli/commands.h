// The CLI's subcommands. Each takes the arguments after the command name and
// returns the process exit code: 0 ok, 1 some input failed (the rest was
// processed), 2 usage error. Data goes to stdout; progress and errors to
// stderr. The dispatch table is in cli/cli.cc.
#ifndef FINSAM_CLI_COMMANDS_H_
#define FINSAM_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace finsam {

using Args = std::vector<std::string>;

inline constexpr int kExitOk = 0;
inline constexpr int kExitInputFailed = 1;
inline constexpr int kExitUsage = 2;

int RunIngestCommand(const Args& args);   // cli/cmd_ingest.cc
int RunExtractCommand(const Args& args);  // cli/cmd_extract.cc
int RunCompareCommand(const Args& args);  // cli/cmd_compare.cc
int RunRepairCommand(const Args& args);   // cli/cmd_repair.cc (diacritics)
int RunReviewCommand(const Args& args);   // cli/cmd_review.cc (data quality)
int RunOrgsCommand(const Args& args);     // cli/cmd_orgs.cc
int RunCategoriesCommand(const Args& args);  // cli/cmd_orgs.cc
int RunDocsCommand(const Args& args);     // cli/cmd_docs.cc
int RunShowCommand(const Args& args);     // cli/cmd_show.cc
int RunExportCommand(const Args& args);   // cli/cmd_export.cc
int RunServeCommand(const Args& args);    // cli/cmd_serve.cc (web app)

int RunCli(int argc, char** argv);  // cli/cli.cc

}  // namespace finsam

#endif  // FINSAM_CLI_COMMANDS_H_
