// Boards: members with role and organisation ("Styrelsens sammansättning
// 2020" lists, signature blocks, tab tables), the composition stated in prose
// (members, deputies, meetings, fees) and named auditors and kansli roles.
//
// Patterns match on folded text (normalizers/text.h), so stripped
// dumps ("ledamoter", "erséttare") read like printed ones; names and
// organisations are reported as printed (organisations normalized by
// extractors/organisations.h).
#ifndef FINSAM_EXTRACTORS_BOARD_H_
#define FINSAM_EXTRACTORS_BOARD_H_

#include <optional>
#include <string>
#include <string_view>

#include "model/document.h"
#include "model/governance.h"

namespace finsam {

// Fills gov->board, gov->composition, gov->officers. `member_count` is the
// number of member organisations read by the members extractor (0 when
// unknown); it turns "respektive medlem utsett varsin ledamot och ersättare"
// into a size.
void ExtractBoard(const Document& doc, int member_count, Governance* gov);

// "Ordförande" / "vice ordf." / "Ledamot" / "Ersättare" / "suppleant" → the
// role vocabulary; "" when `text` does not start with a role.
std::string NormalizeRole(std::string_view text);

// One list entry: "Tommy Berger, Region Gävleborg - ordförande",
// "Eva Alner Liljedahl, Försäkringskassan", or tab cells
// "Name<TAB>Organisation<TAB>Role". `default_role` applies when the entry
// names none. nullopt when the text is not a person entry.
std::optional<BoardMember> ParseMemberEntry(std::string_view text, std::string_view default_role);

// Composition facts in one paragraph ("Styrelsen består av åtta ordinarie
// ledamöter och åtta ersättare", "haft sex möten under 2020", "Arvoden till
// styrelsen … uppgår till 187 tkr"). Fields not stated stay nullopt; returns
// false when none is stated.
bool ParseComposition(std::string_view paragraph, BoardComposition* out);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_BOARD_H_
