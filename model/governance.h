// Governance records: who sits on the board, what the förbund promised
// (goals and indicators), what it funds (insatser) and who pays (members).
// Produced by the extractors in extractors/{board,goals,interventions,
// members}.cc through GovernanceStage (pipeline/governance_stage.cc), loaded
// by LoadGovernance (pipeline/store/load_governance.cc) into the tables of schema
// migration 2 and read through the views v_board, v_board_composition,
// v_indicators, v_interventions, v_members (docs/governance.md).
//
// Header-only: plain records, part of the model (included by
// model/extraction.h).
//
// Vocabularies (docs/governance.md):
//   role         ordförande | vice ordförande | ledamot | ersättare
//   status       uppfylld | delvis uppfylld | uppfylld till övervägande del |
//                ej uppfylld | ej mätbart            ("" when not reported)
//   comparator   >= | <= | =                          ("" when no target)
//   target unit  % | count | sek                       ("" when no value)
//   orientation  individ | struktur                    ("" when not stated)
//   organisation kind  myndighet | region | kommun | förbund | stat | other
//
// Other entry points for the CLI (implemented in pipeline/governance_stage.cc
// and pipeline/review/compare_governance.cc):
//   OrderedJson GovernanceJson(const Governance&);  (cli/governance_json.h)
//   Status CompareGovernance(SqliteDb&, const CompareRequest&, std::ostream&);
#ifndef FINSAM_MODEL_GOVERNANCE_H_
#define FINSAM_MODEL_GOVERNANCE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/provenance.h"

namespace finsam {


// One board member (or deputy) for one year.
struct BoardMember {
  std::string name;               // "Tommy Berger", as printed
  std::string role;               // vocabulary above
  std::string organisation;       // normalized ("Hofors kommun"), "" when not stated
  std::string organisation_kind;  // kommun | region | myndighet | ...
  int year = 0;                   // 0 = unknown
  std::string source;             // list | signature | table
  Provenance prov;
};

// Board size, meetings and fees as stated in prose. Missing values nullopt.
struct BoardComposition {
  int year = 0;
  std::optional<int> members;     // ordinary members ("åtta ordinarie ledamöter")
  std::optional<int> deputies;    // ersättare
  std::optional<int> meetings;    // board meetings in the year
  std::optional<int64_t> fees_sek;  // board fees (arvoden), whole kronor
  Provenance prov;             // the sentence with the size (else the first found)
};

// Auditors (revisorer) and kansli roles when named.
struct Officer {
  std::string kind;          // revisor | kansli
  std::string name;          // person, "" when only the role is named
  std::string role;          // "revisor", "sakkunnigt biträde", "förbundschef", ...
  std::string organisation;  // audit firm or appointing party ("KPMG")
  std::string appointed_by;  // "staten", "Region Gävleborg och länets kommuner"
  int year = 0;
  Provenance prov;
};

struct Goal {
  std::string number;  // "1", "5.1", "" (Jämtland headings)
  std::string text;    // as printed, wrapped lines joined
  // The scorecard (styrkort) perspective the goal is printed under, as
  // printed ("Individperspektiv", "Samverkan"); "" outside scorecards.
  std::string perspective;
  int year = 0;
  Provenance prov;
};

struct Indicator {
  int goal = -1;        // index into Governance::goals, -1 when none
  std::string text;     // indicator text as printed (HTML stripped)
  int year = 0;
  std::string comparator;             // >= | <= | = | ""
  std::optional<double> target_value;
  std::string target_unit;            // % | count | sek | ""
  std::optional<double> outcome_value;
  std::string outcome_unit;
  std::string status;                 // vocabulary above, "" = not reported
  std::string status_raw;             // as printed ("Ej uppfyllt")
  std::string measure;                // Måttbeskrivning cell, when a table
  std::string outcome_text;           // Utfall cell, when a table
  Provenance prov;
};

struct Intervention {
  std::string name;                // as printed, footnote markers removed
  std::string orientation;         // individ | struktur | ""
  std::string period_from, period_to;  // ISO dates, "" when open/unknown
  int year = 0;                    // year the budget/outcome/grant refers to
  std::optional<int64_t> budget_sek;
  std::optional<int64_t> outcome_sek;
  std::optional<int64_t> requested_sek;
  std::string lead_organisation;   // huvudman (normalized)
  std::vector<std::string> partners;  // samverkansparter (normalized where known)
  std::optional<int> participants, women, men;
  bool granted = false;            // listed as beviljad in a plan
  std::string source;              // bilaga | list | table | prose
  Provenance prov;
};

struct MemberContribution {
  std::string organisation;        // normalized member name
  std::string organisation_kind;
  int year = 0;
  std::optional<int64_t> amount_sek;
  std::optional<double> share;     // 0..1 ("hälften" → 0.5)
  bool is_member = true;           // false for other income rows of the note
  std::string source;              // note | prose | budget
  Provenance prov;
};

struct Governance {
  std::vector<BoardMember> board;
  std::vector<BoardComposition> composition;
  std::vector<Officer> officers;
  std::vector<Goal> goals;
  std::vector<Indicator> indicators;
  std::vector<Intervention> interventions;
  std::vector<MemberContribution> members;
};

}  // namespace finsam

#endif  // FINSAM_MODEL_GOVERNANCE_H_
