#include "pipeline/serve/http_server.h"

#include <httplib.h>

#include <strings.h>

#include <exception>

namespace finsam {

std::string HttpRequest::Param(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

std::string HttpRequest::Header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (strcasecmp(k.c_str(), name.c_str()) == 0) return v;
  return "";
}

struct HttpServer::Impl {
  httplib::Server server;
  HttpHandler handler;
};

HttpServer::HttpServer() : impl_(std::make_unique<Impl>()) {}
HttpServer::~HttpServer() { Stop(); }

namespace {

void Answer(const HttpHandler& handler, const httplib::Request& req, httplib::Response& res) {
  HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [k, v] : req.params) r.params.emplace(k, v);
  for (const auto& [k, v] : req.headers) r.headers.emplace(k, v);
  r.body = req.body;
  r.remote_addr = req.remote_addr;
  HttpResponse out;
  try {
    out = handler(r);
  } catch (const std::exception& e) {
    out = HttpResponse{500, "text/plain; charset=utf-8", "internal error\n", {}};
  } catch (...) {
    out = HttpResponse{500, "text/plain; charset=utf-8", "internal error\n", {}};
  }
  res.status = out.status;
  for (const auto& [k, v] : out.headers) res.set_header(k, v);
  res.set_content(out.body, out.content_type);
}

}  // namespace

Status HttpServer::Bind(const HttpServerOptions& options, HttpHandler handler) {
  impl_->handler = std::move(handler);
  httplib::Server& s = impl_->server;
  const int threads = options.threads > 0 ? options.threads : 8;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.set_payload_max_length(options.max_body_bytes);
  s.set_read_timeout(options.read_timeout_s, 0);
  s.set_write_timeout(options.read_timeout_s, 0);
  // httplib also waits this long for a new connection's first request. Its
  // listen backlog is compiled in at 5, so under a burst of connections the
  // kernel drops handshakes and a client's request can arrive seconds late;
  // at 2 s, 2-7 of 20 simultaneous clients lost their connection unanswered
  // (ServeTest.TwentyConcurrentClientsDoNotCorruptDecisions).
  s.set_keep_alive_timeout(10);
  HttpHandler* h = &impl_->handler;
  // GET/HEAD (no body) are answered before httplib's regex routing; POST
  // goes through one handler whose body httplib has read (and limited).
  s.set_pre_routing_handler([h](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "POST") return httplib::Server::HandlerResponse::Unhandled;
    if (req.method == "GET" || req.method == "HEAD") {
      Answer(*h, req, res);
    } else {
      res.status = 405;
      res.set_header("Allow", "GET, HEAD, POST");
      res.set_header("Connection", "close");
      res.set_content("method not allowed\n", "text/plain; charset=utf-8");
    }
    return httplib::Server::HandlerResponse::Handled;
  });
  // Plain characters only, bounded: std::regex never sees a long path.
  s.Post(R"(/[A-Za-z0-9/_.-]{0,200})", [h](const httplib::Request& req, httplib::Response& res) { Answer(*h, req, res); });
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content("internal error\n", "text/plain; charset=utf-8");
  });
  s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) res.set_content(std::to_string(res.status) + "\n", "text/plain; charset=utf-8");
  });
  int port = options.port;
  if (port == 0) {
    port = s.bind_to_any_port(options.bind);
    if (port < 0) return Status::IoError("cannot bind " + options.bind);
  } else if (!s.bind_to_port(options.bind, port)) {
    return Status::IoError("cannot bind " + options.bind + ":" + std::to_string(port) +
                           " (in use, or not an address of this machine)");
  }
  port_ = port;
  return Status::Ok();
}

Status HttpServer::Run() {
  if (!impl_->server.listen_after_bind()) return Status::IoError("the server stopped with an error");
  return Status::Ok();
}

void HttpServer::Stop() {
  if (impl_) impl_->server.stop();
}

}  // namespace finsam
