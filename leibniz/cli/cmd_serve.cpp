// leibniz serve: the page and the HTTP API (spec §8, docs/serve.md) until SIGTERM or
// Ctrl-C, which stop accepting connections and let the requests in flight finish.
#include <pthread.h>

#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"
#include "leibniz/cli/report.h"
#include "leibniz/serve/server.h"

namespace leibniz::cli {
namespace {

// Serves until SIGINT or SIGTERM. The signals are blocked in every thread (the workers
// inherit the mask) and taken by one thread with sigwait(), which may then call anything,
// unlike a signal handler.
int serve(const serve::ServerOptions& options) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  // A client that closes its connection early must not end the server with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  serve::Server server(options);
  try {
    std::cout << server.bind() << std::endl;  // the first line: tests read the port from it
  } catch (const Error& error) {
    return report_error(error, "");
  }
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
  });
  const bool served = server.run();
  server.stop();  // when run() ended on its own
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return served ? 0 : 2;
}

}  // namespace

void register_serve(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, "serve");
  auto options = std::make_shared<serve::ServerOptions>();
  add_argument(*cmd, "serve", "host", options->host)->capture_default_str();
  add_argument(*cmd, "serve", "port", options->port)
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  add_argument(*cmd, "serve", "threads", options->threads)
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  add_argument(*cmd, "serve", "max_body", options->max_body_bytes)
      ->capture_default_str()
      ->check(CLI::Range(1, 1 << 30));
  cmd->callback([options, &exit_status] { exit_status = serve(*options); });
}

}  // namespace leibniz::cli
