#include "cli/input_walk.h"

#include <algorithm>
#include <cctype>

namespace finsam {
namespace fs = std::filesystem;

DirectoryListing ListDirectory(const fs::path& dir) {
  DirectoryListing out;
  fs::directory_iterator it(dir, out.error), end;
  if (out.error) return out;
  for (; it != end; it.increment(out.error)) {
    out.entries.push_back(*it);
    // increment() sets the error and leaves `it` at end when reading fails.
  }
  return out;
}

bool IsInputExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf" || ext == ".txt" || ext == ".md";
}

bool IsPdfExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf";
}

namespace {

void Walk(const fs::path& dir, const DirectoryLister& list, bool text, InputWalk* out) {
  DirectoryListing listing = list(dir);
  if (listing.error) out->unreadable.push_back({dir.string(), "unreadable: " + listing.error.message()});
  for (const fs::directory_entry& entry : listing.entries) {
    const fs::path& p = entry.path();
    const std::string name = p.filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code ec;
    const fs::file_status link = entry.symlink_status(ec);
    if (!ec && fs::is_directory(link)) {
      Walk(p, list, text, out);
      continue;
    }
    const fs::file_status target = entry.status(ec);
    if (ec || !fs::exists(target)) {
      // A dangling or looping symbolic link, or an entry that vanished.
      if ((text ? IsInputExtension(p) : IsPdfExtension(p)) || !p.has_extension())
        out->unreadable.push_back(
            {p.string(), "unreadable: " + (ec ? ec.message() : std::string("No such file or directory"))});
      continue;
    }
    if (fs::is_regular_file(target) && (text ? IsInputExtension(p) : IsPdfExtension(p))) out->files.push_back(p.string());
  }
}

}  // namespace

InputWalk WalkInputDirectory(const fs::path& dir, const DirectoryLister& list, bool text) {
  InputWalk out;
  Walk(dir, list, text, &out);
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.unreadable.begin(), out.unreadable.end(),
            [](const UnreadablePath& a, const UnreadablePath& b) { return a.path < b.path; });
  return out;
}

}  // namespace finsam
