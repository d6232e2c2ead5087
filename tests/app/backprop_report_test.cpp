// The text of `leibniz backprop` (app/backprop_report.h), past the line where a model is
// computed in doubles.
#include "leibniz/app/backprop_report.h"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "fixture.h"
#include "leibniz/graph/numeric_graph.h"

namespace leibniz::app {
namespace {

TEST(BackpropReport, ASumOfThousandsOfTermsIsOneShortLine) {
  const graph::Graph g = graph::testing::model(
      "const T = 3000\nparam w = 0.5\nparam b = 0.1\ninput h[0] = 0.3\ntarget y = 0.2\n"
      "h[t] = tanh(w*h[t-1] + b) for t = 1..T\nloss L = (h[T] - y)^2\n");
  std::unique_ptr<graph::NumericGraph> numeric;
  const graph::Evaluation at = graph::evaluate(g, graph::initial_assignment(g), nullptr, numeric);
  ASSERT_FALSE(at.exact);
  // w is read by every step: the report sums up its 3000 terms in one short line.
  std::ostringstream out;
  write_backprop(out, g, graph::initial_assignment(g), at, ReportOptions{});
  const std::string text = out.str();
  const auto line = text.find("the sum of 3000 terms from h_1, …, h_3000; the largest ");
  ASSERT_NE(line, std::string::npos);
  EXPECT_LT(text.find('\n', line) - line, 120u);
}

}  // namespace
}  // namespace leibniz::app
