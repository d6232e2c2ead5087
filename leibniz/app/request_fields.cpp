#include "leibniz/app/request_fields.h"

#include <fmt/format.h>

#include <algorithm>

#include "leibniz/core/error.h"
#include "leibniz/core/number.h"
#include "leibniz/expr/builders.h"

namespace leibniz::app {

using nlohmann::json;

void Fields::bad_request(const std::string& message) { throw Error(ErrorKind::Request, message); }

Fields::Fields(const RequestMembers& request, const RequestRow& row, Door door)
    : request_(request), row_(row), door_(door) {
  // One walk over the request's few members.
  members_.assign(row.arguments.size(), nullptr);
  for (const auto& [name, value] : request) {
    for (std::size_t i = 0; i < row.arguments.size(); ++i) {
      if (row.arguments[i].name == name) members_[i] = value;
    }
  }
  for (std::size_t i = 0; i < row.arguments.size(); ++i) {
    const Argument& a = row.arguments[i];
    if (a.required && !members_[i]) bad_request(fmt::format("missing field {}", label(a.name)));
    if (members_[i]) check(a);
  }
}

const json* Fields::find(std::string_view name) const {
  for (std::size_t i = 0; i < row_.arguments.size(); ++i) {
    if (row_.arguments[i].name == name) return members_[i];
  }
  return request_.find(name);  // not an argument of the row
}

bool Fields::has(std::string_view name) const { return find(name) != nullptr; }

std::string Fields::label(std::string_view name) const {
  if (door_ == Door::Cli) {
    const auto& args = row_.arguments;
    const auto it =
        std::find_if(args.begin(), args.end(), [&](const Argument& a) { return a.name == name; });
    if (it != args.end() && !it->cli.empty()) return std::string(it->cli);
  }
  return fmt::format("'{}'", name);
}

std::string Fields::usage(std::string_view name, std::string_view metavar) const {
  const std::string spelled = label(name);
  return spelled.starts_with('\'') ? spelled : fmt::format("{} {}", spelled, metavar);
}

std::string Fields::field_label(std::string_view name) const {
  const std::string spelled = label(name);
  return spelled.starts_with('\'') ? "field " + spelled : spelled;
}

const Argument& Fields::argument(std::string_view name) const {
  for (const Argument& a : row_.arguments) {
    if (a.name == name) return a;
  }
  throw Error(ErrorKind::Internal,
              fmt::format("the {} request has no argument '{}'", row_.op, name));
}

const json& Fields::member(std::string_view name) const {
  const json* value = find(name);
  if (!value) bad_request(fmt::format("missing field {}", label(name)));
  return *value;
}

// The kinds read without parsing an expression are checked before the request runs.
void Fields::check(const Argument& a) const {
  switch (a.kind) {
    case ArgumentKind::Expression:
    case ArgumentKind::Text: text(a.name); break;
    case ArgumentKind::Claims: texts(a.name); break;
    case ArgumentKind::Variables: variables_member(a.name); break;
    case ArgumentKind::Names: list(a.name); break;
    case ArgumentKind::Syntax: syntax(); break;
    case ArgumentKind::Flag: flag(a.name); break;
    case ArgumentKind::Number: number_text(a.name); break;
    case ArgumentKind::Values:
      if (!member(a.name).is_object()) {
        bad_request(fmt::format("{} must be an object of values", field_label(a.name)));
      }
      break;
    case ArgumentKind::Bound:  // read when the request runs
      break;
  }
}

const std::string& Fields::text(std::string_view name) const {
  const json& value = member(name);
  if (!value.is_string()) bad_request(fmt::format("{} must be a string", field_label(name)));
  return value.get_ref<const std::string&>();
}

std::vector<std::string> Fields::texts(std::string_view name) const {
  const json& value = member(name);
  if (value.is_string()) return {value.get<std::string>()};
  std::vector<std::string> out;
  if (value.is_array() && !value.empty()) {
    for (const json& v : value) {
      if (!v.is_string()) break;
      out.push_back(v.get<std::string>());
    }
    if (out.size() == value.size()) return out;
  }
  bad_request(fmt::format("{} must be a string or a list of strings", field_label(name)));
}

const json& Fields::variables_member(std::string_view name) const {
  const json& wrt = member(name);
  const auto is_string = [](const json& v) { return v.is_string(); };
  if (!wrt.is_string() && !(wrt.is_array() && std::all_of(wrt.begin(), wrt.end(), is_string))) {
    bad_request(fmt::format("{} must be a list of variable names", field_label(name)));
  }
  return wrt;
}

std::vector<std::string> Fields::names(std::string_view name) const {
  const json& wrt = variables_member(name);
  if (wrt.is_string()) return {wrt.get<std::string>()};
  std::vector<std::string> out;
  out.reserve(wrt.size());
  for (const json& v : wrt) out.push_back(v.get_ref<const std::string&>());
  return out;
}

std::vector<std::string> Fields::list(std::string_view name) const {
  if (!has(name)) return {};
  const json& value = member(name);
  auto fail = [&] {
    bad_request(fmt::format("{} must be a list of function names", field_label(name)));
  };
  if (!value.is_array()) fail();
  std::vector<std::string> out;
  for (const json& v : value) {
    if (!v.is_string()) fail();
    out.push_back(v.get_ref<const std::string&>());
  }
  return out;
}

bool Fields::flag(std::string_view name) const {
  if (!has(name)) return argument(name).fallback == "true";
  const json& value = member(name);
  if (!value.is_boolean()) bad_request(fmt::format("{} must be true or false", field_label(name)));
  return value.get<bool>();
}

Syntax Fields::syntax() const {
  const json* value = has("syntax") ? &member("syntax") : nullptr;
  const std::string_view chosen =
      value && value->is_string() ? value->get_ref<const std::string&>() : std::string_view();
  if (!value) return argument("syntax").fallback == "auto" ? Syntax::Auto : Syntax::Text;
  if (chosen == "text") return Syntax::Text;
  if (chosen == "latex") return Syntax::Latex;
  if (chosen == "auto") return Syntax::Auto;
  bad_request(fmt::format("{} must be \"text\" or \"latex\"", field_label("syntax")));
}

Bound Fields::bound(std::string_view name) const {
  const json& value = member(name);
  if (value.is_number()) return Bound::parse(value.dump());
  if (value.is_string()) return Bound::parse(value.get<std::string>());
  bad_request(fmt::format("{} must be a number or an expression", field_label(name)));
}

std::optional<std::string> Fields::number_text(std::string_view name) const {
  if (!has(name)) return std::nullopt;
  const json& value = member(name);
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return value.dump();
  bad_request(fmt::format("{} must be a number", field_label(name)));
}

std::map<std::string, Expr> Fields::values(std::string_view name) const {
  std::map<std::string, Expr> at;
  if (!has(name)) return at;
  const json& bindings = member(name);
  if (!bindings.is_object()) {
    bad_request(fmt::format("{} must be an object of values", field_label(name)));
  }
  for (const auto& [key, v] : bindings.items()) {
    Expr value;
    if (v.is_number_unsigned()) {
      value = number(Number::parse(v.dump()));  // beyond long too
    } else if (v.is_number_integer()) {
      value = integer(v.get<long>());
    } else if (v.is_number()) {
      value = number(Number::from_double(v.get<double>()));
    } else if (v.is_string()) {
      value = parse_input(v.get<std::string>(), Syntax::Auto);
    } else {
      bad_request(fmt::format("the value of '{}' must be a number", key));
    }
    at.emplace(key, value);
  }
  return at;
}

}  // namespace leibniz::app
