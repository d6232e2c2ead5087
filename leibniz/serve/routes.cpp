#include "leibniz/serve/routes.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "leibniz/serve/api.h"
#include "leibniz/serve/assets.h"
#include "leibniz/serve/connection.h"

namespace leibniz::serve {
namespace {

// Sent with every response, errors included.
//  - Scripts, styles, fonts and requests only from the server itself; no inline scripts
//    and no <style> elements. Style *attributes* are allowed (style-src-attr): KaTeX sets
//    some with setAttribute (the SVG of \vec and of stretchy arrows) and its
//    renderToString() writes its whole layout into them; without them those parts of a
//    formula collapse. A style attribute cannot run script.
//  - No framing (clickjacking), no referrer, no content sniffing.
httplib::Headers security_headers() {
  return {
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
       "font-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; "
       "form-action 'none'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
  };
}

constexpr std::string_view kJson = "application/json";

void refuse(httplib::Response& res, int status, std::string_view message) {
  res.status = status;
  res.set_content(refusal_body(message), std::string(kJson));
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The host part of a Host header: "127.0.0.1:8080" -> "127.0.0.1", "[::1]:80" -> "[::1]".
std::string host_name(std::string host) {
  const std::size_t colon = host.rfind(':');
  if (colon != std::string::npos && host.find(']', colon) == std::string::npos) host.resize(colon);
  return lowercase(host);
}

bool is_loopback(std::string_view host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]";
}

// A server on loopback answers only requests addressed to loopback by name: a web page
// elsewhere cannot reach it through a DNS name rebound to 127.0.0.1.
bool host_allowed(const httplib::Request& req, const ServerOptions& options) {
  if (!is_loopback(options.host) || !req.has_header("Host")) return true;
  const std::string host = host_name(req.get_header_value("Host"));
  return is_loopback(host) || host == lowercase(options.host);
}

bool is_json_body(const httplib::Request& req) {
  const std::string type = lowercase(req.get_header_value("Content-Type"));
  return type.starts_with(kJson) &&
         (type.size() == kJson.size() || type[kJson.size()] == ';' || type[kJson.size()] == ' ');
}

constexpr std::string_view kJsonOnly =
    "POST /api takes a JSON request object, with Content-Type: application/json";

std::string too_long_message(std::size_t max_body_bytes) {
  return "the request body is over " + std::to_string(max_body_bytes) + " bytes";
}

void refuse_method(const httplib::Request& req, httplib::Response& res) {
  if (req.path == "/api") {
    res.set_header("Allow", "POST");
    refuse(res, 405, "/api takes POST only");
  } else if (find_asset(req.path)) {
    res.set_header("Allow", "GET, HEAD");
    refuse(res, 405, req.path + " takes GET and HEAD only");
  } else {
    refuse(res, 404, "there is nothing at " + req.path);
  }
}

void get_asset(const httplib::Request& req, httplib::Response& res) {
  const Asset* asset = find_asset(req.path);
  if (!asset) return refuse_method(req, res);
  res.set_header("ETag", std::string(asset->etag));
  res.set_header("Cache-Control", std::string(asset->cache_control));
  if (req.get_header_value("If-None-Match") == asset->etag) {
    res.status = 304;
    return;
  }
  res.set_content(asset->body.data(), asset->body.size(), std::string(content_type(asset->route)));
}

void answer(std::string_view body, httplib::Response& res) {
  ApiReply reply = answer_api(body);
  res.status = reply.status;
  res.set_content(std::move(reply.body), std::string(kJson));
  res.set_header("Cache-Control", "no-store");
}

// A request whose body stays unread: the connection cannot carry another request.
void refuse_and_close(httplib::Response& res, int status, std::string_view message) {
  refuse(res, status, message);
  res.set_header("Connection", "close");
}

// POST with a body. The body is read here, not by cpp-httplib, to stop at the limit:
// cpp-httplib 0.11 bounds a body by its Content-Length (413 before reading) but reads a
// chunked one whole, however long.
void post_body(const httplib::Request& req, httplib::Response& res,
               const httplib::ContentReader& read, std::size_t max_body_bytes) {
  if (req.path != "/api") {
    refuse_method(req, res);
    return res.set_header("Connection", "close");
  }
  if (!is_json_body(req)) return refuse_and_close(res, 415, kJsonOnly);
  std::string body;
  bool too_long = false;
  const bool complete = read([&](const char* data, std::size_t size) {
    too_long = size > max_body_bytes - body.size();
    if (!too_long) body.append(data, size);
    return !too_long;
  });
  if (too_long || res.status == 413)
    return refuse_and_close(res, 413, too_long_message(max_body_bytes));
  if (!complete) return refuse_and_close(res, 400, "the request body could not be read");
  answer(body, res);
}

// POST without a body.
void post(const httplib::Request& req, httplib::Response& res) {
  if (req.path != "/api") return refuse_method(req, res);
  if (!is_json_body(req)) return refuse(res, 415, kJsonOnly);
  answer(req.body, res);
}

// A request whose headers the stream stopped reading (connection.h): cpp-httplib says 400.
void refuse_headers(httplib::Response& res, const ServerOptions& options) {
  switch (header_refusal()) {
    case HeaderRefusal::None: return;
    case HeaderRefusal::TooManyLines:
      return refuse_and_close(
          res, 431,
          "the request has over " + std::to_string(options.max_header_lines) + " header lines");
    case HeaderRefusal::TooManyBytes:
      return refuse_and_close(res, 431,
                              "the request line and headers are over " +
                                  std::to_string(options.max_header_bytes) + " bytes");
    case HeaderRefusal::TooSlow:
      return refuse_and_close(res, 408,
                              "the request line and headers took over " +
                                  std::to_string(options.header_seconds) + " s");
  }
}

// Why cpp-httplib refused a request before it reached a route.
std::string refusal_reason(int status, const ServerOptions& options) {
  switch (status) {
    case 400: return "the request is not HTTP this server can read";
    case 413: return too_long_message(options.max_body_bytes);
    case 414: return "the URL is too long";
    default: return "HTTP status " + std::to_string(status);
  }
}

}  // namespace

void add_routes(httplib::Server& server, const ServerOptions& options) {
  server.set_default_headers(security_headers());
  server.set_pre_routing_handler([options](const httplib::Request& req, httplib::Response& res) {
    if (host_allowed(req, options)) return httplib::Server::HandlerResponse::Unhandled;
    refuse(res, 403, "this server answers requests to 127.0.0.1 or localhost only");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.Get(".*", get_asset);
  server.Post(".*", post);
  server.Post(".*", [max = options.max_body_bytes](
                        const httplib::Request& req, httplib::Response& res,
                        const httplib::ContentReader& read) { post_body(req, res, read, max); });
  server.Put(".*", refuse_method);
  server.Patch(".*", refuse_method);
  server.Delete(".*", refuse_method);
  server.Options(".*", refuse_method);
  // Statuses cpp-httplib sets itself (400 for a request it cannot read, 413, 414): the
  // same answer object as every other refusal.
  server.set_error_handler([options](const httplib::Request&, httplib::Response& res) {
    if (res.status == 400) refuse_headers(res, options);
    if (res.body.empty()) refuse(res, res.status, refusal_reason(res.status, options));
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                  std::exception_ptr) { refuse(res, 500, "internal error"); });
}

}  // namespace leibniz::serve
