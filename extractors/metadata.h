// Document metadata: which förbund, what kind of document, which years, and
// when it was decided. Reads the first pages' lines.
//
// The förbund registry (data/forbund_registry.tsv) maps name variants to one
// canonical name; unknown förbund keep the name as printed (title-cased).
#ifndef FINSAM_EXTRACTORS_METADATA_H_
#define FINSAM_EXTRACTORS_METADATA_H_

#include <string>
#include <utility>
#include <vector>

#include "model/document.h"
#include "model/status.h"

namespace finsam {

class ForbundRegistry {
 public:
  // Parses the TSV text (see data/forbund_registry.tsv).
  static ForbundRegistry Parse(const std::string& tsv);
  static Result<ForbundRegistry> Load(const std::string& path);
  // Canonical name for a printed name ("SAMORDNINGSFÖRBUNDET JÄMTLANDS LÄN"),
  // or "" when not in the registry.
  std::string Canonical(const std::string& printed) const;
  // The canonical name of the one registry name that a printed name misses
  // by OCR damage ("Samordningsförbund Gavlieborg"): at most 1 edit of the
  // folded key (2 from 16 bytes), never the same distance to two förbund,
  // keys of at least 10 bytes only. "" otherwise. *edits gets the distance.
  std::string Nearest(const std::string& printed, int* edits) const;
  size_t size() const { return canon_.size(); }

 private:
  static std::string Key(const std::string& name);
  std::vector<std::pair<std::string, std::string>> keys_;  // key → canonical
  std::vector<std::string> canon_;
};

// Fills doc.meta from the text and the PDF's document information, and each
// page's printed label (Page::label) where the page prints one. `registry`
// may be empty.
void ExtractMetadata(const ForbundRegistry& registry, Document& doc);

// The organisation a document belongs to (see docs/organisations.md): its
// canonical name, kind (samordningsförbund, kommun, region, nämnd, brf,
// other) and organisationsnummer, from, in order: the title page (the
// first lines of the first pages), the PDF's Title/Author/Subject, the
// registry, "Styrelsen för X" in the text, the line that prints the
// organisationsnummer. Fills meta.forbund, org_kind, orgnr, org_source.
void DetectOrganisation(const ForbundRegistry& registry, Document& doc);

// The page label a line prints, "" when none: "sid 32", "SID 32", "Sida 3
// av 12", "3 (14)" (page 3 of 14) → "32", "3", "3".
std::string ParsePrintedPageLabel(const std::string& line);

// Helpers, exposed for tests.
// "Verksamhetsplan och budget 2020 - 2022" → kind verksamhetsplan, 2020..2022;
// "Budget 2021 med plan för 2022-2023" → budget, 2021..2023.
bool ParseKindAndYears(const std::string& text, std::string* kind, int* from, int* to);
// "Beslutad av styrelsen 2021-03-19", "fastställd vid styrelsemötet den 29
// november 2019" → "2021-03-19" / "2019-11-29"; "" when none.
std::string ParseDecisionDate(const std::string& text);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_METADATA_H_
