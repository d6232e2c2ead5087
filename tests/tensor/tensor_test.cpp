#include "leibniz/tensor/tensor.h"

#include <gtest/gtest.h>

#include "gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::tensor {
namespace {

using testing::expect_values;

TEST(Tensor, Creation) {
  expect_values(zeros({2, 2}), {0, 0, 0, 0});
  expect_values(ones({3}), {1, 1, 1});
  expect_values(full({2}, 2.5, DType::F64), {2.5, 2.5});
  Tensor t = from_vector({1, 2, 3, 4, 5, 6}, {2, 3});
  EXPECT_EQ(t.shape(), Shape({2, 3}));
  EXPECT_EQ(t.strides(), Shape({3, 1}));
  EXPECT_EQ(t.dtype(), DType::F32);
  EXPECT_EQ(t.at({1, 2}), 6.0);
  EXPECT_EQ(scalar(3.0).item(), 3.0);
}

TEST(Tensor, BytesBeyondTheAddressSpaceAreALimitBeforeAllocating) {
  try {
    empty({2305843009213693952}, DType::F64);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Limit);
    EXPECT_STREQ(e.what(),
                 "a tensor of shape (2305843009213693952,) needs more bytes than memory can "
                 "address");
  }
}

TEST(Tensor, FromVectorCountMismatch) {
  try {
    from_vector({1, 2, 3}, {2, 2});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "3 values do not fill a tensor of shape (2, 2)");
  }
}

TEST(Tensor, SeededRandomIsReproducible) {
  Generator a(5), b(5);
  EXPECT_EQ(randn({4, 4}, a).to_vector(), randn({4, 4}, b).to_vector());
  Generator c(5);
  Tensor u = rand_uniform({1000}, -2, 3, c, DType::F64);
  for (double v : u.to_vector()) {
    EXPECT_GE(v, -2.0);
    EXPECT_LT(v, 3.0);
  }
}

TEST(Tensor, ItemOfNonScalarThrows) { EXPECT_THROW(zeros({2}).item(), Error); }

TEST(Tensor, AtChecksIndex) {
  Tensor t = zeros({2, 3});
  EXPECT_THROW(t.at({2, 0}), Error);
  EXPECT_THROW(t.at({0}), Error);
}

TEST(Tensor, CopiesShareDataCloneDoesNot) {
  Tensor a = zeros({2}, DType::F64);
  Tensor b = a;
  Tensor c = a.clone();
  a.data<double>()[0] = 7;
  EXPECT_EQ(b.at({0}), 7.0);
  EXPECT_EQ(c.at({0}), 0.0);
}

TEST(Tensor, DtypeConversion) {
  Tensor a = from_vector({1.5, -2.25}, {2}, DType::F64);
  Tensor b = a.to(DType::F32);
  EXPECT_EQ(b.dtype(), DType::F32);
  expect_values(b, {1.5, -2.25});
}

TEST(Tensor, ContiguousOfTransposeIsRowMajorCopy) {
  Tensor t = from_vector({1, 2, 3, 4, 5, 6}, {2, 3});
  Tensor tt = transpose(t);
  EXPECT_FALSE(tt.is_contiguous());
  Tensor c = tt.contiguous();
  EXPECT_TRUE(c.is_contiguous());
  expect_values(c, {1, 4, 2, 5, 3, 6});
}

TEST(Tensor, RequiresGradOnlyOnLeaves) {
  Tensor x = zeros({2}, DType::F64);
  x.set_requires_grad(true);
  EXPECT_TRUE(x.is_leaf());
  Tensor y = reshape(x, {1, 2});
  EXPECT_FALSE(y.is_leaf());
  EXPECT_THROW(y.set_requires_grad(false), Error);
}

}  // namespace
}  // namespace leibniz::tensor
