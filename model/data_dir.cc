#include "model/data_dir.h"

#include <cstdlib>
#include <filesystem>

namespace finsam {

std::string DataDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("FINSAM_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path cand : {exe.parent_path() / "data", exe.parent_path().parent_path() / "data"}) {
      if (fs::exists(cand / "forbund_registry.tsv", ec) || fs::exists(cand / "lexicon" / "swe.wordlist", ec))
        return cand.string();
    }
  }
  return FINSAM_DATA_DIR_DEFAULT;
}

}  // namespace finsam
