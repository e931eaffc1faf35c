#include "pipeline/ocr/ruling_lines.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "pipeline/ocr/ocr_leptonica.h"
#include "pipeline/ocr/ocr_text.h"

namespace finsam {
namespace {

// Dark pixels (ink) at or below this gray level count as line ink.
constexpr int kInkThreshold = 215;

void CollectLines(Pix* mask, bool horizontal, int min_len, int max_thick, std::vector<RulingLine>& out) {
  BOXA* boxa = pixConnCompBB(mask, 8);
  if (!boxa) return;
  const int n = boxaGetCount(boxa);
  for (int i = 0; i < n; ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h) != 0) continue;
    const int len = horizontal ? w : h;
    const int thick = horizontal ? h : w;
    if (len < min_len || thick > max_thick) continue;
    out.push_back(RulingLine{horizontal, x, y, x + w, y + h});
  }
  boxaDestroy(&boxa);
}

// A ruling line is ink on paper: its core (the darkest row of a horizontal
// line's box, column of a vertical one) must be darker than the paper beside
// it by this many gray levels along most of its length. A shaded column or
// row (a grey fill behind the current year's figures, common in annual
// reports) binarizes to a mass of ink at kInkThreshold, and JPEG noise in it
// leaves long thin pieces that look like rules; erasing them cut the digits
// printed on the fill.
constexpr int kMinLineContrast = 40;
constexpr double kMinDarkShare = 0.75;

// Mean gray of the rectangle clipped to the image; -1 when empty.
double MeanGray(const GrayImage& img, int x0, int y0, int x1, int y1) {
  x0 = std::max(0, x0), y0 = std::max(0, y0);
  x1 = std::min(img.width, x1), y1 = std::min(img.height, y1);
  if (x0 >= x1 || y0 >= y1) return -1;
  double sum = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) sum += img.at(x, y);
  return sum / (static_cast<double>(x1 - x0) * (y1 - y0));
}

// True when the line stands out from the paper on both sides (see
// kMinLineContrast). Sides are strips as thick as the line (at least 2 px),
// `gap` pixels away from its box.
bool ContrastsWithPaper(const GrayImage& img, const RulingLine& l, int gap) {
  const int thick = std::max(2, l.horizontal ? l.y1 - l.y0 : l.x1 - l.x0);
  double side_a, side_b;
  if (l.horizontal) {
    side_a = MeanGray(img, l.x0, l.y0 - gap - thick, l.x1, l.y0 - gap);
    side_b = MeanGray(img, l.x0, l.y1 + gap, l.x1, l.y1 + gap + thick);
  } else {
    side_a = MeanGray(img, l.x0 - gap - thick, l.y0, l.x0 - gap, l.y1);
    side_b = MeanGray(img, l.x1 + gap, l.y0, l.x1 + gap + thick, l.y1);
  }
  // At the image's edge only one side is paper.
  double paper = side_a < 0 ? side_b : side_b < 0 ? side_a : std::min(side_a, side_b);
  if (paper < 0) return true;
  // The core: the darkest row (column) of the box.
  int best = -1;
  double best_mean = 256;
  const int from = l.horizontal ? l.y0 : l.x0, to = l.horizontal ? l.y1 : l.x1;
  for (int k = from; k < to; ++k) {
    double m = l.horizontal ? MeanGray(img, l.x0, k, l.x1, k + 1) : MeanGray(img, k, l.y0, k + 1, l.y1);
    if (m >= 0 && m < best_mean) best_mean = m, best = k;
  }
  if (best < 0) return false;
  const int len = l.horizontal ? l.x1 - l.x0 : l.y1 - l.y0;
  int dark = 0;
  for (int t = 0; t < len; ++t) {
    // A pixel of the core, or its neighbour across the line (a rule may
    // straddle two rows after deskewing).
    int v = 255;
    for (int d = -1; d <= 1; ++d) {
      int x = l.horizontal ? l.x0 + t : best + d, y = l.horizontal ? best + d : l.y0 + t;
      if (x >= 0 && y >= 0 && x < img.width && y < img.height) v = std::min(v, static_cast<int>(img.at(x, y)));
    }
    dark += v <= paper - kMinLineContrast;
  }
  return dark >= kMinDarkShare * len;
}

}  // namespace

std::vector<RulingLine> FindRulingLines(const GrayImage& image) {
  std::vector<RulingLine> lines;
  if (image.empty()) return lines;
  QuietLeptonica();
  const double dpi = image.dpi > 0 ? image.dpi : 300;
  PixPtr gray = PixFromGray(image);
  if (!gray) return lines;
  PixPtr bin(pixConvertTo1(gray.get(), kInkThreshold));
  if (!bin) return lines;
  // Above 200 dpi the search runs on a 2x OR-reduced copy (a 1-px rule stays
  // a rule): 4x less morphology; boxes are scaled back at the end.
  int factor = 1;
  if (dpi > 200) {
    PixPtr half(pixReduceRankBinary2(bin.get(), 1, nullptr));
    if (half) {
      bin = std::move(half);
      factor = 2;
    }
  }
  const double dpi_full = dpi;
  {
  const double dpi = dpi_full / factor;
  const int hlen = std::max(10, static_cast<int>(dpi * 0.5));
  const int vlen = std::max(10, static_cast<int>(dpi * 0.3));
  const int max_thick = std::max(3, static_cast<int>(dpi * 0.03));
  // Seeds: solid runs longer than any stroke of a letter (a bold "T" bar or a
  // long stem is < 0.15 in). Then bridge the gaps that scanning and JPEG
  // leave in a faint line, along the line only, and keep long thin pieces.
  const int hseed = std::max(8, static_cast<int>(dpi * 0.2));
  const int vseed = std::max(8, static_cast<int>(dpi * 0.2));
  const int bridge = std::max(3, static_cast<int>(dpi * 0.07));
  PixPtr hopen(pixOpenBrick(nullptr, bin.get(), hseed, 1));
  PixPtr hmask(hopen ? pixCloseBrick(nullptr, hopen.get(), bridge, 1) : nullptr);
  if (hmask) CollectLines(hmask.get(), true, hlen, max_thick, lines);
  PixPtr vopen(pixOpenBrick(nullptr, bin.get(), 1, vseed));
  PixPtr vmask(vopen ? pixCloseBrick(nullptr, vopen.get(), 1, bridge) : nullptr);
  if (vmask) CollectLines(vmask.get(), false, vlen, max_thick, lines);
  }
  if (factor != 1) {
    for (RulingLine& l : lines) {
      l.x0 *= factor; l.y0 *= factor;
      l.x1 = std::min(image.width, l.x1 * factor);
      l.y1 = std::min(image.height, l.y1 * factor);
    }
  }
  const int gap = std::max(2, static_cast<int>(dpi / 100));
  std::erase_if(lines, [&](const RulingLine& l) { return !ContrastsWithPaper(image, l, gap); });
  return lines;
}

void EraseRulingLines(const std::vector<RulingLine>& lines, GrayImage& image) {
  const int grow = std::max(1, static_cast<int>((image.dpi > 0 ? image.dpi : 300) / 150));
  for (const RulingLine& l : lines) {
    const int x0 = std::max(0, l.x0 - grow), x1 = std::min(image.width, l.x1 + grow);
    const int y0 = std::max(0, l.y0 - grow), y1 = std::min(image.height, l.y1 + grow);
    for (int y = y0; y < y1; ++y)
      std::fill(image.pixels.begin() + static_cast<size_t>(y) * image.width + x0,
                image.pixels.begin() + static_cast<size_t>(y) * image.width + x1, uint8_t{255});
  }
}

std::vector<RulingLine> LinesToErase(const std::vector<RulingLine>& lines) {
  constexpr int kTol = 6;  // a grid's lines may stop a few pixels short of a crossing
  std::vector<RulingLine> out;
  for (const RulingLine& l : lines) {
    bool keep = !l.horizontal;
    for (size_t k = 0; k < lines.size() && !keep; ++k) {
      const RulingLine& v = lines[k];
      keep = !v.horizontal && v.x1 >= l.x0 - kTol && v.x0 <= l.x1 + kTol && v.y1 >= l.y0 - kTol &&
             v.y0 <= l.y1 + kTol;
    }
    if (keep) out.push_back(l);
  }
  return out;
}

std::optional<PixelRect> CellAround(const std::vector<RulingLine>& lines, double x, double y) {
  constexpr int kTol = 4;  // lines may stop a few pixels short of a crossing
  int left = -1, right = -1, top = -1, bottom = -1;
  for (const RulingLine& l : lines) {
    if (l.horizontal) {
      if (x < l.x0 - kTol || x > l.x1 + kTol) continue;
      if (l.y1 <= y && (top < 0 || l.y1 > top)) top = l.y1;
      if (l.y0 >= y && (bottom < 0 || l.y0 < bottom)) bottom = l.y0;
    } else {
      if (y < l.y0 - kTol || y > l.y1 + kTol) continue;
      if (l.x1 <= x && (left < 0 || l.x1 > left)) left = l.x1;
      if (l.x0 >= x && (right < 0 || l.x0 < right)) right = l.x0;
    }
  }
  if (left < 0 || right < 0 || top < 0 || bottom < 0) return std::nullopt;
  return PixelRect{left, top, right, bottom};
}

namespace {
constexpr double kMaxGapHeights = 1.2;
constexpr double kReaderGapHeights = 0.6;
}  // namespace

void JoinNumberPartsInCells(const std::vector<RulingLine>& lines, std::vector<OcrWord>& words) {
  auto digits = [](const std::string& t, size_t from) {
    for (size_t k = from; k < t.size(); ++k)
      if (t[k] < '0' || t[k] > '9') return false;
    return t.size() > from;
  };
  auto is_head = [&](const std::string& t) {
    size_t i = (!t.empty() && (t[0] == '-')) ? 1 : 0;
    return digits(t, i) && t.size() - i <= 3;
  };
  auto is_group = [&](const std::string& t) { return t.size() == 3 && digits(t, 0); };
  struct CellWords {
    PixelRect rect;
    std::vector<size_t> idx;
  };
  std::vector<CellWords> cells;
  for (size_t i = 0; i < words.size(); ++i) {
    const OcrWord& w = words[i];
    std::optional<PixelRect> r = CellAround(lines, (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2);
    if (!r) continue;
    CellWords* cell = nullptr;
    for (CellWords& c : cells)
      if (c.rect.x0 == r->x0 && c.rect.y0 == r->y0 && c.rect.x1 == r->x1 && c.rect.y1 == r->y1) cell = &c;
    if (!cell) {
      cells.push_back(CellWords{*r, {}});
      cell = &cells.back();
    }
    cell->idx.push_back(i);
  }
  std::vector<bool> gone(words.size(), false);
  for (CellWords& c : cells) {
    if (c.idx.size() < 2) continue;
    std::sort(c.idx.begin(), c.idx.end(), [&](size_t a, size_t b) { return words[a].x0 < words[b].x0; });
    const OcrWord& first = words[c.idx[0]];
    const double h = first.y1 - first.y0;
    bool one_number = is_head(words[c.idx[0]].text), wide = false;
    for (size_t k = 1; k < c.idx.size() && one_number; ++k) {
      const OcrWord& w = words[c.idx[k]];
      const double dy = std::abs((w.y0 + w.y1) / 2 - (first.y0 + first.y1) / 2);
      // A thousands gap is at most about one digit's height of ink (a
      // monospaced font's whole character); wider means two figures in a
      // cell whose dividing rule was not found.
      const OcrWord& prev = words[c.idx[k - 1]];
      const double gap = w.x0 - prev.x1, height = std::max(h, w.y1 - w.y0);
      one_number = is_group(w.text) && dy < 0.5 * height && gap >= 0 && gap < kMaxGapHeights * height;
      // Parts closer than the table reader's own gap rule (0.6 × the height,
      // table_readers.h number_gap_heights) are left to it: only the wide
      // gaps it would split need the cell's evidence.
      wide |= gap >= kReaderGapHeights * height;
    }
    if (!one_number || !wide) continue;
    OcrWord& head = words[c.idx[0]];
    for (size_t k = 1; k < c.idx.size(); ++k) {
      const OcrWord& w = words[c.idx[k]];
      head.readings = JoinedReadings(head.text, head.readings, " ", w.text, w.readings);
      head.text += " " + w.text;
      head.x0 = std::min(head.x0, w.x0);
      head.y0 = std::min(head.y0, w.y0);
      head.x1 = std::max(head.x1, w.x1);
      head.y1 = std::max(head.y1, w.y1);
      head.confidence = std::min(head.confidence, w.confidence);
      gone[c.idx[k]] = true;
    }
  }
  std::vector<OcrWord> kept;
  kept.reserve(words.size());
  for (size_t i = 0; i < words.size(); ++i)
    if (!gone[i]) kept.push_back(std::move(words[i]));
  words = std::move(kept);
}

}  // namespace finsam
