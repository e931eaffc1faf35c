// `finsam repair [FILE] [--explain]`: restores Swedish å/ä/ö in text an
// English OCR model stripped. Reads FILE (stdin without it), writes the
// repaired text to stdout with the same lines and tokens. See
// normalizers/diacritic_repair.h and docs/diacritics.md.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "normalizers/diacritic_repair.h"
#include "normalizers/swedish_lexicon.h"
#include "normalizers/unicode.h"

namespace finsam {
namespace {

constexpr const char* kRepairUsage = "usage: finsam repair [OPTIONS] [FILE]";

constexpr const char* kRepairDescription =
    R"(Restores the Swedish letters å, ä and ö in text whose diacritics an English
OCR model stripped or garbled ("Forbundets uppgift ar" → "Förbundets uppgift
är", "6ver" → "över", "férbattra" → "förbättra"). Reads FILE, or standard
input without it (or with '-'), and writes the repaired text to standard
output with the same lines, whitespace and tokens: only letters inside words
change. Numbers, amounts, dates, URLs and e-mail addresses pass unchanged;
case is kept.)";

constexpr const char* kRepairFooter =
    R"(Data: the lexicon under $FINSAM_DATA_DIR/lexicon (or the installed data/),
with hunspell-sv, wswedish and dasher-data when installed.
Exit codes: 0 ok, 1 the input could not be read, 2 usage.)";

}  // namespace

int RunRepairCommand(const Args& args) {
  bool explain = false;
  std::string path;
  std::unique_ptr<CLI::App> app = MakeCommandApp("repair", kRepairUsage, kRepairDescription, kRepairFooter);
  app->add_flag("--explain", explain,
                "also write, per changed word, a tab-separated line to standard error: line number, original, "
                "repair, score (log-odds of the repair against the word as written) and why");
  app->add_option("file", path, "the text to repair (default: standard input)")->type_name("FILE");
  if (std::optional<int> exit = ParseCommandLine(*app, "repair", args)) return *exit;
  std::string bytes;
  const std::string name = path.empty() || path == "-" ? "<stdin>" : QuotePathForLog(path);
  if (path.empty() || path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "finsam repair: " << QuotePathForLog(path) << ": cannot open (" << std::strerror(errno) << ")\n";
      return kExitInputFailed;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
      std::cerr << "finsam repair: " << QuotePathForLog(path) << ": read error\n";
      return kExitInputFailed;
    }
    bytes = ss.str();
  }
  std::string note;
  Result<std::string> text = DecodeText(bytes, &note);
  if (!text.ok()) {
    std::cerr << "finsam repair: " << name << ": " << text.status().ToString() << "\n";
    return kExitInputFailed;
  }
  const SwedishLexicon* lex = SwedishLexicon::Shared();
  if (!lex) {
    std::cerr << "finsam repair: Swedish lexicon not found in " << SwedishLexicon::DefaultDataDir()
              << "/lexicon (set FINSAM_DATA_DIR)\n";
    return kExitInputFailed;
  }
  DiacriticRepairer repairer(*lex);
  std::vector<WordChange> changes;
  std::string out = repairer.RepairText(*text, explain ? &changes : nullptr);
  std::cout << out;
  std::cout.flush();
  if (explain) {
    // Token index → line number, by walking the text once.
    std::vector<RepairToken> tokens = TokenizeForRepair(*text);
    std::vector<int> line_of(tokens.size(), 1);
    {
      int line = 1;
      size_t t = 0;
      bool in_token = false;
      for (char c : *text) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (!space && !in_token && t < line_of.size()) line_of[t++] = line;
        in_token = !space;
        if (c == '\n') ++line;
      }
    }
    for (const WordChange& c : changes) {
      char score[32];
      std::snprintf(score, sizeof score, "%.2f", c.score);
      std::cerr << name << ":" << line_of[c.token] << "\t" << c.original << "\t" << c.repaired << "\t" << score
                << "\t" << c.reason << "\n";
    }
  }
  if (!std::cout) {
    std::cerr << "finsam repair: cannot write to standard output\n";
    return kExitInputFailed;
  }
  return kExitOk;
}

}  // namespace finsam
