// The Elman RNN unrolled over time as one fused operation: h_t = tanh(W_ih x_t + W_hh h_{t-1} + b).
// Forward and backward (backpropagation through time) each batch the input-side
// products of all steps into one large GEMM; only h_{t-1} W_hh^T stays sequential.
#pragma once

#include "leibniz/tensor/tensor.h"

namespace leibniz::tensor {

/// x is (T, B, I), h0 is (B, H) (undefined means zeros), w_ih is (H, I), w_hh is (H, H),
/// b is (H). Returns every hidden state, (T, B, H).
Tensor rnn_tanh(const Tensor& x, const Tensor& h0, const Tensor& w_ih, const Tensor& w_hh,
                const Tensor& b);

}  // namespace leibniz::tensor
