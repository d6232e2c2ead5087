#include "leibniz/app/batch_write.h"

#include <string_view>

#include "leibniz/app/json_bytes.h"

namespace leibniz::app {
namespace {

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

}  // namespace

// Printable ASCII is written here (nlohmann escapes only the quote and the backslash among
// those bytes); a string with any other byte is written again by nlohmann.
void append_json_string(std::string_view s, std::string& out) {
  const std::size_t written = out.size();
  out += '"';
  std::size_t run = 0;  // the start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const JsonByte byte = json_byte(s[i]);
    if (byte == JsonByte::Plain) continue;
    if (byte == JsonByte::Other) {
      out.resize(written);
      out += nlohmann::json(std::string(s)).dump(-1, ' ', false, kReplace);
      return;
    }
    out.append(s.substr(run, i - run));
    out += '\\';
    run = i;
  }
  out.append(s.substr(run));
  out += '"';
}

namespace {

template <class Json>
void append_value(const Json& value, std::string& out) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: out += "null"; return;
    case nlohmann::json::value_t::boolean:
      out += value.template get<bool>() ? "true" : "false";
      return;
    case nlohmann::json::value_t::string:
      append_json_string(value.template get_ref<const std::string&>(), out);
      return;
    default: out += value.dump(-1, ' ', false, kReplace); return;
  }
}

}  // namespace

void append_json(const nlohmann::json& value, std::string& out) { append_value(value, out); }
void append_json(const Answer& value, std::string& out) { append_value(value, out); }

void append_answer_line(const nlohmann::json& id, const Answer& body, std::string& out) {
  out += "{\"id\":";
  const auto own_id = body.find("id");
  if (own_id != body.end()) {
    append_json(*own_id, out);
  } else {
    append_json(id, out);
  }
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it == own_id) continue;
    out += ',';
    append_json_string(it.key(), out);
    out += ':';
    append_json(*it, out);
  }
  out += '}';
}

}  // namespace leibniz::app
