#include "cli/output_guard.h"

#include <filesystem>
#include <system_error>

namespace finsam {
namespace fs = std::filesystem;

bool SameFile(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) {
    const bool same = fs::equivalent(a, b, ec);
    if (!ec) return same;
  }
  std::error_code ea, eb;
  const fs::path ca = fs::weakly_canonical(fs::absolute(a, ea), ea);
  const fs::path cb = fs::weakly_canonical(fs::absolute(b, eb), eb);
  if (ea || eb) return a == b;
  return ca == cb;
}

std::vector<std::string> DatabaseFiles(const std::string& db_path) {
  return {db_path, db_path + "-wal", db_path + "-shm", db_path + "-journal"};
}

std::optional<std::string> FindSameFile(const std::string& output, const std::vector<std::string>& inputs) {
  for (const std::string& in : inputs)
    if (SameFile(output, in)) return in;
  return std::nullopt;
}

}  // namespace finsam
