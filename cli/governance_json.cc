// JSON rendering of the governance records for `finsam extract --format json`.
#include "cli/governance_json.h"

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace finsam {
namespace {

// An optional figure: null when absent.
template <typename T>
OrderedJson Opt(const std::optional<T>& v) {
  if (!v) return nullptr;
  if constexpr (std::is_floating_point_v<T>) return JsonNumber(*v);
  else return *v;
}

OrderedJson Prov(const Provenance& p) {
  OrderedJson o = OrderedJson::object();
  o["page"] = p.page;
  o["line"] = p.line_index;
  o["box"] = JsonBox(p.box);
  o["raw_text"] = p.raw_text;
  o["confidence"] = JsonNumber(p.confidence);
  return o;
}

// One array of records, each written by `write` into a fresh object.
template <typename T, typename F>
OrderedJson Array(const std::vector<T>& items, F write) {
  OrderedJson a = OrderedJson::array();
  for (const T& item : items) {
    OrderedJson o = OrderedJson::object();
    write(o, item);
    a.push_back(std::move(o));
  }
  return a;
}

}  // namespace

OrderedJson GovernanceJson(const Governance& g) {
  OrderedJson root = OrderedJson::object();
  root["board"] = Array(g.board, [](OrderedJson& o, const BoardMember& m) {
    o["name"] = m.name;
    o["role"] = m.role;
    o["organisation"] = m.organisation;
    o["organisation_kind"] = m.organisation_kind;
    o["year"] = m.year;
    o["source"] = m.source;
    o["provenance"] = Prov(m.prov);
  });
  root["board_composition"] = Array(g.composition, [](OrderedJson& o, const BoardComposition& c) {
    o["year"] = c.year;
    o["members"] = Opt(c.members);
    o["deputies"] = Opt(c.deputies);
    o["meetings"] = Opt(c.meetings);
    o["fees_sek"] = Opt(c.fees_sek);
    o["provenance"] = Prov(c.prov);
  });
  root["officers"] = Array(g.officers, [](OrderedJson& o, const Officer& x) {
    o["kind"] = x.kind;
    o["name"] = x.name;
    o["role"] = x.role;
    o["organisation"] = x.organisation;
    o["appointed_by"] = x.appointed_by;
    o["year"] = x.year;
    o["provenance"] = Prov(x.prov);
  });
  root["goals"] = Array(g.goals, [](OrderedJson& o, const Goal& x) {
    o["number"] = x.number;
    o["text"] = x.text;
    o["perspective"] = x.perspective;
    o["year"] = x.year;
    o["provenance"] = Prov(x.prov);
  });
  root["indicators"] = Array(g.indicators, [&g](OrderedJson& o, const Indicator& x) {
    o["goal"] = x.goal;
    o["goal_text"] = x.goal >= 0 && x.goal < static_cast<int>(g.goals.size()) ? g.goals[x.goal].text : "";
    o["text"] = x.text;
    o["year"] = x.year;
    o["target_comparator"] = x.comparator;
    o["target_value"] = Opt(x.target_value);
    o["target_unit"] = x.target_unit;
    o["outcome_value"] = Opt(x.outcome_value);
    o["outcome_unit"] = x.outcome_unit;
    o["status"] = x.status;
    o["status_raw"] = x.status_raw;
    o["measure"] = x.measure;
    o["outcome_text"] = x.outcome_text;
    o["provenance"] = Prov(x.prov);
  });
  root["interventions"] = Array(g.interventions, [](OrderedJson& o, const Intervention& x) {
    o["name"] = x.name;
    o["orientation"] = x.orientation;
    o["period_from"] = x.period_from;
    o["period_to"] = x.period_to;
    o["year"] = x.year;
    o["budget_sek"] = Opt(x.budget_sek);
    o["outcome_sek"] = Opt(x.outcome_sek);
    o["requested_sek"] = Opt(x.requested_sek);
    o["lead_organisation"] = x.lead_organisation;
    o["partners"] = x.partners;
    o["participants"] = Opt(x.participants);
    o["women"] = Opt(x.women);
    o["men"] = Opt(x.men);
    o["granted"] = x.granted;
    o["source"] = x.source;
    o["provenance"] = Prov(x.prov);
  });
  root["members"] = Array(g.members, [](OrderedJson& o, const MemberContribution& x) {
    o["organisation"] = x.organisation;
    o["organisation_kind"] = x.organisation_kind;
    o["year"] = x.year;
    o["amount_sek"] = Opt(x.amount_sek);
    o["share"] = Opt(x.share);
    o["is_member"] = x.is_member;
    o["source"] = x.source;
    o["provenance"] = Prov(x.prov);
  });
  return root;
}

}  // namespace finsam
