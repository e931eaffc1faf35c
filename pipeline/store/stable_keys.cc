#include "pipeline/store/stable_keys.h"

#include <cctype>
#include <cstring>
#include <map>
#include <set>
#include <tuple>

#include "normalizers/unicode.h"

namespace finsam {
namespace {

// Crockford's base32: no I, L, O, U, so an id read aloud or retyped from a
// printout is not misread.
constexpr const char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

uint64_t Hash64(const std::string& s) {
  // FNV-1a 64, then the splitmix64 finaliser so every bit of the input
  // reaches the 40 bits the id keeps.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h;
}

std::string Occ(const std::string& text, std::map<std::string, int>* seen) {
  int n = (*seen)[text]++;
  return text + "#" + std::to_string(n);
}

std::string ColumnPart(const std::string& kind, int year, const std::string& header) {
  if (!kind.empty() && kind != "unknown") return kind + ":" + (year ? std::to_string(year) : std::string("-"));
  return "H:" + FoldForKey(header);
}

// Normalises what a user typed: upper case, Crockford's look-alikes (O→0,
// I/L→1), "F3K7…" without the dash accepted.
std::string NormaliseTyped(const std::string& typed) {
  std::string s;
  for (char c : typed) {
    if (c == ' ') continue;
    char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    s += u;
  }
  if (s.size() >= 2 && s[1] != '-' && std::isalpha(static_cast<unsigned char>(s[0]))) s.insert(1, "-");
  for (size_t i = 2; i < s.size(); ++i) {
    if (s[i] == 'O') s[i] = '0';
    if (s[i] == 'I' || s[i] == 'L') s[i] = '1';
  }
  return s;
}

bool AllDigits(const std::string& s) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

Result<ResolvedId> Resolve(SqliteDb& db, const std::string& typed, char prefix, const char* table,
                           const char* id_column, const char* what) {
  ResolvedId out;
  if (AllDigits(typed)) {
    Result<SqliteStatement> q = db.Prepare(std::string("SELECT ") + id_column + ", COALESCE(stable_id,'') FROM " +
                                           table + " WHERE " + id_column + " = ?");
    if (!q.ok()) return q.status();
    q->Bind(1, static_cast<int64_t>(std::stoll(typed)));
    if (!q->Step()) {
      FINSAM_RETURN_IF_ERROR(q->status());
      return Status::NotFound(std::string("no ") + what + " " + typed);
    }
    out.row_id = q->Int(0);
    out.stable_id = q->Text(1);
    out.by_number = true;
    return out;
  }
  std::string id = NormaliseTyped(typed);
  if (id.size() < 2 || id[0] != prefix || id[1] != '-') {
    return Status::InvalidArgument(std::string("'") + typed + "' is not a " + what + " id (" + prefix +
                                   "-XXXXXXXX, e.g. from `finsam review`)");
  }
  if (id.size() < 6) return Status::InvalidArgument(std::string("'") + typed + "': give at least 4 digits of the id");
  for (size_t i = 2; i < id.size(); ++i)
    if (!std::strchr(kCrockford, id[i]))
      return Status::InvalidArgument(std::string("'") + typed + "' is not a " + what + " id");
  Result<SqliteStatement> q = db.Prepare(std::string("SELECT ") + id_column + ", stable_id FROM " + table +
                                         " WHERE stable_id >= ? AND stable_id < ? ORDER BY stable_id LIMIT 3");
  if (!q.ok()) return q.status();
  q->Bind(1, id).Bind(2, id + "\x7f");
  std::set<std::string> ids;
  while (q->Step()) {
    if (ids.insert(q->Text(1)).second && ids.size() == 1) {
      out.row_id = q->Int(0);
      out.stable_id = q->Text(1);
    }
  }
  FINSAM_RETURN_IF_ERROR(q->status());
  if (ids.empty()) return Status::NotFound(std::string("no ") + what + " " + id);
  if (ids.size() > 1) {
    std::string list;
    for (const std::string& s : ids) list += (list.empty() ? "" : ", ") + s;
    return Status::InvalidArgument(id + " is ambiguous (" + list + "); give more digits");
  }
  return out;
}

}  // namespace

std::string StableId(char prefix, const std::string& content_key) {
  uint64_t h = Hash64(content_key) >> 24;  // 40 bits
  std::string out = {prefix, '-'};
  for (int i = 7; i >= 0; --i) out += kCrockford[(h >> (5 * i)) & 31];
  return out;
}

std::string FoldForKey(const std::string& text) {
  std::string folded = FoldKey(text), out;
  bool space = false;
  for (char c : folded) {
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

namespace {

std::string DocumentSha(SqliteDb& db, int64_t document_id, Status* st) {
  Result<SqliteStatement> q = db.Prepare("SELECT sha256 FROM documents WHERE document_id = ?");
  if (!q.ok()) {
    *st = q.status();
    return "";
  }
  q->Bind(1, document_id);
  if (!q->Step()) {
    *st = q->status().ok() ? Status::NotFound("no document " + std::to_string(document_id)) : q->status();
    return "";
  }
  return q->Text(0);
}

// Flag ids of one document: `scope` "" = every flag. Occurrences count per
// scope, rule and key, so one scope can be recomputed alone.
Status AssignFlagIds(SqliteDb& db, int64_t document_id, const std::string& sha, const std::string& scope) {
  struct FlagRow {
    int64_t id;
    std::string scope, rule, key;
  };
  std::vector<FlagRow> flags;
  {
    Result<SqliteStatement> q = db.Prepare(
        "SELECT f.flag_id, f.scope, f.rule, f.flag_key, "
        "(SELECT x.fact_key FROM flag_facts ff JOIN facts x ON x.fact_id = ff.fact_id "
        "  WHERE ff.flag_id = f.flag_id ORDER BY ff.seq LIMIT 1) "
        "FROM flags f WHERE f.document_id = ? AND (? = '' OR f.scope = ?) ORDER BY f.flag_id");
    if (!q.ok()) return q.status();
    q->Bind(1, document_id).Bind(2, scope).Bind(3, scope);
    while (q->Step()) {
      FlagRow f{q->Int(0), q->Text(1), q->Text(2), q->Text(3)};
      // Cross-document flags keep their rule key (it names the other
      // document by sha256); an in-document flag is about its main figure
      // (its key without the document's sha256, which the flag key adds).
      if (f.scope != "cross" && !q->IsNull(4)) {
        std::string k = q->Text(4);
        f.key = k.size() > sha.size() + 1 ? k.substr(sha.size() + 1) : k;
      }
      flags.push_back(std::move(f));
    }
    FINSAM_RETURN_IF_ERROR(q->status());
  }
  Result<SqliteStatement> upf = db.Prepare("UPDATE flags SET content_key = ?, stable_id = ? WHERE flag_id = ?");
  if (!upf.ok()) return upf.status();
  std::map<std::string, int> seen;
  for (const FlagRow& f : flags) {
    std::string full = sha + "|" + Occ(f.scope + "|" + f.rule + "|" + f.key, &seen);
    upf->Bind(1, full).Bind(2, StableId(kFlagIdPrefix, full)).Bind(3, f.id);
    FINSAM_RETURN_IF_ERROR(upf->Run());
  }
  return Status::Ok();
}

}  // namespace

Status AssignStableIds(SqliteDb& db, int64_t document_id) {
  Status st;
  std::string sha = DocumentSha(db, document_id, &st);
  FINSAM_RETURN_IF_ERROR(st);
  // Table, row and column parts with their occurrence counts, in document order.
  std::map<int64_t, std::string> table_part;                     // table_id →
  std::map<int64_t, std::string> row_part;                       // row_id →
  std::map<std::pair<int64_t, int64_t>, std::string> col_part;   // (table_id, col) →
  {
    Result<SqliteStatement> q = db.Prepare(
        "SELECT table_id, COALESCE(title,''), COALESCE(table_kind,'') FROM fin_tables WHERE document_id = ? "
        "ORDER BY seq, table_id");
    if (!q.ok()) return q.status();
    q->Bind(1, document_id);
    std::map<std::string, int> seen;
    while (q->Step()) {
      std::string title = FoldForKey(q->Text(1));
      if (title.empty()) title = "(" + q->Text(2) + ")";
      table_part[q->Int(0)] = "T:" + Occ(title, &seen);
    }
    FINSAM_RETURN_IF_ERROR(q->status());
  }
  {
    Result<SqliteStatement> q = db.Prepare(
        "SELECT r.table_id, r.row_id, COALESCE(r.label,'') FROM fin_rows r JOIN fin_tables t USING(table_id) "
        "WHERE t.document_id = ? ORDER BY r.table_id, r.seq, r.row_id");
    if (!q.ok()) return q.status();
    q->Bind(1, document_id);
    std::map<int64_t, std::map<std::string, int>> seen;
    while (q->Step()) row_part[q->Int(1)] = "R:" + Occ(FoldForKey(q->Text(2)), &seen[q->Int(0)]);
    FINSAM_RETURN_IF_ERROR(q->status());
  }
  {
    Result<SqliteStatement> q = db.Prepare(
        "SELECT c.table_id, c.col, COALESCE(c.column_kind,''), COALESCE(c.year,0), COALESCE(c.header,'') "
        "FROM fin_columns c JOIN fin_tables t USING(table_id) WHERE t.document_id = ? ORDER BY c.table_id, c.col");
    if (!q.ok()) return q.status();
    q->Bind(1, document_id);
    std::map<int64_t, std::map<std::string, int>> seen;
    while (q->Step())
      col_part[{q->Int(0), q->Int(1)}] =
          "C:" + Occ(ColumnPart(q->Text(2), static_cast<int>(q->Int(3)), q->Text(4)), &seen[q->Int(0)]);
    FINSAM_RETURN_IF_ERROR(q->status());
  }
  std::map<int64_t, std::string> fact_key;  // fact_id → key without the sha
  {
    Result<SqliteStatement> q = db.Prepare(
        "SELECT x.fact_id, r.table_id, r.row_id, x.col FROM facts x JOIN fin_rows r ON r.row_id = x.row_id "
        "JOIN fin_tables t ON t.table_id = r.table_id WHERE t.document_id = ?");
    if (!q.ok()) return q.status();
    q->Bind(1, document_id);
    while (q->Step()) {
      std::string c = col_part.count({q->Int(1), q->Int(3)}) ? col_part[{q->Int(1), q->Int(3)}]
                                                               : "C:#" + std::to_string(q->Int(3));
      fact_key[q->Int(0)] = table_part[q->Int(1)] + "|" + row_part[q->Int(2)] + "|" + c;
    }
    FINSAM_RETURN_IF_ERROR(q->status());
  }
  Result<SqliteStatement> up = db.Prepare("UPDATE facts SET fact_key = ?, stable_id = ? WHERE fact_id = ?");
  if (!up.ok()) return up.status();
  for (const auto& [id, key] : fact_key) {
    std::string full = sha + "|" + key;
    up->Bind(1, full).Bind(2, StableId(kFactIdPrefix, full)).Bind(3, id);
    FINSAM_RETURN_IF_ERROR(up->Run());
  }
  // Flags: the main fact's key when the flag names one, else the rule's key.
  return AssignFlagIds(db, document_id, sha, "");
}

Status AssignCrossFlagIds(SqliteDb& db, const std::vector<int64_t>& document_ids) {
  // Only the cross flags changed; their keys do not depend on the facts'.
  for (int64_t id : document_ids) {
    Status st;
    std::string sha = DocumentSha(db, id, &st);
    FINSAM_RETURN_IF_ERROR(st);
    FINSAM_RETURN_IF_ERROR(AssignFlagIds(db, id, sha, "cross"));
  }
  return Status::Ok();
}

Status AssignAllStableIds(SqliteDb& db) {
  std::vector<int64_t> ids;
  {
    Result<SqliteStatement> q = db.Prepare("SELECT document_id FROM documents ORDER BY document_id");
    if (!q.ok()) return q.status();
    while (q->Step()) ids.push_back(q->Int(0));
    FINSAM_RETURN_IF_ERROR(q->status());
  }
  for (int64_t id : ids) FINSAM_RETURN_IF_ERROR(AssignStableIds(db, id));
  return Status::Ok();
}

bool LooksLikeStableId(const std::string& s, char prefix) {
  if (s.size() < 6 || s.size() > 10) return false;
  if (std::toupper(static_cast<unsigned char>(s[0])) != prefix || s[1] != '-') return false;
  for (size_t i = 2; i < s.size(); ++i)
    if (!std::isalnum(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

Result<ResolvedId> ResolveFlag(SqliteDb& db, const std::string& typed) {
  return Resolve(db, typed, kFlagIdPrefix, "flags", "flag_id", "flag");
}

Result<ResolvedId> ResolveFact(SqliteDb& db, const std::string& typed) {
  return Resolve(db, typed, kFactIdPrefix, "facts", "fact_id", "fact");
}

Result<std::vector<OrphanDecision>> OrphanDecisions(SqliteDb& db) {
  // An acceptance whose flag id matches no flag; the latest correction of a
  // fact id that matches no fact (older corrections of the same fact were
  // replaced by it, not orphaned).
  Result<SqliteStatement> q = db.Prepare(
      "SELECT a.decision_id, a.kind, COALESCE(a.stable_id,''), "
      "COALESCE(a.content_key, a.flag_key, a.row_label || ' / column ' || a.col, ''), "
      "COALESCE((SELECT d.source_path FROM documents d WHERE d.sha256 = a.document_sha256), a.document_sha256), "
      "CASE WHEN a.kind = 'correct' THEN a.value END, a.decided_by, a.decided_at, COALESCE(a.note,'') "
      "FROM decisions a WHERE "
      "(a.kind = 'accept' AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.stable_id = a.stable_id)) OR "
      "(a.kind = 'correct' AND a.decision_id IN (SELECT k.decision_id FROM fact_corrections k "
      "   WHERE NOT EXISTS (SELECT 1 FROM facts x WHERE x.stable_id = k.stable_id))) "
      "ORDER BY a.decision_id");
  if (!q.ok()) return q.status();
  std::vector<OrphanDecision> out;
  while (q->Step()) {
    OrphanDecision o;
    o.decision_id = q->Int(0);
    o.kind = q->Text(1);
    o.stable_id = q->Text(2);
    o.content_key = q->Text(3);
    o.document = q->Text(4);
    if (!q->IsNull(5)) o.value = std::to_string(q->Double(5));
    if (!o.value.empty()) {
      // "13320.000000" → "13320"
      while (o.value.back() == '0') o.value.pop_back();
      if (o.value.back() == '.') o.value.pop_back();
    }
    o.decided_by = q->Text(6);
    o.decided_at = q->Text(7);
    o.note = q->Text(8);
    out.push_back(std::move(o));
  }
  FINSAM_RETURN_IF_ERROR(q->status());
  return out;
}

Status MigrateDecisionsToStableIds(SqliteDb& db) {
  FINSAM_RETURN_IF_ERROR(AssignAllStableIds(db));
  // Corrections: old key (sha, table seq, row label, occurrence, col) → the
  // fact it names now → its stable id.
  {
    Result<SqliteStatement> q = db.Prepare(
        "SELECT k.document_sha256, k.table_seq, k.row_label, k.row_occurrence, k.col, k.amount_sek, k.value, "
        "k.decision_id, "
        "(SELECT x.stable_id FROM facts x JOIN fin_rows r ON r.row_id = x.row_id "
        "   JOIN fin_tables t ON t.table_id = r.table_id JOIN documents d ON d.document_id = t.document_id "
        "   WHERE d.sha256 = k.document_sha256 AND t.seq = k.table_seq AND r.label = k.row_label AND x.col = k.col "
        "   AND (SELECT COUNT(*) FROM fin_rows r2 WHERE r2.table_id = r.table_id AND r2.label = r.label "
        "        AND r2.seq < r.seq) = k.row_occurrence), "
        "(SELECT x.fact_key FROM facts x JOIN fin_rows r ON r.row_id = x.row_id "
        "   JOIN fin_tables t ON t.table_id = r.table_id JOIN documents d ON d.document_id = t.document_id "
        "   WHERE d.sha256 = k.document_sha256 AND t.seq = k.table_seq AND r.label = k.row_label AND x.col = k.col "
        "   AND (SELECT COUNT(*) FROM fin_rows r2 WHERE r2.table_id = r.table_id AND r2.label = r.label "
        "        AND r2.seq < r.seq) = k.row_occurrence) "
        "FROM corrections k");
    if (!q.ok()) return q.status();
    Result<SqliteStatement> ins = db.Prepare(
        "INSERT OR REPLACE INTO fact_corrections(stable_id, document_sha256, fact_key, amount_sek, value, decision_id) "
        "VALUES(?,?,?,?,?,?)");
    Result<SqliteStatement> dec =
        db.Prepare("UPDATE decisions SET stable_id = ?, content_key = ? WHERE decision_id = ?");
    if (!ins.ok()) return ins.status();
    if (!dec.ok()) return dec.status();
    while (q->Step()) {
      std::string legacy = "table " + std::to_string(q->Int(1)) + " | " + q->Text(2) + " #" +
                           std::to_string(q->Int(3)) + " | column " + std::to_string(q->Int(4));
      // Matched nothing: keep it under a key no fact has, listed as orphaned.
      std::string sid = q->IsNull(8) ? "legacy:" + q->Text(0) + "|" + legacy : q->Text(8);
      std::string key = q->IsNull(9) ? legacy : q->Text(9);
      ins->Bind(1, sid).Bind(2, q->Text(0)).Bind(3, key);
      if (q->IsNull(5)) ins->BindNull(4); else ins->Bind(4, q->Int(5));
      if (q->IsNull(6)) ins->BindNull(5); else ins->Bind(5, q->Double(6));
      ins->Bind(6, q->Int(7));
      FINSAM_RETURN_IF_ERROR(ins->Run());
      dec->Bind(1, sid).Bind(2, key).Bind(3, q->Int(7));
      FINSAM_RETURN_IF_ERROR(dec->Run());
    }
    FINSAM_RETURN_IF_ERROR(q->status());
  }
  // Acceptances: old flag_key + sha → the flag's stable id. The correction
  // decisions superseded by a later one of the same fact get the same id.
  FINSAM_RETURN_IF_ERROR(db.Exec(
      "UPDATE decisions SET "
      "stable_id = (SELECT f.stable_id FROM flags f JOIN documents d ON d.document_id = f.document_id "
      "             WHERE d.sha256 = decisions.document_sha256 AND f.flag_key = decisions.flag_key "
      "             ORDER BY f.flag_id LIMIT 1), "
      "content_key = COALESCE((SELECT f.content_key FROM flags f JOIN documents d ON d.document_id = f.document_id "
      "             WHERE d.sha256 = decisions.document_sha256 AND f.flag_key = decisions.flag_key "
      "             ORDER BY f.flag_id LIMIT 1), decisions.flag_key) "
      "WHERE kind = 'accept' AND stable_id IS NULL"));
  FINSAM_RETURN_IF_ERROR(db.Exec(
      "UPDATE decisions SET stable_id = (SELECT k.stable_id FROM decisions b JOIN fact_corrections k "
      "  ON k.decision_id = b.decision_id WHERE b.kind = 'correct' AND b.document_sha256 = decisions.document_sha256 "
      "  AND b.table_seq = decisions.table_seq AND b.row_label = decisions.row_label "
      "  AND b.row_occurrence = decisions.row_occurrence AND b.col = decisions.col LIMIT 1) "
      "WHERE kind = 'correct' AND stable_id IS NULL"));
  return db.Exec("DROP TABLE corrections");
}

}  // namespace finsam
