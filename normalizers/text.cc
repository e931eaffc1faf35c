#include "normalizers/text.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

namespace finsam {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

FoldedText FoldWithMap(std::string_view s) {
  FoldedText out;
  out.folded.reserve(s.size());
  out.map.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t c = NextCodePoint(s, &i);
    char rep = 0;
    if (c < 0x80) {
      rep = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (c == 0xA0) {
      rep = ' ';  // NBSP
    } else if (c == 0x2013 || c == 0x2014 || c == 0x2212) {
      rep = '-';  // en/em dash, minus sign
    } else {
      rep = FoldedLetter(c);
    }
    if (rep || c == 0) {
      out.folded.push_back(rep);
      out.map.push_back(start);
    } else {
      for (size_t k = start; k < i; ++k) {
        out.folded.push_back(s[k]);
        out.map.push_back(k);
      }
    }
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

bool HasDigit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

namespace {

// The characters an OCR model reads leader dots as (besides dots).
bool IsLeaderGlyph(char c) { return std::strchr(".,:;'`ceosaitnrul", c) != nullptr; }

}  // namespace

bool IsLeaderGarbage(std::string_view word) {
  if (word.size() < 10) return false;
  size_t esc = 0;
  for (char c : word) {
    if (!IsLeaderGlyph(c)) return false;
    esc += c == 'e' || c == 's' || c == 'c';
  }
  return esc * 5 >= word.size() * 3;
}

bool SplitAtLeader(std::string_view word, std::string* head, std::string* tail) {
  // The first run of dots four long ("…", U+2026, counts three).
  size_t start = std::string_view::npos, end = 0, dots = 0;
  for (size_t i = 0; i < word.size();) {
    size_t len = 0;
    if (word[i] == '.') len = 1;
    else if (word.compare(i, 3, "\u2026") == 0) len = 3;
    if (len == 0) {
      if (dots >= 4) break;
      start = std::string_view::npos;
      dots = 0;
      ++i;
      continue;
    }
    if (dots == 0) start = i;
    dots += len == 3 ? 3 : 1;
    i += len;
    end = i;
  }
  if (dots < 4 || start == std::string_view::npos) return false;
  *head = std::string(word.substr(0, start));
  std::string_view rest = word.substr(end);
  // After the dots, what OCR made of the rest of the leader
  // ("c.cccceess…") goes; what stands at the tab stop stays ("1").
  size_t k = 0;
  while (k < rest.size() && IsLeaderGlyph(rest[k])) ++k;
  *tail = std::string(rest.substr(k));
  return true;
}

std::string WithoutLeaders(std::string_view line) {
  // Tokens between whitespace, rewritten in place; what goes becomes
  // spaces, one a character.
  auto blanks = [](std::string_view text) { return std::string(CodePointCount(text), ' '); };
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      out += line[i++];
      continue;
    }
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    const std::string_view word = line.substr(i, j - i);
    i = j;
    std::string head, tail;
    if (IsLeaderGarbage(word)) {
      // "Kapital..." before it: its dots were the leader's start.
      size_t e = out.size();
      while (e > 0 && (out[e - 1] == ' ' || out[e - 1] == '\t')) --e;
      size_t d = e;
      while (d > 0 && out[d - 1] == '.') --d;
      if (e - d >= 3 && d > 0 && out[d - 1] != ' ' && out[d - 1] != '\t') out.replace(d, e - d, e - d, ' ');
      out += blanks(word);
      continue;
    }
    if (SplitAtLeader(word, &head, &tail)) {
      out += head;
      out += blanks(word.substr(head.size(), word.size() - head.size() - tail.size()));
      out += tail;
      continue;
    }
    out += word;
  }
  return out;
}

}  // namespace finsam
