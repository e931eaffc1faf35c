// JSON rendering of the governance records (model/governance.h) for
// `finsam extract --format json`: appends one JSON object
//   {"board":[…], "board_composition":[…], "officers":[…], "goals":[…],
//    "indicators":[…], "interventions":[…], "members":[…]}
// to *json; every record carries "provenance": {page, line, box, raw_text,
// confidence}. Implemented in cli/governance_json.cc.
#ifndef FINSAM_CLI_GOVERNANCE_JSON_H_
#define FINSAM_CLI_GOVERNANCE_JSON_H_

#include <string>

#include "model/governance.h"

namespace finsam {

void AppendGovernanceJson(const Governance& governance, std::string* json);

}  // namespace finsam

#endif  // FINSAM_CLI_GOVERNANCE_JSON_H_
