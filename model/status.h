// Status and Result<T>: errors as values across stage boundaries.
//
// A Status is cheap to copy: a code plus a one-line message. Stages return
// Status (or Result<T>) and never let exceptions escape; adapters around
// third-party libraries catch what those libraries throw and convert it here.
// The CLI commands (cli/cmd_*.cc) map codes to the exit codes of
// cli/commands.h.
#ifndef FINSAM_MODEL_STATUS_H_
#define FINSAM_MODEL_STATUS_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace finsam {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // bad usage or option value
  kNotFound,          // file, document or record missing
  kUnsupported,       // not a PDF / not text, unknown format
  kCorrupt,           // damaged input (truncated PDF, undecodable text)
  kEncrypted,         // password-protected PDF
  kTooLarge,          // input over a configured limit
  kIoError,           // read/write failure
  kDatabase,          // SQLite error
  kInternal,          // a bug: an invariant did not hold
};

const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status Corrupt(std::string m) { return {StatusCode::kCorrupt, std::move(m)}; }
  static Status Encrypted(std::string m) { return {StatusCode::kEncrypted, std::move(m)}; }
  static Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Database(std::string m) { return {StatusCode::kDatabase, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corrupt: xref table missing" — one line, for logs and the CLI.
  std::string ToString() const;
  // Says at the call site that an error is deliberately not acted upon.
  void IgnoreError() const {}

 private:
  Status(StatusCode c, std::string m) : code_(c), message_(std::move(m)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T> holds either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}              // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}      // NOLINT: implicit by design
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_ = Status::Internal("Result holds no value");
};

#define FINSAM_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::finsam::Status _st = (expr);            \
    if (!_st.ok()) return _st;                \
  } while (0)

}  // namespace finsam

#endif  // FINSAM_MODEL_STATUS_H_
