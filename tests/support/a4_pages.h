// Synthetic PDF-like pages for the layout readers' tests: positioned words
// on A4 pages (595 x 842 pt, origin top left, y growing down), built word
// by word so each test states exactly the layout it exercises. Byte width
// of text is kCharPt; a word's height is its type size.
#ifndef FINSAM_TESTS_SUPPORT_A4_PAGES_H_
#define FINSAM_TESTS_SUPPORT_A4_PAGES_H_

#include <string>
#include <vector>

#include "model/document.h"
#include "model/text_split.h"
#include "pipeline/input/line_builder.h"

namespace finsam::fixtures {

inline constexpr double kCharPt = 6;     // width of one byte of text
inline constexpr double kHeightPt = 10;  // body type

// A word whose left edge is at x, top at y.
inline Word L(const std::string& t, double x, double y, double height = kHeightPt) {
  Word w;
  w.text = w.raw = t;
  w.box = Box{x, y, x + kCharPt * (height / kHeightPt) * t.size(), y + height};
  return w;
}

// A word whose right edge is at xr (right-aligned figures).
inline Word R(const std::string& t, double xr, double y, double height = kHeightPt) {
  return L(t, xr - kCharPt * (height / kHeightPt) * t.size(), y, height);
}

// A figure right-aligned at xr, its thousands groups as separate words the
// way PDF text layers split them ("2 315" → "2" "315").
inline std::vector<Word> Num(const std::string& t, double xr, double y) {
  std::vector<std::string> parts = SplitOn(t, ' ');
  std::vector<Word> out;
  double x = xr;
  for (size_t i = parts.size(); i-- > 0;) {
    out.push_back(R(parts[i], x, y));
    x -= kCharPt * parts[i].size() + 3;  // a thin thousands space
  }
  return out;
}

struct PageBuilder {
  std::vector<Word> words;
  void Add(const Word& w) { words.push_back(w); }
  void Add(const std::vector<Word>& ws) { words.insert(words.end(), ws.begin(), ws.end()); }
  // Words of `text` from x = 50, one space apart, in type of `height`.
  void Text(const std::string& text, double y, double height = kHeightPt) { TextAt(text, 50, y, height); }
  // Words of `text` from x, one space apart (a table cell).
  void TextAt(const std::string& text, double x, double y, double height = kHeightPt) {
    for (size_t b = 0; b < text.size();) {
      size_t e = text.find(' ', b);
      if (e == std::string::npos) e = text.size();
      std::string word = text.substr(b, e - b);
      Add(L(word, x, y, height));
      x += kCharPt * (height / kHeightPt) * (word.size() + 1);
      b = e + 1;
    }
  }
  // A label at the left margin and figures right-aligned at `rights`; "" is
  // an empty cell.
  void Row(const std::string& label, double y, const std::vector<double>& rights,
           const std::vector<std::string>& figures) {
    Text(label, y);
    for (size_t i = 0; i < figures.size() && i < rights.size(); ++i)
      if (!figures[i].empty()) Add(Num(figures[i], rights[i], y));
  }
};

// A document of A4 pages, one list of positioned words per page, numbered
// from 1, lines built as the PDF reader builds them.
inline Document A4Pages(const std::string& kind, const std::vector<std::vector<Word>>& pages) {
  Document doc;
  doc.meta.kind = kind;
  for (size_t n = 0; n < pages.size(); ++n) {
    Page p;
    p.number = static_cast<int>(n + 1);
    p.width = 595;
    p.height = 842;
    BuildLines(pages[n], p);
    doc.pages.push_back(p);
  }
  return doc;
}

}  // namespace finsam::fixtures

#endif  // FINSAM_TESTS_SUPPORT_A4_PAGES_H_
