#include "extractors/ocr_doubts.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>

#include "extractors/table_arithmetic.h"
#include "extractors/table_grid.h"
#include "model/text_split.h"
#include "normalizers/regex.h"
#include "normalizers/ocr_misreads.h"
#include "normalizers/swedish_lexicon.h"
#include "normalizers/text.h"
#include "normalizers/unicode.h"

namespace finsam {

namespace {

// Arithmetic checks within one table (sums, Totalt/Avvikelse columns, the
// balance identity, cash ties), as against checks across tables.
// A label word OCR cased as no word is printed: a capital after small
// letters inside the word ("KoOstnadel", "reSultat", "fOrdrinQar"), or a
// small word of the language in capitals among words that are not ("Summa
// till ÄN Går" for Summa tillgångar: leader dots read into the word), or a
// capitalised word of one to three letters inside a label, before a word in
// small letters, that is no name ("Hälsa I fokus", "Unga Ull arbete" for
// Unga till arbete: a capital is no word's first letter there). "" when
// there is none.
std::string CaseGarbledWord(const std::string& label) {
  static const RE2 kCamel("\\p{Ll}\\p{Lu}");
  static const RE2 kSmallWord("(an|än|en|ett|och|av|for|för|pa|på|till|med|som|ar|är|om|den|det|ner|upp)");
  static const RE2 kCaps("\\p{Lu}{2,4}");
  static const RE2 kShortCapital("\\p{Lu}\\p{Ll}{0,2}");
  static const RE2 kSmallLetters("\\p{Ll}+");
  const std::vector<std::string> words = SplitOn(label, ' ');
  bool other_small = false;
  for (const std::string& w : words) other_small = other_small || RE2::PartialMatch(w, "\\p{Ll}"_re);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (RE2::PartialMatch(w, kCamel)) return w;
    if (other_small && RE2::FullMatch(w, kCaps) && RE2::FullMatch(ToLower(w), kSmallWord)) return w;
    if (i > 0 && i + 1 < words.size() && RE2::FullMatch(w, kShortCapital) &&
        RE2::FullMatch(words[i + 1], kSmallLetters)) {
      const SwedishLexicon* lex = SwedishLexicon::Shared();
      const int32_t id = lex ? lex->Find(ToLower(w)) : -1;
      // (A lone capital is no name, whatever the gazetteer lists.)
      if (id < 0 || w.size() == 1 || !(lex->Flags(id) & SwedishLexicon::kGazetteer)) return w;
    }
  }
  return "";
}

bool IsTableArithmetic(const Flag& f) {
  return f.rule.rfind("sum.", 0) == 0 || f.rule == kRuleBalance || f.rule == kRuleCashTies;
}

}  // namespace

bool HoldsOnlyByRounding(const Flag& f) {
  if (!f.passed || !f.found || !f.expected || *f.found == *f.expected) return false;
  // A table's own arithmetic: its residual is in printed units. Cross-table
  // checks compare figures printed in different units, where a difference is
  // rounding by construction.
  return IsTableArithmetic(f);
}

int MarkOcrDoubts(const Document& doc, const std::vector<Flag>& checks, std::vector<FinancialTable>* tables) {
  using Key = std::tuple<int, int, int>;
  std::set<Key> confirmed, failed;
  // A figure read as the tail of a longer one ("616 000" for 13 616 000,
  // repair.truncated) takes whatever head the sum asks for: the sum then
  // holds by construction and vouches for none of its figures, and OCR that
  // lost one head in a column may have lost the others' too ("171 000" for
  // 10 171 000 above it). Such a sum counts as failing for its other cells.
  // A figure OCR lost and derived from its sum (repair.lost) is the same.
  // A figure OCR could not read and derived from its sum (repair.derived)
  // leaves the sum as it was without it: not evaluated, neither vouching
  // for its other figures nor doubting them.
  std::set<Key> made_by_sum, derived;
  for (const Flag& f : checks) {
    if (f.rule == "repair.truncated" || f.rule == "repair.lost")
      for (const FlagCell& c : f.cells) made_by_sum.insert({c.table, c.row, c.col});
    if (f.rule == "repair.derived")
      for (const FlagCell& c : f.cells) derived.insert({c.table, c.row, c.col});
  }
  for (const Flag& f : checks) {
    if (HoldsOnlyByRounding(f)) continue;  // a pass that vouches for nothing
    if (f.passed && IsTableArithmetic(f) && std::any_of(f.cells.begin(), f.cells.end(), [&](const FlagCell& c) {
          return derived.count({c.table, c.row, c.col}) > 0;
        }))
      continue;
    // (A table's own sums only: a figure read elsewhere that agrees with
    // the repaired one, xref.same_figure or xref.overview, still vouches.)
    const bool by_construction =
        f.passed && IsTableArithmetic(f) && std::any_of(f.cells.begin(), f.cells.end(), [&](const FlagCell& c) {
          return made_by_sum.count({c.table, c.row, c.col}) > 0;
        });
    if (by_construction) {
      for (const FlagCell& c : f.cells)
        if (!made_by_sum.count({c.table, c.row, c.col})) failed.insert({c.table, c.row, c.col});
      continue;
    }
    if (f.passed) {
      // A figure compared across tables with one printed in a coarser unit
      // ("22 000 009" kr in a note against "22 000" tkr in the statement)
      // is vouched for only to that unit: OCR's misread last digits pass.
      int64_t coarsest = 0;
      const bool rounded = f.found && f.expected && *f.found != *f.expected;
      for (const FlagCell& c : f.cells)
        if (c.table >= 0 && c.table < static_cast<int>(tables->size()))
          coarsest = std::max(coarsest, (*tables)[c.table].scale);
      for (const FlagCell& c : f.cells) {
        const bool finer = rounded && c.table >= 0 && c.table < static_cast<int>(tables->size()) &&
                           (*tables)[c.table].scale < coarsest;
        if (!finer) confirmed.insert({c.table, c.row, c.col});
      }
    } else if (f.severity == kSeverityError) {
      for (const FlagCell& c : f.cells) failed.insert({c.table, c.row, c.col});
    }
  }
  // The page (1-based) exists and its text was got as `d` says.
  auto decided = [&doc](int page, PageDecision d) {
    return page >= 1 && page <= static_cast<int>(doc.pages.size()) && doc.pages[page - 1].decision == d;
  };
  // (A text page with pictures of print OCR read, a pasted table: its
  // figures are OCR's too.)
  auto ocr_page = [&decided, &doc](int page) {
    return decided(page, PageDecision::kOcr) ||
           (page >= 1 && page <= static_cast<int>(doc.pages.size()) && !doc.pages[page - 1].text_pictures.empty());
  };
  // A page of a plain-text dump (words of WordSource::kPlainText): OCR
  // output as often as not, without the confidences to doubt a figure by.
  // (By the page's unit, or by any of its words: its first word may be one
  // diacritic repair changed, WordSource::kRepaired.)
  auto dump_page = [&doc](int page) {
    if (page < 1 || page > static_cast<int>(doc.pages.size())) return false;
    const Page& p = doc.pages[page - 1];
    if (p.unit == BoxUnit::kCharCell) return true;
    for (const Line& l : p.lines)
      for (const Word& w : l.words)
        if (w.source == WordSource::kPlainText) return true;
    return false;
  };
  int marked = 0;
  for (size_t ti = 0; ti < tables->size(); ++ti) {
    FinancialTable& t = (*tables)[ti];
    const bool some_year =
        std::any_of(t.columns.begin(), t.columns.end(), [](const TableColumn& col) { return col.year != 0; });
    // A table that prints its negatives in parentheses ("(10 812)"): OCR
    // may lose a pair of them ("10 812"), and a cost row's figure then
    // reads positive. The sums cannot tell (result = income − costs holds
    // with costs positive as well), so such a figure is doubted.
    static const RE2 kParenNegative("\\(\\s*\\d[\\d ]*(,\\d+)?\\s*\\)");
    bool paren_negatives = false;
    for (const TableRow& r : t.rows)
      for (const TableCell& c : r.cells) paren_negatives = paren_negatives || RE2::FullMatch(c.raw, kParenNegative);
    for (size_t ri = 0; ri < t.rows.size(); ++ri) {
      TableRow& r = t.rows[ri];
      if (r.is_header) continue;
      const bool garbled_label = r.prov.confidence < kOcrLabelMinConfidence && !r.category;
      // A label word OCR read that no reading makes a known word: the row
      // may be another than the one its figures are filed under.
      const int row_page = r.prov.page ? r.prov.page : t.page;
      const bool row_on_ocr_page = ocr_page(row_page);
      std::string unknown_word;
      // On a page the page decision judged stripped by an English OCR model
      // (kRepair: a text layer or a dump) too: OCR output, its words
      // repaired where the repair could.
      if (row_on_ocr_page || decided(row_page, PageDecision::kRepair)) {
        if (const SwedishLexicon* lex = SwedishLexicon::Shared()) {
          OcrMisreadRepair m = RepairOcrMisreads(r.label, *lex);
          if (!m.unknown.empty()) unknown_word = m.unknown.front();
        }
        if (unknown_word.empty()) unknown_word = CaseGarbledWord(r.label);
      }
      // A label word rebuilt by a guess: the rebuilt label may be another
      // row's than the one printed.
      const std::string guessed = r.label_guesses.empty() ? "" : r.label_guesses.front();
      // "Intäkter 14 | 200 000": OCR set a figure's first digits against
      // the label. A label ending in one to three digits before a first
      // figure that starts with a group of three is a figure split apart.
      bool label_took_digits = false;
      if (row_on_ocr_page && RE2::PartialMatch(r.label, "\\D\\s\\d{1,3}$"_re)) {
        for (const TableCell& c : r.cells) {
          if (!c.present) continue;
          label_took_digits = RE2::PartialMatch(c.raw, "^\\d{3}(\\D|$)"_re);
          break;
        }
      }
      // "Staten 50 96", "Lunds kommun (25 260)": a share the label stated
      // ("(50 %)") whose sign OCR read as digits. Two numbers closing a
      // label are no name a reader can trust.
      const bool label_two_numbers =
          row_on_ocr_page && RE2::PartialMatch(r.label, "(?:^|\\s)\\(?\\d{1,3}\\s+\\d{1,3}\\)?$"_re);
      // A ratio row whose figures print decimals ("2,31 1,52 1,02 1,79"):
      // a figure there without them is one whose decimal comma OCR lost
      // ("1579" for 1,79), or a misread. Two such figures and half the row
      // decide.
      auto has_decimals = [](const std::string& raw) { return RE2::PartialMatch(raw, "\\d[,.;:]\\d"_re); };
      int with_decimals = 0, present = 0;
      for (const TableCell& c : r.cells) {
        if (!c.present) continue;
        ++present;
        with_decimals += has_decimals(c.raw);
      }
      // OCR read the row: on an OCR page, or in a plain-text dump.
      const bool row_read_by_ocr = row_on_ocr_page || dump_page(r.prov.page ? r.prov.page : t.page);
      const bool decimal_row = row_read_by_ocr && with_decimals >= 2 && 2 * with_decimals >= present;
      // A row of four or more figures of one sign, all but one within a
      // factor of 1.5 of each other ("12151 12 287 12 423 12514 127717"):
      // the one ten times off is a digit OCR put in or lost.
      int out_of_line = -1;
      if (row_read_by_ocr) {
        std::vector<std::pair<double, int>> v;  // |value|, column
        int negative = 0;
        for (size_t c = 0; c < r.cells.size(); ++c) {
          const TableCell& cell = r.cells[c];
          // (A share column's per cent is no amount to compare: "3,3" beside
          // "3 100" under "Förändring, %".)
          if (!cell.present || !cell.parsed || cell.value == 0 || cell.is_percent) continue;
          v.push_back({std::fabs(cell.value), static_cast<int>(c)});
          negative += cell.value < 0;
        }
        std::sort(v.begin(), v.end());
        const size_t n = v.size();
        if (n >= 4 && (negative == 0 || negative == static_cast<int>(n))) {
          if (v[n - 2].first <= 1.5 * v[0].first && v[n - 1].first >= 5 * v[n - 2].first) {
            out_of_line = v[n - 1].second;
          } else if (v[n - 1].first <= 1.5 * v[1].first && 5 * v[0].first <= v[1].first) {
            out_of_line = v[0].second;
          }
        }
      }
      // A share in per cent (an "andel", the soliditet) is at most 100: a
      // figure above it lost its decimal comma ("537" for 53,7).
      bool share_row = false;
      if (row_read_by_ocr && (r.label.find('%') != std::string::npos || !r.monetary)) {
        const std::string folded = FoldKey(r.label);
        share_row = folded.find("andel") != std::string::npos || folded.find("soliditet") != std::string::npos;
      }
      for (size_t c = 0; c < r.cells.size() && c < t.columns.size(); ++c) {
        TableCell& cell = r.cells[c];
        if (!cell.present || (cell.status != "ok" && cell.status != "repaired")) continue;
        const bool repaired = cell.status == "repaired";
        const bool on_ocr_page = ocr_page(cell.prov.page ? cell.prov.page : t.page);
        const TableColumn& col = t.columns[c];
        const bool lost_year = some_year && col.year == 0 && IsDatedKind(col.kind);
        const Key key{static_cast<int>(ti), static_cast<int>(ri), static_cast<int>(c)};
        const bool vouched = confirmed.count(key) > 0;
        char buf[160];
        std::string why;
        if (garbled_label) {
          std::snprintf(buf, sizeof buf, "label read by OCR with low confidence (%.2f) and no known category",
                        r.prov.confidence);
          why = buf;
        } else if (!unknown_word.empty()) {
          why = "label word '" + unknown_word + "' read by OCR is no known word (or cased as none is)";
        } else if (!guessed.empty()) {
          const size_t arrow = guessed.find("→");
          why = "'" + guessed.substr(0, arrow) + "' of the label OCR read is no known word; taken for '" +
                guessed.substr(arrow + std::string("→").size()) +
                "', the one known word or statement line a few OCR edits away";
        } else if (label_took_digits) {
          why = "label read by OCR ends in digits that may begin the row's first figure";
        } else if (label_two_numbers) {
          why = "label read by OCR ends in two numbers (a per cent sign or a bracket read as digits?)";
        } else if (decimal_row && !vouched && !has_decimals(cell.raw) && HasDigit(cell.raw)) {
          why = "figure read by OCR without the decimals its row's other figures print (a decimal comma lost?)";
        } else if (!vouched && share_row && cell.parsed && cell.value > 100) {
          why = "share read by OCR above 100 per cent ('" + cell.raw + "': a decimal comma lost?), no check confirms it";
        } else if (!vouched && static_cast<int>(c) == out_of_line) {
          why = "figure read by OCR ten times off its row's other figures ('" + cell.raw +
                "': a digit put in or lost?), no check confirms it";
        } else if (paren_negatives && row_read_by_ocr && r.category && r.category->starts_with("cost") &&
                   !IsDeviationKind(col.kind) &&  // (a deviation's sign is the table's convention)
                   cell.parsed && cell.value > 0 && cell.raw.find('(') == std::string::npos) {
          why = "cost figure read by OCR as positive where its table prints negatives in parentheses ('" +
                cell.raw + "': a parenthesis lost?)";
        } else if (!vouched && cell.prov.confidence < kOcrFigureMinConfidence) {
          std::snprintf(buf, sizeof buf, "figure read by OCR with low confidence (%.2f), no check confirms it",
                        cell.prov.confidence);
          why = buf;
        } else if (!vouched && on_ocr_page && !ParseSwedishNumber(cell.raw) &&
                   ParseWithLostHeadSpace(cell.raw)) {
          // Read with its first thousands space put back ("1625 531"): of
          // 83 such cells on the brf scans one was a figure with a stray
          // "1" before it ("1774 707" for "774 707", beside a Not column).
          why = "figure read by OCR with its first thousands space lost ('" + cell.raw +
                "'), no check confirms it";
        } else if (!vouched && failed.count(key) && on_ocr_page) {
          why = "figure read by OCR fails a check of its table, no check confirms it";
        } else if (!vouched && failed.count(key) && dump_page(cell.prov.page ? cell.prov.page : t.page)) {
          // A sum of a text dump that fails: one of its figures is misread
          // ("271 252 525 521" and a scrap "3" of the page's edge read as
          // two columns' figures), and nothing says which.
          why = "figure of a text dump fails a check of its table, no check confirms it";
        } else if (!vouched && repaired && on_ocr_page) {
          // A repair chosen because a sum then held within its rounding
          // tolerance only, or one that leaves its cell in no held check.
          why = "figure read by OCR and repaired, no check confirms the repair exactly";
        } else if (!vouched && lost_year && on_ocr_page) {
          // "Utfall" without its year among dated columns: a header OCR
          // broke, or a figure's part set under a column of its own.
          why = "figure read by OCR under a column whose year was not read, no check confirms it";
        } else if (!vouched && on_ocr_page && !r.label.empty() && ri + 1 < t.rows.size() &&
                   t.rows[ri + 1].label.empty() && !t.rows[ri + 1].is_header && c < t.rows[ri + 1].cells.size() &&
                   t.rows[ri + 1].cells[c].present) {
          // "3" over "350-330": the line under it, without a label, may
          // hold the rest of this figure, broken in its narrow cell and
          // run together with the next column's by OCR.
          why = "figure read by OCR over a line of figures without a label (the rest of it, broken in its "
                "cell?), no check confirms it";
        } else if (r.label.empty() && on_ocr_page) {
          // Fragments of a wrapped cell or of a rule line that OCR set on a
          // line of their own, or a row whose label OCR lost (w30's
          // "Kansli"): nothing names the figure, and a sum that holds says
          // what it is worth, not what it is.
          why = vouched ? "figure read by OCR on a line without a label: its sums hold, but nothing names it"
                        : "figure read by OCR on a line without a label, no check confirms it";
        } else {
          continue;
        }
        cell.status = "suspect";
        cell.doubt_rule = "read.ocr";
        cell.doubt = why;
        ++marked;
      }
    }
    // A table OCR read so badly that no check holds for any of its figures
    // and at least two of three are in doubt already (columns shifted by a
    // broken header, figures wrapped in cells too narrow): the few still
    // `ok` are so by default, not by a check. They are doubted too.
    int in_doubt = 0, still_ok = 0;
    bool any_confirmed = false;
    for (size_t ri = 0; ri < t.rows.size(); ++ri)
      for (size_t c = 0; c < t.rows[ri].cells.size(); ++c) {
        const TableCell& cell = t.rows[ri].cells[c];
        if (!cell.present || !ocr_page(cell.prov.page ? cell.prov.page : t.page)) continue;
        const Key key{static_cast<int>(ti), static_cast<int>(ri), static_cast<int>(c)};
        any_confirmed = any_confirmed || confirmed.count(key) > 0;
        in_doubt += cell.status == "suspect";
        still_ok += cell.status == "ok" || cell.status == "repaired";
      }
    if (!any_confirmed && still_ok > 0 && in_doubt >= 2 * still_ok && in_doubt >= 4) {
      const std::string why = "figure read by OCR in a table no check confirms any figure of, " +
                              std::to_string(in_doubt) + " of " + std::to_string(in_doubt + still_ok) +
                              " of its figures in doubt";
      for (TableRow& r : t.rows)
        for (TableCell& cell : r.cells) {
          if (!cell.present || (cell.status != "ok" && cell.status != "repaired")) continue;
          if (!ocr_page(cell.prov.page ? cell.prov.page : t.page)) continue;
          cell.status = "suspect";
          cell.doubt_rule = "read.ocr";
          cell.doubt = why;
          ++marked;
        }
    }
  }
  return marked;
}

}  // namespace finsam
