// Walking an input folder for `finsam ingest`: which files to read and which
// places could not be read. A folder (or an entry) that cannot be read is
// reported, never skipped silently; the listing of one folder is a seam
// (DirectoryLister) so tests can make a folder fail even when running as
// root, where permissions do not stop reading.
#ifndef FINSAM_CLI_INPUT_WALK_H_
#define FINSAM_CLI_INPUT_WALK_H_

#include <filesystem>
#include <functional>
#include <string>
#include <system_error>
#include <vector>

namespace finsam {

// One folder's entries, as far as they could be read, and the error that
// stopped the reading (empty when the whole folder was read).
struct DirectoryListing {
  std::vector<std::filesystem::directory_entry> entries;
  std::error_code error;
};
using DirectoryLister = std::function<DirectoryListing(const std::filesystem::path&)>;

// Lists `dir` with std::filesystem::directory_iterator; an error opening it
// or moving to the next entry ends the listing and is returned.
DirectoryListing ListDirectory(const std::filesystem::path& dir);

// .pdf, .txt or .md (any case).
bool IsInputExtension(const std::filesystem::path& p);
// .pdf (any case).
bool IsPdfExtension(const std::filesystem::path& p);

struct UnreadablePath {
  std::string path;
  std::string reason;  // "unreadable: Permission denied"
};

struct InputWalk {
  std::vector<std::string> files;          // sorted by path
  std::vector<UnreadablePath> unreadable;  // sorted by path
};

// The input files under `dir`, recursively: PDFs, and with `text` also
// .txt/.md dumps (notes lying beside the PDFs are not documents unless
// asked for); hidden entries (name starting with '.') and other extensions
// skipped, symbolic links to folders not
// followed. Folders that cannot be listed (wholly or partly) are in
// `unreadable`, as are entries whose type cannot be determined (a dangling
// or looping symbolic link) when their name has an input extension or none
// (it may have been a folder).
InputWalk WalkInputDirectory(const std::filesystem::path& dir, const DirectoryLister& list = ListDirectory,
                             bool text = false);

}  // namespace finsam

#endif  // FINSAM_CLI_INPUT_WALK_H_
