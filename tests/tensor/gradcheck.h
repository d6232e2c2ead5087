// The gradient-check harness: an op's backward() against central finite differences in
// float64, through a random linear functional so that every output element matters.
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/ops_elementwise.h"
#include "leibniz/tensor/ops_reduce.h"
#include "leibniz/tensor/tensor.h"

namespace leibniz::tensor::testing {

using Fn = std::function<Tensor(const std::vector<Tensor>&)>;

/// float64 leaf with seeded normal entries, requiring grad.
inline Tensor param(const Shape& shape, std::uint64_t seed, double scale = 1.0) {
  Generator gen(seed);
  Tensor t = randn(shape, gen, DType::F64, scale);
  t.set_requires_grad(true);
  return t;
}

/// Largest relative difference between the analytic and numeric gradients of
/// sum(f(inputs) * w) over all elements of all inputs.
inline double gradcheck(const Fn& f, std::vector<Tensor> inputs, double eps = 1e-6) {
  Tensor probe;
  {
    NoGradGuard no_grad;
    probe = f(inputs);
  }
  Generator gen(99);
  Tensor w = randn(probe.shape(), gen, DType::F64);
  for (Tensor& x : inputs) x.zero_grad();
  sum(mul(f(inputs), w)).backward();
  auto loss = [&] {
    NoGradGuard no_grad;
    return sum(mul(f(inputs), w)).item();
  };
  double worst = 0;
  for (Tensor& x : inputs) {
    if (!x.requires_grad()) continue;
    std::vector<double> analytic =
        x.grad().defined() ? x.grad().to_vector()
                           : std::vector<double>(static_cast<std::size_t>(x.numel()), 0.0);
    double* p = x.data<double>();
    for (std::int64_t j = 0; j < x.numel(); ++j) {
      double keep = p[j];
      p[j] = keep + eps;
      double up = loss();
      p[j] = keep - eps;
      double down = loss();
      p[j] = keep;
      double numeric = (up - down) / (2 * eps);
      double a = analytic[static_cast<std::size_t>(j)];
      double err = std::abs(numeric - a) / std::max({1.0, std::abs(numeric), std::abs(a)});
      worst = std::max(worst, err);
    }
  }
  return worst;
}

inline void expect_values(const Tensor& t, const std::vector<double>& want, double tol = 1e-6) {
  std::vector<double> got = t.to_vector();
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "element " << i;
}

}  // namespace leibniz::tensor::testing
