#include "extractors/metadata.h"

#include <re2/re2.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "extractors/organisations.h"
#include "model/data_dir.h"
#include "normalizers/regex.h"
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
  std::string k = CollapseSpaces(FoldKey(JoinDashedNames(name)));
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

std::string ForbundRegistry::Nearest(const std::string& printed, int* edits) const {
  const std::string k = Key(printed);
  if (k.size() < 10) return "";
  const int limit = k.size() >= 16 ? 2 : 1;
  int best = limit + 1;
  std::string canon;
  bool tie = false;
  for (const auto& [key, c] : keys_) {
    if (key.size() + limit < k.size() || k.size() + limit < key.size()) continue;
    int d = EditDistance(k, key);
    if (d < best) {
      best = d;
      canon = c;
      tie = false;
    } else if (d == best && c != canon) {
      tie = true;
    }
  }
  if (best > limit || best == 0 || tie) return "";
  *edits = best;
  return canon;
}

bool ParseKindAndYears(const std::string& text, std::string* kind, int* from, int* to) {
  static const RE2 kKind(
      "(?i)(årsredovisning|arsredovisning|delårsrapport|delarsrapport|verksamhetsberättelse|"
      "verksamhetsberattelse|verksamhetsplan|budget|revisionsberättelse|revisionsberattelse|årsredogörelse|"
      "arsredogorelse|rsredovisning|årsbokslut|arsbokslut|delårsbokslut|delarsbokslut|delårsredovisning|"
      "delarsredovisning|tertialrapport|tertialuppföljning|tertialuppfoljning)(?:en|et)?(?:[^\\pL]|$)");
  // (rsredovisning: a text layer that lost its Å.)
  // The kind is a word of its own (or its definite form), not the first
  // part of a compound: "inför budgetbeslut" names no budget.
  re2::StringPiece input(text);
  re2::StringPiece word;
  if (!RE2::PartialMatch(input, kKind, &word)) return false;
  std::string w = FoldKey(std::string(word));
  if (w == "arsredovisning" || w == "rsredovisning") *kind = "årsredovisning";
  else if (w == "delarsrapport") *kind = "delårsrapport";
  else if (w == "verksamhetsberattelse") *kind = "verksamhetsberättelse";
  else if (w == "verksamhetsplan") *kind = "verksamhetsplan";
  else if (w == "revisionsberattelse") *kind = "revisionsberättelse";
  // A nämnd's årsredogörelse is its annual report: the same statements and
  // the same place in compare's precedence and the year-to-year checks.
  else if (w == "arsredogorelse") *kind = "årsredovisning";
  // A small body's årsbokslut is its annual accounts; an interim's
  // accounts, or a report per tertial, its interim report.
  else if (w == "arsbokslut") *kind = "årsredovisning";
  else if (w == "delarsbokslut" || w == "delarsredovisning" || w == "tertialrapport" || w == "tertialuppfoljning")
    *kind = "delårsrapport";
  else *kind = "budget";
  // "Verksamhetsberättelse och årsredovisning 2025": one document that
  // holds the annual accounts, which the kind names.
  if (*kind == "verksamhetsberättelse") {
    const std::string after = FoldKey(text.substr(word.data() - text.data() + word.size(), 40));
    if (RE2::PartialMatch(after, "^\\s*(och|samt|med|&)\\s+a?rsredovisning"_re)) *kind = "årsredovisning";
  }
  // Years within the next ~80 bytes: a range, a single year, or a year
  // followed by its plan period ("Budget 2021 med plan för 2022-2023",
  // "budget 2021 och plan 2022–2023" → 2021..2023).
  size_t at = word.data() - text.data() + word.size();
  std::string rest = text.substr(at, 80);
  static const RE2 kFirst("^\\D{0,40}?((?:19|20)\\d\\d)");
  static const RE2 kRangeTail("^\\s*(?:-|–|—|till)\\s*((?:19|20)\\d\\d)");
  // The plan years may be a range or a list ("plan för 2020 och 2021",
  // "plan 2022, 2023 och 2024", "flerårsplan 2028–2029", "ekonomisk inriktning
  // 2028–2029", "ekonomisk planering 2028–2029"): the last year
  // ends the period.
  static const RE2 kPlanTail(
      "(?i)^[^.\\n]{0,20}?\\b(?:flerårs|flerars|ekonomisk )?(?:plan(?:en|perioden|period|ering)?|inriktning)"
      "(?: för)?(?: åren)?\\s+((?:19|20)\\d\\d)"
      "(?:\\s*(?:-|–|—|till|och|,)\\s*((?:19|20)\\d\\d))*");
  static const RE2 kRange("((?:19|20)\\d\\d)\\s*(?:-|–|—|till)\\s*((?:19|20)\\d\\d)");
  static const RE2 kYear("((?:19|20)\\d\\d)");
  int a = 0, b = 0;
  if (RE2::PartialMatch(rest, kRange, &a, &b) && b >= a && b - a < 10) {
    *from = a;
    *to = b;
  } else if (RE2::PartialMatch(rest, kYear, &a)) {
    *from = *to = a;
  }
  re2::StringPiece year_sp;
  if (RE2::PartialMatch(rest, kFirst, &year_sp)) {
    const int first = std::stoi(std::string(year_sp));
    std::string after = rest.substr(year_sp.data() - rest.data() + year_sp.size());
    std::string p1, p2;
    if (!RE2::PartialMatch(after, kRangeTail, &b) && RE2::PartialMatch(after, kPlanTail, &p1, &p2)) {
      const int last = std::stoi(p2.empty() ? p1 : p2);
      if (last > first && last - first < 10) {
        *from = first;
        *to = last;
      }
    }
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

namespace {

// The first lines of the document (title page): up to `max_lines` non-empty
// lines from the first pages; a nearly empty first page (a cover picture)
// lets the second page's lines in.
std::vector<std::string> TitleLines(const Document& doc, size_t max_lines) {
  std::vector<std::string> out;
  for (const Page& p : doc.pages) {
    for (const Line& l : p.lines) {
      std::string t = CollapseSpaces(l.text);
      if (t.empty()) continue;
      out.push_back(std::move(t));
      if (out.size() >= max_lines) return out;
    }
    if (p.number >= 2 || out.size() >= 6) break;
  }
  return out;
}

bool IsUpperWord(const std::string& w) { return ToUpper(w) == w && ToLower(w) != w; }

bool StartsUpper(const std::string& w) {
  if (w.empty()) return false;
  std::string first = w.substr(0, (static_cast<unsigned char>(w[0]) >= 0xC0) ? 2 : 1);
  return ToUpper(first) == first && ToLower(first) != first;
}

// "JÄMTLANDS" → "Jämtlands"; connectives lower-case.
std::string TitleCaseWord(const std::string& w) {
  std::string lower = ToLower(w);
  if (lower == "i" || lower == "och" || lower == "län" || lower == "stad" || lower == "kommun") return lower;
  // Each part of a two-municipality name: "ÅSELE-DOROTEA" → "Åsele-Dorotea".
  std::string out;
  bool start = true;
  for (size_t i = 0; i < lower.size();) {
    size_t n = (static_cast<unsigned char>(lower[i]) >= 0xC0) ? 2 : 1;
    std::string ch = lower.substr(i, n);
    out += start ? ToUpper(ch) : ch;
    start = ch == "-";
    i += n;
  }
  return out;
}

// Words that end a name: document kinds, dates, sentence words.
bool EndsName(const std::string& word) {
  static const RE2 kStop(
      "(?i)^(arsredovisning|årsredovisning|verksamhetsplan|verksamhetsberättelse|budget|delårsrapport|"
      "årsredogörelse|revisionsberättelse|org\\.?|organisationsnummer|med|får|har|är|ska|som|för|"
      "beslutad|fastställd|"
      // the words that open the next line of a title page or a caption
      // ("Samordningsförbundet Provdalen" / "Tabell 2. …")
      "tabell|bilaga|innehåll|innehållsförteckning|inledning|sammanfattning|förord|sida|diagram|figur|"
      // or a section heading ("Samordningsförbundet Norra Älvsborg" /
      // "Förbundets uppdrag")
      "f[öo]rbundet|f[öo]rbundets|om|uppdrag|bakgrund|verksamhet|verksamheten|ekonomi|m[åa]l|syfte|vision)$");
  return RE2::FullMatch(word, kStop) || HasDigit(word);
}

// Name words after a prefix: capitalised words and the connectives "i",
// "och", "län" (at most `max_words`), trailing connectives dropped.
std::string NameWords(const std::vector<std::string>& words, size_t from, size_t max_words) {
  std::vector<std::string> name;
  for (size_t i = from; i < words.size() && name.size() < max_words; ++i) {
    std::string w = words[i];
    while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ':' || w.back() == ';')) w.pop_back();
    if (w.empty() || EndsName(w)) break;
    // "Gävleborg-Verksamhetsplan": a dash joined the name to the title,
    // after a dashed name too ("Ödeshög-Boxholm-Årsredovisning", a running
    // header's " - " joined, w47).
    bool titled = false;
    for (size_t dash = w.find('-'); dash != std::string::npos && dash > 0; dash = w.find('-', dash + 1)) {
      std::string rest = w.substr(dash + 1);
      if (const size_t next = rest.find('-'); next != std::string::npos) rest = rest.substr(0, next);
      if (!EndsName(rest)) continue;
      name.push_back(w.substr(0, dash));
      titled = true;
      break;
    }
    if (titled) break;
    std::string f = FoldKey(w);
    bool connective = f == "i" || f == "och" || f == "lan" || f == "stad";
    if (!connective && !StartsUpper(w)) break;
    name.push_back(w);
    if (w.size() != words[i].size()) break;  // punctuation ended the name
  }
  while (!name.empty()) {
    std::string f = FoldKey(name.back());
    if (f != "i" && f != "och") break;
    name.pop_back();
  }
  bool all_upper = !name.empty();
  for (const std::string& w : name) all_upper = all_upper && (IsUpperWord(w) || w.size() <= 2);
  std::string out;
  for (const std::string& w : name) out += (out.empty() ? "" : " ") + (all_upper ? TitleCaseWord(w) : w);
  return out;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream ws(s);
  for (std::string w; ws >> w;) out.push_back(w);
  return out;
}

struct OrgGuess {
  OrgGuess() = default;
  // Brace-initialised with two to four fields; a constructor rather than
  // an aggregate so that clang's -Wmissing-field-initializers is quiet.
  OrgGuess(std::string n, std::string k, int e = 0, std::string p = {})
      : name(std::move(n)), kind(std::move(k)), edits(e), printed(std::move(p)) {}
  std::string name, kind;
  int edits = 0;  // > 0: the registry name nearest a damaged printed name
  std::string printed;  // the printed mention when edits > 0
};

// A samordningsförbund named in `text`: the registry's canonical name, or
// "Samordningsförbundet <Name words>" as printed.
// Calls `try_name` with each förbund mention in `text`, longest prefix of
// its words first ("Samordningsförbundet Gävleborg styrelse", then
// "Samordningsförbundet Gävleborg"), until it returns true.
template <typename TryName>
bool EachMentionPrefix(const RE2& mention_re, const std::string& text, TryName try_name) {
  re2::StringPiece in(text);
  std::string mention;
  while (RE2::FindAndConsume(&in, mention_re, &mention)) {
    std::vector<std::string> words = Words(mention);
    for (size_t n = words.size(); n >= 2; --n) {
      std::string cand;
      for (size_t i = 0; i < n; ++i) cand += (i ? " " : "") + words[i];
      if (try_name(cand)) return true;
    }
  }
  return false;
}

// The folded names of Sweden's kommuner (data/gazetteer.tsv, kind
// "kommun"); empty when the file is missing. Loaded once, never freed.
const std::set<std::string>& KommunKeys() {
  static const std::set<std::string>* keys = [] {
    auto* k = new std::set<std::string>;
    std::ifstream in(DataDir() + "/gazetteer.tsv");
    for (std::string line; std::getline(in, line);)
      if (line.rfind("kommun\t", 0) == 0) k->insert(FoldKey(line.substr(7)));
    return k;
  }();
  return *keys;
}

// A förbund of two or three kommuner named with the dashes lost ("Ljusdal
// Hudiksvall" in a running header OCR read): every word a kommun's name.
// Joined as the dashed form reads ("Ljusdal-Hudiksvall", JoinDashedNames);
// any other name unchanged.
std::string JoinKommunNames(const std::string& name) {
  std::vector<std::string> words = Words(name);
  if (words.size() < 2 || words.size() > 3) return name;
  for (const std::string& w : words)
    if (!KommunKeys().contains(FoldKey(w))) return name;
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : "-") + w;
  return out;
}

// `text` with each word (split at spaces and line breaks, which stay)
// replaced by `rewrite(word)`.
template <typename Rewrite>
std::string RewriteWords(const std::string& text, Rewrite rewrite) {
  std::string out, word;
  for (char c : text) {
    if (c == ' ' || c == '\n') {
      out += rewrite(word);
      word.clear();
      out.push_back(c);
    } else {
      word.push_back(c);
    }
  }
  return out + rewrite(word);
}

// `text` with each word OCR damaged from "Samordningsförbundet" (16 to 26
// bytes, no run of digits, at most four edits from it folded) written as
// the word.
std::string MendedForbundPrefix(const std::string& text) {
  static const std::string kWord = "samordningsforbundet";
  return RewriteWords(text, [](const std::string& word) -> std::string {
    if (word.size() >= 16 && word.size() <= 26 && !RE2::PartialMatch(word, "\\d{2}"_re) &&
        EditDistance(FoldKey(word), kWord) <= 4)
      return "Samordningsförbundet";
    return word;
  });
}

// `text` with each word that is "Samordningsförbund(et)" but for its
// diacritics, as OCR may set them (w44's scan: "Sämordningsförbundet"),
// written as the word: the prefix is whole, only its marks are off.
std::string WithPlainForbundPrefix(const std::string& text) {
  return RewriteWords(text, [](const std::string& word) -> std::string {
    const std::string f = FoldKey(word);
    if (word.size() >= 18 && word.size() <= 24 && (f == "samordningsforbundet" || f == "samordningsforbund") &&
        word.find("Samordningsf") != 0 && word.find("samordningsf") != 0)
      return f == "samordningsforbund" ? "Samordningsförbund" : "Samordningsförbundet";
    return word;
  });
}

OrgGuess ForbundIn(const ForbundRegistry& registry, const std::string& printed_text, bool* from_registry,
                   const std::string& printed_lines = "") {
  const std::string text = WithPlainForbundPrefix(printed_text);
  const std::string lines = WithPlainForbundPrefix(printed_lines);
  static const RE2 kMention(
      "(?i)((?:samordningsf(?:ö|o|é|6)rbund(?:et)?|finsam)(?: i)?(?: [^ ,.;:()]+){1,4})");
  // Registry names as printed first; then, for a name the registry does
  // not know, with "Åsele – Dorotea" joined to "Åsele-Dorotea".
  const std::string joined = JoinDashedNames(text);
  OrgGuess found;
  for (const std::string* t : {&text, &joined}) {
    if (EachMentionPrefix(kMention, *t, [&](const std::string& cand) {
          found = {registry.Canonical(cand), "samordningsförbund"};
          return !found.name.empty();
        })) {
      *from_registry = true;
      return found;
    }
  }
  // A mention that misses one registry name by OCR damage ("Gavlieborg" for
  // "Gävleborg"): that förbund, the distance and the printed text kept as
  // evidence (a document warning says so).
  if (EachMentionPrefix(kMention, joined, [&](const std::string& cand) {
        int edits = 0;
        found = {registry.Nearest(cand, &edits), "samordningsförbund", edits, cand};
        return !found.name.empty();
      })) {
    *from_registry = true;
    return found;
  }
  // The prefix itself damaged by OCR ("Samordmngstorbundet Skellefteå": a
  // thin font read from a 1-bit scan): a word within four edits of
  // "samordningsförbundet" before a name the registry holds exactly. (Not
  // before a name it does not know: a damaged prefix and an unknown name
  // together say too little.)
  const std::string mended = MendedForbundPrefix(joined);
  if (mended != joined && EachMentionPrefix(kMention, mended, [&](const std::string& cand) {
        found = {registry.Canonical(cand), "samordningsförbund"};
        return !found.name.empty();
      })) {
    *from_registry = true;
    return found;
  }
  // No registry name anywhere (the loop above tried every mention of both
  // texts): the first mention that names a förbund, as printed. Where the
  // text's lines are given, a line that prints the prefix and a name
  // speaks first: the line after it is another's ("Samordningsförbundet
  // Sundsvall" over "Perioden 1 januari …", "Samordningsförbundet Norra
  // Lappland" over "Kiruna, Gällivare och Pajala"). A prefix alone on its
  // line takes its name from the next.
  std::istringstream by_line(lines);
  for (std::string line; std::getline(by_line, line);) {
    // The name before the word, in the genitive, on a line of its own
    // ("Finnvedens samordningsförbund", as a title page prints it) or
    // opening a running header ("Finnvedens samordningsförbund –
    // Årsredovisning 2025"): the registry's förbund when it knows the
    // place, else the name as printed (not "Samordningsförbundet
    // Finnvedens").
    std::string genitive;
    static const RE2 kGenitiveName(
        "\\s*((?:\\p{Lu}[\\pL-]* ){0,2}\\p{Lu}[\\pL-]*s) [Ss]amordningsf(?:ö|o|é|6)rbund"
        "(?:\\s*[-–—·|,].*)?\\s*");
    if (RE2::FullMatch(line, kGenitiveName, &genitive)) {
      const std::string place = genitive.substr(0, genitive.size() - 1);
      for (const std::string& cand : {"Samordningsförbundet " + place, "Samordningsförbundet " + genitive}) {
        std::string canon = registry.Canonical(cand);
        if (!canon.empty()) {
          *from_registry = true;
          return {canon, "samordningsförbund"};
        }
      }
      return {genitive + " samordningsförbund", "samordningsförbund"};
    }
    re2::StringPiece lin(line);
    std::string m;
    if (!RE2::FindAndConsume(&lin, kMention, &m)) continue;
    const std::vector<std::string> words = Words(m);
    const bool with_i = words.size() >= 3 && FoldKey(words[1]) == "i";
    const std::string name = JoinKommunNames(NameWords(words, with_i ? 2 : 1, 4));
    if (!name.empty()) return {std::string("Samordningsförbundet ") + (with_i ? "i " : "") + name, "samordningsförbund"};
  }
  re2::StringPiece in(joined);
  std::string mention;
  OrgGuess unknown;
  while (RE2::FindAndConsume(&in, kMention, &mention)) {
    std::vector<std::string> words = Words(mention);
    if (unknown.name.empty() && words.size() >= 2) {
      // The printed form is kept, "i" included ("Samordningsförbundet i
      // Övre Provdalen"); the registry key ignores that difference.
      const bool with_i = FoldKey(words[1]) == "i" && words.size() >= 3;
      std::string name = JoinKommunNames(NameWords(words, with_i ? 2 : 1, 4));
      if (!name.empty()) unknown = {std::string("Samordningsförbundet ") + (with_i ? "i " : "") + name, "samordningsförbund"};
    }
  }
  return unknown;
}

// Trims what follows a name on a title line or in a PDF title: an
// organisationsnummer, "1 (14)", " - Årsredovisning 2023", ", ...".
std::string TrimNameTail(std::string s) {
  static const RE2 kTail(
      "(?i)(\\s*,.*|\\s+[-–—]\\s+.*|\\s+(?:org\\.?\\s*nr|organisationsnummer).*|\\s+\\d{6}-\\d{4}.*|\\s+\\d+\\s*\\(\\d+\\).*|"
      "\\s+(?:med säte|får|har|avger|upprättar)\\b.*|\\s+(?:års|årsredovisning|årsredovisningen)\\b.*)$");
  RE2::Replace(&s, kTail, "");
  return CollapseSpaces(s);
}

// A bostadsrättsförening: "Brf X", "BRF X", "Bostadsrättsföreningen X",
// "HSB Brf X", "HSB bostadsrättsförening X" → "[HSB ]Brf X". Text layers
// with a broken font map print "Bostadsr"ttsf!reningen": any one or two
// bytes stand for å/ä/ö.
OrgGuess BrfIn(const std::string& line, const std::string& next_line) {
  static const RE2 kBrf(
      "(?i)^(?:\\S{1,2}\\s+)?((?:hsb|riksbyggen|riksbyggens|sbc)\\s+)?(?:brf|bostadsr.{1,2}ttsf.{1,2}rening(?:en)?)"
      "(?:\\s+(.*))?$");
  std::string prefix, rest;
  if (!RE2::FullMatch(line, kBrf, &prefix, &rest)) return {};
  if (rest.empty()) rest = next_line;  // "Bostadsrättsföreningen" / "Gotska Sandön 1"
  rest = TrimNameTail(rest);
  if (rest.empty() || !StartsUpper(rest) || Words(rest).size() > 6) return {};
  std::string p = CollapseSpaces(prefix);
  if (!p.empty()) p = ToUpper(p) + " ";
  return {p + "Brf " + JoinDashedNames(rest), "brf"};
}

// A municipality named in `text`: "Göteborgs Stad", "Göteborgs Stads
// verksamheter" → "Göteborgs Stad"; "Hofors kommun" → "Hofors kommun".
OrgGuess KommunIn(const std::string& text) {
  std::string name;
  if (RE2::PartialMatch(text, "(?:^|[^\\pL])(\\p{Lu}\\pL+s) [Ss]tads?(?:[^\\pL]|$)"_re, &name))
    return {name + " Stad", "kommun"};
  if (RE2::PartialMatch(text, "(?:^|[^\\pL])(\\p{Lu}\\pL+ kommuns?)(?:[^\\pL]|$)"_re, &name)) {
    Organisation o = NormalizeOrganisation(name);
    if (o.kind == "kommun") return {o.name, "kommun"};
  }
  return {};
}

// A region: "Region Gävleborg", "Västra Götalandsregionen".
OrgGuess RegionIn(const std::string& text) {
  std::string a, b;
  if (RE2::PartialMatch(text, "(?:^|[^\\pL])Region (\\p{Lu}\\pL+(?: \\p{Lu}\\pL+)?)"_re, &a))
    return {"Region " + a, "region"};
  if (RE2::PartialMatch(text, "(?:^|[^\\pL])((?:\\p{Lu}\\pL+ )?\\p{Lu}\\pL+regionen)(?:[^\\pL]|$)"_re, &b))
    return {b, "region"};
  return {};
}

// A nämnd or förvaltning heading its own document: "Stadsrevisionen",
// "Stadsrevisionens årsredogörelse", "Socialnämnden", "Utbildningsförvaltningen",
// "Revisionskontoret" — not the board of the organisation itself
// ("Styrelsen"), not the council ("Kommunfullmäktige"), not an addressee
// ("Missiv till kommunstyrelsen").
OrgGuess NamndIn(const std::string& line) {
  std::string word;
  if (!RE2::PartialMatch(line,
                         "(?:^|[^\\pL])(\\p{Lu}\\pL{2,}(?:nämnden|nämnd|förvaltningen|revisionen|kontoret))s?"
                         "(?:[^\\pL]|$)"_re,
                         &word))
    return {};
  std::string folded = FoldKey(line);
  std::string fw = FoldKey(word);
  size_t at = folded.find(fw);
  if (at != std::string::npos && RE2::PartialMatch(folded.substr(0, at), "\\btill\\s*$"_re)) return {};
  return {word, "nämnd"};
}

// The organisationsnummer the document prints most often; one printed
// after "Org.nr"/"organisationsnummer" counts three times. `line_of` gets
// the first line that prints it.
std::string FindOrgnr(const Document& doc, std::string* line_of) {
  std::map<std::string, int> score;
  std::map<std::string, std::string> first_line;
  std::vector<std::string> order;
  for (const Page& p : doc.pages) {
    for (const Line& l : p.lines) {
      re2::StringPiece in(l.text);
      std::string pre, num;
      while (RE2::FindAndConsume(&in, "(?i)((?:org\\.?\\s*nr\\.?|organisationsnummer|orgnr)?:?\\s*)(?:^|[^\\d-])?(\\d{6}-\\d{4})(?:[^\\d-]|$)"_re, &pre, &num)) {
        std::string n = NormalizeOrgnr(num);
        if (n.empty()) continue;
        if (!score.count(n)) {
          order.push_back(n);
          first_line[n] = CollapseSpaces(l.text);
        }
        score[n] += CollapseSpaces(pre).empty() ? 1 : 3;
      }
    }
  }
  std::string best;
  for (const std::string& n : order)
    if (best.empty() || score[n] > score[best]) best = n;
  if (!best.empty() && line_of) *line_of = first_line[best];
  return best;
}

std::string StripOrgnrLabel(std::string s) {
  RE2::GlobalReplace(&s, "(?i)(?:org\\.?\\s*nr\\.?|organisationsnummer|orgnr)?:?\\s*\\d{6}-\\d{4}"_re, "");
  return TrimNameTail(CollapseSpaces(s));
}

}  // namespace

// The förbund's name as the document prints it most often, where OCR read
// the title page: a word of the name OCR misread there ("Samordningsförbundet
// Trelteborg" under the heading, w41's scan) stands beside the same word
// printed right in the running header, the text and the tables
// ("Trelleborg" three times). Each word after the first is replaced by a
// variant two edits or fewer from it (same first letter, no genitive s
// added) that the document's words print more often, at least twice.
std::string NameAsMostPrinted(const Document& doc, const std::string& name) {
  std::map<std::string, int> count;
  for (const Page& p : doc.pages)
    for (const Line& l : p.lines)
      for (const Word& w : l.words) {
        std::string t = w.text;
        RE2::GlobalReplace(&t, "^[^\\pL]+|[^\\pL]+$"_re, "");
        if (!t.empty()) ++count[t];
      }
  std::vector<std::string> words = Words(name);
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word.size() < 5) continue;
    std::string best = word;
    int best_n = count.count(word) ? count[word] : 0;
    for (const auto& [variant, n] : count) {
      if (variant == word || variant == word + "s" || variant + "s" == word || variant[0] != word[0] ||
          variant.size() + 1 < word.size() || variant.size() > word.size() + 1 || n < 2 || n <= best_n)
        continue;
      if (EditDistance(FoldKey(variant), FoldKey(word)) > 2) continue;
      best = variant;
      best_n = n;
    }
    words[i] = best;
  }
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

void DetectOrganisation(const ForbundRegistry& registry, Document& doc) {
  DocumentMeta& meta = doc.meta;
  std::string orgnr_line;
  meta.orgnr = FindOrgnr(doc, &orgnr_line);
  const std::vector<std::string> title = TitleLines(doc, 25);
  std::string title_flat;
  for (const std::string& l : title) title_flat += l + "\n";
  const std::string head = CollapseSpaces(FirstPagesText(doc, 150));
  const std::string info = doc.pdf_title + "\n" + doc.pdf_author + "\n" + doc.pdf_subject;
  auto set = [&](const OrgGuess& g, const char* source) {
    meta.forbund = g.name;
    meta.org_kind = g.kind;
    meta.org_source = source;
    if (g.edits > 0) {
      meta.org_source += "-nearest";
      doc.warnings.push_back("organisation printed as '" + g.printed + "' read as the registry's '" + g.name + "' (" +
                             std::to_string(g.edits) + (g.edits == 1 ? " edit" : " edits") + ")");
    }
  };
  // 1. The title page, most specific kind first: a förbund (registry or as
  // printed), a bostadsrättsförening, a nämnd, a region, a kommun.
  bool reg = false;
  OrgGuess g = ForbundIn(registry, CollapseSpaces(title_flat), &reg, JoinDashedNames(title_flat));
  if (!g.name.empty() && !reg && !doc.pages.empty() && doc.pages[0].decision == PageDecision::kOcr)
    g.name = NameAsMostPrinted(doc, g.name);
  if (!g.name.empty()) return set(g, reg ? "registry" : "title");
  for (size_t i = 0; i < title.size(); ++i) {
    g = BrfIn(title[i], i + 1 < title.size() ? title[i + 1] : "");
    if (!g.name.empty()) return set(g, "title");
  }
  // PDF information: "Brf ND Studios, 769617-1029 - Årsredovisning 2023",
  // "Stadsrevisionen i Göteborgs Stad".
  for (const std::string& field : {doc.pdf_title, doc.pdf_author, doc.pdf_subject}) {
    g = BrfIn(TrimNameTail(field), "");
    if (!g.name.empty()) return set(g, "pdf-info");
  }
  g = ForbundIn(registry, CollapseSpaces(info), &reg);
  if (!g.name.empty()) return set(g, "pdf-info");
  // A nämnd: in the PDF's author ("Stadsrevisionen i Göteborgs Stad") or on
  // the first lines, qualified by the municipality named nearby.
  for (const std::string& field : {doc.pdf_author, doc.pdf_title}) {
    std::string n, k;
    if (RE2::FullMatch(CollapseSpaces(field), "(\\p{Lu}\\pL+(?:nämnden|förvaltningen|revisionen|kontoret)) i (.+)"_re, &n, &k) &&
        !KommunIn(k).name.empty())
      return set({n + " i " + KommunIn(k).name, "nämnd"}, "pdf-info");
  }
  for (size_t i = 0; i < title.size() && i < 12; ++i) {
    g = NamndIn(title[i]);
    if (g.name.empty()) continue;
    OrgGuess k = KommunIn(info);
    if (k.name.empty()) k = KommunIn(title_flat);
    if (k.name.empty()) k = KommunIn(head);
    if (k.name.empty()) k = RegionIn(head);
    if (!k.name.empty()) g.name += " i " + k.name;
    return set(g, "title");
  }
  // "Styrelsen för Brf Husarhagen, med säte i ..." in the text.
  {
    std::string who;
    if (RE2::PartialMatch(head, "Styrelsen för ((?:HSB |Riksbyggens |)(?:Brf|BRF|[Bb]ostadsrättsförening(?:en)?) [^,]+?)(?:,| med säte| får| avger| org)"_re, &who)) {
      g = BrfIn(who, "");
      if (!g.name.empty()) return set(g, "text");
    }
  }
  // A region or kommun on a heading-like line (a short one: prose on the
  // first page of a förbund plan names its members, "Region Gävleborg
  // samt länets tio kommuner").
  for (size_t i = 0; i < title.size(); ++i) {
    // A heading may wrap: "Revisionsberättelse avseende Göteborgs" /
    // "Stads verksamheter under 2023".
    for (const std::string& l : {title[i], i + 1 < title.size() ? title[i] + " " + title[i + 1] : title[i]}) {
      if (Words(l).size() > 8) continue;
      // (A table's row is no heading: "Region Värmland 2 550 2 550 2 550",
      // w44's scan, where the förbund's own name was misread. Figures other
      // than years say so.)
      std::string no_years = l;
      RE2::GlobalReplace(&no_years, "\\b(19|20)\\d\\d\\b"_re, "");
      if (RE2::PartialMatch(no_years, "\\d"_re)) continue;
      g = RegionIn(l);
      if (g.name.empty()) g = KommunIn(l);
      if (!g.name.empty()) return set(g, "title");
    }
  }
  g = KommunIn(doc.pdf_title);
  if (!g.name.empty()) return set(g, "pdf-info");
  // A förbund named further into the text (a plan without a title page).
  g = ForbundIn(registry, head, &reg);
  if (!g.name.empty()) return set(g, reg ? "registry" : "text");
  // The line that prints the organisationsnummer names the organisation:
  // "Brf ND Studios, 769617-1029", "Exempel AB org.nr 556000-0000".
  if (!orgnr_line.empty()) {
    std::string name = StripOrgnrLabel(orgnr_line);
    g = BrfIn(name, "");
    if (!g.name.empty()) return set(g, "text");
    for (const OrgGuess& k : {KommunIn(name), RegionIn(name)})
      if (!k.name.empty() && FoldKey(k.name) == FoldKey(name)) return set(k, "text");
    if (!name.empty() && StartsUpper(name) && Words(name).size() <= 6) return set({name, "other"}, "text");
  }
}

std::string ParsePrintedPageLabel(const std::string& line) {
  std::string s = CollapseSpaces(line);
  std::string n, m;
  if (RE2::FullMatch(s, "(?i)(?:sid|sida|s\\.)\\s*(\\d{1,4})(?:\\s*(?:av|\\(|/)\\s*\\d{1,4}\\)?)?"_re, &n)) return n;
  if (RE2::FullMatch(s, "(\\d{1,4})\\s*\\((\\d{1,4})\\)"_re, &n, &m) && std::stoi(n) <= std::stoi(m)) return n;
  if (RE2::FullMatch(s, "(?i)(\\d{1,4})\\s+av\\s+(\\d{1,4})"_re, &n, &m) && std::stoi(n) <= std::stoi(m)) return n;
  // A line that ends with "… sid 32" / "… 3 (14)" (a running header).
  if (RE2::PartialMatch(s, "(?i)\\s(?:sid|sida)\\s*(\\d{1,4})$"_re, &n)) return n;
  if (RE2::PartialMatch(s, "\\s(\\d{1,4})\\s*\\((\\d{1,4})\\)$"_re, &n, &m) && std::stoi(n) <= std::stoi(m)) return n;
  return "";
}

namespace {

// Page labels the page prints itself, on its first or last two lines, when
// the PDF gives none. Kept only when they differ from the page index.
void DetectPageLabels(Document& doc) {
  for (Page& p : doc.pages) {
    if (!p.label.empty() || p.lines.empty()) continue;
    std::vector<const Line*> edge;
    size_t n = p.lines.size();
    for (size_t i = 0; i < n && i < 2; ++i) edge.push_back(&p.lines[i]);
    for (size_t i = n >= 2 ? n - 2 : 0; i < n; ++i)
      if (i >= 2) edge.push_back(&p.lines[i]);
    for (const Line* l : edge) {
      std::string label = ParsePrintedPageLabel(l->text);
      if (label.empty()) continue;
      if (label != std::to_string(p.number)) p.label = label;
      break;
    }
  }
}

}  // namespace

namespace {

// A title line that breaks off inside its period: it ends with a dash or a
// connective that a year must follow, or names the plan whose years the
// next line gives ("… och flerårsplan" / "2028–2029").
bool EndsMidPeriod(const std::string& line) {
  return RE2::PartialMatch(CollapseSpaces(line),
                           "(?i)(?:[-–—]|\\b(?:och|samt|med|för|plan|till|åren|perioden)|flerårsplan|flerarsplan)$"_re);
}

// A table-of-contents line: dot leaders, or glyphs the text layer could not
// map (U+FFFD, often the leaders themselves) — a title never.
bool IsContentsLine(const std::string& line) {
  return line.find("\xEF\xBF\xBD\xEF\xBF\xBD") != std::string::npos ||
         RE2::PartialMatch(line, "(?:\\.\\s?){5}|…\\s?…"_re);
}

// A title as stored: control characters and U+FFFD dropped, spaces
// collapsed, at most 160 bytes cut on a character boundary.
std::string CleanTitle(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (s.compare(i, 3, "\xEF\xBF\xBD") == 0) {
      out += ' ';
      i += 3;
    } else {
      out += (c < 0x20 || c == 0x7F) ? ' ' : s[i];
      ++i;
    }
  }
  out = CollapseSpaces(out);
  if (out.size() > 160) {
    size_t n = 160;
    while (n > 0 && (static_cast<unsigned char>(out[n]) & 0xC0) == 0x80) --n;
    out = CollapseSpaces(out.substr(0, n));
  }
  return out;
}

// The PDF's own Title as a document title: without the application prefix
// and file extension that exporters leave ("Microsoft Word - plan.docx"),
// and none when a single word is left ("Dokument1", "untitled").
std::string TitleFromPdfInfo(const std::string& pdf_title) {
  std::string t = CleanTitle(pdf_title);
  RE2::Replace(&t, "(?i)^microsoft (?:word|powerpoint|excel) - "_re, "");
  RE2::Replace(&t, "(?i)\\.(?:pdf|docx?|odt|pptx?|xlsx?|indd)$"_re, "");
  return Words(t).size() >= 2 ? t : "";
}

}  // namespace

void ExtractMetadata(const ForbundRegistry& registry, Document& doc) {
  DocumentMeta& meta = doc.meta;
  std::string head = FirstPagesText(doc, 150);
  std::string flat = CollapseSpaces(head);

  DetectOrganisation(registry, doc);
  DetectPageLabels(doc);

  // Kind and years: from a heading-like line of the title page (a short
  // line naming the kind, with the next lines when the years follow), then
  // the PDF's title, then its subject, then the first mention in the text
  // (not of "budget") — never from a
  // table's "Budget 2021" column header if the title page says otherwise.
  int from = 0, to = 0;
  std::string kind;
  bool found = false;
  std::string heading;  // the title-page heading that named the kind
  {
    const std::vector<std::string> title = TitleLines(doc, 40);
    static const RE2 kColumnWords("(?i)\\b(utfall|prognos|avvikelse)\\b");
    for (size_t i = 0; i < title.size() && !found; ++i) {
      const std::string& l = title[i];
      if (Words(l).size() > 10 || RE2::PartialMatch(l, kColumnWords)) continue;
      std::string joined = l;
      for (size_t j = i + 1; j < title.size() && j <= i + 2; ++j) joined += " " + title[j];
      std::string k;
      int a = 0, b = 0;
      if (!ParseKindAndYears(l, &k, &a, &b)) continue;
      // The years on the next lines when the heading has none, or when it
      // breaks off mid-period ("… och plan 2020–" / "2021", "… samt plan
      // för" / "2020 och 2021").
      if (a == 0) {
        ParseKindAndYears(joined, &k, &a, &b);
      } else if (EndsMidPeriod(l)) {
        std::string run_on = l;
        for (size_t j = i + 1; j < title.size() && j <= i + 2 && EndsMidPeriod(run_on); ++j) run_on += " " + title[j];
        ParseKindAndYears(run_on, &k, &a, &b);
      }
      kind = k;
      from = a;
      to = b;
      found = true;
      // A plan's heading names its first year and a line below it the
      // period ("Verksamhetsplan 2026" / "Samordningsförbundet …" /
      // "Budget 2026 med plan för 2027–2028"): the period it starts.
      if ((kind == "verksamhetsplan" || kind == "budget") && from > 0 && from == to) {
        for (size_t j = i + 1; j < title.size() && j <= i + 3; ++j) {
          std::string k2;
          int a2 = 0, b2 = 0;
          // Its first sentence ("Med budget 2027 och plan för 2028–2029.
          // Fastställd av styrelsen …").
          std::string line = title[j];
          re2::StringPiece cut;
          if (RE2::PartialMatch(line, "(\\d\\d\\. )\\p{Lu}"_re, &cut))
            line.resize(cut.data() - line.data() + 3);
          // A sentence or heading that states the period, not a table's header.
          if (Words(line).size() > 12 || line.find('\t') != std::string::npos ||
              !RE2::PartialMatch(
                  line, "(?i)(med|och|samt) (flerårs|flerars|ekonomisk )?(plan|inriktning)|plan för|planperiod"_re))
            continue;
          // The plan's years alone, after the budget year ("Med flerårsplan
          // för 2028–2029", or a line "Plan för 2028–2029", under
          // "Verksamhetsplan och budget 2027").
          int p1 = 0, p2 = 0;
          if (RE2::PartialMatch(line,
                                "(?i)^\\s*(?:(?:med|samt|och) )?(?:flerårs|flerars|ekonomisk )?"
                                "(?:plan(?:en|ering)?|inriktning)(?: för| for)?"
                                "(?: åren| aren)?\\s+((?:19|20)\\d\\d)\\s*(?:-|–|—|till)\\s*((?:19|20)\\d\\d)"_re,
                                &p1, &p2) &&
              p1 == from + 1 && p2 > p1 && p2 - from < 10) {
            to = p2;
            break;
          }
          if (!ParseKindAndYears(line, &k2, &a2, &b2)) continue;
          if (a2 == from && b2 > to && b2 - a2 < 10) to = b2;
          break;
        }
      }
      // The heading, with the short lines below it that complete its
      // period ("Revisionsberättelse avseende Göteborgs" / "Stads
      // verksamheter under 2023"); a sentence below it is not the title.
      if (!IsContentsLine(l) && l.back() != '.') {  // not the contents, not a sentence
        static const RE2 kYear("(?:19|20)\\d\\d");
        std::string t = l;
        for (size_t j = i + 1; j < title.size() && j <= i + 2 && (!RE2::PartialMatch(t, kYear) || EndsMidPeriod(t));
             ++j) {
          std::string k2;
          int a2 = 0, b2 = 0;
          if (Words(title[j]).size() > 10 || IsContentsLine(title[j]) ||
              (ParseKindAndYears(title[j], &k2, &a2, &b2) && k2 == k))
            break;  // a sentence, the contents, or the same heading again
          t += " " + title[j];
        }
        heading = RE2::PartialMatch(t, kYear) ? t : l;
      }
    }
  }
  if (!found) found = ParseKindAndYears(CollapseSpaces(doc.pdf_title), &kind, &from, &to);
  if (!found) found = ParseKindAndYears(CollapseSpaces(doc.pdf_subject), &kind, &from, &to);
  if (!found) {
    // Running text: every report's prose says "budget" ("jämfört med
    // budget", "för budgetbeslut"), so there the word names no kind; the
    // other kinds do ("avge årsredovisning för räkenskapsåret 2023").
    std::string prose = flat;
    RE2::GlobalReplace(&prose, "(?i)budget"_re, "bdgt");
    found = ParseKindAndYears(prose, &kind, &from, &to);
  }
  if (found && from == 0) {
    // "årsredovisning för räkenskapsåret 1 januari - 31 december 2021",
    // "räkenskapsåret 2023-01-01 - 2023-12-31".
    int y = 0;
    if (RE2::PartialMatch(flat, "(?i)r.{0,2}kenskaps.{1,2}ret[^.]{0,40}?((?:19|20)\\d\\d)"_re, &y)) from = to = y;
  }
  if (found) {
    meta.kind = kind;
    meta.year_from = from;
    meta.year_to = to;
  }
  // Title: the title-page heading that named the kind; else the first
  // heading-like line of the first pages that names a kind (with the next
  // line when the years are printed below it); else the PDF's own Title.
  // Never a sentence of the running text or a table-of-contents line.
  static const RE2 kTitleEnd("^(.*?(?:19|20)\\d\\d(?:\\s*[-–—]\\s*(?:19|20)\\d\\d)?)[,.;:]\\s+\\S");
  if (!heading.empty()) {
    std::string head_part;
    if (RE2::PartialMatch(heading, kTitleEnd, &head_part)) heading = head_part;
    meta.title = CleanTitle(heading);
  }
  static const RE2 kTitleWord(
      "(?i)(årsredovisning|arsredovisning|delårsrapport|verksamhetsberättelse|verksamhetsplan|budget|"
      "revisionsberättelse|årsredogörelse)");
  for (const Page& p : doc.pages) {
    for (size_t i = 0; i < p.lines.size() && meta.title.empty(); ++i) {
      if (!RE2::PartialMatch(p.lines[i].text, kTitleWord)) continue;
      // A line that runs on into a sentence counts up to its years
      // ("Verksamhetsplan och budget 2020 - 2022, är fastställd ...").
      std::string line = CollapseSpaces(p.lines[i].text), line_head;
      if (RE2::PartialMatch(line, kTitleEnd, &line_head)) line = line_head;
      if (Words(line).size() > 12 || IsContentsLine(line) || line.back() == '.' ||
          !(StartsUpper(line) || HasDigit(line.substr(0, 1))))
        continue;  // a sentence of the running text or the contents
      std::string t = CollapseSpaces(p.lines[i].text);
      static const RE2 kHasYear("(19|20)\\d\\d");
      for (size_t j = i + 1; j < p.lines.size() && j <= i + 3 && (!RE2::PartialMatch(t, kHasYear) || EndsMidPeriod(t));
           ++j) {
        if (p.lines[j].words.empty()) continue;
        t += " " + CollapseSpaces(p.lines[j].text);
      }
      std::string head_part;
      if (RE2::PartialMatch(t, kTitleEnd, &head_part)) t = head_part;
      meta.title = CleanTitle(t);
    }
    if (!meta.title.empty() || p.number >= 2) break;
  }
  if (meta.title.empty()) meta.title = TitleFromPdfInfo(doc.pdf_title);
  meta.decided_on = ParseDecisionDate(flat);
}

}  // namespace finsam
