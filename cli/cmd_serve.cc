// `finsam serve [--db PATH] [--port N] [--bind ADDR] [--write]`: the local
// web application (pipeline/serve/serve_app.h): review queue, compare,
// documents, organisations. Serves until SIGINT/SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/export.h"
#include "pipeline/serve/http_server.h"
#include "pipeline/serve/serve_app.h"

namespace finsam {

int RunServeCommand(const Args& args) {
  ServeOptions o;
  int port = 8321;
  std::unique_ptr<CLI::App> app = MakeCommandApp(
      "serve", "usage: finsam serve [--db PATH] [--port N] [--bind ADDR] [--write]",
      "Serves the review queue, compare charts, document pages and organisation profiles of a finsam\n"
      "database as a local web application (open the printed address in a browser). Binds to 127.0.0.1\n"
      "unless --bind says otherwise (then warns: anyone who can reach the address can read the database,\n"
      "and with --write record decisions). The database is opened read-only unless --write is given;\n"
      "decisions (accept, correct) are stored as 'finsam review --accept/--correct' stores them.",
      "Stops on Ctrl-C (SIGINT) or SIGTERM. Exit codes: 0 stopped, 1 the database could not be opened or\n"
      "the address could not be bound, 2 usage.");
  app->add_option("--db", o.db_path, "database file (default finsam.db)")->type_name("PATH");
  app->add_option("--port", port, "TCP port (default 8321; 0 = any free port, printed)")
      ->type_name("N")
      ->check(DecimalInteger(0, 65535));
  app->add_option("--bind", o.bind, "address to listen on (default 127.0.0.1)")->type_name("ADDR");
  app->add_flag("--write", o.write, "open the database for writing so that decisions can be recorded");
  app->add_option("--by", o.default_by, "who decides, when the browser names nobody (default $USER)")
      ->type_name("NAME");
  if (std::optional<int> exit = ParseCommandLine(*app, "serve", args)) return *exit;
  if (o.bind.empty()) return UsageError("serve", "--bind wants an address");
  if (!IsLoopbackHost(o.bind))
    std::cerr << "finsam serve: warning: listening on " << QuotePathForLog(o.bind)
              << ", not 127.0.0.1: anyone who can reach it can read the database"
              << (o.write ? " and record decisions" : "") << " (there is no login)\n";
  o.export_facts = [](SqliteDb& db, const ExportRequest& r, std::string* out) {
    return ExportFacts(db, r.format, r.dialect, r.org, out);
  };
  Result<std::unique_ptr<ServeApp>> served = ServeApp::Open(o);
  if (!served.ok()) return DatabaseError(o.db_path, served.status());
  ServeApp* serve = served->get();

  // Signals are taken by one thread (sigwait), which stops the server; the
  // server's threads inherit the blocked mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  HttpServer server;
  HttpServerOptions ho;
  ho.bind = o.bind;
  ho.port = port;
  Status st = server.Bind(ho, [serve](const HttpRequest& req) { return serve->Handle(req); });
  if (!st.ok()) {
    std::cerr << "finsam serve: " << OneLine(st.message()) << "\n";
    return kExitInputFailed;
  }
  const bool v6 = o.bind.find(':') != std::string::npos;
  std::cerr << "finsam serve: http://" << (v6 ? "[" + o.bind + "]" : o.bind) << ":" << server.port() << "/  ("
            << (o.write ? "decisions are recorded" : "read-only; --write to record decisions") << ")\n";
  std::thread waiter([&server, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.Stop();
  });
  st = server.Run();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if the server stopped by itself
  waiter.join();
  if (!st.ok()) {
    std::cerr << "finsam serve: " << OneLine(st.message()) << "\n";
    return kExitInputFailed;
  }
  std::cerr << "finsam serve: stopped\n";
  return kExitOk;
}

}  // namespace finsam
