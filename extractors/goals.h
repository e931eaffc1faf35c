// Goals (mål) and their indicators, with targets parsed where stated and
// outcome/status where reported:
//  - plans: a "Mål" section ("5. Mål", "7. Mål 2019") with numbered goals
//    ("5.1 Våra insatser leder till …") followed by an "Indikatorer" bullet
//    list, or with unnumbered sub-headings whose bullets are the indicators
//    (Jämtland: "Skapa samverkan" + "• Minst två länsövergripande event …");
//  - årsredovisningar: "Mål 1. …" headings followed by an
//    Indikator | Måttbeskrivning | Utfall table — tab-separated rows (with
//    HTML cells) in text dumps, positioned words in PDFs.
#ifndef FINSAM_EXTRACTORS_GOALS_H_
#define FINSAM_EXTRACTORS_GOALS_H_

#include <optional>
#include <string>
#include <string_view>

#include "model/document.h"
#include "model/governance.h"

namespace finsam {

// Fills gov->goals and gov->indicators.
void ExtractGoals(const Document& doc, Governance* gov);

struct Target {
  std::string comparator;  // >= | <= | = | "" (none stated)
  std::optional<double> value;
  std::string unit;        // % | count | sek | ""
  std::string noun;        // the word after a count ("individers"), for outcome matching
};
// "Minst 90 %" → {>=, 90, %}; "inte överstiga 20%" → {<=, 20, %};
// "Ca 800 individers ärenden" → {=, 800, count}; "minst två träffar" →
// {>=, 2, count}; "minst samma nivå som …" → {>=, nullopt, ""}.
Target ParseTarget(std::string_view text);

// The status vocabulary for a status phrase; the summary ("Sammanfattning:
// …") wins, else the last phrase in the text. "" when none. `raw` gets the
// phrase as printed.
std::string ParseStatus(std::string_view text, std::string* raw = nullptr);

// Outcome value in an Utfall text given the target: a percentage for % (the
// first one printed), "<n> <noun>" for counts.
std::optional<double> ParseOutcome(std::string_view text, const Target& target, std::string* unit);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_GOALS_H_
