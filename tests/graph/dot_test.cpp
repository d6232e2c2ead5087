// Pictures of the graph: DOT text, and files written atomically.
#include "leibniz/graph/dot.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixture.h"
#include "leibniz/core/limits.h"

namespace leibniz::graph {
namespace {

TEST(Dot, NodesWithValuesEdgesWithGradients) {
  const Graph g = load_graph(testing::examples("two_sigmoids.lz"));
  std::unique_ptr<NumericGraph> numeric;
  const Pass pass = run_pass(g, initial_assignment(g), numeric);
  const std::string dot = dot_text(g, pass);
  EXPECT_EQ(dot.rfind("digraph model {", 0), 0u);
  EXPECT_NE(dot.find(R"(label="param w1\n= 0.5\n∂L/∂w1 = 0.125")"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"(label="o1 = σ(w1·x + b1)\n= 0.5\n∂L/∂o1 = 0.5")"), std::string::npos)
      << dot;
  EXPECT_NE(dot.find(R"(n0 -> n5 [label="← 0.125"];)"), std::string::npos) << dot;
}

// A chain of `steps` steps: steps + 3 nodes (w, h_0, the steps, L).
Graph chain(int steps) {
  return testing::model("const T = " + std::to_string(steps) +
                        "\nparam w = 0.5\ninput h[0] = 0\nfor t = 1..T\n  h[t] = h[t-1]*w + 1\n"
                        "end\nloss L = h[T]^2\n");
}

TEST(Dot, PicturesHaveANodeLimit) {
  EXPECT_EQ(testing::error_of([] { check_picture_size(chain(997)); }), "no error");
  EXPECT_EQ(testing::error_of([] { check_picture_size(chain(998)); }),
            "limit: the graph has 1001 nodes; Graphviz draws pictures of at most 1000 nodes "
            "(--dot writes the graph without drawing it)");
}

TEST(Dot, DrawingKeepsTheTimeLimit) {
  const Graph g = chain(900);
  std::unique_ptr<NumericGraph> numeric;
  const Pass pass = run_pass(g, initial_assignment(g), numeric);
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("leibniz_dot_limit_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  EXPECT_EQ(testing::error_of([&] {
              TimeBudget budget(0.01);
              write_picture(g, pass, (dir / "g.png").string(), PictureFormat::Png);
            }),
            "limit: the computation took longer than the time limit of 0.01 s");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 0);  // nothing left
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace leibniz::graph
