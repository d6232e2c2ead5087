#include "leibniz/tensor/ops_reduce.h"

#include <gtest/gtest.h>

#include "gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::tensor {
namespace {

using testing::expect_values;
using testing::gradcheck;
using testing::param;

TEST(Reduce, SumMeanMax) {
  Tensor m = from_vector({1, 5, 3, 4, 2, 6}, {2, 3});
  EXPECT_EQ(sum(m).item(), 21);
  EXPECT_EQ(mean(m).item(), 3.5);
  EXPECT_EQ(max(m).item(), 6);
  expect_values(sum(m, 0), {5, 7, 9});
  expect_values(sum(m, -1), {9, 12});
  EXPECT_EQ(sum(m, 1, true).shape(), Shape({2, 1}));
  expect_values(mean(m, 0), {2.5, 3.5, 4.5});
  expect_values(max(m, 1), {5, 6});
  expect_values(max(m, 0), {4, 5, 6});
  EXPECT_EQ(argmax_rows(m), (std::vector<std::int64_t>{1, 2}));
}

TEST(Reduce, SumTo) {
  Tensor g = from_vector({1, 2, 3, 4, 5, 6}, {2, 3});
  expect_values(sum_to(g, {3}), {5, 7, 9});
  expect_values(sum_to(g, {2, 1}), {6, 15});
  expect_values(sum_to(g, {}), {21});
  EXPECT_THROW(sum_to(g, {2}), Error);
}

TEST(Reduce, SumOfTransposedView) {
  Tensor m = from_vector({1, 2, 3, 4, 5, 6}, {2, 3});
  expect_values(sum(transpose(m), 1), {5, 7, 9});
}

TEST(ReduceGrad, Sum) {
  EXPECT_LT(gradcheck([](const auto& in) { return sum(in[0]); }, {param({3, 4}, 1)}), 1e-7);
}
TEST(ReduceGrad, SumAxis) {
  EXPECT_LT(gradcheck([](const auto& in) { return sum(in[0], 1); }, {param({3, 4, 2}, 2)}), 1e-7);
}
TEST(ReduceGrad, MeanAxisKeepdim) {
  EXPECT_LT(gradcheck([](const auto& in) { return mean(in[0], 0, true); }, {param({3, 4}, 3)}),
            1e-7);
}
TEST(ReduceGrad, Mean) {
  EXPECT_LT(gradcheck([](const auto& in) { return mean(in[0]); }, {param({5}, 4)}), 1e-7);
}
TEST(ReduceGrad, MaxAxis) {
  EXPECT_LT(gradcheck([](const auto& in) { return max(in[0], 1); }, {param({4, 5}, 5)}), 1e-7);
}
TEST(ReduceGrad, MaxAll) {
  EXPECT_LT(gradcheck([](const auto& in) { return max(in[0]); }, {param({4, 5}, 6)}), 1e-7);
}

}  // namespace
}  // namespace leibniz::tensor
