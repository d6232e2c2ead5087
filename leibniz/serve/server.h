// The HTTP server of `leibniz serve` (spec §8, docs/serve.md): the page and KaTeX from
// memory (assets.h), POST /api answered by the request table (api.h), on a fixed pool of
// threads, each with its own engine (docs/threads.md).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace leibniz::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";  ///< loopback unless told otherwise
  int port = 8080;                 ///< 0: a free port
  /// Connections answered at once. A kept-alive connection holds its thread while idle
  /// (keep_alive_seconds), and a browser keeps up to six: 16 leaves room for several.
  std::size_t threads = 16;
  std::size_t max_waiting = 64;            ///< accepted connections waiting for a thread
  std::size_t max_body_bytes = 1 << 20;    ///< a longer request body is refused with 413
  int io_timeout_seconds = 5;              ///< one read or write of a socket
  int keep_alive_seconds = 5;              ///< an idle connection is closed after this
  std::size_t keep_alive_requests = 1000;  ///< requests on one connection
  // The request line and headers of one request (connection.h); over them, 431 or 408.
  std::size_t max_header_lines = 100;
  std::size_t max_header_bytes = 64 * 1024;
  int header_seconds = 10;  ///< from the request's first byte to the end of its headers
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds the listening socket and returns the URL of the page ("http://127.0.0.1:8080/").
  /// Throws Error{Request} when the address cannot be bound.
  std::string bind();
  /// Answers requests until stop(); returns once the requests in flight are answered.
  /// Returns false if the server could not run.
  bool run();
  /// Stops accepting connections; safe from any thread.
  void stop();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace leibniz::serve
