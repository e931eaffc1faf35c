// `finsam docs [--db PATH] [--org NAME] [--format table|csv|json]`: one line
// per document (id, organisation, kind, years, pages, tables, facts, open
// flags, path).
#include <iostream>
#include <sstream>
#include <string>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "normalizers/unicode.h"
#include "pipeline/review/compare.h"
#include "pipeline/review/documents.h"
#include "pipeline/store/database.h"

namespace finsam {

int RunDocsCommand(const Args& args) {
  std::string db_path = kDefaultDbPath, format = "table", org;
  std::unique_ptr<CLI::App> app = MakeCommandApp(
      "docs", "usage: finsam docs [OPTIONS]",
      "Lists the ingested documents: id (for 'finsam show ID'), organisation, kind, years, pages, tables,\n"
      "facts, open review flags, and the file's absolute path.",
      "Exit codes: 0 ok, 1 the database could not be read, 2 usage.");
  app->add_option("--db", db_path, "database file (default finsam.db)")->type_name("PATH");
  app->add_option("--org", org, "only documents of organisations whose name contains NAME")->type_name("NAME");
  app->add_option("--format", format, "output format (default table)")
      ->type_name("table|csv|json")
      ->check(OneOf({"table", "csv", "json"}));
  if (std::optional<int> exit = ParseCommandLine(*app, "docs", args)) return *exit;
  DbOpenOptions open;
  open.access = DbAccess::kRead;
  Result<std::unique_ptr<Database>> db = Database::Open(db_path, open);
  if (!db.ok()) return DatabaseError(db_path, db.status());
  Result<std::vector<DocumentSummary>> docs = ListDocuments((*db)->sql());
  if (!docs.ok()) return DatabaseError(db_path, docs.status());
  ResultTable t;
  t.columns = {"id", "organisation", "kind", "years", "pages", "tables", "facts", "open_flags", "path"};
  bool any_org = false;
  for (const DocumentSummary& d : *docs) {
    if (!org.empty() && FoldKey(d.organisation).find(FoldKey(org)) == std::string::npos) continue;
    any_org = true;
    const int64_t from = d.year_from.value_or(0), to = d.year_to.value_or(0);
    std::string years = from ? std::to_string(from) : "";
    if (to && to != from) years += "-" + std::to_string(to);
    t.rows.push_back({std::to_string(d.id), d.organisation.empty() ? "(none)" : d.organisation, d.kind.value_or(""),
                      years, std::to_string(d.pages), std::to_string(d.tables), std::to_string(d.facts),
                      std::to_string(d.open_flags), d.source_path});
  }
  if (!org.empty() && !any_org) return UsageError("docs", "no organisation matches '" + org + "' (see 'finsam orgs')");
  std::ostringstream out;
  WriteResultTable(t, format, out);
  std::cout << out.str();
  return kExitOk;
}

}  // namespace finsam
