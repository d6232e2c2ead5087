#include "leibniz/app/batch.h"

#include <fmt/format.h>

#include <istream>
#include <ostream>
#include <string>

#include "leibniz/app/notes.h"
#include "leibniz/app/operations.h"
#include "leibniz/app/steps_format.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"

namespace leibniz::app {

using nlohmann::json;
using Answer = nlohmann::ordered_json;  // keeps the spec's key order: id, ok, result

json error_json(const Error& error) {
  json pos = error.pos() ? json(*error.pos()) : json(nullptr);
  return {{"kind", kind_name(error.kind())}, {"message", error.what()}, {"pos", pos}};
}

namespace {

[[noreturn]] void bad_request(const std::string& message) {
  throw Error(ErrorKind::Request, message);
}

const json& field(const json& request, const char* name) {
  auto it = request.find(name);
  if (it == request.end()) bad_request(fmt::format("missing field '{}'", name));
  return *it;
}

std::string string_field(const json& request, const char* name) {
  const json& value = field(request, name);
  if (!value.is_string()) bad_request(fmt::format("field '{}' must be a string", name));
  return value.get<std::string>();
}

std::vector<std::string> variable_list(const json& request) {
  const json& wrt = field(request, "wrt");
  if (wrt.is_string()) return {wrt.get<std::string>()};
  if (!wrt.is_array()) bad_request("field 'wrt' must be a list of variable names");
  std::vector<std::string> names;
  for (const json& v : wrt) {
    if (!v.is_string()) bad_request("field 'wrt' must be a list of variable names");
    names.push_back(v.get<std::string>());
  }
  return names;
}

Syntax syntax_of(const json& request) {
  auto it = request.find("syntax");
  if (it == request.end()) return Syntax::Text;
  if (*it == "text") return Syntax::Text;
  if (*it == "latex") return Syntax::Latex;
  bad_request("field 'syntax' must be \"text\" or \"latex\"");
}

Expr value_of(const json& v, const std::string& name) {
  if (v.is_number_integer()) return integer(v.get<long>());
  if (v.is_number()) return number(Number::from_double(v.get<double>()));
  if (v.is_string()) return parse_input(v.get<std::string>(), Syntax::Text);
  bad_request(fmt::format("the value of '{}' must be a number", name));
}

void put_expr(Answer& answer, const Expr& e) {
  answer["result"] = print_text(e);
  answer["latex"] = print_latex(e);
}

// Beyond spec §3: grad answers a list (an entry a variable), jacobian ("F1; F2; ...")
// and hessian a list of rows, in "result" and "latex" alike.
std::pair<json, json> printed(const std::vector<Expr>& list) {
  json texts = json::array(), latex = json::array();
  for (const Expr& e : list) {
    texts.push_back(print_text(e));
    latex.push_back(print_latex(e));
  }
  return {texts, latex};
}

void put_list(Answer& answer, const std::vector<Expr>& list) {
  auto [texts, latex] = printed(list);
  answer["result"] = texts;
  answer["latex"] = latex;
}

void put_matrix(Answer& answer, const std::vector<std::vector<Expr>>& rows) {
  json texts = json::array(), latex = json::array();
  for (const auto& row : rows) {
    auto [row_texts, row_latex] = printed(row);
    texts.push_back(row_texts);
    latex.push_back(row_latex);
  }
  answer["result"] = texts;
  answer["latex"] = latex;
}

void answer_op(const json& request, Answer& answer) {
  const std::string op = string_field(request, "op");
  const bool derivatives = op == "grad" || op == "jacobian" || op == "hessian";
  if (op != "diff" && op != "integrate" && op != "simplify" && op != "expand" && op != "eval" &&
      !derivatives) {
    bad_request(fmt::format("unknown op '{}'", op));
  }
  bool steps = false;
  if (request.contains("steps")) {
    if (!request["steps"].is_boolean()) bad_request("field 'steps' must be true or false");
    steps = request["steps"].get<bool>();
  }
  if (steps && op != "diff" && op != "integrate") {
    throw Error(ErrorKind::Unsupported,
                fmt::format("steps are available for diff and integrate, not {}", op));
  }
  const std::string text = string_field(request, "expr");
  const Syntax syntax = syntax_of(request);
  if (derivatives) {
    const auto wrt = variable_list(request);
    if (op == "jacobian") {
      put_matrix(answer, run_jacobian(parse_inputs(text, syntax), wrt));
    } else if (op == "hessian") {
      put_matrix(answer, run_hessian(parse_input(text, syntax), wrt));
    } else {
      put_list(answer, run_grad(parse_input(text, syntax), wrt));
    }
  } else if (op == "diff") {
    const auto wrt = variable_list(request);
    Trace trace;
    put_expr(answer, run_diff(parse_input(text, syntax), wrt, steps ? &trace : nullptr));
    if (steps) answer["steps"] = steps_json(trace.steps());
  } else if (op == "integrate") {
    const auto wrt = variable_list(request);
    if (wrt.size() != 1) bad_request("field 'wrt' must name one variable for integrate");
    Trace trace;
    put_expr(answer,
             integrate(parse_input(text, syntax), variable(wrt[0]), steps ? &trace : nullptr));
    if (steps) answer["steps"] = steps_json(trace.steps());
  } else if (op == "simplify") {
    put_expr(answer, run_simplify(parse_input(text, syntax)));
  } else if (op == "expand") {
    put_expr(answer, run_expand(parse_input(text, syntax)));
  } else {
    const Expr e = parse_input(text, syntax);
    std::map<std::string, Expr> at;
    if (request.contains("at")) {
      const json& bindings = request["at"];
      if (!bindings.is_object()) bad_request("field 'at' must be an object of values");
      for (const auto& [name, v] : bindings.items()) at.emplace(name, value_of(v, name));
    }
    const Evaluation result = run_eval(e, at);
    answer["result"] = result.text();
    answer["value"] = result.value;
  }
}

}  // namespace

nlohmann::ordered_json answer_line(std::string_view line) {
  json id = nullptr;
  auto failure = [&id](const Error& e) {
    return Answer{{"id", id}, {"ok", false}, {"error", error_json(e)}};
  };
  json request;
  try {
    request = json::parse(line);
  } catch (const json::parse_error& e) {
    return failure(
        Error(ErrorKind::Request, fmt::format("the line is not valid JSON (at byte {})", e.byte)));
  }
  try {
    if (!request.is_object()) bad_request("a request must be a JSON object");
    if (request.contains("id")) id = request["id"];
    Answer answer{{"id", id}, {"ok", true}};
    TimeBudget budget(limits().seconds);
    Notes notes;
    answer_op(request, answer);
    if (!notes.list().empty()) answer["warnings"] = notes.list();
    return answer;
  } catch (const Error& e) {
    return failure(e);
  }
}

void run_batch(std::istream& in, std::ostream& out) {
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    out << answer_line(line).dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    out.flush();
  }
}

}  // namespace leibniz::app
