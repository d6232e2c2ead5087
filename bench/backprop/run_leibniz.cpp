// The backprop workloads through leibniz's flat tape (leibniz/graph/tape.h): recording
// (which computes the values), forward alone, backward alone, and the gradient
// (forward + backward) of a recorded graph.
#include <cmath>
#include <cstdlib>

#include "leibniz/graph/tape.h"
#include "timing.h"
#include "workloads.h"

namespace {

using leibniz::graph::Tape;

Tape* tape = nullptr;

struct V {
  Tape::Var v;
};
V operator+(V a, V b) { return {tape->add(a.v, b.v)}; }
V operator-(V a, V b) { return {tape->sub(a.v, b.v)}; }
V operator*(V a, V b) { return {tape->mul(a.v, b.v)}; }
V tanh_of(V a) { return {tape->tanh(a.v)}; }
V half_of(V a) { return {tape->scale(a.v, 0.5)}; }
V leaf(double x) { return {tape->input(x)}; }

std::vector<V> leaves(const std::vector<double>& values) {
  std::vector<V> out;
  out.reserve(values.size());
  for (const double x : values) out.push_back(leaf(x));
  return out;
}

double gradient_sum(const std::vector<V>& inputs) {
  double s = 0;
  for (const V& x : inputs) s += tape->adjoint(x.v);
  return s;
}

// Records the graph once, then times each phase.
template <class Build>
void measure(const char* workload, int reps, Build build) {
  Tape t;
  tape = &t;
  std::vector<V> inputs;
  V out{0};
  const double record = bench::median_ms(reps, [&] {
    t.clear();
    inputs.clear();
    out = build(inputs);
  });
  const std::size_t nodes = t.size();
  const double forward = bench::median_ms(reps, [&] { t.forward(); });
  const double backward = bench::median_ms(reps, [&] { t.backward(out.v); });
  const double gradient = bench::median_ms(reps, [&] {
    t.forward();
    t.backward(out.v);
  });
  const double build_and_backward = bench::median_ms(reps, [&] {
    t.clear();
    inputs.clear();
    out = build(inputs);
    t.backward(out.v);
  });
  const double check = gradient_sum(inputs);
  bench::row("leibniz", workload, nodes, "record (taping + values)", record, t.value(out.v));
  bench::row("leibniz", workload, nodes, "forward", forward, t.value(out.v));
  bench::row("leibniz", workload, nodes, "backward", backward, check);
  bench::row("leibniz", workload, nodes, "gradient (forward + backward)", gradient, check);
  bench::row("leibniz", workload, nodes, "build + backward", build_and_backward, check);
  bench::row("leibniz", workload, nodes, "memory (bytes per node)", 25.0, 0);
}

}  // namespace

int main(int argc, char** argv) {
  const int reps = argc > 1 ? std::atoi(argv[1]) : 7;
  const std::vector<double> sp = bench::speelpenning_inputs(1'000'000);
  measure("speelpenning 1e6", reps, [&](std::vector<V>& in) {
    tape->reserve(2'000'000);
    in = leaves(sp);
    return bench::speelpenning(in);
  });
  const std::vector<double> layer = bench::layered_inputs(1000);
  measure("layered 1000x1000", reps, [&](std::vector<V>& in) {
    tape->reserve(1'600'000);
    in = leaves(layer);
    return bench::layered(in, 1000, tanh_of, half_of);
  });
  const bench::MlpData mlp = bench::mlp_data();
  measure("mlp 2-16-16-1 x100", reps, [&](std::vector<V>& in) {
    tape->reserve(70'000);
    in = leaves(mlp.params);
    return bench::mlp_loss(in, mlp.points, tanh_of, leaf);
  });
  return 0;
}
