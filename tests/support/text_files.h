// Small text helpers the tests and benches share.
#ifndef FINSAM_TESTS_SUPPORT_TEXT_FILES_H_
#define FINSAM_TESTS_SUPPORT_TEXT_FILES_H_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace finsam {

// The whole file as bytes; "" when it cannot be read.
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The whitespace-separated words of `text`, in order.
inline std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

}  // namespace finsam

#endif  // FINSAM_TESTS_SUPPORT_TEXT_FILES_H_
