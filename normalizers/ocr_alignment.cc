#include "normalizers/ocr_alignment.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>

#include "normalizers/utf8.h"

namespace finsam {
namespace {

char32_t Lower(char32_t c) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))); }
bool IsLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

// A rough letter class for similarity: the letters an English OCR model
// confuses with å/ä/ö fold together.
char32_t Fold(char32_t c) {
  c = Lower(c);
  switch (c) {
    case U'å': case U'ä': case U'à': case U'á': case U'&': case U'4':
      return U'a';
    case U'ö': case U'ó': case U'ò': case U'é': case U'6': case U'0':
      return U'o';
    default:
      return c;
  }
}

// Edit costs (integers: the tables stay small).
constexpr int kIndel = 4;
int SubCost(char32_t a, char32_t b) {
  if (a == b) return 0;
  if (Lower(a) == Lower(b)) return 1;
  if (Fold(a) == Fold(b)) return 3;
  return 5;
}

std::vector<std::u32string> SplitWords(std::string_view text) {
  std::vector<std::u32string> out;
  std::u32string cur;
  for (char32_t c : Utf8ToU32(text)) {
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::u32string FoldWord(const std::u32string& w) {
  std::u32string out;
  for (char32_t c : w) out += Fold(c);
  return out;
}

int Levenshtein(const std::u32string& a, const std::u32string& b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// The backpointers of a minimum-cost alignment of n items against m
// (Needleman–Wunsch): back[i * (m + 1) + j] is 0 for the diagonal (item i-1
// paired with item j-1), 1 for up (item i-1 of the first sequence dropped), 2
// for left (item j-1 of the second inserted). sub(i, j) is the cost of
// pairing first[i] with second[j] (0-based); `indel` the cost of a gap.
template <typename SubCostFn>
std::vector<uint8_t> AlignmentBackpointers(size_t n, size_t m, int indel, const SubCostFn& sub) {
  std::vector<uint8_t> back((n + 1) * (m + 1));
  std::vector<int> prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) {
    prev[j] = static_cast<int>(j) * indel;
    back[j] = 2;
  }
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i) * indel;
    back[i * (m + 1)] = 1;
    for (size_t j = 1; j <= m; ++j) {
      int d = prev[j - 1] + sub(i - 1, j - 1);
      int u = prev[j] + indel;
      int l = cur[j - 1] + indel;
      uint8_t k = 0;
      int best = d;
      if (u < best) best = u, k = 1;
      if (l < best) best = l, k = 2;
      cur[j] = best;
      back[i * (m + 1) + j] = k;
    }
    std::swap(prev, cur);
  }
  return back;
}

// What a word holds besides letters and the characters OCR makes of them.
std::u32string NonLetters(const std::u32string& w) {
  std::u32string out;
  for (char32_t c : w) {
    if (IsLetter(c) || c == U'&' || c == U'4' || c == U'6' || c == U'0' || c == U'|') continue;
    out += c;
  }
  return out;
}

bool HasSwedishLetter(const std::u32string& w) {
  for (char32_t c : w) {
    char32_t l = Lower(c);
    if (l == U'å' || l == U'ä' || l == U'ö' || l == U'é') return true;
  }
  return false;
}

}  // namespace

std::vector<AlignedColumn> AlignCharacters(std::u32string_view a, std::u32string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<uint8_t> back =
      AlignmentBackpointers(n, m, kIndel, [&](size_t i, size_t j) { return SubCost(a[i], b[j]); });
  std::vector<AlignedColumn> out;
  size_t i = n, j = m;
  while (i > 0 || j > 0) {
    uint8_t k = back[i * (m + 1) + j];
    if (i > 0 && j > 0 && k == 0) {
      out.push_back({a[i - 1], b[j - 1]});
      --i, --j;
    } else if (i > 0 && (k == 1 || j == 0)) {
      out.push_back({a[i - 1], 0});
      --i;
    } else {
      out.push_back({0, b[j - 1]});
      --j;
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<LetterEvent> LetterEvents(const std::vector<AlignedColumn>& columns) {
  std::vector<LetterEvent> out;
  struct Ev {
    LetterEvent e;
    bool misread;
  };
  std::vector<Ev> word;
  std::u32string pending;  // observed insertions not yet attached
  auto finish = [&]() {
    if (!word.empty() && !pending.empty() && word.back().misread) word.back().e.observed += pending;
    pending.clear();
    if (word.empty()) return;
    size_t misread = 0;
    bool too_long = false;
    for (const Ev& v : word) {
      misread += v.misread || v.e.observed.size() != 1;
      too_long |= v.e.observed.size() > 2;
    }
    if (!too_long && misread * 2 <= word.size()) {
      for (size_t k = 0; k < word.size(); ++k) {
        LetterEvent e = word[k].e;
        e.position = k == 0 ? LetterEvent::kInitial : k + 1 == word.size() ? LetterEvent::kFinal : LetterEvent::kMedial;
        out.push_back(std::move(e));
      }
    }
    word.clear();
  };
  for (const AlignedColumn& c : columns) {
    if (c.intended == 0) {
      pending += Lower(c.observed);
      continue;
    }
    if (!IsLetter(c.intended)) {
      finish();
      continue;
    }
    Ev v;
    v.e.intended = Lower(c.intended);
    if (c.observed) v.e.observed = std::u32string(1, Lower(c.observed));
    v.misread = Lower(c.observed) != v.e.intended;
    if (!pending.empty()) {
      bool letters = std::all_of(pending.begin(), pending.end(), [](char32_t p) { return p != U' '; });
      if (!word.empty() && word.back().misread) {
        word.back().e.observed += pending;
      } else if (v.misread || word.empty()) {
        if (letters) v.e.observed = pending + v.e.observed, v.misread = true;
      } else {
        word.back().e.observed += pending;
        word.back().misread = true;
      }
      pending.clear();
    }
    word.push_back(std::move(v));
  }
  finish();
  return out;
}

std::vector<std::pair<size_t, size_t>> AlignWords(const std::vector<std::string>& intended,
                                                  const std::vector<std::string>& observed) {
  std::vector<std::u32string> a, b;
  for (const std::string& w : intended) a.push_back(FoldWord(Utf8ToU32(w)));
  for (const std::string& w : observed) b.push_back(FoldWord(Utf8ToU32(w)));
  const size_t n = a.size(), m = b.size();
  auto cost = [&](size_t i, size_t j) {
    if (intended[i] == observed[j]) return 0;
    if (a[i] == b[j]) return 1;
    const size_t len = std::max(a[i].size(), b[j].size());
    // Cheap bound before the full distance.
    const size_t diff = a[i].size() > b[j].size() ? a[i].size() - b[j].size() : b[j].size() - a[i].size();
    const size_t allowed = std::max<size_t>(1, len / 3);
    if (diff > allowed) return 10;
    int d = Levenshtein(a[i], b[j]);
    return d <= static_cast<int>(allowed) ? 2 + d : 10;
  };
  constexpr int kWordIndel = 4;
  std::vector<uint8_t> back = AlignmentBackpointers(n, m, kWordIndel, cost);
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = n, j = m;
  while (i > 0 && j > 0) {
    uint8_t k = back[i * (m + 1) + j];
    if (k == 0) {
      if (cost(i - 1, j - 1) < 10) out.emplace_back(i - 1, j - 1);
      --i, --j;
    } else if (k == 1) {
      --i;
    } else {
      --j;
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

RepairTally ScoreRepair(std::string_view truth, std::string_view observed, std::string_view repaired,
                        std::vector<std::string>* misses) {
  RepairTally t;
  std::vector<std::u32string> g = SplitWords(truth), o = SplitWords(observed), r = SplitWords(repaired);
  if (o.size() != r.size()) {
    if (misses) misses->push_back("repaired text has another token count");
    return t;
  }
  std::vector<std::string> gs, os;
  for (const auto& w : g) gs.push_back(U32ToUtf8(w));
  for (const auto& w : o) os.push_back(U32ToUtf8(w));
  for (const auto& [i, j] : AlignWords(gs, os)) {
    if (o[j] == g[i]) {
      ++t.correct;
      if (r[j] == o[j]) {
        ++t.untouched;
      } else if (misses) {
        misses->push_back("HARM " + os[j] + " -> " + U32ToUtf8(r[j]));
      }
      continue;
    }
    const bool damaged = HasSwedishLetter(g[i]) && NonLetters(g[i]) == NonLetters(o[j]) &&
                         Levenshtein(FoldWord(g[i]), FoldWord(o[j])) <= 2;
    if (!damaged) {
      ++t.other;
      continue;
    }
    ++t.damaged;
    if (r[j] == g[i]) {
      ++t.restored;
    } else if (misses) {
      misses->push_back("MISS " + os[j] + " -> " + U32ToUtf8(r[j]) + " (want " + gs[i] + ")");
    }
  }
  return t;
}

}  // namespace finsam
