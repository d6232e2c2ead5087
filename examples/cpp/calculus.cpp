// A few results from the leibniz library (examples/cpp/expected.txt is what it prints).
#include <leibniz/leibniz.h>

#include <iostream>

int main() {
  const leibniz::Expr e = leibniz::parse("x^2*sin(y)");
  std::cout << "f = " << leibniz::to_text(e) << "\n";
  std::cout << "df/dx = " << leibniz::to_text(leibniz::diff(e, "x")) << "\n";
  std::cout << "d2f/dxdy = " << leibniz::to_text(leibniz::diff(e, {"x", "y"})) << "\n";
  std::cout << "in LaTeX: " << leibniz::to_latex(leibniz::diff(e, "x")) << "\n";
  std::cout << "simplify((x^2 - 1)/(x - 1)) = "
            << leibniz::to_text(leibniz::simplify(leibniz::parse("(x^2 - 1)/(x - 1)"))) << "\n";
  std::cout << "integral of x*e^x dx = "
            << leibniz::to_text(leibniz::integrate(leibniz::parse("x*e^x"), "x")) << "\n";
  std::cout << "from LaTeX: " << leibniz::to_text(leibniz::parse_latex(R"(\frac{d}{dx} \ln x)"))
            << "\n";
  std::cout << "f(1, 0.5) = " << leibniz::evaluate(e, {{"x", 1.0}, {"y", 0.5}}) << "\n";
  try {
    leibniz::parse("sin(x");
  } catch (const leibniz::Error& err) {
    std::cout << "parse(\"sin(x\"): " << leibniz::kind_name(err.kind()) << " error at "
              << err.pos().value_or(0) << ": " << err.what() << "\n";
  }
}
