// Where the real third-party PDFs are: ../shared/realdocs/ beside the
// checkout (this workplace and CI), read in place and never copied into the
// project. "" when absent: tests that need them skip.
#ifndef FINSAM_TESTS_SUPPORT_REALDOCS_H_
#define FINSAM_TESTS_SUPPORT_REALDOCS_H_

#include <filesystem>
#include <string>

namespace finsam {

inline std::string RealDocsDir() {
  for (const char* dir : {FINSAM_SOURCE_DIR "/../shared/realdocs", FINSAM_SOURCE_DIR "/../../shared/realdocs"}) {
    if (std::filesystem::exists(std::string(dir) + "/goteborg")) return dir;
  }
  return "";
}

}  // namespace finsam

#endif  // FINSAM_TESTS_SUPPORT_REALDOCS_H_
