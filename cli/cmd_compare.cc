// `finsam compare [--db PATH] [--metric CATEGORY|--label TEXT] [--forbund NAME]
//                 [--kind KIND[,KIND...]] [--years A-B] [--table TABLE]
//                 [--unit kr|tkr|mkr] [--format table|csv|json]`
//
// Parses the options into a CompareRequest and hands it to CompareFinancial
// (pipeline/review/compare.cc) or, for the governance tables, CompareGovernance.
#include <charconv>
#include <iostream>
#include <sstream>
#include <string>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "pipeline/review/compare.h"
#include "pipeline/store/database.h"

namespace finsam {
namespace {

constexpr const char* kCompareHelp =
    R"(usage: finsam compare [OPTIONS]

Pivots the database förbund × year. For financial facts (the default table)
each row is one förbund and year; the columns are the column kinds found
(budget, plan, prognos, utfall, value), each with the source it came from
("#3 årsredovisning p.12 income_statement" = document 3, page 12), then the
deviation utfall − budget when both exist, the number of facts behind the
row ("sources") and any values that disagree with the shown ones
("conflicts"). See README.md, "Comparing", for which fact wins.

options:
  --db PATH            database file (default finsam.db)
  --metric CATEGORY    a row category, e.g. income.total, cost.interventions
  --label TEXT         rows whose label contains TEXT (case and å/ä/ö
                       insensitive); adds a label column
  --forbund NAME       only förbund whose name contains NAME
  --kind KIND[,KIND]   only these column kinds (budget, plan, utfall,
                       prognos, avvikelse, value, ...), in this order
  --years A-B          only years A..B (or a single year A)
  --table TABLE        financial (default) | board | composition |
                       indicators | interventions | members
  --unit kr|tkr|mkr    display unit of amounts (default kr)
  --format table|csv|json
                       output format (default table); csv and json carry plain
                       numbers (decimal point), table groups thousands
  -h, --help           this text

Exit codes: 0 ok, 1 the database could not be read, 2 usage.
)";

bool ParseYears(const std::string& s, int* from, int* to) {
  auto num = [](std::string_view v, int* out) {
    auto r = std::from_chars(v.data(), v.data() + v.size(), *out);
    return r.ec == std::errc() && r.ptr == v.data() + v.size() && *out >= 1900 && *out <= 2200;
  };
  size_t dash = s.find('-');
  if (dash == std::string::npos) {
    if (!num(s, from)) return false;
    *to = *from;
    return true;
  }
  std::string_view v(s);
  return num(v.substr(0, dash), from) && num(v.substr(dash + 1), to) && *from <= *to;
}

bool IsKnownKind(const std::string& k) {
  for (const char* known : {"budget", "plan", "utfall", "prognos", "avvikelse", "andel", "totalt", "value"})
    if (k == known) return true;
  return false;
}

}  // namespace

int RunCompareCommand(const Args& args) {
  std::string db_path = kDefaultDbPath;
  CompareRequest req;
  ArgScanner scan(args);
  while (scan.Next()) {
    if (!scan.is_option()) {
      scan.SetError("unexpected argument '" + scan.positional() + "'");
      continue;
    }
    const std::string& n = scan.name();
    if (n == "--help" || n == "-h") {
      std::cout << kCompareHelp;
      return kExitOk;
    } else if (n == "--db") {
      if (auto v = scan.Value()) db_path = *v;
    } else if (n == "--metric") {
      if (auto v = scan.Value()) req.metric = *v;
    } else if (n == "--label") {
      if (auto v = scan.Value()) req.label = *v;
    } else if (n == "--forbund") {
      if (auto v = scan.Value()) req.forbund = *v;
    } else if (n == "--kind") {
      if (auto v = scan.Value()) {
        std::stringstream ss(*v);
        for (std::string k; std::getline(ss, k, ',');)
          if (!IsKnownKind(k)) scan.SetError("unknown --kind '" + k + "'");
        req.kind = *v;
      }
    } else if (n == "--years") {
      if (auto v = scan.Value())
        if (!ParseYears(*v, &req.year_from, &req.year_to)) scan.SetError("--years wants A-B or A, got '" + *v + "'");
    } else if (n == "--table") {
      if (auto v = scan.Value()) {
        bool ok = false;
        for (const char* t : {"financial", "board", "composition", "indicators", "interventions", "members"})
          ok = ok || *v == t;
        if (!ok) scan.SetError("unknown --table '" + *v + "'");
        req.table = *v;
      }
    } else if (n == "--unit") {
      if (auto v = scan.Value()) {
        if (*v == "kr" || *v == "tkr" || *v == "mkr") req.unit = *v;
        else scan.SetError("--unit wants kr, tkr or mkr, got '" + *v + "'");
      }
    } else if (n == "--format") {
      if (auto v = scan.Value()) {
        if (*v == "table" || *v == "csv" || *v == "json") req.format = *v;
        else scan.SetError("--format wants table, csv or json, got '" + *v + "'");
      }
    } else {
      scan.SetError("unknown option " + n);
    }
  }
  if (!scan.error().empty()) return UsageError("compare", scan.error());
  if (req.table == "financial" && req.metric.empty() && req.label.empty())
    return UsageError("compare", "give --metric CATEGORY or --label TEXT");

  Result<std::unique_ptr<Database>> db = Database::Open(db_path, /*create=*/false);
  if (!db.ok()) {
    std::cerr << "finsam: " << db_path << ": " << OneLine(db.status().ToString()) << "\n";
    return kExitInputFailed;
  }
  std::ostringstream out;
  Status st = req.table == "financial" ? CompareFinancial((*db)->sql(), req, out)
                                       : CompareGovernance((*db)->sql(), req, out);
  if (!st.ok()) {
    std::cerr << "finsam compare: " << OneLine(st.ToString()) << "\n";
    return st.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitInputFailed;
  }
  std::cout << out.str();
  std::cout.flush();
  return kExitOk;
}

}  // namespace finsam
