#include "cli/cli_options.h"

#include <charconv>
#include <iostream>
#include <sstream>
#include <vector>

namespace finsam {
namespace {

// CLI11's help, reordered: our usage line first, then the description, the
// positional arguments and options CLI11 lists, and the footer.
class UsageFormatter : public CLI::Formatter {
 public:
  explicit UsageFormatter(std::string usage) : usage_(std::move(usage)) {
    column_width(26);
    label("Positionals", "arguments");
    label("OPTIONS", "OPTIONS");
  }

  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
    std::ostringstream out;
    out << usage_ << "\n";
    if (!app->get_description().empty()) out << "\n" << app->get_description() << "\n";
    out << make_positionals(app);
    out << make_groups(app, mode);
    std::string footer = make_footer(app);
    if (!footer.empty()) out << "\n" << footer;
    return out.str();
  }

 private:
  std::string usage_;
};

}  // namespace

std::unique_ptr<CLI::App> MakeCommandApp(const std::string& command, const std::string& usage,
                                         const std::string& description, const std::string& footer) {
  auto app = std::make_unique<CLI::App>(description, "finsam " + command);
  app->formatter(std::make_shared<UsageFormatter>(usage));
  app->footer(footer);
  // As before CLI11: a repeated option takes its last value.
  app->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app->set_help_flag("-h,--help", "print this help and exit");
  return app;
}

std::optional<int> ParseCommandLine(CLI::App& app, const std::string& command, const Args& args) {
  // CLI11 takes the arguments in reverse order.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    return UsageError(command, e.what());
  } catch (const CLI::Error& e) {
    return UsageError(command, e.what());
  }
  return std::nullopt;
}

std::optional<int64_t> ParseDecimal(const std::string& s, int64_t lo, int64_t hi) {
  int64_t n = 0;
  const char* begin = s.data();
  const char* end = s.data() + s.size();
  if (begin != end && *begin == '+') return std::nullopt;
  auto res = std::from_chars(begin, end, n);
  if (res.ec != std::errc() || res.ptr != end || n < lo || n > hi) return std::nullopt;
  return n;
}

CLI::Validator DecimalInteger(int64_t lo, int64_t hi) {
  std::string range = "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
  return CLI::Validator(
      [lo, hi, range](std::string& s) -> std::string {
        if (ParseDecimal(s, lo, hi)) return "";
        return "wants " + range + ", got '" + s + "'";
      },
      "", "decimal integer");
}

CLI::Validator OneOf(std::vector<std::string> values) {
  // The option's type name lists the values already: no description.
  return CLI::IsMember(std::move(values)).description("");
}

void AddPipelineOptions(CLI::App& app, PipelineOptions* options, std::string* ocr) {
  app.add_option("--ocr", *ocr, "OCR pages without a usable text layer (default auto)")
      ->type_name("auto|never|always")
      ->check(OneOf({"auto", "never", "always"}));
  app.add_option("--dpi", options->dpi, "OCR render resolution (default 300)")
      ->type_name("N")
      ->check(DecimalInteger(50, 1200));
  app.add_flag("-q,--quiet", options->quiet, "print only errors (no progress)");
  app.add_flag("--no-ocr-cache", [options](int64_t) { options->ocr_cache = false; },
               "run OCR even on page images read before (the cache is in FINSAM_CACHE_DIR/ocr)");
}

void ApplyOcrPolicy(const std::string& ocr, PipelineOptions* options) {
  if (ocr == "auto") options->ocr = OcrPolicy::kAuto;
  else if (ocr == "never") options->ocr = OcrPolicy::kNever;
  else if (ocr == "always") options->ocr = OcrPolicy::kAlways;
}

int UsageError(const std::string& command, const std::string& message) {
  const std::string name = command.empty() ? "finsam" : "finsam " + command;
  std::cerr << name << ": " << OneLine(message) << " (see '" << name << " --help')\n";
  return kExitUsage;
}

int DatabaseError(const std::string& db_path, const Status& status) {
  std::cerr << "finsam: " << QuotePathForLog(db_path) << ": " << OneLine(status.message()) << "\n";
  return kExitInputFailed;
}

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return QuotePathForLog(s);
}

std::string QuotePathForLog(std::string_view path) {
  static const char kHex[] = "0123456789abcdef";
  auto hex = [](std::string* out, unsigned char b) {
    *out += "\\x";
    *out += kHex[b >> 4];
    *out += kHex[b & 15];
  };
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(path[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      hex(&out, c);
    } else if (c == 0xc2 && i + 1 < path.size() && static_cast<unsigned char>(path[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(path[i + 1]) <= 0x9f) {
      hex(&out, c);  // a C1 control (U+0080..U+009F), e.g. U+009B, a terminal's CSI
      hex(&out, static_cast<unsigned char>(path[++i]));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace finsam
