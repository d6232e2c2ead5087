#include "leibniz/tensor/autograd.h"

#include <gtest/gtest.h>

#include <thread>

#include "gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_activation.h"
#include "leibniz/tensor/ops_elementwise.h"
#include "leibniz/tensor/ops_reduce.h"

namespace leibniz::tensor {
namespace {

using testing::expect_values;
using testing::gradcheck;
using testing::param;

Tensor leaf(std::vector<double> v) {
  Tensor t = from_vector(v, {static_cast<std::int64_t>(v.size())}, DType::F64);
  t.set_requires_grad(true);
  return t;
}

// A graph begun on one thread and finished on another (Python threads taking the GIL in
// turn) is still swept in creation order.
TEST(Autograd, GraphRecordedByTwoThreads) {
  Tensor x = leaf({1, 2});
  for (int i = 0; i < 100; ++i) x * 1.0;  // this thread's records come first
  Tensor h = x * x;
  Tensor loss;
  std::thread([&] { loss = sum(h * 3.0); }).join();
  loss.backward();
  expect_values(x.grad(), {6, 12});
}

TEST(Autograd, ProductRule) {
  Tensor x = leaf({3}), y = leaf({4});
  Tensor z = sum(x * y + x);
  z.backward();
  expect_values(x.grad(), {5});  // y + 1
  expect_values(y.grad(), {3});  // x
}

TEST(Autograd, SharedNodeVisitedOnce) {
  // f = (x*x) used twice along many paths: a per-path recursion would be exponential.
  Tensor x = leaf({1.01});
  Tensor h = x;
  for (int i = 0; i < 60; ++i) h = h * 0.5 + h * 0.5;
  sum(h).backward();
  expect_values(x.grad(), {1.0}, 1e-9);
}

TEST(Autograd, GradientsAccumulateAcrossBackwards) {
  Tensor x = leaf({2});
  sum(x * x).backward();
  sum(x * x).backward();
  expect_values(x.grad(), {8});
  x.zero_grad();
  EXPECT_FALSE(x.grad().defined());
}

TEST(Autograd, NoGradRecordsNothing) {
  Tensor x = leaf({2});
  NoGradGuard guard;
  Tensor y = x * x;
  EXPECT_FALSE(y.requires_grad());
  EXPECT_TRUE(y.is_leaf());
}

TEST(Autograd, GraphFreedAfterBackwardUnlessRetained) {
  Tensor x = leaf({2});
  Tensor y = sum(x * x);
  y.backward(/*retain_graph=*/true);
  y.backward();
  expect_values(x.grad(), {8});
  try {
    y.backward();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(
        e.what(),
        "backward() through a graph that was already freed; pass retain_graph the first time");
  }
}

TEST(Autograd, BackwardNeedsAScalar) {
  Tensor x = leaf({1, 2});
  try {
    (x * 2.0).backward();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "backward() needs a scalar; this tensor has shape (2,)");
  }
}

TEST(Autograd, BackwardOfConstantThrows) { EXPECT_THROW(sum(ones({2})).backward(), Error); }

TEST(Autograd, DetachCutsTheGraph) {
  Tensor x = leaf({3});
  Tensor y = sum(x.detach() * x);
  y.backward();
  expect_values(x.grad(), {3});
}

TEST(Autograd, CustomOpUsesUserBackward) {
  // cube with its derivative 3x^2 written by hand
  auto cube = [](const Tensor& x) {
    return custom_op(
        {x}, [](const std::vector<Tensor>& in) { return in[0] * in[0] * in[0]; },
        [](const std::vector<Tensor>& in, const Tensor&, const Tensor& g) {
          return std::vector<Tensor>{g * in[0] * in[0] * 3.0};
        });
  };
  Tensor x = leaf({2});
  sum(cube(x)).backward();
  expect_values(x.grad(), {12});
  EXPECT_LT(gradcheck([&](const auto& in) { return cube(in[0]); }, {param({3, 2}, 1)}), 1e-7);
}

TEST(Autograd, CustomOpWithWrongGradientCountThrows) {
  Tensor x = leaf({2});
  Tensor y = custom_op(
      {x}, [](const std::vector<Tensor>& in) { return in[0] * 2.0; },
      [](const std::vector<Tensor>&, const Tensor&, const Tensor&) {
        return std::vector<Tensor>{};
      });
  EXPECT_THROW(sum(y).backward(), Error);
}

TEST(Autograd, DeepChainDoesNotOverflowTheStack) {
  Tensor x = leaf({1});
  Tensor h = x;
  for (int i = 0; i < 20000; ++i) h = h + 0.0;
  sum(h).backward();
  expect_values(x.grad(), {1});
}

}  // namespace
}  // namespace leibniz::tensor
