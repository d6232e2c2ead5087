// Symbolic differentiation: every rule of the notes (sum, constant multiple, product,
// quotient as a product with a negative power, power with constant or variable
// exponent, chain rule through the function table), memoised over the DAG so that
// each shared subexpression is differentiated once.
#pragma once

#include <span>
#include <vector>

#include "leibniz/calculus/steps.h"
#include "leibniz/expr/expr.h"

namespace leibniz {

/// d e / d var in canonical but unsimplified form; var must be a Symbol. With a trace,
/// each rule applied is recorded as a Step.
Expr diff(const Expr& e, const Expr& var, Trace* trace = nullptr);

/// The derivative with respect to each variable in turn (["x","x"] is the second
/// derivative), simplified: the form a person would write; with a trace, the rules
/// and then the simplification steps are recorded.
Expr derivative(const Expr& e, std::span<const Expr> vars, Trace* trace = nullptr);

/// [d e / d v for v in vars], simplified.
std::vector<Expr> gradient(const Expr& e, std::span<const Expr> vars);

/// Rows: functions; columns: variables.
std::vector<std::vector<Expr>> jacobian(std::span<const Expr> functions,
                                        std::span<const Expr> vars);

/// The symmetric matrix of second derivatives, simplified.
std::vector<std::vector<Expr>> hessian(const Expr& e, std::span<const Expr> vars);

}  // namespace leibniz
