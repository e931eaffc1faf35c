#include "pipeline/ocr/speckles.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace finsam {

namespace {

constexpr uint8_t kDark = 128;

// Calls visit(pixels) for every 8-connected component of dark pixels
// (grey < kDark) of at most `max_area` pixels, in scan order; pixels are
// indices y * width + x. Pixels are marked as they are flooded so that a
// large component is walked once, however many of its pixels start a
// search; `visit` may paint the component's pixels.
// An area given in pixels at 300 dpi, at `dpi` (0: 300), at least 1.
int ScaledArea(int area300, double dpi) {
  if (dpi <= 0) dpi = 300;
  return std::max(1, static_cast<int>(area300 * (dpi / 300) * (dpi / 300) + 0.5));
}

template <typename Visit>
void ForEachSmallComponent(const GrayImage& image, int max_area, Visit visit) {
  const int w = image.width, h = image.height;
  auto dark = [&](size_t i) { return image.pixels[i] < kDark; };
  std::vector<uint8_t> seen(static_cast<size_t>(w) * h, 0);
  std::vector<int> stack, comp;
  for (size_t i0 = 0; i0 < seen.size(); ++i0) {
    if (seen[i0] || !dark(i0)) continue;
    seen[i0] = 1;
    stack.assign(1, static_cast<int>(i0));
    comp.clear();
    bool small = true;
    while (!stack.empty()) {
      const int i = stack.back();
      stack.pop_back();
      if (small) {
        comp.push_back(i);
        if (static_cast<int>(comp.size()) > max_area) small = false;
      }
      const int x = i % w, y = i / w;
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          const int nx = x + dx, ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const size_t n = static_cast<size_t>(ny) * w + nx;
          if (seen[n] || !dark(n)) continue;
          seen[n] = 1;
          stack.push_back(static_cast<int>(n));
        }
      }
    }
    if (small) visit(comp);
  }
}

}  // namespace

int RemoveSpeckles(GrayImage& image) {
  if (image.empty()) return 0;
  const int w = image.width, h = image.height;
  const double dpi = image.dpi > 0 ? image.dpi : 300;
  const int max_area = ScaledArea(kMaxSpeckleArea300, dpi);
  auto dark = [&](int x, int y) { return image.pixels[static_cast<size_t>(y) * w + x] < kDark; };
  // Pass 1: the small components and their pixels.
  std::vector<int> pixels;  // the specks' pixels, each speck ended by -1
  int specks = 0;
  ForEachSmallComponent(image, max_area, [&](const std::vector<int>& comp) {
    ++specks;
    pixels.insert(pixels.end(), comp.begin(), comp.end());
    pixels.push_back(-1);
  });
  // Pass 2: only on a page strewn with specks.
  const double square_inches = (w / dpi) * (h / dpi);
  if (specks < kDottedPagePerSquareInch * square_inches) return 0;
  for (int i : pixels) {
    if (i < 0) continue;
    const int x = i % w, y = i / w;
    for (int dy = -1; dy <= 1; ++dy) {
      for (int dx = -1; dx <= 1; ++dx) {
        const int nx = x + dx, ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        // The speck itself and its light fringe; a dark neighbour would be
        // part of the speck (8-connected), so nothing else is touched.
        if ((dx == 0 && dy == 0) || !dark(nx, ny)) image.pixels[static_cast<size_t>(ny) * w + nx] = 255;
      }
    }
  }
  return specks;
}

void CleanShadedCrop(GrayImage& crop) {
  if (crop.empty()) return;
  const int max_area = ScaledArea(kMaxShadingDotArea300, crop.dpi);
  for (uint8_t& p : crop.pixels) p = p < kDark ? 0 : 255;
  ForEachSmallComponent(crop, max_area, [&crop](const std::vector<int>& comp) {
    for (int i : comp) crop.pixels[static_cast<size_t>(i)] = 255;
  });
}

}  // namespace finsam
