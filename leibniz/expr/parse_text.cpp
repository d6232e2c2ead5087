// A recursive-descent parser: sum := product (('+'|'-') product)*,
// product := unary (('*'|'/') unary)*, unary := ('-'|'+') unary | power,
// power := primary ('^' unary)?, primary := number | name | call | '(' sum ')'.
#include <fmt/format.h>

#include <cctype>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/parse.h"

namespace leibniz {
namespace {

enum class Tok { Number, Name, Plus, Minus, Star, Slash, Caret, LParen, RParen, Comma, End };

struct Token {
  Tok kind;
  std::size_t pos;
  std::string_view text;
};

std::string describe(const Token& t) {
  if (t.kind == Tok::End) return "the end of the input";
  return fmt::format("'{}'", t.text);
}

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
      while (i < s.size() && is_digit(s[i])) ++i;
      if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i;
      }
      // An exponent only if digits follow: "2e3" is a number, "2e" is 2*e.
      if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (j < s.size() && is_digit(s[j])) {
          i = j;
          while (i < s.size() && is_digit(s[i])) ++i;
        }
      }
      out.push_back({Tok::Number, start, s.substr(start, i - start)});
      // "2x" and "2(x+1)" are products.
      if (i < s.size() && (is_name_start(s[i]) || s[i] == '(')) {
        out.push_back({Tok::Star, i, s.substr(i, 0)});
      }
      continue;
    }
    if (is_name_start(c)) {
      while (i < s.size() && is_name_char(s[i])) ++i;
      out.push_back({Tok::Name, start, s.substr(start, i - start)});
      continue;
    }
    Tok kind;
    switch (c) {
      case '+': kind = Tok::Plus; break;
      case '-': kind = Tok::Minus; break;
      case '*': kind = Tok::Star; break;
      case '/': kind = Tok::Slash; break;
      case '^': kind = Tok::Caret; break;
      case '(': kind = Tok::LParen; break;
      case ')': kind = Tok::RParen; break;
      case ',': kind = Tok::Comma; break;
      default: {
        const auto byte = static_cast<unsigned char>(c);
        std::string shown = byte < 0x80 && std::isprint(byte)
                                ? fmt::format("'{}'", c)
                                : fmt::format("byte 0x{:02x}", static_cast<unsigned>(byte));
        throw Error(ErrorKind::Parse, fmt::format("unexpected character {}", shown), start);
      }
    }
    out.push_back({kind, start, s.substr(start, 1)});
    ++i;
  }
  out.push_back({Tok::End, s.size(), s.substr(s.size())});
  return out;
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, const ParseOptions& options)
      : tokens_(std::move(tokens)), options_(options) {}

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
  // not x/(3*z + 6).
  using Factors = std::vector<Expr>;

  static Expr build(Factors factors) {
    return factors.size() == 1 ? std::move(factors[0]) : mul(factors);
  }

  Expr sum() { return build(sum_factors()); }

  Factors sum_factors() {
    Factors first = product();
    if (peek().kind != Tok::Plus && peek().kind != Tok::Minus) return first;
    std::vector<Expr> terms{build(std::move(first))};
    while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
      const bool minus = next().kind == Tok::Minus;
      Expr t = build(product());
      terms.push_back(minus ? neg(t) : t);
    }
    return {add(terms)};
  }

  Factors product() {
    Factors factors = unary();
    while (peek().kind == Tok::Star || peek().kind == Tok::Slash) {
      const Token op = next();
      Factors rhs = unary();
      for (Expr& f : rhs) {
        if (op.kind == Tok::Star) {
          factors.push_back(std::move(f));
        } else {
          if (f.is_zero()) throw Error(ErrorKind::Domain, "division by zero", op.pos);
          factors.push_back(pow(f, integer(-1)));
        }
      }
    }
    return factors;
  }

  Factors unary() {
    DepthGuard guard(*this);
    if (peek().kind == Tok::Minus) {
      next();
      Factors factors = unary();
      factors.insert(factors.begin(), integer(-1));
      return factors;
    }
    if (peek().kind == Tok::Plus) {
      next();
      return unary();
    }
    return power();
  }

  Factors power() {
    const std::size_t start = peek().pos;
    Factors base = primary();
    if (peek().kind != Tok::Caret) return base;
    const Token caret = next();
    Expr exponent = build(unary());
    try {
      return {pow(build(std::move(base)), exponent)};
    } catch (const Error& e) {
      if (e.pos()) throw;
      throw Error(e.kind(), e.what(), e.kind() == ErrorKind::Limit ? start : caret.pos);
    }
  }

  Factors primary() {
    const Token t = next();
    switch (t.kind) {
      case Tok::Number: return {number(Number::parse(std::string(t.text)))};
      case Tok::Name: return {name(t)};
      case Tok::LParen: {
        Factors inner = sum_factors();
        expect_close(t);
        return inner;
      }
      default:
        throw Error(ErrorKind::Parse, fmt::format("expected an expression, found {}", describe(t)),
                    t.pos);
    }
  }

  void expect_close(const Token& open) {
    const Token& t = peek();
    if (t.kind != Tok::RParen) {
      throw Error(ErrorKind::Parse,
                  fmt::format("expected ')' to close '(' opened at column {}", open.pos + 1),
                  t.pos);
    }
    next();
  }

  Expr name(const Token& t) {
    const std::string_view n = t.text;
    const bool called = peek().kind == Tok::LParen;
    if (n == "e" || n == "pi") {
      if (called) {
        throw Error(ErrorKind::Parse, fmt::format("'{}' is a constant, not a function", n), t.pos);
      }
      return n == "e" ? e_constant() : pi_constant();
    }
    auto builtin = function_by_name(n);
    const bool known = builtin || n == "exp" || n == "sqrt";
    const bool user = options_.is_function_name && options_.is_function_name(n);
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
      return symbol(n);
    }
    const Token open = next();
    std::vector<Expr> args;
    if (peek().kind == Tok::RParen) {
      if (!known && !user) throw unknown_function(t);
      throw Error(ErrorKind::Parse, fmt::format("'{}' needs an argument", n), peek().pos);
    }
    args.push_back(sum());
    while (peek().kind == Tok::Comma) {
      next();
      args.push_back(sum());
    }
    expect_close(open);
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
    throw unknown_function(t);
  }

  static Error unknown_function(const Token& t) {
    return Error(ErrorKind::Parse, fmt::format("unknown function '{}'", t.text), t.pos);
  }

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
  return Parser(tokenize(input), options).parse_all();
}

}  // namespace leibniz
