// Command-line parsing shared by the CLI's commands, on CLI11.
//
// Every command builds a CLI::App with MakeCommandApp, declares its options
// on it and calls ParseCommandLine. All commands therefore parse alike:
// "--db x" and "--db=x", short options with inline values ("-j4"), "--" to
// end options, the last of a repeated option wins; "--help" prints the
// usage on stdout (exit 0); an unknown option, a missing or bad value or a
// malformed number is one line on stderr and exit 2, before anything is
// done. CLI11's exceptions do not leave this file.
#ifndef FINSAM_CLI_CLI_OPTIONS_H_
#define FINSAM_CLI_CLI_OPTIONS_H_

#include <CLI/CLI.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "pipeline/pipeline.h"

namespace finsam {

// An App for `finsam <command>` whose help starts with `usage` (e.g.
// "usage: finsam ingest [OPTIONS] FILE|DIR..."), then `description`, the
// options CLI11 lists, and `footer`.
std::unique_ptr<CLI::App> MakeCommandApp(const std::string& command, const std::string& usage,
                                         const std::string& description, const std::string& footer);

// Parses `args` (the arguments after the command name). Returns nullopt when
// the command should run, otherwise the exit code: kExitOk after printing
// the help on stdout, kExitUsage after printing one error line on stderr.
std::optional<int> ParseCommandLine(CLI::App& app, const std::string& command, const Args& args);

// A validator accepting only a plain decimal integer in [lo, hi] ("12abc",
// "5.9", "0x10", " 3", "3 OR 1=1" are rejected).
CLI::Validator DecimalInteger(int64_t lo, int64_t hi);

// A validator accepting exactly one of `values` (CLI::IsMember without
// repeating the values in the help's type name).
CLI::Validator OneOf(std::vector<std::string> values);

// Parses `s` as a plain decimal integer in [lo, hi].
std::optional<int64_t> ParseDecimal(const std::string& s, int64_t lo, int64_t hi);

// The pipeline options shared by ingest and extract: --ocr, --dpi,
// -q/--quiet. `ocr` receives the policy name; ApplyOcrPolicy turns it into
// options->ocr after parsing.
void AddPipelineOptions(CLI::App& app, PipelineOptions* options, std::string* ocr);
void ApplyOcrPolicy(const std::string& ocr, PipelineOptions* options);

// Prints "finsam <command>: <message> (see 'finsam <command> --help')" on
// one line to stderr; returns kExitUsage.
int UsageError(const std::string& command, const std::string& message);

// Prints "finsam: <db_path>: <status message>" on one line to stderr;
// returns kExitInputFailed. For a database that cannot be opened or read.
int DatabaseError(const std::string& db_path, const Status& status);

// Replaces newlines and tabs with spaces so an error stays on one line;
// other control characters are escaped as in QuotePathForLog.
std::string OneLine(std::string s);

// A file name as messages print it: control characters escaped (\n, \r,
// \t, else \xNN; also DEL and the C1 controls U+0080..U+009F as their
// UTF-8 bytes), so a name cannot forge extra log lines or terminal escapes.
// Other names, Swedish letters included, come back unchanged.
std::string QuotePathForLog(std::string_view path);

}  // namespace finsam

#endif  // FINSAM_CLI_CLI_OPTIONS_H_
