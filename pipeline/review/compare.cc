// WriteResultTable and CompareFinancial (see compare.h).
//
// Which fact wins. The same (förbund, year, column kind, metric) is often
// printed several times: the year's budget in the plan and again in the Budget
// column of the årsredovisning; an outcome in the five-year overview and in
// the resultaträkning; last year's outcome as this year's comparison column.
// For each (förbund, year[, label], column kind) the candidates are ranked by,
// in order:
//   1. status: corrected, ok, repaired, suspect (a checked number beats a
//      doubtful one);
//   2. the document kind that owns that kind of figure: budget and plan from
//      verksamhetsplan/budget documents, utfall from the årsredovisning (then
//      verksamhetsberättelse, delårsrapport), prognos from the delårsrapport
//      (then plans);
//   3. the most specific table: a statement (resultaträkning, balansräkning,
//      kassaflödesanalys, driftsredovisning, budget, insatser) before a note,
//      before the five-year overview, before anything else;
//   4. the newest document (later year_to, year_from, decided_on), so
//      restated comparatives win;
//   5. the higher extraction confidence (a text layer before an OCR reading
//      of the same figure), a PDF before a text dump of the same document
//      (its pages and boxes point into the original), then the document
//      loaded first;
//   6. the earliest page, then the first fact.
// Costs (categories cost.*) are compared as positive amounts whatever sign
// the document printed. The winner is shown with its source; `sources` counts every fact behind the
// row, and `conflicts` lists values that differ from the winner's, with their
// sources, instead of hiding them; a conflict that a failed flag already
// names together with the winner (a restated prior-year figure:
// cross.prior_year / cross.next_ar) carries that flag's id.
#include "pipeline/review/compare.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string_view>
#include <tuple>

#include <nlohmann/json.hpp>

#include "extractors/categories.h"
#include "normalizers/text.h"
#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

namespace finsam {
namespace {

size_t DisplayWidth(const std::string& s) { return CodePointCount(s); }

bool LooksNumeric(const std::string& s) {
  if (s.empty()) return false;
  bool digit = false;
  for (unsigned char c : s) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != ' ' && c != '-' && c != ',' && c != '.' && c != '+') return false;
  }
  return digit;
}

// A number as finsam prints it: optional sign, digits (grouped by single
// spaces or not), an optional decimal point or comma, an optional unit
// ("-2187", "-13 320,5", "-12.5", "-13 320 tkr", "-5 %").
bool IsPrintedNumber(std::string_view s) {
  for (std::string_view unit : {" kr", " tkr", " mkr", " %"}) {
    if (s.size() > unit.size() && s.substr(s.size() - unit.size()) == unit) {
      s.remove_suffix(unit.size());
      break;
    }
  }
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  auto is_digit = [&](size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  if (!is_digit(i)) return false;
  while (is_digit(i)) ++i;
  // Thousands groups: " ddd".
  while (i + 3 < s.size() && s[i] == ' ' && is_digit(i + 1) && is_digit(i + 2) && is_digit(i + 3) &&
         !is_digit(i + 4)) {
    i += 4;
  }
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    ++i;
    if (!is_digit(i)) return false;
    while (is_digit(i)) ++i;
  }
  return i == s.size();
}

}  // namespace

std::string NeutralizeCsvFormula(const std::string& cell) {
  if (cell.empty()) return cell;
  const char c = cell[0];
  const bool formula_start = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  if (!formula_start || IsPrintedNumber(cell)) return cell;
  return "'" + cell;
}

namespace {

std::string CsvField(const std::string& cell) {
  const std::string s = NeutralizeCsvFormula(cell);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

void WriteResultTable(const ResultTable& t, const std::string& format, std::ostream& out) {
  if (format == "csv") {
    // RFC 4180: CRLF line ends, fields quoted when they hold , " CR or LF;
    // a cell a spreadsheet would run as a formula gets a leading apostrophe.
    for (size_t c = 0; c < t.columns.size(); ++c) out << (c ? "," : "") << CsvField(t.columns[c]);
    out << "\r\n";
    for (const auto& row : t.rows) {
      for (size_t c = 0; c < t.columns.size(); ++c) out << (c ? "," : "") << CsvField(c < row.size() ? row[c] : "");
      out << "\r\n";
    }
    return;
  }
  if (format == "json") {
    // Numbers unquoted when the cell is a JSON number as printed ("0012"
    // is not: leading zero), so plain figures stay numbers for consumers.
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : t.rows) {
      nlohmann::ordered_json obj = nlohmann::ordered_json::object();
      for (size_t c = 0; c < t.columns.size(); ++c) {
        const std::string v = c < row.size() ? row[c] : "";
        if (v.empty()) {
          obj[t.columns[c]] = nullptr;
          continue;
        }
        nlohmann::ordered_json number = nlohmann::ordered_json::parse(v, nullptr, /*allow_exceptions=*/false);
        obj[t.columns[c]] = number.is_number() ? number : nlohmann::ordered_json(v);
      }
      rows.push_back(std::move(obj));
    }
    out << rows.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return;
  }
  // Aligned text: numbers right-aligned, everything else left-aligned.
  std::vector<size_t> width(t.columns.size(), 0);
  std::vector<bool> numeric(t.columns.size(), true);
  for (size_t c = 0; c < t.columns.size(); ++c) width[c] = DisplayWidth(t.columns[c]);
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < t.columns.size() && c < row.size(); ++c) {
      width[c] = std::max(width[c], DisplayWidth(row[c]));
      if (!row[c].empty() && !LooksNumeric(row[c])) numeric[c] = false;
    }
  }
  auto cell = [&](const std::string& s, size_t c) {
    std::string pad(width[c] - std::min(width[c], DisplayWidth(s)), ' ');
    return numeric[c] ? pad + s : s + pad;
  };
  auto line = [&](const std::vector<std::string>& row) {
    std::string l;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (c) l += "  ";
      l += cell(c < row.size() ? row[c] : "", c);
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out << l << "\n";
  };
  line(t.columns);
  std::vector<std::string> rule;
  for (size_t c = 0; c < t.columns.size(); ++c) rule.push_back(std::string(width[c], '-'));
  line(rule);
  for (const auto& row : t.rows) line(row);
}

namespace {

struct Candidate {
  int64_t amount = 0;
  int64_t document_id = 0;
  std::string doc_kind, table_kind, table_title, status, label, decided_on;
  int page = 0, year_from = 0, year_to = 0;
  bool is_pdf = false;
  double confidence = 1;
  int64_t fact_id = 0;
};

int StatusRank(const std::string& s) {
  if (s == "corrected") return 0;
  if (s == "ok") return 1;
  if (s == "repaired") return 2;
  if (s == "suspect") return 3;
  return 4;
}

int DocKindRank(const std::string& column_kind, const std::string& doc_kind) {
  if (column_kind == "budget" || column_kind == "plan") {
    if (doc_kind == "verksamhetsplan" || doc_kind == "budget") return 0;
    return doc_kind.empty() ? 2 : 1;
  }
  if (column_kind == "utfall") {
    if (doc_kind == "årsredovisning") return 0;
    if (doc_kind == "verksamhetsberättelse") return 1;
    if (doc_kind == "delårsrapport") return 2;
    return 3;
  }
  if (column_kind == "prognos") {
    if (doc_kind == "delårsrapport") return 0;
    if (doc_kind == "verksamhetsplan" || doc_kind == "budget") return 1;
    return 2;
  }
  return doc_kind == "årsredovisning" ? 0 : 1;
}

int TableKindRank(const std::string& k) {
  if (k == "income_statement" || k == "balance_sheet" || k == "cash_flow" || k == "operating" || k == "budget" ||
      k == "interventions" || k == "balance_requirement")
    return 0;
  if (k == "note") return 1;
  if (k == "overview") return 2;
  return 3;
}

// True if a should be preferred over b for column kind `kind`.
bool Better(const std::string& kind, const Candidate& a, const Candidate& b) {
  auto key = [&](const Candidate& c) {
    return std::make_tuple(StatusRank(c.status), DocKindRank(kind, c.doc_kind), TableKindRank(c.table_kind),
                           -c.year_to, -c.year_from);
  };
  if (key(a) != key(b)) return key(a) < key(b);
  if (a.decided_on != b.decided_on) return a.decided_on > b.decided_on;
  // The same document as PDF and as a text dump: the PDF's page numbers and
  // boxes are the better pointer.
  // A text layer over an OCR reading of the same figure.
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  if (a.is_pdf != b.is_pdf) return a.is_pdf;
  if (a.document_id != b.document_id) return a.document_id < b.document_id;
  if (a.page != b.page) return a.page < b.page;
  return a.fact_id < b.fact_id;
}

// Kronor → display unit. Table output groups thousands with spaces and uses a
// decimal comma (as the documents print); csv/json use plain numbers.
std::string FormatAmount(int64_t kr, const std::string& unit, bool human) {
  int64_t div = unit == "mkr" ? 1000000 : unit == "tkr" ? 1000 : 1;
  bool neg = kr < 0;
  uint64_t a = neg ? static_cast<uint64_t>(-(kr + 1)) + 1 : static_cast<uint64_t>(kr);
  uint64_t whole = a / static_cast<uint64_t>(div), frac = a % static_cast<uint64_t>(div);
  std::string w = std::to_string(whole);
  if (human) {
    std::string g;
    for (size_t i = 0; i < w.size(); ++i) {
      if (i && (w.size() - i) % 3 == 0) g += ' ';
      g += w[i];
    }
    w = g;
  }
  std::string out = (neg ? "-" : "") + w;
  if (frac) {
    std::string f = std::to_string(frac);
    size_t digits = div == 1000000 ? 6 : 3;
    f = std::string(digits - f.size(), '0') + f;
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += (human ? "," : ".") + f;
  }
  return out;
}

std::string SourceOf(const Candidate& c) {
  std::string s = "#" + std::to_string(c.document_id) + " " + (c.doc_kind.empty() ? "document" : c.doc_kind);
  if (c.page) s += " p." + std::to_string(c.page);
  if (!c.table_kind.empty()) s += " " + c.table_kind;
  return s;
}

const std::vector<std::string>& DefaultKinds() {
  static const std::vector<std::string> k = {"budget", "plan", "prognos", "utfall", "value"};
  return k;
}

}  // namespace

Status CompareFinancial(SqliteDb& db, const CompareRequest& req, std::ostream& out) {
  if (req.metric.empty() && req.label.empty())
    return Status::InvalidArgument("give --metric CATEGORY or --label TEXT");
  if (!req.metric.empty()) {
    bool known = false;
    std::string names;
    for (const CategoryInfo& c : CategoryVocabulary()) {
      known = known || req.metric == c.name;
      names += (names.empty() ? "" : ", ") + std::string(c.name);
    }
    if (!known)
      return Status::InvalidArgument("unknown --metric '" + req.metric + "'; categories: " + names +
                                     " (see 'finsam categories')");
  }
  // The organisation filter: a part of a name (case and å/ä/ö ignored), or
  // an organisationsnummer. No match is a usage error naming close names.
  std::vector<std::pair<int64_t, std::string>> orgs;  // id, name
  {
    Result<SqliteStatement> o = db.Prepare("SELECT organisation_id, organisation, COALESCE(orgnr, '') FROM v_organisations");
    if (!o.ok()) return o.status();
    while (o->Step()) {
      const std::string name = o->Text(1), orgnr = o->Text(2);
      if (req.forbund.empty() || FoldKey(name).find(FoldKey(req.forbund)) != std::string::npos ||
          (!orgnr.empty() && orgnr == req.forbund))
        orgs.emplace_back(o->Int(0), name);
    }
    if (!req.forbund.empty() && orgs.empty()) {
      // Close names: sharing a word, else by edit distance.
      Result<SqliteStatement> all = db.Prepare("SELECT organisation FROM v_organisations");
      if (!all.ok()) return all.status();
      std::vector<std::pair<int, std::string>> scored;
      const std::string want = FoldKey(req.forbund);
      while (all->Step()) {
        const std::string name = all->Text(0);
        const std::string f = FoldKey(name);
        int d = EditDistance(want, f);
        std::istringstream ws(want);
        for (std::string w; ws >> w;)
          if (w.size() >= 3 && f.find(w.substr(0, w.size() - 1)) != std::string::npos) d = std::min(d, 0);
        scored.emplace_back(d, name);
      }
      std::sort(scored.begin(), scored.end());
      std::string close;
      for (size_t i = 0; i < scored.size() && i < 5; ++i) close += (i ? ", " : "") + scored[i].second;
      return Status::InvalidArgument("no organisation matches '" + req.forbund + "'" +
                                     (close.empty() ? std::string(" (the database has none)") : "; close: " + close) +
                                     " (see 'finsam orgs')");
    }
  }
  std::string sql =
      "SELECT f.forbund, f.year, f.column_kind, f.amount_sek, f.document_id, f.doc_kind, f.table_kind, "
      "f.table_title, f.page, f.status, f.label, f.fact_id, d.year_from, d.year_to, d.decided_on, d.format, f.confidence, f.category, d.organisation_id "
      "FROM v_financial f JOIN v_documents d ON d.document_id = f.document_id "
      "WHERE f.amount_sek IS NOT NULL AND f.year IS NOT NULL"
      // A column covering part of the year (period "01-08") is no year's figure.
      " AND f.column_period IS NULL";
  if (!req.metric.empty()) sql += " AND f.category = ?1";
  if (req.year_from) sql += " AND f.year >= ?2";
  if (req.year_to) sql += " AND f.year <= ?3";
  Result<SqliteStatement> q = db.Prepare(sql);
  if (!q.ok()) return q.status();
  if (!req.metric.empty()) q->Bind(1, req.metric);
  if (req.year_from) q->Bind(2, req.year_from);
  if (req.year_to) q->Bind(3, req.year_to);

  std::vector<std::string> kinds;
  if (!req.kind.empty()) {
    std::stringstream ss(req.kind);
    for (std::string k; std::getline(ss, k, ',');)
      if (!k.empty()) kinds.push_back(k);
  }
  std::map<int64_t, bool> wanted;
  for (const auto& [id, name] : orgs) wanted[id] = true;
  const std::string label_key = FoldKey(req.label);
  const bool by_label = !req.label.empty();

  // (organisation, its id, year, label) → column kind → candidates. The id
  // keeps two organisations apart even if they print the same name; a
  // document without an organisation is its own series.
  using Key = std::tuple<std::string, int64_t, int, std::string>;
  std::map<Key, std::map<std::string, std::vector<Candidate>>> groups;
  std::map<std::string, bool> kinds_seen;
  while (q->Step()) {
    const bool has_org = !q->IsNull(18);
    if (has_org && !wanted.count(q->Int(18))) continue;
    if (!has_org && !req.forbund.empty()) continue;
    const int64_t org_id = has_org ? q->Int(18) : -q->Int(4);
    std::string forbund = has_org ? q->Text(0) : "(no organisation: document #" + std::to_string(q->Int(4)) + ")";
    std::string label = q->Text(10);
    if (by_label && FoldKey(label).find(label_key) == std::string::npos) continue;
    std::string kind = q->Text(2);
    if (!kinds.empty()) {
      if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) continue;
    } else if (std::find(DefaultKinds().begin(), DefaultKinds().end(), kind) == DefaultKinds().end()) {
      continue;
    }
    Candidate c;
    c.amount = q->Int(3);
    // Costs are compared as positive amounts: årsredovisningar print them
    // negative (-13 616), plans positive (18 806); v_financial keeps the
    // printed sign and raw text.
    if (q->Text(17).rfind("cost.", 0) == 0) c.amount = std::llabs(c.amount);
    c.document_id = q->Int(4);
    c.doc_kind = q->Text(5);
    c.table_kind = q->Text(6);
    c.table_title = q->Text(7);
    c.page = static_cast<int>(q->Int(8));
    c.status = q->Text(9);
    c.label = label;
    c.fact_id = q->Int(11);
    c.year_from = static_cast<int>(q->Int(12));
    c.year_to = static_cast<int>(q->Int(13));
    c.decided_on = q->Text(14);
    c.is_pdf = q->Text(15) == "pdf";
    c.confidence = q->Double(16);
    int year = static_cast<int>(q->Int(1));
    groups[{forbund, org_id, year, by_label ? label : ""}][kind].push_back(std::move(c));
    kinds_seen[kind] = true;
  }
  if (!q->status().ok()) return q->status();

  // Failed flags by fact (stable ids), so that a conflict names the flag
  // that already compares it with the shown figure (cross.prior_year when a
  // later report restated it, xref.overview, ...).
  std::map<int64_t, std::vector<std::string>> flags_of_fact;
  {
    Result<SqliteStatement> fq = db.Prepare(
        "SELECT ff.fact_id, f.stable_id FROM flag_facts ff JOIN flags f ON f.flag_id = ff.flag_id "
        "WHERE f.passed = 0 AND f.stable_id IS NOT NULL ORDER BY f.stable_id");
    if (!fq.ok()) return fq.status();
    while (fq->Step()) flags_of_fact[fq->Int(0)].push_back(fq->Text(1));
    if (!fq->status().ok()) return fq->status();
  }
  auto shared_flag = [&](int64_t a, int64_t b) -> std::string {
    auto ia = flags_of_fact.find(a), ib = flags_of_fact.find(b);
    if (ia == flags_of_fact.end() || ib == flags_of_fact.end()) return "";
    for (const std::string& id : ia->second)
      if (std::find(ib->second.begin(), ib->second.end(), id) != ib->second.end()) return id;
    return "";
  };

  // Columns: the requested kinds in the order given, else the default kinds
  // that have data, in vocabulary order.
  std::vector<std::string> shown;
  for (const std::string& k : kinds.empty() ? DefaultKinds() : kinds)
    if (!kinds.empty() || kinds_seen.count(k)) shown.push_back(k);
  bool deviation = std::find(shown.begin(), shown.end(), "budget") != shown.end() &&
                   std::find(shown.begin(), shown.end(), "utfall") != shown.end();

  const bool human = req.format == "table";
  ResultTable t;
  t.columns = {"organisation", "year"};
  if (by_label) t.columns.push_back("label");
  for (const std::string& k : shown) {
    t.columns.push_back(k);
    t.columns.push_back(k + "_source");
  }
  if (deviation) t.columns.push_back("deviation");
  t.columns.push_back("sources");
  t.columns.push_back("conflicts");

  for (auto& [key, by_kind] : groups) {
    std::vector<std::string> row = {std::get<0>(key), std::to_string(std::get<2>(key))};
    if (by_label) row.push_back(std::get<3>(key));
    size_t sources = 0;
    std::string conflicts;
    std::map<std::string, int64_t> winner_amount;
    for (const std::string& k : shown) {
      auto it = by_kind.find(k);
      if (it == by_kind.end() || it->second.empty()) {
        row.push_back("");
        row.push_back("");
        continue;
      }
      std::vector<Candidate>& cands = it->second;
      std::sort(cands.begin(), cands.end(), [&](const Candidate& a, const Candidate& b) { return Better(k, a, b); });
      const Candidate& win = cands.front();
      winner_amount[k] = win.amount;
      sources += cands.size();
      row.push_back(FormatAmount(win.amount, req.unit, human));
      row.push_back(SourceOf(win));
      // Differing values, each once (with its best source).
      std::vector<int64_t> listed;
      for (const Candidate& c : cands) {
        if (c.amount == win.amount || std::find(listed.begin(), listed.end(), c.amount) != listed.end()) continue;
        listed.push_back(c.amount);
        std::string flag;
        for (const Candidate& same : cands)
          if (flag.empty() && same.amount == c.amount) flag = shared_flag(win.fact_id, same.fact_id);
        if (!conflicts.empty()) conflicts += "; ";
        conflicts += k + " " + FormatAmount(c.amount, req.unit, human) + " (" + SourceOf(c) +
                     (flag.empty() ? "" : ", flag " + flag) + ")";
      }
    }
    if (deviation) {
      if (winner_amount.count("budget") && winner_amount.count("utfall"))
        row.push_back(FormatAmount(winner_amount["utfall"] - winner_amount["budget"], req.unit, human));
      else
        row.push_back("");
    }
    row.push_back(std::to_string(sources));
    row.push_back(conflicts);
    t.rows.push_back(std::move(row));
  }
  WriteResultTable(t, req.format, out);
  return Status::Ok();
}

}  // namespace finsam
