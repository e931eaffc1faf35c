#include "extractors/organisations.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "model/text_split.h"
#include "normalizers/regex.h"
#include "normalizers/text.h"

namespace finsam {
namespace {

bool EndsWithVowel(const std::string& word) {
  std::string f = Fold(word);
  if (f.empty()) return false;
  char c = f.back();
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

std::string CapitalizeFirst(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  // Lowercase Swedish initials (å ä ö) → upper.
  if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC3) {
    unsigned char d = s[1];
    if (d == 0xA5 || d == 0xA4 || d == 0xB6) s[1] = static_cast<char>(d - 0x20);
  }
  return s;
}

}  // namespace

Organisation NormalizeOrganisation(std::string_view text) {
  std::string s = CollapseSpaces(text);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';' || s.back() == ':')) s.pop_back();
  while (!s.empty() && (s[0] == '-' || s[0] == ' ')) s.erase(0, 1);
  if (s.empty()) return {};
  std::string f = Fold(s);
  bool fk = f.find("forsakringskassa") != std::string::npos;
  bool af = f.find("arbetsformedling") != std::string::npos;
  if (fk && af) return {"Försäkringskassan och Arbetsförmedlingen", "stat"};
  if (fk) return {"Försäkringskassan", "myndighet"};
  if (af) return {"Arbetsförmedlingen", "myndighet"};
  // "Staten", "Statlig medlemsavgift", "Statens bidrag": the state's part,
  // paid by the two agencies together.
  if (f.rfind("staten", 0) == 0 || RE2::PartialMatch(f, "^statlig(a|t)? (medlemsavgift|bidrag|medel|tilldelning)"_re))
    return {"Försäkringskassan och Arbetsförmedlingen", "stat"};
  if (f == "kommunerna" || f.find("lanets kommuner") != std::string::npos ||
      f.find("samtliga kommuner") != std::string::npos || f.find("lanets samtliga") != std::string::npos ||
      f == "kommuner" || RE2::PartialMatch(f, "\\bsamtliga\\s+\\S+\\s+kommuner\\b"_re))
    return {"Länets kommuner", "kommun"};
  // "<Name> kommun", "<Name>s Kommun", "Nordanstigs kommuns arbetsmarknadsenhet".
  re2::StringPiece m;
  if (RE2::PartialMatch(f, "(?:^|\\s)(kommuns?)(?:\\s|$|\\))"_re, &m) && f.rfind("kommun", 0) != 0) {
    size_t fpos = static_cast<size_t>(m.data() - f.data());
    FoldedText ft = FoldWithMap(s);
    std::string before = CollapseSpaces(ft.Original(s, 0, fpos));
    std::vector<std::string> words = SplitOn(before, ' ');
    if (!words.empty()) {
      std::string base = words.back();
      // "Region Gävleborg och Bollnäs kommun" → only the last name counts.
      if (base.size() > 1 && base.back() == ')') base.pop_back();
      if (!base.empty() && base[0] == '(') base.erase(0, 1);
      base = CapitalizeFirst(base);
      std::string fb = Fold(base);
      if (!fb.empty() && fb.back() != 's' && !EndsWithVowel(base)) base += "s";
      return {base + " kommun", "kommun"};
    }
  }
  if (f.rfind("region ", 0) == 0 || f.find(" region ") != std::string::npos) {
    size_t p = f.rfind("region ", 0) == 0 ? 0 : f.find(" region ") + 1;
    FoldedText ft = FoldWithMap(s);
    std::string rest = CollapseSpaces(ft.Original(s, p, f.size()));
    // Stop at a list separator: "Region Gävleborg och länets kommuner".
    for (const char* sep : {",", " och ", " samt ", " (", " -", " –"}) {
      size_t q = rest.find(sep);
      if (q != std::string::npos) rest = rest.substr(0, q);
    }
    if (rest.size() <= 7) return {s, ""};
    return {"Region" + rest.substr(6), "region"};
  }
  if (f.find("landsting") != std::string::npos) return {s, "region"};
  if (f.rfind("samordningsforbund", 0) == 0 || f.rfind("finsam ", 0) == 0) return {s, "förbund"};
  return {s, ""};
}

std::string OrganisationKey(std::string_view text) { return Fold(NormalizeOrganisation(text).name); }

bool LooksLikeOrganisation(std::string_view text) { return !NormalizeOrganisation(text).kind.empty(); }

std::vector<std::string> SplitOrganisationList(std::string_view text) {
  std::string s = CollapseSpaces(text);
  // Separators: commas, " och ", " samt ", slashes.
  std::vector<std::string> items;
  std::string cur;
  std::string f = Fold(s);
  size_t i = 0;
  auto flush = [&] {
    std::string c = CollapseSpaces(cur);
    if (!c.empty()) items.push_back(c);
    cur.clear();
  };
  while (i < s.size()) {
    if (s[i] == ',' || s[i] == '/' || s[i] == ';') {
      flush();
      ++i;
      continue;
    }
    bool sep = false;
    for (const char* w : {" och ", " samt "}) {
      size_t n = std::char_traits<char>::length(w);
      if (f.size() == s.size() && f.compare(i, n, w) == 0) {
        sep = true;
        flush();
        i += n - 1;
        break;
      }
      // f and s differ in length when s has multibyte letters; compare on s.
      if (f.size() != s.size() && s.compare(i, n, w) == 0) {
        sep = true;
        flush();
        i += n - 1;
        break;
      }
    }
    if (sep) continue;
    cur.push_back(s[i]);
    ++i;
  }
  flush();
  std::vector<std::string> out;
  for (const std::string& item : items) {
    if (item[0] == '-') continue;  // "- socialtjänsten": a unit of the previous partner
    Organisation o = NormalizeOrganisation(item);
    if (o.kind.empty()) continue;
    if (std::find(out.begin(), out.end(), o.name) == out.end()) out.push_back(o.name);
  }
  return out;
}

void SnapOrganisationSpellings(Governance* gov) {
  std::vector<std::string*> refs;
  for (BoardMember& m : gov->board) refs.push_back(&m.organisation);
  for (Intervention& v : gov->interventions) {
    refs.push_back(&v.lead_organisation);
    for (std::string& p : v.partners) refs.push_back(&p);
  }
  for (MemberContribution& m : gov->members)
    if (m.is_member) refs.push_back(&m.organisation);
  std::map<std::string, int> count;
  for (const std::string* r : refs)
    if (!r->empty()) ++count[*r];
  auto non_ascii = [](const std::string& s) {
    return std::count_if(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  };
  std::map<std::string, std::string> snap;
  for (const auto& [name, n] : count) {
    std::string fa = Fold(name);
    std::string kind = NormalizeOrganisation(name).kind;
    const std::string* best = nullptr;
    for (const auto& [other, m] : count) {
      if (other == name || NormalizeOrganisation(other).kind != kind) continue;
      std::string fb = Fold(other);
      int d = EditDistance(fa, fb);
      if (d > 2 || d * 6 > static_cast<int>(fa.size())) continue;
      bool better = m > n || (m == n && non_ascii(other) > non_ascii(name));
      if (better && (!best || m > count[*best])) best = &other;
    }
    if (best) snap[name] = *best;
  }
  for (std::string* r : refs) {
    auto it = snap.find(*r);
    if (it != snap.end()) *r = it->second;
  }
  for (BoardMember& m : gov->board) {
    if (!m.organisation.empty()) m.organisation_kind = NormalizeOrganisation(m.organisation).kind;
  }
  // Partners may now repeat.
  for (Intervention& v : gov->interventions) {
    std::vector<std::string> unique;
    for (const std::string& p : v.partners)
      if (std::find(unique.begin(), unique.end(), p) == unique.end()) unique.push_back(p);
    v.partners = unique;
  }
}

std::string NormalizeOrgnr(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits.push_back(c);
    else if (c != '-' && c != ' ') return "";
  }
  if (digits.size() == 12 && digits.compare(0, 2, "16") == 0) digits.erase(0, 2);
  if (digits.size() != 10 || digits[2] < '2') return "";
  int sum = 0;
  for (int i = 0; i < 9; ++i) {
    int d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  if ((10 - sum % 10) % 10 != digits[9] - '0') return "";
  return digits.substr(0, 6) + "-" + digits.substr(6);
}

std::string JoinDashedNames(std::string_view name) {
  std::string s(name);
  // Between two letters: spaces, one dash (- U+2013 U+2014), spaces.
  RE2::GlobalReplace(&s, "(\\pL)\\s*(?:-|\xE2\x80\x93|\xE2\x80\x94)\\s*(\\pL)"_re, "\\1-\\2");
  return s;
}

}  // namespace finsam
