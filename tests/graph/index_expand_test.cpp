// Exact numbers and index expressions of the recurrent syntax.
#include "leibniz/graph/index_expand.h"

#include <gtest/gtest.h>

namespace leibniz::graph {
namespace {

std::string exact(const char* text) {
  const auto n = parse_exact_number(text);
  return n ? n->to_string() : "not a number";
}

TEST(IndexExpand, ExactNumbers) {
  EXPECT_EQ(exact("0.5"), "1/2");
  EXPECT_EQ(exact("-2"), "-2");
  EXPECT_EQ(exact("0.4875"), "39/80");
  EXPECT_EQ(exact("1e-3"), "1/1000");
  EXPECT_EQ(exact("2.5E2"), "250");
  EXPECT_EQ(exact(".25"), "1/4");
  EXPECT_EQ(exact("3/4"), "3/4");
  EXPECT_EQ(exact("-3/4"), "-3/4");
  EXPECT_EQ(exact("abc"), "not a number");
  EXPECT_EQ(exact("1.2.3"), "not a number");
  EXPECT_EQ(exact("1/0"), "not a number");
  EXPECT_EQ(exact(""), "not a number");
}

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
