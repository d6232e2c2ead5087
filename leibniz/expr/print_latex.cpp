// LaTeX in the notes' style: \frac{2 x}{y}, 2 x e^{x^{2} + y^{2}}, \sin\left(y\right).
#include <array>
#include <cctype>
#include <string_view>

#include "leibniz/expr/notation.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

constexpr std::array<std::string_view, 24> kGreek = {
    "alpha", "beta",  "gamma",  "delta", "epsilon", "zeta",  "eta",   "theta",
    "iota",  "kappa", "lambda", "mu",    "nu",      "xi",    "rho",   "sigma",
    "tau",   "phi",   "chi",    "psi",   "omega",   "Gamma", "Delta", "Omega"};

std::string latex_name(const std::string& name) {
  if (name.size() == 1) return name;
  for (std::string_view g : kGreek) {
    if (name == g) return "\\" + name;
  }
  if (name.size() > 3 && name.ends_with("hat"))
    return "\\hat{" + latex_name(name.substr(0, name.size() - 3)) + "}";
  if (auto underscore = name.find('_'); underscore != std::string::npos && underscore > 0) {
    return latex_name(name.substr(0, underscore)) + "_{" + name.substr(underscore + 1) + "}";
  }
  // w1 -> w_{1}: letters then digits.
  std::size_t digits = name.size();
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(name[digits - 1]))) --digits;
  if (digits > 0 && digits < name.size()) {
    return latex_name(name.substr(0, digits)) + "_{" + name.substr(digits) + "}";
  }
  return "\\mathrm{" + name + "}";
}

class LatexNotation final : public Notation {
 public:
  std::string number(const Number& n) const override { return n.to_string(); }
  std::string symbol(const std::string& name) const override { return latex_name(name); }
  std::string constant(ConstantId id) const override { return id == ConstantId::E ? "e" : "\\pi"; }
  std::string call(const FunctionInfo& f, const std::string& argument) const override {
    if (f.fn == Fn::Abs) return "\\left|" + argument + "\\right|";
    return std::string(f.latex) + parens(argument);
  }
  std::string parens(const std::string& inner) const override {
    return "\\left(" + inner + "\\right)";
  }
  std::string power(const std::string& base, const Expr& /*exponent*/,
                    const std::string& exponent_text, Precedence /*prec*/) const override {
    return base + "^{" + exponent_text + "}";
  }
  std::string square_root(const std::string& radicand) const override {
    return "\\sqrt{" + radicand + "}";
  }
  std::string product(const std::vector<std::string>& factors,
                      const std::vector<bool>& /*is_number*/) const override {
    std::string out;
    for (const std::string& f : factors) {
      if (!out.empty()) {
        out += std::isdigit(static_cast<unsigned char>(f[0])) ? " \\cdot " : " ";
      }
      out += f;
    }
    return out;
  }
  std::string fraction(const std::string& numerator, Precedence /*numerator_prec*/,
                       const std::string& denominator,
                       Precedence /*denominator_prec*/) const override {
    return "\\frac{" + numerator + "}{" + denominator + "}";
  }
  Precedence fraction_precedence() const override { return Precedence::Atom; }
};

}  // namespace

std::string print_latex(const Expr& e) { return print_with(LatexNotation(), e); }

}  // namespace leibniz
