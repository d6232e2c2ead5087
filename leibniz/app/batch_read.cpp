#include "leibniz/app/batch_read.h"

#include <fmt/format.h>

#include <string>

#include "leibniz/app/json_bytes.h"

namespace leibniz::app {
namespace {

using nlohmann::json;

// nlohmann's DOM builder, except that a parse error is recorded instead of thrown, so that
// the byte and the token it names reach the message, and that a number too small for a
// double is an error too.
class RecordingDom : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit RecordingDom(json& value) : json_sax_dom_parser(value, false) {}

  template <class Exception>
  bool parse_error(std::size_t byte, const std::string& token, const Exception& e) {
    if (e.id == 406) {  // a float the lexer read as infinite
      const std::size_t start = byte >= token.size() ? byte - token.size() : 0;
      error = Error(ErrorKind::Limit, fmt::format("the number {} at byte {} is beyond the range "
                                                  "of a double",
                                                  token, start));
    } else if (std::string_view(e.what()).find("surrogate") != std::string_view::npos) {
      error = Error(ErrorKind::Request,
                    fmt::format("the line is not valid JSON (at byte {}): a \\u escape between "
                                "\\ud800 and \\udfff must be one half of a surrogate pair",
                                byte));
    } else {
      error =
          Error(ErrorKind::Request, fmt::format("the line is not valid JSON (at byte {})", byte));
    }
    return false;
  }

  // A number that is not zero but reads as 0 would be a silently wrong value.
  bool number_float(double value, const std::string& text) {
    if (value == 0 && text.find_first_of("123456789") < text.find_first_of("eE")) {
      error =
          Error(ErrorKind::Limit,
                fmt::format("the number {} is too small for a double: it would read as 0", text));
      return false;
    }
    return json_sax_dom_parser::number_float(value, text);
  }

  std::optional<Error> error;
};

// The first byte where arrays and objects nest deeper than kMaxJsonNesting, or npos.
// Checked before parsing: deep values would be copied and printed recursively.
std::size_t too_deep_at(std::string_view line) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonNesting) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

std::optional<json> parse_bounded(std::string_view text, std::optional<Error>* error) {
  if (const std::size_t at = too_deep_at(text); at != std::string_view::npos) {
    if (error) {
      *error = Error(ErrorKind::Limit,
                     fmt::format("the line nests arrays and objects deeper than {} levels (at "
                                 "byte {})",
                                 kMaxJsonNesting, at));
    }
    return std::nullopt;
  }
  json value;
  RecordingDom dom(value);
  json::sax_parse(text, &dom);
  if (dom.error) {
    if (error) *error = dom.error;
    return std::nullopt;
  }
  return value;
}

// Skipping over JSON text without reading it, for recovering the id of a line that does
// not parse: each returns the offset just past what it skipped.
std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
  return i;
}

std::size_t skip_string(std::string_view s, std::size_t i) {  // s[i] is '"'
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      return i + 1;
    }
  }
  return s.size();
}

std::size_t skip_value(std::string_view s, std::size_t i) {
  int depth = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"') {
      i = skip_string(s, i);
      if (depth == 0) return i;
      continue;
    }
    if (c == '[' || c == '{') ++depth;
    if (c == ']' || c == '}') {
      if (depth == 0) return i;
      if (--depth == 0) return i + 1;
    }
    if (c == ',' && depth == 0) return i;
    ++i;
  }
  return i;
}

// The value of the top-level "id" member of a line that does not parse as a whole, when
// that value parses by itself; the last one when there are several, as the parser does.
json recover_id(std::string_view line) {
  json id = nullptr;
  std::size_t i = skip_space(line, 0);
  if (i >= line.size() || line[i] != '{') return id;
  for (i = skip_space(line, i + 1); i < line.size() && line[i] == '"';) {
    const std::size_t key_end = skip_string(line, i);
    const bool is_id = line.substr(i, key_end - i) == "\"id\"";
    i = skip_space(line, key_end);
    if (i >= line.size() || line[i] != ':') break;
    const std::size_t value = skip_space(line, i + 1);
    i = skip_value(line, value);
    if (is_id) {
      if (auto parsed = parse_bounded(line.substr(value, i - value), nullptr)) id = *parsed;
    }
    i = skip_space(line, i);
    if (i >= line.size() || line[i] != ',') break;
    i = skip_space(line, i + 1);
  }
  return id;
}

// The common request read without nlohmann's lexer (about 10,000 instructions a line) and
// without its object (a map, built and destroyed for every line): an object whose members
// are plain strings (printable ASCII, no escapes) or arrays of them. Anything else, valid
// or not, is nullopt and goes through parse_bounded, whose members these are (a repeated
// key keeps its last value, as the DOM parser does).
// The members of a usual request: id, op, expr, wrt, and a few options.
constexpr std::size_t kUsualMembers = 8;

class PlainReader {
 public:
  explicit PlainReader(std::string_view s) : s_(s) {}

  std::optional<PlainRequest> object() {
    if (!skip('{')) return std::nullopt;
    PlainRequest request;
    request.values.reserve(kUsualMembers);  // grown one by one, it moved them three times
    if (skip('}')) return at_end() ? std::optional(std::move(request)) : std::nullopt;
    do {
      const auto key = string();
      if (!key || !skip(':')) return std::nullopt;
      json& member = request.values.emplace_back(*key, nullptr).second;
      if (skip('[')) {
        member = json::array();
        if (!skip(']')) {
          do {
            const auto element = string();
            if (!element) return std::nullopt;
            member.push_back(std::string(*element));
          } while (skip(','));
          if (!skip(']')) return std::nullopt;
        }
      } else if (const auto text = string()) {
        member = std::string(*text);
      } else {
        return std::nullopt;
      }
    } while (skip(','));
    if (!skip('}') || !at_end()) return std::nullopt;
    request.members.reserve(request.values.size());
    for (const auto& [name, value] : request.values) request.members.add(name, &value);
    return request;
  }

 private:
  void space() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) {
      ++i_;
    }
  }
  // Skips spaces and c; false (nothing skipped but spaces) if c is not next.
  bool skip(char c) {
    space();
    if (i_ >= s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  bool at_end() {
    space();
    return i_ == s_.size();
  }
  std::optional<std::string_view> string() {
    if (!skip('"')) return std::nullopt;
    const std::size_t start = i_;
    while (i_ < s_.size() && json_byte(s_[i_]) == JsonByte::Plain) ++i_;
    if (i_ == s_.size() || s_[i_] != '"') return std::nullopt;  // an escape or another byte
    return s_.substr(start, i_++ - start);
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<PlainRequest> read_plain_request(std::string_view line) {
  return PlainReader(line).object();
}

RequestLine read_request_line(std::string_view line) {
  RequestLine read;
  if ((read.plain = read_plain_request(line))) {
    if (const json* id = read.plain->members.find("id")) read.id = *id;
    return read;
  }
  if (auto parsed = parse_bounded(line, &read.error)) {
    read.request = std::move(*parsed);
  } else {
    read.request = nullptr;
    read.id = recover_id(line);
    return read;
  }
  if (read.request.is_object()) {
    const auto id = read.request.find("id");
    if (id != read.request.end()) read.id = *id;
  }
  return read;
}

}  // namespace leibniz::app
