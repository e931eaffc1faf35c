// The seam between the OCR stage and an OCR engine (Tesseract in production,
// a fake in unit tests), and between the OCR stage and a page rasterizer
// (Poppler in production, a fake in tests).
//
// Images are 8-bit gray, row-major, origin at the TOP-LEFT pixel, x right,
// y down, 0 = black, 255 = white. Word boxes that an engine returns are in the
// pixel coordinates of the image it was GIVEN (an engine that rotates or
// deskews internally maps its boxes back, except that Tesseract leaves them
// in the straightened frame, see tesseract_engine.h); the OCR stage converts them to page
// points with the image's size and the page's size.
#ifndef FINSAM_PIPELINE_OCR_OCR_ENGINE_H_
#define FINSAM_PIPELINE_OCR_OCR_ENGINE_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/page_image.h"
#include "model/status.h"

namespace finsam {


// One recognized word. Box in pixels of the input image, x0 <= x1, y0 <= y1.
struct OcrWord {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float confidence = 0;  // 0..1
  int block = 0;         // engine's layout block id (paragraph/table cell group)
  int line = 0;          // engine's text-line id, increasing in reading order
  bool cell_rechecked = false;  // re-recognized alone inside a table cell
  // Other readings of a figure word the engine's passes gave (a re-read of
  // its cell in another mode, its second reading alone), distinct from
  // `text` and from each other, in the order found. Number repair offers
  // them to the sums (model/document.h Word::readings).
  std::vector<std::string> readings;
};

// What an engine did to a page and what it found.
struct OcrPageResult {
  std::vector<OcrWord> words;
  int orientation_degrees = 0;  // clockwise rotation detected and undone (0/90/180/270)
  double skew_degrees = 0;      // skew detected and undone
  int ruling_lines = 0;         // table ruling lines found (a grid's erased: LinesToErase)
  int cells_rechecked = 0;      // table cells re-recognized alone
  int speckles_removed = 0;     // dots smaller than a full stop painted out (speckles.h)
  int figures_reread = 0;       // figure words read a second time alone
  int figures_doubted = 0;      // ... whose second reading differed
  int words_reread = 0;         // garbled words (no digit, next to no confidence) read again alone
  int words_replaced = 0;       // ... whose new reading, one confident word, replaced them
  double mean_confidence() const;  // over words, -1 when there are none
};

// One engine instance is used by one thread at a time (an OCR worker owns
// its engine). Recognize should not throw; failures come back as Status (the
// OCR stage still catches what an engine throws and reports it per page).
class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  virtual Result<OcrPageResult> Recognize(const GrayImage& image) = 0;

  // Asks the engine to give up on Recognize calls still running at
  // `deadline` and return an error soon after (Tesseract: a progress monitor,
  // ETEXT_DESC, with that deadline). A default-constructed time point means
  // no deadline. Engines that cannot be interrupted ignore it; the OCR stage
  // then discards a result that comes back after the deadline.
  virtual void SetDeadline(std::chrono::steady_clock::time_point deadline) {}

  // What decides this engine's readings besides the image: its code, model
  // files and settings, as one string. Two engines with the same identity
  // read the same image the same way (Tesseract is deterministic), so a
  // result may be reused (pipeline/ocr_cache.h). "" (the default, and every
  // test fake): do not cache this engine's results.
  virtual std::string CacheIdentity() const { return {}; }
};

// Creates one engine; called once per worker thread, on that thread.
using OcrEngineFactory = std::function<Result<std::unique_ptr<OcrEngine>>()>;


}  // namespace finsam

#endif  // FINSAM_PIPELINE_OCR_OCR_ENGINE_H_
