#include "leibniz/serve/server.h"

#include <fmt/format.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>

#include "leibniz/core/error.h"
#include "leibniz/serve/connection.h"
#include "leibniz/serve/routes.h"
#include "leibniz/serve/worker_pool.h"

namespace leibniz::serve {

struct Server::State {
  ServerOptions options;
  HttpServer http{options};
  // stop() may come before run() has started cpp-httplib's loop, whose own stop() then
  // does nothing; and its stop() must be called once only.
  std::mutex mutex;
  std::condition_variable changed;
  bool stopping = false;
  bool running = false;
  bool finished = false;
};

Server::Server(ServerOptions options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  const ServerOptions& o = state_->options;
  httplib::Server& http = state_->http;
  http.new_task_queue = [threads = o.threads, waiting = o.max_waiting] {
    return new WorkerPool(threads, waiting);
  };
  // The socket timeouts and keep-alive bounds are applied by HttpServer's stream.
  http.set_payload_max_length(o.max_body_bytes);
  // Small answers on a kept-alive connection would otherwise wait for the client's
  // delayed acknowledgement (Nagle's algorithm).
  http.set_tcp_nodelay(true);
  // cpp-httplib's default sets SO_REUSEPORT, which lets a second server (of any program
  // of the same user) share the port and take some of its connections.
  http.set_socket_options([](int socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  add_routes(http, o);
}

Server::~Server() = default;

namespace {

// An address that does not resolve fails inside cpp-httplib with no reason given.
void check_resolves(const std::string& host) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (const int status = getaddrinfo(host.c_str(), nullptr, &hints, &found); status != 0) {
    throw Error(ErrorKind::Request,
                fmt::format("cannot listen on {}: {}", host, gai_strerror(status)));
  }
  freeaddrinfo(found);
}

}  // namespace

std::string Server::bind() {
  const ServerOptions& o = state_->options;
  check_resolves(o.host);
  errno = 0;
  int port = o.port;
  if (o.port == 0) {
    port = state_->http.bind_to_any_port(o.host);
    if (port < 0) port = -1;
  } else if (!state_->http.bind_to_port(o.host, o.port)) {
    port = -1;
  }
  if (port <= 0) {
    const int cause = errno;
    throw Error(ErrorKind::Request,
                fmt::format("cannot listen on {} port {}{}{}", o.host, o.port, cause ? ": " : "",
                            cause ? std::strerror(cause) : ""));
  }
  const bool ipv6 = o.host.find(':') != std::string::npos;
  return fmt::format("http://{}{}{}:{}/", ipv6 ? "[" : "", o.host, ipv6 ? "]" : "", port);
}

bool Server::run() {
  {
    std::lock_guard lock(state_->mutex);
    if (state_->stopping) return true;
    state_->running = true;
  }
  const bool served = state_->http.listen_after_bind();
  std::lock_guard lock(state_->mutex);
  state_->finished = true;
  state_->changed.notify_all();
  return served;
}

void Server::stop() {
  std::unique_lock lock(state_->mutex);
  if (state_->stopping) return;
  state_->stopping = true;
  // Waits for cpp-httplib's loop to start, if run() is on its way to it.
  while (state_->running && !state_->finished) {
    if (state_->http.is_running()) {
      state_->http.stop();
      return;
    }
    state_->changed.wait_for(lock, std::chrono::milliseconds(10));
  }
}

}  // namespace leibniz::serve
