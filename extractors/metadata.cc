#include "extractors/metadata.h"

#include <re2/re2.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "normalizers/text.h"
#include "normalizers/unicode.h"

namespace finsam {
namespace {

std::string FirstPagesText(const Document& doc, int max_lines) {
  std::string text;
  int n = 0;
  for (const Page& p : doc.pages) {
    for (const Line& l : p.lines) {
      if (n++ >= max_lines) return text;
      text += l.text;
      text += '\n';
    }
  }
  return text;
}

const char* const kMonths[] = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                               "juli",    "augusti",  "september", "oktober", "november", "december"};

}  // namespace

// Folds a name and replaces the förbund-prefix variants by one token, so
// aliases that differ only in "Samordningsförbund" vs "Samordningsförbundet
// i" match.
std::string ForbundRegistry::Key(const std::string& name) {
  std::string k = CollapseSpaces(FoldKey(name));
  static const RE2 kPrefix("^(samordningsforbundet i |samordningsforbundet |samordningsforbund |finsam )");
  RE2::Replace(&k, kPrefix, "sf ");
  return k;
}

ForbundRegistry ForbundRegistry::Parse(const std::string& tsv) {
  ForbundRegistry r;
  std::istringstream in(tsv);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::string f;
    std::istringstream ls(line);
    while (std::getline(ls, f, '\t'))
      if (!f.empty()) fields.push_back(f);
    if (fields.empty()) continue;
    r.canon_.push_back(fields[0]);
    for (const std::string& alias : fields) r.keys_.emplace_back(Key(alias), fields[0]);
  }
  // Longest keys first so "sf vastra ostergotland" wins over shorter ones.
  std::stable_sort(r.keys_.begin(), r.keys_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return r;
}

Result<ForbundRegistry> ForbundRegistry::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("förbund registry " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str());
}

std::string ForbundRegistry::Canonical(const std::string& printed) const {
  std::string k = Key(printed);
  for (const auto& [key, canon] : keys_)
    if (k == key) return canon;
  return "";
}

bool ParseKindAndYears(const std::string& text, std::string* kind, int* from, int* to) {
  static const RE2 kKind(
      "(?i)(årsredovisning|arsredovisning|delårsrapport|delarsrapport|verksamhetsberättelse|"
      "verksamhetsberattelse|verksamhetsplan|budget)");
  re2::StringPiece input(text);
  re2::StringPiece word;
  if (!RE2::PartialMatch(input, kKind, &word)) return false;
  std::string w = FoldKey(std::string(word));
  if (w == "arsredovisning") *kind = "årsredovisning";
  else if (w == "delarsrapport") *kind = "delårsrapport";
  else if (w == "verksamhetsberattelse") *kind = "verksamhetsberättelse";
  else if (w == "verksamhetsplan") *kind = "verksamhetsplan";
  else *kind = "budget";
  // Years within the next ~80 bytes: a range or a single year.
  size_t at = word.data() - text.data() + word.size();
  std::string rest = text.substr(at, 80);
  static const RE2 kRange("((?:19|20)\\d\\d)\\s*(?:-|–|—|till)\\s*((?:19|20)\\d\\d)");
  static const RE2 kYear("((?:19|20)\\d\\d)");
  int a = 0, b = 0;
  if (RE2::PartialMatch(rest, kRange, &a, &b) && b >= a && b - a < 10) {
    *from = a;
    *to = b;
  } else if (RE2::PartialMatch(rest, kYear, &a)) {
    *from = *to = a;
  }
  return true;
}

std::string ParseDecisionDate(const std::string& text) {
  std::string lower = FoldKey(text);
  static const RE2 kIso(
      "(?:beslutad|faststalld|antagen|godkand|faststalls|beslutades|faststalldes)[^.]{0,80}?"
      "((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)");
  static const RE2 kLong(
      "(?:beslutad|faststalld|antagen|godkand|faststalldes|beslutades)[^.]{0,80}?"
      "(\\d{1,2}) (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) "
      "((?:19|20)\\d\\d)");
  std::string y, m, d;
  if (RE2::PartialMatch(lower, kIso, &y, &m, &d)) return y + "-" + m + "-" + d;
  std::string month;
  if (RE2::PartialMatch(lower, kLong, &d, &month, &y)) {
    int mi = 0;
    for (int i = 0; i < 12; ++i)
      if (month == kMonths[i]) mi = i + 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s-%02d-%02d", y.c_str(), mi, std::stoi(d));
    return buf;
  }
  return "";
}

void ExtractMetadata(const ForbundRegistry& registry, Document& doc) {
  DocumentMeta& meta = doc.meta;
  std::string head = FirstPagesText(doc, 150);
  std::string flat = CollapseSpaces(head);

  // Förbund: every "Samordningsförbund…" mention, with up to 4 following words.
  static const RE2 kMention(
      "(?i)((?:samordningsf(?:ö|o|é|6|o)rbund(?:et)?|finsam)(?: i)?(?: [^ ,.;:()]+){1,4})");
  re2::StringPiece in(flat);
  std::string mention;
  std::string unknown;
  while (RE2::FindAndConsume(&in, kMention, &mention)) {
    // Try the longest prefix of the mention that is in the registry.
    std::vector<std::string> words;
    std::istringstream ws(mention);
    for (std::string w; ws >> w;) words.push_back(w);
    for (size_t n = words.size(); n >= 2 && meta.forbund.empty(); --n) {
      std::string cand;
      for (size_t i = 0; i < n; ++i) cand += (i ? " " : "") + words[i];
      meta.forbund = registry.Canonical(cand);
    }
    if (!meta.forbund.empty()) break;
    if (unknown.empty() && words.size() >= 2) {
      size_t i = 1;
      if (FoldKey(words[1]) == "i" && words.size() >= 3) i = 2;
      std::string name = words[i];
      if (!name.empty() && std::isupper(static_cast<unsigned char>(name[0]))) unknown = "Samordningsförbundet " + name;
    }
  }
  if (meta.forbund.empty()) meta.forbund = unknown;

  int from = 0, to = 0;
  std::string kind;
  if (ParseKindAndYears(flat, &kind, &from, &to)) {
    meta.kind = kind;
    meta.year_from = from;
    meta.year_to = to;
  }
  // Title: the first line that names the kind (with the next line when the
  // years are printed below it).
  static const RE2 kTitleWord(
      "(?i)(årsredovisning|arsredovisning|delårsrapport|verksamhetsberättelse|verksamhetsplan|budget)");
  for (const Page& p : doc.pages) {
    for (size_t i = 0; i < p.lines.size() && meta.title.empty(); ++i) {
      if (!RE2::PartialMatch(p.lines[i].text, kTitleWord)) continue;
      std::string t = CollapseSpaces(p.lines[i].text);
      static const RE2 kHasYear("(19|20)\\d\\d");
      for (size_t j = i + 1; j < p.lines.size() && j <= i + 3 && !RE2::PartialMatch(t, kHasYear); ++j) {
        if (p.lines[j].words.empty()) continue;
        t += " " + CollapseSpaces(p.lines[j].text);
      }
      // A title line that runs on into a sentence ends after its years:
      // "Verksamhetsplan och budget 2020 - 2022, är fastställd ..." .
      static const RE2 kTitleEnd("^(.*?(?:19|20)\\d\\d(?:\\s*[-–—]\\s*(?:19|20)\\d\\d)?)[,.;:]\\s+\\S");
      std::string head_part;
      if (RE2::PartialMatch(t, kTitleEnd, &head_part)) t = head_part;
      if (t.size() > 160) t = t.substr(0, 160);
      meta.title = t;
    }
    if (!meta.title.empty() || p.number >= 2) break;
  }
  meta.decided_on = ParseDecisionDate(flat);
}

}  // namespace finsam
