// Speckle removal (pipeline/ocr/speckles.h) on small synthetic images.
#include "pipeline/ocr/speckles.h"

#include <gtest/gtest.h>

#include <vector>

namespace finsam {
namespace {

GrayImage White(int w, int h, double dpi) {
  GrayImage img;
  img.width = w;
  img.height = h;
  img.dpi = dpi;
  img.pixels.assign(static_cast<size_t>(w) * h, 255);
  return img;
}

void Fill(GrayImage& img, int x0, int y0, int x1, int y1, uint8_t v = 0) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) img.pixels[static_cast<size_t>(y) * img.width + x] = v;
}

// A page strewn with dots (here 8 specks on 0.22 square inches, far above
// kDottedPagePerSquareInch): every dot goes; a full stop, strokes, rules and
// glyphs stay, and so does a dot touching them (part of them).
TEST(Speckles, DotsGoFullStopsStrokesAndLinesStay) {
  GrayImage img = White(200, 100, 300);
  Fill(img, 10, 10, 11, 11);        // a one-pixel dot
  Fill(img, 20, 10, 23, 12);        // a 3 × 2 dot (6 pixels: the largest speckle)
  Fill(img, 19, 10, 20, 11, 200);   // its light fringe
  for (int k = 0; k < 6; ++k) Fill(img, 10 + 12 * k, 90, 11 + 12 * k, 91);  // more dots
  Fill(img, 40, 10, 43, 13);        // a full stop, 3 × 3 (9 pixels)
  Fill(img, 60, 10, 61, 60);        // a 1-pixel-wide stroke 50 long
  Fill(img, 80, 10, 120, 12);       // a rule
  Fill(img, 120, 12, 121, 13);      // a dot touching the rule's corner: part of it
  Fill(img, 150, 50, 160, 80);      // a glyph
  Fill(img, 160, 50, 161, 51, 200); // a light pixel beside the glyph (no speck's fringe)
  EXPECT_EQ(RemoveSpeckles(img), 8);
  EXPECT_EQ(img.at(10, 10), 255);
  EXPECT_EQ(img.at(21, 11), 255);
  EXPECT_EQ(img.at(19, 10), 255);  // the fringe went with its dot
  EXPECT_EQ(img.at(22, 90), 255);
  EXPECT_EQ(img.at(41, 11), 0);
  EXPECT_EQ(img.at(60, 30), 0);
  EXPECT_EQ(img.at(100, 11), 0);
  EXPECT_EQ(img.at(120, 12), 0);
  EXPECT_EQ(img.at(155, 60), 0);
  EXPECT_EQ(img.at(160, 50), 200);
}

// On an ordinary page (a few specks per square inch) nothing changes, not
// even a patch of them: small print's commas and i-dots crowd like that.
TEST(Speckles, OnAnOrdinaryPageNothingChanges) {
  GrayImage img = White(600, 600, 300);  // 4 square inches: 120 specks would be needed
  for (int k = 0; k < 20; ++k) Fill(img, 125 + 5 * k, 130, 126 + 5 * k, 131);
  Fill(img, 400, 400, 401, 401);
  const std::vector<uint8_t> before = img.pixels;
  EXPECT_EQ(RemoveSpeckles(img), 0);
  EXPECT_EQ(img.pixels, before);
}

// The speckle size scales with the resolution: at 150 dpi a quarter of the
// pixels (at least one), so a 3-pixel dot is a full stop's size there.
TEST(Speckles, SizeScalesWithResolution) {
  GrayImage img = White(60, 60, 150);
  for (int k = 0; k < 6; ++k) Fill(img, 5 + 8 * k, 5, 7 + 8 * k, 6);  // 2 pixels each: go
  Fill(img, 20, 40, 23, 41);                                       // 3 pixels: stays
  EXPECT_EQ(RemoveSpeckles(img), 6);
  EXPECT_EQ(img.at(5, 5), 255);
  EXPECT_EQ(img.at(21, 40), 0);
  GrayImage empty;
  EXPECT_EQ(RemoveSpeckles(empty), 0);
}

}  // namespace
}  // namespace finsam
