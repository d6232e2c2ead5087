// Number nodes (expr/expr.h): the node keeps its Number in place and answers is_zero,
// is_one and is_integer from bits set with it, which must agree with the Number itself.
#include "leibniz/expr/expr.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "leibniz/expr/builders.h"

namespace leibniz {
namespace {

TEST(NumberNode, AnswersAsItsNumberDoes) {
  const std::vector<Number> numbers = {
      Number(0),
      Number(1),
      Number(-1),
      Number(7),
      Number::rational(1, 2),
      Number::rational(-6, 3),
      Number::from_double(0.0),
      Number::from_double(1.0),
      Number::from_double(2.5),
      Number::parse_exact("123456789012345678901234567890"),
      Number::parse_exact("1e-40"),
  };
  for (const Number& n : numbers) {
    const Expr e = number(n);
    SCOPED_TRACE(n.to_string());
    ASSERT_TRUE(e.is_number());
    EXPECT_EQ(e.number(), n);
    EXPECT_EQ(e.number().is_float(), n.is_float());
    EXPECT_EQ(e.is_zero(), n.is_zero());
    EXPECT_EQ(e.is_one(), n.is_one());
    EXPECT_EQ(e.is_integer(), n.is_integer());
  }
}

TEST(NumberNode, OtherNodesAreNoNumbers) {
  for (const Expr& e : {symbol("x"), pi_constant(), add(symbol("x"), integer(1))}) {
    EXPECT_FALSE(e.is_zero());
    EXPECT_FALSE(e.is_one());
    EXPECT_FALSE(e.is_integer());
  }
}

TEST(NumberNode, ItsNumberGoesWithIt) {
  const std::size_t before = interned_node_count();
  {
    // Numbers whose digits live on the heap: ASan's leak check sees one not destroyed.
    const Expr big = number(*Number::read_exact("98765432109876543210987654321/3"));
    EXPECT_EQ(big.number().to_string(), "32921810703292181070329218107");
    EXPECT_EQ(interned_node_count(), before + 1);
  }
  EXPECT_EQ(interned_node_count(), before);
}

}  // namespace
}  // namespace leibniz
