// Unicode math for a terminal: 4x³y + 3x²y², 2x·e^(x² + y²), √x, |x|, σ(z), π.
#include <algorithm>
#include <cctype>

#include "leibniz/expr/notation.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

std::string superscript(const std::string& digits) {
  static const char* const kDigits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : digits) {
    if (c == '-') {
      out += "⁻";
    } else {
      out += kDigits[c - '0'];
    }
  }
  return out;
}

bool is_superscript_byte_run(const std::string& s, std::size_t from) {
  // Superscript digits and the minus sign are multi-byte UTF-8 sequences.
  for (std::size_t i = from; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) < 0x80) return false;
  }
  return true;
}

bool ends_with_superscript(const std::string& s) {
  return !s.empty() && static_cast<unsigned char>(s.back()) >= 0x80;
}

// One letter, possibly with a superscript.
bool is_simple(const std::string& s) {
  if (s.empty()) return false;
  if (s.rfind("π", 0) == 0) return is_superscript_byte_run(s, std::string("π").size());
  return std::isalpha(static_cast<unsigned char>(s[0])) && is_superscript_byte_run(s, 1);
}

// Whether two factors may stand side by side, and still read back as two: "x³y" and
// "πx", but not "xy" (the name xy) nor "x" "y²" ("xy²").
bool juxtaposable(const std::string& left, const std::string& right) {
  if (!is_simple(left) || !is_simple(right)) return false;
  return ends_with_superscript(left) || left.rfind("π", 0) == 0;
}

// After a number, a factor may follow directly unless it would join the number:
// "2e1" (the name e1) would be 20, "2|x|" would be ambiguous inside bars.
bool follows_number(const std::string& factor) {
  const auto c = static_cast<unsigned char>(factor[0]);
  if (std::isdigit(c) || factor[0] == '|' || factor[0] == '.') return false;
  if (factor.starts_with("∂")) return false;  // 2·∂g(x)/∂x: the number stays apart
  if ((factor[0] == 'e' || factor[0] == 'E') && factor.size() > 1 &&
      (std::isdigit(static_cast<unsigned char>(factor[1])) || factor[1] == '+' ||
       factor[1] == '-')) {
    return false;
  }
  return true;
}

class UnicodeNotation final : public Notation {
 public:
  std::string number(const Number& n) const override { return n.to_string(); }
  std::string symbol(const std::string& name) const override { return name; }
  std::string constant(ConstantId id) const override { return id == ConstantId::E ? "e" : "π"; }
  std::string call(const FunctionInfo& f, const std::string& argument) const override {
    if (f.fn == Fn::Abs) return "|" + argument + "|";
    return std::string(f.unicode) + "(" + argument + ")";
  }
  std::string parens(const std::string& inner) const override { return "(" + inner + ")"; }
  std::string power(const std::string& base, const Expr& exponent, const std::string& exponent_text,
                    Precedence exponent_prec) const override {
    if (exponent.is_integer()) return base + superscript(exponent.number().to_string());
    if (exponent_prec >= Precedence::Atom) return base + "^" + exponent_text;
    return base + "^(" + exponent_text + ")";
  }
  std::string square_root(const std::string& radicand) const override {
    // √x, √w1, √2; but √(2x), not √2x (which reads as √2·x).
    const bool digits = std::all_of(radicand.begin(), radicand.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    const bool name = std::isalpha(static_cast<unsigned char>(radicand[0])) &&
                      std::all_of(radicand.begin(), radicand.end(), [](char c) {
                        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                      });
    return digits || name ? "√" + radicand : "√(" + radicand + ")";
  }
  // The notes' ∂g(x, y)/∂x, ∂²g(x, y)/∂x∂y, ∂f(g(x, y), h(x, y))/∂g, ∂f(x·y, x)/∂(x·y);
  // of one argument that is no variable, g′(x²); parse_text reads them. A slot only its
  // place names: the text syntax's diff(f(x, x), 1).
  Piece derivative(const std::string& name, const std::string& arguments, std::size_t arity,
                   const std::vector<SlotLabel>& labels) const override {
    const bool named = std::all_of(labels.begin(), labels.end(),
                                   [](const SlotLabel& l) { return !l.after_partial.empty(); });
    const bool variables =
        std::all_of(labels.begin(), labels.end(), [](const SlotLabel& l) { return l.variable; });
    if (!variables && arity == 1) {
      std::string primes;
      for (std::size_t k = 0; k < labels.size(); ++k) primes += "′";
      return {name + primes + arguments, Precedence::Atom};
    }
    if (!named) return Notation::derivative(name, arguments, arity, labels);
    const std::string function = name + arguments;
    auto order = [](std::size_t n) { return n > 1 ? superscript(std::to_string(n)) : ""; };
    std::string below;
    for (std::size_t i = 0; i < labels.size();) {
      std::size_t same = i;
      while (same < labels.size() && labels[same].after_partial == labels[i].after_partial) ++same;
      below += "∂" + labels[i].after_partial + order(same - i);
      i = same;
    }
    return {"∂" + order(labels.size()) + function + "/" + below, Precedence::Quotient};
  }
  std::string product(std::span<const Piece> factors) const override {
    std::string out;
    for (std::size_t i = 0; i < factors.size(); ++i) {
      if (i > 0) {
        const bool after_number = factors[i - 1].numeric && follows_number(factors[i].text);
        out += after_number || juxtaposable(factors[i - 1].text, factors[i].text) ? "" : "·";
      }
      out += factors[i].text;
    }
    return out;
  }
};

}  // namespace

std::string print_unicode(const Expr& e) { return print_with(UnicodeNotation(), e); }

}  // namespace leibniz
