// POST /api (spec §8): one request object of spec §3 in, its answer object out, the same
// object `leibniz batch` writes for the same line.
#pragma once

#include <string>
#include <string_view>

namespace leibniz::serve {

struct ApiReply {
  int status;        ///< 200, also for "ok": false; 400 for a body that is not JSON
  std::string body;  ///< the answer object as JSON text
};

/// Answers one request body; never throws for anything the body holds.
ApiReply answer_api(std::string_view body);

/// The answer object of a request refused before it was read (a wrong route, method,
/// media type or size): {"id": null, "ok": false, "error": {"kind": "request", ...}}.
std::string refusal_body(std::string_view message);

}  // namespace leibniz::serve
