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

// A number in a message: 1234567890123456789012... rather than all of its digits.
std::string Parser::shown(const std::string& number) {
  return number.size() <= 24 ? number : number.substr(0, 24) + "...";
}

void Parser::stray_differential(std::size_t pos) {
  fail(
      "a differential such as 'dx' is read only at the end of an integral: \\int f \\, dx "
      "(for a product, write d \\cdot x)",
      pos);
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
      // 1 / 2 x is 1/(2x) to some (SymPy prints it so) and x/2 to others.
      if (starts_factor() && !at_differential()) {
        fail(fmt::format("'a {} b c' is ambiguous: write \\frac{{a}}{{b c}} or \\frac{{a}}{{b}} c",
                         op.kind == T::Slash ? "/" : "\\div"),
             peek().pos);
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
    stray_differential(peek().pos);
  }
  const Tok t = next();
  switch (t.kind) {
    case T::Number: return number_token(t);
    case T::Letter:
      if (t.text == "e" && peek().kind != T::Underscore) return e_constant();
      // f(x) in the notes is a function of x, not f times x (spec §1 v2): an undefined
      // function, as is a declared h(x). Other letters before '(' stay products, as
      // a(b + c) is written.
      if (at_call_of(t.text)) return call_arguments(std::string(t.text));
      if (peek().kind != T::Underscore) refuse_uncalled(t.text, t.text, t.pos);
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
  const std::size_t before = i_ >= 2 ? i_ - 2 : t_.size() - 1;  // the token before '('
  const Group scope(*this);
  Expr inner = sum();
  if (!accept(close)) {
    refuse_arguments_of_a_letter(before);
    expected_close(close_text, open);
  }
  return inner;
}

// h(x, y) where h is no function here: say how to make it one, rather than "expected ')'".
void Parser::refuse_arguments_of_a_letter(std::size_t before) const {
  if (peek().kind != T::Comma || before >= t_.size() || t_[before].kind != T::Letter) return;
  const std::string& name = t_[before].text;
  fail(fmt::format("'{}' before parentheses is a variable times them in LaTeX, and a list of "
                   "arguments is no factor: f, g, F and G are functions, and a request makes "
                   "'{}' one by declaring it (--function {}, \"functions\": [\"{}\"])",
                   name, name, name, name),
       peek().pos);
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
  const std::size_t before = i_ >= 3 ? i_ - 3 : t_.size() - 1;  // the token before \left(
  const Group scope(*this);
  Expr inner = sum();
  if (!is_command(0, "right")) {
    if (open.kind == T::LParen) refuse_arguments_of_a_letter(before);
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
                 const Integrate& integrate, const std::vector<std::string>& functions) {
  latex::check_size(input);
  return latex::Parser(latex::tokenize(input), differentiate, integrate, functions).parse_all();
}

std::vector<LatexSide> parse_latex_chain(std::string_view input, const Differentiate& differentiate,
                                         const Integrate& integrate,
                                         const std::vector<std::string>& functions) {
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
      latex::Parser parser(side, differentiate, integrate, functions);
      std::string source(input.substr(from, to - from));
      while (!source.empty() && std::isspace(static_cast<unsigned char>(source.back()))) {
        source.pop_back();
      }
      Expr value = parser.is_label() ? Expr() : parser.parse_all();
      sides.push_back({value, source, from, parser.indefinite_variable()});
      start = k + 1;
    }
  }
  return sides;
}

}  // namespace leibniz
