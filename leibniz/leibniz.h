// leibniz as a C++ library: calculus on formulas, exactly.
//
// A tour (it builds against the installed package: find_package(leibniz), then
// target_link_libraries(app PRIVATE leibniz::leibniz); examples/cpp is such a project):
//
//   #include <leibniz/leibniz.h>
//
//   leibniz::Expr e = leibniz::parse("x^2*sin(y)");          // or parse_latex("x^2 \\sin y")
//   leibniz::Expr d = leibniz::diff(e, "x");                  // 2*x*sin(y)
//   leibniz::Expr dxy = leibniz::diff(e, {"x", "y"});         // d/dy of d/dx: 2*x*cos(y)
//   std::string t = leibniz::to_text(d);                      // "2*x*sin(y)"
//   std::string l = leibniz::to_latex(d);                     // "2 x \\sin\\left(y\\right)"
//   leibniz::Expr s = leibniz::simplify(leibniz::parse("(x^2 - 1)/(x - 1)"));   // x + 1
//   leibniz::Expr i = leibniz::integrate(leibniz::parse("x*e^x"), "x");         // x*e^x - e^x
//   double v = leibniz::evaluate(e, {{"x", 1.0}, {"y", 0.5}});                // 0.479…
//
// Numbers are exact rationals (0.4875 stays 39/80 where the input is exact); equal
// expressions are the same node, so == compares them in O(1). Every antiderivative is
// checked by differentiating it before it is returned.
//
// Bad input throws leibniz::Error: kind() is one of parse, domain, unsupported, limit,
// request (kind_name gives the word), what() the message, pos() the offset into the input
// when there is one:
//
//   try { leibniz::parse("sin(x"); }
//   catch (const leibniz::Error& err) {
//     // kind_name(err.kind()) == "parse", err.what() == "expected ')' to close '(' …"
//   }
//
// Each thread may work on its own requests at the same time as other threads.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "leibniz/core/error.h"
#include "leibniz/expr/expr_node.h"

namespace leibniz {

/// Reads the text syntax: "x^2*sin(y)", "d/dx x^3", "e^x", "pi". Error{Parse} with pos().
Expr parse(std::string_view text);
/// Reads LaTeX: "\frac{x^2}{2} + \sin x", "\frac{d}{dx} x^3", "\int_0^1 x \, dx".
Expr parse_latex(std::string_view latex);

/// The derivative by one variable, simplified.
Expr diff(const Expr& e, std::string_view var);
/// The derivative by each variable in turn: diff(e, {"x", "y"}) is ∂²e/∂y∂x.
Expr diff(const Expr& e, std::initializer_list<std::string_view> vars);

/// An antiderivative, verified by differentiation; Error{Unsupported} when leibniz finds
/// none it can verify.
Expr integrate(const Expr& e, std::string_view var);

/// The simplest form leibniz finds (expanded, collected, cancelled).
Expr simplify(const Expr& e);

/// The text syntax, which parse() reads back: "2*x*sin(y)".
std::string to_text(const Expr& e);
/// LaTeX, which parse_latex() reads back.
std::string to_latex(const Expr& e);

/// The value in double precision with the variables bound by name; Error{Request} for a
/// variable without a value, Error{Domain} where the expression is undefined (ln(-1)).
double evaluate(const Expr& e, const std::map<std::string, double>& bindings);

}  // namespace leibniz
