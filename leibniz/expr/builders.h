// The canonical builders: every expression is made through these, and they always
// return canonical form. Sums collect like terms, products collect powers of equal
// bases, numbers fold exactly, a numeric factor distributes over a single sum.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

Expr number(const Number& value);
Expr integer(long value);
Expr rational(long numerator, long denominator);
Expr symbol(std::string_view name);
Expr constant(ConstantId id);
Expr e_constant();
Expr pi_constant();

Expr add(std::span<const Expr> terms);
Expr add(const std::vector<Expr>& terms);
Expr add(const Expr& a, const Expr& b);
Expr sub(const Expr& a, const Expr& b);
Expr neg(const Expr& a);
Expr mul(std::span<const Expr> factors);
Expr mul(const std::vector<Expr>& factors);
Expr mul(const Expr& a, const Expr& b);
/// Throws Error{Domain} when b is zero.
Expr div(const Expr& a, const Expr& b);
/// Throws Error{Domain} for 0 to a negative power or a non-real power of a number.
Expr pow(const Expr& base, const Expr& exponent);
Expr pow(const Expr& base, long exponent);
Expr sqrt(const Expr& a);
Expr exp(const Expr& a);
Expr func(Fn fn, const Expr& arg);
/// max(a, b), min(a, b).
Expr func(Fn fn, const Expr& a, const Expr& b);
/// f applied to its arguments (one, or two for max and min): what rebuilds a Func node.
Expr func(Fn fn, std::span<const Expr> args);

inline Expr operator+(const Expr& a, const Expr& b) { return add(a, b); }
inline Expr operator-(const Expr& a, const Expr& b) { return sub(a, b); }
inline Expr operator-(const Expr& a) { return neg(a); }
inline Expr operator*(const Expr& a, const Expr& b) { return mul(a, b); }
inline Expr operator/(const Expr& a, const Expr& b) { return div(a, b); }

/// A term's numeric coefficient and the rest: 3*x*y -> (3, x*y); x -> (1, x).
std::pair<Number, Expr> split_coefficient(const Expr& term);
/// A factor's base and exponent: x^2 -> (x, 2); x -> (x, 1).
std::pair<Expr, Expr> split_power(const Expr& factor);

}  // namespace leibniz
