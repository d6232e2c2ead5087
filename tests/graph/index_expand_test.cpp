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

TEST(IndexExpand, ElementNames) {
  EXPECT_EQ(element_name("h", 0), "h_0");
  EXPECT_EQ(element_name("h", 1234567), "h_1234567");
}

// Every character of the expanded text knows where it came from: copied characters their
// own offsets, an element name or an exact decimal the offset of what was written.
TEST(IndexExpand, ExpandedTextKeepsEachCharactersOffset) {
  const Source s{"m.lz", "tanh(w*h[t-1] + 0.5*t)"};
  const Expanded e = expand_text(s, 0, s.text.size(), Bindings{{"t", 12}});
  ASSERT_EQ(e.text, "tanh(w*h_11 + (1/2)*(12))");
  const std::size_t expected[] = {0,  1,  2,  3,  4,  5,  6,  7,  7,  7,  7,  13, 14,
                                  15, 16, 16, 16, 16, 16, 19, 20, 20, 20, 20, 21};
  for (std::size_t pos = 0; pos < e.text.size(); ++pos)
    EXPECT_EQ(e.offset_of(pos), expected[pos]) << "at " << pos << " '" << e.text[pos] << "'";
  EXPECT_EQ(e.offset_of(e.text.size()), s.text.size());
  EXPECT_EQ(e.offset_of(e.text.size() + 5), s.text.size());
}

}  // namespace
}  // namespace leibniz::graph
