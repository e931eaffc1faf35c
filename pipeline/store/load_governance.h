// Loader step for the governance records (boards, composition, officers,
// goals, indicators, interventions, member contributions) of one document,
// inside Database::Load's transaction. Deletes the document's previous rows
// first, so re-extraction replaces them. Implemented in
// pipeline/store/load_governance.cc; schema in migration 2 (pipeline/store/schema.cc).
#ifndef FINSAM_PIPELINE_STORE_LOAD_GOVERNANCE_H_
#define FINSAM_PIPELINE_STORE_LOAD_GOVERNANCE_H_

#include <cstdint>

#include "model/extraction.h"
#include "model/status.h"
#include "pipeline/store/sqlite_db.h"

namespace finsam {

Status LoadGovernance(SqliteDb& db, int64_t document_id, const Extraction& ex);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_STORE_LOAD_GOVERNANCE_H_
