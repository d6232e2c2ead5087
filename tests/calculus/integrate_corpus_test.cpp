// The corpus of first-course integrals (tests/data/integrals.txt): every line is
// solved, and its answer differentiated back, here and independently by central
// finite differences; the lines marked "!" are refused as unsupported.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/core/error.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "support/derivative_agreement.h"

namespace leibniz {
namespace {

struct Line {
  std::string integrand;
  bool unsupported;
};

std::vector<Line> corpus() {
  std::ifstream in(std::string(LEIBNIZ_TEST_DATA) + "/integrals.txt");
  std::vector<Line> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '!') {
      lines.push_back({line.substr(1), true});
    } else {
      lines.push_back({line, false});
    }
  }
  return lines;
}

// F' = f at a few points where f is defined; the other symbols are 1.3.
int finite_difference_agreements(const Expr& f, const Expr& F) {
  return testing::derivative_agreements(
      f, F, {0.31, 0.77, 1.43, 2.6, -0.55, -1.9},
      {{"a", 1.3}, {"b", 1.3}, {"c", 1.3}, {"k", 1.3}, {"n", 1.3}});
}

TEST(IntegrateCorpus, HasAtLeastTwoHundredIntegrals) { EXPECT_GE(corpus().size(), 200u); }

TEST(IntegrateCorpus, EverySolvableLineIsSolvedAndChecked) {
  const Expr x = symbol("x");
  int solved = 0;
  for (const Line& line : corpus()) {
    if (line.unsupported) continue;
    const Expr f = parse_text(line.integrand);
    try {
      const Expr F = integrate(f, x);
      EXPECT_NO_THROW(check_antiderivative(f, F, x)) << line.integrand;
      EXPECT_GE(finite_difference_agreements(f, F), 1) << line.integrand;
      ++solved;
    } catch (const Error& error) {
      ADD_FAILURE() << line.integrand << ": " << kind_name(error.kind()) << ": " << error.what();
    }
  }
  EXPECT_GE(solved, 200);
}

TEST(IntegrateCorpus, LinesWithoutElementaryAntiderivativeAreUnsupported) {
  for (const Line& line : corpus()) {
    if (!line.unsupported) continue;
    try {
      const Expr F = integrate(parse_text(line.integrand), symbol("x"));
      ADD_FAILURE() << line.integrand << " gave " << print_text(F);
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::Unsupported) << line.integrand << ": " << error.what();
    }
  }
}

}  // namespace
}  // namespace leibniz
