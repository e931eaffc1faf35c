#include "extractors/financial_tables.h"

#include <optional>
#include <set>

#include <re2/re2.h>

#include "extractors/table_arithmetic.h"
#include "extractors/table_readers.h"
#include "normalizers/regex.h"
#include "normalizers/unicode.h"

namespace finsam {
namespace {

// "Alla belopp redovisas i tkr om inte annat anges" and the like.
std::string DocumentUnitStatement(const Document& doc) {
  // "Alla belopp redovisas i tkr", "Alla belopp i tabellerna anges i
  // tusental kronor", "Belopp anges i svenska kronor om inte
  // annat anges", "redovisas alla belopp i tusental kronor (TSEK)",
  // "Beloppen anges i tusentals kronor (tkr)", "Beloppen är i tkr",
  // "Belopp i tabellerna anges i tusentals kronor (tkr)" (w30; not
  // "Beloppen i tabellen anges i kronor", one table's, w26). Not
  // "står följande belopp i kronor" (one table's caption).
  // "tusental" with one letter OCR misread ("tuséntal") still says it, and
  // so does an "i" OCR read as "1" or "l" ("upprättad 1 svenska kronor").
  static const std::string kThousands = "tus\\S{1,2}ntals? kronor";
  static const RE2 kStatement(
      "(?i)((?:alla|samtliga) belopp(?:en)?(?: (?:i|inom|för) \\pL+(?: \\pL+)?)? (?:redovisas |anges |är |ar |"
      "är angivna |uttrycks )?[i1l|] (?:svenska )?(?:tkr|mkr|mnkr|kr|" + kThousands +
      "|miljoner kronor|kronor)|belopp(?:en)?(?: i (?:tabellerna|rapporten|\\pL*redovisningen|\\pL*planen|"
      "dokumentet))? (?:redovisas|anges|är|ar) [i1l|] "
      "(?:svenska )?(?:tkr|mkr|mnkr|kr|" + kThousands +
      "|miljoner kronor|kronor)|belopp(?:en)? [i1l|] (?:tkr|mkr|" + kThousands + "|miljoner kronor)|"
      "upp\\S{1,3}ttad [i1l|] (?:svenska )?(?:kronor|tkr|" + kThousands + "))");
  // (A line with the next one too: the sentence may wrap between
  // "Beloppen anges i" and "tusentals kronor.", w28.)
  for (const Page& p : doc.pages)
    for (size_t i = 0; i < p.lines.size(); ++i) {
      std::string m;
      const std::string two = i + 1 < p.lines.size() ? p.lines[i].text + " " + p.lines[i + 1].text : p.lines[i].text;
      if (RE2::PartialMatch(p.lines[i].text, kStatement, &m) || RE2::PartialMatch(two, kStatement, &m)) {
        RE2::GlobalReplace(&m, "(?i)tus\\S{1,2}ntal"_re, "tusental");
        return m;
      }
    }
  return "";
}

// A footnote mark OCR read without its parenthesis ("Övriga intäkter 1"
// for "Övriga intäkter 1)"), or printed as a digit: a label that ends in a
// lone digit whose footnote the document prints (a sentence that starts
// with that digit, "1 Ränteintäkter och återbetalda medel …" or "1) …")
// loses the mark. Without such a note the digit stays (a name may end in
// one: "Steg 1"). Labels only; the line as read stays in the provenance.
void DropFootnoteMarks(const Document& doc, std::vector<FinancialTable>* tables) {
  std::set<std::string> notes;
  static const RE2 kNote("\\s*([1-9])\\)?\\s+\\p{Lu}\\p{Ll}+(\\s+\\S+){3,}\\.\\s*");
  for (const Page& p : doc.pages)
    for (const Line& l : p.lines) {
      std::string d;
      if (RE2::FullMatch(l.text, kNote, &d)) notes.insert(d);
    }
  if (notes.empty()) return;
  static const RE2 kMarked("(.*\\p{Ll})\\s+([1-9])\\)?");
  for (FinancialTable& t : *tables)
    for (TableRow& r : t.rows) {
      std::string head, d;
      if (RE2::FullMatch(r.label, kMarked, &head, &d) && notes.count(d)) r.label = head;
    }
}

// A column kind abbreviated before its year, as narrow spreadsheet heads
// print it ("Utf 2025", "Bu 2026", "Budg. 2027", "Progn 2026", w46), or
// glued to its year by a dash OCR read off a speck ("Utf-2025" on a scan):
// the kind's word and the year, so that every reader after this sees the
// heads it knows. Only before a year, where nothing else reads so ("Bu"
// alone may be a name). Returns the document with such heads spelled out,
// or nothing when it has none (the common case: no copy). Words keep
// their raw text.
std::optional<Document> WithKindsSpelledOut(const Document& doc) {
  struct Kind {
    const RE2* word;     // the abbreviation as a word of its own
    const RE2* glued;    // the kind glued to its year by a dash (the year its group 1)
    const RE2* in_line;  // either, before a year, in a line's text
    const char* full;
  };
  static const RE2 kUtf("(?i)utf\\.?"), kBu("(?i)bu(?:dg)?\\.?"), kProgn("(?i)progn?\\.?");
  static const RE2 kUtfGlued("(?i)utf(?:all)?\\.?[-–]((?:19|20)\\d\\d)");
  static const RE2 kBuGlued("(?i)bu(?:dg|dget)?\\.?[-–]((?:19|20)\\d\\d)");
  static const RE2 kPrognGlued("(?i)progn?(?:os)?\\.?[-–]((?:19|20)\\d\\d)");
  static const RE2 kUtfLine("(?i)(^|\\s)utf(?:\\.?(\\s+)|(?:all)?\\.?[-–])((?:19|20)\\d\\d)");
  static const RE2 kBuLine("(?i)(^|\\s)bu(?:dg)?(?:\\.?(\\s+)|(?:dget)?\\.?[-–])((?:19|20)\\d\\d)");
  static const RE2 kPrognLine("(?i)(^|\\s)progn?(?:\\.?(\\s+)|(?:os)?\\.?[-–])((?:19|20)\\d\\d)");
  static const Kind kKinds[] = {{&kUtf, &kUtfGlued, &kUtfLine, "Utfall"},
                                {&kBu, &kBuGlued, &kBuLine, "Budget"},
                                {&kProgn, &kPrognGlued, &kPrognLine, "Prognos"}};
  static const RE2 kYear("(?:19|20)\\d\\d(?:[-–—/](?:19|20)?\\d\\d)?[,.:]?");
  auto in_line = [&](const Line& l) {
    for (const Kind& k : kKinds)
      if (RE2::PartialMatch(l.text, *k.in_line)) return true;
    return false;
  };
  bool any = false;
  for (const Page& p : doc.pages)
    for (const Line& l : p.lines) any = any || in_line(l);
  if (!any) return std::nullopt;
  Document out = doc;
  for (Page& p : out.pages)
    for (Line& l : p.lines) {
      if (!in_line(l)) continue;
      std::vector<Word> words;
      for (size_t i = 0; i < l.words.size(); ++i) {
        Word w = l.words[i];
        std::string year;
        const Kind* glued = nullptr;
        for (const Kind& k : kKinds) {
          if (i + 1 < l.words.size() && RE2::FullMatch(w.text, *k.word) && RE2::FullMatch(l.words[i + 1].text, kYear))
            w.text = k.full;
          if (RE2::FullMatch(w.text, *k.glued, &year)) glued = &k;
        }
        if (!glued) {
          words.push_back(std::move(w));
          continue;
        }
        // The year takes its share of the box by its length in the word.
        const std::string printed = w.text;
        Word kind = w, y = w;
        const double split = w.box.x0 + w.box.width() * static_cast<double>(printed.size() - year.size()) /
                                             static_cast<double>(printed.size());
        kind.text = glued->full;
        kind.box.x1 = split;
        y.text = year;
        y.box.x0 = split;
        words.push_back(std::move(kind));
        words.push_back(std::move(y));
      }
      l.words = std::move(words);
      for (const Kind& k : kKinds) RE2::GlobalReplace(&l.text, *k.in_line, std::string("\\1") + k.full + " \\3");
    }
  return out;
}

}  // namespace

std::vector<FinancialTable> ExtractFinancialTables(const Document& source) {
  const std::optional<Document> spelled = WithKindsSpelledOut(source);
  const Document& doc = spelled ? *spelled : source;
  TableContext ctx;
  ctx.doc_kind = doc.meta.kind;
  ctx.default_unit = DocumentUnitStatement(doc);
  ctx.doc_year_from = doc.meta.year_from;
  ctx.doc_year_to = doc.meta.year_to;
  // A text layer that lost its å/ä/ö (PageDecision::kRepair) came from an
  // OCR engine too: its labels carry OCR's misreads ("Summia", "/m?").
  for (const Page& p : doc.pages)
    ctx.ocr_pages.push_back(p.decision == PageDecision::kOcr || p.decision == PageDecision::kRepair);
  bool text = !doc.pages.empty() && doc.pages.front().unit == BoxUnit::kCharCell;
  std::vector<Grid> grids = text ? ReadTextTables(doc) : ReadLayoutTables(doc);
  for (Grid& g : ReadTransposedTables(doc)) grids.push_back(std::move(g));
  std::vector<FinancialTable> tables;
  for (const Grid& g : grids) {
    FinancialTable t;
    if (!InterpretGrid(g, ctx, &t)) continue;
    if (g.confirm_by_sums) {
      ReadingScore score = ScoreReading(t);
      if (score.holds == 0 || score.fails > 0) continue;
    }
    tables.push_back(std::move(t));
  }
  DropFootnoteMarks(doc, &tables);
  UnitLinesAbove(doc, &tables);
  ResolveTableUnits(&tables);
  return tables;
}

}  // namespace finsam

namespace finsam {

std::vector<Flag> ReadingFlags(const std::vector<FinancialTable>& tables) {
  std::vector<Flag> out;
  for (size_t ti = 0; ti < tables.size(); ++ti) {
    const FinancialTable& t = tables[ti];
    for (size_t ri = 0; ri < t.rows.size(); ++ri) {
      const TableRow& r = t.rows[ri];
      for (size_t c = 0; c < r.cells.size() && c < t.columns.size(); ++c) {
        const TableCell& cell = r.cells[c];
        if (cell.doubt_rule.empty()) continue;
        // One flag per reason: cells that share it join the first one's flag.
        Flag* same = nullptr;
        for (Flag& f : out)
          if (f.rule == cell.doubt_rule && f.message.ends_with(cell.doubt)) same = &f;
        FlagCell fc{static_cast<int>(ti), static_cast<int>(ri), static_cast<int>(c)};
        if (same) {
          same->cells.push_back(fc);
          continue;
        }
        Flag f;
        f.rule = cell.doubt_rule;
        f.severity = kSeverityWarning;
        f.message = r.label + " / " + t.columns[c].header + ": " + cell.doubt;
        // The figure the flag is about, in the flag's units: kronor for a
        // money cell, per cent for a share. A count, a kr/m² ratio, a Not
        // number or an unread cell has no such value (its amount is 0): a
        // review must not show "0 tkr" for "322"; the message and the
        // source text carry it.
        if (cell.parsed && cell.is_percent) {
          f.found = cell.value;
          f.unit = "%";
        } else if (cell.parsed && r.monetary && t.columns[c].kind != ColumnKind::kNote) {
          f.found = static_cast<double>(cell.amount_sek);
        }
        f.year = t.columns[c].year;
        f.page = cell.prov.page;
        f.source_text = r.prov.raw_text;
        f.cells.push_back(fc);
        f.key = f.rule + "|t" + std::to_string(ti) + "|" + r.label + "|c" + std::to_string(c);
        out.push_back(std::move(f));
      }
    }
  }
  return out;
}

std::string FactsTsv(const std::vector<FinancialTable>& tables) {
  std::string out;
  for (const FinancialTable& t : tables) {
    for (const TableRow& r : t.rows) {
      for (size_t c = 0; c < r.cells.size() && c < t.columns.size(); ++c) {
        const TableCell& cell = r.cells[c];
        if (!cell.present || t.columns[c].kind == ColumnKind::kNote) continue;
        bool null_amount = cell.is_percent || !r.monetary || !cell.parsed;
        out += t.table_kind + "\t" + t.title + "\t" + t.unit + "\t" + std::to_string(cell.prov.page) + "\t" +
               r.section + "\t" + r.label + "\t" + r.category.value_or("NULL") + "\t" + (r.is_total ? "1" : "0") +
               "\t" + (t.columns[c].year ? std::to_string(t.columns[c].year) : "NULL") + "\t" +
               ColumnKindName(t.columns[c].kind) + "\t" + cell.raw + "\t" +
               (null_amount ? "NULL" : std::to_string(cell.amount_sek)) + "\t" + cell.status + "\n";
      }
    }
  }
  return out;
}

}  // namespace finsam
