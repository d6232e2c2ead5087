// A tokenizer for LaTeX math and a recursive-descent parser over it:
// sum := product (('+'|'-') product)*
// product := factor ((\cdot|\times|*|/)? factor)*     (juxtaposition is a product)
// factor := ('-'|'+') factor | power ;  power := primary ('^' group-or-atom)? ('_' ...)?
#include "leibniz/expr/parse_latex.h"

#include <fmt/format.h>

#include <cctype>
#include <optional>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"

namespace leibniz {
namespace {

enum class T {
  Number,
  Letter,
  Command,
  LBrace,
  RBrace,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Bar,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  Underscore,
  Equals,
  Prime,
  End
};

struct Tok {
  T kind;
  std::size_t pos;
  std::string text;  // the number, the letter, or the command name without '\'
};

// Spacing, and the arrows the notes put in front of a line or after it as decoration.
bool is_spacing(const std::string& cmd) {
  return cmd == "," || cmd == "!" || cmd == ";" || cmd == ":" || cmd == " " || cmd == "quad" ||
         cmd == "qquad" || cmd == "displaystyle" || cmd == "limits" || cmd == "nearrow" ||
         cmd == "rightarrow";
}

std::vector<Tok> tokenize(std::string_view s) {
  std::vector<Tok> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const std::size_t start = i;
    if (std::isspace(static_cast<unsigned char>(c)) || c == '~') {
      ++i;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
      out.push_back({T::Number, start, std::string(s.substr(start, i - start))});
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c))) {
      out.push_back({T::Letter, start, std::string(1, c)});
      ++i;
      continue;
    }
    if (c == '\\') {
      ++i;
      if (i < s.size() && !std::isalpha(static_cast<unsigned char>(s[i]))) {
        const std::string cmd(1, s[i++]);
        if (cmd == "{")
          out.push_back({T::LBrace, start, cmd});
        else if (cmd == "}")
          out.push_back({T::RBrace, start, cmd});
        else if (cmd == "|")
          out.push_back({T::Bar, start, cmd});
        else if (!is_spacing(cmd))
          out.push_back({T::Command, start, cmd});
        continue;
      }
      while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
      std::string cmd(s.substr(start + 1, i - start - 1));
      if (cmd.empty()) throw Error(ErrorKind::Parse, "a lone '\\' at the end", start);
      if (!is_spacing(cmd)) out.push_back({T::Command, start, cmd});
      continue;
    }
    T kind;
    switch (c) {
      case '{': kind = T::LBrace; break;
      case '}': kind = T::RBrace; break;
      case '(': kind = T::LParen; break;
      case ')': kind = T::RParen; break;
      case '[': kind = T::LBracket; break;
      case ']': kind = T::RBracket; break;
      case '|': kind = T::Bar; break;
      case '+': kind = T::Plus; break;
      case '-': kind = T::Minus; break;
      case '*': kind = T::Star; break;
      case '/': kind = T::Slash; break;
      case '^': kind = T::Caret; break;
      case '_': kind = T::Underscore; break;
      case '=': kind = T::Equals; break;
      case '\'': kind = T::Prime; break;
      case ',': kind = T::Comma; break;
      default: throw Error(ErrorKind::Parse, fmt::format("unexpected character '{}'", c), start);
    }
    out.push_back({kind, start, std::string(1, c)});
    ++i;
  }
  out.push_back({T::End, s.size(), ""});
  return out;
}

const char* const kGreek[] = {"alpha", "beta",  "gamma",  "delta",   "epsilon", "zeta",
                              "eta",   "theta", "iota",   "kappa",   "lambda",  "mu",
                              "nu",    "xi",    "rho",    "tau",     "phi",     "chi",
                              "psi",   "omega", "varphi", "vartheta"};

bool is_greek(const std::string& cmd) {
  for (const char* g : kGreek) {
    if (cmd == g) return true;
  }
  return false;
}

// The LaTeX name of a function command, without operatorname.
std::optional<Fn> latex_function(const std::string& name) {
  if (name == "log") return Fn::Ln;
  return function_by_name(name);
}

class Parser {
 public:
  Parser(std::vector<Tok> tokens, const Differentiate& differentiate)
      : t_(std::move(tokens)), differentiate_(differentiate) {}

  Expr parse_all() {
    if (peek().kind == T::End) throw Error(ErrorKind::Parse, "empty expression", 0);
    Expr e = sum();
    if (peek().kind != T::End) {
      throw Error(ErrorKind::Parse, fmt::format("unexpected {}", describe(peek())), peek().pos);
    }
    return e;
  }

  // True if the whole input is a label rather than a formula: a function's name with
  // its arguments, f(x, y), or \frac{\partial NAME}{\partial VAR} with NAME a bare name.
  bool is_label() {
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
    bool label = false;
    if (peek().kind == T::Command && peek().text == "frac") {
      next();
      if (accept(T::LBrace) && peek().kind == T::Command && peek().text == "partial") {
        next();
        if (skip_name()) {
          while (peek().kind == T::Prime) next();
          label = accept(T::RBrace) && accept(T::LBrace) && peek().kind == T::Command &&
                  peek().text == "partial";
          if (label) {
            next();
            label = skip_name() && accept(T::RBrace) && peek().kind == T::End;
          }
        }
      }
    }
    i_ = saved;
    return label;
  }

  // A variable as the notes write it: x, w_1, \hat{y}, \hat{y}_t, \theta.
  bool skip_name() {
    if (peek().kind == T::Command && peek().text == "hat") {
      next();
      skip_group_or_token();
    } else if (peek().kind == T::Letter || (peek().kind == T::Command && is_greek(peek().text))) {
      next();
    } else {
      return false;
    }
    if (accept(T::Underscore)) skip_group_or_token();
    return true;
  }

 private:
  const Tok& peek(std::size_t ahead = 0) const { return t_[std::min(i_ + ahead, t_.size() - 1)]; }
  const Tok& next() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }
  bool accept(T kind) {
    if (peek().kind != kind) return false;
    next();
    return true;
  }
  void skip_group_or_token() {
    if (peek().kind == T::LBrace) {
      int depth = 0;
      do {
        if (peek().kind == T::LBrace) ++depth;
        if (peek().kind == T::RBrace) --depth;
        if (peek().kind == T::End) return;
        next();
      } while (depth > 0);
    } else {
      next();
    }
  }

  static std::string describe(const Tok& t) {
    switch (t.kind) {
      case T::End: return "the end of the input";
      case T::Command: return "'\\" + t.text + "'";
      default: return "'" + t.text + "'";
    }
  }

  struct Depth {
    explicit Depth(Parser& p) : parser(p) {
      if (++parser.depth_ > limits().max_nesting) {
        throw Error(ErrorKind::Limit,
                    fmt::format("the expression is nested deeper than the limit of {} levels",
                                limits().max_nesting),
                    parser.peek().pos);
      }
    }
    ~Depth() { --parser.depth_; }
    Parser& parser;
  };

  Expr sum() {
    std::vector<Expr> terms{product()};
    while (peek().kind == T::Plus || peek().kind == T::Minus) {
      const bool minus = next().kind == T::Minus;
      Expr t = product();
      terms.push_back(minus ? neg(t) : t);
    }
    return add(terms);
  }

  bool starts_factor() const {
    switch (peek().kind) {
      case T::Number:
      case T::Letter:
      case T::LBrace:
      case T::LParen:
      case T::LBracket: return true;
      case T::Command: {
        const std::string& c = peek().text;
        return c != "cdot" && c != "times" && c != "right" && c != "div";
      }
      default: return false;
    }
  }

  Expr product() {
    std::vector<Expr> factors{signed_factor()};
    while (true) {
      if (peek().kind == T::Command && (peek().text == "cdot" || peek().text == "times")) {
        next();
        factors.push_back(signed_factor());
      } else if (peek().kind == T::Star) {
        next();
        factors.push_back(signed_factor());
      } else if (peek().kind == T::Slash || (peek().kind == T::Command && peek().text == "div")) {
        const Tok op = next();
        Expr d = signed_factor();
        if (d.is_zero()) throw Error(ErrorKind::Domain, "division by zero", op.pos);
        factors.push_back(pow(d, integer(-1)));
      } else if (starts_factor()) {
        factors.push_back(power());  // juxtaposition: 2xy, (3x)(4y^2)
      } else {
        break;
      }
    }
    return mul(factors);
  }

  Expr signed_factor() {
    Depth depth(*this);
    if (accept(T::Minus)) return neg(signed_factor());
    if (accept(T::Plus)) return signed_factor();
    return power();
  }

  // A superscript or subscript argument: a braced group, or a single token.
  Expr script() {
    if (peek().kind == T::LBrace) return braced();
    const Tok t = next();
    switch (t.kind) {
      case T::Number: return number(Number::parse(t.text.substr(0, 1)));
      case T::Letter: return symbol(t.text);
      case T::Minus: return neg(script());
      case T::Command: return command(t);
      default:
        throw Error(ErrorKind::Parse, fmt::format("expected an exponent, found {}", describe(t)),
                    t.pos);
    }
  }

  Expr power() {
    const std::size_t start = peek().pos;
    Expr base = primary();
    while (peek().kind == T::Caret) {
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

  Expr braced() {
    const Tok open = next();  // '{'
    if (peek().kind == T::RBrace) {
      throw Error(ErrorKind::Parse, "expected an expression inside '{}'", peek().pos);
    }
    Expr inner = sum();
    if (!accept(T::RBrace)) {
      throw Error(ErrorKind::Parse,
                  fmt::format("expected '}}' to close '{{' opened at column {}", open.pos + 1),
                  peek().pos);
    }
    return inner;
  }

  Expr group(T close, const char* close_text, const Tok& open) {
    Expr inner = sum();
    if (!accept(close)) {
      throw Error(ErrorKind::Parse,
                  fmt::format("expected '{}' to close '{}' opened at column {}", close_text,
                              open.text, open.pos + 1),
                  peek().pos);
    }
    return inner;
  }

  // A name with an optional subscript: x, w_1, w_{P_1 x_1}, \hat{y}_t.
  Expr name(std::string base) {
    if (peek().kind == T::Underscore) {
      next();
      return symbol(latex_variable_name(base, subscript_text()));
    }
    return symbol(base);
  }

  std::string subscript_text() {
    if (peek().kind != T::LBrace) {
      const Tok t = next();
      if (t.kind != T::Number && t.kind != T::Letter) {
        throw Error(ErrorKind::Parse, fmt::format("expected a subscript, found {}", describe(t)),
                    t.pos);
      }
      return t.kind == T::Number ? t.text.substr(0, 1) : t.text;
    }
    const Tok open = next();
    std::string text;
    int depth = 1;
    while (depth > 0) {
      const Tok& t = peek();
      if (t.kind == T::End) {
        throw Error(ErrorKind::Parse,
                    fmt::format("expected '}}' to close '{{' opened at column {}", open.pos + 1),
                    t.pos);
      }
      if (t.kind == T::LBrace) ++depth;
      if (t.kind == T::RBrace && --depth == 0) break;
      if (t.kind == T::Number || t.kind == T::Letter || t.kind == T::Minus || t.kind == T::Plus) {
        text += t.text;
      }
      next();
    }
    next();
    return text;
  }

  Expr primary() {
    Depth depth(*this);
    const Tok t = next();
    switch (t.kind) {
      case T::Number: return number(Number::parse(t.text));
      case T::Letter:
        if (t.text == "e" && peek().kind != T::Underscore) return e_constant();
        return name(t.text);
      case T::LBrace: {
        --i_;
        return braced();
      }
      case T::LParen: return group(T::RParen, ")", t);
      case T::LBracket: return group(T::RBracket, "]", t);
      case T::Bar: {
        Expr inner = sum();
        if (!accept(T::Bar)) {
          throw Error(ErrorKind::Parse,
                      fmt::format("expected '|' to close '|' opened at column {}", t.pos + 1),
                      peek().pos);
        }
        return func(Fn::Abs, inner);
      }
      case T::Command: return command(t);
      default:
        throw Error(ErrorKind::Parse, fmt::format("expected an expression, found {}", describe(t)),
                    t.pos);
    }
  }

  Expr command(const Tok& t) {
    const std::string& c = t.text;
    if (c == "frac" || c == "dfrac" || c == "tfrac") return fraction(t);
    if (c == "sqrt") return square_root(t);
    if (c == "left") return left(t);
    if (c == "pi") return pi_constant();
    if (c == "exp") return exp(function_argument(t));
    if (c == "hat" || c == "bar" || c == "tilde") {
      if (peek().kind != T::LBrace) return name(c);
      const Tok open = next();
      std::string inner;
      while (peek().kind == T::Letter || peek().kind == T::Number) inner += next().text;
      if (!accept(T::RBrace)) {
        throw Error(ErrorKind::Parse,
                    fmt::format("expected '}}' to close '{{' opened at column {}", open.pos + 1),
                    peek().pos);
      }
      return name(inner + c);
    }
    if (c == "operatorname") {
      if (peek().kind != T::LBrace) {
        throw Error(ErrorKind::Parse, "\\operatorname needs a name in braces", peek().pos);
      }
      next();
      std::string fname;
      while (peek().kind == T::Letter) fname += next().text;
      if (!accept(T::RBrace)) {
        throw Error(ErrorKind::Parse, "expected '}' after the name of \\operatorname", peek().pos);
      }
      auto fn = latex_function(fname);
      if (!fn) {
        throw Error(ErrorKind::Parse, fmt::format("unknown function '{}'", fname), t.pos);
      }
      return apply(*fn, t);
    }
    if (c == "sigma") {
      if (peek().kind == T::Underscore) {  // σ_1(z): the notes number their sigmoids
        next();
        subscript_text();
      }
      if (peek().kind == T::LParen || (peek().kind == T::Command && peek().text == "left")) {
        return apply(Fn::Sigmoid, t);
      }
      return name("sigma");
    }
    if (auto fn = latex_function(c)) return apply(*fn, t);
    if (is_greek(c)) return name(c);
    throw Error(ErrorKind::Parse, fmt::format("unknown command '\\{}'", c), t.pos);
  }

  // f^{2} x means f(x)^2: \sin^2 x.
  Expr apply(Fn fn, const Tok& t) {
    std::optional<Expr> exponent;
    if (accept(T::Caret)) exponent = script();
    Expr result =
        function_info(fn).arity() == 2 ? two_arguments(fn) : func(fn, function_argument(t));
    return exponent ? pow(result, *exponent) : result;
  }

  // \max(a, b) and \max\left(a, b\right): two arguments, always in parentheses.
  Expr two_arguments(Fn fn) {
    const std::string_view name = function_info(fn).name;
    const bool left = peek().kind == T::Command && peek().text == "left";
    if (left) next();
    if (!accept(T::LParen)) {
      throw Error(ErrorKind::Parse,
                  fmt::format("'{}' needs two arguments in parentheses: \\{}(a, b)", name, name),
                  peek().pos);
    }
    Expr a = sum();
    if (!accept(T::Comma)) {
      throw Error(ErrorKind::Parse,
                  fmt::format("expected ',' between the two arguments of '{}'", name), peek().pos);
    }
    Expr b = sum();
    if (left) {
      if (!(peek().kind == T::Command && peek().text == "right")) {
        throw Error(ErrorKind::Parse, "expected '\\right)' to close '\\left('", peek().pos);
      }
      next();
    }
    if (!accept(T::RParen)) {
      throw Error(ErrorKind::Parse, fmt::format("expected ')' after the arguments of '{}'", name),
                  peek().pos);
    }
    return func(fn, a, b);
  }

  // \sin(x), \sin x, \ln 2x: a parenthesised group, or the juxtaposed atoms that follow.
  Expr function_argument(const Tok& t) {
    if (peek().kind == T::LParen || peek().kind == T::LBracket ||
        (peek().kind == T::Command && peek().text == "left") || peek().kind == T::LBrace) {
      return power();
    }
    std::vector<Expr> factors;
    while (peek().kind == T::Number || peek().kind == T::Letter ||
           (peek().kind == T::Command && (is_greek(peek().text) || peek().text == "pi"))) {
      factors.push_back(power());
    }
    if (factors.empty()) {
      throw Error(ErrorKind::Parse, fmt::format("'\\{}' needs an argument", t.text), peek().pos);
    }
    return mul(factors);
  }

  Expr left(const Tok& t) {
    const Tok open = next();
    T close;
    const char* close_text;
    Fn wrap = Fn::Ln;
    bool absolute = false;
    switch (open.kind) {
      case T::LParen:
        close = T::RParen;
        close_text = ")";
        break;
      case T::LBracket:
        close = T::RBracket;
        close_text = "]";
        break;
      case T::Bar:
        close = T::Bar;
        close_text = "|";
        absolute = true;
        wrap = Fn::Abs;
        break;
      default: throw Error(ErrorKind::Parse, "\\left must be followed by (, [ or |", open.pos);
    }
    Expr inner = sum();
    if (!(peek().kind == T::Command && peek().text == "right")) {
      throw Error(ErrorKind::Parse,
                  fmt::format("expected '\\right{}' to close '\\left{}' opened at column {}",
                              close_text, open.text, t.pos + 1),
                  peek().pos);
    }
    next();
    if (!accept(close)) {
      throw Error(ErrorKind::Parse, fmt::format("expected '{}' after \\right", close_text),
                  peek().pos);
    }
    return absolute ? func(wrap, inner) : inner;
  }

  Expr square_root(const Tok& t) {
    if (peek().kind == T::LBracket) {  // \sqrt[n]{x}
      next();
      Expr n = sum();
      if (!accept(T::RBracket))
        throw Error(ErrorKind::Parse, "expected ']' in \\sqrt[n]", peek().pos);
      if (peek().kind != T::LBrace) {
        throw Error(ErrorKind::Parse, "\\sqrt needs its argument in braces: \\sqrt{x}", t.pos);
      }
      return pow(braced(), pow(n, integer(-1)));
    }
    if (peek().kind != T::LBrace) {
      throw Error(ErrorKind::Parse, "\\sqrt needs its argument in braces: \\sqrt{x}", t.pos);
    }
    return sqrt(braced());
  }

  // \frac{a}{b}, and \frac{\partial}{\partial x} f or \frac{\partial (f)}{\partial x}.
  Expr fraction(const Tok& t) {
    if (peek().kind != T::LBrace) {
      throw Error(ErrorKind::Parse, "\\frac needs two arguments: \\frac{numerator}{denominator}",
                  t.pos);
    }
    if (peek(1).kind == T::Command && peek(1).text == "partial") return partial(t);
    // \frac{d}{dx}: the derivative operator written with d.
    if (peek(1).kind == T::Letter && peek(1).text == "d" && peek(2).kind == T::RBrace &&
        peek(3).kind == T::LBrace && peek(4).kind == T::Letter && peek(4).text == "d" &&
        peek(5).kind == T::Letter && peek(6).kind == T::RBrace) {
      const std::string var = peek(5).text;
      for (int k = 0; k < 7; ++k) next();
      if (!differentiate_) {
        throw Error(ErrorKind::Unsupported, "a derivative cannot be evaluated here", t.pos);
      }
      return differentiate_(power(), symbol(var));
    }
    Expr numerator = braced();
    if (peek().kind != T::LBrace) {
      throw Error(ErrorKind::Parse, "\\frac needs two arguments: \\frac{numerator}{denominator}",
                  peek().pos);
    }
    const std::size_t denominator_pos = peek().pos;
    Expr denominator = braced();
    if (denominator.is_zero()) throw Error(ErrorKind::Domain, "division by zero", denominator_pos);
    return div(numerator, denominator);
  }

  Expr partial(const Tok& t) {
    next();  // {
    next();  // \partial
    std::optional<Expr> of;
    if (peek().kind != T::RBrace) of = sum();
    if (!accept(T::RBrace)) {
      throw Error(ErrorKind::Parse, "expected '}' after the numerator of the derivative",
                  peek().pos);
    }
    if (!accept(T::LBrace) || !(peek().kind == T::Command && peek().text == "partial")) {
      throw Error(ErrorKind::Parse, "expected {\\partial x} as the denominator of a derivative",
                  peek().pos);
    }
    next();
    const Tok v = next();
    if (v.kind != T::Letter && !(v.kind == T::Command && is_greek(v.text))) {
      throw Error(ErrorKind::Parse, "expected a variable after \\partial", v.pos);
    }
    Expr var = name(v.text);
    if (!accept(T::RBrace)) {
      throw Error(ErrorKind::Parse, "expected '}' after the variable of the derivative",
                  peek().pos);
    }
    Expr target = of ? *of : power();
    if (!differentiate_) {
      throw Error(ErrorKind::Unsupported, "a derivative cannot be evaluated here", t.pos);
    }
    return differentiate_(target, var);
  }

  std::vector<Tok> t_;
  const Differentiate& differentiate_;
  std::size_t i_ = 0;
  std::size_t depth_ = 0;
};

void check_size(std::string_view input) {
  if (input.size() > limits().max_input_chars) {
    throw Error(ErrorKind::Limit,
                fmt::format("the expression is {} characters long; the limit is {}", input.size(),
                            limits().max_input_chars));
  }
}

}  // namespace

std::string latex_variable_name(std::string_view base, std::string_view subscript) {
  std::string sub;
  for (char c : subscript) {
    if (c == '-') {
      sub += 'm';
    } else if (c == '+') {
      sub += 'p';
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      sub += c;
    }
  }
  const bool digits = !sub.empty() && std::all_of(sub.begin(), sub.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  return std::string(base) + (digits ? sub : "_" + sub);
}

Expr parse_latex(std::string_view input, const Differentiate& differentiate) {
  check_size(input);
  return Parser(tokenize(input), differentiate).parse_all();
}

std::vector<LatexSide> parse_latex_chain(std::string_view input,
                                         const Differentiate& differentiate) {
  check_size(input);
  const std::vector<Tok> tokens = tokenize(input);
  std::vector<LatexSide> sides;
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const T kind = tokens[k].kind;
    if (kind == T::LBrace || kind == T::LParen || kind == T::LBracket) ++depth;
    if (kind == T::RBrace || kind == T::RParen || kind == T::RBracket) --depth;
    if ((kind == T::Equals && depth == 0) || kind == T::End) {
      std::vector<Tok> side(tokens.begin() + static_cast<long>(start),
                            tokens.begin() + static_cast<long>(k));
      const std::size_t from = start < tokens.size() ? tokens[start].pos : input.size();
      const std::size_t to = tokens[k].pos;
      if (side.empty()) throw Error(ErrorKind::Parse, "an empty side of '='", to);
      side.push_back({T::End, to, ""});
      Parser parser(side, differentiate);
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
