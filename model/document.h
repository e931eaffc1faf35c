// The one data model that flows through every stage:
//   Document → Page → Line → Word
// Readers (pipeline/input/pdf_reader.h and text_reader.h, the OCR stage)
// create it; normalizers rewrite the `text` of words and lines in place
// (keeping `raw`); extractors read it and produce records
// (model/extraction.h) that point back into it through a Provenance.
//
// Coordinates. Every Box is in the unit named by its page's `unit`:
//  - BoxUnit::kPoint: PDF points (1/72 inch), origin at the TOP-LEFT corner of
//    the page (after the page's /Rotate is applied), x to the right, y down.
//    Text-layer words and OCR words (pixel boxes converted with the render
//    dpi) both use this, so tables read the same way from either source.
//  - BoxUnit::kCharCell: plain-text input; x is the 0-based character column
//    (code points, tabs expanded to the next multiple of 8), y is the 0-based
//    line index within the page; a word is one cell high.
#ifndef FINSAM_MODEL_DOCUMENT_H_
#define FINSAM_MODEL_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace finsam {

enum class BoxUnit { kPoint, kCharCell };
const char* BoxUnitName(BoxUnit unit);  // "pt" / "char"

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // x0 <= x1, y0 <= y1
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
  void Extend(const Box& o);  // union; an all-zero box counts as empty
  bool empty() const { return x0 == 0 && y0 == 0 && x1 == 0 && y1 == 0; }
};

// Where a word's text came from.
enum class WordSource {
  kTextLayer,  // the PDF's own text layer, used as is
  kOcr,        // Tesseract
  kRepaired,   // text layer or text input after diacritic repair changed it
  kPlainText,  // a .txt/.md dump
};
const char* WordSourceName(WordSource source);  // "text" "ocr" "repaired" "plain"

struct Word {
  std::string text;  // normalized (NFC, repaired); what extractors read
  std::string raw;   // exactly as the source gave it (before any normalizer)
  Box box;
  WordSource source = WordSource::kTextLayer;
  float confidence = 1.0f;  // 0..1; 1 for text layers, Tesseract's conf/100 for OCR
  // Other readings OCR gave of a figure word (another pass over its ink
  // read "6 900" where `text` says "5 900"); empty for text layers and
  // plain text. Never shown as the word: the number repair stage tries
  // them when a sum fails (extractors/number_repair.h).
  std::vector<std::string> readings;
};

struct Line {
  // Normalized text of the whole line. For plain-text input this keeps the
  // original separators (tabs, runs of spaces) because text tables use them;
  // for PDF/OCR input it is the words joined by one space.
  std::string text;
  std::string raw;  // before normalization
  std::vector<Word> words;
  Box box;
  int index = 0;   // 0-based line number within the page (reading order)
  int block = 0;   // layout block id within the page (lines of one paragraph/cell group)
};

// How a page's text was obtained; recorded per page (README, "OCR").
enum class PageDecision { kText, kRepair, kOcr, kEmpty };
const char* PageDecisionName(PageDecision d);  // "text" "repair" "ocr" "empty"

struct Page {
  int number = 1;  // 1-based
  BoxUnit unit = BoxUnit::kPoint;
  double width = 0, height = 0;  // in `unit`
  std::vector<Line> lines;       // reading order, top to bottom
  PageDecision decision = PageDecision::kText;
  std::string decision_reason;
  double ocr_confidence = -1;  // mean word confidence 0..1, -1 when not OCRed
  // The page needs OCR but the policy was --ocr never: its text (if any) is
  // the unreliable text layer or nothing.
  bool ocr_skipped = false;
  // When a page with a text layer was OCRed, both readings are scored 0..1
  // (ocr_stage.h, ReadingScore) and the better one is kept; -1 otherwise.
  double text_layer_score = -1;
  double ocr_score = -1;
  // The page's printed label when it differs from `number`: the PDF's page
  // label (/PageLabels) or the page's own "sid 32" / "32 (40)"; "" when the
  // page prints none or prints its index.
  std::string label;
  // Pictures on a page kept as text whose ink is strokes of print (a table
  // pasted as a screenshot), in the page's unit: set by the page decision,
  // read by the OCR stage, whose words for them join the text layer's.
  std::vector<Box> text_pictures;
};

enum class InputFormat { kPdf, kText };

struct DocumentMeta {
  // The organisation the document belongs to (a förbund, kommun, region,
  // nämnd, bostadsrättsförening, ...): canonical name, "" when unknown.
  // Named `forbund` for history; the store's organisation identity is
  // `orgnr` when printed, else this name.
  std::string forbund;
  std::string org_kind;       // samordningsförbund | kommun | region | nämnd | brf | other | ""
  std::string orgnr;          // organisationsnummer NNNNNN-NNNN (check digit valid) or ""
  // Where the name came from: title | pdf-info | registry | text | override;
  // "-nearest" appended for a damaged name read as the nearest registry name.
  std::string org_source;
  std::string kind;           // verksamhetsplan, årsredovisning, ... or ""
  std::string title;          // first heading-like line(s)
  int year_from = 0, year_to = 0;  // 0 when unknown
  std::string decided_on;     // ISO date YYYY-MM-DD or ""
};

struct Document {
  std::string source_path;
  // The PDF's document information (Info dictionary), "" when absent or for
  // text input: evidence for the organisation and the kind.
  std::string pdf_title, pdf_author, pdf_subject;
  std::string sha256;  // of the file's bytes, lowercase hex
  int64_t size_bytes = 0;
  InputFormat format = InputFormat::kPdf;
  std::vector<Page> pages;
  DocumentMeta meta;
  // Non-fatal problems met on the way ("page 3: OCR failed"); stored with the
  // document and printed by the CLI. Fatal ones are a non-OK Status instead.
  std::vector<std::string> warnings;

  int page_count() const { return static_cast<int>(pages.size()); }
};

}  // namespace finsam

#endif  // FINSAM_MODEL_DOCUMENT_H_
