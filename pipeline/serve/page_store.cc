#include "pipeline/serve/page_store.h"

#include <cstring>

#include "pipeline/input/pdf_reader.h"
#include "pipeline/input/pdf_render.h"
#include "pipeline/review/review_render.h"

namespace finsam {

Result<std::shared_ptr<const std::string>> PageStore::Bytes(int64_t id, const StoredDocument& doc) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = bytes_.find(id); it != bytes_.end()) return it->second;
    if (auto it = missing_.find(id); it != missing_.end()) return it->second;
  }
  Result<LocatedDocument> found = LocateIngestedDocument(doc.path, doc.sha256, db_path_);
  std::lock_guard<std::mutex> lock(mu_);
  if (!found.ok()) {
    missing_.emplace(id, found.status());
    return found.status();
  }
  bytes_.emplace(id, found->bytes);
  return found->bytes;
}

Result<std::shared_ptr<const std::string>> PageStore::PagePng(int64_t id, const StoredDocument& doc, int page,
                                                              int dpi) {
  if (doc.format != "pdf") return Status::Unsupported("not a PDF: no page images");
  if (page < 1 || page > doc.pages) return Status::NotFound("no page " + std::to_string(page));
  const auto key = std::make_tuple(id, page, dpi);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = png_.find(key); it != png_.end()) {
      ++stats_.hits;
      return it->second;
    }
  }
  Result<std::shared_ptr<const std::string>> bytes = Bytes(id, doc);
  if (!bytes.ok()) return bytes.status();
  // RGB rendering is the cheaper path on pages with ICC photos (pdf_render.h).
  PdfPageSource source(*bytes, RenderColor::kRgb);
  Result<GrayImage> img = source.Render(page - 1, dpi);
  if (!img.ok()) return img.status();
  Result<std::string> png = EncodeGrayPng(img->width, img->height, img->pixels.data());
  if (!png.ok()) return png.status();
  auto shared = std::make_shared<const std::string>(std::move(*png));
  std::lock_guard<std::mutex> lock(mu_);
  ++stats_.renders;
  if (!png_.count(key)) {
    png_.emplace(key, shared);
    png_order_.push_back(key);
    png_bytes_ += shared->size();
    while (png_bytes_ > max_png_bytes_ && png_order_.size() > 1) {
      auto old = png_.find(png_order_.front());
      png_order_.pop_front();
      if (old == png_.end()) continue;
      png_bytes_ -= old->second->size();
      png_.erase(old);
    }
  }
  return shared;
}

Result<std::shared_ptr<const Page>> PageStore::PageLines(int64_t id, const StoredDocument& doc, int page) {
  if (doc.format != "pdf") return Status::Unsupported("not a PDF");
  std::shared_ptr<const Document> parsed;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = lines_.find(id); it != lines_.end()) parsed = it->second;
  }
  if (!parsed) {
    Result<std::shared_ptr<const std::string>> bytes = Bytes(id, doc);
    if (!bytes.ok()) return bytes.status();
    auto d = std::make_shared<Document>();
    Status st = ReadPdf(**bytes, 5000, *d);
    if (!st.ok()) return st;
    parsed = d;
    std::lock_guard<std::mutex> lock(mu_);
    lines_.emplace(id, parsed);
  }
  if (page < 1 || page > static_cast<int>(parsed->pages.size())) return Status::NotFound("no page " + std::to_string(page));
  return std::shared_ptr<const Page>(parsed, &parsed->pages[page - 1]);
}

PageStore::Stats PageStore::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

}  // namespace finsam
