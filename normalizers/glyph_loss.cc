#include "normalizers/glyph_loss.h"

#include <vector>

#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

namespace finsam {
namespace {

// What a text layer prints for å/ä/ö it cannot map.
bool IsStandIn(char c) { return c == '"' || c == '!' || c == '#' || c == '$'; }

// Letters a lost glyph may have been: å/ä/ö, and the ligatures of common
// fonts (a lost ligature leaves a space).
const std::vector<std::string>& GapFills() {
  static const std::vector<std::string> kFills = {"ä", "å", "ö", "tt", "ft", "fi", "ti", "fl", "ff", "ffi"};
  return kFills;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// The word without leading/trailing punctuation, lower-case.
std::string Core(const std::string& w, std::string* lead, std::string* trail) {
  size_t b = 0, e = w.size();
  while (b < e && (w[b] == '(' || w[b] == ',')) ++b;
  while (e > b && (w[e - 1] == ',' || w[e - 1] == ':' || w[e - 1] == ')' || w[e - 1] == '.')) --e;
  if (lead) *lead = w.substr(0, b);
  if (trail) *trail = w.substr(e);
  return w.substr(b, e - b);
}

bool IsWord(const std::string& core, const SwedishLexicon& lex) {
  if (core.empty()) return true;
  for (char c : core)
    if (IsStandIn(c)) return false;
  // Figures, abbreviations with digits and single letters are not judged.
  for (char c : core)
    if (c >= '0' && c <= '9') return true;
  std::string lower = ToLower(core);
  // A lone letter is a piece of a word, except the one-letter words.
  if (lower.size() == 1) return lower == "i";
  if (lower == "å" || lower == "ö") return true;
  return lex.Contains(lower);
}

double Score(const std::string& lower, const SwedishLexicon& lex) {
  int32_t id = lex.Find(lower);
  if (id >= 0) return lex.LogProb(id);
  return lex.CompoundLogProb(Utf8ToU32(lower));
}

// Every way to replace the stand-ins of `core` by å/ä/ö (capitals at the
// word's start when the rest is... kept as printed); at most 3 stand-ins.
void StandInReadings(const std::string& core, std::vector<std::string>* out) {
  std::vector<size_t> at;
  for (size_t i = 0; i < core.size(); ++i)
    if (IsStandIn(core[i])) at.push_back(i);
  if (at.empty() || at.size() > 3) {
    out->push_back(core);
    return;
  }
  static const char* kLower[] = {"ä", "å", "ö"};
  static const char* kUpper[] = {"Ä", "Å", "Ö"};
  size_t n = 1;
  for (size_t k = 0; k < at.size(); ++k) n *= 3;
  for (size_t m = 0; m < n; ++m) {
    std::string s;
    size_t last = 0, code = m;
    for (size_t k = 0; k < at.size(); ++k) {
      s += core.substr(last, at[k] - last);
      s += at[k] == 0 ? kUpper[code % 3] : kLower[code % 3];
      code /= 3;
      last = at[k] + 1;
    }
    s += core.substr(last);
    out->push_back(s);
  }
}

// The best word reading of tokens [i, i+len) joined by lost glyphs (and
// their stand-ins replaced), or "" when none is a word.
std::string BestJoin(const std::vector<std::string>& toks, size_t i, size_t len, bool initial_lost,
                     const SwedishLexicon& lex, double* score) {
  std::vector<std::string> joins = {""};
  if (initial_lost) joins = {"Å", "Ä", "Ö"};
  for (size_t k = 0; k < len; ++k) {
    std::vector<std::string> next;
    for (const std::string& j : joins) {
      if (k == 0) {
        next.push_back(j + toks[i]);
        continue;
      }
      for (const std::string& f : GapFills()) next.push_back(j + f + toks[i + k]);
    }
    joins.swap(next);
  }
  std::string best;
  double best_score = -1e18;
  for (const std::string& j : joins) {
    std::vector<std::string> readings;
    StandInReadings(j, &readings);
    for (const std::string& r : readings) {
      std::string lower = ToLower(r);
      if (!lex.Contains(lower)) continue;
      double s = Score(lower, lex);
      if (s > best_score) {
        best_score = s;
        best = r;
      }
    }
  }
  *score = best_score;
  // "TILLG NGAR" → "TILLGÅNGAR": the lost letters take the word's case.
  std::string printed;
  for (size_t k = 0; k < len; ++k) printed += toks[i + k];
  if (!best.empty() && ToUpper(printed) == printed && ToLower(printed) != printed) best = ToUpper(best);
  return best;
}

}  // namespace

std::string RepairLostGlyphs(const std::string& text, const SwedishLexicon& lex) {
  std::vector<std::string> toks = Split(text);
  if (toks.empty()) return text;
  std::vector<std::string> out;
  bool changed = false;
  for (size_t i = 0; i < toks.size();) {
    // Pieces of one word split where glyphs were lost ("Ne oomsä ning",
    // "Nettooms ttning"): the longest run, with a damaged piece, that joins
    // into a word.
    std::string best;
    size_t best_len = 0;
    for (size_t len = 3; len >= 2 && best.empty(); --len) {
      if (i + len > toks.size()) continue;
      std::vector<std::string> pieces;
      std::string lead, trail;
      bool ok = true, damaged = false;
      for (size_t k = 0; k < len; ++k) {
        std::string l, t;
        std::string c = Core(toks[i + k], &l, &t);
        if (c.empty() || (k > 0 && !l.empty()) || (k + 1 < len && !t.empty())) ok = false;
        for (char ch : c)
          if (ch >= '0' && ch <= '9') ok = false;
        if (k == 0) lead = l;
        trail = t;
        damaged = damaged || !IsWord(c, lex);
        pieces.push_back(c);
      }
      if (!ok || !damaged) continue;
      double sc = 0;
      std::string r = BestJoin(pieces, 0, len, false, lex, &sc);
      if (!r.empty()) {
        best = lead + r + trail;
        best_len = len;
      }
    }
    if (best.empty()) {
      std::string lead, trail;
      std::string core = Core(toks[i], &lead, &trail);
      if (!IsWord(core, lex)) {
        // Its stand-ins ("R\"relseint\"kter"), or a capital lost before it
        // (" rets resultat").
        double s1 = -1e18, s2 = -1e18;
        std::string r1 = BestJoin({core}, 0, 1, false, lex, &s1);
        std::string r2 = !core.empty() && core[0] >= 'a' && core[0] <= 'z' ? BestJoin({core}, 0, 1, true, lex, &s2) : "";
        std::string r = r1.empty() ? r2 : r2.empty() ? r1 : s1 >= s2 ? r1 : r2;
        if (!r.empty()) {
          best = lead + r + trail;
          best_len = 1;
        }
      }
    }
    if (best.empty()) {
      out.push_back(toks[i]);
      ++i;
      continue;
    }
    out.push_back(best);
    changed = true;
    i += best_len;
  }
  if (!changed) return text;
  std::string s;
  for (const std::string& t : out) s += (s.empty() ? "" : " ") + t;
  return s;
}

}  // namespace finsam
