// `finsam export [--db PATH] [--format csv|jsonl] [--csv-dialect
// rfc4180|excel-sv] [--org NAME]`: every fact in long format, one row each,
// like Kolada's exports: organisation, orgnr, kind, year, period, column
// kind, category, label, amount, unit, document, page, printed page,
// status, flag ids.
//
// csv rfc4180: comma, decimal point, CRLF. excel-sv: semicolon, decimal
// comma, UTF-8 byte-order mark, CRLF — opens right in a Swedish
// spreadsheet. Cells a spreadsheet would run as formulas are neutralized
// (NeutralizeCsvFormula). jsonl: one JSON object per line, numbers as
// numbers, empty cells null.
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/export.h"
#include "normalizers/unicode.h"
#include "pipeline/review/compare.h"
#include "pipeline/store/database.h"

namespace finsam {
namespace {

const std::vector<std::string>& ExportColumns() {
  static const std::vector<std::string> k = {
      "organisation", "orgnr",  "org_kind",   "year",         "period",      "column_kind", "category",
      "label",        "amount", "unit",       "value_printed", "table_unit", "document_id", "doc_kind",
      "table_kind",   "page",   "printed_page", "status",      "flag_ids",    "fact_id",     "source_path",
      "months"};
  return k;
}

// Which columns hold numbers (printed without quotes in JSON; decimal comma
// in excel-sv).
bool NumericColumn(const std::string& c) {
  return c == "year" || c == "amount" || c == "document_id" || c == "page" || c == "fact_id";
}

std::string CsvCell(const std::string& cell, char sep) {
  const std::string s = NeutralizeCsvFormula(cell);
  if (s.find_first_of(std::string(1, sep) + "\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

Status ExportFacts(SqliteDb& db, const std::string& format, const std::string& dialect, const std::string& org,
                   std::string* result) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT COALESCE(d.organisation, ''), COALESCE(d.orgnr, ''), COALESCE(d.org_kind, ''), f.year, "
      "CASE WHEN d.year_from IS NULL THEN '' WHEN d.year_to IS NULL OR d.year_to = d.year_from "
      "THEN CAST(d.year_from AS TEXT) ELSE d.year_from || '-' || d.year_to END, "
      "f.column_kind, COALESCE(f.category, ''), COALESCE(f.label, ''), "
      "CASE WHEN f.is_percent THEN f.value ELSE f.amount_sek END, "
      "CASE WHEN f.is_percent THEN '%' WHEN f.amount_sek IS NULL THEN '' ELSE 'kr' END, "
      "f.value, COALESCE(f.unit, ''), f.document_id, COALESCE(f.doc_kind, ''), COALESCE(f.table_kind, ''), f.page, "
      "COALESCE(p.label, ''), f.status, "
      "(SELECT group_concat(flag_id, ' ') FROM (SELECT ff.flag_id FROM flag_facts ff JOIN flags g "
      "   ON g.flag_id = ff.flag_id WHERE ff.fact_id = f.fact_id AND g.passed = 0 ORDER BY ff.flag_id)), "
      "f.fact_id, d.source_path, COALESCE(f.column_period, '') "
      "FROM v_financial f JOIN v_documents d ON d.document_id = f.document_id "
      "LEFT JOIN pages p ON p.document_id = f.document_id AND p.page = f.page "
      "ORDER BY d.organisation, f.year, f.document_id, f.table_id, f.row_id, f.col");
  if (!q.ok()) return q.status();
  const std::vector<std::string>& cols = ExportColumns();
  const bool excel = dialect == "excel-sv";
  const char sep = excel ? ';' : ',';
  std::string& out = *result;
  out.clear();
  if (format == "csv") {
    if (excel) out += "\xEF\xBB\xBF";
    for (size_t c = 0; c < cols.size(); ++c) out += (c ? std::string(1, sep) : "") + cols[c];
    out += "\r\n";
  }
  const std::string org_key = FoldKey(org);
  bool any = false;
  while (q->Step()) {
    if (!org.empty() && FoldKey(q->Text(0)).find(org_key) == std::string::npos) continue;
    any = true;
    std::vector<std::string> row(cols.size());
    for (size_t c = 0; c < cols.size(); ++c) row[c] = q->IsNull(static_cast<int>(c)) ? "" : q->Text(static_cast<int>(c));
    // Numbers: whole kronor stay integers; decimals (percent, printed
    // values) get the dialect's decimal mark.
    for (size_t c : {size_t{8}, size_t{10}}) {
      if (row[c].empty()) continue;
      double v = q->Double(static_cast<int>(c));
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.15g", v);  // every digit a printed figure has
      if (c == 8 && cols[c] == "amount" && row[9] == "kr") std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(q->Int(8)));
      row[c] = buf;
    }
    if (format == "jsonl") {
      nlohmann::ordered_json obj = nlohmann::ordered_json::object();
      for (size_t c = 0; c < cols.size(); ++c) {
        if (row[c].empty()) {
          obj[cols[c]] = nullptr;
        } else if (NumericColumn(cols[c]) || c == 10) {
          nlohmann::ordered_json n = nlohmann::ordered_json::parse(row[c], nullptr, false);
          obj[cols[c]] = n.is_number() ? n : nlohmann::ordered_json(row[c]);
        } else {
          obj[cols[c]] = row[c];
        }
      }
      out += obj.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
      continue;
    }
    for (size_t c = 0; c < cols.size(); ++c) {
      std::string cell = row[c];
      if (excel && (c == 8 || c == 10)) {
        for (char& ch : cell)
          if (ch == '.') ch = ',';
      }
      out += (c ? std::string(1, sep) : "") + CsvCell(cell, sep);
    }
    out += "\r\n";
  }
  if (!q->status().ok()) return q->status();
  if (!org.empty() && !any) return Status::InvalidArgument("no organisation matches '" + org + "' (see 'finsam orgs')");
  return Status::Ok();
}

int RunExportCommand(const Args& args) {
  std::string db_path = kDefaultDbPath, format = "csv", dialect = "rfc4180", org;
  std::unique_ptr<CLI::App> app = MakeCommandApp(
      "export", "usage: finsam export [OPTIONS]",
      "Writes every financial fact to stdout in long format, one row each: organisation, orgnr, org_kind,\n"
      "year, period (the document's years), column_kind, category, label, amount (whole kronor; the\n"
      "percent for percent cells), unit (kr or %), value_printed (the number as the table prints it),\n"
      "table_unit, document_id, doc_kind, table_kind, page (PDF page), printed_page (the page's own\n"
      "number when it differs), status, flag_ids (the review flags on the fact, see 'finsam review'),\n"
      "fact_id, source_path, months (\"01-08\" when the column covers part of the year, as a\n"
      "delårsrapport's \"Utfall jan–aug\"; empty for the whole year).",
      "--csv-dialect excel-sv uses ';', a decimal comma and a UTF-8 byte-order mark.\n"
      "Exit codes: 0 ok, 1 the database could not be read, 2 usage.");
  app->add_option("--db", db_path, "database file (default finsam.db)")->type_name("PATH");
  app->add_option("--format", format, "csv (default) or jsonl (one JSON object per line)")
      ->type_name("csv|jsonl")
      ->check(OneOf({"csv", "jsonl"}));
  app->add_option("--csv-dialect", dialect, "rfc4180 (default: comma, decimal point) or excel-sv")
      ->type_name("rfc4180|excel-sv")
      ->check(OneOf({"rfc4180", "excel-sv"}));
  app->add_option("--org", org, "only organisations whose name contains NAME")->type_name("NAME");
  if (std::optional<int> exit = ParseCommandLine(*app, "export", args)) return *exit;

  DbOpenOptions open;
  open.access = DbAccess::kRead;
  Result<std::unique_ptr<Database>> db = Database::Open(db_path, open);
  if (!db.ok()) return DatabaseError(db_path, db.status());
  std::string out;
  Status st = ExportFacts((*db)->sql(), format, dialect, org, &out);
  if (st.code() == StatusCode::kInvalidArgument) return UsageError("export", st.message());
  if (!st.ok()) return DatabaseError(db_path, st);
  std::cout << out;
  std::cout.flush();
  return kExitOk;
}

}  // namespace finsam
