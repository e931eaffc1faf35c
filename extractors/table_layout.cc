// Layout-path table reader: positioned words (PDF text layer or OCR, points,
// origin top-left) → Grid.
//
// 1. Words of a page are grouped into bands: words whose vertical extents
//    overlap by a share of the smaller height belong to one band, so a row
//    whose label or number wraps inside its cell ("13" over "320" beside
//    "Summa intäkter") is one band.
// 2. A header band holds two or more header tokens (years, dates, Utfall,
//    Budget, ...) in separate columns, and is followed by bands with numbers
//    under those columns. Its words, clustered by x, define the columns.
// 3. Following bands become rows until prose, a large gap, or a new
//    differently-shaped header; a table may continue on the next page.
// The distances these steps use are LayoutParams (table_readers.h).
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <map>
#include <numeric>
#include <set>

#include "extractors/table_arithmetic.h"
#include "extractors/table_grid.h"
#include "extractors/table_readers.h"
#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/text.h"
#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

namespace finsam {
namespace {

struct PWord {
  const Word* w;
  int line_index;
  int order = 0;  // -1 for header words carried over from the previous page
};

struct Band {
  std::vector<PWord> words;  // sorted by x0
  Box box;
  int page = 0;
  int first_line = 0;
  std::string Text() const {
    std::string s;
    for (const PWord& p : words) s += (s.empty() ? "" : " ") + p.w->text;
    return s;
  }
};

struct Column {
  double x0, x1;
  std::string header;
  bool text_only;  // header is not a value column (Kommentarer)
  double fig_x0 = 0, fig_x1 = 0;  // extent of the figures alone (x0, x1 also cover header words)
};

bool IsNoteWord(const std::string& s) { return FoldKey(StripPunct(s)) == "not"; }

// A word that qualifies the kind after it, set above it in a wrapped cell
// ("Reviderad" over "budget", "Ursprunglig budget", "Förslag budget"; w24):
// part of a kinds row, no kind of its own.
bool IsKindQualifier(const std::string& s) {
  static const RE2 kQualifier("reviderad|reviderade|ursprunglig|beslutad|forslag|preliminar|justerad");
  return RE2::FullMatch(FoldKey(StripPunct(s)), kQualifier);
}

bool IsHeaderishWord(const std::string& s) {
  static const RE2 kAllowed(
      "(?i)(tkr|mkr|kr|not|andel|av|medel|forbrukade|forbrukat|kvar|procent|kommentarer?|utfall-?|budget|plan|"
      "prognos|avvikelse|aterstar|totalt|belopp|i|-|%|och|ack\\.?|helar|period|bokslut|beviljat|beviljade|"
      "beviljad|"
      // A change column between two years ("Förändring", "Förändr.", "Diff"):
      // named, no year, no fact (ParseColumnHeader leaves its kind unknown).
      "forandring|forandr|diff|"
      // The unit as words in the label cell ("Tusental kronor").
      "tusental|tusentals|tusen|kronor|miljoner|"
      // "Kvar att använda", "Kvar att förbruka".
      "att|anvanda|forbruka|"
      // (A kind compounded with its period or frame, "Helårsbudget",
      // "Budgetram", is a header token: IsHeaderToken below.)
      // A part of the year ("jan-jun", "jan-", OCR's "jan—"; "jan-dec" too).
      "(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\\pL*\\.?[-–—]((jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\\pL*\\.?)?)");
  // A cell border OCR read into the word ("Prognos]", "Budget|") is no
  // letter of it, nor the space a re-read cell's word may start with.
  std::string t = s;
  while (!t.empty() && (t.back() == ']' || t.back() == '|' || t.back() == '}' || t.back() == ' ')) t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(0, 1);
  const std::string bare = StripPunct(t);
  const std::string f = FoldKey(bare);
  return f.empty() || RE2::FullMatch(f, kAllowed) || IsHeaderToken(bare) || IsKindQualifier(bare);
}

// Words joined into bands by vertical overlap (see MakeBands), top to
// bottom.
std::vector<Band> BandWords(std::vector<PWord> words, int page_number, const LayoutParams& lp) {
  std::sort(words.begin(), words.end(), [](const PWord& a, const PWord& b) { return a.w->box.y0 < b.w->box.y0; });
  size_t n = words.size();
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::function<size_t(size_t)> find = [&](size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); };
  for (size_t i = 0; i < n; ++i) {
    const Box& a = words[i].w->box;
    for (size_t j = i + 1; j < n; ++j) {
      const Box& b = words[j].w->box;
      if (b.y0 >= a.y1) break;  // sorted by y0: no later word overlaps a
      double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
      double h = std::min(a.height(), b.height());
      if (h > 0 && overlap >= lp.band_overlap_heights * h) parent[find(i)] = find(j);
    }
  }
  std::map<size_t, Band> by_root;
  for (size_t i = 0; i < n; ++i) {
    Band& b = by_root[find(i)];
    b.words.push_back(words[i]);
    b.box.Extend(words[i].w->box);
  }
  std::vector<Band> bands;
  for (auto& [root, b] : by_root) {
    b.page = page_number;
    std::stable_sort(b.words.begin(), b.words.end(),
                     [](const PWord& x, const PWord& y) { return x.w->box.x0 < y.w->box.x0; });
    b.first_line = b.words.front().line_index;
    for (const PWord& p : b.words) b.first_line = std::min(b.first_line, p.line_index);
    bands.push_back(std::move(b));
  }
  std::sort(bands.begin(), bands.end(), [](const Band& a, const Band& b) { return a.box.y0 < b.box.y0; });
  return bands;
}

std::vector<Band> MakeBands(const Page& page, const LayoutParams& lp) {
  std::vector<PWord> words;
  for (const Line& l : page.lines)
    for (const Word& w : l.words) words.push_back({&w, l.index, 0});
  return BandWords(std::move(words), page.number, lp);
}

// The head of a column of prose beside the figures ("Kommentar", "Status"
// of an insats: "Pågår sedan 2024", "Ny 2027"): its cells hold no figures,
// whatever years or counts their text names.
bool IsCommentHeader(const std::string& w) {
  static const RE2 kComment("(?i)(?:" + CommentHeadWords() + ")");
  return RE2::FullMatch(StripPunct(w), kComment);
}

// A band of column kinds only ("Utfall Budget Plan Plan Totalt"): every word
// over the columns is a kind word, no year. It names columns by position
// together with the years row above or below it.
// The label cell of that row may hold a few words ("Belopp i tkr", "Tkr")
// left of the kinds.
bool IsKindsBand(const Band& b, double columns_x0) {
  static const RE2 kKind("(?i)(utfall|budget|plan|prognos|avvikelse|återstår|aterstar|totalt|bokslut|summa|not)");
  int kinds = 0, label_words = 0, heads_after = 0;
  for (const PWord& p : b.words) {
    // (Kind words are often wider than the years under them: only a word
    // wholly left of the columns is the label cell's.)
    if (p.w->box.x1 <= columns_x0) {
      if (kinds > 0 || ++label_words > 3) return false;
      continue;
    }
    std::string t = StripPunct(p.w->text);
    if (IsKindQualifier(t)) continue;
    // (A speck OCR read as a dash or two between the kinds, "Budget - Totalt",
    // w42's scan: no word.)
    if (p.w->confidence < 1 && RE2::FullMatch(p.w->text, "[-–—=.,_~]{1,2}"_re)) continue;
    // (A compound kind broken in its narrow cell, "Helårsbud" over "get":
    // its head, with another kind on the band.)
    static const RE2 kCompoundHead("(?i)(hel)?(å|a)rs(bud|budg|budge|prog|progn|progno|utf|utfa|utfal)?");
    if (RE2::FullMatch(t, kCompoundHead)) continue;
    // (A range of years left open after its dash beside a kind, "Totalt
    // 2027–" over "2029": its end stands on the years row below, a header
    // set at its cells' bottom, w42.)
    if (kinds > 0 && RE2::FullMatch(p.w->text, "(19|20)\\d\\d\\s*[-–—]"_re)) continue;
    // (The heads of columns that hold no money after the kinds, their
    // cells wrapped as the kinds' are: "Budget Utfall Avvikelse Antal
    // Kostnad" over "2025 2025 deltagare per", w43. A capitalised word each,
    // no more of them than kinds.)
    // (On an OCR page a kind misread by one letter, "Ptan", is a kind.)
    const bool kind = RE2::FullMatch(t, kKind) || (p.w->confidence < 1 && !KindWordNear(t).empty());
    if (kinds >= 2 && !kind &&
        (IsCountHeaderWord(t) || IsCommentHeader(t) || RE2::FullMatch(t, "\\p{Lu}\\p{Ll}{3,}"_re)) &&
        ++heads_after <= kinds)
      continue;
    if (heads_after > 0 || !kind) return false;  // (a kind after those heads: prose, not a header)
    ++kinds;
  }
  if (heads_after > 0) {
    // (A count's head among them, "Antal": no garbled kind such as
    // "Foérbrukat" standing alone.)
    bool count = false;
    for (const PWord& p : b.words) count = count || (p.w->box.x1 > columns_x0 && IsCountHeaderWord(StripPunct(p.w->text)));
    if (!count) return false;
  }
  return kinds >= 2 && heads_after <= kinds;
}

// A head over the years row that names them all as one merged cell
// ("Avgift, kr" over "2026  2027", "Belopp, tkr", "Medlemsavgift"; w35):
// at most three label words left of the columns, then a fee or amount word
// and at most two unit words over them. Part of the header, like a kinds
// row; SpreadMergedCells lends it to each year it stands over.
bool IsSpanningHeadBand(const Band& b, double columns_x0) {
  int label_words = 0;
  std::vector<std::string> over;
  for (const PWord& p : b.words) {
    if (p.w->box.x1 <= columns_x0) {
      if (!over.empty() || ++label_words > 3) return false;
      continue;
    }
    over.push_back(StripPunct(p.w->text));
  }
  if (over.empty() || over.size() > 3 || !IsFeeHeaderWord(over[0])) return false;
  for (size_t i = 1; i < over.size(); ++i)
    if (FoldKey(over[i]) != "i" && !IsFeeUnitWord(over[i])) return false;
  return true;
}

// The months a column covers, as one word of a header ("jan–aug",
// "jan.-jun.").
bool IsMonthsWord(const std::string& text) {
  static const RE2 kMonths("(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov)\\pL*\\.?[-–—](jan|feb|mar|apr|maj|jun|"
                           "jul|aug|sep|okt|nov|dec)\\pL*\\.?");
  return RE2::FullMatch(FoldKey(StripPunct(text)), kMonths);
}

// A line of the months each column covers, between a header's kinds and
// its years ("jan–aug  jan–aug  jan–aug" under "Utfall Budget Avvikelse"
// over "2026 2026"): all over the columns.
bool IsPeriodBand(const Band& b, double columns_x0) {
  if (b.words.empty()) return false;
  for (const PWord& p : b.words)
    if (p.w->box.x1 <= columns_x0 || !IsMonthsWord(p.w->text)) return false;
  return true;
}

// The rest of header words broken in their narrow cells, on a line of its
// own ("get" under "Helårsbud"): short words in small letters, each under
// a word of `above`.
bool IsFragmentBand(const Band& b, const Band& above) {
  if (b.words.empty() || b.words.size() > 4) return false;
  for (const PWord& p : b.words) {
    if (!RE2::FullMatch(p.w->text, "[a-zåäö]{1,6}"_re)) return false;
    bool under = false;
    for (const PWord& a : above.words)
      under = under || std::min(a.w->box.x1, p.w->box.x1) - std::max(a.w->box.x0, p.w->box.x0) > 0;
    if (!under) return false;
  }
  return true;
}

// A unit line standing alone over the label column ("Tkr", "Belopp i tkr",
// "(mkr)"): part of the header, never a caption.
bool IsUnitBand(const Band& b, double columns_x0) {
  static const RE2 kUnit("(?i)\\(?(belopp )?(i )?(tkr|mkr|mnkr|kr|kronor|tusental kronor|miljoner kronor)\\)?[:.]?");
  if (b.words.empty() || b.words.size() > 4) return false;
  for (const PWord& p : b.words)
    if (p.w->box.x0 >= columns_x0) return false;
  return RE2::FullMatch(b.Text(), kUnit);
}

// Where the header tokens of a band start, or -1 when the band is not a
// table header: two or more header tokens (one a year or date) after a short
// label ("Belopp i tkr", "Intäkter", "Tkr", "Insats"), and little prose.
// A period printed before the header's years ("1 januari - 31 december",
// "1 juli - 30 juni", "Räkenskapsår"): a label of more words than a short
// one, still no prose.
bool IsPeriodLead(const Band& band, size_t first) {
  std::string lead;
  for (size_t i = 0; i < first; ++i) lead += (lead.empty() ? "" : " ") + band.words[i].w->text;
  static const RE2 kPeriod(
      "([Bb]elopp i \\S+ )?\\(?\\d{1,2} ?[A-Za-zÅÄÖåäö]{3,9}\\.? ?[-–—] ?\\d{1,2} ?[A-Za-zÅÄÖåäö]{3,9}\\.?\\)?");
  return RE2::FullMatch(lead, kPeriod);
}

// A header that names no year, only an amount column ("Medlem  Andel
// Belopp, kr" under the caption "Not 1 Medlemsavgifter 2025"; the title's
// year dates it, see InterpretGrid): one or two label words, then header
// words only, one of them an amount word. -1 when the band is no such
// header.
int YearlessAmountHeaderStart(const Band& band) {
  const size_t n = band.words.size();
  if (n < 2 || n > 6) return -1;
  static const RE2 kAmountWord("(?i)(belopp|kronor|kr|tkr|mkr|mnkr)");
  for (size_t first = 1; first <= 2 && first < n; ++first) {
    if (IsHeaderishWord(band.words[first - 1].w->text)) return -1;  // a label word, not a header's
    bool all = true, amount = false;
    for (size_t i = first; i < n && all; ++i) {
      const std::string& w = band.words[i].w->text;
      all = IsHeaderishWord(w);
      amount |= RE2::FullMatch(FoldKey(StripPunct(w)), kAmountWord);
    }
    if (all && amount) return static_cast<int>(first);
  }
  return -1;
}

// A header of column kinds alone ("Budget  Utfall  Avvikelse") whose
// caption names the one year ("Driftredovisning 2025", see InterpretGrid):
// at most two label words, then two or more kind words, one of them a
// dated kind (budget, plan, utfall, prognos). -1 when the band is none.
// The caller checks the caption and that no years row follows (a kinds row
// over a years row is one header, MergeWrappedHeader).
int YearlessKindsHeaderStart(const Band& band) {
  std::vector<std::string> words;
  for (const PWord& p : band.words) words.push_back(StripPunct(p.w->text));
  return YearlessKindsStart(words);
}

// The band's words as printed, for WordDateAt (table_grid.h).
std::vector<std::string> WordTexts(const Band& band) {
  std::vector<std::string> texts;
  for (const PWord& p : band.words) texts.push_back(p.w->text);
  return texts;
}

int HeaderStart(const Band& band) {
  size_t first = band.words.size();
  int years = 0, tokens = 0;
  const std::vector<std::string> texts = WordTexts(band);
  // A member fee's column named by the fee and its year ("Medlemsavgift
  // 2027", "Bidrag 2026"): the year's figures in a plan.
  // So does a count's column dated by its year or day ("Invånare
  // 2025-12-31"): it names its column (no money, ParseColumnHeader), never
  // the label column's header.
  auto fee_at = [&](size_t i) {
    if (i + 1 >= band.words.size()) return false;
    const std::string w = StripPunct(texts[i]);
    return (IsFeeHeaderWord(w) && IsYearToken(StripPunct(texts[i + 1]))) ||
           (IsCountHeaderWord(w) && (RE2::FullMatch(texts[i + 1], "(19|20)\\d\\d(-\\d\\d(-(\\d\\d)?)?)?,?"_re) ||
                                     WordDateAt(texts, i + 1).words > 0));
  };
  // Glyphs OCR read off a shaded cell's edge ("=", ">"): no letter, no digit.
  auto glyph_at = [&](size_t i) { return !RE2::PartialMatch(texts[i], "[\\pL\\d]"_re); };
  for (size_t i = 0; i < band.words.size(); ++i) {
    if (size_t date = WordDateAt(texts, i).words) {
      if (first == band.words.size()) first = i;
      ++tokens;
      ++years;
      i += date - 1;
      continue;
    }
    std::string t = StripPunct(band.words[i].w->text);
    // "Not" opening a band is a note's caption ("Not 5 Övriga externa
    // kostnader 2021 2020") unless a year or date follows it at once: a
    // statement header whose label cell is empty ("Not 2026-08-31 2025-12-31").
    bool note = IsNoteWord(t) && (i > 0 || (i + 1 < band.words.size() &&
                                            (RE2::PartialMatch(StripPunct(band.words[i + 1].w->text),
                                                               "^(19|20)\\d\\d"_re) ||
                                             WordDateAt(texts, i + 1).words > 0)));
    const bool fee = fee_at(i);
    // A multi-year column's period ("2019–2021" under "Totalt"): a header
    // token wherever the header's two lines put it in the merged band (its
    // first word when it stands left of its kind word). No year of its own:
    // a caption's period ("Budget 2020–2022, tkr") makes no header.
    // Its start alone, the range left open where the period wraps in its
    // narrow cell ("Totalt" over "2020–" over "2022"), is one too.
    static const RE2 kYearRange("(19|20)\\d\\d[-–—](19|20)\\d\\d");  // one word
    // So is a period's first day left open ("2026-01-01–" over
    // "2026-08-31", w41).
    static const RE2 kOpenRange("(19|20)\\d\\d(-\\d\\d-\\d\\d)?\\s*[-–—]");
    const bool period = RE2::FullMatch(t, kYearRange) || RE2::FullMatch(band.words[i].w->text, kOpenRange);
    // "Innevarande år", "Föregående år": the report's year and the one
    // before (InterpretGrid dates them by the document).
    if (IsRelativeYearWord(t) && i + 1 < band.words.size() &&
        RE2::FullMatch(FoldKey(StripPunct(band.words[i + 1].w->text)), "ar|arets|rakenskapsar"_re)) {
      if (first == band.words.size()) first = i;
      ++tokens;
      ++years;
      ++i;
      continue;
    }
    if (IsHeaderToken(t) || note || fee || period) {
      // "2022 - 2023" (a split financial year) is one column's header, not
      // two: its second year counts no token of its own.
      bool range_end = i >= 2 && IsYearToken(t) && RE2::FullMatch(band.words[i - 1].w->text, "[-–—]"_re) &&
                       IsYearToken(StripPunct(band.words[i - 2].w->text));
      if (first == band.words.size()) first = i;
      if (range_end) continue;
      ++tokens;
      years += !period && (IsYearToken(t) || RE2::PartialMatch(t, "^-?(19|20)\\d\\d-"_re));
    }
  }
  if (years == 0 && tokens == 0) return YearlessAmountHeaderStart(band);
  // A member fee table's heads, the year alone over the fees ("Medlem Andel
  // 2027", w46).
  size_t fee_year = 0;
  if (years == 1 && tokens == 1 && IsMemberFeeHeader(texts, &fee_year)) return static_cast<int>(fee_year);
  if (years == 0 || tokens < 2 || first == band.words.size()) return -1;
  // A year followed by a group of three digits is a figure whose first
  // thousands space OCR lost ("Summa tillgångar 1952 940 1999 960", w45):
  // a row, no header.
  for (size_t i = first; i + 1 < band.words.size(); ++i)
    if (IsYearToken(StripPunct(texts[i])) && RE2::FullMatch(texts[i + 1], "\\d{3}"_re)) return -1;
  // A note's caption may lead the years ("Not 5 Övriga externa kostnader
  // 2021 2020"): its "Not 5" counts no word of the lead.
  size_t lead_words = first;
  if (first >= 2 && IsNoteWord(band.words[0].w->text) &&
      RE2::FullMatch(StripPunct(band.words[1].w->text), "\\d{1,2}"_re))
    lead_words -= 2;
  // (Glyphs OCR read off a shaded cell's edge, "Medlem. > > Andel, %", are
  // no words of the label.)
  for (size_t i = 0; i < first; ++i)
    if (glyph_at(i) && lead_words > 0) --lead_words;
  if (lead_words > 4 && !IsPeriodLead(band, first)) return -1;
  std::string lead = first > 0 ? band.words[0].w->text : "";
  if (lead.rfind("•", 0) == 0 || lead == "-" || lead == "–") return -1;
  int prose = 0;
  for (size_t i = first; i < band.words.size(); ++i) {
    if (size_t date = WordDateAt(texts, i).words) {
      i += date - 1;
      continue;
    }
    if (IsRelativeYearWord(band.words[i].w->text)) {  // "Föregående år"
      ++i;
      continue;
    }
    // (A glyph off a cell's edge is no prose, nor a fee named with its year.)
    if (!IsHeaderishWord(texts[i]) && !fee_at(i) && !glyph_at(i)) ++prose;
  }
  if (prose > 3) return -1;
  return static_cast<int>(first);
}

// Whether two words stand on one printed line: their tops agree, or their
// centres do. OCR boxes hug the ink, and a figure whose box took in a rule
// above it and a speck below ("000" under a table rule) keeps its centre on
// the line but not its top; a figure wrapped in its cell and joined into
// one tall word keeps its top but not its centre. A figure whose box took
// in only the rule above it keeps its bottom, the digits' baseline ("310"
// reaching up to the rule over "Summa … −5 058 310", w45).
bool OnOneLine(const Box& a, const Box& b, double tolerance_pt) {
  return std::abs(a.y0 - b.y0) <= tolerance_pt || std::abs(a.cy() - b.cy()) <= tolerance_pt ||
         std::abs(a.y1 - b.y1) <= tolerance_pt;
}

// A number as printed in one cell: words of one line joined while the join
// still reads as one Swedish number ("13" + "401"), then chunks stacked in
// the same cell on the next line ("13" over "320") joined the same way.
struct Chunk {
  std::vector<PWord> words;
  Box box;
  std::string Text() const {
    std::string s;
    for (const PWord& p : words) s += (s.empty() ? "" : " ") + p.w->text;
    return s;
  }
};

// One character OCR reads for a figure's leading digit ("$" or "S" for 5,
// "J" for 3, "B" for 8, "G" for 6, "Z" for 2, "]" for 1): number_repair.h
// reads it back.
bool IsHeadStandIn(const std::string& text) {
  return text.size() == 1 && std::string_view("$SJBGZ]").find(text[0]) != std::string_view::npos;
}

// A footnote mark set as a superscript right after a figure ("422²", w42:
// the text layer gives the raised digit as a word of its own that touches
// the figure): one or two digits or stars, under three quarters of the
// figure's height, its foot above the figure's lower third. No digit of the
// figure; the band's raw text keeps it.
bool IsRaisedMark(const Band& band, size_t i) {
  const Word& w = *band.words[i].w;
  if (!RE2::FullMatch(w.text, "\\d{1,2}|\\*{1,3}"_re)) return false;
  for (size_t k = 0; k < band.words.size(); ++k) {
    const Word& q = *band.words[k].w;
    if (k == i || !HasDigit(q.text) || q.box.height() <= 0) continue;
    const double gap = w.box.x0 - q.box.x1;
    if (gap < -0.5 || gap > 0.25 * q.box.height()) continue;
    if (w.box.height() < 0.75 * q.box.height() && w.box.y1 < q.box.y0 + 0.7 * q.box.height() &&
        w.box.y0 < q.box.y0 + 0.25 * q.box.height())
      return true;
  }
  return false;
}

std::vector<Chunk> NumberChunks(const Band& band, double label_right, const LayoutParams& lp) {
  std::vector<PWord> nums;
  // (A lone nought OCR read as the letter, "O" among the figures, w30: the
  // sums read it, number_repair.h's confusable readings.)
  // (Or "Q", "D": w38's scan read its 0 "Q".)
  auto lone_nought = [](const PWord& p) {
    return p.w->confidence < 1 && (p.w->text == "O" || p.w->text == "o" || p.w->text == "Q" || p.w->text == "D");
  };
  // (A figure's head OCR read as a letter or sign and set apart from its
  // group, "$ 700" for 5 700, "J 480" for 3 480 (w36's old-style figures):
  // one character that stands for a digit right before a group of three.
  // The cell keeps what OCR read; number_repair.h's confusable readings and
  // the sums say what it is.)
  auto stand_in_head = [&](size_t i) {
    const PWord& p = band.words[i];
    if (p.w->confidence >= 1 || i + 1 >= band.words.size() || !IsHeadStandIn(p.w->text)) return false;
    const Word& next = *band.words[i + 1].w;
    return next.confidence < 1 && RE2::FullMatch(next.text, "\\d{3}"_re) &&
           OnOneLine(p.w->box, next.box, lp.same_line_pt) && next.box.x0 - p.w->box.x1 < next.box.height() &&
           next.box.x0 > p.w->box.x1;
  };
  for (size_t i = 0; i < band.words.size(); ++i) {
    const PWord& p = band.words[i];
    if (p.w->box.x0 > label_right && !IsRaisedMark(band, i) &&
        (IsNumericToken(p.w->text) || HasDigit(p.w->text) || lone_nought(p) || stand_in_head(i)))
      nums.push_back(p);
  }
  // Per line (by y), left to right.
  std::sort(nums.begin(), nums.end(), [&lp](const PWord& a, const PWord& b) {
    if (!OnOneLine(a.w->box, b.w->box, lp.same_line_pt)) return a.w->box.y0 < b.w->box.y0;
    return a.w->box.x0 < b.w->box.x0;
  });
  std::vector<Chunk> chunks;
  for (const PWord& p : nums) {
    if (!chunks.empty()) {
      Chunk& c = chunks.back();
      const Box& last = c.words.back().w->box;
      bool same_line = OnOneLine(last, p.w->box, lp.same_line_pt);
      double gap = p.w->box.x0 - last.x1;
      // OCR boxes hug the ink (a digit's box is ~0.7 em, a text layer's the
      // line height), and a wide thousands space ("1 603" in a figure-space
      // format) reads as a gap of 0.6-0.9 of such a box: a lone head of 1-3
      // digits and a 3-digit group join over that gap too. Only a lone head:
      // "43 000" then "109" in the next column stays two figures.
      bool ocr = c.words.back().w->confidence < 1 && p.w->confidence < 1;
      const bool stand_in = c.words.size() == 1 && IsHeadStandIn(c.words[0].w->text);
      bool lone_head = c.words.size() == 1 &&
                       (RE2::FullMatch(c.words[0].w->text, "-?\\d{1,3}"_re) || stand_in) &&
                       RE2::FullMatch(p.w->text, "\\d{3}"_re);
      // Of the lower of the two boxes: a word OCR read over several lines of
      // a wrapped cell ("200" boxed over "133", "200", "00") is three lines
      // high and would reach into the next column.
      // A sign set apart from its figure ("- 4 020") is OCR-boxed as the
      // dash's stroke, a few pixels high: the figure's height measures then.
      static const RE2 kLoneSign("[-\u2212\u2013]");
      const bool lone_sign = c.words.size() == 1 && RE2::FullMatch(c.words[0].w->text, kLoneSign) &&
                             HasDigit(p.w->text);
      double max_gap = (ocr && lone_head ? lp.ocr_number_gap_heights : lp.number_gap_heights) *
                       (lone_sign ? p.w->box.height() : std::min(last.height(), p.w->box.height()));
      // A monospaced face sets the thousands space a digit wide.
      if (ocr && lone_head) max_gap = std::max(max_gap, lp.ocr_head_gap_pitches * p.w->box.width() / 3);
      // A hyphen between digits is OCR's reading of a speck in a thousands
      // space ("14" + "200-000"): the parts still join into one figure.
      std::string joined = c.Text() + " " + p.w->text;
      if (ocr) RE2::GlobalReplace(&joined, "(\\d)-(\\d)"_re, "\\1 \\2");
      // OCR may lose the thousands space after a figure's head too ("2400
      // 000" for 2 400 000): such a head joins the group after it, and the
      // cell is read as ParseWithLostHeadSpace reads it.
      const bool lost_head_space = ocr && c.words.size() == 1 && ParseWithLostHeadSpace(joined).has_value();
      double widest_space = 0;
      for (size_t k = 1; k < c.words.size(); ++k)
        widest_space = std::max(widest_space, c.words[k].w->box.x0 - c.words[k - 1].w->box.x1);
      const bool like_spaced = ocr && c.words.size() >= 2 && widest_space > 0 &&
                               RE2::FullMatch(p.w->text, "\\d{3}"_re) &&
                               (gap < lp.ocr_group_gap_heights * std::min(last.height(), p.w->box.height()) ||
                                gap < lp.ocr_head_gap_pitches * p.w->box.width() / 3) &&
                               gap <= lp.ocr_group_gap_ratio * widest_space;
      if (same_line && gap >= -lp.number_overlap_pt && (gap < max_gap || like_spaced) &&
          (ParseSwedishNumber(joined) || lost_head_space || (stand_in && lone_head))) {
        c.words.push_back(p);
        c.box.Extend(p.w->box);
        continue;
      }
    }
    Chunk c;
    c.words.push_back(p);
    c.box = p.w->box;
    chunks.push_back(c);
  }
  // Stacked parts of one wrapped number: same left edge, next line.
  for (size_t i = 0; i < chunks.size(); ++i) {
    for (size_t j = i + 1; j < chunks.size(); ++j) {
      Chunk& a = chunks[i];
      Chunk& b = chunks[j];
      if (b.words.empty() || a.words.empty()) continue;
      bool below = b.box.y0 > a.box.y0 + lp.stacked_gap_heights * a.box.height() &&
                   b.box.y0 - a.box.y1 < lp.stacked_gap_heights * a.box.height();
      if (below && std::abs(a.box.x0 - b.box.x0) < lp.stacked_align_pt && ParseSwedishNumber(a.Text() + " " + b.Text()) &&
          !ParseSwedishNumber(b.Text() + "")->is_percent) {
        // Only join when the lower part is a 3-digit group: "13" over "320".
        std::string bt = b.Text();
        if (bt.size() == 3 && std::all_of(bt.begin(), bt.end(), ::isdigit)) {
          for (const PWord& p : b.words) a.words.push_back(p);
          a.box.Extend(b.box);
          b.words.clear();
        }
      }
    }
  }
  std::vector<Chunk> out;
  for (Chunk& c : chunks)
    if (!c.words.empty()) out.push_back(std::move(c));
  return out;
}

// Adds each word of `adds` to the names of its column; returns what it
// lent, (column, word): such words name, but do not widen, their new column.
std::set<std::pair<size_t, const Word*>> LendWords(const std::vector<std::pair<size_t, PWord>>& adds,
                                                  std::vector<std::vector<PWord>>* names) {
  std::set<std::pair<size_t, const Word*>> lent;
  for (const auto& [c, p] : adds) {
    (*names)[c].push_back(p);
    lent.insert({c, p.w});
  }
  return lent;
}

// A kind word of a header row centred over two columns (a merged cell:
// "Plan" over "2020" and "2021") names both. Its centre lies in the gap
// between the two columns' figures, at the boundary of their cells: next to
// the left column's figures when the figures are right-aligned (the usual
// way), next to the right column's when they are left-aligned. A kind word
// in a cell of its own centres on that cell, which over narrow right-aligned
// figures is also left of them, but on the far side of the gap. The other
// column must have a year and no kind of its own, and the kind word a line
// of its own (a kinds row above or below the years).
// `right_aligned`: per column, whether its figures share right edges more
// than left ones. Returns the words it lent (they name, but do not widen,
// their new column).
std::set<std::pair<size_t, const Word*>> SpreadSpanningKinds(const std::vector<Column>& cols,
                                                            const std::vector<bool>& right_aligned,
                                                            std::vector<std::vector<PWord>>* names) {
  static const RE2 kKind("(?i)(utfall|budget|plan|prognos|bokslut)");
  auto is_kind = [](const PWord& p) { return RE2::FullMatch(StripPunct(p.w->text), kKind); };
  auto kindless_year = [&](size_t c) {
    bool year = false;
    for (const PWord& p : (*names)[c]) {
      std::string f = FoldKey(StripPunct(p.w->text));
      if (is_kind(p) || f == "avvikelse" || f == "totalt" || f == "aterstar") return false;
      year |= IsYearToken(StripPunct(p.w->text));
    }
    return year;
  };
  // A column's extent: its figures and the non-kind words over it.
  auto extent = [&](size_t c) {
    std::pair<double, double> e{cols[c].x0, cols[c].x1};
    for (const PWord& p : (*names)[c])
      if (!is_kind(p)) e = {std::min(e.first, p.w->box.x0), std::max(e.second, p.w->box.x1)};
    return e;
  };
  std::vector<std::pair<size_t, PWord>> adds;
  for (size_t c = 0; c < cols.size(); ++c) {
    int kinds = 0;
    const PWord* kind = nullptr;
    for (const PWord& p : (*names)[c])
      if (is_kind(p)) {
        ++kinds;
        kind = &p;
      }
    if (kinds != 1) continue;
    bool own_line = true;
    for (const PWord& p : (*names)[c])
      own_line = own_line && (&p == kind || std::abs(p.w->box.cy() - kind->w->box.cy()) > kind->w->box.height() / 2);
    if (!own_line) continue;
    double cx = kind->w->box.cx();
    for (size_t a = c > 0 ? c - 1 : 0; a <= c && a + 1 < cols.size(); ++a) {
      size_t other = a == c ? a + 1 : a;
      if (!kindless_year(other)) continue;
      double gap0 = extent(a).second, gap1 = extent(a + 1).first;
      if (cx <= gap0 || cx >= gap1) continue;
      bool right = right_aligned[a] && right_aligned[a + 1];
      bool left = !right_aligned[a] && !right_aligned[a + 1];
      bool at_boundary = (right && cx - gap0 < gap1 - cx) || (left && gap1 - cx < cx - gap0);
      if (at_boundary) adds.push_back({other, *kind});
    }
  }
  return LendWords(adds, names);
}

// A year of a header row over two or more kind columns ("2025" over
// "Budget  Utfall", "2024" over "Budget  Utfall": a merged cell, or the year
// set over the first of its columns) names each of them. Only where every
// column names one kind and the years stand on a line of their own, one
// year every k ≥ 2 columns at the same place in each group of k, and each
// group names the same kinds in the same order: the kinds pair with the
// years by position. Returns the words it lent.
std::set<std::pair<size_t, const Word*>> SpreadSpanningYears(const LayoutParams& lp,
                                                            std::vector<std::vector<PWord>>* names) {
  static const RE2 kKind("(?i)(utfall|budget|plan|prognos|bokslut|avvikelse)");
  const size_t n = names->size();
  std::vector<std::string> kind(n);
  std::vector<const PWord*> year(n, nullptr);
  for (size_t c = 0; c < n; ++c) {
    int kinds = 0, years = 0;
    for (const PWord& p : (*names)[c]) {
      const std::string t = StripPunct(p.w->text);
      if (RE2::FullMatch(t, kKind)) {
        ++kinds;
        kind[c] = FoldKey(t);
      } else if (IsYearToken(t)) {
        ++years;
        year[c] = &p;
      } else {
        return {};
      }
    }
    if (kinds != 1 || years > 1) return {};
  }
  std::vector<size_t> dated;
  for (size_t c = 0; c < n; ++c)
    if (year[c]) dated.push_back(c);
  if (dated.size() < 2 || n % dated.size() != 0) return {};
  const size_t k = n / dated.size();
  if (k < 2) return {};
  const size_t offset = dated[0] % k;
  for (size_t g = 0; g < dated.size(); ++g) {
    if (dated[g] != g * k + offset) return {};
    for (size_t j = 0; j < k; ++j)
      if (kind[g * k + j] != kind[j]) return {};
    // (The year on a line of its own, above or below its kind word.)
    for (const PWord& p : (*names)[dated[g]])
      if (&p != year[dated[g]] && OnOneLine(p.w->box, year[dated[g]]->w->box, lp.same_line_pt)) return {};
  }
  std::vector<std::pair<size_t, PWord>> adds;
  for (size_t g = 0; g < dated.size(); ++g)
    for (size_t j = 0; j < k; ++j)
      if (g * k + j != dated[g]) adds.push_back({g * k + j, *year[dated[g]]});
  return LendWords(adds, names);
}

// Header cells merged across columns, where a header of two lines or more
// names fewer cells on one line than there are columns (w35, w36): "2026"
// over "Budget  Prognos" beside "2027" over "Budget"; "2025" over "Budget
// Utfall Avvikelse" beside "2024" over "Utfall"; "Avgift, kr" over "2026
// 2027" beside "Andel". Each phrase of such a line names a run of adjacent
// columns; the runs, in order, cover every column; a run of two or more
// columns is a merged cell, whose text stands centred over it (a cell of
// its own may align either way). The columns' cells are taken from their
// figures' edges (right-aligned figures: a cell runs from the figures'
// right edge of the column before to its own; the first is as wide as the
// median pitch). Lends a phrase to the columns of its run only when exactly
// one way of cutting the columns into runs fits, and no run names a kind
// twice on the other lines ("Utfall" under one year twice). The existing
// spreads (SpreadSpanningKinds, SpreadSpanningYears) run first; a column
// already named on the line keeps its name. `placed`: each header phrase
// with the column it names. Returns the words it lent.
std::set<std::pair<size_t, const Word*>> SpreadMergedCells(
    const std::vector<Column>& cols, const std::vector<bool>& right_aligned,
    const std::vector<std::pair<std::vector<PWord>, int>>& placed, const LayoutParams& lp,
    std::vector<std::vector<PWord>>* names) {
  const size_t n = cols.size();
  if (n < 2) return {};
  size_t rights = 0;
  for (bool r : right_aligned) rights += r;
  const bool right = 2 * rights >= n;
  std::vector<double> edge(n), steps;
  for (size_t c = 0; c < n; ++c) edge[c] = right ? cols[c].x1 : cols[c].x0;
  for (size_t c = 1; c < n; ++c) steps.push_back(edge[c] - edge[c - 1]);
  std::sort(steps.begin(), steps.end());
  const double pitch = steps[steps.size() / 2];
  if (pitch <= 0) return {};
  // A run's cell edges: [left, right).
  auto run_edges = [&](size_t a, size_t b) -> std::pair<double, double> {
    if (right) return {a > 0 ? edge[a - 1] : edge[0] - pitch, edge[b]};
    return {edge[a], b + 1 < n ? edge[b + 1] : edge[n - 1] + pitch};
  };
  auto same_line = [&](const PWord& a, const PWord& b) {
    return a.order == b.order && OnOneLine(a.w->box, b.w->box, lp.same_line_pt);
  };
  std::vector<std::pair<size_t, PWord>> adds;
  std::vector<bool> done(placed.size(), false);
  for (size_t i = 0; i < placed.size(); ++i) {
    if (done[i] || placed[i].second < 0) continue;
    // The phrases of one line, left to right.
    std::vector<size_t> line;
    for (size_t j = i; j < placed.size(); ++j)
      if (!done[j] && placed[j].second >= 0 && same_line(placed[j].first.front(), placed[i].first.front())) {
        line.push_back(j);
        done[j] = true;
      }
    std::sort(line.begin(), line.end(), [&](size_t x, size_t y) {
      return placed[x].first.front().w->box.x0 < placed[y].first.front().w->box.x0;
    });
    const size_t m = line.size();
    if (m >= n) continue;
    // Every column is named on some other line of the header.
    bool named_elsewhere = true;
    for (size_t c = 0; c < n && named_elsewhere; ++c) {
      bool other = false;
      for (const PWord& p : (*names)[c]) other |= !same_line(p, placed[i].first.front());
      named_elsewhere = other;
    }
    if (!named_elsewhere) continue;
    auto fits = [&](size_t k, size_t a, size_t b) {
      Box box;
      for (const PWord& p : placed[line[k]].first) box.Extend(p.w->box);
      const int at = placed[line[k]].second;
      if (at < static_cast<int>(a) || at > static_cast<int>(b)) return false;
      const auto [l, r] = run_edges(a, b);
      const double tol = std::max(2.0, 0.5 * box.height());
      if (box.x0 < l - tol || box.x1 > r + tol) return false;
      if (std::abs(box.cx() - (l + r) / 2) <= tol) return true;
      return a == b;  // a cell of its own: any alignment
    };
    // A run names no kind twice on the other lines.
    auto kinds_once = [&](size_t a, size_t b) {
      std::set<std::string> seen;
      for (size_t c = a; c <= b; ++c)
        for (const PWord& p : (*names)[c]) {
          if (same_line(p, placed[i].first.front())) continue;
          const std::string t = FoldKey(StripPunct(p.w->text));
          if (RE2::FullMatch(t, "utfall|budget|plan|prognos|avvikelse|bokslut"_re) && !seen.insert(t).second)
            return false;
        }
      return true;
    };
    std::vector<size_t> starts(m + 1), found;
    int solutions = 0;
    std::function<void(size_t, size_t)> cut = [&](size_t k, size_t from) {
      if (solutions > 1) return;
      if (k == m) {
        if (from == n) {
          ++solutions;
          found = starts;
        }
        return;
      }
      for (size_t to = from; to + (m - k - 1) < n; ++to) {
        if (!fits(k, from, to) || !kinds_once(from, to)) continue;
        starts[k] = from;
        starts[k + 1] = to + 1;
        cut(k + 1, to + 1);
      }
    };
    cut(0, 0);
    if (solutions != 1) continue;
    for (size_t k = 0; k < m; ++k)
      for (size_t c = found[k]; c < found[k + 1]; ++c) {
        if (static_cast<int>(c) == placed[line[k]].second) continue;
        bool has = false;
        for (const PWord& p : (*names)[c]) has |= same_line(p, placed[i].first.front());
        if (has) continue;
        for (const PWord& p : placed[line[k]].first) adds.push_back({c, p});
      }
  }
  return LendWords(adds, names);
}

// Column x-ranges from the number chunks of the body bands: chunks whose
// x-ranges overlap are one column. Header words then name the columns.
// `measures`: the header names measures over the columns of a table whose
// rows are years (TransposedHeader): every named column holds values.
std::vector<Column> BuildColumns(const Band& header, int header_start, const std::vector<const Band*>& body,
                                 double comment_x0, const LayoutParams& lp, std::string* header_label,
                                 bool measures = false) {
  // (The months a first column covers, "jan–aug" on a header row of its
  // own at the cell's left edge, stand over the figures, not the labels.)
  auto months = [](const PWord& p) { return IsMonthsWord(p.w->text); };
  double label_right = 0;
  for (int i = 0; i < header_start; ++i)
    if (!months(header.words[i])) label_right = std::max(label_right, header.words[i].w->box.x1);
  std::vector<std::pair<double, double>> spans, damaged;
  for (const Band* b : body) {
    // Label words of a body row are left of its first number.
    for (const Chunk& c : NumberChunks(*b, label_right, lp)) {
      // Digits inside labels ("Trisam 2.0") shape no column; damaged
      // numbers do when they stand under the header.
      bool number = ParseSwedishNumber(c.Text()).has_value();
      bool under_header = c.box.x0 >= header.words[header_start].w->box.x0 - lp.header_slack_pt;
      if (c.box.x0 >= comment_x0 - lp.edge_slack_pt) continue;
      if (number) {
        spans.push_back({c.box.x0, c.box.x1});
      } else if (under_header) {
        damaged.push_back({c.box.x0, c.box.x1});
      }
    }
  }
  // Columns come from the numbers alone: header words are often wider than
  // their column and closer to the next one than words inside a cell are to
  // each other, so they name columns but do not shape them.
  auto merge = [&lp](std::vector<std::pair<double, double>> sp) {
    std::sort(sp.begin(), sp.end());
    std::vector<Column> cols;
    for (const auto& s : sp) {
      if (!cols.empty() && s.first <= cols.back().x1 - lp.column_overlap_pt) {
        cols.back().x1 = cols.back().fig_x1 = std::max(cols.back().x1, s.second);
      } else {
        cols.push_back(Column{s.first, s.second, "", false, s.first, s.second});
      }
    }
    return cols;
  };
  // A damaged figure shapes a column too ("J 480" alone under its header),
  // unless it bridges two columns the readable figures set apart: OCR's
  // reading of a shaded or ruled row ("000-000----215 .000") can run from
  // one column into the next, and would merge them.
  {
    std::vector<Column> readable = merge(spans);
    for (const auto& d : damaged) {
      int bridged = 0;
      for (const Column& c : readable) bridged += std::min(c.x1, d.second) - std::max(c.x0, d.first) > lp.column_overlap_pt;
      if (bridged < 2) spans.push_back(d);
    }
  }
  std::vector<Column> cols = merge(spans);
  // Which way each column's figures align (equal spread: right).
  std::vector<bool> right_aligned(cols.size(), true);
  for (size_t c = 0; c < cols.size(); ++c) {
    double l0 = 1e9, l1 = -1e9, r0 = 1e9, r1 = -1e9;
    for (const auto& sp : spans)
      if (sp.first >= cols[c].x0 && sp.second <= cols[c].x1) {
        l0 = std::min(l0, sp.first);
        l1 = std::max(l1, sp.first);
        r0 = std::min(r0, sp.second);
        r1 = std::max(r1, sp.second);
      }
    if (l1 >= l0) right_aligned[c] = r1 - r0 <= l1 - l0;
  }
  // The cell a header phrase that overlaps no column's figures stands in:
  // between right-aligned columns a cell runs from the left column's right
  // edge to its own figures' right edge (a header left-aligned or centred
  // in its cell starts right of the column before: "Budget  Utfall" over
  // "12400  12485"), between left-aligned ones from its own figures' left
  // edge on; the first column's cell begins after the label header. -1
  // when the phrase stands in no gap between the columns.
  auto cell_of = [&](double cx) -> int {
    if (cols.empty()) return -1;
    if (cx < cols[0].x0) return cx > label_right && right_aligned[0] ? 0 : -1;
    for (size_t a = 0; a + 1 < cols.size(); ++a) {
      if (cx <= cols[a].x1 || cx >= cols[a + 1].x0) continue;
      double boundary = (cols[a].x1 + cols[a + 1].x0) / 2;
      if (right_aligned[a] && right_aligned[a + 1]) boundary = cols[a].x1;
      if (!right_aligned[a] && !right_aligned[a + 1]) boundary = cols[a + 1].x0;
      return cx > boundary ? static_cast<int>(a) + 1 : static_cast<int>(a);
    }
    return -1;
  };
  // Name the columns. Header words are grouped into phrases (words of one
  // line closer than a third of the line's height: "Utfall 2020", "2020-01-01
  // -2020-12-"); a phrase names the column it overlaps most, else the
  // nearest one — right-aligned figures often sit under only part of their
  // header.
  std::vector<std::vector<PWord>> names(cols.size());
  std::vector<std::pair<std::vector<PWord>, int>> placed;  // each phrase and the column it names
  header_label->clear();
  std::vector<PWord> hw;
  for (int i = 0; i < header_start; ++i) {
    const PWord& p = header.words[i];
    if (!cols.empty() && p.w->box.x1 > cols[0].x0 && months(p)) {
      hw.push_back(p);
      continue;
    }
    *header_label += (header_label->empty() ? "" : " ") + p.w->text;
  }
  for (size_t i = header_start; i < header.words.size(); ++i)
    if (!IsCommentHeader(header.words[i].w->text)) hw.push_back(header.words[i]);  // comments hold no figures
  std::sort(hw.begin(), hw.end(), [&lp](const PWord& a, const PWord& b) {
    if (a.order != b.order) return a.order < b.order;
    if (!OnOneLine(a.w->box, b.w->box, lp.same_line_pt)) return a.w->box.y0 < b.w->box.y0;
    return a.w->box.x0 < b.w->box.x0;
  });
  // A header whose cells print the year before the kind ("2026 Prognos
  // 2027 Budget 2028 Plan", w34): there a kind word after a year is that
  // year's, at a word space OCR set wider than a phrase's.
  static const RE2 kKindWord("(?i)(utfall|budget|plan|prognos|bokslut)");
  const bool year_first = hw.size() >= 4 && hw.front().order == hw.back().order &&
                          IsYearToken(StripPunct(hw.front().w->text)) &&
                          RE2::FullMatch(StripPunct(hw.back().w->text), kKindWord);
  std::vector<std::vector<PWord>> phrases;
  for (const PWord& p : hw) {
    if (!phrases.empty()) {
      const PWord& q = phrases.back().back();
      // A period's end after its start ("2020-01-01 -2020-12-", "2020-01-01
      // - 2020-12-31") is one phrase at a word space's gap: OCR sets the
      // words as far apart as a line's words, wider than a cell's words.
      static const RE2 kPeriodEnd("[-–—]((19|20)\\d\\d(-\\d\\d(-(\\d\\d)?)?)?)?");
      // (Whatever stands before the end: its start, a dash, or the scrap OCR
      // made of the start, "aaa -2020-12-" — an end names no column alone.)
      const bool period = RE2::FullMatch(p.w->text, kPeriodEnd) && p.w->text.size() > 1;
      // So is a count's head and the day or year it is dated by ("Invånare
      // 2025-12-31", OCR setting them a word space apart): one column's.
      // (Its date may be left open where its cell wrapped it: "Invånare
      // 2025-11-" over "01", w34.)
      const bool dated_count = IsCountHeaderWord(StripPunct(q.w->text)) &&
                               RE2::FullMatch(p.w->text, "(19|20)\\d\\d(-\\d\\d(-(\\d\\d)?)?)?,?"_re);
      // And a closing date in words ("31 dec 2024"), OCR setting its day a
      // little further from the month than a phrase's words.
      static const RE2 kMonth("(?i)(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\\pL*\\.?");
      const std::string qt = StripPunct(q.w->text), pt = StripPunct(p.w->text);
      const bool date_part = (RE2::FullMatch(qt, "\\d{1,2}"_re) && RE2::FullMatch(pt, kMonth)) ||
                             (RE2::FullMatch(qt, kMonth) && RE2::FullMatch(pt, "(19|20)\\d\\d"_re));
      const bool year_kind = year_first && IsYearToken(qt) && RE2::FullMatch(pt, kKindWord);
      // And a fee's head and its unit ("Avgift, kr", OCR setting the unit a
      // word space after the comma; w35).
      const bool fee_unit =
          IsFeeHeaderWord(qt) && (IsFeeUnitWord(pt) || FoldKey(pt) == "mkr");
      const double gap = period || dated_count || date_part || year_kind || fee_unit ? lp.period_gap_heights
                                                                                    : lp.phrase_gap_heights;
      // (Measured by the line's tallest word: an OCR box hugs the ink, so
      // "2025" after "Budget" is shorter than the line by its descenders.)
      // A box OCR drew over two rows of a header cell ("Helårsprognos" over
      // its "2026", twice a line's height) is no line's height: words more
      // than kTallBox times the line's lower median are left out, or the gap
      // between two heads ("Helårsbudget  Helårsprognos") reads as a space.
      constexpr double kTallBox = 1.6;
      std::vector<double> heights;
      for (const PWord& w : hw)
        if (w.order == p.order && OnOneLine(w.w->box, p.w->box, lp.same_line_pt))
          heights.push_back(w.w->box.height());
      std::sort(heights.begin(), heights.end());
      double height = p.w->box.height();
      if (!heights.empty()) {
        const double cap = kTallBox * heights[(heights.size() - 1) / 2];
        height = 0;
        for (double h : heights)
          if (h <= cap) height = std::max(height, h);
      }
      if (q.order == p.order && OnOneLine(q.w->box, p.w->box, lp.same_line_pt) &&
          p.w->box.x0 - q.w->box.x1 < gap * height) {
        phrases.back().push_back(p);
        continue;
      }
    }
    phrases.push_back({p});
  }
  for (const std::vector<PWord>& ph : phrases) {
    Box b;
    for (const PWord& p : ph) b.Extend(p.w->box);
    int best = -1;
    double best_ov = 0;
    for (size_t c = 0; c < cols.size(); ++c) {
      double ov = std::min(cols[c].x1, b.x1) - std::max(cols[c].x0, b.x0);
      if (ov > best_ov) {
        best_ov = ov;
        best = static_cast<int>(c);
      }
    }
    // "Not" (and the note number under it) names only the column of note
    // numbers below it: with no figures there (a kassaflödesanalys citing no
    // note) it names none, never the next year's column.
    bool note_phrase = std::all_of(ph.begin(), ph.end(), [](const PWord& p) {
      return IsNoteWord(p.w->text) || RE2::FullMatch(p.w->text, "\\d"_re);
    });
    // A period's end alone over no column ("-2020-12-" after the scrap OCR
    // made of its start, or set apart from it): it ends the period of the
    // column on its left, never the next one's.
    static const RE2 kLoneEnd("[-–—](19|20)\\d\\d-\\d\\d-(\\d\\d)?");
    if (best < 0 && ph.size() == 1 && RE2::FullMatch(ph[0].w->text, kLoneEnd)) {
      double best_x1 = -1e9;
      for (size_t c = 0; c < cols.size(); ++c)
        if (cols[c].x1 <= b.x0 && cols[c].x1 > best_x1 && b.x0 - cols[c].x1 < lp.period_end_snap_heights * b.height()) {
          best_x1 = cols[c].x1;
          best = static_cast<int>(c);
        }
    }
    // (Header words only: OCR's scraps between the heads, "0" or "20" from
    // a shaded row, name no cell.)
    // (Or the months a column covers, set at its cell's left edge on a row
    // of their own: "jan–aug".)
    const bool header_words = std::all_of(ph.begin(), ph.end(), [](const PWord& p) {
      return (IsHeaderishWord(p.w->text) && RE2::PartialMatch(p.w->text, "\\pL"_re)) || IsMonthsWord(p.w->text);
    });
    if (best < 0 && !note_phrase && header_words) best = cell_of(b.cx());
    if (best < 0 && !note_phrase) {
      double best_d = 1e9;
      for (size_t c = 0; c < cols.size(); ++c) {
        double d = std::abs((cols[c].x0 + cols[c].x1) / 2 - b.cx());
        double limit = std::max(lp.header_snap_min_pt, lp.header_snap_widths * (cols[c].x1 - cols[c].x0));
        if (d < best_d && d < limit) {
          best_d = d;
          best = static_cast<int>(c);
        }
      }
    }
    placed.push_back({ph, best});
    if (best >= 0) {
      for (const PWord& p : ph) names[best].push_back(p);
    } else if (b.x1 < (cols.empty() ? 1e9 : cols.front().x0)) {
      for (const PWord& p : ph) *header_label += (header_label->empty() ? "" : " ") + p.w->text;
    }
  }
  std::set<std::pair<size_t, const Word*>> lent = SpreadSpanningKinds(cols, right_aligned, &names);
  for (const auto& l : SpreadSpanningYears(lp, &names)) lent.insert(l);
  for (const auto& l : SpreadMergedCells(cols, right_aligned, placed, lp, &names)) lent.insert(l);
  std::vector<Column> named;
  std::deque<Word> joined_words;  // the joined halves of kinds broken in their cells; PWords point here
  for (size_t c = 0; c < cols.size(); ++c) {
    std::vector<PWord>& ws = names[c];
    std::sort(ws.begin(), ws.end(), [&lp](const PWord& a, const PWord& b) {
      if (a.order != b.order) return a.order < b.order;
      if (!OnOneLine(a.w->box, b.w->box, lp.same_line_pt)) return a.w->box.y0 < b.w->box.y0;
      return a.w->box.x0 < b.w->box.x0;
    });
    // The kind word leads ("Totalt 2019-2022", not "2019-2022 Totalt"), so
    // a header whose years row stands above its kinds row reads the same.
    if (!ws.empty() && RE2::PartialMatch(ws.front().w->text, "^(19|20)\\d\\d"_re))
      std::stable_partition(ws.begin(), ws.end(), [](const PWord& p) {
      return RE2::FullMatch(StripPunct(p.w->text), "(?i)(utfall|budget|plan|prognos|avvikelse|återstår|aterstar|totalt|bokslut)"_re);
    });
    // A kind broken in its narrow cell ("Helårsbud" over "get") is one word.
    static const RE2 kCompound("(?i)(hel)?(års|ars)?(budget|prognos|utfall)(ram)?");
    for (size_t k = 0; k + 1 < ws.size(); ++k) {
      if (!RE2::FullMatch(ws[k + 1].w->text, "[a-zåäö]{1,6}"_re) ||
          !RE2::FullMatch(ws[k].w->text + ws[k + 1].w->text, kCompound) || RE2::FullMatch(ws[k].w->text, kCompound))
        continue;
      joined_words.push_back(*ws[k].w);
      joined_words.back().text += ws[k + 1].w->text;
      joined_words.back().box.Extend(ws[k + 1].w->box);
      ws[k].w = &joined_words.back();
      ws.erase(ws.begin() + static_cast<std::ptrdiff_t>(k) + 1);
    }
    for (const PWord& p : ws) {
      cols[c].header += (cols[c].header.empty() ? "" : " ") + p.w->text;
      if (!lent.count({c, p.w})) cols[c].x0 = std::min(cols[c].x0, p.w->box.x0);
    }
    TableColumn parsed = ParseColumnHeader(cols[c].header, "årsredovisning");
    // A column of numbers without a header (a misaligned row, a stray
    // figure) is kept as "orphan": its numbers are placed by order.
    // ("Innevarande år" names a value column: InterpretGrid dates it.)
    cols[c].text_only = !measures && parsed.kind == ColumnKind::kUnknown && !cols[c].header.empty() &&
                        !IsAmountWordHeader(cols[c].header) && RelativeYear(cols[c].header, 2000) == 0;
    named.push_back(cols[c]);
  }
  // Text columns to the right (Kommentarer) have header words but no
  // numbers; add them so their words are not read as prose.
  return named;
}

std::string FindTitle(const std::vector<Band>& bands, size_t header, const LayoutParams& lp) {
  std::string nearest;
  for (size_t k = 1; k <= static_cast<size_t>(lp.title_max_bands) && k <= header; ++k) {
    const Band& b = bands[header - k];
    if (bands[header].box.y0 - b.box.y1 > lp.title_max_gap_pt) break;
    // Below the header: the page's other column (SplitSideBySide).
    if (b.box.y0 > bands[header].box.y0) break;
    std::string t = b.Text();
    if (t.empty()) continue;
    // A row of column kinds is header, never the caption.
    if (IsKindsBand(b, 0)) continue;
    // A row of figures is the table above ("4. Steg 1 till arbete … 1 100
    // 000"): nothing above it captions this one.
    int figures = 0;
    for (const PWord& p : b.words)
      figures += RE2::FullMatch(p.w->text, "[-−–(]?\\d{3}\\)?|[-−–(]?\\d{1,3}(?:[ \\x{00a0}]\\d{3})+\\)?"_re) &&
                 !IsYearToken(StripPunct(p.w->text));
    if (figures >= 2) break;
    if (nearest.empty() && t.size() < lp.title_max_chars && t.back() != '.') nearest = t;
    if (IsTableHeading(t) && (t.back() != '.' || IsNumberedHeading(t))) return t;
    if (!nearest.empty() && k > static_cast<size_t>(lp.title_near_bands)) break;
  }
  return nearest;
}

bool IsContinuation(const std::string& prev, const std::string& next) {
  if (prev.empty() || next.empty()) return false;
  unsigned char c = next[0];
  bool lower = (c >= 'a' && c <= 'z') || next.rfind("å", 0) == 0 || next.rfind("ä", 0) == 0 || next.rfind("ö", 0) == 0;
  char last = prev.back();
  static const RE2 kOpenEnd("(?i)(^|\\s)(och|samt|från|fran|till|för|for|av|med|inom|i|på|pa|vid|mot|per|utan)$");
  // After a preposition only a broken word ("Bidrag från" / "Försäkrings-")
  // is sure to continue: a capitalised line there is as often a heading of
  // its own ("… ingår mark med" / "Taxeringsvärde").
  bool broken_word = next.size() > 1 && next.back() == '-' && next.find(' ') == std::string::npos;
  // A line that is only a unit ("Lån per kvm boarea och lokalarea" /
  // "(kr)  7 535  7 579"): the unit of the label above, never a row.
  static const RE2 kUnitOnly(
      "^\\(?\\s*(kr|tkr|mkr|mnkr|sek|tsek|ksek|msek|%|kr ?/ ?(kvm|m2|m²)|kvm|m2|m²|st|antal)\\s*\\)?[.:]?$");
  if (RE2::FullMatch(FoldKey(next), kUnitOnly)) return true;
  return lower || last == '/' || last == '-' || last == ',' || FoldKey(prev).ends_with(" och") ||
         (broken_word && RE2::PartialMatch(prev, kOpenEnd));
}

// Joins a wrapped label's next line: after "/" or a word hyphen without a
// space ("Försäkrings-" + "kassan"), else with one.
void AppendLabelLine(std::string* label, const std::string& next) {
  bool tight = !label->empty() && (label->back() == '/' || (label->back() == '-' && label->size() > 1 &&
                                                             (*label)[label->size() - 2] != ' '));
  *label += (label->empty() || tight ? "" : " ") + next;
}

// Joins words in reading order: lines top to bottom, words left to right;
// a line ending in "/" or a hyphen joins the next without a space.
std::string JoinReading(std::vector<PWord> ws, const LayoutParams& lp) {
  std::sort(ws.begin(), ws.end(), [&lp](const PWord& a, const PWord& b) {
    // A small box whose centre lies inside the taller one's height is on its
    // line: OCR's reading of a speck or a dash beside a word ("os" at 0.11
    // between "Övriga intäkter" and its figures) is no line above it.
    const Box& tall = a.w->box.height() >= b.w->box.height() ? a.w->box : b.w->box;
    const Box& small = a.w->box.height() >= b.w->box.height() ? b.w->box : a.w->box;
    const bool inside = small.cy() > tall.y0 && small.cy() < tall.y1 && small.height() < 0.5 * tall.height();
    if (!inside && std::abs(a.w->box.cy() - b.w->box.cy()) >
                       lp.reading_line_heights * std::min(a.w->box.height(), b.w->box.height()))
      return a.w->box.cy() < b.w->box.cy();
    return a.w->box.x0 < b.w->box.x0;
  });
  std::string s;
  for (const PWord& p : ws) {
    if (!s.empty() && s.back() != '/' && !(s.back() == '-' && s.size() > 1 && s[s.size() - 2] != ' ')) s += ' ';
    s += p.w->text;
  }
  return s;
}


struct TableShape {
  std::vector<Column> cols;      // all columns, left to right (headed and orphan)
  std::vector<int> headed;       // indices into cols of named value/note columns
  double first_headed_x0 = 0;
  double comment_x0 = 1e9;       // words at or right of this belong to a comments column
  // Left edge (points) of a side column the header names between the label
  // column and the values ("Medlem    Andel, %    Budget 2026",
  // "Insats    Målgrupp    Budget 2026"): its text or counts are no part
  // of a row's label. 1e9 = none.
  double side_x0 = 1e9;
  // Continuation pages whose figures stand elsewhere (see ContinuationShapes):
  // page number → the columns there. Not owned; null or absent page = `cols`.
  const std::map<int, TableShape>* by_page = nullptr;
};

// How far left of a side column's edge a word may start and still be the
// side column's: a text layer's slack, or on OCR words their height (a
// speck or a dash read onto the word's left, "-Arbetsförmedlingen").
double SideEdgeSlack(const Word& w, const LayoutParams& lp) {
  return w.confidence < 1 ? std::max(lp.edge_slack_pt, w.box.height()) : lp.edge_slack_pt;
}

// The shape a band of page `page` is read with.
const TableShape& ShapeOn(const TableShape& shape, int page) {
  if (shape.by_page) {
    auto it = shape.by_page->find(page);
    if (it != shape.by_page->end()) return it->second;
  }
  return shape;
}

// An OCR word of up to three letters set far right of the label's text on
// its line, in the label area: a note number OCR read as letters ("WO" for
// "10", "T" for "7") where the header's Not was lost, or specks OCR read as
// a word ("es" at 0.09, 128 px after "Vägen ut", with `">` after it).
// Dropped from the label, the last first, as long as the last is such a
// word; the band's raw text keeps them. Far = a gap wider than three times
// the word's height (words of a label stand a space apart). Also a last
// word read with next to no confidence (under 0.15) and less than half as
// tall as the label's other words: a rule's scrap ("et", 3 px high).
void DropStrayNoteMark(std::vector<PWord>* label) {
  while (label->size() >= 2) {
    auto last = std::max_element(label->begin(), label->end(),
                                 [](const PWord& a, const PWord& b) { return a.w->box.x0 < b.w->box.x0; });
    const Word& w = *last->w;
    if (w.confidence >= 1 || HasDigit(w.text) || CodePointCount(w.text) > 3) return;  // OCR words only
    double prev_x1 = -1, tallest = 0;
    for (const PWord& p : *label) {
      if (p.w == &w || p.w->box.x1 > w.box.x0) continue;
      tallest = std::max(tallest, p.w->box.height());
      if (std::min(p.w->box.y1, w.box.y1) - std::max(p.w->box.y0, w.box.y0) <= 0) continue;  // another line
      prev_x1 = std::max(prev_x1, p.w->box.x1);
    }
    const bool far = prev_x1 >= 0 && w.box.x0 - prev_x1 > 3 * std::max(w.box.height(), 1.0);
    const bool scrap = w.confidence < 0.15f && tallest > 0 && w.box.height() < 0.5 * tallest;
    if (!far && !scrap) return;
    label->erase(last);
  }
}

// A per-cent sign set apart after its figure on the line ("64 %" under
// "Förbrukat", w41) joins that figure's chunk, so that the cell reads as a
// share; false when no figure stands just before it.
bool JoinPercentSign(const PWord& sign, std::vector<Chunk>* chunks) {
  for (Chunk& c : *chunks) {
    const double gap = sign.w->box.x0 - c.box.x1;
    if (gap < 0 || gap > c.box.height() ||
        std::min(c.box.y1, sign.w->box.y1) - std::max(c.box.y0, sign.w->box.y0) <= 0)
      continue;
    c.words.push_back(sign);
    c.box.Extend(sign.w->box);
    return true;
  }
  return false;
}

// Makes a GridRow from a band; returns false if the band is prose that ends
// the table (a line without figures of more than `max_label_words` words,
// or a sentence).
bool BandToRow(const Band& band, const TableShape& shape, const LayoutParams& lp, GridRow* out, bool* label_only,
               int max_label_words = 8) {
  const std::vector<Column>& cols = shape.cols;
  std::vector<PWord> label;
  std::vector<Chunk> chunks;
  for (Chunk& c : NumberChunks(band, 0, lp))
    if (c.box.x0 < shape.comment_x0 - lp.edge_slack_pt) chunks.push_back(std::move(c));
  std::vector<std::vector<const Chunk*>> cells(cols.size());
  std::vector<const Chunk*> orphans;
  std::set<const Word*> in_chunk;
  for (const Chunk& c : chunks)
    for (const PWord& p : c.words) in_chunk.insert(p.w);
  int intruders = 0, nil_words = 0, side_words = 0;
  for (const PWord& p : band.words) {
    if (in_chunk.count(p.w)) continue;
    if (p.w->box.x0 >= shape.comment_x0 - lp.edge_slack_pt) continue;
    if (p.w->box.x0 >= shape.side_x0 - SideEdgeSlack(*p.w, lp) && p.w->box.x1 <= shape.first_headed_x0) {
      ++side_words;
      continue;  // a side column's text ("Unga vuxna 16–29 år" under Målgrupp)
    } else if (p.w->box.x1 <= shape.first_headed_x0 + lp.edge_slack_pt || p.w->box.cx() < shape.first_headed_x0) {
      label.push_back(p);
    } else if (p.w->text == "%" && JoinPercentSign(p, &chunks)) {
      // (The figure's: a share, no amount.)
    } else if (p.w->text.size() <= 3 && IsNumericToken(p.w->text) == false && !label.empty()) {
      // OCR debris or a damaged digit next to numbers ("J", "|"): ignored
      // here; the number-repair stage sees the cell's raw text.
    } else if (RE2::FullMatch(FoldKey(StripPunct(p.w->text)), "(inga|ingen|inget)"_re)) {
      // "Ställda säkerheter  Inga  Inga": a value cell that says "none".
      // The row states its values (no amount), so it is no line of the
      // label above it.
      ++nil_words;
    } else {
      ++intruders;
    }
  }
  if (intruders >= 3) return false;
  if (label.empty() && chunks.empty()) {
    *label_only = true;
    out->label.clear();
    out->cells.clear();
    return true;  // only comment-column text: not a row, not the end
  }
  // A figure a space after the label's text on its line, left of every
  // headed column, is part of the label ("Soliditet, 20": OCR's reading of
  // "%"), even where it set up a column of its own without a header.
  auto glued_to_label = [&label](const Chunk& c) {
    for (const PWord& p : label) {
      const Box& b = p.w->box;
      double gap = c.box.x0 - b.x1;
      if (std::min(b.y1, c.box.y1) - std::max(b.y0, c.box.y0) > 0 && gap >= 0 && gap < 1.5 * c.box.height())
        return true;
    }
    return false;
  };
  // A number before the label's words, left of the headed columns ("1.1
  // Statlig medlemsavgift", "3 Resultat"): the row's number in an outline
  // or code column, part of the label (InterpretGrid takes it off).
  double label_x0 = 1e9;
  for (const PWord& p : label) label_x0 = std::min(label_x0, p.w->box.x0);
  for (const Chunk& c : chunks) {
    // A side column's figures ("9,6" under Andel, %): no label, no value.
    if (c.box.x0 >= shape.side_x0 - lp.edge_slack_pt && c.box.x1 < shape.first_headed_x0) continue;
    if ((c.box.x1 <= cols.front().x0 - lp.label_number_slack_pt && c.box.x1 < shape.first_headed_x0) ||
        (c.box.x1 <= label_x0 && c.box.x1 < shape.first_headed_x0 && c.words.size() == 1) ||
        (c.box.x1 < shape.first_headed_x0 && (!ParseSwedishNumber(c.Text()) || glued_to_label(c)))) {
      for (const PWord& p : c.words) label.push_back(p);  // "Trisam 2.0", "Upp till 2 år"
      continue;
    }
    int best = -1;
    double best_ov = 0;
    for (size_t k = 0; k < cols.size(); ++k) {
      double ov = std::min(cols[k].x1, c.box.x1) - std::max(cols[k].x0, c.box.x0);
      if (ov > best_ov) {
        best_ov = ov;
        best = static_cast<int>(k);
      }
    }
    if (best < 0) {
      double best_d = 1e9;
      for (size_t k = 0; k < cols.size(); ++k) {
        double d = std::abs((cols[k].x0 + cols[k].x1) / 2 - c.box.cx());
        if (d < best_d) {
          best_d = d;
          best = static_cast<int>(k);
        }
      }
    }
    if (cols[best].text_only) continue;
    if (cols[best].header.empty()) {
      orphans.push_back(&c);
    } else {
      cells[best].push_back(&c);
    }
  }
  DropStrayNoteMark(&label);
  GridRow row;
  row.cells.resize(shape.headed.size());
  row.prov.page = band.page;
  row.prov.line_index = band.first_line;
  Box lb;
  double conf = 1.0;
  for (const PWord& p : label) {
    lb.Extend(p.w->box);
    conf = std::min<double>(conf, p.w->confidence);
  }
  row.label = JoinReading(label, lp);
  row.prov.box = lb.empty() ? band.box : lb;
  row.prov.raw_text = band.Text();
  row.prov.confidence = conf;
  bool any_headed = false;
  for (const auto& v : cells) any_headed |= !v.empty();
  // A row printed off the grid (its numbers under no header) whose count of
  // numbers matches the value columns is placed by order, less confidently.
  int value_cols = 0;
  for (int h : shape.headed) value_cols += !IsNoteWord(cols[h].header);
  double placed_conf = 1.0;
  if (!any_headed && !orphans.empty() && static_cast<int>(orphans.size()) == value_cols) {
    int o = 0;
    for (int h : shape.headed)
      if (!IsNoteWord(cols[h].header)) cells[h].push_back(orphans[o++]);
    placed_conf = 0.8;
  }
  bool any = false;
  for (size_t hi = 0; hi < shape.headed.size(); ++hi) {
    const auto& cs = cells[shape.headed[hi]];
    if (cs.empty()) continue;
    GridCell& gc = row.cells[hi];
    gc.present = true;
    std::vector<PWord> ws;
    for (const Chunk* c : cs)
      for (const PWord& p : c->words) ws.push_back(p);
    Box cb;
    double cconf = 1.0;
    int line = ws.front().line_index;
    for (const PWord& p : ws) {
      cb.Extend(p.w->box);
      cconf = std::min<double>(cconf, p.w->confidence);
      line = std::min(line, p.line_index);
    }
    // A figure wrapped after its decimal comma ("712," over "5") or inside
    // its decimals ("4,44" over "3") joins without a space.
    const Chunk* prev = nullptr;
    for (const Chunk* c : cs) {
      // Only a lower line continues the decimals: "12, 18" on one line is
      // a list (two note references).
      bool lower = prev && c->box.y0 >= prev->box.y1 - 1;
      bool tail = lower && (gc.text.back() == ',' || gc.text.back() == '.' || RE2::FullMatch(gc.text, "[-−–]"_re) ||
                            (RE2::PartialMatch(gc.text, "(^|\\s)[-−–]?\\d+,\\d+$"_re) &&
                             RE2::FullMatch(c->Text(), "\\d{1,3}"_re)));
      gc.text += (gc.text.empty() || tail ? "" : " ") + c->Text();
      prev = c;
    }
    // OCR's other readings of the cell's words (Word::readings), each with
    // the others as read: only where the cell is its words joined by
    // spaces.
    {
      std::string joined;
      for (const PWord& p : ws) joined += (joined.empty() ? "" : " ") + p.w->text;
      if (joined == gc.text) {
        for (size_t k = 0; k < ws.size(); ++k)
          for (const std::string& r : ws[k].w->readings) {
            std::string alt;
            for (size_t j = 0; j < ws.size(); ++j) alt += (j ? " " : "") + (j == k ? r : ws[j].w->text);
            if (alt != gc.text && gc.readings.size() < 8 &&
                std::find(gc.readings.begin(), gc.readings.end(), alt) == gc.readings.end())
              gc.readings.push_back(std::move(alt));
          }
      }
    }
    // A figure broken over lines in its narrow cell, printed without
    // thousands spaces or broken inside a group ("133" / "200" / "00",
    // "13 4" / "01"): the digits as one run, when only that reads as a
    // number.
    // Each line of the cell must read as such a piece: the first a run of
    // digits or groups ending in a broken one ("13 4"), the others one run
    // each; two columns' figures OCR set in one cell ("6660 6660" over "000
    // 000") are no such figure.
    if (cb.height() > 1.5 * ws.front().w->box.height() && !ParseSwedishNumber(gc.text)) {
      std::map<int, std::vector<const Word*>> by_line;
      for (const PWord& p : ws) by_line[p.line_index].push_back(p.w);
      bool pieces = by_line.size() >= 2;
      bool first_line = true;
      for (auto& [line, words] : by_line) {
        std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) { return a->box.x0 < b->box.x0; });
        std::string text;
        for (const Word* w : words) text += (text.empty() ? "" : " ") + w->text;
        // (A minus sign wrapped alone onto the first line leaves the first
        // digits to the next: "–" / "1361" / "6".)
        const bool lone_sign = first_line && RE2::FullMatch(text, "[-−–]"_re);
        pieces = pieces && (first_line ? lone_sign || RE2::FullMatch(text, "[-−–]?\\d+|[-−–]?\\d{1,3}( \\d{3})* \\d{1,2}"_re)
                                       : RE2::FullMatch(text, "\\d+"_re));
        first_line = lone_sign;
      }
      std::string run = gc.text;
      run.erase(std::remove(run.begin(), run.end(), ' '), run.end());
      // (At most twelve digits: no amount printed in kronor runs longer.)
      if (pieces && RE2::FullMatch(run, "[-−–]?\\d{1,12}"_re) && ParseSwedishNumber(run)) gc.text = run;
    }
    gc.prov.page = band.page;
    gc.prov.box = cb;
    gc.prov.line_index = line;
    gc.prov.raw_text = gc.text;
    gc.prov.confidence = cconf * placed_conf;
    row.raw_numbers += (row.raw_numbers.empty() ? "" : " ") + gc.text;
    any = true;
  }
  *label_only = !any && nil_words == 0;
  // Figures left under no headed column beside placed ones (a head broken
  // off a figure wrapped in its narrow cell, "6" of "6 93" over "8"):
  // nothing silent, the row's figures are a guess until the sums clear it.
  // (Only among the value columns: a note reference left of them, "5, 6",
  // is none of their figures'.)
  // (Nor is a second reference beside a Not column's, "5, 6".)
  bool note_column = false;
  for (int h : shape.headed) note_column = note_column || IsNoteWord(cols[h].header);
  // Two note references in the Not column's cell ("Kortfristiga skulder"
  // beside "7, 8", w47): a long label column's edge may take in the first
  // or both; they are the Not cell's, never words of the label.
  if (note_column) {
    std::string head, refs;
    for (size_t c = 0; c < shape.headed.size() && c < row.cells.size(); ++c) {
      if (!IsNoteWord(cols[shape.headed[c]].header)) continue;
      GridCell& note = row.cells[c];
      if (!note.present && RE2::FullMatch(row.label, "(.*\\pL\\S*)\\s+(\\d{1,2},\\s*\\d{1,2})"_re, &head, &refs)) {
        row.label = head;
        note.present = true;
        note.text = refs;
        note.prov.page = band.page;
        note.prov.box = band.box;
        note.prov.raw_text = refs;
      } else if (note.present && RE2::FullMatch(note.text, "\\d{1,2}"_re) &&
                 RE2::FullMatch(row.label, "(.*\\pL\\S*)\\s+(\\d{1,2},)"_re, &head, &refs)) {
        row.label = head;
        note.text = refs + " " + note.text;
        note.prov.raw_text = note.text;
      }
    }
  }
  std::vector<const Chunk*> among;
  for (const Chunk* o : orphans)
    if (o->box.x0 >= shape.first_headed_x0 - lp.edge_slack_pt &&
        !(note_column && RE2::FullMatch(o->Text(), "\\d{1,2}[,;]?"_re)))
      among.push_back(o);
  if (any && !among.empty() && placed_conf == 1.0) {
    row.doubt_rule = "layout.unplaced";
    row.doubt = "figures of the line stand under no column ('";
    for (size_t k = 0; k < among.size(); ++k) row.doubt += (k ? "', '" : "") + among[k]->Text();
    row.doubt += "'): a figure may have lost part of itself";
  }
  if (!any && row.label.empty() && side_words > 0 && intruders == 0) {
    // The next line of a side column's cell wrapped in its narrow column
    // ("Helsingborgs" over "stad" under Huvudman), the row's label whole
    // above it: not a row, not the end.
    *label_only = true;
    out->label.clear();
    out->cells.clear();
    return true;
  }
  if (!any) {
    int words = static_cast<int>(label.size());
    if (words > max_label_words || (!row.label.empty() && row.label.back() == '.' && words > 3)) return false;
    if (row.label.empty()) return false;
    if (IsTableHeading(row.label) && IsNumberedHeading(row.label)) return false;
  }
  *out = std::move(row);
  return true;
}

bool IsSectionLabel(const std::string& s) {
  static const RE2 kSection(
      "^(intakter|kostnader|tillgangar|eget kapital och skulder|skulder|finansiella poster|"
      "(den )?lopande verksamheten|investeringsverksamheten|finansieringsverksamheten)$");
  return s.empty() || RE2::FullMatch(FoldKey(StripPunct(s)), kSection);
}

bool BandHasNumbers(const Band& b, double from_x) {
  for (const PWord& p : b.words)
    if (p.w->box.x0 >= from_x && IsNumericToken(p.w->text)) return true;
  return false;
}

// Whether the body's rows keep a side column's left edge `side_x0` (see
// SideColumnX0): no label word runs across it (a note's caption "Not 7
// Övriga ränteintäkter …" over labels that run under it says the header's
// gap is no column), and in most rows with figures the label stands left
// of it (where labels start at that edge, the first phrase was a caption's,
// "Not 7" in a margin). Bands without figures there (a sentence under the
// table) are no rows.
bool BodyKeepsSideColumn(const std::vector<const Band*>& bands, double side_x0, const LayoutParams& lp) {
  if (side_x0 >= 1e9) return false;
  int labelled = 0, left_of_side = 0;
  for (const Band* b : bands) {
    if (!BandHasNumbers(*b, side_x0)) continue;
    bool left = false, any = false;
    for (const PWord& p : b->words) {
      if (p.w->box.x0 < side_x0 - SideEdgeSlack(*p.w, lp) && p.w->box.x1 > side_x0 + lp.edge_slack_pt) return false;
      if (IsNumericToken(p.w->text)) continue;
      any = true;
      left = left || p.w->box.x1 <= side_x0 - lp.edge_slack_pt;
    }
    labelled += any;
    left_of_side += left;
  }
  return 2 * left_of_side >= labelled;
}

// Two tables, or a table and a paragraph, set side by side in the two
// columns of a newspaper-style section (w29: member fees beside insatser,
// an equity table beside prose): each band then holds words of both, and
// the reader would read the right one's label and figures as more cells of
// the left one's rows. A run of bands that one vertical gutter divides is
// split there, and the left column's bands are read before the right
// column's; a reader stops at a band above the one it read last (another
// column). A split needs
//   - a gutter at least side_gutter_min_pt wide that no word of the run
//     crosses, with three bands or more whose right part starts with a word
//     of letters at one left edge (the column's margin);
//   - a table on one side at least (its parts end in a figure on two bands
//     or more, under a header of its own: years or kinds) and a table or
//     prose on the other (prose: three parts of four words or more that
//     fill their column). Prose beside prose is left as it is.
// So a table's text column beside its label column ("Insats | Huvudman
// Målgrupp Budget"), whose label side ends in no figure, is no split, nor a
// comments column headed as one (IsCommentHeader) beside the figures.
// Bands outside such runs keep their order.
// Bands before `from` are left as they are (a run split already).
void SplitSideBySide(std::vector<Band>* bands, const LayoutParams& lp, size_t from = 0) {
  auto starts_with_letters = [](const PWord& p) {
    return RE2::PartialMatch(p.w->text, "^[\"'(«]?\\pL\\pL"_re);
  };
  // Candidate right edges: the left edge of a word of letters after a gap
  // as wide as a gutter.
  // Or, at any gap, where a header line names the same heads twice with a
  // label's head between them ("Intäkter  Budget 2027  Kostnader  Budget
  // 2027", w39: a budget set as a T-account, income on the left and costs
  // on the right of one table, whose halves touch).
  std::vector<std::pair<double, double>> edges;  // (edge, gutter)
  for (size_t k = from; k < bands->size(); ++k)
    for (size_t i = 1; i < (*bands)[k].words.size(); ++i) {
      const Band& b = (*bands)[k];
      if (b.words[i].w->box.x0 - b.words[i - 1].w->box.x1 >= lp.side_gutter_min_pt && starts_with_letters(b.words[i]))
        edges.push_back({b.words[i].w->box.x0, lp.side_gutter_min_pt});
    }
  for (size_t k = from; k < bands->size(); ++k) {
    const Band& b = (*bands)[k];
    for (size_t i = 2; i + 1 < b.words.size(); ++i) {
      const std::string& t = b.words[i].w->text;
      if (!starts_with_letters(b.words[i]) || IsHeaderToken(StripPunct(t)) || IsHeaderishWord(t) ||
          !IsYearToken(StripPunct(b.words[i - 1].w->text)))
        continue;
      Band left, right;
      left.words.assign(b.words.begin(), b.words.begin() + static_cast<long>(i));
      right.words.assign(b.words.begin() + static_cast<long>(i), b.words.end());
      const int hl = HeaderStart(left), hr = HeaderStart(right);
      if (hl < 1 || hr < 1 || left.words.size() - hl != right.words.size() - hr) continue;
      bool same = true;
      for (size_t j = 0; j + hl < left.words.size() && same; ++j)
        same = FoldKey(left.words[hl + j].w->text) == FoldKey(right.words[hr + j].w->text);
      if (same) edges.push_back({b.words[i].w->box.x0, std::min(lp.side_gutter_min_pt, 1.0)});
    }
  }
  std::sort(edges.begin(), edges.end());
  std::vector<double> tried;
  for (const auto& candidate : edges) {
    // (Plain copies: a lambda below uses them, and clang before 16 cannot
    // capture a structured binding.)
    const double edge = candidate.first, gutter = candidate.second;
    if (std::any_of(tried.begin(), tried.end(), [&](double t) { return std::abs(t - edge) <= lp.side_edge_pt; })) continue;
    tried.push_back(edge);
    // Per band: -1 a word crosses the gutter, 0 one-sided, 1 two-sided with
    // its right part at the edge, 2 a right part elsewhere.
    auto shape = [&](const Band& b) {
      bool left = false, right = false, at_edge = false;
      for (const PWord& p : b.words) {
        if (p.w->box.x1 <= edge - gutter) {
          left = true;
        } else if (p.w->box.x0 >= edge - lp.side_edge_pt) {
          if (!right) at_edge = std::abs(p.w->box.x0 - edge) <= lp.side_edge_pt && starts_with_letters(p);
          right = true;
        } else {
          return -1;
        }
      }
      if (!right) return 0;
      if (!at_edge) return 2;
      return left ? 1 : 0;
    };
    const size_t n = bands->size();
    for (size_t i = from; i < n; ++i) {
      if (shape((*bands)[i]) != 1) continue;
      // The run: from this two-sided band down while no word crosses the
      // gutter and every right part stands at the edge.
      size_t end = i;
      int two_sided = 0;
      size_t last_two_sided = i;
      while (end < n) {
        const int sh = shape((*bands)[end]);
        if (sh < 0 || sh == 2) break;
        two_sided += sh == 1;
        if (sh == 1) last_two_sided = end;
        ++end;
      }
      // (A T-account's halves end with its last row of both: what follows
      // on the left alone is below the table, a caption of the next one.)
      if (gutter < lp.side_gutter_min_pt) end = last_two_sided + 1;
      size_t begin = i;
      while (begin > from) {
        const int sh = shape((*bands)[begin - 1]);
        if (sh < 0 || sh == 2) break;
        --begin;
      }
      if (two_sided < 3) {
        i = end;
        continue;
      }
      // Each side's words banded afresh: a band of both sides may have
      // joined two lines of one side through a line of the other between
      // them ("2026 2027" and the first row on the left, by "Insats Budget
      // Budget" on the right).
      std::vector<PWord> left_words, right_words;
      for (size_t k = begin; k < end; ++k)
        for (const PWord& p : (*bands)[k].words)
          (p.w->box.x0 >= edge - lp.side_edge_pt ? right_words : left_words).push_back(p);
      const int page_number = (*bands)[begin].page;
      std::vector<Band> lefts = BandWords(std::move(left_words), page_number, lp);
      std::vector<Band> rights = BandWords(std::move(right_words), page_number, lp);
      auto side = [&](const std::vector<Band>& parts, int* figures, int* prose, bool* header) {
        double x0 = 1e9, x1 = -1e9;
        for (const Band& b : parts) {
          x0 = std::min(x0, b.box.x0);
          x1 = std::max(x1, b.box.x1);
        }
        for (const Band& b : parts) {
          // (A year or a period of years that ends a line of prose or a
          // title is no figure.)
          const std::string& last = b.words.back().w->text;
          const bool year = RE2::FullMatch(StripPunct(last), "(19|20)\\d\\d([-–—]((19|20)?\\d\\d))?"_re) &&
                            (b.words.size() < 2 || !HasDigit(b.words[b.words.size() - 2].w->text));
          *figures += IsNumericToken(last) && HasDigit(last) && !year;
          *prose += b.words.size() >= 4 && b.box.width() >= lp.side_prose_fill * (x1 - x0);
          *header = *header || HeaderStart(b) >= 0 || YearlessKindsHeaderStart(b) >= 0;
        }
      };
      int lfig = 0, lprose = 0, rfig = 0, rprose = 0;
      bool lhead = false, rhead = false;
      side(lefts, &lfig, &lprose, &lhead);
      side(rights, &rfig, &rprose, &rhead);
      const bool comments = !rights.empty() && IsCommentHeader(rights.front().words.front().w->text);
      // A table: figures ending two parts or more, under a header of its own.
      const bool ltable = lfig >= 2 && lhead, rtable = rfig >= 2 && rhead;
      const bool split = !comments && ((ltable && (rtable || rprose >= 3)) || (lprose >= 3 && rtable));
      if (!split) {
        i = end;
        continue;
      }
      std::vector<Band> out(bands->begin(), bands->begin() + static_cast<long>(begin));
      for (Band& b : lefts) out.push_back(std::move(b));
      const size_t resume = out.size() + rights.size();
      for (Band& b : rights) out.push_back(std::move(b));
      for (size_t k = end; k < n; ++k) out.push_back(std::move((*bands)[k]));
      *bands = std::move(out);
      // Go on below the run.
      SplitSideBySide(bands, lp, resume);
      return;
    }
  }
}

// A first column of cells merged down over several rows, a group's name
// beside its rows (w30: "Intäkter" over three rows of a driftredovisning,
// "Göteborgs Stad" over its two insatser, "Tillgångar" over a balance
// sheet's assets). Its text stands on one row's line (a top-aligned cell)
// or between two rows (a centred one, whose word then joins both rows'
// bands), and would be read as the start of that row's label ("Intäkter
// Övriga intäkter") or merge two rows ("Kansli Kostnader Styrelse och
// revision"). Such words are set aside (as bands of their own after the
// page's others), and the bands they joined are banded afresh. A word is
// one when, left of the labels' common left edge L2 (the first word of
// three bands with figures or more, none left of it), it starts a band's
// label area ending kGroupGapPt or more before L2 and either the next word
// on its line starts at L2 a column's gap after it (kColumnGapPt or a line's
// height), or it is alone on its line in a band with a row starting at L2,
// or alone in a band between two such rows. The group words of a page start at one
// left edge, and rows with an empty group cell (starting at L2) must be
// there too; indented sub-rows under full-width ones are no group column
// (their main rows' next word follows at a word space, not at L2).
void SetAsideGroupColumn(std::vector<Band>* bands, const LayoutParams& lp) {
  constexpr double kGroupGapPt = 4;
  constexpr double kColumnGapPt = 8;
  constexpr double kMinIndentPt = 20;
  // Left edges within this are one (OCR boxes hug the ink of a scan
  // deskewed by a fraction of a degree).
  const double edge_pt = 2 * lp.side_edge_pt;
  auto has_figure = [](const PWord& p) { return IsNumericToken(p.w->text) && HasDigit(p.w->text); };
  auto label_end = [&](const Band& b) {
    for (const PWord& p : b.words)
      if (has_figure(p)) return p.w->box.x0;
    return 1e9;
  };
  // The words of band b on p's line.
  auto line_of = [&](const Band& b, const PWord& p) {
    std::vector<const PWord*> line;
    for (const PWord& q : b.words)
      if (OnOneLine(q.w->box, p.w->box, lp.same_line_pt)) line.push_back(&q);
    return line;
  };
  // Candidate L2: left edges of words of letters that start their line's
  // label or stand a gutter after a word left of them, in three bands with
  // figures or more.
  std::vector<double> starts;
  for (const Band& b : *bands) {
    const double end = label_end(b);
    if (end >= 1e9) continue;
    for (const PWord& p : b.words) {
      if (p.w->box.x1 > end || has_figure(p) || !RE2::PartialMatch(p.w->text, "^\\pL"_re)) continue;
      bool starts_here = true;
      for (const PWord* q : line_of(b, p))
        if (q->w->box.x1 <= p.w->box.x0 && p.w->box.x0 - q->w->box.x1 < kGroupGapPt) starts_here = false;
      if (starts_here) starts.push_back(p.w->box.x0);
    }
  }
  std::sort(starts.begin(), starts.end());
  for (size_t a = 0; a < starts.size();) {
    size_t z = a;
    while (z < starts.size() && starts[z] - starts[a] <= edge_pt) ++z;
    const double l2 = starts[a];
    const bool enough = z - a >= 3;
    a = z;
    if (!enough) continue;
    auto at_l2 = [&](const PWord& p) { return p.w->box.x0 >= l2 - 1 && p.w->box.x0 <= l2 + edge_pt; };
    std::set<const Word*> group;
    // A band of its own between two rows starting at L2 (a centred group
    // cell that overlaps neither enough to join it), all of it left of L2.
    auto row_at_l2 = [&](size_t k) {
      return k < bands->size() && !(*bands)[k].words.empty() && at_l2((*bands)[k].words.front()) &&
             label_end((*bands)[k]) < 1e9;
    };
    for (size_t k = 1; k + 1 < bands->size(); ++k) {
      const Band& b = (*bands)[k];
      // (Ending before L2 is enough: a label's wrapped line starts at L2. A
      // long group name comes within a point or two of it: w30's scan.)
      if (label_end(b) < 1e9 || b.box.x1 > l2 - 1 || !row_at_l2(k - 1) || !row_at_l2(k + 1)) continue;
      if (!RE2::PartialMatch(b.Text(), "\\pL"_re) || HasDigit(b.Text()) || b.words.size() > 4) continue;
      for (const PWord& p : b.words) group.insert(p.w);
    }
    for (const Band& b : *bands) {
      const double end = label_end(b);
      if (end >= 1e9) continue;  // a band of a table: it holds figures
      for (size_t i = 0; i < b.words.size(); ++i) {
        const PWord& p = b.words[i];
        if (p.w->box.x0 > l2 - kMinIndentPt || p.w->box.x1 > l2 - 1 || p.w->box.x1 > end) continue;
        if (!RE2::PartialMatch(p.w->text, "\\pL"_re) || HasDigit(p.w->text)) continue;
        // The phrase on p's line left of L2 and what follows it there.
        const PWord* next = nullptr;
        std::vector<const PWord*> phrase;
        for (const PWord& q : b.words) {
          if (!OnOneLine(q.w->box, p.w->box, lp.same_line_pt)) continue;
          if (q.w->box.x1 <= l2 - 1) {
            phrase.push_back(&q);
          } else if (!next || q.w->box.x0 < next->w->box.x0) {
            next = &q;
          }
        }
        // (The phrase ends a column's gutter before L2, wider than a word
        // space: "Summa  intäkter" a word space apart is one label.)
        double phrase_x1 = 0;
        for (const PWord* q : phrase) phrase_x1 = std::max(phrase_x1, q->w->box.x1);
        // A row of figures on a line: it starts at L2 and holds a figure.
        auto row_line = [&](const PWord& q) {
          if (!at_l2(q)) return false;
          for (const PWord* r : line_of(b, q))
            if (has_figure(*r)) return true;
          return false;
        };
        bool is_group = next && row_line(*next) && !has_figure(*next) &&
                        next->w->box.x0 - phrase_x1 >= std::max(kColumnGapPt, next->w->box.height());
        if (!next) {  // alone on its line, in a band with a row of figures at L2
          for (const PWord& q : b.words) is_group = is_group || row_line(q);
        }
        // (A group's name is a few words: "Not 1" before a note's title, a
        // numbered heading, and a column of prose are none.)
        const bool name = phrase.size() <= 4 && std::none_of(phrase.begin(), phrase.end(), [](const PWord* q) {
                            return HasDigit(q->w->text);
                          });
        if (is_group && name)
          for (const PWord* q : phrase) group.insert(q->w);
      }
    }
    if (group.empty()) continue;
    // The column is the table's leftmost: words the rule caught further
    // right (a "Summa" of another table whose next word happens to start
    // at this L2) are no part of it.
    {
      double left = 1e9;
      for (const Word* w : group) left = std::min(left, w->box.x0);
      std::set<const Word*> kept;
      for (const Band& b : *bands) {
        for (const PWord& p : b.words) {
          if (!group.count(p.w)) continue;
          // (Kept with its phrase: a group word on a line that a group word
          // at the left edge starts.)
          bool on_line_with_lead = false;
          for (const PWord* q : line_of(b, p))
            on_line_with_lead = on_line_with_lead || (group.count(q->w) && q->w->box.x0 <= left + edge_pt);
          if (on_line_with_lead) kept.insert(p.w);
        }
      }
      group = std::move(kept);
    }
    // One left edge for the group words' lines; rows with an empty group
    // cell besides (lines of figures whose label starts at L2, nothing left
    // of it: a wrapped text cell's second line holds no figure).
    double g0 = 1e9, g1 = -1e9;
    int empty_cells = 0;
    for (const Band& b : *bands) {
      for (const PWord& p : b.words) {
        std::vector<const PWord*> line = line_of(b, p);
        const bool first = std::all_of(line.begin(), line.end(), [&](const PWord* q) {
                             return q->w->box.x0 >= p.w->box.x0;
                           });
        if (!first) continue;
        if (group.count(p.w)) {
          g0 = std::min(g0, p.w->box.x0);
          g1 = std::max(g1, p.w->box.x0);
        } else if (at_l2(p) && std::any_of(line.begin(), line.end(), [&](const PWord* q) {
                     // (A year in a text column's wrapped cell, "Pågår sedan"
                     // over "2024", is no row's figure.)
                     return has_figure(*q) && !RE2::FullMatch(StripPunct(q->w->text), "(19|20)\\d\\d"_re);
                   })) {
          ++empty_cells;
        }
      }
    }
    if (g1 - g0 > edge_pt || empty_cells < 2) continue;
    std::vector<Band> out, aside;
    std::vector<PWord> rest;
    int page_number = bands->front().page;
    auto flush = [&]() {
      for (Band& b : BandWords(std::move(rest), page_number, lp)) out.push_back(std::move(b));
      rest.clear();
    };
    for (Band& b : *bands) {
      const bool touched = std::any_of(b.words.begin(), b.words.end(), [&](const PWord& p) { return group.count(p.w) > 0; });
      if (!touched) {
        flush();
        out.push_back(std::move(b));
        continue;
      }
      std::vector<PWord> mine;
      for (const PWord& p : b.words) (group.count(p.w) ? mine : rest).push_back(p);
      for (Band& g : BandWords(std::move(mine), page_number, lp)) aside.push_back(std::move(g));
    }
    flush();
    for (Band& g : aside) out.push_back(std::move(g));
    *bands = std::move(out);
    SetAsideGroupColumn(bands, lp);  // another table's group column
    return;
  }
}

// A table header: the header band(s) of one table merged, where they lie
// among the page's bands, and the x positions its body is read against.
struct HeaderBlock {
  Band header;                // merged header words, in x order
  size_t begin = 0, end = 0;  // first and last band of the page merged into it
  int start = 0;              // index in header.words of the first header token
  double columns_x0 = 0;      // header words right of this stand over the columns
  double first_x = 0;         // left edge of the first header token
  double comment_x0 = 1e9;    // left edge of a comments column header (Kommentarer), or 1e9
  std::string carried_title;  // caption of a header line carried over from the previous page
  // A table whose rows are years and whose header names measures
  // (TransposedHeader); header words right of label_x1 name columns.
  bool transposed = false;
  double label_x1 = 0;
};

// The bands below a header that belong to its table.
struct TableBody {
  std::vector<const Band*> bands;
  std::vector<bool> is_repeat;  // per band: a repeated section header ("Kostnader 2020 2021")
  size_t end_page = 0;          // page index and band index where reading stopped
  size_t end_band = 0;
};

// A running page header or footer ("Brf Exempel      8 (15)", "Sida 3 av
// 12", "Org.nr 700000-0000" under it): printed in the page's top or bottom
// margin, it is shaped like a table row ("8" and "(15)" under two columns)
// but belongs to no table. A band in the margin is one when it ends in a
// page number (n ≤ m in "n (m)", "n av m", "n/m"; "Sida n") or, not a
// table header, is printed the same in the margin of at least
// `running_min_pages` pages (or of every page of a shorter document, when
// it has words of prose).
// The positioned-word bands of every page (empty for plain-text pages),
// without its running header and footer.
std::vector<std::vector<Band>> PageBands(const Document& doc, const LayoutParams& lp) {
  std::vector<std::vector<Band>> all;
  for (const Page& p : doc.pages) all.push_back(p.unit == BoxUnit::kPoint ? MakeBands(p, lp) : std::vector<Band>{});
  auto in_margin = [&](const Band& b, size_t page) {
    double h = doc.pages[page].height;
    return h > 0 && (b.box.y1 <= lp.running_margin_fraction * h || b.box.y0 >= (1 - lp.running_margin_fraction) * h);
  };
  // The margin text of a band that may repeat: not a table header (one
  // repeated at the top of each page of a long table stays), figures and
  // all ("Årsredovisning 2022 - 2023"; a table row printed the same in the
  // margin of three pages is no row).
  auto repeat_key = [](const Band& b) { return HeaderStart(b) < 0 ? FoldKey(b.Text()) : std::string(); };
  std::map<std::string, std::set<size_t>> pages_of;
  for (size_t pi = 0; pi < all.size(); ++pi)
    for (const Band& b : all[pi])
      if (in_margin(b, pi))
        if (std::string k = repeat_key(b); !k.empty()) pages_of[k].insert(pi);
  // On OCR pages a running line comes out a little different on each page
  // ("finsam Gauland I Verksamhetsplan 2027-2029", "finsam Golland I
  // Verkswnhelsplan 2027 2029", the second shaped like a years header): its
  // letters, when it has words of prose, match another page's margin line
  // within a quarter of their length.
  auto prose_letters = [](const Band& b) {
    std::string letters;
    int words = 0;
    for (const PWord& p : b.words) {
      std::string f = FoldKey(StripPunct(p.w->text));
      if (HasDigit(f)) continue;
      if (f.size() >= 4 && !IsHeaderToken(f)) ++words;
      for (char c : f)
        if (c >= 'a' && c <= 'z') letters += c;
    }
    return words >= 2 && letters.size() >= 12 ? letters : std::string();
  };
  struct MarginLetters {
    const Band* band;
    size_t page;
    bool top;
    std::string letters;
  };
  std::vector<MarginLetters> margin_letters;  // the OCR pages' margin bands with words of prose
  for (size_t pi = 0; pi < all.size(); ++pi)
    if (doc.pages[pi].ocr_confidence > 0)
      for (const Band& b : all[pi])
        if (in_margin(b, pi))
          if (std::string l = prose_letters(b); !l.empty())
            margin_letters.push_back({&b, pi, b.box.y1 <= lp.running_margin_fraction * doc.pages[pi].height, l});
  auto ocr_repeat = [&](const Band& b) {
    const MarginLetters* mine = nullptr;
    for (const MarginLetters& m : margin_letters)
      if (m.band == &b) mine = &m;
    if (!mine) return false;
    for (const MarginLetters& o : margin_letters)
      if (o.page != mine->page && o.top == mine->top &&
          4 * EditDistance(mine->letters, o.letters) <= static_cast<int>(std::max(mine->letters.size(), o.letters.size())))
        return true;
    return false;
  };
  std::vector<std::vector<Band>> out(all.size());
  for (size_t pi = 0; pi < all.size(); ++pi)
    for (Band& b : all[pi]) {
      bool running = false;
      if (in_margin(b, pi)) {
        std::string k = repeat_key(b);
        // (A document of fewer pages than that: on every one of two or more
        // pages, with words of prose, w38's "Samordningsförbundet Norra
        // Bohuslän · Delårsrapport januari–juni 2026".)
        const int pages = static_cast<int>(pages_of[k].size());
        const bool every_page = pages >= 2 && pages == static_cast<int>(all.size()) && !prose_letters(b).empty();
        running = EndsInPageNumber(b.Text()) || (!k.empty() && (pages >= lp.running_min_pages || every_page)) ||
                  ocr_repeat(b);
      }
      if (!running) out[pi].push_back(std::move(b));
    }
  // (After the running lines are gone: a footer under two columns is no
  // part of either.)
  for (std::vector<Band>& bands : out) {
    SplitSideBySide(&bands, lp);
    if (!bands.empty()) SetAsideGroupColumn(&bands, lp);
  }
  return out;
}

// A band of header words: those over the columns are header-ish (or a day
// of a date wrapped in its cell), at most three words stand over the labels
// (a caption like "Budget 2019-2021, Tkr").
// `days`: the header above has a date left open ("2020-12-"), so a day under
// it ("31") is header; otherwise a two-digit figure is a figure ("13" of
// "13 401" wrapped in its cell in the first row).
bool IsHeaderishBand(const Band& b, double columns_x0, bool days = true) {
  int label_words = 0, over_columns = 0;
  for (const PWord& p : b.words) {
    bool in_label_area = p.w->box.x0 < columns_x0;
    // "31" under "2020-12-": the day of a date wrapped in its cell.
    bool day = days && RE2::FullMatch(p.w->text, "[0-3]\\d"_re) && !in_label_area;
    if (IsHeaderishWord(p.w->text) || IsCommentHeader(p.w->text) || day) {
      over_columns += !in_label_area;
      continue;
    }
    if (in_label_area && ++label_words <= 3) continue;
    return false;
  }
  return over_columns > 0;
}

// The years line of header cells wrapped inside their column ("Budget" over
// "2019", "Avvikelse" over "2020", "Totalt 2019–" over "2021"): only years
// over the columns, nothing over the labels, and each year under a header
// word of the line above that is not itself a complete year (a kind word or a
// range left open). Such a line reads as a header on its own (two years), so
// HeaderStart alone cannot tell it from the next table's header.
// The same holds for the second line of a period printed over two lines
// ("2023-01-01" over "-2023-12-31") and a note number under "Not" ("Not"
// over "1"): a header line set a little apart from the first.
bool IsWrappedYearsBand(const Band& header, const Band& next, double columns_x0, const LayoutParams& lp) {
  if (next.words.empty()) return false;
  static const RE2 kDate("(19|20)\\d\\d-\\d\\d-\\d\\d");
  static const RE2 kPeriodEnd("[-–—]\\s*(19|20)\\d\\d-\\d\\d-\\d\\d");
  // A kind's second word wrapped beside the years ("Förslag" over "budget"
  // over "2027", next to "Bokslut" over "2025"): a small word under a header
  // word that is no year, on a line that holds a year.
  static const RE2 kSmallWord("[a-zåäö]{2,12}");
  // (And a period's end date under its start left open after the dash,
  // "2026-01-01–" over "2026-08-31", w41.)
  static const RE2 kOpenDate("(19|20)\\d\\d-\\d\\d-\\d\\d\\s*[-–—]");
  bool any_year = false;
  for (const PWord& p : next.words) {
    const std::string t = StripPunct(p.w->text);
    any_year = any_year || IsYearToken(t) || RE2::FullMatch(t, kDate);
  }
  for (const PWord& p : next.words) {
    if (p.w->box.x0 < columns_x0) return false;
    std::string t = StripPunct(p.w->text);
    const bool year = IsYearToken(t) || RE2::FullMatch(t, "(19|20)\\d\\d\\s*[-–—]\\s*(19|20)?\\d?\\d?"_re);
    const bool period_end = RE2::FullMatch(t, kPeriodEnd) || RE2::FullMatch(t, kDate);
    const bool note_number = RE2::FullMatch(t, "\\d{1,2}"_re);
    // ("%" closing a share column's wrapped head, "prognos, %", is one.)
    // (OCR reads the sign "Yo", "Vo" or "/o".)
    const bool small_word = any_year && (RE2::FullMatch(t, kSmallWord) || RE2::FullMatch(t, "%|[YV]o|/o"_re));
    if (!year && !period_end && !note_number && !small_word) return false;
    if (small_word) {
      bool under_word = false;
      for (const PWord& h : header.words) {
        if (h.w->box.y1 > next.box.y0 + lp.same_line_pt) continue;
        double ov = std::min(h.w->box.x1, p.w->box.x1) - std::max(h.w->box.x0, p.w->box.x0);
        if (ov > 0 && !IsYearToken(StripPunct(h.w->text)) && !HasDigit(h.w->text)) under_word = true;
      }
      if (!under_word) return false;
      continue;
    }
    bool under = false;
    for (const PWord& h : header.words) {
      if (h.w->box.y1 > next.box.y0 + lp.same_line_pt) continue;  // only lines above
      double ov = std::min(h.w->box.x1, p.w->box.x1) - std::max(h.w->box.x0, p.w->box.x0);
      if (ov <= 0) continue;
      std::string ht = StripPunct(h.w->text);
      bool open_range = RE2::FullMatch(ht, "(19|20)\\d\\d\\s*[-–—]"_re);
      if (year && (!IsYearToken(ht) || open_range)) under = true;
      if (period_end && RE2::FullMatch(ht, kDate) && RE2::FullMatch(t, kPeriodEnd)) under = true;
      if (period_end && RE2::FullMatch(t, kDate) && RE2::FullMatch(h.w->text, kOpenDate)) under = true;
      if (note_number && IsNoteWord(ht)) under = true;
    }
    if (!under) return false;
  }
  return true;
}

// The further lines of a column head wrapped over three lines or more
// ("Kostnad" over "per" over "deltagare" over "(kr)", w43): at most three
// words, each a small word or a bracketed unit, over the columns and under
// a word of the header above it that is no year or figure.
bool IsWrappedHeadWordsBand(const Band& header, const Band& next, double columns_x0, const LayoutParams& lp) {
  if (next.words.empty() || next.words.size() > 3) return false;
  for (const PWord& p : next.words) {
    if (p.w->box.x0 < columns_x0) return false;
    if (!RE2::FullMatch(p.w->text, "[a-zåäö]{2,12}|\\((tkr|kr|mkr|mnkr|st|%|antal)\\)"_re)) return false;
    bool under = false;
    for (const PWord& h : header.words) {
      if (h.w->box.y1 > next.box.y0 + lp.same_line_pt || HasDigit(h.w->text)) continue;
      under = under || std::min(h.w->box.x1, p.w->box.x1) - std::max(h.w->box.x0, p.w->box.x0) > 0;
    }
    if (!under) return false;
  }
  return true;
}

// Adds a band's words to the header, keeping them in x order.
void MergeIntoHeader(Band* header, const Band& b) {
  for (const PWord& p : b.words) header->words.push_back(p);
  header->box.Extend(b.box);
  std::stable_sort(header->words.begin(), header->words.end(),
                   [](const PWord& x, const PWord& y) { return x.w->box.x0 < y.w->box.x0; });
}

// The header whose tokens start at word `hs` of band `i`, with the lines of
// a header wrapped over several bands ("Utfall" / "2020," / "tkr") merged.
HeaderBlock MergeWrappedHeader(const std::vector<Band>& bands, size_t i, int hs, const LayoutParams& lp) {
  HeaderBlock h;
  h.header = bands[i];
  h.begin = h.end = i;
  h.columns_x0 = bands[i].words[hs].w->box.x0 - lp.header_slack_pt;
  const double height = bands[i].box.height();
  // (A band before it in reading order but not above it is the page's
  // other column: SplitSideBySide.)
  if (i > 0 && bands[i - 1].page == h.header.page && bands[i - 1].box.y0 <= h.header.box.y0 &&
      h.header.box.y0 - bands[i - 1].box.y1 < lp.header_wrap_gap_heights * height &&
      IsHeaderishBand(bands[i - 1], h.columns_x0)) {
    MergeIntoHeader(&h.header, bands[i - 1]);
    h.begin = i - 1;
  }
  // Headers in several rows: a row of column kinds above the years row
  // ("Utfall Budget Plan" over "2019 2020 2021"), possibly with a unit line
  // ("Tkr") between them, joins the header over a looser gap; the kinds pair
  // with the years by position when the columns are named.
  // A line of the months the columns cover between them ("jan–aug"), and
  // the rest of a kind broken in its cell under the kinds ("get" under
  // "Helårsbud"), join too (w33's three header rows).
  for (size_t k = h.begin, units = 0, periods = 0; k > 0 && h.begin - (k - 1) <= 3; --k) {
    const Band& above = bands[k - 1];
    if (above.page != h.header.page || above.box.y0 > bands[k].box.y0 ||
        bands[k].box.y0 - above.box.y1 > lp.header_rows_gap_heights * height)
      break;
    if (IsUnitBand(above, h.columns_x0) && units++ == 0) continue;
    if (IsPeriodBand(above, h.columns_x0) && periods++ == 0) continue;
    if (k >= 2 && IsFragmentBand(above, bands[k - 2]) && IsKindsBand(bands[k - 2], h.columns_x0)) continue;
    if (!IsKindsBand(above, h.columns_x0) && !IsSpanningHeadBand(above, h.columns_x0)) break;
    for (size_t m = k - 1; m < h.begin; ++m) MergeIntoHeader(&h.header, bands[m]);
    h.begin = k - 1;
    break;
  }
  // A unit line standing alone right above the header ("Belopp i kr."
  // between the caption and the table): the table's unit, never its caption.
  if (h.begin > 0) {
    const Band& above = bands[h.begin - 1];
    if (above.page == h.header.page && above.box.y0 <= h.header.box.y0 &&
        h.header.box.y0 - above.box.y1 < lp.header_rows_gap_heights * height && IsUnitBand(above, h.columns_x0)) {
      MergeIntoHeader(&h.header, above);
      --h.begin;
    }
  }
  while (h.end + 1 < bands.size()) {
    const Band& next = bands[h.end + 1];
    if (next.box.y0 < bands[h.end].box.y0) break;  // the page's other column
    double gap = next.box.y0 - h.header.box.y1;
    bool open_date = false;
    for (const PWord& p : h.header.words) open_date |= RE2::PartialMatch(p.w->text, "(19|20)\\d\\d-\\d\\d-$"_re);
    bool wrapped = gap < lp.header_wrap_gap_heights * bands[h.end].box.height() &&
                   ((IsHeaderishBand(next, h.columns_x0, open_date) && HeaderStart(next) < 0) ||
                    IsWrappedYearsBand(h.header, next, h.columns_x0, lp) ||
                    (h.end > h.begin && IsWrappedHeadWordsBand(h.header, next, h.columns_x0, lp)));
    bool kinds = gap < lp.header_rows_gap_heights * height && IsKindsBand(next, h.columns_x0);
    bool unit_then_kinds = gap < lp.header_rows_gap_heights * height && IsUnitBand(next, h.columns_x0) &&
                           h.end + 2 < bands.size() &&
                           bands[h.end + 2].box.y0 - next.box.y1 < lp.header_rows_gap_heights * height &&
                           IsKindsBand(bands[h.end + 2], h.columns_x0);
    if (unit_then_kinds) {
      MergeIntoHeader(&h.header, next);
      MergeIntoHeader(&h.header, bands[h.end + 2]);
      h.end += 2;
      continue;
    }
    // A unit line under the header, over the labels ("tkr" below "Utfall
    // 2020 Utfall 2019"): the header's, not a row.
    bool unit_below = gap < lp.header_rows_gap_heights * height && IsUnitBand(next, h.columns_x0);
    if (!wrapped && !kinds && !unit_below) break;
    MergeIntoHeader(&h.header, next);
    ++h.end;
  }
  // A speck OCR read as a dash or two beside a header word ("Plan 2028 --
  // Plan 2029", w42's scan) is no open range and no sign, and would join
  // two columns' heads into one: gone, unless a figure stands right after
  // it on its line ("2022 - 2023", "1 januari – 31 december 2021") or a
  // year under it (a range wrapped in its cell, "2027–" over "2029").
  auto speck = [&](size_t k) {
    const Word& w = *h.header.words[k].w;
    if (w.confidence >= 1 || !RE2::FullMatch(w.text, "[-–—=~_.]{1,3}"_re)) return false;
    for (size_t m = 0; m < h.header.words.size(); ++m) {
      const Word& o = *h.header.words[m].w;
      if (m == k || !RE2::PartialMatch(o.text, "^\\d"_re)) continue;
      const bool after = OnOneLine(o.box, w.box, lp.same_line_pt) && o.box.x0 >= w.box.x1 &&
                         o.box.x0 - w.box.x1 < 2 * o.box.height();
      const bool under = RE2::PartialMatch(o.text, "^(19|20)\\d\\d"_re) &&
                         o.box.y0 >= w.box.y1 - lp.same_line_pt && o.box.x1 > w.box.x0 - o.box.width() &&
                         o.box.x0 < w.box.x1 + o.box.width() && !OnOneLine(o.box, w.box, lp.same_line_pt);
      if (after || under) return false;
    }
    return true;
  };
  for (size_t k = h.header.words.size(); k-- > 0;)
    if (static_cast<int>(k) != hs && speck(k)) h.header.words.erase(h.header.words.begin() + k);
  return h;
}

// A header line left at the foot of the previous page ("Insats Utfall
// Budget ..." there, "2020, tkr" here) joins the header, and its caption
// becomes the table's.
void CarryHeaderFromPreviousPage(const Document& doc, const std::vector<std::vector<Band>>& page_bands, size_t pi,
                                 size_t i, const LayoutParams& lp, HeaderBlock* h) {
  if (h->begin != i || i >= 2 || pi == 0 || page_bands[pi - 1].empty()) return;
  const std::vector<Band>& prev = page_bands[pi - 1];
  const Band& last = prev.back();
  const Page& prev_page = doc.pages[pi - 1];
  if (last.words.size() < 3 || last.box.y1 <= lp.page_foot_fraction * prev_page.height ||
      !IsHeaderishBand(last, h->columns_x0))
    return;
  // A header line names two columns or more; one word over the columns is
  // the page's running foot that OCR garbled past recognition ("Verksamhets-
  // plan 2027 | 1" read "Virksavhetsplan 2027-11", w42's scan).
  int over_columns = 0;
  for (const PWord& p : last.words) over_columns += p.w->box.x0 >= h->columns_x0;
  if (over_columns < 2) return;
  Box keep = h->header.box;
  Band carried = last;
  for (PWord& p : carried.words) p.order = -1;
  MergeIntoHeader(&h->header, carried);
  h->header.box = keep;  // boxes of different pages do not mix
  h->carried_title = FindTitle(prev, prev.size() - 1, lp);
}

// Where the merged header's tokens and its comments column start.
void LocateHeaderColumns(HeaderBlock* h) {
  h->start = HeaderStart(h->header);
  if (h->start < 0) h->start = YearlessKindsHeaderStart(h->header);
  if (h->transposed) {
    h->start = 0;
    while (h->start + 1 < static_cast<int>(h->header.words.size()) && h->header.words[h->start].w->box.x0 < h->label_x1)
      ++h->start;
  }
  // (A head wrapped over several lines may leave the merged header more
  // words than a header line has, "Kostnad" / "per" / "deltagare" / "(kr)"
  // beside "Antal" / "deltagare" (w43): its columns start where its
  // first line's did.)
  if (h->start < 0 && !h->transposed)
    for (size_t w = 0; w < h->header.words.size() && h->start < 0; ++w)
      if (h->header.words[w].w->box.x1 > h->columns_x0) h->start = static_cast<int>(w);
  if (h->start < 0) h->start = 0;
  h->first_x = h->header.words[h->start].w->box.x0;
  // Only a head right of every year and kind of the header: a "Status"
  // column left of the figures ("Insats  Status  Budget 2027") is a side
  // column, and its figures' columns stay.
  for (size_t w = h->start; w < h->header.words.size(); ++w) {
    if (!IsCommentHeader(h->header.words[w].w->text)) continue;
    const double x0 = h->header.words[w].w->box.x0;
    bool token_right = false;
    for (const PWord& p : h->header.words)
      token_right = token_right || (p.w->box.x0 > x0 && IsHeaderToken(StripPunct(p.w->text)));
    if (!token_right) h->comment_x0 = std::min(h->comment_x0, x0);
  }
}

// A band that ends the table: prose over the columns, or a wide line or a
// numbered heading without figures.
bool EndsTable(const Band& b, const HeaderBlock& h, const LayoutParams& lp) {
  if (IsDateLine(b.Text())) return true;
  int prose = 0, outside_comments = 0;
  for (const PWord& p : b.words) outside_comments += p.w->box.x0 < h.comment_x0 - lp.edge_slack_pt;
  // A unit printed after a figure ("2 400 000 kr") and a lone character
  // (a digit OCR read as a letter, "I 874 200") are no prose.
  for (const PWord& p : b.words)
    if (p.w->box.x0 >= h.first_x - lp.edge_slack_pt && p.w->box.x0 < h.comment_x0 - lp.edge_slack_pt &&
        !IsNumericToken(p.w->text) && !HasDigit(p.w->text) && CellUnitWord(p.w->text).empty() &&
        CodePointCount(p.w->text) > 1)
      ++prose;
  bool numbers = BandHasNumbers(b, h.first_x - lp.number_reach_pt);
  std::string text = b.Text();
  const bool numbered_heading = IsTableHeading(text) && IsNumberedHeading(text);
  if (numbered_heading && numbers) {
    // "4. Medlemsavgifter 2025" under a table: the next section's heading,
    // its only figures years, set in a larger type than the table's header.
    // A numbered row of the table ("2. Personal 2 025") is set like the rest.
    bool years_only = true;
    double height = 0;
    for (size_t i = 0; i < b.words.size(); ++i) {
      const std::string t = StripPunct(b.words[i].w->text);
      if (i > 0 && HasDigit(t) && !IsYearToken(t)) years_only = false;
      height = std::max(height, b.words[i].w->box.y1 - b.words[i].w->box.y0);
    }
    std::vector<double> header_heights;
    for (const PWord& p : h.header.words) header_heights.push_back(p.w->box.y1 - p.w->box.y0);
    std::sort(header_heights.begin(), header_heights.end());
    // The header's lower quartile: a caption set in heading type may have
    // been merged into the header block.
    const double header_height = header_heights.empty() ? 0 : header_heights[header_heights.size() / 4];
    if (years_only && header_height > 0 && height >= 1.1 * header_height) return true;
  }
  return prose >= 3 || (!numbers && (outside_comments > 8 || numbered_heading));
}

// A section heading of a few words inside a statement ("Justering av
// poster som inte ingår i kassaflödet", nine words: as wide a line as ends
// a table) with a labelled row of figures right under it: the table goes
// on. Prose ends in a full stop or runs into the columns; a numbered
// heading starts the next section.
bool HeadingOverRow(const std::vector<Band>& bands, size_t k, const HeaderBlock& h, const LayoutParams& lp) {
  const Band& b = bands[k];
  const std::string text = b.Text();
  if (b.words.size() > 10 || text.empty() || text.back() == '.' || text.back() == ':' || IsDateLine(text) ||
      IsNumberedHeading(text) || b.box.x1 >= h.first_x - lp.edge_slack_pt ||
      BandHasNumbers(b, h.first_x - lp.number_reach_pt) || k + 1 >= bands.size())
    return false;
  const Band& next = bands[k + 1];
  const double pitch = std::max(lp.min_pitch_pt, h.header.box.height());
  return next.box.y0 - b.box.y1 < 2 * pitch && !next.words.empty() && !IsNumericToken(next.words[0].w->text) &&
         !HasDigit(next.words[0].w->text) && BandHasNumbers(next, h.first_x - lp.number_reach_pt);
}

// Where a table cut by a page break goes on on the next page: the first band
// with numbers among its first bands (after a running header), before any
// header or prose; -1 when the table does not continue.
// The next page may set the columns elsewhere (a label column as wide as
// its own labels): a band shaped as a row (words, then figures right of all
// of them) continues the table wherever its figures stand; ReadTableAt
// places them (ContinuationShapes).
bool RowShaped(const Band& b) {
  // A running header or footer ("Brf Exempel 8 (15)", "Sida 3 av 12") is
  // shaped like a row but holds a page number.
  static const RE2 kPageNumber("(?i)(\\d+\\s*\\(\\d+\\)|\\d+\\s*(av|/)\\s*\\d+|sida\\s*\\d+.*)$");
  if (RE2::PartialMatch(b.Text(), kPageNumber)) return false;
  double text_right = -1e9, first_number = 1e9;
  int words = 0;
  for (const PWord& p : b.words) {
    if (IsNumericToken(p.w->text)) {
      first_number = std::min(first_number, p.w->box.x0);
    } else {
      ++words;
      text_right = std::max(text_right, p.w->box.x1);
    }
  }
  return words > 0 && words <= 8 && first_number < 1e9 && first_number > text_right;
}

// A band whose figures are all years ("Not 5 Övriga externa kostnader  2021
// 2020"): a caption with its header, not a row of the table above.
// Years and dates alike ("NOT 11, BYGGNAD OCH MARK  2023-12-31
// 2022-12-31"); a note's number is no figure.
bool YearsOnly(const Band& b) {
  int years = 0;
  for (size_t i = 0; i < b.words.size(); ++i) {
    std::string t = StripPunct(b.words[i].w->text);
    if (i > 0 && IsNoteWord(b.words[i - 1].w->text)) continue;
    if (IsYearToken(t) || RE2::FullMatch(t, "(19|20)\\d\\d-\\d\\d-\\d\\d"_re)) {
      ++years;
    } else if (IsNumericToken(t)) {
      return false;
    }
  }
  return years >= 2;
}

int ContinuationBand(const std::vector<Band>& next, double first_x, const LayoutParams& lp) {
  for (size_t q = 0; q < next.size() && q < 4; ++q) {
    if (HeaderStart(next[q]) >= 0 || YearsOnly(next[q])) return -1;
    if (BandHasNumbers(next[q], first_x - lp.number_reach_pt) || RowShaped(next[q]))
      return q < 3 ? static_cast<int>(q) : -1;
    if (next[q].words.size() > 5) return -1;
  }
  return -1;
}

// A repeated header names only what the table's header names: "Budget 2025
// Utfall 2025 Avvikelse" under a table headed "Budget 2025 Utfall 2025
// Deltagare" is the header of the next table (a heading and a unit line
// between them, set close), not a repeat.
// (Each word over a header word of its own text: "2026 2027" under the
// next table's "Budget Budget", set under half the page, repeats no header
// whose years stand over columns elsewhere.)
bool RepeatsHeaderWords(const Band& b, int from, const Band& header) {
  constexpr double kSlackPt = 10;
  for (size_t i = static_cast<size_t>(from); i < b.words.size(); ++i) {
    const Box& box = b.words[i].w->box;
    const std::string t = FoldKey(StripPunct(b.words[i].w->text));
    if (t.empty()) continue;
    bool over = false;
    for (const PWord& p : header.words)
      over = over || (FoldKey(StripPunct(p.w->text)) == t && std::max(box.x0, p.w->box.x0) <=
                                                                  std::min(box.x1, p.w->box.x1) + kSlackPt);
    if (!over) return false;
  }
  return true;
}

// Whether band `b` is a section row of a table numbered like an outline
// ("1 Intäkter" over "1.1 Statlig medlemsavgift 3 500 …"): a number, a few
// words and no figures, then, on the same page, a row of figures whose
// label's number goes on from it. A numbered heading over a table's rows
// otherwise starts the next section (CollectBody, ReadRows).
bool OutlineSectionOver(const Band& b, const Band& next) {
  if (next.page != b.page) return false;
  std::string number;
  // (No figure after the words: a speck OCR read as a dash may stand there.)
  if (b.words.size() > 6 || !RE2::FullMatch(b.Text(), "(\\d{1,2})\\.? +\\pL[^\\d]*"_re, &number))
    return false;
  // (OCR may read the inner stop as a colon: "1:1 Medlemsavgift staten".)
  if (next.words.empty() || !RE2::FullMatch(next.words[0].w->text, number + "[.:]\\d{1,2}\\.?")) return false;
  for (size_t w = 1; w < next.words.size(); ++w)
    if (HasDigit(next.words[w].w->text) && IsNumericToken(next.words[w].w->text)) return true;
  return false;
}

// True when the bands from `k` to the page's end are a page foot: at most
// two short lines, each ending in a page number ("Sidan 1", "Finsam
// Gotland · 3", "1 (3)").
bool PageFootFrom(const std::vector<Band>& bands, size_t k) {
  if (k >= bands.size() || bands.size() - k > 2) return false;
  for (size_t i = k; i < bands.size(); ++i) {
    if (bands[i].page != bands[k].page || bands[i].words.empty() || bands[i].words.size() > 6) return false;
    if (!RE2::PartialMatch(bands[i].Text(), "(^|\\s)\\d{1,3}( ?\\(\\d{1,3}\\))?$"_re)) return false;
  }
  return true;
}

// The next table's caption naming its year or period ("Medlemsavgifter
// 2027–2028 (kr)", "Insatser 2027") right over its header: a few words,
// then the one year or period, maybe a unit; its figure is no row's.
bool YearCaptionOverHeader(const std::vector<Band>& bands, size_t k) {
  if (k + 1 >= bands.size() || bands[k + 1].page != bands[k].page) return false;
  const Band& b = bands[k];
  if (b.words.size() < 2 || b.words.size() > 7) return false;
  size_t years = 0, i = 0;
  for (; i < b.words.size() && !HasDigit(b.words[i].w->text); ++i) {
  }
  if (i == 0 || i > 5) return false;
  for (; i < b.words.size(); ++i) {
    std::string t = StripPunct(b.words[i].w->text);
    RE2::GlobalReplace(&t, "[()]"_re, "");
    if (RE2::FullMatch(t, "(19|20)\\d\\d([-–—](19|20)\\d\\d)?"_re)) ++years;
    else if (HasDigit(t) || CellUnitWord(t).empty()) return false;
  }
  return years == 1 && HeaderStart(bands[k + 1]) >= 0;
}

// The bands below the header, until a gap, prose, a heading or another
// table; across page breaks when the table continues.
TableBody CollectBody(const std::vector<std::vector<Band>>& page_bands, size_t pi, const HeaderBlock& h,
                      const LayoutParams& lp) {
  TableBody body;
  double prev_bottom = page_bands[pi][h.end].box.y1;
  double prev_top = page_bands[pi][h.end].box.y0;
  double pitch = std::max(lp.min_pitch_pt, h.header.box.height());
  size_t cur = pi, k = h.end + 1;
  bool stop = false;
  while (!stop) {
    const std::vector<Band>& pb = page_bands[cur];
    for (; k < pb.size(); ++k) {
      const Band& b = pb[k];
      // A band wholly above the last one read: the reading went on to the
      // top of the page's next column (SplitSideBySide), another table.
      if (b.box.y1 <= prev_top) {
        stop = true;
        break;
      }
      if (b.box.y0 - prev_bottom > lp.table_end_gap_pitches * pitch) {
        // Only the page's foot below the gap ("Sidan 1", OCR's "Svan 1",
        // that RunningTextLines cannot match with the next page's): the
        // table may go on on the next page.
        stop = !PageFootFrom(pb, k);
        if (!stop) k = pb.size();
        break;
      }
      // The page's running foot right under the table, no wider gap above
      // it, that OCR garbled past RunningTextLines' matching
      // ("Samordaarcedorbundet krisnanstad - verksamhetsplan 2027 1"): the
      // page's last lines, a few words each, the last ending in the page's
      // own number (prov.page is 1-based). The table may go on.
      if (PageFootFrom(pb, k) && b.words.size() >= 3 &&
          pb.back().words.back().w->text == std::to_string(pb.back().page)) {
        k = pb.size();
        break;
      }
      // (Or the page's one last line, OCR's, of more words, ending in the
      // page's number read as a letter: "värksetulsstotan 2027-2025
      // Naryordmuns sö nanser Ova Söpaland I" for "Verksamhetsplan 2027–2029
      // · Samordningsförbundet Östra Värmland · 1", w44's scan.)
      if (k + 1 == pb.size() && pb.size() >= 2 && b.words.size() >= 3 && b.words.size() <= 12 &&
          std::all_of(b.words.begin(), b.words.end(), [](const PWord& p) { return p.w->confidence < 1; })) {
        std::string last = b.words.back().w->text;
        if (last == "I" || last == "l" || last == "|" || last == "]") last = "1";
        if (last == std::to_string(b.page) && !BandHasNumbers(b, h.first_x - lp.number_reach_pt)) {
          k = pb.size();
          break;
        }
      }
      int rhs = HeaderStart(b);
      if (rhs >= 0) {
        std::string lbl;
        for (int w = 0; w < rhs; ++w) lbl += (lbl.empty() ? "" : " ") + b.words[w].w->text;
        if (IsSectionLabel(lbl) && b.box.y0 - prev_bottom < lp.repeated_header_gap_pitches * pitch &&
            RepeatsHeaderWords(b, rhs, h.header)) {
          body.bands.push_back(&b);
          body.is_repeat.push_back(true);
          prev_bottom = b.box.y1;
          prev_top = b.box.y0;
          continue;
        }
        stop = true;
        break;
      }
      // The next table's numbered caption ("Tabell 2. Insatser per den 31
      // augusti 2026"): no row, whatever figures it names.
      if (RE2::PartialMatch(FoldKey(b.Text()), "^(tabell|tab\\.|figur|diagram|bilaga) \\d{1,2}\\b"_re)) {
        stop = true;
        break;
      }
      const bool outline_section = k + 1 < pb.size() && OutlineSectionOver(b, pb[k + 1]);
      if ((EndsTable(b, h, lp) && !HeadingOverRow(pb, k, h, lp) && !outline_section) || YearCaptionOverHeader(pb, k)) {
        stop = true;
        break;
      }
      body.bands.push_back(&b);
      body.is_repeat.push_back(false);
      prev_bottom = b.box.y1;
      prev_top = b.box.y0;
    }
    if (stop || cur + 1 >= page_bands.size()) break;
    int q = ContinuationBand(page_bands[cur + 1], h.first_x, lp);
    if (q < 0) break;
    // A label the page break cut after a joining word ("Försäkringskassan
    // och" at the foot, "Arbetsförmedlingen" alone on the next page above
    // the table's next row): its rest is the continuation's first line.
    if (q > 0 && !body.bands.empty()) {
      const Band& rest = page_bands[cur + 1][q - 1];
      std::string last_label;
      for (const PWord& p : body.bands.back()->words) {  // the words before its first figure
        if (HasDigit(p.w->text) || p.w->box.x1 >= h.first_x - lp.number_reach_pt) break;
        last_label += (last_label.empty() ? "" : " ") + p.w->text;
      }
      if (rest.words.size() <= 4 && !BandHasNumbers(rest, h.first_x - lp.number_reach_pt) &&
          EndsInJoiningWord(last_label))
        --q;
    }
    ++cur;
    k = q;
    prev_bottom = page_bands[cur][q].box.y0;
    prev_top = -1e9;
  }
  body.end_page = cur;
  body.end_band = k;
  return body;
}

// The header's words left of the value headers fall into phrases; a second
// phrase set apart from the first by more than three word heights names a
// side column ("Medlem … Andel, %", "Insats … Målgrupp"). Its left edge, or
// 1e9 when the label header is one phrase ("Belopp i tkr", "Kommun"). A
// lone character names no column: on a scan it is a speck of the header's
// shading read as a letter ("Insats R Målgrupp").
double SideColumnX0(const Band& header, int start, double* head_x1 = nullptr) {
  std::vector<const Word*> ws;
  for (int i = 0; i < start && i < static_cast<int>(header.words.size()); ++i)
    if (CodePointCount(header.words[i].w->text) > 1) ws.push_back(header.words[i].w);
  if (ws.size() < 2) return 1e9;
  std::sort(ws.begin(), ws.end(), [](const Word* a, const Word* b) { return a->box.x0 < b->box.x0; });
  for (size_t i = 1; i < ws.size(); ++i) {
    const double h = std::max(ws[i]->box.height(), ws[i - 1]->box.height());
    // Words of one line only: a wrapped header cell is no second phrase.
    if (std::min(ws[i]->box.y1, ws[i - 1]->box.y1) - std::max(ws[i]->box.y0, ws[i - 1]->box.y0) <= 0) continue;
    if (ws[i]->box.x0 - ws[i - 1]->box.x1 > 3 * h) {
      if (head_x1) *head_x1 = ws.back()->box.x1;
      return ws[i]->box.x0;
    }
  }
  return 1e9;
}

// True when a body band (not a repeated header) carries numbers.
bool BodyHasNumbers(const TableBody& body, double first_x, const LayoutParams& lp) {
  for (size_t b = 0; b < body.bands.size(); ++b)
    if (!body.is_repeat[b] && BandHasNumbers(*body.bands[b], first_x - lp.number_reach_pt)) return true;
  return false;
}

// The unit the body prints after its figures ("2 400 000 kr", "480 tkr",
// "1 900 000:-"): the word right after a figure's last word on its line,
// or the kronor mark glued to it. Named only when
// most figures (two at least) carry it and no figure carries another.
std::string CellUnit(const HeaderBlock& h, const std::vector<const Band*>& bands, const LayoutParams& lp) {
  const double label_right = h.start > 0 ? h.header.words[h.start - 1].w->box.x1 : 0;
  int figures = 0;
  std::map<std::string, int> units;
  for (const Band* b : bands) {
    bool after_figure = false;
    for (const Chunk& c : NumberChunks(*b, label_right, lp)) {
      if (!ParseSwedishNumber(c.Text())) {
        after_figure = false;
        continue;
      }
      const Box& last = c.words.back().w->box;
      const Word* next = nullptr;
      for (const PWord& p : b->words)
        if (p.w->box.x0 >= last.x1 - 0.5 && OnOneLine(last, p.w->box, lp.same_line_pt) &&
            (next == nullptr || p.w->box.x0 < next->box.x0) && p.w != c.words.back().w)
          next = p.w;
      const bool after = next != nullptr && next->box.x0 - last.x1 < 1.5 * last.height();
      const std::string u = EndsInKronorMark(c.words.back().w->text) ? "kr" : after ? CellUnitWord(next->text) : "";
      // A lone thousands group that carries the unit, right after a figure,
      // is that figure's tail, set apart where OCR lost a thousands space
      // ("1900" "000:-"): one figure, not two.
      if (!after_figure || u.empty() || !RE2::FullMatch(CanonicalNumberText(c.Text()), "\\d{3}(?:,\\d+)?"_re))
        ++figures;
      after_figure = true;
      if (!u.empty()) ++units[u];
    }
  }
  return UnitOfMostFigures(units, figures);
}

// The table's columns from the body's numbers, named by the header; fills
// the grid's headers. False when no column has a header.
bool ShapeColumns(const HeaderBlock& h, const TableBody& body, const LayoutParams& lp, TableShape* shape, Grid* g) {
  std::vector<const Band*> value_bands;
  for (size_t b = 0; b < body.bands.size(); ++b)
    if (!body.is_repeat[b]) value_bands.push_back(body.bands[b]);
  shape->cols = BuildColumns(h.header, h.start, value_bands, h.comment_x0, lp, &g->header_label, h.transposed);
  // A continuation on the next page may set its figures elsewhere (a table
  // cut into two, each as wide as its own labels): their spans then join
  // two of the header's columns into one. When the header's page alone
  // gives more columns, those are the table's; ContinuationShapes places
  // the other pages' figures.
  std::vector<const Band*> header_page_bands;
  for (const Band* b : value_bands)
    if (b->page == h.header.page && BandHasNumbers(*b, h.first_x - lp.number_reach_pt)) header_page_bands.push_back(b);
  if (header_page_bands.size() >= 2 && header_page_bands.size() < value_bands.size()) {
    std::string label;
    std::vector<Column> own = BuildColumns(h.header, h.start, header_page_bands, h.comment_x0, lp, &label, h.transposed);
    if (own.size() > shape->cols.size()) {
      shape->cols = std::move(own);
      g->header_label = label;
    }
  }
  shape->comment_x0 = h.comment_x0;
  g->cell_unit = CellUnit(h, value_bands, lp);
  double side_head_x1 = 0;
  shape->side_x0 = SideColumnX0(h.header, h.start, &side_head_x1);
  // A side column's head set right over wider figures ("Andel" over
  // "12,1 %"): the column starts where its figures do.
  if (shape->side_x0 < 1e9)
    for (const Band* b : value_bands)
      for (const PWord& p : b->words)
        if ((IsNumericToken(p.w->text) || p.w->text == "%") && p.w->box.x0 < shape->side_x0 &&
            p.w->box.x1 > shape->side_x0 && p.w->box.x1 <= side_head_x1 + lp.edge_slack_pt)
          shape->side_x0 = p.w->box.x0;
  if (!BodyKeepsSideColumn(value_bands, shape->side_x0, lp)) shape->side_x0 = 1e9;
  shape->first_headed_x0 = 1e9;
  for (size_t c = 0; c < shape->cols.size(); ++c) {
    if (shape->cols[c].header.empty() || shape->cols[c].text_only) continue;
    shape->headed.push_back(static_cast<int>(c));
    g->headers.push_back(shape->cols[c].header);
    shape->first_headed_x0 = std::min(shape->first_headed_x0, shape->cols[c].x0);
  }
  return !shape->headed.empty();
}

// A repeated section header inside the table: its label, no figures.
GridRow RepeatedHeaderRow(const Band& band, size_t ncols) {
  GridRow hr;
  int rhs = HeaderStart(band);
  for (int w = 0; w < rhs; ++w) hr.label += (hr.label.empty() ? "" : " ") + band.words[w].w->text;
  hr.repeated_header = true;
  hr.cells.resize(ncols);
  hr.prov.page = band.page;
  hr.prov.line_index = band.first_line;
  return hr;
}

// How a band continues the row above it when figures wrapped inside their
// cells: not at all (a row of its own), certainly (the layout leaves no other
// reading), or possibly (the upper fragments read as figures on their own and
// the lower band could be a row without a label: the arithmetic chooses).
enum class Wrap { kNo, kCertain, kChoice };

// The label words of a band: left of the first headed column; with
// `numbers`, also the figures there ("Soliditet, 20": OCR's "%" as 20).
std::vector<PWord> LabelWords(const Band& band, const TableShape& shape, const LayoutParams& lp,
                              bool numbers = false) {
  std::vector<PWord> out;
  for (const PWord& p : band.words)
    if ((p.w->box.x1 <= shape.first_headed_x0 + lp.edge_slack_pt || p.w->box.cx() < shape.first_headed_x0) &&
        (numbers || !IsNumericToken(p.w->text)))
      out.push_back(p);
  return out;
}

// Does `lower` hold the lower lines of figures wrapped inside the cells of
// `upper` ("2" over "315", "712," over "5")? Each figure of `lower` must
// stand right under one of `upper` (overlapping it, or sharing its left or
// right edge) with a gap smaller than a row's, and the two must read as one
// figure: a three-digit group after a group of one to three digits, or the
// decimals after a trailing comma. A label on `lower` must continue the
// upper label ("kommunerna" after "Bidrag från").
// `tight`: the gap above `lower` is much smaller than the table's usual gap
// between rows (a line break inside a cell), so a label on it that does not
// read as a continuation by its words ("(försäkringskassan" under "Statligt
// bidrag") still belongs to the row above.
// A minus sign OCR read as two or three glyphs through a rule or a speck
// ("—-4", "—=1", "=—-330", ".—-5"): one minus, so that a figure wrapped in
// its cell still reads as one (the cell's reader treats the glyphs alike).
std::string OcrMinusRun(const std::string& text) {
  std::string junk, rest;
  if (RE2::FullMatch(text, "([=.\\x{2014}\\x{2013}\\x{2212}-]{2,4})(\\d.*)"_re, &junk, &rest) &&
      RE2::PartialMatch(junk, "[\\x{2014}\\x{2013}\\x{2212}-]"_re))
    return "-" + rest;
  return text;
}

Wrap WrapContinuation(const Band& upper, const Band& lower, const TableShape& shape, const LayoutParams& lp,
                      bool tight, std::vector<std::pair<std::string, std::string>>* pairs = nullptr) {
  if (upper.page != lower.page || upper.words.empty() || lower.words.empty()) return Wrap::kNo;
  double h = lower.words.front().w->box.height();
  if (lower.box.y0 - upper.box.y1 >= lp.wrap_gap_heights * h) return Wrap::kNo;
  std::vector<PWord> lower_label = LabelWords(lower, shape, lp);
  // The upper label as it ends on the page: a comma before a figure in the
  // label area ("Soliditet, 20" with % read as 20) leaves nothing open.
  std::vector<PWord> upper_label = LabelWords(upper, shape, lp, /*numbers=*/true);
  const std::string ul = JoinReading(upper_label, lp), ll = JoinReading(lower_label, lp);
  const bool continues = IsContinuation(ul, ll);
  // A label in capitals wraps in capitals ("ÅRETS" over "RESULTAT"): its
  // second line may carry the rest of the figures broken in their cells.
  // (Folded, a line in capitals changes: it has a letter, not only digits.)
  const bool capitals =
      !ul.empty() && !ll.empty() && ToUpper(ul) == ul && ToUpper(ll) == ll && FoldKey(ll) != ll &&
      FoldKey(ul) != ul;
  if (!lower_label.empty()) {
    // "varav …" rows start lower-case but are rows of their own.
    if (RE2::PartialMatch(FoldKey(ll), "^[-–]|^(varav|darav|varav:)\\b"_re) || (!continues && !capitals && !tight))
      return Wrap::kNo;
    // A capitalised label of three words or more that does not continue
    // the upper one is a row of its own, however tightly the rows are set
    // ("Erlagd ränta -488" over "Kassaflöde från löpande verksamheten före
    // förändringar av rörelsekapital 478"): its figures are its own. (A
    // label wrapped on its own schedule goes on in small letters, or with a
    // word or two: "Sandvikens" / "Kommun".)
    const std::string lf = FoldKey(ll);
    if (lower_label.size() >= 3 && !ll.empty() && lf[0] >= 'a' && lf[0] <= 'z' && ll.substr(0, 1) != lf.substr(0, 1) &&
        !continues)
      return Wrap::kNo;
    // So is a capitalised sum or result line under a label that is a whole
    // line of its own ("Årets resultat 120 120" under "Verksamhetens
    // resultat 120 -120", w37's scan: OCR lost a minus, and "120" over
    // "120" read as one wrapped 120 120).
    const std::string uf = FoldKey(ul);
    if (!continues && !capitals && !ll.empty() && ll.substr(0, 1) != lf.substr(0, 1) &&
        (IsSumLabel(ll) || IsResultLabel(ll)) && !uf.empty() &&
        !RE2::PartialMatch(uf, "(och|samt|for|till|av|fran|med|inom|i|pa|vid|mot|per|utan)$"_re))
      return Wrap::kNo;
  }
  std::vector<Chunk> up = NumberChunks(upper, shape.first_headed_x0 - lp.header_slack_pt, lp);
  std::vector<Chunk> low = NumberChunks(lower, shape.first_headed_x0 - lp.header_slack_pt, lp);
  if (low.empty()) return Wrap::kNo;
  bool certain = !lower_label.empty();
  for (const Chunk& l : low) {
    if (l.box.x0 >= shape.comment_x0 - lp.edge_slack_pt) return Wrap::kNo;
    const Chunk* above = nullptr;
    for (const Chunk& u : up) {
      bool overlap = std::min(u.box.x1, l.box.x1) - std::max(u.box.x0, l.box.x0) > 0;
      bool aligned = std::abs(u.box.x1 - l.box.x1) < lp.stacked_align_pt ||
                     std::abs(u.box.x0 - l.box.x0) < lp.stacked_align_pt;
      if ((overlap || aligned) && (!above || u.box.y1 > above->box.y1)) above = &u;
    }
    if (!above) return Wrap::kNo;
    std::string ut = OcrMinusRun(above->Text()), lt = l.Text();
    if (pairs) pairs->push_back({ut, lt});
    if (!ut.empty() && (ut.back() == ',' || ut.back() == '.')) {
      if (!RE2::FullMatch(lt, "\\d+"_re) || !ParseSwedishNumber(ut + lt)) return Wrap::kNo;
      certain = true;  // "712," is no figure on its own
      continue;
    }
    // A minus sign wrapped alone in its narrow cell ("–" over "18806"): a
    // lone dash is also how a cell says nil, so the sums choose.
    if (lower_label.empty() && RE2::FullMatch(ut, "[-−–]"_re) && RE2::FullMatch(lt, "\\d+( \\d{3})*(,\\d+)?"_re))
      continue;
    // A figure broken inside its decimals ("4,44" over "3" for 4,443 mkr,
    // beside a label that wraps too: "varav tillgängligt 4,4" over "för nya
    // insatser 7"): the upper part reads as a figure too, and truncated
    // figures can add up as well as whole ones (4,44 + 2,22 + 2,22 = 8,88),
    // so this is a choice the arithmetic settles, not a certain join.
    // (A line set tight under the upper one that goes on in small letters
    // is one cell's second line, "Statligt bidrag 6 66" over
    // "(försäkringskassan 0"; a capitalised label there starts a row,
    // "Verksamhetens resultat 7" over "Finansiella intäkter 3".)
    const bool small_tight = tight && !ll.empty() && FoldKey(ll).substr(0, 1) == ll.substr(0, 1);
    if ((lower_label.empty() || continues || capitals || small_tight) && RE2::FullMatch(ut, "[-−–]?\\d+,\\d+"_re) &&
        RE2::FullMatch(lt, "\\d{1,3}"_re) && ParseSwedishNumber(ut + lt))
      continue;
    // A figure printed without thousands spaces, or broken inside a group,
    // in its narrow cell ("66600" over "00", "133" / "200" / "00", "13 4"
    // over "01"): the digits join without a space, under a line with no
    // label of its own (the sums choose between that and a row of its own).
    std::string ut_run = ut;
    ut_run.erase(std::remove(ut_run.begin(), ut_run.end(), ' '), ut_run.end());
    // (Or under its label's next line, "Verksamhetens 13 4" over
    // "intäkter 01", "ÅRETS -21" over "RESULTAT 5": the label wraps on its
    // own schedule.)
    // (Or a line set tight under it that goes on in small letters.)
    if ((lower_label.empty() || continues || capitals || small_tight) &&
        RE2::FullMatch(ut, "[-−–]?\\d+( \\d+)*"_re) && RE2::FullMatch(lt, "\\d{1,3}"_re) &&
        (ut.size() >= 4 || lt.size() < 3) && !ParseSwedishNumber(ut + " " + lt) && ParseSwedishNumber(ut_run + lt))
      continue;
    // The upper part may itself hold groups already ("6 660" over "000": a
    // figure wrapped over three lines, its first two joined before).
    if (!RE2::FullMatch(lt, "\\d{3}(,\\d+)?"_re) || !RE2::FullMatch(ut, "[-−–]?\\d{1,3}( \\d{3})*"_re) ||
        !ParseSwedishNumber(ut + " " + lt))
      return Wrap::kNo;
    // An upper part that is a whole figure already ("16 514") goes on only
    // onto a line without a label of its own: a label there that does not
    // continue the upper one by its words starts a row ("Leverantörsskulder
    // 116" under "Skulder till kreditinstitut 16 514").
    if (ut.find(' ') != std::string::npos && !lower_label.empty() &&
        !continues)
      return Wrap::kNo;
  }
  return certain ? Wrap::kCertain : Wrap::kChoice;
}

void MergeBand(Band* into, const Band& b) {
  for (const PWord& p : b.words) into->words.push_back(p);
  into->box.Extend(b.box);
  into->first_line = std::min(into->first_line, b.first_line);
  std::stable_sort(into->words.begin(), into->words.end(),
                   [](const PWord& x, const PWord& y) { return x.w->box.x0 < y.w->box.x0; });
}

// An open layout decision the arithmetic settles (see ChooseReading).
struct ChoicePoint {
  std::vector<std::pair<std::string, std::string>> fragments;  // upper and lower part of each figure
  Box upper_box, lower_box;
  int page = 0;
};

// Which reading to take at each choice point, in the order ReadRows meets
// them: false = the layout's preference (join the wrapped fragments), true =
// the other reading (the lower band is a row of its own).
using Choices = std::vector<bool>;

// The grid's rows from the body bands, until a band reads as prose; a label
// wrapped onto its own band joins the row above, and a label whose figures
// stand on its next line joins the row below; figures wrapped inside their
// cells join their row. `points` (may be null) receives the choice points met.
void ReadRows(const TableBody& body, const TableShape& shape, const LayoutParams& lp, const Choices& choices,
              Grid* g, std::vector<ChoicePoint>* points) {
  size_t seen = 0;
  bool prev_label_only = false;  // g->rows.back() has a label and no figures
  // The table's usual gap between rows (same page): a gap well under it is
  // a line break inside a cell, not a new row. The upper quartile of the
  // gaps between bands, not the median: where most rows wrap in narrow
  // cells, half the gaps or more are line breaks inside cells.
  std::vector<double> gaps;
  for (size_t b = 1; b < body.bands.size(); ++b)
    if (body.bands[b]->page == body.bands[b - 1]->page)
      gaps.push_back(body.bands[b]->box.y0 - body.bands[b - 1]->box.y1);
  double row_gap = 0;
  if (gaps.size() >= 4) {
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() * 3 / 4, gaps.end());
    row_gap = gaps[gaps.size() * 3 / 4];
  }
  auto tight = [&](size_t b) {
    if (b == 0 || row_gap < lp.tight_gap_min_pt || body.bands[b]->page != body.bands[b - 1]->page) return false;
    double gap = body.bands[b]->box.y0 - body.bands[b - 1]->box.y1;
    return gap < lp.tight_gap_share * row_gap && gap < lp.tight_gap_max_heights * body.bands[b]->box.height();
  };
  // A label line alone (no figures) under a row, on an OCR page: OCR boxes
  // hug the ink, so two lines of one cell lie a descender and the leading
  // apart ("Sandvikens" / "Kommun": 0.45 of a height), more than a text
  // layer's line boxes ever do; the share of the usual row gap still
  // decides, against the leading-based cap of OCR ink.
  auto tight_label = [&](size_t b) {
    if (tight(b)) return true;
    if (b == 0 || row_gap < lp.tight_gap_min_pt || body.bands[b]->page != body.bands[b - 1]->page) return false;
    const Band& band = *body.bands[b];
    bool ocr = std::any_of(band.words.begin(), band.words.end(), [](const PWord& p) { return p.w->confidence < 1; });
    if (!ocr) return false;
    double gap = band.box.y0 - body.bands[b - 1]->box.y1;
    return gap < lp.ocr_tight_gap_share * row_gap && gap < lp.ocr_tight_gap_max_heights * band.box.height();
  };
  // A line break inside a cell against the table's median gap between
  // bands, for the joins a cell set at its bottom needs: in a table whose
  // rows are set at the line spacing with wider gaps between sections (a
  // borderless statement), the upper quartile is a section's gap and an
  // ordinary row would pass for a cell's second line; the median is a
  // row's. (Cells that wrap often enough make the median a line break:
  // then nothing passes, the safe side.)
  double median_gap = 0;
  if (gaps.size() >= 4) {
    std::vector<double> sorted = gaps;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    median_gap = sorted[sorted.size() / 2];
  }
  auto cell_break = [&](size_t b) {
    if (b == 0 || median_gap < lp.tight_gap_min_pt || body.bands[b]->page != body.bands[b - 1]->page) return false;
    const Band& band = *body.bands[b];
    const double gap = band.box.y0 - body.bands[b - 1]->box.y1;
    // OCR boxes hug the ink: a cell's two lines lie as far apart as two
    // rows of a statement set at the line spacing ("Materiella
    // anläggningstillgångar" over "Byggnader 666 670 761" on a brf scan),
    // so there the gap decides only for a label that breaks off open
    // ("Medlemsavgift från Region" over "Jönköpings län 1 500", w42's scan).
    // Text layers too: a statement's section heading set tight over its
    // first row ("Materiella anläggningstillgångar" over "Byggnader och
    // tomträtt", a brf report's text layer) is a complete name, so only a
    // label line that breaks off open joins the figures below.
    static const RE2 kOpen("(?i)(?:^|\\s)(?:och|samt|från|fran|för|for|till|av|med|i|på|pa|inom|mot|region)$|,$");
    if (g->rows.empty() || !RE2::PartialMatch(g->rows.back().label, kOpen)) return false;
    const bool ocr = std::any_of(band.words.begin(), band.words.end(), [](const PWord& p) { return p.w->confidence < 1; });
    if (ocr) return tight_label(b);
    return gap < lp.tight_gap_share * median_gap && gap < lp.tight_gap_max_heights * band.box.height();
  };
  for (size_t b = 0; b < body.bands.size(); ++b) {
    if (body.is_repeat[b]) {
      g->rows.push_back(RepeatedHeaderRow(*body.bands[b], shape.headed.size()));
      prev_label_only = false;
      continue;
    }
    Band band = *body.bands[b];
    while (b + 1 < body.bands.size() && !body.is_repeat[b + 1]) {
      std::vector<std::pair<std::string, std::string>> fragments;
      Wrap w = WrapContinuation(band, *body.bands[b + 1], ShapeOn(shape, band.page), lp, tight(b + 1), &fragments);
      if (w == Wrap::kNo) break;
      if (w == Wrap::kChoice) {
        size_t id = seen++;
        if (points) points->push_back({fragments, band.box, body.bands[b + 1]->box, band.page});
        if (id < choices.size() && choices[id]) break;
      }
      MergeBand(&band, *body.bands[++b]);
    }
    GridRow row;
    bool label_only = false;
    // (A heading of nine or ten words over a labelled row of figures, as
    // CollectBody let through: no prose. The next band is read only for a
    // line the usual limit turned away.)
    auto over_row = [&] {
      GridRow next;
      bool next_label_only = false;
      return b + 1 < body.bands.size() && !body.is_repeat[b + 1] &&
             BandToRow(*body.bands[b + 1], ShapeOn(shape, body.bands[b + 1]->page), lp, &next, &next_label_only) &&
             !next_label_only && !next.label.empty();
    };
    // A numbered section row of a table numbered like an outline ("1
    // Intäkter" over "1.1 Statlig medlemsavgift"; CollectBody kept it):
    // a row of its own, where a numbered heading would end the table.
    if (!BandToRow(band, ShapeOn(shape, band.page), lp, &row, &label_only) &&
        !(over_row() && BandToRow(band, ShapeOn(shape, band.page), lp, &row, &label_only, 10))) {
      if (b + 1 >= body.bands.size() || !OutlineSectionOver(band, *body.bands[b + 1])) break;
      row = GridRow();
      row.label = band.Text();
      row.cells.resize(shape.headed.size());
      row.prov.page = band.page;
      row.prov.line_index = band.first_line;
      row.prov.box = band.box;
      row.prov.raw_text = band.Text();
      label_only = true;
    }
    if (label_only && row.label.empty()) continue;
    // "Förutbetalda" / "89 27" / "kostnader": a label wrapped over two lines
    // in a tall cell whose figures are centred between them (OCR and some
    // text layers give the figures a line of their own). The label's first
    // line stood alone, the figures came without a label, and this line
    // continues the first: one row.
    if (label_only && g->rows.size() >= 2 && !IsContinuation(g->rows.back().label, row.label)) {
      GridRow& figs = g->rows.back();
      GridRow& head = g->rows[g->rows.size() - 2];
      bool figs_only = figs.label.empty() && !figs.repeated_header && figs.prov.page == row.prov.page &&
                       std::any_of(figs.cells.begin(), figs.cells.end(), [](const GridCell& c) { return c.present; });
      bool head_only = !head.label.empty() && !head.repeated_header && head.prov.page == row.prov.page &&
                       std::none_of(head.cells.begin(), head.cells.end(), [](const GridCell& c) { return c.present; });
      if (figs_only && head_only && !IsSectionLabel(head.label) && ToUpper(head.label) != head.label &&
          IsContinuation(head.label, row.label)) {
        AppendLabelLine(&head.label, row.label);
        head.prov.box.Extend(figs.prov.box);
        head.prov.box.Extend(row.prov.box);
        head.prov.raw_text += " " + figs.prov.raw_text + " " + row.prov.raw_text;
        head.cells = std::move(figs.cells);
        head.raw_numbers = std::move(figs.raw_numbers);
        head.groupings = figs.groupings;
        head.doubt_rule = std::move(figs.doubt_rule);
        head.doubt = std::move(figs.doubt);
        g->rows.pop_back();
        prev_label_only = false;
        g->last_page = band.page;
        continue;
      }
    }
    // A line break inside the label's cell continues it; footnote lines
    // ("*", "¹", "(1)", "(Not 3)") do not, a parenthesis opening a lower-case
    // word does ("Ockelbo kommun" / "(hållbart)").
    // A line that the next line's label continues ("Kassaflöde från den
    // löpande verksamheten före" / "förändring av rörelsekapital 359 455")
    // is the head of that row, however tightly set, unless it continues the
    // row above by its own words.
    auto heads_next_row = [&]() {
      if (b + 1 >= body.bands.size() || body.is_repeat[b + 1]) return false;
      GridRow next;
      bool next_label_only = false;
      if (!BandToRow(*body.bands[b + 1], ShapeOn(shape, body.bands[b + 1]->page), lp, &next, &next_label_only))
        return false;
      return !next_label_only && !RE2::PartialMatch(FoldKey(next.label), "^(varav|darav)\\b"_re) &&
             IsContinuation(row.label, next.label);
    };
    // (A line set tight under a label line that has no figures either is
    // that cell's next line, whichever row the cell turns out to be: w42's
    // "Medlemsavgift från" / "Försäkringskassan och" / "Arbetsförmedlingen
    // 3 000 …", a cell whose text stands at its bottom.)
    if (label_only && !g->rows.empty() && !g->rows.back().repeated_header &&
        (IsContinuation(g->rows.back().label, row.label) ||
         (tight_label(b) && b + 1 < body.bands.size() && !IsSectionLabel(row.label) &&
          !RE2::PartialMatch(row.label, "^([*¹²³0-9]|\\([^a-zåäö])"_re) &&
          (!heads_next_row() || (prev_label_only && cell_break(b) && !IsSectionLabel(g->rows.back().label)))))) {
      AppendLabelLine(&g->rows.back().label, row.label);
      continue;
    }
    // "Övriga" / "bidragsintäkter 200 250": the label's first line stood
    // alone, its figures on the line below.
    // (A statement's section heading above is whole: "Verksamhetens
    // kostnader" over "insatser 2 -4 210", w37's scan reading the row's
    // capital I small.)
    static const RE2 kStatementSection(
        "(verksamhetens|rorelsens) (intakter|kostnader)|rorelseintakter|rorelsekostnader|"
        "finansiella intakter och kostnader|anlaggningstillgangar|omsattningstillgangar");
    // The same when the line is set tight under the label line, however it
    // reads: one cell's lines, its text set at the cell's bottom ("Medlems-
    // avgift från Region" / "Jönköpings län 1 500 …", w42), where rows lie a
    // cell's padding apart.
    if (!label_only && prev_label_only && !row.label.empty() &&
        !RE2::PartialMatch(FoldKey(row.label), "^(varav|darav)\\b"_re) &&
        !IsSectionLabel(g->rows.back().label) &&
        !RE2::FullMatch(FoldKey(StripPunct(g->rows.back().label)), kStatementSection) &&
        ToUpper(g->rows.back().label) != g->rows.back().label &&
        (IsContinuation(g->rows.back().label, row.label) || cell_break(b))) {
      GridRow& prev = g->rows.back();
      AppendLabelLine(&prev.label, row.label);
      prev.prov.box.Extend(row.prov.box);
      prev.prov.raw_text += " " + row.prov.raw_text;
      prev.cells = std::move(row.cells);
      prev.raw_numbers = std::move(row.raw_numbers);
      prev_label_only = false;
      g->last_page = band.page;
      continue;
    }
    g->last_page = band.page;
    prev_label_only = label_only;
    g->rows.push_back(std::move(row));
  }
}

// Rows at the end without any figure (a caption of what follows) are not
// the table's.
void DropTrailingEmptyRows(Grid* g) {
  while (!g->rows.empty()) {
    bool any = false;
    for (const GridCell& c : g->rows.back().cells) any |= c.present;
    if (any) break;
    g->rows.pop_back();
  }
}

bool Intersects(const Box& a, const Box& b) {
  return std::min(a.x1, b.x1) > std::max(a.x0, b.x0) && std::min(a.y1, b.y1) > std::max(a.y0, b.y0);
}

// Marks the cells a choice point decided: those reaching into the lower band
// and, in the same columns, those of the upper band.
void MarkDoubt(const ChoicePoint& cp, const std::string& rule, const std::string& why, Grid* g) {
  for (size_t r = 0; r < g->rows.size(); ++r) {
    for (size_t c = 0; c < g->rows[r].cells.size(); ++c) {
      GridCell& cell = g->rows[r].cells[c];
      if (!cell.present || cell.prov.page != cp.page || !Intersects(cell.prov.box, cp.lower_box)) continue;
      cell.doubt_rule = rule;
      cell.doubt = why;
      for (size_t q = r; q-- > 0;) {
        GridCell& up = g->rows[q].cells[c];
        if (up.present && up.prov.page == cp.page && Intersects(up.prov.box, cp.upper_box)) {
          up.doubt_rule = rule;
          up.doubt = why;
          break;
        }
      }
    }
  }
}

// Lets the arithmetic choose among the readings of a table whose layout left
// decisions open (ReadRows' choice points): every combination is read,
// interpreted and scored against the table's constraints (table_arithmetic:
// Summa rows, Resultat, Totalt column, Avvikelse, ...). The reading that
// satisfies the most constraints wins, then the one failing fewest, then the
// one closest to the layout's preference. A tie marks the decided cells
// "layout.ambiguous" (both readings listed); a winner that satisfies none of
// the constraints it can be checked by marks them "layout.unchecked".
void ChooseReading(const Document& doc, const TableBody& body, const TableShape& shape, const LayoutParams& lp,
                   const Grid& base, size_t npoints, Grid* g) {
  const size_t n = std::min<size_t>(npoints, static_cast<size_t>(lp.max_choice_points));
  struct Scored {
    Choices choices;
    Grid grid;
    std::vector<ChoicePoint> points;
    ReadingScore score;
    int departures = 0;
  };
  std::vector<Scored> readings;
  TableContext ctx;
  ctx.doc_kind = doc.meta.kind;
  for (uint32_t mask = 0; mask < (1u << n); ++mask) {
    Scored s;
    s.choices.resize(n);
    for (size_t k = 0; k < n; ++k) {
      s.choices[k] = (mask >> k) & 1;
      s.departures += s.choices[k];
    }
    s.grid = base;
    ReadRows(body, shape, lp, s.choices, &s.grid, &s.points);
    DropTrailingEmptyRows(&s.grid);
    FinancialTable t;
    if (InterpretGrid(s.grid, ctx, &t)) s.score = ScoreReading(t);
    readings.push_back(std::move(s));
  }
  // Of readings that hold alike, one whose sums add up exactly beats one
  // they hold for within rounding only ("18,80" beside parts adding to
  // 18,806 mkr: the "6" under it is the figure's last digit).
  auto same_slack = [](const Scored& a, const Scored& b) { return std::fabs(a.score.slack - b.score.slack) < 1e-9; };
  auto better = [&same_slack](const Scored& a, const Scored& b) {
    if (a.score.holds != b.score.holds) return a.score.holds > b.score.holds;
    if (a.score.fails != b.score.fails) return a.score.fails < b.score.fails;
    if (!same_slack(a, b)) return a.score.slack < b.score.slack;
    return a.departures < b.departures;
  };
  size_t best = 0;
  for (size_t r = 1; r < readings.size(); ++r)
    if (better(readings[r], readings[best])) best = r;
  Scored& win = readings[best];
  for (size_t k = 0; k < n && k < win.points.size(); ++k) {
    const ChoicePoint& cp = win.points[k];
    bool tie = false;
    for (size_t r = 0; r < readings.size(); ++r)
      if (r != best && readings[r].choices[k] != win.choices[k] && readings[r].score.holds == win.score.holds &&
          readings[r].score.fails == win.score.fails && same_slack(readings[r], win))
        tie = true;
    std::string joined, as_join, as_rows;
    for (const auto& [u, l] : cp.fragments) {
      std::string sep = !u.empty() && (u.back() == ',' || u.back() == '.') ? "" : " ";
      joined += (joined.empty() ? "'" : ", '") + u + "' over '" + l + "'";
      as_join += (as_join.empty() ? "" : ", ") + u + sep + l;
      as_rows += (as_rows.empty() ? "" : ", ") + u + " and " + l;
    }
    as_join += " (figures wrapped in their cells)";
    as_rows += " (the lower line a row of its own)";
    std::string taken = win.choices[k] ? as_rows : as_join;
    std::string other = win.choices[k] ? as_join : as_rows;
    // The constraints that touch the cells this point decided, in the
    // winning reading: none of them holding means no reading satisfied them.
    ReadingScore local;
    {
      Grid marked = win.grid;
      MarkDoubt(cp, "probe", "", &marked);
      FinancialTable t;
      if (InterpretGrid(marked, ctx, &t)) {
        for (const Constraint& con : TableConstraints(t)) {
          bool touches = false;
          for (const Term& term : con.terms) {
            const TableCell* cell = CellAt(t, term.row, term.col);
            touches |= cell && cell->doubt_rule == "probe";
          }
          std::optional<double> res = touches ? Residual(t, con) : std::nullopt;
          if (res) (WithinTolerance(con, *res) ? local.holds : local.fails) += 1;
        }
      }
    }
    if (local.holds == 0 && local.fails > 0) {
      MarkDoubt(cp, "layout.unchecked",
                joined + " read as " + taken + " (or " + other + "); no reading satisfies the sums", &win.grid);
    } else if (tie) {
      MarkDoubt(cp, "layout.ambiguous",
                joined + " reads as " + taken + " or as " + other + "; the sums do not decide (kept: " + taken + ")",
                &win.grid);
    }
  }
  *g = std::move(win.grid);
}

// A line of figures without a label right under a row with figures is most
// often the lower part of figures wrapped in narrow cells that the reader
// could not join ("6" over "660" over "000" in columns too tight to tell
// apart): neither line is sure. The unlabeled row stays suspect
// (read.unlabeled); the row above is kept only where the sums confirm it
// (read.wrapped, cleared by the repair stage's checks).
// Lines the arithmetic already placed (the lower band of a choice point that
// ChooseReading decided or flagged) are left to it.
void DoubtUnlabeledFigureRows(const std::vector<ChoicePoint>& points, Grid* g) {
  auto has_figures = [](const GridRow& r) {
    for (const GridCell& c : r.cells)
      if (c.present) return true;
    return false;
  };
  for (size_t r = 0; r < g->rows.size(); ++r) {
    GridRow& row = g->rows[r];
    // (A figure left under no column is this case's doubt too: the reading
    // below says more.)
    if (!row.label.empty() || row.repeated_header || !has_figures(row) ||
        (!row.doubt_rule.empty() && row.doubt_rule != "layout.unplaced"))
      continue;
    if (r == 0 || !has_figures(g->rows[r - 1])) continue;
    bool decided = false;
    for (const GridCell& c : row.cells)
      for (const ChoicePoint& cp : points)
        decided = decided || (c.present && c.prov.page == cp.page && Intersects(c.prov.box, cp.lower_box));
    // The signature of a wrap: every figure of the line a bare three-digit
    // group ("000", "660"), the kind of tail a thousands group leaves.
    bool tails = true;
    for (const GridCell& c : row.cells)
      if (c.present) tails = tails && RE2::FullMatch(c.text, "\\d{3}"_re);
    // A lone dash straight above one of the line's figures: a nil, or
    // that figure's minus set on the line above its digits.
    size_t labelled = r - 1;
    while (labelled > 0 && g->rows[labelled].label.empty()) --labelled;
    GridRow& above = g->rows[labelled];
    std::vector<size_t> dashes;
    for (size_t c = 0; c < row.cells.size() && c < above.cells.size(); ++c)
      if (row.cells[c].present && above.cells[c].present && above.cells[c].doubt_rule.empty() &&
          RE2::FullMatch(above.cells[c].text, "[-\u2013\u2014\u2212]"_re))
        dashes.push_back(c);
    if (!tails && !dashes.empty()) {
      // Figures under dashes, with no label of their own and no reading
      // that joined them up (the upper rows' figures wrapped in narrow
      // cells): whose they are is a guess, and so is the dash.
      row.doubt_rule = "read.unlabeled";
      row.doubt = "a line of figures without a label under a row of dashes: which row they belong to is a guess";
      for (size_t c : dashes) {
        above.cells[c].doubt_rule = "read.unlabeled";
        above.cells[c].doubt = "a dash over a figure on a line without a label: a nil, or that figure's minus set above it";
      }
      continue;
    }
    if (decided || !tails) continue;
    row.doubt_rule = "read.unlabeled";
    row.doubt = "a line of figures without a label under a row with figures (wrapped figures not joined?)";
    for (size_t q = r; q-- > 0;) {
      GridRow& up = g->rows[q];
      if (!up.label.empty()) {
        if (up.doubt_rule.empty()) {
          up.doubt_rule = "read.wrapped";
          up.doubt = "the next line holds figures without a label; these may be the upper parts of wrapped figures";
        }
        break;
      }
    }
  }
}

// Where a table read by ReadTableAt lies on its pages, for joining a table
// cut by a page break whose header is repeated on the next page.
struct TablePlace {
  bool runs_to_page_end = false;  // its body reached the last band of its last page
  bool header_at_page_top = false;  // its header is among the first bands of its page
  bool titled = false;              // a caption of its own stands above the header
};

// A table cut by a page break whose continuation repeats no header may set
// its columns elsewhere on the next page (its label column as wide as the
// labels there). Per continuation page: the page's own columns of figures
// (clustered as BuildColumns does); when they do not line up one to one
// with the header's columns but are as many, the page is read by the order
// of its columns (`shapes`); when they neither line up nor are as many, the
// page goes to `misaligned` (its cells cannot be placed with confidence).
void ContinuationShapes(const TableBody& body, const TableShape& shape, int header_page, const LayoutParams& lp,
                        std::map<int, TableShape>* shapes, std::vector<int>* misaligned) {
  if (shape.comment_x0 < 1e9) return;
  struct Span {
    double x0, x1;
    size_t band;
  };
  std::map<int, std::vector<Span>> spans;
  std::map<int, std::set<size_t>> figure_bands;
  for (size_t b = 0; b < body.bands.size(); ++b) {
    const Band& band = *body.bands[b];
    if (body.is_repeat[b] || band.page == header_page) continue;
    double text_right = -1e9;  // figures stand right of the row's words
    for (const PWord& p : band.words)
      if (!IsNumericToken(p.w->text) && !HasDigit(p.w->text)) text_right = std::max(text_right, p.w->box.x1);
    for (const Chunk& c : NumberChunks(band, text_right, lp))
      if (ParseSwedishNumber(c.Text())) {
        spans[band.page].push_back({c.box.x0, c.box.x1, b});
        figure_bands[band.page].insert(b);
      }
  }
  for (auto& [page, sp] : spans) {
    std::sort(sp.begin(), sp.end(), [](const Span& a, const Span& b) { return a.x0 < b.x0; });
    struct Cluster {
      double x0, x1;
      std::set<size_t> bands;
    };
    std::vector<Cluster> all;
    for (const Span& x : sp) {
      if (!all.empty() && x.x0 <= all.back().x1 - lp.column_overlap_pt) {
        all.back().x1 = std::max(all.back().x1, x.x1);
        all.back().bands.insert(x.band);
      } else {
        all.push_back({x.x0, x.x1, {x.band}});
      }
    }
    // A column of the page is figures of two rows or more (of the only row
    // when there is one): a single row set off the grid is left to
    // BandToRow's placement by order.
    // (Nor one under a column the header names that holds no facts,
    // "Förändring": it lines up with that column.)
    auto under_other_named = [&](const Cluster& c) {
      for (size_t k = 0; k < shape.cols.size(); ++k) {
        const Column& col = shape.cols[k];
        if (col.header.empty() || std::find(shape.headed.begin(), shape.headed.end(), static_cast<int>(k)) !=
                                      shape.headed.end())
          continue;
        if (std::min(col.fig_x1, c.x1) - std::max(col.fig_x0, c.x0) > 0) return true;
      }
      return false;
    };
    std::vector<std::pair<double, double>> cl;
    for (const Cluster& c : all)
      if ((c.bands.size() >= 2 || figure_bands[page].size() == 1) && !under_other_named(c)) cl.push_back({c.x0, c.x1});
    if (cl.empty()) continue;
    // Lined up: each cluster overlaps exactly one headed column, no two the same.
    std::set<int> hit;
    bool lined_up = true;
    for (const auto& c : cl) {
      int n = 0, which = -1;
      for (size_t k = 0; k < shape.headed.size(); ++k) {
        const Column& col = shape.cols[shape.headed[k]];
        if (std::min(col.fig_x1, c.second) - std::max(col.fig_x0, c.first) > 0) {
          ++n;
          which = static_cast<int>(k);
        }
      }
      lined_up = lined_up && n == 1 && hit.insert(which).second;
    }
    if (lined_up) continue;
    if (cl.size() != shape.headed.size()) {
      // Placed by position, doubtful; the labels there still end where the
      // page's figures begin.
      misaligned->push_back(page);
      TableShape kept = shape;
      kept.by_page = nullptr;
      kept.first_headed_x0 = std::max(kept.first_headed_x0, cl.front().first);
      (*shapes)[page] = std::move(kept);
      continue;
    }
    TableShape moved;
    for (size_t k = 0; k < shape.headed.size(); ++k) {
      Column col = shape.cols[shape.headed[k]];
      col.x0 = cl[k].first;
      col.x1 = cl[k].second;
      col.fig_x0 = col.x0;
      col.fig_x1 = col.x1;
      moved.cols.push_back(col);
      moved.headed.push_back(static_cast<int>(k));
    }
    moved.first_headed_x0 = cl.front().first;
    (*shapes)[page] = std::move(moved);
  }
}

// Marks every figure on the given pages doubtful.
void MarkPagesDoubt(const std::vector<int>& pages, const std::string& rule, const std::string& why, Grid* g) {
  for (GridRow& r : g->rows) {
    if (r.doubt_rule == rule) continue;  // a row that holds the doubt as a whole
    for (GridCell& c : r.cells)
      if (c.present && std::find(pages.begin(), pages.end(), c.prov.page) != pages.end() && c.doubt_rule.empty()) {
        c.doubt_rule = rule;
        c.doubt = why;
      }
  }
}

// A table printed with its years down the side ("År  Intäkter  Kostnader
// Årets resultat" over "2021  11 200  −10 950  250", "2022 …"): a header of
// three or more words and no digit, then three or more rows of a year and
// two or more figures alone, the years one apart in one direction, each
// year under the header's left edge; a header cell's words wrapped onto up
// to two bands of their own may stand between (their number in *wrapped).
// Returns the right edge of the years (the label column) in *label_x1, or
// false.
// A kind word that may follow a year in a turned table's row label
// ("2026 (prognos)", "2027 budget").
bool IsYearKindWord(const std::string& text) {
  return RE2::FullMatch(FoldKey(StripPunct(text)), "prognos|budget|utfall|plan|bokslut"_re);
}

bool TransposedHeader(const std::vector<Band>& bands, size_t i, const LayoutParams& lp, double* label_x1,
                      size_t* wrapped) {
  const Band& h = bands[i];
  if (h.words.size() < 3) return false;
  for (const PWord& p : h.words)
    if (HasDigit(p.w->text)) return false;
  int rows = 0, prev = 0, dir = 0;
  double year_x0 = 0, year_x1 = 0;
  // A header cell's words wrapped onto a band of their own ("Region" over
  // "Västmanland"): a few words, no digit, set close under the header.
  size_t first_row = i + 1;
  for (int wrapped = 0; wrapped < 2 && first_row < bands.size(); ++wrapped, ++first_row) {
    const Band& w = bands[first_row];
    bool words = w.page == h.page && w.words.size() <= 3 &&
                 w.box.y0 - bands[first_row - 1].box.y1 < lp.header_wrap_gap_heights * h.box.height();
    for (const PWord& p : w.words) words = words && !HasDigit(p.w->text);
    if (!words) break;
  }
  for (size_t k = first_row; k < bands.size() && rows < 15; ++k) {
    const Band& b = bands[k];
    if (b.page != h.page || b.words.size() < 3) break;
    const std::string first = StripPunct(b.words[0].w->text);
    if (!IsYearToken(first)) break;
    // (A year with its kind, "2026 (prognos)" under outcomes, w39.)
    const size_t kind_words = b.words.size() > 3 && IsYearKindWord(b.words[1].w->text) ? 1 : 0;
    int figures = 0;
    for (size_t w = 1 + kind_words; w < b.words.size(); ++w)
      figures += IsNumericToken(b.words[w].w->text) || b.words[w].w->text == "%";
    if (figures + 1 + static_cast<int>(kind_words) != static_cast<int>(b.words.size())) break;
    const int y = std::stoi(first.substr(0, 4));
    if (prev) {
      const int d = y - prev;
      if ((d != 1 && d != -1) || (dir && d != dir)) break;
      dir = d;
    }
    if (rows == 0) year_x0 = b.words[0].w->box.x0;
    if (std::abs(b.words[0].w->box.x0 - year_x0) > lp.edge_slack_pt + b.box.height()) break;
    year_x1 = std::max(year_x1, b.words[kind_words].w->box.x1);
    prev = y;
    ++rows;
  }
  // The years stand at the header's left edge (under its label head, or
  // left of its first measure).
  if (rows < 3 || year_x0 > h.words[0].w->box.x1) return false;
  *label_x1 = year_x1 + lp.edge_slack_pt;
  *wrapped = first_row - i - 1;
  int measures = 0;
  for (const PWord& p : h.words) measures += p.w->box.x0 >= *label_x1;
  return measures >= 2;
}

// The grid of a table read with its years as rows, turned: the years become
// the columns' headers, the measures the rows. Every cell keeps its own
// provenance. False (grid untouched) unless every row is a year.
bool TurnYearRows(Grid* g) {
  if (g->rows.empty()) return false;
  // A year alone, or with its kind ("2026 (prognos)": "Prognos 2026").
  auto head = [](const GridRow& r) {
    const std::string label = CleanCellText(r.label);
    std::string year, kind;
    if (RE2::FullMatch(label, "((?:19|20)\\d\\d)\\s*[(\\[]?(\\pL+)[)\\]]?"_re, &year, &kind) && IsYearKindWord(kind))
      return kind + " " + year;
    const std::string bare = StripPunct(label);
    return IsYearToken(bare) ? bare : std::string();
  };
  for (const GridRow& r : g->rows)
    if (head(r).empty()) return false;
  Grid t = *g;
  t.headers.clear();
  t.rows.clear();
  for (const GridRow& r : g->rows) t.headers.push_back(head(r));
  for (size_t c = 0; c < g->headers.size(); ++c) {
    GridRow row;
    row.label = g->headers[c];
    row.prov = g->rows.front().prov;
    row.prov.raw_text = g->headers[c];
    for (const GridRow& r : g->rows) row.cells.push_back(c < r.cells.size() ? r.cells[c] : GridCell{});
    t.rows.push_back(std::move(row));
  }
  t.header_label.clear();
  *g = std::move(t);
  return true;
}

// Reads the table whose header is band `i` of page `pi`, if it is one, into
// `grids`; returns the index of the band to look at next on that page.
size_t ReadTableAt(const Document& doc, const std::vector<std::vector<Band>>& page_bands, size_t pi, size_t i,
                   const LayoutParams& lp, std::vector<Grid>* grids, TablePlace* place) {
  const std::vector<Band>& bands = page_bands[pi];
  int hs = HeaderStart(bands[i]);
  // Kinds alone, dated by a caption of one year, with no years row under
  // them (that would make a two-row header, read from the years row).
  if (hs < 0 && (hs = YearlessKindsHeaderStart(bands[i])) >= 0) {
    const bool years_below = i + 1 < bands.size() && HeaderStart(bands[i + 1]) >= 0;
    if (years_below || !SingleYear(FindTitle(bands, i, lp)).has_value()) hs = -1;
  }
  double label_x1 = 0;
  size_t wrapped = 0;
  const bool transposed = hs < 0 && TransposedHeader(bands, i, lp, &label_x1, &wrapped);
  if (transposed) hs = 0;
  if (hs < 0) return i + 1;
  HeaderBlock h = MergeWrappedHeader(bands, i, hs, lp);
  // (The names of a turned table's columns wrapped in their cells: "Region"
  // over "Västmanland".)
  for (; transposed && h.end < i + wrapped; ++h.end) MergeIntoHeader(&h.header, bands[h.end + 1]);
  h.transposed = transposed;
  h.label_x1 = label_x1;
  CarryHeaderFromPreviousPage(doc, page_bands, pi, i, lp, &h);
  LocateHeaderColumns(&h);
  TableBody body = CollectBody(page_bands, pi, h, lp);
  if (!BodyHasNumbers(body, h.first_x, lp)) return i + 1;
  TableShape shape;
  Grid g;
  if (!ShapeColumns(h, body, lp, &shape, &g)) return i + 1;
  g.title = h.carried_title.empty() ? FindTitle(bands, h.begin, lp) : h.carried_title;
  g.page = g.last_page = h.header.page;
  Grid base = g;
  // Continuation pages with their figures set elsewhere: read by position
  // and by the order of the page's columns; the arithmetic chooses.
  std::map<int, TableShape> page_shapes;
  std::vector<int> misaligned, moved_pages;
  ContinuationShapes(body, shape, h.header.page, lp, &page_shapes, &misaligned);
  bool moved_tie = false;
  std::map<int, TableShape> by_position;  // the misaligned pages alone
  for (int pg : misaligned) by_position[pg] = page_shapes[pg];
  if (page_shapes.size() > by_position.size()) {
    TableContext ctx;
    ctx.doc_kind = doc.meta.kind;
    auto score = [&](const TableShape& sh, Grid* out) {
      *out = base;
      std::vector<ChoicePoint> ignored;
      ReadRows(body, sh, lp, {}, out, &ignored);
      DropTrailingEmptyRows(out);
      FinancialTable t;
      return InterpretGrid(*out, ctx, &t) ? ScoreReading(t) : ReadingScore{};
    };
    TableShape by_order = shape, by_pos = shape;
    by_order.by_page = &page_shapes;
    by_pos.by_page = &by_position;
    Grid ga, gb;
    ReadingScore sa = score(by_pos, &ga), sb = score(by_order, &gb);
    if (sa.holds > sb.holds || (sa.holds == sb.holds && sa.fails < sb.fails)) {
      page_shapes = by_position;
    } else {
      auto same = [](const Grid& a, const Grid& b) {
        if (a.rows.size() != b.rows.size()) return false;
        for (size_t r = 0; r < a.rows.size(); ++r)
          for (size_t c = 0; c < a.rows[r].cells.size(); ++c)
            if (a.rows[r].cells[c].present != b.rows[r].cells[c].present ||
                a.rows[r].cells[c].text != b.rows[r].cells[c].text)
              return false;
        return true;
      };
      // A reading that leaves printed figures out (the page's figures under
      // no column, a row with fewer figures than columns) reads less of the
      // page: the one placing more is taken when the sums do not decide.
      auto placed = [](const Grid& g) {
        int n = 0;
        for (const GridRow& r : g.rows)
          for (const GridCell& c : r.cells) n += c.present;
        return n;
      };
      moved_tie = sa.holds == sb.holds && sa.fails == sb.fails && !same(ga, gb) && placed(gb) <= placed(ga);
      for (const auto& [page, sh] : page_shapes)
        if (!by_position.count(page)) moved_pages.push_back(page);
    }
  }
  shape.by_page = &page_shapes;
  std::vector<ChoicePoint> points;
  ReadRows(body, shape, lp, {}, &g, &points);
  DropTrailingEmptyRows(&g);
  if (!points.empty()) ChooseReading(doc, body, shape, lp, base, points.size(), &g);
  DoubtUnlabeledFigureRows(points, &g);
  if (moved_tie)
    MarkPagesDoubt(moved_pages, "layout.ambiguous",
                   "the table goes on without its header on a page that sets its figures elsewhere: read by the "
                   "order of that page's columns (or by their position); the sums do not decide",
                   &g);
  // (A row doubt, which the sums may clear: the page's figures were placed
  // by its own columns' order, and the table's checks read them.)
  for (GridRow& r : g.rows) {
    bool on_page = false;
    for (const GridCell& c : r.cells)
      on_page = on_page || (c.present && std::find(misaligned.begin(), misaligned.end(), c.prov.page) != misaligned.end());
    bool cell_doubts = false;
    for (const GridCell& c : r.cells) cell_doubts = cell_doubts || !c.doubt_rule.empty();
    if (on_page && r.doubt_rule.empty() && !cell_doubts) {
      r.doubt_rule = "layout.unchecked";
      r.doubt = "the table goes on without its header on a page whose columns of figures do not line up with the "
                "header's";
    }
  }
  MarkPagesDoubt(misaligned, "layout.unchecked",
                 "the table goes on without its header on a page whose columns of figures do not line up with the "
                 "header's",
                 &g);
  if (!g.rows.empty()) {
    place->titled = !g.title.empty();
    place->header_at_page_top = h.begin <= 2;
    // Nothing after it on its last page but a running footer ("7 (13)").
    const std::vector<Band>& end = page_bands[body.end_page];
    size_t rest = end.size() > body.end_band ? end.size() - body.end_band : 0;
    bool footer_only = rest <= 2;
    for (size_t k = body.end_band; footer_only && k < end.size(); ++k) footer_only = end[k].words.size() <= 4;
    place->runs_to_page_end = footer_only;
    if (!h.transposed || TurnYearRows(&g)) grids->push_back(std::move(g));
  }
  // A table that went on to the next page used up the rest of this one.
  if (body.end_page != pi) return bands.size();
  return std::max(body.end_band, i + 1);
}

}  // namespace

std::vector<Grid> ReadLayoutTables(const Document& doc, const LayoutParams& params) {
  std::vector<Grid> grids;
  std::vector<std::vector<Band>> page_bands = PageBands(doc, params);
  TablePlace last;  // of grids.back()
  for (size_t pi = 0; pi < page_bands.size(); ++pi) {
    size_t i = 0;
    while (i < page_bands[pi].size()) {
      size_t before = grids.size();
      TablePlace place;
      i = ReadTableAt(doc, page_bands, pi, i, params, &grids, &place);
      if (grids.size() == before) continue;
      // A table cut by a page break with its header repeated at the top of
      // the next page, without a caption of its own: the same table goes on.
      if (before > 0 && last.runs_to_page_end && place.header_at_page_top && !place.titled) {
        Grid& prev = grids[before - 1];
        Grid& cur = grids.back();
        // A header that names a table of its own beside the years ("Not 5
        // Övriga externa kostnader  2021  2020" after "Not 4 Driftkostnader
        // 2021 2020") starts that table; a repeated header repeats its label
        // or has none.
        bool own_label = !cur.header_label.empty() && FoldKey(cur.header_label) != FoldKey(prev.header_label);
        // (Headers OCR read a little apart name the same columns when each
        // parses alike: "Förändring, 24" and "Förändring, 2" for "%".)
        bool same_headers = cur.headers.size() == prev.headers.size();
        for (size_t c = 0; same_headers && c < cur.headers.size(); ++c) {
          if (cur.headers[c] == prev.headers[c]) continue;
          const TableColumn a = ParseColumnHeader(cur.headers[c], doc.meta.kind);
          const TableColumn b = ParseColumnHeader(prev.headers[c], doc.meta.kind);
          same_headers = a.kind == b.kind && a.year == b.year && a.period == b.period;
        }
        if (same_headers && cur.page == prev.last_page + 1 && !own_label) {
          for (GridRow& r : cur.rows) prev.rows.push_back(std::move(r));
          prev.last_page = cur.last_page;
          grids.pop_back();
          last.runs_to_page_end = place.runs_to_page_end;
          continue;
        }
      }
      last = place;
    }
  }
  return grids;
}

}  // namespace finsam
