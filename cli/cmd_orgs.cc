// `finsam orgs [--db PATH] [--format table|csv|json]
//              [--rename ORG NEW_NAME | --merge ORG INTO_ORG]`
// and `finsam categories [--format table|csv|json]`.
//
// Lists the organisations documents belong to; --rename and --merge record
// a reviewer's decision (org_decisions) and apply it, and every later load
// of a document of that organisation applies it again (pipeline/store/org_store.h).
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "extractors/categories.h"
#include "pipeline/review/compare.h"
#include "pipeline/store/database.h"
#include "pipeline/store/org_store.h"

namespace finsam {
namespace {

constexpr const char* kOrgsDescription =
    R"(Lists the organisations the ingested documents belong to: id, name, kind
(samordningsförbund, kommun, region, nämnd, brf, other), organisationsnummer
(the identity when a document prints one), number of documents, years.
ORG is an id from this list, an organisationsnummer, a name, or a part of a
name that only one organisation has.
  --rename ORG NEW_NAME   call the organisation NEW_NAME from now on
  --merge ORG INTO_ORG    the two are one organisation: ORG's documents move
                          to INTO_ORG
Both decisions are stored and apply again when documents are re-ingested.)";

constexpr const char* kOrgsFooter =
    "Exit codes: 0 ok, 1 the database could not be read or written, 2 usage (also: no such organisation).";

std::string Years(int from, int to) {
  if (!from) return "";
  return to && to != from ? std::to_string(from) + "-" + std::to_string(to) : std::to_string(from);
}

}  // namespace

int RunOrgsCommand(const Args& args) {
  std::string db_path = kDefaultDbPath, format = "table";
  std::vector<std::string> rename, merge;
  std::unique_ptr<CLI::App> app =
      MakeCommandApp("orgs", "usage: finsam orgs [OPTIONS]", kOrgsDescription, kOrgsFooter);
  app->add_option("--db", db_path, "database file (default finsam.db)")->type_name("PATH");
  app->add_option("--format", format, "output format (default table)")
      ->type_name("table|csv|json")
      ->check(OneOf({"table", "csv", "json"}));
  CLI::Option* r = app->add_option("--rename", rename, "rename ORG to NEW_NAME")->type_name("ORG NEW_NAME")->expected(2);
  CLI::Option* m = app->add_option("--merge", merge, "merge ORG into INTO_ORG")->type_name("ORG INTO_ORG")->expected(2);
  r->excludes(m);
  if (std::optional<int> exit = ParseCommandLine(*app, "orgs", args)) return *exit;

  const bool write = !rename.empty() || !merge.empty();
  DbOpenOptions open;
  open.access = write ? DbAccess::kWrite : DbAccess::kRead;
  Result<std::unique_ptr<Database>> db = Database::Open(db_path, open);
  if (!db.ok()) return DatabaseError(db_path, db.status());
  SqliteDb& sql = (*db)->sql();
  if (write) {
    const std::string& ref = rename.empty() ? merge[0] : rename[0];
    Result<OrgRow> org = FindOrganisation(sql, ref);
    if (!org.ok()) return UsageError("orgs", org.status().message());
    Status st;
    if (!rename.empty()) {
      st = RenameOrganisation(sql, *org, rename[1]);
      if (st.ok()) std::cerr << "renamed #" << org->id << " '" << org->name << "' -> '" << rename[1] << "'\n";
    } else {
      Result<OrgRow> into = FindOrganisation(sql, merge[1]);
      if (!into.ok()) return UsageError("orgs", into.status().message());
      st = MergeOrganisations(sql, *org, *into);
      if (st.ok())
        std::cerr << "merged #" << org->id << " '" << org->name << "' into #" << into->id << " '" << into->name << "'\n";
    }
    if (st.code() == StatusCode::kInvalidArgument) return UsageError("orgs", st.message());
    if (!st.ok()) return DatabaseError(db_path, st);
  }
  Result<std::vector<OrgRow>> orgs = ListOrganisations(sql);
  if (!orgs.ok()) return DatabaseError(db_path, orgs.status());
  ResultTable t;
  t.columns = {"id", "organisation", "kind", "orgnr", "documents", "years"};
  for (const OrgRow& o : *orgs)
    t.rows.push_back({std::to_string(o.id), o.name, o.kind, o.orgnr, std::to_string(o.documents),
                      Years(o.year_from, o.year_to)});
  std::ostringstream out;
  WriteResultTable(t, format, out);
  std::cout << out.str();
  return kExitOk;
}

int RunCategoriesCommand(const Args& args) {
  std::string format = "table";
  std::unique_ptr<CLI::App> app = MakeCommandApp(
      "categories", "usage: finsam categories [OPTIONS]",
      "Lists the row categories (the values of --metric and of the category column), with what each means.",
      "Exit codes: 0 ok, 2 usage.");
  app->add_option("--format", format, "output format (default table)")
      ->type_name("table|csv|json")
      ->check(OneOf({"table", "csv", "json"}));
  if (std::optional<int> exit = ParseCommandLine(*app, "categories", args)) return *exit;
  ResultTable t;
  t.columns = {"category", "description"};
  for (const CategoryInfo& c : CategoryVocabulary()) t.rows.push_back({c.name, c.description});
  std::ostringstream out;
  WriteResultTable(t, format, out);
  std::cout << out.str();
  return kExitOk;
}

}  // namespace finsam
