// The intermediate grid that both table readers produce, and its
// interpretation into a FinancialTable.
//
//   table_layout.cc: positioned words (PDF text layer, OCR) → Grid
//   table_text.cc:   plain-text lines (tabs or spaces) → Grid
//   table_interpret.cc: Grid → FinancialTable (column kinds and years,
//                       sections, totals, categories, unit scaling)
#ifndef FINSAM_EXTRACTORS_TABLE_GRID_H_
#define FINSAM_EXTRACTORS_TABLE_GRID_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/extraction.h"
#include "normalizers/swedish_number.h"

namespace finsam {

struct GridCell {
  bool present = false;
  std::string text;  // cell text as printed (words joined by single spaces)
  Provenance prov;
  // The cell's text with one word read as OCR's other reading of it
  // (Word::readings); see TableCell::readings.
  std::vector<std::string> readings;
  // When the reader could not settle how this cell reads (two readings the
  // sums cannot tell apart, or none they accept): the rule
  // ("layout.ambiguous", "layout.unchecked") and why, listing the readings.
  // Interpretation marks such a cell "suspect"; "" when the reader is sure.
  std::string doubt_rule;
  std::string doubt;
};

struct GridRow {
  std::string label;  // may be empty (e.g. a check-sum row under a cash-flow table)
  Provenance prov;    // of the label (or of the row when there is no label)
  std::vector<GridCell> cells;  // one per Grid::headers entry
  bool repeated_header = false; // "Kostnader 2020 2021 2022" inside the table
  std::string raw_numbers;      // see TableRow::raw_numbers
  int groupings = 1;
  bool first_may_be_note = false;  // see TableRow::first_may_be_note
  std::string doubt_rule, doubt;  // see TableRow::doubt
};

struct Grid {
  std::string title;
  std::string header_label;          // text above/left of the label column ("Belopp i tkr")
  std::vector<std::string> headers;  // one per value column, as printed
  std::vector<GridRow> rows;
  int page = 0, last_page = 0;
  double confidence = 1.0;
  // A one-column table of a text dump ("Intäkter | Budget 2025"): a single
  // kind-and-year header is also what a heading or a sentence looks like, so
  // the table is kept only when one of its own sums holds and none fails
  // (extractors/financial_tables.cc).
  bool confirm_by_sums = false;
  // The unit printed after the figures in their cells ("2 400 000 kr"),
  // when the figures of the table carry one and the same; "" otherwise.
  // It names the table's unit before its title or header does.
  std::string cell_unit;
};

// Context from the document that interpretation needs.
struct TableContext {
  std::string doc_kind;     // DocumentMeta::kind
  std::string default_unit; // from "Alla belopp redovisas i tkr", or ""
  int doc_year_from = 0;    // DocumentMeta::year_from (0 = unknown)
  int doc_year_to = 0;      // DocumentMeta::year_to (0 = unknown)
  // ocr_pages[p - 1]: page p was read by OCR (Page::decision kOcr) or is a
  // text layer OCR made (kRepair: å/ä/ö stripped). Row labels of those
  // pages get their misread letters rebuilt (ocr_misreads.h).
  std::vector<bool> ocr_pages = {};

  // Page p (1-based) was read by OCR; false for 0 or a page out of range.
  bool IsOcrPage(int p) const { return p >= 1 && p <= static_cast<int>(ocr_pages.size()) && ocr_pages[p - 1]; }
};

// Parses one column header; year 0 / kUnknown when it is not a value column.
TableColumn ParseColumnHeader(const std::string& header, const std::string& doc_kind);

// The part of the year a column header names ("jan–aug", "t.o.m. augusti",
// "per 30 juni", "2024-08-31", "tertial 2", "halvår", "kvartal 3") as
// "MM-MM" from January; "" for the whole year or nothing said
// (TableColumn::period).
std::string ColumnPeriod(const std::string& header);

// A header word without the punctuation after it, nor the quote marks OCR
// reads from specks beside it ("2025-12-31\"", "»2024").
std::string StripPunct(const std::string& s);

// A closing date written in words that starts at words[i] ("31 dec 2025",
// "31 december 2025" over three words; OCR's "31dec 2025", "-31dec 2025"
// over two), one column's header in both readers. Not the end of a period
// printed before the years ("1 januari - 31 december 2025": words[i - 1] a
// dash, "till" or "t.o.m."). `words` = 0 when there is none; `day` as
// printed (0-39), `month` 1-12, `year_at` the index of the year's word.
struct WordDate {
  size_t words = 0;
  int day = 0, month = 0;
  size_t year_at = 0;
};
WordDate WordDateAt(const std::vector<std::string>& words, size_t i);

// The unit a figure's cell may print after it ("2 400 000 kr"): the folded
// unit ("kr", "tkr", "mkr", "mnkr", "sek") of a word that is one, with a
// stop, comma or quote OCR left after it; "kr" for the kronor mark ":-"
// set apart; "" for any other word.
std::string CellUnitWord(const std::string& word);
// The unit most figures print after them, given how many figures carry
// each unit (`units`) of `figures` in all: named when one unit only is
// carried, by two figures at least and four of five; "" otherwise.
std::string UnitOfMostFigures(const std::map<std::string, int>& units, int figures);
// The Swedish kronor mark after a figure (":-", its dash any of - – —), as
// one regex alternation without capturing groups.
const std::string& KronorMarkPattern();
// True for a figure's word that ends in the kronor mark glued to it
// ("000:-" of "1 900 000:-", "450:–"): the figure is in kronor.
bool EndsInKronorMark(const std::string& word);

// True for a token that can start or be a column header: a year, a date, or a
// column-kind word (Utfall, Budget, Plan, Prognos, Avvikelse, Totalt, Not).
bool IsHeaderToken(const std::string& token);
// A period in one word whose dash may be an en or em dash, or OCR's "-—"
// ("2025-01-01–2025-12-31"), a comma after it allowed.
bool IsPeriodToken(const std::string& token);
// Where the column kinds of a header that names no year start
// ("Budget  Utfall  Avvikelse", after at most two label words): two or more
// kind words to the end, one a dated kind (budget, plan, utfall, prognos,
// bokslut), the label words no kind and no digit. -1 when the words are no
// such header. Both readers date them by a caption of one year.
int YearlessKindsStart(const std::vector<std::string>& words);
// A row label that opens with an account or row number printed in a column
// of its own ("3010 Medlemsavgift", "1. Jobbspåret", OCR's "4, Steg"):
// true, with the number, its stop ("", ".", ")" or ",") and the label
// without it in the outputs given (each may be null).
bool SplitLeadingCode(const std::string& label, std::string* code, std::string* stop, std::string* rest);
// The column kind ("utfall", "budget", "plan", "prognos", "bokslut") a word
// is, or is but for one letter OCR misread after the first ("Ptan",
// "Budqet"); "" for any other word.
std::string KindWordNear(const std::string& word);
// A member fee's word that names a column with the year after it
// ("Medlemsavgift 2027", "Bidrag 2026").
bool IsFeeHeaderWord(const std::string& token);
// The head of a member fee table's label column ("Medlem", "Medlemmar",
// "Part", "Huvudman", "Organisation"), any case, punctuation ignored.
bool IsMemberHeadWord(const std::string& token);
// A member fee table's label head, maybe with its share column's head,
// then one year ("Medlem Andel 2027", "Medlemmar Fördelning, % 2027",
// w46): the year heads the fees. `words` are the line's words; true with
// the year's index in *year_at.
bool IsMemberFeeHeader(const std::vector<std::string>& words, size_t* year_at);
// The unit word a fee's head may carry ("kr" of "Avgift, kr"; also tkr,
// kronor, sek, tsek, ksek), any case, punctuation around it ignored.
bool IsFeeUnitWord(const std::string& token);
// A word that makes a column one of counts, dated or not ("Invånare
// 2025-12-31", "Antal deltagare", "Platser"): no money, no fact.
bool IsCountHeaderWord(const std::string& token);
// The words that head a column of prose beside the figures ("Kommentar",
// "Status", "Förklaring"), as one regex alternation without capturing
// groups, for the layout and the text readers' comments columns.
const std::string& CommentHeadWords();
bool IsYearToken(const std::string& token);
// "Innevarande" / "Föregående" (år): a column of the report's year or the
// one before, named without the year.
bool IsRelativeYearWord(const std::string& token);
// The year a header names relative to the report's ("Innevarande år" →
// report_year, "Föregående år" → report_year - 1); 0 when it names none.
int RelativeYear(const std::string& header, int report_year);
// A header that names only that its column holds money ("Belopp",
// "Belopp, kr", "Belopp (tkr)", "Kronor", "Tkr"): InterpretGrid dates such
// a column by its table's title.
bool IsAmountWordHeader(const std::string& header);
// The one year a text names ("Not 1 Medlemsavgifter 2025" → 2025); nullopt
// when it names none or several.
std::optional<int> SingleYear(const std::string& text);

// Interprets a grid; returns false when it is not a financial table (no
// value column with a year or a kind).
bool InterpretGrid(const Grid& grid, const TableContext& ctx, FinancialTable* out);

// Settles the unit of the tables whose unit nothing printed says (unit ""
// after InterpretGrid): from the same figure printed in a table whose unit
// is known (Nettoomsättning 2 127 tkr in the flerårsöversikt, 2 127 333 in
// the resultaträkning → kr), then the statements' common unit for the
// statements and notes. A table still unknown keeps unit "" (amounts assume
// tkr) and its money cells become suspect; CheckDocument flags it.
void ResolveTableUnits(std::vector<FinancialTable>* tables);

// The unit a line states: a line that says nothing else ("Belopp i
// tusentals kronor (tkr).", "Beloppen anges i tkr", "(mkr)", "Kronor"), or
// a sentence that ends by naming it ("… prognos för helåret (tkr).", "…
// redovisas i tkr:"). Nothing for prose that merely names an amount ("…
// 2,3 miljoner kronor i eget kapital.", "… uppgick till 300 tkr.").
std::optional<MoneyUnit> UnitStatementLine(const std::string& line);

// For each table whose caption, header and columns print no unit: a unit
// line printed between its caption and its first row on its page (the
// readers do not take it into the table) sets the unit and rescales the
// amounts.
void UnitLinesAbove(const Document& doc, std::vector<FinancialTable>* tables);

// A row label without a trailing note reference printed in the label area
// ("Byggnader Not 8,12" → "Byggnader"); other labels unchanged.
std::string StripNoteReference(const std::string& label);

// The standard statement line ("Kortfristiga fordringar", "Summa
// intäkter", …: the lines every Swedish resultaträkning, balansräkning and
// kassaflödesanalys prints) that an OCR-garbled label stands for
// ("Kortfrisbaa toaringar", "Korttnstga fordringar"): the one within a few
// letter edits of the label (folded, at most 30% of its letters and six),
// with every other standard line at least three edits further. nullopt
// when none or no clear one. The caller applies it to a label with a word
// no reading makes known, and flags the row. `known_words`: every word of
// the label is a word ("Kortfristig fordringar", "Summa till än går": OCR
// turned a letter or a gap into other words), so at most two edits count
// and a line the label only inflects ("Medlemsavgift", "Avskrivning": one
// folded spelling a prefix of the other) is no misreading.
std::optional<std::string> NearestStandardLabel(const std::string& label, bool known_words = false);

// A row label Tesseract read from a scan, with its unit signs put back:
// a per-cent sign read as digits or letters ("Soliditet (20)", "(2/0)",
// "(940)", "Räntekänslighet, Yo", "andel i 24 av" → "(%)", ", %", "i % av";
// only when `small_figures`, i.e. the row's figures have no thousands group,
// as shares do), the ² of m² read as "?" ("Lån/m?" → "Lån/m²"), and a
// stray mark before the first word ("> Skuldsättning", "” Energikostnad")
// dropped. Other labels unchanged.
std::string RepairOcrUnitSigns(const std::string& label, bool small_figures);

// A figure cell Tesseract read from a scan with its first thousands space
// lost ("1625 531", "-1178 410": a four-digit group before three-digit
// ones, which no Swedish figure prints), read with that space put back;
// nullopt for any other text. Only for cells on OCR pages; MarkOcrDoubts
// keeps such a reading suspect unless a check confirms it.
std::optional<SwedishNumber> ParseWithLostHeadSpace(const std::string& text);

// Strips inline HTML tags and markdown emphasis/heading marks, collapses
// whitespace.
std::string CleanCellText(const std::string& s);

// A balance sheet captioned by its first heading alone, "TILLGÅNGAR" (its
// caption and header lost in OCR; table_text.cc reads it as a headless
// statement after a resultaträkning).
bool CaptionedByAssets(const std::string& title);

// A label that breaks off after a joining word or mark ("Försäkringskassan
// och", "Bidrag från", "Region Gävleborg,"): its rest is on the next line.
bool EndsInJoiningWord(const std::string& label);

// Helpers both readers use to find a table's caption and its end.
// "4 Resultaträkning", "1.2 Översikt ...", "Not 2. ...": a numbered heading.
bool IsNumberedHeading(const std::string& text);
// A heading a table may be captioned by: numbered ("Tabell 2. Eget
// kapital" too), or a short line naming a table (Budget, Resultaträkning,
// Balansräkning, Kassaflöde, ...), also when OCR damaged the name
// (DamagedStatementTitle).
bool IsTableHeading(const std::string& text);
// A line whose only figures are a written date's ("Karlstad den 12 februari
// 2026", "… per den 31" / "augusti."): prose or a signature, no row.
bool IsDateLine(const std::string& text);
// A line that ends in a page number: "8 (15)", "3 av 12", "3/12" (the page
// not past the count), "Sida 3", "… Verksamhetsplan 2027 · 3" (after a
// middle dot, bullet or bar) — a running header or footer.
bool EndsInPageNumber(const std::string& text);

// The statement title a short heading line names when OCR split its word
// with spaces and lost or misread letters ("RESU LTAT RÄKN N G 2023-01-01"
// → "resultatrakning"): the line's letters, without its dates, years and a
// unit, within two edits of a known title (resultaträkning, balansräkning,
// kassaflödesanalys, finansieringsanalys, flerårsöversikt,
// femårsöversikt), folded. "" for prose, a line of more than six pieces, or
// a heading of anything else. An undamaged title gives its own name.
std::string DamagedStatementTitle(const std::string& line);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_TABLE_GRID_H_
