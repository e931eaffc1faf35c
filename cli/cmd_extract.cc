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

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/governance_json.h"
#include "cli/json_writer.h"
#include "cli/progress.h"
#include "pipeline/pipeline.h"

namespace finsam {
namespace {

constexpr const char* kExtractHelp =
    R"(usage: finsam extract [OPTIONS] FILE

Runs the pipeline on one PDF or text dump and prints the extraction to
stdout; nothing is written to a database.

options:
  --format json|text   output format (default text)
  --ocr auto|never|always
                       OCR pages without a usable text layer (default auto)
  --dpi N              OCR render resolution (default 300)
  --lines              include every page's lines (text and box) in the output
  -q, --quiet          no OCR progress on stderr
  -h, --help           this text

JSON layout: {"finsam_version", "pipeline_version", "document": {...},
"pages": [...], "warnings": [...], "tables": [{"title", "table_kind", "unit",
"scale", "page", "last_page", "confidence", "columns": [{"header", "year",
"kind"}], "rows": [{"label", "section", "category", "is_total", "page", "box",
"raw_numbers", "groupings", "cells": [{"col", "amount_sek", "value",
"is_percent", "raw", "parsed", "page", "box", "confidence", "status"}]}]}],
"flags": [{"rule", "severity", "passed", "message", "expected", "found",
"unit", "year", "page", "source_text", "cells": [[table, row, col]]}],
"governance": {"board", "board_composition", "officers", "goals",
"indicators", "interventions", "members"}}.
Boxes are [x0, y0, x1, y1] in the page's unit ("pt": PDF points, origin top
left; "char": character column and line of a text dump). Empty cells are
left out; amounts are whole kronor.
Exit codes: 0 ok, 1 the file could not be read, 2 usage.
)";

void WriteBox(JsonWriter& w, const Box& b) {
  w.BeginArray().Double(b.x0).Double(b.y0).Double(b.x1).Double(b.y1).EndArray();
}

void WriteJson(const Extraction& ex, bool with_lines, std::ostream& out) {
  const Document& doc = ex.doc;
  JsonWriter w(out);
  w.BeginObject();
  w.Field("finsam_version", FINSAM_VERSION);
  w.Field("pipeline_version", kPipelineVersion);

  w.Key("document").BeginObject();
  w.Field("source_path", doc.source_path);
  w.Field("sha256", doc.sha256);
  w.Field("size_bytes", doc.size_bytes);
  w.Field("format", doc.format == InputFormat::kPdf ? "pdf" : "text");
  w.Field("pages", doc.page_count());
  auto opt_str = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
  w.Field("forbund", opt_str(doc.meta.forbund));
  w.Field("kind", opt_str(doc.meta.kind));
  w.Field("title", opt_str(doc.meta.title));
  w.Key("year_from");
  doc.meta.year_from ? w.Int(doc.meta.year_from) : w.Null();
  w.Key("year_to");
  doc.meta.year_to ? w.Int(doc.meta.year_to) : w.Null();
  w.Field("decided_on", opt_str(doc.meta.decided_on));
  w.EndObject();

  w.Key("pages").BeginArray();
  for (const Page& p : doc.pages) {
    w.BeginObject();
    w.Field("page", p.number);
    w.Field("unit", BoxUnitName(p.unit));
    w.Field("width", p.width);
    w.Field("height", p.height);
    w.Field("decision", PageDecisionName(p.decision));
    w.Field("reason", opt_str(p.decision_reason));
    w.Key("ocr_confidence");
    p.ocr_confidence >= 0 ? w.Double(p.ocr_confidence) : w.Null();
    w.Field("lines", static_cast<int64_t>(p.lines.size()));
    int64_t words = 0;
    for (const Line& l : p.lines) words += static_cast<int64_t>(l.words.size());
    w.Field("words", words);
    if (with_lines) {
      w.Key("text").BeginArray();
      for (const Line& l : p.lines) {
        w.BeginObject().Field("text", l.text).Key("box");
        WriteBox(w, l.box);
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();

  w.Key("warnings").BeginArray();
  for (const std::string& s : doc.warnings) w.String(s);
  w.EndArray();

  w.Key("tables").BeginArray();
  for (const FinancialTable& t : ex.tables) {
    w.BeginObject();
    w.Field("title", t.title);
    w.Field("table_kind", t.table_kind);
    w.Field("unit", t.unit);
    w.Field("scale", t.scale);
    w.Field("page", t.page);
    w.Field("last_page", t.last_page);
    w.Field("confidence", t.confidence);
    w.Key("columns").BeginArray();
    for (const TableColumn& c : t.columns) {
      w.BeginObject().Field("header", c.header).Key("year");
      c.year ? w.Int(c.year) : w.Null();
      w.Field("kind", ColumnKindName(c.kind)).EndObject();
    }
    w.EndArray();
    w.Key("rows").BeginArray();
    for (const TableRow& r : t.rows) {
      w.BeginObject();
      w.Field("label", r.label);
      w.Field("section", opt_str(r.section));
      w.Field("category", r.category);
      w.Field("is_total", r.is_total);
      if (r.is_header) w.Field("is_header", true);
      w.Field("page", r.prov.page);
      w.Key("box");
      WriteBox(w, r.prov.box);
      w.Field("raw_numbers", r.raw_numbers);
      w.Field("groupings", r.groupings);
      w.Key("cells").BeginArray();
      for (size_t c = 0; c < r.cells.size(); ++c) {
        const TableCell& cell = r.cells[c];
        if (!cell.present) continue;
        w.BeginObject();
        w.Field("col", static_cast<int64_t>(c));
        w.Key("amount_sek");
        cell.is_percent || !cell.parsed ? w.Null() : w.Int(cell.amount_sek);
        w.Field("value", cell.value);
        w.Field("is_percent", cell.is_percent);
        w.Field("raw", cell.raw);
        w.Field("parsed", cell.parsed);
        w.Field("page", cell.prov.page);
        w.Key("box");
        WriteBox(w, cell.prov.box);
        w.Field("confidence", cell.prov.confidence);
        w.Field("status", cell.status);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();

  // ---- Extension point: further extraction records --------------------
  // Records other stages add to the Extraction go here as further top-level
  // keys.
  w.Key("flags").BeginArray();  // data-quality flags (model/flags.h)
  for (const Flag& f : ex.flags) {
    w.BeginObject();
    w.Field("rule", f.rule);
    w.Field("severity", f.severity);
    w.Field("passed", f.passed);
    w.Field("message", f.message);
    w.Key("expected");
    f.expected ? w.Double(*f.expected) : w.Null();
    w.Key("found");
    f.found ? w.Double(*f.found) : w.Null();
    w.Field("unit", f.unit);
    w.Key("year");
    f.year ? w.Int(f.year) : w.Null();
    w.Key("page");
    f.page ? w.Int(f.page) : w.Null();
    w.Field("source_text", f.source_text);
    w.Key("cells").BeginArray();  // [table, row, col] indexes into "tables"
    for (const FlagCell& c : f.cells) w.BeginArray().Int(c.table).Int(c.row).Int(c.col).EndArray();
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  // Boards, goals, indicators, insatser, members (model/governance.h).
  std::string governance;
  AppendGovernanceJson(ex.governance, &governance);
  w.Key("governance").RawValue(governance);
  // ----------------------------------------------------------------------

  w.EndObject();
  w.Finish();
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
  bool with_lines = false;
  std::vector<std::string> files;
  ArgScanner scan(args);
  while (scan.Next()) {
    if (!scan.is_option()) {
      files.push_back(scan.positional());
      continue;
    }
    if (ScanPipelineOption(scan, &options)) continue;
    const std::string& n = scan.name();
    if (n == "--help" || n == "-h") {
      std::cout << kExtractHelp;
      return kExitOk;
    } else if (n == "--format") {
      if (auto v = scan.Value()) {
        if (*v == "json" || *v == "text") format = *v;
        else scan.SetError("--format wants json or text, got '" + *v + "'");
      }
    } else if (n == "--lines") {
      with_lines = true;
    } else {
      scan.SetError("unknown option " + n);
    }
  }
  if (!scan.error().empty()) return UsageError("extract", scan.error());
  if (files.size() != 1) return UsageError("extract", "give exactly one FILE");

  // OCR progress on stderr (stdout carries the extraction).
  ProgressReporter progress(options.quiet ? ProgressReporter::Mode::kQuiet : ProgressReporter::Mode::kAuto);
  options.progress = progress.ForDocument();
  Result<Extraction> ex = RunPipeline(files[0], options);
  progress.Finish();
  if (!ex.ok()) {
    std::cerr << "finsam: " << files[0] << ": " << OneLine(ex.status().ToString()) << "\n";
    return kExitInputFailed;
  }
  if (format == "json") WriteJson(*ex, with_lines, std::cout);
  else WriteText(*ex, with_lines, std::cout);
  std::cout.flush();
  return std::cout ? kExitOk : kExitInputFailed;
}

}  // namespace finsam
