#include "pipeline/review/review_render.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "pipeline/input/pdf_render.h"
#include "pipeline/input/sha256.h"

namespace finsam {

Result<std::shared_ptr<const std::string>> LoadIngestedDocument(const std::string& path, const std::string& sha256) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::NotFound("no longer there");
  Document doc;
  doc.source_path = path;
  Result<std::shared_ptr<const std::string>> bytes = LoadDocumentBytes(doc);
  if (!bytes.ok()) return Status::NotFound("cannot be read: " + bytes.status().message());
  if (Sha256Hex(**bytes) != sha256)
    return Status::NotFound("changed since it was ingested (SHA-256 differs)");
  return bytes;
}

Result<LocatedDocument> LocateIngestedDocument(const std::string& stored, const std::string& sha256,
                                               const std::string& db_path) {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  fs::path p(stored);
  std::error_code ec;
  if (p.is_absolute()) {
    candidates.push_back(p);
  } else {
    candidates.push_back(fs::absolute(p, ec));
    fs::path dir = fs::absolute(fs::path(db_path), ec).parent_path();
    for (int depth = 0; !dir.empty() && depth < 32; ++depth) {
      candidates.push_back(dir / p);
      if (dir == dir.parent_path()) break;
      dir = dir.parent_path();
    }
  }
  std::string tried;
  std::vector<std::string> seen;
  for (const fs::path& c : candidates) {
    std::string path = c.lexically_normal().string();
    if (std::find(seen.begin(), seen.end(), path) != seen.end()) continue;
    seen.push_back(path);
    Result<std::shared_ptr<const std::string>> bytes = LoadIngestedDocument(path, sha256);
    if (bytes.ok()) return LocatedDocument{path, *bytes};
    if (!tried.empty()) tried += "; ";
    tried += path + ": " + bytes.status().message();
  }
  return Status::NotFound(candidates.size() == 1 ? tried : "not found (tried " + tried + ")");
}

Result<std::string> RenderPageCropPng(const std::shared_ptr<const std::string>& pdf, int page, const Box& region,
                                      const Box& box, double margin_pt, int dpi) {
  PdfPageSource source(pdf);
  Result<GrayImage> img = source.Render(page - 1, dpi);
  if (!img.ok()) return img.status();
  const double px_per_pt = dpi / 72.0;
  int y0 = std::max(0, static_cast<int>(std::floor((region.y0 - margin_pt) * px_per_pt)));
  int y1 = std::min(img->height, static_cast<int>(std::ceil((region.y1 + margin_pt) * px_per_pt)));
  if (y1 - y0 < 4) return Status::InvalidArgument("empty crop");
  const int w = img->width, h = y1 - y0;
  std::vector<unsigned char> crop(static_cast<size_t>(w) * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) crop[static_cast<size_t>(y) * w + x] = img->at(x, y0 + y);
  // Box the figure itself so the reviewer's eye lands on it.
  int bx0 = std::max(0, static_cast<int>(box.x0 * px_per_pt) - 3);
  int bx1 = std::min(w - 1, static_cast<int>(box.x1 * px_per_pt) + 3);
  int by0 = std::max(0, static_cast<int>(box.y0 * px_per_pt) - y0 - 3);
  int by1 = std::min(h - 1, static_cast<int>(box.y1 * px_per_pt) - y0 + 3);
  if (bx1 > bx0 && by1 > by0) {
    for (int x = bx0; x <= bx1; ++x) {
      crop[static_cast<size_t>(by0) * w + x] = 0;
      crop[static_cast<size_t>(by1) * w + x] = 0;
    }
    for (int y = by0; y <= by1; ++y) {
      crop[static_cast<size_t>(y) * w + bx0] = 0;
      crop[static_cast<size_t>(y) * w + bx1] = 0;
    }
  }
  return EncodeGrayPng(w, h, crop.data());
}

Result<std::string> EncodeGrayPng(int width, int height, const unsigned char* pixels) {
  if (width <= 0 || height <= 0) return Status::InvalidArgument("empty image");
  PIX* pix = pixCreate(width, height, 8);
  if (!pix) return Status::Internal("pixCreate failed");
  l_uint32* data = pixGetData(pix);
  const int wpl = pixGetWpl(pix);
  for (int y = 0; y < height; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const unsigned char* src = pixels + static_cast<size_t>(y) * width;
    for (int x = 0; x < width; ++x) SET_DATA_BYTE(line, x, src[x]);
  }
  l_uint8* out = nullptr;
  size_t size = 0;
  int rc = pixWriteMem(&out, &size, pix, IFF_PNG);
  pixDestroy(&pix);
  if (rc != 0 || !out) return Status::Internal("PNG encoding failed");
  std::string png(reinterpret_cast<const char*>(out), size);
  lept_free(out);
  return png;
}

Result<PngStats> AnalyzePng(const std::string& path, uint32_t rgb, int tolerance) {
  PIX* raw = pixRead(path.c_str());
  if (!raw) return Status::IoError("cannot read image " + path);
  PIX* pix = pixConvertTo32(raw);
  pixDestroy(&raw);
  if (!pix) return Status::Internal("cannot convert " + path);
  PngStats st;
  st.width = pixGetWidth(pix);
  st.height = pixGetHeight(pix);
  std::vector<bool> seen(4096);
  const int tr = (rgb >> 16) & 255, tg = (rgb >> 8) & 255, tb = rgb & 255;
  for (int y = 0; y < st.height; ++y) {
    for (int x = 0; x < st.width; ++x) {
      l_int32 r, g, b;
      l_uint32 v;
      pixGetPixel(pix, x, y, &v);
      extractRGBValues(v, &r, &g, &b);
      int bucket = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
      if (!seen[bucket]) {
        seen[bucket] = true;
        ++st.colour_buckets;
      }
      if (std::abs(r - tr) <= tolerance && std::abs(g - tg) <= tolerance && std::abs(b - tb) <= tolerance)
        ++st.near_rgb;
    }
  }
  pixDestroy(&pix);
  return st;
}

std::string PngDataUri(const std::string& png) {
  static const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out = "data:image/png;base64,";
  size_t i = 0;
  for (; i + 2 < png.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(png[i]) << 16) | (static_cast<unsigned char>(png[i + 1]) << 8) |
                 static_cast<unsigned char>(png[i + 2]);
    out += kB64[v >> 18];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
    out += kB64[v & 63];
  }
  if (i + 1 == png.size()) {
    unsigned v = static_cast<unsigned char>(png[i]) << 16;
    out += kB64[v >> 18];
    out += kB64[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == png.size()) {
    unsigned v = (static_cast<unsigned char>(png[i]) << 16) | (static_cast<unsigned char>(png[i + 1]) << 8);
    out += kB64[v >> 18];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

}  // namespace finsam
