#include "leibniz/app/operations.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

#include "leibniz/app/notes.h"
#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/core/names.h"
#include "leibniz/eval/precise.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/domain_witnesses.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/parse_latex.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/expr/symbols.h"
#include "leibniz/numeric/definite.h"

namespace leibniz::app {
namespace {

// The names the request declares as undefined functions (--function, "functions"): per
// thread, like the requests themselves.
std::vector<std::string>& declared() {
  thread_local std::vector<std::string> names;
  return names;
}

// f*f(x): a name is a function or a variable in one request (spec §1 v2).
Expr distinct_names(const Expr& e) {
  if (!has_undefined_function(e)) return e;
  const std::vector<std::string> functions = undefined_function_names(e);
  if (functions.empty()) return e;
  for (const Expr& s : free_symbols(e)) {
    if (std::binary_search(functions.begin(), functions.end(), s.name())) {
      throw Error(ErrorKind::Request,
                  fmt::format("'{}' is both a function and a variable in the expression: a name "
                              "is one or the other",
                              s.name()));
    }
  }
  return e;
}

}  // namespace

const std::vector<std::string>& declared_functions() { return declared(); }

void declare_function(const std::string& name) { declared().push_back(name); }

DeclaredFunctions::DeclaredFunctions(std::vector<std::string> names)
    : saved_(std::exchange(declared(), std::move(names))) {}
DeclaredFunctions::~DeclaredFunctions() { declared() = std::move(saved_); }

Syntax detect_syntax(std::string_view text) {
  return text.find_first_of("\\{}") == std::string_view::npos ? Syntax::Text : Syntax::Latex;
}

namespace {

// A declared name must be one the text syntax reads as a name, and not taken.
std::vector<std::string> checked_function_names(std::vector<std::string> names) {
  for (const std::string& n : names) {
    const bool identifier = !n.empty() && std::isalpha(static_cast<unsigned char>(n[0])) &&
                            std::all_of(n.begin(), n.end(), [](char c) {
                              return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                            });
    if (!identifier) {
      throw Error(ErrorKind::Request, fmt::format("'{}' is not a name for a function", n));
    }
    if (is_reserved_name(n) || n == "e" || n == "pi" || n == "diff") {
      throw Error(ErrorKind::Request,
                  fmt::format("'{}' is already a name of leibniz: it cannot be declared", n));
    }
  }
  return names;
}

}  // namespace

Expr parse_input(std::string_view text, Syntax syntax) {
  if (syntax == Syntax::Auto) syntax = detect_syntax(text);
  auto differentiate = [](const Expr& e, const Expr& var) {
    note_missing_variables({e}, {var.name()});  // d/dx xy
    return derivative(e, std::span(&var, 1));
  };
  const std::vector<std::string> functions = checked_function_names(declared_functions());
  if (syntax == Syntax::Text) {
    ParseOptions options;
    options.differentiate = differentiate;  // d/dx EXPR
    options.functions = functions;
    return distinct_names(parse_text(text, options));
  }
  return distinct_names(parse_latex(text, differentiate, latex_integral, functions));
}

Expr latex_integral(const Expr& f, const Expr& var, const Expr& lower, const Expr& upper) {
  const DomainWitnesses::Pause derived;  // not the input as written
  if (lower.is_null()) return integrate(f, var);
  const DefiniteIntegral r = definite_integral(f, var, Bound{lower, 0}, Bound{upper, 0});
  if (r.exact.is_null()) {
    throw Error(ErrorKind::Unsupported,
                "this definite integral has no exact value here; leibniz integrate with --from "
                "and --to gives its numeric value");
  }
  return r.exact;
}

Expr parse_part(std::string_view text, std::size_t start, std::size_t end, Syntax syntax) {
  const std::string_view piece = text.substr(start, end - start);
  if (piece.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw Error(ErrorKind::Parse, "empty expression", start);
  }
  // Blanks before the piece and nothing after: positions are the whole text's, and the
  // end of the input is the end of the piece.
  std::string placed(start, ' ');
  placed += piece;
  return parse_input(placed, syntax);
}

std::vector<Expr> parse_inputs(std::string_view text, Syntax syntax) {
  std::vector<Expr> parsed;
  // The separators: every ';' that is not LaTeX's spacing command \;.
  auto separator_from = [text](std::size_t from) {
    std::size_t at = text.find(';', from);
    while (at != std::string_view::npos && at > 0 && text[at - 1] == '\\') {
      at = text.find(';', at + 1);
    }
    return std::min(at, text.size());
  };
  std::size_t start = 0;
  while (true) {
    const std::size_t end = separator_from(start);
    parsed.push_back(parse_part(text, start, end, syntax));
    if (end == text.size()) return parsed;
    start = end + 1;
  }
}

Expr variable(std::string_view name) {
  if (!is_name(name))
    throw Error(ErrorKind::Request, fmt::format("'{}' is not a variable name", name));
  if (is_reserved_name(name)) {
    throw Error(ErrorKind::Request,
                fmt::format("'{}' is a function or constant, not a variable", name));
  }
  return symbol(name);
}

namespace {

std::vector<Expr> variables(const std::vector<std::string>& names) {
  if (names.empty()) throw Error(ErrorKind::Request, "no variable to differentiate by");
  std::vector<Expr> vars;
  vars.reserve(names.size());
  for (const std::string& n : names) vars.push_back(variable(n));
  return vars;
}

}  // namespace

// A name is a function or a variable in one request (spec §1 v2): x(y) by x is neither.
void require_not_functions(const std::vector<Expr>& expressions,
                           const std::vector<std::string>& wrt) {
  for (const Expr& e : expressions) {
    if (!has_undefined_function(e)) continue;
    for (const std::string& f : undefined_function_names(e)) {
      if (std::find(wrt.begin(), wrt.end(), f) != wrt.end()) {
        throw Error(ErrorKind::Request,
                    fmt::format("'{}' is a function in the expression and a variable to "
                                "differentiate by: a name is one or the other",
                                f));
      }
    }
  }
}

Expr run_diff(const Expr& e, const std::vector<std::string>& wrt, Trace* trace) {
  require_not_functions({e}, wrt);
  const std::vector<Expr> vars = variables(wrt);
  note_missing_variables({e}, wrt);
  return derivative(e, vars, trace);
}

Expr run_simplify(const Expr& e) { return simplify(e); }
Expr run_expand(const Expr& e) { return expand(e); }

std::string Evaluation::text() const {
  if (!exact.is_null()) return exact.number().to_string();
  return Number::from_double(value).to_string();
}

Evaluation run_eval(const Expr& e, const std::map<std::string, Expr>& at) {
  Substitution values;
  for (const auto& [name, value] : at) values.emplace(variable(name).node(), value);
  const Expr substituted = simplify(substitute(e, values));
  const std::vector<Expr> none;
  if (substituted.is_number() && substituted.number().is_exact()) {
    return {substituted, Program(substituted, none).run({})};
  }
  // Doubles can cancel every digit (e^(pi*sqrt(163)) - 262537412640768744 is -7.5e-13,
  // not -1024) or overflow on the way (sinh(1000)/cosh(1000)): the 256-bit value, where
  // its rounding noise leaves the digits of a double, is the answer.
  try {
    const precise::SideValue precise = precise::evaluate_side(substituted, none, {});
    if (precise.defined() && !precise.overflow) {
      const double high = precise.high->to_double(), low = precise.low->to_double();
      const long double noise = std::fabs(high - low) + precise.error;
      if (std::isfinite(high) && noise <= std::ldexp(std::fabs(high), -40)) {
        return {Expr(), high};
      }
    }
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Unsupported) throw;
  }
  return {Expr(), Program(substituted, none).run({})};
}

std::vector<Expr> run_grad(const Expr& e, const std::vector<std::string>& wrt) {
  require_not_functions({e}, wrt);
  const std::vector<Expr> vars = variables(wrt);
  note_missing_variables({e}, wrt);
  return gradient(e, vars);
}

std::vector<std::vector<Expr>> run_jacobian(const std::vector<Expr>& functions,
                                            const std::vector<std::string>& wrt) {
  require_not_functions(functions, wrt);
  const std::vector<Expr> vars = variables(wrt);
  note_missing_variables(functions, wrt);
  return jacobian(functions, vars);
}

std::vector<std::vector<Expr>> run_hessian(const Expr& e, const std::vector<std::string>& wrt) {
  require_not_functions({e}, wrt);
  const std::vector<Expr> vars = variables(wrt);
  note_missing_variables({e}, wrt);
  return hessian(e, vars);
}

}  // namespace leibniz::app
