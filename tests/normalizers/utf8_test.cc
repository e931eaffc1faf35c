#include "normalizers/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace finsam {
namespace {

// One row: input bytes, the code points they decode to (U+FFFD per
// ill-formed subpart), and the offset of the first ill-formed byte (npos for
// valid input).
struct Utf8Case {
  const char* name;
  std::string bytes;
  std::u32string decoded;
  size_t bad_offset;
};

constexpr size_t kValid = std::string::npos;
constexpr char32_t kBad = kReplacementChar;

const std::vector<Utf8Case>& Cases() {
  static const auto* cases = new std::vector<Utf8Case>{
      {"empty", "", U"", kValid},
      {"ascii", "Summa 2020", U"Summa 2020", kValid},
      {"two_byte", "\xC3\xA5r", U"år", kValid},                       // å
      {"two_byte_smallest", "\xC2\x80", U"\u0080", kValid},
      {"three_byte", "\xE2\x80\x93", U"–", kValid},                  // en dash
      {"three_byte_largest_bmp", "\xEF\xBF\xBD", U"\uFFFD", kValid},
      {"four_byte", "\xF0\x9F\x98\x80", U"\U0001F600", kValid},
      {"four_byte_max", "\xF4\x8F\xBF\xBF", U"\U0010FFFF", kValid},
      {"mixed", "G\xC3\xA4vle \xE2\x88\x92" "5", U"Gävle −5", kValid},
      {"overlong_two_byte", "\xC0\x80", {kBad, kBad}, 0},
      {"overlong_c1", "a\xC1\xBF", {U'a', kBad, kBad}, 1},
      {"overlong_three_byte", "\xE0\x80\x80", {kBad, kBad, kBad}, 0},
      {"overlong_four_byte", "\xF0\x80\x80\x80", {kBad, kBad, kBad, kBad}, 0},
      {"surrogate_high", "\xED\xA0\x80", {kBad, kBad, kBad}, 0},
      {"surrogate_low", "x\xED\xBF\xBF", {U'x', kBad, kBad, kBad}, 1},
      {"above_max", "\xF4\x90\x80\x80", {kBad, kBad, kBad, kBad}, 0},
      {"lead_f5", "\xF5\x80", {kBad, kBad}, 0},
      {"lead_ff", "\xFF", {kBad}, 0},
      // Truncated: one U+FFFD for the maximal subpart, then the next
      // character decodes normally.
      {"truncated_two_byte_at_end", "ab\xC3", {U'a', U'b', kBad}, 2},
      {"truncated_two_byte_before_ascii", "\xC3" "a", {kBad, U'a'}, 0},
      {"truncated_three_byte", "\xE2\x80" "x", {kBad, U'x'}, 0},
      {"truncated_four_byte_at_end", "\xF0\x9F\x98", {kBad}, 0},
      {"truncated_before_valid", "\xE2\x80\xC3\xA4", {kBad, U'ä'}, 0},
      {"stray_continuation", "\x80", {kBad}, 0},
      {"stray_continuations", "a\x80\xBF" "b", {U'a', kBad, kBad, U'b'}, 1},
      {"latin1_byte", "G\xE4vle", {U'G', kBad, U'v', U'l', U'e'}, 1},
  };
  return *cases;
}

TEST(Utf8Test, DecodesEachCaseByThePolicy) {
  for (const Utf8Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    std::u32string got;
    for (size_t i = 0; i < c.bytes.size();) {
      size_t before = i;
      got.push_back(NextCodePoint(c.bytes, &i));
      ASSERT_GT(i, before);  // always advances
      ASSERT_LE(i, c.bytes.size());
      EXPECT_EQ(SequenceLength(c.bytes, before), i - before);
    }
    EXPECT_EQ(got, c.decoded);
    EXPECT_EQ(Utf8ToU32(c.bytes), c.decoded);
    EXPECT_EQ(CodePointCount(c.bytes), c.decoded.size());
  }
}

TEST(Utf8Test, ValidityAndFirstBadOffset) {
  for (const Utf8Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    size_t bad = 12345;
    EXPECT_EQ(IsValidUtf8(c.bytes, &bad), c.bad_offset == kValid);
    if (c.bad_offset != kValid) {
      EXPECT_EQ(bad, c.bad_offset);
    }
    EXPECT_EQ(IsValidUtf8(c.bytes), c.bad_offset == kValid);
  }
}

TEST(Utf8Test, RepairReplacesEachIllFormedSubpart) {
  for (const Utf8Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    std::string repaired = RepairUtf8(c.bytes);
    EXPECT_TRUE(IsValidUtf8(repaired));
    EXPECT_EQ(Utf8ToU32(repaired), c.decoded);
    if (c.bad_offset == kValid) {
      EXPECT_EQ(repaired, c.bytes);
    }
  }
}

TEST(Utf8Test, EncodesAndRoundTrips) {
  struct Encode {
    char32_t c;
    std::string bytes;
  };
  const Encode kEncodes[] = {
      {U'a', "a"},
      {0x7F, "\x7F"},
      {0x80, "\xC2\x80"},
      {U'ö', "\xC3\xB6"},
      {0x7FF, "\xDF\xBF"},
      {0x800, "\xE0\xA0\x80"},
      {U'€', "\xE2\x82\xAC"},
      {0xFFFF, "\xEF\xBF\xBF"},
      {0x10000, "\xF0\x90\x80\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
      {0xD800, "\xEF\xBF\xBD"},    // surrogate → U+FFFD
      {0xDFFF, "\xEF\xBF\xBD"},
      {0x110000, "\xEF\xBF\xBD"},  // above U+10FFFF → U+FFFD
  };
  for (const Encode& e : kEncodes) {
    SCOPED_TRACE(static_cast<uint32_t>(e.c));
    std::string out = "x";
    AppendUtf8(e.c, &out);
    EXPECT_EQ(out, "x" + e.bytes);
  }
  std::u32string text = U"Årsredovisning – Gävleborg 😀 ø";
  EXPECT_EQ(Utf8ToU32(U32ToUtf8(text)), text);
  EXPECT_EQ(U32ToUtf8(Utf8ToU32("Förbundet")), "Förbundet");
}

}  // namespace
}  // namespace finsam
