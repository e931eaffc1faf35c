#include "pipeline/schema.h"

#include <re2/re2.h>

#include <string>

namespace finsam {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "documents, pages, financial tables and facts", R"sql(
CREATE TABLE forbund(
  forbund_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE);
CREATE TABLE organisations(
  organisation_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT);                              -- myndighet | region | kommun | förbund | other
CREATE TABLE documents(
  document_id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,             -- identity: same bytes, same document
  source_path TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  format TEXT NOT NULL,                    -- pdf | text
  forbund_id INTEGER REFERENCES forbund(forbund_id),
  kind TEXT, title TEXT, year_from INTEGER, year_to INTEGER, decided_on TEXT,
  pages INTEGER NOT NULL,
  pipeline_version INTEGER NOT NULL,
  ingested_at TEXT NOT NULL,
  warnings TEXT);
CREATE TABLE pages(
  document_id INTEGER NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
  page INTEGER NOT NULL,                   -- 1-based
  width REAL, height REAL, unit TEXT NOT NULL,   -- pt (origin top-left) | char
  decision TEXT NOT NULL,                  -- text | repair | ocr | empty
  reason TEXT,
  ocr_confidence REAL,                     -- 0..1, NULL unless OCRed
  text TEXT,                               -- normalized page text, lines joined by \n
  PRIMARY KEY(document_id, page));
CREATE TABLE fin_tables(
  table_id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,                    -- order within the document
  title TEXT, table_kind TEXT, unit TEXT, scale INTEGER,
  page INTEGER, last_page INTEGER, confidence REAL);
CREATE TABLE fin_columns(
  table_id INTEGER NOT NULL REFERENCES fin_tables(table_id) ON DELETE CASCADE,
  col INTEGER NOT NULL, header TEXT, year INTEGER, column_kind TEXT,
  PRIMARY KEY(table_id, col));
CREATE TABLE fin_rows(
  row_id INTEGER PRIMARY KEY,
  table_id INTEGER NOT NULL REFERENCES fin_tables(table_id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, label TEXT, section TEXT, category TEXT,
  is_total INTEGER NOT NULL DEFAULT 0,
  page INTEGER, line_index INTEGER, x0 REAL, y0 REAL, x1 REAL, y1 REAL);
CREATE TABLE facts(
  fact_id INTEGER PRIMARY KEY,
  row_id INTEGER NOT NULL REFERENCES fin_rows(row_id) ON DELETE CASCADE,
  col INTEGER NOT NULL,
  amount_sek INTEGER,                      -- whole kronor; NULL for percent cells
  value REAL,                              -- as printed, before unit scaling
  is_percent INTEGER NOT NULL DEFAULT 0,
  raw_text TEXT NOT NULL,
  page INTEGER NOT NULL, line_index INTEGER,
  x0 REAL, y0 REAL, x1 REAL, y1 REAL,      -- box in the page's unit
  confidence REAL NOT NULL,
  status TEXT NOT NULL DEFAULT 'ok');      -- ok | repaired | suspect | corrected
CREATE INDEX facts_row ON facts(row_id);
CREATE INDEX rows_table ON fin_rows(table_id);
CREATE INDEX rows_category ON fin_rows(category);
CREATE INDEX tables_document ON fin_tables(document_id);
)sql"},
  };
  return kMigrations;
}

const std::vector<const char*>& ViewDefinitions() {
  static const std::vector<const char*> kViews = {
      R"sql(CREATE VIEW v_documents AS
SELECT d.document_id, f.name AS forbund, d.kind, d.title, d.year_from, d.year_to,
       d.decided_on, d.pages, d.source_path, d.sha256, d.format, d.pipeline_version, d.ingested_at
FROM documents d LEFT JOIN forbund f USING(forbund_id))sql",
      R"sql(CREATE VIEW v_pages AS
SELECT document_id, page, decision, reason, ocr_confidence, unit, width, height
FROM pages)sql",
      R"sql(CREATE VIEW v_financial AS
SELECT d.document_id, fb.name AS forbund, d.kind AS doc_kind, t.title AS table_title,
       r.section, r.label, r.category, c.year, c.column_kind, x.amount_sek, t.unit,
       x.page, x.raw_text, x.confidence, x.status,
       t.table_kind, r.is_total, x.fact_id, x.value, x.is_percent, c.header AS column_header,
       x.line_index, x.x0, x.y0, x.x1, x.y1, t.table_id, r.row_id, x.col
FROM facts x
JOIN fin_rows r ON r.row_id = x.row_id
JOIN fin_tables t ON t.table_id = r.table_id
JOIN fin_columns c ON c.table_id = t.table_id AND c.col = x.col
JOIN documents d ON d.document_id = t.document_id
LEFT JOIN forbund fb ON fb.forbund_id = d.forbund_id)sql",
  };
  return kViews;
}

int LatestSchemaVersion() { return Migrations().back().version; }

Status MigrateSchema(SqliteDb& db) {
  FINSAM_RETURN_IF_ERROR(db.Exec(
      "CREATE TABLE IF NOT EXISTS schema_info(key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
  FINSAM_RETURN_IF_ERROR(db.Begin());
  auto fail = [&](Status st) {
    db.Rollback();
    return st;
  };
  int current = static_cast<int>(
      db.QueryInt("SELECT CAST(value AS INTEGER) FROM schema_info WHERE key='schema_version'").value_or(0));
  if (current > LatestSchemaVersion()) {
    return fail(Status::Database("database schema version " + std::to_string(current) +
                                 " is newer than this finsam supports (" +
                                 std::to_string(LatestSchemaVersion()) + ")"));
  }
  for (const Migration& m : Migrations()) {
    if (m.version <= current) continue;
    Status st = db.Exec(m.sql);
    if (!st.ok()) return fail(Status::Database("migration " + std::to_string(m.version) + ": " + st.message()));
  }
  Status st = db.Exec("INSERT OR REPLACE INTO schema_info(key, value) VALUES('schema_version', '" +
                      std::to_string(LatestSchemaVersion()) + "')");
  if (!st.ok()) return fail(st);
  // Views: drop every v_* view and re-create the current definitions.
  {
    Result<SqliteStatement> q = db.Prepare("SELECT name FROM sqlite_master WHERE type='view'");
    if (!q.ok()) return fail(q.status());
    std::vector<std::string> views;
    while (q->Step()) views.push_back(q->Text(0));
    for (const std::string& v : views) {
      st = db.Exec("DROP VIEW IF EXISTS \"" + v + "\"");
      if (!st.ok()) return fail(st);
    }
  }
  for (const char* v : ViewDefinitions()) {
    st = db.Exec(v);
    if (!st.ok()) return fail(Status::Database(std::string("view: ") + st.message()));
  }
  return db.Commit();
}

}  // namespace finsam
