#include "leibniz/nn/rnn.h"

#include <gtest/gtest.h>

#include "../tensor/gradcheck.h"
#include "fixtures/torch_fixtures.h"
#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::nn {
namespace {

using tensor::DType;
using tensor::from_vector;
using tensor::testing::expect_values;
using tensor::testing::gradcheck;
using tensor::testing::param;

// Copies fixture weights into a layer, runs sum(out * w) backward, compares with PyTorch.
template <typename Layer>
void check_against_torch(Layer& layer, std::int64_t gates, const std::vector<double>& x,
                         const std::vector<double>& w, const std::vector<double>& w_ih,
                         const std::vector<double>& w_hh, const std::vector<double>& b,
                         const std::vector<double>& out, const std::vector<double>& g_ih,
                         const std::vector<double>& g_hh, const std::vector<double>& g_b) {
  tensor::copy_into(layer.w_ih, from_vector(w_ih, {gates * 3, 2}, DType::F64));
  tensor::copy_into(layer.w_hh, from_vector(w_hh, {gates * 3, 3}, DType::F64));
  tensor::copy_into(layer.bias, from_vector(b, {gates * 3}, DType::F64));
  Tensor y = layer.forward(from_vector(x, {3, 2, 2}, DType::F64));
  expect_values(y, out, 1e-12);
  tensor::sum(y * from_vector(w, {3, 2, 3}, DType::F64)).backward();
  expect_values(layer.w_ih.grad(), g_ih, 1e-12);
  expect_values(layer.w_hh.grad(), g_hh, 1e-12);
  expect_values(layer.bias.grad(), g_b, 1e-12);
}

TEST(Rnn, MatchesPyTorch) {
  tensor::Generator gen(1);
  Rnn rnn(2, 3, gen, DType::F64);
  using namespace fixtures;
  check_against_torch(rnn, 1, rnn_x, rnn_loss_weights, rnn_w_ih, rnn_w_hh, rnn_b, rnn_out,
                      rnn_grad_w_ih, rnn_grad_w_hh, rnn_grad_b);
}

TEST(Lstm, MatchesPyTorch) {
  tensor::Generator gen(1);
  Lstm lstm(2, 3, gen, DType::F64);
  using namespace fixtures;
  check_against_torch(lstm, 4, lstm_x, lstm_loss_weights, lstm_w_ih, lstm_w_hh, lstm_b, lstm_out,
                      lstm_grad_w_ih, lstm_grad_w_hh, lstm_grad_b);
}

TEST(LstmGrad, ThroughTime) {
  tensor::Generator gen(2);
  Lstm lstm(2, 3, gen, DType::F64);
  EXPECT_LT(gradcheck([&](const auto& in) { return lstm.forward(in[0]); }, {param({4, 2, 2}, 1)}),
            1e-7);
  // The parameters themselves as the checked inputs (copies of a Tensor share its data).
  Tensor x = param({4, 2, 2}, 2);
  x.set_requires_grad(false);
  EXPECT_LT(
      gradcheck([&](const auto&) { return lstm.forward(x); }, {lstm.w_ih, lstm.w_hh, lstm.bias}),
      1e-7);
}

TEST(SequenceLast, ReadsRowsAsSequences) {
  tensor::Generator gen(3);
  auto rnn = std::make_unique<Rnn>(1, 4, gen, DType::F64);
  Rnn* raw = rnn.get();
  SequenceLast seq(std::move(rnn), 1);
  Tensor rows = param({2, 5}, 4);  // (B, T) with one input per step
  Tensor last = seq.forward(rows);
  EXPECT_EQ(last.shape(), tensor::Shape({2, 4}));
  Tensor direct = raw->forward(tensor::reshape(tensor::transpose(rows, 0, 1), {5, 2, 1}));
  expect_values(last, tensor::select(direct, 0, 4).to_vector(), 1e-12);
  EXPECT_THROW(SequenceLast(std::make_unique<Rnn>(2, 4, gen), 2).forward(tensor::zeros({2, 5})),
               Error);
}

TEST(Rnn, WrongInputShapeThrows) {
  tensor::Generator gen(1);
  Rnn rnn(2, 3, gen);
  try {
    rnn.forward(tensor::zeros({3, 2, 5}));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "Rnn expects input (T, B, 2); got (3, 2, 5)");
  }
}

}  // namespace
}  // namespace leibniz::nn
