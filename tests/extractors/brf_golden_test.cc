// Scores finsam on real housing-cooperative årsredovisningar (issue 16):
// ../shared/realdocs/brf/ read in place (skipped when absent) against
// hand-checked facts in tests/golden/brf/*.facts.tsv, keyed by the file's
// sha256, never by its name.
//
// Golden file format (tab-separated, '#' starts a comment):
//   # sha256 <hex>            one or more lines: the files these facts belong to
//   page  label  category  year  kind  amount
// page: 1-based PDF page of the figure; label: the row label as printed (with
// å/ä/ö even where the text layer lost them; compared folded); a label that
// occurs twice on a page takes "#2" for its second occurrence; where a
// font's text layer spells a sign otherwise than the page prints it (its
// "%" comes out as "a"), the label gives both, text layer first:
// "Soliditet (a)|Soliditet (%)", and either matches; category: the
// expected category, NULL for none, * for "not judged"; kind: utfall, budget,
// …; amount: whole kronor, or "-" for a figure that is not money (percent,
// kr/m², counts): it must be loaded without an amount.
//
// Per document it prints: golden facts, recall (right figure loaded, any
// status), ok-recall (right figure loaded as ok), precision of the facts
// loaded as ok that a golden fact names (amount and category right), and the
// open flags (in-document checks that failed). Set FINSAM_BRF_VERBOSE=1 to
// list every miss and every wrong ok fact.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <tuple>

#include "normalizers/unicode.h"
#include "pipeline/input/sha256.h"
#include "pipeline/pipeline.h"
#include "tests/support/realdocs.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

struct GoldenFact {
  int page = 0;
  std::string label;  // folded, with "#n" occurrence suffix when n > 1
  std::string printed;  // the same as printed where the text layer differs, else ""
  std::string category;
  int year = 0;
  std::string kind;
  bool money = true;
  int64_t amount = 0;
};

struct GoldenDoc {
  std::string file;  // golden file name, for messages
  std::vector<std::string> sha256;
  std::vector<GoldenFact> facts;
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == '\t') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::string FoldLabel(const std::string& label) {
  std::string f = FoldKey(label);
  // Whitespace and trailing punctuation do not distinguish labels.
  std::string out;
  for (char c : f) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ':' || out.back() == '.')) out.pop_back();
  return out;
}

std::vector<GoldenDoc> LoadGolden(const std::string& dir) {
  std::vector<GoldenDoc> docs;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".tsv") continue;
    GoldenDoc g;
    g.file = e.path().filename().string();
    std::istringstream in(ReadFile(e.path().string()));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      if (line[0] == '#') {
        if (line.rfind("# sha256 ", 0) == 0) g.sha256.push_back(line.substr(9));
        continue;
      }
      std::vector<std::string> f = SplitTabs(line);
      if (f.size() != 6) {
        ADD_FAILURE() << g.file << ": bad line " << line;
        continue;
      }
      GoldenFact fact;
      fact.page = std::stoi(f[0]);
      std::string label = f[1], occ;
      size_t hash = label.rfind('#');
      if (hash != std::string::npos) {
        occ = label.substr(hash);
        label = label.substr(0, hash);
      }
      size_t bar = label.find('|');
      if (bar != std::string::npos) {
        fact.printed = FoldLabel(label.substr(bar + 1)) + occ;
        label = label.substr(0, bar);
      }
      fact.label = FoldLabel(label) + occ;
      fact.category = f[2];
      fact.year = std::stoi(f[3]);
      fact.kind = f[4];
      fact.money = f[5] != "-";
      if (fact.money) fact.amount = std::stoll(f[5]);
      g.facts.push_back(fact);
    }
    docs.push_back(std::move(g));
  }
  return docs;
}

struct Loaded {
  int page;
  std::string label;  // folded + occurrence suffix
  std::string category;
  int year;
  std::string kind;
  bool money;
  int64_t amount;
  double value;  // as printed, before unit scaling (kr/kvm, per cent, counts)
  std::string status;
  std::string raw;
};

std::vector<Loaded> Facts(const Extraction& ex) {
  std::vector<Loaded> out;
  std::map<std::pair<int, std::string>, int> seen;  // (page, label) → rows so far
  for (const FinancialTable& t : ex.tables) {
    for (const TableRow& r : t.rows) {
      std::string label = FoldLabel(r.label);
      int page = r.prov.page;
      for (const TableCell& c : r.cells)
        if (c.present && c.prov.page) page = c.prov.page;
      int n = ++seen[{page, label}];
      std::string key = n > 1 ? label + "#" + std::to_string(n) : label;
      for (size_t c = 0; c < r.cells.size() && c < t.columns.size(); ++c) {
        const TableCell& cell = r.cells[c];
        if (!cell.present || t.columns[c].kind == ColumnKind::kNote) continue;
        Loaded l;
        l.page = cell.prov.page;
        l.label = key;
        l.category = r.category.value_or("NULL");
        l.year = t.columns[c].year;
        l.kind = ColumnKindName(t.columns[c].kind);
        l.money = r.monetary && !cell.is_percent && cell.parsed;
        l.amount = cell.amount_sek;
        l.value = cell.value;
        l.status = cell.status;
        l.raw = cell.raw;
        out.push_back(l);
      }
    }
  }
  return out;
}

bool Verbose() {
  const char* v = std::getenv("FINSAM_BRF_VERBOSE");
  return v && *v && std::string(v) != "0";
}

struct Totals {
  int golden = 0, found = 0, ok_found = 0, ok = 0, ok_right = 0;
  double Recall() const { return golden ? 1.0 * found / golden : 0.0; }
  double Precision() const { return ok ? 1.0 * ok_right / ok : 1.0; }
};

// A loaded row names a golden fact by its folded label or by the label as
// printed; a row without a label names none (a golden fact's printed label
// may be left empty when it equals the folded one).
bool SameLabel(const GoldenFact& gf, const Loaded& l) {
  return !l.label.empty() && l.label[0] != '#' && (gf.label == l.label || gf.printed == l.label);
}

// Runs the pipeline on each PDF and scores it against its golden document
// (nullptr: no golden, only the open flags are printed); prints a line per
// document and one for all.
// `read` (optional): each run's loaded facts, by path, for the cross-check
// below.
Totals Score(const std::vector<std::pair<std::filesystem::path, const GoldenDoc*>>& runs, const PipelineOptions& opts,
             std::map<std::filesystem::path, std::vector<Loaded>>* read = nullptr) {
  Totals all;
  std::printf("%-16s %6s %7s %9s %9s %10s %5s\n", "document", "golden", "recall", "ok-recall", "ok-facts",
              "precision", "open");
  for (const auto& [path, g] : runs) {
    Result<Extraction> ex = RunPipeline(path.string(), opts);
    EXPECT_TRUE(ex.ok()) << path << ": " << ex.status().ToString();
    if (!ex.ok()) continue;
    int open = 0;
    for (const Flag& f : ex->flags) open += !f.passed;
    std::string name = path.stem().string();
    if (!g) {
      std::printf("%-16s %6s %7s %9s %9s %10s %5d\n", name.c_str(), "-", "-", "-", "-", "-", open);
      continue;
    }
    std::vector<Loaded> facts = Facts(*ex);
    if (read) (*read)[path] = facts;
    int found = 0, ok_found = 0, ok = 0, ok_right = 0;
    auto same_key = [](const GoldenFact& gf, const Loaded& l) {
      return gf.page == l.page && SameLabel(gf, l) && gf.year == l.year && gf.kind == l.kind;
    };
    auto right = [](const GoldenFact& gf, const Loaded& l) {
      if (gf.category != "*" && gf.category != l.category) return false;
      if (!gf.money) return !l.money;
      return l.money && l.amount == gf.amount;
    };
    for (const GoldenFact& gf : g->facts) {
      bool any = false, any_ok = false;
      for (const Loaded& l : facts)
        if (same_key(gf, l) && right(gf, l)) {
          any = true;
          any_ok = any_ok || l.status == "ok";
        }
      found += any;
      ok_found += any_ok;
      if (!any && Verbose())
        std::printf("  miss  %s p%d %s %d %s %s\n", name.c_str(), gf.page, gf.label.c_str(), gf.year, gf.kind.c_str(),
                    gf.money ? std::to_string(gf.amount).c_str() : "-");
    }
    for (const Loaded& l : facts) {
      if (l.status != "ok") continue;
      const GoldenFact* match = nullptr;
      for (const GoldenFact& gf : g->facts)
        if (gf.page == l.page && SameLabel(gf, l) && gf.year == l.year) match = &gf;
      if (!match) continue;
      ++ok;
      bool r = same_key(*match, l) && right(*match, l);
      ok_right += r;
      if (!r && Verbose())
        std::printf("  wrong %s p%d %s %d %s %s [%s] %s want %s %s\n", name.c_str(), l.page, l.label.c_str(), l.year,
                    l.kind.c_str(), l.raw.c_str(), l.category.c_str(),
                    l.money ? std::to_string(l.amount).c_str() : "-", match->money ? std::to_string(match->amount).c_str() : "-",
                    match->category.c_str());
    }
    int n = static_cast<int>(g->facts.size());
    std::printf("%-16s %6d %7.3f %9.3f %9d %10.3f %5d\n", name.c_str(), n, n ? 1.0 * found / n : 0.0,
                n ? 1.0 * ok_found / n : 0.0, ok, ok ? 1.0 * ok_right / ok : 1.0, open);
    all.golden += n;
    all.found += found;
    all.ok_found += ok_found;
    all.ok += ok;
    all.ok_right += ok_right;
  }
  std::printf("%-16s %6d %7.3f %9.3f %9d %10.3f\n", "all", all.golden, all.Recall(),
              all.golden ? 1.0 * all.ok_found / all.golden : 0.0, all.ok, all.Precision());
  return all;
}

std::vector<std::filesystem::path> PdfsIn(const std::string& dir, const std::string& extension = ".pdf") {
  std::vector<std::filesystem::path> pdfs;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == extension) pdfs.push_back(e.path());
  std::sort(pdfs.begin(), pdfs.end());
  return pdfs;
}

// The files DIR/brf-X.EXT that have a golden file brf-X.facts.tsv (made by
// the bench scripts from the reports, named after their golden file).
std::vector<std::pair<std::filesystem::path, const GoldenDoc*>> RunsByName(const std::string& dir,
                                                                          const std::string& extension,
                                                                          const std::vector<GoldenDoc>& golden) {
  std::vector<std::pair<std::filesystem::path, const GoldenDoc*>> runs;
  for (const std::filesystem::path& path : PdfsIn(dir, extension))
    for (const GoldenDoc& d : golden)
      if (d.file == path.stem().string() + ".facts.tsv") runs.emplace_back(path, &d);
  return runs;
}

// Every `ok` fact of the OCR readings `runs` (scans or dumps named after
// their golden file) against the same report's born-digital reading, found
// in ../shared/realdocs/brf by the golden file's sha256: not only the
// golden sample's facts but all of them (1 400–1 700 per mode). Facts are
// keyed by year, column kind and folded label; one counts as agreeing when
// the born-digital reading has that key with the same amount (or, for a
// figure that is no money, the same printed value); facts whose key the
// born-digital reading lacks are not counted. Returns the share of counted
// facts that disagree (0 when none is counted).
double DisagreeWithBornDigital(const std::vector<std::pair<std::filesystem::path, const GoldenDoc*>>& runs,
                               const std::map<std::filesystem::path, std::vector<Loaded>>& read) {
  const std::string real = RealDocsDir();
  if (real.empty() || !std::filesystem::exists(real + "/brf")) return 0;
  std::map<std::string, std::filesystem::path> pdf_of_sha;
  for (const std::filesystem::path& path : PdfsIn(real + "/brf")) pdf_of_sha[Sha256Hex(ReadFile(path.string()))] = path;
  PipelineOptions text_layer;
  text_layer.ocr = OcrPolicy::kNever;
  text_layer.quiet = true;
  using Key = std::tuple<int, std::string, std::string>;  // year, kind, folded label
  auto key = [](const Loaded& l) { return Key{l.year, l.kind, l.label.substr(0, l.label.find('#'))}; };
  auto figure = [](const Loaded& l) { return l.money ? static_cast<double>(l.amount) : l.value; };
  int agree = 0, differ = 0;
  for (const auto& [path, g] : runs) {
    std::filesystem::path pdf;
    for (const std::string& sha : g->sha256)
      if (pdf_of_sha.count(sha)) pdf = pdf_of_sha[sha];
    auto facts = read.find(path);
    if (pdf.empty() || facts == read.end()) continue;
    Result<Extraction> born = RunPipeline(pdf.string(), text_layer);
    if (!born.ok()) continue;
    std::map<Key, std::vector<double>> truth;
    for (const Loaded& l : Facts(*born)) truth[key(l)].push_back(figure(l));
    for (const Loaded& l : facts->second) {
      if (l.status != "ok" || l.label.empty() || l.label[0] == '#') continue;
      auto it = truth.find(key(l));
      if (it == truth.end()) continue;
      const bool same = std::any_of(it->second.begin(), it->second.end(),
                                    [&](double v) { return std::fabs(v - figure(l)) < 1e-6; });
      (same ? agree : differ)++;
      if (!same && Verbose())
        std::printf("  differs %s p%d %s %d %s '%s'\n", path.stem().c_str(), l.page, l.label.c_str(), l.year,
                    l.kind.c_str(), l.raw.c_str());
    }
  }
  std::printf("against the born-digital reading: %d ok facts agree, %d differ\n", agree, differ);
  ::testing::Test::RecordProperty("ok_facts_differing", std::to_string(differ));
  return agree + differ ? 1.0 * differ / (agree + differ) : 0.0;
}

// Score() with its precision and recall recorded as test properties.
Totals ScoreAndRecord(const std::vector<std::pair<std::filesystem::path, const GoldenDoc*>>& runs,
                      const PipelineOptions& opts, std::map<std::filesystem::path, std::vector<Loaded>>* read) {
  Totals all = Score(runs, opts, read);
  ::testing::Test::RecordProperty("precision", std::to_string(all.Precision()));
  ::testing::Test::RecordProperty("recall", std::to_string(all.Recall()));
  return all;
}

TEST(BrfGolden, ScoresRealHousingCooperativeReports) {
  std::string real = RealDocsDir();
  if (real.empty() || !std::filesystem::exists(real + "/brf")) GTEST_SKIP() << "../shared/realdocs/brf not present";
  std::vector<GoldenDoc> golden = LoadGolden(std::string(FINSAM_SOURCE_DIR) + "/tests/golden/brf");
  ASSERT_GE(golden.size(), 8u);
  PipelineOptions opts;
  opts.ocr = OcrPolicy::kNever;
  opts.quiet = true;
  std::map<std::string, bool> matched;  // golden file → a PDF had its sha256
  std::vector<std::pair<std::filesystem::path, const GoldenDoc*>> runs;
  for (const std::filesystem::path& path : PdfsIn(real + "/brf")) {
    std::string sha = Sha256Hex(ReadFile(path.string()));
    const GoldenDoc* g = nullptr;
    for (const GoldenDoc& d : golden)
      for (const std::string& s : d.sha256)
        if (s == sha) g = &d;
    if (g) matched[g->file] = true;
    runs.emplace_back(path, g);
  }
  Totals all = Score(runs, opts);
  for (const GoldenDoc& d : golden) EXPECT_TRUE(matched[d.file]) << d.file << ": no PDF with its sha256";
  RecordProperty("precision", std::to_string(all.Precision()));
  // Floors (measured 2026-11-30: precision 1.000, recall 0.654; baseline
  // before issue 16's BRF work: 0.231 / 0.151). Precision first.
  EXPECT_GE(all.Precision(), 0.995);
  EXPECT_GE(all.Recall(), 0.60);
}

// The same hand-checked pages as image-only scans (bench/brf_scans.sh makes
// them from the reports in place, outside the project, and runs this test
// with FINSAM_BRF_SCANS=DIR; DIR/brf-X.pdf is scored against brf-X's golden
// facts). Skipped without that directory: it is a benchmark of OCR'd real
// tables, minutes of OCR, not a test of the fast label.
TEST(BrfGolden, ScoresScansOfTheSameReports) {
  const char* dir = std::getenv("FINSAM_BRF_SCANS");
  if (!dir || !*dir) GTEST_SKIP() << "FINSAM_BRF_SCANS not set (bench/brf_scans.sh)";
  const std::vector<GoldenDoc> golden = LoadGolden(std::string(FINSAM_SOURCE_DIR) + "/tests/golden/brf");
  PipelineOptions opts;
  opts.ocr = OcrPolicy::kAuto;
  opts.quiet = true;
  const auto runs = RunsByName(dir, ".pdf", golden);
  ASSERT_FALSE(runs.empty()) << dir << ": no brf-X.pdf with a golden file";
  std::map<std::filesystem::path, std::vector<Loaded>> read;
  Totals all = ScoreAndRecord(runs, opts, &read);
  // Precision first holds on scans too.
  EXPECT_GE(all.Precision(), 0.995);
  // And over every fact: 1 of 1 725 differed when last measured
  // (2026-12-05; "20000" for 90 000, an OCR digit no check reaches).
  EXPECT_LE(DisagreeWithBornDigital(runs, read), 0.005);
  // All 14 reports scanned by bench/brf_scans.sh: 333 of 343 (0.971) when
  // last measured (2026-12-01, session 26; 281 before its rules); the floor
  // allows seven misses more.
  if (runs.size() == 14) {
    EXPECT_GE(all.Recall(), 0.95);
  }
}

// The same scans read by Tesseract's English model into plain-text dumps
// (bench/brf_dumps.sh: DIR/brf-X.txt, pages separated by form feeds), as a
// user holding only an old OCR text layer would have them: å/ä/ö stripped,
// the tables as the page segmentation left them. Skipped without
// FINSAM_BRF_DUMPS.
TEST(BrfGolden, ScoresEnglishModelDumpsOfTheSameReports) {
  const char* dir = std::getenv("FINSAM_BRF_DUMPS");
  if (!dir || !*dir) GTEST_SKIP() << "FINSAM_BRF_DUMPS not set (bench/brf_dumps.sh)";
  const std::vector<GoldenDoc> golden = LoadGolden(std::string(FINSAM_SOURCE_DIR) + "/tests/golden/brf");
  PipelineOptions opts;
  opts.quiet = true;
  const auto runs = RunsByName(dir, ".txt", golden);
  ASSERT_FALSE(runs.empty()) << dir << ": no brf-X.txt with a golden file";
  std::map<std::filesystem::path, std::vector<Loaded>> read;
  Totals all = ScoreAndRecord(runs, opts, &read);
  // Measured 2026-12-04 on all 14 reports: psm 3 recall 0.618 (0.204
  // before the dump readings of session 39), 146 facts ok of which 145
  // right by this scorer; psm 4 0.770 (189 ok), psm 6 0.656 (169 ok), one
  // counted wrong each. That one is right: brf-j p.15's second "Summa" (Not
  // 3's, 353 554) is scored as the page's first because Not 2's table above
  // it is not read, and labels that repeat on a page are told apart by their
  // order. Hence 0.99, not 0.995.
  EXPECT_GE(all.Precision(), 0.99);
  if (runs.size() == 14) {
    EXPECT_GE(all.Recall(), 0.60);
  }
  // Over every fact, not only the golden sample: 1 / 1 / 8 differed on
  // psm 3 / 4 / 6 before session 46 (a scrap of the page's edge read as a
  // column's figure under a failing sum, decimals lost, a digit put in),
  // none after (2026-12-05, 1 400–1 600 agreeing per mode).
  EXPECT_LE(DisagreeWithBornDigital(runs, read), 0.005);
}

}  // namespace
}  // namespace finsam
