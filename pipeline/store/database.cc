#include "pipeline/store/database.h"

#include <ctime>
#include <filesystem>

#include "model/extraction.h"
#include "pipeline/store/cross_checks.h"
#include "pipeline/store/load_governance.h"
#include "pipeline/store/org_store.h"
#include "pipeline/store/schema.h"

namespace finsam {
namespace {

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

template <typename T>
std::optional<T> NonZero(T v) {
  return v ? std::optional<T>(v) : std::nullopt;
}

std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace

const char* LoadOutcomeName(LoadOutcome o) {
  switch (o) {
    case LoadOutcome::kLoaded: return "loaded";
    case LoadOutcome::kUnchanged: return "unchanged";
    case LoadOutcome::kReextracted: return "re-extracted";
  }
  return "?";
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, const DbOpenOptions& options) {
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(path, options.access, options.busy);
  if (!db.ok()) return db.status();
  FINSAM_RETURN_IF_ERROR(CheckFinsamDatabase(**db, /*allow_empty=*/options.access == DbAccess::kCreate));
  if (options.access == DbAccess::kRead && !SchemaIsCurrent(**db)) {
    // An older finsam's database: the migration writes, so read-write.
    DbLocation loc = ProbeDbLocation(path);
    if (!loc.file_writable || !loc.dir_writable) {
      return Status::Database("database needs a schema upgrade to version " + std::to_string(LatestSchemaVersion()) +
                              " but is read-only");
    }
    db = SqliteDb::Open(path, DbAccess::kWrite, options.busy);
    if (!db.ok()) return db.status();
  }
  // WAL is set before the migration so that creating a new database is
  // cheap too.
  if (options.wal && !(*db)->read_only()) (*db)->Exec("PRAGMA journal_mode=WAL").IgnoreError();  // speed only
  Status st = MigrateSchema(**db);
  if (!st.ok()) return st;
  return std::unique_ptr<Database>(new Database(std::move(db).value()));
}

int Database::StoredPipelineVersion(const std::string& sha256) {
  Result<SqliteStatement> q = db_->Prepare("SELECT pipeline_version FROM documents WHERE sha256 = ?");
  if (!q.ok()) return 0;
  q->Bind(1, sha256);
  return q->Step() ? static_cast<int>(q->Int(0)) : 0;
}

Result<int64_t> UpsertOrganisation(SqliteDb& db, const std::string& name, const std::string& kind) {
  Result<SqliteStatement> ins = db.Prepare(
      "INSERT INTO organisations(name, kind) VALUES(?, ?) ON CONFLICT(name) DO NOTHING");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, name).Bind(2, NonEmpty(kind));
  FINSAM_RETURN_IF_ERROR(ins->Run());
  Result<SqliteStatement> q = db.Prepare("SELECT organisation_id FROM organisations WHERE name = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, name);
  if (!q->Step()) return q->status().ok() ? Status::Database("organisation vanished: " + name) : q->status();
  return q->Int(0);
}

Status LoadPages(SqliteDb& db, int64_t document_id, const Extraction& ex) {
  Result<SqliteStatement> ins = db.Prepare(
      "INSERT INTO pages(document_id, page, width, height, unit, decision, reason, ocr_confidence, text, "
      "ocr_skipped, text_score, ocr_score, label) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  for (const Page& p : ex.doc.pages) {
    std::string text;
    for (const Line& l : p.lines) {
      text += l.text;
      text += '\n';
    }
    ins->Bind(1, document_id).Bind(2, p.number).Bind(3, p.width).Bind(4, p.height);
    ins->Bind(5, BoxUnitName(p.unit)).Bind(6, PageDecisionName(p.decision)).Bind(7, NonEmpty(p.decision_reason));
    if (p.ocr_confidence >= 0) ins->Bind(8, p.ocr_confidence); else ins->BindNull(8);
    ins->Bind(9, text);
    ins->Bind(10, int64_t{p.ocr_skipped ? 1 : 0});
    if (p.text_layer_score >= 0) ins->Bind(11, p.text_layer_score); else ins->BindNull(11);
    if (p.ocr_score >= 0) ins->Bind(12, p.ocr_score); else ins->BindNull(12);
    ins->Bind(13, NonEmpty(p.label));
    FINSAM_RETURN_IF_ERROR(ins->Run());
  }
  return Status::Ok();
}

Status LoadFinancialTables(SqliteDb& db, int64_t document_id, const Extraction& ex, int* facts) {
  Result<SqliteStatement> ins_table = db.Prepare(
      "INSERT INTO fin_tables(document_id, seq, title, table_kind, unit, scale, page, last_page, confidence) "
      "VALUES(?,?,?,?,?,?,?,?,?)");
  Result<SqliteStatement> ins_col = db.Prepare(
      "INSERT INTO fin_columns(table_id, col, header, year, column_kind, period) VALUES(?,?,?,?,?,?)");
  Result<SqliteStatement> ins_row = db.Prepare(
      "INSERT INTO fin_rows(table_id, seq, label, section, category, is_total, page, line_index, x0, y0, x1, y1) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
  Result<SqliteStatement> ins_fact = db.Prepare(
      "INSERT INTO facts(row_id, col, amount_sek, value, is_percent, raw_text, page, line_index, x0, y0, x1, y1, "
      "confidence, status) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  for (auto* s : {&ins_table, &ins_col, &ins_row, &ins_fact})
    if (!s->ok()) return s->status();
  int seq = 0;
  for (const FinancialTable& t : ex.tables) {
    ins_table->Bind(1, document_id).Bind(2, seq++).Bind(3, t.title).Bind(4, t.table_kind).Bind(5, t.unit);
    ins_table->Bind(6, t.scale).Bind(7, t.page).Bind(8, t.last_page).Bind(9, t.confidence);
    FINSAM_RETURN_IF_ERROR(ins_table->Run());
    int64_t table_id = db.LastInsertId();
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const TableColumn& col = t.columns[c];
      ins_col->Bind(1, table_id).Bind(2, static_cast<int64_t>(c)).Bind(3, col.header);
      ins_col->Bind(4, NonZero(col.year)).Bind(5, ColumnKindName(col.kind)).Bind(6, NonEmpty(col.period));
      FINSAM_RETURN_IF_ERROR(ins_col->Run());
    }
    int row_seq = 0;
    for (const TableRow& r : t.rows) {
      if (r.is_header) continue;
      ins_row->Bind(1, table_id).Bind(2, row_seq++).Bind(3, r.label).Bind(4, NonEmpty(r.section));
      ins_row->Bind(5, r.category).Bind(6, r.is_total ? 1 : 0).Bind(7, r.prov.page).Bind(8, r.prov.line_index);
      ins_row->Bind(9, r.prov.box.x0).Bind(10, r.prov.box.y0).Bind(11, r.prov.box.x1).Bind(12, r.prov.box.y1);
      FINSAM_RETURN_IF_ERROR(ins_row->Run());
      int64_t row_id = db.LastInsertId();
      for (size_t c = 0; c < r.cells.size() && c < t.columns.size(); ++c) {
        const TableCell& cell = r.cells[c];
        if (!cell.present || t.columns[c].kind == ColumnKind::kNote) continue;
        ins_fact->Bind(1, row_id).Bind(2, static_cast<int64_t>(c));
        if (cell.is_percent || !r.monetary || !cell.parsed) ins_fact->BindNull(3); else ins_fact->Bind(3, cell.amount_sek);
        ins_fact->Bind(4, cell.value).Bind(5, cell.is_percent ? 1 : 0).Bind(6, cell.raw);
        ins_fact->Bind(7, cell.prov.page).Bind(8, cell.prov.line_index);
        ins_fact->Bind(9, cell.prov.box.x0).Bind(10, cell.prov.box.y0).Bind(11, cell.prov.box.x1).Bind(12, cell.prov.box.y1);
        ins_fact->Bind(13, cell.prov.confidence).Bind(14, cell.status);
        FINSAM_RETURN_IF_ERROR(ins_fact->Run());
        ++*facts;
      }
    }
  }
  return Status::Ok();
}

Result<LoadResult> Database::Load(const Extraction& ex, const std::string& org_override) {
  SqliteDb& db = *db_;
  const Document& doc = ex.doc;
  LoadResult result;
  FINSAM_RETURN_IF_ERROR(db.Begin());
  auto fail = [&](Status st) -> Result<LoadResult> {
    db.Rollback();
    return st;
  };
  {
    Result<SqliteStatement> q = db.Prepare("SELECT document_id, pipeline_version FROM documents WHERE sha256 = ?");
    if (!q.ok()) return fail(q.status());
    q->Bind(1, doc.sha256);
    if (q->Step()) {
      result.document_id = q->Int(0);
      if (q->Int(1) >= kPipelineVersion) {
        db.Rollback();
        result.outcome = LoadOutcome::kUnchanged;
        return result;
      }
      result.outcome = LoadOutcome::kReextracted;
    }
    if (!q->status().ok()) return fail(q->status());
  }
  // The organisation: an --org override (given now, or stored with the
  // document by an earlier ingest) replaces what the document reads.
  std::string override = org_override;
  if (override.empty() && result.outcome == LoadOutcome::kReextracted) {
    Result<SqliteStatement> q = db.Prepare("SELECT COALESCE(org_override, '') FROM documents WHERE document_id = ?");
    if (!q.ok()) return fail(q.status());
    q->Bind(1, result.document_id);
    if (q->Step()) override = q->Text(0);
  }
  DocumentMeta meta = doc.meta;
  const std::string printed = meta.forbund;
  ApplyOrgOverride(db, override, &meta);
  Result<std::optional<int64_t>> org = ResolveOrganisation(db, meta);
  if (!org.ok()) return fail(org.status());
  std::optional<int64_t> forbund_id = *org;
  std::string warnings;
  for (const std::string& w : doc.warnings) warnings += w + "\n";
  if (result.outcome == LoadOutcome::kReextracted) {
    // Extracted rows hang off the document row with ON DELETE CASCADE; the
    // row itself is updated in place so document_id stays stable.
    Result<SqliteStatement> del = db.Prepare("DELETE FROM pages WHERE document_id = ?");
    Result<SqliteStatement> del2 = db.Prepare("DELETE FROM fin_tables WHERE document_id = ?");
    if (!del.ok() || !del2.ok()) return fail(del.ok() ? del2.status() : del.status());
    del->Bind(1, result.document_id);
    del2->Bind(1, result.document_id);
    Status st = del->Run();
    if (st.ok()) st = del2->Run();
    if (!st.ok()) return fail(st);
    Result<SqliteStatement> up = db.Prepare(
        "UPDATE documents SET source_path=?, size_bytes=?, format=?, forbund_id=?, kind=?, title=?, year_from=?, "
        "year_to=?, decided_on=?, pages=?, pipeline_version=?, ingested_at=?, warnings=? WHERE document_id=?");
    if (!up.ok()) return fail(up.status());
    up->Bind(1, doc.source_path).Bind(2, doc.size_bytes).Bind(3, doc.format == InputFormat::kPdf ? "pdf" : "text");
    up->Bind(4, forbund_id).Bind(5, NonEmpty(doc.meta.kind)).Bind(6, NonEmpty(doc.meta.title));
    up->Bind(7, NonZero(doc.meta.year_from)).Bind(8, NonZero(doc.meta.year_to)).Bind(9, NonEmpty(doc.meta.decided_on));
    up->Bind(10, doc.page_count()).Bind(11, kPipelineVersion).Bind(12, NowIso()).Bind(13, NonEmpty(warnings));
    up->Bind(14, result.document_id);
    st = up->Run();
    if (!st.ok()) return fail(st);
  } else {
    Result<SqliteStatement> ins = db.Prepare(
        "INSERT INTO documents(sha256, source_path, size_bytes, format, forbund_id, kind, title, year_from, year_to, "
        "decided_on, pages, pipeline_version, ingested_at, warnings) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!ins.ok()) return fail(ins.status());
    ins->Bind(1, doc.sha256).Bind(2, doc.source_path).Bind(3, doc.size_bytes);
    ins->Bind(4, doc.format == InputFormat::kPdf ? "pdf" : "text").Bind(5, forbund_id);
    ins->Bind(6, NonEmpty(doc.meta.kind)).Bind(7, NonEmpty(doc.meta.title)).Bind(8, NonZero(doc.meta.year_from));
    ins->Bind(9, NonZero(doc.meta.year_to)).Bind(10, NonEmpty(doc.meta.decided_on)).Bind(11, doc.page_count());
    ins->Bind(12, kPipelineVersion).Bind(13, NowIso()).Bind(14, NonEmpty(warnings));
    Status st = ins->Run();
    if (!st.ok()) return fail(st);
    result.document_id = db.LastInsertId();
  }
  {
    Result<SqliteStatement> up =
        db.Prepare("UPDATE documents SET org_source = ?, org_override = ?, org_printed = ? WHERE document_id = ?");
    if (!up.ok()) return fail(up.status());
    up->Bind(1, NonEmpty(meta.org_source)).Bind(2, NonEmpty(override)).Bind(3, NonEmpty(printed));
    up->Bind(4, result.document_id);
    if (Status st = up->Run(); !st.ok()) return fail(st);
  }
  Status st = LoadPages(db, result.document_id, ex);
  if (st.ok()) st = LoadFinancialTables(db, result.document_id, ex, &result.facts);
  if (st.ok()) st = LoadGovernance(db, result.document_id, ex);
  // Data-quality review: this document's flags, then the cross-document
  // rules of its förbund (recomputed whole, so idempotent). Corrections are
  // keyed apart from the extracted rows and re-applied by v_financial.
  if (st.ok()) st = LoadFlags(db, result.document_id, ex);
  if (st.ok() && forbund_id) st = RunCrossChecks(db, *forbund_id);
  if (!st.ok()) return fail(st);
  st = db.Commit();
  if (!st.ok()) return fail(st);
  return result;
}

}  // namespace finsam
