// Tiny argument scanner shared by the CLI commands (ingest, extract, compare).
//
// Accepts "--name VALUE", "--name=VALUE", short flags ("-j 4", "-j4") and "--"
// to end options. Commands loop over the arguments with Next() and ask for
// option values with Value(); errors are one-line usage messages.
#ifndef FINSAM_CLI_CLI_ARGS_H_
#define FINSAM_CLI_CLI_ARGS_H_

#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "pipeline/pipeline.h"

namespace finsam {

class ArgScanner {
 public:
  explicit ArgScanner(const Args& args) : args_(args) {}

  // Advances to the next argument. Returns false at the end. After it,
  // is_option() says whether the argument is an option (name() is "--db",
  // "-j", ...) or a positional argument (positional() holds it).
  bool Next();
  bool is_option() const { return is_option_; }
  const std::string& name() const { return name_; }
  const std::string& positional() const { return positional_; }

  // The option's value: the "=VALUE" part or the next argument. Sets error()
  // and returns nullopt when there is none.
  std::optional<std::string> Value();
  // Value() parsed as an integer in [lo, hi].
  std::optional<int> IntValue(int lo, int hi);

  // First usage error met, "" when none.
  const std::string& error() const { return error_; }
  void SetError(const std::string& e) {
    if (error_.empty()) error_ = e;
  }

 private:
  const Args& args_;
  size_t i_ = 0;
  bool options_done_ = false;
  bool is_option_ = false;
  std::string name_, positional_;
  std::optional<std::string> inline_value_;
  std::string error_;
};

// Parses "auto" | "never" | "always".
std::optional<OcrPolicy> ParseOcrPolicy(const std::string& s);

// The pipeline options shared by ingest and extract: --ocr, --dpi,
// --quiet/-q. Returns true when the scanner's current option was one of them
// (its value read into `options`, or an error set on the scanner).
bool ScanPipelineOption(ArgScanner& scan, PipelineOptions* options);

// Prints "finsam <command>: <message>" and a hint to stderr; returns kExitUsage.
int UsageError(const std::string& command, const std::string& message);

// Replaces newlines and tabs with spaces so an error stays on one line.
std::string OneLine(std::string s);

}  // namespace finsam

#endif  // FINSAM_CLI_CLI_ARGS_H_
