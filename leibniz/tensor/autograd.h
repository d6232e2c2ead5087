// Define-by-run reverse mode. An operation on tensors that require gradients records a
// Node: its inputs and its local chain rule, written beside the forward pass in ops_*.cpp.
// backward() sorts the reachable nodes by creation order (already a topological order,
// as in Stan Math's tape) and visits each once, in reverse.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <vector>

#include "leibniz/tensor/tensor.h"

namespace leibniz::tensor {

class GradSink;

/// A local chain rule: given d root / d output, hands d root / d input_i to the sink.
using BackwardFn = std::function<void(const Tensor& grad_out, GradSink& sink)>;

class Node {
 public:
  const char* name = "";
  std::uint64_t seq = 0;                            // creation order
  std::vector<std::shared_ptr<TensorImpl>> inputs;  // null where an input needs no gradient
  BackwardFn backward;                              // empty once the graph is freed
  Tensor grad;                                      // d root / d output, accumulated during a sweep
  std::uint64_t stamp = 0;
};

/// Receives the gradients of one node's inputs during a sweep.
class GradSink {
 public:
  explicit GradSink(Node& node) : node_(node) {}
  /// Whether input i needs a gradient (skip computing it otherwise).
  bool wants(std::size_t i) const { return node_.inputs[i] != nullptr; }
  /// Adds g to input i's gradient, first summing away dimensions that were broadcast.
  void add(std::size_t i, const Tensor& g);

 private:
  Node& node_;
};

/// Whether operations are being recorded (false inside a NoGradGuard).
bool grad_enabled();

/// Within its scope nothing is recorded: evaluation, optimiser updates.
class NoGradGuard {
 public:
  NoGradGuard();
  ~NoGradGuard();
  NoGradGuard(const NoGradGuard&) = delete;
  NoGradGuard& operator=(const NoGradGuard&) = delete;

 private:
  bool previous_;
};

/// Whether an operation on these inputs must be recorded.
template <typename... Ts>
bool needs_grad(const Ts&... inputs) {
  return grad_enabled() && (inputs.requires_grad() || ...);
}
bool needs_grad(const std::vector<Tensor>& inputs);

/// Makes `out` the result of a recorded operation on `inputs` with chain rule `backward`.
void record(Tensor& out, const char* name, std::initializer_list<Tensor> inputs,
            BackwardFn backward);
void record(Tensor& out, const char* name, const std::vector<Tensor>& inputs, BackwardFn backward);

/// The sweep behind Tensor::backward: seeds d root / d root with `seed` (ones when undefined).
void run_backward(const Tensor& root, const Tensor& seed, bool retain_graph);

/// Forward of a custom operation: computes the output from (detached) inputs.
using CustomForward = std::function<Tensor(const std::vector<Tensor>& inputs)>;
/// Backward of a custom operation: d root / d input_i from the inputs, the output and
/// d root / d output (an undefined tensor for an input without gradient).
using CustomBackward = std::function<std::vector<Tensor>(
    const std::vector<Tensor>& inputs, const Tensor& output, const Tensor& grad_out)>;

/// A differentiable operation with a user-written backward, the tensor form of `deriv`:
///   Tensor y = custom_op({x}, [](auto& in) { return exp(in[0]); },
///                        [](auto&, const Tensor& out, const Tensor& g) { return std::vector{g *
///                        out}; });
Tensor custom_op(const std::vector<Tensor>& inputs, CustomForward forward, CustomBackward backward);

}  // namespace leibniz::tensor
