// Poppler adapter: the only code (with pdf_render.*) that includes Poppler.
//
// Reads a PDF's text layer into the document model: one Page per PDF page,
// words with boxes in points (origin top-left, rotation applied by Poppler),
// grouped into lines by line_builder. Pages without a text layer come back
// with no lines; the page-decision stage sends them to OCR.
#ifndef FINSAM_PIPELINE_INPUT_PDF_READER_H_
#define FINSAM_PIPELINE_INPUT_PDF_READER_H_

#include <string>
#include <vector>

#include "model/document.h"
#include "model/status.h"

namespace finsam {

// `bytes` is the whole file. Fills doc.pages and appends Poppler's complaints
// (counted, not repeated) to doc.warnings. Errors: kEncrypted, kCorrupt.
Status ReadPdf(const std::string& bytes, int max_pages, Document& doc);

// Each page's text in Poppler's own reading order (columns of a two-column
// page kept apart, lines ending in "\n"), for uses that want running text
// and no boxes: measuring diacritic repair on real reports. Same errors.
Result<std::vector<std::string>> ReadPdfPageTexts(const std::string& bytes, int max_pages);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_INPUT_PDF_READER_H_
