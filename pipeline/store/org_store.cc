#include "pipeline/store/org_store.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>

#include "extractors/organisations.h"
#include "normalizers/text.h"
#include "normalizers/unicode.h"
#include "pipeline/store/cross_checks.h"

namespace finsam {
namespace {

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string OrgnrKey(const std::string& orgnr) { return "orgnr:" + orgnr; }

// The latest decision of `kind` for `key`, "" when none.
std::string LatestDecision(SqliteDb& db, const std::string& kind, const std::string& key) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT target FROM org_decisions WHERE kind = ? AND org_key = ? ORDER BY decision_id DESC LIMIT 1");
  if (!q.ok()) return "";
  q->Bind(1, kind).Bind(2, key);
  return q->Step() ? q->Text(0) : "";
}

// Follows merge decisions from `key` to the organisation it now belongs to.
std::string FollowMerges(SqliteDb& db, std::string key) {
  for (int i = 0; i < 16; ++i) {
    std::string next = LatestDecision(db, "merge", key);
    if (next.empty() || next == key) break;
    key = next;
  }
  return key;
}

std::optional<int64_t> IdByKey(SqliteDb& db, const std::string& key) {
  if (key.rfind("orgnr:", 0) == 0) {
    Result<SqliteStatement> q = db.Prepare("SELECT forbund_id FROM forbund WHERE orgnr = ?");
    if (!q.ok()) return std::nullopt;
    q->Bind(1, key.substr(6));
    if (q->Step()) return q->Int(0);
    return std::nullopt;
  }
  const std::string name_key = key.substr(5);
  Result<SqliteStatement> q = db.Prepare("SELECT forbund_id FROM forbund WHERE name_key = ? ORDER BY forbund_id");
  if (!q.ok()) return std::nullopt;
  q->Bind(1, name_key);
  if (q->Step()) return q->Int(0);
  // Rows from before migration 5 have no name_key: fold their names once.
  Result<SqliteStatement> old = db.Prepare("SELECT forbund_id, name FROM forbund WHERE name_key IS NULL");
  if (!old.ok()) return std::nullopt;
  std::vector<std::pair<int64_t, std::string>> rows;
  while (old->Step()) rows.emplace_back(old->Int(0), old->Text(1));
  std::optional<int64_t> found;
  for (const auto& [id, name] : rows) {
    std::string k = OrgNameKey(name).substr(5);
    Result<SqliteStatement> up = db.Prepare("UPDATE forbund SET name_key = ? WHERE forbund_id = ?");
    if (up.ok()) up->Bind(1, k).Bind(2, id).Run().IgnoreError();  // a cache; recomputed if lost
    if (k == name_key && !found) found = id;
  }
  return found;
}

std::string GuessKind(const std::string& name) {
  std::string f = FoldKey(name);
  if (f.rfind("samordningsforbund", 0) == 0 || f.rfind("finsam", 0) == 0) return "samordningsförbund";
  if (f.rfind("brf ", 0) == 0 || f.find(" brf ") != std::string::npos || f.find("bostadsrattsforening") != std::string::npos)
    return "brf";
  if (f.find("namnd") != std::string::npos || f.find("forvaltning") != std::string::npos ||
      f.find("revisionen") != std::string::npos || f.find("kontoret") != std::string::npos)
    return "nämnd";
  Organisation o = NormalizeOrganisation(name);
  if (o.kind == "kommun" || o.kind == "region") return o.kind;
  if (f.size() > 5 && f.compare(f.size() - 5, 5, " stad") == 0) return "kommun";
  return "other";
}

}  // namespace

std::string OrgNameKey(const std::string& name) { return "name:" + CollapseSpaces(FoldKey(JoinDashedNames(name))); }

void ApplyOrgOverride(SqliteDb& db, const std::string& override, DocumentMeta* meta) {
  if (override.empty()) return;
  meta->org_source = "override";
  const std::string orgnr = NormalizeOrgnr(override);
  if (!orgnr.empty()) {
    meta->orgnr = orgnr;
    Result<SqliteStatement> q = db.Prepare("SELECT name, kind FROM forbund WHERE orgnr = ?");
    if (q.ok()) {
      q->Bind(1, orgnr);
      if (q->Step()) {
        meta->forbund = q->Text(0);
        meta->org_kind = q->Text(1);
        return;
      }
    }
    if (meta->forbund.empty()) meta->forbund = orgnr;
    if (meta->org_kind.empty()) meta->org_kind = "other";
    return;
  }
  meta->forbund = JoinDashedNames(CollapseSpaces(override));
  meta->orgnr.clear();
  meta->org_kind = GuessKind(meta->forbund);
}

Result<std::optional<int64_t>> ResolveOrganisation(SqliteDb& db, const DocumentMeta& meta) {
  if (meta.forbund.empty() && meta.orgnr.empty()) return std::optional<int64_t>();
  const std::string name_key = OrgNameKey(meta.forbund.empty() ? meta.orgnr : meta.forbund);
  // Merge decisions first: the document may name an organisation merged
  // into another.
  std::string key = meta.orgnr.empty() ? name_key : OrgnrKey(meta.orgnr);
  std::string merged = FollowMerges(db, key);
  if (merged == key && !meta.orgnr.empty()) {
    std::string by_name = FollowMerges(db, name_key);
    if (by_name != name_key) merged = by_name;
  }
  std::optional<int64_t> id;
  if (merged != key) id = IdByKey(db, merged);
  if (!id) id = IdByKey(db, key);
  if (!id && !meta.orgnr.empty()) {
    // The same name read from a document without the number (a text dump):
    // the number joins that row if it has none yet.
    std::optional<int64_t> by_name = IdByKey(db, name_key);
    if (by_name) {
      Result<SqliteStatement> q = db.Prepare("SELECT orgnr FROM forbund WHERE forbund_id = ?");
      if (!q.ok()) return q.status();
      q->Bind(1, *by_name);
      if (q->Step() && q->IsNull(0)) {
        Result<SqliteStatement> up = db.Prepare("UPDATE forbund SET orgnr = ? WHERE forbund_id = ?");
        if (!up.ok()) return up.status();
        up->Bind(1, meta.orgnr).Bind(2, *by_name);
        FINSAM_RETURN_IF_ERROR(up->Run());
        id = by_name;
      }
    }
  }
  if (id) {
    Result<SqliteStatement> up = db.Prepare("UPDATE forbund SET kind = COALESCE(kind, ?) WHERE forbund_id = ?");
    if (!up.ok()) return up.status();
    up->Bind(1, meta.org_kind.empty() ? std::optional<std::string>() : std::optional<std::string>(meta.org_kind));
    up->Bind(2, *id);
    FINSAM_RETURN_IF_ERROR(up->Run());
    return id;
  }
  // A new organisation: its printed name (or a rename decided earlier).
  std::string name = meta.forbund.empty() ? meta.orgnr : meta.forbund;
  std::string renamed = LatestDecision(db, "rename", key);
  if (!renamed.empty()) name = renamed;
  // Two organisations printing the same name (two "Brf Sjöfallet" in two
  // towns) stay apart by their numbers.
  Result<SqliteStatement> taken = db.Prepare("SELECT 1 FROM forbund WHERE name = ?");
  if (!taken.ok()) return taken.status();
  taken->Bind(1, name);
  if (taken->Step() && !meta.orgnr.empty()) name += " (" + meta.orgnr + ")";
  Result<SqliteStatement> ins = db.Prepare("INSERT INTO forbund(name, kind, orgnr, name_key) VALUES(?,?,?,?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, name);
  ins->Bind(2, meta.org_kind.empty() ? std::optional<std::string>() : std::optional<std::string>(meta.org_kind));
  ins->Bind(3, meta.orgnr.empty() ? std::optional<std::string>() : std::optional<std::string>(meta.orgnr));
  ins->Bind(4, name_key.substr(5));
  FINSAM_RETURN_IF_ERROR(ins->Run());
  return std::optional<int64_t>(db.LastInsertId());
}

Result<std::vector<OrgRow>> ListOrganisations(SqliteDb& db) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT organisation_id, organisation, COALESCE(org_kind, ''), COALESCE(orgnr, ''), documents, "
      "COALESCE(year_from, 0), COALESCE(year_to, 0) FROM v_organisations ORDER BY organisation, organisation_id");
  if (!q.ok()) return q.status();
  std::vector<OrgRow> out;
  while (q->Step()) {
    OrgRow r;
    r.id = q->Int(0);
    r.name = q->Text(1);
    r.kind = q->Text(2);
    r.orgnr = q->Text(3);
    r.documents = q->Int(4);
    r.year_from = static_cast<int>(q->Int(5));
    r.year_to = static_cast<int>(q->Int(6));
    out.push_back(std::move(r));
  }
  if (!q->status().ok()) return q->status();
  return out;
}

std::vector<std::string> CloseOrganisationNames(SqliteDb& db, const std::string& ref, size_t n) {
  Result<std::vector<OrgRow>> all = ListOrganisations(db);
  if (!all.ok()) return {};
  const std::string f = CollapseSpaces(FoldKey(ref));
  std::vector<std::pair<int, std::string>> scored;
  for (const OrgRow& o : *all) {
    std::string fo = CollapseSpaces(FoldKey(o.name));
    int d = EditDistance(f, fo);
    // A name sharing a word with the reference ranks first.
    for (const std::string& w : {f}) {
      size_t start = 0;
      while (start < w.size()) {
        size_t end = w.find(' ', start);
        if (end == std::string::npos) end = w.size();
        std::string word = w.substr(start, end - start);
        if (word.size() >= 3 && fo.find(word) != std::string::npos) d = std::min(d, 1);
        start = end + 1;
      }
    }
    scored.emplace_back(d, o.name);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [d, name] : scored) {
    if (out.size() >= n) break;
    out.push_back(name);
  }
  return out;
}

Result<OrgRow> FindOrganisation(SqliteDb& db, const std::string& ref) {
  Result<std::vector<OrgRow>> all = ListOrganisations(db);
  if (!all.ok()) return all.status();
  const std::string orgnr = NormalizeOrgnr(ref);
  bool numeric = !ref.empty() && std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; });
  for (const OrgRow& o : *all) {
    if (numeric && ref.size() < 10 && std::to_string(o.id) == ref) return o;
    if (!orgnr.empty() && o.orgnr == orgnr) return o;
  }
  const std::string f = CollapseSpaces(FoldKey(JoinDashedNames(ref)));
  for (const OrgRow& o : *all)
    if (CollapseSpaces(FoldKey(o.name)) == f) return o;
  std::vector<const OrgRow*> parts;
  for (const OrgRow& o : *all)
    if (!f.empty() && CollapseSpaces(FoldKey(JoinDashedNames(o.name))).find(f) != std::string::npos) parts.push_back(&o);
  if (parts.size() == 1) return *parts[0];
  std::string msg = "no organisation '" + ref + "'";
  if (parts.size() > 1) msg = "'" + ref + "' matches " + std::to_string(parts.size()) + " organisations";
  std::vector<std::string> close;
  if (parts.size() > 1) {
    for (const OrgRow* o : parts) close.push_back(o->name);
  } else {
    close = CloseOrganisationNames(db, ref);
  }
  if (!close.empty()) {
    msg += "; did you mean: ";
    for (size_t i = 0; i < close.size() && i < 8; ++i) msg += (i ? ", " : "") + close[i];
  }
  return Status::NotFound(msg);
}

Status RenameOrganisation(SqliteDb& db, const OrgRow& org, const std::string& new_name) {
  const std::string name = CollapseSpaces(new_name);
  if (name.empty()) return Status::InvalidArgument("--rename wants a new name");
  FINSAM_RETURN_IF_ERROR(db.Begin());
  auto fail = [&](Status st) {
    db.Rollback();
    return st;
  };
  Result<SqliteStatement> taken = db.Prepare("SELECT forbund_id FROM forbund WHERE name = ? AND forbund_id != ?");
  if (!taken.ok()) return fail(taken.status());
  taken->Bind(1, name).Bind(2, org.id);
  if (taken->Step())
    return fail(Status::InvalidArgument("another organisation is called '" + name + "' (merge them with --merge)"));
  Result<SqliteStatement> key = db.Prepare("SELECT COALESCE(name_key, '') FROM forbund WHERE forbund_id = ?");
  if (!key.ok()) return fail(key.status());
  key->Bind(1, org.id);
  std::string name_key = key->Step() ? key->Text(0) : "";
  if (name_key.empty()) name_key = OrgNameKey(org.name).substr(5);
  Result<SqliteStatement> ins = db.Prepare(
      "INSERT INTO org_decisions(kind, org_key, target, decided_at) VALUES('rename', ?, ?, ?)");
  if (!ins.ok()) return fail(ins.status());
  std::vector<std::string> keys = {"name:" + name_key};
  if (!org.orgnr.empty()) keys.push_back(OrgnrKey(org.orgnr));
  for (const std::string& k : keys) {
    ins->Bind(1, k).Bind(2, name).Bind(3, NowIso());
    if (Status st = ins->Run(); !st.ok()) return fail(st);
  }
  Result<SqliteStatement> up = db.Prepare("UPDATE forbund SET name = ?, name_key = ? WHERE forbund_id = ?");
  if (!up.ok()) return fail(up.status());
  up->Bind(1, name).Bind(2, name_key).Bind(3, org.id);
  if (Status st = up->Run(); !st.ok()) return fail(st);
  return db.Commit();
}

Status MergeOrganisations(SqliteDb& db, const OrgRow& from, const OrgRow& into) {
  if (from.id == into.id) return Status::InvalidArgument("cannot merge an organisation into itself");
  if (!from.orgnr.empty() && !into.orgnr.empty() && from.orgnr != into.orgnr)
    return Status::InvalidArgument("'" + from.name + "' (" + from.orgnr + ") and '" + into.name + "' (" + into.orgnr +
                                   ") print different organisationsnummer");
  FINSAM_RETURN_IF_ERROR(db.Begin());
  auto fail = [&](Status st) {
    db.Rollback();
    return st;
  };
  auto name_key_of = [&](int64_t id, const std::string& name) {
    Result<SqliteStatement> q = db.Prepare("SELECT COALESCE(name_key, '') FROM forbund WHERE forbund_id = ?");
    std::string k;
    if (q.ok()) {
      q->Bind(1, id);
      if (q->Step()) k = q->Text(0);
    }
    return k.empty() ? OrgNameKey(name).substr(5) : k;
  };
  const std::string target = into.orgnr.empty() ? "name:" + name_key_of(into.id, into.name) : OrgnrKey(into.orgnr);
  std::vector<std::string> keys = {"name:" + name_key_of(from.id, from.name)};
  if (!from.orgnr.empty()) keys.push_back(OrgnrKey(from.orgnr));
  Result<SqliteStatement> ins = db.Prepare(
      "INSERT INTO org_decisions(kind, org_key, target, decided_at) VALUES('merge', ?, ?, ?)");
  if (!ins.ok()) return fail(ins.status());
  for (const std::string& k : keys) {
    if (k == target) continue;
    ins->Bind(1, k).Bind(2, target).Bind(3, NowIso());
    if (Status st = ins->Run(); !st.ok()) return fail(st);
  }
  // The orgnr moves after the row that held it is gone (unique index).
  Result<SqliteStatement> docs = db.Prepare("UPDATE documents SET forbund_id = ? WHERE forbund_id = ?");
  Result<SqliteStatement> flags = db.Prepare("UPDATE flags SET forbund_id = ? WHERE forbund_id = ?");
  Result<SqliteStatement> del = db.Prepare("DELETE FROM forbund WHERE forbund_id = ?");
  Result<SqliteStatement> num = db.Prepare("UPDATE forbund SET orgnr = ? WHERE forbund_id = ? AND orgnr IS NULL");
  for (auto* s : {&docs, &flags, &del, &num})
    if (!s->ok()) return fail(s->status());
  docs->Bind(1, into.id).Bind(2, from.id);
  flags->Bind(1, into.id).Bind(2, from.id);
  del->Bind(1, from.id);
  Status st = docs->Run();
  if (st.ok()) st = flags->Run();
  if (st.ok()) st = del->Run();
  if (st.ok() && !from.orgnr.empty() && into.orgnr.empty()) {
    num->Bind(1, from.orgnr).Bind(2, into.id);
    st = num->Run();
  }
  if (!st.ok()) return fail(st);
  return db.Commit();
}

Result<std::string> RelocateDocument(SqliteDb& db, int64_t document_id, const std::string& canonical_path) {
  Result<SqliteStatement> q = db.Prepare("SELECT source_path FROM documents WHERE document_id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, document_id);
  if (!q->Step()) return std::string();
  const std::string old = q->Text(0);
  if (old == canonical_path) return std::string();
  std::error_code ec;
  // A copy at the old place keeps the old path; only a file gone from there
  // (moved or renamed) is followed. Relative paths from older versions are
  // resolved against the current directory, as they were typed.
  if (std::filesystem::exists(old, ec)) {
    std::filesystem::path abs = std::filesystem::weakly_canonical(std::filesystem::absolute(old, ec), ec);
    if (!ec && abs.string() != old) {
      // An older finsam stored the path as typed: store it canonical now.
      if (abs.string() != canonical_path) return std::string();
    } else {
      return std::string();
    }
  }
  Result<SqliteStatement> up = db.Prepare("UPDATE documents SET source_path = ? WHERE document_id = ?");
  if (!up.ok()) return up.status();
  up->Bind(1, canonical_path).Bind(2, document_id);
  FINSAM_RETURN_IF_ERROR(up->Run());
  return old;
}

Status ReassignDocumentOrganisation(SqliteDb& db, int64_t document_id, const std::string& override) {
  if (override.empty()) return Status::Ok();
  Result<SqliteStatement> q = db.Prepare(
      "SELECT COALESCE(d.org_override, ''), COALESCE(d.org_printed, f.name, ''), COALESCE(f.kind, ''), "
      "COALESCE(f.orgnr, ''), d.forbund_id FROM documents d LEFT JOIN forbund f USING(forbund_id) "
      "WHERE d.document_id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, document_id);
  if (!q->Step()) return q->status();
  if (q->Text(0) == override) return Status::Ok();
  DocumentMeta meta;
  meta.forbund = q->Text(1);
  meta.org_kind = q->Text(2);
  meta.orgnr = q->Text(3);
  std::optional<int64_t> old_id;
  if (!q->IsNull(4)) old_id = q->Int(4);
  FINSAM_RETURN_IF_ERROR(db.Begin());
  auto fail = [&](Status st) {
    db.Rollback();
    return st;
  };
  ApplyOrgOverride(db, override, &meta);
  Result<std::optional<int64_t>> org = ResolveOrganisation(db, meta);
  if (!org.ok()) return fail(org.status());
  Result<SqliteStatement> up = db.Prepare(
      "UPDATE documents SET forbund_id = ?, org_source = 'override', org_override = ? WHERE document_id = ?");
  if (!up.ok()) return fail(up.status());
  up->Bind(1, *org).Bind(2, override).Bind(3, document_id);
  if (Status st = up->Run(); !st.ok()) return fail(st);
  Result<SqliteStatement> fl = db.Prepare("UPDATE flags SET forbund_id = ? WHERE document_id = ?");
  if (!fl.ok()) return fail(fl.status());
  fl->Bind(1, *org).Bind(2, document_id);
  if (Status st = fl->Run(); !st.ok()) return fail(st);
  for (std::optional<int64_t> id : {old_id, *org}) {
    if (!id) continue;
    if (Status st = RunCrossChecks(db, *id); !st.ok()) return fail(st);
  }
  return db.Commit();
}

}  // namespace finsam
