#include "extractors/number_repair.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

#include <re2/re2.h>

#include "extractors/checks.h"
#include "extractors/period_checks.h"
#include "extractors/table_arithmetic.h"
#include "model/text_split.h"
#include "normalizers/swedish_number.h"
#include "normalizers/unicode.h"

namespace finsam {
namespace {

constexpr int kCostRegroup = 0;
constexpr int kCostConfusable = 1;
constexpr int kCostShift = 1;
constexpr int kCostDigitEdit = 2;
constexpr size_t kMaxAssignments = 20000;

// Characters that OCR confuses with digits, and the digits they may stand for.
const std::map<char, std::string>& ConfusableMap() {
  static const std::map<char, std::string> kMap = {
      {'J', "3"}, {'B', "8"}, {'b', "68"}, {'O', "0"}, {'o', "0"}, {'D', "0"}, {'Q', "0"},
      {'l', "1"}, {'I', "1"}, {'|', "1"}, {'i', "1"}, {'!', "1"}, {'L', "1"}, {'S', "5"},
      {'s', "5"}, {'g', "90"}, {'q', "9"}, {'a', "9"}, {'Z', "2"}, {'z', "2"}, {'G', "6"},
      {'T', "7"}, {'A', "4"}, {'?', "7"}, {'&', "8"}, {']', "1"}, {'$', "5"},
  };
  return kMap;
}

// ']' is not noise: OCR reads a 1 as ']' ("]5" for 15).
bool IsNoise(char c) { return c == '[' || c == '~' || c == '_' || c == '"' || c == '\'' || c == '='; }

std::string Canonical(const std::string& s) { return CanonicalNumberText(s); }

std::optional<double> ParseValue(const std::string& text) {
  std::optional<SwedishNumber> n = ParseSwedishNumber(text);
  if (!n || n->is_percent || n->is_nil) return std::nullopt;
  return n->value;
}

// One way to read a row: a value per column (nullopt = unknown) and whether
// the cell is present.
struct Reading {
  std::vector<std::optional<double>> value;
  std::vector<bool> present;
  std::vector<std::string> kind;  // per column: "" unchanged, else repair kind
  int cost = 0;
  bool operator==(const Reading& o) const { return value == o.value && present == o.present; }
};

// The values of a cell's other OCR readings (TableCell::readings) that
// read as numbers and differ from the cell's own, in order, distinct.
std::vector<double> OtherReadingValues(const TableCell& cell) {
  std::vector<double> out;
  const std::optional<double> own = CellNumber(cell);
  for (const std::string& r : cell.readings) {
    std::optional<double> v = ParseValue(r);
    if (!v || (own && std::fabs(*v - *own) < 1e-9)) continue;
    if (std::find(out.begin(), out.end(), *v) == out.end()) out.push_back(*v);
  }
  return out;
}

Reading BaseReading(const TableRow& r, size_t ncols) {
  Reading b;
  b.value.resize(ncols);
  b.present.resize(ncols);
  b.kind.resize(ncols);
  for (size_t c = 0; c < ncols && c < r.cells.size(); ++c) {
    b.value[c] = CellNumber(r.cells[c]);
    b.present[c] = r.cells[c].present;
  }
  return b;
}

// Dates and periods ("2019-10-01", "2020-2022") are not damaged amounts.
bool IsDateText(const std::string& raw) {
  static const RE2 kDate("^\\s*\\d{4}-\\d{1,2}(-\\d{1,2})?\\s*$|^\\s*\\d{4}\\s*[-–]\\s*\\d{4}\\s*$");
  return RE2::FullMatch(raw, kDate);
}

bool LooksNumeric(const std::string& printed) {
  // Dashes of every kind read as '-' ("—-1 000": a minus read as two).
  const std::string raw = CanonicalNumberText(printed);
  if (IsDateText(raw)) return false;
  int digits = 0, letters = 0;
  auto digit = [&](size_t k) { return k < raw.size() && std::isdigit(static_cast<unsigned char>(raw[k])); };
  const size_t lead = raw.find_first_not_of(" =");
  for (size_t i = 0; i < raw.size(); ++i) {
    const char ch = raw[i];
    if (ch == '+' && i == lead) continue;  // a plus sign before the figure
    if (ch == '>' && i == lead) continue;  // a minus read as ">" (ConfusableReadings)
    if (digit(i)) ++digits;
    else if (ConfusableMap().count(ch)) ++letters;
    // A decimal comma read as a colon or semicolon ("3:20"), specks in a
    // thousands space ("1-:000-000"): ConfusableReadings.
    else if ((ch == ':' || ch == ';') && i > 0 && (digit(i - 1) || raw[i - 1] == '-') &&
             (digit(i + 1) || (i + 1 < raw.size() && raw[i + 1] == '-')))
      continue;
    // Specks after the last digit ("920 000),", "4820:"), a bracket no
    // bracket opened among them: ConfusableReadings drops them.
    else if (((ch == ')' && raw.find('(') == std::string::npos) || ch == ':' || ch == ';') &&
             raw.find_first_not_of("),;:. ", i) == std::string::npos)
      continue;
    else if (ch != ' ' && ch != '-' && !IsNoise(ch) && ch != ',' && ch != '.') return false;
  }
  return digits + letters > 0 && digits + letters <= 12;
}

std::vector<std::string> SplitSpaces(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string tok;
  while (in >> tok) out.push_back(tok);
  return out;
}

// Does the row need a reading other than its base one?
bool Forced(const FinancialTable& t, const TableRow& r) {
  if (r.is_header) return false;
  if (r.groupings > 1) return true;
  for (size_t c = 0; c < r.cells.size() && c < t.columns.size(); ++c)
    if (IsAmountColumn(t.columns[c]) && r.cells[c].present && !r.cells[c].parsed && LooksNumeric(r.cells[c].raw))
      return true;
  return false;
}

std::vector<Reading> ForcedReadings(const FinancialTable& t, const TableRow& r) {
  std::vector<Reading> out;
  const size_t ncols = t.columns.size();
  Reading base = BaseReading(r, ncols);
  std::vector<int> targets = AmountColumns(t);
  if (r.groupings > 1 && !r.raw_numbers.empty()) {
    std::vector<std::string> tokens = SplitSpaces(Canonical(r.raw_numbers));
    std::vector<std::vector<std::string>> groupings =
        GroupNumberTokens(tokens, static_cast<int>(targets.size()), 64);
    if (r.first_may_be_note && tokens.size() > 1) {  // the first token a note reference
      std::vector<std::string> rest(tokens.begin() + 1, tokens.end());
      for (auto& g : GroupNumberTokens(rest, static_cast<int>(targets.size()), 64)) groupings.push_back(std::move(g));
    }
    for (const auto& g : groupings) {
      Reading rd = base;
      bool ok = true;
      for (size_t k = 0; k < targets.size() && k < g.size(); ++k) {
        std::optional<double> v = ParseValue(g[k]);
        if (!v) ok = false;
        rd.value[targets[k]] = v;
        rd.present[targets[k]] = true;
        rd.kind[targets[k]] = "regroup";
      }
      rd.cost = kCostRegroup;
      if (ok) out.push_back(std::move(rd));
    }
    if (!out.empty()) return out;
  }
  // Confusable characters in unreadable cells: product over the cells.
  const bool decimals = TablePrintsDecimals(t);
  std::vector<Reading> partial = {base};
  for (size_t c = 0; c < r.cells.size() && c < ncols; ++c) {
    const TableCell& cell = r.cells[c];
    if (!IsAmountColumn(t.columns[c]) || !cell.present || cell.parsed || !LooksNumeric(cell.raw)) continue;
    std::vector<double> alts = ConfusableReadings(cell.raw, 32, decimals);
    for (double v : OtherReadingValues(cell))
      if (std::find(alts.begin(), alts.end(), v) == alts.end()) alts.push_back(v);
    std::vector<Reading> next;
    for (const Reading& p : partial) {
      for (double v : alts) {
        Reading rd = p;
        rd.value[c] = v;
        rd.kind[c] = "confusable";
        rd.cost += kCostConfusable;
        next.push_back(rd);
        if (next.size() > 256) break;
      }
    }
    partial = std::move(next);
  }
  for (Reading& p : partial)
    if (p.cost > 0) out.push_back(std::move(p));
  return out;
}

std::string DigitsOf(double v) { return std::to_string(static_cast<long long>(std::llround(std::fabs(v)))); }

// The numbers of decimals the other figures of column `col` print after a
// comma ("6,66", "0,306": {2, 3}), when at least two print one; empty
// otherwise (a column of whole numbers).
std::set<int> DecimalsOfColumn(const FinancialTable& t, int col, int except_row) {
  std::set<int> decimals;
  int seen = 0;
  for (int i = 0; i < static_cast<int>(t.rows.size()); ++i) {
    if (i == except_row || col >= static_cast<int>(t.rows[i].cells.size())) continue;
    const TableCell& c = t.rows[i].cells[col];
    if (!c.present || !c.parsed) continue;
    size_t at = c.raw.rfind(',');
    if (at == std::string::npos) continue;
    int d = 0;
    for (size_t k = at + 1; k < c.raw.size() && std::isdigit(static_cast<unsigned char>(c.raw[k])); ++k) ++d;
    if (d == 0 || d > 3) continue;
    decimals.insert(d);
    ++seen;
  }
  if (seen < 2) decimals.clear();
  return decimals;
}

// A reader's doubt about a row (TableRow::doubt_rule) that the sums can
// settle: its figures' placement. Not an ambiguity the reader left open
// (read.ambiguous), figures without a label (read.unlabeled), nor a label
// in doubt (read.side_text): no sum confirms a label.
bool SumsCanConfirm(const std::string& doubt_rule) {
  return !doubt_rule.empty() && doubt_rule != "read.ambiguous" && doubt_rule != "read.unlabeled" &&
         doubt_rule != "read.side_text";
}

// Calls f(check, term, found, expected) for each cell of `row` in a failing
// check whose figure and check can be read: `expected` is the value under
// which that check would hold.
template <typename F>
void ForExpectedValues(const FinancialTable& t, int row, const std::vector<Constraint>& failing, F f) {
  for (const Constraint& con : failing)
    for (const Term& term : con.terms) {
      if (term.row != row) continue;
      std::optional<double> found = CellNumber(t.rows[row].cells[term.col]);
      std::optional<double> resid = Residual(t, con);
      if (!found || !resid) continue;
      f(con, term, *found, ValueThatHolds(term, *found, *resid));
    }
}

// Readings of a clean row that a failing check may call for.
std::vector<Reading> OptionalReadings(const FinancialTable& t, int row, const std::vector<Constraint>& failing) {
  const TableRow& r = t.rows[row];
  const size_t ncols = t.columns.size();
  Reading base = BaseReading(r, ncols);
  std::vector<Reading> out;
  std::vector<int> targets = AmountColumns(t);
  // A missing cell shifted the row's values one column left: place the
  // present values in order, leaving one gap, anywhere but the last slot.
  std::vector<int> filled;
  for (int c : targets)
    if (r.cells.size() > static_cast<size_t>(c) && r.cells[c].present) filled.push_back(c);
  if (!filled.empty() && filled.size() + 1 == targets.size()) {
    for (size_t gap = 0; gap < targets.size(); ++gap) {
      Reading rd = base;
      size_t k = 0;
      for (size_t slot = 0; slot < targets.size(); ++slot) {
        int c = targets[slot];
        if (slot == gap) {
          rd.value[c] = 0.0;
          rd.present[c] = false;
        } else {
          rd.value[c] = CellNumber(r.cells[filled[k]]);
          rd.present[c] = true;
          ++k;
        }
      }
      if (rd == base) continue;
      for (int c : targets) rd.kind[c] = "shift";
      rd.cost = kCostShift;
      out.push_back(std::move(rd));
    }
  }
  // Another reading OCR gave of one cell's ink ("6 900" beside "5 900"):
  // evidence, so it costs what a confusable glyph does, less than an edit.
  for (int c : targets) {
    if (static_cast<size_t>(c) >= r.cells.size()) continue;
    const TableCell& cell = r.cells[c];
    if (!cell.present || !cell.parsed || cell.is_percent) continue;
    for (double v : OtherReadingValues(cell)) {
      Reading rd = base;
      rd.value[c] = v;
      rd.kind[c] = "reading";
      rd.cost = kCostConfusable;
      out.push_back(std::move(rd));
    }
  }
  // Single digit edits of one cell.
  for (int c : targets) {
    if (static_cast<size_t>(c) >= r.cells.size()) continue;
    const TableCell& cell = r.cells[c];
    if (!cell.present || !cell.parsed || cell.is_percent) continue;
    // A whole figure printed with a leading zero ("00", "012") shows where
    // OCR misread it: that digit as any other costs what a confusable glyph
    // does, so "00" → 60 wins over editing a well-formed "12 260" of its sum.
    const std::pair<std::vector<double>, int> edits[] = {{DigitEditReadings(cell.raw), kCostDigitEdit},
                                                         {LeadingZeroReadings(cell.raw), kCostConfusable}};
    for (const auto& [values, cost] : edits) {
      for (double v : values) {
        Reading rd = base;
        rd.value[c] = v;
        rd.kind[c] = "digit";
        rd.cost = cost;
        out.push_back(std::move(rd));
      }
    }
  }
  // A truncated figure: the printed digits are the tail of what the check
  // expects ("320" for 13 320: a lost leading group).
  // A figure printed with a leading zero ("006" for 1 006) shows the loss
  // itself: its digits as printed, and the reading costs no more than a
  // confusable glyph, so it wins over adding a digit to a clean figure.
  Reading trunc = base;
  bool any = false, zero_led = false;
  ForExpectedValues(t, row, failing, [&](const Constraint&, const Term& term, double found, double expected) {
    if (trunc.kind[term.col] == "truncated" || found == 0 || !r.cells[term.col].present) return;
    std::string fd = DigitsOf(found), ed = DigitsOf(expected);
    const std::string& raw = r.cells[term.col].raw;
    std::string printed;
    for (char ch : raw)
      if (ch >= '0' && ch <= '9') printed += ch;
    const bool zeros = raw.find(',') == std::string::npos && printed.size() > fd.size() && printed[0] == '0';
    if (zeros) fd = printed;
    if (fd.size() >= 3 && ed.size() > fd.size() && ed.compare(ed.size() - fd.size(), fd.size(), fd) == 0 &&
        (expected < 0) == (found < 0)) {
      trunc.value[term.col] = expected;
      trunc.kind[term.col] = "truncated";
      any = true;
      zero_led = zero_led || zeros;
    }
  });
  if (any) {
    trunc.cost = zero_led ? kCostConfusable : kCostDigitEdit;
    out.push_back(std::move(trunc));
  }
  // A lost decimal comma: in a column whose other figures print one ("6,66",
  // "0,306"), a figure without it whose digits are what the check expects
  // with the comma dropped ("333") or read as a digit ("3533" for "3,33").
  Reading comma = base;
  any = false;
  ForExpectedValues(t, row, failing, [&](const Constraint&, const Term& term, double found, double expected) {
    const TableCell& cell = r.cells[term.col];
    if (comma.kind[term.col] == "comma" || !cell.present || !cell.parsed || cell.is_percent ||
        cell.raw.find(',') != std::string::npos || (expected < 0) != (found < 0))
      return;
    std::set<int> decimals = DecimalsOfColumn(t, term.col, row);
    std::string fd = DigitsOf(found);
    bool fits = false;
    for (int d : decimals) {
      double scaled = expected * std::pow(10.0, d);
      if (std::fabs(scaled - std::round(scaled)) > 1e-6) continue;
      std::string ed = DigitsOf(scaled);
      if (fd == ed) fits = true;  // the comma dropped
      for (size_t i = 1; i + 1 < fd.size() && !fits; ++i)  // the comma read as a digit
        fits = fd.size() - i - 1 == static_cast<size_t>(d) && fd.substr(0, i) + fd.substr(i + 1) == ed;
    }
    if (!fits) return;
    comma.value[term.col] = expected;
    comma.kind[term.col] = "comma";
    any = true;
  });
  if (any) {
    comma.cost = kCostDigitEdit;
    out.push_back(std::move(comma));
  }
  // A lost minus sign: OCR drops a short dash before a figure ("Resultat
  // 410" for –410). Only where a check of three terms or more expects
  // exactly the figure negated: a two-term equality "holds" with either sign
  // of a repeated figure too often to say which one lost it. Never in a
  // deviation column (Avvikelse, Återstår): there the sign is the table's
  // convention, which a wrong guess of it would "repair".
  Reading sign = base;
  any = false;
  ForExpectedValues(t, row, failing, [&](const Constraint& con, const Term& term, double found, double expected) {
    const TableCell& cell = r.cells[term.col];
    if (con.terms.size() < 3 || sign.kind[term.col] == "sign" || IsDeviationKind(t.columns[term.col].kind) ||
        !cell.present || !cell.parsed || cell.is_percent || found <= 0 || std::fabs(expected + found) > 1e-6)
      return;
    sign.value[term.col] = expected;
    sign.kind[term.col] = "sign";
    any = true;
  });
  if (any) {
    sign.cost = kCostDigitEdit;
    out.push_back(std::move(sign));
  }
  return out;
}

// The table with some rows read differently: the values table_arithmetic
// evaluates constraints against during the search. Readings are borrowed
// (owned by the caller's candidate lists).
class Evaluator {
 public:
  explicit Evaluator(const FinancialTable& t) : t_(t) {}
  void Set(int row, const Reading* rd) {
    if (rd) over_[row] = rd;
    else over_.erase(row);
  }
  std::optional<double> Value(int row, int col) const {
    auto it = over_.find(row);
    if (it != over_.end()) return col < static_cast<int>(it->second->value.size()) ? it->second->value[col] : 0.0;
    return CellValue(t_, row, col);
  }
  // 1 holds, 0 fails, -1 unknown (a term is unreadable under these readings).
  int Check(const Constraint& c) const {
    std::optional<double> r = Residual(c, [this](int row, int col) { return Value(row, col); });
    if (!r) return -1;
    return WithinTolerance(c, *r) ? 1 : 0;
  }

 private:
  const FinancialTable& t_;
  std::map<int, const Reading*> over_;
};

// A cell read as `v` (printed units) by a repair or a chosen reading: a
// parsed money figure of `scale` kronor per unit.
void ReadCellAs(TableCell& cell, double v, int64_t scale) {
  cell.present = true;
  cell.parsed = true;
  cell.is_percent = false;
  cell.value = v;
  cell.amount_sek = ToKronor(v, scale);
}

Flag RepairFlag(const FinancialTable& t, int ti, int row, int col, const std::string& kind) {
  const TableRow& r = t.rows[row];
  const TableCell& cell = r.cells[col];
  Flag f;
  f.rule = "repair." + kind;
  f.severity = kSeverityInfo;
  f.cells.push_back({ti, row, col});
  f.year = t.columns[col].year;
  f.page = cell.prov.page ? cell.prov.page : r.prov.page ? r.prov.page : t.page;
  f.source_text = !r.prov.raw_text.empty() ? r.prov.raw_text : r.label + "  " + r.raw_numbers;
  f.key = f.rule + "|t" + std::to_string(ti) + "|" + r.label + "|c" + std::to_string(col);
  return f;
}

void Apply(FinancialTable& t, int ti, int row, const Reading& rd, const std::string& why, std::vector<Flag>* flags,
           RepairStats* stats) {
  TableRow& r = t.rows[row];
  bool shift = std::any_of(rd.kind.begin(), rd.kind.end(), [](const std::string& k) { return k == "shift"; });
  if (shift) {
    // Move the printed cells (raw text and provenance with them) into the
    // columns the reading puts them in; the gap becomes an empty cell.
    std::vector<TableCell> old = r.cells;
    std::vector<int> from, to;
    for (size_t c = 0; c < old.size() && c < rd.kind.size(); ++c) {
      if (rd.kind[c] != "shift") continue;
      if (old[c].present) from.push_back(static_cast<int>(c));
      if (rd.present[c]) to.push_back(static_cast<int>(c));
    }
    std::string moves;
    for (size_t c = 0; c < rd.kind.size() && c < r.cells.size(); ++c)
      if (rd.kind[c] == "shift") r.cells[c] = TableCell();
    for (size_t k = 0; k < from.size() && k < to.size(); ++k) {
      TableCell moved = old[from[k]];
      moved.status = "repaired";
      moved.prov.confidence *= 0.9;
      r.cells[to[k]] = moved;
      if (from[k] != to[k]) {
        Flag f = RepairFlag(t, ti, row, to[k], "shift");
        f.found = f.expected = moved.amount_sek;
        f.message = DescribeCell(t, row, to[k]) + ": '" + moved.raw + "' was read under '" +
                    t.columns[from[k]].header + "'" +
                    "; a missing cell shifted the row (shift); " + why;
        flags->push_back(std::move(f));
        ++stats->repaired;
      }
    }
    return;
  }
  for (size_t c = 0; c < rd.value.size() && c < r.cells.size(); ++c) {
    if (rd.kind[c].empty()) continue;
    TableCell& cell = r.cells[c];
    std::optional<double> before = cell.parsed && cell.present ? std::optional<double>(cell.value) : std::nullopt;
    bool changed = !before || std::fabs(*before - rd.value[c].value_or(0)) > 1e-9 || cell.present != rd.present[c] ||
                   cell.status == "suspect";
    if (!changed) continue;
    Flag f = RepairFlag(t, ti, row, static_cast<int>(c), rd.kind[c]);
    if (before) f.found = std::llround(*before * t.scale);
    if (rd.present[c] && rd.value[c]) f.expected = std::llround(*rd.value[c] * t.scale);
    std::string shown = cell.present ? "'" + cell.raw + "'" : "(empty)";
    std::string now = rd.present[c] ? FormatPrinted(rd.value[c].value_or(0)) : "(empty)";
    f.message = DescribeCell(t, row, static_cast<int>(c)) + ": " + shown + " read as " + now + " (" + rd.kind[c] +
                "); " + why;
    if (rd.present[c]) {
      if (!cell.present) cell.prov = r.prov;
      ReadCellAs(cell, rd.value[c].value_or(0), t.scale);
      cell.prov.confidence *= 0.9;
    } else {
      cell.present = false;
    }
    cell.status = "repaired";
    flags->push_back(std::move(f));
    ++stats->repaired;
  }
}

void MarkSuspect(FinancialTable& t, int ti, int row, int col, const std::string& rule, const std::string& msg,
                 std::vector<Flag>* flags, RepairStats* stats) {
  TableRow& r = t.rows[row];
  TableCell& cell = r.cells[col];
  cell.status = "suspect";
  Flag f;
  f.rule = rule;
  f.severity = kSeverityWarning;
  f.cells.push_back({ti, row, col});
  f.year = t.columns[col].year;
  f.page = cell.prov.page ? cell.prov.page : r.prov.page ? r.prov.page : t.page;
  f.source_text = !r.prov.raw_text.empty() ? r.prov.raw_text : r.label + "  " + r.raw_numbers;
  f.key = rule + "|t" + std::to_string(ti) + "|" + r.label + "|c" + std::to_string(col);
  if (cell.parsed && cell.present) f.found = std::llround(cell.value * t.scale);
  f.message = DescribeCell(t, row, col) + ": " + (cell.raw.empty() ? "" : "'" + cell.raw + "' ") + msg;
  flags->push_back(std::move(f));
  ++stats->suspect;
}

std::string ConstraintList(const std::vector<const Constraint*>& cs) {
  std::set<std::string> seen;
  std::string s;
  for (const Constraint* c : cs) {
    if (!seen.insert(c->what).second) continue;
    if (!s.empty()) s += "; ";
    s += c->what;
  }
  return s;
}

}  // namespace

namespace {

// "1671 000": a head of four to six digits before groups of three is one
// figure whose thousands space OCR dropped (1 671 000); so is "2 127333",
// a group of six digits after the head (2 127 333), and either with öre
// after the last group ("5399 922,60"); nullopt for any other text.
std::optional<double> DroppedThousandsSpace(const std::string& text) {
  std::string t = text;
  bool negative = !t.empty() && t[0] == '-';
  if (negative) t.erase(0, 1);
  // One space between groups, none at the ends.
  if (t.empty() || t.front() == ' ' || t.back() == ' ' || t.find("  ") != std::string::npos) return std::nullopt;
  std::vector<std::string> parts = SplitOn(t, ' ');
  if (parts.size() < 2 || parts[0].size() > 6) return std::nullopt;
  // Öre after the last group ("5399 922,60"): kept as the decimals.
  std::string decimals;
  if (const size_t comma = parts.back().find(','); comma != std::string::npos) {
    decimals = parts.back().substr(comma + 1);
    parts.back().erase(comma);
    if (decimals.size() > 2 || !AllDigits(decimals)) return std::nullopt;
  }
  bool dropped = parts[0].size() >= 4;
  std::string digits;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0 && parts[i].size() != 3 && parts[i].size() != 6) return std::nullopt;
    dropped = dropped || parts[i].size() == 6;
    for (char ch : parts[i])
      if (!std::isdigit(static_cast<unsigned char>(ch))) return std::nullopt;
    digits += parts[i];
  }
  if (!dropped || digits[0] == '0' || digits.size() > 15) return std::nullopt;
  double v = std::stod(decimals.empty() ? digits : digits + "." + decimals);
  return negative ? -v : v;
}

}  // namespace

bool TablePrintsDecimals(const FinancialTable& t) {
  static const RE2 kDecimal("\\d,\\d{1,2}(?:\\D|$)");
  for (const TableRow& r : t.rows)
    for (const TableCell& c : r.cells)
      if (c.present && c.parsed && !c.is_percent && RE2::PartialMatch(c.raw, kDecimal)) return true;
  return false;
}

std::vector<double> ConfusableReadings(const std::string& raw, int limit, bool decimals) {
  // Strip framing noise, then expand each confusable character.
  // A leading "=" is a minus sign with a speck on it ("=392 723") or noise:
  // both readings are tried.
  const size_t first = raw.find_first_not_of(" ");
  std::string s;
  // A minus read as ">" ("> 3 450" for −3 450, w28) or a speck read so
  // before one (">-7 680", w17): like a leading "=", both readings.
  std::string src = CanonicalNumberText(raw);
  const size_t angle = src.find_first_not_of(" ");
  const bool angle_lead = angle != std::string::npos && src[angle] == '>';
  if (angle_lead) src.erase(angle, 1);
  for (char ch : src)
    if (!IsNoise(ch)) s += ch;
  // A minus sign read as two dashes ("—-1 000", "-—730"): one minus.
  while (s.size() >= 2 && s[0] == '-' && s[1] == '-') s.erase(0, 1);
  // A plus sign before the figure ("=+415 800 000") says it is positive:
  // the "=" beside it is then noise, not a minus with a speck on it.
  const size_t lead = s.find_first_not_of(" ");
  const bool plus_lead = lead != std::string::npos && s[lead] == '+';
  if (plus_lead) s.erase(0, lead + 1);
  const bool equals_lead = !plus_lead && ((first != std::string::npos && raw[first] == '=') || angle_lead);
  // A colon or semicolon after the last digit ("1600-000:") is a speck; so
  // are a comma there in a table that prints no decimals ("824,") and a
  // closing bracket no bracket opened ("920 000),").
  bool lone_close = false;
  while (!s.empty() && (s.back() == ':' || s.back() == ';' || s.back() == ' ' || (!decimals && s.back() == ',') ||
                        (s.back() == ')' && s.find('(') == std::string::npos))) {
    lone_close = lone_close || s.back() == ')';
    s.pop_back();
  }
  // A figure that closes a bracket it never opened (OCR kept "960)" beside
  // "49" of "(9 960)", ocr_text.h BracketsAcrossTokens) may be a negative
  // whose opening bracket OCR read as its first glyph: that reading too,
  // after the figure as printed. The sums choose. (Not the whole figure
  // negated: a ")" after a figure is as often a speck, "920 000),", and a
  // bracket lost whole leaves no trace to read.)
  std::vector<double> negatives;
  if (lone_close && s.find('-') == std::string::npos) {
    std::string head = s;
    const size_t d0 = head.find_first_not_of(" ");
    if (d0 != std::string::npos && std::string_view("41lIC{[").find(head[d0]) != std::string_view::npos &&
        d0 + 1 < head.size() && std::isdigit(static_cast<unsigned char>(head[d0 + 1]))) {
      for (double v : ConfusableReadings(head.substr(d0 + 1), limit, decimals)) negatives.push_back(-std::fabs(v));
    }
  }
  size_t b = s.find_first_not_of(" ");
  if (b == std::string::npos) return {};
  s = s.substr(b, s.find_last_not_of(" ") - b + 1);
  auto digit = [&s](size_t k) { return k < s.size() && std::isdigit(static_cast<unsigned char>(s[k])); };
  // "1-:000-000": specks in a thousands space read as one or two of - : ;
  // between a digit and a group of exactly three digits are that space.
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    auto junk = [](char ch) { return ch == '-' || ch == ':' || ch == ';'; };
    if (!digit(i)) continue;
    size_t j = i + 1;
    while (j < s.size() && j - i <= 2 && junk(s[j])) ++j;
    if (j == i + 1 || j - i > 3 || !digit(j) || !digit(j + 1) || !digit(j + 2) || digit(j + 3)) continue;
    s.replace(i + 1, j - i - 1, " ");
  }
  // A decimal comma read as a point, colon or semicolon ("11.00", "3:20"
  // among "3,30" and "10,95"): between digits, one or two digits after it
  // and no more.
  auto decimal_mark = [&](size_t i) {
    return decimals && (s[i] == '.' || s[i] == ':' || s[i] == ';') && i > 0 && digit(i - 1) && digit(i + 1) &&
           (i + 2 == s.size() || s[i + 2] == ' ' || (digit(i + 2) && (i + 3 == s.size() || s[i + 3] == ' ')));
  };
  int digits = 0, conf = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    if (std::isdigit(static_cast<unsigned char>(ch))) ++digits;
    else if (ConfusableMap().count(ch)) ++conf;
    else if (ch != ' ' && ch != '-' && ch != ',' && ch != '.' && !decimal_mark(i)) return negatives;
  }
  if (digits + conf == 0 || conf > 4) return negatives;
  std::vector<std::string> texts = {""};
  if (equals_lead && s[0] != '-') texts = {"", "-"};
  for (size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    auto it = ConfusableMap().find(ch);
    std::string opts = it != ConfusableMap().end() ? it->second : std::string(1, ch == '.' ? ' ' : ch);
    if (decimal_mark(i)) opts = ",";
    // "14 200-000": a rule stroke or speck read as a hyphen where a
    // thousands space stood (a minus sign never stands between digits).
    if (ch == '-' && i > 0 && digit(i - 1) && digit(i + 1))
      opts = " ";
    std::vector<std::string> next;
    for (const std::string& p : texts)
      for (char o : opts) next.push_back(p + o);
    texts = std::move(next);
    if (texts.size() > 512) return {};
  }
  std::vector<double> out;
  for (const std::string& t : texts) {
    std::optional<double> v = ParseValue(Canonical(t));
    if (!v) v = DroppedThousandsSpace(t);
    if (!v) continue;
    if (std::find(out.begin(), out.end(), *v) == out.end()) out.push_back(*v);
    if (static_cast<int>(out.size()) >= limit) break;
  }
  for (double v : negatives)  // (none unless a bracket closed alone)
    if (static_cast<int>(out.size()) < limit && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  return out;
}

std::vector<double> DigitEditReadings(const std::string& raw) {
  static const std::map<char, std::string> kDigitConfusions = {
      {'0', "98"}, {'9', "0"}, {'8', "0364"}, {'3', "8"}, {'5', "6"}, {'6', "580"}, {'1', "7"}, {'7', "1"}, {'4', "8"},
  };
  std::string text = Canonical(raw);
  std::optional<double> orig = ParseValue(text);
  if (!orig) return {};
  std::vector<double> out;
  auto add = [&](const std::string& t) {
    std::optional<double> v = ParseValue(Canonical(t));
    if (v && *v != *orig && std::find(out.begin(), out.end(), *v) == out.end()) out.push_back(*v);
  };
  int ndigits = 0;
  for (char ch : text)
    if (std::isdigit(static_cast<unsigned char>(ch))) ++ndigits;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (!std::isdigit(static_cast<unsigned char>(ch))) continue;
    auto it = kDigitConfusions.find(ch);
    if (it != kDigitConfusions.end())
      for (char o : it->second) add(text.substr(0, i) + o + text.substr(i + 1));
    if (ndigits >= 4) {
      // Drop a stray digit; regroup the rest without spaces.
      std::string t = text.substr(0, i) + text.substr(i + 1);
      t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
      add(t);
    }
  }
  // A thousands group read twice ("10 400 400" for 10 400, w14): one of
  // two equal neighbouring groups dropped.
  const std::vector<std::string> groups = SplitSpaces(text);
  for (size_t g = 1; groups.size() >= 3 && g < groups.size(); ++g) {
    if (groups[g] != groups[g - 1] || groups[g].size() != 3) continue;
    std::string t;
    for (size_t k = 0; k < groups.size(); ++k)
      if (k != g) t += (t.empty() ? "" : " ") + groups[k];
    add(t);
  }
  return out;
}

std::vector<double> LeadingZeroReadings(const std::string& raw) {
  const std::string text = Canonical(raw);
  if (text.find(',') != std::string::npos || !ParseValue(text)) return {};
  size_t first = text.find_first_of("0123456789");
  if (first == std::string::npos || text[first] != '0') return {};
  int ndigits = 0;
  for (char ch : text) ndigits += std::isdigit(static_cast<unsigned char>(ch)) ? 1 : 0;
  if (ndigits < 2) return {};
  std::vector<double> out;
  for (char d = '1'; d <= '9'; ++d) {
    std::string t = text;
    t[first] = d;
    if (std::optional<double> v = ParseValue(Canonical(t))) out.push_back(*v);
  }
  return out;
}

namespace {

// Candidate readings per row, keyed by row index.
using Candidates = std::map<int, std::vector<Reading>>;
// One reading per row of a group (parallel to the group's rows).
using Solution = std::vector<const Reading*>;

// Rows that cannot be read as printed (unreadable cells, ambiguous grouping)
// and the readings each may stand for.
Candidates ForcedCandidates(const FinancialTable& t) {
  Candidates cands;
  for (int i = 0; i < static_cast<int>(t.rows.size()); ++i)
    if (Forced(t, t.rows[i])) cands[i] = ForcedReadings(t, t.rows[i]);
  return cands;
}

// Groups of candidate rows linked by a shared constraint: each group is
// solved jointly, separate groups independently.
std::vector<std::vector<int>> LinkedGroups(const std::vector<Constraint>& cons, const Candidates& cands, int nrows) {
  std::vector<int> comp(nrows);
  std::iota(comp.begin(), comp.end(), 0);
  std::function<int(int)> find = [&](int x) { return comp[x] == x ? x : comp[x] = find(comp[x]); };
  for (const Constraint& c : cons) {
    int first = -1;
    for (const Term& term : c.terms) {
      if (!cands.count(term.row)) continue;
      if (first < 0) first = term.row;
      else comp[find(term.row)] = find(first);
    }
  }
  std::map<int, std::vector<int>> groups;
  for (const auto& [row, readings] : cands) groups[find(row)].push_back(row);
  std::vector<std::vector<int>> out;
  for (auto& [root, rows] : groups) out.push_back(std::move(rows));
  return out;
}

// The constraints with a term in any of `rows`.
std::vector<const Constraint*> ConstraintsTouching(const std::vector<Constraint>& cons, const std::vector<int>& rows) {
  std::vector<const Constraint*> out;
  for (const Constraint& c : cons)
    for (int r : rows)
      if (TouchesRow(c, r)) {
        out.push_back(&c);
        break;
      }
  return out;
}

// Every cheapest combination of readings of `rows` under which each relevant
// constraint that can be evaluated holds (at least one must be); empty when
// none does or the search space is too large.
std::vector<Solution> CheapestSolutions(const FinancialTable& t, const std::vector<int>& rows,
                                        const Candidates& cands, const std::vector<const Constraint*>& relevant) {
  std::vector<Solution> solutions;
  size_t total = 1;
  bool feasible = !relevant.empty();
  for (int r : rows) {
    total *= std::max<size_t>(1, cands.at(r).size());
    if (cands.at(r).empty() || total > kMaxAssignments) feasible = false;
  }
  if (!feasible) return solutions;
  int best = 1 << 30;
  Evaluator ev(t);
  std::vector<size_t> idx(rows.size(), 0);
  while (true) {
    int cost = 0;
    for (size_t k = 0; k < rows.size(); ++k) {
      const Reading& rd = cands.at(rows[k])[idx[k]];
      ev.Set(rows[k], &rd);
      cost += rd.cost;
    }
    int evaluable = 0;
    bool ok = true;
    for (const Constraint* c : relevant) {
      int h = ev.Check(*c);
      if (h < 0) continue;
      ++evaluable;
      if (h == 0) {
        ok = false;
        break;
      }
    }
    if (ok && evaluable > 0 && cost <= best) {
      if (cost < best) solutions.clear();
      best = cost;
      Solution sol;
      for (size_t k = 0; k < rows.size(); ++k) sol.push_back(&cands.at(rows[k])[idx[k]]);
      solutions.push_back(std::move(sol));
    }
    size_t k = 0;
    while (k < rows.size() && ++idx[k] == cands.at(rows[k]).size()) idx[k++] = 0;
    if (k == rows.size()) break;
  }
  return solutions;
}

// Row `r` (the k-th of its group): repairs the cells on which every cheapest
// solution agrees and marks the disputed ones ambiguous.
// `checked`: the solutions satisfy at least one check on the row.
void ApplyAgreedCells(FinancialTable& t, int ti, int r, size_t k, const std::vector<Solution>& solutions,
                      const std::string& why, bool checked, std::vector<Flag>* flags, RepairStats* stats) {
  Reading agreed = BaseReading(t.rows[r], t.columns.size());
  std::vector<int> disputed;
  const Reading& first = *solutions[0][k];
  for (size_t c = 0; c < first.value.size(); ++c) {
    if (first.kind[c].empty()) continue;
    bool same = true;
    for (const Solution& sol : solutions)
      if (sol[k]->value[c] != first.value[c] || sol[k]->present[c] != first.present[c]) same = false;
    // The grouping the reader chose first, which every reading the sums
    // accept keeps ("124 500 000 124 500 000" could group as 124 500 000
    // 124 | 500 000): no repair, and checked. Its doubt was the grouping
    // alone when the reader left none of its own on the row or cell. A
    // doubt of the cell's own (its column's year: read.years) is not about
    // the grouping: the cell stays suspect under that doubt's flag, and the
    // grouping raises none.
    TableCell& cell = t.rows[r].cells[c];
    if (same && checked && first.kind[c] == "regroup" && first.present[c] && first.value[c] && cell.present &&
        cell.parsed && std::fabs(cell.value - *first.value[c]) < 1e-9 && t.rows[r].doubt_rule.empty()) {
      // (A money cell of a table whose unit is unknown stays suspect.)
      const TableRow& row = t.rows[r];
      if (cell.status == "suspect" && cell.doubt_rule.empty() && !(t.unit.empty() && row.monetary && !row.scale))
        cell.status = "ok";
      continue;
    }
    if (same) {
      agreed.value[c] = first.value[c];
      agreed.present[c] = first.present[c];
      agreed.kind[c] = first.kind[c];
    } else {
      disputed.push_back(static_cast<int>(c));
    }
  }
  Apply(t, ti, r, agreed, why, flags, stats);
  for (int c : disputed) {
    std::set<double> vals;
    for (const Solution& sol : solutions)
      if (sol[k]->value[c]) vals.insert(*sol[k]->value[c]);
    std::string list;
    for (double v : vals) list += (list.empty() ? "" : " or ") + FormatPrinted(v);
    MarkSuspect(t, ti, r, c, "repair.ambiguous",
                "has several readings that satisfy the sums (" + list + "); not repaired", flags, stats);
  }
}

// True when a check on cell (r, c) whose other figures are all read fails
// with the cell read as `v`.
bool RejectedByACheck(const FinancialTable& t, int r, int c, double v, const std::vector<const Constraint*>& relevant) {
  for (const Constraint* con : relevant) {
    if (!TermAt(*con, r, c)) continue;
    std::optional<double> res = ResidualWithCellAs(t, *con, r, c, v);  // nullopt: another figure unread
    if (res && !WithinTolerance(*con, *res)) return true;
  }
  return false;
}

// True when the digits `raw` prints do not speak against the figure `v`:
// it prints none ("no" for 110, "B"), or they are its digits ("-.550" for
// −550) or one misprint from them ("-7 73" for −7 738: a lost digit). "J
// 866" under a sum that needs 7 999, or "-7 7" under one that needs −7 738,
// say that another figure of the sum was misread, or more than one digit.
bool PrintedDigitsFit(const std::string& raw, double v) {
  if (std::fabs(v - std::round(v)) > 1e-9) return false;
  std::string digits;
  for (char ch : raw)
    if (ch >= '0' && ch <= '9') digits += ch;
  if (digits.empty()) return true;
  if (digits.size() > 15) return false;
  const double printed = std::stod(digits), want = std::fabs(v);
  return printed == want || IsOneMisprint(printed, want);
}

// An unreadable figure (`cell.parsed` false) that its checks can give:
// loaded with that value, still suspect and flagged repair.derived, so that
// the figure is there to review rather than missing. Only from checks
// whose other figures are read and not in doubt themselves (a row the
// reader placed by a guess, or a figure already suspect, would pass its
// doubt on), and all such checks must need the one value. From a check
// that says it repeats one printed figure (Summa kassa och bank = Kassa och
// bank: "STI0LTSI") whatever it prints; from a sum of several parts
// (Resultat = Intäkter − Kostnader: "no") only when its printed digits fit
// (PrintedDigitsFit). False, and the cell untouched, otherwise.
bool DeriveUnreadCell(FinancialTable& t, int ti, int r, int c, const std::vector<const Constraint*>& relevant,
                      std::vector<Flag>* flags, RepairStats* stats) {
  TableCell& cell = t.rows[r].cells[c];
  if (cell.parsed || !cell.present) return false;
  std::vector<const Constraint*> trusted;
  bool repeats = true;  // every check on it names it and one printed figure
  for (const Constraint* con : relevant) {
    if (!TermAt(*con, r, c)) continue;
    bool ok = true;
    for (const Term& term : con->terms) {
      if (term.row == r && term.col == c) continue;
      const TableCell* other = CellAt(t, term.row, term.col);
      ok = ok && t.rows[term.row].doubt_rule.empty() &&
           (!other || (other->status != "suspect" && other->doubt_rule.empty()));
    }
    repeats = repeats && ok && con->terms.size() == 2 && ResidualWithCellAs(t, *con, r, c, 0);
    if (ok) trusted.push_back(con);
  }
  std::vector<const Constraint*> holds_on;
  std::optional<double> derived = ValueTheChecksNeed(t, trusted, r, c, &holds_on);
  if (!derived || (!repeats && !PrintedDigitsFit(cell.raw, *derived))) return false;
  const TableRow& row = t.rows[r];
  ReadCellAs(cell, *derived, row.scale ? row.scale : t.scale);
  if (!row.monetary) cell.amount_sek = 0;
  MarkSuspect(t, ti, r, c, "repair.derived",
              "could not be read; loaded as " + FormatPrinted(*derived) + ", the figure under which " +
                  ConstraintList(holds_on) + " holds (derived, not read)",
              flags, stats);
  return true;
}

// Row `r` has no reading that satisfies the sums: its unreadable or
// ambiguously grouped cells become suspect.
void MarkUnsolvedRow(FinancialTable& t, int ti, int r, const std::vector<const Constraint*>& relevant,
                     std::vector<Flag>* flags, RepairStats* stats) {
  for (size_t c = 0; c < t.rows[r].cells.size() && c < t.columns.size(); ++c) {
    TableCell& cell = t.rows[r].cells[c];
    if (!IsAmountColumn(t.columns[c]) || !cell.present) continue;
    if (cell.parsed && t.rows[r].groupings <= 1) continue;
    const std::string rule = cell.parsed ? "repair.grouping" : "repair.unreadable";
    std::string what = cell.parsed ? "groups its digits in " + std::to_string(t.rows[r].groupings) + " ways ('" +
                                         t.rows[r].raw_numbers + "')"
                                   : "could not be read";
    // One reading only under OCR's confusions ("5 209-210", "5612 480")
    // and no check to contradict it: loaded with it, still suspect, rather
    // than with no amount at all. (A reading the sums reject stays unread:
    // loaded, it would fail its sums and put their other figures in doubt
    // too, and a review would list one misread figure several times.)
    // The same where the checks on it cannot be evaluated (another figure
    // in each is unread too): no check rejects the reading.
    if (std::vector<double> rs = ConfusableReadings(cell.raw, 2, TablePrintsDecimals(t));
        !cell.parsed && rs.size() == 1 && !RejectedByACheck(t, r, static_cast<int>(c), rs[0], relevant)) {
      const TableRow& row = t.rows[r];
      ReadCellAs(cell, rs[0], row.scale ? row.scale : t.scale);
      if (!row.monetary) cell.amount_sek = 0;
      what = "could not be read as printed; loaded as " + FormatPrinted(rs[0]) +
             ", its only reading under OCR's confusions,";
      MarkSuspect(t, ti, r, static_cast<int>(c), rule,
                  relevant.empty() ? what + " and no check constrains it"
                                   : what + " and no check on it can be evaluated (" + ConstraintList(relevant) +
                                         ": other figures unread too)",
                  flags, stats);
      continue;
    }
    if (DeriveUnreadCell(t, ti, r, static_cast<int>(c), relevant, flags, stats)) continue;
    MarkSuspect(t, ti, r, static_cast<int>(c), rule,
                relevant.empty() ? what + " and no check constrains it"
                                 : what + "; no reading satisfies " + ConstraintList(relevant),
                flags, stats);
  }
}

// The row a varav row is part of: the nearest row above that is neither a
// varav row nor a header; -1 when there is none.
int VaravParent(const FinancialTable& t, int r) {
  for (int p = r - 1; p >= 0; --p) {
    if (t.rows[p].is_header || IsVaravLabel(t.rows[p].label)) continue;
    return p;
  }
  return -1;
}

// A part is never larger than its whole: true when every figure of reading
// `rd` of varav row `r` is, in magnitude, at most its parent row's figure in
// the same column (a column where the parent prints nothing bounds nothing).
bool WithinVaravParent(const FinancialTable& t, int r, int parent, const Reading& rd) {
  const TableRow& p = t.rows[parent];
  for (size_t c = 0; c < rd.value.size() && c < p.cells.size(); ++c) {
    if (!rd.present[c] || !rd.value[c] || !p.cells[c].present || !p.cells[c].parsed) continue;
    if (std::fabs(*rd.value[c]) > std::fabs(p.cells[c].value) + 1e-9) return false;
  }
  return true;
}

// A varav row no check reads whose digits group several ways: when exactly
// one grouping keeps every figure within its parent row's, the row is read
// that way, still suspect (an inequality confirms no figure). False when the
// bound leaves more than one grouping, or none.
bool ReadVaravByParent(FinancialTable& t, int ti, int r, const std::vector<Reading>& readings,
                       std::vector<Flag>* flags, RepairStats* stats) {
  const TableRow& row = t.rows[r];
  if (!IsVaravLabel(row.label) || row.groupings <= 1) return false;
  int parent = VaravParent(t, r);
  if (parent < 0 || Forced(t, t.rows[parent])) return false;
  const Reading* only = nullptr;
  for (const Reading& rd : readings) {
    if (!WithinVaravParent(t, r, parent, rd)) continue;
    if (only && !(*only == rd)) return false;
    only = &rd;
  }
  if (!only) return false;
  const std::string raw = row.raw_numbers;
  const int ways = row.groupings;
  const std::string parent_label = t.rows[parent].label;
  const Reading rd = *only;
  TableRow& out = t.rows[r];
  for (size_t c = 0; c < rd.value.size() && c < out.cells.size(); ++c) {
    if (rd.kind[c].empty()) continue;
    TableCell& cell = out.cells[c];
    if (!rd.present[c] || !rd.value[c]) {
      cell = TableCell();
      continue;
    }
    if (!cell.present) cell.prov = out.prov;
    ReadCellAs(cell, *rd.value[c], t.scale);
    cell.raw = FormatPrinted(cell.value);
    cell.prov.raw_text = cell.raw;
  }
  out.groupings = 1;
  for (size_t c = 0; c < out.cells.size() && c < t.columns.size(); ++c) {
    if (!IsAmountColumn(t.columns[c]) || !out.cells[c].present) continue;
    MarkSuspect(t, ti, r, static_cast<int>(c), "repair.grouping",
                "groups its digits in " + std::to_string(ways) + " ways ('" + raw +
                    "'); read so because in every other grouping a figure exceeds its parent row '" + parent_label +
                    "', but no check confirms it",
                flags, stats);
  }
  return true;
}

// True when every cell of the row is still as read (status "ok").
bool RowIsClean(const TableRow& r) {
  for (const TableCell& cell : r.cells)
    if (cell.status != "ok") return false;
  return true;
}

// A group of unreadable rows that no reading of its own solves may sit in
// a check beside one figure OCR misread cleanly ("11 500 060" for
// 11 500 000 in the column of an unread "200-000"): neither phase can mend
// it alone, the first because the clean figure is taken as read, the second
// because the unread one leaves the check unevaluable. Each clean row the
// group's checks read is tried with its single edits; the group is solved
// only when exactly one such row gives solutions, and then with it.
void WithOneMisreadBeside(const FinancialTable& t, const std::vector<Constraint>& cons,
                          const std::vector<Constraint>& failing, std::vector<int>* rows, Candidates* cands,
                          std::vector<const Constraint*>* relevant, std::vector<Solution>* solutions) {
  std::set<int> tried;
  int found = 0;
  int extra_row = -1;
  std::vector<Solution> extra_solutions;
  for (const Constraint* c : *relevant)
    for (const Term& term : c->terms) {
      const int r = term.row;
      if (cands->count(r) || !tried.insert(r).second || t.rows[r].is_header || !RowIsClean(t.rows[r])) continue;
      std::vector<Reading> readings = OptionalReadings(t, r, failing);
      if (readings.empty()) continue;
      readings.insert(readings.begin(), BaseReading(t.rows[r], t.columns.size()));
      // Solutions point into the candidate lists: the row's readings go in
      // place, and out again when it does not solve the group.
      (*cands)[r] = std::move(readings);
      rows->push_back(r);
      std::vector<Solution> sols = CheapestSolutions(t, *rows, *cands, ConstraintsTouching(cons, *rows));
      rows->pop_back();
      if (sols.empty()) {
        cands->erase(r);
        continue;
      }
      if (++found > 1) break;
      extra_row = r;
      extra_solutions = std::move(sols);
    }
  if (found != 1) {
    for (int r : tried) cands->erase(r);  // no clean row's readings stay
    return;
  }
  for (int r : tried)
    if (r != extra_row) cands->erase(r);
  rows->push_back(extra_row);
  *relevant = ConstraintsTouching(cons, *rows);
  *solutions = std::move(extra_solutions);
}

// Phase 1: rows that cannot be read as printed, solved per group of rows
// linked by a constraint.
void RepairForcedRows(FinancialTable& t, int ti, const std::vector<Constraint>& cons, std::vector<Flag>* flags,
                      RepairStats* stats) {
  Candidates cands = ForcedCandidates(t);
  std::optional<std::vector<Constraint>> failing;  // computed when first needed
  for (std::vector<int> rows : LinkedGroups(cons, cands, static_cast<int>(t.rows.size()))) {
    std::vector<const Constraint*> relevant = ConstraintsTouching(cons, rows);
    std::vector<Solution> solutions = CheapestSolutions(t, rows, cands, relevant);
    if (solutions.empty() && !relevant.empty()) {
      if (!failing) failing = FailingConstraints(t, cons);
      WithOneMisreadBeside(t, cons, *failing, &rows, &cands, &relevant, &solutions);
    }
    if (solutions.empty() && rows.size() > 1 && !relevant.empty()) {
      // A group no joint reading solves (one row's figures beyond repair,
      // w18's "—=1" over a lost "260") still holds rows the checks on them
      // settle alone ("4820:" under its parts): each row is tried by
      // itself against the checks whose other figures are read, in order,
      // each repair read by the others, until none more is settled; only
      // then are the rest marked (MarkUnsolvedRow may load a guess, which
      // no check should read).
      std::vector<int> left = rows;
      for (bool progress = true; progress;) {
        progress = false;
        for (auto it = left.begin(); it != left.end();) {
          // Only the checks on the row's unread figures: a check on its
          // clean figures holds whatever the unread ones are read as.
          std::vector<const Constraint*> mine;
          const TableRow& row = t.rows[*it];
          for (const Constraint* c : ConstraintsTouching(cons, {*it}))
            for (const Term& term : c->terms)
              if (term.row == *it && static_cast<size_t>(term.col) < row.cells.size() &&
                  (row.groupings > 1 || !row.cells[term.col].parsed)) {
                mine.push_back(c);
                break;
              }
          const std::vector<Solution> alone = CheapestSolutions(t, {*it}, cands, mine);
          if (alone.empty()) {
            ++it;
            continue;
          }
          ApplyAgreedCells(t, ti, *it, 0, alone,
                           "the only reading under which the checks of " + ConstraintList(mine) + " that can be read hold",
                           true, flags, stats);
          it = left.erase(it);
          progress = true;
        }
      }
      for (int r : left) MarkUnsolvedRow(t, ti, r, relevant, flags, stats);
      continue;
    }
    std::string why = "the only reading under which " + ConstraintList(relevant) + " hold";
    for (size_t k = 0; k < rows.size(); ++k) {
      if (!solutions.empty()) ApplyAgreedCells(t, ti, rows[k], k, solutions, why, !relevant.empty(), flags, stats);
      else if (!(relevant.empty() && ReadVaravByParent(t, ti, rows[k], cands.at(rows[k]), flags, stats)))
        MarkUnsolvedRow(t, ti, rows[k], relevant, flags, stats);
    }
  }
}

// A single edit of one clean row that fixes a failing check.
struct SingleEdit {
  int row;
  Reading rd;
};

// Whether every check that reads a figure of `fc` holds under `ev`'s
// readings; one that cannot be evaluated (a figure of it unread) is no
// support and fails this too.
bool AllChecksOnSumHold(const Evaluator& ev, const Constraint& fc, const std::vector<Constraint>& cons) {
  for (const Constraint& c : cons) {
    bool shares = false;
    for (const Term& a : c.terms)
      for (const Term& b : fc.terms) shares = shares || (a.row == b.row && a.col == b.col);
    if (shares && ev.Check(c) != 1) return false;
  }
  return true;
}

// The cheapest single edits of one clean row among `fc`'s rows under which
// `fc` holds and every check reading a changed cell holds too (checks of the
// row's other columns may fail for other reasons).
std::vector<SingleEdit> CheapestSingleEdits(const FinancialTable& t, const Constraint& fc,
                                            const std::vector<Constraint>& cons,
                                            const std::vector<Constraint>& failing) {
  std::vector<SingleEdit> sols;
  int best = 1 << 30;
  std::set<int> rows;
  for (const Term& term : fc.terms) rows.insert(term.row);
  for (int r : rows) {
    // A row a reader placed by a guess (its cells suspect until the sums
    // confirm them) may still have lost a minus sign: only that reading.
    const bool guessed = SumsCanConfirm(t.rows[r].doubt_rule);
    const bool clean = RowIsClean(t.rows[r]);
    if (t.rows[r].is_header || (!clean && !guessed)) continue;
    Reading base = BaseReading(t.rows[r], t.columns.size());
    for (Reading& rd : OptionalReadings(t, r, failing)) {
      if (!clean && std::any_of(rd.kind.begin(), rd.kind.end(),
                                [](const std::string& k) { return !k.empty() && k != "sign"; }))
        continue;
      std::vector<const Constraint*> touching;
      for (const Constraint& c : cons)
        for (const Term& term : c.terms)
          if (term.row == r && (rd.value[term.col] != base.value[term.col] ||
                                rd.present[term.col] != base.present[term.col])) {
            touching.push_back(&c);
            break;
          }
      Evaluator ev(t);
      ev.Set(r, &rd);
      bool ok = ev.Check(fc) == 1;
      for (const Constraint* c : touching)
        if (ok && ev.Check(*c) == 0) ok = false;
      // OCR's other reading of a figure is cheap, so it must answer for
      // more: every check on any figure of the sum holds with it. ("1220"
      // read 1120 made "2000" + 1120 = "3 120" hold, all three misread;
      // the result's check on that Summa still failed.)
      const bool reading = std::find(rd.kind.begin(), rd.kind.end(), "reading") != rd.kind.end();
      if (ok && reading && !AllChecksOnSumHold(ev, fc, cons)) ok = false;
      if (!ok || rd.cost > best) continue;
      if (rd.cost < best) sols.clear();
      best = rd.cost;
      bool dup = false;
      for (const SingleEdit& s : sols)
        if (s.row == r && s.rd == rd) dup = true;
      if (!dup) sols.push_back({r, rd});
    }
  }
  return sols;
}

// Several single edits fix `fc`: each candidate figure may be the damaged
// one, so all become suspect (none is changed); one flag on the check's
// figure lists them.
void MarkAmbiguousEdits(FinancialTable& t, int ti, const Constraint& fc, const std::vector<SingleEdit>& sols,
                        std::vector<Flag>* flags, RepairStats* stats, const std::string& why = "") {
  std::string list;
  std::vector<FlagCell> cands;
  for (const SingleEdit& s : sols) {
    for (size_t c = 0; c < s.rd.kind.size(); ++c) {
      if (s.rd.kind[c].empty() || s.rd.value[c] == CellNumber(t.rows[s.row].cells[c])) continue;
      if (!list.empty()) list += " or ";
      list += DescribeCell(t, s.row, static_cast<int>(c)) + " = " + FormatPrinted(s.rd.value[c].value_or(0));
      if (t.rows[s.row].cells[c].present) cands.push_back({ti, s.row, static_cast<int>(c)});
    }
  }
  const Term& head = fc.terms[0];
  const std::string head_status = t.rows[head.row].cells[head.col].status;
  MarkSuspect(t, ti, head.row, head.col, "repair.ambiguous",
              "fails " + fc.what + "; " + (why.empty() ? "several single edits would fix it" : why) + " (" + list +
                  "); not repaired",
              flags, stats);
  bool head_is_candidate = false;
  for (const FlagCell& fc2 : cands) head_is_candidate = head_is_candidate || (fc2.row == head.row && fc2.col == head.col);
  // The total itself is not in doubt here: it keeps the status it had.
  if (!head_is_candidate) t.rows[head.row].cells[head.col].status = head_status;
  for (const FlagCell& c : cands) {
    if (c.row == head.row && c.col == head.col) continue;
    t.rows[c.row].cells[c.col].status = "suspect";
    flags->back().cells.push_back(c);
    ++stats->suspect;
  }
  if (!head_is_candidate) --stats->suspect;
}

// Edits of two rows or more that no check names alone (RepairLostMinusSigns,
// RepairSeveralMisreads): applied, each flagged with why(the cells changed),
// only when all of them together make `fc` hold and every check reading a
// changed figure hold. False (nothing changed) otherwise.
template <typename Why>
bool ApplyJointEdits(FinancialTable& t, int ti, const Constraint& fc, const std::vector<Constraint>& cons,
                     const std::vector<std::pair<int, Reading>>& edits, std::set<int>* done, std::vector<Flag>* flags,
                     RepairStats* stats, Why why) {
  if (edits.size() < 2) return false;
  Evaluator ev(t);
  for (const auto& [r, rd] : edits) ev.Set(r, &rd);
  if (ev.Check(fc) != 1) return false;
  std::string cells;
  for (const auto& [r, rd] : edits) {
    const Reading base = BaseReading(t.rows[r], t.columns.size());
    for (const Constraint& c : cons) {
      bool reads_changed = false;
      for (const Term& term : c.terms)
        reads_changed = reads_changed || (term.row == r && rd.value[term.col] != base.value[term.col]);
      if (reads_changed && ev.Check(c) != 1) return false;
    }
    for (size_t c = 0; c < rd.kind.size(); ++c)
      if (!rd.kind[c].empty() && rd.value[c] != base.value[c])
        cells += (cells.empty() ? "" : ", ") + DescribeCell(t, r, static_cast<int>(c));
  }
  const std::string reason = why(cells);
  for (const auto& [r, rd] : edits) {
    Apply(t, ti, r, rd, reason, flags, stats);
    done->insert(r);
  }
  return true;
}

// Several figures of one failing sum lost their minus signs (a column of
// costs read "2 500", "11 200" for −2 500, −11 200): no single edit fixes
// the sum. Each row's own lost-sign reading (OptionalReadings: a check of
// three terms or more, in practice the row's Avvikelse, expects exactly the
// figure negated) is taken only when, all of them applied together, the sum
// holds and so does every check reading a changed figure: two checks vouch
// for each figure. Two rows at least (one is CheapestSingleEdits' case).
bool RepairLostMinusSigns(FinancialTable& t, int ti, const Constraint& fc, const std::vector<Constraint>& cons,
                          const std::vector<Constraint>& failing, std::set<int>* done, std::vector<Flag>* flags,
                          RepairStats* stats) {
  std::set<int> rows;
  for (const Term& term : fc.terms) rows.insert(term.row);
  std::vector<std::pair<int, Reading>> flips;
  for (int r : rows) {
    if (t.rows[r].is_header || done->count(r)) continue;
    for (Reading& rd : OptionalReadings(t, r, failing)) {
      const bool sign_only = std::all_of(rd.kind.begin(), rd.kind.end(),
                                         [](const std::string& k) { return k.empty() || k == "sign"; }) &&
                             std::any_of(rd.kind.begin(), rd.kind.end(), [](const std::string& k) { return k == "sign"; });
      if (sign_only) {
        flips.emplace_back(r, std::move(rd));
        break;
      }
    }
  }
  return ApplyJointEdits(t, ti, fc, cons, flips, done, flags, stats, [&fc](const std::string& cells) {
    return "lost minus signs: with " + cells + " negated together, " + fc.what + " and each row's own check hold";
  });
}

// Several figures of one failing sum misread, one digit each (a scan's
// "92 985" for 9 985 and "322" for 822 in one column under one Summa): no
// single edit fixes the sum. A row whose own check fails (its Avvikelse,
// which names no edit on its own) offers the one cheapest edit of its figure
// in the sum under which that check holds; the edits are taken only when
// every such row offers exactly one, all of them applied together make the
// sum hold, and every check reading a changed figure holds: two checks
// vouch for each figure. Two rows at least (one is CheapestSingleEdits'
// case); a row whose own checks hold offers none and stays as printed.
bool RepairSeveralMisreads(FinancialTable& t, int ti, const Constraint& fc, const std::vector<Constraint>& cons,
                           const std::vector<Constraint>& failing, std::set<int>* done, std::vector<Flag>* flags,
                           RepairStats* stats) {
  std::set<int> rows;
  for (const Term& term : fc.terms) rows.insert(term.row);
  std::vector<std::pair<int, Reading>> edits;
  for (int r : rows) {
    if (t.rows[r].is_header) continue;
    std::vector<const Constraint*> own;  // failing checks of this row alone
    for (const Constraint& c : failing) {
      if (&c == &fc || c.terms.empty()) continue;
      const bool row_only =
          std::all_of(c.terms.begin(), c.terms.end(), [r](const Term& term) { return term.row == r; });
      if (row_only) own.push_back(&c);
    }
    if (own.empty()) continue;
    if (done->count(r) || !RowIsClean(t.rows[r])) return false;
    const Reading base = BaseReading(t.rows[r], t.columns.size());
    int best = 1 << 30;
    std::vector<Reading> found;
    for (Reading& rd : OptionalReadings(t, r, failing)) {
      bool changes_sum = false, only_sum = true;
      for (size_t c = 0; c < rd.value.size(); ++c) {
        if (rd.value[c] == base.value[c] && rd.present[c] == base.present[c]) continue;
        const bool in_sum = std::any_of(fc.terms.begin(), fc.terms.end(), [&](const Term& term) {
          return term.row == r && term.col == static_cast<int>(c);
        });
        if (in_sum) changes_sum = true;
        else only_sum = false;
      }
      if (!changes_sum || !only_sum) continue;
      Evaluator ev(t);
      ev.Set(r, &rd);
      if (!std::all_of(own.begin(), own.end(), [&ev](const Constraint* c) { return ev.Check(*c) == 1; })) continue;
      if (rd.cost > best) continue;
      if (rd.cost < best) found.clear();
      best = rd.cost;
      if (std::find(found.begin(), found.end(), rd) == found.end()) found.push_back(std::move(rd));
    }
    if (found.size() != 1) return false;  // its figure unreadable, or readable two ways
    edits.emplace_back(r, std::move(found[0]));
  }
  return ApplyJointEdits(t, ti, fc, cons, edits, done, flags, stats, [&fc](const std::string& cells) {
    return "several misread figures: with " + cells + " read so together, " + fc.what +
           " and each row's own check hold";
  });
}

// Several figures of one failing sum misread ("5 500 090", "5 590 800" and
// "22 000 009" for 5 500 000 and 22 000 000), where OCR gave other readings
// of them (TableCell::readings): each figure of the sum is taken as read or
// as one of its other readings, and the combination that changes the
// fewest figures while the sum and every check on a figure of it hold is
// applied, when it is the only one that cheap. A sum with an unread figure
// or a figure on a row in doubt is left alone. False (nothing changed)
// when no combination holds, two tie, or the search would be too large.
bool RepairFromReadings(FinancialTable& t, int ti, const Constraint& fc, const std::vector<Constraint>& cons,
                        std::set<int>* done, std::vector<Flag>* flags, RepairStats* stats) {
  struct Slot {
    int row, col;
    std::vector<double> values;  // other readings
  };
  std::vector<Slot> slots;
  size_t total = 1;
  for (const Term& term : fc.terms) {
    if (done->count(term.row) || t.rows[term.row].is_header) return false;
    const TableCell* cell = CellAt(t, term.row, term.col);
    if (!cell || !cell->present) continue;
    if (!cell->parsed || !RowIsClean(t.rows[term.row])) return false;
    std::vector<double> values = OtherReadingValues(*cell);
    if (values.empty()) continue;
    total *= values.size() + 1;
    if (total > 4096) return false;
    slots.push_back({term.row, term.col, std::move(values)});
  }
  if (slots.size() < 2) return false;  // one figure: CheapestSingleEdits' case
  std::map<int, Reading> base;
  for (const Slot& s : slots)
    if (!base.count(s.row)) base[s.row] = BaseReading(t.rows[s.row], t.columns.size());
  std::vector<size_t> idx(slots.size(), 0), best_idx;
  int best = 1 << 30, ties = 0;
  while (true) {
    int changed = 0;
    std::map<int, Reading> rows = base;
    for (size_t k = 0; k < slots.size(); ++k) {
      if (idx[k] == 0) continue;
      ++changed;
      Reading& rd = rows[slots[k].row];
      rd.value[slots[k].col] = slots[k].values[idx[k] - 1];
      rd.kind[slots[k].col] = "reading";
    }
    if (changed > 0 && changed <= best) {
      Evaluator ev(t);
      for (auto& [r, rd] : rows) ev.Set(r, &rd);
      // (Every changed figure is one of the sum's, so the checks on the
      // sum's figures include every check reading a changed one.)
      const bool ok = ev.Check(fc) == 1 && AllChecksOnSumHold(ev, fc, cons);
      if (ok) {
        if (changed < best) {
          best = changed;
          ties = 0;
          best_idx = idx;
        }
        ++ties;
      }
    }
    size_t k = 0;
    while (k < slots.size() && ++idx[k] == slots[k].values.size() + 1) idx[k++] = 0;
    if (k == slots.size()) break;
  }
  if (best_idx.empty() || ties != 1 || best < 2) return false;
  std::map<int, Reading> rows = base;
  for (size_t k = 0; k < slots.size(); ++k) {
    if (best_idx[k] == 0) continue;
    Reading& rd = rows[slots[k].row];
    rd.value[slots[k].col] = slots[k].values[best_idx[k] - 1];
    rd.kind[slots[k].col] = "reading";
  }
  std::vector<std::pair<int, Reading>> edits;
  for (auto& [r, rd] : rows)
    if (std::any_of(rd.kind.begin(), rd.kind.end(), [](const std::string& k) { return k == "reading"; }))
      edits.emplace_back(r, rd);
  if (edits.size() < 2) {
    // All changed figures in one row: applied as that row's edit.
    if (edits.size() != 1) return false;
    Apply(t, ti, edits[0].first, edits[0].second,
          "the only reading among OCR's under which " + fc.what + " holds", flags, stats);
    done->insert(edits[0].first);
    return true;
  }
  return ApplyJointEdits(t, ti, fc, cons, edits, done, flags, stats, [&fc](const std::string& cells) {
    return "OCR's other readings of " + cells + ": read so together, " + fc.what +
           " and every check on them hold, and no reading that changes fewer figures does";
  });
}

// True when two whole amounts print one digit apart: one digit replaced,
// put in or left out ("2 300 000" and "1 300 000", "11 300" and "1 300").
bool OneDigitApart(double a, double b) {
  if (a == b || std::fabs(a) > 1e15 || std::fabs(b) > 1e15 || std::floor(a) != a || std::floor(b) != b ||
      (a < 0) != (b < 0))
    return false;
  const std::string x = std::to_string(static_cast<long long>(std::fabs(a)));
  const std::string y = std::to_string(static_cast<long long>(std::fabs(b)));
  if (x.size() == y.size()) {
    int diff = 0;
    for (size_t i = 0; i < x.size(); ++i) diff += x[i] != y[i];
    return diff == 1;
  }
  const std::string& longer = x.size() > y.size() ? x : y;
  const std::string& shorter = x.size() > y.size() ? y : x;
  if (longer.size() != shorter.size() + 1) return false;
  for (size_t i = 0; i < longer.size(); ++i)
    if (longer.substr(0, i) + longer.substr(i + 1) == shorter) return true;
  return false;
}

// Whether a figure of the failing check `fc` that `which` names is one
// digit from the value under which `fc` holds (any digit: OCR's rarer
// confusions, "2" for "1", are no edit the search tries). False when a
// figure of the check is unread.
bool OtherFigureOneDigitOff(const FinancialTable& t, const Constraint& fc,
                            const std::function<bool(const Term&)>& which) {
  const std::optional<double> residual = Residual(t, fc);
  if (!residual) return false;
  for (const Term& term : fc.terms) {
    if (!which(term)) continue;
    const std::optional<double> v = CellValue(t, term.row, term.col);
    if (v && OneDigitApart(*v, ValueThatHolds(term, *v, *residual))) return true;
  }
  return false;
}

// Whether the edit takes a figure out of step with its own row's other
// figures (a fee of 1 300 000 both years mended to 300 000 in one): as
// printed it agreed with one of them (within a tenth), as edited it is
// within half of none.
bool EditLeavesItsRow(const FinancialTable& t, const SingleEdit& edit) {
  const TableRow& row = t.rows[edit.row];
  for (size_t c = 0; c < edit.rd.kind.size() && c < row.cells.size(); ++c) {
    if (edit.rd.kind[c].empty() || !edit.rd.value[c]) continue;
    const std::optional<double> was = CellNumber(row.cells[c]);
    if (!was || *was == 0) continue;
    bool agreed = false, agrees = false;
    for (size_t o = 0; o < row.cells.size() && o < t.columns.size(); ++o) {
      const std::optional<double> v = o == c ? std::nullopt : CellNumber(row.cells[o]);
      if (!v || *v == 0 || !IsAmountColumn(t.columns[o])) continue;
      agreed = agreed || std::fabs(*was - *v) <= 0.1 * std::fabs(*v);
      agrees = agrees || std::fabs(*edit.rd.value[c] - *v) <= 0.5 * std::fabs(*v);
    }
    if (agreed && !agrees) return true;
  }
  return false;
}

// A clean figure for which two failing checks or more each call for one and
// the same value, one or two digits from it as printed ("2 630" where both
// Summa omsättningstillgångar = its parts and Summa tillgångar = it need
// 5 630, w21's scan; "-2 996" where Summa kostnader and the row's Avvikelse
// both need -2 900, w25's), or the same digits with the other sign (w16's
// "5-" read "5"): OCR misread what the confusion table does not list. Two
// checks that agree are evidence no single one is. Repaired when
// exactly one figure of `fc` is so and every check on it then holds.
bool RepairAgreedByTwoChecks(FinancialTable& t, int ti, const Constraint& fc, const std::vector<Constraint>& cons,
                             const std::vector<Constraint>& failing, std::set<int>* done, std::vector<Flag>* flags,
                             RepairStats* stats) {
  struct Hit {
    int row, col;
    double value;
    std::vector<const Constraint*> checks;
  };
  std::vector<Hit> hits;
  for (const Term& term : fc.terms) {
    const TableRow& row = t.rows[term.row];
    if (row.is_header || done->count(term.row) || !RowIsClean(row) || static_cast<size_t>(term.col) >= row.cells.size())
      continue;
    const TableCell& cell = row.cells[term.col];
    std::optional<double> found = CellNumber(cell);
    // (OCR's misreads only: a figure of a text layer that the checks
    // disagree with is the document's misprint, flagged with the value the
    // sums suggest, never rewritten.)
    if (!cell.present || !cell.parsed || cell.is_percent || !found || *found == 0 || cell.prov.confidence >= 1) continue;
    std::optional<double> agreed;
    std::vector<const Constraint*> checks;
    bool same = true;
    for (const Constraint& con : failing) {
      const Term* mine = TermAt(con, term.row, term.col);
      std::optional<double> res = mine ? Residual(t, con) : std::nullopt;
      if (!res || WithinTolerance(con, *res)) continue;  // (held since an earlier repair)
      const double v = ValueThatHolds(*mine, *found, *res);
      if (agreed && std::fabs(*agreed - v) > 1e-6) same = false;
      agreed = v;
      checks.push_back(&con);
    }
    if (!same || checks.size() < 2) continue;
    const std::string a = DigitsOf(*found), b = DigitsOf(*agreed);
    if (a.size() != b.size() || std::fabs(*agreed - std::round(*agreed)) > 1e-9) continue;
    int differ = 0;
    for (size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i];
    // A digit or two, or the sign alone (w16's "5-" read "5", where the
    // section, the result and the row's Avvikelse all need -5).
    const bool sign = (*agreed < 0) != (*found < 0);
    if ((!sign && differ >= 1 && differ <= 2) || (sign && differ == 0))
      hits.push_back({term.row, term.col, *agreed, std::move(checks)});
  }
  if (hits.size() != 1) return false;
  const Hit& h = hits[0];
  Reading rd = BaseReading(t.rows[h.row], t.columns.size());
  rd.value[h.col] = h.value;
  rd.kind[h.col] = "digit";
  rd.cost = kCostDigitEdit;
  Evaluator ev(t);
  ev.Set(h.row, &rd);
  // Every check on the figure holds with it (checks on the row's other
  // figures are no business of this edit).
  for (const Constraint& c : cons)
    if (TermAt(c, h.row, h.col) && ev.Check(c) == 0) return false;
  Apply(t, ti, h.row, rd, "the value " + ConstraintList(h.checks) + " each need, a digit or two from it as printed",
        flags, stats);
  done->insert(h.row);
  return true;
}

// Phase 2: clean figures in failing checks. A shift or a single digit edit
// of one row is accepted only when it is the unique cheapest one that makes
// every check touching the row hold.
void RepairFailingChecks(FinancialTable& t, int ti, const std::vector<Constraint>& cons, std::vector<Flag>* flags,
                         RepairStats* stats) {
  std::vector<Constraint> failing = FailingConstraints(t, cons);
  std::set<int> done;  // rows edited already: one edit per row
  for (const Constraint& fc : failing) {
    // A deviation check ties three figures of one row (Avvikelse = utfall −
    // budget) and cannot say which of them OCR misread: it names no edit on
    // its own ("11 500 060 | 11 196 915 | 303 085" is no reason to read
    // 11 196 975). Other checks may still call for an edit it then confirms.
    if (fc.rule == std::string(kRuleAvvikelse) || fc.rule == std::string(kRuleAterstar)) continue;
    bool touched_done = false;
    for (const Term& term : fc.terms) touched_done = touched_done || done.count(term.row) > 0;
    if (touched_done || Holds(t, fc)) continue;
    std::vector<SingleEdit> sols = CheapestSingleEdits(t, fc, cons, failing);
    // Several single edits make this check hold: the one under which the
    // fewest checks of the table still fail, if one does ("10 400 400", a
    // group read twice, mends its section and the total above it; reading
    // a part as 10 392 600 would mend the section only).
    if (sols.size() > 1) {
      std::vector<int> still;
      for (const SingleEdit& e : sols) {
        Evaluator ev(t);
        ev.Set(e.row, &e.rd);
        int n = 0;
        for (const Constraint& c : cons) n += ev.Check(c) == 0;
        still.push_back(n);
      }
      const auto fewest = std::min_element(still.begin(), still.end());
      if (std::count(still.begin(), still.end(), *fewest) == 1) sols = {sols[fewest - still.begin()]};
    }
    if (sols.empty() && RepairLostMinusSigns(t, ti, fc, cons, failing, &done, flags, stats)) continue;
    if (sols.empty() && RepairSeveralMisreads(t, ti, fc, cons, failing, &done, flags, stats)) continue;
    if (sols.empty() && RepairFromReadings(t, ti, fc, cons, &done, flags, stats)) continue;
    // A figure of the check already in doubt on a row the search passed
    // over (a label OCR garbled, a cell read with low confidence) may be the
    // misread one: then one edit of the clean rows is no proof ("2 300 000"
    // for 1 300 000 on a doubtful row beside a clean "1 300 000" that
    // losing its 1 would also fit). Nor is an edit that takes a figure out
    // of step with its own row (OtherFigureOneDigitOff, EditLeavesItsRow).
    bool doubtful_beside = false, breaks_row = false;
    if (sols.size() == 1) {
      doubtful_beside = OtherFigureOneDigitOff(t, fc, [&t](const Term& term) {
        const TableRow& row = t.rows[term.row];
        const TableCell* cell = CellAt(t, term.row, term.col);
        return !RowIsClean(row) && !SumsCanConfirm(row.doubt_rule) && cell && cell->status != "ok";
      });
      breaks_row = !doubtful_beside && EditLeavesItsRow(t, sols[0]) &&
                   OtherFigureOneDigitOff(t, fc, [&sols](const Term& term) { return term.row != sols[0].row; });
    }
    if (sols.size() == 1 && doubtful_beside) {
      MarkAmbiguousEdits(t, ti, fc, sols, flags, stats,
                         "one edit of a clean figure would fix it, but a figure of the check is in doubt already and "
                         "may be the misread one");
    } else if (sols.size() == 1 && breaks_row) {
      MarkAmbiguousEdits(t, ti, fc, sols, flags, stats,
                         "the one edit of a clean figure would take it out of step with its row's other figures, "
                         "and another figure of the check is one digit from fitting");
    } else if (sols.size() == 1) {
      Apply(t, ti, sols[0].row, sols[0].rd, "the only single edit under which " + fc.what + " holds", flags, stats);
      done.insert(sols[0].row);
    } else if (sols.size() > 1) {
      MarkAmbiguousEdits(t, ti, fc, sols, flags, stats);
    }
  }
  // Then, with the single edits made, the checks still failing: two of them
  // agreeing on one figure of a row not edited yet (RepairAgreedByTwoChecks).
  for (const Constraint& fc : failing) {
    if (fc.rule == std::string(kRuleAvvikelse) || fc.rule == std::string(kRuleAterstar) || Holds(t, fc)) continue;
    RepairAgreedByTwoChecks(t, ti, fc, cons, failing, &done, flags, stats);
  }
}

// Phase 3: rows a reader placed by a guess (TableRow::doubt). A cell is
// cleared to "ok" only when at least one check reads it and every check that
// reads it holds; an ambiguous placement ("read.ambiguous") is never cleared.
// One warning flag per reason lists the cells left suspect: rows whose
// doubt is the table's (a dump's labels paired with its figures by order:
// every row says the same) share one flag, so a review shows the table's
// doubt once rather than once a row.
void ConfirmDoubtfulRows(FinancialTable& t, int ti, const std::vector<Constraint>& cons, std::vector<Flag>* flags,
                         RepairStats* stats) {
  std::map<std::string, size_t> by_reason;  // rule + doubt -> index in *flags
  // Figures the sums made (repair.derived): a check they take part in holds
  // by construction, and confirms neither them nor the others.
  std::set<std::pair<int, int>> derived;
  for (const Flag& f : *flags)
    if (f.rule == "repair.derived")
      for (const FlagCell& c : f.cells)
        if (c.table == ti) derived.insert({c.row, c.col});
  for (int r = 0; r < static_cast<int>(t.rows.size()); ++r) {
    TableRow& row = t.rows[r];
    if (row.doubt_rule.empty()) continue;
    bool confirmable = SumsCanConfirm(row.doubt_rule);
    Flag f;
    std::string left;
    for (int c = 0; c < static_cast<int>(row.cells.size()) && c < static_cast<int>(t.columns.size()); ++c) {
      TableCell& cell = row.cells[c];
      // A cell with a doubt of its own (its column's year, read.years) keeps
      // it: the sums settle the row's placement, not that.
      if (!cell.present || cell.status == "repaired" || !cell.doubt_rule.empty() || derived.count({r, c})) continue;
      int held = 0, failed = 0;
      for (const Constraint& con : cons) {
        bool reads = false;
        // Whether another figure of the check was read as printed: one whose
        // every other figure the solver itself regrouped or repaired to fit
        // ("Summa materiella" regrouped to agree with the one row it sums)
        // agrees by construction and confirms nothing.
        bool printed_other = false, by_construction = false;
        for (const Term& term : con.terms) {
          by_construction = by_construction || derived.count({term.row, term.col}) > 0;
          reads = reads || (term.row == r && term.col == c);
          const TableCell* other = term.row != r || term.col != c ? CellAt(t, term.row, term.col) : nullptr;
          // (Nor does a figure of a row read by the same guess: two rows
          // whose edge scrap was dropped alike agree by construction.)
          const bool same_guess = other && row.doubt_rule == "read.edge_scrap" &&
                                  t.rows[term.row].doubt_rule == "read.edge_scrap";
          printed_other = printed_other || (other && other->status != "repaired" && !same_guess);
        }
        if (!reads) continue;
        std::optional<double> res = Residual(t, con);
        if (!res) continue;
        if (WithinTolerance(con, *res)) {
          held += printed_other && !by_construction;
        } else {
          ++failed;
        }
      }
      if (confirmable && cell.parsed && held > 0 && failed == 0) {
        // Confirmed placement; a money cell of a table whose unit is
        // unknown stays suspect all the same (flagged as unit.unknown).
        if (!(t.unit.empty() && row.monetary && !row.scale)) cell.status = "ok";
        continue;
      }
      cell.status = "suspect";
      f.cells.push_back({ti, r, c});
      left += (left.empty() ? "" : ", ") + DescribeCell(t, r, c) + " = '" + cell.raw + "'";
      ++stats->suspect;
    }
    if (f.cells.empty()) continue;
    const std::string reason = row.doubt_rule + "\n" + row.doubt;
    if (auto it = by_reason.find(reason); it != by_reason.end()) {
      Flag& same = (*flags)[it->second];
      same.cells.insert(same.cells.end(), f.cells.begin(), f.cells.end());
      same.message += ", " + left;
      continue;
    }
    by_reason[reason] = flags->size();
    f.rule = row.doubt_rule;
    f.severity = kSeverityWarning;
    f.year = t.columns[f.cells[0].col].year;
    f.page = row.prov.page ? row.prov.page : t.page;
    f.source_text = !row.prov.raw_text.empty() ? row.prov.raw_text : row.label + "  " + row.raw_numbers;
    f.key = f.rule + "|t" + std::to_string(ti) + "|" + row.label;
    f.message = row.doubt + "; " + (confirmable ? "no check confirms " : "left suspect: ") + left;
    flags->push_back(std::move(f));
  }
}

// A row label that still looks damaged after diacritic repair: OCR junk
// characters, digits inside a word ("6vriga"), an accented letter Swedish
// does not use. It is kept as printed; the flag asks a reader to look.
bool LabelLooksGarbled(const std::string& label) {
  static const RE2 kJunk(
      "[¢£§¥©®°±µ¶~{}<>@#=^_]|[a-zA-ZåäöÅÄÖ][0-9]+[a-zåäö]|\\b[0-9][a-zåäö]{2,}|[èêëìíîïñòóôõùúûüÿ]|[oO]ö|[aA][äå]");
  return RE2::PartialMatch(label, kJunk);
}

// OCR damage in the line as printed: a digit inside a word ("I6pande",
// "6vriga"). Diacritic repair may have mended the letters, not the word.
bool RawLabelDamaged(const std::string& raw) {
  static const RE2 kDamage("[a-zA-Z][0-9]+[a-z]|(?:^|\\s)[0-9][a-z]{2,}");
  return RE2::PartialMatch(raw, kDamage);
}

void FlagGarbledLabels(FinancialTable& t, int ti, std::vector<Flag>* flags, RepairStats* stats) {
  for (int r = 0; r < static_cast<int>(t.rows.size()); ++r) {
    TableRow& row = t.rows[r];
    if (row.is_header) continue;
    bool garbled = LabelLooksGarbled(row.label);
    // A damaged label that names no known row may be misread as a whole
    // (the reader cannot tell which row this is): its figures are not ok.
    bool unknown = !row.category && (garbled || RawLabelDamaged(row.prov.raw_text));
    if (!garbled && !unknown) continue;
    Flag f;
    f.rule = "read.label_garbled";
    f.severity = unknown ? kSeverityWarning : kSeverityInfo;
    for (int c = 0; c < static_cast<int>(row.cells.size()); ++c) {
      TableCell& cell = row.cells[c];
      if (!cell.present) continue;
      f.cells.push_back({ti, r, c});
      if (unknown && (cell.status == "ok" || cell.status == "repaired")) {
        cell.status = "suspect";
        ++stats->suspect;
      }
    }
    if (f.cells.empty()) continue;
    f.page = row.prov.page ? row.prov.page : t.page;
    f.source_text = row.prov.raw_text;
    f.key = f.rule + "|t" + std::to_string(ti) + "|" + row.label;
    f.message = unknown ? "row label '" + row.label + "' was damaged by OCR and names no known row; kept as printed, "
                              "its figures loaded suspect"
                        : "row label '" + row.label + "' still looks damaged after repair; kept as printed";
    flags->push_back(std::move(f));
  }
}

// A repair that the equity roll-forward contradicts is undone. In a
// multi-year table (flerårsöversikt) with an Eget kapital row and an Årets
// resultat row, each year's equity is the year before's plus the year's
// result; where that holds between at least two pairs of years as read, it
// is in force, and a pair it fails only because a result or equity figure
// was repaired, while the figure as printed satisfies it, shows the repair
// went the wrong way (`-340` read as −6 340 to fit an income of `3 000` that
// OCR misread from 9 000). The cell goes back to its printed value, suspect,
// and the figures of the sums it was repaired to fit become suspect too.
// Not a constraint for the solver: a förbund's equity can move by more than
// the result (a reclassification), so it only vetoes.
void VetoRepairsAgainstEquityRollForward(FinancialTable& t, int ti, const std::vector<Constraint>& cons,
                                         std::vector<Flag>* flags, RepairStats* stats) {
  int equity = -1, result = -1;
  for (int r = 0; r < static_cast<int>(t.rows.size()); ++r) {
    const std::string f = FoldKey(TrimLabel(t.rows[r].label));
    const bool eq = (f.starts_with("eget kapital") || f.starts_with("summa eget kapital")) &&
                    f.find("skuld") == std::string::npos;
    const bool res = f.starts_with("arets resultat");
    if (eq) equity = equity == -1 ? r : -2;
    if (res) result = result == -1 ? r : -2;
  }
  if (equity < 0 || result < 0) return;
  std::map<int, int> col_of_year;  // utfall columns by year
  for (int c = 0; c < static_cast<int>(t.columns.size()); ++c) {
    const TableColumn& col = t.columns[c];
    if (col.kind == ColumnKind::kUtfall && col.year && IsAmountColumn(col)) col_of_year[col.year] = c;
  }
  auto value = [&](int row, int col) -> std::optional<double> {
    const TableCell* cell = CellAt(t, row, col);
    if (!cell || !cell->present || !cell->parsed) return std::nullopt;
    return cell->value;
  };
  auto printed = [&](int row, int col) -> std::optional<double> {
    const TableCell* cell = CellAt(t, row, col);
    if (!cell || !cell->present) return std::nullopt;
    return ParseAmount(cell->raw);
  };
  constexpr double kTolerance = 1.0 + 1e-9;  // one printed unit: each figure is rounded
  struct Pair {
    int prev, col;
  };
  std::vector<Pair> pairs;
  int holds = 0;
  for (const auto& [year, col] : col_of_year) {
    auto prev = col_of_year.find(year - 1);
    if (prev == col_of_year.end()) continue;
    std::optional<double> e1 = value(equity, col), e0 = value(equity, prev->second), r1 = value(result, col);
    if (!e1 || !e0 || !r1) continue;
    if (std::fabs(*e1 - *e0 - *r1) <= kTolerance) ++holds;
    else pairs.push_back({prev->second, col});
  }
  if (holds < 2) return;
  for (const Pair& p : pairs) {
    const std::pair<int, int> cells[] = {{result, p.col}, {equity, p.col}, {equity, p.prev}};
    for (const std::pair<int, int>& rc : cells) {
      // Named copies, not structured bindings: clang before 16 cannot
      // capture those in the lambdas below.
      const int row = rc.first, col = rc.second;
      if (col >= static_cast<int>(t.rows[row].cells.size())) continue;
      TableCell& cell = t.rows[row].cells[col];
      if (cell.status != "repaired") continue;
      std::optional<double> as_printed = printed(row, col);
      if (!as_printed) continue;
      auto v = [&](int r, int c) { return r == row && c == col ? as_printed : value(r, c); };
      std::optional<double> e1 = v(equity, p.col), e0 = v(equity, p.prev), r1 = v(result, p.col);
      if (!e1 || !e0 || !r1 || std::fabs(*e1 - *e0 - *r1) > kTolerance) continue;
      const double repaired_value = cell.value;
      ReadCellAs(cell, *as_printed, RowScale(t, t.rows[row]));
      flags->erase(std::remove_if(flags->begin(), flags->end(),
                                  [&](const Flag& f) {
                                    return f.severity == kSeverityInfo && f.rule.starts_with("repair.") &&
                                           std::any_of(f.cells.begin(), f.cells.end(), [&](const FlagCell& fc) {
                                             return fc.table == ti && fc.row == row && fc.col == col;
                                           });
                                  }),
                   flags->end());
      --stats->repaired;
      std::ostringstream why;
      why << "was not repaired: the sums wanted " << FormatPrinted(repaired_value)
          << ", but as printed it keeps equity = last year's equity + the year's result; loaded as printed, suspect";
      MarkSuspect(t, ti, row, col, "repair.contradicted", why.str(), flags, stats);
      // The sums it was repaired to fit now fail: their figures in this
      // column are no longer confirmed.
      for (const Constraint& c : FailingConstraints(t, cons)) {
        if (!TouchesRow(c, row) || !TermAt(c, row, col)) continue;
        for (const Term& term : c.terms) {
          if (term.row == row || term.col >= static_cast<int>(t.rows[term.row].cells.size())) continue;
          TableCell& other = t.rows[term.row].cells[term.col];
          if (other.status != "ok" || !other.present) continue;
          MarkSuspect(t, ti, term.row, term.col, "repair.contradicted",
                      "is in a sum that fails once " + DescribeCell(t, row, col) +
                          " is read as printed (the equity roll-forward confirms it); loaded suspect",
                      flags, stats);
        }
      }
    }
  }
}

// A row with two or more amount cells that hold no one number (each a run
// of several: "3 100 3100 1550 1550") is several printed rows that OCR
// read as one, under their labels run together ("Försäkringskassan
// Arbetsförmedlingen Region Dalarna Kommunerna"): its cells that did read
// as one number belong to no one of those rows for sure, whatever a check
// says (a Summa over that one row holds trivially), so they are suspect.
void FlagMergedRows(FinancialTable& t, int ti, std::vector<Flag>* flags, RepairStats* stats) {
  for (int r = 0; r < static_cast<int>(t.rows.size()); ++r) {
    const TableRow& row = t.rows[r];
    if (row.is_header) continue;
    int unread = 0;
    std::vector<int> read;
    for (int c = 0; c < static_cast<int>(row.cells.size()) && c < static_cast<int>(t.columns.size()); ++c) {
      const TableCell& cell = row.cells[c];
      if (!IsAmountColumn(t.columns[c]) || !cell.present || IsDateText(cell.raw)) continue;
      if (!cell.parsed) ++unread;
      else if (cell.status != "suspect") read.push_back(c);
    }
    if (unread < 2) continue;
    for (int c : read)
      MarkSuspect(t, ti, r, c, "read.merged_rows",
                  "stands in a row whose other cells each hold several figures (rows run together by OCR); "
                  "loaded suspect",
                  flags, stats);
  }
}

// Nothing silent: a figure that could not be read as a number and that no
// flag above names (no OCR confusion explains it, no check reads it: "4/20"
// in a row of its own) still gets one, so that the review lists it. Dates
// in a value column (an insats's start and end) are no figures.
void FlagUnreadCells(FinancialTable& t, int ti, const std::vector<Constraint>& cons, std::vector<Flag>* flags,
                     RepairStats* stats) {
  std::set<std::pair<int, int>> named;
  for (const Flag& f : *flags)
    for (const FlagCell& c : f.cells)
      if (c.table == ti) named.insert({c.row, c.col});
  for (int r = 0; r < static_cast<int>(t.rows.size()); ++r) {
    const TableRow& row = t.rows[r];
    if (row.is_header) continue;
    for (int c = 0; c < static_cast<int>(row.cells.size()) && c < static_cast<int>(t.columns.size()); ++c) {
      const TableCell& cell = row.cells[c];
      // Note references ("10, 15" in a Not column) are no figures.
      if (!IsAmountColumn(t.columns[c]) || !cell.present || cell.parsed || named.count({r, c}) ||
          IsDateText(cell.raw))
        continue;
      // One run of garbled figures spread over the row's columns (the
      // reader could not tell where one ends) is no figure of one column.
      bool run = false;
      for (int o = 0; o < static_cast<int>(row.cells.size()); ++o)
        run = run || (o != c && row.cells[o].present && !row.cells[o].parsed && row.cells[o].raw == cell.raw);
      if (!run) {
        std::vector<const Constraint*> on_cell;
        for (const Constraint& con : cons)
          if (TermAt(con, r, c)) on_cell.push_back(&con);
        if (DeriveUnreadCell(t, ti, r, c, on_cell, flags, stats)) continue;
      }
      // That run: one flag for the row.
      if (!flags->empty() && flags->back().rule == "repair.unreadable" && !flags->back().cells.empty() &&
          flags->back().cells.back().table == ti && flags->back().cells.back().row == r &&
          row.cells[flags->back().cells.back().col].raw == cell.raw) {
        Flag& f = flags->back();
        f.cells.push_back({ti, r, c});
        f.year = 0;
        f.message = row.label + ": '" + cell.raw + "' could not be read as a number in any of its " +
                    std::to_string(f.cells.size()) + " columns and no check reads them; loaded without amounts";
        t.rows[r].cells[c].status = "suspect";
        ++stats->suspect;
        continue;
      }
      MarkSuspect(t, ti, r, c, "repair.unreadable",
                  "could not be read as a number and no check reads it; loaded without an amount", flags, stats);
    }
  }
}

}  // namespace

// A figure OCR lost: an empty cell in a row that prints figures in other
// columns, the one unknown of a sum that fails while every other figure of
// the sum was read (Region's "2 222" under Plan 2021 gone from a scan; the
// column's Summa misses by 2 222). Loaded as the figure under which the sum
// holds, `suspect` with repair.lost, so that the figure is there to review
// rather than missing; only on OCR'd figures (a text layer does not lose
// one, and its empty cell is printed empty) and only when the value is of
// the row's sign and within a factor of four of its other figures. The sum
// then holds by construction and vouches for nothing (ocr_doubts.h).
void DeriveLostCells(FinancialTable& t, int ti, const std::vector<Constraint>& cons, std::vector<Flag>* flags,
                     RepairStats* stats) {
  for (const Constraint& con : cons) {
    std::optional<double> res = Residual(t, con);
    if (!res || WithinTolerance(con, *res)) continue;
    const Term* empty = LoneEmptyTerm(t, con);
    if (!empty) continue;
    bool readable = true, ocr = true;
    for (const Term& term : con.terms) {
      if (!CellPresent(t, term.row, term.col)) continue;
      const TableCell& c = *CellAt(t, term.row, term.col);
      readable = readable && c.parsed && !c.is_percent;
      ocr = ocr && c.prov.confidence < 1.0;
    }
    if (!readable || !ocr) continue;
    const double v = ValueThatHolds(*empty, 0, *res);
    TableRow& row = t.rows[empty->row];
    double lo = 1e300, hi = 0;
    bool same_sign = v != 0;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const TableCell& cell = row.cells[c];
      if (!cell.present || !cell.parsed || cell.is_percent || cell.value == 0) continue;
      same_sign = same_sign && (cell.value > 0) == (v > 0);
      lo = std::min(lo, std::fabs(cell.value));
      hi = std::max(hi, std::fabs(cell.value));
    }
    if (!same_sign || hi == 0 || std::fabs(v) > 4 * hi || std::fabs(v) * 4 < lo) continue;
    // No other check on the cell may fail with it that held without it.
    bool breaks = false;
    for (const Constraint& other : cons) {
      if (&other == &con || !TermAt(other, empty->row, empty->col)) continue;
      std::optional<double> before = Residual(t, other);
      std::optional<double> after = ResidualWithCellAs(t, other, empty->row, empty->col, v);
      breaks = breaks || (before && WithinTolerance(other, *before) && (!after || !WithinTolerance(other, *after)));
    }
    if (breaks) continue;
    if (row.cells.size() <= static_cast<size_t>(empty->col)) row.cells.resize(empty->col + 1);
    TableCell& cell = row.cells[empty->col];
    ReadCellAs(cell, v, RowScale(t, row));
    if (!row.monetary) cell.amount_sek = 0;
    cell.raw.clear();
    cell.prov.page = row.prov.page ? row.prov.page : t.page;
    cell.prov.line_index = row.prov.line_index;
    cell.prov.raw_text = row.prov.raw_text;
    cell.prov.confidence = 0;
    MarkSuspect(t, ti, empty->row, empty->col, "repair.lost",
                "nothing printed where the row prints figures in other columns; loaded as " + FormatPrinted(v) +
                    ", the figure under which " + con.what + " holds (derived, not printed: a figure OCR lost?)",
                flags, stats);
  }
}

RepairStats RepairTable(FinancialTable& t, int ti, std::vector<Flag>* flags) {
  RepairStats stats;
  // Derived once: repair changes values, never the table's shape.
  std::vector<Constraint> cons = TableConstraints(t);
  RepairForcedRows(t, ti, cons, flags, &stats);
  RepairFailingChecks(t, ti, cons, flags, &stats);
  VetoRepairsAgainstEquityRollForward(t, ti, cons, flags, &stats);
  ConfirmDoubtfulRows(t, ti, cons, flags, &stats);
  FlagGarbledLabels(t, ti, flags, &stats);
  FlagUnreadCells(t, ti, cons, flags, &stats);
  DeriveLostCells(t, ti, cons, flags, &stats);
  FlagMergedRows(t, ti, flags, &stats);
  return stats;
}

RepairStats RepairTables(std::vector<FinancialTable>& tables, std::vector<Flag>* flags) {
  RepairStats total;
  for (size_t i = 0; i < tables.size(); ++i) {
    RepairStats s = RepairTable(tables[i], static_cast<int>(i), flags);
    total.repaired += s.repaired;
    total.suspect += s.suspect;
  }
  return total;
}

}  // namespace finsam
