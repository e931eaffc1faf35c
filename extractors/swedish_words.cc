#include "extractors/swedish_words.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "normalizers/swedish_number.h"

namespace finsam {
namespace {

struct WordValue {
  const char* folded;
  int value;
};

// Folded spellings; the folding makes "åtta"/"atta" and "två"/"tva" one key.
constexpr WordValue kNumberWords[] = {
    {"en", 1},       {"ett", 1},      {"tva", 2},      {"tre", 3},      {"fyra", 4},
    {"fem", 5},      {"sex", 6},      {"sju", 7},      {"atta", 8},     {"nio", 9},
    {"tio", 10},     {"elva", 11},    {"tolv", 12},    {"tretton", 13}, {"fjorton", 14},
    {"femton", 15},  {"sexton", 16},  {"sjutton", 17}, {"arton", 18},   {"aderton", 18},
    {"nitton", 19},  {"tjugo", 20},   {"trettio", 30}, {"fyrtio", 40},  {"femtio", 50},
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::optional<int> SwedishNumberWord(std::string_view word) {
  std::string f = CollapseSpaces(Fold(word));
  for (const WordValue& w : kNumberWords)
    if (f == w.folded) return w.value;
  return std::nullopt;
}

std::optional<int> ParseCount(std::string_view word) {
  std::string s = CollapseSpaces(word);
  if (!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      s.size() < 9)
    return std::stoi(s);
  return SwedishNumberWord(s);
}

std::optional<double> SwedishShareWord(std::string_view text) {
  std::string f = Fold(text);
  if (f.find("halften") != std::string::npos || f.find("halva") != std::string::npos) return 0.5;
  if (f.find("fjardedel") != std::string::npos) return 0.25;
  if (f.find("tredjedel") != std::string::npos) return 1.0 / 3.0;
  if (f.find("femtedel") != std::string::npos) return 0.2;
  if (f.find("sjattedel") != std::string::npos) return 1.0 / 6.0;
  if (f.find("attondel") != std::string::npos) return 0.125;
  return std::nullopt;
}

std::optional<double> ParseAmount(std::string_view text) {
  std::optional<SwedishNumber> n = ParseSwedishNumber(text);
  if (!n || n->is_nil || n->is_percent) return std::nullopt;
  return n->value;
}

FoldedText FoldWithMap(std::string_view s) {
  FoldedText out;
  out.folded.reserve(s.size());
  out.map.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    if (c < 0x80) {
      out.folded.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      out.map.push_back(i);
      ++i;
      continue;
    }
    size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
    if (i + len > s.size()) len = s.size() - i;
    char rep = 0;
    if (c == 0xC3 && len == 2) {
      unsigned char d = s[i + 1];
      switch (d) {
        case 0xA5: case 0xA4: case 0xA0: case 0xA1: case 0xA2:
        case 0x85: case 0x84: case 0x80: case 0x81: case 0x82: rep = 'a'; break;  // å ä à á â (+ upper)
        case 0xB6: case 0xB8: case 0xB3: case 0xB2: case 0xB4:
        case 0x96: case 0x98: case 0x93: case 0x92: case 0x94: rep = 'o'; break;  // ö ø ó ò ô
        case 0xA9: case 0xA8: case 0xAA: case 0xAB:
        case 0x89: case 0x88: case 0x8A: case 0x8B: rep = 'e'; break;             // é è ê ë
        case 0xBC: case 0x9C: rep = 'u'; break;                                   // ü
        default: break;
      }
    } else if (c == 0xC2 && len == 2 && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      rep = ' ';  // NBSP
    } else if (c == 0xE2 && len == 3 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0x93 || static_cast<unsigned char>(s[i + 2]) == 0x94)) {
      rep = '-';  // en/em dash
    } else if (c == 0xE2 && len == 3 && static_cast<unsigned char>(s[i + 1]) == 0x88 &&
               static_cast<unsigned char>(s[i + 2]) == 0x92) {
      rep = '-';  // minus sign
    }
    if (rep) {
      out.folded.push_back(rep);
      out.map.push_back(i);
    } else {
      for (size_t k = 0; k < len; ++k) {
        out.folded.push_back(s[i + k]);
        out.map.push_back(i + k);
      }
    }
    i += len;
  }
  out.map.push_back(s.size());
  return out;
}

std::string Fold(std::string_view utf8) { return FoldWithMap(utf8).folded; }

bool IsBulletItem(const std::string& t, std::string* rest) {
  // OCR reads "•" as "«", "»", "°", "e" or "o"; the letters only count
  // before a capital ("e Minst två …").
  for (const char* b : {"e ", "o ", "©"}) {
    size_t n = std::char_traits<char>::length(b);
    if (t.compare(0, n, b) == 0 && t.size() > n + 1) {
      unsigned char next = t[n];
      if ((next >= 'A' && next <= 'Z') || next == 0xC3) {
        *rest = CollapseSpaces(t.substr(n));
        return true;
      }
    }
  }
  for (const char* b : {"•", "»«", "«", "»", "°", "-", "–", "—", "*", "·", "▪"}) {
    size_t n = std::char_traits<char>::length(b);
    if (t.compare(0, n, b) == 0 && t.size() > n) {
      // "-Deltagare", "- Vi", "• Minst"; not "-215" (a number).
      char next = t[n];
      if (next >= '0' && next <= '9') return false;
      *rest = CollapseSpaces(t.substr(n));
      return !rest->empty();
    }
  }
  return false;
}

std::string StripHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '<') {
      size_t close = text.find('>', i);
      // Only treat it as a tag when it looks like one ("<p>", "</i>",
      // "<ul style=…>"); "<http://…>" links and "a < b" stay text.
      if (close != std::string_view::npos && i + 1 < text.size() &&
          (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '/')) {
        std::string_view tag = text.substr(i + 1, close - i - 1);
        bool is_link = tag.find("://") != std::string_view::npos;
        if (!is_link) {
          std::string name;
          for (char t : tag) {
            if (t == ' ' || t == '>') break;
            if (t != '/') name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(t))));
          }
          bool inline_tag = name == "i" || name == "b" || name == "em" || name == "strong" || name == "span" ||
                            name == "u";
          if (!inline_tag) out.push_back(' ');
          i = close;
          continue;
        }
      }
    }
    if (c == '&') {
      static const std::pair<const char*, const char*> kEntities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&nbsp;", " "}, {"&#39;", "'"}};
      bool done = false;
      for (const auto& [ent, rep] : kEntities) {
        size_t n = std::strlen(ent);
        if (text.substr(i, n) == ent) {
          out += rep;
          i += n - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out.push_back(c);
  }
  return CollapseSpaces(out);
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool sp = IsSpace(c);
    if (!sp && static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      sp = true;
      ++i;
    }
    if (sp) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string StripFootnoteMarkers(std::string_view text) {
  static const char* const kSuper[] = {"¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰"};
  std::string s(text);
  for (const char* sup : kSuper) {
    size_t p;
    while ((p = s.find(sup)) != std::string::npos) s.erase(p, std::strlen(sup));
  }
  s = CollapseSpaces(s);
  // OCR reads superscript markers as symbols: "Mysam®>", "Företagande ©",
  // "Insatskatalogen Gävleborg ”".
  for (;;) {
    size_t before = s.size();
    for (const char* junk : {"®", "©", "”", "“", "»", "«", ">", "+", "*", "°", "™"}) {
      size_t n = std::strlen(junk);
      if (s.size() > n && s.compare(s.size() - n, n, junk) == 0) s.erase(s.size() - n);
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    if (s.size() == before) break;
  }
  // Trailing separators: "Insatskatalogen -", "Bollnäs —", "Trisam 2.0) -".
  for (;;) {
    size_t before = s.size();
    while (!s.empty() && (s.back() == '-' || s.back() == ':' || s.back() == ' ' || s.back() == ',')) s.pop_back();
    for (const char* dash : {"—", "–"}) {
      size_t n = std::strlen(dash);
      if (s.size() >= n && s.compare(s.size() - n, n, dash) == 0) s.erase(s.size() - n);
    }
    if (s.size() == before) break;
  }
  return s;
}

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::vector<LineRef> AllLines(const Document& doc) {
  std::vector<LineRef> out;
  for (const Page& p : doc.pages)
    for (const Line& l : p.lines) out.push_back({&p, &l});
  return out;
}

bool IsBlank(const LineRef& l) { return CollapseSpaces(l.line->text).empty(); }

namespace {

}  // namespace

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

}  // namespace finsam
