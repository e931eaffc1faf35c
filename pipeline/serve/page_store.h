// The ingested documents behind `finsam serve`: their bytes (found again and
// checked against the SHA-256 recorded at ingest, review_render.h
// LocateIngestedDocument), their pages' text-layer lines (for the table
// header boxes, table_crop.h) and rendered page images as PNG, each kept in
// memory after first use. Pages are addressed by document id and page
// number only; the paths come from the database, never from a request.
//
// Thread-safe: several request threads may ask at once; a page rendered by
// two threads at the same time is rendered twice and cached once.
#ifndef FINSAM_PIPELINE_SERVE_PAGE_STORE_H_
#define FINSAM_PIPELINE_SERVE_PAGE_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <deque>

#include "model/document.h"
#include "model/status.h"

namespace finsam {

// Where a document's file is and what its bytes must hash to (from the
// documents table).
struct StoredDocument {
  std::string path, sha256, format;  // format: pdf | text
  int pages = 0;
};

class PageStore {
 public:
  // `db_path`: relative stored paths are also looked for from the
  // database's directory. `max_png_bytes`: the PNG cache's budget; the
  // oldest images are dropped past it.
  explicit PageStore(std::string db_path, size_t max_png_bytes = 256u << 20)
      : db_path_(std::move(db_path)), max_png_bytes_(max_png_bytes) {}

  // PNG of page `page` (1-based) of document `id` at `dpi`, rendered once.
  // NotFound: the file is gone or changed since ingest, or no such page;
  // Unsupported: not a PDF.
  Result<std::shared_ptr<const std::string>> PagePng(int64_t id, const StoredDocument& doc, int page, int dpi);
  // The page's lines as the PDF text layer gives them (empty for a page
  // without one), read once per document.
  Result<std::shared_ptr<const Page>> PageLines(int64_t id, const StoredDocument& doc, int page);

  struct Stats {
    int64_t renders = 0, hits = 0;
  };
  Stats stats() const;

 private:
  Result<std::shared_ptr<const std::string>> Bytes(int64_t id, const StoredDocument& doc);
  std::string db_path_;
  size_t max_png_bytes_;
  mutable std::mutex mu_;
  std::map<int64_t, std::shared_ptr<const std::string>> bytes_;
  std::map<int64_t, Status> missing_;
  std::map<int64_t, std::shared_ptr<const Document>> lines_;
  std::map<std::tuple<int64_t, int, int>, std::shared_ptr<const std::string>> png_;
  std::deque<std::tuple<int64_t, int, int>> png_order_;
  size_t png_bytes_ = 0;
  Stats stats_;
};

}  // namespace finsam

#endif  // FINSAM_PIPELINE_SERVE_PAGE_STORE_H_
