#include "normalizers/swedish_number.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace finsam {
namespace {

struct NumberCase {
  const char* text;
  bool ok;
  double value;
  bool percent;
  bool nil;
};

TEST(SwedishNumberTest, ParsesPrintedForms) {
  const NumberCase kCases[] = {
      {"13 320", true, 13320, false, false},
      {"13\u00a0320", true, 13320, false, false},        // NBSP
      {"13\u202f320", true, 13320, false, false},        // narrow NBSP
      {"4443", true, 4443, false, false},
      {"480,5", true, 480.5, false, false},
      {"-2 187", true, -2187, false, false},
      {"\u2212666", true, -666, false, false},            // U+2212 minus
      {"\u20132 187", true, -2187, false, false},         // en dash as minus
      {"\u2014-10,4", true, -10.4, false, false},         // a minus OCR read as two dashes
      {"--2,4", true, -2.4, false, false},
      {"(1 234)", true, -1234, false, false},
      {"100%", true, 100, true, false},
      {"65 %", true, 65, true, false},
      {"\u2013", true, 0, false, true},                   // lone en dash = nil
      {"-", true, 0, false, true},
      {"0", true, 0, false, false},
      {"+81", true, 81, false, false},
      {"1 480,5", true, 1480.5, false, false},
      {"8.400.000", true, 8400000, false, false},         // periods group thousands
      {"151.200", true, 151200, false, false},
      {"\u22121.350", true, -1350, false, false},
      // A footnote mark after a figure is the figure's note, no digit (w15).
      {"\u22125 400*", true, -5400, false, false},
      {"1 250\u00b9", true, 1250, false, false},         // superscript one
      {"(362)**", true, -362, false, false},
      {"*", false, 0, false, false},
      {"12*3", false, 0, false, false},
      // An accounting export's trailing minus (w16); a year's open range is none.
      {"9 400-", true, -9400, false, false},
      // The kronor mark after a figure (w48): no minus, no digit.
      {"1 900 000:-", true, 1900000, false, false},
      {"450:\u2013", true, 450, false, false},
      {":-", false, 0, false, false},
      {"145-", true, -145, false, false},
      {"1 234,50-", true, -1234.5, false, false},
      {"2019-", false, 0, false, false},
      {"-5-", false, 0, false, false},
      {"12.500,50", true, 12500.5, false, false},
      {"0.570", false, 0, false, false},                  // not a thousands group: 0 head
      {"480.5", false, 0, false, false},                  // a decimal point is not read
      {"1.50", false, 0, false, false},
      {"2027.", false, 0, false, false},
      {"13 32", false, 0, false, false},                  // group must be 3 digits
      {"1234 567", false, 0, false, false},               // head group over 3 digits
      {"J 866", false, 0, false, false},                  // OCR damage is not a number
      {"2020-12-31", false, 0, false, false},
      {"abc", false, 0, false, false},
      {"", false, 0, false, false},
  };
  for (const NumberCase& c : kCases) {
    SCOPED_TRACE(c.text);
    auto n = ParseSwedishNumber(c.text);
    ASSERT_EQ(n.has_value(), c.ok);
    if (!c.ok) continue;
    EXPECT_DOUBLE_EQ(n->value, c.value);
    EXPECT_EQ(n->is_percent, c.percent);
    EXPECT_EQ(n->is_nil, c.nil);
  }
}

// A token that can be part of a number; one word holding a whole grouped
// figure (OCR's re-read of a cell, "8 400 000") is one too, a word with a
// space that is no figure is not.
TEST(SwedishNumberTest, NumericTokens) {
  const std::pair<const char*, bool> kCases[] = {
      {"13", true},         {"320", true},       {"-2", true},         {"480,5", true},  {"(1", true},
      {"100%", true},       {"-", true},         {"8 400 000", true},  {"13\u00a0320", true},
      {"8.400.000", true},  {"-13 900", true},   {"13 32", false},     {"abc", false},   {"J 480", false},
      {"50,0 26", false},   {"2024 abc", false}, {"", false},      {"400*", true},   {"5\u00b2", true},
      {"*", false},         {"000:-", true},     {":-", false},
  };
  for (const auto& [token, numeric] : kCases) EXPECT_EQ(IsNumericToken(token), numeric) << token;
}

TEST(SwedishNumberTest, GroupsSpaceSeparatedTokensIntoColumns) {
  struct Case {
    std::vector<std::string> tokens;
    int count;
    std::vector<std::vector<std::string>> expected;
  };
  const Case kCases[] = {
      {{"15", "300", "9", "808", "9748"}, 3, {{"15 300", "9 808", "9748"}}},
      {{"18", "806", "13", "320", "13", "320"}, 3, {{"18 806", "13 320", "13 320"}}},
      {{"2", "906", "2912", "2972"}, 3, {{"2 906", "2912", "2972"}}},
      {{"3330", "3330", "3330"}, 3, {{"3330", "3330", "3330"}}},
      {{"-2", "187", "0", "0"}, 3, {{"-2 187", "0", "0"}}},
      // Six values of the example: the last two have no separator.
      {{"6", "139", "6", "603", "6", "230", "6", "230", "6230", "31432"}, 6,
       {{"6 139", "6 603", "6 230", "6 230", "6230", "31432"}}},
      // Ambiguous: "1 100 200" as two values is "1 100","200" or "1","100 200".
      {{"1", "100", "200"}, 2, {{"1", "100 200"}, {"1 100", "200"}}},
      {{"10", "800"}, 1, {{"10 800"}}},
      // An accounting export's trailing minus ends its figure (w16).
      {{"9", "400-", "9", "012-", "388"}, 3, {{"9 400-", "9 012-", "388"}}},
      {{"145-", "2", "745-"}, 2, {{"145-", "2 745-"}}},
  };
  for (const Case& c : kCases) {
    auto got = GroupNumberTokens(c.tokens, c.count);
    // Order-insensitive comparison.
    std::sort(got.begin(), got.end());
    auto want = c.expected;
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want);
  }
}

TEST(SwedishNumberTest, DetectsMoneyUnits) {
  struct Case {
    const char* text;
    const char* unit;
    int64_t scale;
  };
  const Case kCases[] = {
      {"Budget 2019-2021, Tkr", "tkr", 1000}, {"Belopp i tkr", "tkr", 1000},
      {"Balanskravsresultat 2020 (i tkr)", "tkr", 1000}, {"8,9 mkr", "mkr", 1000000},
      {"Totalbudget 2020 892 400 kr", "kr", 1}, {"Belopp i tkr.", "tkr", 1000},
      {"Belopp i tusentals kronor", "tkr", 1000},  // not "kronor": kr
      {"Belopp i tusentals kronor (tkr).", "tkr", 1000}, {"Belopp i TSEK", "tkr", 1000},
      // The scale word misread by OCR, one letter off: not plain kronor.
      {"Tusentaf kronor", "tkr", 1000}, {"Belopp i tuséntal kronor", "tkr", 1000},
      {"Miljaner kronor", "mkr", 1000000}, {"Belopp i kronor", "kr", 1},
      {"Summa kronor", "kr", 1}, {"Utfall kronor", "kr", 1},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    auto u = DetectMoneyUnit(c.text);
    ASSERT_TRUE(u.has_value());
    EXPECT_EQ(u->unit, c.unit);
    EXPECT_EQ(u->scale, c.scale);
  }
  EXPECT_FALSE(DetectMoneyUnit("Kostnader 2020 2021").has_value());
  EXPECT_FALSE(DetectMoneyUnit("Kretsloppet").has_value());
}

TEST(SwedishNumberTest, ConvertsToWholeKronor) {
  EXPECT_EQ(ToKronor(13320, 1000), 13320000);
  EXPECT_EQ(ToKronor(480.5, 1000), 480500);
  EXPECT_EQ(ToKronor(8.9, 1000000), 8900000);
  EXPECT_EQ(ToKronor(-2187, 1000), -2187000);
}

}  // namespace
}  // namespace finsam
