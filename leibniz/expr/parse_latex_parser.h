// The recursive-descent parser behind parse_latex (internal to parse_latex*.cpp):
//   sum     := product (('+'|'-') product)*
//   product := signed ((\cdot|\times|*|/|\div) signed | juxtaposed power)*
//   signed  := ('-'|'+') signed | power ;  power := primary ('^' script)*
//   primary := number | name | {sum} | (sum) | [sum] | |sum| | command
// The calculus operators (\frac{d}{dx} ..., \int ... dx) are in parse_latex_calculus.cpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "leibniz/expr/parse_latex.h"
#include "leibniz/expr/parse_latex_tokens.h"

namespace leibniz::latex {

class Parser {
 public:
  Parser(std::vector<Tok> tokens, const Differentiate& differentiate, const Integrate& integrate,
         const std::vector<std::string>& functions);

  /// The whole input as one expression.
  Expr parse_all();
  /// The variable of the indefinite integrals read (\int f \, dx), or null.
  const Expr& indefinite_variable() const { return indefinite_variable_; }
  /// True if the whole input is a label rather than a formula: a function's name with
  /// its arguments, f(x, y), or \frac{\partial f}{\partial x} with f a bare name.
  bool is_label();

 private:
  // Raises the nesting depth for a scope; every recursive path passes through one.
  struct Depth {
    explicit Depth(Parser& p);
    ~Depth() { --parser.depth_; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
    Parser& parser;
  };
  // A group ((), {}, [], \left ... \right) starts afresh: no enclosing integral's dx and
  // no enclosing |...| applies inside it.
  struct Group {
    explicit Group(Parser& p) : parser(p), integral(p.in_integral_), bars(p.bars_) {
      p.in_integral_ = false;
      p.bars_ = 0;
    }
    ~Group() {
      parser.in_integral_ = integral;
      parser.bars_ = bars;
    }
    Group(const Group&) = delete;
    Group& operator=(const Group&) = delete;
    Parser& parser;
    bool integral;
    int bars;
  };

  const Tok& peek(std::size_t ahead = 0) const { return t_[std::min(i_ + ahead, t_.size() - 1)]; }
  const Tok& next() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }
  bool accept(T kind);
  bool is_command(std::size_t ahead, const char* name) const {
    return peek(ahead).kind == T::Command && peek(ahead).text == name;
  }
  static std::string describe(const Tok& t);
  static std::string shown(const std::string& number);
  [[noreturn]] static void fail(const std::string& message, std::size_t pos);
  [[noreturn]] void expected_close(const char* close, const Tok& open) const;
  [[noreturn]] static void stray_differential(std::size_t pos);

  // parse_latex.cpp: the grammar.
  Expr sum();
  std::vector<Expr> sum_factors();
  Expr product();
  std::vector<Expr> product_factors();
  bool starts_factor() const;
  std::vector<Expr> signed_factors();
  Expr juxtaposed();
  Expr power();
  Expr primary();
  Expr number_token(const Tok& t) const;
  Expr braced();
  std::vector<Expr> braced_factors();
  Expr group(T close, const char* close_text, const Tok& open);
  void refuse_arguments_of_a_letter(std::size_t before) const;
  Expr absolute_value(const Tok& open);
  Expr script();
  Expr one_token_argument(const char* after, const char* what);
  Expr command(const Tok& t);
  Expr name(const std::string& base);
  std::string subscript_text();
  std::string braced_name(const Tok& t);
  Expr upright(const Tok& t);
  Expr accent(const Tok& t);
  Expr operator_name(const Tok& t);
  Expr apply(const Tok& t, std::optional<Fn> fn, const std::function<Expr(const Expr&)>& build);
  Expr function_argument(const Tok& t);
  Expr two_arguments(Fn fn);
  Expr call_arguments(const std::string& name);
  bool at_call_of(const std::string& name) const;
  bool at_parenthesis_after_primes() const;
  void refuse_uncalled(const std::string& name, const std::string& written, std::size_t pos) const;
  Expr diff_arguments(const Tok& t);
  bool starts_function_atom() const;
  bool braces_parentheses() const;
  Expr left(const Tok& t);
  Expr square_root(const Tok& t);
  Expr fraction(const Tok& t);
  bool skip_name();
  void skip_group_or_token();

  // parse_latex_calculus.cpp: derivatives and integrals.
  std::size_t differential_marker(std::size_t ahead) const;
  bool at_derivative_operator(std::size_t ahead) const;
  Expr derivative_operator(const Tok& frac);
  Expr derivative_variable();
  Expr derivative_at_arguments(const Tok& frac, Expr target, const std::vector<Expr>& vars);
  bool lone_name_ahead() const;
  bool starts_parenthesis(std::size_t ahead) const;
  long derivative_order();
  bool at_differential() const;
  bool at_stray_differential() const;
  Expr integral(const Tok& t);

  std::vector<Tok> t_;
  std::vector<std::size_t> closing_;  // for each '{' or '(', the index of its '}' or ')'
  const Differentiate& differentiate_;
  const Integrate& integrate_;
  const std::vector<std::string>& functions_;  // declared undefined functions
  std::size_t i_ = 0;
  std::size_t depth_ = 0;
  Expr indefinite_variable_;
  bool in_integral_ = false;  // an integrand ends at its differential
  int bars_ = 0;              // open |...| at this level: the next '|' closes one
  bool in_label_ = false;     // after \partial or d: a declared function's name labels a slot
};

}  // namespace leibniz::latex
