// JSON rendering of the governance records for `finsam extract --format json`.
#include "cli/governance_json.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "cli/json_writer.h"

namespace finsam {

namespace {

// Strings are quoted by the one JSON writer (escapes, invalid UTF-8).
void Str(std::string* out, const std::string& s) { *out += JsonQuote(s); }

std::string Num(double v) {
  if (std::isnan(v) || std::isinf(v)) return "null";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

class Obj {
 public:
  explicit Obj(std::string* out) : out_(out) { out_->push_back('{'); }
  ~Obj() { out_->push_back('}'); }
  void Key(const char* k) {
    if (!first_) out_->push_back(',');
    first_ = false;
    Str(out_, k);
    out_->push_back(':');
  }
  void S(const char* k, const std::string& v) { Key(k); Str(out_, v); }
  void I(const char* k, int64_t v) { Key(k); *out_ += std::to_string(v); }
  void D(const char* k, double v) { Key(k); *out_ += Num(v); }
  void B(const char* k, bool v) { Key(k); *out_ += v ? "true" : "false"; }
  template <typename T>
  void Opt(const char* k, const std::optional<T>& v) {
    Key(k);
    if (!v) *out_ += "null";
    else if constexpr (std::is_floating_point_v<T>) *out_ += Num(*v);
    else *out_ += std::to_string(*v);
  }
  void Prov(const Provenance& p) {
    Key("provenance");
    Obj o(out_);
    o.I("page", p.page);
    o.I("line", p.line_index);
    o.Key("box");
    *out_ += "[" + Num(p.box.x0) + "," + Num(p.box.y0) + "," + Num(p.box.x1) + "," + Num(p.box.y1) + "]";
    o.S("raw_text", p.raw_text);
    o.D("confidence", p.confidence);
  }
  std::string* out() { return out_; }

 private:
  std::string* out_;
  bool first_ = true;
};

template <typename T, typename F>
void Array(Obj& parent, const char* key, const std::vector<T>& items, F write) {
  parent.Key(key);
  std::string* out = parent.out();
  out->push_back('[');
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out->push_back(',');
    Obj o(out);
    write(o, items[i]);
  }
  out->push_back(']');
}

}  // namespace

void AppendGovernanceJson(const Governance& g, std::string* json) {
  Obj root(json);
  Array(root, "board", g.board, [](Obj& o, const BoardMember& m) {
    o.S("name", m.name);
    o.S("role", m.role);
    o.S("organisation", m.organisation);
    o.S("organisation_kind", m.organisation_kind);
    o.I("year", m.year);
    o.S("source", m.source);
    o.Prov(m.prov);
  });
  Array(root, "board_composition", g.composition, [](Obj& o, const BoardComposition& c) {
    o.I("year", c.year);
    o.Opt("members", c.members);
    o.Opt("deputies", c.deputies);
    o.Opt("meetings", c.meetings);
    o.Opt("fees_sek", c.fees_sek);
    o.Prov(c.prov);
  });
  Array(root, "officers", g.officers, [](Obj& o, const Officer& x) {
    o.S("kind", x.kind);
    o.S("name", x.name);
    o.S("role", x.role);
    o.S("organisation", x.organisation);
    o.S("appointed_by", x.appointed_by);
    o.I("year", x.year);
    o.Prov(x.prov);
  });
  Array(root, "goals", g.goals, [](Obj& o, const Goal& x) {
    o.S("number", x.number);
    o.S("text", x.text);
    o.I("year", x.year);
    o.Prov(x.prov);
  });
  Array(root, "indicators", g.indicators, [&g](Obj& o, const Indicator& x) {
    o.I("goal", x.goal);
    o.S("goal_text", x.goal >= 0 && x.goal < static_cast<int>(g.goals.size()) ? g.goals[x.goal].text : "");
    o.S("text", x.text);
    o.I("year", x.year);
    o.S("target_comparator", x.comparator);
    o.Opt("target_value", x.target_value);
    o.S("target_unit", x.target_unit);
    o.Opt("outcome_value", x.outcome_value);
    o.S("outcome_unit", x.outcome_unit);
    o.S("status", x.status);
    o.S("status_raw", x.status_raw);
    o.Prov(x.prov);
  });
  Array(root, "interventions", g.interventions, [](Obj& o, const Intervention& x) {
    o.S("name", x.name);
    o.S("orientation", x.orientation);
    o.S("period_from", x.period_from);
    o.S("period_to", x.period_to);
    o.I("year", x.year);
    o.Opt("budget_sek", x.budget_sek);
    o.Opt("outcome_sek", x.outcome_sek);
    o.Opt("requested_sek", x.requested_sek);
    o.S("lead_organisation", x.lead_organisation);
    o.Key("partners");
    std::string* out = o.out();
    out->push_back('[');
    for (size_t i = 0; i < x.partners.size(); ++i) {
      if (i) out->push_back(',');
      Str(out, x.partners[i]);
    }
    out->push_back(']');
    o.Opt("participants", x.participants);
    o.Opt("women", x.women);
    o.Opt("men", x.men);
    o.B("granted", x.granted);
    o.S("source", x.source);
    o.Prov(x.prov);
  });
  Array(root, "members", g.members, [](Obj& o, const MemberContribution& x) {
    o.S("organisation", x.organisation);
    o.S("organisation_kind", x.organisation_kind);
    o.I("year", x.year);
    o.Opt("amount_sek", x.amount_sek);
    o.Opt("share", x.share);
    o.B("is_member", x.is_member);
    o.S("source", x.source);
    o.Prov(x.prov);
  });
}

}  // namespace finsam
