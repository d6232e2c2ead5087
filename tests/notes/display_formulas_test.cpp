// Every display formula ($$ ... $$) of the lecture notes that is an expression or a
// chain of equalities parses as LaTeX; each one that does not is listed with the
// reason it is not an expression.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/parse_latex.h"

namespace leibniz {
namespace {

struct Reason {
  const char* marker;  // a piece of LaTeX that shows what kind of formula it is
  const char* why;
};

// In order: the first marker found gives the reason.
const Reason kNotExpressions[] = {
    {"\\int", "a row of the integral table (leibniz integrate reads the integrand)"},
    {"= ?", "a question, not a formula"},
    {"\\text", "prose around a formula"},
    {"\\leftarrow", "a gradient-descent update (leibniz backprop --lr)"},
    {"^{new}", "updated parameters (leibniz backprop --lr)"},
    {"pmatrix", "a vector of numbers"},
    {"\\nabla", "gradient-vector notation"},
    {"\\sum", "a sum over time steps (leibniz backprop, recurrent models)"},
    {"\\underbrace", "an annotated formula"},
    {"'", "derivative notation: σ', ψ', f'"},
    {"\\partial L", "backpropagation over adjoints ∂L/∂node (leibniz backprop --symbolic)"},
    {"\\partial C", "backpropagation over adjoints ∂C/∂node (leibniz backprop --symbolic)"},
    {",", "abstract functions g(x, y) or a list of values"},
};

std::vector<std::string> display_formulas() {
  std::ifstream in(LEIBNIZ_NOTES);
  EXPECT_TRUE(in) << "cannot read " << LEIBNIZ_NOTES;
  std::stringstream text;
  text << in.rdbuf();
  const std::string notes = text.str();
  std::vector<std::string> formulas;
  for (std::size_t pos = notes.find("$$"); pos != std::string::npos;) {
    const std::size_t end = notes.find("$$", pos + 2);
    if (end == std::string::npos) break;
    formulas.push_back(notes.substr(pos + 2, end - pos - 2));
    pos = notes.find("$$", end + 2);
  }
  return formulas;
}

TEST(NotesDisplayFormulas, EveryExpressionParsesTheRestHaveAReason) {
  const Differentiate d = [](const Expr& e, const Expr& v) {
    return derivative(e, std::span(&v, 1));
  };
  // The rows of the integral table: \int f \, dx = F + C.
  const Integrate integral = [](const Expr& f, const Expr& v, const Expr&, const Expr&) {
    return integrate(f, v);
  };
  const std::vector<std::string> formulas = display_formulas();
  int parsed = 0;
  for (const std::string& f : formulas) {
    try {
      parse_latex_chain(f, d, integral);
      ++parsed;
    } catch (const Error& error) {
      const Reason* reason = nullptr;
      for (const Reason& r : kNotExpressions) {
        if (f.find(r.marker) != std::string::npos) {
          reason = &r;
          break;
        }
      }
      EXPECT_NE(reason, nullptr) << "an expression that does not parse: " << f << "\n"
                                 << error.what();
    }
  }
  EXPECT_EQ(formulas.size(), 198u);
  EXPECT_GE(parsed, 137);  // 114 before the LaTeX of spec §2, version 2
}

TEST(NotesDisplayFormulas, TheQuotientRuleChainHoldsLinkByLink) {
  const Differentiate d = [](const Expr& e, const Expr& v) {
    return derivative(e, std::span(&v, 1));
  };
  const auto sides = parse_latex_chain(
      "\\frac{\\partial f}{\\partial x} = \\frac{y \\cdot \\frac{\\partial (x^2)}{\\partial x} - "
      "x^2 \\cdot \\frac{\\partial y}{\\partial x}}{y^2} = \\frac{y \\cdot (2x) - x^2 \\cdot "
      "0}{y^2} = \\frac{2xy}{y^2} = \\frac{2x}{y}",
      d);
  ASSERT_EQ(sides.size(), 5u);
  EXPECT_TRUE(sides[0].value.is_null());  // the label ∂f/∂x
  for (std::size_t i = 2; i < sides.size(); ++i) EXPECT_EQ(sides[i].value, sides[1].value);
}

}  // namespace
}  // namespace leibniz
