#include "cli/json_writer.h"

#include <sstream>

#include <gtest/gtest.h>

namespace finsam {
namespace {

TEST(JsonWriterTest, EscapesStringsAndReplacesInvalidUtf8) {
  EXPECT_EQ(JsonQuote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonQuote("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
  EXPECT_EQ(JsonQuote(std::string("\x01\x1f\x7f", 3)), "\"\\u0001\\u001f\\u007f\"");
  EXPECT_EQ(JsonQuote("Gävleborg – 13 320"), "\"Gävleborg – 13 320\"");  // UTF-8 kept
  EXPECT_EQ(JsonQuote("a\xff" "b"), "\"a\xEF\xBF\xBD" "b\"");              // invalid byte
  EXPECT_EQ(JsonQuote("\xC3"), "\"\xEF\xBF\xBD\"");                        // cut sequence
  EXPECT_EQ(JsonQuote("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");        // overlong '/'
  EXPECT_EQ(JsonQuote("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
}

TEST(JsonWriterTest, NestedContainersCommasAndNumbers) {
  std::ostringstream out;
  JsonWriter w(out, 0);
  w.BeginObject();
  w.Field("a", 1).Field("b", "x").Key("c").BeginArray().Int(-2).Double(0.5).Double(1e300 * 1e300).Bool(false).Null();
  w.BeginObject().EndObject().BeginArray().EndArray().EndArray();
  w.Field("d", std::optional<std::string>()).Field("e", 13320000.0);
  w.EndObject();
  w.Finish();
  EXPECT_EQ(out.str(), "{\"a\":1,\"b\":\"x\",\"c\":[-2,0.5,null,false,null,{},[]],\"d\":null,\"e\":13320000}\n");
}

TEST(JsonWriterTest, PrettyPrints) {
  std::ostringstream out;
  JsonWriter w(out);
  w.BeginObject().Key("rows").BeginArray().Int(1).Int(2).EndArray().EndObject();
  w.Finish();
  EXPECT_EQ(out.str(), "{\n  \"rows\": [\n    1,\n    2\n  ]\n}\n");
}

TEST(JsonWriterTest, IsJsonNumber) {
  for (const char* yes : {"0", "-0", "12", "-12.5", "1e5", "1.5E-3", "13320000"}) EXPECT_TRUE(IsJsonNumber(yes)) << yes;
  for (const char* no : {"", "-", "0012", "1.", ".5", "1e", "13 320", "1,5", "+1", "NaN", "0x10"})
    EXPECT_FALSE(IsJsonNumber(no)) << no;
}

}  // namespace
}  // namespace finsam
