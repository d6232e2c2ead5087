// The backprop workloads through the benchmark's flat tape (tape/tape.h): recording
// (which computes the values), compiling the recorded graph once (tape_compiled.h), then
// forward alone, backward alone and the gradient (forward + backward) of the compiled
// graph; the gradient of the uncompiled tape too, and build + backward.
#include <cmath>
#include <cstdlib>

#include "tape/tape.h"
#include "tape/tape_compiled.h"
#include "timing.h"
#include "workloads.h"

namespace {

using leibniz::graph::CompiledTape;
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

template <class T>
double gradient_sum(const T& t, const std::vector<V>& inputs) {
  double s = 0;
  for (const V& x : inputs) s += t.adjoint(x.v);
  return s;
}

// Records the graph once, compiles it once, then times each phase.
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
  const double compile = bench::median_ms(reps, [&] { CompiledTape c(t, out.v); });
  CompiledTape c(t, out.v);
  const double forward = bench::median_ms(reps, [&] { c.forward(); });
  const double backward = bench::median_ms(reps, [&] { c.backward(); });
  const double gradient = bench::median_ms(reps, [&] {
    c.forward();
    c.backward();
  });
  const double check = gradient_sum(c, inputs);
  const double tape_gradient = bench::median_ms(reps, [&] {
    t.forward();
    t.backward(out.v);
  });
  const double tape_check = gradient_sum(t, inputs);
  const double build_and_backward = bench::median_ms(reps, [&] {
    t.clear();
    inputs.clear();
    out = build(inputs);
    t.backward(out.v);
  });
  const double build_check = gradient_sum(t, inputs);
  const double compiled_bytes = static_cast<double>(c.bytes()) / static_cast<double>(nodes);
  bench::row("leibniz", workload, nodes, "record (taping + values)", record, t.value(out.v));
  bench::row("leibniz", workload, nodes, "compile (once per tape)", compile, 0);
  bench::row("leibniz", workload, nodes, "forward", forward, c.value(out.v));
  bench::row("leibniz", workload, nodes, "backward", backward, check);
  bench::row("leibniz", workload, nodes, "gradient (forward + backward)", gradient, check);
  bench::row("leibniz", workload, nodes, "gradient, uncompiled tape", tape_gradient, tape_check);
  bench::row("leibniz", workload, nodes, "build + backward", build_and_backward, build_check);
  bench::row("leibniz", workload, nodes, "memory (bytes per node)", 25.0, 0);
  bench::row("leibniz", workload, nodes, "memory, compiled (bytes per node)", compiled_bytes, 0);
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
