// `leibniz serve` in leibniz-doors (doors.h): the server runs until SIGTERM or Ctrl-C,
// which stop accepting connections and let the requests in flight finish.
#include <pthread.h>

#include <csignal>
#include <iostream>
#include <thread>

#include "leibniz/cli/doors.h"
#include "leibniz/cli/report.h"

namespace leibniz::cli {

// The signals are blocked in every thread (the workers inherit the mask) and taken by one
// thread with sigwait(), which may then call anything, unlike a signal handler.
int run_serve(const serve::ServerOptions& options) {
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

}  // namespace leibniz::cli
