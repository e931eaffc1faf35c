// Speckle removal on page images before recognition.
//
// A scanned page whose table header was shaded grey comes out of a 1-bit
// scanner dithered: the shade is a field of isolated dots, and the 1-bit
// scan's noise strews more over the whole page. Tesseract reads the dots as
// words ("RE", "LS", "-", quotes) and lets them split or swallow the
// header's real words ("Prognos 2025" | "Budget 2026" read as
// `- Prognos 2025 "Budget 2026" Pian 2027 RE ...`). On such a page
// RemoveSpeckles paints white every dark connected component smaller than a
// full stop, and nothing else.
//
// Only on such a page: on ordinary scans the few specks beside text may be
// parts of letters and marks. Erasing them everywhere changed Tesseract's
// reading of whole headers on the real scanned reports of brf ("1 januari -
// 31 december I Not 2023 2022"), and erasing only crowded patches of them
// damaged small print (an e-signing footer's commas and i-dots).
//
// Coordinates are pixels of the image passed in (origin top-left, y down).
#ifndef FINSAM_PIPELINE_OCR_SPECKLES_H_
#define FINSAM_PIPELINE_OCR_SPECKLES_H_

#include "model/page_image.h"

namespace finsam {

// The largest speckle, in pixels at 300 dpi (scaled by (dpi/300)² for other
// resolutions, at least 1). A full stop or the dot of an i at 8 pt is about
// 4 × 4 pixels at 300 dpi and a comma more; a dither dot of a 200-300 dpi
// scan rendered at 300 dpi is 1-6 pixels.
inline constexpr int kMaxSpeckleArea300 = 6;

// A page with this many specks per square inch or more is strewn with them.
// Measured: the 1-bit scans of the made-up documents about 60; the real
// scanned reports of brf 1-2 (a cover photo 15); generated greyscale scans
// none.
inline constexpr double kDottedPagePerSquareInch = 30;

// On a page strewn with specks, paints white every 8-connected component of
// dark pixels (grey < 128) of at most the speckle area, with its light
// anti-aliased fringe (the pixels around it that are not dark themselves),
// and returns how many; on any other page changes nothing and returns 0.
int RemoveSpeckles(GrayImage& image);

// The largest dot of a shaded table cell left after RemoveSpeckles, in
// pixels at 300 dpi (scaled like kMaxSpeckleArea300): two or three pixels of
// a 200 dpi 1-bit scan joined, 7-14 pixels once rendered at 300 dpi
// (measured on a shaded header of a thin-font scan); the parts of 9-pt
// letters there are 59 pixels and more.
inline constexpr int kMaxShadingDotArea300 = 16;

// Makes a crop of a shaded cell clean for a second reading: every pixel
// black (grey < 128) or white, and every 8-connected dark component of at
// most the shading dot area white. A dithered shade's dots, left grey and
// scattered, make Tesseract read "Utfall jan-jun 2025" as "NN"; cleaned, it
// reads the words. For a crop only: on a whole page it would take i-dots
// and full stops of small print.
void CleanShadedCrop(GrayImage& crop);

// Tab leaders: the dotted line a word processor draws from a label to the
// figure or note number at its tab stop ("Verksamhetens intäkter ....... 1
// 5 062"). Tesseract reads them as long words of letters
// ("munasisiseerrirssss…", "sne srn iranier anna 2A") at next to no
// confidence and wrecks the words beside them ("kostnader" read
// "KOSINGOB!" at 0.00), so a statement laid out with leaders lost every
// row (w27). EraseLeaders paints white every run of eight or more dots on
// one baseline at an even pitch (each dot a small, roughly square
// component, the pitch at most six dot widths) with no such dots above or
// below it (a shaded field's dots stack), and returns how many runs it
// erased. Full stops, i-dots and decimal commas never run eight at an even
// pitch; a dotted rule is erased too, as ruling lines are.
int EraseLeaders(GrayImage& image);

// Dots inside a glyph's counter: the dot of a dotted zero (monospaced
// faces print 0 with a dot in it so that it is not taken for O) and a scan's
// speck that fell inside a 0, 6, 8, 9, a, e or o. Tesseract reads a dotted
// zero as 8 or 9 ("5 590 800" for 5 500 000) and a specked counter as
// another glyph. No letter or digit has a separate mark inside its own
// counter, so EraseCounterDots paints white every dark component of at most
// kMaxCounterDotArea300 pixels whose light surroundings are one enclosed
// region no larger than a counter (kMaxCounterSide300 a side), and returns
// how many. A small mark inside a table cell is not in a counter: the cell
// is larger.
inline constexpr int kMaxCounterDotArea300 = 60;
inline constexpr int kMaxCounterSide300 = 48;
int EraseCounterDots(GrayImage& image);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_OCR_SPECKLES_H_
