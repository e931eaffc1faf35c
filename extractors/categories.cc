#include "extractors/categories.h"

#include <re2/re2.h>

#include <memory>

#include "normalizers/regex.h"
#include "normalizers/unicode.h"

namespace finsam {
namespace {

// Rules are tried in order on the folded label (lowercase, å/ä→a, ö→o, é→e),
// so they work on text with stripped diacritics too. `context` (optional)
// must match the folded "section | table_kind | title" string.
struct Rule {
  const char* label;
  const char* context;  // nullptr = any
  const char* category;  // nullptr: a known row that has no category (stops the search)
};

const Rule kRules[] = {
    // Totals first: "Summa intäkter" must not fall into income.*.
    {"^(summa|s:a|totalt?) (verksamhetens |rorelsens |rorelse)?intakter", nullptr, "income.total"},
    {"^(summa|s:a|totalt?) (verksamhetens |rorelsens |rorelse)?kostnader", nullptr, "cost.total"},
    {"^(summa|s:a) finansiella poster", nullptr, nullptr},
    {"^(summa|s:a) eget kapital$", nullptr, "equity"},
    {"^(summa|s:a) tillgangar|^balansomslutning", nullptr, "assets.total"},
    // (With the provisions between: "Summa eget kapital, avsättningar och skulder".)
    {"^(summa|s:a) eget kapital,? (avsattningar )?(och|,) skulder", nullptr, "equity_liabilities.total"},
    {"^(summa|s:a) (forandring av )?rorelsekapital", nullptr, "cash_flow.working_capital"},
    {"^(summa|s:a|totalt?)$", "upplupna|skulder", "liabilities.accrued"},
    {"^(summa|s:a|totalt?)$", "revision", "cost.audit"},
    {"^(summa|s:a|totalt?)$", "fordring", "receivables.short"},
    {"^(summa|s:a|totalt?)$", "intakt|medlemsavgift|bidrag", "income.total"},
    {"^(summa|s:a|totalt?)$", "kostnad", "cost.total"},
    // Income.
    {"^(statligt bidrag|staten|forsakringskassan ?(/|och|,) ?arbetsformedling|arbetsformedlingen ?(/|och|,) ?forsakringskassan|forsakringskassan|arbetsformedlingen)",
     "intakt|medlemsavgift|bidrag|budget", "income.state"},
    // "Statlig medlemsavgift", "Statliga medel", "Statens bidrag": the
    // state's half, whatever the table is called.
    {"^(statlig(a|t)? (medlemsavgift|medlemsavgifter|bidrag|medel|tilldelning)|statens (bidrag|medlemsavgift|andel|tilldelning))$",
     nullptr, "income.state"},
    {"^(region|landstinget) ", "intakt|medlemsavgift|bidrag|budget", "income.region"},
    {"^(kommunerna|kommuner|lanets kommuner)$", nullptr, "income.municipalities"},
    // ("Helsingborgs stad", "Malmö stad": a kommun that calls itself a city.)
    {"^\\pL+s? (kommun|stad)$", "intakt|medlemsavgift|bidrag", "income.municipality"},
    {"^(verksamhetens intakter|intakter ?/ ?bidrag|intakter|medlemsavgifter|medlemsintakter)$", nullptr, "income.total"},
    {"^finansiella intakter", nullptr, "income.financial"},
    // Interest lines of a resultaträkning ("Räntekostnader och liknande
    // resultatposter"): financial items, not results. In a note on accrued
    // costs "Räntekostnader" is a liability, so only in statements.
    {"^(ovriga )?ranteintakter( och liknande resultatposter)?$", "income_statement|budget|operating|finansiella",
     "income.financial"},
    {"^(ovriga )?rantekostnader( och liknande resultatposter)?$", "income_statement|budget|operating|finansiella",
     "cost.financial"},
    {"^(ovriga intakter|tillfallig uthyrning)", nullptr, "income.other"},
    // Costs.
    {"^varav (redan )?beviljat", nullptr, "cost.interventions.granted"},
    {"^varav tillgangligt", nullptr, "cost.interventions.available"},
    {"^(bidrag till insatser|insatsmedel|samverkansinsatser|insatser|finansierade insatser|kostnader for insatser)$", nullptr,
     "cost.interventions"},
    {"^(personalkostnader|loner och sociala avgifter|personal)$", nullptr, "cost.personnel"},
    {"^pensionskostnader", nullptr, "cost.pension"},
    {"^(administration|forvaltning|kansli|styrelse och forvaltning|administrationskostnader)$", nullptr,
     "cost.administration"},
    {"^(ovriga externa kostnader|ovriga kostnader|ovriga verksamhetskostnader)$", nullptr, "cost.other"},
    {"^finansiella kostnader", nullptr, "cost.financial"},
    {"^(verksamhetens kostnader|kostnader)$", nullptr, "cost.total"},
    {"^revision$", nullptr, "cost.audit"},
    // Results.
    {"^(arets resultat|resultat|periodens resultat)$", nullptr, "result"},
    {"^(verksamhetens resultat|verksamhetens nettokostnad)", nullptr, "result.operating"},
    {"^resultat efter (finansiella|fin\\.?) poster", nullptr, "result.financial"},
    {"^extraordinara poster", nullptr, "result.extraordinary"},
    {"^balanskravsresultat", nullptr, "result.balance_requirement"},
    // Balance sheet.
    // Closing equity as a plan prints it under the result; not the
    // opening balance ("… vid årets början").
    {"^(eget kapital|eget kapital vid (arets|periodens) slut|utgaende eget kapital)$", nullptr, "equity"},
    {"^kortfristiga skulder", nullptr, "liabilities.short"},
    {"^kortfristiga fordringar", "balans|tillgang", "receivables.short"},
    {"^(kassa och bank|likvida medel|likvida medel vid arets slut)$", nullptr, "cash"},
    {"^likvida medel vid arets borjan", nullptr, "cash.opening"},
    // Cash flow.
    // Not "… före förändring av rörelsekapital" (a subtotal above it).
    {"^kassaflode (fran|for) den lopande verksamheten[^a-z]*$", nullptr, "cash_flow.operating"},
    {"^arets kassaflode", nullptr, "cash_flow.total"},
    // Ratios and counts.
    {"^soliditet", nullptr, "ratio.solidity"},
    {"^antal (anstallda|arsarbetare)", nullptr, "staff.count"},
};

struct CompiledRule {
  std::unique_ptr<RE2> label;
  std::unique_ptr<RE2> context;
  std::string category;
};

const std::vector<CompiledRule>& Compiled() {
  static const std::vector<CompiledRule>* rules = [] {
    auto* v = new std::vector<CompiledRule>();
    for (const Rule& r : kRules) {
      CompiledRule c;
      c.label = std::make_unique<RE2>(r.label);
      if (r.context) c.context = std::make_unique<RE2>(r.context);
      c.category = r.category ? r.category : "";
      v->push_back(std::move(c));
    }
    return v;
  }();
  return *rules;
}

std::string CleanLabel(const std::string& label) {
  std::string s = FoldKey(label);
  // Drop note references and punctuation at the ends: "Kortfristiga skulder 4".
  static const RE2 kTrail("[\\s:.,*]+$");
  static const RE2 kSpaces("\\s+");
  RE2::GlobalReplace(&s, kSpaces, " ");
  RE2::Replace(&s, kTrail, "");
  while (!s.empty() && s[0] == ' ') s.erase(0, 1);
  return s;
}

// The first rule that names `label` in `context`: its category ("" for a
// known row that has no category); nullopt when no rule names it.
std::optional<std::string> MatchRules(const std::string& label, const std::string& context) {
  for (const CompiledRule& r : Compiled()) {
    if (!RE2::PartialMatch(label, *r.label)) continue;
    if (r.context && !RE2::PartialMatch(context, *r.context)) continue;
    return r.category;
  }
  return std::nullopt;
}

}  // namespace

std::string OcrCapitalIAsL(const std::string& label) {
  // "Iöpande", "Iikvida": a capital I before small letters that starts a
  // word after the first. OCR reads a small l as a capital I; a Swedish row
  // label capitalises its first word only (proper names aside, which the
  // caller tries as printed first).
  static const RE2 kCapitalI("(\\s)I((?:[a-z]|\\x{00e5}|\\x{00e4}|\\x{00f6}))");
  std::string s = label;
  RE2::GlobalReplace(&s, kCapitalI, "\\1l\\2");
  return s;
}

std::optional<std::string> Categorize(const CategoryInput& in) {
  std::string label = CleanLabel(in.label);
  if (label.empty()) return std::nullopt;
  std::string context = FoldKey(in.section + " | " + in.table_kind + " | " + in.table_title);
  std::optional<std::string> cat = MatchRules(label, context);
  if (!cat) {
    // A label no rule names may be one with an OCR'd l read as I.
    std::string relabelled = OcrCapitalIAsL(in.label);
    if (relabelled != in.label) cat = MatchRules(CleanLabel(relabelled), context);
  }
  if (!cat) {
    // A member's fee named with its member ("Medlemsavgift staten",
    // "Medlemsavgift Region Gotland", "Bidrag från Umeå kommun"): the
    // member's category, read in a table of member fees.
    std::string member;
    if (RE2::FullMatch(label, "(?:medlemsavgift(?:er)?|avgift|bidrag|tilldelning)(?: fran)? (.+)"_re, &member)) {
      std::optional<std::string> m = MatchRules(member, context + " | medlemsavgift");
      if (m && (*m == "income.state" || *m == "income.region" || *m == "income.municipality" ||
                *m == "income.municipalities"))
        cat = m;
    }
  }
  if (cat) {
    if (cat->empty()) return std::nullopt;  // a known row that has no category
    return cat;
  }
  if (in.table_kind == "interventions" && !in.is_total) return std::string("intervention");
  return std::nullopt;
}

bool IsNonMonetaryCategory(const std::string& category) {
  return category == "ratio.solidity" || category == "staff.count";
}

const std::vector<CategoryInfo>& CategoryVocabulary() {
  static const std::vector<CategoryInfo> kVocabulary = {
      {"income.state", "state contribution (Försäkringskassan and Arbetsförmedlingen)"},
      {"income.region", "the region's contribution"},
      {"income.municipalities", "the kommuner's contribution together"},
      {"income.municipality", "one kommun's contribution (row label names it)"},
      {"income.financial", "financial income (interest)"},
      {"income.other", "other income"},
      {"income.total", "total income (Summa intäkter, Verksamhetens intäkter)"},
      {"cost.interventions", "funds for insatser (Bidrag till insatser, Insatsmedel)"},
      {"cost.interventions.granted", "of which already granted (Varav redan beviljat)"},
      {"cost.interventions.available", "of which available for new insatser"},
      {"cost.personnel", "personnel costs (salaries, social fees)"},
      {"cost.pension", "pension costs"},
      {"cost.administration", "administration / förvaltning"},
      {"cost.audit", "audit costs (revision)"},
      {"cost.other", "other (external) costs"},
      {"cost.financial", "financial costs"},
      {"cost.total", "total costs (Summa kostnader, Verksamhetens kostnader)"},
      {"result", "the year's result (Årets resultat, Resultat)"},
      {"result.operating", "Verksamhetens resultat / nettokostnad"},
      {"result.financial", "result after financial items"},
      {"result.extraordinary", "extraordinary items"},
      {"result.balance_requirement", "balanskravsresultat"},
      {"assets.total", "total assets (Summa tillgångar)"},
      {"receivables.short", "short-term receivables"},
      {"cash", "cash and bank at year end (Kassa och bank, Likvida medel)"},
      {"cash.opening", "cash at the start of the year"},
      {"equity", "equity (Eget kapital)"},
      {"liabilities.short", "short-term liabilities"},
      {"liabilities.accrued", "accrued costs (upplupna kostnader), a note's total"},
      {"equity_liabilities.total", "Summa eget kapital och skulder"},
      {"cash_flow.operating", "cash flow from operations"},
      {"cash_flow.working_capital", "change in working capital"},
      {"cash_flow.total", "the year's cash flow"},
      {"ratio.solidity", "soliditet, percent (not money)"},
      {"staff.count", "number of employees (not money)"},
      {"intervention", "one insats in an insatser outcome table (label = its name)"},
  };
  return kVocabulary;
}

}  // namespace finsam
