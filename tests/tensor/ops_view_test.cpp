#include "leibniz/tensor/ops_view.h"

#include <gtest/gtest.h>

#include "gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_activation.h"

namespace leibniz::tensor {
namespace {

using testing::expect_values;
using testing::gradcheck;
using testing::param;

Tensor m23() { return from_vector({1, 2, 3, 4, 5, 6}, {2, 3}); }

TEST(View, ReshapeSharesStorage) {
  Tensor m = m23();
  Tensor r = reshape(m, {3, -1});
  EXPECT_EQ(r.shape(), Shape({3, 2}));
  EXPECT_EQ(r.impl()->storage, m.impl()->storage);
  EXPECT_THROW(reshape(m, {4, -1}), Error);
  EXPECT_THROW(reshape(m, {-1, -1}), Error);
}

TEST(View, TransposeSliceSelect) {
  Tensor m = m23();
  expect_values(transpose(m), {1, 4, 2, 5, 3, 6});
  expect_values(slice(m, 1, 1, 3), {2, 3, 5, 6});
  expect_values(select(m, 0, 1), {4, 5, 6});
  expect_values(select(m, 1, 2), {3, 6});
  EXPECT_EQ(unsqueeze(m, 0).shape(), Shape({1, 2, 3}));
  EXPECT_THROW(slice(m, 0, 1, 3), Error);
}

TEST(View, ConcatAndIndexSelect) {
  Tensor m = m23();
  expect_values(concat({m, m}, 0), {1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6});
  expect_values(concat({m, slice(m, 1, 0, 1)}, 1), {1, 2, 3, 1, 4, 5, 6, 4});
  expect_values(index_select(m, {1, 1, 0}), {4, 5, 6, 4, 5, 6, 1, 2, 3});
  EXPECT_THROW(index_select(m, {2}), Error);
  EXPECT_THROW(concat({m, zeros({2, 2})}, 0), Error);
}

TEST(View, BroadcastTo) {
  expect_values(broadcast_to(from_vector({1, 2}, {2}), {2, 2}), {1, 2, 1, 2});
}

TEST(ViewGrad, Reshape) {
  EXPECT_LT(gradcheck(
                [](const auto& in) {
                  return tanh(reshape(in[0], {4, 3}));
                },
                {param({3, 4}, 1)}),
            1e-7);
}
TEST(ViewGrad, TransposeThenReshapeCopies) {
  EXPECT_LT(
      gradcheck([](const auto& in) { return reshape(transpose(in[0]), {-1}); }, {param({3, 4}, 2)}),
      1e-7);
}
TEST(ViewGrad, Slice) {
  EXPECT_LT(gradcheck([](const auto& in) { return slice(in[0], 1, 1, 3); }, {param({3, 4}, 3)}),
            1e-7);
}
TEST(ViewGrad, Select) {
  EXPECT_LT(gradcheck([](const auto& in) { return select(in[0], 0, 2); }, {param({3, 4}, 4)}),
            1e-7);
}
TEST(ViewGrad, Concat) {
  EXPECT_LT(gradcheck(
                [](const auto& in) {
                  return concat({in[0], in[1]}, 1);
                },
                {param({3, 4}, 5), param({3, 2}, 6)}),
            1e-7);
}
TEST(ViewGrad, IndexSelectRepeatedRows) {
  EXPECT_LT(gradcheck(
                [](const auto& in) {
                  return index_select(in[0], {2, 0, 2});
                },
                {param({3, 4}, 7)}),
            1e-7);
}
TEST(ViewGrad, BroadcastTo) {
  EXPECT_LT(gradcheck(
                [](const auto& in) {
                  return broadcast_to(in[0], {3, 4});
                },
                {param({4}, 8)}),
            1e-7);
}

}  // namespace
}  // namespace leibniz::tensor
