// `finsam serve`: the web application behind the HTTP adapter
// (http_server.h) — routing, the JSON API over the store, the embedded
// pages, page images, and the safety rules of issue 15:
//  - every POST carries the session's CSRF token in the X-CSRF-Token header
//    (the token is generated at start and written into the page the
//    browser loads; other origins can neither read it nor send the header
//    without a CORS preflight, which is never granted): else 403;
//  - decisions need a database opened for writing (--write): else 403;
//  - a request naming no known flag, fact, document, page or organisation
//    gets 404, a malformed one 400 (bodies over the limit 413, in the
//    adapter); nothing a request holds can stop the server;
//  - when bound to a loopback address only Host headers naming a loopback
//    host are answered (a DNS-rebinding page cannot talk to it): else 403;
//  - the API returns data as JSON; the pages put every string from a
//    document into the DOM as text (textContent), never as markup, and a
//    Content-Security-Policy forbids inline and foreign scripts;
//  - page images are addressed by document id and page number; the file is
//    the one the database names, checked against its ingest SHA-256.
// Decisions are stored by the same store functions as `finsam review
// --accept/--correct` (pipeline/store/cross_checks.h), keyed by stable ids.
#ifndef FINSAM_PIPELINE_SERVE_SERVE_APP_H_
#define FINSAM_PIPELINE_SERVE_SERVE_APP_H_

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "model/status.h"
#include "pipeline/serve/http_server.h"
#include "pipeline/serve/page_store.h"
#include "pipeline/store/database.h"

namespace finsam {

// What an export button asks for; answered by the same code as `finsam
// export` (the CLI passes it in: the CLI sits above this library).
struct ExportRequest {
  std::string format = "csv";        // csv | jsonl
  std::string dialect = "rfc4180";   // rfc4180 | excel-sv
  std::string org;                   // organisation name part, "" = all
};
using ExportFunction = std::function<Status(SqliteDb& db, const ExportRequest& req, std::string* out)>;

struct ServeOptions {
  std::string db_path = kDefaultDbPath;
  bool write = false;        // open the database for writing (decisions)
  std::string bind = "127.0.0.1";
  std::string default_by;    // who decides when the request names nobody ($USER)
  std::string csrf_token;    // "" = a random one
  ExportFunction export_facts;  // may be empty: /api/export answers 501
  int page_dpi = 110;        // resolution of page images
};

class ServeApp {
 public:
  // Opens the database (read-only unless options.write) and prepares the
  // session. Errors are the database's (Database::Open).
  static Result<std::unique_ptr<ServeApp>> Open(const ServeOptions& options);

  // Answers one request; never throws.
  HttpResponse Handle(const HttpRequest& req);

  const std::string& csrf_token() const { return options_.csrf_token; }
  bool writable() const { return options_.write; }
  PageStore& pages() { return pages_; }

 private:
  ServeApp(ServeOptions options, std::unique_ptr<Database> db);
  HttpResponse Route(const HttpRequest& req);
  HttpResponse HandlePost(const HttpRequest& req, const std::vector<std::string>& parts);
  HttpResponse PageImage(const std::string& doc, const std::string& page);

  ServeOptions options_;
  std::unique_ptr<Database> db_;
  std::mutex db_mu_;  // one connection, one request at a time
  PageStore pages_;
};

// A random CSRF token: 32 hex digits from std::random_device.
std::string NewCsrfToken();

// Whether `host` (a Host header: "127.0.0.1:8080", "localhost", "[::1]:80")
// names this machine's loopback interface.
bool IsLoopbackHost(const std::string& host);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_SERVE_SERVE_APP_H_
