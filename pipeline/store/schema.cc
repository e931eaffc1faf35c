#include "pipeline/store/schema.h"

#include "pipeline/store/stable_keys.h"

#include <re2/re2.h>

#include <cstdint>
#include <optional>
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
      {2, "boards, goals, indicators, interventions, members", R"sql(
CREATE TABLE board_members(
  member_id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
  year INTEGER,
  name TEXT NOT NULL,
  role TEXT NOT NULL,                      -- ordförande | vice ordförande | ledamot | ersättare
  organisation_id INTEGER REFERENCES organisations(organisation_id),
  source TEXT,                             -- list | signature | table
  page INTEGER, line_index INTEGER, x0 REAL, y0 REAL, x1 REAL, y1 REAL, raw_text TEXT, confidence REAL);
CREATE TABLE board_composition(
  composition_id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
  year INTEGER,
  members INTEGER, deputies INTEGER, meetings INTEGER,
  fees_sek INTEGER,                        -- whole kronor
  page INTEGER, line_index INTEGER, x0 REAL, y0 REAL, x1 REAL, y1 REAL, raw_text TEXT, confidence REAL);
CREATE TABLE officers(
  officer_id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
  year INTEGER,
  kind TEXT NOT NULL,                      -- revisor | kansli
  name TEXT, role TEXT, organisation TEXT, appointed_by TEXT,
  page INTEGER, line_index INTEGER, x0 REAL, y0 REAL, x1 REAL, y1 REAL, raw_text TEXT, confidence REAL);
CREATE TABLE goals(
  goal_id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  number TEXT, text TEXT NOT NULL, year INTEGER,
  page INTEGER, line_index INTEGER, x0 REAL, y0 REAL, x1 REAL, y1 REAL, raw_text TEXT, confidence REAL);
CREATE TABLE indicators(
  indicator_id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
  goal_id INTEGER REFERENCES goals(goal_id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  year INTEGER,
  text TEXT NOT NULL,
  target_comparator TEXT,                  -- >= | <= | = | NULL
  target_value REAL,
  target_unit TEXT,                        -- % | count | sek
  outcome_value REAL, outcome_unit TEXT,
  status TEXT,                             -- uppfylld | delvis uppfylld | uppfylld till övervägande del | ej uppfylld | ej mätbart
  status_raw TEXT, measure TEXT, outcome_text TEXT,
  page INTEGER, line_index INTEGER, x0 REAL, y0 REAL, x1 REAL, y1 REAL, raw_text TEXT, confidence REAL);
CREATE TABLE interventions(
  intervention_id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  orientation TEXT,                        -- individ | struktur
  period_from TEXT, period_to TEXT,        -- ISO dates
  year INTEGER,
  budget_sek INTEGER, outcome_sek INTEGER, requested_sek INTEGER,   -- whole kronor
  lead_organisation_id INTEGER REFERENCES organisations(organisation_id),
  participants INTEGER, women INTEGER, men INTEGER,
  granted INTEGER NOT NULL DEFAULT 0,
  source TEXT,                             -- bilaga | list | prose
  page INTEGER, line_index INTEGER, x0 REAL, y0 REAL, x1 REAL, y1 REAL, raw_text TEXT, confidence REAL);
CREATE TABLE intervention_partners(
  intervention_id INTEGER NOT NULL REFERENCES interventions(intervention_id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations(organisation_id),
  seq INTEGER NOT NULL,
  PRIMARY KEY(intervention_id, organisation_id));
CREATE TABLE member_contributions(
  contribution_id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
  year INTEGER,
  organisation_id INTEGER REFERENCES organisations(organisation_id),  -- NULL for non-member rows
  label TEXT NOT NULL,                     -- the row label / name as printed
  amount_sek INTEGER,                      -- whole kronor
  share REAL,                              -- 0..1
  is_member INTEGER NOT NULL DEFAULT 1,
  source TEXT,                             -- note | prose | list
  page INTEGER, line_index INTEGER, x0 REAL, y0 REAL, x1 REAL, y1 REAL, raw_text TEXT, confidence REAL);
CREATE INDEX board_document ON board_members(document_id);
CREATE INDEX indicators_document ON indicators(document_id);
CREATE INDEX interventions_document ON interventions(document_id);
CREATE INDEX members_document ON member_contributions(document_id);
)sql"},
      {3, "data-quality review: flags, flag_facts, decisions, corrections", R"sql(
CREATE TABLE flags(
  flag_id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
  forbund_id INTEGER REFERENCES forbund(forbund_id),
  scope TEXT NOT NULL,                     -- document | cross (cross-document rules, recomputed per förbund)
  rule TEXT NOT NULL,                      -- sum.section, repair.confusable, cross.plan_budget, ... (docs/review.md)
  severity TEXT NOT NULL,                  -- error | warning | info | ok
  passed INTEGER NOT NULL DEFAULT 0,       -- 1: the check held
  year INTEGER,
  message TEXT NOT NULL,
  expected REAL, found REAL, unit TEXT,    -- SEK (whole kronor) or %
  page INTEGER, source_text TEXT,
  flag_key TEXT NOT NULL);                 -- stable across re-extraction: decisions refer to it
CREATE INDEX flags_document ON flags(document_id);
CREATE INDEX flags_key ON flags(flag_key);
CREATE TABLE flag_facts(
  flag_id INTEGER NOT NULL REFERENCES flags(flag_id) ON DELETE CASCADE,
  fact_id INTEGER NOT NULL REFERENCES facts(fact_id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,                    -- 0 = the figure the flag is about
  PRIMARY KEY(flag_id, fact_id));
CREATE INDEX flag_facts_fact ON flag_facts(fact_id);
-- Reviewer decisions. Not tied to extracted rows, so they survive re-ingest.
CREATE TABLE decisions(
  decision_id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,                      -- accept | correct
  document_sha256 TEXT NOT NULL,
  flag_key TEXT,                           -- accept: the flag's stable key
  table_seq INTEGER, row_label TEXT, row_occurrence INTEGER, col INTEGER,  -- correct: the fact's stable key
  amount_sek INTEGER, value REAL,          -- correct: the new value
  original_amount_sek INTEGER, original_raw TEXT,
  note TEXT, decided_by TEXT NOT NULL, decided_at TEXT NOT NULL);
-- The current correction per fact key (the latest decision wins).
CREATE TABLE corrections(
  document_sha256 TEXT NOT NULL,
  table_seq INTEGER NOT NULL,
  row_label TEXT NOT NULL,
  row_occurrence INTEGER NOT NULL,         -- n-th row with this label in the table, 0-based
  col INTEGER NOT NULL,
  amount_sek INTEGER, value REAL,
  decision_id INTEGER NOT NULL REFERENCES decisions(decision_id),
  PRIMARY KEY(document_sha256, table_seq, row_label, row_occurrence, col));
)sql"},
      {4, "pages: OCR skipped by --ocr never, scores of the text layer and OCR readings", R"sql(
ALTER TABLE pages ADD COLUMN ocr_skipped INTEGER NOT NULL DEFAULT 0;  -- 1: needs OCR, policy --ocr never
ALTER TABLE pages ADD COLUMN text_score REAL;  -- 0..1, NULL unless the page had a text layer and was OCRed
ALTER TABLE pages ADD COLUMN ocr_score REAL;   -- 0..1, NULL unless the page had a text layer and was OCRed
)sql"},
      {5, "organisations of documents: kind, organisationsnummer, decisions; page labels", R"sql(
-- The table keeps its old name: it is the document's organisation now
-- (samordningsförbund, kommun, region, nämnd, brf, other).
ALTER TABLE forbund ADD COLUMN kind TEXT;       -- samordningsförbund | kommun | region | nämnd | brf | other
ALTER TABLE forbund ADD COLUMN orgnr TEXT;      -- NNNNNN-NNNN (check digit valid): the identity when printed
ALTER TABLE forbund ADD COLUMN name_key TEXT;   -- folded name as first read: the identity without orgnr
UPDATE forbund SET kind = 'samordningsförbund' WHERE name LIKE 'Samordningsf%' OR name LIKE 'Finsam%';
CREATE UNIQUE INDEX forbund_orgnr ON forbund(orgnr) WHERE orgnr IS NOT NULL;
CREATE INDEX forbund_name_key ON forbund(name_key);
ALTER TABLE documents ADD COLUMN org_source TEXT;    -- title | pdf-info | registry | text | override
ALTER TABLE documents ADD COLUMN org_override TEXT;  -- ingest --org NAME|ORGNR, applied again on re-extraction
ALTER TABLE documents ADD COLUMN org_printed TEXT;   -- the organisation's name as this document reads it
ALTER TABLE pages ADD COLUMN label TEXT;             -- the printed page label when it differs from the index
-- Reviewer decisions about organisations; applied again whenever a
-- document of that organisation is loaded.
CREATE TABLE org_decisions(
  decision_id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,                      -- rename | merge
  org_key TEXT NOT NULL,                   -- 'orgnr:NNNNNN-NNNN' or 'name:<folded name>'
  target TEXT NOT NULL,                    -- rename: the new name; merge: the key merged into
  decided_at TEXT NOT NULL);
CREATE INDEX org_decisions_key ON org_decisions(org_key);
)sql"},
      {6, "stable ids of facts, flags and decisions; suggested values", R"sql(
ALTER TABLE facts ADD COLUMN fact_key TEXT;      -- content key (pipeline/store/stable_keys.h)
ALTER TABLE facts ADD COLUMN stable_id TEXT;     -- V-XXXXXXXX, from fact_key
CREATE INDEX facts_stable ON facts(stable_id);
ALTER TABLE flags ADD COLUMN content_key TEXT;   -- content key (stable_keys.h)
ALTER TABLE flags ADD COLUMN stable_id TEXT;     -- F-XXXXXXXX, from content_key
ALTER TABLE flags ADD COLUMN suggested_value REAL;      -- a one-cell cure: the value in the table's printed unit
ALTER TABLE flags ADD COLUMN suggested_fact_id INTEGER; -- the fact that value is for
CREATE INDEX flags_stable ON flags(stable_id);
ALTER TABLE decisions ADD COLUMN stable_id TEXT;    -- the flag (accept) or fact (correct) decided on
ALTER TABLE decisions ADD COLUMN content_key TEXT;  -- its content key, readable when it is orphaned
CREATE INDEX decisions_stable ON decisions(stable_id);
-- The current correction per fact (the latest decision wins); replaces
-- `corrections`, whose rows the data step re-keys.
CREATE TABLE fact_corrections(
  stable_id TEXT PRIMARY KEY,              -- the fact's V-… id ('legacy:…' when an old correction matched no fact)
  document_sha256 TEXT NOT NULL,
  fact_key TEXT,
  amount_sek INTEGER, value REAL,
  decision_id INTEGER NOT NULL REFERENCES decisions(decision_id));
)sql", &MigrateDecisionsToStableIds},
      {7, "columns covering part of the year", R"sql(
ALTER TABLE fin_columns ADD COLUMN period TEXT;  -- "MM-MM" months when the header names a part of the year ("jan–aug"); NULL: the whole year
)sql"},
  };
  return kMigrations;
}

const std::vector<const char*>& ViewDefinitions() {
  static const std::vector<const char*> kViews = {
      R"sql(CREATE VIEW v_documents AS
SELECT d.document_id, f.name AS forbund, d.kind, d.title, d.year_from, d.year_to,
       d.decided_on, d.pages, d.source_path, d.sha256, d.format, d.pipeline_version, d.ingested_at,
       f.name AS organisation, f.kind AS org_kind, f.orgnr, d.forbund_id AS organisation_id, d.org_source
FROM documents d LEFT JOIN forbund f USING(forbund_id))sql",
      R"sql(CREATE VIEW v_organisations AS
SELECT f.forbund_id AS organisation_id, f.name AS organisation, f.kind AS org_kind, f.orgnr,
       (SELECT count(*) FROM documents d WHERE d.forbund_id = f.forbund_id) AS documents,
       (SELECT min(d.year_from) FROM documents d WHERE d.forbund_id = f.forbund_id) AS year_from,
       (SELECT max(COALESCE(d.year_to, d.year_from)) FROM documents d WHERE d.forbund_id = f.forbund_id) AS year_to
FROM forbund f)sql",
      R"sql(CREATE VIEW v_pages AS
SELECT document_id, page, decision, reason, ocr_confidence, unit, width, height, ocr_skipped,
       text_score, ocr_score, label
FROM pages)sql",
      R"sql(CREATE VIEW v_financial AS
SELECT d.document_id, fb.name AS forbund, d.kind AS doc_kind, t.title AS table_title,
       r.section, r.label, r.category, c.year, c.column_kind,
       CASE WHEN k.decision_id IS NULL THEN x.amount_sek ELSE k.amount_sek END AS amount_sek, t.unit,
       x.page, x.raw_text, x.confidence,
       CASE WHEN k.decision_id IS NULL THEN x.status ELSE 'corrected' END AS status,
       t.table_kind, r.is_total, x.fact_id,
       CASE WHEN k.decision_id IS NULL THEN x.value ELSE k.value END AS value,
       x.is_percent, c.header AS column_header,
       x.line_index, x.x0, x.y0, x.x1, x.y1, t.table_id, r.row_id, x.col,
       x.amount_sek AS original_amount_sek, x.status AS original_status, k.decision_id AS correction_id,
       x.stable_id, c.period AS column_period
FROM facts x
JOIN fin_rows r ON r.row_id = x.row_id
JOIN fin_tables t ON t.table_id = r.table_id
JOIN fin_columns c ON c.table_id = t.table_id AND c.col = x.col
JOIN documents d ON d.document_id = t.document_id
LEFT JOIN forbund fb ON fb.forbund_id = d.forbund_id
LEFT JOIN fact_corrections k ON k.stable_id = x.stable_id)sql",
      R"sql(CREATE VIEW v_flags AS
SELECT f.flag_id, f.rule, f.severity, f.document_id, fb.name AS forbund, f.year, f.message,
       f.expected, f.found,
       (SELECT group_concat(fact_id, ',') FROM
          (SELECT ff.fact_id FROM flag_facts ff WHERE ff.flag_id = f.flag_id ORDER BY ff.seq)) AS fact_ids,
       CASE
         WHEN EXISTS (SELECT 1 FROM decisions a WHERE a.kind = 'accept' AND a.stable_id = f.stable_id)
              THEN 'accepted'
         WHEN f.passed THEN 'passed'
         WHEN EXISTS (SELECT 1 FROM flag_facts ff JOIN v_financial v ON v.fact_id = ff.fact_id
                      WHERE ff.flag_id = f.flag_id AND v.status = 'corrected') THEN 'corrected'
         ELSE 'open'
       END AS status,
       f.unit, f.page, f.source_text, f.scope, f.flag_key, d.source_path, d.kind AS doc_kind, f.passed,
       (SELECT a.decided_by || ' ' || a.decided_at || COALESCE(': ' || a.note, '') FROM decisions a
        WHERE a.kind = 'accept' AND a.stable_id = f.stable_id
        ORDER BY a.decision_id DESC LIMIT 1) AS decision,
       f.stable_id, f.suggested_value,
       (SELECT x.stable_id FROM facts x WHERE x.fact_id = f.suggested_fact_id) AS suggested_fact,
       (SELECT p.label FROM pages p WHERE p.document_id = f.document_id AND p.page = f.page) AS page_label
FROM flags f
JOIN documents d ON d.document_id = f.document_id
LEFT JOIN forbund fb ON fb.forbund_id = f.forbund_id)sql",
      R"sql(CREATE VIEW v_board AS
SELECT b.document_id, fb.name AS forbund, b.year, b.name, b.role, o.name AS organisation, b.page,
       o.kind AS organisation_kind, b.source, b.raw_text, b.confidence, b.line_index, b.x0, b.y0, b.x1, b.y1,
       d.kind AS doc_kind, b.member_id
FROM board_members b
JOIN documents d ON d.document_id = b.document_id
LEFT JOIN forbund fb ON fb.forbund_id = d.forbund_id
LEFT JOIN organisations o ON o.organisation_id = b.organisation_id)sql",
      R"sql(CREATE VIEW v_board_composition AS
SELECT c.document_id, fb.name AS forbund, c.year, c.members, c.deputies, c.meetings, c.fees_sek,
       c.page, c.raw_text, c.confidence, c.line_index, c.x0, c.y0, c.x1, c.y1, d.kind AS doc_kind
FROM board_composition c
JOIN documents d ON d.document_id = c.document_id
LEFT JOIN forbund fb ON fb.forbund_id = d.forbund_id)sql",
      R"sql(CREATE VIEW v_officers AS
SELECT x.document_id, fb.name AS forbund, x.year, x.kind, x.name, x.role, x.organisation, x.appointed_by,
       x.page, x.raw_text, x.confidence
FROM officers x
JOIN documents d ON d.document_id = x.document_id
LEFT JOIN forbund fb ON fb.forbund_id = d.forbund_id)sql",
      R"sql(CREATE VIEW v_indicators AS
SELECT i.document_id, fb.name AS forbund, i.year, g.text AS goal, i.text AS indicator,
       i.target_comparator, i.target_value, i.target_unit, i.outcome_value, i.outcome_unit, i.status, i.page,
       g.number AS goal_number, i.status_raw, i.measure, i.outcome_text, i.raw_text, i.confidence,
       i.line_index, i.x0, i.y0, i.x1, i.y1, d.kind AS doc_kind, i.indicator_id, i.goal_id, i.seq
FROM indicators i
JOIN documents d ON d.document_id = i.document_id
LEFT JOIN goals g ON g.goal_id = i.goal_id
LEFT JOIN forbund fb ON fb.forbund_id = d.forbund_id)sql",
      R"sql(CREATE VIEW v_interventions AS
SELECT v.document_id, fb.name AS forbund, v.year, v.name, v.orientation, v.period_from, v.period_to,
       v.budget_sek, v.outcome_sek, v.requested_sek, o.name AS lead_organisation,
       v.participants, v.women, v.men, v.page,
       (SELECT group_concat(name, '; ') FROM
          (SELECT po.name FROM intervention_partners p JOIN organisations po ON po.organisation_id = p.organisation_id
           WHERE p.intervention_id = v.intervention_id ORDER BY p.seq)) AS partners,
       v.granted, v.source, v.raw_text, v.confidence, v.line_index, v.x0, v.y0, v.x1, v.y1,
       d.kind AS doc_kind, v.intervention_id, v.seq
FROM interventions v
JOIN documents d ON d.document_id = v.document_id
LEFT JOIN forbund fb ON fb.forbund_id = d.forbund_id
LEFT JOIN organisations o ON o.organisation_id = v.lead_organisation_id)sql",
      R"sql(CREATE VIEW v_members AS
SELECT m.document_id, fb.name AS forbund, m.year, COALESCE(o.name, m.label) AS organisation, m.amount_sek, m.share,
       m.is_member, m.source, o.kind AS organisation_kind, m.label, m.page, m.raw_text, m.confidence,
       m.line_index, m.x0, m.y0, m.x1, m.y1, d.kind AS doc_kind, m.contribution_id
FROM member_contributions m
JOIN documents d ON d.document_id = m.document_id
LEFT JOIN forbund fb ON fb.forbund_id = d.forbund_id
LEFT JOIN organisations o ON o.organisation_id = m.organisation_id)sql",
  };
  return kViews;
}

int LatestSchemaVersion() { return Migrations().back().version; }

std::vector<std::string> OwnViewNames() {
  // Views an older finsam defined and this one no longer does; listed so
  // that opening an old database drops them too.
  static const std::vector<std::string> kRetired = {};
  static const RE2 kName(R"(^\s*CREATE\s+VIEW\s+(\w+))");
  std::vector<std::string> names = kRetired;
  for (const char* v : ViewDefinitions()) {
    std::string name;
    if (RE2::PartialMatch(v, kName, &name)) names.push_back(name);
  }
  return names;
}

namespace {

// A fingerprint of the view definitions (FNV-1a 64), stored in schema_info so
// that an up-to-date database is opened without any write: `compare` and
// `review` then work on a database file the user may only read.
std::string ViewsKey() {
  uint64_t h = 1469598103934665603ull;
  for (const char* v : ViewDefinitions()) {
    for (const char* c = v; *c; ++c) {
      h ^= static_cast<unsigned char>(*c);
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  }
  return std::to_string(h);
}

}  // namespace

bool SchemaIsCurrent(SqliteDb& db) {
  if (!db.QueryInt("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_info'")) return false;
  Result<SqliteStatement> q = db.Prepare("SELECT key, value FROM schema_info WHERE key IN ('schema_version', 'views_key')");
  if (!q.ok()) return false;
  std::string version, views;
  while (q->Step()) (q->Text(0) == "schema_version" ? version : views) = q->Text(1);
  return version == std::to_string(LatestSchemaVersion()) && views == ViewsKey();
}

Status CheckFinsamDatabase(SqliteDb& db, bool allow_empty) {
  if (db.QueryInt("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_info'")) return Status::Ok();
  std::optional<int64_t> objects = db.QueryInt("SELECT count(*) FROM sqlite_master");
  if (!objects) return Status::Database("cannot read the database schema");
  if (*objects == 0 && allow_empty) return Status::Ok();
  return Status::Database(*objects == 0 ? "not a finsam database (empty, no schema_info table)"
                                        : "not a finsam database (no schema_info table)");
}

Status MigrateSchema(SqliteDb& db) {
  if (SchemaIsCurrent(db)) return Status::Ok();
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
    if (st.ok() && m.data_step) st = m.data_step(db);
    if (!st.ok()) return fail(Status::Database("migration " + std::to_string(m.version) + ": " + st.message()));
  }
  Status st = db.Exec("INSERT OR REPLACE INTO schema_info(key, value) VALUES('schema_version', '" +
                      std::to_string(LatestSchemaVersion()) + "')");
  if (!st.ok()) return fail(st);
  // Views: drop finsam's own views and re-create the current definitions.
  // Views an analyst created in the same file are left alone.
  for (const std::string& v : OwnViewNames()) {
    st = db.Exec("DROP VIEW IF EXISTS \"" + v + "\"");
    if (!st.ok()) return fail(st);
  }
  for (const char* v : ViewDefinitions()) {
    st = db.Exec(v);
    if (!st.ok()) return fail(Status::Database(std::string("view: ") + st.message()));
  }
  st = db.Exec("INSERT OR REPLACE INTO schema_info(key, value) VALUES('views_key', '" + ViewsKey() + "')");
  if (!st.ok()) return fail(st);
  return db.Commit();
}

}  // namespace finsam
