// Learns the OCR confusion table (data/ocr_confusions.tsv) from rendered
// Swedish text and what Tesseract's English model read of it, and measures
// diacritic repair on OCR output against its truth.
//
//   learn_ocr_confusions learn DIR...            > data/ocr_confusions.tsv
//       DIR holds NNN.src.txt (the text rendered) and NNN.ocr.txt (the OCR),
//       as scripts/render_ocr_material.sh writes them. Each page is aligned
//       character by character (normalizers/ocr_alignment.h); every intended
//       letter, by its position in the word (initial, medial, final), counts
//       the string read for it (one letter, two, or none). Prints the table
//       and, on standard error, the most frequent confusions.
//   learn_ocr_confusions score [--exclude-clean NAME] [--misses] TRUTH OCR [TRUTH OCR ...]
//       Repairs each OCR text (a file, or a directory of NNN.ocr.txt with
//       NNN.src.txt as the truth) and prints damaged words restored and
//       correct words untouched (RepairTally). --exclude-clean leaves a clean
//       text out of the lexicon (as the held-out tests do); --no-learned
//       repairs without the learned table.
//   learn_ocr_confusions score-repaired TRUTH OCR REPAIRED
//       Scores a repair made elsewhere (e.g. by an older finsam).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "normalizers/diacritic_repair.h"
#include "normalizers/ocr_alignment.h"
#include "normalizers/swedish_lexicon.h"
#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

namespace fs = std::filesystem;
using namespace finsam;

namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Whitespace runs (line ends too) become one space: OCR and source break
// lines alike, and a page is aligned as one string.
std::u32string Flatten(const std::string& text) {
  std::u32string out;
  bool space = true;
  for (char32_t c : Utf8ToU32(Nfc(text))) {
    const bool ws = c == U' ' || c == U'\n' || c == U'\t' || c == U'\r' || c == U'\f';
    if (ws) {
      if (!space) out += U' ';
      space = true;
    } else {
      out += c;
      space = false;
    }
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

std::vector<fs::path> Pages(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.size() > 8 && name.ends_with(".src.txt")) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

fs::path OcrOf(const fs::path& src) {
  std::string s = src.string();
  return s.substr(0, s.size() - std::string(".src.txt").size()) + ".ocr.txt";
}

const char* PositionName(LetterEvent::Position p) {
  return p == LetterEvent::kInitial ? "initial" : p == LetterEvent::kFinal ? "final" : "medial";
}

std::string Shown(const std::u32string& s) { return s.empty() ? "<none>" : U32ToUtf8(s); }

int Learn(const std::vector<std::string>& dirs) {
  // (position, intended) → observed → count
  std::map<std::pair<int, char32_t>, std::map<std::u32string, long>> counts;
  long pages = 0, skipped = 0, letters = 0;
  for (const std::string& dir : dirs) {
    for (const fs::path& src : Pages(dir)) {
      const fs::path ocr = OcrOf(src);
      if (!fs::exists(ocr)) continue;
      const std::u32string a = Flatten(Slurp(src)), b = Flatten(Slurp(ocr));
      std::vector<AlignedColumn> cols = AlignCharacters(a, b);
      size_t same = 0;
      for (const AlignedColumn& c : cols) same += c.intended == c.observed;
      // A page the OCR lost (blank, another reading order) teaches nothing.
      if (a.empty() || same * 10 < a.size() * 7) {
        ++skipped;
        continue;
      }
      ++pages;
      for (const LetterEvent& e : LetterEvents(cols)) {
        if (e.observed.find(U' ') != std::u32string::npos) continue;  // a word split: not a letter confusion
        ++counts[{e.position, e.intended}][e.observed];
        ++letters;
      }
    }
  }
  std::printf(
      "# OCR confusion table: how Tesseract's English model (tesseract-ocr-eng) reads Swedish letters.\n"
      "# Made by scripts/learn_ocr_confusions.sh from %ld rendered pages (%ld letters; %ld pages skipped);\n"
      "# see README \"Data files and their sources\". Lowercase on both sides.\n"
      "# position: the letter's place in its word (initial, medial, final); observed <none>: the letter\n"
      "# was lost; two observed letters: it was read as two. count of total readings of that letter there.\n"
      "# Rows with count >= 2 and every identity row.\n"
      "#position\tintended\tobserved\tcount\ttotal\tlog_prob\n",
      pages, letters, skipped);
  struct Row {
    long count;
    std::string text;
  };
  std::vector<std::tuple<long, double, std::string>> confusions;
  for (const auto& [key, obs] : counts) {
    long total = 0;
    for (const auto& [o, n] : obs) total += n;
    for (const auto& [o, n] : obs) {
      const bool identity = o.size() == 1 && o[0] == key.second;
      if (!identity && n < 2) continue;
      const std::string intended = U32ToUtf8(std::u32string(1, key.second));
      std::printf("%s\t%s\t%s\t%ld\t%ld\t%.4f\n", PositionName(static_cast<LetterEvent::Position>(key.first)),
                  intended.c_str(), Shown(o).c_str(), n, total, std::log(static_cast<double>(n) / total));
      if (!identity) {
        confusions.emplace_back(n, static_cast<double>(n) / total,
                                std::string(PositionName(static_cast<LetterEvent::Position>(key.first))) + " " +
                                    intended + " → " + Shown(o));
      }
    }
  }
  std::sort(confusions.begin(), confusions.end(), [](const auto& x, const auto& y) { return std::get<0>(x) > std::get<0>(y); });
  std::fprintf(stderr, "%ld pages, %ld letters, %ld pages skipped; most frequent confusions:\n", pages, letters, skipped);
  for (size_t k = 0; k < confusions.size() && k < 15; ++k) {
    std::fprintf(stderr, "  %6ld  %5.1f%%  %s\n", std::get<0>(confusions[k]), 100 * std::get<1>(confusions[k]),
                 std::get<2>(confusions[k]).c_str());
  }
  return 0;
}

int Score(std::vector<std::string> args) {
  LexiconSources src;
  src.data_dir = SwedishLexicon::DefaultDataDir();
  src.cache_dir = SwedishLexicon::DefaultCacheDir();
  bool misses = false;
  RepairOptions options;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--exclude-clean" && i + 1 < args.size()) src.exclude_clean.push_back(args[++i]);
    else if (args[i] == "--misses") misses = true;
    else if (args[i] == "--no-learned") options.use_learned_confusions = false;
    else files.push_back(args[i]);
  }
  std::string error;
  std::unique_ptr<SwedishLexicon> lex = SwedishLexicon::Load(src, &error);
  if (!lex) {
    std::cerr << error << "\n";
    return 1;
  }
  DiacriticRepairer repairer(*lex, options);
  RepairTally all;
  std::vector<std::string> miss;
  auto one = [&](const std::string& truth, const std::string& ocr) {
    const std::string repaired = repairer.RepairText(ocr, nullptr);
    all.Add(ScoreRepair(truth, ocr, repaired, misses ? &miss : nullptr));
  };
  if (files.size() == 1 && fs::is_directory(files[0])) {
    for (const fs::path& p : Pages(files[0])) one(Slurp(p), Slurp(OcrOf(p)));
  } else {
    for (size_t i = 0; i + 1 < files.size(); i += 2) one(Slurp(files[i]), Slurp(files[i + 1]));
  }
  for (const std::string& m : miss) std::cout << m << "\n";
  std::printf("damaged words %zu, restored %zu (%.2f%%); correct words %zu, untouched %zu (%.2f%%); other misreadings %zu\n",
              all.damaged, all.restored, 100 * all.Restored(), all.correct, all.untouched, 100 * all.Untouched(),
              all.other);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 2 && args[0] == "learn") return Learn({args.begin() + 1, args.end()});
  if (args.size() >= 2 && args[0] == "score") return Score({args.begin() + 1, args.end()});
  if (args.size() == 4 && args[0] == "score-repaired") {
    // TRUTH OCR REPAIRED: a repair made elsewhere (e.g. an older finsam).
    RepairTally t = ScoreRepair(Slurp(args[1]), Slurp(args[2]), Slurp(args[3]), nullptr);
    std::printf("damaged words %zu, restored %zu; correct words %zu, untouched %zu\n", t.damaged, t.restored, t.correct,
                t.untouched);
    return 0;
  }
  std::cerr << "usage: learn_ocr_confusions learn DIR... | score [--exclude-clean NAME] [--misses] [--no-learned] TRUTH OCR...\n";
  return 2;
}
