#include "pipeline/review/documents.h"

namespace finsam {
namespace {

std::optional<std::string> OptText(SqliteStatement& q, int col) {
  if (q.IsNull(col)) return std::nullopt;
  return q.Text(col);
}
std::optional<int64_t> OptInt(SqliteStatement& q, int col) {
  if (q.IsNull(col)) return std::nullopt;
  return q.Int(col);
}

}  // namespace

Result<std::vector<DocumentSummary>> ListDocuments(SqliteDb& db) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT d.document_id, COALESCE(d.organisation, ''), d.organisation_id, COALESCE(d.org_kind, ''), d.kind, "
      "d.title, d.year_from, d.year_to, d.pages, d.format, d.source_path, "
      "(SELECT count(*) FROM fin_tables t WHERE t.document_id = d.document_id), "
      "(SELECT count(*) FROM v_financial f WHERE f.document_id = d.document_id), "
      "(SELECT count(*) FROM v_flags g WHERE g.document_id = d.document_id AND g.status = 'open') "
      "FROM v_documents d ORDER BY d.document_id");
  if (!q.ok()) return q.status();
  std::vector<DocumentSummary> out;
  while (q->Step()) {
    DocumentSummary d;
    d.id = q->Int(0);
    d.organisation = q->Text(1);
    d.organisation_id = OptInt(*q, 2);
    d.org_kind = q->Text(3);
    d.kind = OptText(*q, 4);
    d.title = OptText(*q, 5);
    d.year_from = OptInt(*q, 6);
    d.year_to = OptInt(*q, 7);
    d.pages = q->Int(8);
    d.format = q->Text(9);
    d.source_path = q->Text(10);
    d.tables = q->Int(11);
    d.facts = q->Int(12);
    d.open_flags = q->Int(13);
    out.push_back(std::move(d));
  }
  if (!q->status().ok()) return q->status();
  return out;
}

}  // namespace finsam
