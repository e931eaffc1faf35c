// Plain-text helpers the extractors share: an accent- and case-folded copy
// of a text that maps back to the original bytes (patterns match
// stripped or garbled text, values are cut from the text as printed),
// whitespace collapsing, HTML stripping for the cells of text dumps, list
// bullets and footnote markers, edit distance, digit tests.
#ifndef FINSAM_NORMALIZERS_TEXT_H_
#define FINSAM_NORMALIZERS_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace finsam {

// Folded text: lowercase ASCII with Swedish/Latin diacritics removed
// (the table of FoldedLetter in normalizers/unicode.h: å ä à á â → a,
// ö ø ó ò ô → o, é è ê ë → e, ü → u, capitals too), NBSP → space and
// en/em dash and minus sign → '-'. `map[i]` is the byte offset in the
// original of folded byte i (map.size() == folded.size()+1).
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

// Levenshtein distance in bytes (use on folded text).
int EditDistance(std::string_view a, std::string_view b);

// True when `s` holds an ASCII digit.
bool HasDigit(std::string_view s);

// Tab leaders: the dots a word processor draws from a label to its tab stop
// ("intäkter......1" in a text layer, one word up to the note reference at
// the stop), and what an English OCR model makes of them
// ("intakter........c.cccccceescess…", "Kapital... eeeeeseseeese…"). They
// are no text: a table's label ends before them.
//
// True when `word` holds a leader: four or more dots ("…" counts three)
// inside or at the end of the word. `head` receives the text before it and
// `tail` the text after it that is no part of it (the "1" at the stop),
// either of them maybe empty.
bool SplitAtLeader(std::string_view word, std::string* head, std::string* tail);
// A word that is only an OCR model's reading of leader dots: ten characters
// or more, all of the few letters and marks dots are read as, at least
// three in five of them e, s or c.
bool IsLeaderGarbage(std::string_view word);
// `line` (words separated by spaces or tabs) without its leaders: each word
// that holds one becomes its head and tail, leader garbage goes, and three
// or more dots ending a word before such garbage go with it. Every
// character taken out becomes a space, so the line's other words keep
// their character columns (a text dump's columns).
std::string WithoutLeaders(std::string_view line);

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_TEXT_H_
