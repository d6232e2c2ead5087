// How the server reads a connection. cpp-httplib 0.11 (Debian 12's, a compiled library)
// bounds each header line (8 KiB) and each read of a socket (its read timeout), but neither
// the number of header lines nor the time a client takes to send them all: a client
// trickling header lines could hold a thread and grow memory without end. Here the
// connection's socket is read through a stream of ours, which bounds the request line and
// headers of each request in lines, bytes and total time; cpp-httplib parses what it reads.
#pragma once

#include <httplib.h>

#include "leibniz/serve/server.h"

namespace leibniz::serve {

/// Why the stream stopped reading the request line and headers this thread is answering.
enum class HeaderRefusal { None, TooManyLines, TooManyBytes, TooSlow };
HeaderRefusal header_refusal();

class HttpServer : public httplib::Server {
 public:
  explicit HttpServer(const ServerOptions& options) : options_(options) {}

 private:
  // Replaces cpp-httplib's loop over a kept-alive connection's requests (private and
  // virtual in cpp-httplib: overriding it is allowed, calling it is not).
  bool process_and_close_socket(socket_t sock) override;

  const ServerOptions& options_;
};

}  // namespace leibniz::serve
