// The static files of `finsam serve` (HTML, CSS, JavaScript of
// pipeline/serve/assets/), embedded in the binary at build time
// (cmake/embed_assets.cmake generates the definition), so the server reads
// no files but the database and the ingested documents.
#ifndef FINSAM_PIPELINE_SERVE_ASSETS_H_
#define FINSAM_PIPELINE_SERVE_ASSETS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace finsam {

struct EmbeddedAsset {
  const char* name;           // file name, e.g. "app.js"
  const unsigned char* data;  // the file's bytes (followed by a NUL not counted in size)
  size_t size;
  std::string_view bytes() const { return {reinterpret_cast<const char*>(data), size}; }
};

const std::vector<EmbeddedAsset>& EmbeddedAssets();

}  // namespace finsam

#endif  // FINSAM_PIPELINE_SERVE_ASSETS_H_
