#include "normalizers/diacritic_repair.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <deque>
#include <set>
#include <unordered_map>

#include "normalizers/ocr_confusions.h"
#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

namespace finsam {
namespace {

// ---- Confusion model ------------------------------------------------------
// Readings the table never saw are tried only in words this long.
constexpr size_t kMinLettersForUnseen = 5;

// log P(observed | intended) for what an English OCR model makes of Swedish
// letters. Rates from the lexicon README (6 fonts, 300 dpi) and what real
// scans add; the stripping rates scale with the document's strip rate.
struct Channel {
  double a_aa, a_ae, o_oe;      // a→å, a→ä, o→ö (scaled by strip rate)
  double e_oe = std::log(0.61);  // é→ö
  double e_ae = std::log(0.03);  // é→ä
  double e_aa = std::log(0.02);  // é→å
  double e_e = std::log(0.01);   // é→e (accent noise)
  double six_oe = std::log(0.07);
  double amp_ae = std::log(0.02), amp_aa = std::log(0.02);
  double four_aa = std::log(0.01), four_ae = std::log(0.02);
  double d_ae, d_oe, d_aa;  // d→ä/ö/å (scaled)
  // Rare confusions, tried only for tokens that are no word as written.
  double rare = std::log(0.004);   // i→ä, a→ö, l→ä, s/g→ö at the start
  double digraph = std::log(0.01); // éa aé éi éd da ia ai li dé oo → one letter
  // Learned confusions of å/ä/ö (data/ocr_confusions.tsv, smoothed: see
  // OcrConfusionTable::Smoothed), tried like the rare ones: one- and
  // two-letter readings, and the letters lost.
  const SmoothedDiacriticChannel* learned = nullptr;
  Channel(double s, const OcrConfusionTable* table) : Channel(s) {
    if (table) learned = &table->Smoothed();
  }
  explicit Channel(double s) {
    s = std::clamp(s, 0.02, 0.98);
    a_aa = std::log(0.92 * s);
    a_ae = std::log(0.93 * s);
    o_oe = std::log(0.35 * s);
    d_ae = std::log(0.013 * s);
    d_oe = std::log(0.07 * s);
    d_aa = std::log(0.01 * s);
  }
};

// A slot: one intended letter, read from `consume` observed letters.
struct SlotOption {
  char32_t skel;   // the intended letter's skeleton (a/o/e or itself)
  int consume;     // observed code points it covers
  int n = 0;       // allowed intended letters
  char32_t letter[3];
  double cost[3];
  bool rare = false;
  bool unseen = false;  // a reading the table never saw: one per word at most
  bool d_sub = false;
  double best() const {
    double b = -1e9;
    for (int i = 0; i < n; ++i) b = std::max(b, cost[i]);
    return b;
  }
};

SlotOption Opt(char32_t skel, int consume, std::initializer_list<std::pair<char32_t, double>> allowed,
               bool rare = false) {
  SlotOption o;
  o.skel = skel;
  o.consume = consume;
  for (const auto& [c, p] : allowed) {
    o.letter[o.n] = c;
    o.cost[o.n] = p;
    ++o.n;
  }
  o.rare = rare;
  return o;
}

// One letter's skeleton, as SwedishLexicon::SkeletonOf maps it (without
// building a string per letter).
char32_t SkeletonLetter(char32_t c) {
  switch (c) {
    case U'å': case U'ä': case U'à': case U'á': case U'â': return U'a';
    case U'ö': case U'ø': case U'ó': case U'ò': case U'ô': return U'o';
    case U'é': case U'è': case U'ê': return U'e';
    default: return c;
  }
}

// Options for observed (lowercase) letters at w[i].
void SlotOptions(const std::u32string& w, size_t i, const Channel& ch, bool with_rare,
                 std::vector<SlotOption>* out) {
  out->clear();
  const char32_t c = w[i];
  const char32_t next = i + 1 < w.size() ? w[i + 1] : 0;
  switch (c) {
    case U'a':
      out->push_back(Opt(U'a', 1, {{U'a', 0}, {U'å', ch.a_aa}, {U'ä', ch.a_ae}}));
      if (with_rare) out->push_back(Opt(U'o', 1, {{U'ö', ch.rare}}, true));
      break;
    case U'o':
      out->push_back(Opt(U'o', 1, {{U'o', 0}, {U'ö', ch.o_oe}}));
      break;
    case U'é':
      out->push_back(Opt(U'o', 1, {{U'ö', ch.e_oe}}));
      out->push_back(Opt(U'a', 1, {{U'ä', ch.e_ae}, {U'å', ch.e_aa}}));
      out->push_back(Opt(U'e', 1, {{U'é', 0}, {U'e', ch.e_e}}));
      break;
    case U'6':
      out->push_back(Opt(U'o', 1, {{U'ö', ch.six_oe}}));
      break;
    case U'&':
      out->push_back(Opt(U'a', 1, {{U'ä', ch.amp_ae}, {U'å', ch.amp_aa}}));
      break;
    case U'4':
      out->push_back(Opt(U'a', 1, {{U'å', ch.four_aa}, {U'ä', ch.four_ae}}));
      break;
    case U'd': {
      out->push_back(Opt(U'd', 1, {{U'd', 0}}));
      SlotOption a = Opt(U'a', 1, {{U'ä', ch.d_ae}, {U'å', ch.d_aa}});
      a.d_sub = true;
      out->push_back(a);
      SlotOption o = Opt(U'o', 1, {{U'ö', ch.d_oe}});
      o.d_sub = true;
      out->push_back(o);
      break;
    }
    case U'i':
      out->push_back(Opt(U'i', 1, {{U'i', 0}}));
      if (with_rare) {
        out->push_back(Opt(U'a', 1, {{U'ä', ch.rare}}, true));
        out->push_back(Opt(U'o', 1, {{U'ö', ch.rare - 1}}, true));
        // l read as i (a thin stroke; "Gavieborg"), beside a stripped letter.
        out->push_back(Opt(U'l', 1, {{U'l', ch.rare - 1}}, true));
      }
      break;
    case U'l':
      out->push_back(Opt(U'l', 1, {{U'l', 0}}));
      if (with_rare) out->push_back(Opt(U'a', 1, {{U'ä', ch.rare - 1}}, true));
      break;
    case U's':
    case U'g':
      out->push_back(Opt(c, 1, {{c, 0}}));
      if (with_rare && i == 0) out->push_back(Opt(U'o', 1, {{U'ö', ch.rare - 1}}, true));
      break;
    default:
      out->push_back(Opt(SkeletonLetter(c), 1, {{c, 0}}));
      break;
  }
  // Learned confusions (data/ocr_confusions.tsv) that the options above do
  // not already hold: "8" for ä, "oé" for ö, an initial "0" or "s" for Ö.
  if (with_rare && ch.learned) {
    auto consider = [&](const LearnedConfusion& l) {
      // A reading never seen only in words of five letters or more: in
      // shorter tokens (abbreviations, codes: "LSS", "HR", "dnr") it would
      // find some short word far too often.
      if (l.count < 0 && w.size() < kMinLettersForUnseen) return;
      const size_t len = l.observed.size();
      const LetterPlace place = i == 0 ? LetterPlace::kInitial
                                : i + len == w.size() ? LetterPlace::kFinal
                                                      : LetterPlace::kMedial;
      if (place != l.place) return;
      bool known = false;
      for (SlotOption& o : *out) {
        if (o.consume != static_cast<int>(len)) continue;
        for (int m = 0; m < o.n; ++m) {
          if (o.letter[m] != l.intended) continue;
          known = true;
          // A rare option's guessed cost gives way to the learned one.
          if (o.rare) o.cost[m] = std::max(o.cost[m], l.log_prob);
        }
      }
      if (known) return;
      // å and ä read alike share one option (one skeleton lookup).
      const char32_t skel = SkeletonLetter(l.intended);
      for (SlotOption& o : *out) {
        if (o.rare && o.skel == skel && o.consume == static_cast<int>(len) && o.unseen == (l.count < 0) && o.n < 3) {
          o.letter[o.n] = l.intended;
          o.cost[o.n] = l.log_prob;
          ++o.n;
          return;
        }
      }
      out->push_back(Opt(skel, static_cast<int>(len), {{l.intended, l.log_prob}}, true));
      out->back().unseen = l.count < 0;
    };
    if (auto it = ch.learned->single.find(c); it != ch.learned->single.end()) {
      for (const LearnedConfusion& l : it->second) consider(l);
    }
    if (next) {
      if (auto it = ch.learned->pair.find(SmoothedDiacriticChannel::PairKey(c, next)); it != ch.learned->pair.end()) {
        for (const LearnedConfusion& l : it->second) consider(l);
      }
    }
  }
  // Two observed letters for one intended letter.
  if (with_rare && next) {
    auto pair = [&](char32_t x, char32_t y) { return c == x && next == y; };
    if (pair(U'é', U'a') || pair(U'a', U'é') || pair(U'é', U'i') || pair(U'é', U'd') || pair(U'd', U'a') ||
        pair(U'i', U'a') || pair(U'l', U'i')) {
      out->push_back(Opt(U'a', 2, {{U'ä', ch.digraph}}, true));
    }
    if (pair(U'd', U'é') || pair(U'a', U'i') || pair(U'o', U'o') || pair(U'o', U'6') || pair(U'6', U'o') ||
        pair(U'6', U'é') || pair(U'é', U'6') || pair(U'd', U'6') || pair(U'6', U'd')) {
      out->push_back(Opt(U'o', 2, {{U'ö', ch.digraph}}, true));
    }
  }
}

constexpr double kSpeculative = -6.9;       // log 1/1000
constexpr double kInvalidLogProb = -24.0;  // a token that is no word
constexpr double kGarbleKeptLogProb = -6.0;  // a 6/&/4 between letters read as itself
constexpr double kMinChannel = -13.0;       // prune candidates costlier than this
constexpr int kMaxLeaves = 600;
// Tokens longer than this are no Swedish word (the longest compounds in
// print run to about 35 letters): no readings are searched. The search is
// polynomial in the length, and a run of 120 letters ("121ddd…d0)", found by
// the fuzzer) took longer than the fuzzer's 25-second limit.
constexpr size_t kMaxRepairLetters = 40;
constexpr int kMaxCandidates = 6;

struct Candidate {
  std::u32string lower;
  int32_t id = -1;
  double channel = 0;
  bool valid = false;
  bool original = false;
  bool compound = false;
  bool forced = false;  // original with 6/&/4 mapped to letters, no word either
  bool pending = false;  // validity not checked yet
  double unigram = 0;    // log P for valid words without frequency (compounds)
  double prior = 0;  // channel + unigram, for ranking
};

// ---- Tokens ----------------------------------------------------------------

bool IsGarble(char32_t c) { return c == U'&' || c == U'6' || c == U'4'; }
bool IsWordish(char32_t c) { return u_isalpha(c) || IsGarble(c); }

// Units and abbreviations after a digit: "6st", "4kr" are numbers, not words.
bool IsUnitAfterDigit(const std::u32string& rest) {
  static const char32_t* kUnits[] = {U"st", U"kr", U"tkr", U"mkr", U"mnkr", U"h", U"tim", U"min", U"dgr", U"dagar",
                                     U"år", U"ar", U"mån", U"man", U"v", U"ggr", U"pers", U"e", U"a", U"procent",
                                     U"x", U"m", U"km", U"kg", U"mm", U"cm", U"st."};
  for (const char32_t* u : kUnits)
    if (rest == u) return true;
  return false;
}

// Hexadecimal identifiers (UUIDs, hashes: "768a99c7-fb46-...-1c6bcd9df967"):
// eight or more of 0-9, a-f, A-F and '-', with at least two digits and a
// letter; their 6 is a digit, not an ö.
bool LooksLikeHexCode(std::string_view t) {
  while (!t.empty() && std::ispunct(static_cast<unsigned char>(t.back())) && t.back() != '-') t.remove_suffix(1);
  while (!t.empty() && std::ispunct(static_cast<unsigned char>(t.front())) && t.front() != '-') t.remove_prefix(1);
  if (t.size() < 8) return false;
  int digits = 0, letters = 0;
  for (char c : t) {
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
    else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) ++letters;
    else if (c != '-') return false;
  }
  return digits >= 2 && letters >= 1;
}

bool LooksLikeUrlOrMail(std::string_view t) {
  if (t.find('@') != std::string_view::npos) return true;
  if (t.find("://") != std::string_view::npos) return true;
  std::string lower = ToLower(t);
  if (lower.find("www.") != std::string::npos) return true;
  static const char* kTlds[] = {".se", ".nu", ".com", ".org", ".net", ".eu", ".info", ".gov", ".io", ".html", ".pdf"};
  for (const char* tld : kTlds) {
    size_t p = lower.find(tld);
    while (p != std::string::npos) {
      size_t end = p + std::char_traits<char>::length(tld);
      bool letter_before = p > 0 && std::isalnum(static_cast<unsigned char>(lower[p - 1]));
      bool boundary_after = end == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end]));
      if (letter_before && boundary_after) return true;
      p = lower.find(tld, p + 1);
    }
  }
  return false;
}

// A token split into pieces; word pieces are repaired, others copied.
struct Piece {
  std::u32string text;
  bool word = false;
};

std::vector<Piece> SplitToken(const std::u32string& tok) {
  std::vector<Piece> out;
  size_t i = 0;
  while (i < tok.size()) {
    size_t j = i;
    bool wordish = IsWordish(tok[i]);
    while (j < tok.size() && IsWordish(tok[j]) == wordish) ++j;
    Piece p;
    p.text = tok.substr(i, j - i);
    if (wordish) {
      // Trim garble characters that cannot be letters: trailing digits and &
      // ("Q4", "R&"), digits next to other digits ("2016").
      size_t b = 0, e = p.text.size();
      const bool digit_before = i > 0 && u_isdigit(tok[i - 1]);
      const bool digit_after = j < tok.size() && u_isdigit(tok[j]);
      // A trailing 4 or & is a letter after lowercase letters ("p4", "tv&"),
      // not after a capital ("Q4", "A4", "P4") nor inside a number
      // ("universitet42").
      while (e > b && IsGarble(p.text[e - 1]) && (digit_after || !(e - b >= 2 && u_islower(p.text[e - 2])))) --e;
      // "H&M", "R&D", "AT&T": an & between capitals is an ampersand.
      for (size_t k = b + 1; k + 1 < e; ++k) {
        if (p.text[k] == U'&' && u_isupper(p.text[k - 1]) && u_isupper(p.text[k + 1])) {
          e = b;  // not a word
          break;
        }
      }
      if (digit_before || digit_after) {
        while (b < e && IsGarble(p.text[b])) ++b;
      }
      int alpha = 0;
      for (size_t k = b; k < e; ++k) alpha += u_isalpha(p.text[k]) ? 1 : 0;
      bool ok = alpha >= 1 && e - b >= 2;
      if (ok && b < e && (p.text[b] == U'6' || p.text[b] == U'4')) {
        std::u32string rest = LowerU32(p.text.substr(b + 1, e - b - 1));
        if (IsUnitAfterDigit(rest)) ok = false;
      }
      if (ok) {
        if (b > 0) out.push_back({p.text.substr(0, b), false});
        out.push_back({p.text.substr(b, e - b), true});
        if (e < p.text.size()) out.push_back({p.text.substr(e), false});
      } else {
        out.push_back({p.text, false});
      }
    } else {
      out.push_back(std::move(p));
    }
    i = j;
  }
  return out;
}

std::u32string ApplyCase(const std::u32string& original, const std::u32string& lower) {
  if (original == U"|") return U"I";
  int upper = 0, lowers = 0;
  for (char32_t c : original) {
    if (u_isupper(c)) ++upper;
    else if (u_islower(c)) ++lowers;
  }
  std::u32string out = lower;
  if (upper >= 2 && lowers == 0) {
    for (char32_t& c : out) c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
  } else if (!original.empty() && (u_isupper(original[0]) || (upper > 0 && !u_islower(original[0])))) {
    out[0] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(out[0])));
  }
  // A capital inside the word on a letter the repair kept is printed so
  // ("GoteborgsLokaler" → "GöteborgsLokaler"); one on a changed letter is
  // the OCR's (an O for a tall ö) and stays small.
  if (upper >= 1 && lowers >= 1 && original.size() == out.size()) {
    for (size_t i = 1; i < out.size(); ++i) {
      if (u_isupper(original[i]) && static_cast<char32_t>(u_tolower(original[i])) == out[i]) {
        out[i] = original[i];
      }
    }
  }
  return out;
}

// The whitespace that separates tokens (ASCII; NBSP stays inside a token).
bool IsRepairSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Whether `w` is `lo` to `hi` letters, all capitals.
bool IsCapitals(const std::u32string& w, size_t lo, size_t hi) {
  if (w.size() < lo || w.size() > hi) return false;
  for (char32_t c : w) {
    if (!u_isupper(static_cast<UChar32>(c))) return false;
  }
  return true;
}

// "SD", "KD", "MP": two or three letters, all capitals.
bool IsShortCapitals(const std::u32string& w) { return IsCapitals(w, 2, 3); }

// True when token t opens a line (not a cell on the same line) under a line
// that ends in a word no sentence, heading or label ends with ("... en
// andel av" / "Okar branschen", "fanns det en" / "6ppenhet"): the sentence
// runs on, even across a blank line that OCR set inside it.
bool ContinuesFromLineBefore(const std::vector<RepairToken>& tokens, size_t t) {
  if (t == 0 || tokens[t].line < 0 || tokens[t].line <= tokens[t - 1].line) return false;
  // Prepositions, articles, conjunctions and the like, as printed or with
  // their å/ä/ö stripped (the line before is OCR text too).
  static const std::set<std::string_view> kOpenEnders = {
      "av",  "en",    "ett", "och",  "att",  "i",   "på",   "pa",   "för",   "for",   "med",   "som",
      "till", "om",  "den", "det",  "de",   "är",  "ar",   "från", "fran",  "vid",   "eller", "men",
      "samt", "inom", "mot", "utan", "genom", "hos", "över", "over", "mellan", "under", "dess", "sina"};
  return kOpenEnders.count(tokens[t - 1].text) > 0;
}

// True when token t starts a sentence: the first token, after a paragraph or
// cell break, after . ! or ?, or after a bullet that starts its line.
bool OpensSentence(const std::vector<RepairToken>& tokens, size_t t) {
  if (t == 0 || (tokens[t].break_before && !ContinuesFromLineBefore(tokens, t))) return true;
  const std::string& prev = tokens[t - 1].text;
  if (prev.empty()) return false;
  const char last = prev.back();
  if (last == '.' || last == '!' || last == '?') return true;
  const bool bullet = prev == "-" || prev == "*" || prev == "\u2013" || prev == "\u2022";
  return bullet && (t == 1 || tokens[t - 2].line != tokens[t - 1].line || tokens[t - 1].break_before);
}

// The first code point of a token; 0 for an empty one.
UChar32 FirstCodePoint(std::string_view text) {
  size_t i = 0;
  return text.empty() ? 0 : static_cast<UChar32>(NextCodePoint(text, &i));
}

// True when a token ends in a small letter or a comma: the word after it is
// inside a running sentence.
bool EndsInsideSentence(std::string_view text) {
  if (text.empty()) return false;
  size_t i = text.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  const UChar32 last = static_cast<UChar32>(NextCodePoint(text, &i));
  return u_islower(last) || last == ',';
}

// The share of words inside running sentences (EndsInsideSentence) that
// begin with a capital; -1 under 50 such words, too few to tell prose from
// a run of capitalised terms.
double CapitalsInRunningText(const std::vector<RepairToken>& tokens) {
  constexpr size_t kMinWords = 50;
  size_t words = 0;
  size_t capitals = 0;
  for (size_t t = 1; t < tokens.size(); ++t) {
    if (tokens[t].break_before || !EndsInsideSentence(tokens[t - 1].text)) continue;
    const UChar32 first = FirstCodePoint(tokens[t].text);
    if (!u_isalpha(first)) continue;
    ++words;
    if (u_isupper(first)) ++capitals;
  }
  return words < kMinWords ? -1.0 : static_cast<double>(capitals) / static_cast<double>(words);
}

// ---- Candidate generation -------------------------------------------------

class CandidateGenerator {
 public:
  CandidateGenerator(const SwedishLexicon& lex, const Channel& ch) : lex_(lex), ch_(ch) {}

  std::vector<Candidate> Generate(const std::u32string& lower) {
    cands_.clear();
    Candidate orig;
    orig.lower = lower;
    orig.original = true;
    std::string utf8 = U32ToUtf8(lower);
    orig.id = lex_.Find(utf8);
    orig.valid = !HasGarble(lower) && lex_.Contains(utf8);
    // A 6, & or 4 between letters is no letter of a Swedish word: kept as
    // written, the reading costs what the OCR model rarely does.
    if (HasInnerGarble(lower)) orig.channel = kGarbleKeptLogProb;
    cands_.push_back(orig);
    Enumerate(lower, /*with_rare=*/false);
    // A word only hunspell accepts is often a compound made of OCR damage
    // ("fortsittning": fort|sittning for "fortsättning", ä read as i): it
    // does not stop the rarer readings; a word some curated list holds, or
    // that has a frequency, does.
    const bool listed = cands_[0].valid && cands_[0].id >= 0 &&
                        ((lex_.Flags(cands_[0].id) & SwedishLexicon::kCurated) || lex_.Seen(cands_[0].id));
    Validate();
    bool any_valid = listed;
    for (size_t i = 1; i < cands_.size(); ++i) any_valid |= cands_[i].valid;
    if (!any_valid) {
      // A lost letter is looked for only in a token that is no word at all
      // (each place costs a search; hunspell-only words are many).
      Enumerate(lower, /*with_rare=*/true, /*with_lost=*/!cands_[0].valid);
      // On tokens under four letters rare confusions would turn OCR noise
      // from rules and logos ("ll", "aaa") into words: there only the most
      // common words count ("ir" → "är").
      if (lower.size() < 4) {
        for (Candidate& c : cands_) {
          if (c.original || !c.pending) continue;
          int rank = lex_.RankOf(c.id);
          if (rank == 0 || rank > 500) c.pending = false;
        }
      }
      any_valid = Validate();
    }
    // Hunspell accepts many stripped compounds as they are ("mattbeskrivning",
    // "spridningstillfallen"): a long valid word without frequency gets the
    // compound search too.
    // Candidates found only through a reading rarer than kSpeculative (never
    // seen, or a lost letter) do not stop the compound search: a compound
    // with a common reading is likelier ("stodmaterial").
    bool other_valid = false, likely_valid = cands_[0].valid;
    for (size_t i = 1; i < cands_.size(); ++i) {
      other_valid |= cands_[i].valid;
      likely_valid |= cands_[i].valid && cands_[i].channel >= kSpeculative;
    }
    if ((!likely_valid || (!other_valid && !lex_.Seen(cands_[0].id) && lower.size() >= 8)) && lower.size() >= 6) {
      HunspellVariants(lower, cands_[0].valid);
    }
    any_valid = false;
    for (const Candidate& c : cands_) any_valid |= c.valid;
    // Still nothing: a compound whose parts are each a listed word once
    // restored ("garantiatgard": garanti|åtgärd), found part by part, since
    // the whole word's beam ranks such spellings too low to reach them.
    if (!any_valid && lower.size() >= 2 * kMinCompoundPart + 1) {
      CompoundVariants(lower);
      for (const Candidate& c : cands_) any_valid |= c.valid;
    }
    // A digit needs two letters after it to count as a letter here: "I6ner"
    // is "Iöner", "avsnitt6a" is a section number.
    bool digit_tail = true;
    for (size_t i = 0; i < lower.size(); ++i) {
      if (lower[i] != U'6' && lower[i] != U'4') continue;
      if (i + 2 >= lower.size() || !u_isalpha(lower[i + 1]) || !u_isalpha(lower[i + 2])) digit_tail = false;
    }
    // An é with two letters after it is, in stripped text, an ö far more
    // often than anything else (61% of ö; Swedish spells é only at a word's
    // end or before one letter: "idé", "armén"), so a word nothing validates
    // gets ö there too ("Schénning").
    bool inner_e = false;
    for (size_t i = 1; i + 2 < lower.size(); ++i) {
      if (lower[i] == U'é' && u_isalpha(lower[i + 1]) && u_isalpha(lower[i + 2])) inner_e = true;
    }
    if (!any_valid && ((HasGarble(lower) && digit_tail) || inner_e)) {
      // A 6, & or 4 between letters is a letter, even in a word no list
      // holds ("I6ner"): read it as its most likely letter.
      std::u32string forced = lower;
      for (size_t i = 0; i < forced.size(); ++i) {
        char32_t& c = forced[i];
        if (c == U'6') c = U'ö';
        else if (c == U'&') c = U'ä';
        else if (c == U'4') c = U'å';
        else if (c == U'é' && i > 0 && i + 2 < forced.size() && u_isalpha(forced[i + 1]) && u_isalpha(forced[i + 2])) c = U'ö';
      }
      cands_[0].lower = forced;
      cands_[0].forced = true;
    }
    return Finish();
  }

  // The candidates of a suspended compound head, a word printed with a
  // hyphen before "och", "eller" or a comma ("hälso- och sjukvård",
  // "år- och månadsvis"): a head is no word of its own ("hälso"), so the
  // spellings are those hunspell accepts with the hyphen ("hälso-", not
  // "hälsö-", the island). Same order and shape as Generate's. Fewest
  // hunspell calls first: the word's own candidates (as_word, Generate's)
  // that hunspell accepts with the hyphen; only when none does, the
  // likeliest spellings of the beam.
  std::vector<Candidate> GenerateHead(const std::u32string& lower, const std::vector<Candidate>& as_word) {
    cands_.clear();
    if (!lex_.has_hunspell()) return as_word;
    Candidate orig;
    orig.lower = lower;
    orig.original = true;
    const std::string utf8 = U32ToUtf8(lower);
    orig.id = lex_.Find(utf8);
    orig.valid = !HasGarble(lower) && lex_.Contains(utf8 + "-");
    cands_.push_back(orig);
    bool found = false;
    for (const Candidate& w : as_word) {
      if (w.original || !w.valid || !lex_.Contains(U32ToUtf8(w.lower) + "-")) continue;
      cands_.push_back(w);  // (Finish works out its prior again)
      found = true;
    }
    if (!found && lower.size() <= kMaxRepairLetters) {
      size_t checked = 0;
      for (const Partial& p : Beam(lower)) {
        if (p.text == lower) continue;
        if (++checked > kHeadChecks) break;
        const std::string spelled = U32ToUtf8(p.text);
        if (!lex_.Contains(spelled + "-")) continue;
        AddFound(p.text, spelled, p.cost);
        found = true;
      }
    }
    // No spelling hunspell takes as a head ("inköp-", which it knows only as
    // "inköps-"): the word's own candidates, as for any word.
    if (!found && !cands_[0].valid) return as_word;
    return Finish();
  }

 private:
  // Reads cands_; keeps the valid candidates and the original, with their
  // priors, original first and then most likely first.
  std::vector<Candidate> Finish() {
    // A word valid as written that no frequency list holds ("genomfors", a
    // rare form of "genomfara" in wswedish) is rarer than every listed
    // word: when a rival spelling is listed ("genomförs"), its parts
    // ("genom|fors") say nothing of how often it is written, so it gets the
    // unseen word's probability, not the compound estimate.
    bool listed_rival = false;
    for (size_t i = 1; i < cands_.size(); ++i) listed_rival |= cands_[i].valid && lex_.Seen(cands_[i].id);
    // Keep valid candidates, plus the original (possibly invalid).
    std::vector<Candidate> out;
    for (Candidate& c : cands_) {
      if (!c.valid && !c.original) continue;
      if (c.valid && !lex_.Seen(c.id)) {
        c.unigram = c.original && listed_rival ? lex_.LogProbUnseen() : lex_.CompoundLogProb(c.lower);
      }
      c.prior = c.channel + (!c.valid ? kInvalidLogProb : lex_.Seen(c.id) ? lex_.LogProb(c.id) : c.unigram);
      out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
      if (a.original != b.original) return a.original;
      return a.prior > b.prior;
    });
    if (out.size() > kMaxCandidates) out.resize(kMaxCandidates);
    return out;
  }

  static bool HasInnerGarble(const std::u32string& w) {
    for (size_t i = 1; i + 1 < w.size(); ++i)
      if (IsGarble(w[i]) && u_isalpha(w[i - 1]) && u_isalpha(w[i + 1])) return true;
    return false;
  }
  static bool HasGarble(const std::u32string& w) {
    for (char32_t c : w)
      if (IsGarble(c)) return true;
    return false;
  }

  void Enumerate(const std::u32string& w, bool with_rare, bool with_lost = false) {
    if (w.size() > kMaxRepairLetters) return;
    slots_.clear();
    skel_.clear();
    leaves_ = 0;
    Dfs(w, 0, 0.0, 0, 0, with_rare);
    if (with_rare && with_lost) EnumerateLost(w);
  }

  // A letter the OCR lost ("tgärd" for "åtgärd", "vergripande" for
  // "övergripande"): each learned lost letter put back where it was learned
  // to go missing (word start, inside, end), the rest read with the common
  // confusions only, so one loss plus stripping is still found.
  void EnumerateLost(const std::u32string& w) {
    if (w.size() < 2 || !ch_.learned) return;
    // å and ä share the skeleton "a": one search puts back either.
    for (int place = 0; place < 3; ++place) {
      SlotOption put_a = Opt(U'a', 1, {}, true), put_o = Opt(U'o', 1, {}, true);
      for (const LearnedConfusion& l : ch_.learned->lost) {
        if (static_cast<int>(l.place) != place) continue;
        SlotOption& o = l.intended == U'ö' ? put_o : put_a;
        o.letter[o.n] = l.intended;
        o.cost[o.n] = l.log_prob;
        ++o.n;
      }
      for (const SlotOption* put : {&put_a, &put_o}) {
        if (put->n == 0) continue;
        lost_slot_ = *put;
        for (size_t k = 0; k <= w.size(); ++k) {
          const int at = k == 0 ? 0 : k == w.size() ? 2 : 1;
          if (at != place) continue;
          std::u32string v = w.substr(0, k);
          v += kLostMark;
          v += w.substr(k);
          slots_.clear();
          skel_.clear();
          leaves_ = 0;
          Dfs(v, 0, 0.0, /*rare=*/1, 0, /*with_rare=*/false);
        }
      }
    }
  }

  void Dfs(const std::u32string& w, size_t i, double cost, int rare, int dsubs, bool with_rare) {
    if (leaves_ >= kMaxLeaves) return;
    if (i == w.size()) {
      ++leaves_;
      if (with_rare && rare == 0) return;  // already tried without
      Lookup();
      return;
    }
    // One scratch list per depth (a deque keeps the outer levels' lists in
    // place while deeper ones are added).
    if (opts_by_depth_.size() <= slots_.size()) opts_by_depth_.resize(slots_.size() + 1);
    std::vector<SlotOption>& opts = opts_by_depth_[slots_.size()];
    if (w[i] == kLostMark) opts.assign(1, lost_slot_);
    else SlotOptions(w, i, ch_, with_rare, &opts);
    for (const SlotOption& o : opts) {
      double c = cost + o.best();
      if (c < kMinChannel) continue;
      int r = rare + (o.unseen && o.consume == 1 ? 2 : o.rare ? 1 : 0);
      int d = dsubs + (o.d_sub ? 1 : 0);
      if (r > 2 || d > 2) continue;
      slots_.push_back(o);
      skel_.push_back(o.skel);
      Dfs(w, i + o.consume, c, r, d, with_rare);
      slots_.pop_back();
      skel_.pop_back();
    }
  }

  void Lookup() {
    skel_utf8_.clear();
    for (char32_t c : skel_) AppendUtf8(c, &skel_utf8_);
    lex_.ForEachWithSkeleton(skel_utf8_, [&](int32_t id) {
      // The word is read letter by letter against the slots, without a copy:
      // most words sharing the skeleton fail on their first few letters.
      const std::string& utf8 = lex_.Word(id);
      double cost = 0;
      size_t k = 0;
      for (size_t i = 0; i < utf8.size(); ++k) {
        if (k >= slots_.size()) return;
        const char32_t letter = NextCodePoint(utf8, &i);
        const SlotOption& s = slots_[k];
        int m = 0;
        while (m < s.n && s.letter[m] != letter) ++m;
        if (m == s.n) return;
        cost += s.cost[m];
      }
      if (k != slots_.size() || cost < kMinChannel) return;
      Add(Utf8ToU32(utf8), id, cost, false);
    });
  }

  void Add(const std::u32string& word, int32_t id, double cost, bool compound) {
    for (Candidate& c : cands_) {
      if (c.lower == word) {
        if (!c.original && cost > c.channel) c.channel = cost;
        return;
      }
    }
    Candidate c;
    c.lower = word;
    c.id = id;
    c.channel = cost;
    c.compound = compound;
    c.valid = false;
    c.pending = true;  // validated lazily, most likely first (Validate)
    cands_.push_back(std::move(c));
  }

  // Validates pending candidates, most likely first, until kMaxCandidates
  // are valid: hunspell is the expensive part, and junk spellings from the
  // web list are rarely likely.
  bool Validate() {
    std::vector<size_t> order;
    int valid = 0;
    for (size_t i = 0; i < cands_.size(); ++i) {
      if (cands_[i].pending) order.push_back(i);
      else if (cands_[i].valid) ++valid;
    }
    auto prior = [&](const Candidate& c) { return c.channel + lex_.LogProb(c.id); };
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return prior(cands_[a]) > prior(cands_[b]); });
    for (size_t i : order) {
      Candidate& c = cands_[i];
      c.pending = false;
      if (valid >= kMaxCandidates) continue;
      c.valid = lex_.Contains(lex_.Word(c.id));
      valid += c.valid;
    }
    return valid > 0;
  }

  // Adds a spelling a search found valid (hunspell, or common parts) that
  // Enumerate's list lookup could not: a compound candidate.
  void AddFound(const std::u32string& text, const std::string& utf8, double channel) {
    Candidate c;
    c.lower = text;
    c.id = lex_.Find(utf8);
    c.channel = channel;
    c.valid = true;
    c.compound = true;
    cands_.push_back(std::move(c));
  }

  // A spelling the observed letters may stand for, built letter by letter.
  struct Partial {
    std::u32string text;
    double cost;   // channel
    int dsubs;
    double rank;   // channel + character model, for the beam
    int rare;      // two-letter confusions used
  };

  // The kBeam likeliest spellings of w under the confusions (common ones and
  // two-letter ones; single-letter rarities would make too many), ranked by
  // channel plus the character model, best first.
  std::vector<Partial> Beam(const std::u32string& w) {
    constexpr size_t kBeam = 48;
    // Beams indexed by how many observed letters they have consumed: a
    // two-letter confusion ("o6", "éa") moves two places at once.
    const size_t n = w.size();
    std::vector<std::vector<Partial>> at(n + 1);
    at[0].push_back({U"", 0.0, 0, 0.0, 0});
    std::vector<SlotOption> opts;
    auto prune = [&](std::vector<Partial>& v) {
      // Rank: channel plus the character model of the prefix so far.
      for (Partial& p : v) p.rank = p.cost + lex_.CharLogProb(p.text);
      std::sort(v.begin(), v.end(), [](const Partial& a, const Partial& b) { return a.rank > b.rank; });
      if (v.size() > kBeam) v.resize(kBeam);
    };
    for (size_t i = 0; i < n; ++i) {
      if (at[i].empty()) continue;
      if (i > 0) prune(at[i]);
      SlotOptions(w, i, ch_, /*with_rare=*/true, &opts);
      for (const Partial& p : at[i]) {
        for (const SlotOption& o : opts) {
          if (o.rare && o.consume == 1) continue;  // single-letter rarities: too many spellings
          int d = p.dsubs + (o.d_sub ? 1 : 0);
          int r = p.rare + (o.rare ? 1 : 0);
          if (d > 2 || r > 1) continue;
          for (int m = 0; m < o.n; ++m) {
            double c = p.cost + o.cost[m];
            if (c < kMinChannel) continue;
            at[i + o.consume].push_back({p.text + o.letter[m], c, d, 0.0, r});
          }
        }
      }
      at[i].clear();
      at[i].shrink_to_fit();
    }
    std::vector<Partial>& beam = at[n];
    prune(beam);
    return std::move(beam);
  }

  // Words no list holds, compounds above all ("processtöd",
  // "tjänstemannanivå"): the most likely restorations under the confusion
  // model, best first, each checked by hunspell.
  // original_valid: the token is itself a word hunspell accepts; then only
  // spellings whose parts are more frequent than its own are tried.
  void HunspellVariants(const std::u32string& w, bool original_valid) {
    if (!lex_.has_hunspell() || w.size() > kMaxRepairLetters) return;
    constexpr size_t kChecks = 16;
    const std::vector<Partial> beam = Beam(w);
    // Hunspell is slow: it is asked about at most kChecks spellings, first
    // those that split into a head and a tail the frequency lists hold (best
    // split first; names and foreign words rarely have one).
    struct Checked {
      const Partial* p;
      double score;
    };
    std::vector<Checked> worth, rest;
    const double own_split = original_valid ? lex_.CompoundSplitScore(w) : -1e9;
    constexpr size_t kUnsplitChecks = 2;
    size_t unsplit = 0;
    for (const Partial& p : beam) {
      if (p.text == w) continue;
      double compound = lex_.CompoundSplitScore(p.text);
      if (original_valid) {
        if (compound > -1e8 && compound > own_split) worth.push_back({&p, p.cost + compound});
        continue;
      }
      if (compound > -1e8) {
        worth.push_back({&p, p.cost + compound});
        continue;
      }
      // Without a two-part split, a compound must still end in a word form
      // the lists hold ("...nivå"); anything else is not worth a hunspell call.
      bool tail = false;
      if (p.text.size() >= 7) {
        // Byte offsets of the letters, so each tail is a view, not a copy.
        tail_utf8_.clear();
        tail_offsets_.clear();
        for (char32_t c : p.text) {
          tail_offsets_.push_back(tail_utf8_.size());
          AppendUtf8(c, &tail_utf8_);
        }
        const std::string_view all(tail_utf8_);
        for (size_t i = 3; i + 4 <= p.text.size() && !tail; ++i) tail = lex_.Seen(lex_.Find(all.substr(tail_offsets_[i])));
      }
      if (tail) rest.push_back({&p, p.rank});
      // A word hunspell knows whole that no list holds ("avgälden") has
      // neither: the likeliest few spellings are asked anyway.
      else if (!original_valid && ++unsplit <= kUnsplitChecks) rest.push_back({&p, p.rank});
    }
    std::sort(worth.begin(), worth.end(), [](const Checked& a, const Checked& b) { return a.score > b.score; });
    // Then the rest in beam order (channel and character model): compounds
    // of three parts have no two-part split.
    worth.insert(worth.end(), rest.begin(), rest.end());
    size_t checked = 0;
    for (const Checked& ch : worth) {
      const Partial& p = *ch.p;
      if (++checked > kChecks) break;
      std::string utf8 = U32ToUtf8(p.text);
      if (!lex_.Contains(utf8)) continue;
      AddFound(p.text, utf8, p.cost);
      // The list is ordered by how likely a spelling is; the first one
      // hunspell accepts is the answer, and each further call costs ~50 µs.
      break;
    }
  }

  // A part's restorations: the listed words its letters may stand for under
  // the confusions (the rarer learned ones too: "underhills" is
  // "underhålls"), each with its channel cost (log), best first; at most
  // kPartReadings, cached per generator.
  struct PartReading {
    std::u32string text;
    double cost;   // channel
    double score;  // channel + the word's log-probability
    double log_prob;
  };
  const std::vector<PartReading>& PartReadings(const std::u32string& part) {
    auto cached = part_readings_.find(part);
    if (cached != part_readings_.end()) return cached->second;
    std::vector<Candidate> saved;
    saved.swap(cands_);
    Enumerate(part, /*with_rare=*/false);
    Enumerate(part, /*with_rare=*/true);
    std::vector<PartReading> out;
    for (const Candidate& c : cands_) {
      if (c.id < 0 || !lex_.Seen(c.id)) continue;
      out.push_back({c.lower, c.channel, c.channel + lex_.LogProb(c.id), lex_.LogProb(c.id)});
    }
    cands_.swap(saved);
    // The part as written, when it is a listed word, costs nothing.
    const int32_t own = lex_.Find(U32ToUtf8(part));
    if (lex_.Seen(own) && std::none_of(out.begin(), out.end(), [&](const PartReading& r) { return r.text == part; })) {
      out.push_back({part, 0.0, lex_.LogProb(own), lex_.LogProb(own)});
    }
    std::sort(out.begin(), out.end(), [](const PartReading& a, const PartReading& b) { return a.score > b.score; });
    if (out.size() > kPartReadings) out.resize(kPartReadings);
    return part_readings_.emplace(part, std::move(out)).first->second;
  }

  // A word no reading made valid, read as head|tail (a linking s kept with
  // the head): every split into two parts of kMinCompoundPart letters or
  // more, each part restored to a listed word, the pairs ranked by channel
  // and the parts' frequencies, the best kCompoundChecks asked of hunspell.
  // Only a spelling that changes a letter counts; the first one hunspell
  // accepts is added, as in HunspellVariants.
  void CompoundVariants(const std::u32string& w) {
    if (!lex_.has_hunspell() || w.size() > kMaxRepairLetters) return;
    // A listed word with a genitive s ("tidigares") is that word, whatever
    // compound its letters might also spell (tid|ägares).
    if (w.back() == U's' && lex_.Seen(lex_.Find(U32ToUtf8(w.substr(0, w.size() - 1))))) return;
    struct Joined {
      std::u32string text;
      double cost;
      double score;
      double weakest;  // the rarer part's log-probability
      size_t tail;     // letters
    };
    std::vector<Joined> joined;
    for (size_t i = kMinCompoundPart; i + kMinCompoundPart <= w.size(); ++i) {
      const std::u32string tail_part = w.substr(i);
      // (A reference: the cache's elements stay where they are as it grows.)
      const std::vector<PartReading>& tails = PartReadings(tail_part);
      if (tails.empty()) continue;
      std::u32string head_part = w.substr(0, i);
      std::u32string link;
      if (head_part.back() == U's' && head_part.size() > kMinCompoundPart) {
        link = U"s";
        head_part.pop_back();
      }
      for (int with_link = link.empty() ? 0 : 1; with_link >= 0; --with_link) {
        const std::u32string h = with_link ? head_part : w.substr(0, i);
        const std::u32string l = with_link ? link : U"";
        for (const PartReading& head : PartReadings(h)) {
          for (const PartReading& tail : tails) {
            std::u32string text = head.text + l + tail.text;
            if (text == w) continue;
            joined.push_back({std::move(text), head.cost + tail.cost, head.score + tail.score - (with_link ? 0.5 : 0.0), std::min(head.log_prob, tail.log_prob), tail.text.size()});
          }
        }
      }
    }
    std::sort(joined.begin(), joined.end(), [](const Joined& a, const Joined& b) { return a.score > b.score; });
    // A word that splits as written into listed parts ("nermark": ner|mark,
    // "fondnoten") may be a compound as printed: a restoration must beat
    // that split, channel included.
    const double own_split = lex_.CompoundSplitScore(w);
    joined.erase(std::remove_if(joined.begin(), joined.end(), [&](const Joined& j) { return j.score <= own_split; }),
                 joined.end());
    std::set<std::u32string> asked;
    for (size_t k = 0; k < joined.size() && asked.size() < kCompoundChecks; ++k) {
      if (!asked.insert(joined[k].text).second) continue;
      const std::string utf8 = U32ToUtf8(joined[k].text);
      if (!lex_.Contains(utf8)) continue;
      AddFound(joined[k].text, utf8, joined[k].cost);
      return;
    }
    // Hunspell's compounding misses many a compound of two common words
    // ("granskningsåret", "lånenoten"): a split whose parts are both common
    // listed words (and whose tail is no ending of two or three letters) is
    // taken without it. The word as written was no word at all, so the
    // letters kept ("Ransgard": råns|gård, both rarer) are what this risks.
    // Not when the word as written splits into common parts too.
    if (own_split >= 2 * kCommonPartLogProb) return;
    for (const Joined& j : joined) {
      if (j.weakest < kCommonPartLogProb || j.tail < 4) continue;
      AddFound(j.text, U32ToUtf8(j.text), j.cost);
      return;
    }
  }

  static constexpr size_t kMinCompoundPart = 3;
  static constexpr size_t kPartReadings = 3;
  static constexpr size_t kCompoundChecks = 8;
  static constexpr size_t kHeadChecks = 12;  // hunspell calls per suspended head
  // log P of a part common enough to join without hunspell: seen about
  // once in 160 000 words.
  static constexpr double kCommonPartLogProb = -12.0;

  const SwedishLexicon& lex_;
  const Channel& ch_;
  std::vector<Candidate> cands_;
  // CompoundVariants' parts, read once per generator.
  std::unordered_map<std::u32string, std::vector<PartReading>> part_readings_;
  std::vector<SlotOption> slots_;
  std::u32string skel_;
  std::string skel_utf8_;  // Lookup's scratch
  std::string tail_utf8_;  // HunspellVariants' scratch
  std::vector<size_t> tail_offsets_;
  std::deque<std::vector<SlotOption>> opts_by_depth_;  // Dfs's scratch
  int leaves_ = 0;
  // EnumerateLost: where a lost letter is put back (a code point no text
  // holds), and the letters it may be.
  static constexpr char32_t kLostMark = 0x10FFFE;
  SlotOption lost_slot_{};
};

std::string Describe(const std::u32string& from, const std::u32string& to) {
  if (from.size() != to.size()) {
    // Letters merged or put back: name the part that differs ("oé→ö").
    size_t b = 0;
    while (b < from.size() && b < to.size() && from[b] == to[b]) ++b;
    size_t e = 0;
    while (e < from.size() - b && e < to.size() - b && from[from.size() - 1 - e] == to[to.size() - 1 - e]) ++e;
    const std::u32string x = from.substr(b, from.size() - b - e), y = to.substr(b, to.size() - b - e);
    return (x.empty() ? std::string("∅") : U32ToUtf8(x)) + "→" + (y.empty() ? std::string("∅") : U32ToUtf8(y)) +
           (x.empty() ? " (a lost letter)" : " (letters merged)");
  }
  std::string out;
  size_t n = std::min(from.size(), to.size());
  for (size_t k = 0; k < n; ++k) {
    if (from[k] == to[k]) continue;
    if (!out.empty()) out += ",";
    out += U32ToUtf8(std::u32string(1, from[k])) + "→" + U32ToUtf8(std::u32string(1, to[k]));
  }
  return out;
}

}  // namespace

DiacriticRepairer::DiacriticRepairer(const SwedishLexicon& lexicon, RepairOptions options)
    : lex_(lexicon), options_(options) {}

double DiacriticRepairer::EstimateStripRate(const std::vector<RepairToken>& tokens) {
  size_t letters = 0, diacritics = 0;
  for (const RepairToken& t : tokens) {
    for (size_t i = 0; i < t.text.size();) {
      UChar32 c = static_cast<UChar32>(NextCodePoint(t.text, &i));
      if (!u_isalpha(c)) continue;
      ++letters;
      UChar32 l = u_tolower(c);
      if (l == U'å' || l == U'ä' || l == U'ö') ++diacritics;
    }
  }
  if (letters < 200) return 0.9;  // too little text to tell: assume the caller knows it is stripped
  double rate = static_cast<double>(diacritics) / letters;
  return std::clamp(1.0 - rate / 0.048, 0.03, 0.97);
}

std::vector<RepairToken> TokenizeForRepair(std::string_view text) {
  std::vector<RepairToken> out;
  size_t i = 0;
  int newlines = 0, line = 0;
  bool tab = false;
  while (i < text.size()) {
    char c = text[i];
    if (IsRepairSpace(c)) {
      if (c == '\n') ++newlines;
      if (c == '\t') tab = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && !IsRepairSpace(text[j])) ++j;
    RepairToken t;
    t.text = std::string(text.substr(i, j - i));
    t.break_before = out.empty() || newlines >= 2 || tab;
    line += newlines;
    t.line = line;
    out.push_back(std::move(t));
    newlines = 0;
    tab = false;
    i = j;
  }
  return out;
}

namespace {

// One position of the context model: a word piece with candidates, or a
// context word that is not repaired (numbers as "?", unchanged words).
struct Position {
  size_t token;
  size_t piece;
  const std::vector<Candidate>* cands;  // null: fixed context
  int32_t fixed_id = -1;
  bool boundary_before = false;
};

// A decided change of one word piece: its new lowercase spelling, the
// log-odds against keeping the original, and the reason.
struct PieceChange {
  std::u32string repaired;
  double margin;
  std::string why;
};

// The pieces of a token that has none (a URL or e-mail address).
const std::vector<Piece> kNoPieces;

// Key of piece `p` of token `t` in the per-piece maps.
uint64_t PieceKey(size_t t, size_t p) { return (static_cast<uint64_t>(t) << 16) | p; }

int32_t CandidateId(const Candidate& c) { return c.valid ? c.id : -1; }

// Reads the tokens' lines; counts the "|" tokens per line (lines holding more
// than one are tables).
std::unordered_map<int, int> CountBarsPerLine(const std::vector<RepairToken>& tokens) {
  std::unordered_map<int, int> bars_on_line;
  for (const RepairToken& t : tokens) {
    if (t.line >= 0 && t.text.find('|') != std::string::npos) ++bars_on_line[t.line];
  }
  return bars_on_line;
}

// Reads pairs of tokens on consecutive lines; decides which first halves of a
// word hyphenated across a line end ("nämn-" / "den") are repaired as one
// word with the next token: neither half is a word alone, and the halves
// ("an-", "dande") would be "repaired" into words they are not.
std::vector<bool> FindHyphenJoins(const std::vector<RepairToken>& tokens) {
  std::vector<bool> hyphen_join(tokens.size(), false);
  auto all_caps = [](const std::u32string& w) {
    int upper = 0;
    for (char32_t c : w) {
      if (u_islower(static_cast<UChar32>(c))) return false;
      upper += u_isupper(static_cast<UChar32>(c)) ? 1 : 0;
    }
    return upper >= 2;
  };
  for (size_t t = 0; t + 1 < tokens.size(); ++t) {
    const std::string& a = tokens[t].text;
    const std::string& b = tokens[t + 1].text;
    if (a.size() < 3 || a.back() != '-' || a[a.size() - 2] == '-' || tokens[t].line < 0 ||
        tokens[t + 1].line != tokens[t].line + 1 || tokens[t + 1].break_before || b.empty()) {
      continue;
    }
    // The second half goes on in lowercase, or both halves are capitals
    // ("FÖR-" / "VALTNINGEN").
    std::u32string au = Utf8ToU32(a), bu = Utf8ToU32(b);
    const char32_t first = bu.empty() ? 0 : bu[0];
    if (u_islower(static_cast<UChar32>(first)) || IsGarble(first) || (all_caps(au) && all_caps(bu))) hyphen_join[t] = true;
  }
  return hyphen_join;
}

// Reads a token without word pieces; decides whether it is a number (digits,
// no letters) and its shape as in the web bigram list (*shape): digits as
// "?", inner punctuation kept ("??.??", "????-??-??"), and a percent sign
// kept too, so "47%" is not read as the day in "mån 12".
bool NumberShape(const std::u32string& u, std::string* shape) {
  bool digits = false, alpha = false;
  std::string& q = *shape;
  size_t b = 0, e = u.size();
  while (b < e && !u_isdigit(u[b])) ++b;
  while (e > b && !u_isdigit(u[e - 1]) && u[e - 1] != U'%') --e;
  for (size_t k = 0; k < u.size(); ++k) {
    char32_t c = u[k];
    if (u_isdigit(c)) digits = true;
    else if (u_isalpha(c)) alpha = true;
    if (k < b || k >= e) continue;
    if (u_isdigit(c)) q += '?';
    else if (c < 0x80) q += static_cast<char>(c);
    else q += ' ';  // NBSP and other separators: no such token
  }
  return digits && !alpha;
}

// True when `text` ends a sentence or clause: the context model breaks after it.
bool EndsClause(const std::string& text) {
  if (text.empty()) return false;
  char last = text.back();
  return last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || last == ')';
}

// One RepairTokens call: the tokens split into pieces, the sequence of
// positions the context model decides, the chosen candidate per position,
// and the changes that survive the checks. Each step below reads what the
// previous ones left in the members.
class TokenRepair {
 public:
  TokenRepair(const SwedishLexicon& lex, const RepairOptions& options, const std::vector<RepairToken>& tokens,
              double strip_rate)
      : lex_(lex),
        options_(options),
        tokens_(tokens),
        channel_(strip_rate, options.use_learned_confusions
                                 ? (options.confusions ? options.confusions : OcrConfusionTable::Shared())
                                 : nullptr),
        gen_(lex, channel_),
        pieces_(tokens.size(), &kNoPieces),
        bars_on_line_(CountBarsPerLine(tokens)),
        hyphen_join_(FindHyphenJoins(tokens)),
        consumed_first_piece_(tokens.size(), false),
        capitals_in_running_text_(CapitalsInRunningText(tokens)) {
    bar_cands_.resize(2);
    bar_cands_[0].lower = U"|";
    bar_cands_[0].original = true;
    bar_cands_[1].lower = U"i";
    bar_cands_[1].id = lex_.Find("i");
    bar_cands_[1].valid = bar_cands_[1].id >= 0;
    bar_cands_[1].channel = std::log(0.3);
    fixed_cand_.valid = true;
  }
  // The sequence points into bar_cands_ and the candidate caches.
  TokenRepair(const TokenRepair&) = delete;
  TokenRepair& operator=(const TokenRepair&) = delete;

  std::vector<std::string> Run(std::vector<WordChange>* changes) {
    BuildSequence();
    ChooseByBigrams();
    RedecideByTrigrams();
    DecideChanges();
    SplitHyphenatedChanges();
    return ApplyChanges(changes);
  }

 private:
  // Reads the tokens; splits them into pieces and builds the sequence of
  // positions: word pieces with their candidates, numbers as fixed context,
  // anything else a break.
  void BuildSequence() {
    seq_.reserve(tokens_.size() + 8);
    bool pending_break = true;
    auto push = [&](Position pos) {
      pos.boundary_before = pending_break;
      pending_break = false;
      seq_.push_back(pos);
    };
    for (size_t t = 0; t < tokens_.size(); ++t) {
      const std::string& text = tokens_[t].text;
      if (tokens_[t].break_before) pending_break = true;
      if (IsBarForI(t)) {
        bar_pieces_.push_back({Piece{Utf8ToU32(Nfc(text)), true}});
        pieces_[t] = &bar_pieces_.back();
        push(Position{t, 0, &bar_cands_});
        continue;
      }
      // What depends on the token's text alone is worked out once per
      // distinct token (most tokens of a text repeat).
      TokenInfo& info = TokenInfoFor(text);
      pieces_[t] = &info.pieces;
      bool has_word = false;
      for (size_t p = 0; p < info.pieces.size(); ++p) {
        if (!info.pieces[p].word) continue;
        has_word = true;
        if (p == 0 && consumed_first_piece_[t]) continue;  // the second half of a hyphenated word: repaired with its first
        if (hyphen_join_[t]) {
          std::u32string lower = info.lower[p];
          JoinHyphenated(t, p, &lower);
          if (lower.size() != info.lower[p].size()) {
            push(Position{t, p, CandidatesFor(lower, info.pieces[p].text)});
            continue;
          }
        }
        if (!info.cands[p]) info.cands[p] = CandidatesFor(info.lower[p], info.pieces[p].text);
        if (SuspendedHead(t, info.pieces, p)) {
          auto it = head_cache_.find(info.lower[p]);
          if (it == head_cache_.end()) {
            it = head_cache_.emplace(info.lower[p], gen_.GenerateHead(info.lower[p], *info.cands[p])).first;
          }
          push(Position{t, p, &it->second});
          continue;
        }
        if ((p == 0 && AcronymInProse(t, info.pieces[p].text)) || KeptAsWritten(t, info.pieces, p)) {
          push(Position{t, p, AsWritten(info.lower[p], *info.cands[p])});
          continue;
        }
        if (const char32_t* per = PerUnit(info.pieces, p)) {
          // Decided here; a context word for its neighbours.
          rate_changes_.emplace_back(PieceKey(t, p), per);
          Position pos{t, p, nullptr};
          pos.fixed_id = lex_.Find(U32ToUtf8(per));
          push(pos);
          continue;
        }
        push(Position{t, p, info.cands[p]});
      }
      if (!has_word) {
        // Numbers are context words in their "?" form; anything else breaks.
        if (info.number) {
          Position pos{t, 0, nullptr};
          pos.fixed_id = info.number_id;
          push(pos);
        } else {
          pending_break = true;
        }
      }
      if (EndsClause(text)) pending_break = true;
    }
  }

  // What BuildSequence reads from a token's text alone: its pieces (none for
  // a URL or e-mail address), their lowercase forms and candidates, and the
  // number it is, if it is one.
  struct TokenInfo {
    std::vector<Piece> pieces;
    std::vector<std::u32string> lower;                  // per piece; word pieces only
    std::vector<const std::vector<Candidate>*> cands;   // per piece; filled on first use
    bool number = false;
    int32_t number_id = -1;
  };

  TokenInfo& TokenInfoFor(const std::string& text) {
    auto [it, inserted] = token_info_.try_emplace(text);
    TokenInfo& info = it->second;
    if (!inserted) return info;
    const bool skip = LooksLikeUrlOrMail(text) || LooksLikeHexCode(text);
    const std::u32string u = Utf8ToU32(Nfc(text));
    if (!skip) info.pieces = SplitToken(u);
    info.lower.resize(info.pieces.size());
    info.cands.assign(info.pieces.size(), nullptr);
    bool has_word = false;
    for (size_t p = 0; p < info.pieces.size(); ++p) {
      if (!info.pieces[p].word) continue;
      has_word = true;
      info.lower[p] = LowerU32(info.pieces[p].text);
    }
    std::string q;
    if (!has_word && !skip && NumberShape(u, &q)) {
      info.number = true;
      info.number_id = lex_.Find(q);
    }
    return info;
  }

  // Reads token t and its line's bars; decides whether a lone "|" in front of
  // a lowercase word is an OCR'd capital I (the Swedish preposition). The
  // word after the bar may wrap to the next line, if that line has no bar
  // either.
  bool IsBarForI(size_t t) const {
    auto bars = [&](int line) {
      auto it = bars_on_line_.find(line);
      return it == bars_on_line_.end() ? 0 : it->second;
    };
    if (tokens_[t].text == "|" && tokens_[t].line >= 0 && bars(tokens_[t].line) == 1 && t + 1 < tokens_.size() &&
        !tokens_[t + 1].break_before &&
        (tokens_[t + 1].line == tokens_[t].line ||
         (tokens_[t + 1].line == tokens_[t].line + 1 && bars(tokens_[t + 1].line) == 0))) {
      std::u32string next = Utf8ToU32(tokens_[t + 1].text);
      return !next.empty() && u_islower(next[0]);
    }
    return false;
  }

  // Reads piece p of token t; when it is the first half of a hyphenated word
  // (its last word piece, right before the final "-"), appends the next
  // token's first word piece to *lower and marks that piece consumed.
  void JoinHyphenated(size_t t, size_t p, std::u32string* lower) {
    if (!hyphen_join_[t] || p + 2 != pieces_[t]->size() || (*pieces_[t])[p + 1].text != U"-") return;
    std::vector<Piece> next = SplitToken(Utf8ToU32(Nfc(tokens_[t + 1].text)));
    if (!next.empty() && next[0].word && !LooksLikeUrlOrMail(tokens_[t + 1].text)) {
      join_first_len_[PieceKey(t, p)] = lower->size();
      *lower += LowerU32(next[0].text);
      consumed_first_piece_[t + 1] = true;
    }
  }

  // Reads a word (lowercase, and as written); decides its candidates, cached
  // per word. Short all-capital words are abbreviations ("SD", "KD", "MP",
  // "HR"): a D there is a D, not an OCR'd ö or å, and no letter was lost.
  const std::vector<Candidate>* CandidatesFor(const std::u32string& lower, const std::u32string& written) {
    auto it = cache_.find(lower);
    if (it == cache_.end()) it = cache_.emplace(lower, gen_.Generate(lower)).first;
    if (!IsShortCapitals(written)) return &it->second;
    auto ct = caps_cache_.find(lower);
    if (ct == caps_cache_.end()) {
      std::vector<Candidate> kept;
      for (const Candidate& c : it->second) {
        bool d_changed = false;
        for (size_t k = 0; k < lower.size() && k < c.lower.size(); ++k) d_changed |= lower[k] == U'd' && c.lower[k] != U'd';
        if (c.original || (!d_changed && c.lower.size() == lower.size())) kept.push_back(c);
      }
      ct = caps_cache_.emplace(lower, std::move(kept)).first;
    }
    return &ct->second;
  }

  // True when piece p of token t is a suspended compound head: the token is
  // a word and a hyphen ("halso-", "tva-,"), not the first half of a word
  // broken at the line's end, and the next word on its line is a
  // conjunction ("halso- och sjukvarden", "tva-, tre- eller fyrarig").
  bool SuspendedHead(size_t t, const std::vector<Piece>& pieces, size_t p) const {
    if (p != 0 || pieces.size() != 2 || (pieces[1].text != U"-" && pieces[1].text != U"-,") || hyphen_join_[t] ||
        t + 1 >= tokens_.size() || tokens_[t + 1].break_before || tokens_[t + 1].line != tokens_[t].line) {
      return false;
    }
    static const std::set<std::string_view> kJoiners = {"och", "eller", "samt", "resp.", "respektive", "&", "som"};
    std::string next = tokens_[t + 1].text;
    for (char& c : next) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return kJoiners.count(next) > 0 || (pieces[1].text == U"-," && !next.empty() && next.back() == '-');
  }

  // The reading of piece p when it is the denominator of a rate, "ar" or
  // "man" after a slash after a unit or a number ("mm/ar", "kr/ar",
  // "ggr/man", "12/ar"): "år" or "mån", as nothing else follows there (but
  // "kvinnor/man" is "män": only units and numbers). nullptr otherwise.
  static const char32_t* PerUnit(const std::vector<Piece>& pieces, size_t p) {
    if (p < 2 || pieces[p - 1].word || pieces[p - 1].text != U"/") return nullptr;
    const std::u32string& before = pieces[p - 2].text;
    bool digits = !before.empty();
    for (char32_t c : before) digits &= c >= U'0' && c <= U'9';
    if (!digits && !IsUnitAfterDigit(LowerU32(before))) return nullptr;
    if (p + 1 < pieces.size() && pieces[p + 1].text.find(U'/') != std::u32string::npos) return nullptr;
    const std::u32string& w = pieces[p].text;
    auto is = [&](const char32_t* a, const char32_t* b) { return w == a || w == b; };
    if (is(U"ar", U"Ar")) return U"år";
    if (is(U"man", U"Man")) return U"mån";
    return nullptr;
  }

  // True when token t is an acronym inside a running sentence ("Astra, SKF
  // och AGA.", "stöd från ALMI"): three or four capitals, after a word that
  // ends in a small letter or a comma. Kept as written: an AGA is no ÄGA.
  // (Two capitals are left to the rules for "PA senare år"; a heading in
  // capitals has capitals before it.)
  bool AcronymInProse(size_t t, const std::u32string& written) const {
    if (!IsCapitals(written, 3, 4) || OpensSentence(tokens_, t)) return false;
    return EndsInsideSentence(tokens_[t - 1].text);
  }

  // True when piece p of token t is no word to repair but a code, initials
  // or an abbreviation, kept byte for byte:
  // - capitals run into digits ("GA1", "E4", "B12"): a code;
  // - two capitals in a list, a comma between them and another token of two
  //   or three capitals ("Signerat CL, MA, SG"): initials or codes (a
  //   heading in capitals, "FOR AR 2020", sets no commas between its words);
  // - a common abbreviation written with its full stop ("ang.", "enl.",
  //   "fr.o.m."), or "fr" before "o m" ("fr o m 2023").
  bool KeptAsWritten(size_t t, const std::vector<Piece>& pieces, size_t p) const {
    const std::u32string& w = pieces[p].text;
    if (p == 0 && p + 1 < pieces.size() && IsCapitals(w, 1, 4) && !pieces[p + 1].text.empty() &&
        u_isdigit(static_cast<UChar32>(pieces[p + 1].text[0])))
      return true;
    // The word of a neighbouring token, without its punctuation (a token not
    // read yet has no pieces: split here).
    auto word_of = [&](size_t k) {
      std::vector<Piece> split;
      const std::vector<Piece>* ps = pieces_[k];
      if (ps->empty()) {
        split = SplitToken(Utf8ToU32(tokens_[k].text));
        ps = &split;
      }
      for (const Piece& q : *ps)
        if (q.word) return q.text;
      return std::u32string();
    };
    const auto ends_in_comma = [&](size_t k) { return !tokens_[k].text.empty() && tokens_[k].text.back() == ','; };
    if (p == 0 && IsCapitals(w, 2, 2) &&
        ((t > 0 && !tokens_[t].break_before && ends_in_comma(t - 1) && IsCapitals(word_of(t - 1), 2, 3)) ||
         (t + 1 < tokens_.size() && !tokens_[t + 1].break_before && ends_in_comma(t) &&
          IsCapitals(word_of(t + 1), 2, 3))))
      return true;
    // Abbreviations: only a word followed by its full stop, or a last piece
    // of two letters before "o m" ("fr"), is looked up (most words are
    // neither, and this runs for every word). (A one-letter "t" is no word
    // piece: nothing repairs it.)
    const bool stop_after =
        p + 1 < pieces.size() && !pieces[p + 1].word && !pieces[p + 1].text.empty() && pieces[p + 1].text[0] == U'.';
    const bool o_m_after = p + 1 == pieces.size() && w.size() == 2 && t + 1 < tokens_.size() &&
                           (tokens_[t + 1].text == "o" || tokens_[t + 1].text.rfind("o.", 0) == 0);
    if (!stop_after && !o_m_after) return false;
    static const std::set<std::u32string> kAbbreviations = {
        U"ang", U"anm", U"avd", U"enl", U"exkl", U"inkl", U"jfr", U"kap", U"mom", U"resp", U"tel", U"fr", U"bl",
        U"ev", U"ca", U"st", U"obs", U"tf", U"fd", U"avg", U"ank", U"forts"};
    const std::u32string lower = LowerU32(w);
    return kAbbreviations.count(lower) && (stop_after || lower == U"fr");
  }

  // The word's own reading alone, cached per word.
  const std::vector<Candidate>* AsWritten(const std::u32string& lower, const std::vector<Candidate>& cands) {
    auto it = as_written_cache_.find(lower);
    if (it == as_written_cache_.end()) {
      std::vector<Candidate> kept;
      for (const Candidate& c : cands) {
        if (c.original) kept.push_back(c);
      }
      it = as_written_cache_.emplace(lower, std::move(kept)).first;
    }
    return &it->second;
  }

  // The candidates at position j: a word's, or the fixed context word in *tmp.
  const std::vector<Candidate>& CandidatesAt(size_t j, std::vector<Candidate>* tmp) const {
    if (seq_[j].cands) return *seq_[j].cands;
    tmp->assign(1, fixed_cand_);
    (*tmp)[0].id = seq_[j].fixed_id;
    (*tmp)[0].valid = seq_[j].fixed_id >= 0;
    return *tmp;
  }

  double WordLogProb(int32_t prev, const Candidate& c) const {
    if (!c.valid) return kInvalidLogProb;
    if (!lex_.Seen(c.id)) return c.unigram;
    return Bigram(prev, c.id);
  }

  // The lexicon's bigram and trigram log-probabilities, remembered per call:
  // the Viterbi pass, the trigram pass and DecideChanges ask for the same
  // pairs and triples again and again, and each answer costs two or three
  // probes into tables of megabytes plus exp/log. Same values, bit for bit.
  double Bigram(int32_t prev, int32_t next) const {
    if (prev < 0 || next < 0 || prev >= kMemoIdLimit || next >= kMemoIdLimit) return lex_.BigramLogProb(prev, next);
    const uint64_t key = (static_cast<uint64_t>(prev) << 21) | static_cast<uint64_t>(next);
    if (const double* v = bigram_memo_.Find(key)) return *v;
    const double v = lex_.BigramLogProb(prev, next);
    bigram_memo_[key] = v;
    return v;
  }
  double Trigram(int32_t a, int32_t b, int32_t c) const {
    if (a < -1 || b < -1 || c < -1 || a + 1 >= kMemoIdLimit || b + 1 >= kMemoIdLimit || c + 1 >= kMemoIdLimit) {
      return lex_.TrigramLogProb(a, b, c);
    }
    const uint64_t key = (static_cast<uint64_t>(a + 1) << 42) | (static_cast<uint64_t>(b + 1) << 21) |
                         static_cast<uint64_t>(c + 1);
    if (const double* v = trigram_memo_.Find(key)) return *v;
    const double v = lex_.TrigramLogProb(a, b, c);
    trigram_memo_[key] = v;
    return v;
  }
  static constexpr int32_t kMemoIdLimit = (1 << 21) - 1;

  // Reads the sequence; decides one candidate per position by Viterbi over
  // the channel and the bigram model (choice_).
  void ChooseByBigrams() {
    const size_t n = seq_.size();
    // Scores and back pointers of all positions in two flat arrays (position
    // j's candidates from at[j]): one allocation each, not two per position.
    std::vector<size_t> at(n + 1, 0);
    for (size_t j = 0; j < n; ++j) at[j + 1] = at[j] + (seq_[j].cands ? seq_[j].cands->size() : 1);
    std::vector<double> score(at[n], -1e18);
    std::vector<int> back(at[n], 0);
    std::vector<Candidate> tmp_prev, tmp_cur;
    for (size_t j = 0; j < n; ++j) {
      const std::vector<Candidate>& cur = CandidatesAt(j, &tmp_cur);
      double* sc = score.data() + at[j];
      int* bk = back.data() + at[j];
      const bool link = j > 0 && !seq_[j].boundary_before;
      const std::vector<Candidate>* prev = j > 0 ? &CandidatesAt(j - 1, &tmp_prev) : nullptr;
      const double* prev_sc = j > 0 ? score.data() + at[j - 1] : nullptr;
      const size_t prev_n = j > 0 ? at[j] - at[j - 1] : 0;
      // The best score before j (for a position after a break), once per j.
      double base_best = -1e18;
      int arg = 0;
      if (j > 0) {
        for (size_t i = 0; i < prev_n; ++i) base_best = std::max(base_best, prev_sc[i]);
        arg = static_cast<int>(std::max_element(prev_sc, prev_sc + prev_n) - prev_sc);
      }
      for (size_t k = 0; k < cur.size(); ++k) {
        const Candidate& c = cur[k];
        const double emit = c.channel;  // keeping the word as written costs nothing
        if (j == 0) {
          sc[k] = emit + WordLogProb(lex_.SentenceStart(), c);
          continue;
        }
        if (!link) {
          sc[k] = base_best + emit + WordLogProb(lex_.SentenceStart(), c);
          bk[k] = arg;
          continue;
        }
        for (size_t i = 0; i < prev->size(); ++i) {
          double s = prev_sc[i] + emit + WordLogProb(CandidateId((*prev)[i]), c);
          if (s > sc[k]) {
            sc[k] = s;
            bk[k] = static_cast<int>(i);
          }
        }
      }
    }
    choice_.assign(n, 0);
    if (n > 0) {
      const double* last = score.data() + at[n - 1];
      const double* end = score.data() + at[n];
      choice_[n - 1] = static_cast<int>(std::max_element(last, end) - last);
      for (size_t j = n - 1; j > 0; --j) choice_[j - 1] = back[at[j] + choice_[j]];
    }
  }

  // The id of the word chosen at position j; -1 outside the sequence.
  int32_t IdAt(long j) const {
    if (j < 0 || j >= static_cast<long>(seq_.size())) return -1;
    const Position& pos = seq_[static_cast<size_t>(j)];
    if (!pos.cands) return pos.fixed_id >= 0 ? pos.fixed_id : -1;  // as CandidatesAt's fixed word
    return CandidateId((*pos.cands)[choice_[j]]);
  }
  // True when position j continues the context of j - 1 (no boundary).
  bool Linked(long j) const { return j >= 0 && j < static_cast<long>(seq_.size()) && !seq_[j].boundary_before; }

  // Weighted log-likelihood of candidate k at j under the context-word
  // model; 0 unless two or more candidates are words with a frequency.
  double ContextBonus(size_t j, size_t k) {
    if (options_.context_weight <= 0 || !seq_[j].cands) return 0.0;
    const std::vector<Candidate>& cur = *seq_[j].cands;
    rivals_.clear();
    int known = 0;
    for (const Candidate& c : cur) {
      const bool ok = c.valid && lex_.Seen(c.id);
      rivals_.push_back(ok ? c.id : -1);
      known += ok;
    }
    if (known < 2 || rivals_[k] < 0) return 0.0;
    // Usually no rival occurs in the window: then every rival sees the same
    // features and one likelihood vector serves them all (remembered until
    // a choice changes).
    if (shared_j_ != j || shared_generation_ != generation_) {
      shared_j_ = j;
      shared_generation_ = generation_;
      features_.clear();
      const int32_t saved = chosen_ids_[j];
      chosen_ids_[j] = -1;  // skips nothing a window word could be
      lex_.ContextFeatures(chosen_ids_.data(), breaks_.data(), seq_.size(), j, &features_);
      chosen_ids_[j] = saved;
      shared_valid_ = true;
      for (uint32_t f : features_) {
        for (int32_t r : rivals_) shared_valid_ &= !(r >= 0 && f == static_cast<uint32_t>(r));
      }
      if (shared_valid_) lex_.ContextLogLikelihoods(rivals_, features_, &shared_ll_);
    }
    if (shared_valid_) return options_.context_weight * shared_ll_[k];
    features_.clear();
    const int32_t saved = chosen_ids_[j];
    chosen_ids_[j] = rivals_[k];  // the features never include the word itself
    lex_.ContextFeatures(chosen_ids_.data(), breaks_.data(), seq_.size(), j, &features_);
    chosen_ids_[j] = saved;
    lex_.ContextLogLikelihoods(rivals_, features_, &context_ll_);
    return options_.context_weight * context_ll_[k];
  }

  // Score of candidate c at j given the chosen neighbours: channel, context
  // words, and the trigrams that contain it.
  double LocalScore(size_t j, const Candidate& c) {
    const long J = static_cast<long>(j);
    int32_t p1 = Linked(J) ? IdAt(J - 1) : lex_.SentenceStart();
    int32_t p2 = (Linked(J) && Linked(J - 1)) ? IdAt(J - 2) : -1;
    int32_t n1 = Linked(J + 1) ? IdAt(J + 1) : -1;
    int32_t n2 = (Linked(J + 1) && Linked(J + 2)) ? IdAt(J + 2) : -1;
    int32_t me = CandidateId(c);
    double s = c.channel;
    if (seq_[j].cands) s += ContextBonus(j, static_cast<size_t>(&c - seq_[j].cands->data()));
    if (!c.valid) s += kInvalidLogProb;
    else if (!lex_.Seen(c.id)) s += c.unigram;
    else s += Trigram(p2, p1, me);
    if (n1 >= 0) {
      s += Trigram(p1, me, n1);
      if (n2 >= 0) s += Trigram(me, n1, n2);
    }
    return s;
  }

  // Reads the bigram choice; re-decides, left to right, each position with
  // more than one candidate given its chosen neighbours under the trigram
  // and context-word models (iterated conditional modes).
  void RedecideByTrigrams() {
    const size_t n = seq_.size();
    // Context-word model: the chosen words around j (kept current as this
    // pass changes its mind) and their breaks.
    chosen_ids_.resize(n);
    breaks_.resize(n);
    for (size_t j = 0; j < n; ++j) {
      chosen_ids_[j] = IdAt(static_cast<long>(j));
      breaks_[j] = j == 0 ? (SwedishLexicon::kBreakBefore | SwedishLexicon::kDocumentStart)
                          : (seq_[j].boundary_before ? SwedishLexicon::kBreakBefore : 0);
    }
    // A word that ends its paragraph or the text with no sentence mark: the
    // sentence went on (into a table, onto the next page).
    for (size_t j = 0; j < n; ++j) {
      const size_t t = seq_[j].token;
      bool last_piece = true;
      for (size_t p = seq_[j].piece + 1; p < pieces_[t]->size(); ++p) last_piece &= !(*pieces_[t])[p].word;
      const bool ends = t + 1 >= tokens_.size() || tokens_[t + 1].break_before;
      const bool next_pos = j + 1 >= n || seq_[j + 1].token == t + 1;
      if (last_piece && ends && next_pos && seq_[j].cands && !EndsClause(tokens_[t].text)) {
        breaks_[j] |= SwedishLexicon::kOpenEnd;
      }
    }
    ++generation_;
    for (size_t j = 0; j < n; ++j) {
      if (!seq_[j].cands || seq_[j].cands->size() < 2) continue;
      const std::vector<Candidate>& cur = *seq_[j].cands;
      int best = choice_[j];
      double best_s = LocalScore(j, cur[best]);
      for (size_t k = 0; k < cur.size(); ++k) {
        if (static_cast<int>(k) == best) continue;
        double s = LocalScore(j, cur[k]);
        if (s > best_s) {
          best_s = s;
          best = static_cast<int>(k);
        }
      }
      choice_[j] = best;
      chosen_ids_[j] = CandidateId(cur[best]);
      ++generation_;
    }
  }

  // The word as observed at j, lowercase (both halves of a hyphenated word).
  std::u32string ObservedAt(size_t j) const {
    std::u32string w = LowerU32((*pieces_[seq_[j].token])[seq_[j].piece].text);
    if (join_first_len_.count(PieceKey(seq_[j].token, seq_[j].piece))) w += LowerU32((*pieces_[seq_[j].token + 1])[0].text);
    return w;
  }

  // Reads the choices at garbled tokens (é, 6, &, 4: they cannot be read as
  // written); decides the spellings this text uses, by skeleton. One spelling
  // per text (Gale, Church & Yarowsky 1992).
  std::unordered_map<std::u32string, std::u32string> SpelledInThisText() const {
    std::unordered_map<std::u32string, std::u32string> spelled;
    for (size_t j = 0; j < seq_.size(); ++j) {
      if (!seq_[j].cands) continue;
      const Candidate& best = (*seq_[j].cands)[choice_[j]];
      const std::u32string& seen = (*pieces_[seq_[j].token])[seq_[j].piece].text;
      bool garbled = false;
      for (char32_t c : seen) garbled |= IsGarble(c) || c == U'é' || c == U'É';
      if (!garbled || (best.original && !best.forced)) continue;
      spelled.emplace(SwedishLexicon::SkeletonOf(best.lower), best.lower);
    }
    return spelled;
  }

  // Reads the final choices; decides which pieces change: a name no list
  // holds that the text spells with its letters intact elsewhere
  // ("Schénning" read as "Schönning") is that word where it is stripped
  // ("Schonning"); any other change must beat keeping the original by the
  // margin in the chosen context (piece_change_, with the reason).
  void DecideChanges() {
    const std::unordered_map<std::u32string, std::u32string> spelled = SpelledInThisText();
    for (size_t j = 0; j < seq_.size(); ++j) {
      if (!seq_[j].cands) continue;
      const std::vector<Candidate>& cur = *seq_[j].cands;
      const Candidate& best = cur[choice_[j]];
      if (best.original && !best.forced && !cur[0].valid && cur.size() == 1 && !spelled.empty()) {
        const std::u32string observed = ObservedAt(j);
        auto it = spelled.find(observed);  // an unmarked token is its own skeleton
        if (it != spelled.end() && it->second != observed && SwedishLexicon::SkeletonOf(observed) == observed) {
          piece_change_[PieceKey(seq_[j].token, seq_[j].piece)] = {
              it->second, 0, Describe(observed, it->second) + "; spelled so elsewhere in this text"};
        }
        continue;
      }
      if (best.original && !best.forced) continue;
      const Candidate& orig = cur[0];
      const std::u32string observed = ObservedAt(j);
      // Log-odds of the choice against the original, in the chosen neighbours.
      double lb = LocalScore(j, best);
      double lo = LocalScore(j, orig);
      double margin = best.forced ? 0 : lb - lo;
      if (orig.valid && margin < options_.min_change_margin) continue;
      std::string why;
      why += Describe(observed, best.lower);
      if (best.forced) why += "; 6/&/4 (or é before two letters) inside a word is a letter; no word either way";
      else if (!orig.valid) why += "; \"" + U32ToUtf8(observed) + "\" is no Swedish word";
      else why += "; both are words, context decides";
      if (best.compound) why += "; compound of known parts";
      int rank = lex_.RankOf(best.id);
      if (rank > 0) why += "; rank " + std::to_string(rank);
      piece_change_[PieceKey(seq_[j].token, seq_[j].piece)] = {best.lower, margin, why};
    }
    for (const auto& [key, reading] : rate_changes_)
      piece_change_[key] = {reading, 0, "a rate's denominator after a slash (\"mm/år\", \"kr/mån\")"};
  }

  // Reads the changes of hyphenated words; gives each back to its two halves
  // (when it kept its length, as all but the two-letters-for-one confusions
  // do), dropping halves that stay as written.
  void SplitHyphenatedChanges() {
    for (const auto& [key, first_len] : join_first_len_) {
      auto it = piece_change_.find(key);
      if (it == piece_change_.end()) continue;
      const size_t t = static_cast<size_t>(key >> 16);
      const size_t whole = (*pieces_[t])[key & 0xFFFF].text.size() + (*pieces_[t + 1])[0].text.size();
      if (it->second.repaired.size() != whole) {
        piece_change_.erase(it);
        continue;
      }
      PieceChange second = it->second;
      second.repaired = it->second.repaired.substr(first_len);
      second.why += "; second half of a word hyphenated across lines";
      it->second.repaired.resize(first_len);
      if (second.repaired != LowerU32((*pieces_[t + 1])[0].text)) {
        piece_change_[PieceKey(t + 1, 0)] = std::move(second);
      }
      if (it->second.repaired == LowerU32((*pieces_[t])[key & 0xFFFF].text)) piece_change_.erase(it);
    }
  }

  // True when the repair's first letter was read as two glyphs, a capital
  // and the diacritic's mark ("O6versyn", "A4mnesomraden", "Aarhundradena"
  // for översyn, ämnesområden, århundradena): the rest of the word lines up
  // one letter on. On the training pages the English model did this to 7 of
  // about 750 small initial å/ä/ö and to none of 292 printed capitals
  // Å/Ä/Ö, which it read as one letter (scripts/render_ocr_material.sh), so
  // such a capital is the small letter's reading, whatever the text around.
  static bool ReadAsTwoGlyphs(const std::u32string& written, const std::u32string& repaired) {
    if (written.size() < 3 || written.size() != repaired.size() + 1) return false;
    if (written[1] == repaired[1]) return false;  // the second glyph is the word's own next letter
    auto plain = [](char32_t c) -> char32_t {
      c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      if (c == U'å' || c == U'ä') return U'a';
      if (c == U'ö') return U'o';
      return c;
    };
    for (size_t k = 2; k < written.size(); ++k) {
      if (plain(written[k]) != plain(repaired[k - 1])) return false;
    }
    return true;
  }

  // Reads a token's first word piece and its repair; decides whether its
  // capital is the English model's reading of a small ä/å/ö ("ska det Aven
  // genomsyra", "spridning Over länet": the dots make the letter tall): an A
  // or O that became å/ä/ö, in the middle of a running sentence (the token
  // before ends in a small letter or a comma), not a gazetteer name nor a
  // name beside a capital word; on a page of prose any listed word, else
  // one of the 3000 most frequent. A capital that is no capital
  // form of the letter ("till vilka Gven", "Svervdger": G or S read for the
  // tall small ä/ö) was never printed as a capital: there any word but a
  // gazetteer name.
  bool ReadAsCapital(size_t t, const std::u32string& written, const std::u32string& repaired) const {
    if (written.size() < 2 || repaired.empty() || repaired.size() > written.size() ||
        !u_isupper(static_cast<UChar32>(written[0]))) {
      return false;  // (a longer repair put back a lost letter before it)
    }
    if (repaired[0] != U'å' && repaired[0] != U'ä' && repaired[0] != U'ö') return false;
    const bool capital_form = written[0] == U'A' || written[0] == U'O' || written[0] == U'Å' || written[0] == U'Ä' ||
                              written[0] == U'Ö';
    const bool two_glyphs = ReadAsTwoGlyphs(written, repaired);
    for (size_t k = two_glyphs ? 2 : 1; k < written.size(); ++k) {
      if (!u_islower(static_cast<UChar32>(written[k]))) return false;
    }
    // A reading only the small letter gets (G for ä, "O6" for ö) at the
    // head of a line, under a line that ends in a small letter or a comma
    // with no full stop, continues that sentence even across a blank line
    // ("... presenteras" / "Gr det intressant": är). Other capitals there
    // may open a heading or a paragraph.
    const bool small_reading = !capital_form || two_glyphs;
    if (OpensSentence(tokens_, t) &&
        (t == 0 || !(small_reading && tokens_[t].line >= 0 && tokens_[t].line > tokens_[t - 1].line &&
          EndsInsideSentence(tokens_[t - 1].text)))) {
      return false;
    }
    // The first word of a line under a short line opens a label of its own
    // (a table's rows, a list: "Leverantörsskulder" over "Ovriga
    // kortfristiga skulder"), not the middle of a running sentence, unless
    // that line ends in a word that leaves its sentence open.
    // A line that ends in figures is a table row: its first word opens the
    // row's label ("Justering av poster som inte ingår i kassaflödet" over
    // "Arets avskrivningar 2 668 2 668"), whatever the line above it.
    if (tokens_[t].line >= 0 && tokens_[t].line != tokens_[t - 1].line) {
      size_t last = t;
      while (last + 1 < tokens_.size() && tokens_[last + 1].line == tokens_[t].line) ++last;
      // (Two figure tokens: a line of prose may end in one year, "Aret 2019".)
      auto figure = [](const std::string& w) {
        return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == ',' || c == '.';
        }) && std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
      };
      if (last > t + 1 && figure(tokens_[last].text) && figure(tokens_[last - 1].text)) return false;
    }
    if (tokens_[t].line >= 0 && tokens_[t].line != tokens_[t - 1].line && !ContinuesFromLineBefore(tokens_, t)) {
      constexpr size_t kShortLine = 40;  // bytes; a line of prose fills the measure
      size_t length = 0;
      for (size_t k = t; k > 0 && tokens_[k - 1].line == tokens_[t - 1].line; --k)
        length += tokens_[k - 1].text.size() + 1;
      if (length < kShortLine) return false;
    }
    if (!EndsInsideSentence(tokens_[t - 1].text)) return false;
    const std::string word = U32ToUtf8(repaired);
    const int32_t id = lex_.Find(word);
    // A compound no list holds but hunspell accepts, read through a letter
    // only the small ö/ä gives ("i" / "Svernattningsrummet"), is small; a
    // capital A or O there may be the writer's ("enligt
    // Arsredovisningslagen": both are printed).
    if (id < 0) return small_reading && lex_.Contains(word);
    if (lex_.Flags(id) & SwedishLexicon::kGazetteer) return false;
    if (small_reading) return true;
    const int rank = lex_.Rank(word);
    // A capital word beside a less common one makes it a name
    // ("ordförande Asa Nilsson", "Anders Oquist, Ockelbo kommun"; the next
    // word may sit in the next cell); "även Försäkringskassan" stays även.
    constexpr int kCommonWords = 1000;
    if ((rank <= 0 || rank > kCommonWords) &&
        (u_isupper(FirstCodePoint(tokens_[t - 1].text)) ||
         (t + 1 < tokens_.size() && u_isupper(FirstCodePoint(tokens_[t + 1].text))))) {
      return false;
    }
    // In prose, where few words inside a sentence are capitals (names,
    // institutions: 1-12% of them on the held-out prose pages), a capital
    // A or O there is far likelier the tall small letter than a printed
    // capital ("en kraftig Aterhamtning", "sitt Agarperspektiv"); in text
    // that capitalises freely (lists of terms, headings run together) only
    // a frequent word is lowered.
    constexpr double kProseCapitals = 0.15;
    if (capitals_in_running_text_ >= 0 && capitals_in_running_text_ < kProseCapitals) return true;
    return rank > 0 && rank <= 3000;
  }

  // True when token t is a two-letter word in capitals whose second letter,
  // an A or O, became å/ä/ö, followed on its line by a word that begins
  // with a small letter.
  bool SmallAfterCapital(size_t t, const std::u32string& written, const std::u32string& repaired) const {
    if (written.size() != 2 || repaired.size() != 2 || !u_isupper(static_cast<UChar32>(written[0])) ||
        (written[1] != U'A' && written[1] != U'O')) {
      return false;
    }
    if (repaired[1] != U'å' && repaired[1] != U'ä' && repaired[1] != U'ö') return false;
    if (t + 1 >= tokens_.size() || tokens_[t + 1].break_before || tokens_[t + 1].line != tokens_[t].line) return false;
    return u_islower(FirstCodePoint(tokens_[t + 1].text));
  }

  // Reads the piece changes; rebuilds each changed token with the case of
  // the original restored, and reports it in *changes.
  std::vector<std::string> ApplyChanges(std::vector<WordChange>* changes) const {
    std::vector<std::string> out(tokens_.size());
    for (size_t t = 0; t < tokens_.size(); ++t) out[t] = tokens_[t].text;
    // Only tokens with a changed piece are rebuilt, in token order.
    std::vector<size_t> touched;
    touched.reserve(piece_change_.size());
    for (const auto& [key, change] : piece_change_) touched.push_back(static_cast<size_t>(key >> 16));
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (size_t t : touched) {
      const std::vector<Piece>& pieces = *pieces_[t];
      bool changed = false;
      double score_sum = 0;
      std::string why;
      std::u32string rebuilt;
      for (size_t p = 0; p < pieces.size(); ++p) {
        auto it = piece_change_.find(PieceKey(t, p));
        if (it == piece_change_.end()) {
          rebuilt += pieces[p].text;
          continue;
        }
        changed = true;
        score_sum += it->second.margin;
        if (!why.empty()) why += " | ";
        why += it->second.why;
        std::u32string cased = ApplyCase(pieces[p].text, it->second.repaired);
        // A 6, & or 4 has no case: one that opens a sentence, a table cell or
        // a bullet ("6kad kompetens" after "- ") stood for a capital.
        if (p == 0 && !cased.empty() && IsGarble(pieces[p].text[0]) && rebuilt.empty() && OpensSentence(tokens_, t)) {
          cased[0] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(cased[0])));
        }
        if (p == 0 && rebuilt.empty() && ReadAsCapital(t, pieces[p].text, it->second.repaired)) {
          cased[0] = it->second.repaired[0];
        }
        // The tall å/ä/ö closing a two-letter word was read as a capital
        // ("PA senare år": På): when the next word on the line is small,
        // the word was no word in capitals.
        if (pieces.size() == 1 && SmallAfterCapital(t, pieces[p].text, it->second.repaired)) {
          cased[1] = it->second.repaired[1];
        }
        // A capital I read back as l was a small l ("I6ner" → "löner"; in
        // sans-serif fonts the two are one glyph), unless the whole token is
        // in capitals.
        if (cased.size() == pieces[p].text.size()) {
          bool small = false;
          for (char32_t c : pieces[p].text) small |= u_islower(static_cast<UChar32>(c)) != 0;
          for (size_t k = 0; small && k < cased.size(); ++k) {
            if (pieces[p].text[k] == U'I' && it->second.repaired[k] == U'l') cased[k] = U'l';
          }
        }
        rebuilt += cased;
      }
      if (!changed) continue;
      out[t] = U32ToUtf8(rebuilt);
      if (changes) {
        WordChange wc;
        wc.token = t;
        wc.original = tokens_[t].text;
        wc.repaired = out[t];
        wc.score = score_sum;
        wc.reason = why;
        changes->push_back(std::move(wc));
      }
    }
    return out;
  }

  const SwedishLexicon& lex_;
  const RepairOptions& options_;
  const std::vector<RepairToken>& tokens_;
  const Channel channel_;
  CandidateGenerator gen_;
  std::unordered_map<std::u32string, std::vector<Candidate>> cache_;
  std::unordered_map<std::u32string, std::vector<Candidate>> caps_cache_;
  std::unordered_map<std::u32string, std::vector<Candidate>> head_cache_;  // suspended compound heads
  std::unordered_map<std::u32string, std::vector<Candidate>> as_written_cache_;
  // Per token: its pieces, in token_info_ (or bar_pieces_); never null after
  // BuildSequence.
  std::vector<const std::vector<Piece>*> pieces_;
  std::unordered_map<std::string, TokenInfo> token_info_;  // by token text
  std::deque<std::vector<Piece>> bar_pieces_;             // "|" read as "I"

  const std::unordered_map<int, int> bars_on_line_;   // line → "|" tokens
  const std::vector<bool> hyphen_join_;               // per token: first half of a hyphenated word
  std::vector<Candidate> bar_cands_;                  // "|" kept, or read as "i"
  Candidate fixed_cand_;                              // template for fixed context words
  // Joined word position (PieceKey) → the length of its first half; the
  // second half is token t + 1, piece 0.
  std::unordered_map<uint64_t, size_t> join_first_len_;
  std::vector<bool> consumed_first_piece_;            // per token
  // Share of the words inside running sentences that are written with a
  // capital (CapitalsInRunningText); -1 when too few words to say.
  double capitals_in_running_text_;
  std::vector<Position> seq_;
  std::vector<int> choice_;                           // per position: index into its candidates
  std::vector<int32_t> chosen_ids_;                   // per position: the chosen word's id
  std::vector<uint8_t> breaks_;                       // per position: context-model breaks
  std::vector<uint32_t> features_;                    // ContextBonus scratch
  std::vector<int32_t> rivals_;
  std::vector<double> context_ll_;
  // ContextBonus's features shared by all rivals at shared_j_, valid while
  // generation_ (bumped at every change of chosen_ids_) stays.
  size_t shared_j_ = static_cast<size_t>(-1);
  uint64_t generation_ = 0, shared_generation_ = 0;
  bool shared_valid_ = false;
  std::vector<double> shared_ll_;
  std::unordered_map<uint64_t, PieceChange> piece_change_;
  // Pieces read by rule, not by the ranking: a rate's "år"/"mån" (PerUnit).
  std::vector<std::pair<uint64_t, std::u32string>> rate_changes_;
  mutable FlatU64Map<double> bigram_memo_{4096};   // Bigram(): (prev << 21 | next) → log P
  mutable FlatU64Map<double> trigram_memo_{4096};  // Trigram(): ids + 1, 21 bits each → log P
};

}  // namespace

std::vector<std::string> DiacriticRepairer::RepairTokens(const std::vector<RepairToken>& tokens,
                                                         std::vector<WordChange>* changes) const {
  const double strip = options_.strip_rate >= 0 ? options_.strip_rate : EstimateStripRate(tokens);
  TokenRepair repair(lex_, options_, tokens, strip);
  return repair.Run(changes);
}

std::string DiacriticRepairer::RepairText(std::string_view text, std::vector<WordChange>* changes) const {
  std::vector<RepairToken> tokens = TokenizeForRepair(text);
  std::vector<std::string> repaired = RepairTokens(tokens, changes);
  std::string out;
  if (!SubstituteTokens(text, repaired, &out)) return std::string(text);  // cannot happen: same tokenizer
  return out;
}

bool SubstituteTokens(std::string_view text, const std::vector<std::string>& tokens, std::string* out) {
  std::string rebuilt;
  rebuilt.reserve(text.size() + text.size() / 8);
  size_t i = 0, k = 0;
  while (i < text.size()) {
    if (IsRepairSpace(text[i])) {
      rebuilt.push_back(text[i++]);
      continue;
    }
    size_t j = i;
    while (j < text.size() && !IsRepairSpace(text[j])) ++j;
    if (k >= tokens.size()) return false;
    rebuilt += tokens[k++];
    i = j;
  }
  if (k != tokens.size()) return false;
  *out = std::move(rebuilt);
  return true;
}

}  // namespace finsam
