// Stable ids of facts and flags (issue 11): derived from what they are, not
// from the order rows were inserted in, so the same figure or flag has the
// same id in every `review` run, after a re-ingest of the same bytes and
// after a re-extraction by a newer pipeline version that reads the table the
// same way. Reviewer decisions are stored by these ids.
//
// Content keys (stored beside the ids: facts.fact_key, flags.content_key):
//   fact  sha256 | T:<table title, folded>#n | R:<row label, folded>#n | C:<column>#n
//         column = <column kind>:<year> ("utfall:2020"), or H:<header, folded>
//         when the column has no kind; #n counts earlier tables / rows /
//         columns of the same document / table with the same text (0-based).
//   flag  sha256 | <scope> | <rule> | <the main fact's key without the sha256,
//         or the rule's own key when the flag names no fact> #n
// "Folded" = lowercase, Swedish diacritics removed, whitespace collapsed
// (normalizers/unicode.h FoldKey), so a better diacritic repair of a label
// keeps the id.
//
// Ids: "V-" (a fact: a value) or "F-" (a flag) + 8 Crockford base32 digits
// (40 bits) of a 64-bit hash of the key, e.g. F-3K7Q2M9A. Users may type
// them in any case, and any unique prefix of at least 4 digits.
#ifndef FINSAM_PIPELINE_STORE_STABLE_KEYS_H_
#define FINSAM_PIPELINE_STORE_STABLE_KEYS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/status.h"
#include "pipeline/store/sqlite_db.h"

namespace finsam {

inline constexpr char kFactIdPrefix = 'V';
inline constexpr char kFlagIdPrefix = 'F';

// "F-" / "V-" + 8 base32 digits of the key's hash.
std::string StableId(char prefix, const std::string& content_key);

// Folds a label or title for a content key (lowercase, no diacritics,
// single spaces, trimmed).
std::string FoldForKey(const std::string& text);

// (Re)computes the keys and ids of every fact and flag of one document from
// the stored rows. Idempotent; runs inside the caller's transaction.
Status AssignStableIds(SqliteDb& db, int64_t document_id);
// Same for the flags of scope `cross` of these documents only (after the
// cross-document rules were recomputed).
Status AssignCrossFlagIds(SqliteDb& db, const std::vector<int64_t>& document_ids);
Status AssignAllStableIds(SqliteDb& db);

// What a user typed for a flag or a fact: a stable id ("F-3K7Q2M9A", any
// case, a unique prefix of at least 4 digits) or, as an alias, the row id
// of the current database. NotFound / InvalidArgument (ambiguous prefix,
// wrong prefix letter) with a one-line message.
struct ResolvedId {
  int64_t row_id = 0;      // flag_id / fact_id
  std::string stable_id;   // F-… / V-…
  bool by_number = false;  // typed as a row id (these change between runs)
};
// True when `s` has the shape of a typed stable id with prefix letter
// `prefix` ('F' or 'V', either case): the letter, '-', then 4 to 8 letters
// or digits. A cheap check before any database lookup (ResolveFlag /
// ResolveFact then apply Crockford's alphabet and find the id).
bool LooksLikeStableId(const std::string& s, char prefix);
Result<ResolvedId> ResolveFlag(SqliteDb& db, const std::string& typed);
Result<ResolvedId> ResolveFact(SqliteDb& db, const std::string& typed);

// Decisions whose flag or fact no longer exists: the document was removed,
// or a newer pipeline version reads the table differently (a label, a
// column). Never deleted; `finsam review --orphans` lists them.
struct OrphanDecision {
  int64_t decision_id = 0;
  std::string kind;        // accept | correct
  std::string stable_id;   // what it was made on ("" for a decision older than stable ids that matched nothing)
  std::string content_key; // the key, readable: rule, table, row, column
  std::string document;    // the document's path, or its sha256 when the document is gone
  std::string value;       // correct: the value as typed (printed unit)
  std::string decided_by, decided_at, note;
};
Result<std::vector<OrphanDecision>> OrphanDecisions(SqliteDb& db);

// Migration 6's data step: gives existing facts and flags their ids and
// re-keys the decisions made before ids existed (by flag_key / by table seq,
// row label, occurrence and column); a decision that matches nothing keeps
// its old key and is listed as orphaned.
Status MigrateDecisionsToStableIds(SqliteDb& db);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_STORE_STABLE_KEYS_H_
