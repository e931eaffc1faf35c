// Scorecards (styrkort, balanserat styrkort): goals and measures printed in
// a grid whose one axis is the perspective (Individ, Samverkan, Ekonomi,
// Medarbetare, "Lärande och utveckling", …) — issue 16, class 8.
//
// Shapes recognised (docs/goals.md):
//  - perspectives as rows: a header row "Perspektiv | Mål | Mått |
//    Målvärde | Utfall" (any subset in any order, the Perspektiv header may
//    be empty); a row with an empty perspective cell keeps the one above,
//    an empty goal cell keeps the goal above;
//  - perspectives as columns: a header row of perspective names; below it
//    either rows labelled Mål / Mått / Målvärde / Utfall in the first
//    column, or cells that say what they are ("Mål: …", "Mått: …"), or
//    plain cells: the first under a perspective is its goal, the next ones
//    its measures, a short cell that is only a target ("Minst 85 %") the
//    target of the measure above it.
// Grids come from tab- or pipe-separated text lines (text dumps) or from
// positioned words (PDF text layer, OCR): header cells split at wide gaps,
// body words assigned to the header's column x-ranges, rows split at the
// larger vertical gaps between cells.
//
// Each goal gets its perspective; each measure becomes an Indicator with
// text = the measure as printed, measure = the target cell as printed,
// target comparator/value/unit parsed from the target cell, else the
// measure, else the goal ("Minst 85 % av deltagarna ska …", "Andelen … ska
// öka till 40 %", "Högst 10 dagar"), outcome and status from the outcome /
// status cells. A goal with no measure that states a target in its own
// text gives one indicator with the goal's text.
#ifndef FINSAM_EXTRACTORS_SCORECARD_H_
#define FINSAM_EXTRACTORS_SCORECARD_H_

#include <string>
#include <vector>

#include "extractors/document_lines.h"
#include "model/governance.h"

namespace finsam {

// Appends the scorecards' goals and indicators to `gov`; marks the lines
// they were read from in `consumed` (same size as `lines`) so that the
// list readers do not read them again. `year` is the document's year; a
// heading "Styrkort 2024" above the grid overrides it.
void ReadScorecards(const std::vector<LineRef>& lines, int year, Governance* gov, std::vector<bool>* consumed);

// The role a scorecard header or row-label cell names: "perspective",
// "goal", "measure", "target", "outcome", "status", or "" (none).
std::string ScorecardRole(const std::string& cell);

// True when `cell` names a perspective ("Individperspektiv", "Ekonomiskt
// perspektiv", "Samverkan", "Lärande och utveckling").
bool IsPerspectiveName(const std::string& cell);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_SCORECARD_H_
