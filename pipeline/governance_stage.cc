// The governance stage: boards, goals and indicators, insatser, members.
#include <string>

#include "extractors/board.h"
#include "extractors/goals.h"
#include "extractors/interventions.h"
#include "extractors/members.h"
#include "extractors/organisations.h"
#include "pipeline/stages.h"

namespace finsam {

Status GovernanceStage(PipelineContext& ctx) {
  Governance gov;
  // Members first: their count sizes a board stated as "varsin ledamot och
  // ersättare" per member.
  int member_count = ExtractMembers(ctx.ex.doc, &gov);
  MergeTableContributions(ctx.ex.tables, &gov);
  ExtractBoard(ctx.ex.doc, member_count, &gov);
  ExtractGoals(ctx.ex.doc, &gov);
  ExtractInterventions(ctx.ex.doc, &gov);
  for (std::string& note : MergeInterventionTables(ctx.ex.tables, &gov)) ctx.ex.doc.warnings.push_back(note);
  SnapOrganisationSpellings(&gov);
  ctx.ex.governance = std::move(gov);
  return Status::Ok();
}

}  // namespace finsam
