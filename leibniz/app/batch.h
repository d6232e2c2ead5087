// Batch mode (spec/interfaces.md §3): JSON Lines in, one answer line out per request,
// flushed before the next line is read; a bad line never stops the batch.
#pragma once

#include <exception>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string_view>

#include "leibniz/core/error.h"

namespace leibniz::app {

/// The answer object for one request line.
nlohmann::ordered_json answer_line(std::string_view line);

/// Answers every non-blank line of `in` on `out`.
void run_batch(std::istream& in, std::ostream& out);

/// The spec's error object for an Error: {"kind", "message", "pos"}.
nlohmann::json error_json(const Error& error);

/// The Error a failure is reported as: an Error itself, running out of memory a limit,
/// anything else an internal failure (a bug, still answered rather than aborting).
Error error_of(const std::exception_ptr& failure);

}  // namespace leibniz::app
