// CompareGovernance: `finsam compare --table board|composition|indicators|
// interventions|members` (see compare.h). Each table is förbund × year:
//   composition    members, deputies, meetings, fees_sek, named board size
//   board          counts per role and the chair; with --label, the members
//                  whose name contains the text
//   indicators     counts per status and the number with a parsed target;
//                  with --label, the matching indicators with target,
//                  outcome and status
//   interventions  one row per insats: budget, outcome, outcome − budget,
//                  requested, participants (--label filters names)
//   members        one row per member organisation: amount and share
// Rows read from several documents with identical values are shown once
// with all their document ids ("documents"); differing values stay apart,
// so disagreement between sources is visible.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "normalizers/text.h"
#include "pipeline/review/compare.h"

namespace finsam {
namespace {

struct Query {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

std::string CellText(SqliteStatement& q, int c) {
  if (q.IsNull(c)) return "";
  std::string t = q.Text(c);
  // Shares and percentages: drop float noise ("0.500037537…" → "0.5000").
  return t;
}

Result<Query> Run(SqliteDb& db, const std::string& sql) {
  Result<SqliteStatement> q = db.Prepare(sql);
  if (!q.ok()) return q.status();
  Query out;
  for (int c = 0; c < q->ColumnCount(); ++c) out.columns.push_back(q->ColumnName(c));
  while (q->Step()) {
    std::vector<std::string> row;
    for (int c = 0; c < q->ColumnCount(); ++c) row.push_back(CellText(*q, c));
    out.rows.push_back(std::move(row));
  }
  if (!q->status().ok()) return q->status();
  return out;
}

bool Keep(const CompareRequest& req, const std::string& forbund, const std::string& year) {
  if (!req.forbund.empty() && Fold(forbund).find(Fold(req.forbund)) == std::string::npos) return false;
  int y = year.empty() ? 0 : std::atoi(year.c_str());
  if (req.year_from && (y == 0 || y < req.year_from)) return false;
  if (req.year_to && (y == 0 || y > req.year_to)) return false;
  return true;
}

bool LabelMatches(const CompareRequest& req, const std::string& text) {
  return req.label.empty() || Fold(text).find(Fold(req.label)) != std::string::npos;
}

// Merges rows that differ only in their document id (column 0) and moves
// the ids to a trailing "documents" column.
ResultTable MergeDocuments(const std::vector<std::string>& columns, const std::vector<std::vector<std::string>>& rows) {
  ResultTable t;
  t.columns.assign(columns.begin() + 1, columns.end());
  t.columns.push_back("documents");
  std::map<std::vector<std::string>, std::vector<std::string>> ids;
  std::vector<std::vector<std::string>> order;
  for (const auto& r : rows) {
    std::vector<std::string> key(r.begin() + 1, r.end());
    auto [it, fresh] = ids.emplace(key, std::vector<std::string>());
    if (fresh) order.push_back(key);
    if (std::find(it->second.begin(), it->second.end(), r[0]) == it->second.end()) it->second.push_back(r[0]);
  }
  for (const auto& key : order) {
    std::vector<std::string> row = key;
    std::string docs;
    for (const std::string& id : ids[key]) docs += (docs.empty() ? "" : ",") + id;
    row.push_back(docs);
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string Fixed(const std::string& v, int decimals) {
  if (v.empty()) return v;
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(decimals);
  s << std::atof(v.c_str());
  return s.str();
}

Status Composition(SqliteDb& db, const CompareRequest& req, ResultTable* t) {
  Result<Query> q = Run(db,
                        "SELECT c.document_id, c.forbund, c.year, c.doc_kind, c.members, c.deputies, c.meetings, "
                        "c.fees_sek, (SELECT COUNT(*) FROM v_board b WHERE b.document_id = c.document_id AND "
                        "b.role <> 'ersättare') AS named_members, (SELECT COUNT(*) FROM v_board b WHERE "
                        "b.document_id = c.document_id AND b.role = 'ersättare') AS named_deputies "
                        "FROM v_board_composition c ORDER BY c.forbund, c.year, c.document_id");
  if (!q.ok()) return q.status();
  std::vector<std::vector<std::string>> rows;
  for (auto& r : q->rows)
    if (Keep(req, r[1], r[2])) rows.push_back(r);
  *t = MergeDocuments(q->columns, rows);
  return Status::Ok();
}

Status Board(SqliteDb& db, const CompareRequest& req, ResultTable* t) {
  if (!req.label.empty()) {
    Result<Query> q = Run(db,
                          "SELECT document_id, forbund, year, name, role, organisation, source FROM v_board "
                          "ORDER BY forbund, year, document_id, member_id");
    if (!q.ok()) return q.status();
    std::vector<std::vector<std::string>> rows;
    for (auto& r : q->rows)
      if (Keep(req, r[1], r[2]) && LabelMatches(req, r[3])) rows.push_back(r);
    *t = MergeDocuments(q->columns, rows);
    return Status::Ok();
  }
  Result<Query> q = Run(db,
                        "SELECT document_id, forbund, year, "
                        "SUM(role IN ('ordförande','vice ordförande','ledamot')) AS members, "
                        "SUM(role = 'ersättare') AS deputies, "
                        "MAX(CASE WHEN role = 'ordförande' THEN name END) AS chair, "
                        "MAX(CASE WHEN role = 'ordförande' THEN organisation END) AS chair_organisation, "
                        "MAX(CASE WHEN role = 'vice ordförande' THEN name END) AS vice_chair, "
                        "COUNT(DISTINCT organisation) AS organisations "
                        "FROM v_board GROUP BY document_id, year ORDER BY forbund, year, document_id");
  if (!q.ok()) return q.status();
  std::vector<std::vector<std::string>> rows;
  for (auto& r : q->rows)
    if (Keep(req, r[1], r[2])) rows.push_back(r);
  *t = MergeDocuments(q->columns, rows);
  return Status::Ok();
}

Status Indicators(SqliteDb& db, const CompareRequest& req, ResultTable* t) {
  if (!req.label.empty()) {
    Result<Query> q = Run(db,
                          "SELECT document_id, forbund, year, goal_number, indicator, target_comparator, "
                          "target_value, target_unit, outcome_value, outcome_unit, status FROM v_indicators "
                          "ORDER BY forbund, year, document_id, seq");
    if (!q.ok()) return q.status();
    std::vector<std::vector<std::string>> rows;
    for (auto& r : q->rows)
      if (Keep(req, r[1], r[2]) && LabelMatches(req, r[4])) rows.push_back(r);
    *t = MergeDocuments(q->columns, rows);
    return Status::Ok();
  }
  Result<Query> q = Run(db,
                        "SELECT document_id, forbund, year, doc_kind, COUNT(DISTINCT goal_id) AS goals, "
                        "COUNT(*) AS indicators, SUM(target_comparator IS NOT NULL) AS with_target, "
                        "SUM(status = 'uppfylld') AS uppfylld, "
                        "SUM(status = 'uppfylld till övervägande del') AS overvagande, "
                        "SUM(status = 'delvis uppfylld') AS delvis, SUM(status = 'ej uppfylld') AS ej_uppfylld, "
                        "SUM(status = 'ej mätbart') AS ej_matbart, SUM(status IS NULL) AS no_status "
                        "FROM v_indicators GROUP BY document_id, year ORDER BY forbund, year, document_id");
  if (!q.ok()) return q.status();
  std::vector<std::vector<std::string>> rows;
  for (auto& r : q->rows)
    if (Keep(req, r[1], r[2])) rows.push_back(r);
  *t = MergeDocuments(q->columns, rows);
  return Status::Ok();
}

Status Interventions(SqliteDb& db, const CompareRequest& req, ResultTable* t) {
  Result<Query> q = Run(db,
                        "SELECT document_id, forbund, year, name, orientation, budget_sek, outcome_sek, "
                        "CASE WHEN budget_sek IS NOT NULL AND outcome_sek IS NOT NULL "
                        "THEN outcome_sek - budget_sek END AS deviation_sek, requested_sek, "
                        "CASE WHEN granted THEN 'yes' ELSE '' END AS granted, lead_organisation, participants, "
                        "period_from, period_to FROM v_interventions ORDER BY forbund, year, document_id, seq");
  if (!q.ok()) return q.status();
  std::vector<std::vector<std::string>> rows;
  for (auto& r : q->rows)
    if (Keep(req, r[1], r[2]) && LabelMatches(req, r[3])) rows.push_back(r);
  *t = MergeDocuments(q->columns, rows);
  return Status::Ok();
}

Status Members(SqliteDb& db, const CompareRequest& req, ResultTable* t) {
  Result<Query> q = Run(db,
                        "SELECT document_id, forbund, year, organisation, organisation_kind, amount_sek, share, "
                        "source FROM v_members WHERE is_member = 1 AND (amount_sek IS NOT NULL OR share IS NOT NULL) "
                        "ORDER BY forbund, year DESC, document_id, contribution_id");
  if (!q.ok()) return q.status();
  std::vector<std::vector<std::string>> rows;
  for (auto& r : q->rows) {
    if (!Keep(req, r[1], r[2]) || !LabelMatches(req, r[3])) continue;
    r[6] = Fixed(r[6], 4);
    rows.push_back(r);
  }
  *t = MergeDocuments(q->columns, rows);
  return Status::Ok();
}

}  // namespace

Status CompareGovernance(SqliteDb& db, const CompareRequest& req, std::ostream& out) {
  ResultTable t;
  Status st;
  if (req.table == "composition") st = Composition(db, req, &t);
  else if (req.table == "board") st = Board(db, req, &t);
  else if (req.table == "indicators") st = Indicators(db, req, &t);
  else if (req.table == "interventions") st = Interventions(db, req, &t);
  else if (req.table == "members") st = Members(db, req, &t);
  else
    return Status::InvalidArgument("unknown --table " + req.table +
                                   " (financial, board, composition, indicators, interventions, members)");
  if (!st.ok()) return st;
  WriteResultTable(t, req.format, out);
  return Status::Ok();
}

}  // namespace finsam
