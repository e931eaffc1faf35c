#include "extractors/table_arithmetic.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/unicode.h"

namespace finsam {
namespace {

std::string Fold(const std::string& s) { return FoldKey(s); }

bool StartsWithWord(const std::string& folded, const char* word) {
  size_t n = std::char_traits<char>::length(word);
  if (folded.compare(0, n, word) != 0) return false;
  return folded.size() == n || !std::isalnum(static_cast<unsigned char>(folded[n]));
}

std::string Trim(const std::string& s) { return TrimLabel(s); }

bool IsYearKind(ColumnKind k) {
  return k == ColumnKind::kBudget || k == ColumnKind::kPlan || k == ColumnKind::kUtfall ||
         k == ColumnKind::kPrognos || k == ColumnKind::kValue || k == ColumnKind::kUnknown;
}

bool RowHasMoney(const FinancialTable& t, const TableRow& r) {
  if (r.is_header || !r.monetary) return false;  // kr/m², percent, counts are never summed
  for (size_t c = 0; c < r.cells.size() && c < t.columns.size(); ++c) {
    if (!IsAmountColumn(t.columns[c])) continue;
    const TableCell& cell = r.cells[c];
    if (cell.present && !cell.is_percent) return true;
  }
  return false;
}

// Rounding tolerance of a sum, printed units: documents add rounded figures,
// so 1 unit, 2 when six or more rows are added.
double ToleranceFor(size_t components) {
  if (components >= 6) return 2;
  if (components >= 2) return 1;
  return 0;
}

// The same for a table in whole kronor (scale 1): each item was rounded from
// öre on its own, up to half a krona each, so a long note (twenty cost
// lines) may miss its Summa by several kronor without a misprint.
double ToleranceFor(size_t components, int64_t scale) {
  double base = ToleranceFor(components);
  return scale == 1 ? std::max(base, 0.5 * static_cast<double>(components)) : base;
}

// What the constraint builder needs to know about a table besides its cells.
struct TableShape {
  std::vector<int> amount_cols;
  std::vector<std::string> effective_section;  // per row
  std::vector<bool> cost_like;                 // per row
  bool costs_signed = false;                   // cost rows printed negative
  // One unit of the last printed place, printed units: 0.01 in a table
  // whose every money figure prints two decimals ("6,60", "−0,65" mkr), 1
  // otherwise. Rounding tolerances count in it: in a table of mkr with two
  // decimals a tolerance of 1 would let 0,05 stand for −0,65.
  double step = 1;
};

TableShape Shape(const FinancialTable& t) {
  TableShape s;
  s.amount_cols = AmountColumns(t);
  std::string heading;
  s.effective_section.resize(t.rows.size());
  s.cost_like.resize(t.rows.size());
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const TableRow& r = t.rows[i];
    if (r.is_header || (!RowHasMoney(t, r) && !Trim(r.label).empty())) heading = r.label;
    s.effective_section[i] = !r.section.empty() ? r.section : heading;
    s.cost_like[i] = !IsResultLabel(r.label) && (IsCostLabel(r.label) || IsCostLabel(s.effective_section[i]));
  }
  // The fewest decimals any money figure of a labelled row prints. A zero
  // ("0" among "2,43" and "0,36") and a row without a label (the rest of a
  // figure wrapped in its cell, "9" under "2,43", left unjoined) say nothing
  // of the table's precision: counted, they made a step of 1 mkr, and a
  // Summa 0,83 mkr off "held within rounding".
  int decimals = -1;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    if (!RowHasMoney(t, t.rows[i]) || Trim(t.rows[i].label).empty()) continue;
    for (int c : s.amount_cols) {
      const TableCell* cell = CellAt(t, static_cast<int>(i), c);
      if (!cell || !cell->present || !cell->parsed || cell->is_percent) continue;
      std::optional<SwedishNumber> n = ParseSwedishNumber(cell->raw);
      if (!n || n->value == 0) continue;
      decimals = decimals < 0 ? n->decimals : std::min(decimals, n->decimals);
    }
  }
  if (decimals > 0) s.step = std::pow(10.0, -std::min(decimals, 3));
  for (size_t i = 0; i < t.rows.size(); ++i) {
    if (!s.cost_like[i] || !RowHasMoney(t, t.rows[i])) continue;
    for (int c : s.amount_cols) {
      if (IsDeviationKind(t.columns[c].kind)) continue;
      std::optional<double> v = CellValue(t, static_cast<int>(i), c);
      if (v && *v < 0) s.costs_signed = true;
    }
  }
  return s;
}

// A window that nets costs printed positive (a Resultat: income − costs)
// says nothing in a deviation column (Avvikelse, Återstår): there a cost's
// deviation may be printed favourable-positive (budget − utfall), so the
// result's deviation is the sum, not the difference. The per-row deviation
// checks (see TableConstraints) cover those columns.
bool SkipsColumn(const FinancialTable& t, const std::vector<Term>& window, int c) {
  if (!IsDeviationKind(t.columns[c].kind)) return false;
  for (const Term& w : window)
    if (w.coef < 0) return true;
  return false;
}

// In how many of the columns where it can be evaluated does the window
// (rows with coefficients) explain row `total`, and in how many not?
struct WindowFit {
  int holds = 0;
  int fails = 0;
};
WindowFit FitWindow(const FinancialTable& t, const TableShape& s, int total, const std::vector<Term>& window) {
  WindowFit fit;
  for (int c : s.amount_cols) {
    if (!CellPresent(t, total, c) || SkipsColumn(t, window, c)) continue;
    std::optional<double> tv = CellValue(t, total, c);
    if (!tv) continue;
    double sum = 0;
    bool known = true;
    for (const Term& w : window) {
      std::optional<double> v = CellValue(t, w.row, c);
      if (!v) {
        known = false;
        break;
      }
      sum += w.coef * *v;
    }
    if (!known) continue;
    if (std::fabs(*tv - sum) > ToleranceFor(window.size(), t.scale) * s.step + 1e-9) ++fit.fails;
    else ++fit.holds;
  }
  return fit;
}

void AddColumnConstraints(const FinancialTable& t, const TableShape& s, const char* rule, int total,
                          const std::vector<Term>& window, std::vector<Constraint>* out) {
  std::string what = Trim(t.rows[total].label) + " =";
  for (size_t k = 0; k < window.size(); ++k) {
    if (k) what += window[k].coef < 0 ? " −" : " +";
    else if (window[k].coef < 0) what += " −";
    what += " " + Trim(t.rows[window[k].row].label);
  }
  for (int c : s.amount_cols) {
    if (!CellPresent(t, total, c) || SkipsColumn(t, window, c)) continue;
    Constraint con;
    con.rule = rule;
    con.terms.push_back({total, c, 1});
    for (const Term& w : window) con.terms.push_back({w.row, c, -w.coef});
    con.tolerance = ToleranceFor(window.size(), t.scale) * s.step;
    con.what = what;
    out->push_back(std::move(con));
  }
}

int FindRow(const FinancialTable& t, const char* pattern, int from = 0) {
  RE2 re(pattern);
  for (int i = from; i < static_cast<int>(t.rows.size()); ++i) {
    if (t.rows[i].is_header) continue;
    if (RE2::PartialMatch(Fold(t.rows[i].label), re)) return i;
  }
  return -1;
}

}  // namespace

std::string TrimLabel(const std::string& s) {
  size_t b = s.find_first_not_of(" \t*|");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t*|:");
  return s.substr(b, e - b + 1);
}

std::optional<double> CellNumber(const TableCell& cell) {
  if (!cell.present) return 0.0;
  if (!cell.parsed || cell.is_percent) return std::nullopt;
  return cell.value;
}

const TableCell* CellAt(const FinancialTable& t, int row, int col) {
  if (row < 0 || row >= static_cast<int>(t.rows.size())) return nullptr;
  const TableRow& r = t.rows[row];
  if (col < 0 || col >= static_cast<int>(r.cells.size())) return nullptr;
  return &r.cells[col];
}

std::optional<double> CellValue(const FinancialTable& t, int row, int col) {
  const TableCell* c = CellAt(t, row, col);
  if (!c) return 0.0;
  return CellNumber(*c);
}

bool CellPresent(const FinancialTable& t, int row, int col) {
  const TableCell* c = CellAt(t, row, col);
  return c && c->present;
}

bool IsSumLabel(const std::string& label) {
  std::string f = Fold(Trim(label));
  return StartsWithWord(f, "summa") || StartsWithWord(f, "s:a") ||
         StartsWithWord(f, "totalt") || StartsWithWord(f, "total") || StartsWithWord(f, "sum") ||
         // A group's subtotal under its section ("Delsumma individinriktade").
         StartsWithWord(f, "delsumma") || StartsWithWord(f, "totalsumma") || StartsWithWord(f, "subtotal");
}

bool IsResultLabel(const std::string& label) {
  std::string f = Fold(Trim(label));
  if (IsSumLabel(label)) return false;
  // Whole words: "Räntekostnader och liknande resultatposter" is an interest
  // line, not a result row.
  static const RE2 kRe("(^|[^a-z])(arets resultat|resultat|nettokostnad|kassaflode)($|[^a-z])");
  return RE2::PartialMatch(f, kRe) && !RE2::PartialMatch(f, "balanskrav|realisation|utjamning|justering"_re);
}

bool IsVaravLabel(const std::string& label) {
  std::string f = Fold(Trim(label));
  return StartsWithWord(f, "varav") || StartsWithWord(f, "darav") || StartsWithWord(f, "- varav");
}

bool IsCostLabel(const std::string& label) {
  std::string f = Fold(label);
  return f.find("kostnad") != std::string::npos || f.find("utgift") != std::string::npos;
}

bool IsAmountColumn(const TableColumn& c) {
  return c.kind != ColumnKind::kNote && c.kind != ColumnKind::kAndel;
}

int64_t RowScale(const FinancialTable& t, const TableRow& r) { return r.scale ? r.scale : t.scale; }

std::string ScaleUnitName(int64_t scale) { return scale == 1 ? "kr" : scale == 1000 ? "tkr" : "mkr"; }

std::vector<int> AmountColumns(const FinancialTable& t) {
  std::vector<int> out;
  for (size_t c = 0; c < t.columns.size(); ++c)
    if (IsAmountColumn(t.columns[c])) out.push_back(static_cast<int>(c));
  return out;
}

std::vector<Constraint> TableConstraints(const FinancialTable& t) {
  std::vector<Constraint> out;
  TableShape s = Shape(t);
  if (s.amount_cols.empty()) return out;
  const int n = static_cast<int>(t.rows.size());

  // Section sums and running results. `items` is the list of top-level rows
  // seen so far: a Summa or Resultat row replaces the rows it covers.
  std::vector<int> items;
  int last_boundary = -1;
  for (int i = 0; i < n; ++i) {
    const TableRow& r = t.rows[i];
    bool money = RowHasMoney(t, r);
    if (!money) {
      if (r.is_header || !Trim(r.label).empty()) last_boundary = i;
      continue;
    }
    if (IsVaravLabel(r.label)) continue;
    bool is_sum = IsSumLabel(r.label) || (r.is_total && !IsResultLabel(r.label));
    bool is_result = !is_sum && IsResultLabel(r.label);
    if (!is_sum && !is_result) {
      items.push_back(i);
      continue;
    }
    auto coef_of = [&](int row) {
      return (is_result && !s.costs_signed && s.cost_like[row]) ? -1 : 1;
    };
    auto window_of = [&](size_t from) {
      std::vector<Term> w;
      for (size_t k = from; k < items.size(); ++k) w.push_back({items[k], -1, coef_of(items[k])});
      return w;
    };
    // Natural window: for a Summa, the items since the last heading; for a
    // Resultat, every top-level item so far.
    size_t natural_from = 0;
    if (is_sum) {
      natural_from = items.size();
      while (natural_from > 0 && items[natural_from - 1] > last_boundary) --natural_from;
      if (natural_from == items.size()) natural_from = 0;  // nothing since the heading: nested total
      // The reader's sections bound the window too: a heading it took as
      // its rows' section ("Finansiella poster", "Tillgångar /
      // Omsättningstillgångar") is no row of its own. A Summa covers the
      // items of its own section; one naming the top section ("SUMMA
      // TILLGÅNGAR" filed under "Tillgångar / Omsättningstillgångar") every
      // item under that top. Where a misread part lets no window hold, the
      // check is then still the right one, and blocks no repair elsewhere.
      if (!r.section.empty()) {
        const size_t slash = r.section.find(" / ");
        const std::string top = slash == std::string::npos ? r.section : r.section.substr(0, slash);
        static const RE2 kSummaOf("^(?:summa|s:a|totalt|total) (.+)$");
        std::string named;
        const bool names_top = slash != std::string::npos &&
                               RE2::FullMatch(Fold(Trim(r.label)), kSummaOf, &named) && named == Fold(Trim(top));
        auto in_scope = [&](int row) {
          const std::string& sec = t.rows[row].section;
          return names_top ? (sec == top || sec.rfind(top + " / ", 0) == 0) : sec == r.section;
        };
        // A row the reader filed under no section among them (an "Årets
        // resultat" between "Ingående eget kapital" and "Summa eget
        // kapital") does not end the walk; a row of another section does.
        size_t from = items.size();
        for (size_t k = items.size(); k > 0; --k) {
          if (in_scope(items[k - 1])) from = k - 1;
          else if (!t.rows[items[k - 1]].section.empty()) break;
        }
        if (from < items.size()) natural_from = names_top ? from : std::max(natural_from, from);
      }
      // A Summa that names costs covers no income row standing before the
      // costs, and one that names income no cost row: a driftredovisning
      // prints "Intäkter" as its first row under no heading, then the costs
      // and "Summa kostnader". Where a misread part lets no window hold, the
      // natural window is the one checked and must be the right one.
      const std::string named = Fold(Trim(r.label));
      const bool names_costs = named.find("kostnad") != std::string::npos;
      const bool names_income = named.find("intakt") != std::string::npos;
      auto is_income = [&](int row) {
        const std::optional<std::string>& cat = t.rows[row].category;
        if (cat) return cat->starts_with("income");
        return Fold(t.rows[row].label).find("intakt") != std::string::npos;
      };
      while (natural_from < items.size() && names_costs != names_income &&
             (names_costs ? is_income(items[natural_from]) : s.cost_like[items[natural_from]]))
        ++natural_from;
      // A Summa that names the kommuner ("Summa kommunerna" under the
      // state's and the region's fees, then the kommuner's) covers the
      // kommuner's rows only.
      if (RE2::PartialMatch(named, "^(?:summa|s:a|totalt) (?:.* )?kommun(?:er|erna)?$"_re)) {
        auto municipal = [&](int row) {
          const std::optional<std::string>& cat = t.rows[row].category;
          return (cat && *cat == "income.municipality") || Fold(t.rows[row].label).find("kommun") != std::string::npos;
        };
        size_t from = natural_from;
        while (from < items.size() && !municipal(items[from])) ++from;
        bool all = from < items.size();
        for (size_t k = from; k < items.size(); ++k) all = all && municipal(items[k]);
        if (all) natural_from = from;
      }
    }
    std::vector<Term> chosen = window_of(natural_from);
    // The natural window, else the shortest suffix of the items, that `fits`
    // the row; `chosen` stays the natural window when none does.
    auto search = [&](auto fits) {
      for (size_t len = 0; len <= items.size(); ++len) {
        std::vector<Term> w = len == 0 ? window_of(natural_from) : window_of(items.size() - len);
        if (!w.empty() && fits(FitWindow(t, s, i, w))) {
          chosen = std::move(w);
          return true;
        }
      }
      return false;
    };
    // First a window that holds in every column it can be evaluated in. Then
    // one that fails in a single column and holds in at least two others: a
    // figure OCR damaged (a lost minus, a misread digit) fails its window in
    // that column only, and the repair solver reads it against the window.
    // Needed where the heading that bounds a section was lost ("Summa
    // förbundsgemensamma kostnader" under "Summa insatser", its heading gone
    // from a scan's text).
    bool found = search([](const WindowFit& f) { return f.fails == 0 && f.holds > 0; }) ||
                 search([](const WindowFit& f) { return f.fails == 1 && f.holds >= 2; });
    if (!found && is_result) {
      // A Resultat nothing explains is only checked when its window has
      // something to net: income and costs (or, with signed costs, two
      // items). A table cut at a page break may have lost its income part.
      bool has_cost = false, has_income = false;
      for (const Term& w : chosen) (s.cost_like[w.row] ? has_cost : has_income) = true;
      bool checkable = s.costs_signed ? chosen.size() >= 2 : (has_cost && has_income);
      if (!checkable) chosen.clear();
    }
    if (!chosen.empty()) {
      AddColumnConstraints(t, s, is_sum ? kRuleSumSection : kRuleSumResult, i, chosen, &out);
      std::set<int> covered;
      for (const Term& w : chosen) covered.insert(w.row);
      items.erase(std::remove_if(items.begin(), items.end(), [&](int x) { return covered.count(x) > 0; }),
                  items.end());
    }
    items.push_back(i);
  }

  // Totalt column = sum of the year columns.
  int totalt = -1;
  std::vector<int> year_cols;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].kind == ColumnKind::kTotalt) totalt = totalt < 0 ? static_cast<int>(c) : -2;
    else if (t.columns[c].year && IsYearKind(t.columns[c].kind)) year_cols.push_back(static_cast<int>(c));
  }
  // A Totalt that names its years ("Totalt 2026–2028", wrapped as "2026–
  // 2028") adds those only: a Prognos 2025 column beside the plan years is
  // no part of it.
  if (int from = 0, to = 0;
      totalt >= 0 && RE2::PartialMatch(t.columns[totalt].header, "((?:19|20)\\d\\d)\\s*[-–—]\\s*((?:19|20)\\d\\d)"_re,
                                       &from, &to)) {
    year_cols.erase(std::remove_if(year_cols.begin(), year_cols.end(),
                                   [&](int c) { return t.columns[c].year < from || t.columns[c].year > to; }),
                    year_cols.end());
  }
  if (totalt >= 0 && year_cols.size() >= 2) {
    for (int i = 0; i < n; ++i) {
      if (t.rows[i].is_header || !CellPresent(t, i, totalt)) continue;
      Constraint con;
      con.rule = kRuleTotaltColumn;
      con.terms.push_back({i, totalt, 1});
      for (int c : year_cols) con.terms.push_back({i, c, -1});
      con.tolerance = s.step;
      con.what = Trim(t.rows[i].label) + ": " + t.columns[totalt].header + " = sum of the year columns";
      out.push_back(std::move(con));
    }
  }

  // Avvikelse = utfall − budget of the same year; Återstår (what is left of
  // the budget) = budget − utfall so far. A delårsrapport's deviation is
  // often the forecast's ("Avvikelse prognos mot budget"): prognos − budget.
  // Each column's sign convention is taken from the majority of its readable
  // rows, the kind's own by default.
  for (size_t a = 0; a < t.columns.size(); ++a) {
    const ColumnKind kind = t.columns[a].kind;
    if (!IsDeviationKind(kind)) continue;
    const bool remaining = kind == ColumnKind::kAterstar;
    int utfall = -1, prognos = -1, b = -1;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const TableColumn& col = t.columns[c];
      bool same_year = !t.columns[a].year || col.year == t.columns[a].year;
      if (col.kind == ColumnKind::kUtfall && same_year && utfall < 0) utfall = static_cast<int>(c);
      if (col.kind == ColumnKind::kPrognos && same_year && prognos < 0) prognos = static_cast<int>(c);
      if (col.kind == ColumnKind::kBudget && same_year && b < 0) b = static_cast<int>(c);
    }
    if (b < 0) continue;
    // sign +1: column = utfall − budget; −1: budget − utfall. A third
    // convention, with costs printed positive: a favourable deviation is
    // positive (income and result utfall − budget, costs budget − utfall).
    // Favourable-positive needs to know what raises the result: income and
    // result rows; every other row with figures is taken as a cost (a
    // continuation page prints "Övrigt", "Revision" under no heading).
    auto is_cost = [&](int i) {
      const TableRow& r = t.rows[i];
      if (IsResultLabel(r.label)) return false;
      if (r.category) return !r.category->starts_with("income") && !r.category->starts_with("result");
      return FoldKey(r.label).find("intakt") == std::string::npos &&
             FoldKey(s.effective_section[i]).find("intakt") == std::string::npos;
    };
    struct Votes {
      int agree = 0, reverse = 0, favourable = 0;
      int Best() const { return std::max({agree, reverse, favourable}); }
    };
    auto count = [&](int u) {
      Votes v;
      for (int i = 0; i < n; ++i) {
        if (!CellPresent(t, i, static_cast<int>(a))) continue;
        auto av = CellValue(t, i, static_cast<int>(a)), uv = CellValue(t, i, u), bv = CellValue(t, i, b);
        if (!av || !uv || !bv) continue;
        const bool ub = std::fabs(*av - (*uv - *bv)) <= 1, bu = std::fabs(*av - (*bv - *uv)) <= 1;
        v.agree += ub;
        v.reverse += bu && !ub;
        v.favourable += is_cost(i) ? bu : ub;
      }
      return v;
    };
    // Which column the deviation is taken from: the one its header names
    // ("prognos"), else the one more rows agree with, utfall on a tie.
    int u = utfall;
    Votes v = u >= 0 ? count(u) : Votes{};
    if (!remaining && prognos >= 0) {
      const bool named = FoldKey(t.columns[a].header).find("prognos") != std::string::npos;
      const Votes vp = count(prognos);
      if (u < 0 || named || vp.Best() > v.Best()) {
        u = prognos;
        v = vp;
      }
    }
    if (u < 0) continue;
    const int agree = v.agree, reverse = v.reverse, favourable = v.favourable;
    int sign = remaining ? (agree > reverse ? 1 : -1) : (reverse > agree ? -1 : 1);
    const bool by_favour = !remaining && favourable > std::max(agree, reverse);
    const std::string minuend = ColumnKindName(t.columns[u].kind);
    for (int i = 0; i < n; ++i) {
      if (t.rows[i].is_header || !CellPresent(t, i, static_cast<int>(a))) continue;
      if (!CellPresent(t, i, u) && !CellPresent(t, i, b)) continue;
      const int row_sign = by_favour ? (is_cost(i) ? -1 : 1) : sign;
      Constraint con;
      con.rule = remaining ? kRuleAterstar : kRuleAvvikelse;
      con.terms = {{i, static_cast<int>(a), 1}, {i, u, -row_sign}, {i, b, row_sign}};
      con.tolerance = s.step;
      con.what = Trim(t.rows[i].label) + ": " + t.columns[a].header +
                 (row_sign > 0 ? " = " + minuend + " − budget" : " = budget − " + minuend);
      out.push_back(std::move(con));
    }
  }

  // Balance sheet identity.
  int assets = FindRow(t, "^summa tillgangar");
  int eq_liab = FindRow(t, "^summa eget kapital och skulder|^summa skulder och eget kapital");
  if (assets >= 0 && eq_liab >= 0) {
    for (int c : s.amount_cols) {
      if (!CellPresent(t, assets, c) && !CellPresent(t, eq_liab, c)) continue;
      Constraint con;
      con.rule = kRuleBalance;
      con.terms = {{assets, c, 1}, {eq_liab, c, -1}};
      con.what = Trim(t.rows[assets].label) + " = " + Trim(t.rows[eq_liab].label);
      out.push_back(std::move(con));
    }
  }

  // Equity rolled forward: closing equity = opening equity + the changes
  // printed between them ("Ingående eget kapital" / "Årets resultat" /
  // "Utgående eget kapital"), per column. Only where one to four money rows
  // stand between the two and none of them is a sum or a varav row (a
  // table that prints more between them is no plain roll-forward).
  int opening = FindRow(t, "^(ingaende eget kapital|eget kapital vid (a|4)rets (borjan|ingang)|"
                           "eget kapital vid periodens (borjan|ingang)|eget kapital,? 1 januari)");
  if (opening >= 0) {
    int closing = FindRow(t, "^(utgaende eget kapital|eget kapital vid (a|4)rets (slut|utgang)|"
                             "eget kapital vid periodens (slut|utgang)|eget kapital,? 31 december)", opening + 1);
    std::vector<int> between;
    bool plain = closing > opening + 1;
    for (int i = opening + 1; plain && i < closing; ++i) {
      const TableRow& r = t.rows[i];
      if (!RowHasMoney(t, r)) continue;
      if (IsSumLabel(r.label) || IsVaravLabel(r.label) || r.is_total) plain = false;
      between.push_back(i);
    }
    if (plain && !between.empty() && between.size() <= 4) {
      for (int c : s.amount_cols) {
        if (!CellPresent(t, closing, c) || !CellPresent(t, opening, c)) continue;
        Constraint con;
        con.rule = kRuleEquityRollForward;
        con.terms = {{closing, c, 1}, {opening, c, -1}};
        std::string what = Trim(t.rows[closing].label) + " = " + Trim(t.rows[opening].label);
        for (int b : between) {
          con.terms.push_back({b, c, -1});
          what += " + " + Trim(t.rows[b].label);
        }
        con.tolerance = s.step;
        con.what = what;
        out.push_back(std::move(con));
      }
    }
  }

  // Cash flow ties to the change in cash.
  // ("Likvida medel och avräkningskonto vid årets slut": a brf's cash at
  // its manager's account counts with it.)
  int end = FindRow(t, "likvida medel( och [a-z ]{3,30})? vid (a|4)rets slut|likvida medel vid periodens slut");
  int start = FindRow(t, "likvida medel( och [a-z ]{3,30})? vid (a|4)rets b(o|e)rjan|likvida medel vid periodens b");
  int flow = FindRow(t, "^(a|4)rets kassaflode|^periodens kassaflode");
  if (end >= 0 && start >= 0 && flow >= 0) {
    for (int c : s.amount_cols) {
      if (!CellPresent(t, end, c)) continue;
      Constraint con;
      con.rule = kRuleCashTies;
      con.terms = {{end, c, 1}, {start, c, -1}, {flow, c, -1}};
      con.tolerance = s.step;
      con.what = Trim(t.rows[end].label) + " = " + Trim(t.rows[start].label) + " + " + Trim(t.rows[flow].label);
      out.push_back(std::move(con));
    }
  }
  return out;
}

std::optional<double> Residual(const Constraint& c, const CellValueFn& value) {
  double r = 0;
  for (const Term& term : c.terms) {
    std::optional<double> v = value(term.row, term.col);
    if (!v) return std::nullopt;
    r += term.coef * *v;
  }
  return r;
}

std::optional<double> Residual(const FinancialTable& t, const Constraint& c) {
  return Residual(c, [&t](int row, int col) { return CellValue(t, row, col); });
}

const Term* TermAt(const Constraint& c, int row, int col) {
  for (const Term& term : c.terms)
    if (term.row == row && term.col == col) return &term;
  return nullptr;
}

std::optional<double> ResidualWithCellAs(const FinancialTable& t, const Constraint& c, int row, int col, double v) {
  return Residual(c, [&](int r, int k) -> std::optional<double> {
    if (r == row && k == col) return v;
    return CellValue(t, r, k);
  });
}

bool WithinTolerance(const Constraint& c, double residual) { return std::fabs(residual) <= c.tolerance + 1e-9; }

bool Holds(const FinancialTable& t, const Constraint& c) {
  std::optional<double> r = Residual(t, c);
  return r && WithinTolerance(c, *r);
}

double ValueThatHolds(const Term& term, double found, double residual) { return found - residual / term.coef; }

bool TouchesRow(const Constraint& c, int row) {
  for (const Term& t : c.terms)
    if (t.row == row) return true;
  return false;
}

std::optional<double> ValueTheChecksNeed(const FinancialTable& t, const std::vector<const Constraint*>& cons, int row,
                                         int col, std::vector<const Constraint*>* used) {
  std::optional<double> needed;
  for (const Constraint* c : cons) {
    const Term* mine = TermAt(*c, row, col);
    if (!mine) continue;
    std::optional<double> residual = ResidualWithCellAs(t, *c, row, col, 0);
    if (!residual) continue;  // another cell of this sum is unreadable too
    double v = ValueThatHolds(*mine, 0, *residual);
    if (needed && std::fabs(*needed - v) > c->tolerance + 1e-9) return std::nullopt;  // the sums disagree
    if (!needed) needed = v;
    if (used) used->push_back(c);
  }
  return needed;
}

const Term* LoneEmptyTerm(const FinancialTable& t, const Constraint& c) {
  const Term* empty = nullptr;
  int n_empty = 0;
  for (const Term& term : c.terms) {
    if (CellPresent(t, term.row, term.col)) continue;
    bool row_has = false;
    for (const TableCell& cell : t.rows[term.row].cells) row_has = row_has || cell.present;
    if (row_has) {
      empty = &term;
      ++n_empty;
    }
  }
  return n_empty == 1 ? empty : nullptr;
}

ReadingScore ScoreReading(const FinancialTable& t) {
  return ScoreReading(t, [](int) { return false; });
}

ReadingScore ScoreReading(const FinancialTable& t, const std::function<bool(int row)>& guessed) {
  ReadingScore s;
  std::vector<const Constraint*> holding;
  const std::vector<Constraint> cons = TableConstraints(t);
  for (const Constraint& c : cons) {
    std::optional<double> r = Residual(t, c);
    if (!r) continue;
    // An identity within one row vouches for no reading when its terms are
    // all zero (000 − 000 = 000 under Avvikelse = Utfall − Budget, for the
    // lower line of figures wrapped in their cells read as a row of its
    // own), nor when it holds between two printed figures alone (a Totalt
    // equal to the one year filled: the last digits of a figure and of its
    // Totalt wrapped onto a line of their own, "6" and "6" under 18,806 and
    // 45,446, agree by construction).
    const bool one_row =
        std::all_of(c.terms.begin(), c.terms.end(), [&](const Term& term) { return term.row == c.terms.front().row; });
    if (one_row && WithinTolerance(c, *r)) {
      const bool all_zero = std::all_of(c.terms.begin(), c.terms.end(), [&](const Term& term) {
        std::optional<double> v = CellValue(t, term.row, term.col);
        return v && *v == 0;
      });
      const auto present = std::count_if(c.terms.begin(), c.terms.end(),
                                         [&](const Term& term) { return CellPresent(t, term.row, term.col); });
      if (all_zero || present <= 2) continue;
    }
    if (WithinTolerance(c, *r)) {
      holding.push_back(&c);
      s.slack += std::fabs(*r);
    } else {
      ++s.fails;
    }
  }
  // A hold counts when it reaches a figure that was not guessed, directly or
  // through other holds (a chain of result rows that starts at a sum of
  // printed rows); the cells of a counted hold reach it in turn.
  std::set<std::pair<int, int>> anchored;
  std::vector<bool> counted(holding.size(), false);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t k = 0; k < holding.size(); ++k) {
      if (counted[k]) continue;
      bool reaches = false;
      for (const Term& term : holding[k]->terms)
        reaches = reaches || !guessed(term.row) || anchored.count({term.row, term.col}) > 0;
      // An identity among three or more figures of one line (Avvikelse =
      // Budget − Utfall, a Totalt column) vouches for that line's grouping
      // on its own: it holds by chance for almost no wrong split, and it
      // links no guessed row to another.
      const std::vector<Term>& terms = holding[k]->terms;
      reaches = reaches || (terms.size() >= 3 && std::all_of(terms.begin(), terms.end(), [&](const Term& x) {
                              return x.row == terms.front().row;
                            }));
      if (!reaches) continue;
      counted[k] = true;
      changed = true;
      ++s.holds;
      for (const Term& term : holding[k]->terms) anchored.insert({term.row, term.col});
    }
  }
  return s;
}

std::vector<Constraint> FailingConstraints(const FinancialTable& t, const std::vector<Constraint>& cons) {
  std::vector<Constraint> out;
  for (const Constraint& c : cons) {
    std::optional<double> r = Residual(t, c);
    if (r && !WithinTolerance(c, *r)) out.push_back(c);
  }
  return out;
}

}  // namespace finsam
