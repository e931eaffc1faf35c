// Row categories: a documented, closed vocabulary that makes rows of
// different förbund and documents comparable ("Bidrag till insatser" and
// "Insatsmedel" are both cost.interventions). See README "Categories".
//
// Categorize() returns nullopt when unsure; it never guesses from position.
#ifndef FINSAM_EXTRACTORS_CATEGORIES_H_
#define FINSAM_EXTRACTORS_CATEGORIES_H_

#include <optional>
#include <string>
#include <vector>

namespace finsam {

struct CategoryInput {
  std::string label;       // row label as printed (any case, diacritics optional)
  std::string section;     // enclosing section path ("Kostnader", "Tillgångar / Omsättningstillgångar")
  std::string table_kind;  // budget, overview, income_statement, balance_sheet, cash_flow, operating, note, ...
  std::string table_title; // e.g. "Not 2. Verksamhetens kostnader"
  bool is_total = false;
};

std::optional<std::string> Categorize(const CategoryInput& in);

// `label` with every capital I that starts a word after the first and is
// followed by a small letter read as a small l ("Kassaflöde för den Iöpande
// verksamheten" → "… löpande …"): OCR confuses the two. Categorize tries it
// when no rule names the label as printed.
std::string OcrCapitalIAsL(const std::string& label);

// Every category Categorize can return, with a one-line description.
struct CategoryInfo {
  const char* name;
  const char* description;
};
const std::vector<CategoryInfo>& CategoryVocabulary();

// Rows of these categories are not money (percent, head counts).
bool IsNonMonetaryCategory(const std::string& category);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_CATEGORIES_H_
