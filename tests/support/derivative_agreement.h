// An antiderivative checked independently of the engine's own verification: F′ = f by
// central differences of F's compiled program, at the points x = t where both are
// defined (a domain error skips a point), with the parameters held at given values.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <utility>
#include <vector>

#include "leibniz/core/error.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/numeric/finite_difference.h"

namespace leibniz::testing {

/// How many of the points agree within 1e-5 (relative); each that disagrees fails the test.
inline int derivative_agreements(const Expr& f, const Expr& F, std::initializer_list<double> xs,
                                 std::initializer_list<std::pair<const char*, double>> parameters) {
  std::vector<Expr> vars{symbol("x")};
  std::vector<double> point{0.0};
  for (const auto& [name, value] : parameters) {
    vars.push_back(symbol(name));
    point.push_back(value);
  }
  const Program pf(f, vars), pF(F, vars);
  int agreements = 0;
  for (double t : xs) {
    point[0] = t;
    try {
      const double expected = pf.run(point);
      const double actual = central_difference(pF, point, 0);
      EXPECT_LT(relative_error(actual, expected), 1e-5) << print_text(F) << " at " << t;
      ++agreements;
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::Domain) throw;
    }
  }
  return agreements;
}

}  // namespace leibniz::testing
