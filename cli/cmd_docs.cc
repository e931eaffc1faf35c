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
  Result<SqliteStatement> q = (*db)->sql().Prepare(
      "SELECT d.document_id, COALESCE(d.organisation, ''), COALESCE(d.kind, ''), COALESCE(d.year_from, 0), "
      "COALESCE(d.year_to, 0), d.pages, "
      "(SELECT count(*) FROM fin_tables t WHERE t.document_id = d.document_id), "
      "(SELECT count(*) FROM v_financial f WHERE f.document_id = d.document_id), "
      "(SELECT count(*) FROM v_flags g WHERE g.document_id = d.document_id AND g.status = 'open'), "
      "d.source_path, COALESCE(d.org_kind, '') FROM v_documents d ORDER BY d.document_id");
  if (!q.ok()) return DatabaseError(db_path, q.status());
  ResultTable t;
  t.columns = {"id", "organisation", "kind", "years", "pages", "tables", "facts", "open_flags", "path"};
  bool any_org = false;
  while (q->Step()) {
    const std::string name = q->Text(1);
    if (!org.empty() && FoldKey(name).find(FoldKey(org)) == std::string::npos) continue;
    any_org = true;
    const int from = static_cast<int>(q->Int(3)), to = static_cast<int>(q->Int(4));
    std::string years = from ? std::to_string(from) : "";
    if (to && to != from) years += "-" + std::to_string(to);
    t.rows.push_back({q->Text(0), name.empty() ? "(none)" : name, q->Text(2), years, q->Text(5), q->Text(6),
                      q->Text(7), q->Text(8), q->Text(9)});
  }
  if (!q->status().ok()) return DatabaseError(db_path, q->status());
  if (!org.empty() && !any_org) return UsageError("docs", "no organisation matches '" + org + "' (see 'finsam orgs')");
  std::ostringstream out;
  WriteResultTable(t, format, out);
  std::cout << out.str();
  return kExitOk;
}

}  // namespace finsam
