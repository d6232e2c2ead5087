// The commands of parse_latex: functions (\sin^2 x, \sin^{-1} x, \log_2 x, \sin \cos
// \theta), names (w_1, h_{\theta}, \hat{y}, \mathrm{loss}) and the labels of a chain.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/domain_witnesses.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/parse_latex_parser.h"
#include "leibniz/expr/root_sum.h"

namespace leibniz::latex {
namespace {
// The function of a command: \log is the natural logarithm, as log is in the text syntax.
std::optional<Fn> latex_function(const std::string& name) {
  if (name == "log") return Fn::Ln;
  return function_by_name(name);
}

// \sin^{-1} x is asin x, never 1/sin x; \sinh^{-1} x is asinh x.
std::optional<Fn> inverse(Fn fn) {
  switch (fn) {
    case Fn::Sin: return Fn::Asin;
    case Fn::Cos: return Fn::Acos;
    case Fn::Tan: return Fn::Atan;
    case Fn::Cot: return Fn::Acot;
    case Fn::Sec: return Fn::Asec;
    case Fn::Csc: return Fn::Acsc;
    case Fn::Sinh: return Fn::Asinh;
    case Fn::Cosh: return Fn::Acosh;
    case Fn::Tanh: return Fn::Atanh;
    case Fn::Coth: return Fn::Acoth;
    case Fn::Sech: return Fn::Asech;
    case Fn::Csch: return Fn::Acsch;
    default: return std::nullopt;
  }
}

}  // namespace

// A name with an optional subscript: x, w_1, w_{P_1 x_1}, h_{\theta}, \hat{y}_t.
Expr Parser::name(const std::string& base) {
  if (!accept(T::Underscore)) return symbol(base);
  return symbol(latex_variable_name(base, subscript_text()));
}

std::string Parser::subscript_text() {
  if (peek().kind != T::LBrace) {
    const Tok t = next();
    if (t.kind == T::Number && t.text.size() != 1) {
      fail(fmt::format("write '{}' in braces after '_': _{{{}}}", shown(t.text), shown(t.text)),
           t.pos);
    }
    if (t.kind == T::Number || t.kind == T::Letter) return t.text;
    if (t.kind == T::Command && is_latex_greek(t.text)) return t.text;
    fail(fmt::format("expected a subscript, found {}", describe(t)), t.pos);
  }
  const Tok open = next();
  std::string text;
  for (int depth = 1; depth > 0; next()) {
    const Tok& t = peek();
    switch (t.kind) {
      case T::End: expected_close("}", open);
      case T::LBrace: ++depth; break;
      case T::RBrace: --depth; break;
      case T::Letter:
      case T::Minus:
      case T::Plus:
      case T::Comma:
      case T::Underscore: text += t.text; break;
      default:
        if (t.kind == T::Number && t.text.find('.') == std::string::npos) {
          text += t.text;
        } else if (t.kind == T::Command && (is_latex_greek(t.text) || t.text == "_")) {
          text += t.text;
        } else {
          fail(fmt::format("{} cannot be part of a subscript", describe(t)), t.pos);
        }
    }
  }
  return text;
}

// The name in braces after \mathrm, \mathit or \operatorname: letters, digits and _.
std::string Parser::braced_name(const Tok& t) {
  if (peek().kind != T::LBrace) fail(fmt::format("'\\{}' needs a name in braces", t.text), t.pos);
  const Tok open = next();
  std::string text;
  while (peek().kind != T::RBrace) {
    const Tok& c = peek();
    if (c.kind == T::Letter || c.kind == T::Underscore ||
        (c.kind == T::Number && c.text.find('.') == std::string::npos)) {
      text += c.text;
    } else if (c.kind == T::Command && c.text == "_") {
      text += "_";
    } else if (c.kind == T::End) {
      expected_close("}", open);
    } else {
      fail(fmt::format("{} cannot be part of a name", describe(c)), c.pos);
    }
    next();
  }
  next();
  if (text.empty() || std::isdigit(static_cast<unsigned char>(text[0]))) {
    fail(fmt::format("'{}' is not a name", text), open.pos);
  }
  return text;
}

Expr Parser::command(const Tok& t) {
  Depth depth(*this);
  const std::string& c = t.text;
  if (c == "frac" || c == "dfrac" || c == "tfrac") return fraction(t);
  if (c == "sqrt") return square_root(t);
  if (c == "left") return left(t);
  if (c == "int") return integral(t);
  if (c == "pi") return peek().kind == T::Underscore ? name("pi") : pi_constant();
  if (c == "exp") return apply(t, std::nullopt, [](const Expr& u) { return exp(u); });
  if (c == "lg") {  // ISO 80000-2: lg is the logarithm to base 10
    return apply(t, std::nullopt,
                 [](const Expr& u) { return div(func(Fn::Ln, u), func(Fn::Ln, integer(10))); });
  }
  if (c == "log" && accept(T::Underscore)) {  // \log_2 x, \log_{10} x, \log_b x
    const Expr base =
        peek().kind == T::LBrace ? braced() : one_token_argument("\\log_", "the base");
    return apply(t, std::nullopt,
                 [base](const Expr& u) { return div(func(Fn::Ln, u), func(Fn::Ln, base)); });
  }
  if (c == "hat" || c == "bar" || c == "tilde") return accent(t);
  if (is_latex_greek(c) && at_call_of(c)) return call_arguments(c);  // a declared \psi(t)
  if (is_latex_greek(c) && peek().kind != T::Underscore) refuse_uncalled(c, "\\" + c, t.pos);
  if (c == "operatorname") return operator_name(t);
  if (c == "mathrm" || c == "mathit") return upright(t);
  if (c == "sigma") {
    std::optional<std::string> sub;
    if (accept(T::Underscore)) sub = subscript_text();  // σ_1(z): the notes number sigmoids
    if (peek().kind == T::LParen || is_command(0, "left")) {
      return apply(t, Fn::Sigmoid, [](const Expr& u) { return func(Fn::Sigmoid, u); });
    }
    return symbol(sub ? latex_variable_name("sigma", *sub) : "sigma");
  }
  if (const auto fn = latex_function(c)) {
    return apply(t, fn, [fn](const Expr& u) { return func(*fn, u); });
  }
  if (is_latex_greek(c)) return name(c);
  if (c == "infty") {
    fail(
        "'\\infty' is no number: for an improper integral, leibniz integrate with --to inf "
        "gives its value",
        t.pos);
  }
  fail(fmt::format("unknown command '\\{}'", c), t.pos);
}

// \hat{y} is the name yhat, \bar{x} xbar; \hat{y}_t is yhat_t.
Expr Parser::accent(const Tok& t) {
  const bool braces = accept(T::LBrace);
  std::string inner;
  if (peek().kind == T::Command && is_latex_greek(peek().text)) {
    inner = next().text;
  } else {
    while (peek().kind == T::Letter || (braces && peek().kind == T::Number)) {
      inner += next().text;
      if (!braces) break;
    }
  }
  if (inner.empty() || std::isdigit(static_cast<unsigned char>(inner[0]))) {
    fail(fmt::format("expected a letter after '\\{}', found {}", t.text, describe(peek())),
         peek().pos);
  }
  if (braces && !accept(T::RBrace)) {
    fail(fmt::format("expected '}}' after '\\{}{{{}'", t.text, inner), peek().pos);
  }
  return name(inner + t.text);
}

// \mathrm{loss} and \mathit{w1} are names; \mathrm{e} is e, \mathrm{sin} the function.
Expr Parser::upright(const Tok& t) {
  const std::string text = braced_name(t);
  if (peek().kind == T::Underscore) return name(text);
  if (text == "e") return e_constant();
  if (text == "d") {
    stray_differential(t.pos);
  }
  if (is_reserved_name(text) || text == "lg") return command(Tok{T::Command, t.pos, text});
  if (at_call_of(text)) return call_arguments(text);  // a declared \mathrm{net}(x)
  refuse_uncalled(text, "\\" + t.text + "{" + text + "}", t.pos);
  return symbol(text);
}

Expr Parser::operator_name(const Tok& t) {
  const std::string fname = braced_name(t);
  const Tok shown{T::Command, t.pos, "operatorname{" + fname + "}"};
  if (fname == "exp" || fname == "lg") return command(Tok{T::Command, t.pos, fname});
  const auto fn = latex_function(fname);
  if (!fn && fname != "e" && fname != "d" && at_parenthesis_after_primes()) {
    if (fname == "diff" && peek().kind != T::Prime) return diff_arguments(t);
    if (fname == "rootsum" && peek().kind != T::Prime) {
      std::optional<DomainWitnesses::Pause> bound(std::in_place);  // root_sum.h
      const Expr parts = call_arguments(fname);
      bound.reset();
      return root_sum_read(parts.args(), t.pos);
    }
    return call_arguments(fname);  // \operatorname{psi}(t): an undefined function
  }
  if (!fn) fail(fmt::format("unknown function '{}'", fname), t.pos);
  return apply(shown, fn, [fn](const Expr& u) { return func(*fn, u); });
}

// f^2 x is f(x)^2, f^{-2} x is 1/f(x)^2, and f^{-1} x the inverse function (\sin^{-1} x
// = asin x), as SymPy and the textbooks write them; the power
// after a parenthesised argument, \sin(x)^2, is the power of the value: power() takes it.
Expr Parser::apply(const Tok& t, std::optional<Fn> fn,
                   const std::function<Expr(const Expr&)>& build) {
  std::optional<Expr> exponent;
  if (accept(T::Caret)) exponent = script();
  if (exponent && exponent->is_number() && exponent->number().is_minus_one()) {
    const std::optional<Fn> inv = fn ? inverse(*fn) : std::nullopt;
    if (!inv) {
      fail(fmt::format("'\\{}^{{-1}}' would be the inverse function of '\\{}', which is not "
                       "available; for the reciprocal write \\frac{{1}}{{\\{} x}}",
                       t.text, t.text, t.text),
           t.pos);
    }
    return func(*inv, function_argument(t));
  }
  const Expr value =
      fn && function_info(*fn).arity() == 2 ? two_arguments(*fn) : build(function_argument(t));
  return exponent ? pow(value, *exponent) : value;
}

// \max(a, b) and \max\left(a, b\right): two arguments, always in parentheses.
Expr Parser::two_arguments(Fn fn) {
  const std::string_view name = function_info(fn).name;
  const bool left = is_command(0, "left");
  if (left) next();
  if (!accept(T::LParen)) {
    fail(fmt::format("'{}' needs two arguments in parentheses: \\{}(a, b)", name, name),
         peek().pos);
  }
  Expr a = sum();
  if (!accept(T::Comma)) {
    fail(fmt::format("expected ',' between the two arguments of '{}'", name), peek().pos);
  }
  Expr b = sum();
  if (left) {
    if (!is_command(0, "right")) fail("expected '\\right)' to close '\\left('", peek().pos);
    next();
  }
  if (!accept(T::RParen)) {
    fail(fmt::format("expected ')' after the arguments of '{}'", name), peek().pos);
  }
  return func(fn, a, b);
}

// An undefined function (spec §1 v2): g(x, y), g\left(x, y\right), \operatorname{psi}(t).
// \operatorname{diff}(f(x, x), 1), \operatorname{diff}(f(g, h), g): the derivative of an
// undefined function in an argument that is no variable, as print_latex writes it and
// as the text syntax's diff reads it (call.h).
Expr Parser::diff_arguments(const Tok& t) {
  const Expr parts = call_arguments("diff");  // a call named diff holds the arguments
  if (parts.args().size() < 2) fail("'diff' needs an expression and a variable", t.pos);
  Expr e = parts.arg(0);
  for (std::size_t i = 1; i < parts.args().size(); ++i) {
    const Expr& wrt = parts.arg(i);
    if (e.is(Kind::Call) && wrt.is_integer()) {
      const auto k = wrt.number().to_long();
      if (!k || *k < 1 || static_cast<std::size_t>(*k) > e.args().size()) {
        fail(fmt::format("'{}' has no argument {}", call_name(e), wrt.number().to_string()), t.pos);
      }
      e = call_derivative(e, static_cast<std::size_t>(*k - 1));
      continue;
    }
    if (Expr partial = derivative_by_label(e, wrt); !partial.is_null()) {
      e = partial;
      continue;
    }
    if (names_a_function_in(e, wrt)) {
      fail(fmt::format("'{}' is a function here: diff names the argument {}(…) of a function "
                       "only, as in diff(f(g(x), h(x)), g)",
                       wrt.name(), wrt.name()),
           t.pos);
    }
    if (!wrt.is(Kind::Symbol)) {
      fail(
          "diff differentiates with respect to a variable, an argument of a function call or "
          "its place",
          t.pos);
    }
    if (!differentiate_) {
      throw Error(ErrorKind::Unsupported, "a derivative cannot be evaluated here", t.pos);
    }
    e = differentiate_(e, wrt);
  }
  return e;
}

// At the parenthesis after `fname` (or its primes, g'(x)), which is an undefined
// function: f, g, F, G or a declared name.
bool Parser::at_call_of(const std::string& fname) const {
  if (!at_parenthesis_after_primes()) return false;
  if (fname == "f" || fname == "g" || fname == "F" || fname == "G") return true;
  return std::find(functions_.begin(), functions_.end(), fname) != functions_.end();
}

bool Parser::at_parenthesis_after_primes() const {
  std::size_t k = 0;
  while (peek(k).kind == T::Prime) ++k;
  return peek(k).kind == T::LParen || (is_command(k, "left") && peek(k + 1).kind == T::LParen);
}

// A declared function is no variable (spec §1 v2): \psi x is refused, as psi x is.
void Parser::refuse_uncalled(const std::string& fname, const std::string& written,
                             std::size_t pos) const {
  if (in_label_ || std::find(functions_.begin(), functions_.end(), fname) == functions_.end()) {
    return;
  }
  fail(fmt::format("function '{}' needs its arguments in parentheses: {}(x)", fname, written), pos);
}

Expr Parser::call_arguments(const std::string& fname) {
  const std::size_t at = peek().pos;
  std::size_t primes = 0;  // g'(x^2), g''(x): of a function of one argument
  while (accept(T::Prime)) ++primes;
  const bool left = is_command(0, "left");
  if (left) next();
  if (!accept(T::LParen)) {
    fail(fmt::format("'{}' needs its arguments in parentheses", fname), peek().pos);
  }
  std::vector<Expr> args{sum()};
  while (accept(T::Comma)) {
    // \operatorname{diff}(f(\psi(x), y), \psi): a declared function's name labels its argument.
    const bool label = in_label_;
    in_label_ = label || fname == "diff";
    args.push_back(sum());
    in_label_ = label;
  }
  if (left) {
    if (!is_command(0, "right")) fail("expected '\\right)' to close '\\left('", peek().pos);
    next();
  }
  if (!accept(T::RParen)) {
    fail(fmt::format("expected ')' after the arguments of '{}'", fname), peek().pos);
  }
  if (primes > 0 && args.size() != 1) {
    fail(fmt::format("{}' is the derivative of a function of one argument; {} takes {}: write "
                     "\\frac{{\\partial {}(x, y)}}{{\\partial x}}",
                     fname, fname, args.size(), fname),
         at);
  }
  return call(fname, args, std::vector<std::size_t>(primes, 0));
}

// The argument of \sin without parentheses: \sin x, \ln 2x, \sin \cos \theta,
// \arctan\frac{y}{x}, \sin 30^\circ: the atoms juxtaposed after it.
bool Parser::starts_function_atom() const {
  if (at_differential()) return false;
  switch (peek().kind) {
    case T::Number:
    case T::Letter: return true;
    case T::Command: {
      const std::string& c = peek().text;
      if (c == "frac" || c == "dfrac" || c == "tfrac") return !at_derivative_operator(1);
      return is_latex_greek(c) || c == "pi" || c == "sqrt" || c == "hat" || c == "bar" ||
             c == "tilde" || c == "mathrm" || c == "mathit";
    }
    default: return false;
  }
}

// At '{': is the group a parenthesis in braces, {(x)} or {\left(x\right)}?
bool Parser::braces_parentheses() const {
  const std::size_t close = closing_[std::min(i_, t_.size() - 1)];
  if (close < i_ + 3) return false;
  const std::size_t last = close - i_ - 1;  // the token before the '}'
  const std::size_t open = peek(1).kind == T::LParen ? 1 : 2;
  if (peek(open).kind != T::LParen || (open == 2 && !is_command(1, "left"))) return false;
  return closing_[i_ + open] == i_ + last;  // one group: {(a)(b)} is not
}

Expr Parser::function_argument(const Tok& t) {
  if (peek().kind == T::LParen || peek().kind == T::LBracket || is_command(0, "left")) {
    return primary();
  }
  // \sin{\left(x\right)}^{2} (SymPy's LaTeX) shows as \sin(x)^2: the power of the value.
  if (peek().kind == T::LBrace && braces_parentheses()) return primary();
  if (peek().kind == T::LBrace || peek().kind == T::Bar) return power();
  if (peek().kind == T::Command) {  // a function applied to a function: \sin \cos \theta
    const std::string& c = peek().text;
    if (latex_function(c) || c == "exp" || c == "lg" || c == "operatorname" ||
        (c == "sigma" && (peek(1).kind == T::LParen || is_command(1, "left")))) {
      return power();
    }
  }
  std::vector<Expr> factors;
  while (starts_function_atom()) factors.push_back(factors.empty() ? power() : juxtaposed());
  if (factors.empty()) fail(fmt::format("'\\{}' needs an argument", t.text), peek().pos);
  return mul(factors);
}

bool Parser::is_label() {
  const std::size_t saved = i_;
  if (peek().kind == T::Letter && peek(1).kind == T::LParen) {
    std::size_t k = 2;
    bool names = true;
    while (peek(k).kind != T::RParen && peek(k).kind != T::End) {
      names &= peek(k).kind == T::Letter || peek(k).kind == T::Comma;
      ++k;
    }
    if (names && peek(k).kind == T::RParen && peek(k + 1).kind == T::End) return true;
  }
  // \frac{\partial f}{\partial x} or \frac{df}{dx} with f a bare name.
  bool label = false;
  if (is_command(0, "frac")) {
    next();
    std::size_t m = 0;
    if (accept(T::LBrace) && (m = differential_marker(0)) > 0) {
      for (std::size_t k = 0; k < m; ++k) next();
      if (skip_name()) {
        while (peek().kind == T::Prime) next();
        label = accept(T::RBrace) && accept(T::LBrace) && (m = differential_marker(0)) > 0;
        if (label) {
          for (std::size_t k = 0; k < m; ++k) next();
          label = skip_name() && accept(T::RBrace) && peek().kind == T::End;
        }
      }
    }
  }
  i_ = saved;
  return label;
}

// A variable as the notes write it: x, w_1, \hat{y}, \hat{y}_t, \theta.
bool Parser::skip_name() {
  if (is_command(0, "hat")) {
    next();
    skip_group_or_token();
  } else if (peek().kind == T::Letter ||
             (peek().kind == T::Command && is_latex_greek(peek().text))) {
    next();
  } else {
    return false;
  }
  if (accept(T::Underscore)) skip_group_or_token();
  return true;
}

void Parser::skip_group_or_token() {
  if (peek().kind != T::LBrace) {
    next();
    return;
  }
  int depth = 0;
  do {
    if (peek().kind == T::LBrace) ++depth;
    if (peek().kind == T::RBrace) --depth;
    if (peek().kind == T::End) return;
    next();
  } while (depth > 0);
}

}  // namespace leibniz::latex
