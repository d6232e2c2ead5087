// Index expressions of the recurrent syntax.
#include "leibniz/graph/index_expand.h"

#include <gtest/gtest.h>

namespace leibniz::graph {
namespace {

TEST(IndexExpand, IndexExpressions) {
  const Source s{"m.lz", "t-1 2*(T+1) -t"};
  const Bindings b{{"t", 3}, {"T", 2}};
  EXPECT_EQ(evaluate_index(s, 0, 3, b), 2);
  EXPECT_EQ(evaluate_index(s, 4, 11, b), 6);
  EXPECT_EQ(evaluate_index(s, 12, 14, b), -3);
}

TEST(IndexExpand, Ranges) {
  const Source s{"m.lz", "t = 1..T"};
  const Range r = parse_range(s, 0, s.text.size(), Bindings{{"T", 4}});
  EXPECT_EQ(r.name, "t");
  EXPECT_EQ(r.first, 1);
  EXPECT_EQ(r.last, 4);
}

TEST(IndexExpand, ElementNames) { EXPECT_EQ(element_name("h", 0), "h_0"); }

}  // namespace
}  // namespace leibniz::graph
