// The document as the governance extractors (board, goals, interventions,
// members) read it: a flat list of its lines, blank lines, paragraphs
// (also over page breaks), document order, provenance for a value read from
// a line, and the report year.
#ifndef FINSAM_EXTRACTORS_DOCUMENT_LINES_H_
#define FINSAM_EXTRACTORS_DOCUMENT_LINES_H_

#include <string>
#include <vector>

#include "model/document.h"
#include "model/governance.h"

namespace finsam {

// True for a page whose words come from OCR (decided ocr or repair, or with
// OCR words): boxes there hug the glyphs and jitter by a point or two.
bool IsOcrPage(const Page& page);

// One line of the document with its page.
struct LineRef {
  const Page* page = nullptr;
  const Line* line = nullptr;
  const std::string& text() const { return line->text; }
};
std::vector<LineRef> AllLines(const Document& doc);
bool IsBlank(const LineRef& l);
// True when `next` continues the paragraph of `prev`: the next line on the
// same page with no blank line (text input) or no extra vertical gap (PDF).
bool Continues(const LineRef& prev, const LineRef& next);
// Provenance for a value read from `l` (raw_text = `raw`, or the line text).
Provenance ProvenanceOf(const LineRef& l, const std::string& raw = "");
// Paragraphs: runs of lines where each Continues() the previous (or a
// sentence that goes on over a page break), joined by
// one space. `first`/`last` index into the LineRef vector they came from.
struct Paragraph {
  std::string text;
  size_t first = 0, last = 0;
};
std::vector<Paragraph> Paragraphs(const std::vector<LineRef>& lines);

// The cells of a text-dump table row: tab-separated, or a markdown/pipe row
// ("| a | b |"), each with HTML tags dropped and spaces collapsed; fewer
// than two cells: not a table row (empty).
std::vector<std::string> SplitTextCells(const std::string& line);
// A markdown table's rule row ("|---|:--:|").
bool IsPipeRule(const std::string& line);

// A document order key (page × 1e6 + y or line index) for sorting.
double OrderKey(const LineRef& l);

// Years: the year of the report. For an årsredovisning the reported year,
// for a plan its first year; 0 when unknown.
int DocumentYear(const Document& doc);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_DOCUMENT_LINES_H_
