// Organisations and documents in the store: which organisation row a
// document belongs to, the reviewer's rename/merge decisions, the --org
// override, and finding a moved file again.
//
// An organisation (table `forbund`, kept under its old name) is identified
// by its organisationsnummer when a document prints one, else by its name
// folded (case and diacritics ignored, dashes joined: `name_key`). Decisions
// (`org_decisions`) are keyed the same way, so they apply again whenever a
// document of that organisation is loaded or re-extracted.
#ifndef FINSAM_PIPELINE_STORE_ORG_STORE_H_
#define FINSAM_PIPELINE_STORE_ORG_STORE_H_

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/status.h"
#include "pipeline/store/sqlite_db.h"

namespace finsam {

// The organisation fields of a document after an --org override: ORGNR
// (valid check digit) names the organisation by number (its stored name is
// kept; a new one is called by the detected name, else by the number);
// anything else is a name (kind guessed from it, no orgnr). `meta` in, out.
void ApplyOrgOverride(SqliteDb& db, const std::string& override, DocumentMeta* meta);

// Finds or creates the organisation row for `meta` (inside the caller's
// transaction), following merge decisions and applying renames. nullopt
// when the document names no organisation.
Result<std::optional<int64_t>> ResolveOrganisation(SqliteDb& db, const DocumentMeta& meta);

struct OrgRow {
  int64_t id = 0;
  std::string name, kind, orgnr;
  int64_t documents = 0;
  int year_from = 0, year_to = 0;
};
Result<std::vector<OrgRow>> ListOrganisations(SqliteDb& db);

// Finds one organisation by id ("3"), orgnr ("769617-1029"), exact name
// (case and diacritics ignored) or a name part that only one organisation
// has. Errors: kNotFound listing the closest names.
Result<OrgRow> FindOrganisation(SqliteDb& db, const std::string& ref);

// The names closest to `ref` (substring, then edit distance), at most `n`.
std::vector<std::string> CloseOrganisationNames(SqliteDb& db, const std::string& ref, size_t n = 5);

// Reviewer decisions, recorded and applied in one transaction:
// rename sets the display name; merge moves every document and flag of
// `from` to `into` and deletes `from`.
Status RenameOrganisation(SqliteDb& db, const OrgRow& org, const std::string& new_name);
Status MergeOrganisations(SqliteDb& db, const OrgRow& from, const OrgRow& into);

// A known document's bytes found at `canonical_path`: the stored path is
// updated when the old one no longer holds those bytes (the file moved).
// Returns the old path when it changed, "" otherwise.
Result<std::string> RelocateDocument(SqliteDb& db, int64_t document_id, const std::string& canonical_path);

// Applies an --org override to a document already loaded (ingest of an
// unchanged file with --org): the document moves to that organisation and
// keeps the override for later re-extractions. No-op when the stored
// override is the same.
Status ReassignDocumentOrganisation(SqliteDb& db, int64_t document_id, const std::string& override);

// The organisation key: "orgnr:NNNNNN-NNNN" or "name:<folded name>".
std::string OrgNameKey(const std::string& name);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_STORE_ORG_STORE_H_
