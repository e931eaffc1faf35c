#include "cli/cli_args.h"

#include <charconv>
#include <iostream>

namespace finsam {

bool ArgScanner::Next() {
  inline_value_.reset();
  if (i_ >= args_.size()) return false;
  const std::string& a = args_[i_++];
  if (!options_done_ && a == "--") {
    options_done_ = true;
    return Next();
  }
  if (options_done_ || a.size() < 2 || a[0] != '-') {
    is_option_ = false;
    positional_ = a;
    return true;
  }
  is_option_ = true;
  if (a[1] == '-') {
    size_t eq = a.find('=');
    name_ = a.substr(0, eq);
    if (eq != std::string::npos) inline_value_ = a.substr(eq + 1);
  } else {
    // Short option: "-j4" carries its value inline.
    name_ = a.substr(0, 2);
    if (a.size() > 2) inline_value_ = a.substr(2);
  }
  return true;
}

std::optional<std::string> ArgScanner::Value() {
  if (inline_value_) {
    std::string v = *inline_value_;
    inline_value_.reset();
    return v;
  }
  if (i_ >= args_.size()) {
    SetError("option " + name_ + " needs a value");
    return std::nullopt;
  }
  return args_[i_++];
}

std::optional<int> ArgScanner::IntValue(int lo, int hi) {
  std::optional<std::string> v = Value();
  if (!v) return std::nullopt;
  int n = 0;
  auto res = std::from_chars(v->data(), v->data() + v->size(), n);
  if (res.ec != std::errc() || res.ptr != v->data() + v->size() || n < lo || n > hi) {
    SetError("option " + name_ + " wants a number from " + std::to_string(lo) + " to " + std::to_string(hi) +
             ", got '" + *v + "'");
    return std::nullopt;
  }
  return n;
}

std::optional<OcrPolicy> ParseOcrPolicy(const std::string& s) {
  if (s == "auto") return OcrPolicy::kAuto;
  if (s == "never") return OcrPolicy::kNever;
  if (s == "always") return OcrPolicy::kAlways;
  return std::nullopt;
}

bool ScanPipelineOption(ArgScanner& scan, PipelineOptions* options) {
  const std::string& n = scan.name();
  if (n == "--ocr") {
    if (auto v = scan.Value()) {
      if (auto p = ParseOcrPolicy(*v)) options->ocr = *p;
      else scan.SetError("--ocr wants auto, never or always, got '" + *v + "'");
    }
  } else if (n == "--dpi") {
    if (auto v = scan.IntValue(50, 1200)) options->dpi = *v;
  } else if (n == "--quiet" || n == "-q") {
    options->quiet = true;
  } else {
    return false;
  }
  return true;
}

int UsageError(const std::string& command, const std::string& message) {
  std::cerr << "finsam " << command << ": " << message << "\n"
            << "Try 'finsam " << command << " --help'.\n";
  return kExitUsage;
}

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

}  // namespace finsam
