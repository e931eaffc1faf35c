// Loader step: a document's data-quality flags (see pipeline/store/cross_checks.h).
#include <map>
#include <set>
#include <tuple>

#include "pipeline/store/cross_checks.h"
#include "pipeline/store/stable_keys.h"

namespace finsam {

Status LoadFlags(SqliteDb& db, int64_t document_id, const Extraction& ex) {
  {
    Result<SqliteStatement> del = db.Prepare("DELETE FROM flags WHERE document_id = ? AND scope = 'document'");
    if (!del.ok()) return del.status();
    del->Bind(1, document_id);
    FINSAM_RETURN_IF_ERROR(del->Run());
  }
  // (table seq, row seq, col) → fact_id, as LoadFinancialTables numbered them.
  std::map<std::tuple<int, int, int>, int64_t> fact_of;
  {
    Result<SqliteStatement> q = db.Prepare(
        "SELECT t.seq, r.seq, x.col, x.fact_id FROM facts x JOIN fin_rows r ON r.row_id = x.row_id "
        "JOIN fin_tables t ON t.table_id = r.table_id WHERE t.document_id = ?");
    if (!q.ok()) return q.status();
    q->Bind(1, document_id);
    while (q->Step())
      fact_of[{static_cast<int>(q->Int(0)), static_cast<int>(q->Int(1)), static_cast<int>(q->Int(2))}] = q->Int(3);
    FINSAM_RETURN_IF_ERROR(q->status());
  }
  // Row index in the Extraction → row seq in the database (header rows are
  // not stored).
  std::vector<std::vector<int>> row_seq(ex.tables.size());
  for (size_t t = 0; t < ex.tables.size(); ++t) {
    int seq = 0;
    for (const TableRow& r : ex.tables[t].rows) row_seq[t].push_back(r.is_header ? -1 : seq++);
  }
  std::optional<int64_t> forbund_id;
  {
    Result<SqliteStatement> q = db.Prepare("SELECT forbund_id FROM documents WHERE document_id = ?");
    if (!q.ok()) return q.status();
    q->Bind(1, document_id);
    if (q->Step() && !q->IsNull(0)) forbund_id = q->Int(0);
    FINSAM_RETURN_IF_ERROR(q->status());
  }
  Result<SqliteStatement> ins = db.Prepare(
      "INSERT INTO flags(document_id, forbund_id, scope, rule, severity, passed, year, message, expected, found, "
      "unit, page, source_text, flag_key, suggested_value, suggested_fact_id) "
      "VALUES(?,?,'document',?,?,?,?,?,?,?,?,?,?,?,?,?)");
  Result<SqliteStatement> ins_fact = db.Prepare("INSERT OR IGNORE INTO flag_facts(flag_id, fact_id, seq) VALUES(?,?,?)");
  if (!ins.ok()) return ins.status();
  if (!ins_fact.ok()) return ins_fact.status();
  for (const Flag& f : ex.flags) {
    ins->Bind(1, document_id).Bind(2, forbund_id).Bind(3, f.rule).Bind(4, f.severity).Bind(5, f.passed ? 1 : 0);
    if (f.year) ins->Bind(6, f.year); else ins->BindNull(6);
    ins->Bind(7, f.message).Bind(8, f.expected).Bind(9, f.found).Bind(10, f.unit);
    if (f.page) ins->Bind(11, f.page); else ins->BindNull(11);
    ins->Bind(12, f.source_text).Bind(13, f.key.empty() ? f.rule : f.key);
    // The fact of a cell, if it was stored (an empty cell or the Not column has none).
    auto fact_at = [&](const FlagCell& c) -> std::optional<int64_t> {
      if (c.table < 0 || c.table >= static_cast<int>(row_seq.size())) return std::nullopt;
      if (c.row < 0 || c.row >= static_cast<int>(row_seq[c.table].size()) || row_seq[c.table][c.row] < 0)
        return std::nullopt;
      auto it = fact_of.find({c.table, row_seq[c.table][c.row], c.col});
      if (it == fact_of.end()) return std::nullopt;
      return it->second;
    };
    std::optional<int64_t> suggested = f.suggested_cell ? fact_at(*f.suggested_cell) : std::nullopt;
    if (suggested && f.suggested_value) {
      ins->Bind(14, *f.suggested_value).Bind(15, *suggested);
    } else {
      ins->BindNull(14).BindNull(15);
    }
    FINSAM_RETURN_IF_ERROR(ins->Run());
    int64_t flag_id = db.LastInsertId();
    int seq = 0;
    for (const FlagCell& c : f.cells) {
      std::optional<int64_t> fact = fact_at(c);
      if (!fact) continue;
      ins_fact->Bind(1, flag_id).Bind(2, *fact).Bind(3, seq++);
      FINSAM_RETURN_IF_ERROR(ins_fact->Run());
    }
  }
  // Stable ids of this document's facts and flags (stable_keys.h).
  return AssignStableIds(db, document_id);
}

}  // namespace finsam
