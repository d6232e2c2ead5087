#include "leibniz/app/lecture_notes.h"

#include <fmt/format.h>

#include <cctype>

#include "leibniz/app/example_models.h"
#include "leibniz/core/error.h"

namespace leibniz::app::lecture {
namespace {

constexpr const char* kProduct = "(x^2 + y^2)*(x^2*y + y^2*x)";

// The domain of arcsec and arccsc: the notes' formulas hold on half of it.
constexpr const char* kHalfDomain = "for x > 1, the notes' domain; |x| makes it hold for x < -1";

}  // namespace

const std::vector<Rule>& rules() {
  static const std::vector<Rule> kRules = {
      {"Power rule",
       "∂/∂x xⁿ = n·xⁿ⁻¹",
       "\\frac{\\partial}{\\partial x} x^n = n x^{n-1}",
       {"", "x^n", "x", "n*x^(n - 1)"},
       {{"f", "x^3", "x", "3*x^2"}, {"g", "y^4", "y", "4*y^3"}}},
      {"Constant multiple rule",
       "∂/∂x (c·g) = c·∂g/∂x",
       "\\frac{\\partial}{\\partial x}(c \\cdot g) = c \\cdot \\frac{\\partial g}{\\partial x}",
       {"", "c*g(x, y)", "x", "c*diff(g(x, y), x)"},
       {{"f", "5*x^2", "x", "10*x"}, {"g", "7*y^3", "y", "21*y^2"}}},
      {"Sum rule",
       "∂/∂x (g + h) = ∂g/∂x + ∂h/∂x",
       "\\frac{\\partial}{\\partial x}(g + h) = \\frac{\\partial g}{\\partial x} + "
       "\\frac{\\partial h}{\\partial x}",
       {"", "g(x, y) + h(x, y)", "x", "diff(g(x, y), x) + diff(h(x, y), x)"},
       {{"f", "x^2 + y^2", "x", "2*x"}, {"g", "3*x^3 + 4*y", "y", "4"}}},
      {"Product rule",
       "∂/∂x (g·h) = g·∂h/∂x + h·∂g/∂x",
       "\\frac{\\partial}{\\partial x}(g \\cdot h) = g \\cdot \\frac{\\partial h}{\\partial x} + "
       "h \\cdot \\frac{\\partial g}{\\partial x}",
       {"", "g(x, y)*h(x, y)", "x", "g(x, y)*diff(h(x, y), x) + h(x, y)*diff(g(x, y), x)"},
       {{"f", "x^2*y^3", "x", "2*x*y^3"}, {"g", "(3*x)*(4*y^2)", "y", "24*x*y"}}},
      {"Quotient rule",
       "∂/∂x (g/h) = (h·∂g/∂x − g·∂h/∂x)/h²",
       "\\frac{\\partial}{\\partial x}\\frac{g}{h} = \\frac{h \\cdot \\frac{\\partial g}{\\partial "
       "x} - g \\cdot \\frac{\\partial h}{\\partial x}}{h^2}",
       {"", "g(x, y)/h(x, y)", "x",
        "(h(x, y)*diff(g(x, y), x) - g(x, y)*diff(h(x, y), x))/h(x, y)^2"},
       {{"f", "x^2/y", "x", "2*x/y"}, {"g", "y^2/x", "y", "2*y/x"}}},
      {"Chain rule",
       "∂z/∂x = ∂z/∂g·∂g/∂x + ∂z/∂h·∂h/∂x",
       "\\frac{\\partial z}{\\partial x} = \\frac{\\partial z}{\\partial g} \\frac{\\partial "
       "g}{\\partial x} + \\frac{\\partial z}{\\partial h} \\frac{\\partial h}{\\partial x}",
       {"", "z(g(x, y), h(x, y))", "x",
        "diff(z(g(x, y), h(x, y)), g(x, y))*diff(g(x, y), x) + "
        "diff(z(g(x, y), h(x, y)), h(x, y))*diff(h(x, y), x)"},
       {{"f", "e^(x^2 + y^2)", "x", "2*x*e^(x^2 + y^2)"}}},
  };
  return kRules;
}

const std::vector<Derivation>& derivations() {
  static const std::vector<Derivation> kDerivations = {
      {"§4 u·v, ∂f/∂x as the notes simplify it",
       {"(x^2 + y^2)(2xy + y^2) + (x^2y + y^2x)(2x)", "(x^2 + y^2)(2xy + y^2) + 2x(x^2y + y^2x)",
        "2x^3y + x^2y^2 + 2xy^3 + y^4 + 2x^3y + 2xy^3", "4x^3y + x^2y^2 + 4xy^3 + y^4"},
       kProduct,
       "x",
       "4*x^3*y + 3*x^2*y^2 + 2*x*y^3 + y^4",
       "Product rule",
       "2x(x²y + y²x) is 2x³y + 2x²y², not 2x³y + 2xy³"},
      {"§4 u·v, ∂f/∂y as the notes simplify it",
       {"(x^2 + y^2)(x^2 + 2yx) + (x^2y + y^2x)(2y)", "(x^2 + y^2)(x^2 + 2yx) + 2y(x^2y + y^2x)",
        "x^4 + 2x^3y + x^2y^2 + 2yx^2 + 2y^2x^2 + 2y^3x",
        "x^4 + 2x^3y + x^2y^2 + 2x^2y + 2x^2y^2 + 2y^3x", "x^4 + 2x^3y + 3x^2y^2 + 2yx^2 + 2y^3x"},
       kProduct,
       "y",
       "x^4 + 2*x^3*y + 3*x^2*y^2 + 4*x*y^3",
       "Product rule",
       "expanding (x² + y²)(x² + 2yx) loses 2xy³ and invents 2yx²"},
      {"§5 quotient example: a chain of equalities",
       {"\\frac{y \\cdot 2x - x^2 \\cdot 0}{y^2}", "\\frac{2xy}{y^2}", "\\frac{2x}{y}"},
       "",
       "",
       "",
       "Quotient rule",
       ""},
  };
  return kDerivations;
}

const std::vector<DerivativeRow>& derivative_table() {
  static const std::vector<DerivativeRow> kRows = {
      {"n", "0", 0.7, ""},
      {"x", "1", 0.7, ""},
      {"x^n", "n*x^(n-1)", 0.7, ""},
      {"e^x", "e^x", 0.7, ""},
      {"ln(x)", "1/x", 0.7, ""},
      {"n^x", "n^x*ln(n)", 0.7, ""},
      {"sin(x)", "cos(x)", 0.7, ""},
      {"cos(x)", "-sin(x)", 0.7, ""},
      {"tan(x)", "sec(x)^2", 0.7, ""},
      {"cot(x)", "-csc(x)^2", 0.7, ""},
      {"sec(x)", "sec(x)*tan(x)", 0.7, ""},
      {"csc(x)", "-csc(x)*cot(x)", 0.7, ""},
      {"asin(x)", "1/sqrt(1-x^2)", 0.7, ""},
      {"acos(x)", "-1/sqrt(1-x^2)", 0.7, ""},
      {"atan(x)", "1/(1+x^2)", 0.7, ""},
      {"acot(x)", "-1/(1+x^2)", 0.7, ""},
      {"asec(x)", "1/(x*sqrt(x^2-1))", 1.7, kHalfDomain},
      {"acsc(x)", "-1/(x*sqrt(x^2-1))", 1.7, kHalfDomain},
  };
  return kRows;
}

const std::vector<IntegralRow>& integral_table() {
  static const std::vector<IntegralRow> kRows = {
      {"0", "0", ""},
      {"1", "x", ""},
      {"x^n", "x^(n+1)/(n+1)", ""},
      {"e^x", "e^x", ""},
      {"1/x", "ln(x)", "ln|x| also holds for x < 0; the notes' ln x only for x > 0"},
      {"n^x", "n^x/ln(n)", ""},
      {"cos(x)", "sin(x)", ""},
      {"sin(x)", "-cos(x)", ""},
      {"sec(x)^2", "tan(x)", ""},
      {"csc(x)^2", "-cot(x)", ""},
      {"tan(x)*sec(x)", "sec(x)", ""},
      {"cot(x)*csc(x)", "-csc(x)", ""},
      {"1/sqrt(1-x^2)", "asin(x)", ""},
      {"-1/sqrt(1-x^2)", "acos(x)", ""},
      {"1/(1+x^2)", "atan(x)", ""},
      {"-1/(1+x^2)", "acot(x)", ""},
      {"1/(x*sqrt(x^2-1))", "asec(x)",
       "arcsec|x| also holds for x < -1; the notes' arcsec x only for x > 1"},
      {"-1/(x*sqrt(x^2-1))", "acsc(x)",
       "arccsc|x| also holds for x < -1; the notes' arccsc x only for x > 1"},
  };
  return kRows;
}

const std::vector<Network>& networks() {
  static const std::vector<Network> kNetworks = {
      {"two_sigmoids", "two_sigmoids.lz", "Backpropagation in neural networks: two sigmoids", "0.1",
       ""},
      {"three_neurons", "three_neurons.lz", "Backpropagation in ANN: neurons P1, P2, P3", "0.1",
       "The notes' ψ'(t) ≈ ψ(t)(1 − ψ(t)) is an approximation (the deriv line): the true ψ'(t) "
       "= ln(3)·ψ(t)(1 − ψ(t)), so the answer key's ∂C/∂w11 = −6·ln 3, not −6. Tick “true "
       "derivatives” to see them."},
      {"recurrent", "recurrent.lz", "Backpropagation in RNN: the recurrent cell, two steps", "0.1",
       "The notes update h_{t−1} with 2(ŷ_t − y_t); the full ∂L/∂h_{t−1} = ∂L/∂o_t + ∂L/∂s_t "
       "also carries the terms through s_t and later steps (∂L/∂h₀ = −57/8 here)."},
  };
  return kNetworks;
}

std::string_view Network::model() const { return example_model(file); }

std::string as_written(std::string_view text) {
  static const char* const kSuperscript[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '*') continue;
    if (c == '^' && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      while (i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
        out += kSuperscript[text[++i] - '0'];
      }
      continue;
    }
    out += c;
  }
  return out;
}

const Network& network(std::string_view id) {
  for (const Network& n : networks()) {
    if (n.id == id) return n;
  }
  throw Error(ErrorKind::Internal, fmt::format("the notes have no network '{}'", id));
}

}  // namespace leibniz::app::lecture
