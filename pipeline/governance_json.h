// JSON rendering of the governance records (pipeline/governance.h) for
// `finsam extract --format json`: appends one JSON object
//   {"board":[…], "board_composition":[…], "officers":[…], "goals":[…],
//    "indicators":[…], "interventions":[…], "members":[…]}
// to *json; every record carries "provenance": {page, line, box, raw_text,
// confidence}. Implemented in pipeline/governance_stage.cc.
#ifndef FINSAM_PIPELINE_GOVERNANCE_JSON_H_
#define FINSAM_PIPELINE_GOVERNANCE_JSON_H_

#include <string>

#include "pipeline/governance.h"

namespace finsam {

void AppendGovernanceJson(const Governance& governance, std::string* json);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_GOVERNANCE_JSON_H_
