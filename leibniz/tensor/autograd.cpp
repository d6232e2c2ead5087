#include "leibniz/tensor/autograd.h"

#include <algorithm>
#include <atomic>

#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_elementwise.h"
#include "leibniz/tensor/ops_reduce.h"

namespace leibniz::tensor {
namespace {

thread_local bool g_grad_enabled = true;
// Process-wide, not per thread: a graph may be recorded by several threads in turn (Python
// threads taking the GIL), and its creation order must still be a topological order.
std::atomic<std::uint64_t> g_next_seq{0};
std::atomic<std::uint64_t> g_next_stamp{0};

void accumulate(Tensor& target, const Tensor& g) {
  if (!target.defined()) {
    target = g;
  } else {
    target = add(target, g);  // out of place: g may be shared with another input
  }
}

void record_impl(Tensor& out, const char* name, const Tensor* begin, const Tensor* end,
                 BackwardFn backward) {
  auto node = std::make_shared<Node>();
  node->name = name;
  node->seq = g_next_seq.fetch_add(1, std::memory_order_relaxed);
  node->inputs.reserve(static_cast<std::size_t>(end - begin));
  for (const Tensor* t = begin; t != end; ++t) {
    node->inputs.push_back(t->defined() && t->requires_grad() ? t->impl_ptr() : nullptr);
  }
  node->backward = std::move(backward);
  out.impl()->grad_fn = std::move(node);
  out.impl()->requires_grad = true;
}

}  // namespace

void GradSink::add(std::size_t i, const Tensor& g) {
  TensorImpl* input = node_.inputs[i].get();
  if (input == nullptr) return;
  LZ_ASSERT(g.dtype() == input->dtype, "gradient with another dtype than its input");
  Tensor reduced = g.shape() == input->shape ? g.contiguous() : sum_to(g, input->shape);
  accumulate(input->grad_fn ? input->grad_fn->grad : input->grad, reduced);
}

bool grad_enabled() { return g_grad_enabled; }

NoGradGuard::NoGradGuard() : previous_(g_grad_enabled) { g_grad_enabled = false; }
NoGradGuard::~NoGradGuard() { g_grad_enabled = previous_; }

bool needs_grad(const std::vector<Tensor>& inputs) {
  return grad_enabled() && std::any_of(inputs.begin(), inputs.end(),
                                       [](const Tensor& t) { return t.requires_grad(); });
}

void record(Tensor& out, const char* name, std::initializer_list<Tensor> inputs,
            BackwardFn backward) {
  record_impl(out, name, inputs.begin(), inputs.end(), std::move(backward));
}

void record(Tensor& out, const char* name, const std::vector<Tensor>& inputs, BackwardFn backward) {
  record_impl(out, name, inputs.data(), inputs.data() + inputs.size(), std::move(backward));
}

void run_backward(const Tensor& root, const Tensor& seed, bool retain_graph) {
  if (!root.requires_grad()) {
    throw Error(ErrorKind::Domain, "backward() of a tensor that does not require grad");
  }
  Tensor s = seed;
  if (!s.defined()) {
    if (root.numel() != 1) {
      throw Error(ErrorKind::Domain,
                  "backward() needs a scalar; this tensor has shape " + root.shape().str());
    }
    s = ones(root.shape(), root.dtype());
  }
  NoGradGuard no_grad;
  if (root.is_leaf()) {
    accumulate(root.impl()->grad, s);
    return;
  }
  // Collect the nodes reachable from the root, once each.
  const std::uint64_t stamp = g_next_stamp.fetch_add(1, std::memory_order_relaxed) + 1;
  std::vector<std::shared_ptr<Node>> order;
  std::vector<std::shared_ptr<Node>> stack{root.grad_fn()};
  root.grad_fn()->stamp = stamp;
  while (!stack.empty()) {
    std::shared_ptr<Node> n = std::move(stack.back());
    stack.pop_back();
    for (const auto& in : n->inputs) {
      if (in && in->grad_fn && in->grad_fn->stamp != stamp) {
        in->grad_fn->stamp = stamp;
        stack.push_back(in->grad_fn);
      }
    }
    order.push_back(std::move(n));
  }
  // Creation order is a topological order: visit from the newest node back.
  std::sort(order.begin(), order.end(),
            [](const auto& a, const auto& b) { return a->seq > b->seq; });
  root.grad_fn()->grad = s;
  for (const auto& n : order) {
    if (!n->grad.defined()) continue;
    if (!n->backward) {
      for (const auto& m : order) m->grad = Tensor();
      throw Error(
          ErrorKind::Domain,
          "backward() through a graph that was already freed; pass retain_graph the first time");
    }
    Tensor g = std::move(n->grad);
    n->grad = Tensor();
    GradSink sink(*n);
    n->backward(g, sink);
    if (!retain_graph) {
      n->backward = nullptr;
      n->inputs.clear();
    }
  }
}

Tensor custom_op(const std::vector<Tensor>& inputs, CustomForward forward,
                 CustomBackward backward) {
  std::vector<Tensor> detached;
  detached.reserve(inputs.size());
  for (const Tensor& t : inputs) detached.push_back(t.detach());
  Tensor out;
  {
    NoGradGuard no_grad;
    out = forward(detached).detach();
  }
  if (needs_grad(inputs)) {
    Tensor saved_out = out.detach();
    record(out, "custom", inputs,
           [detached, saved_out, backward = std::move(backward)](const Tensor& g, GradSink& sink) {
             std::vector<Tensor> grads = backward(detached, saved_out, g);
             if (grads.size() != detached.size()) {
               throw Error(ErrorKind::Domain, "a custom backward returned " +
                                                  std::to_string(grads.size()) + " gradients for " +
                                                  std::to_string(detached.size()) + " inputs");
             }
             for (std::size_t i = 0; i < grads.size(); ++i) {
               if (sink.wants(i) && grads[i].defined()) sink.add(i, grads[i]);
             }
           });
  }
  return out;
}

}  // namespace leibniz::tensor
