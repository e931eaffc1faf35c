// Thin adapter over cpp-httplib (the only file that includes httplib.h is
// http_server.cc): a server that hands every request to one handler as a
// plain HttpRequest and sends back its HttpResponse. Routing, CSRF checks
// and JSON live in serve_app.h, which knows nothing of httplib.
//
// Safety limits enforced here, before the handler runs: request bodies over
// `max_body_bytes` get 413, URIs over 8 KiB 414, headers over 8 KiB 400
// (httplib's limits); methods other than GET, HEAD and POST get 405; an
// exception escaping the handler becomes a 500, never a crash.
#ifndef FINSAM_PIPELINE_SERVE_HTTP_SERVER_H_
#define FINSAM_PIPELINE_SERVE_HTTP_SERVER_H_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "model/status.h"

namespace finsam {

struct HttpRequest {
  std::string method;  // GET | HEAD | POST
  std::string path;    // decoded path, without the query
  std::multimap<std::string, std::string> params;   // decoded query parameters
  std::multimap<std::string, std::string> headers;  // names as sent (look up with Header())
  std::string body;
  std::string remote_addr;

  // The first query parameter `name`, or "".
  std::string Param(const std::string& name) const;
  // The first header `name` (case-insensitive), or "".
  std::string Header(const std::string& name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::multimap<std::string, std::string> headers;  // extra headers (Set-Cookie, Cache-Control, ...)
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

struct HttpServerOptions {
  std::string bind = "127.0.0.1";
  int port = 0;                          // 0: any free port (see HttpServer::port)
  size_t max_body_bytes = 64 * 1024;     // larger request bodies get 413
  int threads = 32;                      // worker threads
  int read_timeout_s = 5;
};

class HttpServer {
 public:
  HttpServer();
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket (the port is known after this returns).
  Status Bind(const HttpServerOptions& options, HttpHandler handler);
  int port() const { return port_; }
  // Serves until Stop() (blocks the calling thread).
  Status Run();
  // Makes Run() return; safe from another thread or a signal-free context.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

}  // namespace finsam

#endif  // FINSAM_PIPELINE_SERVE_HTTP_SERVER_H_
