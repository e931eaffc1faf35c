// Insatser (funded interventions):
//  - the per-insats key/value tables of an årsredovisning's Bilaga
//    ("Insatsnamn | …", "Inriktning", "Totalbudget 2020 | 892 400 kr",
//    "Utfall ekonomi", "Huvudman för insats", "Samverkansparter",
//    "Resultat" with participants), tab rows in text dumps, positioned words
//    in PDFs;
//  - the period list of the förvaltningsberättelse ("• Trisam 2.0
//    2019-10-01 – 2021-12-31" under "Individinriktade/Strukturinriktade
//    insatser"), merged into the table records by name;
//  - "Beviljade insatser 2020" bullet lists of plans (granted = true);
//  - applications in prose ("Timrå kommun ansöker om 900 000 kronor");
//  - the tkr outcome table of the förvaltningsberättelse, through
//    MergeInterventionTables.
#ifndef FINSAM_EXTRACTORS_INTERVENTIONS_H_
#define FINSAM_EXTRACTORS_INTERVENTIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/extraction.h"
#include "model/governance.h"

namespace finsam {

// Fills gov->interventions.
void ExtractInterventions(const Document& doc, Governance* gov);

// Merges the insatser outcome tables read by the financial table reader
// (table_kind "interventions": Insats | Utfall 2020, tkr | Budget 2020, tkr)
// into gov->interventions: fills budget/outcome of the same insats when the
// Bilaga gave none, adds insatser found only there (source "table"), and
// returns a note for each figure that disagrees beyond rounding.
std::vector<std::string> MergeInterventionTables(const std::vector<FinancialTable>& tables, Governance* gov);

// "892 400 kr" → 892400; "1 287 tkr" → 1287000; nullopt when no amount.
std::optional<int64_t> ParseKronor(std::string_view text);
// "Individ - Rehabilitering …" → individ; "Strukturövergripande" → struktur.
std::string NormalizeOrientation(std::string_view text);
// True when two printed names denote the same insats ("Mysam processledare"
// ~ "Mysam", "Ett hållbart arbetsliv-Ockelbo" ~ "Ett hållbart arbetsliv -
// Ockelbo", "ASF" ≁ "Trisam 2.0").
bool SameIntervention(std::string_view a, std::string_view b);
// Participants in a result text: "totalt 15 deltagare i insatsen, 8 kvinnor,
// 7 män", "923 (544 kvinnor, 394 män)", "15 individer varav 8 kvinnor och 7
// män". Returns false when none.
bool ParseParticipants(std::string_view text, int* total, int* women, int* men);
// "Timrå kommun ansöker om 900 000 kronor för …" → amount and applicant.
bool ParseRequest(std::string_view text, int64_t* amount_sek, std::string* applicant, std::string* purpose);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_INTERVENTIONS_H_
