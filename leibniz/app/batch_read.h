// Reading one batch line into JSON without letting the line stop the batch: nesting is
// bounded, a number beyond double range or a lone surrogate is a located error, and the
// request's "id" is recovered from a line that does not parse whenever it can be.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "leibniz/core/error.h"

namespace leibniz::app {

/// Arrays and objects inside each other that one batch line may hold.
inline constexpr int kMaxJsonNesting = 64;

struct RequestLine {
  nlohmann::json request;      ///< the parsed line, null when it did not parse
  std::optional<Error> error;  ///< why the line did not parse
  nlohmann::json id;           ///< the "id" member, or null
};

/// The line as parsed JSON when it is an object of plain members (printable ASCII strings
/// without escapes, or arrays of them), read without the general parser; else nullopt.
std::optional<nlohmann::json> read_plain_request(std::string_view line);

/// Parses a line; never throws for anything the line holds.
RequestLine read_request_line(std::string_view line);

}  // namespace leibniz::app
