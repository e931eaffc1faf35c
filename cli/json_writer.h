// A small streaming JSON writer for the CLI's machine-readable output
// (`finsam extract --format json`, `finsam compare --format json`).
//
// The writer keeps a stack of open containers and inserts commas itself, so
// callers only say what comes next. Strings are escaped per RFC 8259; bytes
// that are not valid UTF-8 are replaced by U+FFFD so the output is always
// valid JSON. Non-finite doubles are written as null.
//
// Ownership: the writer borrows the stream; it must outlive the writer.
#ifndef FINSAM_CLI_JSON_WRITER_H_
#define FINSAM_CLI_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace finsam {

class JsonWriter {
 public:
  // indent > 0 pretty-prints with that many spaces per level; 0 = compact.
  explicit JsonWriter(std::ostream& out, int indent = 2) : out_(out), indent_(indent) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // The key of the next value inside an object.
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  JsonWriter& Double(double v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  // Writes `number` unquoted; the caller guarantees it is a JSON number.
  JsonWriter& RawNumber(std::string_view number);
  // Writes an already serialized JSON value (object, array, ...) as is; the
  // caller guarantees it is valid JSON.
  JsonWriter& RawValue(std::string_view json) { return RawNumber(json); }

  // Shorthands for "key": value.
  JsonWriter& Field(std::string_view key, std::string_view v) { return Key(key).String(v); }
  JsonWriter& Field(std::string_view key, const char* v) { return Key(key).String(v); }
  JsonWriter& Field(std::string_view key, const std::string& v) { return Key(key).String(v); }
  JsonWriter& Field(std::string_view key, int64_t v) { return Key(key).Int(v); }
  JsonWriter& Field(std::string_view key, int v) { return Key(key).Int(v); }
  JsonWriter& Field(std::string_view key, double v) { return Key(key).Double(v); }
  JsonWriter& Field(std::string_view key, bool v) { return Key(key).Bool(v); }
  // Writes null for nullopt.
  JsonWriter& Field(std::string_view key, const std::optional<std::string>& v) {
    Key(key);
    return v ? String(*v) : Null();
  }

  // Ends the document with a newline (call once, after the top-level value).
  void Finish();

 private:
  void BeforeValue();
  void NewlineIndent();

  struct Level {
    bool is_object;
    bool empty = true;
  };
  std::ostream& out_;
  int indent_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

// `s` as a quoted, escaped JSON string (with invalid UTF-8 replaced).
std::string JsonQuote(std::string_view s);

// True if `s` is a JSON number (RFC 8259 grammar), e.g. "-12", "3.5e2".
bool IsJsonNumber(std::string_view s);

}  // namespace finsam

#endif  // FINSAM_CLI_JSON_WRITER_H_
