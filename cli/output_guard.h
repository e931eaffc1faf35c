// No command writes its output over its own input: the output path is
// compared with the database (and SQLite's -wal, -shm and -journal files
// beside it) and every input path, by file identity.
#ifndef FINSAM_CLI_OUTPUT_GUARD_H_
#define FINSAM_CLI_OUTPUT_GUARD_H_

#include <optional>
#include <string>
#include <vector>

namespace finsam {

// True when `a` and `b` name the same file: the same device and inode when
// both exist (std::filesystem::equivalent, so hard and symbolic links
// count), else the same weakly canonical path.
bool SameFile(const std::string& a, const std::string& b);

// The database file and the files SQLite keeps beside it.
std::vector<std::string> DatabaseFiles(const std::string& db_path);

// The first of `inputs` that is the same file as `output`, if any.
std::optional<std::string> FindSameFile(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace finsam

#endif  // FINSAM_CLI_OUTPUT_GUARD_H_
