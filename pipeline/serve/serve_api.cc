#include "pipeline/serve/serve_api.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include <re2/re2.h>

#include "extractors/categories.h"
#include "normalizers/swedish_number.h"
#include "pipeline/review/compare.h"
#include "pipeline/review/documents.h"
#include "pipeline/serve/table_crop.h"
#include "pipeline/store/cross_checks.h"

namespace finsam {
namespace {

Json Opt(const SqliteStatement& q, int col) {
  if (q.IsNull(col)) return nullptr;
  return q.Text(col);
}
Json OptInt(const SqliteStatement& q, int col) {
  if (q.IsNull(col)) return nullptr;
  return q.Int(col);
}
Json OptDouble(const SqliteStatement& q, int col) {
  if (q.IsNull(col)) return nullptr;
  return q.Double(col);
}

// As `finsam review` prints amounts: whole thousands in tkr, else kr.
std::string Money(double kronor, const std::string& unit) {
  if (unit == "%") return FormatPrinted(kronor) + " %";
  if (std::fmod(kronor, 1000.0) == 0) return FormatPrinted(kronor / 1000) + " tkr";
  return FormatPrinted(kronor) + " kr";
}

Json BoxJson(const Box& b) {
  if (b.empty()) return nullptr;
  return Json::array({b.x0, b.y0, b.x1, b.y1});
}

constexpr const char* kFlagOrder =
    " ORDER BY CASE v.status WHEN 'open' THEN 0 WHEN 'corrected' THEN 1 WHEN 'accepted' THEN 2 ELSE 3 END,"
    " CASE v.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 WHEN 'info' THEN 2 ELSE 3 END,"
    " ABS(COALESCE(v.expected,0) - COALESCE(v.found,0)) /"
    "   MAX(ABS(COALESCE(v.expected,0)), ABS(COALESCE(v.found,0)), 1) DESC,"
    " v.document_id, v.page, v.flag_id";

struct TableInfo {
  int64_t table_id = 0;
  std::string title, unit;
  std::vector<std::string> headers;
};

Result<TableInfo> TableOfFact(SqliteDb& db, int64_t fact_id) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT t.table_id, COALESCE(t.title,''), COALESCE(t.unit,'') FROM facts x JOIN fin_rows r ON r.row_id = "
      "x.row_id JOIN fin_tables t ON t.table_id = r.table_id WHERE x.fact_id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, fact_id);
  if (!q->Step()) return q->status().ok() ? Status::NotFound("no fact") : q->status();
  TableInfo t;
  t.table_id = q->Int(0);
  t.title = q->Text(1);
  t.unit = q->Text(2);
  Result<SqliteStatement> c = db.Prepare("SELECT COALESCE(header,'') FROM fin_columns WHERE table_id = ? ORDER BY col");
  if (!c.ok()) return c.status();
  c->Bind(1, t.table_id);
  while (c->Step()) t.headers.push_back(c->Text(0));
  return t;
}

// The top of the table's body on `page`: its first row or figure there.
std::optional<double> BodyTop(SqliteDb& db, int64_t table_id, int page) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT MIN(y) FROM (SELECT y0 AS y FROM fin_rows WHERE table_id = ?1 AND page = ?2 AND y1 > 0 "
      "UNION ALL SELECT x.y0 FROM facts x JOIN fin_rows r ON r.row_id = x.row_id "
      "WHERE r.table_id = ?1 AND x.page = ?2 AND x.y1 > 0)");
  if (!q.ok()) return std::nullopt;
  q->Bind(1, table_id).Bind(2, page);
  if (!q->Step() || q->IsNull(0)) return std::nullopt;
  return q->Double(0);
}

// The page region to show for a flag whose main figure is facts[0].
Json CropJson(SqliteDb& db, PageStore& pages, const std::vector<FlagFact>& facts) {
  const FlagFact& f = facts[0];
  if (f.format != "pdf" || f.page_unit != "pt" || f.box.empty()) return nullptr;
  double width = 0, height = 0;
  {
    Result<SqliteStatement> q = db.Prepare("SELECT width, height FROM pages WHERE document_id = ? AND page = ?");
    if (q.ok()) {
      q->Bind(1, f.document_id).Bind(2, f.page);
      if (q->Step()) {
        width = q->Double(0);
        height = q->Double(1);
      }
    }
  }
  if (width <= 0 || height <= 0) return nullptr;
  Box figures = f.box;
  Json boxes = Json::array();
  for (const FlagFact& o : facts) {
    if (o.document_id != f.document_id || o.page != f.page || o.box.empty()) continue;
    Box grown = figures;
    grown.Extend(o.box);
    if (grown.height() <= 400) figures = grown;
    boxes.push_back({{"fact", o.stable_id}, {"box", BoxJson(o.box)}, {"status", o.status}});
  }
  Box region = figures;
  Json header = nullptr, title = nullptr;
  double body_top = f.box.y0;
  Result<TableInfo> table = TableOfFact(db, f.fact_id);
  if (table.ok()) {
    if (std::optional<double> top = BodyTop(db, table->table_id, f.page)) body_top = std::min(body_top, *top);
    Result<StoredDocument> stored = StoredDocumentById(db, f.document_id);
    if (stored.ok()) {
      Result<std::shared_ptr<const Page>> page = pages.PageLines(f.document_id, *stored, f.page);
      if (page.ok()) {
        TableHeaderBox h = FindTableHeader(**page, body_top, {table->title, table->headers, table->unit});
        if (h.found) {
          header = BoxJson(h.box);
          title = BoxJson(h.title);
          region.Extend(h.box);
        }
      }
    }
  }
  if (header.is_null()) region.y0 = std::min(region.y0, std::max(0.0, body_top - 40));
  const double margin = 6;
  return Json{{"document_id", f.document_id},
              {"page", f.page},
              {"page_width", width},
              {"page_height", height},
              {"y0", std::max(0.0, region.y0 - margin)},
              {"y1", std::min(height, region.y1 + margin)},
              {"body_top", body_top},
              {"header", header},
              {"title", title},
              {"boxes", boxes}};
}

// Text input: the lines around the figure.
Json SourceLinesJson(const FlagFact& f) {
  if (f.format == "pdf") return nullptr;
  std::vector<std::string> lines;
  std::istringstream in(f.page_text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  int at = f.line_index >= 0 ? f.line_index : static_cast<int>(f.box.y0);
  if (at < 0 || at >= static_cast<int>(lines.size())) return nullptr;
  Json out = Json::array();
  for (int i = std::max(0, at - 6); i <= std::min(static_cast<int>(lines.size()) - 1, at + 2); ++i)
    out.push_back({{"n", i + 1}, {"text", lines[i]}, {"mark", i == at}});
  return out;
}

}  // namespace

Result<StoredDocument> StoredDocumentById(SqliteDb& db, int64_t document_id) {
  Result<SqliteStatement> q =
      db.Prepare("SELECT source_path, sha256, format, pages FROM documents WHERE document_id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, document_id);
  if (!q->Step()) return q->status().ok() ? Status::NotFound("no document " + std::to_string(document_id)) : q->status();
  return StoredDocument{q->Text(0), q->Text(1), q->Text(2), static_cast<int>(q->Int(3))};
}

Result<Json> FlagsJson(SqliteDb& db, PageStore& pages, const FlagFilter& filter) {
  std::string sql =
      "SELECT v.flag_id, v.stable_id, v.severity, v.rule, v.status, v.message, COALESCE(v.forbund,''), "
      "f.forbund_id, v.year, v.document_id, COALESCE(v.doc_kind,''), v.page, v.expected, v.found, "
      "COALESCE(v.unit,''), v.suggested_value, COALESCE(v.suggested_fact,''), COALESCE(v.decision,''), "
      "COALESCE(v.source_text,''), v.scope, COALESCE(d.title,''), d.source_path "
      "FROM v_flags v JOIN flags f ON f.flag_id = v.flag_id JOIN documents d ON d.document_id = v.document_id "
      "WHERE 1";
  if (!filter.all && filter.stable_id.empty()) sql += " AND v.status = 'open'";
  if (filter.organisation_id) sql += " AND f.forbund_id = ?1";
  if (filter.year) sql += " AND v.year = ?2";
  if (!filter.rule.empty()) sql += " AND v.rule LIKE ?3 || '%'";
  if (!filter.severity.empty()) sql += " AND v.severity = ?4";
  if (!filter.stable_id.empty()) sql += " AND v.stable_id = ?5";
  sql += kFlagOrder;
  Result<SqliteStatement> q = db.Prepare(sql);
  if (!q.ok()) return q.status();
  if (filter.organisation_id) q->Bind(1, *filter.organisation_id);
  if (filter.year) q->Bind(2, *filter.year);
  if (!filter.rule.empty()) q->Bind(3, filter.rule);
  if (!filter.severity.empty()) q->Bind(4, filter.severity);
  if (!filter.stable_id.empty()) q->Bind(5, filter.stable_id);
  struct Row {
    int64_t flag_id;
    Json json;
  };
  std::vector<Row> rows;
  int total = 0;
  while (q->Step()) {
    ++total;
    if (static_cast<int>(rows.size()) >= filter.limit) continue;
    const std::string unit = q->Text(14);
    Json j;
    j["id"] = q->Text(1);
    j["severity"] = q->Text(2);
    j["rule"] = q->Text(3);
    j["status"] = q->Text(4);
    j["message"] = q->Text(5);
    j["organisation"] = q->Text(6);
    j["organisation_id"] = OptInt(*q, 7);
    j["year"] = OptInt(*q, 8);
    j["document_id"] = q->Int(9);
    j["doc_kind"] = q->Text(10);
    j["document_title"] = q->Text(20);
    j["page"] = OptInt(*q, 11);
    j["expected"] = OptDouble(*q, 12);
    j["found"] = OptDouble(*q, 13);
    j["unit"] = unit;
    j["expected_text"] = q->IsNull(12) ? Json(nullptr) : Json(Money(q->Double(12), unit));
    j["found_text"] = q->IsNull(13) ? Json(nullptr) : Json(Money(q->Double(13), unit));
    if (!q->IsNull(15) && !q->Text(16).empty())
      j["suggested"] = {{"fact", q->Text(16)}, {"value", q->Double(15)}, {"text", FormatPrinted(q->Double(15))}};
    else
      j["suggested"] = nullptr;
    j["decision"] = q->Text(17);
    j["source_text"] = q->Text(18);
    j["scope"] = q->Text(19);
    rows.push_back({q->Int(0), std::move(j)});
  }
  if (!q->status().ok()) return q->status();
  Json list = Json::array();
  for (Row& r : rows) {
    Result<std::vector<FlagFact>> facts = FlagFacts(db, r.flag_id);
    if (!facts.ok()) return facts.status();
    Json fj = Json::array();
    for (const FlagFact& x : *facts) {
      Json one{{"id", x.stable_id}, {"table", x.table_title}, {"label", x.label}, {"header", x.header},
               {"raw", x.raw},      {"status", x.status},     {"page", x.page},   {"document_id", x.document_id},
               {"box", BoxJson(x.box)}};
      one["amount"] = x.amount ? Json(*x.amount) : Json(nullptr);
      one["original"] = x.original ? Json(*x.original) : Json(nullptr);
      fj.push_back(std::move(one));
    }
    r.json["facts"] = fj;
    r.json["crop"] = facts->empty() ? Json(nullptr) : CropJson(db, pages, *facts);
    r.json["source_lines"] = facts->empty() ? Json(nullptr) : SourceLinesJson((*facts)[0]);
    list.push_back(std::move(r.json));
  }
  return Json{{"total", total}, {"flags", list}};
}

Result<Json> FactJson(SqliteDb& db, int64_t fact_id) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT v.stable_id, v.document_id, COALESCE(v.forbund,''), v.doc_kind, v.table_title, v.section, v.label, "
      "v.category, v.year, v.column_kind, v.amount_sek, v.unit, v.page, v.raw_text, v.confidence, v.status, "
      "v.table_kind, v.value, v.is_percent, v.column_header, v.x0, v.y0, v.x1, v.y1, v.table_id, v.original_amount_sek, "
      "v.original_status, p.decision, p.unit, d.format "
      "FROM v_financial v JOIN documents d ON d.document_id = v.document_id "
      "LEFT JOIN pages p ON p.document_id = v.document_id AND p.page = v.page WHERE v.fact_id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, fact_id);
  if (!q->Step()) return q->status().ok() ? Status::NotFound("no such fact") : q->status();
  Json j;
  j["id"] = q->Text(0);
  j["document_id"] = q->Int(1);
  j["organisation"] = q->Text(2);
  j["doc_kind"] = Opt(*q, 3);
  j["table"] = Opt(*q, 4);
  j["section"] = Opt(*q, 5);
  j["label"] = Opt(*q, 6);
  j["category"] = Opt(*q, 7);
  j["year"] = OptInt(*q, 8);
  j["column_kind"] = Opt(*q, 9);
  j["amount"] = OptInt(*q, 10);
  j["unit"] = Opt(*q, 11);
  j["page"] = q->Int(12);
  j["raw"] = q->Text(13);
  j["confidence"] = q->Double(14);
  j["status"] = q->Text(15);
  j["table_kind"] = Opt(*q, 16);
  j["value"] = OptDouble(*q, 17);
  j["is_percent"] = q->Int(18) != 0;
  j["column_header"] = Opt(*q, 19);
  j["box"] = q->IsNull(20) ? Json(nullptr) : Json::array({q->Double(20), q->Double(21), q->Double(22), q->Double(23)});
  const int64_t table_id = q->Int(24);
  j["original_amount"] = OptInt(*q, 25);
  j["original_status"] = Opt(*q, 26);
  const std::string decision = q->Text(27);
  j["read_by"] = q->Text(29) != "pdf" ? "text file" : decision == "ocr" ? "OCR" : decision == "repair" ? "text layer, diacritics repaired" : "PDF text layer";
  // The table as read: columns, then rows of cells (printed text, status, id).
  Json table;
  Result<SqliteStatement> c = db.Prepare(
      "SELECT col, COALESCE(header,''), year, column_kind FROM fin_columns WHERE table_id = ? ORDER BY col");
  if (!c.ok()) return c.status();
  c->Bind(1, table_id);
  Json cols = Json::array();
  std::vector<int> col_ids;
  while (c->Step()) {
    col_ids.push_back(static_cast<int>(c->Int(0)));
    cols.push_back({{"header", c->Text(1)}, {"year", OptInt(*c, 2)}, {"kind", Opt(*c, 3)}});
  }
  Result<SqliteStatement> r = db.Prepare(
      "SELECT r.row_id, COALESCE(r.label,''), r.category, r.is_total FROM fin_rows r WHERE r.table_id = ? ORDER BY r.seq");
  if (!r.ok()) return r.status();
  r->Bind(1, table_id);
  Json rows = Json::array();
  Result<SqliteStatement> cells = db.Prepare(
      "SELECT col, raw_text, status, stable_id FROM v_financial WHERE row_id = ? ORDER BY col");
  if (!cells.ok()) return cells.status();
  while (r->Step()) {
    Json cellj = Json::array();
    for (size_t i = 0; i < col_ids.size(); ++i) cellj.push_back(nullptr);
    cells->Reset();
    cells->Bind(1, r->Int(0));
    while (cells->Step()) {
      auto it = std::find(col_ids.begin(), col_ids.end(), static_cast<int>(cells->Int(0)));
      if (it == col_ids.end()) continue;
      cellj[it - col_ids.begin()] = {{"raw", cells->Text(1)}, {"status", cells->Text(2)}, {"id", cells->Text(3)}};
    }
    rows.push_back({{"label", r->Text(1)}, {"category", Opt(*r, 2)}, {"total", r->Int(3) != 0}, {"cells", cellj}});
  }
  table["columns"] = cols;
  table["rows"] = rows;
  j["table_as_read"] = table;
  return j;
}

Result<Json> DocumentsJson(SqliteDb& db, std::optional<int64_t> organisation_id) {
  Result<std::vector<DocumentSummary>> docs = ListDocuments(db);
  if (!docs.ok()) return docs.status();
  auto opt = [](const auto& v) -> Json { return v ? Json(*v) : Json(nullptr); };
  Json out = Json::array();
  for (const DocumentSummary& d : *docs) {
    if (organisation_id && d.organisation_id != organisation_id) continue;
    out.push_back({{"id", d.id},           {"organisation", d.organisation}, {"organisation_id", opt(d.organisation_id)},
                   {"kind", opt(d.kind)},   {"title", opt(d.title)},          {"year_from", opt(d.year_from)},
                   {"year_to", opt(d.year_to)}, {"pages", d.pages},           {"format", d.format},
                   {"tables", d.tables},    {"facts", d.facts},               {"open_flags", d.open_flags}});
  }
  return out;
}

Result<Json> DocumentJson(SqliteDb& db, int64_t document_id) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT document_id, COALESCE(organisation,''), organisation_id, kind, title, year_from, year_to, pages, "
      "format, decided_on FROM v_documents WHERE document_id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, document_id);
  if (!q->Step()) return q->status().ok() ? Status::NotFound("no such document") : q->status();
  Json j{{"id", q->Int(0)},       {"organisation", q->Text(1)}, {"organisation_id", OptInt(*q, 2)},
         {"kind", Opt(*q, 3)},    {"title", Opt(*q, 4)},        {"year_from", OptInt(*q, 5)},
         {"year_to", OptInt(*q, 6)}, {"pages", q->Int(7)},      {"format", q->Text(8)},
         {"decided_on", Opt(*q, 9)}};
  Result<SqliteStatement> p = db.Prepare(
      "SELECT page, width, height, unit, decision, label, "
      "(SELECT count(*) FROM facts x WHERE x.page = v.page AND x.row_id IN (SELECT r.row_id FROM fin_rows r JOIN "
      "fin_tables t ON t.table_id = r.table_id WHERE t.document_id = v.document_id)) "
      "FROM v_pages v WHERE document_id = ? ORDER BY page");
  if (!p.ok()) return p.status();
  p->Bind(1, document_id);
  Json pages = Json::array();
  while (p->Step())
    pages.push_back({{"page", p->Int(0)}, {"width", OptDouble(*p, 1)}, {"height", OptDouble(*p, 2)},
                     {"unit", p->Text(3)}, {"decision", p->Text(4)}, {"label", Opt(*p, 5)}, {"facts", p->Int(6)}});
  j["page_list"] = pages;
  Result<SqliteStatement> t = db.Prepare(
      "SELECT seq, title, table_kind, unit, page, last_page FROM fin_tables WHERE document_id = ? ORDER BY seq");
  if (!t.ok()) return t.status();
  t->Bind(1, document_id);
  Json tables = Json::array();
  while (t->Step())
    tables.push_back({{"seq", t->Int(0)}, {"title", Opt(*t, 1)}, {"kind", Opt(*t, 2)}, {"unit", Opt(*t, 3)},
                      {"page", OptInt(*t, 4)}, {"last_page", OptInt(*t, 5)}});
  j["tables"] = tables;
  return j;
}

Result<Json> PageBoxesJson(SqliteDb& db, int64_t document_id, int page) {
  Result<SqliteStatement> p =
      db.Prepare("SELECT width, height, unit, decision FROM pages WHERE document_id = ? AND page = ?");
  if (!p.ok()) return p.status();
  p->Bind(1, document_id).Bind(2, page);
  if (!p->Step()) return p->status().ok() ? Status::NotFound("no such page") : p->status();
  Json j{{"document_id", document_id}, {"page", page}, {"width", OptDouble(*p, 0)}, {"height", OptDouble(*p, 1)},
         {"unit", p->Text(2)}, {"decision", p->Text(3)}};
  Result<SqliteStatement> q = db.Prepare(
      "SELECT stable_id, label, category, year, column_kind, raw_text, status, x0, y0, x1, y1, table_title "
      "FROM v_financial WHERE document_id = ? AND page = ? AND x1 > x0 ORDER BY y0, x0");
  if (!q.ok()) return q.status();
  q->Bind(1, document_id).Bind(2, page);
  Json facts = Json::array();
  while (q->Step())
    facts.push_back({{"id", q->Text(0)}, {"label", Opt(*q, 1)}, {"category", Opt(*q, 2)}, {"year", OptInt(*q, 3)},
                     {"kind", Opt(*q, 4)}, {"raw", q->Text(5)}, {"status", q->Text(6)},
                     {"box", Json::array({q->Double(7), q->Double(8), q->Double(9), q->Double(10)})},
                     {"table", Opt(*q, 11)}});
  j["facts"] = facts;
  Result<SqliteStatement> r = db.Prepare(
      "SELECT r.label, r.x0, r.y0, r.x1, r.y1 FROM fin_rows r JOIN fin_tables t ON t.table_id = r.table_id "
      "WHERE t.document_id = ? AND r.page = ? AND r.x1 > r.x0 ORDER BY r.y0");
  if (!r.ok()) return r.status();
  r->Bind(1, document_id).Bind(2, page);
  Json rows = Json::array();
  while (r->Step())
    rows.push_back({{"label", r->Text(0)}, {"box", Json::array({r->Double(1), r->Double(2), r->Double(3), r->Double(4)})}});
  j["rows"] = rows;
  return j;
}

Result<Json> OrganisationsJson(SqliteDb& db) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT o.organisation_id, o.organisation, o.org_kind, o.orgnr, o.documents, o.year_from, o.year_to, "
      "(SELECT count(*) FROM v_flags v JOIN flags f ON f.flag_id = v.flag_id WHERE f.forbund_id = o.organisation_id "
      " AND v.status = 'open') FROM v_organisations o ORDER BY o.organisation");
  if (!q.ok()) return q.status();
  Json out = Json::array();
  while (q->Step())
    out.push_back({{"id", q->Int(0)}, {"name", q->Text(1)}, {"kind", Opt(*q, 2)}, {"orgnr", Opt(*q, 3)},
                   {"documents", q->Int(4)}, {"year_from", OptInt(*q, 5)}, {"year_to", OptInt(*q, 6)},
                   {"open_flags", q->Int(7)}});
  if (!q->status().ok()) return q->status();
  return out;
}

Result<Json> OrganisationJson(SqliteDb& db, PageStore& pages, int64_t organisation_id) {
  Result<Json> all = OrganisationsJson(db);
  if (!all.ok()) return all.status();
  Json org;
  for (const Json& o : *all)
    if (o["id"] == organisation_id) org = o;
  if (org.is_null()) return Status::NotFound("no such organisation");
  Result<Json> docs = DocumentsJson(db, organisation_id);
  if (!docs.ok()) return docs.status();
  org["document_list"] = *docs;
  Json figures = Json::object();
  for (const char* metric : {"income.total", "cost.total", "result", "equity"}) {
    Result<Json> c = CompareJson(db, metric, "", {organisation_id});
    if (!c.ok()) return c.status();
    figures[metric] = *c;
  }
  org["key_figures"] = figures;
  FlagFilter f;
  f.organisation_id = organisation_id;
  f.limit = 50;
  Result<Json> flags = FlagsJson(db, pages, f);
  if (!flags.ok()) return flags.status();
  org["open_flags_list"] = (*flags)["flags"];
  return org;
}

Result<Json> CompareJson(SqliteDb& db, const std::string& metric, const std::string& label,
                         const std::vector<int64_t>& organisations) {
  CompareRequest req;
  req.metric = metric;
  req.label = label;
  req.format = "json";
  req.unit = "kr";
  std::ostringstream out;
  Status st = CompareFinancial(db, req, out);
  if (!st.ok()) return st;
  Json rows = Json::parse(out.str(), nullptr, false);
  if (rows.is_discarded() || !rows.is_array()) return Status::Internal("compare gave no JSON");
  // Organisation names → ids (the pivot names them).
  std::map<std::string, int64_t> ids;
  {
    Result<SqliteStatement> q = db.Prepare("SELECT organisation_id, organisation FROM v_organisations");
    if (!q.ok()) return q.status();
    while (q->Step()) ids.emplace(q->Text(1), q->Int(0));
  }
  static const std::vector<std::string> kKinds = {"budget", "plan", "prognos", "utfall", "value"};
  std::set<std::string> kinds_seen;
  Json series = Json::array();
  for (const Json& row : rows) {
    const std::string org = row.value("organisation", "");
    auto it = ids.find(org);
    const Json org_id = it == ids.end() ? Json(nullptr) : Json(it->second);
    if (!organisations.empty() &&
        (it == ids.end() || std::find(organisations.begin(), organisations.end(), it->second) == organisations.end()))
      continue;
    Json r{{"organisation", org}, {"organisation_id", org_id}, {"year", row.value("year", 0)}};
    if (row.contains("label")) r["label"] = row["label"];
    Json values = Json::object();
    for (const std::string& k : kKinds) {
      if (!row.contains(k) || !row[k].is_number()) continue;
      kinds_seen.insert(k);
      const std::string source = row.value(k + "_source", "");
      Json v{{"value", row[k]}, {"source", source}};
      // The source as compare prints it: "#2 verksamhetsplan p.6 budget".
      int64_t doc = 0;
      int page = 0;
      if (RE2::PartialMatch(source, R"(^#(\d{1,15}))", &doc)) v["document_id"] = doc;
      if (RE2::PartialMatch(source, R"( p\.(\d{1,9}))", &page)) v["page"] = page;
      values[k] = v;
    }
    r["values"] = values;
    r["deviation"] = row.contains("deviation") && row["deviation"].is_number() ? row["deviation"] : Json(nullptr);
    r["sources"] = row.value("sources", Json(0));
    r["conflicts"] = row.contains("conflicts") && row["conflicts"].is_string() ? row["conflicts"] : Json("");
    series.push_back(std::move(r));
  }
  Json kinds = Json::array();
  for (const std::string& k : kKinds)
    if (kinds_seen.count(k)) kinds.push_back(k);
  return Json{{"metric", metric}, {"label", label}, {"kinds", kinds}, {"rows", series}};
}

Result<Json> CategoriesJson() {
  Json out = Json::array();
  for (const CategoryInfo& c : CategoryVocabulary()) out.push_back({{"name", c.name}, {"description", c.description}});
  return out;
}

}  // namespace finsam
