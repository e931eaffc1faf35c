// `finsam extract FILE [--format json|text] [--ocr auto|never|always] [--dpi N]`
//
// Runs the pipeline on one file and prints what it extracted, without a
// database: metadata, per-page decisions, warnings and financial tables with
// every cell's amount, raw text, page, box, confidence and status.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/governance_json.h"
#include "cli/json_output.h"
#include "cli/progress.h"
#include "pipeline/pipeline.h"

namespace finsam {
namespace {

constexpr const char* kExtractUsage = "usage: finsam extract [OPTIONS] FILE";

constexpr const char* kExtractDescription =
    R"(Runs the pipeline on one PDF or text dump and prints the extraction to
stdout; nothing is written to a database.)";

constexpr const char* kExtractFooter =
    R"(JSON layout: {"finsam_version", "pipeline_version", "document": {...},
"pages": [...], "warnings": [...], "tables": [{"title", "table_kind", "unit",
"scale", "page", "last_page", "confidence", "columns": [{"header", "year",
"kind"}], "rows": [{"label", "section", "category", "is_total", "page", "box",
"raw_numbers", "groupings", "cells": [{"col", "amount_sek", "value",
"is_percent", "raw", "parsed", "page", "box", "confidence", "status",
"ocr_readings" (OCR's other readings of the cell, only when it gave any)}]}]}],
"flags": [{"rule", "severity", "passed", "message", "expected", "found",
"unit", "year", "page", "source_text", "cells": [[table, row, col]]}],
"governance": {"board", "board_composition", "officers", "goals",
"indicators", "interventions", "members"}}.
Boxes are [x0, y0, x1, y1] in the page's unit ("pt": PDF points, origin top
left; "char": character column and line of a text dump). Empty cells are
left out; amounts are whole kronor, null where a cell holds none (a note
reference, a percentage, a figure of a ratio or count row).
Exit codes: 0 ok, 1 the file could not be read, 2 usage.)";

// An optional year or page: null when 0.
OrderedJson NonZero(int v) {
  if (!v) return nullptr;
  return v;
}

OrderedJson DocumentJson(const Document& doc) {
  OrderedJson d = OrderedJson::object();
  d["source_path"] = doc.source_path;
  d["sha256"] = doc.sha256;
  d["size_bytes"] = doc.size_bytes;
  d["format"] = doc.format == InputFormat::kPdf ? "pdf" : "text";
  d["pages"] = doc.page_count();
  d["forbund"] = JsonStringOrNull(doc.meta.forbund);
  d["kind"] = JsonStringOrNull(doc.meta.kind);
  d["title"] = JsonStringOrNull(doc.meta.title);
  d["year_from"] = NonZero(doc.meta.year_from);
  d["year_to"] = NonZero(doc.meta.year_to);
  d["decided_on"] = JsonStringOrNull(doc.meta.decided_on);
  return d;
}

OrderedJson PageJson(const Page& p, bool with_lines) {
  OrderedJson o = OrderedJson::object();
  o["page"] = p.number;
  o["unit"] = BoxUnitName(p.unit);
  o["width"] = JsonNumber(p.width);
  o["height"] = JsonNumber(p.height);
  o["decision"] = PageDecisionName(p.decision);
  o["reason"] = JsonStringOrNull(p.decision_reason);
  o["ocr_confidence"] = p.ocr_confidence >= 0 ? JsonNumber(p.ocr_confidence) : OrderedJson(nullptr);
  o["lines"] = static_cast<int64_t>(p.lines.size());
  int64_t words = 0;
  for (const Line& l : p.lines) words += static_cast<int64_t>(l.words.size());
  o["words"] = words;
  if (with_lines) {
    OrderedJson text = OrderedJson::array();
    for (const Line& l : p.lines) {
      OrderedJson line = OrderedJson::object();
      line["text"] = l.text;
      line["box"] = JsonBox(l.box);
      // Each word with its box, as the table readers see them.
      OrderedJson words = OrderedJson::array();
      for (const Word& w : l.words) {
        OrderedJson word = OrderedJson::object();
        word["text"] = w.text;
        word["box"] = JsonBox(w.box);
        words.push_back(std::move(word));
      }
      line["words"] = std::move(words);
      text.push_back(std::move(line));
    }
    o["text"] = std::move(text);
  }
  return o;
}

// A cell of a Not column is a note reference, and a figure of a row that
// is no money (Soliditet, Antal deltagare) a ratio or a count: no amount
// (the database loads no amount from either).
OrderedJson CellJson(const TableCell& cell, size_t col, bool no_amount) {
  OrderedJson o = OrderedJson::object();
  o["col"] = static_cast<int64_t>(col);
  o["amount_sek"] =
      cell.is_percent || !cell.parsed || no_amount ? OrderedJson(nullptr) : OrderedJson(cell.amount_sek);
  o["value"] = JsonNumber(cell.value);
  o["is_percent"] = cell.is_percent;
  o["raw"] = cell.raw;
  o["parsed"] = cell.parsed;
  o["page"] = cell.prov.page;
  o["box"] = JsonBox(cell.prov.box);
  o["confidence"] = JsonNumber(cell.prov.confidence);
  o["status"] = cell.status;
  // OCR's other readings of the cell's ink, when it gave any.
  if (!cell.readings.empty()) o["ocr_readings"] = cell.readings;
  return o;
}

OrderedJson RowJson(const TableRow& r, const std::vector<TableColumn>& columns) {
  OrderedJson o = OrderedJson::object();
  o["label"] = r.label;
  o["section"] = JsonStringOrNull(r.section);
  o["category"] = r.category ? OrderedJson(*r.category) : OrderedJson(nullptr);
  o["is_total"] = r.is_total;
  if (r.is_header) o["is_header"] = true;
  o["page"] = r.prov.page;
  o["box"] = JsonBox(r.prov.box);
  o["raw_numbers"] = r.raw_numbers;
  o["groupings"] = r.groupings;
  OrderedJson cells = OrderedJson::array();
  for (size_t c = 0; c < r.cells.size(); ++c)
    if (r.cells[c].present)
      cells.push_back(
          CellJson(r.cells[c], c, !r.monetary || (c < columns.size() && columns[c].kind == ColumnKind::kNote)));
  o["cells"] = std::move(cells);
  return o;
}

OrderedJson TableJson(const FinancialTable& t) {
  OrderedJson o = OrderedJson::object();
  o["title"] = t.title;
  o["table_kind"] = t.table_kind;
  o["unit"] = t.unit;
  o["scale"] = t.scale;
  o["page"] = t.page;
  o["last_page"] = t.last_page;
  o["confidence"] = JsonNumber(t.confidence);
  OrderedJson columns = OrderedJson::array();
  for (const TableColumn& c : t.columns) {
    OrderedJson col = OrderedJson::object();
    col["header"] = c.header;
    col["year"] = NonZero(c.year);
    col["kind"] = ColumnKindName(c.kind);
    if (!c.period.empty()) col["period"] = c.period;  // months, "01-08": part of the year
    columns.push_back(std::move(col));
  }
  o["columns"] = std::move(columns);
  OrderedJson rows = OrderedJson::array();
  for (const TableRow& r : t.rows) rows.push_back(RowJson(r, t.columns));
  o["rows"] = std::move(rows);
  return o;
}

// A data-quality flag (model/flags.h); "cells" are [table, row, col]
// indexes into "tables".
OrderedJson FlagJson(const Flag& f) {
  OrderedJson o = OrderedJson::object();
  o["rule"] = f.rule;
  o["severity"] = f.severity;
  o["passed"] = f.passed;
  o["message"] = f.message;
  o["expected"] = f.expected ? JsonNumber(*f.expected) : OrderedJson(nullptr);
  o["found"] = f.found ? JsonNumber(*f.found) : OrderedJson(nullptr);
  o["unit"] = f.unit;
  o["year"] = NonZero(f.year);
  o["page"] = NonZero(f.page);
  o["source_text"] = f.source_text;
  OrderedJson cells = OrderedJson::array();
  for (const FlagCell& c : f.cells) cells.push_back(OrderedJson::array({c.table, c.row, c.col}));
  o["cells"] = std::move(cells);
  return o;
}

OrderedJson ExtractionJson(const Extraction& ex, bool with_lines) {
  OrderedJson root = OrderedJson::object();
  root["finsam_version"] = FINSAM_VERSION;
  root["pipeline_version"] = kPipelineVersion;
  root["document"] = DocumentJson(ex.doc);
  OrderedJson pages = OrderedJson::array();
  for (const Page& p : ex.doc.pages) pages.push_back(PageJson(p, with_lines));
  root["pages"] = std::move(pages);
  root["warnings"] = ex.doc.warnings;
  OrderedJson tables = OrderedJson::array();
  for (const FinancialTable& t : ex.tables) tables.push_back(TableJson(t));
  root["tables"] = std::move(tables);
  // ---- Extension point: further extraction records --------------------
  // Records other stages add to the Extraction go here as further top-level
  // keys.
  OrderedJson flags = OrderedJson::array();  // data-quality flags
  for (const Flag& f : ex.flags) flags.push_back(FlagJson(f));
  root["flags"] = std::move(flags);
  // Boards, goals, indicators, insatser, members (model/governance.h).
  root["governance"] = GovernanceJson(ex.governance);
  // ----------------------------------------------------------------------
  return root;
}

void WriteJson(const Extraction& ex, bool with_lines, std::ostream& out) {
  out << DumpJson(ExtractionJson(ex, with_lines)) << "\n";
}

// Width in code points, so labels with å/ä/ö line up.
size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string Pad(const std::string& s, size_t width, bool right) {
  size_t n = Utf8Length(s);
  if (n >= width) return s;
  std::string pad(width - n, ' ');
  return right ? pad + s : s + pad;
}

void WriteText(const Extraction& ex, bool with_lines, std::ostream& out) {
  const Document& doc = ex.doc;
  const DocumentMeta& m = doc.meta;
  out << "document   " << doc.source_path << "\n";
  out << "sha256     " << doc.sha256 << "\n";
  out << "format     " << (doc.format == InputFormat::kPdf ? "pdf" : "text") << ", " << doc.page_count()
      << " pages, " << doc.size_bytes << " bytes\n";
  out << "förbund    " << (m.forbund.empty() ? "(unknown)" : m.forbund) << "\n";
  out << "kind       " << (m.kind.empty() ? "(unknown)" : m.kind) << "\n";
  out << "title      " << m.title << "\n";
  out << "years      ";
  if (m.year_from) out << m.year_from << (m.year_to && m.year_to != m.year_from ? "-" + std::to_string(m.year_to) : "");
  out << "\n";
  out << "decided    " << m.decided_on << "\n";
  out << "\npages\n";
  for (const Page& p : doc.pages) {
    out << "  " << std::setw(3) << p.number << "  " << PageDecisionName(p.decision);
    if (!p.decision_reason.empty()) out << " (" << p.decision_reason << ")";
    if (p.ocr_confidence >= 0) out << ", OCR confidence " << std::fixed << std::setprecision(2) << p.ocr_confidence;
    out << ", " << p.lines.size() << " lines\n";
    if (with_lines)
      for (const Line& l : p.lines) out << "       | " << l.text << "\n";
  }
  if (!doc.warnings.empty()) {
    out << "\nwarnings\n";
    for (const std::string& w : doc.warnings) out << "  " << OneLine(w) << "\n";
  }
  out << "\n" << ex.tables.size() << " financial tables\n";
  for (const FinancialTable& t : ex.tables) {
    out << "\n== " << t.title << "  [" << t.table_kind << ", " << t.unit << ", page " << t.page;
    if (t.last_page > t.page) out << "-" << t.last_page;
    out << "]\n";
    // Grid: label | section | category | one column per table column.
    std::vector<std::vector<std::string>> grid;
    std::vector<std::string> head = {"label", "section", "category"};
    for (const TableColumn& c : t.columns) {
      std::string h = std::string(ColumnKindName(c.kind));
      if (c.year) h += " " + std::to_string(c.year);
      if (!c.period.empty()) h += " (months " + c.period + ")";
      head.push_back(h);
    }
    grid.push_back(head);
    for (const TableRow& r : t.rows) {
      if (r.is_header) continue;
      std::vector<std::string> row = {r.label, r.section, r.category.value_or("")};
      for (size_t c = 0; c < t.columns.size(); ++c) {
        std::string v;
        if (c < r.cells.size() && r.cells[c].present) {
          v = r.cells[c].raw;
          if (r.cells[c].status != "ok") v += " (" + r.cells[c].status + ")";
        }
        row.push_back(v);
      }
      grid.push_back(row);
    }
    std::vector<size_t> width(head.size(), 0);
    for (const auto& row : grid)
      for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], Utf8Length(row[c]));
    for (const auto& row : grid) {
      out << " ";
      for (size_t c = 0; c < row.size(); ++c) out << " " << Pad(row[c], width[c], c >= 3);
      out << "\n";
    }
  }
  // ---- Extension point: further extraction records (text form) ---------
  const Governance& g = ex.governance;
  out << "\ngovernance: " << g.board.size() << " board members, " << g.composition.size()
      << " composition rows, " << g.officers.size() << " officers, " << g.goals.size() << " goals, "
      << g.indicators.size() << " indicators, " << g.interventions.size() << " insatser, " << g.members.size()
      << " member contributions (--format json lists them)\n";
  if (!ex.flags.empty()) {
    out << "\nflags\n";
    for (const Flag& f : ex.flags) {
      if (f.passed) continue;
      out << "  " << f.severity << "  " << f.rule;
      if (f.page) out << "  p." << f.page;
      out << "  " << OneLine(f.message) << "\n";
    }
    size_t passed = 0;
    for (const Flag& f : ex.flags) passed += f.passed ? 1 : 0;
    out << "  (" << passed << " checks passed)\n";
  }
  // ----------------------------------------------------------------------
}

}  // namespace

int RunExtractCommand(const Args& args) {
  PipelineOptions options;
  std::string format = "text";
  std::string ocr;
  bool with_lines = false;
  std::vector<std::string> files;
  std::unique_ptr<CLI::App> app = MakeCommandApp("extract", kExtractUsage, kExtractDescription, kExtractFooter);
  app->add_option("--format", format, "output format (default text)")
      ->type_name("json|text")
      ->check(OneOf({"json", "text"}));
  AddPipelineOptions(*app, &options, &ocr);
  app->add_flag("--lines", with_lines, "include every page's lines (text and box) in the output");
  app->add_option("file", files, "the PDF or text dump to read")->type_name("FILE");
  if (std::optional<int> exit = ParseCommandLine(*app, "extract", args)) return *exit;
  ApplyOcrPolicy(ocr, &options);
  if (files.size() != 1) return UsageError("extract", "give exactly one FILE");

  // OCR progress on stderr (stdout carries the extraction).
  ProgressReporter progress(options.quiet ? ProgressReporter::Mode::kQuiet : ProgressReporter::Mode::kAuto);
  options.progress = progress.ForDocument();
  Result<Extraction> ex = RunPipeline(files[0], options);
  progress.Finish();
  if (!ex.ok()) {
    std::cerr << "finsam: " << QuotePathForLog(files[0]) << ": " << OneLine(ex.status().ToString()) << "\n";
    return kExitInputFailed;
  }
  if (format == "json") WriteJson(*ex, with_lines, std::cout);
  else WriteText(*ex, with_lines, std::cout);
  std::cout.flush();
  return std::cout ? kExitOk : kExitInputFailed;
}

}  // namespace finsam
