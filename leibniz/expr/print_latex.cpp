// LaTeX in the notes' style: \frac{2 x}{y}, 2 x e^{x^{2} + y^{2}}, \sin\left(y\right).
#include <algorithm>
#include <cctype>
#include <string>

#include "leibniz/expr/notation.h"
#include "leibniz/expr/parse_latex_names.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

// A float in positional notation, which parse_latex reads back as the same float:
// 1e-05 would read as 1·e − 5.
std::string positional(const Number& n) {
  if (n.is_negative()) return "-" + positional(-n);
  std::string text = n.to_string();
  const std::size_t e = text.find('e');
  if (e == std::string::npos) return text;
  const int exponent = std::stoi(text.substr(e + 1));
  std::string digits = text.substr(0, e);
  std::size_t point = digits.find('.');
  if (point == std::string::npos) point = digits.size();
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  const long at = static_cast<long>(point) + exponent;  // the new place of the point
  if (at <= 0) return "0." + std::string(static_cast<std::size_t>(-at), '0') + digits;
  if (at >= static_cast<long>(digits.size())) {
    return digits + std::string(static_cast<std::size_t>(at) - digits.size(), '0') + ".0";
  }
  return digits.substr(0, static_cast<std::size_t>(at)) + "." +
         digits.substr(static_cast<std::size_t>(at));
}

class LatexNotation final : public Notation {
 public:
  std::string number(const Number& n) const override {
    return n.is_float() ? positional(n) : n.to_string();
  }
  std::string symbol(const std::string& name) const override { return latex_name(name); }
  std::string constant(ConstantId id) const override { return id == ConstantId::E ? "e" : "\\pi"; }
  std::string call(const FunctionInfo& f, const std::string& argument) const override {
    if (f.fn == Fn::Abs) return joined({"\\left|", argument, "\\right|"});
    return joined({f.latex, "\\left(", argument, "\\right)"});
  }
  std::string parens(const std::string& inner) const override {
    return joined({"\\left(", inner, "\\right)"});
  }
  std::string power(const std::string& base, const Expr& /*exponent*/,
                    const std::string& exponent_text, Precedence /*prec*/) const override {
    // \frac{1}{2}^{x} would show the power on the denominator's side.
    if (base.starts_with("\\frac"))
      return joined({"\\left(", base, "\\right)^{", exponent_text, "}"});
    return joined({base, "^{", exponent_text, "}"});
  }
  std::string square_root(const std::string& radicand) const override {
    return joined({"\\sqrt{", radicand, "}"});
  }
  std::string product(std::span<const Piece> factors) const override {
    std::string out;
    const std::string* previous = nullptr;
    for (const Piece& piece : factors) {
      const std::string& f = piece.text;
      if (!out.empty()) {
        // 2 \cdot 3^x, and f \cdot (x + 1): f(x + 1) would read as a function of x + 1.
        const bool function_letter =
            previous &&
            (*previous == "f" || *previous == "g" || *previous == "F" || *previous == "G") &&
            f.starts_with("\\left(");
        out += std::isdigit(static_cast<unsigned char>(f[0])) || function_letter ? " \\cdot " : " ";
      }
      out += f;
      previous = &f;
    }
    return out;
  }
  std::string fraction(const std::string& numerator, Precedence /*numerator_prec*/,
                       const std::string& denominator,
                       Precedence /*denominator_prec*/) const override {
    return joined({"\\frac{", numerator, "}{", denominator, "}"});
  }
  Precedence fraction_precedence() const override { return Precedence::Atom; }
  // \frac{\partial g\left(x, y\right)}{\partial x}, \frac{\partial^{2} g\left(x,
  // y\right)}{\partial x \partial y}, ∂f/∂g at (g(x, y), h(x, y)) as
  // \frac{\partial f\left(g\left(x, y\right), …\right)}{\partial g}, and \partial
  // \left(x y\right) for the argument x y; of one argument that is no variable,
  // g'\left(x^{2}\right). parse_latex reads them back.
  Piece derivative(const std::string& name, const std::string& arguments, std::size_t arity,
                   const std::vector<SlotLabel>& labels) const override {
    const std::string function = name + arguments;
    const bool variables =
        std::all_of(labels.begin(), labels.end(), [](const SlotLabel& l) { return l.variable; });
    if (!variables && arity == 1) {
      return {name + std::string(labels.size(), '\'') + arguments, Precedence::Atom};
    }
    // A slot only its place names has no \partial form: \operatorname{diff} writes it as
    // the text syntax does, and reads back.
    const bool named = std::all_of(labels.begin(), labels.end(),
                                   [](const SlotLabel& l) { return !l.after_partial.empty(); });
    if (!named) {
      std::string text = function;
      for (const SlotLabel& l : labels) {
        text = "\\operatorname{diff}\\left(" + text + ", " + l.in_diff + "\\right)";
      }
      return {text, Precedence::Atom};
    }
    // \partial \pi_{x} would read as the constant π, \partial {\sigma} as no variable:
    // such a name goes in parentheses, as an argument does.
    auto shown = [this](const std::string& wrt) {
      const bool readable = std::isalpha(static_cast<unsigned char>(wrt[0])) ||
                            (wrt[0] == '\\' && !wrt.starts_with("\\pi"));
      return readable ? wrt : parens(wrt);
    };
    auto order = [](std::size_t n) { return n > 1 ? "^{" + std::to_string(n) + "}" : ""; };
    std::string below;
    for (std::size_t i = 0; i < labels.size();) {
      std::size_t same = i;
      while (same < labels.size() && labels[same].after_partial == labels[i].after_partial) ++same;
      below += (i == 0 ? "\\partial " : " \\partial ") + shown(labels[i].after_partial) +
               order(same - i);
      i = same;
    }
    return {"\\frac{\\partial" + order(labels.size()) + " " + function + "}{" + below + "}",
            Precedence::Atom};
  }
  // f(x) and g(x) as the notes write them; \operatorname{h}(x), since h(x) reads as a product.
  std::string function_name(const std::string& name) const override {
    if (name == "f" || name == "g" || name == "F" || name == "G") return name;
    return "\\operatorname{" + name + "}";
  }
};

}  // namespace

const Notation& latex_notation() {
  static const LatexNotation notation;
  return notation;
}

std::string print_latex(const Expr& e) { return print_with(latex_notation(), e); }

}  // namespace leibniz
