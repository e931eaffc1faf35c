#include "extractors/board.h"

#include <re2/re2.h>

#include <algorithm>

#include "extractors/document_lines.h"
#include "extractors/organisations.h"
#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/swedish_words.h"
#include "normalizers/text.h"

namespace finsam {
namespace {

// Two to four capitalized words (hyphenated first names allowed).
const char kNamePattern[] = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)?(?:\\s+\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)?){1,3}";

bool IsPersonName(const std::string& text) {
  static const RE2 kName(std::string("^") + kNamePattern + "$");
  if (!RE2::FullMatch(text, kName)) return false;
  std::string f = Fold(text);
  // Headings and organisations also come as capitalized word pairs.
  static const char* const kNotNames[] = {"samordningsforbund", "region ", "kommun", "kassan", "formedlingen",
                                          "styrelse", "insats", "bilaga", "ordforande", "ledamot", "ersattare",
                                          "mal ", "budget", "not ", "summa", "kansli"};
  for (const char* w : kNotNames)
    if (f.find(w) != std::string::npos) return false;
  return true;
}

std::string NameKey(const std::string& name) { return CollapseSpaces(Fold(name)); }

// Same person: equal diacritic-free names, or (for signatures read by OCR,
// "Ove Schöénning") at most two letters apart.
bool HasMember(const Governance& gov, const std::string& name, int year, bool fuzzy = false) {
  std::string k = NameKey(name);
  return std::any_of(gov.board.begin(), gov.board.end(), [&](const BoardMember& m) {
    if (m.year != year) return false;
    std::string mk = NameKey(m.name);
    return mk == k || (fuzzy && EditDistance(mk, k) <= 2 && k.size() >= 8);
  });
}

std::string CleanLine(const LineRef& l) { return CollapseSpaces(StripHtml(l.text())); }

bool IsPageFurniture(const std::string& t) {
  if (t.empty()) return true;
  bool has_lower = false, all_digits = true;
  for (unsigned char c : t) {
    if (c >= 'a' && c <= 'z') has_lower = true;
    if (!(c >= '0' && c <= '9')) all_digits = false;
  }
  return all_digits || !has_lower || t.size() <= 3;
}

void ReadMemberLists(const std::vector<LineRef>& lines, int default_year, Governance* gov) {
  static const RE2 kHeading(
      "^(?:\\d[\\d.]*\\s+)?styrelsens?\\s+(?:sammansattning|ledamoter|ledamot och ersattare)(?:\\s+(?:ar\\s+)?((?:19|20)\\d\\d))?\\s*:?$");
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string f = Fold(CleanLine(lines[i]));
    std::string year_text;
    if (!RE2::FullMatch(f, kHeading, &year_text)) continue;
    int year = year_text.empty() ? default_year : std::stoi(year_text);
    std::string role = "ledamot";
    for (size_t j = i + 1; j < lines.size(); ++j) {
      std::string t = CleanLine(lines[j]);
      std::string ft = Fold(t);
      if (t.empty()) continue;
      if (ft.rfind("ordinarie", 0) == 0 || ft.rfind("ledamoter", 0) == 0 || ft == "ledamot:") {
        role = "ledamot";
        continue;
      }
      if (ft.rfind("ersattare", 0) == 0 || ft.rfind("suppleanter", 0) == 0) {
        role = "ersättare";
        continue;
      }
      std::optional<BoardMember> m = ParseMemberEntry(lines[j].text(), role);
      if (!m) {
        if (IsPageFurniture(t)) continue;
        break;
      }
      m->year = year;
      m->source = lines[j].text().find('\t') != std::string::npos ? "table" : "list";
      m->prov = ProvenanceOf(lines[j]);
      if (!HasMember(*gov, m->name, year)) gov->board.push_back(std::move(*m));
    }
  }
}

void ReadSignatures(const std::vector<LineRef>& lines, int year, Governance* gov) {
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string name = CleanLine(lines[i]);
    if (!IsPersonName(name)) continue;
    if (!Continues(lines[i], lines[i + 1])) continue;
    std::string role_line = CleanLine(lines[i + 1]);
    std::string role = NormalizeRole(role_line);
    if (role.empty() || role_line.size() > 80) continue;
    if (HasMember(*gov, name, year, /*fuzzy=*/true)) continue;
    BoardMember m;
    m.name = name;
    m.role = role;
    m.year = year;
    m.source = "signature";
    m.prov = ProvenanceOf(lines[i], name + " / " + role_line);
    gov->board.push_back(std::move(m));
  }
}

void ReadOfficers(const std::vector<LineRef>& lines, int year, Governance* gov) {
  std::vector<Paragraph> paras = Paragraphs(lines);
  for (size_t p = 0; p < paras.size(); ++p) {
    std::string head = Fold(paras[p].text);
    if (head == "revisorer" || head == "revision") {
      static const RE2 kFor("^for (.+?):\\s*(.+)$");
      for (size_t q = p + 1; q < paras.size() && q <= p + 5; ++q) {
        const std::string& text = paras[q].text;
        FoldedText ft = FoldWithMap(text);
        re2::StringPiece who, rest;
        if (!RE2::FullMatch(ft.folded, kFor, &who, &rest)) continue;
        size_t w0 = who.data() - ft.folded.data(), r0 = rest.data() - ft.folded.data();
        std::string appointed = ft.Original(text, w0, w0 + who.size());
        std::string rhs = ft.Original(text, r0, r0 + rest.size());
        while (!rhs.empty() && rhs.back() == '.') rhs.pop_back();
        std::string firm;
        size_t comma = rhs.rfind(',');
        if (comma != std::string::npos) {
          firm = CollapseSpaces(rhs.substr(comma + 1));
          rhs = rhs.substr(0, comma);
        }
        // "Nils Westling och sakkunnigt biträde Cecilia Axelsson"
        std::vector<std::string> parts;
        size_t start = 0;
        for (;;) {
          size_t och = rhs.find(" och ", start);
          parts.push_back(rhs.substr(start, och == std::string::npos ? std::string::npos : och - start));
          if (och == std::string::npos) break;
          start = och + 5;
        }
        for (std::string part : parts) {
          part = CollapseSpaces(part);
          std::string role = "revisor";
          std::string fp = Fold(part);
          for (const char* r : {"sakkunnigt bitrade ", "sakkunnig "}) {
            if (fp.rfind(r, 0) == 0) {
              FoldedText fpt = FoldWithMap(part);
              size_t n = std::char_traits<char>::length(r);
              role = CollapseSpaces(fpt.Original(part, 0, n));
              part = CollapseSpaces(fpt.Original(part, n, fpt.folded.size()));
              break;
            }
          }
          if (!IsPersonName(part)) continue;
          Officer o;
          o.kind = "revisor";
          o.name = part;
          o.role = role;
          o.organisation = firm;
          o.appointed_by = CollapseSpaces(appointed);
          o.year = year;
          size_t li = paras[q].first;
          o.prov = ProvenanceOf(lines[li], text);
          gov->officers.push_back(std::move(o));
        }
      }
    }
    if (head == "kansli" && p + 1 < paras.size()) {
      const std::string& text = paras[p + 1].text;
      FoldedText ft = FoldWithMap(text);
      static const RE2 kRole(
          "\\b(forbundschef|verksamhetsutvecklare|ekonomiansvarig|ekonom|administrativ assistent|"
          "processledare|controller|utvecklingsledare|kommunikator|handlaggare|samordnare)\\b");
      re2::StringPiece in(ft.folded);
      re2::StringPiece m;
      while (RE2::FindAndConsume(&in, kRole, &m)) {
        size_t b = m.data() - ft.folded.data();
        Officer o;
        o.kind = "kansli";
        o.role = ft.Original(text, b, b + m.size());
        o.year = year;
        o.prov = ProvenanceOf(lines[paras[p + 1].first], text);
        bool dup = std::any_of(gov->officers.begin(), gov->officers.end(), [&](const Officer& x) {
          return x.kind == "kansli" && Fold(x.role) == Fold(o.role);
        });
        if (!dup) gov->officers.push_back(std::move(o));
      }
    }
  }
}

}  // namespace

std::string NormalizeRole(std::string_view text) {
  std::string f = CollapseSpaces(Fold(text));
  if (f.rfind("vice ordf", 0) == 0 || f.rfind("v. ordf", 0) == 0 || f.rfind("vice ordf", 0) == 0) return "vice ordförande";
  if (f.rfind("ordf", 0) == 0) return "ordförande";
  if (f.rfind("ledamot", 0) == 0 || f.rfind("ledamoter", 0) == 0) return "ledamot";
  if (f.rfind("ersattare", 0) == 0 || f.rfind("suppleant", 0) == 0) return "ersättare";
  // Garbled stripped spellings: "erséttare" folds to "ersettare".
  static const RE2 kErs("^ers.{0,2}ttare");
  if (RE2::PartialMatch(f, kErs)) return "ersättare";
  return "";
}

std::optional<BoardMember> ParseMemberEntry(std::string_view text, std::string_view default_role) {
  std::string raw = StripHtml(text);
  std::string t(text);
  BoardMember m;
  if (t.find('\t') != std::string::npos) {
    std::vector<std::string> cells;
    size_t start = 0;
    for (;;) {
      size_t tab = t.find('\t', start);
      std::string c = CollapseSpaces(StripHtml(t.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
      if (!c.empty()) cells.push_back(c);
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (cells.size() < 2 || !IsPersonName(cells[0])) return std::nullopt;
    m.name = cells[0];
    for (size_t i = 1; i < cells.size(); ++i) {
      std::string r = NormalizeRole(cells[i]);
      if (!r.empty()) {
        m.role = r;
      } else if (m.organisation.empty()) {
        Organisation o = NormalizeOrganisation(cells[i]);
        m.organisation = o.name;
        m.organisation_kind = o.kind;
      }
    }
    if (m.role.empty()) m.role = std::string(default_role);
    return m;
  }
  raw = CollapseSpaces(raw);
  size_t comma = raw.find(',');
  if (comma == std::string::npos) {
    // A bare name under a "Ledamöter:" heading.
    if (!IsPersonName(raw)) return std::nullopt;
    m.name = raw;
    m.role = std::string(default_role);
    return m;
  }
  std::string name = CollapseSpaces(raw.substr(0, comma));
  if (!IsPersonName(name)) return std::nullopt;
  std::string rest = CollapseSpaces(raw.substr(comma + 1));
  m.name = name;
  m.role = std::string(default_role);
  // "Region Gävleborg - ordförande", "Hofors kommun – vice ordförande",
  // "Region Gävleborg, ordförande".
  FoldedText ft = FoldWithMap(rest);
  static const RE2 kRoleTail("^(.*?)\\s*(?:-|,|\\()\\s*((?:vice )?ordf\\S*|ledamot|ers\\S{1,3}ttare|suppleant)\\)?\\s*$");
  re2::StringPiece org, role;
  if (RE2::FullMatch(ft.folded, kRoleTail, &org, &role)) {
    size_t o0 = org.data() - ft.folded.data();
    size_t r0 = role.data() - ft.folded.data();
    std::string r = NormalizeRole(ft.Original(rest, r0, r0 + role.size()));
    if (!r.empty()) m.role = r;
    rest = CollapseSpaces(ft.Original(rest, o0, o0 + org.size()));
  }
  if (std::any_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  Organisation o = NormalizeOrganisation(rest);
  m.organisation = o.name;
  m.organisation_kind = o.kind;
  return m;
}

bool ParseComposition(std::string_view paragraph, BoardComposition* out) {
  std::string f = Fold(CollapseSpaces(paragraph));
  bool any = false;
  static const RE2 kSize(
      "(\\S+)\\s+(?:ordinarie\\s+)?ledam\\S{1,3}ter\\s+(?:och|samt)\\s+(\\S+)\\s+(?:ers\\S{1,3}ttare|suppleanter)");
  std::string a, b;
  if (f.find("styrelse") != std::string::npos && RE2::PartialMatch(f, kSize, &a, &b)) {
    std::optional<int> n = ParseCount(a), d = ParseCount(b);
    if (n && d) {
      out->members = *n;
      out->deputies = *d;
      any = true;
    }
  }
  static const RE2 kMeetings(
      "styrelsen\\s+har\\s+(?:under\\s+\\S+\\s+)?(?:haft|sammantratt|hallit)\\s+(\\S+)\\s+(?:protokollforda\\s+)?"
      "(?:moten|sammantraden|ganger|styrelsemoten)(?:\\s+under\\s+((?:19|20)\\d\\d))?");
  std::string year;
  if (RE2::PartialMatch(f, kMeetings, &a, &year)) {
    if (std::optional<int> n = ParseCount(a)) {
      out->meetings = *n;
      any = true;
      if (!year.empty() && !out->year) out->year = std::stoi(year);
    }
  }
  static const RE2 kFees(
      "arvoden?\\s+(?:till|for)\\s+(?:styrelsen|styrelsens ledamoter|ledamoterna)[^.]*?(\\d[\\d ]*(?:,\\d+)?)\\s*"
      "(tkr|mkr|kr|kronor|tusen kronor)\\b");
  std::string unit;
  if (RE2::PartialMatch(f, kFees, &a, &unit)) {
    if (std::optional<double> v = ParseAmount(CollapseSpaces(a))) {
      int64_t scale = unit == "tkr" || unit == "tusen kronor" ? 1000 : unit == "mkr" ? 1000000 : 1;
      out->fees_sek = static_cast<int64_t>(*v * scale + (*v >= 0 ? 0.5 : -0.5));
      any = true;
    }
  }
  return any;
}

void ExtractBoard(const Document& doc, int member_count, Governance* gov) {
  std::vector<LineRef> lines = AllLines(doc);
  int year = DocumentYear(doc);
  ReadMemberLists(lines, year, gov);
  ReadSignatures(lines, year, gov);
  ReadOfficers(lines, year, gov);

  BoardComposition comp;
  bool have = false;
  for (const Paragraph& p : Paragraphs(lines)) {
    BoardComposition c;
    if (ParseComposition(p.text, &c)) {
      Provenance prov = ProvenanceOf(lines[p.first], p.text);
      if (c.members && !comp.members) {
        comp.members = c.members;
        comp.deputies = c.deputies;
        comp.prov = prov;
      }
      if (c.meetings && !comp.meetings) comp.meetings = c.meetings;
      if (c.fees_sek && !comp.fees_sek) comp.fees_sek = c.fees_sek;
      if (c.year && !comp.year) comp.year = c.year;
      if (!have && !c.members) comp.prov = prov;
      have = true;
    }
    // "en styrelse till vilken respektive medlem utsett varsin ledamot och
    // ersättare": one of each per member organisation.
    std::string f = Fold(p.text);
    if (member_count > 0 && !comp.members && f.find("styrelse") != std::string::npos &&
        RE2::PartialMatch(f, "(?:varsin|var sin|vardera en)\\s+ledamot\\s+(?:och|samt)\\s+(?:en\\s+)?ers\\S{1,3}ttare"_re)) {
      comp.members = member_count;
      comp.deputies = member_count;
      comp.prov = ProvenanceOf(lines[p.first], p.text);
      comp.prov.confidence *= 0.8;  // derived from the member count, not stated
      have = true;
    }
  }
  if (have) {
    if (!comp.year) comp.year = year;
    gov->composition.push_back(std::move(comp));
  }
}

}  // namespace finsam
