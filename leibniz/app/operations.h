// The requests leibniz answers (diff, simplify, expand, eval, grad, jacobian, hessian), shared
// by the command line and batch mode so that both give the same answers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leibniz/calculus/steps.h"
#include "leibniz/expr/expr.h"

namespace leibniz::app {

/// Auto reads LaTeX when the text has LaTeX markup (a backslash or a brace).
enum class Syntax { Text, Latex, Auto };

/// Parses an expression in the given syntax; in LaTeX, \frac{\partial}{\partial x}
/// differentiates and \int integrates.
Expr parse_input(std::string_view text, Syntax syntax);

/// The names declared as undefined functions (spec §1 v2: --function psi, "functions")
/// while the request runs; parse_input reads them.
const std::vector<std::string>& declared_functions();
/// Declares one for the rest of the run (the CLI's --function).
void declare_function(const std::string& name);
class DeclaredFunctions {
 public:
  explicit DeclaredFunctions(std::vector<std::string> names);
  ~DeclaredFunctions();
  DeclaredFunctions(const DeclaredFunctions&) = delete;
  DeclaredFunctions& operator=(const DeclaredFunctions&) = delete;

 private:
  std::vector<std::string> saved_;
};

/// What LaTeX's \int f \, dx (lower and upper null) and \int_a^b f \, dx mean: the
/// antiderivative, or the exact value of the definite integral (Error{Unsupported} when
/// only a numeric value is known).
Expr latex_integral(const Expr& f, const Expr& var, const Expr& lower, const Expr& upper);

/// The part [start, end) of text, parsed in place (what precedes it blanked), so that an
/// error's position and the columns its message names are the whole text's.
Expr parse_part(std::string_view text, std::size_t start, std::size_t end, Syntax syntax);

/// Several expressions separated by ';' ("x*y; x + y"), each parsed as parse_input does;
/// an error's position is a position in the whole text.
std::vector<Expr> parse_inputs(std::string_view text, Syntax syntax);

/// Text unless the input looks like LaTeX (a backslash or a brace).
Syntax detect_syntax(std::string_view text);

/// Checks that `name` can be a variable; throws Error{Request} otherwise.
Expr variable(std::string_view name);

/// With a trace, the rules applied and the simplification are recorded.
Expr run_diff(const Expr& e, const std::vector<std::string>& wrt, Trace* trace = nullptr);
Expr run_simplify(const Expr& e);
Expr run_expand(const Expr& e);

struct Evaluation {
  Expr exact;    ///< the value as an exact number when it is one, else null
  double value;  ///< the value in double precision
  std::string text() const;
};

/// Values are expressions too ("1/2", "pi", "0.5"); a value that makes the expression
/// undefined is an Error{Domain}.
Evaluation run_eval(const Expr& e, const std::map<std::string, Expr>& at);

std::vector<Expr> run_grad(const Expr& e, const std::vector<std::string>& wrt);
/// Rows: the functions; columns: the variables.
std::vector<std::vector<Expr>> run_jacobian(const std::vector<Expr>& functions,
                                            const std::vector<std::string>& wrt);
std::vector<std::vector<Expr>> run_hessian(const Expr& e, const std::vector<std::string>& wrt);

}  // namespace leibniz::app
