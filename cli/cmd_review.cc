// `finsam review`: data-quality flags (issue 5) — list them worst first,
// write a self-contained HTML report, record decisions.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/output_guard.h"
#include "extractors/checks.h"
#include "normalizers/swedish_number.h"
#include "pipeline/review/compare.h"
#include "pipeline/review/review_render.h"
#include "pipeline/store/cross_checks.h"
#include "pipeline/store/database.h"
#include "pipeline/store/stable_keys.h"

namespace finsam {
namespace {

constexpr const char* kReviewUsage =
    "usage: finsam review [--db PATH] [--format table|csv|json] [--all] [--rule PREFIX] [--recheck]\n"
    "       finsam review [--db PATH] --html report.html [--all] [--rule PREFIX] [--recheck]\n"
    "       finsam review [--db PATH] --orphans [--format table|csv|json]\n"
    "       finsam review [--db PATH] --accept FLAG_ID [--note TEXT] [--by NAME]\n"
    "       finsam review [--db PATH] --correct FACT_ID VALUE [--note TEXT] [--by NAME]\n"
    "       finsam review [--db PATH] --correct FLAG_ID --suggested [--note TEXT] [--by NAME]";

constexpr const char* kReviewDescription =
    R"(Lists the open data-quality flags, worst first: severity (error, warning,
info), then the largest relative difference between what the check
expected and what the document says. --all also lists passed, accepted and
corrected flags. Listing and --html only read the database: the
cross-document flags are the ones computed when the documents were loaded
(and after each --correct); --recheck recomputes them first (writes).
Flags (F-XXXXXXXX) and facts (V-XXXXXXXX) have stable ids, derived from
the document, table, row, column and rule: the same in every run and after
a re-ingest. --orphans lists decisions whose flag or fact a re-extraction
no longer produces.)";

constexpr const char* kReviewFooter =
    "See docs/review.md for the rules and severities.\n"
    "Exit codes: 0 ok, 1 the database could not be read or the decision failed, 2 usage.";

struct Options {
  std::string db = kDefaultDbPath;
  std::string format = "table";
  std::string html;
  std::string rule;
  bool all = false;
  bool recheck = false;
  bool orphans = false;
  std::string accept;        // F-… (or a flag_id)
  std::string correct_id;    // V-… (or a fact_id), or with --suggested F-…
  bool suggested = false;
  double correct_value = 0;  // in the table's printed unit
  std::string note, by;
};

std::string Money(double kronor, const std::string& unit) {
  if (unit == "%") return FormatPrinted(kronor) + " %";
  if (std::fmod(kronor, 1000.0) == 0) return FormatPrinted(kronor / 1000) + " tkr";
  return FormatPrinted(kronor) + " kr";
}

// A page as a reader cites it: the printed number first when the page
// prints another than its index ("s. 32 (PDF p. 33)"), else "p. 33".
std::string PageCite(int page, const std::string& label) {
  if (!page) return "";
  if (label.empty() || label == std::to_string(page)) return "p. " + std::to_string(page);
  return "s. " + label + " (PDF p. " + std::to_string(page) + ")";
}

std::string ShortDoc(const std::string& path) {
  // corpus/gavleborg-ar-2020/received.txt → gavleborg-ar-2020/received.txt
  size_t s = path.find_last_of('/');
  if (s == std::string::npos || s == 0) return path;
  size_t s2 = path.find_last_of('/', s - 1);
  return s2 == std::string::npos ? path : path.substr(s2 + 1);
}

// A stable id with the expected prefix letter ("F-3K7Q2M9A", any case, at
// least 4 digits) or, as an alias, a positive decimal row id. Everything
// else is a usage error before the database is opened.
bool LooksLikeId(const std::string& s, char prefix) {
  return ParseDecimal(s, 1, INT64_MAX) || LooksLikeStableId(s, prefix);
}

std::string AbsolutePath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}

// A path as one shell word: quoted when it holds anything but safe characters.
std::string ShellWord(const std::string& s) {
  bool safe = !s.empty();
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && !std::strchr("/._-+,:@%", c) &&
        !(static_cast<unsigned char>(c) & 0x80))
      safe = false;
  if (safe) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

constexpr const char* kOrder =
    " ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'corrected' THEN 1 WHEN 'accepted' THEN 2 ELSE 3 END,"
    " CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 WHEN 'info' THEN 2 ELSE 3 END,"
    " ABS(COALESCE(expected,0) - COALESCE(found,0)) /"
    "   MAX(ABS(COALESCE(expected,0)), ABS(COALESCE(found,0)), 1) DESC,"
    " document_id, page, flag_id";

struct FlagRow {
  int64_t id = 0;
  std::string stable_id, suggested_fact;
  std::optional<double> suggested_value;
  std::string severity, rule, status, path, message, source, unit, fact_ids, forbund, doc_kind, decision, scope;
  std::string page_label;  // printed page number when it differs from `page`
  int64_t document_id = 0;
  int page = 0, year = 0;
  std::optional<double> expected, found;
};

std::string Suggestion(const FlagRow& f);

Result<std::vector<FlagRow>> QueryFlags(SqliteDb& db, bool all, const std::string& rule) {
  std::string sql =
      "SELECT flag_id, severity, rule, status, COALESCE(source_path,''), COALESCE(page,0), COALESCE(year,0), "
      "expected, found, COALESCE(unit,''), message, COALESCE(source_text,''), COALESCE(fact_ids,''), "
      "COALESCE(forbund,''), COALESCE(doc_kind,''), document_id, COALESCE(decision,''), scope, "
      "COALESCE(stable_id,''), suggested_value, COALESCE(suggested_fact,''), COALESCE(page_label,'') "
      "FROM v_flags WHERE 1";
  if (!all) sql += " AND status = 'open'";
  if (!rule.empty()) sql += " AND rule LIKE ? || '%'";
  sql += kOrder;
  Result<SqliteStatement> q = db.Prepare(sql);
  if (!q.ok()) return q.status();
  if (!rule.empty()) q->Bind(1, rule);
  std::vector<FlagRow> out;
  while (q->Step()) {
    FlagRow r;
    r.id = q->Int(0);
    r.severity = q->Text(1);
    r.rule = q->Text(2);
    r.status = q->Text(3);
    r.path = q->Text(4);
    r.page = static_cast<int>(q->Int(5));
    r.year = static_cast<int>(q->Int(6));
    if (!q->IsNull(7)) r.expected = q->Double(7);
    if (!q->IsNull(8)) r.found = q->Double(8);
    r.unit = q->Text(9);
    r.message = q->Text(10);
    r.source = q->Text(11);
    r.fact_ids = q->Text(12);
    r.forbund = q->Text(13);
    r.doc_kind = q->Text(14);
    r.document_id = q->Int(15);
    r.decision = q->Text(16);
    r.scope = q->Text(17);
    r.stable_id = q->Text(18);
    if (!q->IsNull(19)) r.suggested_value = q->Double(19);
    r.suggested_fact = q->Text(20);
    r.page_label = q->Text(21);
    out.push_back(std::move(r));
  }
  if (!q->status().ok()) return q->status();
  return out;
}

int ListFlags(SqliteDb& db, const Options& o) {
  Result<std::vector<FlagRow>> flags = QueryFlags(db, o.all, o.rule);
  if (!flags.ok()) {
    std::cerr << "finsam review: " << flags.status().ToString() << "\n";
    return kExitInputFailed;
  }
  ResultTable t;
  // The table cites pages as a reader does ("s. 32 (PDF p. 33)"); csv and
  // json keep `page` the PDF index and add `printed_page`.
  const bool human = o.format == "table";
  t.columns = {"flag", "severity", "rule", "status", "document", "page", "figure", "expected", "message", "source",
               "suggested"};
  if (!human) t.columns.push_back("printed_page");
  for (const FlagRow& f : *flags) {
    std::string page = !f.page ? "" : human && !f.page_label.empty() ? PageCite(f.page, f.page_label)
                                                                    : std::to_string(f.page);
    t.rows.push_back({f.stable_id, f.severity, f.rule, f.status, ShortDoc(f.path), page,
                      f.found ? Money(*f.found, f.unit) : "", f.expected ? Money(*f.expected, f.unit) : "",
                      f.message, f.source, Suggestion(f)});
    if (!human) t.rows.back().push_back(f.page_label);
  }
  WriteResultTable(t, o.format, std::cout);
  if (o.format == "table") std::cerr << flags->size() << (o.all ? " flags" : " open flags") << "\n";
  // Decisions never vanish silently: say when some lost their flag or fact.
  Result<std::vector<OrphanDecision>> orphans = OrphanDecisions(db);
  if (orphans.ok() && !orphans->empty())
    std::cerr << orphans->size() << " decision" << (orphans->size() == 1 ? "" : "s")
              << " orphaned (their flag or fact is no longer extracted): finsam review --orphans\n";
  return kExitOk;
}

int ListOrphans(SqliteDb& db, const Options& o) {
  Result<std::vector<OrphanDecision>> orphans = OrphanDecisions(db);
  if (!orphans.ok()) {
    std::cerr << "finsam review: " << orphans.status().ToString() << "\n";
    return kExitInputFailed;
  }
  ResultTable t;
  t.columns = {"decision", "kind", "id", "document", "key", "value", "decided_by", "decided_at", "note"};
  for (const OrphanDecision& d : *orphans) {
    // The key without the document's sha256 (the document column names it).
    std::string key = d.content_key;
    if (key.size() > 65 && key[64] == '|') key = key.substr(65);
    t.rows.push_back({std::to_string(d.decision_id), d.kind, d.stable_id, d.document, key, d.value, d.decided_by,
                      d.decided_at, d.note});
  }
  WriteResultTable(t, o.format, std::cout);
  if (o.format == "table") std::cerr << orphans->size() << " orphaned decisions\n";
  return kExitOk;
}

// "V-1A2B3C4D → -7 738" for a flag with a one-cell cure.
std::string Suggestion(const FlagRow& f) {
  if (!f.suggested_value || f.suggested_fact.empty()) return "";
  return f.suggested_fact + " \u2192 " + FormatPrinted(*f.suggested_value);
}

std::string Esc(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

// The facts of a flag (pipeline/store/cross_checks.h, FlagFacts).
using FactInfo = FlagFact;

// The ingested PDFs the report crops pages from, checked against the
// SHA-256 stored at ingest: a file replaced or removed since then gives no
// crops (they would show another document) but a note, and one warning line
// on stderr per document. The last document's bytes are kept.
class SourceFiles {
 public:
  explicit SourceFiles(std::string db_path) : db_path_(std::move(db_path)) {}

  // The document's bytes, found where it was ingested from or, for a
  // relative stored path, from the database's directory (review_render.h
  // LocateIngestedDocument), so the report works from any directory.
  Result<std::shared_ptr<const std::string>> Get(const FactInfo& f) {
    if (f.document_id == last_id_ && last_) return last_;
    if (auto it = failed_.find(f.document_id); it != failed_.end()) return it->second;
    Result<LocatedDocument> found = LocateIngestedDocument(f.path, f.sha256, db_path_);
    if (!found.ok()) {
      std::cerr << "finsam review: warning: " << QuotePathForLog(f.path) << ": " << OneLine(found.status().message())
                << "; no page crops for document " << f.document_id << "\n";
      failed_.emplace(f.document_id, found.status());
      return found.status();
    }
    last_id_ = f.document_id;
    last_ = found->bytes;
    return last_;
  }
  int missing_crops = 0;

 private:
  std::string db_path_;
  std::map<int64_t, Status> failed_;
  int64_t last_id_ = 0;
  std::shared_ptr<const std::string> last_;
};

// The page region (PDF) or the source lines (text) of the main figure. The
// PDF crop spans the other figures of the flag on the same page (up to a
// third of a page), so a sum shows its rows.
std::string SourceView(const std::vector<FactInfo>& facts, SourceFiles& files) {
  const FactInfo& f = facts[0];
  if (f.format == "pdf" && f.page_unit == "pt" && !f.box.empty()) {
    Box region = f.box;
    for (const FactInfo& o : facts) {
      if (o.path != f.path || o.page != f.page || o.box.empty()) continue;
      Box grown = region;
      grown.Extend(o.box);
      if (grown.height() <= 260) region = grown;
    }
    Result<std::shared_ptr<const std::string>> pdf = files.Get(f);
    if (!pdf.ok()) {
      ++files.missing_crops;
      return "<p class=\"muted changed\">no page image of page " + std::to_string(f.page) +
             (f.page_label.empty() ? "" : " (printed " + Esc(f.page_label) + ")") + " (" +
             Esc(f.stable_id) + "): " + Esc(f.path) + " " + Esc(pdf.status().message()) +
             " — re-ingest the file from where it is now, or run review where it was ingested</p>";
    }
    Result<std::string> png = RenderPageCropPng(*pdf, f.page, region, f.box);
    if (png.ok())
      return "<img class=\"crop\" alt=\"" + Esc(PageCite(f.page, f.page_label)) + " crop\" src=\"" +
             PngDataUri(*png) + "\">";
    return "<p class=\"muted\">no page image: " + Esc(png.status().ToString()) + "</p>";
  }
  // Text input: the line the figure came from, with two lines around it.
  std::vector<std::string> lines;
  std::istringstream in(f.page_text);
  std::string l;
  while (std::getline(in, l)) lines.push_back(l);
  int at = f.line_index >= 0 ? f.line_index : static_cast<int>(f.box.y0);
  if (at < 0 || at >= static_cast<int>(lines.size())) return "<p class=\"muted\">no source lines stored</p>";
  std::string out = "<pre class=\"src\">";
  for (int i = std::max(0, at - 2); i <= std::min(static_cast<int>(lines.size()) - 1, at + 2); ++i) {
    std::string text = lines[i];
    for (char& c : text)
      if (c == '\t') c = ' ';
    out += (i == at ? "<mark>" : "") + std::to_string(i + 1) + ": " + Esc(text) + (i == at ? "</mark>" : "") + "\n";
  }
  return out + "</pre>";
}

Result<std::string> FlagCard(SqliteDb& db, const FlagRow& f, SourceFiles& files, const std::string& db_arg) {
  std::ostringstream h;
  h << "<section class=\"flag " << Esc(f.severity) << "\" id=\"" << Esc(f.stable_id) << "\">\n";
  h << "<h3>" << Esc(f.stable_id) << " <span class=\"sev\">" << Esc(f.severity) << "</span> <code>" << Esc(f.rule)
    << "</code> <span class=\"status\">" << Esc(f.status) << "</span></h3>\n";
  h << "<p class=\"msg\">" << Esc(f.message) << "</p>\n";
  h << "<p class=\"where\">" << Esc(f.forbund) << " · " << Esc(f.doc_kind) << " · " << Esc(ShortDoc(f.path))
    << (f.page ? " · " + Esc(PageCite(f.page, f.page_label)) : "") << (f.year ? " · year " + std::to_string(f.year) : "")
    << "</p>\n";
  if (f.expected || f.found) {
    h << "<table class=\"ef\"><tr><th>expected</th><td>" << (f.expected ? Esc(Money(*f.expected, f.unit)) : "–")
      << "</td><th>found</th><td>" << (f.found ? Esc(Money(*f.found, f.unit)) : "–") << "</td></tr></table>\n";
  }
  Result<std::vector<FactInfo>> found = FlagFacts(db, f.id);
  if (!found.ok()) return found.status();
  const std::vector<FactInfo>& facts = *found;
  if (!facts.empty()) {
    h << "<table class=\"facts\"><tr><th>fact</th><th>table</th><th>row</th><th>column</th><th>page</th>"
         "<th>printed</th><th>amount</th><th>status</th></tr>\n";
    for (const FactInfo& x : facts) {
      std::string amount = x.amount ? Money(static_cast<double>(*x.amount), "SEK") : "";
      if (x.status == "corrected" && x.original) amount += " (was " + Money(static_cast<double>(*x.original), "SEK") + ")";
      h << "<tr><td>" << Esc(x.stable_id) << "</td><td>" << Esc(x.table_title) << "</td><td>" << Esc(x.label)
        << "</td><td>" << Esc(x.header) << "</td><td>" << Esc(PageCite(x.page, x.page_label)) << "</td><td><code>"
        << Esc(x.raw) << "</code></td><td>" << Esc(amount)
        << "</td><td>" << Esc(x.status) << "</td></tr>\n";
    }
    h << "</table>\n";
    h << "<div class=\"source\">" << SourceView(facts, files) << "</div>\n";
  } else if (!f.source.empty()) {
    h << "<pre class=\"src\">" << Esc(f.source) << "</pre>\n";
  }
  if (!f.decision.empty()) h << "<p class=\"decision\">decision: " << Esc(f.decision) << "</p>\n";
  if (f.suggested_value && !f.suggested_fact.empty())
    h << "<p class=\"suggest\">suggested: " << Esc(f.suggested_fact) << " = "
      << Esc(FormatPrinted(*f.suggested_value)) << " (the one value that makes the check hold)</p>\n";
  h << "<p class=\"how\">decide: <code>finsam review --db " << Esc(db_arg) << " --accept " << Esc(f.stable_id)
    << "</code>";
  if (!facts.empty())
    h << " or <code>finsam review --db " << Esc(db_arg) << " --correct " << Esc(facts[0].stable_id)
      << " VALUE --note …</code>";
  if (f.suggested_value && !f.suggested_fact.empty())
    h << " or <code>finsam review --db " << Esc(db_arg) << " --correct " << Esc(f.stable_id) << " --suggested</code>";
  h << "</p>\n</section>\n";
  return h.str();
}

int WriteHtml(SqliteDb& db, const Options& o) {
  Result<std::vector<FlagRow>> flags = QueryFlags(db, true, o.rule);
  if (!flags.ok()) {
    std::cerr << "finsam review: " << flags.status().ToString() << "\n";
    return kExitInputFailed;
  }
  std::ofstream out(o.html);
  if (!out) {
    std::cerr << "finsam review: cannot write " << QuotePathForLog(o.html) << "\n";
    return kExitInputFailed;
  }
  out << "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">\n"
         "<title>finsam data-quality review</title>\n<style>\n"
         "body{font-family:sans-serif;margin:1.5em;max-width:70em;color:#222}\n"
         "h1{font-size:1.5em}h3{margin:.2em 0;font-size:1.05em}\n"
         "table{border-collapse:collapse;margin:.4em 0}td,th{border:1px solid #ccc;padding:2px 6px;"
         "font-size:.9em;text-align:left}\n"
         ".flag{border-left:6px solid #999;padding:.4em .8em;margin:1em 0;background:#fafafa}\n"
         ".flag.error{border-color:#c0392b}.flag.warning{border-color:#e67e22}.flag.info{border-color:#2980b9}"
         ".flag.ok{border-color:#27ae60}\n"
         ".sev{text-transform:uppercase;font-size:.8em;padding:1px 5px;background:#eee}\n"
         ".status{color:#555;font-size:.85em}.where,.how,.muted,.decision{color:#555;font-size:.85em}\n"
         ".crop{max-width:100%;border:1px solid #aaa}pre.src{background:#fff;border:1px solid #ccc;"
         "padding:.4em;overflow-x:auto}mark{background:#fff3a0}\n"
         "</style></head><body>\n<h1>finsam data-quality review</h1>\n";
  // Summary per document.
  struct Count {
    int passed = 0, error = 0, warning = 0, info = 0, open = 0, decided = 0;
  };
  std::map<std::string, Count> counts;
  for (const FlagRow& f : *flags) {
    Count& c = counts[ShortDoc(f.path)];
    if (f.status == "passed") ++c.passed;
    else if (f.severity == "error") ++c.error;
    else if (f.severity == "warning") ++c.warning;
    else if (f.severity == "info") ++c.info;
    if (f.status == "open") ++c.open;
    if (f.status == "accepted" || f.status == "corrected") ++c.decided;
  }
  out << "<h2>Summary</h2>\n<table><tr><th>document</th><th>checks passed</th><th>errors</th><th>warnings</th>"
         "<th>repaired (info)</th><th>open</th><th>decided</th></tr>\n";
  for (const auto& [doc, c] : counts)
    out << "<tr><td>" << Esc(doc) << "</td><td>" << c.passed << "</td><td>" << c.error << "</td><td>" << c.warning
        << "</td><td>" << c.info << "</td><td>" << c.open << "</td><td>" << c.decided << "</td></tr>\n";
  out << "</table>\n";
  Status card_error;
  SourceFiles files(o.db);
  const std::string db_arg = ShellWord(AbsolutePath(o.db));
  auto section = [&](const char* title, auto pred) {
    int n = 0;
    std::ostringstream body;
    for (const FlagRow& f : *flags)
      if (pred(f)) {
        Result<std::string> card = FlagCard(db, f, files, db_arg);
        if (!card.ok() && card_error.ok()) card_error = card.status();
        body << (card.ok() ? *card : "");
        ++n;
      }
    out << "<h2>" << title << " (" << n << ")</h2>\n" << body.str();
  };
  section("Open flags, worst first", [](const FlagRow& f) { return f.status == "open"; });
  section("Decided", [](const FlagRow& f) { return f.status == "accepted" || f.status == "corrected"; });
  if (!card_error.ok()) {
    std::cerr << "finsam review: " << card_error.ToString() << "\n";
    return kExitInputFailed;
  }
  out << "<h2>Agreements across documents</h2>\n<ul>\n";
  for (const FlagRow& f : *flags)
    if (f.status == "passed" && f.scope == "cross")
      out << "<li><code>" << Esc(f.rule) << "</code> " << Esc(f.message) << "</li>\n";
  out << "</ul>\n<details><summary>Passed in-document checks</summary>\n<ul>\n";
  for (const FlagRow& f : *flags)
    if (f.status == "passed" && f.scope != "cross")
      out << "<li>" << Esc(ShortDoc(f.path)) << ": <code>" << Esc(f.rule) << "</code> " << Esc(f.message)
          << "</li>\n";
  out << "</ul></details>\n";
  out << "</body></html>\n";
  if (files.missing_crops)
    std::cerr << "finsam review: " << files.missing_crops << " page crop" << (files.missing_crops == 1 ? "" : "s")
              << " missing (see the warnings above)\n";
  return kExitOk;
}

// Parses the command line into `o`; returns an exit code when review
// should not run (help, usage error).
std::optional<int> ParseReviewArgs(const Args& args, Options* o) {
  std::unique_ptr<CLI::App> app = MakeCommandApp("review", kReviewUsage, kReviewDescription, kReviewFooter);
  app->add_option("--db", o->db, "database file (default finsam.db)")->type_name("PATH");
  app->add_option("--format", o->format, "listing format (default table)")
      ->type_name("table|csv|json")
      ->check(OneOf({"table", "csv", "json"}));
  CLI::Option* html = app->add_option("--html", o->html,
                                      "write one self-contained HTML page: per flag the facts involved, expected "
                                      "vs found, and a crop of the page (PDF) or the source lines (text input)")
                          ->type_name("PATH");
  app->add_flag("--all", o->all, "also list passed, accepted and corrected flags");
  app->add_option("--rule", o->rule, "only flags whose rule starts with PREFIX")->type_name("PREFIX");
  CLI::Option* recheck =
      app->add_flag("--recheck", o->recheck, "recompute the cross-document flags before listing (writes)");
  CLI::Option* orphans = app->add_flag(
      "--orphans", o->orphans, "list decisions whose flag or fact is no longer extracted (e.g. after an upgrade)");
  CLI::Option* accept =
      app->add_option("--accept", o->accept, "accept the figure(s) of a flag as they are (F-XXXXXXXX from the listing)")
          ->type_name("FLAG_ID");
  std::vector<std::string> correct;
  CLI::Option* correct_opt =
      app->add_option("--correct", correct,
                      "record the right value of a fact (V-XXXXXXXX), in the table's printed unit (e.g. 13 320 "
                      "for tkr); survives re-ingest; the views show it with status 'corrected' (original kept)")
          ->type_name("FACT_ID VALUE")
          ->expected(1, 2)
          ->allow_extra_args(false);
  CLI::Option* suggested = app->add_flag("--suggested", o->suggested,
                                         "with --correct FLAG_ID: record the flag's suggested value (the one cell "
                                         "that explains a failed sum)");
  suggested->needs(correct_opt);
  app->add_option("--by", o->by, "who decides (default $USER)")->type_name("NAME");
  app->add_option("--note", o->note, "why")->type_name("TEXT");
  accept->excludes(correct_opt);
  for (CLI::Option* decision : {accept, correct_opt, orphans}) {
    decision->excludes(html);
    decision->excludes(recheck);
  }
  orphans->excludes(accept);
  orphans->excludes(correct_opt);
  if (std::optional<int> exit = ParseCommandLine(*app, "review", args)) return exit;
  if (accept->count() && !LooksLikeId(o->accept, 'F'))
    return UsageError("review", "--accept wants a flag id (F-XXXXXXXX from the listing), got '" + o->accept + "'");
  if (!correct.empty()) {
    if (o->suggested) {
      if (correct.size() != 1) return UsageError("review", "--correct FLAG_ID --suggested takes no VALUE");
      if (!LooksLikeId(correct[0], 'F'))
        return UsageError("review", "--correct ... --suggested wants a flag id (F-XXXXXXXX), got '" + correct[0] + "'");
      o->correct_id = correct[0];
      return std::nullopt;
    }
    if (correct.size() != 2) return UsageError("review", "--correct wants FACT_ID VALUE (or FLAG_ID --suggested)");
    if (!LooksLikeId(correct[0], 'V'))
      return UsageError("review", "--correct wants a fact id (V-XXXXXXXX), got '" + correct[0] + "'");
    std::optional<SwedishNumber> n = ParseSwedishNumber(correct[1]);
    if (!n || n->is_percent) return UsageError("review", "--correct: '" + correct[1] + "' is not a number");
    o->correct_id = correct[0];
    o->correct_value = n->value;
  }
  return std::nullopt;
}

// The paths the documents were ingested from.
std::vector<std::string> SourcePaths(SqliteDb& db) {
  std::vector<std::string> out;
  Result<SqliteStatement> q = db.Prepare("SELECT DISTINCT source_path FROM documents WHERE source_path IS NOT NULL");
  if (!q.ok()) return out;
  while (q->Step()) out.push_back(q->Text(0));
  return out;
}

// Recomputes every förbund's cross-document flags in one transaction.
Status RecheckCrossFlags(SqliteDb& sql) {
  Status st = sql.Begin();
  if (st.ok()) st = RunAllCrossChecks(sql);
  if (st.ok()) st = sql.Commit();
  if (!st.ok()) sql.Rollback();
  return st;
}

}  // namespace

int RunReviewCommand(const Args& args) {
  Options o;
  if (std::optional<int> exit = ParseReviewArgs(args, &o)) return *exit;
  if (o.by.empty()) {
    const char* user = std::getenv("USER");
    o.by = user && *user ? user : "unknown";
  }
  // The report is the output: never the database or a file beside it.
  if (!o.html.empty()) {
    if (std::optional<std::string> same = FindSameFile(o.html, DatabaseFiles(o.db)))
      return UsageError("review", "--html " + QuotePathForLog(o.html) + " is the database file " +
                                      QuotePathForLog(*same) + "; refusing to write over it");
  }
  // Listing and --html only read: the database is opened read-only, so a
  // file or folder the user may only read works.
  DbOpenOptions open;
  open.access = !o.accept.empty() || !o.correct_id.empty() || o.recheck ? DbAccess::kWrite : DbAccess::kRead;
  Result<std::unique_ptr<Database>> db = Database::Open(o.db, open);
  if (!db.ok()) return DatabaseError(o.db, db.status());
  SqliteDb& sql = (*db)->sql();
  if (!o.html.empty()) {
    // Nor one of the documents the report crops its pages from.
    if (std::optional<std::string> same = FindSameFile(o.html, SourcePaths(sql)))
      return UsageError("review", "--html " + QuotePathForLog(o.html) + " is the ingested document " +
                                      QuotePathForLog(*same) + "; refusing to write over it");
  }
  auto failed = [](const Status& st) {
    std::cerr << "finsam review: " << OneLine(st.ToString()) << "\n";
    return kExitInputFailed;
  };
  // A row id typed as an alias: say the stable id, which does not change.
  auto alias_note = [](const ResolvedId& id, const std::string& typed) {
    if (id.by_number)
      std::cerr << "finsam review: note: " << typed << " is " << id.stable_id
                << " (numeric ids change when flags are recomputed; use the F-/V- ids)\n";
  };
  if (!o.accept.empty()) {
    Result<ResolvedId> flag = ResolveFlag(sql, o.accept);
    if (!flag.ok()) return failed(flag.status());
    alias_note(*flag, o.accept);
    Status st = AcceptFlag(sql, flag->row_id, o.by, o.note);
    if (!st.ok()) return failed(st);
    std::cout << "accepted flag " << flag->stable_id << " (by " << o.by << ")\n";
    return kExitOk;
  }
  if (!o.correct_id.empty()) {
    Result<CorrectionTarget> t = ResolveCorrection(sql, o.correct_id, o.suggested, o.correct_value);
    if (!t.ok()) return failed(t.status());
    alias_note(t->typed_id, o.correct_id);
    Status st = CorrectFact(sql, t->fact_id, t->value, o.by, o.note);
    if (!st.ok()) return failed(st);
    std::cout << "corrected fact " << t->fact_stable_id << " to " << FormatPrinted(t->value) << " (by " << o.by
              << ")\n";
    return kExitOk;
  }
  if (o.orphans) return ListOrphans(sql, o);
  // Listing and the report only read. The cross-document flags were
  // computed when the documents were loaded (and after each correction);
  // --recheck recomputes them, e.g. after a finsam upgrade changed a rule.
  if (o.recheck) {
    Status st = RecheckCrossFlags(sql);
    if (!st.ok()) {
      std::cerr << "finsam review: " << OneLine(st.ToString()) << "\n";
      return kExitInputFailed;
    }
  }
  if (!o.html.empty()) return WriteHtml(sql, o);
  return ListFlags(sql, o);
}

}  // namespace finsam
