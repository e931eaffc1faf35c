// Governance records: who sits on the board, what the förbund promised
// (goals and indicators), what it funds (insatser) and who pays (members).
// Produced by the extractors in extractors/{board,goals,interventions,
// members}.cc through GovernanceStage (pipeline/governance_stage.cc), loaded
// by LoadGovernance (pipeline/load_governance.cc) into the tables of schema
// migration 2 and read through the views v_board, v_board_composition,
// v_indicators, v_interventions, v_members (docs/governance.md).
//
// Header-only on purpose: it is part of the model (included by
// extraction.h), and the model library has no source files of ours.
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
// and pipeline/compare_governance.cc):
//   void AppendGovernanceJson(const Governance&, std::string* json);
//   Status CompareGovernance(SqliteDb&, const CompareRequest&, std::ostream&);
#ifndef FINSAM_PIPELINE_GOVERNANCE_H_
#define FINSAM_PIPELINE_GOVERNANCE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/document.h"

namespace finsam {

// Where a record came from. Same shape as the Provenance of financial facts
// (pipeline/extraction.h declares it; repeated here would clash, so the
// governance records use GovProvenance with identical fields).
struct GovProvenance {
  int page = 0;             // 1-based
  Box box;                  // in the page's unit (see document.h)
  int line_index = -1;      // first line on the page the value came from
  std::string raw_text;     // the source text the value was read from
  double confidence = 1.0;  // 0..1 (OCR word confidence × parsing)
};

// One board member (or deputy) for one year.
struct BoardMember {
  std::string name;               // "Tommy Berger", as printed
  std::string role;               // vocabulary above
  std::string organisation;       // normalized ("Hofors kommun"), "" when not stated
  std::string organisation_kind;  // kommun | region | myndighet | ...
  int year = 0;                   // 0 = unknown
  std::string source;             // list | signature | table
  GovProvenance prov;
};

// Board size, meetings and fees as stated in prose. Missing values nullopt.
struct BoardComposition {
  int year = 0;
  std::optional<int> members;     // ordinary members ("åtta ordinarie ledamöter")
  std::optional<int> deputies;    // ersättare
  std::optional<int> meetings;    // board meetings in the year
  std::optional<int64_t> fees_sek;  // board fees (arvoden), whole kronor
  GovProvenance prov;             // the sentence with the size (else the first found)
};

// Auditors (revisorer) and kansli roles when named.
struct Officer {
  std::string kind;          // revisor | kansli
  std::string name;          // person, "" when only the role is named
  std::string role;          // "revisor", "sakkunnigt biträde", "förbundschef", ...
  std::string organisation;  // audit firm or appointing party ("KPMG")
  std::string appointed_by;  // "staten", "Region Gävleborg och länets kommuner"
  int year = 0;
  GovProvenance prov;
};

struct Goal {
  std::string number;  // "1", "5.1", "" (Jämtland headings)
  std::string text;    // as printed, wrapped lines joined
  int year = 0;
  GovProvenance prov;
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
  GovProvenance prov;
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
  GovProvenance prov;
};

struct MemberContribution {
  std::string organisation;        // normalized member name
  std::string organisation_kind;
  int year = 0;
  std::optional<int64_t> amount_sek;
  std::optional<double> share;     // 0..1 ("hälften" → 0.5)
  bool is_member = true;           // false for other income rows of the note
  std::string source;              // note | prose | budget
  GovProvenance prov;
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

#endif  // FINSAM_PIPELINE_GOVERNANCE_H_
