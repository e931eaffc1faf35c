#include "pipeline/ocr_cache.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "normalizers/swedish_lexicon.h"
#include "pipeline/input/sha256.h"

namespace finsam {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[] = "finsam-ocr-cache 2";

// Removes the least recently used entries beyond kMaxEntries (Get touches an
// entry), down to 3/4 of it. Once per process and folder.
void Prune(const std::string& dir) {
  static std::mutex mu;
  static std::vector<std::string> done;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (std::find(done.begin(), done.end(), dir) != done.end()) return;
    done.push_back(dir);
  }
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code e2;
    const fs::file_time_type t = it->last_write_time(e2);
    if (!e2) entries.emplace_back(t, it->path());
  }
  if (entries.size() <= static_cast<size_t>(OcrResultCache::kMaxEntries)) return;
  std::sort(entries.begin(), entries.end());
  const size_t remove = entries.size() - OcrResultCache::kMaxEntries * 3 / 4;
  for (size_t i = 0; i < remove; ++i) fs::remove(entries[i].second, ec);
}

}  // namespace

OcrResultCache::OcrResultCache(std::string dir, const std::string& identity, const GrayImage& image)
    : dir_(std::move(dir)) {
  if (dir_.empty() || identity.empty() || image.empty()) return;
  char head[96];
  std::snprintf(head, sizeof head, "\n%d %d %.17g\n", image.width, image.height, image.dpi);
  std::string key = identity + head;
  key.append(reinterpret_cast<const char*>(image.pixels.data()), image.pixels.size());
  path_ = dir_ + "/" + Sha256Hex(key);
}

std::string OcrResultCache::DefaultDir() {
  if (const char* off = std::getenv("FINSAM_OCR_CACHE"); off && std::string(off) == "off") return "";
  if (const char* debug = std::getenv("FINSAM_OCR_DEBUG_DIR"); debug && *debug) return "";
  const std::string base = SwedishLexicon::DefaultCacheDir();
  return base.empty() ? "" : base + "/ocr";
}

std::string OcrResultCache::Encode(const OcrPageResult& r) {
  std::string out = std::string(kMagic) + "\n";
  char buf[256];
  std::snprintf(buf, sizeof buf, "%d %.17g %d %d %d %d %d %d %d %zu\n", r.orientation_degrees, r.skew_degrees,
                r.ruling_lines, r.cells_rechecked, r.speckles_removed, r.figures_reread, r.figures_doubted,
                r.words_reread, r.words_replaced, r.words.size());
  out += buf;
  for (const OcrWord& w : r.words) {
    // The text last, with its byte length: it may hold any byte.
    std::snprintf(buf, sizeof buf, "%.17g %.17g %.17g %.17g %.9g %d %d %d %zu %zu ", w.x0, w.y0, w.x1, w.y1,
                  static_cast<double>(w.confidence), w.block, w.line, w.cell_rechecked ? 1 : 0, w.readings.size(),
                  w.text.size());
    out += buf;
    out += w.text;
    out += '\n';
    // Its other readings, one per line, each after its byte length.
    for (const std::string& r : w.readings) {
      out += std::to_string(r.size()) + " ";
      out += r;
      out += '\n';
    }
  }
  return out;
}

std::optional<OcrPageResult> OcrResultCache::Decode(const std::string& bytes) {
  const size_t magic_end = bytes.find('\n');
  if (magic_end == std::string::npos || bytes.compare(0, magic_end, kMagic) != 0) return std::nullopt;
  size_t pos = magic_end + 1;
  size_t end = bytes.find('\n', pos);
  if (end == std::string::npos) return std::nullopt;
  OcrPageResult r;
  size_t n = 0;
  {
    const std::string head = bytes.substr(pos, end - pos);
    int used = 0;
    if (std::sscanf(head.c_str(), "%d %lf %d %d %d %d %d %d %d %zu%n", &r.orientation_degrees, &r.skew_degrees,
                    &r.ruling_lines, &r.cells_rechecked, &r.speckles_removed, &r.figures_reread,
                    &r.figures_doubted, &r.words_reread, &r.words_replaced, &n, &used) != 10 ||
        used != static_cast<int>(head.size()))
      return std::nullopt;
    pos = end + 1;
  }
  if (n > bytes.size()) return std::nullopt;  // a word takes more than a byte
  r.words.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    end = bytes.find(' ', pos);
    // Ten numbers, then the text: find the tenth space.
    for (int k = 1; k < 10 && end != std::string::npos; ++k) end = bytes.find(' ', end + 1);
    if (end == std::string::npos) return std::nullopt;
    const std::string nums = bytes.substr(pos, end - pos);
    OcrWord w;
    double conf = 0;
    int rechecked = 0, used = 0;
    size_t len = 0, readings = 0;
    if (std::sscanf(nums.c_str(), "%lf %lf %lf %lf %lf %d %d %d %zu %zu%n", &w.x0, &w.y0, &w.x1, &w.y1, &conf,
                    &w.block, &w.line, &rechecked, &readings, &len, &used) != 10 ||
        used != static_cast<int>(nums.size()))
      return std::nullopt;
    pos = end + 1;
    if (len > bytes.size() - pos || pos + len >= bytes.size() || bytes[pos + len] != '\n') return std::nullopt;
    w.text = bytes.substr(pos, len);
    w.confidence = static_cast<float>(conf);
    w.cell_rechecked = rechecked != 0;
    pos += len + 1;
    if (readings > bytes.size() - pos) return std::nullopt;
    for (size_t k = 0; k < readings; ++k) {
      end = bytes.find(' ', pos);
      if (end == std::string::npos) return std::nullopt;
      size_t rlen = 0;
      int rused = 0;
      const std::string num = bytes.substr(pos, end - pos);
      if (std::sscanf(num.c_str(), "%zu%n", &rlen, &rused) != 1 || rused != static_cast<int>(num.size()))
        return std::nullopt;
      pos = end + 1;
      if (rlen > bytes.size() - pos || pos + rlen >= bytes.size() || bytes[pos + rlen] != '\n') return std::nullopt;
      w.readings.push_back(bytes.substr(pos, rlen));
      pos += rlen + 1;
    }
    r.words.push_back(std::move(w));
  }
  if (pos != bytes.size()) return std::nullopt;
  return r;
}

std::optional<OcrPageResult> OcrResultCache::Get() const {
  if (!enabled()) return std::nullopt;
  std::ifstream in(path_, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  std::optional<OcrPageResult> r = Decode(ss.str());
  if (r) {
    std::error_code ec;  // recently used: kept longest by Prune
    fs::last_write_time(path_, fs::file_time_type::clock::now(), ec);
  }
  return r;
}

void OcrResultCache::Put(const OcrPageResult& result) const {
  if (!enabled()) return;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return;
  Prune(dir_);
  const std::string tmp = path_ + ".tmp" + std::to_string(::getpid()) + "-" +
                          std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    const std::string bytes = Encode(result);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, path_, ec);
  if (ec) fs::remove(tmp, ec);
}

}  // namespace finsam
