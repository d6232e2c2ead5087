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

// relu at 0 and a tie of max: central differences cannot check the convention there,
// so those gradients are marked and left out of the verdict; the others are checked.
TEST(Gradcheck, GradientsAtAKinkAreMarkedNotFailed) {
  const Graph g = testing::model(
      "param a = 2\nparam b = 2\nparam c = 1\nloss L = max(a, b) + relu(c - 1) + c^2\n");
  const Gradcheck check = gradcheck(g, initial_assignment(g));
  EXPECT_TRUE(check.agree);
  ASSERT_EQ(check.entries.size(), 3u);
  for (const GradcheckEntry& e : check.entries) {
    const std::string& name = g.node(e.node).name;
    EXPECT_EQ(e.kink, name == "c" ? "relu(c - 1)" : "max(a, b)") << name;
  }
  const Graph smooth = testing::model("param a = 3\nparam b = 2\nloss L = max(a, b)*relu(a)\n");
  const Gradcheck away = gradcheck(smooth, initial_assignment(smooth));
  EXPECT_TRUE(away.agree);
  for (const GradcheckEntry& e : away.entries) EXPECT_EQ(e.kink, "");
}

TEST(Gradcheck, TheTrueDerivativeAgrees) {
  const Graph g = load_graph(testing::examples("three_neurons.lz"), BuildOptions{false});
  EXPECT_TRUE(gradcheck(g, initial_assignment(g)).agree);
}

}  // namespace
}  // namespace leibniz::graph
