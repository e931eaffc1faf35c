// bench_repair: speed and held-out accuracy of diacritic repair.
//
//   bench_repair [--data DIR] [--heldout] [--seed N] [--exclude-clean NAME]...
//                [--stream-mb N] [--context-weight W] FILE...
//   bench_repair [--exclude-clean NAME] --vocab-check DAMAGED CLEAN
//   bench_repair [--no-learned] --pairs DIR
//
// Each FILE is clean Swedish: text (UTF-8), or a PDF whose text layer is
// read in Poppler's reading order. A FILE that looks stripped already (few
// å/ä/ö; e.g. corpus/gavleborg-vp-2020/received.txt, whose clean text is
// gold.txt) gets a warning on its accuracy line. The bench strips it the way an English OCR
// model does (rates from data/lexicon/README.md: å → a 92%, & 2%, 4 1%,
// d 1%; ä → a 93%, 4 2%, d 1.3%, i 1%, é 1%; ö → é 61%, o 21%, d 7%, 6 7%;
// the rest kept), repairs it, and prints
//  - lexicon load time (ms wall and CPU; hunspell loads on a second thread),
//    parsing the lists and from the compiled cache,
//  - repair speed in MB/s of damaged text per CPU second on one thread (first pass, cold
//    per-call caches; the lexicon's hunspell cache warms as it goes),
//  - the share of damaged words restored exactly and of correct words left
//    untouched, token by token.
// --heldout adds dasher-data's held-out paragraphs (those the lexicon does
// not train on). --exclude-clean NAME leaves data/lexicon/clean/NAME out of
// the lexicon, so that file can be measured as unseen text. Files are read
// as UTF-8. --stream-mb N then repairs N MB of freshly stripped copies of the
// inputs, document by document, and prints the throughput (the figure for
// "MB of text per second on one core"); with --ocr FILE (repeatable) it also
// repairs FILE as it is (real OCR output) up to N MB and prints that
// throughput. --no-learned leaves the learned confusion table out.
// --pairs DIR repairs each DIR/NNN.ocr.txt (real English-model OCR of a
// rendered page) and scores it against DIR/NNN.src.txt (ScoreRepair):
// restored and untouched over all pages (FINSAM_PAIRS_VERBOSE=1 lists the
// misses).
// --dump FILE writes every repaired stream copy and --ocr file to FILE (to
// check that a speed change leaves the output byte for byte the same); with
// --pairs, --dump DIR writes each page's repair as DIR/NNN.repaired.txt.
//
// --vocab-check repairs real OCR output (e.g. pdftotext of a sandwich.pdf)
// and prints the share of its words found in the clean version's vocabulary
// before and after: real damage has no word-aligned gold.
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "normalizers/diacritic_repair.h"
#include "normalizers/ocr_alignment.h"
#include "normalizers/swedish_lexicon.h"
#include "normalizers/utf8.h"
#include "pipeline/input/pdf_reader.h"
#include "tests/support/english_ocr_strip.h"
#include "tests/support/text_files.h"

namespace {

// CPU time of this process in seconds: the machine may be shared, and the
// figure we want is throughput on one core.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

using finsam::DiacriticRepairer;
using finsam::SwedishLexicon;

std::string Strip(const std::string& clean, std::mt19937* rng) { return finsam::StripLikeEnglishOcr(clean, rng); }

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  bool heldout = false;
  unsigned seed = 1;
  std::string data;
  std::vector<std::string> exclude;
  double stream_mb = 0;
  std::string vocab_damaged, vocab_clean;
  std::vector<std::string> ocr_files;
  finsam::RepairOptions options;
  std::string dump_path;
  std::string pairs_dir;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--heldout") heldout = true;
    else if (a == "--seed" && i + 1 < argc) seed = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (a == "--data" && i + 1 < argc) data = argv[++i];
    else if (a == "--exclude-clean" && i + 1 < argc) exclude.push_back(argv[++i]);
    else if (a == "--stream-mb" && i + 1 < argc) stream_mb = std::atof(argv[++i]);
    else if (a == "--context-weight" && i + 1 < argc) options.context_weight = std::atof(argv[++i]);
    else if (a == "--ocr" && i + 1 < argc) ocr_files.push_back(argv[++i]);
    else if (a == "--no-learned") options.use_learned_confusions = false;
    else if (a == "--dump" && i + 1 < argc) dump_path = argv[++i];
    else if (a == "--pairs" && i + 1 < argc) pairs_dir = argv[++i];
    else if (a == "--vocab-check" && i + 2 < argc) {
      vocab_damaged = argv[++i];
      vocab_clean = argv[++i];
    }
    else if (a == "-h" || a == "--help") {
      std::cout << "usage: bench_repair [--data DIR] [--heldout] [--seed N] [--exclude-clean NAME]... FILE...\n";
      return 0;
    } else files.push_back(a);
  }
  finsam::LexiconSources src;
  src.data_dir = data.empty() ? SwedishLexicon::DefaultDataDir() : data;
  src.exclude_clean = exclude;
  std::string error;
  double t0 = CpuSeconds();
  auto w0 = std::chrono::steady_clock::now();
  std::unique_ptr<SwedishLexicon> lex = SwedishLexicon::Load(src, &error);
  double load_ms = (CpuSeconds() - t0) * 1000;
  double load_wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - w0).count();
  if (!lex) {
    std::cerr << "bench_repair: " << error << "\n";
    return 1;
  }
  std::printf("lexicon: %zu words, hunspell %s, loaded in %.0f ms wall, %.0f ms CPU (all threads)\n", lex->size(),
              lex->has_hunspell() ? "yes" : "no", load_wall_ms, load_ms);
  if (!pairs_dir.empty()) {
    // Real English-model OCR of rendered pages (scripts/measure_repair_realtext.sh):
    // each NNN.ocr.txt repaired and scored against its NNN.src.txt.
    std::vector<std::filesystem::path> pages;
    for (const auto& e : std::filesystem::directory_iterator(pairs_dir))
      if (e.path().filename().string().ends_with(".src.txt")) pages.push_back(e.path());
    std::sort(pages.begin(), pages.end());
    finsam::RepairTally total;
    std::vector<std::string> misses;
    for (const auto& p : pages) {
      const std::string src = p.string();
      const std::string stem = src.substr(0, src.size() - 8);  // DIR/NNN
      const std::string ocr_path = stem + ".ocr.txt";
      if (!std::filesystem::exists(ocr_path)) continue;
      const std::string truth = finsam::ReadFile(src), ocr = finsam::ReadFile(ocr_path);
      const std::string repaired = finsam::DiacriticRepairer(*lex, options).RepairText(ocr, nullptr);
      // (--dump DIR: each page's repair as DIR/NNN.repaired.txt, to read the
      // misses in their sentences.)
      if (!dump_path.empty()) {
        std::ofstream out(std::filesystem::path(dump_path) / (std::filesystem::path(stem).filename().string() + ".repaired.txt"),
                          std::ios::binary);
        out << repaired;
      }
      total.Add(finsam::ScoreRepair(truth, ocr, repaired, std::getenv("FINSAM_PAIRS_VERBOSE") ? &misses : nullptr));
    }
    for (const std::string& m : misses) std::printf("  %s\n", m.c_str());
    std::printf("pairs %s: %zu pages, restored %zu/%zu (%.2f%%), untouched %zu/%zu (%.2f%%)\n", pairs_dir.c_str(),
                pages.size(), total.restored, total.damaged, 100 * total.Restored(), total.untouched, total.correct,
                100 * total.Untouched());
    return 0;
  }
  {
    // The same load through the compiled cache (what SwedishLexicon::Shared()
    // does after its first run): write it once, then time a cached load.
    finsam::LexiconSources cached_src = src;
    cached_src.cache_dir = (std::filesystem::temp_directory_path() / ("finsam_bench_cache_" + std::to_string(getpid()))).string();
    std::string err;
    SwedishLexicon::Load(cached_src, &err);
    double c0 = CpuSeconds();
    auto cw0 = std::chrono::steady_clock::now();
    std::unique_ptr<SwedishLexicon> again = SwedishLexicon::Load(cached_src, &err);
    double cached_ms = (CpuSeconds() - c0) * 1000;
    double cached_wall = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - cw0).count();
    std::error_code ec;
    std::filesystem::remove_all(cached_src.cache_dir, ec);
    if (again) std::printf("lexicon from its compiled cache: %.0f ms wall, %.0f ms CPU\n", cached_wall, cached_ms);
  }

  struct Sample {
    std::string name, clean;
  };
  std::vector<Sample> samples;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      std::cerr << "bench_repair: " << f << ": cannot open\n";
      return 1;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (f.size() > 4 && f.compare(f.size() - 4, 4, ".pdf") == 0) {
      // A PDF's text layer in Poppler's reading order.
      finsam::Result<std::vector<std::string>> pages = finsam::ReadPdfPageTexts(ss.str(), 10000);
      if (!pages.ok()) {
        std::cerr << "bench_repair: " << f << ": " << pages.status().ToString() << "\n";
        return 1;
      }
      std::string text;
      for (const std::string& p : *pages) text += p + "\n\n";
      samples.push_back({f, text});
      continue;
    }
    samples.push_back({f, ss.str()});
  }
  if (heldout) {
    std::string text;
    for (const std::string& p : SwedishLexicon::HeldOutDasherParagraphs(src.dasher)) text += p + "\n\n";
    if (!text.empty()) samples.push_back({"dasher held-out paragraphs", text});
  }
  if (!vocab_damaged.empty()) {
    // Real OCR output has no aligned gold: count the word tokens (letters
    // only, lowercase) found in the clean version's vocabulary, before and
    // after repair.
    auto read = [](const std::string& path, std::string* out) {
      std::ifstream in(path, std::ios::binary);
      if (!in) return false;
      std::ostringstream ss;
      ss << in.rdbuf();
      *out = ss.str();
      return true;
    };
    std::string damaged, clean;
    if (!read(vocab_damaged, &damaged) || !read(vocab_clean, &clean)) {
      std::cerr << "bench_repair: cannot read " << vocab_damaged << " or " << vocab_clean << "\n";
      return 1;
    }
    auto letter_words = [](const std::string& text) {
      std::vector<std::u32string> out;
      std::u32string cur;
      for (char32_t c : finsam::LowerU32(finsam::Utf8ToU32(text))) {
        if (u_isalpha(static_cast<UChar32>(c))) {
          cur.push_back(c);
        } else if (!cur.empty()) {
          out.push_back(cur);
          cur.clear();
        }
      }
      if (!cur.empty()) out.push_back(cur);
      return out;
    };
    std::set<std::u32string> vocab;
    for (auto& w : letter_words(clean)) vocab.insert(w);
    DiacriticRepairer repairer(*lex, options);
    std::string repaired = repairer.RepairText(damaged, nullptr);
    for (const auto& [label, text] : {std::pair<const char*, const std::string*>{"as received", &damaged},
                                      {"repaired", &repaired}}) {
      auto words = letter_words(*text);
      size_t known = 0;
      for (auto& w : words) known += vocab.count(w);
      std::printf("%s: %zu word tokens, %.2f%% in the clean text's vocabulary\n", label, words.size(),
                  words.empty() ? 0.0 : 100.0 * known / words.size());
    }
    return 0;
  }
  if (samples.empty()) {
    std::cerr << "bench_repair: no input (give FILEs or --heldout)\n";
    return 2;
  }
  DiacriticRepairer repairer(*lex, options);
  std::mt19937 rng(seed);
  size_t all_damaged = 0, all_restored = 0, all_correct = 0, all_untouched = 0, all_bytes = 0;
  double all_sec = 0;
  for (const Sample& s : samples) {
    std::string damaged = Strip(s.clean, &rng);
    double t1 = CpuSeconds();
    std::string repaired = repairer.RepairText(damaged, nullptr);
    double sec = CpuSeconds() - t1;
    std::vector<std::string> c = finsam::Words(s.clean), d = finsam::Words(damaged), r = finsam::Words(repaired);
    if (c.size() != d.size() || d.size() != r.size()) {
      std::cerr << "bench_repair: " << s.name << ": token counts differ\n";
      return 1;
    }
    size_t damaged_n = 0, restored = 0, correct = 0, untouched = 0;
    for (size_t i = 0; i < c.size(); ++i) {
      if (d[i] != c[i]) {
        ++damaged_n;
        if (r[i] == c[i]) ++restored;
        else if (std::getenv("BENCH_MISSES")) std::fprintf(stderr, "MISS %s -> %s (want %s)\n", d[i].c_str(), r[i].c_str(), c[i].c_str());
      } else {
        ++correct;
        if (r[i] == d[i]) ++untouched;
        else if (std::getenv("BENCH_MISSES")) std::fprintf(stderr, "HARM %s -> %s\n", d[i].c_str(), r[i].c_str());
      }
    }
    // An input that arrived stripped (a corpus received.txt) is no gold: its
    // "correct" words are the damaged ones. Say so instead of a figure.
    const bool stripped_input = DiacriticRepairer::EstimateStripRate(finsam::TokenizeForRepair(s.clean)) > 0.5;
    std::printf("%s: %zu bytes, %.2f MB/s; damaged %zu, restored %.2f%%; correct %zu, untouched %.2f%%%s\n",
                s.name.c_str(), damaged.size(), damaged.size() / sec / 1e6, damaged_n,
                damaged_n ? 100.0 * restored / damaged_n : 0.0, correct, correct ? 100.0 * untouched / correct : 0.0,
                stripped_input ? " [input has few å/ä/ö: already stripped? accuracy meaningless, give the clean text]" : "");
    all_damaged += damaged_n;
    all_restored += restored;
    all_correct += correct;
    all_untouched += untouched;
    all_bytes += damaged.size();
    all_sec += sec;
  }
  std::printf("total: %zu bytes, %.2f MB/s; damaged %zu, restored %.2f%%; correct %zu, untouched %.2f%%\n",
              all_bytes, all_bytes / all_sec / 1e6, all_damaged,
              all_damaged ? 100.0 * all_restored / all_damaged : 0.0, all_correct,
              all_correct ? 100.0 * all_untouched / all_correct : 0.0);
  if (stream_mb > 0) {
    // Throughput on a batch: the samples stripped again and again (each copy
    // damaged differently) up to stream_mb MB, repaired in one call per
    // copy with a fresh repairer, as the pipeline does per page.
    std::vector<std::string> copies;
    size_t bytes = 0;
    while (bytes < stream_mb * 1e6) {
      for (const Sample& s : samples) {
        copies.push_back(Strip(s.clean, &rng));
        bytes += copies.back().size();
      }
    }
    double t = CpuSeconds();
    size_t changed = 0;
    for (const std::string& c : copies) {
      std::vector<finsam::WordChange> ch;
      DiacriticRepairer fresh(*lex, options);
      fresh.RepairText(c, &ch);
      changed += ch.size();
    }
    double sec = CpuSeconds() - t;
    if (!dump_path.empty()) {
      // Outside the timed loop: the same repairs again, written out.
      std::ofstream dump(dump_path, std::ios::binary);
      for (const std::string& c : copies) dump << DiacriticRepairer(*lex, options).RepairText(c, nullptr) << "\f";
      for (const std::string& f : ocr_files) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        dump << DiacriticRepairer(*lex, options).RepairText(ss.str(), nullptr) << "\f";
      }
    }
    std::printf("stream: %.2f MB in %zu documents, %.2f s CPU, %.2f MB/s, %zu words changed\n", bytes / 1e6,
                copies.size(), sec, bytes / sec / 1e6, changed);
    // Real OCR output (--ocr FILE), repaired as it is, repeated to the same
    // size: its misreadings beyond stripping take the learned-confusion pass.
    std::vector<std::string> ocr;
    for (const std::string& f : ocr_files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      if (!ss.str().empty()) ocr.push_back(ss.str());
    }
    if (!ocr.empty()) {
      size_t ocr_bytes = 0, docs = 0;
      t = CpuSeconds();
      while (ocr_bytes < stream_mb * 1e6) {
        for (const std::string& c : ocr) {
          DiacriticRepairer fresh(*lex, options);
          fresh.RepairText(c, nullptr);
          ocr_bytes += c.size();
          ++docs;
        }
      }
      sec = CpuSeconds() - t;
      std::printf("real OCR: %.2f MB in %zu documents, %.2f s CPU, %.2f MB/s\n", ocr_bytes / 1e6, docs, sec,
                  ocr_bytes / sec / 1e6);
    }
  }
  return 0;
}
