#include "extractors/interventions.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "extractors/document_lines.h"
#include "extractors/organisations.h"
#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/text.h"

namespace finsam {
namespace {

std::vector<std::string> NameTokens(std::string_view name) {
  static const std::set<std::string> kStop = {"och", "for", "med", "insats", "insatsen", "forstudie",
                                              "forstudien", "processledare", "gavleborg", "i", "av", "till"};
  std::string f = Fold(StripFootnoteMarkers(name));
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && !kStop.count(cur)) out.push_back(cur);
    cur.clear();
  };
  for (char c : f) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) {
      cur.push_back(c);
    } else if (c == '.' && !cur.empty() && cur.back() >= '0' && cur.back() <= '9') {
      // "2.0" stays one token.
    } else {
      flush();
    }
  }
  flush();
  return out;
}

bool TokenMatch(const std::string& a, const std::string& b) {
  if (a == b) return true;
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  if (n >= 5) return true;
  // One substituted letter in a long word ("Boilnäs" for "Bollnäs").
  if (a.size() == b.size() && a.size() >= 5) {
    int diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff += a[i] != b[i];
    return diff <= 1;
  }
  return false;
}

// "ASF" for "Arbetsintegrerande Socialt Företagande".
bool IsAcronymOf(const std::string& acronym, const std::vector<std::string>& tokens) {
  if (acronym.size() < 2 || acronym.size() != tokens.size()) return false;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].empty() || tokens[i][0] != acronym[i]) return false;
  return true;
}

int64_t Round(double v) { return static_cast<int64_t>(std::llround(v)); }

// Keys of the Bilaga tables (folded prefixes) → field names.
std::string KeyOf(const std::string& key_text, int* year) {
  std::string f = CollapseSpaces(Fold(key_text));
  // "Deltagarregistrerin g" (a PDF word broken by the cell width).
  std::string nospace;
  for (char c : f)
    if (c != ' ') nospace.push_back(c);
  std::string y;
  if (RE2::PartialMatch(f, "((?:19|20)\\d\\d)"_re, &y)) *year = std::stoi(y);
  static const std::pair<const char*, const char*> kKeys[] = {
      {"insatsnamn", "name"},           {"inriktning", "orientation"},   {"syfte", "purpose"},
      {"mal", "goal"},                  {"deltagarregistrering", "registration"},
      {"specifikmalgrupp", "target_group"}, {"totalbudget", "budget"},  {"budget", "budget"},
      {"utfallekonomi", "outcome"},     {"utfall", "outcome"},           {"huvudmanforinsats", "lead"},
      {"huvudman", "lead"},             {"samverkansparter", "partners"}, {"resultat", "result"},
      {"kommentar", "comment"},         {"period", "period"},            {"ansoktbelopp", "requested"},
      {"beviljatbelopp", "budget"},     {"deltagare", "participants"},
  };
  for (const auto& [prefix, field] : kKeys) {
    std::string p(prefix);
    if (nospace.rfind(p, 0) == 0) {
      // "mal" must be the whole key ("Mål"), not "målgrupp".
      if (p == "mal" && nospace != "mal") continue;
      return field;
    }
  }
  return "";
}

struct KvRow {
  std::string key, value;
  size_t line;
};

std::vector<KvRow> ReadTabKv(const std::vector<LineRef>& lines, size_t start, size_t* end) {
  std::vector<KvRow> rows;
  size_t j = start;
  for (; j < lines.size(); ++j) {
    if (IsBlank(lines[j])) continue;
    const std::string& t = lines[j].text();
    size_t tab = t.find('\t');
    if (tab == std::string::npos) break;
    std::string key = CollapseSpaces(t.substr(0, tab));
    std::string value = CollapseSpaces(StripHtml(t.substr(tab + 1)));
    if (j > start && Fold(key) == "insatsnamn") break;
    int y = 0;
    if (KeyOf(key, &y).empty()) break;
    rows.push_back({key, value, j});
  }
  *end = j;
  return rows;
}

// PDF: key column left of `valx`; lines of one row share a layout block, and
// rows continue across a page break when the new page starts in the value
// column.
std::vector<KvRow> ReadWordKv(const std::vector<LineRef>& lines, size_t start, double keyx, double valx,
                              size_t* end) {
  struct W {
    double y0, x0;
    std::string text;
  };
  std::vector<KvRow> rows;
  size_t j = start;
  const Page* page = nullptr;
  int block = -1;
  std::vector<W> keys, values;
  size_t group_line = start;
  auto flush = [&] {
    if (keys.empty() && values.empty()) return;
    auto join = [](std::vector<W>& ws) {
      std::stable_sort(ws.begin(), ws.end(), [](const W& a, const W& b) {
        if (std::fabs(a.y0 - b.y0) > 2) return a.y0 < b.y0;
        return a.x0 < b.x0;
      });
      std::string s;
      for (const W& w : ws) s += (s.empty() ? "" : " ") + w.text;
      return s;
    };
    std::string k = join(keys), v = join(values);
    if (k.empty() && !rows.empty()) {
      rows.back().value += " " + v;
    } else {
      rows.push_back({k, v, group_line});
    }
    keys.clear();
    values.clear();
  };
  for (; j < lines.size(); ++j) {
    if (IsBlank(lines[j])) continue;
    const Line& l = *lines[j].line;
    if (l.box.x0 < keyx - 1.5) break;
    std::string first = l.words.empty() ? "" : Fold(l.words[0].text);
    if (j > start && first == "insatsnamn") break;
    if (lines[j].page != page || l.block != block) {
      flush();
      page = lines[j].page;
      block = l.block;
      group_line = j;
    }
    for (const Word& w : l.words) (w.box.x0 < valx - 3 ? keys : values).push_back({w.box.y0, w.box.x0, w.text});
  }
  flush();
  *end = j;
  return rows;
}

Intervention FromKv(const std::vector<KvRow>& rows, const std::vector<LineRef>& lines, int doc_year) {
  Intervention iv;
  iv.source = "bilaga";
  iv.year = doc_year;
  std::string purpose, goal;
  for (const KvRow& r : rows) {
    int year = 0;
    std::string field = KeyOf(r.key, &year);
    const std::string& v = r.value;
    if (field == "name") {
      iv.name = StripFootnoteMarkers(v);
      // A footnote number OCR'd as a plain digit or "?": "Ett hållbart
      // arbetsliv - Ockelbo 2", "Trisam 2.0?", "Trisam individ ?".
      static const RE2 kTrailingDigit("^(.*\\p{L}.*?)(?:\\s+\\d|\\s*\\?)$");
      std::string stripped;
      if (RE2::FullMatch(iv.name, kTrailingDigit, &stripped)) iv.name = stripped;
      iv.prov = ProvenanceOf(lines[r.line], CollapseSpaces(r.key + " " + v));
    } else if (field == "orientation") {
      iv.orientation = NormalizeOrientation(v);
    } else if (field == "budget") {
      iv.budget_sek = ParseKronor(v);
      if (year) iv.year = year;
    } else if (field == "outcome") {
      iv.outcome_sek = ParseKronor(v);
      if (year) iv.year = year;
    } else if (field == "requested") {
      iv.requested_sek = ParseKronor(v);
    } else if (field == "lead") {
      if (!v.empty()) {
        Organisation o = NormalizeOrganisation(v);
        iv.lead_organisation = o.name;
      }
    } else if (field == "partners") {
      iv.partners = SplitOrganisationList(v);
    } else if (field == "result" || field == "participants") {
      int t = 0, w = 0, m = 0;
      if (!iv.participants && ParseParticipants(v, &t, &w, &m)) {
        iv.participants = t;
        iv.women = w;
        iv.men = m;
      }
    } else if (field == "purpose") {
      purpose = v;
    } else if (field == "goal") {
      goal = v;
    } else if (field == "period") {
      purpose = v + " " + purpose;
    }
  }
  static const RE2 kPeriod("(\\d{4}-\\d\\d-\\d\\d)\\s*(?:-|–|—)\\s*(\\d{4}-\\d\\d-\\d\\d)");
  std::string a, b;
  if (RE2::PartialMatch(purpose + " " + goal, kPeriod, &a, &b)) {
    iv.period_from = a;
    iv.period_to = b;
  }
  return iv;
}

void ReadBilagaTables(const std::vector<LineRef>& lines, int year, Governance* gov) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = *lines[i].line;
    std::vector<KvRow> rows;
    size_t end = i + 1;
    if (lines[i].page->unit == BoxUnit::kCharCell) {
      const std::string& t = l.text;
      size_t tab = t.find('\t');
      if (tab == std::string::npos || Fold(CollapseSpaces(t.substr(0, tab))) != "insatsnamn") continue;
      rows = ReadTabKv(lines, i, &end);
    } else {
      if (l.words.size() < 2 || Fold(l.words[0].text) != "insatsnamn") continue;
      rows = ReadWordKv(lines, i, l.words[0].box.x0, l.words[1].box.x0, &end);
    }
    Intervention iv = FromKv(rows, lines, year);
    if (!iv.name.empty()) gov->interventions.push_back(std::move(iv));
    i = end > i ? end - 1 : i;
  }
}

Intervention* FindByName(Governance* gov, const std::string& name) {
  for (Intervention& iv : gov->interventions)
    if (SameIntervention(iv.name, name)) return &iv;
  return nullptr;
}

// "Individeriktade insatser" / "Strukturinriktade insatser" + period bullets.
void ReadPeriodLists(const std::vector<LineRef>& lines, int year, Governance* gov) {
  static const RE2 kHead("^(individ\\S*|struktur\\S*)\\s+insatser:?$");
  static const RE2 kItem(
      "^(.*?)[,\\s]+(?:(\\d{4}-\\d\\d-\\d\\d)\\s*-\\s*(\\d{4}-\\d\\d-\\d\\d|ej tidsbegransad)|(ej tidsbegransad))\\s*\\.?$");
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string fh = Fold(CollapseSpaces(lines[i].text()));
    std::string kind;
    if (!RE2::FullMatch(fh, kHead, &kind)) continue;
    std::string orientation = NormalizeOrientation(kind);
    for (size_t j = i + 1; j < lines.size(); ++j) {
      if (IsBlank(lines[j])) continue;
      std::string t = CollapseSpaces(lines[j].text()), item;
      if (!IsBulletItem(t, &item)) break;
      FoldedText ft = FoldWithMap(item);
      re2::StringPiece name, from, to, open;
      if (!RE2::FullMatch(ft.folded, kItem, &name, &from, &to, &open)) continue;
      size_t n0 = name.data() - ft.folded.data();
      std::string printed = StripFootnoteMarkers(ft.Original(item, n0, n0 + name.size()));
      Intervention* iv = FindByName(gov, printed);
      if (!iv) {
        Intervention fresh;
        fresh.name = printed;
        fresh.year = year;
        fresh.source = "list";
        fresh.orientation = orientation;
        fresh.prov = ProvenanceOf(lines[j], item);
        gov->interventions.push_back(std::move(fresh));
        iv = &gov->interventions.back();
      }
      if (iv->orientation.empty()) iv->orientation = orientation;
      if (iv->period_from.empty() && !from.empty()) {
        iv->period_from = std::string(from);
        if (std::string(to) != "ej tidsbegransad") iv->period_to = std::string(to);
      }
    }
  }
}

// "Beviljade insatser 2020": the bullets are the granted insatser.
void ReadGrantedLists(const std::vector<LineRef>& lines, int doc_year, Governance* gov) {
  static const RE2 kHead("^(?:[#\\s]*)(?:\\d+(?:\\.\\d+)*\\.?\\s+)?beviljade\\s+insatser(?:\\s+((?:19|20)\\d\\d))?\\s*:?$");
  static const RE2 kNumberedHeading("^(?:[#\\s]*)\\d+(?:\\.\\d+)*\\.?\\s+\\p{L}");
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string fh = Fold(CollapseSpaces(lines[i].text()));
    std::string y;
    if (fh.find("....") != std::string::npos || !RE2::FullMatch(fh, kHead, &y)) continue;
    int year = y.empty() ? doc_year : std::stoi(y);
    size_t j = i + 1;
    for (; j < lines.size(); ++j) {
      if (IsBlank(lines[j])) continue;
      std::string t = CollapseSpaces(StripHtml(lines[j].text()));
      std::string ft = Fold(t);
      if (RE2::PartialMatch(ft, kNumberedHeading) || ft.rfind("utover ovanstaende", 0) == 0) break;
      std::string item;
      if (!IsBulletItem(t, &item)) continue;
      Intervention iv;
      iv.name = StripFootnoteMarkers(item);
      iv.year = year;
      iv.granted = true;
      iv.source = "list";
      iv.prov = ProvenanceOf(lines[j], item);
      if (!iv.name.empty()) gov->interventions.push_back(std::move(iv));
    }
    i = j > i ? j - 1 : i;
  }
}

// Applications in prose and participants stated in prose
// ("Insatsen *Ett hållbart arbetsliv-Ockelbo* har omfattat 15 individer
// varav 8 kvinnor och 7 män").
void ReadProse(const std::vector<LineRef>& lines, int year, Governance* gov) {
  for (const Paragraph& p : Paragraphs(lines)) {
    int64_t amount = 0;
    std::string applicant, purpose;
    if (ParseRequest(p.text, &amount, &applicant, &purpose)) {
      Intervention iv;
      iv.name = purpose.empty() ? "Ansökan " + applicant : purpose;
      iv.requested_sek = amount;
      iv.lead_organisation = applicant;
      iv.year = year;
      iv.source = "prose";
      iv.prov = ProvenanceOf(lines[p.first], p.text);
      Intervention* known = purpose.empty() ? nullptr : FindByName(gov, purpose);
      if (known) known->requested_sek = amount;
      else gov->interventions.push_back(std::move(iv));
    }
    static const RE2 kInsatsen("insatsen\\s+\\*?([^*]+?)\\*?\\s+har\\s+(?:omfattat|natt|haft)");
    FoldedText ft = FoldWithMap(p.text);
    re2::StringPiece name;
    if (RE2::PartialMatch(ft.folded, kInsatsen, &name)) {
      size_t n0 = name.data() - ft.folded.data();
      std::string printed = ft.Original(p.text, n0, n0 + name.size());
      int t = 0, w = 0, m = 0;
      Intervention* iv = FindByName(gov, printed);
      if (iv && !iv->participants && ParseParticipants(p.text, &t, &w, &m)) {
        iv->participants = t;
        iv->women = w;
        iv->men = m;
      }
    }
  }
}

}  // namespace

std::optional<int64_t> ParseKronor(std::string_view text) {
  std::string f = Fold(CollapseSpaces(text));
  static const RE2 kAmount("(-?\\d{1,3}(?: \\d{3})+(?:,\\d+)?|-?\\d+(?:,\\d+)?)\\s*(tkr|mkr|kronor|kr|sek)?\\b");
  std::string v, u;
  if (!RE2::PartialMatch(f, kAmount, &v, &u)) return std::nullopt;
  std::optional<double> d = ParseAmount(v);
  if (!d) return std::nullopt;
  double scale = u == "tkr" ? 1e3 : u == "mkr" ? 1e6 : 1;
  return Round(*d * scale);
}

std::string NormalizeOrientation(std::string_view text) {
  std::string f = Fold(CollapseSpaces(text));
  if (f.rfind("individ", 0) == 0) return "individ";
  if (f.find("struktur") != std::string::npos) return "struktur";
  if (f.find("individ") != std::string::npos) return "individ";
  return "";
}

bool SameIntervention(std::string_view a, std::string_view b) {
  std::vector<std::string> ta = NameTokens(a), tb = NameTokens(b);
  if (ta.empty() || tb.empty()) return false;
  if (ta.size() > tb.size()) std::swap(ta, tb);
  if (ta.size() == 1 && IsAcronymOf(ta[0], tb)) return true;
  for (const std::string& t : ta) {
    bool found = std::any_of(tb.begin(), tb.end(), [&](const std::string& u) { return TokenMatch(t, u); });
    if (!found) return false;
  }
  // "Trisam 2.0" vs "Trisam individ": the shorter name must cover at least
  // half of the longer one's tokens unless it is one distinctive token.
  return ta.size() * 2 >= tb.size() || (ta.size() == 1 && ta[0].size() >= 5);
}

bool ParseParticipants(std::string_view text, int* total, int* women, int* men) {
  std::string f = Fold(CollapseSpaces(text));
  static const RE2 kBoth(
      "(\\d+)\\s*(?:unika\\s+)?(?:individer|deltagare|personer)?[^.\\d]{0,40}?\\(?(?:varav\\s+)?(\\d+)\\s+kvinnor,?\\s+"
      "(?:och\\s+)?(\\d+)\\s+man\\b");
  std::string t, w, m;
  if (!RE2::PartialMatch(f, kBoth, &t, &w, &m)) return false;
  *total = std::stoi(t);
  *women = std::stoi(w);
  *men = std::stoi(m);
  return true;
}

bool ParseRequest(std::string_view text, int64_t* amount_sek, std::string* applicant, std::string* purpose) {
  std::string s = CollapseSpaces(text);
  FoldedText ft = FoldWithMap(s);
  static const RE2 kReq(
      "((?:[a-z]+\\s+){0,3}(?:kommun|region\\s+[a-z]+|forsakringskassan|arbetsformedlingen)[a-z]*)\\s+"
      "(?:ansoker|har ansokt|ansokte)\\s+om\\s+(\\d{1,3}(?: \\d{3})+|\\d+)\\s*(tkr|mkr|kronor|kr)\\b"
      "(?:\\s+(?:for|till)\\s+(?:insatsen\\s+)?([^.,;]+))?");
  re2::StringPiece who, amount, unit, what;
  if (!RE2::PartialMatch(ft.folded, kReq, &who, &amount, &unit, &what)) return false;
  std::optional<int64_t> k = ParseKronor(std::string(amount) + " " + std::string(unit));
  if (!k) return false;
  *amount_sek = *k;
  size_t w0 = who.data() - ft.folded.data();
  std::string who_text = ft.Original(s, w0, w0 + who.size());
  // Keep the organisation part: "I år Timrå kommun" → "Timrå kommun".
  Organisation o = NormalizeOrganisation(who_text);
  *applicant = o.kind.empty() ? who_text : o.name;
  if (what.data()) {
    size_t p0 = what.data() - ft.folded.data();
    *purpose = CollapseSpaces(ft.Original(s, p0, p0 + what.size()));
  } else {
    purpose->clear();
  }
  return true;
}

std::vector<std::string> MergeInterventionTables(const std::vector<FinancialTable>& tables, Governance* gov) {
  std::vector<std::string> notes;
  for (const FinancialTable& t : tables) {
    if (t.table_kind != "interventions") continue;
    int utfall = -1, budget = -1;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (!t.columns[c].period.empty()) continue;  // a part of the year is not the year's figure
      if (t.columns[c].kind == ColumnKind::kUtfall && utfall < 0) utfall = static_cast<int>(c);
      if (t.columns[c].kind == ColumnKind::kBudget && budget < 0) budget = static_cast<int>(c);
    }
    if (utfall < 0 && budget < 0) continue;
    int year = t.columns[utfall >= 0 ? utfall : budget].year;
    for (const TableRow& r : t.rows) {
      if (r.is_header || r.is_total || r.label.empty()) continue;
      auto cell = [&](int c) -> std::optional<int64_t> {
        if (c < 0 || c >= static_cast<int>(r.cells.size())) return std::nullopt;
        const TableCell& x = r.cells[c];
        if (!x.present || !x.parsed || x.is_percent) return std::nullopt;
        return x.amount_sek;
      };
      std::optional<int64_t> out = cell(utfall), bud = cell(budget);
      Intervention* iv = nullptr;
      for (Intervention& cand : gov->interventions)
        if ((cand.year == year || !cand.year || !year) && SameIntervention(cand.name, r.label)) {
          iv = &cand;
          break;
        }
      if (!iv) {
        Intervention fresh;
        fresh.name = CollapseSpaces(r.label);
        fresh.year = year;
        fresh.source = "table";
        fresh.prov.page = r.prov.page;
        fresh.prov.box = r.prov.box;
        fresh.prov.line_index = r.prov.line_index;
        fresh.prov.raw_text = r.raw_numbers.empty() ? r.label : r.label + " " + r.raw_numbers;
        fresh.prov.confidence = r.prov.confidence;
        gov->interventions.push_back(std::move(fresh));
        iv = &gov->interventions.back();
      }
      // The table is in tkr: a Bilaga figure in kronor wins; a difference
      // beyond rounding is worth a note.
      auto merge = [&](std::optional<int64_t>* field, std::optional<int64_t> table_value, const char* what) {
        if (!table_value) return;
        if (!*field) {
          *field = table_value;
        } else if (std::llabs(**field - *table_value) > t.scale / 2 + 1) {
          notes.push_back("insats " + iv->name + ": " + what + " " + std::to_string(**field) + " kr (Bilaga) vs " +
                          std::to_string(*table_value) + " kr (table \"" + t.title + "\")");
        }
      };
      merge(&iv->outcome_sek, out, "utfall");
      merge(&iv->budget_sek, bud, "budget");
    }
  }
  return notes;
}

void ExtractInterventions(const Document& doc, Governance* gov) {
  std::vector<LineRef> lines = AllLines(doc);
  int year = DocumentYear(doc);
  ReadBilagaTables(lines, year, gov);
  ReadPeriodLists(lines, year, gov);
  ReadGrantedLists(lines, year, gov);
  ReadProse(lines, year, gov);
}

}  // namespace finsam
