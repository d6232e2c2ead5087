// Batch mode (spec/interfaces.md §3): JSON Lines in, one answer line out per request,
// written as soon as it is ready (batch_output.h); a bad line never stops the batch.
// Each request is answered by the request table (requests.h); the line adds only its
// "id".
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string_view>

#include "leibniz/app/requests.h"

namespace leibniz::app {

/// The answer object for one request line: {"id": ..., then the answer of answer()}.
nlohmann::ordered_json answer_line(std::string_view line);

/// Answers every non-blank line of `in` on `out`.
void run_batch(std::istream& in, std::ostream& out);

}  // namespace leibniz::app
