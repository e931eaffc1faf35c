#include "pipeline/store/cross_checks.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "extractors/checks.h"
#include "extractors/table_arithmetic.h"
#include "normalizers/swedish_number.h"
#include "normalizers/unicode.h"
#include "pipeline/store/stable_keys.h"

namespace finsam {
namespace {

struct FactRow {
  int64_t document_id = 0;
  std::string doc_kind;  // folded
  int year_from = 0, year_to = 0;
  std::string table_kind, table_title, category, label, column_kind, unit;
  int year = 0;
  int64_t amount = 0;
  int64_t fact_id = 0;
  int page = 0;
  std::string raw_text;
  std::string sha256;
  int64_t table_id = 0;
  int table_seq = 0;
  std::string label_key;  // folded label (stable_keys.h FoldForKey)
  std::string doc_desc;   // "#2 årsredovisning 2021": names the document in messages
  std::string file;       // the document's file name, "ar-2021.pdf"
};

// "#2 årsredovisning 2021 (ar-2021.pdf; Resultaträkning, utfall)": where a
// figure of a cross-document flag comes from, so that both sides can be
// found.
std::string Where(const FactRow& f, const std::string& what) {
  std::string inside = f.file;
  if (!what.empty()) inside += (inside.empty() ? "" : "; ") + what;
  return f.doc_desc + (inside.empty() ? "" : " (" + inside + ")");
}

bool IsPlan(const FactRow& f) {
  return f.doc_kind.find("verksamhetsplan") != std::string::npos || f.doc_kind.find("budget") != std::string::npos;
}
bool IsAnnualReport(const FactRow& f) {
  return f.doc_kind.find("arsredovisning") != std::string::npos ||
         f.doc_kind.find("verksamhetsberattelse") != std::string::npos;
}

// "#2 årsredovisning 2021": a document as a cross-document flag names it.
std::string DocDesc(int64_t id, const std::string& kind, int year_from, int year_to) {
  std::string s = "#" + std::to_string(id) + " " + (kind.empty() ? "document" : kind);
  if (year_from) s += " " + std::to_string(year_from);
  if (year_to && year_to != year_from) s += "-" + std::to_string(year_to);
  return s;
}

std::string Tkr(int64_t kronor) { return FormatPrinted(std::round(kronor / 100.0) / 10.0) + " tkr"; }

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

struct CrossFlag {
  Flag flag;
  int64_t document_id = 0;
  std::vector<int64_t> fact_ids;
};

const char* MetricName(const std::string& category) {
  if (category == "income.total") return "Summa intäkter";
  if (category == "cost.total") return "Summa kostnader";
  if (category == "result") return "Resultat";
  if (category == "equity") return "Eget kapital";
  if (category == "cash") return "Likvida medel";
  if (category == "assets.total") return "Summa tillgångar";
  return "?";
}

// The first fact matching a predicate, preferring statement tables over
// notes (a note's Summa carries the same category).
const FactRow* Pick(const std::vector<const FactRow*>& cands) {
  const FactRow* best = nullptr;
  auto rank = [](const FactRow* f) {
    if (f->table_kind == "budget" || f->table_kind == "operating") return 0;
    if (f->table_kind == "income_statement" || f->table_kind == "balance_sheet") return 1;
    if (f->table_kind == "overview") return 2;
    if (f->table_kind == "note") return 4;
    return 3;
  };
  for (const FactRow* f : cands)
    if (!best || rank(f) < rank(best)) best = f;
  return best;
}

CrossFlag Compare(const std::string& rule, const FactRow& mine, const FactRow& other, const std::string& what,
                  const char* fail_severity, const std::string& other_desc) {
  CrossFlag cf;
  cf.document_id = mine.document_id;
  cf.fact_ids = {mine.fact_id, other.fact_id};
  Flag& f = cf.flag;
  f.rule = rule;
  f.year = mine.year;
  f.page = mine.page;
  f.source_text = mine.label + "  " + mine.raw_text;
  f.found = static_cast<double>(mine.amount);
  f.expected = static_cast<double>(other.amount);
  // Costs are printed negative in some documents and positive in others.
  bool ok = std::llabs(std::llabs(mine.amount) - std::llabs(other.amount)) <= 1000;
  f.passed = ok;
  f.severity = ok ? kSeverityOk : fail_severity;
  f.key = rule + "|" + mine.category + "|" + std::to_string(mine.year) + "|" + mine.column_kind + "|" + other.sha256;
  // Both documents are named (#id, kind, years, file), so a reviewer can
  // open either side.
  f.message = what + " " + std::to_string(mine.year) + ": " + Tkr(mine.amount) + " in " +
              Where(mine, mine.table_title + ", " + mine.column_kind) + (ok ? " agrees with " : " differs from ") +
              Tkr(other.amount) + " in " + Where(other, other_desc);
  return cf;
}

Result<std::vector<FactRow>> LoadFacts(SqliteDb& db, int64_t forbund_id) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT v.document_id, COALESCE(d.kind,''), COALESCE(d.year_from,0), COALESCE(d.year_to,0), "
      "COALESCE(v.table_kind,''), COALESCE(v.table_title,''), COALESCE(v.category,''), COALESCE(v.label,''), "
      "COALESCE(v.column_kind,''), COALESCE(v.unit,''), COALESCE(v.year,0), v.amount_sek, v.fact_id, "
      "COALESCE(v.page,0), COALESCE(v.raw_text,''), d.sha256, v.table_id, "
      "(SELECT t.seq FROM fin_tables t WHERE t.table_id = v.table_id), COALESCE(d.kind,''), "
      "COALESCE(d.source_path,'') "
      "FROM v_financial v JOIN documents d ON d.document_id = v.document_id "
      "WHERE d.forbund_id = ? AND v.amount_sek IS NOT NULL AND v.is_percent = 0 AND v.column_period IS NULL "
      "ORDER BY v.fact_id");
  if (!q.ok()) return q.status();
  q->Bind(1, forbund_id);
  std::vector<FactRow> out;
  while (q->Step()) {
    FactRow f;
    f.document_id = q->Int(0);
    f.doc_kind = FoldKey(q->Text(1));
    f.year_from = static_cast<int>(q->Int(2));
    f.year_to = static_cast<int>(q->Int(3));
    f.table_kind = q->Text(4);
    f.table_title = q->Text(5);
    f.category = q->Text(6);
    f.label = q->Text(7);
    f.column_kind = q->Text(8);
    f.unit = q->Text(9);
    f.year = static_cast<int>(q->Int(10));
    f.amount = q->Int(11);
    f.fact_id = q->Int(12);
    f.page = static_cast<int>(q->Int(13));
    f.raw_text = q->Text(14);
    f.sha256 = q->Text(15);
    f.table_id = q->Int(16);
    f.table_seq = static_cast<int>(q->Int(17));
    f.label_key = FoldForKey(TrimLabel(f.label));
    f.doc_desc = DocDesc(f.document_id, q->Text(18), f.year_from, f.year_to);
    const std::string path = q->Text(19);
    f.file = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
    out.push_back(std::move(f));
  }
  if (!q->status().ok()) return q->status();
  return out;
}

void PlanVsAnnualReport(const std::vector<FactRow>& facts, std::vector<CrossFlag>* out) {
  for (const char* cat : {"income.total", "cost.total", "result"}) {
    // (plan document, year) → facts; (AR document, year) → budget facts.
    std::map<std::pair<int64_t, int>, std::vector<const FactRow*>> plan, ar_budget;
    for (const FactRow& f : facts) {
      if (f.category != cat || !f.year) continue;
      if (IsPlan(f) && (f.column_kind == "budget" || f.column_kind == "plan") && f.year == f.year_from)
        plan[{f.document_id, f.year}].push_back(&f);
      if (IsAnnualReport(f) && f.column_kind == "budget") ar_budget[{f.document_id, f.year}].push_back(&f);
    }
    for (const auto& [ak, af] : ar_budget) {
      for (const auto& [pk, pf] : plan) {
        if (pk.second != ak.second) continue;
        const FactRow* a = Pick(af);
        const FactRow* p = Pick(pf);
        out->push_back(Compare("cross.plan_budget", *a, *p,
                               std::string(MetricName(cat)) + ", budget", kSeverityError,
                               "the plan's budget, " + p->table_title));
      }
    }
  }
}

void NextAnnualReport(const std::vector<FactRow>& facts, std::vector<CrossFlag>* out) {
  for (const char* cat : {"income.total", "cost.total", "result", "equity", "cash", "assets.total"}) {
    // AR document → year → utfall facts.
    std::map<int64_t, std::map<int, std::vector<const FactRow*>>> utfall;
    std::map<int64_t, int> ar_year;
    for (const FactRow& f : facts) {
      if (f.category != cat || !f.year || !IsAnnualReport(f) || f.column_kind != "utfall") continue;
      utfall[f.document_id][f.year].push_back(&f);
      ar_year[f.document_id] = f.year_to ? f.year_to : f.year_from;
    }
    for (const auto& [next_doc, years] : utfall) {
      int y = ar_year[next_doc];
      for (const auto& [prev_doc, pyears] : utfall) {
        if (prev_doc == next_doc || ar_year[prev_doc] != y - 1) continue;
        auto a = years.find(y - 1);
        auto b = pyears.find(y - 1);
        if (a == years.end() || b == pyears.end()) continue;
        CrossFlag cf = Compare("cross.next_ar", *Pick(a->second), *Pick(b->second),
                               std::string(MetricName(cat)) + ", utfall", kSeverityError,
                               "the årsredovisning " + std::to_string(y - 1) + ", " + Pick(b->second)->table_title);
        // compare shows the newer report's figure (README, "Which fact wins").
        if (!cf.flag.passed) cf.flag.message += "; compare shows the newer report's (restated, or a misprint in one of them)";
        out->push_back(std::move(cf));
      }
    }
  }
}

int64_t UnitScale(const std::string& unit) {
  if (unit == "mkr") return 1000000;
  if (unit == "kr") return 1;
  return 1000;
}

// Which table of the previous report a row is looked for in: statements by
// their kind; notes and tables of no known kind (a nämnd's "Analys av årets
// ekonomiska utfall", titled a little differently the next year) as one
// group each, where a label must then be unique (PriorYearRows) so that two
// different notes' "Summa" never meet. "" = not compared.
std::string PriorYearTable(const FactRow& f) {
  static const std::set<std::string> kKinds = {"income_statement", "balance_sheet", "cash_flow", "operating",
                                               "overview", "note", "other"};
  return kKinds.count(f.table_kind) ? f.table_kind : "";
}

// The prior-year column of an årsredovisning, row by row, against the
// previous year's årsredovisning of the same organisation (issue 11). The
// categorised totals are cross.next_ar's; this rule takes every other row of
// the statements, notes and other tables, matched by table (PriorYearTable)
// and label. A difference is a restatement or a misprint: worth a look, not
// an error.
void PriorYearRows(const std::vector<FactRow>& facts, std::vector<CrossFlag>* out) {
  static const std::set<std::string> kNextAr = {"income.total", "cost.total", "result", "equity", "cash",
                                                "assets.total"};
  std::map<int64_t, int> ar_year;  // document → report year
  for (const FactRow& f : facts)
    if (IsAnnualReport(f) && (f.year_to || f.year_from)) ar_year[f.document_id] = f.year_to ? f.year_to : f.year_from;
  // (document, table kind, label, year) → first utfall fact, in document order.
  using Key = std::tuple<int64_t, std::string, std::string, int>;
  std::map<Key, const FactRow*> cell;
  std::map<Key, std::set<int64_t>> tables_of;  // for notes and other tables: which tables print the label
  for (const FactRow& f : facts) {
    if (!ar_year.count(f.document_id) || f.column_kind != "utfall" || !f.year || f.label_key.size() < 3) continue;
    std::string table = PriorYearTable(f);
    if (table.empty() || kNextAr.count(f.category)) continue;
    Key key{f.document_id, table, f.label_key, f.year};
    cell.emplace(key, &f);
    tables_of[key].insert(f.table_id);
  }
  // A label two notes (or two other tables) of one report print is not
  // compared: which of them the previous report's means is unknown.
  for (const auto& [key, tables] : tables_of)
    if (tables.size() > 1 && (std::get<1>(key) == "note" || std::get<1>(key) == "other")) cell.erase(key);
  for (const auto& [key, mine] : cell) {
    auto [doc, kind, label, year] = key;
    if (year != ar_year[doc] - 1) continue;
    for (const auto& [prev_doc, prev_year] : ar_year) {
      if (prev_doc == doc || prev_year != year) continue;
      auto it = cell.find({prev_doc, kind, label, year});
      if (it == cell.end()) continue;
      const FactRow& other = *it->second;
      CrossFlag cf;
      cf.document_id = mine->document_id;
      cf.fact_ids = {mine->fact_id, other.fact_id};
      Flag& f = cf.flag;
      f.rule = "cross.prior_year";
      f.year = year;
      f.page = mine->page;
      f.source_text = mine->label + "  " + mine->raw_text;
      f.found = static_cast<double>(mine->amount);
      f.expected = static_cast<double>(other.amount);
      int64_t tolerance = std::max(UnitScale(mine->unit), UnitScale(other.unit));
      bool ok = std::llabs(std::llabs(mine->amount) - std::llabs(other.amount)) <= tolerance;
      f.passed = ok;
      f.severity = ok ? kSeverityOk : kSeverityWarning;
      f.key = f.rule + "|" + kind + "|" + label + "|" + std::to_string(year) + "|" + other.sha256;
      f.message = mine->label + " " + std::to_string(year) + ": " + mine->raw_text + " " + mine->unit + " in " +
                  Where(*mine, mine->table_title + ", prior-year column") +
                  (ok ? " agrees with " : " differs from ") + other.raw_text + " " + other.unit + " in " +
                  Where(other, other.table_title) +
                  (ok ? "" : "; compare shows the newer report's (restated, or a misprint in one of them)");
      out->push_back(std::move(cf));
    }
  }
}

void OverlappingPlans(const std::vector<FactRow>& facts, std::vector<CrossFlag>* out) {
  for (const char* cat : {"income.total", "cost.total", "result"}) {
    std::map<int64_t, std::map<int, std::vector<const FactRow*>>> plans;
    std::map<int64_t, int> first_year;
    for (const FactRow& f : facts) {
      if (f.category != cat || !f.year || !IsPlan(f) || (f.column_kind != "budget" && f.column_kind != "plan"))
        continue;
      plans[f.document_id][f.year].push_back(&f);
      first_year[f.document_id] = f.year_from;
    }
    for (const auto& [later, ly] : plans) {
      for (const auto& [earlier, ey] : plans) {
        if (first_year[earlier] >= first_year[later]) continue;
        for (const auto& [year, lf] : ly) {
          auto e = ey.find(year);
          if (e == ey.end()) continue;
          // Plans are revised year by year: a difference is worth a look, not an error.
          out->push_back(Compare("cross.overlapping_plans", *Pick(lf), *Pick(e->second),
                                 std::string(MetricName(cat)) + ", plan", kSeverityWarning,
                                 "the earlier plan from " + std::to_string(first_year[earlier]) + ", " +
                                     Pick(e->second)->table_title));
        }
      }
    }
  }
}

void YearOverYear(const std::vector<FactRow>& facts, std::vector<CrossFlag>* out) {
  for (const char* cat : {"income.total", "cost.total"}) {
    // The förbund's own utfall history: year → first fact (latest document wins).
    std::map<int, const FactRow*> series;
    for (const FactRow& f : facts) {
      if (f.category != cat || !f.year || f.column_kind != "utfall" || f.amount == 0) continue;
      auto it = series.find(f.year);
      if (it == series.end() || f.document_id > it->second->document_id ||
          (f.document_id == it->second->document_id && f.table_kind == "overview"))
        series[f.year] = &f;
    }
    if (series.size() < 3) continue;
    std::vector<std::pair<int, double>> steps;  // year, |ln ratio|
    for (auto it = std::next(series.begin()); it != series.end(); ++it) {
      auto prev = std::prev(it);
      if (prev->first != it->first - 1) continue;
      double a = std::fabs(static_cast<double>(prev->second->amount));
      double b = std::fabs(static_cast<double>(it->second->amount));
      if (a <= 0 || b <= 0) continue;
      steps.push_back({it->first, std::fabs(std::log(b / a))});
    }
    if (steps.size() < 2) continue;
    std::vector<double> mags;
    for (const auto& s : steps) mags.push_back(s.second);
    std::sort(mags.begin(), mags.end());
    double median = mags[mags.size() / 2];
    double limit = std::max(std::log(1.5), 3 * median);
    for (const auto& [year, mag] : steps) {
      if (mag <= limit) continue;
      const FactRow& cur = *series[year];
      const FactRow& prev = *series[year - 1];
      CrossFlag cf;
      cf.document_id = cur.document_id;
      cf.fact_ids = {cur.fact_id, prev.fact_id};
      Flag& f = cf.flag;
      f.rule = "plausibility.yoy";
      f.severity = kSeverityWarning;
      f.year = year;
      f.page = cur.page;
      f.source_text = cur.label + "  " + cur.raw_text;
      f.found = static_cast<double>(cur.amount);
      f.expected = static_cast<double>(prev.amount);
      f.key = f.rule + "|" + cat + "|" + std::to_string(year);
      char pct[32];
      std::snprintf(pct, sizeof pct, "%+.0f %%", (std::exp(std::log(std::fabs(double(cur.amount)) /
                                                                      std::fabs(double(prev.amount)))) - 1) * 100);
      f.message = std::string(MetricName(cat)) + ", utfall " + std::to_string(year) + ": " + Tkr(cur.amount) +
                  " after " + Tkr(prev.amount) + " in " + std::to_string(year - 1) + " (" + pct +
                  "), far outside the förbund's usual year-over-year change";
      out->push_back(std::move(cf));
    }
  }
}

void MemberShares(const std::vector<FactRow>& facts, std::vector<CrossFlag>* out) {
  // Per table column: state, region and the kommuner (together or one by one).
  struct Shares {
    const FactRow* state = nullptr;
    const FactRow* region = nullptr;
    const FactRow* municipalities = nullptr;
    int64_t municipality_sum = 0;
    std::vector<int64_t> municipality_facts;
  };
  std::map<std::tuple<int64_t, int, std::string>, Shares> cols;
  for (const FactRow& f : facts) {
    Shares& s = cols[{f.table_id, f.year, f.column_kind}];
    if (f.category == "income.state" && !s.state) s.state = &f;
    if (f.category == "income.region" && !s.region) s.region = &f;
    if (f.category == "income.municipalities" && !s.municipalities) s.municipalities = &f;
    if (f.category == "income.municipality") {
      s.municipality_sum += f.amount;
      s.municipality_facts.push_back(f.fact_id);
    }
  }
  for (const auto& [key, s] : cols) {
    if (!s.state || !s.region || (!s.municipalities && !s.municipality_sum)) continue;
    int64_t kommuner = s.municipalities ? s.municipalities->amount : s.municipality_sum;
    double total = static_cast<double>(s.state->amount + s.region->amount + kommuner);
    if (total <= 0) continue;
    double st = 100 * s.state->amount / total, rg = 100 * s.region->amount / total, km = 100 * kommuner / total;
    CrossFlag cf;
    cf.document_id = s.state->document_id;
    cf.fact_ids = {s.state->fact_id, s.region->fact_id};
    if (s.municipalities) cf.fact_ids.push_back(s.municipalities->fact_id);
    else cf.fact_ids.insert(cf.fact_ids.end(), s.municipality_facts.begin(), s.municipality_facts.end());
    Flag& f = cf.flag;
    f.rule = "plausibility.member_shares";
    f.unit = "%";
    f.year = std::get<1>(key);
    f.page = s.state->page;
    f.source_text = s.state->label + "  " + s.state->raw_text;
    f.expected = 50;
    f.found = std::round(st * 10) / 10;
    bool ok = std::fabs(st - 50) <= 3 && std::fabs(rg - 25) <= 3 && std::fabs(km - 25) <= 3;
    f.passed = ok;
    f.severity = ok ? kSeverityOk : kSeverityWarning;
    f.key = f.rule + "|" + s.state->table_title + "|" + std::to_string(f.year) + "|" + std::get<2>(key);
    char buf[160];
    std::snprintf(buf, sizeof buf, "state %.1f %% / region %.1f %% / kommuner %.1f %%", st, rg, km);
    f.message = "Member contributions " + std::to_string(f.year) + " (" + s.state->table_title + ", " +
                std::get<2>(key) + "): " + buf + (ok ? ", as the 50/25/25 rule says" : ", far from 50/25/25");
    out->push_back(std::move(cf));
  }
}

void EquityRule(const std::vector<FactRow>& facts, std::vector<CrossFlag>* out) {
  for (const FactRow& e : facts) {
    if (e.category != "equity" || !IsAnnualReport(e) || e.column_kind != "utfall" || e.year != e.year_from) continue;
    // Budgeted income of the same year: the årsredovisning's Budget column,
    // else the plan's.
    std::vector<const FactRow*> inc, plan_inc;
    for (const FactRow& f : facts) {
      if (f.category != "income.total" || f.year != e.year) continue;
      if (f.column_kind == "budget" && f.document_id == e.document_id) inc.push_back(&f);
      if (IsPlan(f) && (f.column_kind == "budget" || f.column_kind == "plan")) plan_inc.push_back(&f);
    }
    const FactRow* b = !inc.empty() ? Pick(inc) : !plan_inc.empty() ? Pick(plan_inc) : nullptr;
    if (!b || b->amount == 0) continue;
    // One flag per document and year (equity appears in several tables).
    std::string key = "plausibility.equity_20pct|" + std::to_string(e.year);
    bool dup = false;
    for (const CrossFlag& x : *out)
      if (x.flag.key == key && x.document_id == e.document_id) dup = true;
    if (dup) continue;
    double ratio = 100.0 * e.amount / std::fabs(static_cast<double>(b->amount));
    CrossFlag cf;
    cf.document_id = e.document_id;
    cf.fact_ids = {e.fact_id, b->fact_id};
    Flag& f = cf.flag;
    f.rule = "plausibility.equity_20pct";
    f.unit = "%";
    f.year = e.year;
    f.page = e.page;
    f.source_text = e.label + "  " + e.raw_text;
    f.expected = 20;
    f.found = std::round(ratio * 10) / 10;
    bool ok = ratio <= 20.0 + 1e-9;
    f.passed = ok;
    f.severity = ok ? kSeverityOk : kSeverityWarning;
    f.key = key;
    f.message = "Eget kapital " + std::to_string(e.year) + " " + Tkr(e.amount) + " is " +
                FormatPrinted(std::round(ratio * 10) / 10) + " %" +
                " of budgeted income " + Tkr(b->amount) + (ok ? ", within" : ", above") +
                " the 20 % the documents set as the ceiling";
    out->push_back(std::move(cf));
  }
}

// Tokens of a name for fuzzy matching: folded, alphanumeric runs.
std::set<std::string> NameTokens(const std::string& name) {
  std::set<std::string> out;
  std::string cur;
  for (char ch : FoldKey(name) + " ") {
    if (std::isalnum(static_cast<unsigned char>(ch))) {
      cur += ch;
    } else if (!cur.empty()) {
      out.insert(cur);
      cur.clear();
    }
  }
  return out;
}

std::string Initials(const std::string& name) {
  std::string out;
  bool start = true;
  for (char ch : FoldKey(name)) {
    bool alpha = std::isalpha(static_cast<unsigned char>(ch));
    if (alpha && start) out += ch;
    start = !alpha;
  }
  return out;
}

// How well an insats name in a table matches a Bilaga entry: 0 = not at all.
double NameMatch(const std::string& a, const std::string& b) {
  std::set<std::string> ta = NameTokens(a), tb = NameTokens(b);
  if (ta.empty() || tb.empty()) return 0;
  if (ta == tb) return 2;
  if (ta.size() == 1 && ta.begin()->size() >= 3 && Initials(b) == *ta.begin()) return 1.5;  // ASF
  int common = 0;
  for (const std::string& t : ta) common += tb.count(t) > 0;
  double jaccard = static_cast<double>(common) / (ta.size() + tb.size() - common);
  bool subset = common == static_cast<int>(std::min(ta.size(), tb.size()));
  if (subset || jaccard >= 0.4) return jaccard + (subset ? 0.5 : 0);
  return 0;
}

// The insatser table of an årsredovisning vs Bilaga 1 of the same document
// (per insats Totalbudget / Utfall ekonomi in kr, read by the governance
// extractor into `interventions`).
Status TableVsAppendix(SqliteDb& db, const std::vector<FactRow>& facts, std::vector<CrossFlag>* out) {
  struct Entry {
    std::string name;
    std::optional<int64_t> budget, outcome;
    int page = 0;
    std::string raw;
  };
  std::map<int64_t, std::vector<Entry>> bilaga;  // document → entries
  Result<SqliteStatement> q = db.Prepare(
      "SELECT document_id, name, budget_sek, outcome_sek, COALESCE(page,0), COALESCE(raw_text,'') "
      "FROM interventions WHERE source = 'bilaga'");
  if (!q.ok()) return q.status();
  while (q->Step()) {
    Entry e;
    e.name = q->Text(1);
    if (!q->IsNull(2)) e.budget = q->Int(2);
    if (!q->IsNull(3)) e.outcome = q->Int(3);
    e.page = static_cast<int>(q->Int(4));
    e.raw = q->Text(5);
    bilaga[q->Int(0)].push_back(std::move(e));
  }
  FINSAM_RETURN_IF_ERROR(q->status());
  for (const FactRow& f : facts) {
    if (f.category != "intervention" || (f.column_kind != "budget" && f.column_kind != "utfall")) continue;
    auto it = bilaga.find(f.document_id);
    if (it == bilaga.end()) continue;
    const Entry* best = nullptr;
    double best_score = 0;
    bool tie = false;
    for (const Entry& e : it->second) {
      double sc = NameMatch(f.label, e.name);
      if (sc > best_score) {
        best = &e;
        best_score = sc;
        tie = false;
      } else if (sc > 0 && sc == best_score) {
        tie = true;
      }
    }
    if (!best || tie) continue;
    std::optional<int64_t> other = f.column_kind == "budget" ? best->budget : best->outcome;
    if (!other || *other <= 1) continue;  // "1 kr": volume-only insatser
    // The table rounds to its unit (tkr): half a unit either way.
    int64_t tolerance = f.unit == "tkr" ? 500 : f.unit == "mkr" ? 500000 : 1;
    bool ok = std::llabs(f.amount - *other) <= tolerance;
    CrossFlag cf;
    cf.document_id = f.document_id;
    cf.fact_ids = {f.fact_id};
    Flag& fl = cf.flag;
    fl.rule = "xref.appendix";
    fl.year = f.year;
    fl.page = f.page;
    fl.source_text = f.label + "  " + f.raw_text;
    fl.found = static_cast<double>(f.amount);
    fl.expected = static_cast<double>(*other);
    fl.passed = ok;
    fl.severity = ok ? kSeverityOk : kSeverityWarning;
    fl.key = fl.rule + "|" + f.label + "|" + f.column_kind + "|" + std::to_string(f.year);
    fl.message = f.label + " (" + f.table_title + ", " + f.column_kind + " " + std::to_string(f.year) + ") " +
                 f.raw_text + " " + f.unit + (ok ? " agrees with " : " differs from ") + "Bilaga: " + best->name +
                 " " + FormatPrinted(static_cast<double>(*other)) + " kr";
    out->push_back(std::move(cf));
  }
  return Status::Ok();
}

}  // namespace

Status RunCrossChecks(SqliteDb& db, int64_t forbund_id) {
  Result<std::vector<FactRow>> facts = LoadFacts(db, forbund_id);
  if (!facts.ok()) return facts.status();
  std::vector<CrossFlag> flags;
  PlanVsAnnualReport(*facts, &flags);
  NextAnnualReport(*facts, &flags);
  OverlappingPlans(*facts, &flags);
  PriorYearRows(*facts, &flags);
  YearOverYear(*facts, &flags);
  MemberShares(*facts, &flags);
  EquityRule(*facts, &flags);
  FINSAM_RETURN_IF_ERROR(TableVsAppendix(db, *facts, &flags));

  Result<SqliteStatement> del = db.Prepare("DELETE FROM flags WHERE scope = 'cross' AND forbund_id = ?");
  if (!del.ok()) return del.status();
  del->Bind(1, forbund_id);
  FINSAM_RETURN_IF_ERROR(del->Run());
  Result<SqliteStatement> ins = db.Prepare(
      "INSERT INTO flags(document_id, forbund_id, scope, rule, severity, passed, year, message, expected, found, "
      "unit, page, source_text, flag_key) VALUES(?,?,'cross',?,?,?,?,?,?,?,?,?,?,?)");
  Result<SqliteStatement> ins_fact = db.Prepare("INSERT OR IGNORE INTO flag_facts(flag_id, fact_id, seq) VALUES(?,?,?)");
  if (!ins.ok()) return ins.status();
  if (!ins_fact.ok()) return ins_fact.status();
  for (const CrossFlag& cf : flags) {
    const Flag& f = cf.flag;
    ins->Bind(1, cf.document_id).Bind(2, forbund_id).Bind(3, f.rule).Bind(4, f.severity).Bind(5, f.passed ? 1 : 0);
    if (f.year) ins->Bind(6, f.year); else ins->BindNull(6);
    ins->Bind(7, f.message).Bind(8, f.expected).Bind(9, f.found).Bind(10, f.unit);
    if (f.page) ins->Bind(11, f.page); else ins->BindNull(11);
    ins->Bind(12, f.source_text).Bind(13, f.key);
    FINSAM_RETURN_IF_ERROR(ins->Run());
    int64_t id = db.LastInsertId();
    int seq = 0;
    for (int64_t fact : cf.fact_ids) {
      ins_fact->Bind(1, id).Bind(2, fact).Bind(3, seq++);
      FINSAM_RETURN_IF_ERROR(ins_fact->Run());
    }
  }
  // Stable ids of the new cross flags (stable_keys.h).
  std::vector<int64_t> docs;
  {
    Result<SqliteStatement> q = db.Prepare("SELECT document_id FROM documents WHERE forbund_id = ?");
    if (!q.ok()) return q.status();
    q->Bind(1, forbund_id);
    while (q->Step()) docs.push_back(q->Int(0));
    FINSAM_RETURN_IF_ERROR(q->status());
  }
  return AssignCrossFlagIds(db, docs);
}

Status RunAllCrossChecks(SqliteDb& db) {
  std::vector<int64_t> ids;
  {
    Result<SqliteStatement> q = db.Prepare("SELECT DISTINCT forbund_id FROM documents WHERE forbund_id IS NOT NULL");
    if (!q.ok()) return q.status();
    while (q->Step()) ids.push_back(q->Int(0));
    FINSAM_RETURN_IF_ERROR(q->status());
  }
  for (int64_t id : ids) FINSAM_RETURN_IF_ERROR(RunCrossChecks(db, id));
  return Status::Ok();
}

Status AcceptFlag(SqliteDb& db, int64_t flag_id, const std::string& by, const std::string& note) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT f.flag_key, d.sha256, f.stable_id, f.content_key FROM flags f "
      "JOIN documents d ON d.document_id = f.document_id WHERE f.flag_id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, flag_id);
  if (!q->Step()) return q->status().ok() ? Status::NotFound("no flag " + std::to_string(flag_id)) : q->status();
  std::string key = q->Text(0), sha = q->Text(1), stable = q->Text(2), content = q->Text(3);
  if (stable.empty()) return Status::Internal("flag " + std::to_string(flag_id) + " has no stable id");
  Result<SqliteStatement> ins = db.Prepare(
      "INSERT INTO decisions(kind, document_sha256, flag_key, note, decided_by, decided_at, stable_id, content_key) "
      "VALUES('accept', ?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, sha).Bind(2, key);
  if (note.empty()) ins->BindNull(3); else ins->Bind(3, note);
  ins->Bind(4, by).Bind(5, NowIso()).Bind(6, stable).Bind(7, content);
  return ins->Run();
}

Status CorrectFact(SqliteDb& db, int64_t fact_id, double value, const std::string& by, const std::string& note) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT d.sha256, t.seq, r.label, x.col, t.scale, x.amount_sek, x.raw_text, "
      "(SELECT COUNT(*) FROM fin_rows r2 WHERE r2.table_id = r.table_id AND r2.label = r.label AND r2.seq < r.seq), "
      "x.stable_id, x.fact_key "
      "FROM facts x JOIN fin_rows r ON r.row_id = x.row_id JOIN fin_tables t ON t.table_id = r.table_id "
      "JOIN documents d ON d.document_id = t.document_id WHERE x.fact_id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, fact_id);
  if (!q->Step()) return q->status().ok() ? Status::NotFound("no fact " + std::to_string(fact_id)) : q->status();
  std::string sha = q->Text(0), label = q->Text(2), raw = q->Text(6);
  int64_t table_seq = q->Int(1), col = q->Int(3), scale = q->IsNull(4) ? 1 : q->Int(4), occ = q->Int(7);
  std::string stable = q->Text(8), fact_key = q->Text(9);
  if (stable.empty()) return Status::Internal("fact " + std::to_string(fact_id) + " has no stable id");
  std::optional<int64_t> original;
  if (!q->IsNull(5)) original = q->Int(5);
  int64_t amount = std::llround(value * static_cast<double>(scale));
  FINSAM_RETURN_IF_ERROR(db.Begin());
  auto fail = [&](Status st) {
    db.Rollback();
    return st;
  };
  Result<SqliteStatement> ins = db.Prepare(
      "INSERT INTO decisions(kind, document_sha256, table_seq, row_label, row_occurrence, col, amount_sek, value, "
      "original_amount_sek, original_raw, note, decided_by, decided_at, stable_id, content_key) "
      "VALUES('correct', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return fail(ins.status());
  ins->Bind(1, sha).Bind(2, table_seq).Bind(3, label).Bind(4, occ).Bind(5, col).Bind(6, amount).Bind(7, value);
  ins->Bind(8, original).Bind(9, raw);
  if (note.empty()) ins->BindNull(10); else ins->Bind(10, note);
  ins->Bind(11, by).Bind(12, NowIso()).Bind(13, stable).Bind(14, fact_key);
  Status st = ins->Run();
  if (!st.ok()) return fail(st);
  int64_t decision = db.LastInsertId();
  // Keyed by the fact's stable id: a re-extraction that reads the same
  // table, row and column gives the new fact the same id (stable_keys.h).
  Result<SqliteStatement> up = db.Prepare(
      "INSERT INTO fact_corrections(stable_id, document_sha256, fact_key, amount_sek, value, decision_id) "
      "VALUES(?,?,?,?,?,?) ON CONFLICT(stable_id) "
      "DO UPDATE SET amount_sek = excluded.amount_sek, value = excluded.value, decision_id = excluded.decision_id");
  if (!up.ok()) return fail(up.status());
  up->Bind(1, stable).Bind(2, sha).Bind(3, fact_key).Bind(4, amount).Bind(5, value).Bind(6, decision);
  st = up->Run();
  if (!st.ok()) return fail(st);
  // Cross-document flags read corrected values: recompute them.
  Result<SqliteStatement> fq = db.Prepare("SELECT forbund_id FROM documents WHERE sha256 = ?");
  if (!fq.ok()) return fail(fq.status());
  fq->Bind(1, sha);
  if (fq->Step() && !fq->IsNull(0)) {
    st = RunCrossChecks(db, fq->Int(0));
    if (!st.ok()) return fail(st);
  }
  if (!fq->status().ok()) return fail(fq->status());
  return db.Commit();
}

Result<SuggestedCorrection> SuggestedFor(SqliteDb& db, int64_t flag_id) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT f.suggested_fact_id, f.suggested_value, COALESCE(f.stable_id,''), COALESCE(x.stable_id,''), "
      "COALESCE(x.raw_text,'') FROM flags f LEFT JOIN facts x ON x.fact_id = f.suggested_fact_id "
      "WHERE f.flag_id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, flag_id);
  if (!q->Step()) return q->status().ok() ? Status::NotFound("no flag " + std::to_string(flag_id)) : q->status();
  if (q->IsNull(0) || q->IsNull(1) || q->Text(3).empty())
    return Status::NotFound("flag " + q->Text(2) + " has no suggested value (no single cell explains it)");
  SuggestedCorrection s;
  s.fact_id = q->Int(0);
  s.value = q->Double(1);
  s.fact_stable_id = q->Text(3);
  s.printed = q->Text(4);
  return s;
}

Result<CorrectionTarget> ResolveCorrection(SqliteDb& db, const std::string& typed, bool use_suggestion,
                                           double value) {
  CorrectionTarget t;
  Result<ResolvedId> id = use_suggestion ? ResolveFlag(db, typed) : ResolveFact(db, typed);
  if (!id.ok()) return id.status();
  t.typed_id = *id;
  if (use_suggestion) {
    Result<SuggestedCorrection> s = SuggestedFor(db, id->row_id);
    if (!s.ok()) return s.status();
    t.fact_id = s->fact_id;
    t.fact_stable_id = s->fact_stable_id;
    t.value = s->value;
  } else {
    t.fact_id = id->row_id;
    t.fact_stable_id = id->stable_id;
    t.value = value;
  }
  return t;
}

Result<std::vector<FlagFact>> FlagFacts(SqliteDb& db, int64_t flag_id) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT v.fact_id, v.table_title, v.label, v.column_header, v.raw_text, v.status, v.unit, d.format, "
      "d.source_path, p.unit, p.text, v.amount_sek, v.original_amount_sek, v.page, COALESCE(v.line_index,-1), "
      "COALESCE(v.x0,0), COALESCE(v.y0,0), COALESCE(v.x1,0), COALESCE(v.y1,0), d.sha256, d.document_id, "
      "COALESCE(v.stable_id,''), COALESCE(p.label,'') "
      "FROM flag_facts ff JOIN v_financial v ON v.fact_id = ff.fact_id "
      "JOIN documents d ON d.document_id = v.document_id "
      "LEFT JOIN pages p ON p.document_id = v.document_id AND p.page = v.page "
      "WHERE ff.flag_id = ? ORDER BY ff.seq");
  if (!q.ok()) return q.status();
  q->Bind(1, flag_id);
  std::vector<FlagFact> out;
  while (q->Step()) {
    FlagFact f;
    f.fact_id = q->Int(0);
    f.table_title = q->Text(1);
    f.label = q->Text(2);
    f.header = q->Text(3);
    f.raw = q->Text(4);
    f.status = q->Text(5);
    f.unit = q->Text(6);
    f.format = q->Text(7);
    f.path = q->Text(8);
    f.page_unit = q->Text(9);
    f.page_text = q->Text(10);
    if (!q->IsNull(11)) f.amount = q->Int(11);
    if (!q->IsNull(12)) f.original = q->Int(12);
    f.page = static_cast<int>(q->Int(13));
    f.line_index = static_cast<int>(q->Int(14));
    f.box = {q->Double(15), q->Double(16), q->Double(17), q->Double(18)};
    f.sha256 = q->Text(19);
    f.document_id = q->Int(20);
    f.stable_id = q->Text(21);
    f.page_label = q->Text(22);
    out.push_back(std::move(f));
  }
  if (!q->status().ok()) return q->status();
  return out;
}

}  // namespace finsam
