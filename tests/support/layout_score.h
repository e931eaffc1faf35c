// Scoring finsam's extraction of a layout variant (bench/layout_gen.cc)
// against the facts the variant was rendered from. Shared by the fast test
// (tests/cli/layout_variants_test.cc) and the benchmark
// (bench/layout_score.cc, bench/bench_layouts.sh); the measures are defined
// in docs/layout_variants.md.
//
// A found fact is a table cell of `finsam extract --format json` with an
// amount (amount_sek not null). It equals an expected fact when the amount in
// kronor, the column's year (0 = none) and the column kind are equal, and the
// row is the same: the same category when both have one, else the same label
// after folding (case, spaces and punctuation ignored).
#ifndef FINSAM_TESTS_SUPPORT_LAYOUT_SCORE_H_
#define FINSAM_TESTS_SUPPORT_LAYOUT_SCORE_H_

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace finsam::layout {

struct ExpectedFact {
  std::string label, category;
  int year = 0;
  std::string kind;
  int64_t amount_sek = 0;
  std::string printed;
};

struct VariantTruth {
  std::string id, cls, features, source;
  std::string forbund, kind;
  int year_from = 0, year_to = 0;
  std::vector<ExpectedFact> facts;
};

struct FoundFact {
  std::string label, category;
  int year = 0;
  std::string kind;
  int64_t amount_sek = 0;
  std::string status;
  std::string raw;
  int page = 0;
};

struct VariantScore {
  int expected = 0;     // facts the variant prints
  int recalled = 0;     // expected facts found, any status
  int found = 0;        // cells with an amount
  int trusted = 0;      // found facts with status ok or repaired (no flag)
  int trusted_right = 0;
  int suspect = 0;      // found facts with status suspect
  bool meta_right = false;
  std::string meta_found;              // "förbund | kind | from-to" as extracted
  std::vector<std::string> missed;     // expected facts not found (described)
  std::vector<std::string> wrong_ok;   // trusted facts equal to no expected fact
  // Only when the input's text was given (an OCR text dump): facts whose
  // printed figure can still be read in that text (FigureOccurrences), and
  // how many of those were recalled. -1 = not measured.
  int legible = -1;
  int recalled_legible = -1;
};

// The figure of a printed amount as compared in an input text: its digits
// and decimal comma, without sign or spaces ("-2 187" -> "2187").
inline std::string FigureKey(const std::string& printed) {
  std::string k;
  for (char c : printed)
    if (std::isdigit(static_cast<unsigned char>(c)) || c == ',') k += c;
  return k;
}

// How often each figure can be read whole on one line of TEXT: every run of
// one to four whitespace-separated numeric tokens on a line, read as one
// figure (so both "13 320" and a "13320" that lost its space count, and so
// do the runs inside a longer row of figures). A numeric token may carry a
// sign, brackets or table rules around it and the letters OCR most often
// prints for digits (O o -> 0, l I -> 1, S -> 5, B -> 8); anything else makes
// it no figure. Generous where a figure occurs by chance elsewhere (it still
// counts); strict where a narrow cell wrapped a figure over two lines ("2"
// over "315"): that one counts as not legible, though a reader may join it.
inline std::map<std::string, int> FigureOccurrences(const std::string& text) {
  std::map<std::string, int> counts;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::vector<std::string> run;
    std::string w;
    auto flush = [&] {
      for (size_t i = 0; i < run.size(); ++i) {
        std::string k;
        for (size_t j = i; j < run.size() && j < i + 4; ++j) ++counts[k += run[j]];
      }
      run.clear();
    };
    while (words >> w) {
      std::string core;
      bool digit = false, other = false;
      for (size_t i = 0; i < w.size(); ++i) {
        char c = w[i];
        if (std::isdigit(static_cast<unsigned char>(c))) digit = true, core += c;
        else if (c == ',') core += c;
        else if (c == 'O' || c == 'o') core += '0';
        else if (c == 'l' || c == 'I') core += '1';
        else if (c == 'S') core += '5';
        else if (c == 'B') core += '8';
        else if (std::string("-+()[]|.:;").find(c) != std::string::npos) continue;
        else if (static_cast<unsigned char>(c) >= 0x80) continue;  // dashes and minus signs
        else other = true;
      }
      if (digit && !other) run.push_back(core);
      else flush();
    }
    flush();
  }
  return counts;
}

// Lower-cased letters and digits only (UTF-8 Å/Ä/Ö/É folded to lower case).
inline std::string FoldLabel(const std::string& s) {
  std::string o;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9E) d = static_cast<unsigned char>(d + 0x20);
      o += static_cast<char>(c);
      o += static_cast<char>(d);
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() &&
               ((static_cast<unsigned char>(s[i + 1]) == 0x88 && static_cast<unsigned char>(s[i + 2]) == 0x92) ||
                (static_cast<unsigned char>(s[i + 1]) == 0x80 && (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
                                                                  static_cast<unsigned char>(s[i + 2]) == 0x94)))) {
      i += 2;  // a minus sign, en or em dash: punctuation, as "-" is ("Resultat (A−B)" read "(A-B)")
    } else if (c >= 0x80) {
      o += static_cast<char>(c);
    } else if (std::isalnum(c)) {
      o += static_cast<char>(std::tolower(c));
    }
  }
  return o;
}

inline std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> f;
  std::string cur;
  for (char c : line) {
    if (c == '\t') {
      f.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  f.push_back(cur);
  return f;
}

// Reads ID.expected.tsv as layout_gen writes it. False (and *error) when the
// file is missing or malformed.
inline bool ReadTruth(const std::string& path, VariantTruth* v, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot read";
    return false;
  }
  std::string line;
  bool header_seen = false;
  while (std::getline(in, line)) {
    auto f = SplitTabs(line);
    if (line.rfind("# ", 0) == 0) {
      if (f.size() < 2) continue;
      std::string key = f[0].substr(2);
      if (key == "id") v->id = f[1];
      if (key == "class") v->cls = f[1];
      if (key == "features") v->features = f[1];
      if (key == "source") v->source = f[1];
      if (key == "meta.forbund") v->forbund = f[1];
      if (key == "meta.kind") v->kind = f[1];
      if (key == "meta.year_from") v->year_from = std::stoi(f[1]);
      if (key == "meta.year_to") v->year_to = std::stoi(f[1]);
      continue;
    }
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    if (f.size() < 6) {
      *error = path + ": malformed line: " + line;
      return false;
    }
    v->facts.push_back({f[0], f[1], std::stoi(f[2]), f[3], std::stoll(f[4]), f[5]});
  }
  if (v->id.empty() || v->facts.empty()) {
    *error = path + ": no id or no facts";
    return false;
  }
  return true;
}

inline std::vector<FoundFact> FoundFacts(const nlohmann::json& doc) {
  std::vector<FoundFact> out;
  if (!doc.contains("tables")) return out;
  for (const auto& t : doc["tables"]) {
    const auto& cols = t["columns"];
    for (const auto& r : t["rows"]) {
      for (const auto& c : r["cells"]) {
        if (c["amount_sek"].is_null()) continue;
        size_t ci = c["col"].get<size_t>();
        FoundFact f;
        f.label = r["label"].is_string() ? r["label"].get<std::string>() : "";
        f.category = r["category"].is_string() ? r["category"].get<std::string>() : "";
        if (ci < cols.size()) {
          f.year = cols[ci]["year"].is_number() ? cols[ci]["year"].get<int>() : 0;
          f.kind = cols[ci]["kind"].is_string() ? cols[ci]["kind"].get<std::string>() : "";
          // A column covering part of the year (a delårsrapport's "Utfall
          // jan–aug") is another fact than the year's: the truth writes its
          // kind "utfall@01-08".
          if (cols[ci].contains("period") && cols[ci]["period"].is_string())
            f.kind += "@" + cols[ci]["period"].get<std::string>();
        }
        f.amount_sek = c["amount_sek"].get<int64_t>();
        f.status = c["status"].is_string() ? c["status"].get<std::string>() : "";
        f.raw = c["raw"].is_string() ? c["raw"].get<std::string>() : "";
        f.page = c["page"].is_number() ? c["page"].get<int>() : 0;
        out.push_back(f);
      }
    }
  }
  return out;
}

inline bool SameFact(const ExpectedFact& e, const FoundFact& f) {
  if (e.amount_sek != f.amount_sek || e.year != f.year || e.kind != f.kind) return false;
  if (!e.category.empty() && !f.category.empty() && e.category == f.category) return true;
  return FoldLabel(e.label) == FoldLabel(f.label);
}

inline std::string Describe(const ExpectedFact& e) {
  std::ostringstream o;
  o << e.label << " | " << e.kind << " " << e.year << " | " << e.amount_sek << " (" << e.printed << ")";
  return o.str();
}

inline std::string Describe(const FoundFact& f) {
  std::ostringstream o;
  o << f.label << " [" << (f.category.empty() ? "-" : f.category) << "] | " << f.kind << " " << f.year << " | "
    << f.amount_sek << " (raw '" << f.raw << "', p." << f.page << ", " << f.status << ")";
  return o.str();
}

// INPUT_TEXT, when given, is the text the variant was read from (an OCR
// dump): the score then also counts the legible facts.
inline VariantScore Score(const VariantTruth& v, const nlohmann::json& doc,
                          const std::string* input_text = nullptr) {
  VariantScore s;
  std::vector<bool> legible(v.facts.size(), false);
  if (input_text != nullptr) {
    auto occ = FigureOccurrences(*input_text);
    s.legible = s.recalled_legible = 0;
    for (size_t i = 0; i < v.facts.size(); ++i) {
      auto it = occ.find(FigureKey(v.facts[i].printed));
      if (it == occ.end() || it->second == 0) continue;
      --it->second;
      legible[i] = true;
      ++s.legible;
    }
  }
  std::vector<FoundFact> found = FoundFacts(doc);
  s.expected = static_cast<int>(v.facts.size());
  s.found = static_cast<int>(found.size());
  std::vector<bool> used(found.size(), false);
  for (size_t k = 0; k < v.facts.size(); ++k) {
    const auto& e = v.facts[k];
    bool hit = false;
    for (size_t i = 0; i < found.size() && !hit; ++i) {
      if (!used[i] && SameFact(e, found[i])) used[i] = hit = true;
    }
    if (hit) ++s.recalled;
    else s.missed.push_back(Describe(e) + (input_text != nullptr && !legible[k] ? " [not in the input text]" : ""));
    if (hit && legible[k]) ++s.recalled_legible;
  }
  for (const auto& f : found) {
    if (f.status == "suspect") ++s.suspect;
    if (f.status != "ok" && f.status != "repaired") continue;
    ++s.trusted;
    bool right = false;
    for (const auto& e : v.facts) right = right || SameFact(e, f);
    if (right) ++s.trusted_right;
    else s.wrong_ok.push_back(Describe(f));
  }
  if (doc.contains("document")) {
    const auto& d = doc["document"];
    std::string forbund = d["forbund"].is_string() ? d["forbund"].get<std::string>() : "";
    std::string kind = d["kind"].is_string() ? d["kind"].get<std::string>() : "";
    int from = d["year_from"].is_number() ? d["year_from"].get<int>() : 0;
    int to = d["year_to"].is_number() ? d["year_to"].get<int>() : 0;
    s.meta_found = forbund + " | " + kind + " | " + std::to_string(from) + "-" + std::to_string(to);
    s.meta_right = forbund == v.forbund && kind == v.kind && from == v.year_from && to == v.year_to;
  }
  return s;
}

// Sums over variants (micro-averaged: every fact weighs the same).
struct Totals {
  int variants = 0, meta_right = 0, perfect = 0;
  int64_t expected = 0, recalled = 0, found = 0, trusted = 0, trusted_right = 0, suspect = 0;
  int64_t legible = -1, recalled_legible = 0;  // -1: no input text scored
  void Add(const VariantScore& s) {
    ++variants;
    if (s.legible >= 0) {
      legible = std::max<int64_t>(legible, 0) + s.legible;
      recalled_legible += s.recalled_legible;
    }
    meta_right += s.meta_right;
    perfect += s.recalled == s.expected && s.trusted_right == s.trusted;
    expected += s.expected;
    recalled += s.recalled;
    found += s.found;
    trusted += s.trusted;
    trusted_right += s.trusted_right;
    suspect += s.suspect;
  }
  double Recall() const { return expected ? static_cast<double>(recalled) / expected : 0; }
  // No trusted fact at all is precision 1 (nothing wrong claimed ok).
  double Precision() const { return trusted ? static_cast<double>(trusted_right) / trusted : 1; }
  double SuspectShare() const { return found ? static_cast<double>(suspect) / found : 0; }
  // Share of the facts whose figure is in the input text, and recall over
  // those (-1 when not measured).
  double LegibleShare() const { return legible < 0 || !expected ? -1 : static_cast<double>(legible) / expected; }
  double LegibleRecall() const {
    return legible <= 0 ? -1 : static_cast<double>(recalled_legible) / legible;
  }
};

}  // namespace finsam::layout

#endif  // FINSAM_TESTS_SUPPORT_LAYOUT_SCORE_H_
