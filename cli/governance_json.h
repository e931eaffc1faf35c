// JSON rendering of the governance records (model/governance.h) for
// `finsam extract --format json`: one object
//   {"board":[…], "board_composition":[…], "officers":[…], "goals":[…],
//    "indicators":[…], "interventions":[…], "members":[…]}
// in which every record carries "provenance": {page, line, box, raw_text,
// confidence}. Implemented in cli/governance_json.cc.
#ifndef FINSAM_CLI_GOVERNANCE_JSON_H_
#define FINSAM_CLI_GOVERNANCE_JSON_H_

#include "cli/json_output.h"
#include "model/governance.h"

namespace finsam {

OrderedJson GovernanceJson(const Governance& governance);

}  // namespace finsam

#endif  // FINSAM_CLI_GOVERNANCE_JSON_H_
