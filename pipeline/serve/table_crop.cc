#include "pipeline/serve/table_crop.h"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <set>
#include <sstream>

#include "normalizers/unicode.h"

namespace finsam {
namespace {

std::vector<std::string> Tokens(const std::string& folded) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool IsYear(const std::string& t) {
  if (t.size() != 4 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return t[0] == '1' ? t[1] == '9' : (t[0] == '2' && t[1] == '0');
}

bool IsHeaderWord(const std::string& t) {
  static const std::set<std::string> kWords = {
      "budget", "utfall", "plan", "prognos", "avvikelse", "totalt", "not", "bokslut", "ack", "tkr", "kr", "mkr",
      "tsek", "ksek", "msek", "sek", "belopp", "kronor", "tusental", "tusentals", "miljoner", "period", "ar",
      "helar", "forbrukat", "beviljat", "andel"};
  return kWords.count(t) > 0;
}

}  // namespace

TableHeaderBox FindTableHeader(const Page& page, double body_top, const TableHeaderHint& hint) {
  TableHeaderBox out;
  const std::string title = FoldKey(hint.title);
  std::set<std::string> header_words;
  for (const std::string& h : hint.headers)
    for (const std::string& t : Tokens(FoldKey(h)))
      if (t.size() >= 3 || IsYear(t)) header_words.insert(t);
  // Lines above the body, nearest first.
  std::vector<const Line*> above;
  for (const Line& l : page.lines)
    if (!l.box.empty() && l.box.cy() < body_top - 0.5 && l.box.y0 >= body_top - 260) above.push_back(&l);
  std::sort(above.begin(), above.end(), [](const Line* a, const Line* b) { return a->box.y1 > b->box.y1; });
  // Lines sharing a baseline (cells of one header row read as separate
  // lines) are judged together: a row is header-like when any of its lines is.
  int misses = 0, sections = 0;
  double row_y = -1;
  bool row_hit = false;
  for (size_t i = 0; i < above.size(); ++i) {
    const Line& l = *above[i];
    const std::string folded = FoldKey(l.text);
    const std::vector<std::string> tokens = Tokens(folded);
    bool caption = !title.empty() && folded.size() >= 4 &&
                   (title.find(folded) != std::string::npos || folded.find(title) != std::string::npos);
    int hits = 0;
    for (const std::string& t : tokens)
      if (IsYear(t) || IsHeaderWord(t) || header_words.count(t)) ++hits;
    const bool prose = tokens.size() > 10 && hits * 4 < static_cast<int>(tokens.size());
    const bool header_like = caption || (hits > 0 && !prose);
    // A short line without digits between the body and the header is a
    // section heading the reader kept out of the rows (TILLGÅNGAR,
    // Omsättningstillgångar): walk past it, up to four of them.
    const bool section = !header_like && !out.found && tokens.size() <= 4 &&
                         folded.find_first_of("0123456789") == std::string::npos && sections < 4;
    if (section) {
      ++sections;
      continue;
    }
    const bool same_row = row_y >= 0 && std::abs(l.box.cy() - row_y) < 3;
    if (!same_row) {
      if (row_y >= 0) {
        if (row_hit) misses = 0;
        else if (++misses > 1) break;
      }
      row_y = l.box.cy();
      row_hit = false;
    }
    if (prose && !caption) break;
    if (!header_like) continue;
    row_hit = true;
    if (out.found) out.box.Extend(l.box); else out.box = l.box;
    out.found = true;
    ++out.lines;
    if (caption) {
      out.title = l.box;
      // The caption is the top of the table; its row may hold more cells.
      for (size_t j = i + 1; j < above.size() && std::abs(above[j]->box.cy() - l.box.cy()) < 3; ++j)
        out.box.Extend(above[j]->box);
      break;
    }
  }
  return out;
}

}  // namespace finsam
