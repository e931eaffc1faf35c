#include "normalizers/ocr_misreads.h"

#include <algorithm>
#include <utility>

#include "model/text_split.h"
#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

namespace finsam {
namespace {

// One OCR misreading, as read → as printed. Tesseract's Swedish model on
// 200–300 dpi scans of table labels: diacritics added or lost, thin strokes
// (l, i, r) confused or added, n seen as ri, m as rn and back, a letter read
// twice.
struct OcrEdit {
  std::u32string read, printed;
};

const std::vector<OcrEdit>& OcrEdits() {
  static const std::vector<OcrEdit> kEdits = {
      {U"å", U"a"}, {U"ä", U"a"}, {U"a", U"ä"}, {U"a", U"å"}, {U"ö", U"o"}, {U"o", U"ö"},
      // The ring and the dots confused ("Ärets resultat" for Årets).
      {U"ä", U"å"}, {U"å", U"ä"},
      // A monospaced l's foot read as t's ("Leverantörsskutder").
      {U"t", U"l"},
      {U"é", U"e"}, {U"í", U"i"}, {U"ì", U"i"}, {U"ï", U"i"}, {U"i", U"l"}, {U"l", U"i"},
      {U"c", U"e"}, {U"e", U"c"}, {U"h", U"b"}, {U"b", U"h"}, {U"f", U"t"}, {U"t", U"f"},
      {U"ri", U"n"}, {U"n", U"ri"}, {U"rn", U"m"}, {U"m", U"rn"}, {U"ni", U"n"}, {U"in", U"m"}, {U"cl", U"d"},
      {U"li", U"h"}, {U"ii", U"ü"}, {U"i", U""}, {U"l", U""}, {U"r", U""}, {U"j", U""},
      // One letter read twice, plain and with its diacritic, from specks
      // above it ("Persoönalkostnader").
      {U"oö", U"o"}, {U"öo", U"o"}, {U"aä", U"a"}, {U"äa", U"a"}, {U"aå", U"a"}, {U"åa", U"a"},
  };
  return kEdits;
}

bool IsLetter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

// Valid as a word: the lexicon's test, or a name's genitive ("Hallsbergs").
bool Known(const std::string& lower, const SwedishLexicon& lex) {
  if (lex.Contains(lower)) return true;
  if (lower.size() > 4 && lower.back() == 's') {
    int32_t id = lex.Find(lower.substr(0, lower.size() - 1));
    return id >= 0 && (lex.Flags(id) & SwedishLexicon::kGazetteer);
  }
  return false;
}

double Frequency(const std::string& lower, const SwedishLexicon& lex) {
  int32_t id = lex.Find(lower);
  if (id >= 0) return lex.LogProb(id);
  if (lower.size() > 4 && lower.back() == 's') {
    int32_t stem = lex.Find(lower.substr(0, lower.size() - 1));
    if (stem >= 0) return lex.LogProb(stem);
  }
  return lex.CompoundLogProb(Utf8ToU32(lower));
}

// Every spelling one edit away from `w`, and the lost-letter readings: a
// doubled letter printed single ("Halsbergs").
std::vector<std::u32string> OneEdit(const std::u32string& w) {
  std::vector<std::u32string> out;
  for (const OcrEdit& e : OcrEdits()) {
    for (size_t at = w.find(e.read); at != std::u32string::npos; at = w.find(e.read, at + 1)) {
      out.push_back(w.substr(0, at) + e.printed + w.substr(at + e.read.size()));
    }
  }
  for (size_t i = 0; i < w.size(); ++i) {
    if (i + 1 < w.size() && w[i] == w[i + 1]) continue;
    out.push_back(w.substr(0, i + 1) + w[i] + w.substr(i + 1));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Score margin (natural log) by which the most frequent of several readings
// must beat the next to be taken: e^3 ≈ 20 times as frequent.
constexpr double kMargin = 3.0;

// The one reading of a misread word, or "" when none or no clear one.
std::string Rebuild(const std::string& lower, const SwedishLexicon& lex) {
  std::u32string w = Utf8ToU32(lower);
  std::vector<std::pair<double, std::string>> found;
  for (const std::u32string& c : OneEdit(w)) {
    if (c.size() < 3) continue;
    // A four-letter word is no stray stroke away from a three-letter one:
    // it is an abbreviation ("uppl" for upplåten, "inkl"), not "upp".
    if (w.size() <= 4 && c.size() < w.size()) continue;
    std::string s = U32ToUtf8(c);
    if (Known(s, lex)) found.push_back({Frequency(s, lex), s});
  }
  if (found.empty()) return "";
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (found.size() > 1 && found[0].first - found[1].first < kMargin) return "";
  return found[0].second;
}

// Letters a misread letter may stand for (any other, in RebuildFurther).
constexpr char32_t kAlphabet[] = U"abcdefghijklmnopqrstuvwxyzåäö";

// Every spelling with one letter of `w` replaced by another letter.
std::vector<std::u32string> AnyLetter(const std::u32string& w) {
  std::vector<std::u32string> out;
  for (size_t i = 0; i < w.size(); ++i) {
    if (!IsLetter(w[i])) continue;
    for (const char32_t* a = kAlphabet; *a; ++a) {
      if (*a == w[i]) continue;
      std::u32string c = w;
      c[i] = *a;
      out.push_back(std::move(c));
    }
  }
  return out;
}

// Words shorter than this are not guessed at beyond one OCR edit: a short
// word is a letter or two from many others.
constexpr size_t kMinGuessLetters = 7;

// The guess for a long word no one OCR edit rebuilds (see the header), or "".
std::string RebuildFurther(const std::string& lower, const SwedishLexicon& lex) {
  const std::u32string w = Utf8ToU32(lower);
  if (w.size() < kMinGuessLetters) return "";
  auto usable = [&lex, &w](const std::u32string& c, std::string* s) {
    if (c.size() + 2 < w.size() || c.size() < kMinGuessLetters - 1) return false;
    *s = U32ToUtf8(c);
    return lex.Seen(lex.Find(*s)) && lex.Contains(*s);
  };
  const std::vector<std::u32string> once = OneEdit(w);
  // The word's skeleton (its letters without å/ä/ö's marks) with one letter
  // dropped: a place name read with its marks moved and a stray stroke
  // ("Strangnåas" for Strängnäs), found through the lexicon's skeleton
  // index.
  auto by_skeleton = [&lex, &w](auto&& consider) {
    const std::u32string sk = SwedishLexicon::SkeletonOf(std::u32string_view(w));
    std::vector<std::u32string> variants;
    for (size_t i = 0; i < sk.size(); ++i) variants.push_back(sk.substr(0, i) + sk.substr(i + 1));
    std::sort(variants.begin(), variants.end());
    variants.erase(std::unique(variants.begin(), variants.end()), variants.end());
    for (const std::u32string& v : variants)
      lex.ForEachWithSkeleton(U32ToUtf8(v), [&](int32_t id) { consider(Utf8ToU32(lex.Word(id))); });
  };
  // The fewest edits first: two OCR edits, marks moved and a stray letter,
  // one letter misread, one OCR edit and one letter misread.
  for (int level = 0; level < 4; ++level) {
    std::vector<std::pair<double, std::string>> found;
    auto consider = [&](const std::u32string& c) {
      std::string s;
      if (!usable(c, &s)) return;
      for (const auto& f : found)
        if (f.second == s) return;
      found.push_back({lex.LogProb(lex.Find(s)), s});
    };
    if (level == 0) {
      for (const std::u32string& a : once)
        for (const std::u32string& b : OneEdit(a)) consider(b);
    } else if (level == 1) {
      by_skeleton(consider);
    } else if (level == 2) {
      for (const std::u32string& a : AnyLetter(w)) consider(a);
    } else {
      for (const std::u32string& a : once)
        for (const std::u32string& b : AnyLetter(a)) consider(b);
    }
    if (found.empty()) continue;
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (found.size() > 1 && found[0].first - found[1].first < kMargin) return "";
    return found[0].second;
  }
  return "";
}

// `word` in the case pattern of `as_read`: all capitals, or a capital first.
std::string CaseLike(const std::string& word, const std::string& as_read) {
  if (ToUpper(as_read) == as_read && ToLower(as_read) != as_read) return ToUpper(word);
  std::u32string r = Utf8ToU32(as_read), w = Utf8ToU32(word);
  if (!r.empty() && !w.empty() && U32ToUtf8(r.substr(0, 1)) != ToLower(U32ToUtf8(r.substr(0, 1)))) {
    return ToUpper(U32ToUtf8(w.substr(0, 1))) + U32ToUtf8(w.substr(1));
  }
  return word;
}

}  // namespace

OcrMisreadRepair RepairOcrMisreads(const std::string& text, const SwedishLexicon& lex) {
  OcrMisreadRepair out;
  std::vector<std::string> toks = SplitOn(text, ' ');
  // A word OCR split in two ("Kortfri stiga fordringar"): an unknown piece
  // and its neighbour that join into a known word are one word.
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    auto letters_only = [](const std::string& t) {
      std::u32string u = Utf8ToU32(t);
      return !u.empty() && std::all_of(u.begin(), u.end(), IsLetter);
    };
    if (!letters_only(toks[i]) || !letters_only(toks[i + 1])) continue;
    const std::string a = ToLower(toks[i]), b = ToLower(toks[i + 1]);
    // A piece is weak when unknown, or valid only as a compound no text
    // uses ("kortfri"); the joined word must be one texts use.
    auto weak = [&lex](const std::string& w) { return !Known(w, lex) || !lex.Seen(lex.Find(w)); };
    if (!weak(a) && !weak(b)) continue;
    if (Utf8ToU32(a + b).size() < 6 || !lex.Seen(lex.Find(a + b))) continue;
    out.repaired.push_back(toks[i] + " " + toks[i + 1] + "→" + toks[i] + b);
    toks[i] += b;
    toks.erase(toks.begin() + static_cast<long>(i) + 1);
  }
  for (std::string& tok : toks) {
    if (tok.empty()) continue;
    // The word without surrounding punctuation: "(Summia", "kostnader:".
    std::u32string u = Utf8ToU32(tok);
    size_t b = 0, e = u.size();
    while (b < e && !IsLetter(u[b])) ++b;
    while (e > b && !IsLetter(u[e - 1])) --e;
    std::u32string core = u.substr(b, e - b);
    bool letters = core.size() >= 4;
    for (char32_t c : core) letters = letters && (IsLetter(c) || c == U'-');
    if (!letters) continue;
    const std::string core8 = U32ToUtf8(core);
    if (core.size() <= 5 && ToUpper(core8) == core8) continue;  // an abbreviation: "KPI", "SAMS"
    const std::string lower = ToLower(core8);
    // Hyphenated: each part is judged ("ESF-projekt"); not rebuilt.
    if (core.find(U'-') != std::u32string::npos) {
      bool known = true;
      for (const std::string& part : SplitOn(lower, '-'))
        if (Utf8ToU32(part).size() >= 4 && !Known(part, lex)) known = false;
      if (!known) out.unknown.push_back(core8);
      continue;
    }
    if (Known(lower, lex)) continue;
    std::string fixed = Rebuild(lower, lex);
    bool guess = false;
    if (fixed.empty()) {
      fixed = RebuildFurther(lower, lex);
      guess = !fixed.empty();
    }
    if (fixed.empty()) {
      out.unknown.push_back(core8);
      continue;
    }
    const std::string now = CaseLike(fixed, core8);
    out.repaired.push_back(core8 + "→" + now);
    if (guess) out.guessed.push_back(core8 + "→" + now);
    tok = U32ToUtf8(u.substr(0, b)) + now + U32ToUtf8(u.substr(e));
  }
  for (const std::string& t : toks) {
    if (t.empty()) continue;
    out.text += (out.text.empty() ? "" : " ") + t;
  }
  return out;
}

}  // namespace finsam
