#include "pipeline/input/line_builder.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "normalizers/text.h"
#include "normalizers/utf8.h"

namespace finsam {

void FinishLine(Line& line) {
  line.text.clear();
  line.raw.clear();
  line.box = Box{};
  for (size_t i = 0; i < line.words.size(); ++i) {
    if (i) {
      line.text += ' ';
      line.raw += ' ';
    }
    line.text += line.words[i].text;
    line.raw += line.words[i].raw;
    line.box.Extend(line.words[i].box);
  }
}

namespace {

// Tab leaders are no text (normalizers/text.h): a word that holds one
// becomes its head and its tail ("intäkter......1": the label's last word
// and the note reference at the tab stop), each with its share of the box
// by characters; a word that is only OCR's reading of leader dots goes.
std::vector<Word> WithoutLeaders(std::vector<Word> words) {
  std::vector<Word> out;
  out.reserve(words.size());
  for (Word& w : words) {
    if (IsLeaderGarbage(w.text)) continue;
    std::string head, tail;
    if (!SplitAtLeader(w.text, &head, &tail)) {
      out.push_back(std::move(w));
      continue;
    }
    const double per = w.box.width() / static_cast<double>(std::max<size_t>(1, CodePointCount(w.text)));
    if (!head.empty()) {
      Word h = w;
      h.text = h.raw = head;
      h.readings.clear();
      h.box.x1 = h.box.x0 + per * static_cast<double>(CodePointCount(head));
      out.push_back(std::move(h));
    }
    if (!tail.empty()) {
      Word t = w;
      t.text = t.raw = tail;
      t.readings.clear();
      t.box.x0 = t.box.x1 - per * static_cast<double>(CodePointCount(tail));
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace

void BuildLines(std::vector<Word> words, Page& page) {
  page.lines.clear();
  words = WithoutLeaders(std::move(words));
  std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.box.cy() < b.box.cy();
  });
  // Sweep by vertical centre; a word joins the current line when it overlaps
  // the line's vertical band enough. The band is the union of the line's
  // words, except that a word without digits that took in something under
  // it ends at the line's median bottom: it reaches more than three
  // quarters of the line's usual height below that median (a descender
  // reaches a third) and is far taller than its letters are wide (2.5 times
  // the width of a character: "budget" of an OCR title reaching a line
  // down, a rule beside a page header read as "-"). Such a box would pull
  // the next line into this one. A word in a larger font is not elongated
  // ("ÅRSREDOVISNING" beside small print) and keeps its height. A tall
  // figure is a number that wrapped in its cell, joined by the OCR adapter
  // ("6 660" over two lines): its parts on the next line belong to this row.
  std::vector<Line> lines;
  for (Word& w : words) {
    bool placed = false;
    if (!lines.empty()) {
      Line& cur = lines.back();
      std::vector<double> heights, bottoms;
      for (const Word& o : cur.words) {
        heights.push_back(o.box.height());
        bottoms.push_back(o.box.y1);
      }
      const size_t mid = heights.size() / 2;
      std::nth_element(heights.begin(), heights.begin() + mid, heights.end());
      std::nth_element(bottoms.begin(), bottoms.begin() + mid, bottoms.end());
      const double usual = heights[mid], usual_bottom = bottoms[mid];
      double band_top = 1e18, band_bottom = -1e18;
      for (const Word& o : cur.words) {
        const double char_width = o.box.width() / std::max<size_t>(1, CodePointCount(o.text));
        const bool overreaching = o.box.y1 - usual_bottom > 0.75 * usual && !HasDigit(o.text) &&
                                  o.box.height() > 2.5 * char_width;
        band_top = std::min(band_top, o.box.y0);
        band_bottom = std::max(band_bottom, overreaching ? usual_bottom : o.box.y1);
      }
      double top = std::max(band_top, w.box.y0);
      double bottom = std::min(band_bottom, w.box.y1);
      double overlap = bottom - top;
      double h = std::min(band_bottom - band_top, w.box.height());
      if (h > 0 && overlap >= 0.5 * h) {
        cur.box.Extend(w.box);
        cur.words.push_back(std::move(w));
        placed = true;
      }
    }
    if (!placed) {
      Line line;
      line.box = w.box;
      line.words.push_back(std::move(w));
      lines.push_back(std::move(line));
    }
  }
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.box.y0 < b.box.y0; });
  int block = 0;
  double prev_bottom = -1e9, prev_h = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    std::stable_sort(l.words.begin(), l.words.end(),
                     [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
    FinishLine(l);
    double gap = l.box.y0 - prev_bottom;
    if (i > 0 && gap > 0.6 * std::max(prev_h, l.box.height())) ++block;
    l.block = block;
    l.index = static_cast<int>(i);
    prev_bottom = l.box.y1;
    prev_h = l.box.height();
  }
  page.lines = std::move(lines);
}

}  // namespace finsam
