// Member organisations of a förbund and what they contribute:
//  - the note on member contributions ("Not 1. Medlemsavgifter, intäkter och
//    bidrag": one row per member, one column per year, tkr) → amounts, and
//    shares of the members' total for that year; rows that are no member
//    ("Tillfällig uthyrning av personal") are kept with is_member = false so
//    the note still sums to its Summa row;
//  - shares in prose ("Försäkringskassan och Arbetsförmedlingen bidrar med
//    hälften …, Region Gävleborg med en fjärdedel och länets kommuner
//    tillsammans med resterande fjärdedel");
//  - the member list in prose ("… med Arbetsförmedlingen, Försäkringskassan,
//    Region Gävleborg och kommunerna Bollnäs, Gävle … som medlemmar",
//    "samordning mellan …, Region Jämtland Härjedalen och länets åtta
//    kommuner") → members without amounts;
//  - the budget tables of plans (MergeTableContributions).
#ifndef FINSAM_EXTRACTORS_MEMBERS_H_
#define FINSAM_EXTRACTORS_MEMBERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/extraction.h"
#include "model/governance.h"

namespace finsam {

// Fills gov->members. Returns the number of member organisations named in
// the member list (unnamed "länets åtta kommuner" count 8), 0 when none.
int ExtractMembers(const Document& doc, Governance* gov);

// Member contributions from the tables read by the financial table reader:
// the Intäkter rows of a plan's budget table (categories income.state,
// income.region, income.municipalities/municipality; source "budget" for the
// budget year, "plan" for plan years), and — when ExtractMembers found no
// note rows — the member note as that reader saw it (source "note").
// Shares are of the members' total per year and table.
void MergeTableContributions(const std::vector<FinancialTable>& tables, Governance* gov);

struct ShareClause {
  std::string organisation;  // normalized
  std::string kind;
  double share = 0;
};
// Shares in one sentence/paragraph; empty when none.
std::vector<ShareClause> ParseShares(std::string_view text);

// Member organisations named in one paragraph; `count` gets the number of
// members including unnamed ones ("länets åtta kommuner").
std::vector<std::string> ParseMemberList(std::string_view text, int* count);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_MEMBERS_H_
