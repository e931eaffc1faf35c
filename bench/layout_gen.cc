// layout_gen: the layout-variation generator of issue 16 (a test-data tool,
// not part of the product; see docs/layout_variants.md).
//
// From the hand-checked golden facts of the corpus documents
// (tests/golden/*.text.facts.tsv) it renders the same financial tables in
// many layouts, one HTML document per variant, and writes beside each the
// facts a correct reader must find (amounts in whole kronor, whatever unit the
// variant prints) and the document's metadata. bench/gen_layouts.sh turns the
// HTML into born-digital PDFs (headless Chromium), scans and OCR text dumps.
//
// Deterministic: the same --seed and --count give byte-identical output (one
// std::mt19937 draws every choice through `% n`, which, unlike the standard
// distributions, is the same on every library).
//
//   layout_gen --golden tests/golden --out DIR [--count 220] [--seed 16]
//              [--only ID,ID...]
//
// Output per variant ID (e.g. `v017-wrap`): DIR/ID.html and DIR/ID.expected.tsv.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// One column of a table as the golden facts name it. kind: budget, plan,
// utfall, prognos, totalt (year 0 = multi-year), avvikelse (year compared).
struct Col {
  int year = 0;
  std::string kind;
  bool operator==(const Col& o) const { return year == o.year && kind == o.kind; }
};

struct Row {
  std::string section;   // golden section ("Tillgångar / Omsättningstillgångar")
  std::string label;
  std::string category;  // empty when the golden file says NULL
  bool total = false;
  std::map<int, int64_t> cells;  // column index -> amount in kr
};

struct Meta {
  std::string forbund, kind;
  int year_from = 0, year_to = 0;
  std::string org_line;    // how the förbund is printed on the title page
  std::string doc_title;   // the document title as printed
};

struct Table {
  std::string source;  // golden file stem + title, for the record
  std::string title;   // the title without a unit ("Budget 2020–2022")
  std::vector<Col> cols;
  std::vector<Row> rows;
  Meta meta;
};

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

// Strips a trailing ", tkr" / ", Tkr" from a golden title: the unit is one of
// the things a variant chooses.
std::string TitleWithoutUnit(std::string t) {
  for (const char* suffix : {", tkr", ", Tkr"}) {
    std::string s = suffix;
    if (t.size() > s.size() && t.compare(t.size() - s.size(), s.size(), s) == 0) {
      t.resize(t.size() - s.size());
    }
  }
  // "Budget 2020-2022" printed with an en dash, as documents do.
  auto dash = t.find("-20");
  if (dash != std::string::npos && dash >= 4 && isdigit(static_cast<unsigned char>(t[dash - 1]))) {
    t.replace(dash, 1, "\u2013");
  }
  return t;
}

// Reads one golden file: tables keyed by title, in file order; only money
// cells (percent and count cells have no amount and are left out).
std::vector<Table> ReadGolden(const fs::path& path, const std::string& stem) {
  std::ifstream in(path);
  std::vector<Table> tables;
  std::map<std::string, size_t> by_title;
  std::string line;
  while (std::getline(in, line)) {
    auto f = Split(line, '\t');
    if (f.size() < 13 || f[11] == "NULL" || f[5].empty()) continue;
    const std::string& title = f[1];
    if (!by_title.count(title)) {
      by_title[title] = tables.size();
      Table t;
      t.source = stem + ": " + title;
      t.title = TitleWithoutUnit(title);
      tables.push_back(t);
    }
    Table& t = tables[by_title[title]];
    Col c{f[8] == "NULL" ? 0 : std::atoi(f[8].c_str()), f[9]};
    size_t ci = std::find(t.cols.begin(), t.cols.end(), c) - t.cols.begin();
    if (ci == t.cols.size()) t.cols.push_back(c);
    // Rows are contiguous in the golden file; a label seen again after
    // another one, or a second value for the same column, starts a new row.
    if (t.rows.empty() || t.rows.back().label != f[5] || t.rows.back().section != f[4] ||
        t.rows.back().cells.count(static_cast<int>(ci))) {
      t.rows.push_back(Row{f[4], f[5], f[6] == "NULL" ? "" : f[6], f[7] == "1", {}});
    }
    Row* row = &t.rows.back();
    row->cells[static_cast<int>(ci)] = std::stoll(f[11]);
  }
  return tables;
}

// Orders a table's columns by year then the golden order (the golden file
// lists cells row by row, so a column first seen late may belong earlier).
void SortColumns(Table& t, bool newest_first) {
  std::vector<int> idx(t.cols.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = static_cast<int>(i);
  std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) {
    return newest_first ? t.cols[a].year > t.cols[b].year : t.cols[a].year < t.cols[b].year;
  });
  std::vector<Col> cols;
  std::map<int, int> remap;
  for (size_t i = 0; i < idx.size(); ++i) {
    cols.push_back(t.cols[idx[i]]);
    remap[idx[i]] = static_cast<int>(i);
  }
  for (auto& r : t.rows) {
    std::map<int, int64_t> cells;
    for (auto& [c, v] : r.cells) cells[remap[c]] = v;
    r.cells = cells;
  }
  t.cols = cols;
}

const Row* FindRow(const Table& t, const std::string& label) {
  for (const auto& r : t.rows)
    if (r.label == label) return &r;
  return nullptr;
}

// The source tables the variants draw from. Golden tables with a single row,
// no label, or more than six columns are left out; a Budget-vs-Utfall
// driftredovisning is composed from two golden tables of the same document
// (Budget 2020 from its Driftsredovisning, Utfall 2020 from its five-year
// overview) so that an Avvikelse column has something to compare.
std::vector<Table> SourceTables(const fs::path& golden_dir) {
  struct Doc {
    const char* stem;
    Meta meta;
  };
  const std::vector<Doc> docs = {
      {"jamtland-vp-2019",
       {"Samordningsförbundet i Jämtlands län", "verksamhetsplan", 2019, 2021,
        "Samordningsförbundet i Jämtlands län", "Verksamhetsplan och budget 2019–2021"}},
      {"gavleborg-vp-2020",
       {"Samordningsförbundet Gävleborg", "verksamhetsplan", 2020, 2022,
        "Samordningsförbund Gävleborg", "Verksamhetsplan och budget 2020–2022"}},
      {"gavleborg-ar-2020",
       {"Samordningsförbundet Gävleborg", "årsredovisning", 2020, 2020,
        "Samordningsförbund Gävleborg", "Årsredovisning 2020"}},
  };
  std::vector<Table> out;
  for (const auto& d : docs) {
    auto tables = ReadGolden(golden_dir / (std::string(d.stem) + ".text.facts.tsv"), d.stem);
    const Table* drift = nullptr;
    const Table* overview = nullptr;
    for (auto& t : tables) {
      t.meta = d.meta;
      if (t.title.find("Driftsredovisning") != std::string::npos) drift = &t;
      if (t.title.find("Översikt") != std::string::npos) overview = &t;
      bool keep = t.rows.size() >= 3 && t.cols.size() <= 6;
      for (const auto& c : t.cols) keep = keep && (c.kind != "andel");
      if (t.title.find("Viktiga") != std::string::npos) keep = false;  // insatser, andel columns
      if (!keep) continue;
      Table copy = t;
      SortColumns(copy, copy.meta.kind == "årsredovisning");
      out.push_back(copy);
    }
    if (drift != nullptr && overview != nullptr) {
      Table t;
      t.source = std::string(d.stem) + ": composed Budget 2020 (Driftsredovisning) + Utfall 2020 (Översikt)";
      t.title = "Driftredovisning 2020";
      t.meta = d.meta;
      t.cols = {{2020, "budget"}, {2020, "utfall"}};
      const std::vector<std::pair<std::string, std::string>> pairs = {
          {"Intäkter/bidrag", "Verksamhetens intäkter"},
          {"Kostnader", "Verksamhetens kostnader"},
          {"Resultat", "Årets resultat"}};
      int ib = -1, iu = -1;
      for (size_t i = 0; i < drift->cols.size(); ++i)
        if (drift->cols[i] == Col{2020, "budget"}) ib = static_cast<int>(i);
      for (size_t i = 0; i < overview->cols.size(); ++i)
        if (overview->cols[i] == Col{2020, "utfall"}) iu = static_cast<int>(i);
      bool ok = ib >= 0 && iu >= 0;
      for (const auto& [bl, ul] : pairs) {
        const Row* br = FindRow(*drift, bl);
        const Row* ur = FindRow(*overview, ul);
        if (!br || !ur || !br->cells.count(ib) || !ur->cells.count(iu)) {
          ok = false;
          break;
        }
        Row r{"", bl, br->category, br->total, {}};
        r.cells[0] = br->cells.at(ib);
        r.cells[1] = ur->cells.at(iu);
        t.rows.push_back(r);
      }
      if (ok) out.push_back(t);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Variant choices.

enum class Unit { kKr, kTkr, kMkr };
const char* UnitName(Unit u) { return u == Unit::kKr ? "kr" : u == Unit::kTkr ? "tkr" : "mkr"; }

struct Layout {
  std::string cls;
  std::string font = "DejaVu Sans";
  double size_pt = 10;
  std::string border = "grid";      // grid | none | rules
  bool narrow_numbers = false;      // numbers wrap inside their cells
  bool narrow_labels = false;       // labels wrap
  std::string header = "one";       // one ("Budget 2020") | two (kinds row, years row) | two_span (kinds merged)
  bool unit_row = false;            // a row holding the unit under the header
  std::string order = "golden";     // golden | reversed | shuffled
  bool add_totalt = false, add_avvikelse = false;
  bool page_break = false;          // table split over two pages
  bool repeat_header = true;        // the continuation repeats the header
  Unit unit = Unit::kTkr;
  std::string unit_place = "title"; // title | header_cell | sentence | unit_row
  std::string thousands = " ";      // " " | "\u00a0" | ""
  std::string minus = "-";          // "-" | "\u2212" | "\u2013"
  int title_form = 0;               // metadata: how the title page words the plan period

  std::string Describe() const {
    std::ostringstream o;
    o << "font=" << font << ";size=" << size_pt << ";border=" << border
      << ";narrow_numbers=" << narrow_numbers << ";narrow_labels=" << narrow_labels
      << ";header=" << header << ";unit_row=" << unit_row << ";order=" << order
      << ";totalt=" << add_totalt << ";avvikelse=" << add_avvikelse << ";page_break=" << page_break
      << ";repeat_header=" << repeat_header << ";unit=" << UnitName(unit)
      << ";unit_place=" << unit_place << ";thousands="
      << (thousands == " " ? "space" : thousands.empty() ? "none" : "nbsp")
      << ";minus=" << (minus == "-" ? "hyphen" : minus == "\u2212" ? "minus" : "endash")
      << ";title_form=" << title_form;
    return o.str();
  }
};

const std::vector<std::string> kClasses = {"plain",  "wrap",      "header2", "order",
                                           "extra",  "pagebreak", "font",    "unit",
                                           "borderless", "numfmt", "meta",   "mixed"};

class Rng {
 public:
  explicit Rng(uint32_t seed) : g_(seed) {}
  int Pick(int n) { return static_cast<int>(g_() % static_cast<uint32_t>(n)); }
  bool Coin(int percent) { return Pick(100) < percent; }
  template <typename T>
  const T& Of(const std::vector<T>& v) { return v[Pick(static_cast<int>(v.size()))]; }

 private:
  std::mt19937 g_;
};

const std::vector<std::string> kFonts = {"DejaVu Sans", "DejaVu Serif", "Liberation Sans",
                                         "Liberation Serif", "DejaVu Sans Mono",
                                         "DejaVu Sans Condensed"};

void ApplyClass(const std::string& cls, Rng& rng, Layout& l) {
  auto wrap = [&] {
    l.narrow_numbers = true;
    l.narrow_labels = rng.Coin(60);
  };
  auto header2 = [&] {
    l.header = rng.Coin(50) ? "two" : "two_span";
    l.unit_row = rng.Coin(50);
    if (l.unit_row) l.unit_place = "unit_row";
  };
  auto order = [&] { l.order = rng.Coin(50) ? "reversed" : "shuffled"; };
  auto extra = [&] {
    l.add_totalt = true;
    l.add_avvikelse = true;
  };
  auto pagebreak = [&] {
    l.page_break = true;
    l.repeat_header = rng.Coin(50);
  };
  auto font = [&] {
    l.font = rng.Of(kFonts);
    const std::vector<double> sizes = {7, 8, 9, 11, 12};
    l.size_pt = rng.Of(sizes);
  };
  auto unit = [&] {
    const std::vector<Unit> units = {Unit::kKr, Unit::kTkr, Unit::kMkr};
    l.unit = rng.Of(units);
    const std::vector<std::string> places = {"title", "header_cell", "sentence", "unit_row"};
    l.unit_place = rng.Of(places);
    if (l.unit_place == "unit_row") l.unit_row = true;
  };
  auto numfmt = [&] {
    const std::vector<std::string> th = {" ", "\u00a0", ""};
    const std::vector<std::string> mi = {"-", "\u2212", "\u2013"};
    l.thousands = rng.Of(th);
    l.minus = rng.Of(mi);
  };
  if (cls == "plain") return;
  if (cls == "wrap") wrap();
  if (cls == "header2") header2();
  if (cls == "order") order();
  if (cls == "extra") extra();
  if (cls == "pagebreak") pagebreak();
  if (cls == "font") font();
  if (cls == "unit") unit();
  if (cls == "borderless") {
    l.border = rng.Coin(50) ? "none" : "rules";
  }
  if (cls == "numfmt") numfmt();
  if (cls == "meta") l.title_form = 1 + rng.Pick(4);
  if (cls == "mixed") {
    if (rng.Coin(40)) wrap();
    if (rng.Coin(40)) header2();
    if (rng.Coin(30)) order();
    if (rng.Coin(40)) extra();
    if (rng.Coin(30)) pagebreak();
    if (rng.Coin(50)) font();
    if (rng.Coin(50) && l.unit_place != "unit_row") unit();
    if (rng.Coin(40)) l.border = rng.Coin(50) ? "none" : "rules";
    if (rng.Coin(30)) numfmt();
  }
}

// ---------------------------------------------------------------------------
// Rendering.

std::string Html(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '<') o += "&lt;";
    else if (c == '>') o += "&gt;";
    else if (c == '&') o += "&amp;";
    else o += c;
  }
  return o;
}

// An amount in kr printed in the variant's unit and number format. Amounts
// in the corpus are whole tkr, so tkr and kr are exact and mkr needs at most
// three decimals (trailing zeros dropped, decimal comma).
std::string FormatAmount(int64_t kr, const Layout& l) {
  bool neg = kr < 0;
  int64_t a = neg ? -kr : kr;
  int64_t whole = a, frac = 0;
  int frac_digits = 0;
  if (l.unit == Unit::kTkr) {
    whole = a / 1000;
    frac = a % 1000;
    frac_digits = 3;
  } else if (l.unit == Unit::kMkr) {
    whole = a / 1000000;
    frac = a % 1000000;
    frac_digits = 6;
  }
  std::string digits = std::to_string(whole);
  std::string grouped;
  int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) grouped += l.thousands;
    grouped += digits[i];
  }
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f = std::string(frac_digits - f.size(), '0') + f;
    while (!f.empty() && f.back() == '0') f.pop_back();
    grouped += "," + f;
  }
  return (neg ? l.minus : "") + grouped;
}

std::string KindWord(const std::string& kind) {
  if (kind == "budget") return "Budget";
  if (kind == "plan") return "Plan";
  if (kind == "utfall") return "Utfall";
  if (kind == "prognos") return "Prognos";
  if (kind == "totalt") return "Totalt";
  if (kind == "avvikelse") return "Avvikelse";
  return kind;
}

std::string UnitWord(Unit u, Rng& rng) {
  if (u == Unit::kKr) return rng.Coin(50) ? "kr" : "Kronor";
  if (u == Unit::kTkr) return rng.Coin(50) ? "tkr" : "Tkr";
  return rng.Coin(50) ? "mkr" : "Mnkr";
}

std::string UnitSentence(Unit u, Rng& rng) {
  if (u == Unit::kKr) return rng.Coin(50) ? "Belopp i kr." : "Alla belopp anges i kronor.";
  if (u == Unit::kTkr) return rng.Coin(50) ? "Belopp i tkr." : "Alla belopp anges i tusentals kronor (tkr).";
  return rng.Coin(50) ? "Belopp i mkr." : "Alla belopp anges i miljoner kronor (mnkr).";
}

struct Expected {
  std::string label, category;
  int year;
  std::string kind;
  int64_t amount;
  std::string printed;
};

// Builds the variant's table (added columns, column order) and its expected
// facts; renders it as HTML.
struct Variant {
  std::string id;
  Layout layout;
  Table table;
  std::vector<Expected> expected;
  std::string css, body, html;
  int pages = 1;  // pages the variant prints on (the page_break class: 2)
};

const char* kPageCss = "@page { size: A4; margin: 20mm 18mm; }\nbody { margin: 0; }\n";

void AddColumns(Table& t, Layout& l) {
  // Totalt: the sum of the year columns of a multi-year plan (budget/plan).
  std::vector<int> plan_cols;
  for (size_t i = 0; i < t.cols.size(); ++i)
    if (t.cols[i].kind == "budget" || t.cols[i].kind == "plan") plan_cols.push_back(static_cast<int>(i));
  std::set<int> plan_years;
  for (int c : plan_cols) plan_years.insert(t.cols[c].year);
  if (l.add_totalt && plan_cols.size() >= 2 && plan_years.size() == plan_cols.size()) {
    int ti = static_cast<int>(t.cols.size());
    t.cols.push_back({0, "totalt"});
    for (auto& r : t.rows) {
      bool all = true;
      int64_t sum = 0;
      for (int c : plan_cols) {
        if (!r.cells.count(c)) all = false;
        else sum += r.cells[c];
      }
      if (all) r.cells[ti] = sum;
    }
  } else {
    l.add_totalt = false;
  }
  // Avvikelse: Utfall − Budget of the same year.
  int b = -1, u = -1;
  for (size_t i = 0; i < t.cols.size(); ++i) {
    if (t.cols[i].kind == "budget") b = static_cast<int>(i);
    if (t.cols[i].kind == "utfall" && b >= 0 && t.cols[i].year == t.cols[b].year) u = static_cast<int>(i);
  }
  if (l.add_avvikelse && b >= 0 && u >= 0) {
    int ai = static_cast<int>(t.cols.size());
    t.cols.push_back({t.cols[b].year, "avvikelse"});
    for (auto& r : t.rows)
      if (r.cells.count(b) && r.cells.count(u)) r.cells[ai] = r.cells[u] - r.cells[b];
  } else {
    l.add_avvikelse = false;
  }
}

std::vector<int> ColumnOrder(const Table& t, const Layout& l, Rng& rng) {
  std::vector<int> order(t.cols.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  if (l.order == "reversed") std::reverse(order.begin(), order.end());
  if (l.order == "shuffled") {
    for (int i = static_cast<int>(order.size()) - 1; i > 0; --i) std::swap(order[i], order[rng.Pick(i + 1)]);
  }
  return order;
}

std::string YearText(const Table& t, const Col& c) {
  if (c.kind == "totalt") {
    int lo = 9999, hi = 0;
    for (const auto& o : t.cols)
      if (o.year > 0 && o.kind != "avvikelse") lo = std::min(lo, o.year), hi = std::max(hi, o.year);
    return std::to_string(lo) + "\u2013" + std::to_string(hi);
  }
  return std::to_string(c.year);
}

std::string DocTitle(const Meta& m, int form) {
  if (form == 0 || m.kind != "verksamhetsplan") return m.doc_title;
  std::string a = std::to_string(m.year_from), b = std::to_string(m.year_from + 1),
              c = std::to_string(m.year_to);
  switch (form) {
    case 1: return "Budget " + a + " med plan för " + b + "-" + c;
    case 2: return "Verksamhetsplan med budget " + a + " och plan " + b + "\u2013" + c;
    case 3: return "Verksamhetsplan " + a + "\u2013" + c;
    default: return "Verksamhetsplan och budget för " + a + " samt plan för " + b + " och " + c;
  }
}

void Render(Variant& v, Rng& rng) {
  Table& t = v.table;
  Layout& l = v.layout;
  AddColumns(t, l);
  std::vector<int> order = ColumnOrder(t, l, rng);
  if (l.title_form > 0) {
    // The meta class also prints the förbund under one of its other names
    // (data/forbund_registry.tsv aliases); the expected name stays canonical.
    const bool jamtland = t.meta.forbund.find("Jämtland") != std::string::npos;
    const std::vector<std::string> names =
        jamtland ? std::vector<std::string>{"Samordningsförbundet Jämtlands län", "Samordningsförbundet Jämtland",
                                            "Finsam Jämtland"}
                 : std::vector<std::string>{"Samordningsförbund Gävleborg", "Finsam Gävleborg",
                                            "Samordningsförbundet i Gävleborg"};
    t.meta.org_line = rng.Of(names);
  }
  std::string unit_word = UnitWord(l.unit, rng);

  // Expected facts, in the table's row order.
  for (const auto& r : t.rows)
    for (int c : order)
      if (r.cells.count(c))
        v.expected.push_back({r.label, r.category, t.cols[c].year, t.cols[c].kind, r.cells.at(c),
                              FormatAmount(r.cells.at(c), l)});

  // Widths: narrow number cells fit the longest digit group, so `13 320`
  // wraps as `13` over `320` and `2,906` as `2,` over `906`.
  std::string num_width = "9ch";
  if (l.narrow_numbers) num_width = l.unit == Unit::kMkr ? "2.6ch" : "3.4ch";
  std::string label_width = l.narrow_labels ? "11ch" : "auto";

  // CSS scoped to the variant's class, so that bench/gen_layouts.sh can print
  // many variants as one document (one Chromium start) and split the pages.
  const std::string s = "." + v.id + " ";
  std::ostringstream css;
  css << "." << v.id << " { font-family: '" << l.font << "'; font-size: " << l.size_pt << "pt; }\n"
      << s << "h1 { font-size: 1.6em; } " << s << "h2 { font-size: 1.2em; margin-top: 1.2em; }\n"
      << s << "table { border-collapse: collapse; table-layout: "
      << (l.narrow_numbers ? "fixed" : "auto") << "; }\n"
      << s << "td, " << s << "th { padding: 2px 6px; vertical-align: top; font-weight: normal; }\n"
      << s << "th { text-align: right; } " << s << "th.lab, " << s << "td.lab { text-align: left; width: "
      << label_width << "; }\n"
      << s << "td.num { text-align: right; width: " << num_width << "; "
      << (l.narrow_numbers ? "overflow-wrap: anywhere; " : "white-space: nowrap; ") << "}\n"
      << s << "th.num { width: " << num_width << "; }\n"
      << s << "tr.sum td { font-weight: bold; } " << s << "tr.sec td { font-style: italic; font-weight: bold; }\n";
  if (l.border == "grid") css << s << "td, " << s << "th { border: 1px solid #000; }\n";
  if (l.border == "rules")
    css << s << "tr.hdr-last th { border-bottom: 1px solid #000; } " << s
        << "tr.sum td { border-top: 1px solid #000; }\n";
  v.css = css.str();

  std::ostringstream h;
  h << "<p>" << Html(t.meta.org_line) << "</p>\n";
  h << "<h1>" << Html(DocTitle(t.meta, l.title_form)) << "</h1>\n";
  h << "<p>Förbundets ekonomi redovisas nedan. Tabellen visar "
    << (t.meta.kind == "årsredovisning" ? "utfall och jämförelser" : "budget och plan")
    << " för förbundets verksamhet.</p>\n";

  std::string title = t.title;
  if (l.unit_place == "title") title += ", " + unit_word;
  h << "<h2>" << Html(title) << "</h2>\n";
  if (l.unit_place == "sentence") h << "<p>" << UnitSentence(l.unit, rng) << "</p>\n";

  auto header_rows = [&]() {
    std::ostringstream o;
    std::string corner = l.unit_place == "header_cell" ? unit_word : "";
    bool two = l.header != "one";
    if (!two) {
      o << "<tr class=\"hdr-last\"><th class=\"lab\">" << Html(corner) << "</th>";
      for (int c : order) {
        const Col& col = t.cols[c];
        o << "<th class=\"num\">" << KindWord(col.kind) << " " << YearText(t, col) << "</th>";
      }
      o << "</tr>\n";
    } else {
      o << "<tr><th class=\"lab\">" << Html(corner) << "</th>";
      for (size_t i = 0; i < order.size(); ++i) {
        const Col& col = t.cols[order[i]];
        size_t span = 1;
        if (l.header == "two_span")
          while (i + span < order.size() && t.cols[order[i + span]].kind == col.kind) ++span;
        o << "<th class=\"num\"" << (span > 1 ? " colspan=\"" + std::to_string(span) + "\"" : "")
          << (span > 1 ? " style=\"text-align:center\"" : "") << ">" << KindWord(col.kind) << "</th>";
        i += span - 1;
      }
      o << "</tr>\n<tr" << (l.unit_row ? "" : " class=\"hdr-last\"") << "><th class=\"lab\"></th>";
      for (int c : order) o << "<th class=\"num\">" << YearText(t, t.cols[c]) << "</th>";
      o << "</tr>\n";
    }
    if (l.unit_row) {
      o << "<tr class=\"hdr-last\"><th class=\"lab\">" << Html(unit_word) << "</th>";
      for (size_t i = 0; i < order.size(); ++i) o << "<th class=\"num\"></th>";
      o << "</tr>\n";
    }
    return o.str();
  };

  auto body_rows = [&](size_t from, size_t to, std::string& last_section) {
    std::ostringstream o;
    for (size_t i = from; i < to; ++i) {
      const Row& r = t.rows[i];
      if (r.section != last_section) {
        // "Tillgångar / Omsättningstillgångar": one section row per level not
        // already printed.
        auto now = Split(r.section, '/');
        auto before = Split(last_section, '/');
        for (size_t k = 0; k < now.size(); ++k) {
          std::string s = now[k];
          while (!s.empty() && s.front() == ' ') s.erase(s.begin());
          while (!s.empty() && s.back() == ' ') s.pop_back();
          if (s.empty() || (k < before.size() && before[k] == now[k])) continue;
          o << "<tr class=\"sec\"><td class=\"lab\">" << Html(s) << "</td>";
          for (size_t j = 0; j < order.size(); ++j) o << "<td class=\"num\"></td>";
          o << "</tr>\n";
        }
        last_section = r.section;
      }
      o << "<tr" << (r.total ? " class=\"sum\"" : "") << "><td class=\"lab\">" << Html(r.label)
        << "</td>";
      for (int c : order) {
        o << "<td class=\"num\">";
        if (r.cells.count(c)) o << Html(FormatAmount(r.cells.at(c), l));
        o << "</td>";
      }
      o << "</tr>\n";
    }
    return o.str();
  };

  std::string last_section;
  size_t split = l.page_break ? std::max<size_t>(1, t.rows.size() / 2) : t.rows.size();
  h << "<table>\n<thead>\n" << header_rows() << "</thead>\n<tbody>\n"
    << body_rows(0, split, last_section) << "</tbody>\n</table>\n";
  if (split < t.rows.size()) {
    h << "<div style=\"break-before: page\"></div>\n<table>\n";
    if (l.repeat_header) h << "<thead>\n" << header_rows() << "</thead>\n";
    h << "<tbody>\n" << body_rows(split, t.rows.size(), last_section) << "</tbody>\n</table>\n";
  }
  h << "<p>Styrelsen har fastställt " << (t.meta.kind == "årsredovisning" ? "årsredovisningen" : "budgeten")
    << ".</p>\n";
  v.body = h.str();
  v.pages = l.page_break ? 2 : 1;
  v.html = "<!doctype html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">\n<title>" +
           Html(DocTitle(t.meta, l.title_form)) + "</title>\n<style>\n" + kPageCss + v.css +
           "</style></head><body>\n<div class=\"" + v.id + "\">\n" + v.body + "</div>\n</body></html>\n";
}

void WriteVariant(const fs::path& dir, const Variant& v) {
  std::ofstream(dir / (v.id + ".html")) << v.html;
  std::ofstream e(dir / (v.id + ".expected.tsv"));
  const Meta& m = v.table.meta;
  e << "# finsam layout variant (bench/layout_gen.cc); amounts in kr\n"
    << "# id\t" << v.id << "\n# class\t" << v.layout.cls << "\n# features\t" << v.layout.Describe()
    << "\n# source\t" << v.table.source << "\n# meta.forbund\t" << m.forbund << "\n# meta.kind\t"
    // A title page that opens "Budget 2020 med plan för …" makes a budget document.
    << (v.layout.title_form == 1 && m.kind == "verksamhetsplan" ? "budget" : m.kind) << "\n# meta.year_from\t" << m.year_from << "\n# meta.year_to\t" << m.year_to << "\n"
    << "label\tcategory\tyear\tkind\tamount_sek\tprinted\n";
  for (const auto& x : v.expected)
    e << x.label << "\t" << x.category << "\t" << x.year << "\t" << x.kind << "\t" << x.amount << "\t"
      << x.printed << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  fs::path golden = "tests/golden", out;
  int count = 220;
  size_t batch = 40;
  uint32_t seed = 16;
  std::set<std::string> only;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "layout_gen: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--golden") golden = next();
    else if (a == "--out") out = next();
    else if (a == "--count") count = std::atoi(next().c_str());
    else if (a == "--batch") batch = static_cast<size_t>(std::max(1, std::atoi(next().c_str())));
    else if (a == "--seed") seed = static_cast<uint32_t>(std::atoll(next().c_str()));
    else if (a == "--only") {
      for (const auto& s : Split(next(), ',')) only.insert(s);
    } else {
      std::cerr << "usage: layout_gen --golden DIR --out DIR [--count N] [--seed S] [--only ID,...]\n";
      return 2;
    }
  }
  if (out.empty() || count <= 0) {
    std::cerr << "usage: layout_gen --golden DIR --out DIR [--count N] [--seed S] [--only ID,...]\n";
    return 2;
  }
  auto sources = SourceTables(golden);
  if (sources.empty()) {
    std::cerr << "layout_gen: no tables read from " << golden << "\n";
    return 1;
  }
  fs::create_directories(out);
  std::vector<Variant> variants;
  for (int i = 0; i < count; ++i) {
    // Each variant has its own stream, so one variant does not depend on the
    // draws of the ones before it (--only regenerates it alone).
    Rng rng(seed * 100003u + static_cast<uint32_t>(i));
    Variant v;
    v.layout.cls = kClasses[i % kClasses.size()];
    char id[64];
    std::snprintf(id, sizeof id, "v%03d-%s", i, v.layout.cls.c_str());
    v.id = id;
    v.table = sources[(i / kClasses.size() + i) % sources.size()];
    if (v.layout.cls == "extra") {
      // Extra columns need a multi-year plan or a Budget/Utfall pair.
      std::vector<const Table*> fit;
      for (const auto& s : sources) {
        int plans = 0;
        bool utfall_budget = false;
        for (const auto& c : s.cols) plans += c.kind == "budget" || c.kind == "plan";
        for (const auto& c : s.cols)
          if (c.kind == "utfall")
            for (const auto& d : s.cols) utfall_budget |= d.kind == "budget" && d.year == c.year;
        if (plans >= 2 || utfall_budget) fit.push_back(&s);
      }
      v.table = *fit[(i / kClasses.size()) % fit.size()];
    }
    if (v.layout.cls == "meta" && v.table.meta.kind != "verksamhetsplan") {
      for (size_t k = 0; k < sources.size(); ++k) {
        const Table& s = sources[(i + k) % sources.size()];
        if (s.meta.kind == "verksamhetsplan") {
          v.table = s;
          break;
        }
      }
    }
    ApplyClass(v.layout.cls, rng, v.layout);
    Render(v, rng);
    if (!only.empty() && !only.count(v.id)) continue;
    WriteVariant(out, v);
    variants.push_back(std::move(v));
  }
  // Batches: many variants in one HTML document, each starting on a new
  // page, and the page range each one prints on (first last, 1-based).
  for (size_t b = 0; b * batch < variants.size(); ++b) {
    char name[32];
    std::snprintf(name, sizeof name, "batch-%02zu", b);
    std::ofstream html(out / (std::string(name) + ".html"));
    std::ofstream pages(out / (std::string(name) + ".pages"));
    html << "<!doctype html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">\n<title></title>\n<style>\n"
         << kPageCss << ".variant + .variant { break-before: page; }\n";
    size_t end = std::min(variants.size(), (b + 1) * batch);
    for (size_t k = b * batch; k < end; ++k) html << variants[k].css;
    html << "</style></head><body>\n";
    int page = 1;
    for (size_t k = b * batch; k < end; ++k) {
      const Variant& v = variants[k];
      html << "<div class=\"variant " << v.id << "\">\n" << v.body << "</div>\n";
      pages << v.id << " " << page << " " << page + v.pages - 1 << "\n";
      page += v.pages;
    }
    html << "</body></html>\n";
  }
  std::cerr << "layout_gen: " << variants.size() << " variants from " << sources.size() << " tables in "
            << out << "\n";
  return 0;
}
