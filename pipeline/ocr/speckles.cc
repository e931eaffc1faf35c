#include "pipeline/ocr/speckles.h"

#include <algorithm>
#include <cmath>
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

int EraseLeaders(GrayImage& image) {
  if (image.empty()) return 0;
  const int w = image.width;
  const double scale = (image.dpi > 0 ? image.dpi : 300) / 300;
  // A leader's dot at 300 dpi: 8-10 pt type's full stop, 3-7 pixels a side
  // (up to 60 pixels), ragged on a 1-bit scan.
  const int max_area = ScaledArea(60, image.dpi);
  const double max_side = 10 * scale, min_side = std::max(1.0, 2 * scale);
  struct Dot {
    int x0, y0, x1, y1;
    std::vector<int> pixels;
    double cx() const { return (x0 + x1) / 2.0; }
    double cy() const { return (y0 + y1) / 2.0; }
  };
  std::vector<Dot> dots;
  ForEachSmallComponent(image, max_area, [&](const std::vector<int>& comp) {
    Dot d{w, image.height, -1, -1, comp};
    for (int i : comp) {
      d.x0 = std::min(d.x0, i % w);
      d.x1 = std::max(d.x1, i % w);
      d.y0 = std::min(d.y0, i / w);
      d.y1 = std::max(d.y1, i / w);
    }
    const double bw = d.x1 - d.x0 + 1, bh = d.y1 - d.y0 + 1;
    if (bw > max_side || bh > max_side || std::max(bw, bh) < min_side) return;
    if (bw > 2.5 * bh || bh > 2.5 * bw) return;
    dots.push_back(std::move(d));
  });
  if (dots.size() < 8) return 0;
  // Runs: dots in x order whose centres stay within a dot's height of the
  // run's first, each the next within six dot widths.
  std::vector<size_t> order(dots.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // (Left to right: a run starts at its leftmost dot, the one by the label.)
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return dots[a].x0 != dots[b].x0 ? dots[a].x0 < dots[b].x0 : dots[a].y0 < dots[b].y0;
  });
  std::vector<bool> used(dots.size(), false);
  int runs = 0;
  std::vector<int> erase;
  // Dots x0-sorted: the next dot of a run lies within a step's reach to the
  // right, found by walking `order` from the last dot's place (a page's
  // dots in such a window are few, however many the page holds).
  std::vector<size_t> place(dots.size());
  for (size_t i = 0; i < order.size(); ++i) place[order[i]] = i;
  for (size_t oi = 0; oi < order.size(); ++oi) {
    const size_t first = order[oi];
    if (used[first]) continue;
    std::vector<size_t> run = {first};
    const double size = std::max(dots[first].x1 - dots[first].x0 + 1, dots[first].y1 - dots[first].y0 + 1);
    const double reach = 6 * size + 2 * scale;
    for (;;) {
      const Dot& last = dots[run.back()];
      size_t next = dots.size();
      double best = 1e18;
      for (size_t oj = place[run.back()] + 1; oj < order.size(); ++oj) {
        const size_t j = order[oj];
        const Dot& d = dots[j];
        if (d.x0 - last.x1 > reach) break;  // x0-sorted: none further can be the next
        if (used[j]) continue;
        if (std::abs(d.cy() - dots[first].cy()) > std::max(2.0 * scale, 0.6 * size)) continue;
        const double dx = d.cx() - last.cx();
        if (dx <= 0 || dx > reach) continue;
        if (dx < best) {
          best = dx;
          next = j;
        }
      }
      if (next == dots.size()) break;
      run.push_back(next);
    }
    if (run.size() < 8) continue;
    // An even pitch: every step within a third of the median step.
    std::vector<double> steps;
    for (size_t k = 1; k < run.size(); ++k) steps.push_back(dots[run[k]].cx() - dots[run[k - 1]].cx());
    std::vector<double> sorted = steps;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const double pitch = sorted[sorted.size() / 2];
    int even = 0;
    for (double st : steps) even += std::abs(st - pitch) <= pitch / 3 + scale;
    if (even * 10 < static_cast<int>(steps.size()) * 8) continue;
    // No stack of dots above or below (a shaded field's).
    const int rx0 = dots[run.front()].x0, rx1 = dots[run.back()].x1;
    const double ry0 = dots[first].y0 - 3 * size, ry1 = dots[first].y1 + 3 * size;
    int stacked = 0;
    for (size_t j = 0; j < dots.size(); ++j) {
      if (std::find(run.begin(), run.end(), j) != run.end()) continue;
      const Dot& d = dots[j];
      if (d.x1 >= rx0 && d.x0 <= rx1 && d.cy() >= ry0 && d.cy() <= ry1) ++stacked;
    }
    if (stacked * 3 > static_cast<int>(run.size())) continue;
    ++runs;
    for (size_t k : run) {
      used[k] = true;
      erase.insert(erase.end(), dots[k].pixels.begin(), dots[k].pixels.end());
    }
  }
  // Each dot and its light anti-aliased fringe (as RemoveSpeckles).
  const int h = image.height;
  for (int i : erase) {
    const int x = i % w, y = i / w;
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx) {
        const int nx = x + dx, ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        uint8_t& p = image.pixels[static_cast<size_t>(ny) * w + nx];
        if ((dx == 0 && dy == 0) || p >= kDark) p = 255;
      }
  }
  return runs;
}

int EraseCounterDots(GrayImage& image) {
  if (image.empty()) return 0;
  const int w = image.width, h = image.height;
  const double scale = (image.dpi > 0 ? image.dpi : 300) / 300;
  const int max_dot = ScaledArea(kMaxCounterDotArea300, image.dpi);
  const int max_side = std::max(4, static_cast<int>(kMaxCounterSide300 * scale + 0.5));
  const size_t max_region = static_cast<size_t>(max_side) * max_side;
  auto light = [&](int x, int y) { return image.pixels[static_cast<size_t>(y) * w + x] >= kDark; };
  std::vector<int> erase;
  std::vector<int> region, stack;
  std::vector<uint8_t> mark(static_cast<size_t>(w) * h, 0);  // 1: in the region being walked
  ForEachSmallComponent(image, max_dot, [&](const std::vector<int>& comp) {
    // The light pixels 4-adjacent to the dot.
    std::vector<int> around;
    for (int i : comp) {
      const int x = i % w, y = i / w;
      const int nx[4] = {x - 1, x + 1, x, x}, ny[4] = {y, y, y - 1, y + 1};
      for (int k = 0; k < 4; ++k) {
        if (nx[k] < 0 || ny[k] < 0 || nx[k] >= w || ny[k] >= h) return;  // at the image's edge
        if (light(nx[k], ny[k])) around.push_back(ny[k] * w + nx[k]);
      }
    }
    if (around.empty()) return;
    // The 4-connected light region from the first of them, walked only as
    // far as a counter reaches.
    region.clear();
    stack.assign(1, around.front());
    mark[static_cast<size_t>(around.front())] = 1;
    int x0 = w, y0 = h, x1 = -1, y1 = -1;
    bool enclosed = true;
    while (!stack.empty() && enclosed) {
      const int i = stack.back();
      stack.pop_back();
      region.push_back(i);
      const int x = i % w, y = i / w;
      x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      if (x1 - x0 >= max_side || y1 - y0 >= max_side || region.size() > max_region) {
        enclosed = false;
        break;
      }
      const int nx[4] = {x - 1, x + 1, x, x}, ny[4] = {y, y, y - 1, y + 1};
      for (int k = 0; k < 4; ++k) {
        if (nx[k] < 0 || ny[k] < 0 || nx[k] >= w || ny[k] >= h) {
          enclosed = false;
          break;
        }
        const size_t n = static_cast<size_t>(ny[k]) * w + nx[k];
        if (mark[n] || !light(nx[k], ny[k])) continue;
        mark[n] = 1;
        stack.push_back(static_cast<int>(n));
      }
    }
    // Every light pixel around the dot must lie in that one region.
    if (enclosed)
      for (int i : around)
        if (!mark[static_cast<size_t>(i)]) enclosed = false;
    // The region must be more than the dot's own halo: a counter is wider
    // than the mark inside it.
    int dx0 = w, dx1 = -1;
    for (int i : comp) dx0 = std::min(dx0, i % w), dx1 = std::max(dx1, i % w);
    if (enclosed && (x1 - x0) < (dx1 - dx0) + 2) enclosed = false;
    for (int i : region) mark[static_cast<size_t>(i)] = 0;
    for (int i : stack) mark[static_cast<size_t>(i)] = 0;
    if (enclosed) erase.insert(erase.end(), comp.begin(), comp.end()), erase.push_back(-1);
  });
  int dots = 0;
  for (int i : erase) {
    if (i < 0) {
      ++dots;
      continue;
    }
    image.pixels[static_cast<size_t>(i)] = 255;
  }
  return dots;
}

}  // namespace finsam
