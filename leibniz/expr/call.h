// Undefined functions (spec §1 v2): f(x, y), g(x), psi(t), and their partial
// derivatives, kept as objects. A Call node holds the function's name and, for a
// derivative, the argument slots it is differentiated in; its arguments are the points
// where the function (or its derivative) is taken, so diff(f, in slot 1) at (g, h) is
// the notes' ∂f/∂g.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

/// name(args), differentiated once in each of `slots` (0-based; repeats for higher order).
Expr call(std::string_view name, std::span<const Expr> args, std::vector<std::size_t> slots = {});
/// The function's name of a Call.
std::string call_name(const Expr& e);
/// The slots a Call is differentiated in, sorted (partial derivatives commute).
std::vector<std::size_t> call_slots(const Expr& e);
/// The partial derivative of a Call in its argument `slot` (0-based).
Expr call_derivative(const Expr& e, std::size_t slot);
/// One letter other than e: f, g, h, u, v, F, G, … is an undefined function when applied.
bool is_one_letter_function(std::string_view name);
/// The derivative of a Call in the one argument that is wrt, when no other argument
/// equals it (or, for a variable, holds it): how diff(f(g, h), g) and diff(g(x, y), x)
/// read. Null otherwise.
Expr partial_in(const Expr& e, const Expr& wrt);
/// The derivative of a Call in the slot `label` names, as the notes write ∂f/∂g: what
/// partial_in gives, or for a bare name g the one argument that calls g, when g is no
/// variable in the arguments (∂f/∂g at (g(x, y), h(x, y))). Null otherwise.
Expr derivative_by_label(const Expr& e, const Expr& label);
/// True if label is a variable whose name is that of an undefined function in e: ∂/∂g of
/// f(g(x)) + 1 is no derivative by a variable, and derivative_by_label names no slot.
bool names_a_function_in(const Expr& e, const Expr& label);
/// True if part is e or a subexpression of e.
bool occurs_in(const Expr& part, const Expr& e);
/// True if e holds an undefined function; for a small e, without allocating.
bool has_undefined_function(const Expr& e);
/// The names of the undefined functions in e, sorted.
std::vector<std::string> undefined_function_names(const Expr& e);
/// The name of the first undefined function in e, if any.
std::optional<std::string> undefined_function_in(const Expr& e);

}  // namespace leibniz
