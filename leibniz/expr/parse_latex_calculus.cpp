// The calculus in LaTeX: \frac{d}{dx} T, \frac{d^2}{dx^2} T, \frac{\partial^2}{\partial x
// \partial y} T and \frac{d f}{dx} (T: the term that follows, up to the next + or -), and
// \int f \, dx, \int_a^b f \, dx. The caller's Differentiate and Integrate compute them.
#include <fmt/format.h>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/parse_latex_parser.h"
#include "leibniz/expr/print.h"

namespace leibniz::latex {

Parser::Parser(std::vector<Tok> tokens, const Differentiate& differentiate,
               const Integrate& integrate, const std::vector<std::string>& functions)
    : t_(std::move(tokens)),
      closing_(t_.size(), t_.size() - 1),
      differentiate_(differentiate),
      integrate_(integrate),
      functions_(functions) {
  // The '}' or ')' of each '{' and '(', found once: looking ahead at \frac{d}{dx} or at
  // \sin{\left(x\right)} costs nothing then.
  std::vector<std::size_t> braces, parentheses;
  for (std::size_t k = 0; k < t_.size(); ++k) {
    const T kind = t_[k].kind;
    std::vector<std::size_t>& open = kind == T::LBrace || kind == T::RBrace ? braces : parentheses;
    if (kind == T::LBrace || kind == T::LParen) open.push_back(k);
    if ((kind == T::RBrace || kind == T::RParen) && !open.empty()) {
      closing_[open.back()] = k;
      open.pop_back();
    }
  }
}

// The tokens of a d, \partial or \mathrm{d} at peek(ahead): 1 or 4, 0 if none.
std::size_t Parser::differential_marker(std::size_t ahead) const {
  if ((peek(ahead).kind == T::Letter && peek(ahead).text == "d") || is_command(ahead, "partial")) {
    return peek(ahead + 1).kind == T::Underscore ? 0 : 1;  // d_1 is a name
  }
  if ((is_command(ahead, "mathrm") || is_command(ahead, "operatorname")) &&
      peek(ahead + 1).kind == T::LBrace && peek(ahead + 2).kind == T::Letter &&
      peek(ahead + 2).text == "d" && peek(ahead + 3).kind == T::RBrace) {
    return 4;
  }
  return 0;
}

namespace {

// An error of the caller's calculus, placed at the operator that asked for it.
Error located(const Error& e, std::size_t pos) {
  return e.pos() ? e : Error(e.kind(), e.what(), pos);
}

bool starts_variable(const Tok& t) {
  if (t.kind == T::Letter) return true;
  return t.kind == T::Command && (is_latex_greek(t.text) || t.text == "hat" || t.text == "bar" ||
                                  t.text == "tilde" || t.text == "mathrm" || t.text == "mathit");
}

}  // namespace

// peek(ahead) is the '{' after \frac: {d ...}{d x ...} or {\partial ...}{\partial x ...}.
bool Parser::at_derivative_operator(std::size_t ahead) const {
  if (peek(ahead).kind != T::LBrace || differential_marker(ahead + 1) == 0) return false;
  const std::size_t close = closing_[std::min(i_ + ahead, t_.size() - 1)];
  const std::size_t denominator = close + 1 - i_;
  if (peek(denominator).kind != T::LBrace) return false;
  const std::size_t m = differential_marker(denominator + 1);
  return m > 0 &&
         (starts_variable(peek(denominator + 1 + m)) || starts_parenthesis(denominator + 1 + m));
}

Expr Parser::derivative_operator(const Tok& frac) {
  next();  // '{'
  for (std::size_t m = differential_marker(0); m > 0; --m) next();
  const long order = accept(T::Caret) ? derivative_order() : 1;
  std::optional<Expr> body;
  if (peek().kind != T::RBrace) {
    const Group scope(*this);
    // \frac{\partial \psi}{\partial x}(x): a declared function's bare name is no misuse.
    const bool label = in_label_;
    in_label_ = lone_name_ahead();
    body = sum();
    in_label_ = label;
  }
  if (!accept(T::RBrace)) {
    fail("expected '}' after the numerator of the derivative", peek().pos);
  }
  next();  // '{', as at_derivative_operator saw
  std::vector<Expr> vars;
  while (!accept(T::RBrace)) {
    const std::size_t m = differential_marker(0);
    if (m == 0) {
      fail(fmt::format("expected 'dx' or '\\partial x' in the denominator of a derivative, "
                       "found {}",
                       describe(peek())),
           peek().pos);
    }
    for (std::size_t k = 0; k < m; ++k) next();
    // \partial \left(x y\right): the argument x y of f(x y, x + y) (call.h).
    const Expr var = starts_parenthesis(0) ? primary() : derivative_variable();
    const long times = accept(T::Caret) ? derivative_order() : 1;
    if (static_cast<long>(vars.size()) + times > 100) {
      fail("the order of a derivative must be a whole number from 1 to 100", frac.pos);
    }
    for (long k = 0; k < times; ++k) vars.push_back(var);
  }
  if (static_cast<long>(vars.size()) != order) {
    fail(fmt::format("the derivative's order {} in the numerator is not the {} of its "
                     "denominator",
                     order, vars.size()),
         frac.pos);
  }
  // \frac{\partial f}{\partial g}(g(x, y), h(x, y)), \frac{df}{dx}(t): the derivative of
  // the function f, taken at the arguments that follow.
  if (body && body->is(Kind::Symbol) && at_call_of(body->name())) {
    return derivative_at_arguments(frac, call_arguments(body->name()), vars);
  }
  Expr target;
  if (body) {
    target = *body;
  } else if (starts_factor() || peek().kind == T::Minus || peek().kind == T::Plus) {
    target = product();  // \frac{d}{dx} x \sin x: the whole term
  } else {
    fail("nothing to differentiate after the derivative operator", peek().pos);
  }
  if (!differentiate_) {
    throw Error(ErrorKind::Unsupported, "a derivative cannot be evaluated here", frac.pos);
  }
  // ∂²/∂x∂y T = ∂/∂x (∂T/∂y): the last variable first.
  try {
    for (auto var = vars.rbegin(); var != vars.rend(); ++var) {
      // Of an undefined function, as the printer means it (call.h): ∂g(x, y)/∂x, ∂f/∂g.
      Expr partial = derivative_by_label(target, *var);
      if (partial.is_null() && !var->is(Kind::Symbol)) {
        fail(fmt::format("\\partial ({}) names no argument of a function alone", print_text(*var)),
             frac.pos);
      }
      if (partial.is_null() && names_a_function_in(target, *var)) {
        fail(fmt::format("'{}' is a function here: \\partial {} names the argument {}(…) of a "
                         "function only, as in \\frac{{\\partial f(g(x), h(x))}}{{\\partial g}}",
                         var->name(), var->name(), var->name()),
             frac.pos);
      }
      target = partial.is_null() ? differentiate_(target, *var) : partial;
    }
  } catch (const Error& e) {
    throw located(e, frac.pos);
  }
  return target;
}

Expr Parser::derivative_at_arguments(const Tok& frac, Expr target, const std::vector<Expr>& vars) {
  for (auto var = vars.rbegin(); var != vars.rend(); ++var) {
    Expr partial = derivative_by_label(target, *var);
    if (partial.is_null() && target.args().size() == 1) {
      partial = call_derivative(target, 0);  // df/dx (t) is f'(t)
    }
    if (partial.is_null()) {
      fail(fmt::format("'{}' names no argument of {}(…) alone: write the derivative as "
                       "\\frac{{\\partial {}(x, y)}}{{\\partial x}}",
                       print_text(*var), call_name(target), call_name(target)),
           frac.pos);
    }
    target = partial;
  }
  return target;
}

bool Parser::starts_parenthesis(std::size_t ahead) const {
  return peek(ahead).kind == T::LParen ||
         (is_command(ahead, "left") && peek(ahead + 1).kind == T::LParen);
}

// True if the group ahead, up to its '}', is one name: x, \psi, \mathrm{net}.
bool Parser::lone_name_ahead() const {
  const std::size_t next_kind =
      peek().kind == T::Letter || (peek().kind == T::Command && is_latex_greek(peek().text)) ? 1
                                                                                             : 0;
  if (next_kind == 1) return peek(1).kind == T::RBrace;
  if ((is_command(0, "mathrm") || is_command(0, "mathit")) && peek(1).kind == T::LBrace) {
    const std::size_t close = closing_[std::min(i_ + 1, t_.size() - 1)];
    return close + 1 < t_.size() && t_[close + 1].kind == T::RBrace;
  }
  return false;
}

Expr Parser::derivative_variable() {
  const Tok t = peek();
  if (!starts_variable(t)) {
    fail(fmt::format("expected a variable after the 'd', found {}", describe(t)), t.pos);
  }
  // \partial g labels the argument g(…) of f(g(…), …), declared functions too.
  const bool label = in_label_;
  in_label_ = true;
  const Expr var = primary();
  in_label_ = label;
  if (!var.is(Kind::Symbol)) fail("expected a variable after the 'd'", t.pos);
  return var;
}

long Parser::derivative_order() {
  const std::size_t pos = peek().pos;
  const Expr n = script();
  const auto order = n.is_number() ? n.number().to_long() : std::nullopt;
  if (!order || *order < 1 || *order > 100) {
    fail("the order of a derivative must be a whole number from 1 to 100", pos);
  }
  return *order;
}

// In an integrand, d (or \mathrm{d}) followed by a variable is the differential.
bool Parser::at_differential() const {
  if (!in_integral_ || is_command(0, "partial")) return false;
  const std::size_t m = differential_marker(0);
  return m > 0 && starts_variable(peek(m));
}

// Outside an integral, "x^2 \, dx", "x^2 dx" and \mathrm{d}x are differentials all the
// same: never a product with d.
bool Parser::at_stray_differential() const {
  if (in_integral_ || is_command(0, "partial")) return false;
  const std::size_t m = differential_marker(0);
  if (m == 0 || !starts_variable(peek(m))) return false;
  if (m == 4 || peek().spaced) return true;
  // "x^2 dx": a d set apart, whose variable ends the term.
  switch (peek(m + 1).kind) {
    case T::End:
    case T::Plus:
    case T::Minus:
    case T::Equals:
    case T::RParen:
    case T::RBrace:
    case T::RBracket:
    case T::Comma: return peek().blank && i_ > 0;
    default: return false;
  }
}

Expr Parser::integral(const Tok& t) {
  Expr lower, upper;
  for (int k = 0; k < 2; ++k) {
    if (lower.is_null() && accept(T::Underscore)) {
      lower = script();
    } else if (upper.is_null() && accept(T::Caret)) {
      upper = script();
    }
  }
  if (lower.is_null() != upper.is_null()) {
    fail("a definite integral needs both bounds: \\int_a^b", t.pos);
  }
  Expr integrand, var;
  {
    const Group scope(*this);
    in_integral_ = true;
    integrand = at_differential() ? integer(1) : sum();
    if (!at_differential()) {
      fail(fmt::format("expected the differential that ends the integral, such as '\\, dx', "
                       "found {}",
                       describe(peek())),
           peek().pos);
    }
    for (std::size_t m = differential_marker(0); m > 0; --m) next();
    in_integral_ = false;
    var = derivative_variable();
  }
  if (lower.is_null()) {
    if (!indefinite_variable_.is_null() && indefinite_variable_ != var) {
      throw Error(ErrorKind::Unsupported,
                  "indefinite integrals over two variables: each is known only up to its own "
                  "constant",
                  t.pos);
    }
    indefinite_variable_ = var;
  }
  if (!integrate_) {
    throw Error(ErrorKind::Unsupported, "an integral cannot be evaluated here", t.pos);
  }
  try {
    return integrate_(integrand, var, lower, upper);
  } catch (const Error& e) {
    throw located(e, t.pos);
  }
}

}  // namespace leibniz::latex
