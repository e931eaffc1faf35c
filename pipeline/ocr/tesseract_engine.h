// Tesseract adapter (with ocr_leptonica.* and ruling_lines.*, the only code
// that includes Tesseract/Leptonica): an OcrEngine that
//   1. detects page orientation (Tesseract OSD, needs osd.traineddata) and
//      undoes a 90/180/270° rotation,
//   2. detects and undoes skew (Leptonica pixFindSkew),
//   3. finds table ruling lines and erases a grid's (ruling_lines.h),
//   4. recognizes words with the `swe` model (LSTM),
//   5. re-recognizes, alone, each bordered table cell whose number reads badly
//      (characters that are not digits/separators, or low confidence), and
//      each empty cell with ink in a row and a column of the grid where
//      other cells hold words (a column of short figures that the layout
//      analysis dropped), after dropping junk words that reach over a row's
//      rule (one "EE" over four rows of "0"); then reads, alone, ink the
//      size of a line of text that no word covers, keeping figures only (a
//      column skipped in a table with rules but no grid),
//   6. reads again, alone, each word read with next to no confidence and
//      no digit, and takes that reading when it is one confident word,
//   7. reads every figure word a second time from a crop of its own box
//      (single line, amount characters only) and lowers the confidence of
//      a figure whose two readings differ (kSecondReadDoubt),
// and maps every word box back to the pixel grid of the image it was given,
// undoing the orientation fix but not the deskew: boxes are where the word
// lies on the straightened page (the input turned by -skew_degrees about its
// centre). A skewed scan's rows then stay level for the line builder and the
// table reader (a 1.5° skew tilts a 600-pt row by 16 pt, more than a line's
// height, and rows merged); the cost is that a box is off the scan's pixels
// by up to r·sin(skew), r the distance from the page centre (≤ 13 pt on A4
// at 1.5°), which provenance crops absorb in their margin.
//
// Threads: an engine is used by one thread at a time. MakeTesseractEngine
// must run on the thread that will use the engine: it limits OpenMP on that
// thread to one thread (Tesseract's own OpenMP loops oversubscribe small
// machines badly); parallelism comes from running one engine per worker.
#ifndef FINSAM_PIPELINE_OCR_TESSERACT_ENGINE_H_
#define FINSAM_PIPELINE_OCR_TESSERACT_ENGINE_H_

#include <memory>
#include <string>

#include "model/status.h"
#include "pipeline/ocr/ocr_engine.h"

namespace finsam {

// Confidence given to a figure whose second reading differs from the first:
// under OcrDoubts' figure threshold (0.7), above its label threshold (0.6).
inline constexpr float kSecondReadDoubt = 0.65f;

struct TesseractOptions {
  std::string language = "swe";
  std::string datapath;  // tessdata folder; "" = $TESSDATA_PREFIX / built-in default
  bool detect_orientation = true;
  bool deskew = true;
  bool remove_ruling_lines = true;
  bool recheck_cells = true;
  // Paints out dots smaller than a full stop (dithered shading, scanner
  // noise) before recognition: pipeline/ocr/speckles.h.
  bool remove_speckles = true;
  // Reads every figure word a second time from a crop of its box (single
  // line, amount characters); a figure whose two readings differ gets a
  // confidence under kSecondReadDoubt (0.65).
  bool second_read_figures = true;
  // Reads a word again alone when its first reading holds no digit and has
  // next to no confidence ("a Rn" for two dates set on a rule); a confident
  // one-word reading replaces it. Also splits a figure word at a blank gap
  // wider than the word is tall ("1015-507" for two narrow columns' "10,1"
  // and "5,07"), each part read alone and kept when believed.
  bool reread_garbled_words = true;
  // true: map word boxes back through the deskew too (exact scan pixels,
  // tilted rows); false (default): the straightened frame, see above.
  bool boxes_in_skewed_frame = false;
};

// Creates an engine. Fails with kNotFound when the language model is missing
// ("apt-get install tesseract-ocr-swe"). Orientation detection is skipped
// (not an error) when osd.traineddata is missing.
Result<std::unique_ptr<OcrEngine>> MakeTesseractEngine(const TesseractOptions& options = {});

// Sets OMP_THREAD_LIMIT=1 in the environment (unless already set) and limits
// the calling thread's OpenMP team to one thread. MakeTesseractEngine calls it.
void LimitOpenMpToOneThread();

// "5.3.0" — the linked Tesseract version.
std::string TesseractVersion();

// The SHA-256 (hex) of pipeline/ocr/'s source files, generated at build time
// by cmake/source_fingerprint.cmake: any edit of the adapter changes it, and
// with it the engine's CacheIdentity.
const char* OcrCodeFingerprint();

}  // namespace finsam

#endif  // FINSAM_PIPELINE_OCR_TESSERACT_ENGINE_H_
