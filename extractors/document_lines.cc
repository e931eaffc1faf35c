#include "extractors/document_lines.h"

#include <re2/re2.h>

#include <algorithm>

#include "normalizers/regex.h"
#include "normalizers/text.h"

namespace finsam {

std::vector<LineRef> AllLines(const Document& doc) {
  std::vector<LineRef> out;
  for (const Page& p : doc.pages)
    for (const Line& l : p.lines) out.push_back({&p, &l});
  return out;
}

bool IsBlank(const LineRef& l) { return CollapseSpaces(l.line->text).empty(); }

bool IsOcrPage(const Page& page) {
  if (page.decision == PageDecision::kOcr || page.decision == PageDecision::kRepair) return true;
  for (const Line& l : page.lines)
    for (const Word& w : l.words)
      if (w.source == WordSource::kOcr) return true;
  return false;
}

namespace {

// The page's usual baseline-to-baseline distance inside paragraphs: the
// median of the distances between consecutive lines that are no further
// apart than about two line heights.
double TypicalPitch(const Page& page) {
  std::vector<double> heights, pitches;
  for (const Line& l : page.lines)
    if (!l.words.empty()) heights.push_back(l.box.height());
  if (heights.empty()) return 0;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  double h = heights[heights.size() / 2];
  for (size_t i = 1; i < page.lines.size(); ++i) {
    if (page.lines[i].words.empty() || page.lines[i - 1].words.empty()) continue;
    double p = page.lines[i].box.y1 - page.lines[i - 1].box.y1;
    if (p > 0 && p <= 2.2 * h) pitches.push_back(p);
  }
  if (pitches.empty()) return 0;
  std::nth_element(pitches.begin(), pitches.begin() + pitches.size() / 2, pitches.end());
  return pitches[pitches.size() / 2];
}

}  // namespace

bool Continues(const LineRef& prev, const LineRef& next) {
  if (prev.page != next.page || IsBlank(prev) || IsBlank(next)) return false;
  if (next.page->unit == BoxUnit::kCharCell) return next.line->index == prev.line->index + 1;
  double h = std::max(1.0, prev.line->box.height());
  double gap = next.line->box.y0 - prev.line->box.y1;
  if (gap >= -h && gap < 0.8 * h) return true;
  // OCR boxes hug the glyphs, so a lowercase-only line ("medel") looks
  // further away than it is; compare baselines with the page's line pitch.
  if (!IsOcrPage(*next.page)) return false;
  double pitch = next.line->box.y1 - prev.line->box.y1;
  double typical = TypicalPitch(*next.page);
  return typical > 0 && pitch > 0 && pitch <= 1.35 * typical;
}

Provenance ProvenanceOf(const LineRef& l, const std::string& raw) {
  Provenance p;
  p.page = l.page->number;
  p.box = l.line->box;
  p.line_index = l.line->index;
  p.raw_text = raw.empty() ? CollapseSpaces(l.line->text) : raw;
  double conf = 1.0;
  for (const Word& w : l.line->words) conf = std::min(conf, static_cast<double>(w.confidence));
  p.confidence = conf;
  return p;
}

namespace {

// A sentence broken by a page break: the previous page's last line does not
// end a sentence and the next page's first line starts in lower case.
bool ContinuesOverPage(const std::vector<LineRef>& lines, size_t prev, size_t next) {
  if (lines[prev].page == lines[next].page) return false;
  for (size_t k = prev + 1; k < next; ++k)
    if (!IsBlank(lines[k])) return false;
  std::string a = CollapseSpaces(lines[prev].text()), b = CollapseSpaces(lines[next].text());
  if (a.empty() || b.empty()) return false;
  char end = a.back();
  if (end == '.' || end == ':' || end == '!' || end == '?' || end == ';') return false;
  return (b[0] >= 'a' && b[0] <= 'z') || (static_cast<unsigned char>(b[0]) == 0xC3 &&
                                          b.size() > 1 && static_cast<unsigned char>(b[1]) >= 0xA0);
}

}  // namespace

std::vector<Paragraph> Paragraphs(const std::vector<LineRef>& lines) {
  std::vector<Paragraph> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (IsBlank(lines[i])) continue;
    std::string t = CollapseSpaces(lines[i].text());
    if (!out.empty() && ContinuesOverPage(lines, out.back().last, i)) {
      out.back().text += " " + t;
      out.back().last = i;
      continue;
    }
    if (!out.empty() && out.back().last + 1 == i && Continues(lines[i - 1], lines[i])) {
      out.back().text += " " + t;
      out.back().last = i;
    } else {
      out.push_back({t, i, i});
    }
  }
  return out;
}

double OrderKey(const LineRef& l) {
  double y = l.page->unit == BoxUnit::kCharCell ? l.line->index : l.line->box.y0;
  return l.page->number * 1e6 + y;
}

int DocumentYear(const Document& doc) {
  if (doc.meta.year_from) return doc.meta.year_from;
  return doc.meta.year_to;
}

bool IsPipeRule(const std::string& line) {
  return RE2::FullMatch(CollapseSpaces(line), "\\|?(?:\\s*:?-{2,}:?\\s*\\|)+\\s*(?::?-{2,}:?)?\\s*\\|?"_re);
}

std::vector<std::string> SplitTextCells(const std::string& line) {
  std::vector<std::string> out;
  char sep = line.find('\t') != std::string::npos ? '\t' : (line.find('|') != std::string::npos ? '|' : 0);
  if (!sep) return out;
  std::string s = sep == '\t' ? line : CollapseSpaces(line);
  if (sep == '|') {
    if (!s.empty() && s.front() == '|') s.erase(0, 1);
    if (!s.empty() && s.back() == '|') s.pop_back();
  }
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    out.push_back(CollapseSpaces(StripHtml(s.substr(start, at == std::string::npos ? std::string::npos : at - start))));
    if (at == std::string::npos) break;
    start = at + 1;
  }
  if (out.size() < 2) out.clear();
  return out;
}

}  // namespace finsam
