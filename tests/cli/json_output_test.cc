// The CLI's JSON output path (cli/json_output.h, nlohmann-json): escaping,
// invalid UTF-8, numbers, nesting and layout. These are the assertions of
// the former hand-written JsonWriter's test, moved to the code that writes
// `finsam extract --format json` now.
#include "cli/json_output.h"

#include <limits>
#include <string>

#include <gtest/gtest.h>

namespace finsam {
namespace {

std::string Quote(const std::string& s) { return DumpJson(OrderedJson(s)); }

TEST(JsonOutputTest, EscapesStringsAndReplacesInvalidUtf8) {
  EXPECT_EQ(Quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(Quote("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
  // Control characters are escaped; DEL (0x7f) needs no escape in JSON (RFC
  // 8259 section 7) and nlohmann writes it as is (the old writer escaped it).
  EXPECT_EQ(Quote(std::string("\x01\x1f\x7f", 3)), "\"\\u0001\\u001f\x7f\"");
  EXPECT_EQ(Quote("Gävleborg – 13 320"), "\"Gävleborg – 13 320\"");  // UTF-8 kept
  EXPECT_EQ(Quote("a\xff" "b"), "\"a\xEF\xBF\xBD" "b\"");              // invalid byte
  EXPECT_EQ(Quote("\xC3"), "\"\xEF\xBF\xBD\"");                        // cut sequence
  EXPECT_EQ(Quote("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");        // overlong '/'
  EXPECT_EQ(Quote("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  // What was replaced parses back.
  EXPECT_TRUE(nlohmann::json::accept(Quote("a\xff" "b\xED\xA0\x80")));
}

TEST(JsonOutputTest, NestedContainersCommasAndNumbers) {
  OrderedJson j = OrderedJson::object();
  j["a"] = 1;
  j["b"] = "x";
  j["c"] = OrderedJson::array({-2, JsonNumber(0.5), JsonNumber(1e300 * 1e300), false, nullptr,
                               OrderedJson::object(), OrderedJson::array()});
  j["d"] = JsonStringOrNull("");
  j["e"] = JsonNumber(13320000.0);
  // Fields keep the order they were added in (ordered_json).
  EXPECT_EQ(DumpJson(j, 0), "{\"a\":1,\"b\":\"x\",\"c\":[-2,0.5,null,false,null,{},[]],\"d\":null,\"e\":13320000}");
}

TEST(JsonOutputTest, PrettyPrints) {
  OrderedJson j = OrderedJson::object();
  j["rows"] = OrderedJson::array({1, 2});
  EXPECT_EQ(DumpJson(j), "{\n  \"rows\": [\n    1,\n    2\n  ]\n}");
}

// The former IsJsonNumber test: what is and is not a JSON number. It now
// holds for the numbers the output writes (JsonNumber) and for the parser
// the CLI tests read the output with: Swedish-formatted figures ("13 320",
// "1,5") can never pass as numbers.
TEST(JsonOutputTest, JsonNumbers) {
  for (const char* yes : {"0", "-0", "12", "-12.5", "1e5", "1.5E-3", "13320000"})
    EXPECT_TRUE(nlohmann::json::accept(yes) && nlohmann::json::parse(yes).is_number()) << yes;
  for (const char* no : {"", "-", "0012", "1.", ".5", "1e", "13 320", "1,5", "+1", "NaN", "0x10"})
    EXPECT_FALSE(nlohmann::json::accept(no)) << no;
  EXPECT_EQ(DumpJson(JsonNumber(-12.5)), "-12.5");
  EXPECT_EQ(DumpJson(JsonNumber(0.1)), "0.1");  // shortest form that reads back
  EXPECT_EQ(DumpJson(JsonNumber(std::numeric_limits<double>::quiet_NaN())), "null");
  EXPECT_EQ(DumpJson(JsonNumber(-std::numeric_limits<double>::infinity())), "null");
  EXPECT_EQ(DumpJson(JsonBox({1, 2.5, 3, 4}), 0), "[1,2.5,3,4]");
}

}  // namespace
}  // namespace finsam
