// The grammar of parse_latex (parse_latex_parser.h) and the public entry points.
#include "leibniz/expr/parse_latex.h"

#include <fmt/format.h>

#include <cctype>
#include <stdexcept>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/parse_latex_parser.h"

namespace leibniz {
namespace latex {
namespace {

// The function of a command: \log is the natural logarithm, as log is in the text syntax.
std::optional<Fn> latex_function(const std::string& name) {
  if (name == "log") return Fn::Ln;
  return function_by_name(name);
}

// \sin^{-1} x is asin x, never 1/sin x.
std::optional<Fn> inverse(Fn fn) {
  switch (fn) {
    case Fn::Sin: return Fn::Asin;
    case Fn::Cos: return Fn::Acos;
    case Fn::Tan: return Fn::Atan;
    case Fn::Cot: return Fn::Acot;
    case Fn::Sec: return Fn::Asec;
    case Fn::Csc: return Fn::Acsc;
    default: return std::nullopt;
  }
}

bool looks_negative(const Expr& e) {
  if (e.is_number()) return e.number().is_negative();
  return e.is(Kind::Mul) && e.arg(0).is_number() && e.arg(0).number().is_negative();
}

// A number in a message: 1234567890123456789012... rather than all of its digits.
std::string shown(const std::string& number) {
  return number.size() <= 24 ? number : number.substr(0, 24) + "...";
}

Expr degrees(const Expr& e) { return mul(e, div(pi_constant(), integer(180))); }

}  // namespace

Parser::Depth::Depth(Parser& p) : parser(p) {
  if (++parser.depth_ > limits().max_nesting) {
    throw Error(ErrorKind::Limit,
                fmt::format("the expression is nested deeper than the limit of {} levels",
                            limits().max_nesting),
                parser.peek().pos);
  }
}

bool Parser::accept(T kind) {
  if (peek().kind != kind) return false;
  next();
  return true;
}

std::string Parser::describe(const Tok& t) {
  switch (t.kind) {
    case T::End: return "the end of the input";
    case T::Command: return "'\\" + t.text + "'";
    default: return "'" + t.text + "'";
  }
}

void Parser::fail(const std::string& message, std::size_t pos) {
  throw Error(ErrorKind::Parse, message, pos);
}

void Parser::expected_close(const char* close, const Tok& open) const {
  fail(fmt::format("expected '{}' to close '{}' opened at column {}", close, open.text,
                   open.pos + 1),
       peek().pos);
}

Expr Parser::parse_all() {
  if (peek().kind == T::End) fail("empty expression", 0);
  Expr e = sum();
  if (peek().kind != T::End) fail(fmt::format("unexpected {}", describe(peek())), peek().pos);
  return e;
}

Expr Parser::sum() { return mul(sum_factors()); }

// A sum, or the factors of a product kept apart: \frac{1}{2 \left(z + 1\right)} is
// 2^-1 (z + 1)^-1, the node it was printed from, not (2 z + 2)^-1.
std::vector<Expr> Parser::sum_factors() {
  std::vector<Expr> first = product_factors();
  if (peek().kind != T::Plus && peek().kind != T::Minus) return first;
  std::vector<Expr> terms{mul(first)};
  while (peek().kind == T::Plus || peek().kind == T::Minus) {
    const bool minus = next().kind == T::Minus;
    Expr t = product();
    terms.push_back(minus ? neg(t) : t);
  }
  return {add(terms)};
}

bool Parser::starts_factor() const {
  switch (peek().kind) {
    case T::Number:
    case T::Letter:
    case T::LBrace:
    case T::LParen:
    case T::LBracket: return true;
    case T::Bar: return bars_ == 0;  // |x||y|: inside |...| a bar closes it
    case T::Command: {
      const std::string& c = peek().text;
      return c != "cdot" && c != "times" && c != "right" && c != "div";
    }
    default: return false;
  }
}

Expr Parser::product() { return mul(product_factors()); }

std::vector<Expr> Parser::product_factors() {
  std::vector<Expr> factors = signed_factors();
  auto append = [&factors](std::vector<Expr> more) {
    factors.insert(factors.end(), more.begin(), more.end());
  };
  while (!at_differential()) {
    if (is_command(0, "cdot") || is_command(0, "times") || peek().kind == T::Star) {
      next();
      append(signed_factors());
    } else if (peek().kind == T::Slash || is_command(0, "div")) {
      const Tok op = next();
      for (const Expr& d : signed_factors()) {
        if (d.is_zero()) throw Error(ErrorKind::Domain, "division by zero", op.pos);
        factors.push_back(pow(d, integer(-1)));
      }
    } else if (starts_factor()) {
      factors.push_back(juxtaposed());  // 2xy, (3x)(4y^2)
    } else {
      break;
    }
  }
  return factors;
}

// A factor written right after another. Two numbers side by side are refused: TeX shows
// 2 3 as 23, and 1\,000 is a thousand, not 1·0.
Expr Parser::juxtaposed() {
  if (peek().kind == T::Number && i_ > 0 && t_[i_ - 1].kind == T::Number) {
    fail(fmt::format("a number right after a number: write {} \\cdot {} for a product",
                     shown(t_[i_ - 1].text), shown(peek().text)),
         peek().pos);
  }
  return power();
}

// A sign is a factor -1 of its own: -\left(a + b\right) c is the node -(a + b)*c it was
// printed from, not (-a - b) c.
std::vector<Expr> Parser::signed_factors() {
  const Depth depth(*this);
  if (accept(T::Minus)) {
    std::vector<Expr> factors = signed_factors();
    factors.insert(factors.begin(), integer(-1));
    return factors;
  }
  if (accept(T::Plus)) return signed_factors();
  return {power()};
}

Expr Parser::power() {
  const std::size_t start = peek().pos;
  Expr base = primary();
  while (true) {
    if (is_command(0, "degree")) {
      next();
      base = degrees(base);
      continue;
    }
    if (peek().kind != T::Caret) break;
    if (is_command(1, "circ")) {  // x^\circ: degrees
      next(), next();
      base = degrees(base);
      continue;
    }
    if (peek(1).kind == T::LBrace && is_command(2, "circ") && peek(3).kind == T::RBrace) {
      for (int k = 0; k < 4; ++k) next();
      base = degrees(base);
      continue;
    }
    const Tok caret = next();
    Expr exponent = script();
    try {
      base = pow(base, exponent);
    } catch (const Error& e) {
      throw Error(e.kind(), e.what(),
                  e.pos() ? *e.pos() : (e.kind() == ErrorKind::Limit ? start : caret.pos));
    }
  }
  return base;
}

Expr Parser::primary() {
  Depth depth(*this);
  if (at_differential()) fail("expected the integrand before its differential", peek().pos);
  if (at_stray_differential()) {
    fail("a differential such as 'dx' is read only at the end of an integral: \\int f \\, dx",
         peek().pos);
  }
  const Tok t = next();
  switch (t.kind) {
    case T::Number: return number_token(t);
    case T::Letter:
      if (t.text == "e" && peek().kind != T::Underscore) return e_constant();
      return name(t.text);
    case T::LBrace: {
      --i_;
      return braced();
    }
    case T::LParen: return group(T::RParen, ")", t);
    case T::LBracket: return group(T::RBracket, "]", t);
    case T::Bar: return absolute_value(t);
    case T::Command: return command(t);
    default: fail(fmt::format("expected an expression, found {}", describe(t)), t.pos);
  }
}

Expr Parser::number_token(const Tok& t) const {
  try {
    return number(Number::parse(t.text));
  } catch (const Error& e) {
    throw Error(e.kind(), e.what(), t.pos);
  } catch (const std::out_of_range&) {  // std::stod, beyond the range of a double
    throw Error(ErrorKind::Domain, "the number is out of the range of a float", t.pos);
  }
}

Expr Parser::braced() { return mul(braced_factors()); }

std::vector<Expr> Parser::braced_factors() {
  const Tok open = next();  // '{'
  if (peek().kind == T::RBrace) fail("expected an expression inside '{}'", peek().pos);
  const Group scope(*this);
  std::vector<Expr> inner = sum_factors();
  if (!accept(T::RBrace)) expected_close("}", open);
  return inner;
}

Expr Parser::group(T close, const char* close_text, const Tok& open) {
  const Group scope(*this);
  Expr inner = sum();
  if (!accept(close)) expected_close(close_text, open);
  return inner;
}

Expr Parser::absolute_value(const Tok& open) {
  const Group scope(*this);
  bars_ = 1;
  Expr inner = sum();
  if (!accept(T::Bar)) expected_close("|", open);
  return func(Fn::Abs, inner);
}

// A superscript: a braced group or one token (x^2, x^n, e^\pi); x^-1 is read as x^{-1}.
Expr Parser::script() {
  Depth depth(*this);
  if (peek().kind == T::LBrace) return braced();
  if (accept(T::Minus)) return neg(script());
  return one_token_argument("^", "an exponent");
}

// TeX's argument of one token: one digit, a letter or a command (x^2, \sqrt2, \log_b).
// x^12 shows as x¹2 in TeX and as x^12 to whoever typed it: it is refused.
Expr Parser::one_token_argument(const char* after, const char* what) {
  const Tok& t = peek();
  switch (t.kind) {
    case T::Number:
      if (t.text.size() != 1) {
        fail(fmt::format("write '{}' in braces after '{}': {}{{{}}}", shown(t.text), after, after,
                         shown(t.text)),
             t.pos);
      }
      return number_token(next());
    case T::Letter: {
      const std::string letter = next().text;
      return letter == "e" ? e_constant() : symbol(letter);
    }
    case T::Command: return command(next());
    default: fail(fmt::format("expected {}, found {}", what, describe(t)), t.pos);
  }
}

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
    fail("a differential such as 'dx' is read only at the end of an integral: \\int f \\, dx",
         t.pos);
  }
  if (is_reserved_name(text) || text == "lg") return command(Tok{T::Command, t.pos, text});
  return symbol(text);
}

Expr Parser::operator_name(const Tok& t) {
  const std::string fname = braced_name(t);
  const Tok shown{T::Command, t.pos, "operatorname{" + fname + "}"};
  if (fname == "exp" || fname == "lg") return command(Tok{T::Command, t.pos, fname});
  const auto fn = latex_function(fname);
  if (!fn) fail(fmt::format("unknown function '{}'", fname), t.pos);
  return apply(shown, fn, [fn](const Expr& u) { return func(*fn, u); });
}

// f^2 x is f(x)^2 and f^{-1} x the inverse function (\sin^{-1} x = asin x); the power
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
  if (exponent && looks_negative(*exponent)) {
    fail(fmt::format("a negative power of '\\{}' is ambiguous: write the power of the value, "
                     "\\left(\\{} x\\right)^{{-2}}",
                     t.text, t.text),
         t.pos);
  }
  const Expr value = build(function_argument(t));
  return exponent ? pow(value, *exponent) : value;
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

Expr Parser::function_argument(const Tok& t) {
  if (peek().kind == T::LParen || peek().kind == T::LBracket || is_command(0, "left")) {
    return primary();
  }
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

Expr Parser::left(const Tok& t) {
  const Tok open = next();
  T close;
  const char* close_text;
  switch (open.kind) {
    case T::LParen:
      close = T::RParen;
      close_text = ")";
      break;
    case T::LBracket:
      close = T::RBracket;
      close_text = "]";
      break;
    case T::LBrace:
      close = T::RBrace;
      close_text = "\\}";
      break;
    case T::Bar:
      close = T::Bar;
      close_text = "|";
      break;
    default: fail("\\left must be followed by (, [, \\{ or |", open.pos);
  }
  const Group scope(*this);
  Expr inner = sum();
  if (!is_command(0, "right")) {
    fail(fmt::format("expected '\\right{}' to close '\\left{}' opened at column {}", close_text,
                     open.kind == T::LBrace ? "\\{" : open.text, t.pos + 1),
         peek().pos);
  }
  next();
  if (!accept(close)) fail(fmt::format("expected '{}' after \\right", close_text), peek().pos);
  return open.kind == T::Bar ? func(Fn::Abs, inner) : inner;
}

Expr Parser::square_root(const Tok& t) {
  std::optional<Expr> index;
  if (peek().kind == T::LBracket) {  // \sqrt[n]{x}
    next();
    const Group scope(*this);
    index = sum();
    if (!accept(T::RBracket)) fail("expected ']' in \\sqrt[n]", peek().pos);
  }
  if (peek().kind == T::End) {
    fail("\\sqrt needs its argument in braces: \\sqrt{x}", t.pos);
  }
  const Expr radicand =
      peek().kind == T::LBrace ? braced() : one_token_argument("\\sqrt", "an argument");
  return index ? pow(radicand, pow(*index, integer(-1))) : sqrt(radicand);
}

// \frac{a}{b}, \frac12 (TeX's one-token arguments), and the derivative operators.
Expr Parser::fraction(const Tok& t) {
  if (at_derivative_operator(0)) return derivative_operator(t);
  const char* const needs = "\\frac needs two arguments: \\frac{numerator}{denominator}";
  if (peek().kind == T::End) fail(needs, t.pos);
  // \frac12: each argument one digit.
  const Tok& digits = peek();
  if (digits.kind == T::Number && digits.text.size() == 2 && digits.text[1] != '.' &&
      digits.text[0] != '.') {
    const Expr numerator = integer(digits.text[0] - '0');
    const Expr denominator = integer(digits.text[1] - '0');
    const std::size_t denominator_pos = next().pos + 1;
    if (denominator.is_zero()) throw Error(ErrorKind::Domain, "division by zero", denominator_pos);
    return div(numerator, denominator);
  }
  std::vector<Expr> factors = peek().kind == T::LBrace
                                  ? braced_factors()
                                  : std::vector{one_token_argument("\\frac", "a numerator")};
  if (peek().kind == T::End) fail(needs, peek().pos);
  const std::size_t denominator_pos = peek().pos;
  const std::vector<Expr> denominator =
      peek().kind == T::LBrace ? braced_factors()
                               : std::vector{one_token_argument("\\frac", "a denominator")};
  for (const Expr& f : denominator) {
    if (f.is_zero()) throw Error(ErrorKind::Domain, "division by zero", denominator_pos);
    factors.push_back(pow(f, integer(-1)));
  }
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

namespace {

void check_size(std::string_view input) {
  if (input.size() > limits().max_input_chars) {
    throw Error(ErrorKind::Limit,
                fmt::format("the expression is {} characters long; the limit is {}", input.size(),
                            limits().max_input_chars));
  }
}

}  // namespace
}  // namespace latex

Expr parse_latex(std::string_view input, const Differentiate& differentiate,
                 const Integrate& integrate) {
  latex::check_size(input);
  return latex::Parser(latex::tokenize(input), differentiate, integrate).parse_all();
}

std::vector<LatexSide> parse_latex_chain(std::string_view input, const Differentiate& differentiate,
                                         const Integrate& integrate) {
  using latex::T;
  latex::check_size(input);
  const std::vector<latex::Tok> tokens = latex::tokenize(input);
  std::vector<LatexSide> sides;
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const T kind = tokens[k].kind;
    if (kind == T::LBrace || kind == T::LParen || kind == T::LBracket) ++depth;
    if (kind == T::RBrace || kind == T::RParen || kind == T::RBracket) --depth;
    if ((kind == T::Equals && depth == 0) || kind == T::End) {
      std::vector<latex::Tok> side(tokens.begin() + static_cast<long>(start),
                                   tokens.begin() + static_cast<long>(k));
      const std::size_t from = start < tokens.size() ? tokens[start].pos : input.size();
      const std::size_t to = tokens[k].pos;
      if (side.empty()) throw Error(ErrorKind::Parse, "an empty side of '='", to);
      side.push_back({T::End, to, ""});
      latex::Parser parser(side, differentiate, integrate);
      std::string source(input.substr(from, to - from));
      while (!source.empty() && std::isspace(static_cast<unsigned char>(source.back()))) {
        source.pop_back();
      }
      sides.push_back({parser.is_label() ? Expr() : parser.parse_all(), source, from});
      start = k + 1;
    }
  }
  return sides;
}

}  // namespace leibniz
