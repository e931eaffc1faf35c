// Member organisations of a förbund, normalized to one name per organisation
// so that "Hofors Kommun", "Hofors kommun", "Ovanåker kommun" and
// "Ovanåkers Kommun" meet in one organisations row.
//
// Rules (docs/governance.md, "Organisations"):
//  - kommun: "<Name>[s] kommun" with the official genitive: names ending in a
//    consonant other than s take -s ("Ovanåkers kommun", "Söderhamns
//    kommun"); names ending in a vowel or s do not ("Gävle kommun", "Hofors
//    kommun", "Bollnäs kommun"). "kommuns" (possessive) is read as kommun.
//  - region: "Region <Name>" as printed (Region Gävleborg, Region Jämtland
//    Härjedalen); "Landstinget …" stays as printed with kind region.
//  - myndighet: Försäkringskassan, Arbetsförmedlingen (stripped and garbled
//    spellings accepted).
//  - stat: the joint state share ("Statligt bidrag (försäkringskassan och
//    arbetsförmedlingen)", "Försäkringskassan/Arbetsförmedlingen") →
//    "Försäkringskassan och Arbetsförmedlingen".
//  - förbund: "Samordningsförbund(et) …" as printed.
// Anything else: kind "", name as printed (trimmed).
#ifndef FINSAM_EXTRACTORS_ORGANISATIONS_H_
#define FINSAM_EXTRACTORS_ORGANISATIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/governance.h"

namespace finsam {

struct Organisation {
  std::string name;  // normalized display name, "" when the text names none
  std::string kind;  // kommun | region | myndighet | stat | förbund | "" (unknown)
};

// Normalizes one organisation mention ("Ovanåker kommun" → {"Ovanåkers
// kommun", "kommun"}). Text with diacritics stripped ("Gavleborg") is
// returned as printed; the lookup key (OrganisationKey) still matches.
Organisation NormalizeOrganisation(std::string_view text);
// A diacritic-free key: two mentions name the same organisation iff their
// keys are equal ("hofors kommun", "ovanakers kommun").
std::string OrganisationKey(std::string_view text);
// True when `text` reads as an organisation we know the shape of (kind != "").
bool LooksLikeOrganisation(std::string_view text);
// Splits a partner list ("Arbetsförmedlingen, Försäkringskassan, Region
// Gävleborg och länets samtliga kommuner") into normalized names; items that
// are no organisation ("länets samtliga kommuner") are kept as printed.
std::vector<std::string> SplitOrganisationList(std::string_view text);

// OCR garbles names ("Region Gavieborg", "Gavie kommun"). Replaces each
// organisation name in `gov` (board, huvudman, partners, members) by a
// spelling of the same kind used more often in the same document that is at
// most two letters away (diacritics ignored).
void SnapOrganisationSpellings(Governance* gov);

// The identity of a Swedish legal person: "556979-4927" (also written
// without the dash, or with "16" century prefix "16556979-4927") →
// "556979-4927" when it is a valid organisationsnummer: ten digits whose
// last is the Luhn check digit of the first nine, and whose third digit is
// at least 2 (personnummer have a month there, 0 or 1). "" otherwise.
std::string NormalizeOrgnr(std::string_view text);

// Joins the two halves of a two-municipality name with a plain hyphen:
// "Lycksele – Vilhelmina", "Lycksele—Vilhelmina", "Lycksele -Vilhelmina" →
// "Lycksele-Vilhelmina" (hyphen, en dash, em dash, spaces optional).
std::string JoinDashedNames(std::string_view name);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_ORGANISATIONS_H_
