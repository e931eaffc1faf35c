// layout_score: scores `finsam extract --format json` outputs of layout
// variants against their expected facts (bench/layout_gen.cc), per input
// kind and per layout class. Measures: docs/layout_variants.md.
//
//   layout_score [--details FILE] [--text KIND=TEXT_DIR]... EXPECTED_DIR
//                KIND=JSON_DIR [KIND=JSON_DIR...]
//
// JSON_DIR holds ID.json for each variant scored (an empty or invalid file
// counts as an extraction that found nothing); EXPECTED_DIR holds
// ID.expected.tsv. Prints one table on stdout; --details writes one line per
// variant, then every missed fact and every wrong fact loaded as ok.
// --text gives the directory of a kind's input texts (TEXT_DIR/ID.txt, the
// OCR dumps): the table then also shows which share of the facts can still
// be read in those texts at all ("legible", a generous ceiling: see
// FigureOccurrences) and the recall over those facts; other kinds show "-".
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "tests/support/layout_score.h"

namespace fs = std::filesystem;
using finsam::layout::Totals;

int main(int argc, char** argv) {
  std::string details_path;
  std::vector<std::string> args;
  std::map<std::string, fs::path> text_dirs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--details" && i + 1 < argc) {
      details_path = argv[++i];
    } else if (a == "--text" && i + 1 < argc && std::string(argv[i + 1]).find('=') != std::string::npos) {
      std::string t = argv[++i];
      text_dirs[t.substr(0, t.find('='))] = t.substr(t.find('=') + 1);
    } else {
      args.push_back(a);
    }
  }
  if (args.size() < 2) {
    std::cerr << "usage: layout_score [--details FILE] EXPECTED_DIR KIND=JSON_DIR...\n";
    return 2;
  }
  fs::path expected_dir = args[0];
  std::ofstream details;
  if (!details_path.empty()) details.open(details_path);
  std::printf("%-6s %-11s %8s %6s %7s %9s %8s %6s %8s %8s %8s\n", "input", "class", "variants", "facts", "recall",
              "precision", "suspect", "meta", "perfect", "legible", "rec|leg");
  for (size_t k = 1; k < args.size(); ++k) {
    auto eq = args[k].find('=');
    if (eq == std::string::npos) {
      std::cerr << "layout_score: expected KIND=JSON_DIR, got " << args[k] << "\n";
      return 2;
    }
    std::string kind = args[k].substr(0, eq);
    fs::path json_dir = args[k].substr(eq + 1);
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(json_dir))
      if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::map<std::string, Totals> by_class;
    Totals all;
    for (const auto& f : files) {
      std::string id = f.stem().string();
      finsam::layout::VariantTruth truth;
      std::string error;
      if (!finsam::layout::ReadTruth((expected_dir / (id + ".expected.tsv")).string(), &truth, &error)) {
        std::cerr << "layout_score: " << error << "\n";
        return 1;
      }
      std::ifstream in(f);
      nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
      if (doc.is_discarded()) doc = nlohmann::json::object();
      std::string text;
      bool have_text = false;
      if (auto t = text_dirs.find(kind); t != text_dirs.end()) {
        std::ifstream tin(t->second / (id + ".txt"), std::ios::binary);
        if (!tin) {
          std::cerr << "layout_score: cannot read " << (t->second / (id + ".txt")).string() << "\n";
          return 1;
        }
        text.assign(std::istreambuf_iterator<char>(tin), std::istreambuf_iterator<char>());
        have_text = true;
      }
      auto s = finsam::layout::Score(truth, doc, have_text ? &text : nullptr);
      by_class[truth.cls].Add(s);
      all.Add(s);
      if (details) {
        details << kind << "\t" << id << "\t" << truth.cls << "\texpected=" << s.expected
                << "\trecalled=" << s.recalled << "\tok=" << s.trusted << "\tok_right=" << s.trusted_right
                << "\tsuspect=" << s.suspect << "\tmeta=" << (s.meta_right ? "right" : "WRONG: " + s.meta_found);
        if (s.legible >= 0) details << "\tlegible=" << s.legible << "\trecalled_legible=" << s.recalled_legible;
        details << "\n";
        for (const auto& m : s.missed) details << "    missed:   " << m << "\n";
        for (const auto& w : s.wrong_ok) details << "    wrong ok: " << w << "\n";
      }
    }
    auto row = [&](const std::string& cls, const Totals& t) {
      auto share = [](double x) {
        char b[16];
        if (x < 0) return std::string("-");
        std::snprintf(b, sizeof b, "%.3f", x);
        return std::string(b);
      };
      std::printf("%-6s %-11s %8d %6lld %7.3f %9.3f %8.3f %3d/%-3d %8d %8s %8s\n", kind.c_str(), cls.c_str(), t.variants,
                  static_cast<long long>(t.expected), t.Recall(), t.Precision(), t.SuspectShare(), t.meta_right,
                  t.variants, t.perfect, share(t.LegibleShare()).c_str(), share(t.LegibleRecall()).c_str());
    };
    for (const auto& [cls, t] : by_class) row(cls, t);
    row("ALL", all);
  }
  return 0;
}
