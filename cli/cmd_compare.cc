// `finsam compare [--db PATH] [--metric CATEGORY|--label TEXT] [--org NAME|ORGNR]
//                 [--kind KIND[,KIND...]] [--years A-B] [--table TABLE]
//                 [--unit kr|tkr|mkr] [--format table|csv|json]`
//
// Parses the options into a CompareRequest and hands it to CompareFinancial
// (pipeline/review/compare.cc) or, for the governance tables, CompareGovernance.
#include <charconv>
#include <iostream>
#include <sstream>
#include <string>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "pipeline/review/compare.h"
#include "pipeline/store/database.h"

namespace finsam {
namespace {

constexpr const char* kCompareUsage = "usage: finsam compare [OPTIONS]";

constexpr const char* kCompareDescription =
    R"(Pivots the database organisation × year. For financial facts (the default table)
each row is one organisation and year (two organisations never share a row); the columns are the column kinds found
(budget, plan, prognos, utfall, value), each with the source it came from
("#3 årsredovisning p.12 income_statement" = document 3, page 12), then the
deviation utfall − budget when both exist, the number of facts behind the
row ("sources") and any values that disagree with the shown ones
("conflicts"). See README.md, "Comparing", for which fact wins.)";

constexpr const char* kCompareFooter = "Exit codes: 0 ok, 1 the database could not be read, 2 usage.";

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
  for (const char* known : {"budget", "plan", "utfall", "prognos", "avvikelse", "aterstar", "andel", "totalt", "value"})
    if (k == known) return true;
  return false;
}

}  // namespace

int RunCompareCommand(const Args& args) {
  std::string db_path = kDefaultDbPath;
  CompareRequest req;
  std::string years;
  std::unique_ptr<CLI::App> app = MakeCommandApp("compare", kCompareUsage, kCompareDescription, kCompareFooter);
  app->add_option("--db", db_path, "database file (default finsam.db)")->type_name("PATH");
  app->add_option("--metric", req.metric, "a row category, e.g. income.total, cost.interventions")
      ->type_name("CATEGORY");
  app->add_option("--label", req.label,
                  "rows whose label contains TEXT (case and å/ä/ö insensitive); adds a label column")
      ->type_name("TEXT");
  app->add_option("--org,--forbund", req.forbund,
                  "only organisations whose name contains NAME (case and å/ä/ö ignored) or whose organisationsnummer "
                  "is NAME; no match is a usage error (--forbund is the old name)")
      ->type_name("NAME");
  app->add_option("--kind", req.kind,
                  "only these column kinds (budget, plan, utfall, prognos, avvikelse, value, ...), in this order")
      ->type_name("KIND[,KIND]")
      ->check(CLI::Validator(
          [](std::string& v) -> std::string {
            std::stringstream ss(v);
            for (std::string k; std::getline(ss, k, ',');)
              if (!IsKnownKind(k))
                return "unknown --kind '" + k + "'; kinds: budget, plan, utfall, prognos, avvikelse, aterstar, andel, totalt, value";
            return "";
          },
          "", "column kinds"));
  app->add_option("--years", years, "only years A..B (or a single year A)")
      ->type_name("A-B")
      ->check(CLI::Validator(
          [](std::string& v) -> std::string {
            int from = 0, to = 0;
            return ParseYears(v, &from, &to) ? "" : "wants A-B or A, got '" + v + "'";
          },
          "", "years"));
  app->add_option("--table", req.table, "financial (default) | board | composition | indicators | interventions | members")
      ->type_name("TABLE")
      ->check(OneOf({"financial", "board", "composition", "indicators", "interventions", "members"}));
  app->add_option("--unit", req.unit, "display unit of amounts (default kr)")
      ->type_name("kr|tkr|mkr")
      ->check(OneOf({"kr", "tkr", "mkr"}));
  app->add_option("--format", req.format,
                  "output format (default table); csv and json carry plain numbers (decimal point), table groups "
                  "thousands")
      ->type_name("table|csv|json")
      ->check(OneOf({"table", "csv", "json"}));
  if (std::optional<int> exit = ParseCommandLine(*app, "compare", args)) return *exit;
  if (!years.empty()) ParseYears(years, &req.year_from, &req.year_to);
  if (req.table == "financial" && req.metric.empty() && req.label.empty())
    return UsageError("compare", "give --metric CATEGORY or --label TEXT");

  DbOpenOptions open;
  open.access = DbAccess::kRead;  // writes nothing: works on a file or folder the user may only read
  Result<std::unique_ptr<Database>> db = Database::Open(db_path, open);
  if (!db.ok()) return DatabaseError(db_path, db.status());
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
