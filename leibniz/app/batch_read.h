// Reading one batch line into JSON without letting the line stop the batch: nesting is
// bounded, a number beyond double range or a lone surrogate is a located error, and the
// request's "id" is recovered from a line that does not parse whenever it can be.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "leibniz/app/request_members.h"
#include "leibniz/core/error.h"

namespace leibniz::app {

/// Arrays and objects inside each other that one batch line may hold.
inline constexpr int kMaxJsonNesting = 64;

/// A line read without the general parser: its members' values and their names (views
/// into the line), as the parser would give them (a repeated name keeps its last value).
struct PlainRequest {
  std::vector<std::pair<std::string_view, nlohmann::json>> values;  // in the line's order
  RequestMembers members;  // points into `values`, which is not changed once read
};

struct RequestLine {
  nlohmann::json request;             ///< the parsed line, null when it did not parse
  std::optional<PlainRequest> plain;  ///< instead of `request`, a plain line
  std::optional<Error> error;         ///< why the line did not parse
  nlohmann::json id;                  ///< the "id" member, or null
};

/// The line's members when it is an object of plain members (printable ASCII strings
/// without escapes, or arrays of them), read without building a JSON object; else nullopt.
std::optional<PlainRequest> read_plain_request(std::string_view line);

/// Parses a line; never throws for anything the line holds.
RequestLine read_request_line(std::string_view line);

}  // namespace leibniz::app
