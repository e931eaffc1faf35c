#include "pipeline/input/text_reader.h"

#include "normalizers/text.h"
#include "normalizers/utf8.h"

namespace finsam {

std::vector<Word> SplitTextLine(const std::string& line, int y) {
  std::vector<Word> words;
  int col = 0;
  size_t i = 0;
  while (i < line.size()) {
    unsigned char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      col = c == '\t' ? (col / 8 + 1) * 8 : col + (c == ' ');
      ++i;
      continue;
    }
    size_t start = i;
    int start_col = col;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
      NextCodePoint(line, &i);
      ++col;
    }
    Word w;
    w.raw = line.substr(start, i - start);
    w.text = w.raw;
    w.box = Box{double(start_col), double(y), double(col), double(y + 1)};
    w.source = WordSource::kPlainText;
    w.confidence = 1.0f;
    words.push_back(std::move(w));
  }
  return words;
}

void ReadText(const std::string& utf8, Document& doc) {
  Page page;
  page.number = 1;
  page.unit = BoxUnit::kCharCell;
  auto flush = [&]() {
    page.height = static_cast<double>(page.lines.size());
    doc.pages.push_back(std::move(page));
    page = Page();
    page.number = static_cast<int>(doc.pages.size()) + 1;
    page.unit = BoxUnit::kCharCell;
  };
  size_t pos = 0;
  while (pos <= utf8.size()) {
    size_t nl = utf8.find('\n', pos);
    std::string line = utf8.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Form feeds split pages; text before the feed ends the old page.
    size_t ff;
    while ((ff = line.find('\f')) != std::string::npos) {
      std::string before = line.substr(0, ff);
      if (!before.empty()) {
        Line l;
        l.raw = before;
        l.text = WithoutLeaders(before);  // tab leaders are no text (normalizers/text.h)
        l.index = static_cast<int>(page.lines.size());
        l.words = SplitTextLine(l.text, l.index);
        page.lines.push_back(std::move(l));
      }
      flush();
      line = line.substr(ff + 1);
    }
    Line l;
    l.raw = line;
    l.text = WithoutLeaders(line);
    l.index = static_cast<int>(page.lines.size());
    l.words = SplitTextLine(l.text, l.index);
    for (const Word& w : l.words) l.box.Extend(w.box);
    double width = 0;
    for (const Word& w : l.words) width = std::max(width, w.box.x1);
    page.width = std::max(page.width, width);
    page.lines.push_back(std::move(l));
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  flush();
  // Blocks: blank lines separate blocks.
  for (Page& p : doc.pages) {
    int block = 0;
    bool prev_blank = false;
    for (Line& l : p.lines) {
      bool blank = l.words.empty();
      if (!blank && prev_blank) ++block;
      l.block = block;
      prev_blank = blank;
    }
  }
  // A trailing empty page after a final form feed is dropped.
  while (doc.pages.size() > 1) {
    const Page& last = doc.pages.back();
    bool empty = true;
    for (const Line& l : last.lines) empty &= l.words.empty();
    if (!empty) break;
    doc.pages.pop_back();
  }
}

}  // namespace finsam
