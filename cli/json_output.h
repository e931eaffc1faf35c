// The CLI's JSON output (`finsam extract --format json` and its governance
// records) is built as nlohmann::ordered_json (fields in the order they are
// added) and written by DumpJson. Implemented in cli/json_output.cc.
#ifndef FINSAM_CLI_JSON_OUTPUT_H_
#define FINSAM_CLI_JSON_OUTPUT_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "model/document.h"

namespace finsam {

using OrderedJson = nlohmann::ordered_json;

// A JSON number for `v`: null when it is not finite, an integer when it is
// one (13320000, not 13320000.0), else the shortest double that reads back.
OrderedJson JsonNumber(double v);

// A string, or null for an empty one.
OrderedJson JsonStringOrNull(const std::string& s);

// A box as [x0, y0, x1, y1].
OrderedJson JsonBox(const Box& b);

// `j` serialized: pretty-printed with `indent` spaces per level (0 =
// compact); bytes that are not valid UTF-8 become U+FFFD, so the output is
// always valid JSON (RFC 8259).
std::string DumpJson(const OrderedJson& j, int indent = 2);

}  // namespace finsam

#endif  // FINSAM_CLI_JSON_OUTPUT_H_
