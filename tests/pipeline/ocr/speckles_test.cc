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

// A shaded cell's crop made clean for its second reading: every pixel
// black or white, dots up to the shading dot area (16 pixels at 300 dpi) gone
// whatever the page's density, a glyph's part bigger than that kept.
TEST(Speckles, ShadedCropComesOutBlackAndWhiteWithoutItsDots) {
  GrayImage img = White(100, 60, 300);
  Fill(img, 5, 5, 9, 9);            // a 4 × 4 dot (16 pixels): shading
  Fill(img, 20, 5, 22, 7, 90);      // a grey 2 × 2 dot, dark enough to be ink
  Fill(img, 30, 5, 35, 9);          // 5 × 4 (20 pixels): a glyph's part
  Fill(img, 50, 10, 52, 50);        // a stroke
  Fill(img, 60, 10, 62, 12, 200);   // light grey: paper
  CleanShadedCrop(img);
  auto at = [&img](int x, int y) { return img.pixels[static_cast<size_t>(y) * img.width + x]; };
  EXPECT_EQ(at(6, 6), 255);
  EXPECT_EQ(at(20, 5), 255);
  EXPECT_EQ(at(31, 6), 0);
  EXPECT_EQ(at(51, 30), 0);
  EXPECT_EQ(at(60, 10), 255);
  for (uint8_t p : img.pixels) EXPECT_TRUE(p == 0 || p == 255);
  // At 150 dpi the area is a quarter: the 4 × 4 dot is a glyph's part.
  GrayImage low = White(40, 20, 150);
  Fill(low, 5, 5, 9, 9);
  Fill(low, 20, 5, 22, 7);
  CleanShadedCrop(low);
  EXPECT_EQ(low.pixels[6 * 40 + 6], 0);
  EXPECT_EQ(low.pixels[5 * 40 + 20], 255);
}

// Tab leaders (w27): a run of dots on one baseline at an even pitch goes;
// the label's letters, a full stop, a short run, dots at an uneven pitch
// and a field of dots stacked over each other (a shaded cell's) stay.
TEST(Leaders, EvenRunsOfDotsOnABaselineGo) {
  GrayImage img = White(900, 300, 300);
  Fill(img, 10, 20, 60, 50);  // a glyph of the label
  for (int k = 0; k < 20; ++k) Fill(img, 80 + 15 * k, 45, 84 + 15 * k, 49);  // the leader
  Fill(img, 400, 20, 430, 50);  // the figure at the tab stop
  for (int k = 0; k < 5; ++k) Fill(img, 80 + 15 * k, 110, 84 + 15 * k, 114);  // five dots: too few
  const int uneven[] = {0, 9, 40, 47, 90, 100, 150, 158, 210, 217};
  for (int x : uneven) Fill(img, 80 + x, 170, 84 + x, 174);
  for (int row = 0; row < 6; ++row)  // a shaded field: rows of dots 8 px apart
    for (int k = 0; k < 20; ++k) Fill(img, 500 + 12 * k, 200 + 8 * row, 503 + 12 * k, 203 + 8 * row);
  Fill(img, 700, 40, 704, 44);  // a full stop
  EXPECT_EQ(EraseLeaders(img), 1);
  for (int k = 0; k < 20; ++k) EXPECT_EQ(img.at(81 + 15 * k, 46), 255) << k;
  EXPECT_EQ(img.at(30, 30), 0);
  EXPECT_EQ(img.at(415, 30), 0);
  EXPECT_EQ(img.at(81, 111), 0);
  EXPECT_EQ(img.at(81, 171), 0);
  EXPECT_EQ(img.at(501, 201), 0);
  EXPECT_EQ(img.at(701, 41), 0);
}

// A ring of ink: a glyph with a counter (0, o), outer box x0..x1 × y0..y1,
// strokes `t` pixels thick.
void Ring(GrayImage& img, int x0, int y0, int x1, int y1, int t) {
  Fill(img, x0, y0, x1, y0 + t);
  Fill(img, x0, y1 - t, x1, y1);
  Fill(img, x0, y0, x0 + t, y1);
  Fill(img, x1 - t, y0, x1, y1);
}

// Dotted zeros (w25's monospaced face): the dot inside a glyph's counter
// goes, on any page; a dot or mark anywhere else stays: beside a glyph,
// above it (an umlaut), inside a table cell's box (larger than a counter),
// one touching the ring (part of the glyph), and a mark that fills most of
// the counter.
TEST(CounterDots, ADotInsideACounterGoesNothingElse) {
  GrayImage img = White(400, 200, 300);
  Ring(img, 10, 10, 30, 40, 3);      // a zero, counter 14 × 24
  Fill(img, 18, 22, 22, 28);         // its dot, 4 × 6
  Ring(img, 50, 10, 70, 40, 3);      // an o with a speck
  Fill(img, 56, 16, 57, 17);         // the speck
  Ring(img, 90, 10, 110, 40, 3);     // a zero whose dot touches the ring
  Fill(img, 93, 20, 97, 24);
  Ring(img, 130, 10, 150, 40, 3);    // a counter with a large mark (14 × 24 counter, 10 × 20 mark = 200 px)
  Fill(img, 135, 14, 145, 34);
  Fill(img, 160, 20, 164, 26);       // a dot beside the glyphs
  Fill(img, 15, 2, 19, 6);           // a dot above the zero (an umlaut's)
  Ring(img, 200, 60, 380, 180, 2);   // a table cell's box
  Fill(img, 280, 110, 284, 116);     // a full stop inside the cell
  const int erased = EraseCounterDots(img);
  EXPECT_EQ(erased, 2);
  EXPECT_EQ(img.at(20, 25), 255);   // the zero's dot went
  EXPECT_EQ(img.at(56, 16), 255);   // the speck went
  EXPECT_EQ(img.at(11, 11), 0);     // the ring stays
  EXPECT_EQ(img.at(94, 21), 0);     // part of the ring
  EXPECT_EQ(img.at(135, 20), 0);    // the large mark
  EXPECT_EQ(img.at(162, 22), 0);
  EXPECT_EQ(img.at(16, 3), 0);
  EXPECT_EQ(img.at(281, 112), 0);
}

// Sizes scale with the resolution: at 600 dpi a counter may be twice as
// wide, so a dot in a 60-pixel counter goes there and stays at 300 dpi.
TEST(CounterDots, SizesScaleWithResolution) {
  for (double dpi : {300.0, 600.0}) {
    GrayImage img = White(120, 120, dpi);
    Ring(img, 10, 10, 76, 76, 4);  // counter 58 × 58
    Fill(img, 40, 40, 45, 45);
    EXPECT_EQ(EraseCounterDots(img), dpi > 300 ? 1 : 0) << dpi;
  }
  GrayImage empty;
  EXPECT_EQ(EraseCounterDots(empty), 0);
}

}  // namespace
}  // namespace finsam
