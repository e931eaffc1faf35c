#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "extractors/categories.h"
#include "extractors/table_arithmetic.h"
#include "extractors/table_grid.h"
#include "model/text_split.h"
#include "normalizers/text.h"
#include "normalizers/glyph_loss.h"
#include "normalizers/ocr_misreads.h"
#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

namespace finsam {

// OCR word confidence under which a Summa row's second word counts as
// garbled (kOcrLabelMinConfidence in ocr_doubts.h).
constexpr double kGarbledSumLabelConfidence = 0.6;
namespace {

bool IsDigitsOnly(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == ' '; });
}

bool IsAnnualReport(const std::string& doc_kind) {
  return doc_kind == "årsredovisning" || doc_kind == "delårsrapport" || doc_kind == "verksamhetsberättelse";
}

// The folded text a table's kind is read from: its title and label header,
// and the statement title either names when OCR split its word with spaces
// and lost a letter (DamagedStatementTitle).
std::string KindText(const std::string& title, const std::string& header_label) {
  std::string t = FoldKey(title + " " + header_label);
  for (const std::string* line : {&title, &header_label}) {
    std::string named = DamagedStatementTitle(*line);
    if (!named.empty()) t += " " + named;
  }
  return t;
}

std::string TableKind(const std::string& title, const std::string& header_label,
                      const std::vector<TableColumn>& cols, const std::string& doc_kind) {
  std::string t = KindText(title, header_label);
  // "." where å/ä/ö stand: text layers that lost them print "Resultatr\"kning".
  if (RE2::PartialMatch(t, "resultatr.kning"_re)) return "income_statement";
  if (RE2::PartialMatch(t, "balansr.kning"_re)) return "balance_sheet";
  if (CaptionedByAssets(title)) return "balance_sheet";
  // Finansieringsanalys: the older name of the kassaflödesanalys.
  if (RE2::PartialMatch(t, "kassafl.de|finansieringsanalys"_re)) return "cash_flow";
  if (RE2::PartialMatch(t, "drifts?redovisning"_re)) return "operating";
  if (RE2::PartialMatch(t, "balanskrav"_re)) return "balance_requirement";
  if (RE2::PartialMatch(FoldKey(header_label), "^insats"_re)) return "interventions";
  if (RE2::PartialMatch(t, "^not \\d|\\bnot \\d+\\."_re)) return "note";
  if (RE2::PartialMatch(t, "oversikt|fem ar|femarsoversikt|flerarsoversikt"_re)) return "overview";
  // Four years or more: a follow-up's Budget, Utfall and Avvikelse of one
  // year beside last year's Utfall are two years, not four.
  std::set<int> years;
  for (const TableColumn& c : cols)
    if (c.year != 0) years.insert(c.year);
  if (years.size() >= 4 && IsAnnualReport(doc_kind)) return "overview";
  if (RE2::PartialMatch(t, "budget"_re) || doc_kind == "verksamhetsplan" || doc_kind == "budget") return "budget";
  return "other";
}

// Section names that open a section when they stand alone in a row.
bool IsSectionWord(const std::string& folded) {
  static const RE2 kSection(
      "^(intakter|kostnader|tillgangar|anlaggningstillgangar|omsattningstillgangar|eget kapital och skulder|"
      "eget kapital,? avsattningar och skulder|"
      "skulder|avsattningar|langfristiga skulder|kortfristiga skulder|finansiella poster|"
      "den lopande verksamheten|investeringsverksamheten|finansieringsverksamheten|rorelsekapital)$");
  return RE2::FullMatch(folded, kSection);
}

bool IsTotalLabel(const std::string& folded) {
  static const RE2 kTotal("^(summa|s:a|totalt|total|summa totalt|delsumma|totalsumma|subtotal)\\b");
  return RE2::PartialMatch(folded, kTotal);
}

std::string SentenceCase(const std::string& s) {
  // "EGET KAPITAL OCH SKULDER" → "Eget kapital och skulder"; mixed case kept.
  std::string upper = ToUpper(s);
  if (s != upper) return s;
  std::string lower = ToLower(s);
  // Upper-case the first code point.
  size_t len = lower.empty() ? 0 : SequenceLength(lower, 0);
  return ToUpper(lower.substr(0, len)) + lower.substr(len);
}

// What a piece of text (a title, a header cell, a row label) says the
// figures are measured in. Money units scale to kronor; the other measures
// are never money (never summed, amount NULL).
enum class Measure { kNone, kMoney, kPerArea, kPerHead, kPercent, kCount, kArea };

struct MeasureUnit {
  Measure measure = Measure::kNone;
  MoneyUnit money;
};

MeasureUnit DetectMeasure(const std::string& text) {
  MeasureUnit m;
  std::string f = FoldKey(text);
  // kr per area first: "kr/kvm", "Årsavgift/m²", "per kvm", "kr/m2".
  static const RE2 kPerArea(
      "(/ ?(kvm|m2|m²|kvadratmeter)\\b|/ ?m²|\\bper (kvm|m2|m²|kvadratmeter)|\\bkr ?/ ?(kvm|m|m2|m²)|\\bkr per (kvm|m2|m²))");
  if (RE2::PartialMatch(f, kPerArea)) {
    m.measure = Measure::kPerArea;
    return m;
  }
  // Money per head: "Kostnad per deltagare (kr)", "kr/invånare", "per
  // capita" (w43): a ratio, never summed, as kr/m² is; its "(kr)" names no
  // unit of the table.
  static const RE2 kPerHead(
      "(\\bper (deltagare|person|personer|individ|individer|invanare|capita|anstalld|plats|platser|elev|brukare)\\b|"
      "\\bkr ?/ ?(deltagare|person|individ|invanare|anstalld|plats|elev|brukare)\\b)");
  if (RE2::PartialMatch(f, kPerHead)) {
    m.measure = Measure::kPerHead;
    return m;
  }
  // ("(a)": OCR's "(%)"; in small letters only, "Summa intäkter (A)" names
  // a line of a lettered layout, w34.)
  static const RE2 kPercent("(%|\\bprocent\\b|\\bi a av\\b)");
  static const RE2 kPercentRead("\\(a\\)\\s*$");
  if (RE2::PartialMatch(f, kPercent) || RE2::PartialMatch(text, kPercentRead)) {
    m.measure = Measure::kPercent;
    return m;
  }
  static const RE2 kCount("(^antal\\b|\\(st\\)|,? st\\.?$|\\bantal$)");
  if (RE2::PartialMatch(f, kCount)) {
    m.measure = Measure::kCount;
    return m;
  }
  static const RE2 kArea("(\\(kvm\\)|,? kvm$|\\(m2\\)|\\(m²\\)|,? m²$)");
  if (RE2::PartialMatch(f, kArea)) {
    m.measure = Measure::kArea;
    return m;
  }
  static const RE2 kMkr("(?:^|[^\\pL])(mkr|mnkr|miljoner kronor|msek|mdkr)(?:$|[^\\pL])");
  static const RE2 kTkr("(?:^|[^\\pL])(tkr|tsek|ksek|tusental kronor|tusen kronor|tusentals kronor)(?:$|[^\\pL])");
  static const RE2 kKr("(?:^|[^\\pL])(kr|kronor|sek)(?:$|[^\\pL])");
  if (RE2::PartialMatch(f, kTkr)) m.money = MoneyUnit{"tkr", 1000};
  else if (RE2::PartialMatch(f, kMkr)) m.money = MoneyUnit{"mkr", 1000000};
  // "Tusentaf kronor": a scale word OCR misread (DetectMoneyUnit).
  else if (std::optional<MoneyUnit> u = DetectMoneyUnit(f); u && u->scale != 1) m.money = *u;
  else if (RE2::PartialMatch(f, kKr)) m.money = MoneyUnit{"kr", 1};
  else return m;
  m.measure = Measure::kMoney;
  return m;
}

// A row label without the shares it states of its subject ("Staten
// (50 %)", "Summa (100 %)", "Region 25%"): a figure before the sign is the
// label's own, not the unit of the row's figures, as a bare "%" is
// ("Soliditet (%)", "Andel, %").
std::string WithoutStatedShares(std::string label) {
  RE2::GlobalReplace(&label, "\\(?\\d+(?:[,.]\\d+)?\\s?%\\)?"_re, "");
  return label;
}

// Row labels that name a ratio or a rate whatever unit they print
// (Soliditet, Räntekänslighet, Skuldränta, "andel av"): never money. A
// share ("andel") is money where the label names a party that pays it
// (`money_category`: "Försäkringskassan (statens andel)" in a note of
// income, in tkr, summed with the region's and the municipalities').
bool IsRatioLabel(const std::string& folded, bool money_category) {
  static const RE2 kRatio(
      "^(soliditet|rantekanslighet|skuldranta|genomsnittlig (skuld)?ranta|genomsnittsranta|rantesats|belaningsgrad|"
      "kassalikviditet|avkastning)\\b|\\bnyckeltal\\b");
  static const RE2 kShare("\\bandel\\b");
  return RE2::PartialMatch(folded, kRatio) || (!money_category && RE2::PartialMatch(folded, kShare));
}

// Most figures of the row (more than half) are at most three digits
// before a decimal comma: shares and ratios, not amounts in thousands
// groups. More than half, as OCR loses decimal commas ("1,79" as "1579").
bool SmallFigures(const GridRow& gr) {
  static const RE2 kSmall("[-−–]?\\d{1,3}([,.;:]\\d{1,2})?\\s*%?");  // OCR: "93;5", "15:23"
  static const RE2 kDash("[-−–]");
  int small = 0, other = 0;
  for (const GridCell& c : gr.cells) {
    if (!c.present) continue;
    if (RE2::FullMatch(c.text, kDash)) continue;
    (RE2::FullMatch(c.text, kSmall) ? small : other)++;
  }
  return small > other;
}

// A page header or footer caught as a row: "Brf X    7 (13)", "Sida 6 av 17".
bool IsPageNumberRow(const GridRow& gr) {
  static const RE2 kPageNo("^(\\d{1,3} ?\\(\\d{1,3}\\)|sida \\d+ av \\d+|\\d{1,3} ?av ?\\d{1,3})$");
  // The whole line as printed ("Sida 15 av 19" whose short words the
  // layout reader set aside as debris).
  if (gr.label.empty() && RE2::FullMatch(FoldKey(CleanCellText(gr.prov.raw_text)), kPageNo)) return true;
  bool any = false;
  for (const GridCell& c : gr.cells) {
    if (!c.present) continue;
    any = true;
    if (!RE2::FullMatch(FoldKey(CleanCellText(c.text)), kPageNo)) return false;
  }
  return any;
}

bool IsFullDateHeader(const std::string& header) {
  static const RE2 kDate("(19|20)\\d\\d-\\d\\d-\\d\\d");
  return RE2::PartialMatch(header, kDate);
}

bool IsFiveYearTitle(const std::string& folded) {
  static const RE2 kFive("(fler.?rs.?versikt|femarsoversikt|fem ar i sammandrag|nyckeltal)");
  return RE2::PartialMatch(folded, kFive);
}

// A table that prints no unit of its own but whose money rows each name
// theirs ("Nettoomsättning, tkr", "Bankskuld, tkr" … "Eget kapital"): a
// money row that names none is in the unit its sibling money rows share,
// not the document's ("upprättad i svenska kronor"). Only when at least two
// rows name a money unit and all name the same; rows that are not money
// (kr/kvm, %, antal) neither vote nor change.
void InheritRowUnits(FinancialTable* t) {
  int64_t shared = 0;
  int named = 0;
  for (const TableRow& r : t->rows) {
    if (!r.monetary || !r.scale) continue;
    if (shared && r.scale != shared) return;  // the rows disagree: leave them
    shared = r.scale;
    ++named;
  }
  if (named < 2) return;
  for (TableRow& r : t->rows) {
    if (!r.monetary || r.scale || r.is_header) continue;
    r.scale = shared;
    for (TableCell& c : r.cells)
      if (c.present && c.parsed && !c.is_percent) c.amount_sek = ToKronor(c.value, shared);
  }
}

}  // namespace

std::string StripNoteReference(const std::string& label) {
  // "Byggnader   Not 8,12" in a table whose header has no Not column: the
  // note reference stood in the label area (its numbers went to no column).
  static const RE2 kNoteRef("(?i)^(.*\\S)\\s+not\\.?(\\s+\\d{1,2}(\\s*[,.]\\s*\\d{1,2})*)?$");
  std::string head;
  if (RE2::FullMatch(label, kNoteRef, &head) && RE2::PartialMatch(head, "\\pL{2}"_re)) return head;
  // "Avskrivning av materiella  Not 7" / "anläggningstillgångar": the
  // reference ended the label's first line, its second line followed.
  static const RE2 kNoteInside("^(.*\\pL\\S*)\\s+(?:Not|NOT)\\.?(?:\\s+\\d{1,2}(?:\\s*,\\s*\\d{1,2})*)?\\s+(\\p{Ll}.*)$");
  std::string tail;
  if (RE2::FullMatch(label, kNoteInside, &head, &tail)) return head + " " + tail;
  // "Driftskostnader 3, 4," beside a Not column holding "5, 6": the head of
  // a list of note numbers, each ending in a comma, spilled into the label
  // (OCR may read the commas as semicolons and drop the spaces: "4;5;6,").
  static const RE2 kNoteList("^(.*\\pL\\S*)\\s+\\d{1,2}(?:\\s*[,;]\\s*\\d{1,2})*\\s*[,;]$");
  if (RE2::FullMatch(label, kNoteList, &head)) return head;
  return label;
}

// Tesseract drops the narrow gap after a lone leading digit (a "1" most of
// all). Counted on the brf scans (bench/brf_scans.sh): 82 of 83 such cells
// were that figure, the other a stray "1" before "774 707". Born-digital
// text is left alone: a PDF prints what it means.
std::optional<SwedishNumber> ParseWithLostHeadSpace(const std::string& text) {
  static const RE2 kLostHeadSpace("\\s*([-−–]?)(\\d)(\\d{3}(?: \\d{3})+)\\s*");
  std::string sign, head, rest;
  if (!RE2::FullMatch(text, kLostHeadSpace, &sign, &head, &rest)) return std::nullopt;
  return ParseSwedishNumber(sign + head + " " + rest);
}

std::string RepairOcrUnitSigns(const std::string& label, bool small_figures) {
  std::string out = label;
  // "> Skuldsättning", "” Energikostnad": a chart legend's mark or a speck;
  // a lone quote glued to the first word ("\"Hallsbergs kommun") too.
  static const RE2 kLeadMark("^[>+<|~_*•·»«”“\"'`´]+\\s+(\\p{Lu})");
  RE2::Replace(&out, kLeadMark, "\\1");
  static const RE2 kLeadQuote("^[\"”“](\\p{Lu}[^\"”“]*)$");
  RE2::Replace(&out, kLeadQuote, "\\1");
  // "Årsavgift/m? bostadsrättsyta": the raised 2 read as a question mark.
  static const RE2 kSquareMetre("(/|\\bper |\\bi )m\\?(\\s|\\)|,|$)");
  RE2::GlobalReplace(&out, kSquareMetre, "\\1m²\\2");
  // "fond/kym": the v of kvm read as y (no Swedish word "kym").
  static const RE2 kKvm("(^|[\\s/(])kym(\\s|\\)|,|$)");
  RE2::GlobalReplace(&out, kKvm, "\\1kvm\\2");
  // "Räntekänslighet”" (kr/kvm)": a closing quote no opening one pairs
  // with, glued to a word (a footnote mark or a speck).
  static const RE2 kOpening("(^|\\s)[\"“„]");
  static const RE2 kGluedClose("(\\pL)[”\"]+(\\s|$)");
  if (!RE2::PartialMatch(out, kOpening)) RE2::GlobalReplace(&out, kGluedClose, "\\1\\2");
  if (!small_figures) return out;
  // Tesseract's readings of "%" (Swedish model, 200–300 dpi): two or three
  // digits starting with 2 or 9 (the ring and slash as 2/9, the lower ring
  // as 0, 4 or 6), a slash between rings ("2/0", "9/40"), "Yo", "/o", "%"
  // with a ring.
  constexpr char kPercent[] = "(?:[29][0-9o]{1,2}|[29%]?/[0-9o]{1,2}|%[0-9o]?|[YV]o)";
  static const RE2 kInParens(std::string("\\(") + kPercent + "\\)\\s*$");
  RE2::Replace(&out, kInParens, "(%)");
  static const RE2 kAfterComma(std::string(",\\s*") + kPercent + "\\s*$");
  RE2::Replace(&out, kAfterComma, ", %");
  // "Årsavgifternas andel i 24 av …", "andel i av": the sign misread or lost.
  static const RE2 kShareOf(std::string("\\b(andel i) (?:") + kPercent + " )?av\\b");
  RE2::Replace(&out, kShareOf, "\\1 % av");
  return out;
}

bool CaptionedByAssets(const std::string& title) { return FoldKey(title) == "tillgangar"; }

std::string CleanCellText(const std::string& s) {
  std::string out = s;
  static const RE2 kTag("</?[a-zA-Z][^>]*>");
  RE2::GlobalReplace(&out, kTag, " ");
  static const RE2 kMd("^\\s*#+\\s*");
  RE2::Replace(&out, kMd, "");
  // Markdown emphasis ("**Summa**") goes; a footnote mark standing alone
  // after a label's words ("Energikostnad kr/kvm *") is the label's.
  static const RE2 kStars("\\*+(\\S)");
  static const RE2 kTrailingStars("(\\S)\\*+");
  RE2::GlobalReplace(&out, kStars, "\\1");
  RE2::GlobalReplace(&out, kTrailingStars, "\\1");
  // A footnote mark set as a superscript digit ("Insatser¹"): the label's
  // note, not a word of it; m² and m³ stay.
  static const RE2 kSuperscript("([^\\PLm])[\\x{00B9}\\x{00B2}\\x{00B3}\\x{2070}\\x{2074}-\\x{2079}]+|"
                                "(m)[\\x{00B9}\\x{2070}\\x{2074}-\\x{2079}]+");
  RE2::GlobalReplace(&out, kSuperscript, "\\1\\2");
  // A footnote mark written "1)" or "a)" after a label's word ("Övriga
  // intäkter 1) 50 40"): the note's, not the label's. Not where a paren
  // opens before it ("Kostnader (not 2)"), nor a figure's sign ("(1)").
  static const RE2 kParenMark("([\\pL.])\\s+[1-9a-h]\\)(\\s|$)");
  if (out.find('(') == std::string::npos) RE2::GlobalReplace(&out, kParenMark, "\\1\\2");
  static const RE2 kSpaces("[ \\t\\x{00a0}]+");
  RE2::GlobalReplace(&out, kSpaces, " ");
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(0, 1);
  // Two header years OCR set without their space ("20202019", psm 6 on a
  // ruled grid): on a line of nothing but years, kind words and such glued
  // pairs, a pair of years one to ten apart is two tokens. (Eight digits in
  // a row of figures are left alone.)
  if (out.size() >= 8 && out.size() <= 80) {
    static const RE2 kHeaderWord("(?i)(utfall|budget|plan|prognos|bokslut|not|tkr|kr|(19|20)\\d\\d|(19|20)\\d{6})");
    static const RE2 kGlued("((?:19|20)\\d\\d)((?:19|20)\\d\\d)");
    bool header = true, glued = false;
    std::string split;
    for (const std::string& t : SplitOn(out, ' ')) {
      header = header && RE2::FullMatch(t, kHeaderWord);
      std::string a, b, piece = t;
      if (RE2::FullMatch(t, kGlued, &a, &b)) {
        const int d = std::abs(std::stoi(a) - std::stoi(b));
        if (d >= 1 && d <= 10) {
          piece = a + " " + b;
          glued = true;
        }
      }
      split += (split.empty() ? "" : " ") + piece;
    }
    if (header && glued) out = split;
  }
  return out;
}

bool IsNumberedHeading(const std::string& text) {
  static const RE2 kNumbered("^(\\d+(\\.\\d+)*\\.?\\s|[Nn]ot \\d)");
  return RE2::PartialMatch(text, kNumbered);
}

std::string DamagedStatementTitle(const std::string& line) {
  // Folded, without spaces: the titles a statement table is captioned by.
  static const char* const kTitles[] = {"resultatrakning", "balansrakning",   "kassaflodesanalys",
                                        "finansieringsanalys", "flerarsoversikt", "femarsoversikt"};
  // A heading line, not prose: short, a few pieces of one word at most.
  constexpr size_t kMaxLineBytes = 60;
  constexpr int kMaxPieces = 6;
  if (line.size() > kMaxLineBytes) return "";
  const std::string f = FoldKey(line);
  // Dates, years and a unit printed on the title's line ("RESULTATRÄKNING
  // 2023-01-01", "Balansräkning (kr)") are not part of the title.
  static const RE2 kAside("\\(?(not|tkr|kr|mkr|sek|tsek|kronor)\\)?[.:]?");
  std::string letters;
  int pieces = 0;
  size_t i = 0;
  while (i < f.size()) {
    size_t j = f.find(' ', i);
    if (j == std::string::npos) j = f.size();
    const std::string token = f.substr(i, j - i);
    i = j + 1;
    if (token.empty() || HasDigit(token) || RE2::FullMatch(token, kAside)) continue;
    std::string kept;
    for (char c : token)
      if (c >= 'a' && c <= 'z') kept += c;
    if (kept.empty()) continue;  // a dash, a bullet
    letters += kept;
    ++pieces;
  }
  if (pieces == 0 || pieces > kMaxPieces) return "";
  // Two edits in a title of 13–19 letters: a lost and a misread letter
  // ("RESU LTAT RÄKN N G"). No word of a heading a statement may stand
  // beside comes that close ("balanskrav", "resultatdisposition").
  constexpr int kMaxEdits = 2;
  for (const char* title : kTitles) {
    const std::string_view want(title);
    if (letters.size() + kMaxEdits < want.size() || letters.size() > want.size() + kMaxEdits) continue;
    if (EditDistance(letters, want) <= kMaxEdits) return title;
  }
  return "";
}

// Whether a line ends in a page number (a running header or footer):
// "8 (15)", "3 av 12", "3/12" (the page not past the count), "Sida 3".
bool EndsInPageNumber(const std::string& text) {
  static const RE2 kPair("(?i)(?:^|\\s)(\\d{1,3})\\s*(?:\\(\\s*(\\d{1,3})\\s*\\)|(?:av|/)\\s*(\\d{1,3}))$");
  static const RE2 kSida("(?i)(?:^|\\s)(sida|sid\\.?)\\s*\\d{1,3}$");
  // "Förbundet · Verksamhetsplan 2027 · 1": the number after a separator
  // that ends the line (not a dash: "Resultat – 12" is a negative figure
  // where an en dash is the minus).
  static const RE2 kSeparated("\\S\\s+[·•|]\\s*\\d{1,3}$");
  if (RE2::PartialMatch(text, kSeparated)) return true;
  int n = 0;
  std::string m_paren, m_av;
  if (RE2::PartialMatch(text, kPair, &n, &m_paren, &m_av)) return n >= 1 && n <= std::stoi(m_paren.empty() ? m_av : m_paren);
  return RE2::PartialMatch(text, kSida);
}

// A line whose only figures are a written date's day and year ("Karlstad
// den 12 februari 2026", the signature line under the last note), or a
// day named by "den" or its month: no row.
// "Utgående balans 31 december 2025  5 217 372" has an amount besides.
bool IsDateLine(const std::string& text) {
  static const RE2 kDate(
      "(?i)\\b(\\d{1,2}) (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) "
      "((?:19|20)\\d\\d)\\b");
  // A day without its year is a date too where "den" or a month names it
  // ("… i delårsrapporten per den 31" / "augusti."): prose under a table.
  static const RE2 kDay(
      "(?i)\\bden (\\d{1,2})\\b|\\b(\\d{1,2}) (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
      "november|december)\\b");
  std::string rest = text;
  if (!RE2::Replace(&rest, kDate, "") && !RE2::GlobalReplace(&rest, kDay, "")) return false;
  return !RE2::PartialMatch(rest, "\\d"_re);
}

bool EndsInJoiningWord(const std::string& label) {
  static const RE2 kJoining("(?i)(?:^|.* )(och|samt|för|for|av|i|till|med|mot|på|pa|från|fran|inkl\\.?|exkl\\.?|&|[-–,])$");
  return RE2::FullMatch(label, kJoining);
}

bool IsTableHeading(const std::string& text) {
  static const RE2 kNumbered("^(\\d+(\\.\\d+)*\\.?\\s+\\pL|not \\d|bilaga \\d|tabell \\d)");
  static const RE2 kTableWord(
      "(budget|resultatrakning|balansrakning|kassaflode|drifts?redovisning|oversikt|balanskrav|noter?\\b)");
  // A period's first day ("1 januari - 31 december") is no numbered heading.
  static const RE2 kDayMonth(
      "^\\d{1,2}\\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\\b");
  if (text.size() > 100) return false;
  std::string f = FoldKey(text);
  return (RE2::PartialMatch(f, kNumbered) && !RE2::PartialMatch(f, kDayMonth)) || (text.size() < 60 && RE2::PartialMatch(f, kTableWord)) ||
         !DamagedStatementTitle(text).empty();
}

bool IsYearToken(const std::string& token) {
  static const RE2 kYear("(19[5-9]\\d|20\\d\\d),?");
  return RE2::FullMatch(token, kYear);
}

bool IsFeeHeaderWord(const std::string& token) {
  // ("Belopp 2027" names its year's amounts the same way, w17.)
  static const RE2 kFee("(?i)(medlems)?(avgift|bidrag)|belopp");
  return RE2::FullMatch(token, kFee);
}

bool IsMemberHeadWord(const std::string& token) {
  // (OCR reads the l as an i: "Mediem".)
  static const RE2 kMember("med[li]em(mar)?|medlemsorganisation(er)?|part(er)?|organisation(er)?|huvudm[ae]n");
  return RE2::FullMatch(FoldKey(StripPunct(token)), kMember);
}

bool IsMemberFeeHeader(const std::vector<std::string>& words, size_t* year_at) {
  if (words.size() < 2 || words.size() > 4 || !IsMemberHeadWord(words[0]) || !IsYearToken(words.back())) return false;
  static const RE2 kShare("andel|fordelning|procent|%|i %");
  for (size_t k = 1; k + 1 < words.size(); ++k)
    if (!RE2::FullMatch(FoldKey(StripPunct(words[k])), kShare) && words[k] != "%") return false;
  *year_at = words.size() - 1;
  return true;
}

bool IsFeeUnitWord(const std::string& token) {
  return RE2::FullMatch(FoldKey(StripPunct(token)), "kr|tkr|kronor|sek|tsek|ksek"_re);
}

namespace {
// The rest of a column header after a member fee's word and its unit
// ("Avgift, kr 2026" → "2026", a head merged over two years' cells, w35;
// "Medlemsavgift 2027" → "2027"); empty when no fee word opens it.
std::string AfterFeeWord(const std::string& header) {
  static const RE2 kFeeHead(
      "(?i)(?:(?:medlems)?(?:avgift|bidrag)|belopp)[,:]?(?: (?:i )?(?:kr|tkr|kronor|sek|tsek|ksek)[,.:]?)? (.+)");
  std::string rest;
  return RE2::FullMatch(header, kFeeHead, &rest) ? rest : "";
}
}  // namespace

bool IsCountHeaderWord(const std::string& token) {
  static const RE2 kCount("antal|deltagare|invanare|befolkning|personer|individer|arsarbetare|platser");
  return RE2::FullMatch(FoldKey(token), kCount);
}

const std::string& CommentHeadWords() {
  static const std::string kWords =
      "kommentar(?:er)?|beskrivning|anmärkning(?:ar)?|anmarkning(?:ar)?|notering(?:ar)?|status|förklaring(?:ar)?|"
      "forklaring(?:ar)?";
  return kWords;
}

std::string StripPunct(const std::string& s) {
  std::string t = s;
  static const char* const kQuotes[] = {"\"", "'", "\u201D", "\u201C", "\u2019", "\u00BB", "\u00AB"};
  for (bool again = true; again && !t.empty();) {
    again = false;
    if (t.back() == ',' || t.back() == ':' || t.back() == '.') {
      t.pop_back();
      again = true;
      continue;
    }
    for (const char* q : kQuotes) {
      const std::string m = q;
      if (t.size() > m.size() && t.ends_with(m)) {
        t.erase(t.size() - m.size());
        again = true;
      } else if (t.size() > m.size() && t.starts_with(m)) {
        t.erase(0, m.size());
        again = true;
      }
    }
  }
  return t;
}

std::string CellUnitWord(const std::string& word) {
  static const RE2 kUnit("(?i)(kr|tkr|mkr|mnkr|sek)[.,;:\"”’']?");
  // The kronor mark ":-" set apart from its figure ("1 900 000 :-"); glued
  // to it ("1 900 000:-") it is EndsInKronorMark's.
  static const RE2 kKronorMark("(?:" + KronorMarkPattern() + ")+");
  if (RE2::FullMatch(word, kKronorMark)) return "kr";
  std::string unit;
  if (!RE2::FullMatch(word, kUnit, &unit)) return "";
  return FoldKey(unit);
}

std::string UnitOfMostFigures(const std::map<std::string, int>& units, int figures) {
  if (units.size() != 1 || figures < 2) return "";
  const auto& [unit, n] = *units.begin();
  return n >= 2 && 5 * n >= 4 * figures ? unit : "";
}

const std::string& KronorMarkPattern() {
  static const std::string kMark = ":-|:–|:—";
  return kMark;
}

bool EndsInKronorMark(const std::string& word) {
  static const RE2 kGlued("\\d(?:" + KronorMarkPattern() + ")+$");
  return RE2::PartialMatch(word, kGlued);
}

bool IsRelativeYearWord(const std::string& token) {
  return RE2::FullMatch(FoldKey(StripPunct(token)), "innevarande|foregaende|forra"_re);
}

int RelativeYear(const std::string& header, int report_year) {
  if (report_year <= 0) return 0;
  const std::string f = FoldKey(CleanCellText(header));
  if (RE2::FullMatch(f, "innevarande (ar|arets|rakenskapsar)"_re)) return report_year;
  if (RE2::FullMatch(f, "(foregaende|forra) (ar|arets|rakenskapsar)"_re)) return report_year - 1;
  return 0;
}

std::string KindWordNear(const std::string& word) {
  static const char* const kKinds[] = {"utfall", "budget", "plan", "prognos", "bokslut"};
  const std::string f = FoldKey(word);
  for (const char* k : kKinds) {
    const std::string kind = k;
    if (f.size() != kind.size()) continue;
    int diff = 0;
    for (size_t i = 0; i < f.size() && diff <= 1; ++i) diff += f[i] != kind[i];
    // One letter misread; the first kept (a real word's first letter
    // differs: "klan", "flan").
    if (diff == 0 || (diff == 1 && kind.size() >= 4 && f[0] == kind[0])) return kind;
  }
  return "";
}

bool IsHeaderToken(const std::string& token) {
  static const RE2 kHeader(
      "(?i)((19[5-9]\\d|20\\d\\d)(-\\d\\d(-(\\d\\d)?)?)?,?|-(19|20)\\d\\d(-\\d\\d(-(\\d\\d)?)?)?|utfall|budget|plan|"
      "prognos|avvikelse|totalt|bokslut|återstår|aterstar|beviljat|beviljade|förbrukat|forbrukat|kvar|"
      // A kind compounded with the period or frame it names ("Helårsbudget",
      // "Årsprognos", "Budgetram").
      "(hel)?(års|ars)?(budget|prognos|utfall)(ram)?)");
  // A period in one word ("2025-01-01–2025-12-31"), no comma after it.
  return RE2::FullMatch(token, kHeader) || (!token.empty() && token.back() != ',' && IsPeriodToken(token));
}

namespace {

// Month 1–12 of a folded Swedish month name or abbreviation, 0 for none.
int MonthNumber(const std::string& folded) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                        "jul", "aug", "sep", "okt", "nov", "dec"};
  for (int m = 0; m < 12; ++m)
    if (folded.compare(0, 3, kMonths[m]) == 0) return m + 1;
  return 0;
}

std::string MonthRange(int from, int to) {
  if (from < 1 || to > 12 || from > to || (from == 1 && to == 12)) return "";
  char buf[24];  // two ints as %02d: room for any value, so no truncation warning
  std::snprintf(buf, sizeof buf, "%02d-%02d", from, to);
  return buf;
}

}  // namespace

WordDate WordDateAt(const std::vector<std::string>& words, size_t i) {
  static const RE2 kDayMonth("(?i)-?([0-3]?\\d)\\.?((?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\\.?)");
  static const RE2 kDay("-?([0-3]?\\d)\\.?");
  static const RE2 kMonth("(?i)(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\\.?");
  static const RE2 kPeriodJoin("(?i)[-–—]|till|t\\.?o\\.?m\\.?");
  const auto year_at = [&](size_t k) { return k < words.size() && IsYearToken(StripPunct(words[k])); };
  WordDate d;
  if (i >= words.size() || (i > 0 && RE2::FullMatch(words[i - 1], kPeriodJoin))) return d;
  std::string month;
  if (RE2::FullMatch(words[i], kDayMonth, &d.day, &month) && year_at(i + 1)) {
    d.words = 2;
  } else if (i + 1 < words.size() && RE2::FullMatch(words[i], kDay, &d.day) && RE2::FullMatch(words[i + 1], kMonth) &&
             year_at(i + 2)) {
    d.words = 3;
    month = words[i + 1];
  } else {
    return WordDate{};
  }
  d.month = MonthNumber(FoldKey(month));
  d.year_at = i + d.words - 1;
  return d;
}

std::string ColumnPeriod(const std::string& header) {
  std::string f = FoldKey(CleanCellText(header));
  RE2::GlobalReplace(&f, "(\\d{4}-\\d\\d-) (\\d\\d)"_re, "\\1\\2");
  if (RE2::PartialMatch(f, "hel.?r"_re)) return "";  // "Prognos helår"
  static const std::string kMonth =
      "(jan(?:uari)?|feb(?:ruari)?|mars?|apr(?:il)?|maj|juni?|juli?|aug(?:usti)?|sep(?:t(?:ember)?)?|"
      "okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  std::string a, b;
  // "jan–aug", "januari-augusti", "jan/aug".
  static const RE2 kRange("(?:^|[^\\pL])" + kMonth + "\\s*(?:-|–|—|/|till)\\s*" + kMonth + "(?:$|[^\\pL])");
  if (RE2::PartialMatch(f, kRange, &a, &b)) return MonthRange(MonthNumber(a), MonthNumber(b));
  // "t.o.m. augusti", "tom aug", "till och med aug", "per 31 augusti",
  // "ack. aug", and an outcome or budget named by its last month
  // ("Utfall aug 2024").
  static const RE2 kUpTo("(?:^|[^\\pL])(?:t\\.?\\s?o\\.?\\s?m\\.?|till och med|per(?: \\d{1,2})?|"
                         "ack(?:\\.|umulerat|\\pL*)?|utfall|budget)\\s+" + kMonth + "(?:$|[^\\pL])");
  if (RE2::PartialMatch(f, kUpTo, &a)) return MonthRange(1, MonthNumber(a));
  // A range of dates shorter than a year: "2024-01-01–2024-08-31". A single
  // closing date says nothing (a broken fiscal year closes 2024-06-30), nor
  // does a range of twelve months.
  {
    int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
    static const RE2 kDates("((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)\\s*(?:-|–|—|till)\\s*((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)");
    if (RE2::PartialMatch(f, kDates, &y1, &m1, &d1, &y2, &m2, &d2)) {
      int months = (y2 - y1) * 12 + m2 - m1 + 1;
      if (y1 == y2 && d1 == 1 && d2 >= 28 && months < 12) return MonthRange(m1, m2);
      return "";
    }
  }
  int n = 0;
  if (RE2::PartialMatch(f, "tertial\\s*([12])(?:$|[^\\d])"_re, &n)) return MonthRange(1, 4 * n);
  if (RE2::PartialMatch(f, "(?:^|[^\\pL])(?:kvartal|q)\\s*([1-3])(?:$|[^\\d])"_re, &n)) return MonthRange(1, 3 * n);
  if (RE2::PartialMatch(f, "(?:^|[^\\pL])halv.r"_re)) return MonthRange(1, 6);
  return "";
}

namespace {

// Lines every Swedish resultaträkning, balansräkning and kassaflödesanalys
// prints in these words. Tesseract's Swedish model reads a letter of them as
// its accented twin where both spellings are words ("Kassa och bänk"), which
// the lexicon cannot catch; on OCR pages a label that matches one of these
// but for accents is given its standard spelling.
const char* const kStandardLabels[] = {
      "Kassa och bank", "Likvida medel", "Summa tillgångar", "Summa omsättningstillgångar",
      "Summa anläggningstillgångar", "Kortfristiga fordringar", "Övriga fordringar", "Kundfordringar",
      "Förutbetalda kostnader och upplupna intäkter", "Förutbetalda kostnader", "Upplupna intäkter",
      "Eget kapital", "Summa eget kapital", "Ingående eget kapital", "Utgående eget kapital", "Årets resultat",
      "Balanserat resultat", "Kortfristiga skulder", "Långfristiga skulder", "Summa kortfristiga skulder",
      "Summa långfristiga skulder", "Leverantörsskulder", "Övriga skulder", "Övriga kortfristiga skulder",
      "Upplupna kostnader och förutbetalda intäkter", "Upplupna kostnader", "Summa skulder",
      "Summa eget kapital och skulder", "Verksamhetens intäkter", "Verksamhetens kostnader",
      "Verksamhetens resultat", "Summa intäkter", "Summa kostnader", "Övriga intäkter", "Övriga kostnader",
      "Övriga externa kostnader", "Personalkostnader", "Finansiella intäkter", "Finansiella kostnader",
      "Finansiella poster", "Resultat efter finansiella poster", "Räntekostnader", "Ränteintäkter",
      "Avskrivningar", "Rörelseresultat", "Nettoomsättning", "Medlemsavgifter", "Medlemsbidrag",
      "Årets kassaflöde", "Likvida medel vid årets början", "Likvida medel vid årets slut"};

// The standard lines folded once: the label's fold → its standard spelling.
const std::unordered_map<std::string, std::string>& StandardLabelsByKey() {
  static const std::unordered_map<std::string, std::string> kByKey = [] {
    std::unordered_map<std::string, std::string> m;
    for (const char* standard : kStandardLabels) m.emplace(FoldKey(standard), standard);
    return m;
  }();
  return kByKey;
}

bool IsStandardStatementLine(const std::string& label) { return StandardLabelsByKey().count(FoldKey(label)) > 0; }

std::string StandardStatementLabel(const std::string& label) {
  auto it = StandardLabelsByKey().find(FoldKey(label));
  if (it == StandardLabelsByKey().end()) return label;
  // Keep the print's case: all capitals stay capitals.
  return label == ToUpper(label) ? ToUpper(it->second) : it->second;
}

}  // namespace

std::optional<std::string> NearestStandardLabel(const std::string& label, bool known_words) {
  // Edits of the folded spelling (letters and digits only): a garbled word
  // boundary costs nothing, a misread letter one, a stray sign ("K€SSa")
  // nothing.
  auto letters = [](const std::string& s) {
    std::string out = FoldKey(s);
    std::erase_if(out, [](char c) { return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')); });
    return out;
  };
  const std::string mine = letters(label);
  const int kMaxEdits = known_words ? 2 : 6;
  constexpr double kMaxShare = 0.3;
  constexpr int kClearBy = 3;
  int best = 1 << 20, second = 1 << 20;
  const char* found = nullptr;
  std::string found_letters;  // letters(found): ASCII, one byte a letter
  for (const char* standard : kStandardLabels) {
    std::string theirs = letters(standard);
    const int d = EditDistance(mine, theirs);
    if (d < best) {
      second = best;
      best = d;
      found = standard;
      found_letters = std::move(theirs);
    } else if (d < second) {
      second = d;
    }
  }
  const int size = static_cast<int>(found_letters.size());
  if (!found || best == 0 || best > kMaxEdits || best > kMaxShare * size || second < best + kClearBy)
    return std::nullopt;
  if (known_words && (found_letters.starts_with(mine) || mine.starts_with(found_letters))) return std::nullopt;
  return std::string(found);
}

namespace {

// "Askersunds kommun 11 290": a label with a figure after its words (OCR:
// its thousands space lost, "21400", or a cell border or speck read as a
// quote or bar beside it, "kommun "11290 |").
const RE2& TrailingCount() {
  static const RE2 kTrailingCount(
      "^(.*\\pL.*?) [\"'”“|]*(?:\\d{1,3}(?: \\d{3})*|\\d{4,6})(?:,\\d{1,2})?(?: ?%)?(?: ?[\"'”|])*$");
  return kTrailingCount;
}

// A column of counts left of the value columns ("Kommun  Invånare  Budget
// 2025  Budget 2026"): the reader takes its figures into the labels, since
// only the value columns are columns to it. When the label header names
// two things and every label (at least three) ends in a figure, those
// figures are that column, not part of the labels.
bool LabelsEndInACountColumn(const Grid& grid) {
  const std::string head = CleanCellText(grid.header_label);
  if (head.find(' ') == std::string::npos || HasDigit(head)) return false;
  int labels = 0;
  for (const GridRow& gr : grid.rows) {
    const std::string l = CleanCellText(gr.label);
    if (l.empty()) continue;
    if (!RE2::FullMatch(l, TrailingCount())) return false;
    ++labels;
  }
  return labels >= 3;
}

// An account number or a row number printed in a column of its own before
// the labels ("3010  Medlemsavgift …" under "Konto  Post", "1.  Jobbspåret"
// under "Nr  Insats"): the reader joins it to the label, since only value
// columns are columns to it (SplitLeadingCode takes it off).
// True when the labels start with such a code column: the label header
// names one first ("Konto", "Kontonr", "Nr", "Kod", "Ansvar") and at least
// two labels and half of them start with a number; or, with no such header,
// at least three labels start with "1.", "2.", "3." … in order (a numbered
// list has no other reading), or half the labels carry an outline's numbers
// in order, three of them of two levels ("1 Intäkter", "1.1 Statlig
// medlemsavgift", "1.2 …", "2 Kostnader").
bool LabelsStartWithACodeColumn(const Grid& grid) {
  const std::string head = FoldKey(CleanCellText(grid.header_label));
  const bool named = RE2::PartialMatch(head, "^(konto|kontonr|kontonummer|nr|nr\\.|nummer|kod|ansvar)\\b"_re);
  int labels = 0, coded = 0, numbered = 0, outline = 0;
  bool in_order = true, outline_in_order = true;
  std::vector<int> last_outline;
  for (const GridRow& gr : grid.rows) {
    const std::string l = CleanCellText(gr.label);
    if (l.empty()) continue;
    ++labels;
    std::string code, stop, rest;
    if (!SplitLeadingCode(l, &code, &stop, &rest)) continue;
    ++coded;
    if (code.find('.') != std::string::npos || (stop.empty() && code.size() <= 2)) {
      // An outline ("1 Intäkter", "1.1 …", "1.2 …", "2 Kostnader", "2.1 …"):
      // its numbers only grow, read level by level.
      std::vector<int> parts;
      for (const std::string& p : SplitOn(code, '.')) parts.push_back(std::stoi(p));
      outline_in_order = outline_in_order && (last_outline.empty() || parts > last_outline);
      last_outline = parts;
      outline += code.find('.') != std::string::npos;
    } else if (stop == "." || stop == ",") {
      in_order = in_order && std::to_string(++numbered) == code;
    }
  }
  if (named) return coded >= 2 && 2 * coded >= labels;
  if (outline >= 3 && outline_in_order && 2 * coded >= labels) return true;
  return in_order && numbered >= 3;
}

}  // namespace

bool SplitLeadingCode(const std::string& label, std::string* code, std::string* stop, std::string* rest) {
  // (OCR may read a number's stop as a comma: "4, Steg 1 till arbete".)
  // (An outline number too: "1.1 Statlig medlemsavgift", "2.3 Lokaler".)
  // (OCR may read an outline's inner stop as a colon: "1:1 Medlemsavgift".)
  static const RE2 kLeadingCode("^(\\d{1,6}(?:[.:]\\d{1,3})*)([.),]?)(?: +| *[|/]+ *)(\\pL.*)$");
  std::string c;
  if (!RE2::FullMatch(label, kLeadingCode, &c, stop, rest)) return false;
  std::replace(c.begin(), c.end(), ':', '.');
  if (code) *code = c;
  return true;
}

int YearlessKindsStart(const std::vector<std::string>& words) {
  static const RE2 kKind("(?i)(utfall|budget|plan|prognos|avvikelse|återstår|aterstar|totalt|bokslut)");
  static const RE2 kDated("(?i)(utfall|budget|plan|prognos|bokslut)");
  const size_t n = words.size();
  for (size_t first = 0; first <= 2 && first + 2 <= n; ++first) {
    bool all = true, dated = false, plain = true;
    for (size_t k = first; k < n && all; ++k) {
      all = RE2::FullMatch(words[k], kKind);
      dated |= RE2::FullMatch(words[k], kDated);
    }
    for (size_t k = 0; k < first; ++k) plain &= !RE2::FullMatch(words[k], kKind) && !HasDigit(words[k]);
    if (all && dated && plain) return static_cast<int>(first);
  }
  return -1;
}

bool IsPeriodToken(const std::string& token) {
  static const RE2 kPeriod("(?:19|20)\\d\\d-\\d\\d-\\d\\d[-\\x{2013}\\x{2014}]{1,2}(?:19|20)\\d\\d-\\d\\d-\\d\\d,?");
  return RE2::FullMatch(token, kPeriod);
}

std::optional<int> SingleYear(const std::string& text) {
  re2::StringPiece in(text);
  int y = 0;
  std::optional<int> year;
  while (RE2::FindAndConsume(&in, "(?:^|[^\\d])((?:19[5-9]|20\\d)\\d)(?:$|[^\\d])"_re, &y)) {
    if (year && *year != y) return std::nullopt;
    year = y;
  }
  return year;
}

bool IsAmountWordHeader(const std::string& header) {
  static const RE2 kAmountWord(
      "(?:belopp|kronor|kr|tkr|mkr|mnkr|sek|tsek)(?:,? ?\\(?(?:i )?(?:kr|kronor|tkr|mkr|mnkr|sek|tsek)\\)?)?");
  return RE2::FullMatch(FoldKey(CleanCellText(header)), kAmountWord);
}

TableColumn ParseColumnHeader(const std::string& header, const std::string& doc_kind) {
  TableColumn col;
  col.header = CleanCellText(header);
  // Dates wrapped inside a cell: "2020-12- 31" → "2020-12-31".
  std::string h = col.header;
  static const RE2 kBrokenDate("(\\d{4}-\\d\\d-) (\\d\\d)");
  RE2::GlobalReplace(&h, kBrokenDate, "\\1\\2");
  // A period joined by an en or em dash ("2025-01-01–2025-12-31") reads as
  // one joined by a hyphen does ("2025-01-01 -2025-12-31").
  static const RE2 kDashedPeriod("(\\d)\\s*-?[\\x{2013}\\x{2014}]-?\\s*((?:19|20)\\d\\d)");
  RE2::GlobalReplace(&h, kDashedPeriod, "\\1 -\\2");
  // OCR reads rule strokes and cell borders as symbols ("Not > 2025 = 2024",
  // "2025."): they name nothing. Quotes, |, <, >, =, » and a full stop or
  // colon after a year go before the header is read.
  static const RE2 kStrokes("[|<>=»«~_\"“”„']+");
  RE2::GlobalReplace(&h, kStrokes, " ");
  static const RE2 kYearStop("((?:19|20)\\d\\d)[.:](\\s|$)");
  RE2::GlobalReplace(&h, kYearStop, "\\1\\2");
  // A per-cent sign OCR read as "Yo", "Vo" or "/o" closing a share
  // column's head ("prognos, Yo").
  RE2::Replace(&h, ",\\s*(?:[YV]o|/o)$"_re, ", %");
  h = CleanCellText(h);
  std::string f = FoldKey(h);
  // A kind word OCR misread by one letter ("Ptan 2028", "Budqet 2027"): the
  // kind. Only words of letters alone, before a year or standing alone.
  {
    std::string fixed;
    bool changed = false;
    std::istringstream words(f);
    for (std::string w; words >> w;) {
      std::string k = RE2::FullMatch(w, "[a-z]{4,7}"_re) ? KindWordNear(w) : "";
      changed |= !k.empty() && k != w;
      fixed += (fixed.empty() ? "" : " ") + (k.empty() ? w : k);
    }
    if (changed) f = fixed;
  }
  // A closing date in words ("31 dec 2025", "31 december 2025", "31.12.2025")
  // reads as the ISO date the rules below know.
  {
    int day = 0, year_w = 0;
    std::string month;
    static const RE2 kWordDate(
        "(?:^|[\\s-])(\\d{1,2})\\.? ?(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\\.? ((?:19|20)\\d\\d)");
    static const RE2 kDotDate("(?:^|\\s)(\\d{1,2})[./](\\d{1,2})[./]((?:19|20)\\d\\d)");
    // The year a line above the rest in a cell OCR joined out of order
    // ("2025 -31dec": a taller box puts it first).
    static const RE2 kYearFirst(
        "^((?:19|20)\\d\\d) -?(\\d{1,2})\\.? ?(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\\.?$");
    int mon = 0;
    bool year_first = false;
    if (RE2::PartialMatch(f, kWordDate, &day, &month, &year_w)) {
      mon = MonthNumber(month);
    } else if (RE2::FullMatch(f, kYearFirst, &year_w, &day, &month)) {
      mon = MonthNumber(month);
      year_first = true;
    } else if (RE2::PartialMatch(f, kDotDate, &day, &mon, &year_w) && (mon < 1 || mon > 12)) {
      mon = 0;
    }
    if (mon != 0 && day >= 1 && day <= 31) {
      char iso[16];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year_w % 10000, mon % 100, day % 100);
      if (year_first) f = iso;
      else RE2::Replace(&f, kWordDate, std::string(" ") + iso) || RE2::Replace(&f, kDotDate, std::string(" ") + iso);
      f = CleanCellText(f);
    }
  }
  static const RE2 kYear("(?:^|[^\\d])((?:19[5-9]|20\\d)\\d)(?:$|[^\\d])");
  // The last year in the header ("2020-01-01 -2020-12-31" → 2020, "Utfall 2019" → 2019).
  re2::StringPiece in(f);
  int year = 0, y = 0;
  while (RE2::FindAndConsume(&in, "((?:19[5-9]|20\\d)\\d)"_re, &y)) year = y;
  col.year = year;
  col.period = ColumnPeriod(h);
  // In a delårsrapport a balance dated inside the year ("2026-08-31") is
  // the interim balance, not the year's closing one. (Elsewhere a single
  // date says nothing: a broken fiscal year closes 2024-06-30.)
  int close_month = 0;
  if (col.period.empty() && doc_kind == "delårsrapport" &&
      RE2::FullMatch(f, "(?:19|20)\\d\\d-(\\d\\d)-(?:2[89]|3[01])"_re, &close_month) && close_month >= 1 &&
      close_month < 12)
    col.period = MonthRange(1, close_month);
  // A column of counts ("Invånare 2025-12-31", "Antal deltagare 2025"),
  // whatever year it is dated: no kind, no fact.
  bool counts = false;
  for (const std::string& w : SplitOn(f, ' ')) counts = counts || IsCountHeaderWord(StripPunct(w));
  if (f == "not" || f == "not.") {
    col.kind = ColumnKind::kNote;
    col.year = 0;
  } else if (counts) {
    col.kind = ColumnKind::kUnknown;
    col.year = 0;
    col.period.clear();
  } else if (RE2::PartialMatch(f, "%|\\bprocent"_re)) {
    // A share, whatever it is a share of: "Avvikelse, %" beside "Avvikelse,
    // tkr" is the deviation in per cent, no amount (w21).
    col.kind = ColumnKind::kAndel;
  } else if (RE2::PartialMatch(f, "avvikelse|differens|a[vw]{1,2}ikelse|^avv(ik)?\\.?( |,|$)"_re)) {
    // (OCR reads vv as w; a narrow column abbreviates it: "Avv.", "Avvik.")
    col.kind = ColumnKind::kAvvikelse;
  } else if (RE2::PartialMatch(f, "aterstar|aterstaende|kvar att (anvanda|forbruka)|^kvar\\b|kvarvarande"_re)) {
    // "Återstår", "Återstående budget", "Kvar att förbruka", "Kvar" beside
    // "Beviljat" and "Förbrukat": budget − utfall so far.
    col.kind = ColumnKind::kAterstar;
  } else if (RE2::PartialMatch(f, "andel|forbrukade medel|(?:^| )av (?:helars)?(?:budget|prognos)\\b"_re)) {
    // (A head that ends "… av budget" is a share of it: "Utfall i % av
    // budget", its "Utfall i %" lost to OCR as "åv budget" (w14).)
    col.kind = ColumnKind::kAndel;
  } else if (RE2::PartialMatch(f, "prognos"_re)) {
    col.kind = ColumnKind::kPrognos;
  } else if (RE2::PartialMatch(f, "utfall|bokslut|redovisat|\\bforbrukat\\b"_re)) {
    // ("Förbrukat 2025" beside "Beviljat 2025": what an insats spent.)
    col.kind = ColumnKind::kUtfall;
  } else if (RE2::PartialMatch(f, "budget|\\bbevilja(?:t|de|d)\\b"_re)) {
    // An insats's granted amount ("Beviljat 2025", "Beviljade medel") is
    // its budget.
    col.kind = ColumnKind::kBudget;
  } else if (RE2::PartialMatch(f, "\\bplan\\b"_re)) {
    col.kind = ColumnKind::kPlan;
  } else if (RE2::PartialMatch(f, "^(totalt|total|summa)"_re)) {
    col.kind = ColumnKind::kTotalt;
    col.year = 0;
  } else if (year != 0) {
    // Bare year or date: an annual report's columns are outcomes; a plan's
    // are budget/plan years (decided per table in InterpretGrid).
    // (A period's end alone, its start lost: "-2020-12-31".)
    static const RE2 kBare("^-?((19|20)\\d\\d(-\\d\\d(-(\\d\\d)?)?)?\\s*-?\\s*)+,?( tkr| mkr| kr)?$");
    // A member fee named with its year ("Medlemsavgift 2027") reads as the year.
    const std::string after_fee = AfterFeeWord(f);
    const bool fee = !after_fee.empty();
    // A period's start OCR garbled into a scrap of letters before its end
    // ("aaa -2020-12-" for 2020-01-01 -2020-12-31): the date is the header.
    std::string dated;
    const bool scrap = RE2::FullMatch(f, "\\pL{1,4} (-?(?:19|20)\\d\\d-\\d\\d-.*)"_re, &dated) &&
                       !RE2::PartialMatch(f, "^(not|ram|tkr|mkr|kr)\\b"_re);
    if (RE2::FullMatch(fee ? after_fee : scrap ? dated : f, kBare))
      col.kind = IsAnnualReport(doc_kind) ? ColumnKind::kUtfall : ColumnKind::kBudget;
  }
  return col;
}

namespace {

// A row label without its enumerator ("A. Intäkter", "2.1 Personal", "II.
// Kostnader", "b) Övrigt") or a formula closing it ("Resultat (A − B)"):
// the name the row's section and category are read from. (The label loaded
// stays as printed.)
std::string WithoutEnumeration(const std::string& label) {
  std::string s = label;
  RE2::Replace(&s, "^(?:(?:[A-Z]|[IVX]{1,4}|[a-z]|\\d{1,2})[.)]|\\d{1,2}(?:\\.\\d{1,2})+\\.?)\\s+(\\pL)"_re, "\\1");
  RE2::Replace(&s, "\\s*\\((?:[A-Z]|\\d{1,2})(?:\\s*[-+−–—]\\s*(?:[A-Z]|\\d{1,2}))+\\)?$"_re, "");
  return s;
}

}  // namespace

bool InterpretGrid(const Grid& grid, const TableContext& ctx, FinancialTable* out) {
  FinancialTable t;
  t.title = CleanCellText(grid.title);
  t.page = grid.page;
  t.last_page = grid.last_page ? grid.last_page : grid.page;
  t.confidence = grid.confidence;
  std::vector<int> keep;  // grid column index for each kept column
  bool any_value_column = false;
  // A column headed by an amount word alone ("Belopp, kr", "Kronor",
  // "Tkr") dates by the one year its table's title names ("Not 1
  // Medlemsavgifter 2025"): the year's outcome in an annual report, its
  // budget in a plan. Only where no column names a year of its own and the
  // title names exactly one; else it stays a column of no year (dropped).
  const std::optional<int> title_year = SingleYear(t.title);
  std::set<size_t> caption_year;  // grid columns dated by the caption alone
  std::vector<TableColumn> parsed;
  for (const std::string& h : grid.headers) parsed.push_back(ParseColumnHeader(h, ctx.doc_kind));
  bool dated_column =
      std::any_of(parsed.begin(), parsed.end(), [](const TableColumn& c) { return c.year != 0; });
  const bool printed_year = dated_column;
  for (size_t i = 0; i < grid.headers.size(); ++i) {
    TableColumn c = parsed[i];
    if (c.kind == ColumnKind::kUnknown && c.year == 0 && !dated_column && title_year &&
        IsAmountWordHeader(c.header)) {
      c.year = *title_year;
      c.kind = IsAnnualReport(ctx.doc_kind) ? ColumnKind::kUtfall : ColumnKind::kBudget;
    }
    // "Innevarande år" / "Föregående år" in a report of one year: that
    // year's outcome and the year before's.
    if (c.kind == ColumnKind::kUnknown && c.year == 0 && IsAnnualReport(ctx.doc_kind) &&
        ctx.doc_year_from > 0 && (ctx.doc_year_to == 0 || ctx.doc_year_to == ctx.doc_year_from)) {
      if (int y = RelativeYear(c.header, ctx.doc_year_from)) {
        c.year = y;
        c.kind = ColumnKind::kUtfall;
      }
    }
    // Kinds named without years ("Budget  Utfall  Avvikelse") under a
    // caption of one year ("Driftredovisning 2025"): that year's. (A plan's
    // utfall or prognos may be an earlier year's: those stay in doubt,
    // read.year, below.)
    if (IsDatedKind(c.kind) && c.year == 0 && !printed_year && title_year) {
      c.year = *title_year;
      caption_year.insert(i);
    }
    if (c.kind == ColumnKind::kUnknown) continue;  // text columns (Kommentarer)
    if (c.kind != ColumnKind::kNote && (c.year != 0 || c.kind != ColumnKind::kUnknown)) any_value_column = true;
    dated_column |= c.year != 0;
    keep.push_back(static_cast<int>(i));
    t.columns.push_back(c);
  }
  // A header that names only an amount column, with no year to date it
  // (a caption of no year or of several), makes no table: its shares alone
  // ("Andel") are no figures of a year.
  const bool amount_word_header = std::any_of(grid.headers.begin(), grid.headers.end(), IsAmountWordHeader);
  if (!any_value_column || (amount_word_header && !dated_column)) return false;
  // Bare years and dates are outcomes, whatever the document's kind, when
  // the table says so itself: a closing date (2023-12-31) or a period
  // (2023-01-01 -2023-12-31) is never a budget, and a resultaträkning,
  // balansräkning, kassaflödesanalys or flerårsöversikt reports outcomes.
  // (A document whose kind was misread as a plan keeps its statements.)
  {
    std::string tf = KindText(t.title, grid.header_label);
    bool statement =
        RE2::PartialMatch(tf, "resultatr.kning|balansr.kning|kassafl.desanalys|finansieringsanalys"_re) ||
        IsFiveYearTitle(tf) || CaptionedByAssets(t.title);
    for (TableColumn& c : t.columns) {
      std::string f = FoldKey(c.header);
      bool bare = c.kind == ColumnKind::kBudget && !RE2::PartialMatch(f, "budget"_re);
      if (bare && (statement || IsFullDateHeader(c.header))) c.kind = ColumnKind::kUtfall;
    }
  }
  // A plan's bare-year columns printed newest first, every year before the
  // plan's own first year ("2024 2023 2022 2021 2020" in a plan for
  // 2026–2028): a history of outcomes. Budgets and plans run forward.
  if (!IsAnnualReport(ctx.doc_kind) && ctx.doc_year_from > 0) {
    std::vector<TableColumn*> bare;
    for (TableColumn& c : t.columns)
      if (c.kind == ColumnKind::kBudget && !RE2::PartialMatch(FoldKey(c.header), "budget"_re)) bare.push_back(&c);
    bool history = bare.size() >= 2;
    for (size_t i = 0; i < bare.size() && history; ++i)
      history = bare[i]->year > 0 && bare[i]->year < ctx.doc_year_from && (i == 0 || bare[i]->year < bare[i - 1]->year);
    // So are bare years oldest first, one apart, that end where a forecast
    // of the next year begins ("2022 2023 2024 2025 Prognos 2026" in a plan
    // for 2027, w39's turned history): outcomes up to the year under way.
    if (!history && bare.size() >= 2) {
      bool forward = true;
      for (size_t i = 1; i < bare.size() && forward; ++i) forward = bare[i]->year == bare[i - 1]->year + 1;
      const int next = bare.back()->year + 1;
      const bool forecast_next = std::any_of(t.columns.begin(), t.columns.end(), [&](const TableColumn& c) {
        return c.kind == ColumnKind::kPrognos && c.year == next;
      });
      history = forward && forecast_next && next < ctx.doc_year_from && bare.front()->year > 0;
    }
    if (history)
      for (TableColumn* c : bare) c->kind = ColumnKind::kUtfall;
  }
  // A bare-year column that comes out with the kind and year of a column
  // whose header names its kind, or a plan's bare year before the plan
  // (below): why its kind is inferred, not read; its figures stay suspect.
  std::vector<std::string> kind_doubt(t.columns.size());
  // A plan's bare-year columns: the plan's first year is the budget, later
  // ones plan. Years before it ("2025 2026 2027 2028 2029" in a plan for
  // 2027–2029 whose kinds row was lost) are no budget of the plan: utfall
  // two years or more before, the year before left budget, both suspect.
  // With the plan's period unknown, the first bare column is the budget.
  if (!IsAnnualReport(ctx.doc_kind)) {
    bool first = true;
    for (size_t i = 0; i < t.columns.size(); ++i) {
      TableColumn& c = t.columns[i];
      std::string f = FoldKey(c.header);
      bool bare = c.kind == ColumnKind::kBudget && !RE2::PartialMatch(f, "budget"_re);
      if (!bare) continue;
      const int from = ctx.doc_year_from;
      // A member fee named with the year before the plan ("Avgift 2026"
      // beside "Avgift 2027", w24): the fee the members set for the year
      // under way, its budget; nothing to doubt.
      const bool fee = !AfterFeeWord(c.header).empty();
      if (fee && from > 0 && c.year == from - 1) {
        first = false;
        continue;
      }
      if (from > 0 && c.year > 0 && c.year < from) {
        if (c.year <= from - 2) c.kind = ColumnKind::kUtfall;
        kind_doubt[i] = std::string("its column's header '") + c.header + "' names no kind and " +
                        std::to_string(c.year) + " is before the plan's first year " + std::to_string(from) +
                        "; read as " + ColumnKindName(c.kind);
      } else if (from > 0 && c.year > 0) {
        if (c.year > from) c.kind = ColumnKind::kPlan;
      } else if (!first) {
        c.kind = ColumnKind::kPlan;
      }
      first = false;
    }
  }
  // Avvikelse and Återstår without a year take the year of the column before them.
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (IsDeviationKind(t.columns[i].kind) && t.columns[i].year == 0) {
      for (size_t j = i; j-- > 0;)
        if (t.columns[j].year) {
          t.columns[i].year = t.columns[j].year;
          break;
        }
    }
  }
  // A bare-year column that comes out with the kind and year of a column
  // whose header names its kind ("2025" beside "Utfall 2025": OCR lost the
  // word "Budget"): two columns cannot both be the year's utfall. The bare
  // one takes the other dated kind (budget beside utfall, utfall beside a
  // budget or plan) and its figures are left suspect: the kind is inferred,
  // not read.
  // Whether a column's header names its kind in words.
  auto named = [](const TableColumn& c) {
    return RE2::PartialMatch(FoldKey(c.header), "utfall|bokslut|redovisat|budget|\\bplan\\b|prognos"_re);
  };
  for (size_t i = 0; i < t.columns.size(); ++i) {
    TableColumn& c = t.columns[i];
    if (c.year == 0 || named(c)) continue;
    for (size_t j = 0; j < t.columns.size(); ++j) {
      const TableColumn& o = t.columns[j];
      if (j == i || !named(o) || o.kind != c.kind || o.year != c.year || o.period != c.period) continue;
      const ColumnKind was = c.kind;
      c.kind = was == ColumnKind::kUtfall ? ColumnKind::kBudget : ColumnKind::kUtfall;
      kind_doubt[i] = std::string("its column's header names no kind and column '") + o.header + "' is " +
                      ColumnKindName(was) + " of the same year; read as " + ColumnKindName(c.kind);
      break;
    }
  }
  // A plan's column headed by a year before the plan period and no kind it
  // can read, beside columns that name theirs ("Uttatt 2025" — OCR's
  // "Utfall" — before "Prognos 2026", "Budget 2027"): the printed kind was
  // lost, and a year before the plan is not its budget. Read as utfall two
  // years or more before the plan (the year before may be the current
  // year's budget or forecast: kept), the figures suspect either way.
  if (!IsAnnualReport(ctx.doc_kind) && ctx.doc_year_from > 0) {
    const bool any_named = std::any_of(t.columns.begin(), t.columns.end(), named);
    for (size_t i = 0; i < t.columns.size() && any_named; ++i) {
      TableColumn& c = t.columns[i];
      const bool dated_kind = c.kind == ColumnKind::kBudget || c.kind == ColumnKind::kPlan;
      if (!dated_kind || c.year == 0 || c.year >= ctx.doc_year_from || named(c) || !kind_doubt[i].empty()) continue;
      const ColumnKind was = c.kind;
      if (c.year <= ctx.doc_year_from - 2) c.kind = ColumnKind::kUtfall;
      kind_doubt[i] = std::string("its column's header '") + c.header + "' names no kind it can read and " +
                      std::to_string(c.year) + " is before the plan's first year " +
                      std::to_string(ctx.doc_year_from) + "; read as " + ColumnKindName(c.kind) +
                      (was == c.kind ? "" : std::string(", not ") + ColumnKindName(was));
    }
  }
  // In a delårsrapport a column headed by a year alone ("2026", "2025": its
  // kind and period lost or never read) may be the period's outcome, the
  // whole year's, the year's budget or its forecast: read as utfall of the
  // year, the figures suspect.
  if (ctx.doc_kind == "delårsrapport") {
    for (size_t i = 0; i < t.columns.size(); ++i) {
      const TableColumn& c = t.columns[i];
      if (!kind_doubt[i].empty() || c.year == 0 || !c.period.empty() ||
          !RE2::FullMatch(CleanCellText(c.header), "(19|20)\\d\\d[,.]?"_re))
        continue;
      kind_doubt[i] = std::string("its column's header '") + c.header +
                      "' names no kind and no period; in a delårsrapport a year's column may be the period's "
                      "outcome, the whole year's, the year's budget or its forecast";
    }
  }
  t.table_kind = TableKind(t.title, grid.header_label, t.columns, ctx.doc_kind);

  // Unit: title, then the label header, then column headers, then the
  // document's statement. Failing all, the unit is unknown (t.unit empty):
  // ResolveTableUnits may still infer it from the document's other tables;
  // until then amounts assume tkr and the cells are marked there.
  std::optional<MoneyUnit> unit;
  auto money_in = [](const std::string& text) -> std::optional<MoneyUnit> {
    MeasureUnit m = DetectMeasure(text);
    if (m.measure == Measure::kMoney) return m.money;
    return std::nullopt;
  };
  if (!grid.cell_unit.empty()) unit = money_in(grid.cell_unit);
  if (!unit) unit = money_in(t.title);
  if (!unit) unit = money_in(grid.header_label);
  for (const TableColumn& c : t.columns)
    if (!unit && c.kind != ColumnKind::kNote) unit = money_in(c.header);
  const bool unit_printed = unit.has_value();  // by the table itself, not the document
  if (!unit && !ctx.default_unit.empty()) {
    unit = money_in(ctx.default_unit);
    t.unit_from_document = unit.has_value();
  }
  if (unit) {
    t.unit = unit->unit;
    t.scale = unit->scale;
  } else {
    t.unit.clear();
    t.scale = 1000;
  }

  // Years a header row printed under the kinds, set apart by OCR ("Budget
  // Budget" over "2025 2026", read as a first row without a label): a dated
  // kind without a year takes the year that row prints in its column. A
  // run of such columns between two dated ones whose years step one a
  // column ("Utfall 2024 | Budget | Budget | Plan 2027") takes the years of
  // their places; those figures stay suspect (read.year): the year was
  // inferred, not read. The year row itself holds no facts.
  const GridRow* year_row = nullptr;
  std::vector<bool> year_by_place(t.columns.size(), false);
  {
    bool missing = false, any = false;
    for (const TableColumn& c : t.columns) {
      missing = missing || (IsDatedKind(c.kind) && c.year == 0);
      any = any || c.year > 0;
    }
    for (size_t i = 0; missing && any && i < grid.rows.size(); ++i) {
      const GridRow& gr = grid.rows[i];
      if (IsPageNumberRow(gr) || gr.repeated_header) continue;
      if (!CleanCellText(gr.label).empty()) break;
      bool years = true, some = false;
      std::vector<int> ys(keep.size(), 0);
      for (size_t ci = 0; ci < keep.size() && years; ++ci) {
        const int k = keep[ci];
        if (k >= static_cast<int>(gr.cells.size()) || !gr.cells[k].present) continue;
        some = true;
        const std::string cell = CleanCellText(gr.cells[k].text);
        int y = 0;
        if (RE2::FullMatch(cell, "((?:19|20)\\d\\d)"_re, &y)) ys[ci] = y;
        // "220250": a year with rule strokes read as digits; a year row
        // still, its year left to the column's place.
        else years = RE2::FullMatch(cell, "\\d{0,2}(?:19|20)\\d\\d\\d{0,2}"_re);
      }
      if (!some || !years) break;
      year_row = &gr;
      for (size_t ci = 0; ci < t.columns.size(); ++ci)
        if (ys[ci] && t.columns[ci].year == 0 && IsDatedKind(t.columns[ci].kind)) t.columns[ci].year = ys[ci];
      break;
    }
    for (size_t a = 0; missing && any && a < t.columns.size(); ++a) {
      if (t.columns[a].year == 0) continue;
      size_t b = a + 1;
      while (b < t.columns.size() && t.columns[b].year == 0 && IsDatedKind(t.columns[b].kind)) ++b;
      if (b == a + 1 || b >= t.columns.size() || t.columns[b].year == 0) continue;
      const int step = (t.columns[b].year - t.columns[a].year) / static_cast<int>(b - a);
      if ((step != 1 && step != -1) || t.columns[a].year + step * static_cast<int>(b - a) != t.columns[b].year) continue;
      for (size_t c = a + 1; c < b; ++c) {
        t.columns[c].year = t.columns[a].year + step * static_cast<int>(c - a);
        year_by_place[c] = true;
      }
    }
  }
  // A column whose every figure prints one decimal, none above 100, beside
  // money columns that print none is a share in per cent whatever its head
  // says: OCR read the "%" of "Avvikelse, %" as "20" (w21's scan), making
  // it a second deviation column whose every check failed.
  {
    struct Figures {
      int count = 0;           // figures that are no per cent
      int percents = 0;        // figures printed with their per-cent sign
      std::set<int> decimals;  // as printed (of `count`)
      bool small = true;       // none above 100 (of `count`)
    };
    auto figures_of = [&](size_t ci) {
      Figures f;
      const int k = keep[ci];
      for (const GridRow& gr : grid.rows) {
        if (k >= static_cast<int>(gr.cells.size()) || !gr.cells[k].present) continue;
        std::optional<SwedishNumber> n = ParseSwedishNumber(gr.cells[k].text);
        if (!n || n->is_nil) continue;
        if (n->is_percent) {
          ++f.percents;
          continue;
        }
        f.decimals.insert(n->decimals);
        ++f.count;
        f.small = f.small && std::fabs(n->value) <= 100;
      }
      return f;
    };
    std::vector<size_t> whole, tenths;
    for (size_t ci = 0; ci < t.columns.size(); ++ci) {
      const ColumnKind kind = t.columns[ci].kind;
      if (kind == ColumnKind::kNote) continue;
      const Figures f = figures_of(ci);
      // A column whose every figure prints its per-cent sign ("64 %" under
      // "Förbrukat", w41) is a share, whatever its head says.
      if (f.percents >= 2 && f.count == 0) {
        t.columns[ci].kind = ColumnKind::kAndel;
        t.columns[ci].year = 0;
        continue;
      }
      if (kind == ColumnKind::kAndel) continue;
      if (f.count >= 3 && f.decimals == std::set<int>{0}) whole.push_back(ci);
      if (f.count >= 3 && f.small && f.decimals == std::set<int>{1} && kind == ColumnKind::kAvvikelse)
        tenths.push_back(ci);
    }
    if (whole.size() >= 2)
      for (size_t ci : tenths) t.columns[ci].kind = ColumnKind::kAndel;
  }
  const bool count_column = LabelsEndInACountColumn(grid);
  const bool code_column = LabelsStartWithACodeColumn(grid);
  // A delårsrapport's column of part of the year without a year ("Utfall
  // jan–aug" beside "Budget 2026", w41): the months of the report's year,
  // when every other dated column names that one year too.
  if (ctx.doc_kind == "delårsrapport" && ctx.doc_year_from > 0 && ctx.doc_year_from == ctx.doc_year_to) {
    bool others_agree = false;
    for (const TableColumn& c : t.columns) {
      if (c.year == 0) continue;
      others_agree = c.year == ctx.doc_year_from;
      if (!others_agree) break;
    }
    if (others_agree)
      for (TableColumn& c : t.columns)
        if (c.year == 0 && !c.period.empty() && IsDatedKind(c.kind)) c.year = ctx.doc_year_from;
  }
  // A budget, plan or outcome column without a year in a table whose other
  // columns name theirs ("Budget" over "2025" with the year lost by OCR):
  // its figures are no fact of any year. Left suspect, not guessed.
  std::vector<bool> year_lost(t.columns.size(), false);
  {
    bool any_year = false;
    for (const TableColumn& c : t.columns) any_year = any_year || c.year > 0;
    for (size_t c = 0; c < t.columns.size(); ++c)
      year_lost[c] = any_year && t.columns[c].year == 0 && IsDatedKind(t.columns[c].kind);
  }
  std::string top_section, sub_section;
  if (IsSectionWord(FoldKey(CleanCellText(grid.header_label))))
    top_section = SentenceCase(CleanCellText(grid.header_label));
  for (const GridRow& gr : grid.rows) {
    if (IsPageNumberRow(gr)) continue;  // "Brf X   7 (13)": a page header, not a row
    if (&gr == year_row) continue;
    TableRow row;
    row.label = StripNoteReference(CleanCellText(gr.label));
    if (count_column) RE2::FullMatch(std::string(row.label), TrailingCount(), &row.label);
    if (code_column) SplitLeadingCode(std::string(row.label), nullptr, nullptr, &row.label);
    const int label_page = gr.prov.page ? gr.prov.page : grid.page;
    const bool ocr_label = ctx.IsOcrPage(label_page);
    if (ocr_label) row.label = RepairOcrUnitSigns(row.label, SmallFigures(gr));
    bool unknown_words = false;  // an OCR label word no reading makes known
    if (const SwedishLexicon* lex = SwedishLexicon::Shared()) {
      row.label = RepairLostGlyphs(row.label, *lex);
      // A label Tesseract read a letter wrong ("Summia kostnader"): rebuilt
      // when one reading is a known word; the line as read stays in
      // row.prov.raw_text. Words still unknown are flagged (ocr_doubts.h).
      if (ocr_label) {
        OcrMisreadRepair m = RepairOcrMisreads(row.label, *lex);
        row.label = std::move(m.text);
        row.label_guesses = std::move(m.guessed);
        // A sign inside a word ("K€SSa", "re@Sultat") is no word either,
        // though the repair passes over it as no word of letters.
        unknown_words = !m.unknown.empty() || RE2::PartialMatch(row.label, "\\pL[^\\pL\\pN\\s.,:;()/&'\\-]+\\pL"_re);
      }
    }
    // A merged group cell's name read into the label of the row its text
    // stands on ("Intäkter Övriga intäkter", "Tillgångar Kassa och bank",
    // "Eget Kapital och Kortfristiga skulder"; w30's dump, whose lines have
    // no positions): a section name before a whole standard statement line
    // is no part of the label. ("Intäkter från medlemmar" keeps its words:
    // "från medlemmar" is no standard line.)
    {
      static const RE2 kGroupPrefix(
          "(?i)(intäkter|intakter|kostnader|tillgångar|tillgangar|skulder|eget kapital och(?: skulder)?) (.+)");
      std::string prefix, rest;
      if (RE2::FullMatch(row.label, kGroupPrefix, &prefix, &rest) && IsStandardStatementLine(rest))
        row.label = StandardStatementLabel(rest);
    }
    if (ocr_label) {
      row.label = StandardStatementLabel(row.label);
      // A label still garbled after the word repair ("Kortfrisbaa
      // toaringar"), or whose misread letters made other words
      // ("Kortfristig fordringar", "Summa till än går"; at most two edits
      // then): the standard line it is a few edits from, if one clearly;
      // flagged as a guess like the words rebuilt by one. (The words the
      // repair above left unknown stay so: no step since makes one known
      // or unknown.)
      if (!IsStandardStatementLine(row.label)) {
        if (std::optional<std::string> standard = NearestStandardLabel(row.label, !unknown_words)) {
          row.label_guesses.push_back(row.label + "→" + *standard);
          row.label = *standard;
        }
      }
      // A member's name whose last word OCR misread into another word
      // ("Ulricehamns komman" for kommun: a plural of komma, no unknown
      // word to doubt): a place's genitive before a word two edits or
      // fewer from "kommun" names the municipality, flagged as a guess.
      static const RE2 kMunicipality("(\\p{Lu}\\pL+s) (\\pL{5,8})");
      std::string place, word;
      if (RE2::FullMatch(row.label, kMunicipality, &place, &word) && FoldKey(word) != "kommun" &&
          EditDistance(FoldKey(word), "kommun") <= 2) {
        row.label_guesses.push_back(row.label + "→" + place + " kommun");
        row.label = place + " kommun";
      }
    }
    row.prov = gr.prov;
    row.raw_numbers = gr.raw_numbers;
    row.groupings = gr.groupings;
    row.first_may_be_note = gr.first_may_be_note;
    row.doubt_rule = gr.doubt_rule;
    row.doubt = gr.doubt;
    std::string folded = FoldKey(row.label);
    // The name without an enumerator: "A. Intäkter" opens the income section.
    const std::string named = WithoutEnumeration(row.label);
    const std::string folded_name = FoldKey(named);
    bool has_values = false;
    for (int k : keep)
      if (k < static_cast<int>(gr.cells.size()) && gr.cells[k].present) has_values = true;
    if (gr.repeated_header) {
      // "Kostnader 2020 2021 2022": starts a new top-level section. The
      // header repeated as printed over the label column ("Tkr", "Belopp i
      // tkr" at the top of the next page) names none.
      if (!row.label.empty() && !IsDigitsOnly(row.label) && FoldKey(row.label) != FoldKey(grid.header_label) &&
          !RE2::FullMatch(FoldKey(row.label), "(belopp i )?(tkr|kr|mkr|mnkr|kronor|tusental kronor|tusen kronor)"_re)) {
        top_section = SentenceCase(row.label);
        sub_section.clear();
      }
      continue;
    }
    if (!has_values) {
      if (row.label.empty()) continue;
      // A label-only row opens a section.
      std::string name = SentenceCase(named);
      bool top = IsSectionWord(folded_name) &&
                 (folded_name == "intakter" || folded_name == "kostnader" || folded_name == "tillgangar" ||
                  folded_name == "eget kapital och skulder" || folded_name == "skulder" ||
                  RE2::FullMatch(folded_name, "eget kapital,? avsattningar och skulder"_re));
      if (top || ToUpper(row.label) == row.label) {
        top_section = name;
        sub_section.clear();
      } else if (IsSectionWord(folded_name)) {
        sub_section = name;
      }
      // Any other label-only row is an empty line item ("Finansiella
      // intäkter" with no figures); it produces no facts.
      continue;
    }
    row.section = sub_section.empty() ? top_section : top_section.empty() ? sub_section : top_section + " / " + sub_section;
    row.is_total = IsTotalLabel(folded);
    // Results stand outside the income/cost sections.
    static const RE2 kResult("^(arets |periodens )?resultat$");
    if (RE2::FullMatch(folded_name, kResult)) row.section.clear();
    // "Summa A" under "A. Intäkter" sums its section, as a bare "Summa" does.
    const bool enumerated_sum = RE2::FullMatch(named, "(?i)(summa|s:a) (?:[A-Z]|[IVX]{1,4})"_re) && !row.section.empty();
    CategoryInput ci{enumerated_sum ? std::string("Summa") : named, row.section, t.table_kind, t.title, row.is_total};
    row.category = Categorize(ci);
    // "Summa intarter", "Summa iniartier": a Summa row whose second word OCR
    // garbled (read with low confidence, naming nothing) is the sum of its
    // section, as a bare "Summa" is; the label stays as read.
    if (!row.category && row.prov.confidence < kGarbledSumLabelConfidence && !row.section.empty() &&
        RE2::FullMatch(folded, "(summa|s:a) [a-z]{4,}"_re)) {
      CategoryInput bare = ci;
      bare.label = "Summa";
      row.category = Categorize(bare);
    }
    bool monetary = !(row.category && IsNonMonetaryCategory(*row.category));
    // The label's own unit: "Nettoomsättning, tkr" (money, its own scale),
    // "Skuldsättning per kvm (kr/kvm)", "Soliditet (%)", "Antal lägenheter"
    // (not money). Ratio names are not money whatever they print.
    int64_t scale = t.scale;
    MeasureUnit lm = DetectMeasure(WithoutStatedShares(row.label));
    if (lm.measure == Measure::kMoney) {
      scale = lm.money.scale;
      row.scale = scale;
    } else if (lm.measure != Measure::kNone || IsRatioLabel(folded, row.category && monetary)) {
      monetary = false;
    }
    for (size_t ci_idx = 0; ci_idx < keep.size(); ++ci_idx) {
      int k = keep[ci_idx];
      TableCell cell;
      if (k < static_cast<int>(gr.cells.size()) && gr.cells[k].present) {
        const GridCell& g = gr.cells[k];
        cell.present = true;
        cell.raw = g.text;
        cell.readings = g.readings;
        cell.prov = g.prov;
        cell.prov.raw_text = g.text;
        std::optional<SwedishNumber> n = ParseSwedishNumber(g.text);
        if (!n && ctx.IsOcrPage(g.prov.page ? g.prov.page : label_page)) n = ParseWithLostHeadSpace(g.text);
        if (n && n->is_nil) {
          cell.value = 0;
          cell.amount_sek = 0;
          // A share column's dash is no amount of money.
          cell.is_percent = t.columns[ci_idx].kind == ColumnKind::kAndel;
        } else if (n) {
          cell.value = n->value;
          // A share column ("Förbrukat, %", "Andel") holds percentages
          // whether or not each cell prints its sign.
          cell.is_percent = n->is_percent || t.columns[ci_idx].kind == ColumnKind::kAndel;
          cell.amount_sek = (cell.is_percent || !monetary) ? 0 : ToKronor(n->value, scale);
        } else {
          cell.parsed = false;
          cell.status = "suspect";
          cell.prov.confidence *= 0.3;
        }
        if (gr.groupings > 1 || !gr.doubt_rule.empty()) {
          cell.status = "suspect";
          cell.prov.confidence *= 0.5;
        }
        if (!g.doubt_rule.empty()) {  // the reader's own doubt (layout.*)
          cell.status = "suspect";
          cell.prov.confidence *= 0.5;
          cell.doubt_rule = g.doubt_rule;
          cell.doubt = g.doubt;
        } else if (!kind_doubt[ci_idx].empty() && cell.parsed) {
          cell.status = "suspect";
          cell.doubt_rule = "read.kind";
          cell.doubt = kind_doubt[ci_idx];
        } else if (caption_year.count(static_cast<size_t>(keep[ci_idx])) && !IsAnnualReport(ctx.doc_kind) &&
                   (t.columns[ci_idx].kind == ColumnKind::kUtfall || t.columns[ci_idx].kind == ColumnKind::kPrognos) &&
                   cell.parsed) {
          cell.status = "suspect";
          cell.doubt_rule = "read.year";
          cell.doubt = "its column's header names no year; the caption's year " +
                       std::to_string(t.columns[ci_idx].year) + " may be the plan's, not this column's";
        } else if (year_by_place[ci_idx] && cell.parsed) {
          cell.status = "suspect";
          cell.doubt_rule = "read.year";
          cell.doubt = "its column's header names no year; the year is the one its place between the dated columns gives";
        } else if (year_lost[ci_idx] && cell.parsed) {
          cell.status = "suspect";
          cell.doubt_rule = "read.year";
          cell.doubt = "its column's header names no year where the table's other columns name theirs";
        }
      }
      row.cells.push_back(std::move(cell));
    }
    row.monetary = monetary;
    t.rows.push_back(std::move(row));
  }
  if (t.rows.empty()) return false;
  if (!unit_printed) InheritRowUnits(&t);
  // An unlabelled row under a run of items that it sums in every column is
  // that run's Summa (notes print subtotals without a label); marking it
  // keeps a later TOTALT from counting the items twice.
  for (size_t i = 0, from = 0; i < t.rows.size(); ++i) {
    TableRow& r = t.rows[i];
    if (!r.label.empty() || i == from) {
      if (r.is_total) from = i + 1;
      continue;
    }
    bool any = false, holds = true;
    for (size_t c = 0; c < r.cells.size() && holds; ++c) {
      if (t.columns[c].kind == ColumnKind::kNote) continue;
      const TableCell& tc = r.cells[c];
      if (!tc.present) continue;
      if (!tc.parsed || tc.is_percent) {
        holds = false;
        break;
      }
      double sum = 0;
      for (size_t k = from; k < i; ++k) {
        const TableCell& kc = t.rows[k].cells[c];
        if (kc.present && (!kc.parsed || kc.is_percent)) holds = false;
        if (kc.present && kc.parsed) sum += kc.value;
      }
      any = true;
      // Each item was rounded to the krona on its own (öre dropped): up to
      // half a krona each.
      if (std::fabs(sum - tc.value) > std::max(1.0, 0.5 * static_cast<double>(i - from)) + 1e-9) holds = false;
    }
    if (any && holds && i - from >= 2) r.is_total = true;
    from = i + 1;
  }
  // A Summa row and its parts must not share a total category ("Summa
  // intäkter" and "Medlemsintäkter" both income.total): the Summa row keeps it.
  for (const TableRow& total : t.rows) {
    if (!total.is_total || !total.category) continue;
    const std::string& cat = *total.category;
    if (cat.size() < 6 || cat.compare(cat.size() - 6, 6, ".total") != 0) continue;
    for (TableRow& part : t.rows)
      if (&part != &total && !part.is_total && part.category == cat) part.category.reset();
  }
  *out = std::move(t);
  return true;
}

namespace {

// Key under which a row's figure can be recognised in another table of the
// same document: its category, else its folded label without a unit suffix
// ("Nettoomsättning, tkr" → "nettoomsattning").
std::string FigureKey(const TableRow& r) {
  if (r.category) return "c:" + *r.category;
  std::string f = FoldKey(TrimLabel(r.label));
  static const RE2 kUnitSuffix("[ ,]*(\\(?(tkr|mkr|mnkr|kr|tsek|msek|sek)\\)?|i (tkr|mkr|kr))$");
  RE2::Replace(&f, kUnitSuffix, "");
  if (f.size() < 6) return "";
  return "l:" + f;
}

int KindGroup(ColumnKind k) {
  switch (k) {
    case ColumnKind::kUtfall: return 1;
    case ColumnKind::kBudget: return 2;
    case ColumnKind::kPlan: return 3;
    case ColumnKind::kPrognos: return 4;
    default: return 0;
  }
}

void Rescale(FinancialTable* t, const MoneyUnit& u) {
  t->unit = u.unit;
  t->scale = u.scale;
  t->unit_from_document = false;
  for (TableRow& r : t->rows) {
    if (!r.monetary || r.scale) continue;
    for (TableCell& c : r.cells)
      if (c.present && c.parsed && !c.is_percent) c.amount_sek = ToKronor(c.value, u.scale);
  }
}

// Votes for the scale of table `u` (unit unknown) from the tables whose unit
// is known: the same figure (key, year, kind) printed in both, equal once
// scaled by 1, 1 000 or 1 000 000 within the rounding of the coarser print.
std::map<int64_t, int> ScaleVotes(const std::vector<FinancialTable>& tables, size_t u) {
  std::map<int64_t, int> votes;
  const FinancialTable& t = tables[u];
  for (size_t k = 0; k < tables.size(); ++k) {
    const FinancialTable& o = tables[k];
    if (k == u) continue;
    for (const TableRow& r : t.rows) {
      if (!r.monetary || r.scale || r.is_header) continue;
      std::string key = FigureKey(r);
      if (key.empty()) continue;
      for (const TableRow& q : o.rows) {
        // Known: the table's unit, or the row's own ("Nettoomsättning, tkr").
        if (!q.monetary || q.is_header || (o.unit.empty() && !q.scale) || FigureKey(q) != key) continue;
        for (size_t c = 0; c < t.columns.size() && c < r.cells.size(); ++c) {
          const TableColumn& tc = t.columns[c];
          if (!tc.year || !KindGroup(tc.kind)) continue;
          const TableCell& a = r.cells[c];
          if (!a.present || !a.parsed || a.is_percent || a.value == 0) continue;
          for (size_t d = 0; d < o.columns.size() && d < q.cells.size(); ++d) {
            const TableColumn& oc = o.columns[d];
            if (oc.year != tc.year || KindGroup(oc.kind) != KindGroup(tc.kind)) continue;
            const TableCell& b = q.cells[d];
            if (!b.present || !b.parsed || b.is_percent || b.amount_sek == 0) continue;
            double qs = static_cast<double>(RowScale(o, q));
            for (int64_t s : {int64_t{1}, int64_t{1000}, int64_t{1000000}}) {
              double tol = std::max(qs, static_cast<double>(s)) / 2 + 1;
              if (std::fabs(a.value * s - static_cast<double>(b.amount_sek)) <= tol) ++votes[s];
            }
          }
        }
      }
    }
  }
  return votes;
}

bool IsStatementKind(const std::string& k) {
  return k == "income_statement" || k == "balance_sheet" || k == "cash_flow";
}

// A table no title named (kind "other": its caption lost or garbled beyond
// repair on a scan) that its rows show to be one statement: a statement's
// length, three of the totals a resultaträkning or balansräkning prints (two
// of a kassaflödesanalys'), and every value column an outcome. Not a budget
// follow-up (Summa intäkter, Årets resultat beside a budget column), nor a
// förvaltningsberättelse's few lines in sammandrag (Resultat efter
// finansiella poster, Årets resultat: often in tkr beside statements in kr).
bool RowsMakeAStatement(const FinancialTable& t) {
  constexpr size_t kMinRows = 6;
  if (t.table_kind != "other" || t.rows.size() < kMinRows) return false;
  bool outcome = false;
  for (const TableColumn& c : t.columns) {
    if (c.kind == ColumnKind::kNote) continue;
    if (c.kind != ColumnKind::kUtfall) return false;
    outcome = true;
  }
  if (!outcome) return false;
  struct Statement {
    std::vector<std::string> totals;
    size_t need;
  };
  static const Statement kStatements[] = {
      {{"income.total", "cost.total", "result.operating", "result.financial", "result"}, 3},
      {{"assets.total", "equity_liabilities.total", "equity", "liabilities.short"}, 3},
      {{"cash_flow.operating", "cash_flow.working_capital", "cash_flow.total"}, 2},
  };
  for (const Statement& s : kStatements) {
    std::set<std::string> seen;
    for (const TableRow& r : t.rows)
      if (r.category && std::find(s.totals.begin(), s.totals.end(), *r.category) != s.totals.end())
        seen.insert(*r.category);
    if (seen.size() >= s.need) return true;
  }
  return false;
}

// The tables that share the statements' unit: the statements, by title or
// by rows.
bool CarriesStatementUnit(const FinancialTable& t) {
  return IsStatementKind(t.table_kind) || RowsMakeAStatement(t);
}

// Whether the money figures of a table whose unit is unknown read as kronor:
// at least three whole figures that are not zero, the median of their sizes
// a million or more.
bool PrintedToTheKrona(const FinancialTable& t) {
  constexpr size_t kMinFigures = 3;
  constexpr double kMillion = 1e6;
  std::vector<double> sizes;
  for (const TableRow& r : t.rows) {
    if (!r.monetary || r.scale || r.is_header) continue;
    for (const TableCell& c : r.cells) {
      if (!c.present || !c.parsed || c.is_percent || c.value == 0) continue;
      if (c.value != std::floor(c.value)) return false;  // decimals: tkr or mkr
      sizes.push_back(std::fabs(c.value));
    }
  }
  if (sizes.size() < kMinFigures) return false;
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
  return sizes[sizes.size() / 2] >= kMillion;
}

}  // namespace

std::optional<MoneyUnit> UnitStatementLine(const std::string& line) {
  // The subject may name what the amounts are, before an "i" ("Avgifterna
  // i kronor.", "Siffrorna anges i tkr", w45; a row label "Intäkter tkr"
  // says no unit of a table), not only "Belopp".
  static const std::string kAmountNoun = "(?:avgift(?:er|erna)|siffror(?:na)?|summor(?:na)?|kostnader(?:na)?|intakter(?:na)?)";
  static const RE2 kStatement(
      "^\\(?(?:(?:alla |samtliga )?(?:belopp(?:en)? (?:i tabell(?:en|erna) )?(?:anges |redovisas |ar )?(?:i )?|" +
      kAmountNoun + " (?:i tabell(?:en|erna) )?(?:anges |redovisas |ar )?i ))?(?:svenska )?"
      "(?:tkr|tsek|ksek|mkr|mnkr|msek|kr|kronor|sek|tusen kronor|tusentals? kronor|miljoner kronor)\\)?"
      "(?: \\((?:tkr|tsek|ksek|mkr|mnkr|msek|kr|sek)\\))?[.:]?$");
  // A sentence that ends by naming the unit of what follows: "Tabellen
  // nedan visar utfall och prognos för helåret (tkr).", "Insatser 2025
  // (tkr).", "… redovisas i tkr:". Not "… uppgick till 300 tkr." (an
  // amount) nor "… i kronor."
  static const RE2 kTrailing(
      "(?:(?:[^\\d\\s]|\\b(?:19|20)\\d\\d) \\((?:belopp )?(?:i )?(tkr|tsek|ksek|mkr|mnkr|msek|kr|kronor|tusentals? kronor|"
      "miljoner kronor)\\)|"
      "\\bi (tkr|tsek|mkr|mnkr|tusentals? kronor|miljoner kronor))[.:]?$");
  // OCR's specks read as an apostrophe between words ("Belopp i'kr.") part them.
  std::string spaced = line;
  RE2::GlobalReplace(&spaced, "(\\pL)['\u2019`](\\pL)"_re, "\\1 \\2");
  const std::string f = CollapseSpaces(FoldKey(spaced));
  if (f.size() <= 60 && RE2::FullMatch(f, kStatement)) return DetectMoneyUnit(f);
  std::string in_parens, after_i;
  if (RE2::PartialMatch(f, kTrailing, &in_parens, &after_i)) return DetectMoneyUnit(in_parens + after_i);
  // A sentence of a line that says only the unit, before or after others:
  // "Förbundet finansierade fyra insatser. Belopp i kr.", "Belopp i tusen
  // kronor. Kostnader anges med minustecken."
  if (f.find(". ") == std::string::npos) return std::nullopt;
  for (size_t from = 0; from < f.size();) {
    size_t stop = f.find(". ", from);
    const std::string sentence = f.substr(from, stop == std::string::npos ? std::string::npos : stop + 1 - from);
    static const RE2 kOpensWithAmounts("^\\(?(?:alla |samtliga )?(?:belopp|" + kAmountNoun + " )");
    if (RE2::FullMatch(sentence, kStatement) && RE2::PartialMatch(sentence, kOpensWithAmounts))
      return DetectMoneyUnit(sentence);
    // ... or a caption sentence ending in the unit before others ("Insatser
    // 2025 (tkr). Antal deltagare avser …").
    if (RE2::PartialMatch(sentence, kTrailing, &in_parens, &after_i)) return DetectMoneyUnit(in_parens + after_i);
    if (stop == std::string::npos) break;
    from = stop + 2;
  }
  return std::nullopt;
}

namespace {

// A sentence above a table's caption that names the unit of "the table
// below" ("Alla belopp i tabellen nedan anges i tkr.") speaks for that table.
bool NamesTableBelow(const std::string& folded) {
  return RE2::PartialMatch(folded, "tabell(en|erna)? nedan|nedanst.ende tabell|f.ljande tabell"_re);
}

}  // namespace

void UnitLinesAbove(const Document& doc, std::vector<FinancialTable>* tables) {
  for (FinancialTable& t : *tables) {
    // A table without a unit of its own, or with only the document's: the
    // unit line over a table speaks for it before a statement elsewhere
    // ("Belopp i tkr." over one table, "… insatser. Belopp i kr." over the
    // next).
    if ((!t.unit.empty() && !t.unit_from_document) || t.rows.empty()) continue;
    const int first = t.rows.front().prov.line_index;
    size_t pi = doc.pages.size();
    for (size_t k = 0; k < doc.pages.size(); ++k)
      if (doc.pages[k].number == t.page) pi = k;
    if (pi == doc.pages.size() || first <= 0 || first > static_cast<int>(doc.pages[pi].lines.size())) continue;
    // Up from the first row through the header to the caption; nothing
    // above the caption belongs to this table, except a sentence right
    // above it about the table below. A table at the top of its page may
    // have left its caption at the foot of the page before (Word keeps a
    // caption with its paragraph, not with the table): the lines still
    // unread go on up there.
    const Page* page = &doc.pages[pi];
    int i = first - 1, budget = 8;
    while (budget > 0) {
      if (i < 0) {
        if (pi == 0 || doc.pages[pi - 1].lines.empty()) break;
        page = &doc.pages[--pi];
        i = static_cast<int>(page->lines.size()) - 1;
      }
      --budget;
      const std::string text = CollapseSpaces(page->lines[i].text);
      // (A unit alone under a line that names the table's years is the last
      // line of a column head wrapped in its cell, that column's unit:
      // "Kostnad" / "per" / "deltagare" / "(kr)" beside "Budget 2025", w43.)
      auto inside_header = [&] {
        std::set<std::string> years;
        for (const TableColumn& c : t.columns)
          if (c.year > 0) years.insert(std::to_string(c.year));
        for (int a = i - 1; a >= 0 && a >= i - 4; --a) {
          const std::string above = CollapseSpaces(page->lines[a].text);
          if (above == CollapseSpaces(t.title)) return false;  // the caption's year ("Utfall mot budget 2025")
          for (const std::string& w : SplitOn(above, ' '))
            if (years.count(StripPunct(w))) return true;
        }
        return false;
      };
      if (std::optional<MoneyUnit> u = UnitStatementLine(text)) {
        if (SplitOn(text, ' ').size() <= 2 && inside_header()) {
          --i;
          continue;
        }
        Rescale(&t, *u);
        break;
      }
      if (!t.title.empty() && text == CollapseSpaces(t.title)) {
        int a = i - 1;  // the nearest line above the caption with text
        while (a >= 0 && CollapseSpaces(page->lines[a].text).empty()) --a;
        if (a >= 0) {
          const std::string above = CollapseSpaces(page->lines[a].text);
          std::string sentence = FoldKey(above);
          if (a > 0) sentence = FoldKey(CollapseSpaces(page->lines[a - 1].text)) + " " + sentence;
          std::optional<MoneyUnit> u = UnitStatementLine(above);
          if (u && NamesTableBelow(sentence)) Rescale(&t, *u);
        }
        break;
      }
      --i;
    }
  }
}

void ResolveTableUnits(std::vector<FinancialTable>* tables) {
  std::vector<FinancialTable>& ts = *tables;
  // 1. From the same figures in tables whose unit is printed, repeatedly
  //    (a balansräkning learns kr from a resultaträkning that learnt it
  //    from the flerårsöversikt in tkr).
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t u = 0; u < ts.size(); ++u) {
      if (!ts[u].unit.empty()) continue;
      std::map<int64_t, int> votes = ScaleVotes(ts, u);
      int64_t best = 0;
      int best_n = 0, other_n = 0;
      for (const auto& [s, n] : votes) {
        if (n > best_n) {
          other_n += best_n;
          best = s;
          best_n = n;
        } else {
          other_n += n;
        }
      }
      // Unanimous, or a clear majority of several figures (a document may
      // restate one figure between its overview and its statements).
      if (best_n == 0 || !(other_n == 0 || (best_n >= 3 && best_n >= 3 * other_n))) continue;
      Rescale(&ts[u], best == 1 ? MoneyUnit{"kr", 1} : best == 1000 ? MoneyUnit{"tkr", 1000} : MoneyUnit{"mkr", 1000000});
      changed = true;
    }
  }
  // 2. The statements and their notes share one unit (annual-report
  //    practice): when every statement whose unit is known agrees, the
  //    statements and notes still unknown take it, with lower confidence.
  //    A statement is one by its title or by its rows (a scan's caption
  //    lost), so a resultaträkning in kr still speaks for the balansräkning.
  std::string unit;
  int64_t scale = 0;
  bool agree = true;
  for (const FinancialTable& t : ts) {
    if (!CarriesStatementUnit(t) || t.unit.empty()) continue;
    if (scale && t.scale != scale) agree = false;
    unit = t.unit;
    scale = t.scale;
  }
  if (scale && agree) {
    for (FinancialTable& t : ts) {
      if (!t.unit.empty() || !(CarriesStatementUnit(t) || t.table_kind == "note")) continue;
      Rescale(&t, MoneyUnit{unit, scale});
      for (TableRow& r : t.rows)
        for (TableCell& c : r.cells) c.prov.confidence *= 0.9;
    }
  }
  // 3. Still unknown: say so; every money cell is suspect. Amounts assume
  //    tkr, the usual unit of a förbund's tables, unless the figures are
  //    printed to the krona: half of them a million or more, which in tkr
  //    would be a milliard (no förbund's budget, rare even in a
  //    municipality's tables, and those print their unit).
  for (FinancialTable& t : ts) {
    if (!t.unit.empty()) continue;
    if (PrintedToTheKrona(t)) {
      Rescale(&t, MoneyUnit{"kr", 1});
      t.unit.clear();  // still unknown: read as kr, flagged as unit.unknown
    }
    for (TableRow& r : t.rows) {
      if (!r.monetary || r.scale) continue;
      for (TableCell& c : r.cells) {
        if (!c.present || c.is_percent) continue;
        if (c.status == "ok") c.status = "suspect";
        c.prov.confidence *= 0.7;
      }
    }
  }
}

}  // namespace finsam
