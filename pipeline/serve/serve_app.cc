#include "pipeline/serve/serve_app.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>
#include <cstdlib>
#include <random>

#include "normalizers/swedish_number.h"
#include "pipeline/review/compare.h"
#include "pipeline/serve/assets.h"
#include "pipeline/serve/serve_api.h"
#include "pipeline/store/cross_checks.h"
#include "pipeline/store/stable_keys.h"

namespace finsam {
namespace {

constexpr const char* kCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

HttpResponse Plain(int status, const std::string& body) {
  HttpResponse r;
  r.status = status;
  r.body = body + "\n";
  return r;
}

HttpResponse JsonResponse(int status, const Json& j) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  r.headers.emplace("Cache-Control", "no-store");
  return r;
}

HttpResponse Error(int status, const std::string& message) { return JsonResponse(status, Json{{"error", message}}); }

HttpResponse FromStatus(const Status& st) {
  switch (st.code()) {
    case StatusCode::kNotFound: return Error(404, st.message());
    case StatusCode::kInvalidArgument: return Error(400, st.message());
    case StatusCode::kUnsupported: return Error(404, st.message());
    default: return Error(500, st.message());
  }
}

HttpResponse FromResult(Result<Json> r) { return r.ok() ? JsonResponse(200, *r) : FromStatus(r.status()); }

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : path) {
    if (c == '/') {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  return parts;
}

// A positive decimal id of at most 15 digits.
std::optional<int64_t> ParseId(const std::string& s) {
  if (s.empty() || s.size() > 15) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return std::nullopt;
  return v;
}

std::string MimeOf(const std::string& name) {
  auto ends = [&](const char* ext) {
    const std::string e = ext;
    return name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  return "application/octet-stream";
}

const EmbeddedAsset* FindAsset(const std::string& name) {
  for (const EmbeddedAsset& a : EmbeddedAssets())
    if (name == a.name) return &a;
  return nullptr;
}

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// A short text field of a decision body: a string of at most `max` bytes.
std::optional<std::string> TextField(const Json& body, const char* name, size_t max) {
  if (!body.contains(name) || body[name].is_null()) return std::string();
  if (!body[name].is_string()) return std::nullopt;
  std::string s = body[name].get<std::string>();
  if (s.size() > max) return std::nullopt;
  return s;
}

std::vector<int64_t> ParseIdList(const std::string& s, bool* ok) {
  std::vector<int64_t> out;
  *ok = true;
  std::string cur;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ',') {
      if (!cur.empty()) {
        std::optional<int64_t> id = ParseId(cur);
        if (!id) *ok = false; else out.push_back(*id);
      }
      cur.clear();
    } else {
      cur += s[i];
    }
  }
  if (out.size() > 100) *ok = false;
  return out;
}

}  // namespace

std::string NewCsrfToken() {
  std::random_device rd;
  static const char* kHex = "0123456789abcdef";
  std::string t;
  for (int i = 0; i < 8; ++i) {
    uint32_t v = rd();
    for (int k = 0; k < 4; ++k) {
      t += kHex[(v >> (k * 8)) & 15];
    }
  }
  return t;
}

bool IsLoopbackHost(const std::string& host_header) {
  std::string host = host_header;
  if (!host.empty() && host[0] == '[') {
    size_t close = host.find(']');
    if (close == std::string::npos) return false;
    host = host.substr(1, close - 1);
  } else if (size_t colon = host.find(':'); colon != std::string::npos && host.find(':', colon + 1) == std::string::npos) {
    host = host.substr(0, colon);
  }
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
  const bool ipv4 = !host.empty() && host.find_first_not_of("0123456789.") == std::string::npos;
  return host == "localhost" || host == "::1" || (ipv4 && host.rfind("127.", 0) == 0);
}

ServeApp::ServeApp(ServeOptions options, std::unique_ptr<Database> db)
    : options_(std::move(options)), db_(std::move(db)), pages_(options_.db_path) {}

Result<std::unique_ptr<ServeApp>> ServeApp::Open(const ServeOptions& options) {
  DbOpenOptions open;
  open.access = options.write ? DbAccess::kWrite : DbAccess::kRead;
  Result<std::unique_ptr<Database>> db = Database::Open(options.db_path, open);
  if (!db.ok()) return db.status();
  ServeOptions o = options;
  if (o.csrf_token.empty()) o.csrf_token = NewCsrfToken();
  if (o.default_by.empty()) {
    const char* user = std::getenv("USER");
    o.default_by = user && *user ? user : "unknown";
  }
  return std::unique_ptr<ServeApp>(new ServeApp(std::move(o), std::move(*db)));
}

HttpResponse ServeApp::Handle(const HttpRequest& req) {
  HttpResponse r;
  const bool loopback_bind = IsLoopbackHost(options_.bind);
  if (loopback_bind && !IsLoopbackHost(req.Header("Host"))) {
    r = Plain(403, "forbidden: this server answers only requests addressed to localhost");
  } else {
    try {
      r = Route(req);
    } catch (...) {
      r = Plain(500, "internal error");
    }
  }
  r.headers.emplace("X-Content-Type-Options", "nosniff");
  r.headers.emplace("Content-Security-Policy", kCsp);
  r.headers.emplace("Referrer-Policy", "no-referrer");
  r.headers.emplace("X-Frame-Options", "DENY");
  return r;
}

HttpResponse ServeApp::PageImage(const std::string& doc, const std::string& page_png) {
  std::optional<int64_t> id = ParseId(doc);
  const std::string ext = ".png";
  if (!id || page_png.size() <= ext.size() || page_png.compare(page_png.size() - ext.size(), ext.size(), ext) != 0)
    return Error(400, "page images are /page/DOCUMENT_ID/PAGE.png");
  std::optional<int64_t> page = ParseId(page_png.substr(0, page_png.size() - ext.size()));
  if (!page || *page > 100000) return Error(400, "bad page number");
  StoredDocument stored;
  {
    std::lock_guard<std::mutex> lock(db_mu_);
    Result<StoredDocument> s = StoredDocumentById(db_->sql(), *id);
    if (!s.ok()) return FromStatus(s.status());
    stored = *s;
  }
  Result<std::shared_ptr<const std::string>> png = pages_.PagePng(*id, stored, static_cast<int>(*page), options_.page_dpi);
  if (!png.ok()) return FromStatus(png.status().code() == StatusCode::kInternal ? png.status() : Status::NotFound(png.status().message()));
  HttpResponse r;
  r.content_type = "image/png";
  r.body = **png;
  r.headers.emplace("Cache-Control", "private, max-age=3600");
  return r;
}

HttpResponse ServeApp::Route(const HttpRequest& req) {
  const std::vector<std::string> parts = SplitPath(req.path);
  if (req.method == "POST") return HandlePost(req, parts);
  if (parts.empty() || (parts.size() == 1 && parts[0] == "index.html")) {
    const EmbeddedAsset* index = FindAsset("index.html");
    if (!index) return Plain(500, "index.html not embedded");
    std::string html(index->bytes());
    // The session's CSRF token goes into the page (hex digits only).
    const std::string mark = "__CSRF_TOKEN__";
    if (size_t at = html.find(mark); at != std::string::npos) html.replace(at, mark.size(), options_.csrf_token);
    HttpResponse r;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::move(html);
    r.headers.emplace("Cache-Control", "no-store");
    return r;
  }
  if (parts[0] == "static" && parts.size() == 2) {
    const EmbeddedAsset* a = FindAsset(parts[1]);
    if (!a || parts[1] == "index.html") return Plain(404, "not found");
    HttpResponse r;
    r.content_type = MimeOf(parts[1]);
    r.body = std::string(a->bytes());
    r.headers.emplace("Cache-Control", "no-cache");
    return r;
  }
  if (parts[0] == "page" && parts.size() == 3) return PageImage(parts[1], parts[2]);
  if (parts[0] != "api" || parts.size() < 2) return Plain(404, "not found");
  const std::string& what = parts[1];
  std::lock_guard<std::mutex> lock(db_mu_);
  SqliteDb& db = db_->sql();
  if (what == "session" && parts.size() == 2)
    return JsonResponse(200, Json{{"write", options_.write}, {"by", options_.default_by}});
  if (what == "categories" && parts.size() == 2) return FromResult(CategoriesJson());
  if (what == "flags" && parts.size() <= 3) {
    FlagFilter f;
    if (parts.size() == 3) {
      if (!LooksLikeStableId(parts[2], kFlagIdPrefix)) return Error(400, "a flag id looks like F-3K7Q2M9A");
      Result<ResolvedId> id = ResolveFlag(db, parts[2]);
      if (!id.ok()) return FromStatus(id.status());
      f.stable_id = id->stable_id;
    }
    if (std::string o = req.Param("org"); !o.empty()) {
      f.organisation_id = ParseId(o);
      if (!f.organisation_id) return Error(400, "org is an organisation id");
    }
    if (std::string y = req.Param("year"); !y.empty()) {
      std::optional<int64_t> year = ParseId(y);
      if (!year || *year > 9999) return Error(400, "year is a year");
      f.year = static_cast<int>(*year);
    }
    f.rule = req.Param("rule");
    if (f.rule.size() > 100) return Error(400, "rule too long");
    f.severity = req.Param("severity");
    if (!f.severity.empty() && f.severity != "error" && f.severity != "warning" && f.severity != "info")
      return Error(400, "severity is error, warning or info");
    f.all = req.Param("status") == "all";
    Result<Json> flags = FlagsJson(db, pages_, f);
    if (flags.ok() && parts.size() == 3) {
      if ((*flags)["flags"].empty()) return Error(404, "no such flag");
      return JsonResponse(200, (*flags)["flags"][0]);
    }
    return FromResult(flags);
  }
  if (what == "facts" && parts.size() == 3) {
    if (!LooksLikeStableId(parts[2], kFactIdPrefix)) return Error(400, "a fact id looks like V-3K7Q2M9A");
    Result<ResolvedId> id = ResolveFact(db, parts[2]);
    if (!id.ok()) return FromStatus(id.status());
    return FromResult(FactJson(db, id->row_id));
  }
  if (what == "documents") {
    if (parts.size() == 2) return FromResult(DocumentsJson(db, std::nullopt));
    std::optional<int64_t> id = ParseId(parts[2]);
    if (!id) return Error(400, "a document id is a positive number");
    if (parts.size() == 3) return FromResult(DocumentJson(db, *id));
    if (parts.size() == 5 && parts[3] == "pages") {
      std::optional<int64_t> page = ParseId(parts[4]);
      if (!page || *page > 100000) return Error(400, "a page is a positive number");
      return FromResult(PageBoxesJson(db, *id, static_cast<int>(*page)));
    }
    return Plain(404, "not found");
  }
  if (what == "orgs") {
    if (parts.size() == 2) return FromResult(OrganisationsJson(db));
    std::optional<int64_t> id = ParseId(parts[2]);
    if (!id) return Error(400, "an organisation id is a positive number");
    if (parts.size() == 3) return FromResult(OrganisationJson(db, pages_, *id));
    return Plain(404, "not found");
  }
  if ((what == "compare" || what == "compare.csv") && parts.size() == 2) {
    const std::string metric = req.Param("metric"), label = req.Param("label");
    if (metric.size() > 100 || label.size() > 200) return Error(400, "metric or label too long");
    if (metric.empty() && label.empty()) return Error(400, "give metric=CATEGORY or label=TEXT");
    bool ok = true;
    std::vector<int64_t> orgs = ParseIdList(req.Param("orgs"), &ok);
    if (!ok) return Error(400, "orgs is a comma-separated list of organisation ids");
    if (what == "compare") return FromResult(CompareJson(db, metric, label, orgs));
    // The CSV of `finsam compare --format csv`, for the selected organisations.
    Result<Json> names = OrganisationsJson(db);
    if (!names.ok()) return FromStatus(names.status());
    CompareRequest cr;
    cr.metric = metric;
    cr.label = label;
    cr.format = "csv";
    std::ostringstream out;
    if (orgs.size() == 1) {
      for (const Json& o : *names)
        if (o["id"] == orgs[0]) cr.forbund = o["name"].get<std::string>();
      if (cr.forbund.empty()) return Error(404, "no such organisation");
    }
    Status st = CompareFinancial(db, cr, out);
    if (!st.ok()) return FromStatus(st);
    HttpResponse r;
    r.content_type = "text/csv; charset=utf-8";
    r.body = out.str();
    r.headers.emplace("Content-Disposition", "attachment; filename=\"finsam-compare.csv\"");
    return r;
  }
  if (what == "export" && parts.size() == 2) {
    if (!options_.export_facts) return Error(501, "export is not available in this build");
    ExportRequest er;
    er.format = req.Param("format").empty() ? "csv" : req.Param("format");
    er.dialect = req.Param("dialect").empty() ? "rfc4180" : req.Param("dialect");
    if (er.format != "csv" && er.format != "jsonl") return Error(400, "format is csv or jsonl");
    if (er.dialect != "rfc4180" && er.dialect != "excel-sv") return Error(400, "dialect is rfc4180 or excel-sv");
    if (std::string o = req.Param("org"); !o.empty()) {
      std::optional<int64_t> id = ParseId(o);
      if (!id) return Error(400, "org is an organisation id");
      Result<Json> names = OrganisationsJson(db);
      if (!names.ok()) return FromStatus(names.status());
      for (const Json& n : *names)
        if (n["id"] == *id) er.org = n["name"].get<std::string>();
      if (er.org.empty()) return Error(404, "no such organisation");
    }
    std::string body;
    Status st = options_.export_facts(db, er, &body);
    if (!st.ok()) return FromStatus(st);
    HttpResponse r;
    r.content_type = er.format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
    r.body = std::move(body);
    r.headers.emplace("Content-Disposition",
                      std::string("attachment; filename=\"finsam-export.") + (er.format == "csv" ? "csv" : "jsonl") + "\"");
    return r;
  }
  return Plain(404, "not found");
}

HttpResponse ServeApp::HandlePost(const HttpRequest& req, const std::vector<std::string>& parts) {
  // CSRF first: a request without the session's token does nothing and
  // learns nothing.
  if (!ConstantTimeEquals(req.Header("X-CSRF-Token"), options_.csrf_token))
    return Error(403, "missing or wrong X-CSRF-Token (reload the page)");
  if (parts.size() != 4 || parts[0] != "api") return Error(404, "not found");
  const bool accept = parts[1] == "flags" && parts[3] == "accept";
  const bool suggested = parts[1] == "flags" && parts[3] == "suggested";
  const bool correct = parts[1] == "facts" && parts[3] == "correct";
  if (!accept && !suggested && !correct) return Error(404, "not found");
  if (!options_.write)
    return Error(403, "the database is open read-only: start 'finsam serve --write' to record decisions");
  if (!LooksLikeStableId(parts[2], correct ? kFactIdPrefix : kFlagIdPrefix))
    return Error(400, correct ? "a fact id looks like V-3K7Q2M9A" : "a flag id looks like F-3K7Q2M9A");
  Json body = Json::parse(req.body.empty() ? std::string("{}") : req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return Error(400, "the body is not a JSON object");
  std::optional<std::string> note = TextField(body, "note", 4000), by = TextField(body, "by", 200);
  if (!note || !by) return Error(400, "note and by are strings (at most 4000 / 200 bytes)");
  const std::string who = by->empty() ? options_.default_by : *by;
  double value = 0;
  if (correct) {
    if (!body.contains("value")) return Error(400, "give value (in the table's printed unit)");
    const Json& v = body["value"];
    if (v.is_number()) {
      value = v.get<double>();
      if (!std::isfinite(value) || std::abs(value) > 1e15) return Error(400, "value out of range");
    } else if (v.is_string() && v.get<std::string>().size() < 64) {
      std::optional<SwedishNumber> n = ParseSwedishNumber(v.get<std::string>());
      if (!n || n->is_percent) return Error(400, "value is not a number");
      value = n->value;
    } else {
      return Error(400, "value is a number");
    }
  }
  std::lock_guard<std::mutex> lock(db_mu_);
  SqliteDb& db = db_->sql();
  if (accept) {
    Result<ResolvedId> flag = ResolveFlag(db, parts[2]);
    if (!flag.ok()) return FromStatus(flag.status());
    Status st = AcceptFlag(db, flag->row_id, who, *note);
    if (!st.ok()) return FromStatus(st);
    return JsonResponse(200, Json{{"accepted", flag->stable_id}, {"by", who}});
  }
  Result<CorrectionTarget> target = ResolveCorrection(db, parts[2], suggested, value);
  if (!target.ok()) return FromStatus(target.status());
  Status st = CorrectFact(db, target->fact_id, target->value, who, *note);
  if (!st.ok()) return FromStatus(st);
  return JsonResponse(200, Json{{"corrected", target->fact_stable_id}, {"value", target->value}, {"by", who}});
}

}  // namespace finsam
