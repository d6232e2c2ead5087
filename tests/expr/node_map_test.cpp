#include "leibniz/expr/node_map.h"

#include <gtest/gtest.h>

#include <vector>

#include "leibniz/expr/builders.h"

namespace leibniz {
namespace {

std::vector<Expr> distinct_expressions(long count) {
  const Expr x = symbol("x");
  std::vector<Expr> out;
  for (long i = 0; i < count; ++i) out.push_back(pow(x, integer(i + 2)) + integer(i));
  return out;
}

TEST(NodeMap, FindsWhatWasInsertedAcrossGrowth) {
  const std::vector<Expr> keys = distinct_expressions(5000);
  NodeMap<long> map;
  for (std::size_t i = 0; i < keys.size(); ++i) map.insert(keys[i], static_cast<long>(i));
  EXPECT_EQ(map.size(), keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const long* value = map.find(keys[i]);
    ASSERT_NE(value, nullptr);
    EXPECT_EQ(*value, static_cast<long>(i));
  }
  EXPECT_EQ(map.find(symbol("not_a_key")), nullptr);
  map.insert(keys[7], -1);  // replaces
  EXPECT_EQ(*map.find(keys[7]), -1);
  EXPECT_EQ(map.size(), keys.size());
}

// The first entries live in the map's own slots; growing moves them to the heap.
TEST(NodeMap, FindsItsEntriesBeforeAndAfterLeavingItsOwnSlots) {
  const std::vector<Expr> keys = distinct_expressions(40);
  NodeMap<Expr> map;
  for (std::size_t n = 0; n < keys.size(); ++n) {
    map.insert(keys[n], integer(static_cast<long>(n)));
    for (std::size_t i = 0; i <= n; ++i) {
      const Expr* value = map.find(keys[i]);
      ASSERT_NE(value, nullptr) << "entry " << i << " of " << n + 1;
      EXPECT_EQ(*value, integer(static_cast<long>(i)));
    }
    EXPECT_EQ(map.size(), n + 1);
  }
}

TEST(NodeMap, KeepsItsKeysAlive) {
  NodeMap<int> map;
  const std::size_t before = interned_node_count();
  map.insert(symbol("only_in_the_map") + integer(41), 1);
  EXPECT_GT(interned_node_count(), before);  // the sum is alive though no Expr outside holds it
  EXPECT_NE(map.find(symbol("only_in_the_map") + integer(41)), nullptr);
  for (int i = 0; i < 8; ++i) map.insert(symbol("other") + integer(i), i);  // to the heap
  EXPECT_GT(interned_node_count(), before);
  EXPECT_EQ(*map.find(symbol("only_in_the_map") + integer(41)), 1);
}

TEST(NodeSet, InsertsOnce) {
  NodeSet set;
  const Expr x = symbol("x");
  EXPECT_TRUE(set.empty());
  EXPECT_TRUE(set.insert(x));
  EXPECT_FALSE(set.insert(x));
  EXPECT_TRUE(set.contains(x));
  EXPECT_FALSE(set.contains(symbol("y")));
  EXPECT_EQ(set.size(), 1U);
}

// The intern table under churn: nodes dropped in every order leave the rest findable
// (erasing shifts entries back), and equal content is always one node.
TEST(InternTable, EqualContentIsOneNodeUnderChurn) {
  (void)integer(0);  // the small integers are made once and kept
  const std::size_t baseline = interned_node_count();
  {
    std::vector<Expr> kept = distinct_expressions(20000);
    std::vector<const Node*> addresses;
    for (const Expr& e : kept) addresses.push_back(e.node());
    for (std::size_t i = 0; i < kept.size(); i += 3) kept[i] = Expr();  // drop a third
    const std::vector<Expr> again = distinct_expressions(20000);
    for (std::size_t i = 0; i < kept.size(); ++i) {
      if (!kept[i].is_null()) {
        ASSERT_EQ(again[i], kept[i]) << i;
        EXPECT_EQ(again[i].node(), addresses[i]);
      }
    }
  }
  EXPECT_EQ(interned_node_count(), baseline);
}

}  // namespace
}  // namespace leibniz
