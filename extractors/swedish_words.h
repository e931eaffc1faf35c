// Small Swedish-text helpers shared by the governance extractors
// (board, goals, interventions, members):
//  - number words ("åtta" → 8) and share words ("hälften" → 0.5),
//  - a diacritic- and case-folded copy of a text that maps back to the
//    original bytes, so patterns match stripped/garbled text ("ledamoter",
//    "erséttare") while values are cut from the text as printed,
//  - HTML stripping for the cells of text dumps ("<p>…</p>", "<i>"),
//  - a flat list of the document's lines with provenance helpers.
#ifndef FINSAM_EXTRACTORS_SWEDISH_WORDS_H_
#define FINSAM_EXTRACTORS_SWEDISH_WORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/governance.h"

namespace finsam {

// "en"/"ett" 1 … "tjugo" 20, also "trettio", "fyrtio", "femtio"; accepts
// stripped spellings ("atta", "tva") and any case. nullopt otherwise.
std::optional<int> SwedishNumberWord(std::string_view word);
// A count written as digits ("8") or as a number word ("åtta").
std::optional<int> ParseCount(std::string_view word);
// "hälften" 0.5, "halva" 0.5, "en fjärdedel"/"fjärdedel" 0.25,
// "tredjedel" 1/3, "en femtedel" 0.2 … (stripped spellings accepted).
std::optional<double> SwedishShareWord(std::string_view text);

// Amount as printed ("13 320", "-215", "892 400", "480,5") → value.
std::optional<double> ParseAmount(std::string_view text);

// Folded text: lowercase ASCII with Swedish/Latin diacritics removed
// (å ä à á → a, ö ø ó → o, é è → e, ü → u) and NBSP → space. `map[i]` is the
// byte offset in the original of folded byte i (map.size() == folded.size()+1).
struct FoldedText {
  std::string folded;
  std::vector<size_t> map;
  // The original bytes for folded range [begin, end).
  std::string Original(const std::string& original, size_t begin, size_t end) const {
    return original.substr(map[begin], map[end] - map[begin]);
  }
};
FoldedText FoldWithMap(std::string_view utf8);
// Just the folded string.
std::string Fold(std::string_view utf8);

// Removes HTML tags (block tags and <br> become a space), decodes the common
// entities and collapses whitespace.
std::string StripHtml(std::string_view text);
// Trims ASCII whitespace and NBSP from both ends; collapses inner runs.
std::string CollapseSpaces(std::string_view text);
// True for a bulleted list item ("• Minst två …", "- Vi …", and OCR's
// readings of "•": "«", "»", "°", or "e "/"o " before a capital); *rest is
// the item's text, collapsed. A dash before a digit is a number ("-215").
bool IsBulletItem(const std::string& line, std::string* rest);
// Drops superscript digits and a trailing footnote number ("Mysam⁵",
// "Trisam individ ¹") and trailing dashes/colons.
std::string StripFootnoteMarkers(std::string_view text);

// True for a page whose words come from OCR (decided ocr or repair, or with
// OCR words): boxes there hug the glyphs and jitter by a point or two.
bool IsOcrPage(const Page& page);

// Levenshtein distance in bytes (use on folded text).
int EditDistance(std::string_view a, std::string_view b);

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

// A document order key (page × 1e6 + y or line index) for sorting.
double OrderKey(const LineRef& l);

// Years: the year of the report. For an årsredovisning the reported year,
// for a plan its first year; 0 when unknown.
int DocumentYear(const Document& doc);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_SWEDISH_WORDS_H_
