// Gradients against central finite differences; an override that differs is flagged.
#include "leibniz/graph/gradcheck.h"

#include <gtest/gtest.h>

#include <sstream>

#include "fixture.h"

namespace leibniz::graph {
namespace {

TEST(Gradcheck, TheNotesNetworksAgree) {
  for (const char* file : {"two_sigmoids.lz", "recurrent.lz"}) {
    const Graph g = load_graph(testing::examples(file));
    const Gradcheck check = gradcheck(g, initial_assignment(g));
    EXPECT_TRUE(check.agree) << file;
    EXPECT_LT(check.entries[check.worst].relative_error, 1e-8) << file;
  }
}

TEST(Gradcheck, AnApproximateOverrideIsFlagged) {
  const Graph g = load_graph(testing::examples("three_neurons.lz"));
  const Gradcheck check = gradcheck(g, initial_assignment(g));
  EXPECT_FALSE(check.agree);
  ASSERT_EQ(check.overrides.size(), 1u);
  EXPECT_NEAR(check.overrides[0].relative_error, 0.0184898, 1e-6);
  // w21, w31, b2, b3 do not pass through psi: they agree
  for (const GradcheckEntry& e : check.entries) {
    const std::string& name = g.node(e.node).name;
    const bool through_psi =
        name == "w11" || name == "w12" || name == "b1" || name == "x1" || name == "x2";
    EXPECT_EQ(e.relative_error > 1e-6, through_psi) << name;
  }
  std::ostringstream out;
  write_gradcheck(out, g, check);
  EXPECT_NE(out.str().find("override in use: psi'(t) = psi(t)*(1 - psi(t)) differs from the true "
                           "derivative at z1 = psi(t1): 3/16 (0.1875) instead of 3*ln(3)/16 "
                           "(0.2059898041)"),
            std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("SOME GRADIENTS DIFFER"), std::string::npos);
}

TEST(Gradcheck, TheTrueDerivativeAgrees) {
  const Graph g = load_graph(testing::examples("three_neurons.lz"), BuildOptions{false});
  EXPECT_TRUE(gradcheck(g, initial_assignment(g)).agree);
}

}  // namespace
}  // namespace leibniz::graph
