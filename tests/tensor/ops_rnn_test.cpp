#include "leibniz/tensor/ops_rnn.h"

#include <gtest/gtest.h>

#include "gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_activation.h"
#include "leibniz/tensor/ops_linalg.h"
#include "leibniz/tensor/ops_reduce.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::tensor {
namespace {

using testing::gradcheck;
using testing::param;

// The same recurrence from primitive ops: h_t = tanh(x_t w_ih^T + b + h_{t-1} w_hh^T).
Tensor rnn_reference(const Tensor& x, const Tensor& h0, const Tensor& w_ih, const Tensor& w_hh,
                     const Tensor& b) {
  Tensor h = h0;
  std::vector<Tensor> hs;
  for (std::int64_t t = 0; t < x.shape()[0]; ++t) {
    h = tanh(linear(select(x, 0, t), w_ih, b) + matmul(h, transpose(w_hh)));
    hs.push_back(unsqueeze(h, 0));
  }
  return concat(hs, 0);
}

TEST(Rnn, MatchesPrimitiveOps) {
  Tensor x = param({4, 3, 2}, 1), h0 = param({3, 5}, 2), wi = param({5, 2}, 3, 0.5),
         wh = param({5, 5}, 4, 0.5), b = param({5}, 5);
  testing::expect_values(rnn_tanh(x, h0, wi, wh, b), rnn_reference(x, h0, wi, wh, b).to_vector(),
                         1e-12);
}

TEST(Rnn, UndefinedInitialStateIsZero) {
  Tensor x = param({3, 2, 2}, 1), wi = param({4, 2}, 3), wh = param({4, 4}, 4), b = param({4}, 5);
  testing::expect_values(rnn_tanh(x, Tensor(), wi, wh, b),
                         rnn_reference(x, zeros({2, 4}, DType::F64), wi, wh, b).to_vector(), 1e-12);
}

TEST(Rnn, Float32AgreesWithFloat64) {
  // The float32 path (vectorised tanh, BLAS sgemm) against float64, values and gradients.
  std::vector<Tensor> p64{param({50, 4, 8}, 1), param({16, 8}, 3, 0.3), param({16, 16}, 4, 0.3),
                          param({16}, 5)};
  std::vector<Tensor> p32;
  for (const Tensor& t : p64) p32.push_back(t.detach().to(DType::F32).set_requires_grad(true));
  Tensor y64 = rnn_tanh(p64[0], Tensor(), p64[1], p64[2], p64[3]);
  Tensor y32 = rnn_tanh(p32[0], Tensor(), p32[1], p32[2], p32[3]);
  testing::expect_values(y32, y64.to_vector(), 1e-5);
  sum(select(y64, 0, 49)).backward();
  sum(select(y32, 0, 49)).backward();
  for (std::size_t i = 0; i < p64.size(); ++i)
    testing::expect_values(p32[i].grad(), p64[i].grad().to_vector(), 1e-4);
}

TEST(Rnn, BadShapesThrow) {
  EXPECT_THROW(rnn_tanh(zeros({2, 3, 4}), Tensor(), zeros({5, 3}), zeros({5, 5}), zeros({5})),
               Error);
}

TEST(RnnGrad, AllInputs) {
  EXPECT_LT(gradcheck([](const auto& in) { return rnn_tanh(in[0], in[1], in[2], in[3], in[4]); },
                      {param({4, 3, 2}, 1), param({3, 5}, 2), param({5, 2}, 3, 0.5),
                       param({5, 5}, 4, 0.5), param({5}, 5)}),
            1e-6);
}

TEST(RnnGrad, LastStateOnly) {
  EXPECT_LT(gradcheck(
                [](const auto& in) {
                  return select(rnn_tanh(in[0], Tensor(), in[1], in[2], in[3]), 0, 5);
                },
                {param({6, 2, 3}, 1), param({4, 3}, 3, 0.5), param({4, 4}, 4, 0.5), param({4}, 5)}),
            1e-6);
}

}  // namespace
}  // namespace leibniz::tensor
