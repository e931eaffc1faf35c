// `finsam show DOC [--db PATH] [--table N] [--page P]`: a document's
// financial tables as they were read — title, kind, pages, unit, the
// column headers (header text, year, column kind), then every row with its
// category, total flag and cells (as printed), each cell not `ok` marked
// with its status.
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "pipeline/review/compare.h"
#include "pipeline/store/database.h"

namespace finsam {
namespace {

std::string PageText(int page, const std::string& label) {
  std::string s = "p." + std::to_string(page);
  if (!label.empty()) s += " (printed " + label + ")";
  return s;
}

}  // namespace

int RunShowCommand(const Args& args) {
  std::string db_path = kDefaultDbPath, doc_ref;
  int64_t table = 0, page = 0;
  std::unique_ptr<CLI::App> app = MakeCommandApp(
      "show", "usage: finsam show DOC [OPTIONS]",
      "Prints a document's financial tables as they were read: title, table kind, pages, unit, the\n"
      "column headers (text, year, column kind), then every row: label, category, total flag (Σ), and\n"
      "its cells as printed; a cell whose status is not ok is followed by [suspect], [repaired] or\n"
      "[corrected]. DOC is a document id (see 'finsam docs') or the path of an ingested file.",
      "Exit codes: 0 ok, 1 the database could not be read, 2 usage (also: no such document, table or page).");
  app->add_option("--db", db_path, "database file (default finsam.db)")->type_name("PATH");
  app->add_option("--table", table, "only table N (numbered from 1 in document order)")
      ->type_name("N")
      ->check(DecimalInteger(1, 1000000));
  app->add_option("--page", page, "only tables on PDF page P")->type_name("P")->check(DecimalInteger(1, 1000000));
  app->add_option("doc", doc_ref, "document id or path")->type_name("DOC")->required();
  if (std::optional<int> exit = ParseCommandLine(*app, "show", args)) return *exit;

  DbOpenOptions open;
  open.access = DbAccess::kRead;
  Result<std::unique_ptr<Database>> db = Database::Open(db_path, open);
  if (!db.ok()) return DatabaseError(db_path, db.status());
  SqliteDb& sql = (*db)->sql();

  int64_t doc_id = 0;
  if (std::optional<int64_t> id = ParseDecimal(doc_ref, 1, int64_t{1} << 50)) {
    doc_id = *id;
  } else {
    std::error_code ec;
    std::string canon = std::filesystem::weakly_canonical(std::filesystem::absolute(doc_ref, ec), ec).string();
    Result<SqliteStatement> q = sql.Prepare("SELECT document_id FROM documents WHERE source_path = ? OR source_path = ?");
    if (!q.ok()) return DatabaseError(db_path, q.status());
    q->Bind(1, canon).Bind(2, doc_ref);
    if (q->Step()) doc_id = q->Int(0);
  }
  Result<SqliteStatement> d = sql.Prepare(
      "SELECT COALESCE(organisation, '(no organisation)'), COALESCE(kind, ''), COALESCE(year_from, 0), "
      "COALESCE(year_to, 0), pages, source_path FROM v_documents WHERE document_id = ?");
  if (!d.ok()) return DatabaseError(db_path, d.status());
  d->Bind(1, doc_id);
  if (!d->Step()) return UsageError("show", "no document '" + doc_ref + "' (see 'finsam docs')");
  std::ostringstream out;
  {
    int from = static_cast<int>(d->Int(2)), to = static_cast<int>(d->Int(3));
    out << "document #" << doc_id << "  " << d->Text(0) << "  " << d->Text(1);
    if (from) out << " " << from << (to && to != from ? "-" + std::to_string(to) : "");
    out << "  " << d->Int(4) << " pages  " << d->Text(5) << "\n";
  }
  std::map<int64_t, std::string> labels;
  {
    Result<SqliteStatement> q = sql.Prepare("SELECT page, COALESCE(label, '') FROM pages WHERE document_id = ?");
    if (!q.ok()) return DatabaseError(db_path, q.status());
    q->Bind(1, doc_id);
    while (q->Step()) labels[q->Int(0)] = q->Text(1);
  }
  Result<SqliteStatement> tq = sql.Prepare(
      "SELECT table_id, seq, COALESCE(title, ''), COALESCE(table_kind, ''), COALESCE(unit, ''), COALESCE(page, 0), "
      "COALESCE(last_page, page, 0) FROM fin_tables WHERE document_id = ? ORDER BY seq");
  if (!tq.ok()) return DatabaseError(db_path, tq.status());
  tq->Bind(1, doc_id);
  int shown = 0, count = 0;
  while (tq->Step()) {
    ++count;
    const int64_t table_id = tq->Int(0);
    const int64_t n = tq->Int(1) + 1;
    const int64_t first = tq->Int(5), last = tq->Int(6);
    if (table && n != table) continue;
    if (page && (page < first || page > last)) continue;
    ++shown;
    out << "\ntable " << n << "  \"" << tq->Text(2) << "\"  " << (tq->Text(3).empty() ? "table" : tq->Text(3)) << "  "
        << PageText(static_cast<int>(first), labels[first]);
    if (last > first) out << "–" << PageText(static_cast<int>(last), labels[last]);
    out << "  unit " << (tq->Text(4).empty() ? "unknown" : tq->Text(4)) << "\n";
    ResultTable t;
    t.columns = {"row", "label", "category", "Σ"};
    std::vector<std::string> years = {"", "year", "", ""}, kinds = {"", "column kind", "", ""};
    std::vector<int64_t> cols;
    Result<SqliteStatement> cq = sql.Prepare(
        "SELECT col, COALESCE(header, ''), COALESCE(year, 0), COALESCE(column_kind, '') FROM fin_columns "
        "WHERE table_id = ? ORDER BY col");
    if (!cq.ok()) return DatabaseError(db_path, cq.status());
    cq->Bind(1, table_id);
    while (cq->Step()) {
      cols.push_back(cq->Int(0));
      t.columns.push_back(cq->Text(1).empty() ? "col " + std::to_string(cq->Int(0) + 1) : cq->Text(1));
      years.push_back(cq->Int(2) ? std::to_string(cq->Int(2)) : "");
      kinds.push_back(cq->Text(3));
    }
    t.rows.push_back(years);
    t.rows.push_back(kinds);
    // Cells from v_financial: corrections applied, statuses as reviewed.
    std::map<std::pair<int64_t, int64_t>, std::string> cells;
    Result<SqliteStatement> fq = sql.Prepare(
        "SELECT row_id, col, raw_text, status, amount_sek, original_amount_sek FROM v_financial WHERE table_id = ?");
    if (!fq.ok()) return DatabaseError(db_path, fq.status());
    fq->Bind(1, table_id);
    while (fq->Step()) {
      std::string cell = fq->Text(2);
      const std::string status = fq->Text(3);
      if (status == "corrected") cell = fq->Text(4) + " kr (printed " + cell + ")";
      if (status != "ok") cell += " [" + status + "]";
      cells[{fq->Int(0), fq->Int(1)}] = cell;
    }
    Result<SqliteStatement> rq = sql.Prepare(
        "SELECT row_id, seq, COALESCE(label, ''), COALESCE(category, ''), is_total FROM fin_rows WHERE table_id = ? "
        "ORDER BY seq");
    if (!rq.ok()) return DatabaseError(db_path, rq.status());
    rq->Bind(1, table_id);
    while (rq->Step()) {
      std::vector<std::string> row = {std::to_string(rq->Int(1) + 1), rq->Text(2), rq->Text(3),
                                      rq->Int(4) ? "Σ" : ""};
      for (int64_t c : cols) {
        auto it = cells.find({rq->Int(0), c});
        row.push_back(it == cells.end() ? "" : it->second);
      }
      t.rows.push_back(std::move(row));
    }
    WriteResultTable(t, "table", out);
  }
  if (table && table > count)
    return UsageError("show", "document #" + std::to_string(doc_id) + " has " + std::to_string(count) +
                                  (count == 1 ? " table" : " tables"));
  if (page && !shown) {
    Result<SqliteStatement> pq = sql.Prepare("SELECT pages FROM documents WHERE document_id = ?");
    if (pq.ok()) {
      pq->Bind(1, doc_id);
      if (pq->Step() && page > pq->Int(0))
        return UsageError("show", "document #" + std::to_string(doc_id) + " has " + pq->Text(0) + " pages");
    }
    out << "\nno table on " << PageText(static_cast<int>(page), labels[page]) << "\n";
  } else if (!shown) {
    out << "\nno financial tables\n";
  }
  std::cout << out.str();
  return kExitOk;
}

}  // namespace finsam
