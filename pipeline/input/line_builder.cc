#include "pipeline/input/line_builder.h"

#include <algorithm>
#include <cmath>

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

void BuildLines(std::vector<Word> words, Page& page) {
  page.lines.clear();
  std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.box.cy() < b.box.cy();
  });
  // Sweep by vertical centre; a word joins the current line when it overlaps
  // the line's vertical band enough.
  std::vector<Line> lines;
  for (Word& w : words) {
    bool placed = false;
    if (!lines.empty()) {
      Line& cur = lines.back();
      double top = std::max(cur.box.y0, w.box.y0);
      double bottom = std::min(cur.box.y1, w.box.y1);
      double overlap = bottom - top;
      double h = std::min(cur.box.height(), w.box.height());
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
