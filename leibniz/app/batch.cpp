#include "leibniz/app/batch.h"

#include <fmt/format.h>

#include <istream>
#include <new>
#include <ostream>
#include <set>
#include <string>

#include "leibniz/app/answers.h"
#include "leibniz/app/backprop_request.h"
#include "leibniz/app/batch_read.h"
#include "leibniz/app/check_request.h"
#include "leibniz/app/notes.h"
#include "leibniz/app/operations.h"
#include "leibniz/app/steps_format.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/numeric/definite.h"

namespace leibniz::app {

using nlohmann::json;

json error_json(const Error& error) {
  json pos = error.pos() ? json(*error.pos()) : json(nullptr);
  return {{"kind", kind_name(error.kind())}, {"message", error.what()}, {"pos", pos}};
}

Error error_of(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const Error& error) {
    return error;
  } catch (const std::bad_alloc&) {
    return Error(ErrorKind::Limit, "the computation ran out of memory");
  } catch (const std::exception& e) {
    return Error(ErrorKind::Internal, std::string("internal failure: ") + e.what());
  } catch (...) {
    return Error(ErrorKind::Internal, "internal failure");
  }
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

// "functions": ["psi"] declares undefined functions for the request (spec §3).
std::vector<std::string> function_list(const json& request) {
  auto it = request.find("functions");
  if (it == request.end()) return {};
  if (!it->is_array()) bad_request("field 'functions' must be a list of function names");
  std::vector<std::string> names;
  for (const json& v : *it) {
    if (!v.is_string()) bad_request("field 'functions' must be a list of function names");
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
  if (v.is_number_unsigned()) return number(Number::parse(v.dump()));  // beyond long too
  if (v.is_number_integer()) return integer(v.get<long>());
  if (v.is_number()) return number(Number::from_double(v.get<double>()));
  if (v.is_string()) return parse_input(v.get<std::string>(), Syntax::Text);
  bad_request(fmt::format("the value of '{}' must be a number", name));
}

// A bound of a definite integral: a number, or an expression or infinity as text.
Bound bound_field(const json& request, const char* name) {
  const json& value = field(request, name);
  if (value.is_number()) return Bound::parse(value.dump());
  if (value.is_string()) return Bound::parse(value.get<std::string>());
  bad_request(fmt::format("field '{}' must be a number or an expression", name));
}

bool flag_field(const json& request, const char* name) {
  auto it = request.find(name);
  if (it == request.end()) return false;
  if (!it->is_boolean()) bad_request(fmt::format("field '{}' must be true or false", name));
  return it->get<bool>();
}

// Spec §3 v2 backprop: the model's text, optional "lr" and "data" (CSV text).
Answer backprop_op(const json& request) {
  BackpropRequest r{graph::Source{"model", string_field(request, "model")}, std::nullopt,
                    std::nullopt, false, true};
  if (request.contains("data")) r.data = graph::Source{"data", string_field(request, "data")};
  if (auto lr = request.find("lr"); lr != request.end()) {
    if (!lr->is_number() && !lr->is_string()) bad_request("field 'lr' must be a number");
    r.rate = learning_rate(lr->is_string() ? lr->get<std::string>() : lr->dump(), "field 'lr'");
  }
  return backprop_answer(r);
}

// Spec §3 v2 check: "A = B = C", optionally each side against the derivative of
// "derivative_of" by "wrt".
Answer check_op(const json& request, const std::string& text, Syntax syntax) {
  std::optional<std::string> derivative_of;
  std::vector<std::string> wrt;
  if (request.contains("derivative_of")) {
    derivative_of = string_field(request, "derivative_of");
    wrt = variable_list(request);
  } else if (request.contains("wrt")) {
    bad_request("field 'wrt' of check needs 'derivative_of'");
  }
  return check_json(run_check({text}, derivative_of, wrt, syntax == Syntax::Latex));
}

Answer integrate_op(const json& request, const Expr& e, bool steps) {
  const auto wrt = variable_list(request);
  if (wrt.size() != 1) bad_request("field 'wrt' must name one variable for integrate");
  const bool numeric = flag_field(request, "numeric");
  if (request.contains("from") || request.contains("to") || numeric) {
    if (steps) {
      throw Error(ErrorKind::Unsupported,
                  "steps are available for antiderivatives, not for "
                  "definite integrals");
    }
    if (!request.contains("from") || !request.contains("to")) {
      bad_request("a definite integral needs both 'from' and 'to'");
    }
    return definite_answer(definite_integral(e, variable(wrt[0]), bound_field(request, "from"),
                                             bound_field(request, "to"), numeric));
  }
  Trace trace;
  Answer answer = expr_answer(integrate(e, variable(wrt[0]), steps ? &trace : nullptr));
  if (steps) answer["steps"] = steps_json(trace.steps());
  return answer;
}

Answer answer_op(const json& request) {
  const std::string op = string_field(request, "op");
  static const std::set<std::string> ops{"diff", "integrate", "simplify", "expand", "eval",
                                         "grad", "jacobian",  "hessian",  "check",  "backprop"};
  if (ops.count(op) == 0) bad_request(fmt::format("unknown op '{}'", op));
  const bool steps = flag_field(request, "steps");
  if (steps && op != "diff" && op != "integrate") {
    throw Error(ErrorKind::Unsupported,
                fmt::format("steps are available for diff and integrate, not {}", op));
  }
  if (op == "backprop") return backprop_op(request);
  const DeclaredFunctions declared(function_list(request));
  const std::string text = string_field(request, "expr");
  const Syntax syntax = syntax_of(request);
  if (op == "check") return check_op(request, text, syntax);
  if (op == "jacobian") {
    const auto wrt = variable_list(request);
    const auto functions = parse_inputs(text, syntax);
    return jacobian_answer(functions, wrt, run_jacobian(functions, wrt));
  }
  const Expr e = parse_input(text, syntax);
  if (op == "hessian") {
    const auto wrt = variable_list(request);
    return hessian_answer(wrt, run_hessian(e, wrt));
  }
  if (op == "grad") {
    const auto wrt = variable_list(request);
    return grad_answer(run_grad(e, wrt), wrt);
  }
  if (op == "diff") {
    const auto wrt = variable_list(request);
    Trace trace;
    Answer answer = expr_answer(run_diff(e, wrt, steps ? &trace : nullptr));
    if (steps) answer["steps"] = steps_json(trace.steps());
    return answer;
  }
  if (op == "integrate") return integrate_op(request, e, steps);
  if (op == "simplify") return expr_answer(run_simplify(e));
  if (op == "expand") return expr_answer(run_expand(e));
  std::map<std::string, Expr> at;  // eval
  if (request.contains("at")) {
    const json& bindings = request["at"];
    if (!bindings.is_object()) bad_request("field 'at' must be an object of values");
    for (const auto& [name, v] : bindings.items()) at.emplace(name, value_of(v, name));
  }
  return eval_answer(run_eval(e, at));
}

}  // namespace

nlohmann::ordered_json answer_line(std::string_view line) {
  json id = nullptr;
  // Whatever the line holds, it gets an answer: even a bug (or running out of memory
  // while reading it) is reported for this line, and the batch goes on.
  try {
    RequestLine read = read_request_line(line);
    id = std::move(read.id);
    if (read.error) throw *read.error;
    if (!read.request.is_object()) bad_request("a request must be a JSON object");
    Answer answer{{"id", id}};
    TimeBudget budget(limits().seconds);
    Notes notes;
    Answer body = answer_op(read.request);
    for (auto& [key, value] : body.items()) answer[key] = std::move(value);
    if (!notes.list().empty()) answer["warnings"] = notes.list();
    return answer;
  } catch (...) {
    return Answer{
        {"id", id}, {"ok", false}, {"error", error_json(error_of(std::current_exception()))}};
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
