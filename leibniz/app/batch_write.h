// Writing a batch answer line as text without first building it as one JSON object: the
// same bytes as nlohmann's dump(-1, ' ', false, error_handler_t::replace) of the framed
// answer {"id": ..., then the answer's members}, which answer_line() builds for the
// other doors. Plain strings, booleans and null are written here; any other value (and
// a string holding a control character or a byte past ASCII) is left to nlohmann.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "leibniz/app/requests.h"

namespace leibniz::app {

/// Appends the string `s` as dump(-1, ' ', false, replace) writes it.
void append_json_string(std::string_view s, std::string& out);

/// Appends `value` as dump(-1, ' ', false, replace) writes it.
void append_json(const nlohmann::json& value, std::string& out);
void append_json(const Answer& value, std::string& out);

/// Appends {"id": id, ...body} as answer_line(...).dump(-1, ' ', false, replace) writes
/// it: "id" first, and a body's own "id" member takes that place.
void append_answer_line(const nlohmann::json& id, const Answer& body, std::string& out);

}  // namespace leibniz::app
