// The OCR stage's testable core: rasterize the pages decided "ocr", run an
// OcrEngine on each (in parallel through an OcrPool), and put the words into
// the document model like text-layer words.
//
// Word boxes: engine pixels → page points with the rendered image's size and
// the page's size (origin top-left, y down; see document.h). Words get
// source kOcr, confidence 0..1, raw = the engine's text, text = the text
// after CleanOcrToken (border glyphs and digit/letter confusions in numbers);
// tokens that are only border debris ("|") are dropped. Lines come from
// line_builder (BuildLines), so OCR and text-layer pages read the same way.
#ifndef FINSAM_PIPELINE_OCR_STAGE_H_
#define FINSAM_PIPELINE_OCR_STAGE_H_

#include <functional>
#include <string>

#include "model/document.h"
#include "model/status.h"
#include "pipeline/ocr/ocr_engine.h"
#include "pipeline/ocr/ocr_pool.h"

namespace finsam {

struct OcrRunOptions {
  int dpi = 300;
  // Also OCR the garbled table band of "repair" pages (FindDamagedTableBand)
  // and replace only the words in that band.
  bool reread_damaged_tables = true;
  // (pages_done, pages_total) after each page; called from worker threads.
  std::function<void(int, int)> progress;
  // Seconds one page may take, rendering and recognition together; 0 = no
  // limit. At the deadline the engine is asked to stop
  // (OcrEngine::SetDeadline; Tesseract honours it through its progress
  // monitor) and the page fails with kTooLarge "timed out after N s" (over
  // the configured limit); a result that
  // arrives after the deadline is discarded. An engine that neither honours
  // the deadline nor returns keeps its worker (threads cannot be killed).
  double page_timeout_s = 300;
  // Folder of the OCR result cache (ocr_cache.h); "" = no cache. Only
  // engines with a CacheIdentity are cached.
  std::string cache_dir;
};

// OCRs every page of `doc` whose decision is kOcr (and the damaged table band
// of kRepair pages, see OcrRunOptions). A page that has text-layer words
// keeps them when they read better than OCR (PreferOcrReading); its
// decision then becomes kText, and both scores go to
// page.text_layer_score / page.ocr_score. A page that fails — rendering or
// the engine returns an error, the engine throws, or the page passes its
// deadline — keeps its text layer (if any), gets "; OCR failed: …" appended
// to its decision reason and a warning "page N: OCR failed: …" on the
// document; the function itself returns Ok (failures are per page). Malformed
// engine output is cleaned, not trusted: invalid UTF-8 is repaired, words
// without a finite box or outside the image are dropped, boxes are clamped to
// the image and confidences to 0..1 (NaN → 0); the page then gets "; OCR
// output cleaned: …" and a warning "page N: OCR output cleaned: …". Blocks
// until all pages are done.
Status OcrPages(Document& doc, const PageImageSource& source, OcrPool& pool, const OcrRunOptions& options);

// How well one reading of a page (its lines) reads as Swedish text and
// numbers, for choosing between a text layer and OCR.
struct ReadingScore {
  int tokens = 0;   // words with at least one letter or digit
  int valid = 0;    // words valid as Swedish (lexicon; without it: letters only,
                    // no unmappable or garble glyphs) + numbers that parse
  int numbers = 0;  // tokens with a digit
  int parsed = 0;   // of those, parsed as Swedish numbers
  double share() const { return tokens ? static_cast<double>(valid) / tokens : 0; }
};
ReadingScore ScoreReading(const Page& page);

// Whether OCR's reading replaces the page's text layer. The layer is kept
// unless OCR reads clearly more valid words and numbers (a layer that covers
// part of the page, or cannot be mapped), and always when OCR turned the
// page (orientation) while the layer reads upright as Swedish: a text layer's
// boxes come upright from the PDF, so a rotation found by OCR on such a page
// is a misreading. `why` gets the figures.
bool PreferOcrReading(const ReadingScore& layer, const ReadingScore& ocr, int ocr_orientation_degrees,
                      std::string* why);

// Replaces page.lines with the engine's words (pixels of an image of
// image_width × image_height covering the whole page) and sets
// page.ocr_confidence. Exposed for tests.
void ApplyOcrResult(const OcrPageResult& result, int image_width, int image_height, Page& page);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_OCR_STAGE_H_
