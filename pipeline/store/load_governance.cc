// Loader step for the governance records (model/governance.h): deletes the
// document's rows (re-extract path), then inserts boards, composition,
// officers, goals, indicators, interventions (+ partners) and member
// contributions. Organisations go through UpsertOrganisation, matched first
// by a diacritic-free key so "Region Gavleborg" (a stripped dump) and
// "Region Gävleborg" share one record.
#include <map>
#include <optional>
#include <string>

#include "extractors/organisations.h"
#include "normalizers/text.h"
#include "pipeline/store/database.h"
#include "pipeline/store/load_governance.h"

namespace finsam {
namespace {

class OrganisationIds {
 public:
  explicit OrganisationIds(SqliteDb& db) : db_(db) {}

  // nullopt for an empty name.
  Result<std::optional<int64_t>> Get(const std::string& printed, std::string kind = "") {
    if (printed.empty()) return std::optional<int64_t>();
    Organisation o = NormalizeOrganisation(printed);
    std::string name = o.name.empty() ? printed : o.name;
    if (kind.empty()) kind = o.kind;
    std::string key = Fold(name);
    if (!loaded_) {
      Result<SqliteStatement> q = db_.Prepare("SELECT organisation_id, name FROM organisations");
      if (!q.ok()) return q.status();
      while (q->Step()) ids_.emplace(Fold(q->Text(1)), q->Int(0));
      if (!q->status().ok()) return q->status();
      loaded_ = true;
    }
    auto it = ids_.find(key);
    if (it != ids_.end()) return std::optional<int64_t>(it->second);
    Result<int64_t> id = UpsertOrganisation(db_, name, kind);
    if (!id.ok()) return id.status();
    ids_.emplace(key, *id);
    return std::optional<int64_t>(*id);
  }

 private:
  SqliteDb& db_;
  bool loaded_ = false;
  std::map<std::string, int64_t> ids_;
};

std::optional<int> NonZero(int v) { return v ? std::optional<int>(v) : std::nullopt; }
std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// Binds the 8 provenance columns starting at parameter `i`.
void BindProv(SqliteStatement& s, int i, const Provenance& p) {
  s.Bind(i, p.page).Bind(i + 1, p.line_index).Bind(i + 2, p.box.x0).Bind(i + 3, p.box.y0);
  s.Bind(i + 4, p.box.x1).Bind(i + 5, p.box.y1).Bind(i + 6, p.raw_text).Bind(i + 7, p.confidence);
}

const char kProvCols[] = "page, line_index, x0, y0, x1, y1, raw_text, confidence";
const char kProvParams[] = "?,?,?,?,?,?,?,?";

std::string Insert(const std::string& table, const std::string& cols, int n) {
  std::string params;
  for (int i = 0; i < n; ++i) params += "?,";
  return "INSERT INTO " + table + "(" + cols + ", " + kProvCols + ") VALUES(" + params + kProvParams + ")";
}

}  // namespace

Status LoadGovernance(SqliteDb& db, int64_t document_id, const Extraction& ex) {
  for (const char* table : {"board_members", "board_composition", "officers", "indicators", "goals",
                            "interventions", "member_contributions"}) {
    Result<SqliteStatement> del = db.Prepare(std::string("DELETE FROM ") + table + " WHERE document_id = ?");
    if (!del.ok()) return del.status();
    del->Bind(1, document_id);
    FINSAM_RETURN_IF_ERROR(del->Run());
  }
  const Governance& g = ex.governance;
  OrganisationIds orgs(db);

  Result<SqliteStatement> ins_board =
      db.Prepare(Insert("board_members", "document_id, year, name, role, organisation_id, source", 6));
  if (!ins_board.ok()) return ins_board.status();
  for (const BoardMember& m : g.board) {
    Result<std::optional<int64_t>> org = orgs.Get(m.organisation, m.organisation_kind);
    if (!org.ok()) return org.status();
    ins_board->Bind(1, document_id).Bind(2, NonZero(m.year)).Bind(3, m.name).Bind(4, m.role);
    ins_board->Bind(5, *org).Bind(6, NonEmpty(m.source));
    BindProv(*ins_board, 7, m.prov);
    FINSAM_RETURN_IF_ERROR(ins_board->Run());
  }

  Result<SqliteStatement> ins_comp =
      db.Prepare(Insert("board_composition", "document_id, year, members, deputies, meetings, fees_sek", 6));
  if (!ins_comp.ok()) return ins_comp.status();
  for (const BoardComposition& c : g.composition) {
    ins_comp->Bind(1, document_id).Bind(2, NonZero(c.year)).Bind(3, c.members).Bind(4, c.deputies);
    ins_comp->Bind(5, c.meetings).Bind(6, c.fees_sek);
    BindProv(*ins_comp, 7, c.prov);
    FINSAM_RETURN_IF_ERROR(ins_comp->Run());
  }

  Result<SqliteStatement> ins_off =
      db.Prepare(Insert("officers", "document_id, year, kind, name, role, organisation, appointed_by", 7));
  if (!ins_off.ok()) return ins_off.status();
  for (const Officer& o : g.officers) {
    ins_off->Bind(1, document_id).Bind(2, NonZero(o.year)).Bind(3, o.kind).Bind(4, NonEmpty(o.name));
    ins_off->Bind(5, NonEmpty(o.role)).Bind(6, NonEmpty(o.organisation)).Bind(7, NonEmpty(o.appointed_by));
    BindProv(*ins_off, 8, o.prov);
    FINSAM_RETURN_IF_ERROR(ins_off->Run());
  }

  Result<SqliteStatement> ins_goal = db.Prepare(Insert("goals", "document_id, seq, number, text, year", 5));
  if (!ins_goal.ok()) return ins_goal.status();
  std::vector<int64_t> goal_ids;
  for (size_t i = 0; i < g.goals.size(); ++i) {
    const Goal& x = g.goals[i];
    ins_goal->Bind(1, document_id).Bind(2, static_cast<int64_t>(i)).Bind(3, NonEmpty(x.number)).Bind(4, x.text);
    ins_goal->Bind(5, NonZero(x.year));
    BindProv(*ins_goal, 6, x.prov);
    FINSAM_RETURN_IF_ERROR(ins_goal->Run());
    goal_ids.push_back(db.LastInsertId());
  }

  Result<SqliteStatement> ins_ind = db.Prepare(Insert(
      "indicators",
      "document_id, goal_id, seq, year, text, target_comparator, target_value, target_unit, outcome_value, "
      "outcome_unit, status, status_raw, measure, outcome_text",
      14));
  if (!ins_ind.ok()) return ins_ind.status();
  for (size_t i = 0; i < g.indicators.size(); ++i) {
    const Indicator& x = g.indicators[i];
    std::optional<int64_t> goal_id;
    if (x.goal >= 0 && x.goal < static_cast<int>(goal_ids.size())) goal_id = goal_ids[x.goal];
    ins_ind->Bind(1, document_id).Bind(2, goal_id).Bind(3, static_cast<int64_t>(i)).Bind(4, NonZero(x.year));
    ins_ind->Bind(5, x.text).Bind(6, NonEmpty(x.comparator)).Bind(7, x.target_value).Bind(8, NonEmpty(x.target_unit));
    ins_ind->Bind(9, x.outcome_value).Bind(10, NonEmpty(x.outcome_unit)).Bind(11, NonEmpty(x.status));
    ins_ind->Bind(12, NonEmpty(x.status_raw)).Bind(13, NonEmpty(x.measure)).Bind(14, NonEmpty(x.outcome_text));
    BindProv(*ins_ind, 15, x.prov);
    FINSAM_RETURN_IF_ERROR(ins_ind->Run());
  }

  Result<SqliteStatement> ins_iv = db.Prepare(Insert(
      "interventions",
      "document_id, seq, name, orientation, period_from, period_to, year, budget_sek, outcome_sek, requested_sek, "
      "lead_organisation_id, participants, women, men, granted, source",
      16));
  Result<SqliteStatement> ins_partner = db.Prepare(
      "INSERT OR IGNORE INTO intervention_partners(intervention_id, organisation_id, seq) VALUES(?,?,?)");
  if (!ins_iv.ok()) return ins_iv.status();
  if (!ins_partner.ok()) return ins_partner.status();
  for (size_t i = 0; i < g.interventions.size(); ++i) {
    const Intervention& x = g.interventions[i];
    Result<std::optional<int64_t>> lead = orgs.Get(x.lead_organisation);
    if (!lead.ok()) return lead.status();
    ins_iv->Bind(1, document_id).Bind(2, static_cast<int64_t>(i)).Bind(3, x.name).Bind(4, NonEmpty(x.orientation));
    ins_iv->Bind(5, NonEmpty(x.period_from)).Bind(6, NonEmpty(x.period_to)).Bind(7, NonZero(x.year));
    ins_iv->Bind(8, x.budget_sek).Bind(9, x.outcome_sek).Bind(10, x.requested_sek).Bind(11, *lead);
    ins_iv->Bind(12, x.participants).Bind(13, x.women).Bind(14, x.men).Bind(15, x.granted ? 1 : 0);
    ins_iv->Bind(16, NonEmpty(x.source));
    BindProv(*ins_iv, 17, x.prov);
    FINSAM_RETURN_IF_ERROR(ins_iv->Run());
    int64_t iv_id = db.LastInsertId();
    for (size_t p = 0; p < x.partners.size(); ++p) {
      Result<std::optional<int64_t>> org = orgs.Get(x.partners[p]);
      if (!org.ok()) return org.status();
      if (!*org) continue;
      ins_partner->Bind(1, iv_id).Bind(2, **org).Bind(3, static_cast<int64_t>(p));
      FINSAM_RETURN_IF_ERROR(ins_partner->Run());
    }
  }

  Result<SqliteStatement> ins_mem = db.Prepare(Insert(
      "member_contributions", "document_id, year, organisation_id, label, amount_sek, share, is_member, source", 8));
  if (!ins_mem.ok()) return ins_mem.status();
  for (const MemberContribution& m : g.members) {
    std::optional<int64_t> org_id;
    if (m.is_member) {
      Result<std::optional<int64_t>> org = orgs.Get(m.organisation, m.organisation_kind);
      if (!org.ok()) return org.status();
      org_id = *org;
    }
    ins_mem->Bind(1, document_id).Bind(2, NonZero(m.year)).Bind(3, org_id).Bind(4, m.organisation);
    ins_mem->Bind(5, m.amount_sek).Bind(6, m.share).Bind(7, m.is_member ? 1 : 0).Bind(8, NonEmpty(m.source));
    BindProv(*ins_mem, 9, m.prov);
    FINSAM_RETURN_IF_ERROR(ins_mem->Run());
  }
  return Status::Ok();
}

}  // namespace finsam
