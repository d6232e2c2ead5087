// A recursive-descent parser: sum := product (('+'|'-') product)*,
// product := unary (('*'|'/') unary)*, unary := ('-'|'+') unary | derivative | power,
// derivative := 'd/dx' product (spec §1 v2: the rest of the term, differentiated),
// power := primary ('^' unary | superscript)?, primary := number | name | call |
// '(' sum ')' | '|' sum '|' | '√' primary.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string_view>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/core/utf8.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/domain_witnesses.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/parse_text_calls.h"
#include "leibniz/expr/parse_text_tokens.h"
#include "leibniz/expr/root_sum.h"

namespace leibniz {
namespace {

using text::describe;
using text::Tok;
using text::Token;

class Parser {
 public:
  Parser(std::string_view input, const ParseOptions& options)
      : input_(input), tokens_(text::tokenize(input)), options_(options) {}

  Expr parse_all() {
    if (peek().kind == Tok::End) throw Error(ErrorKind::Parse, "empty expression", 0);
    Expr e = sum();
    const Token& t = peek();
    if (t.kind == Tok::RParen) {
      throw Error(ErrorKind::Parse, "unexpected ')' with no '(' to close", t.pos);
    }
    if (t.kind != Tok::End) {
      throw Error(ErrorKind::Parse, fmt::format("expected an operator before {}", describe(t)),
                  t.pos);
    }
    return e;
  }

 private:
  const Token& peek() const { return tokens_[index_]; }
  const Token& next() { return tokens_[index_++]; }

  // Each level of nesting costs stack; a limit turns deep input into an error.
  struct DepthGuard {
    explicit DepthGuard(Parser& p) : parser(p) {
      if (++parser.depth_ > limits().max_nesting) {
        throw Error(ErrorKind::Limit,
                    fmt::format("the expression is nested deeper than the limit of {} levels",
                                limits().max_nesting),
                    parser.peek().pos);
      }
    }
    ~DepthGuard() { --parser.depth_; }
    Parser& parser;
  };

  // A product not yet multiplied out. Chains of * and / are built with one mul() of
  // all their factors, and a parenthesised product is spliced into the chain around
  // it, so that x/(3*(z + 2)) is x * 3^-1 * (z + 2)^-1, the node it was printed from,
  // not x/(3*z + 6). The readers below append their factors to one list, the caller's
  // (a list each, most of one factor, was a third of the parser's allocations).
  using Factors = std::vector<Expr>;

  // The factors from `from` on, taken out of the list and multiplied.
  static Expr take_built(Factors& factors, std::size_t from) {
    Expr built = factors.size() - from == 1 ? std::move(factors.back())
                                            : mul(std::span<const Expr>(factors).subspan(from));
    factors.erase(factors.begin() + static_cast<std::ptrdiff_t>(from), factors.end());
    return built;
  }

  // What one reader below reads, multiplied.
  Expr built(void (Parser::*reader)(Factors&)) {
    Factors factors;
    (this->*reader)(factors);
    return take_built(factors, 0);
  }

  Expr sum() { return built(&Parser::sum_factors); }

  void sum_factors(Factors& out) {
    const std::size_t from = out.size();
    product(out);
    if (peek().kind != Tok::Plus && peek().kind != Tok::Minus) return;
    std::vector<Expr> terms{take_built(out, from)};
    while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
      const bool minus = next().kind == Tok::Minus;
      product(out);
      Expr t = take_built(out, from);
      terms.push_back(minus ? neg(t) : t);
    }
    out.push_back(add(terms));
  }

  void product(Factors& out) {
    unary(out);
    while (peek().kind == Tok::Star || peek().kind == Tok::Slash) {
      const Token op = next();
      const std::size_t rhs = out.size();
      unary(out);
      if (op.kind == Tok::Star) continue;
      for (std::size_t i = rhs; i < out.size(); ++i) {
        if (out[i].is_zero()) throw Error(ErrorKind::Domain, "division by zero", op.pos);
        out[i] = pow(out[i], integer(-1));
      }
    }
  }

  void unary(Factors& out) {
    DepthGuard guard(*this);
    if (peek().kind == Tok::Minus) {
      next();
      out.push_back(integer(-1));
      unary(out);
      return;
    }
    if (peek().kind == Tok::Plus) {
      next();
      unary(out);
      return;
    }
    if (auto op = derivative_operator()) {
      out.push_back(derivative(*op));
    } else if (at_partial_form()) {
      out.push_back(partial_form());
    } else {
      power(out);
    }
  }

  // ∂g(x, y)/∂x, ∂²g(x, y)/∂x∂y, ∂f(g(x), h(x))/∂g: the derivative of a function as the
  // notes and print_unicode write it; ∂ followed by '/' is the operator ∂/∂x instead.
  bool at_partial_form() const {
    std::size_t i = index_;
    if (tokens_[i].kind != Tok::Partial) return false;
    ++i;
    if (tokens_[i].kind == Tok::Superscript) ++i;
    if (is_implied_product(tokens_[i])) ++i;
    if (tokens_[i].kind == Tok::LParen) return true;  // ∂(g(x)*h(x))/∂x
    return tokens_[i].kind == Tok::Name && tokens_[i + 1].kind == Tok::LParen;
  }

  static bool is_implied_product(const Token& t) { return t.kind == Tok::Star && t.text.empty(); }

  Expr partial_form() {
    const Token partial = next();
    unsigned long order = 1;
    if (peek().kind == Tok::Superscript) order = text::derivative_order(next());
    if (is_implied_product(peek())) next();
    // The function and its arguments, or an expression in parentheses.
    Expr target = peek().kind == Tok::LParen ? built(&Parser::primary) : name(next());
    if (peek().kind != Tok::Slash || tokens_[index_ + 1].kind != Tok::Partial) {
      throw Error(ErrorKind::Parse,
                  "expected '/∂' and the variable after the function: ∂g(x, y)/∂x", peek().pos);
    }
    next();
    struct Label {
      Expr wrt;  // a variable, a function's name, or an argument: ∂x, ∂g, ∂(x·y)
      std::size_t pos;
      unsigned long times;
    };
    std::vector<Label> labels;
    unsigned long total = 0;
    while (peek().kind == Tok::Partial) {
      next();
      const Token label = peek();
      Expr wrt;
      if (label.kind == Tok::LParen) {
        wrt = built(&Parser::primary);
      } else if (label.kind != Tok::Name || label.text == "π" || is_reserved_name(label.text)) {
        throw Error(ErrorKind::Parse,
                    fmt::format("expected a variable after '∂', found {}", describe(label)),
                    label.pos);
      } else {
        next();
        wrt =
            symbol(static_cast<unsigned char>(label.text[0]) >= 0x80 ? text::greek_name(label.text)
                                                                     : std::string(label.text));
      }
      unsigned long times = 1;
      if (peek().kind == Tok::Superscript) times = text::derivative_order(next());
      labels.push_back({wrt, label.pos, times});
      total += times;
    }
    if (total != order) {
      throw Error(
          ErrorKind::Parse,
          fmt::format("the order {} of '∂' is not the {} of the variables below it", order, total),
          partial.pos);
    }
    // ∂²g/∂x∂y = ∂/∂x (∂g/∂y): the last variable first.
    for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
      for (unsigned long k = 0; k < it->times; ++k) {
        target = text::differentiate_in(target, it->wrt, it->pos, partial.pos, options_);
      }
    }
    return target;
  }

  // d/dx, d^2/dx^2, d²/dx², ∂/∂x: an operator only when an operand follows directly.
  struct DerivativeOperator {
    std::size_t pos;
    Token var;
    unsigned long order;
  };

  std::optional<DerivativeOperator> derivative_operator() {
    std::size_t i = index_;
    const Token& d = tokens_[i];
    const bool partial = d.kind == Tok::Partial;
    if (!partial && !(d.kind == Tok::Name && d.text == "d")) return std::nullopt;
    ++i;
    const std::optional<std::string> order = order_at(i);
    if (tokens_[i].kind != Tok::Slash) return std::nullopt;
    ++i;
    Token var = tokens_[i];
    if (partial) {
      if (var.kind != Tok::Partial || tokens_[i + 1].kind != Tok::Name) return std::nullopt;
      var = tokens_[++i];
    } else {
      // dx, dw1, but not d2 (2 is no variable)
      if (var.kind != Tok::Name || var.text.size() < 2 || var.text[0] != 'd' ||
          std::isdigit(static_cast<unsigned char>(var.text[1]))) {
        return std::nullopt;
      }
      // A model file's own function dx: d/dx(t) stays d divided by dx(t).
      if (options_.is_function_name && options_.is_function_name(var.text)) return std::nullopt;
      // d/diff(g(x), x) is d divided by a derivative (spec §1 v2).
      if (var.text == "diff" && tokens_[i + 1].kind == Tok::LParen) return std::nullopt;
      var.text.remove_prefix(1);
      var.pos += 1;
    }
    ++i;
    if (order && order_at(i) != order) return std::nullopt;
    switch (tokens_[i].kind) {
      case Tok::Number:
      case Tok::Name:
      case Tok::LParen:
      case Tok::Sqrt:
      case Tok::Partial: break;
      default: return std::nullopt;  // d/dx followed by an operator is a division
    }
    // The order: a positive integer (d^0/dx^0 and d^-1/dx^-1 are no derivatives).
    unsigned long n = 1;
    if (order) {
      if (order->find_first_not_of("0123456789") != std::string::npos ||
          order->find_first_not_of('0') == std::string::npos) {
        return std::nullopt;
      }
      const auto small = Number::parse_exact(*order).to_long();
      if (!small || *small > static_cast<long>(limits().max_nesting)) {
        throw Error(ErrorKind::Limit,
                    fmt::format("the order of a derivative is at most {}", limits().max_nesting),
                    d.pos);
      }
      n = static_cast<unsigned long>(*small);
    }
    const std::size_t pos = d.pos;
    index_ = i;
    return DerivativeOperator{pos, var, n};
  }

  // The order written after d or dx: "^2" or "²"; advances i past it.
  std::optional<std::string> order_at(std::size_t& i) const {
    if (tokens_[i].kind == Tok::Superscript) return text::superscript_value(tokens_[i++].text);
    if (tokens_[i].kind == Tok::Caret && tokens_[i + 1].kind == Tok::Number &&
        tokens_[i + 1].text.find_first_of(".eE") == std::string_view::npos) {
      i += 2;
      return std::string(tokens_[i - 1].text);
    }
    return std::nullopt;
  }

  // The operand is the rest of the term: d/dx x*sin(x) is the derivative of x*sin(x).
  Expr derivative(const DerivativeOperator& op) {
    Expr operand = built(&Parser::product);
    const std::string var(op.var.text);
    if (is_reserved_name(var) || var == "π") {
      throw Error(
          ErrorKind::Parse,
          fmt::format("cannot differentiate with respect to '{}': it is not a variable", var),
          op.var.pos);
    }
    if (!options_.differentiate) {
      throw Error(ErrorKind::Unsupported, "a derivative cannot be evaluated here", op.pos);
    }
    for (unsigned long k = 0; k < op.order; ++k)
      operand = options_.differentiate(operand, symbol(var));
    return operand;
  }

  void power(Factors& out) {
    const std::size_t start = peek().pos, from = out.size();
    primary(out);
    if (peek().kind != Tok::Caret && peek().kind != Tok::Superscript) return;
    const Token caret = next();
    Expr exponent;
    if (caret.kind == Tok::Caret) {
      const std::size_t exponent_from = out.size();
      unary(out);
      exponent = take_built(out, exponent_from);
    } else {
      exponent = superscript(caret);
    }
    try {
      Expr base = take_built(out, from);
      out.push_back(pow(base, exponent));
    } catch (const Error& e) {
      if (e.pos()) throw;
      throw Error(e.kind(), e.what(), e.kind() == ErrorKind::Limit ? start : caret.pos);
    }
  }

  void primary(Factors& out) {
    const Token t = next();
    switch (t.kind) {
      case Tok::Number: out.push_back(number_at(t)); return;
      case Tok::Name: out.push_back(name(t)); return;
      case Tok::LParen: {
        sum_factors(out);
        expect_close(t);
        return;
      }
      case Tok::Bar: {  // |x|: inside, a '|' where an operator may stand closes it
        Expr inner = sum();
        if (peek().kind != Tok::Bar) {
          throw Error(ErrorKind::Parse,
                      fmt::format("expected '|' to close '|' opened at column {}", column(t.pos)),
                      peek().pos);
        }
        next();
        out.push_back(func(Fn::Abs, inner));
        return;
      }
      case Tok::Sqrt: {  // √x^3 is (√x)^3, as the printer means it
        DepthGuard guard(*this);
        out.push_back(sqrt(built(&Parser::primary)));
        return;
      }
      default:
        throw Error(ErrorKind::Parse, fmt::format("expected an expression, found {}", describe(t)),
                    t.pos);
    }
  }

  // x³, x⁻¹: an integer exponent written in superscripts.
  static Expr superscript(const Token& t) {
    const std::string value = text::superscript_value(t.text);
    const std::size_t digits = value.find_first_not_of("+-");
    if (digits == std::string::npos || value.find_first_of("+-", digits) != std::string::npos) {
      throw Error(ErrorKind::Parse, fmt::format("'{}' is not an exponent", t.text), t.pos);
    }
    const bool negative = std::count(value.begin(), value.end(), '-') % 2 == 1;
    const Number n = Number::parse_exact(value.substr(digits));
    return number(negative ? -n : n);
  }

  // 1e309 is read exactly; 1e1000000000 is beyond the limit on exact numbers.
  static Expr number_at(const Token& t) {
    // A short integer, the common literal, without GMP's string conversion: the same
    // number, within the same limit on digits as Number::parse.
    const std::string_view text = t.text;
    if (!text.empty() && text.size() <= 18 &&
        std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; }) &&
        static_cast<double>(text.size()) <=
            static_cast<double>(limits().max_number_bits) * std::log10(2.0)) {
      long value = 0;
      for (char c : text) value = value * 10 + (c - '0');
      return integer(value);
    }
    try {
      return number(Number::parse(t.text));
    } catch (const Error& e) {
      throw Error(e.kind(), e.what(), t.pos + e.pos().value_or(0));
    }
  }

  void expect_close(const Token& open) {
    const Token& t = peek();
    if (t.kind != Tok::RParen) {
      throw Error(ErrorKind::Parse,
                  fmt::format("expected ')' to close '(' opened at column {}", column(open.pos)),
                  t.pos);
    }
    next();
  }

  Expr name(const Token& t) {
    const std::string_view n = t.text;
    std::size_t primes = 0;  // g′(x), g''(x): derivatives of a function of one argument
    while (peek().kind == Tok::Prime) {
      next();
      ++primes;
    }
    if (primes > 0 && peek().kind != Tok::LParen) {
      throw Error(ErrorKind::Parse,
                  fmt::format("a prime marks the derivative of a function: {}′(x)", n), t.pos);
    }
    const bool called = peek().kind == Tok::LParen;
    if (n == "π") return pi_constant();
    if (n == "σ" && called) return func(Fn::Sigmoid, call_argument(t));
    if (n == "e" || n == "pi") {
      if (called) {
        throw Error(ErrorKind::Parse, fmt::format("'{}' is a constant, not a function", n), t.pos);
      }
      return n == "e" ? e_constant() : pi_constant();
    }
    if (n == "diff" && called && options_.undefined_functions) return diff_call(t);
    auto builtin = function_by_name(n);
    const bool known = builtin || n == "exp" || n == "sqrt";
    const bool declared = options_.undefined_functions &&
                          std::ranges::find(options_.functions, n) != options_.functions.end();
    const bool user = declared || (options_.is_function_name && options_.is_function_name(n));
    if (!called) {
      if (builtin && function_info(*builtin).arity() == 2) {
        throw Error(ErrorKind::Parse,
                    fmt::format("function '{}' needs its arguments in parentheses: {}(a, b)", n, n),
                    t.pos);
      }
      if (known || user) {
        throw Error(ErrorKind::Parse,
                    fmt::format("function '{}' needs its argument in parentheses: {}(x)", n, n),
                    t.pos);
      }
      // θ is the name theta, as LaTeX's \theta reads: one spelling in every door.
      if (static_cast<unsigned char>(n[0]) >= 0x80) return symbol(text::greek_name(n));
      return symbol(n);
    }
    const Token open = next();
    // A root sum's arguments hold its bound variable: no input as written (root_sum.h).
    std::optional<DomainWitnesses::Pause> bound;
    if (n == "rootsum") bound.emplace();
    std::vector<Expr> args;
    if (peek().kind == Tok::RParen) {
      const bool undefined = options_.undefined_functions && is_one_letter_function(n);
      if (!known && !user && !undefined) throw unknown_function(t);
      throw Error(ErrorKind::Parse, fmt::format("'{}' needs an argument", n), peek().pos);
    }
    args.push_back(sum());
    while (peek().kind == Tok::Comma) {
      next();
      args.push_back(sum());
    }
    expect_close(open);
    if (n == "rootsum" && primes == 0) {
      bound.reset();
      return root_sum_read(args, t.pos);
    }
    if (primes > 0) return text::primed_call(t, args, primes, !known, options_);
    if (known) {
      const std::size_t arity = builtin ? function_info(*builtin).arity() : 1;
      if (args.size() != arity) {
        throw Error(ErrorKind::Parse,
                    fmt::format("'{}' takes {} argument{}, not {}", n, arity, arity == 1 ? "" : "s",
                                args.size()),
                    t.pos);
      }
      if (n == "exp") return exp(args[0]);
      if (n == "sqrt") return sqrt(args[0]);
      return func(*builtin, args);
    }
    if (options_.user_function) {
      if (auto result = options_.user_function(n, args)) return *result;
    }
    if (declared || (options_.undefined_functions && is_one_letter_function(n))) {
      return call(n, args);
    }
    throw unknown_function(t);
  }

  // diff(EXPR, x), diff(EXPR, x, y): the derivative, evaluated where it can be; of an
  // undefined function, diff(f(g, h), g) and diff(f(x, x), 1) name the argument (or
  // its place) the function is differentiated in, as the printer writes them.
  Expr diff_call(const Token& t) {
    const Token open = next();
    if (peek().kind == Tok::RParen) {
      throw Error(ErrorKind::Parse, "'diff' needs an expression and a variable: diff(f(x), x)",
                  peek().pos);
    }
    Expr e = sum();
    if (peek().kind != Tok::Comma) {
      throw Error(ErrorKind::Parse, "'diff' needs a variable after the expression: diff(f(x), x)",
                  peek().pos);
    }
    while (peek().kind == Tok::Comma) {
      next();
      const std::size_t at = peek().pos;
      // diff(f(psi(x), y), psi): a declared function's bare name labels its argument.
      const bool label =
          peek().kind == Tok::Name &&
          (tokens_[index_ + 1].kind == Tok::Comma || tokens_[index_ + 1].kind == Tok::RParen) &&
          std::ranges::find(options_.functions, peek().text) != options_.functions.end();
      const Expr wrt = label ? symbol(next().text) : sum();
      e = text::differentiate_in(e, wrt, at, t.pos, options_);
    }
    expect_close(open);
    return e;
  }

  Expr call_argument(const Token& t) {
    const Token open = next();
    Expr argument = sum();
    if (peek().kind == Tok::Comma) {
      throw Error(ErrorKind::Parse, fmt::format("'{}' takes 1 argument", t.text), t.pos);
    }
    expect_close(open);
    return argument;
  }

  // Where undefined functions are read (spec §1 v2), the message names the nearest
  // known function and how to declare the name.
  Error unknown_function(const Token& t) const {
    if (!options_.undefined_functions) {
      return Error(ErrorKind::Parse, fmt::format("unknown function '{}'", t.text), t.pos);
    }
    return Error(ErrorKind::Parse,
                 fmt::format("unknown function '{}'; the nearest known function is '{}' (a name "
                             "declared as a function, or one letter such as g(x), is an undefined "
                             "function)",
                             t.text, text::nearest_function(t.text)),
                 t.pos);
  }

  // The 1-based column of a byte offset, for messages: a character is one column.
  std::size_t column(std::size_t pos) const { return character_offset(input_, pos) + 1; }

  std::string_view input_;
  std::vector<Token> tokens_;
  const ParseOptions& options_;
  std::size_t index_ = 0;
  std::size_t depth_ = 0;
};

}  // namespace

Expr parse_text(std::string_view input, const ParseOptions& options) {
  if (input.size() > limits().max_input_chars) {
    throw Error(ErrorKind::Limit,
                fmt::format("the expression is {} characters long; the limit is {}", input.size(),
                            limits().max_input_chars));
  }
  return Parser(input, options).parse_all();
}

}  // namespace leibniz
