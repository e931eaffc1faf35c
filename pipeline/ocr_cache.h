// A disk cache of OCR results: what an engine read from one page image, kept
// under <cache dir>/ocr/ so that reading the same scan again (`finsam
// extract` and then `finsam ingest` of one file, a re-extraction, the test
// suite's several tests on one corpus scan) costs a file read instead of
// seconds of Tesseract per page.
//
// Key: SHA-256 over the engine's CacheIdentity (Tesseract version, model
// files, options and the adapter's own source code, ocr_engine.h) and the
// image (size, dpi, every pixel). A result is reused only for the very same
// pixels read by the very same engine build, which reads them the same way;
// an engine with an empty identity (test fakes) is never cached. The entry
// holds the engine's OcrPageResult exactly (doubles written round-trip), so a
// page read from the cache comes out of the OCR stage as it would from the
// engine; what the stage does afterwards (cleaning, line building) is not
// cached.
//
// Entries are small (about 60 bytes a word, 30–80 KB a page); past
// kMaxEntries the least recently used are removed, once per process. Any
// file error is a miss (Get) or is ignored (Put): the cache never changes a
// reading and never fails a page. Entries are written to a temporary name
// and renamed, so concurrent processes never read half an entry.
#ifndef FINSAM_PIPELINE_OCR_CACHE_H_
#define FINSAM_PIPELINE_OCR_CACHE_H_

#include <optional>
#include <string>

#include "model/page_image.h"
#include "pipeline/ocr/ocr_engine.h"

namespace finsam {

class OcrResultCache {
 public:
  static constexpr int kMaxEntries = 20000;

  // The entry of one page image: `dir`, the cache's own folder (created on
  // first Put); `identity`, the engine's CacheIdentity. Either empty, or an
  // empty image: an entry that holds nothing. The image is hashed here,
  // once, for both Get and Put; it is not kept.
  OcrResultCache(std::string dir, const std::string& identity, const GrayImage& image);

  bool enabled() const { return !path_.empty(); }
  std::optional<OcrPageResult> Get() const;
  void Put(const OcrPageResult& result) const;

  // The folder of OCR results under finsam's cache folder
  // (SwedishLexicon::DefaultCacheDir: $FINSAM_CACHE_DIR, else
  // $XDG_CACHE_HOME/finsam, else ~/.cache/finsam), or "" when caching is
  // off: FINSAM_CACHE_DIR=off, FINSAM_OCR_CACHE=off, or FINSAM_OCR_DEBUG_DIR
  // set (debugging wants the engine to run).
  static std::string DefaultDir();

  // Encoding of one entry (exposed for tests): Decode(Encode(r)) == r.
  static std::string Encode(const OcrPageResult& result);
  static std::optional<OcrPageResult> Decode(const std::string& bytes);

 private:
  std::string dir_, path_;  // path_ "" when disabled
};

}  // namespace finsam

#endif  // FINSAM_PIPELINE_OCR_CACHE_H_
