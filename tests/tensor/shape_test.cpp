#include "leibniz/tensor/shape.h"

#include <gtest/gtest.h>

#include "leibniz/core/error.h"

namespace leibniz::tensor {
namespace {

TEST(Shape, NumelAndText) {
  EXPECT_EQ(Shape({2, 3, 4}).numel(), 24);
  EXPECT_EQ(Shape{}.numel(), 1);
  EXPECT_EQ(Shape({2, 3}).str(), "(2, 3)");
  EXPECT_EQ(Shape({5}).str(), "(5,)");
}

TEST(Shape, ContiguousStrides) { EXPECT_EQ(contiguous_strides({2, 3, 4}), Shape({12, 4, 1})); }

TEST(Shape, Broadcast) {
  EXPECT_EQ(broadcast_shapes({4, 3}, {3}), Shape({4, 3}));
  EXPECT_EQ(broadcast_shapes({4, 1}, {1, 5}), Shape({4, 5}));
  EXPECT_EQ(broadcast_shapes({}, {2, 2}), Shape({2, 2}));
}

TEST(Shape, BroadcastMismatchNamesBothShapes) {
  try {
    broadcast_shapes({4, 3}, {2});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Domain);
    EXPECT_STREQ(e.what(), "shapes (4, 3) and (2,) do not broadcast");
  }
}

TEST(Shape, NormalizeDim) {
  EXPECT_EQ(normalize_dim(-1, 3), 2u);
  EXPECT_EQ(normalize_dim(0, 3), 0u);
  EXPECT_THROW(normalize_dim(3, 3), Error);
}

TEST(Shape, NumelBeyondInt64IsALimit) {
  try {
    Shape({4294967296, 4294967296}).numel();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Limit);
    EXPECT_STREQ(e.what(),
                 "a tensor of shape (4294967296, 4294967296) has more than 9223372036854775807 "
                 "elements");
  }
}

TEST(Shape, TooManyDimensionsIsALimit) {
  try {
    Shape({1, 1, 1, 1, 1, 1, 1});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Limit);
  }
}

}  // namespace
}  // namespace leibniz::tensor
