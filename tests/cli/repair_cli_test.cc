// `finsam repair` end to end: runs the built CLI (FINSAM_BINARY).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

struct RunResult {
  int exit_code = -1;
  std::string out;
};

// Runs a shell command line, capturing stdout (stderr goes to `err_path`
// when given).
RunResult RunCmd(const std::string& cmd) {
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/finsam_repair_cli_" + std::to_string(getpid()) + "_" + name;
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

const std::string kBin = FINSAM_BINARY;

TEST(RepairCliTest, RepairsFileToStdout) {
  const std::string in = TempPath("in.txt");
  WriteFile(in, "Forbundets uppgift ar att svara for samordning.\n\n13 320 tkr\thttps://www.forbundet.se\n");
  RunResult r = RunCmd(kBin + " repair " + in);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "Förbundets uppgift är att svara för samordning.\n\n13 320 tkr\thttps://www.forbundet.se\n");
  std::remove(in.c_str());
}

TEST(RepairCliTest, ReadsStdinWithoutFile) {
  RunResult r = RunCmd("printf 'SAMORDNINGSFORBUNDET GAVLEBORG\\n' | " + kBin + " repair");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "SAMORDNINGSFÖRBUNDET GÄVLEBORG\n");
}

TEST(RepairCliTest, ExplainWritesOneLinePerChangedWord) {
  const std::string err = TempPath("explain.txt");
  RunResult r = RunCmd("printf 'Malet ar 6ver 4 443 tkr.\\n' | " + kBin + " repair --explain 2>" + err);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "Målet är över 4 443 tkr.\n");
  std::string explain = ReadFile(err);
  std::vector<std::string> lines;
  std::istringstream ss(explain);
  for (std::string l; std::getline(ss, l);) lines.push_back(l);
  ASSERT_EQ(lines.size(), 3u) << explain;
  // line, original, repair, score, reason — tab-separated.
  EXPECT_EQ(lines[0].rfind("<stdin>:1\tMalet\tMålet\t", 0), 0u) << lines[0];
  EXPECT_NE(lines[2].find("6ver\töver"), std::string::npos) << lines[2];
  std::remove(err.c_str());
}

TEST(RepairCliTest, WholeDocumentKeepsLinesAndTokens) {
  const std::string src = std::string(FINSAM_SOURCE_DIR) + "/corpus/gavleborg-vp-2020/received.txt";
  RunResult r = RunCmd(kBin + " repair " + src);
  ASSERT_EQ(r.exit_code, 0);
  const std::string in = ReadFile(src);
  ASSERT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), std::count(in.begin(), in.end(), '\n'));
  std::istringstream a(in), b(r.out);
  std::string la, lb;
  int changed_lines = 0;
  while (std::getline(a, la) && std::getline(b, lb)) {
    std::istringstream wa(la), wb(lb);
    std::vector<std::string> ta, tb;
    for (std::string w; wa >> w;) ta.push_back(w);
    for (std::string w; wb >> w;) tb.push_back(w);
    ASSERT_EQ(ta.size(), tb.size()) << la;
    changed_lines += la != lb;
  }
  EXPECT_GT(changed_lines, 100);
  EXPECT_NE(r.out.find("Förbundets uppgift är att inom Gävleborgs län svara för finansiell samordning"),
            std::string::npos);
}

TEST(RepairCliTest, ErrorsAndUsage) {
  RunResult missing = RunCmd(kBin + " repair /nonexistent/finsam/x.txt 2>&1");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.out.find("/nonexistent/finsam/x.txt"), std::string::npos) << missing.out;
  EXPECT_EQ(std::count(missing.out.begin(), missing.out.end(), '\n'), 1) << missing.out;

  EXPECT_EQ(RunCmd(kBin + " repair --bogus 2>/dev/null").exit_code, 2);
  EXPECT_EQ(RunCmd(kBin + " repair a.txt b.txt 2>/dev/null").exit_code, 2);
  RunResult help = RunCmd(kBin + " repair --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("usage: finsam repair"), std::string::npos);
}

TEST(RepairCliTest, BinaryInputIsRejected) {
  const std::string in = TempPath("bin.dat");
  WriteFile(in, std::string("\x00\x01\x02\x00 binary\x00", 12));
  RunResult r = RunCmd(kBin + " repair " + in + " 2>&1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(in), std::string::npos) << r.out;
  std::remove(in.c_str());
}

// The pipeline applies the same repair to stripped plain-text input and keeps
// the original in raw.
TEST(RepairStageTest, PipelineRepairsStrippedTextInput) {
  const std::string src = std::string(FINSAM_SOURCE_DIR) + "/corpus/gavleborg-vp-2020/received.txt";
  PipelineOptions opt;
  opt.quiet = true;
  Result<Extraction> ex = RunPipeline(src, opt);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  const Document& doc = ex->doc;
  ASSERT_FALSE(doc.pages.empty());
  EXPECT_EQ(doc.pages[0].decision, PageDecision::kRepair) << doc.pages[0].decision_reason;
  int repaired = 0;
  bool saw_forbundets = false;
  for (const Page& p : doc.pages) {
    for (const Line& l : p.lines) {
      std::string joined;
      for (const Word& w : l.words) {
        if (w.source == WordSource::kRepaired) {
          ++repaired;
          EXPECT_NE(w.text, w.raw);
          EXPECT_LT(w.confidence, 1.0f);
        } else {
          EXPECT_EQ(w.text, w.raw);
        }
        if (w.raw == "Forbundets" && w.text == "Förbundets") saw_forbundets = true;
      }
      // Plain text keeps its separators: line text is the raw line with the
      // words swapped, so tabs and double spaces stay.
      std::string mask_raw, mask_text;
      for (char c : l.raw) mask_raw += (c == ' ' || c == '\t') ? c : 'x';
      for (char c : l.text) mask_text += (c == ' ' || c == '\t') ? c : 'x';
      auto squeeze = [](const std::string& s) {
        std::string o;
        for (char c : s)
          if (!(c == 'x' && !o.empty() && o.back() == 'x')) o += c;
        return o;
      };
      EXPECT_EQ(squeeze(mask_raw), squeeze(mask_text)) << l.raw;
    }
  }
  EXPECT_GT(repaired, 400);
  EXPECT_TRUE(saw_forbundets);
}

TEST(RepairStageTest, CleanTextInputIsNotRepaired) {
  const std::string src = std::string(FINSAM_SOURCE_DIR) + "/corpus/jamtland-vp-2019/received.txt";
  PipelineOptions opt;
  opt.quiet = true;
  Result<Extraction> ex = RunPipeline(src, opt);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  for (const Page& p : ex->doc.pages) {
    EXPECT_NE(p.decision, PageDecision::kRepair) << p.decision_reason;
    for (const Line& l : p.lines)
      for (const Word& w : l.words) EXPECT_NE(w.source, WordSource::kRepaired) << w.text;
  }
}

TEST(RepairStageTest, OptionOffSkipsRepair) {
  const std::string src = std::string(FINSAM_SOURCE_DIR) + "/corpus/gavleborg-vp-2020/received.txt";
  PipelineOptions opt;
  opt.quiet = true;
  opt.repair_diacritics = false;
  Result<Extraction> ex = RunPipeline(src, opt);
  ASSERT_TRUE(ex.ok());
  for (const Page& p : ex->doc.pages)
    for (const Line& l : p.lines)
      for (const Word& w : l.words) EXPECT_NE(w.source, WordSource::kRepaired);
}

}  // namespace
}  // namespace finsam
