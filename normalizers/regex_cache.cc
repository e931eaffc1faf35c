#include "normalizers/regex_cache.h"

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace finsam {

const RE2& Re(std::string_view pattern) {
  static std::mutex mu;
  static auto* cache = new std::unordered_map<std::string, std::unique_ptr<RE2>>();
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache->find(std::string(pattern));
  if (it != cache->end()) return *it->second;
  auto re = std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()));
  const RE2& ref = *re;
  cache->emplace(std::string(pattern), std::move(re));
  return ref;
}

}  // namespace finsam
