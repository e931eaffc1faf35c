// Declarations of every pipeline stage, in the order pipeline.cc runs them
// (`Stages()`). Each is implemented in its own file (named in the comment)
// and says what it reads and writes: fields of ctx.ex (an Extraction) and of
// ctx.ex.doc (its Document). A stage may read only what an earlier stage
// wrote; keep this list and Stages() in the same order.
#ifndef FINSAM_PIPELINE_STAGES_H_
#define FINSAM_PIPELINE_STAGES_H_

#include "pipeline/pipeline.h"

namespace finsam {

// "read", pipeline/read_stage.cc: sniff the file (PDF / text), enforce size
// limits, hash it, and read pages/lines/words (Poppler adapter or text
// reader).
//   reads:  doc.source_path, options.max_file_bytes / max_pages
//   writes: doc.size_bytes, doc.sha256, doc.format, doc.pages, doc.warnings
Status ReadStage(PipelineContext& ctx);

// "normalize_unicode", pipeline/normalize_stage.cc: ICU NFC on every word and
// line; number-like tokens keep their raw text.
//   reads/writes: doc.pages[].lines[].text, .words[].text
Status NormalizeUnicodeStage(PipelineContext& ctx);

// "decide_pages", pipeline/page_decision.cc: per page text / repair / ocr /
// empty, with reason.
//   reads:  doc.format, doc.pages (words, fonts), the file's bytes, options.ocr
//   writes: doc.pages[].decision, .decision_reason
Status DecidePagesStage(PipelineContext& ctx);

// "ocr", pipeline/ocr_stage.cc: rasterize and OCR the pages decided "ocr"
// (and re-read damaged tables of "repair" pages).
//   reads:  doc.pages[].decision, the file's bytes, options.dpi / jobs / ocr
//   writes: doc.pages[] of OCR'd pages (lines, words, unit), doc.warnings
Status OcrStage(PipelineContext& ctx);

// "repair_diacritics", pipeline/repair_stage.cc: diacritic repair of pages
// decided "repair" and of stripped plain text.
//   reads:  doc.format, doc.pages[].decision, options.repair_diacritics
//   writes: doc.pages[] (line and word text; decision / decision_reason of
//           stripped plain text), doc.warnings
Status RepairDiacriticsStage(PipelineContext& ctx);

// "metadata", pipeline/extract_stages.cc: document metadata (förbund, kind,
// years, date).
//   reads:  doc.pages, the förbund registry (data dir)
//   writes: doc.meta, doc.warnings
Status MetadataStage(PipelineContext& ctx);

// "financial_tables", pipeline/extract_stages.cc: financial tables → rows,
// cells, categories.
//   reads:  doc.pages, doc.meta
//   writes: ex.tables (cells as printed; unreadable ones status "suspect")
Status FinancialTablesStage(PipelineContext& ctx);

// "check_financials", pipeline/check_stage.cc: repair OCR-damaged figures
// against the tables' sum constraints, then run the in-document checks. Runs
// before every stage that reads ex.tables, so they see repaired figures.
//   reads:  ex.tables
//   writes: ex.tables[].rows[].cells[] (value, amount_sek, status of repaired
//           and suspect cells), ex.flags
Status CheckFinancialsStage(PipelineContext& ctx);

// "governance", pipeline/governance_stage.cc: boards, goals and indicators,
// insatser and member contributions (extractors/{board,goals,interventions,
// members}).
//   reads:  doc.pages, doc.meta, ex.tables (repaired: member contributions
//           and insatser tables)
//   writes: ex.governance, doc.warnings
Status GovernanceStage(PipelineContext& ctx);

// "unread_figures", pipeline/unread_figures_stage.cc: runs of lines ending
// in figures that no table nor governance item read (extractors/
// unread_figures.h), so a table OCR lost its header of is not silently gone.
//   reads:  doc.pages, ex.tables, ex.governance (their provenance)
//   writes: doc.warnings
Status UnreadFiguresStage(PipelineContext& ctx);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_STAGES_H_
