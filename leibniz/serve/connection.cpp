#include "leibniz/serve/connection.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

namespace leibniz::serve {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

thread_local HeaderRefusal refusal = HeaderRefusal::None;

// Waits up to `timeout` for `events` on the socket; false on timeout or error.
bool wait_for(int sock, short events, Clock::duration timeout) {
  pollfd watched{sock, events, 0};
  // Rounded up: a wait cut short by the rounding would end before a deadline it waits for.
  const auto ms = std::max<long>(0, std::chrono::ceil<milliseconds>(timeout).count());
  int ready = 0;
  do {
    ready = poll(&watched, 1, static_cast<int>(ms));
  } while (ready < 0 && errno == EINTR);
  return ready > 0;
}

void numeric_address(const sockaddr_storage& address, socklen_t length, std::string& ip,
                     int& port) {
  std::array<char, NI_MAXHOST> host{};
  std::array<char, NI_MAXSERV> service{};
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host.data(), host.size(),
                  service.data(), service.size(), NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host.data();
    port = std::atoi(service.data());
  }
}

class BoundedStream final : public httplib::Stream {
 public:
  BoundedStream(int sock, const ServerOptions& options) : sock_(sock), options_(options) {}

  /// Waits for the next request's first byte, up to the keep-alive time; false when it
  /// does not come, or when the server stops (`stopped()`).
  template <class Stopped>
  bool wait_for_request(Stopped stopped) {
    if (offset_ < filled_) return true;  // pipelined
    const auto until = Clock::now() + std::chrono::seconds(options_.keep_alive_seconds);
    while (!stopped()) {
      const auto left = until - Clock::now();
      if (left <= Clock::duration::zero()) return false;
      if (wait_for(sock_, POLLIN, std::min<Clock::duration>(left, milliseconds(100)))) return true;
    }
    return false;
  }

  void start_request() {
    in_headers_ = true;
    header_bytes_ = 0;
    header_lines_ = 0;
    deadline_ = Clock::now() + std::chrono::seconds(options_.header_seconds);
    refusal = HeaderRefusal::None;
  }
  void end_headers() { in_headers_ = false; }

  bool is_readable() const override {
    return offset_ < filled_ || wait_for(sock_, POLLIN, read_timeout());
  }
  bool is_writable() const override {
    return wait_for(sock_, POLLOUT, std::chrono::seconds(options_.io_timeout_seconds));
  }

  ssize_t read(char* data, std::size_t size) override {
    if (offset_ == filled_) {
      if (const ssize_t got = fill(); got <= 0) return got;
    }
    std::size_t n = std::min(size, filled_ - offset_);
    if (in_headers_) {
      // cpp-httplib reads the request line and headers a byte at a time.
      if (header_bytes_ + n > options_.max_header_bytes) return refuse(HeaderRefusal::TooManyBytes);
      const auto lines = static_cast<std::size_t>(
          std::count(buffer_.data() + offset_, buffer_.data() + offset_ + n, '\n'));
      // The request line, the headers, and the empty line that ends them.
      if (header_lines_ + lines > options_.max_header_lines + 2)
        return refuse(HeaderRefusal::TooManyLines);
      header_bytes_ += n;
      header_lines_ += lines;
    }
    std::memcpy(data, buffer_.data() + offset_, n);
    offset_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* data, std::size_t size) override {
    if (!is_writable()) return -1;
    ssize_t sent = 0;
    do {
      sent = send(sock_, data, size, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
      numeric_address(address, length, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
      numeric_address(address, length, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  Clock::duration read_timeout() const { return std::chrono::seconds(options_.io_timeout_seconds); }

  ssize_t refuse(HeaderRefusal why) {
    refusal = why;
    return -1;
  }

  // Reads what the socket has into the buffer: its size, 0 at the end, -1 on a timeout
  // (of this read, or of the request's headers) or an error.
  ssize_t fill() {
    Clock::duration wait = read_timeout();
    bool until_deadline = false;  // the headers' deadline, not the read timeout, ends the wait
    if (in_headers_) {
      const auto left = deadline_ - Clock::now();
      if (left <= Clock::duration::zero()) return refuse(HeaderRefusal::TooSlow);
      until_deadline = left <= wait;
      wait = std::min(wait, left);
    }
    if (!wait_for(sock_, POLLIN, wait)) {
      if (until_deadline) return refuse(HeaderRefusal::TooSlow);
      return -1;
    }
    ssize_t got = 0;
    do {
      got = recv(sock_, buffer_.data(), buffer_.size(), 0);
    } while (got < 0 && errno == EINTR);
    offset_ = 0;
    filled_ = got > 0 ? static_cast<std::size_t>(got) : 0;
    return got;
  }

  int sock_;
  const ServerOptions& options_;
  std::array<char, 16384> buffer_{};
  std::size_t offset_ = 0;
  std::size_t filled_ = 0;
  bool in_headers_ = false;
  std::size_t header_bytes_ = 0;
  std::size_t header_lines_ = 0;
  Clock::time_point deadline_;
};

// After a refusal the client's remaining bytes are unread, and closing a socket with
// unread input answers with a reset, which can discard the refusal before the client
// reads it. So the server stops sending, then reads and drops what still comes for up to
// two seconds or until the client closes (a lingering close).
void close_lingering(int sock) {
  shutdown(sock, SHUT_WR);
  const Clock::time_point until = Clock::now() + std::chrono::seconds(2);
  std::array<char, 4096> sink{};
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    pollfd readable{sock, POLLIN, 0};
    if (left <= 0 || poll(&readable, 1, static_cast<int>(left)) <= 0) break;
    if (recv(sock, sink.data(), sink.size(), 0) <= 0) break;
  }
  close(sock);
}

}  // namespace

HeaderRefusal header_refusal() { return refusal; }

bool HttpServer::process_and_close_socket(socket_t sock) {
  BoundedStream stream(sock, options_);
  bool served = false;
  for (std::size_t left = options_.keep_alive_requests; left > 0; --left) {
    if (!stream.wait_for_request([this] { return svr_sock_ == INVALID_SOCKET; })) break;
    stream.start_request();
    bool closed = false;
    served = process_request(stream, left == 1, closed,
                             [&stream](httplib::Request&) { stream.end_headers(); });
    // After a refused header the rest of it is still unread: the connection cannot go on.
    if (!served || closed || refusal != HeaderRefusal::None) break;
  }
  const bool refused = refusal != HeaderRefusal::None;
  refusal = HeaderRefusal::None;
  if (refused) {
    close_lingering(sock);
  } else {
    shutdown(sock, SHUT_RDWR);
    close(sock);
  }
  return served;
}

}  // namespace leibniz::serve
