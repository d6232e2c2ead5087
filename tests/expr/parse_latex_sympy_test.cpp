// An independent oracle for the LaTeX reader: expressions as SymPy prints them, with their
// values computed by SymPy (tests/data/sympy_latex.py). Each one reads to the same value,
// or is refused with a leibniz::Error: never another value.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <string>

#include "leibniz/calculus/diff.h"
#include "leibniz/core/error.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse_latex.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

TEST(ParseLatexSympy, EveryFormSympyPrintsReadsToItsValueOrIsRefused) {
  std::ifstream in(LEIBNIZ_TEST_DATA "/sympy_latex.tsv");
  ASSERT_TRUE(in) << "cannot read sympy_latex.tsv";
  const std::vector<Expr> vars{symbol("x"), symbol("y"), symbol("w_1"), symbol("theta")};
  const std::vector<double> point{0.37, 0.61, 0.23, 0.41};
  int read = 0, refused = 0;
  for (std::string line; std::getline(in, line);) {
    const std::size_t tab = line.find('\t');
    const double expected = std::stod(line.substr(0, tab));
    const std::string latex = line.substr(tab + 1);
    Expr e;
    try {
      e = parse_latex(latex);
    } catch (const Error&) {
      ++refused;
      continue;
    }
    const double value = Program(e, vars).run(point);
    EXPECT_NEAR(value, expected, 1e-9 * std::max(1.0, std::fabs(expected)))
        << latex << " read as " << print_text(e);
    ++read;
  }
  EXPECT_GT(read, 1400);
  EXPECT_LT(refused, read / 20);
}

}  // namespace
}  // namespace leibniz
