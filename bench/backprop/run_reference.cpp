// The reference gradients of the three workloads in long double (64-bit significand,
// 11 bits more than double): what the table checks every tool against. The layered
// graph amplifies a rounding difference about 10^7 times, so two correct double
// programs (a different tanh, a different order of the sums) differ by ~1e-9 relatively.
#include <cmath>
#include <cstdlib>
#include <vector>

#include "timing.h"
#include "workloads.h"

namespace {

enum class Op { Input, Add, Sub, Mul, Tanh, Half };
struct Node {
  Op op;
  std::size_t a, b;
  long double value;
};
std::vector<Node> nodes;

struct V {
  std::size_t i;
};
V push(Op op, std::size_t a, std::size_t b, long double value) {
  nodes.push_back({op, a, b, value});
  return {nodes.size() - 1};
}
V operator+(V a, V b) { return push(Op::Add, a.i, b.i, nodes[a.i].value + nodes[b.i].value); }
V operator-(V a, V b) { return push(Op::Sub, a.i, b.i, nodes[a.i].value - nodes[b.i].value); }
V operator*(V a, V b) { return push(Op::Mul, a.i, b.i, nodes[a.i].value * nodes[b.i].value); }
V tanh_of(V a) { return push(Op::Tanh, a.i, 0, std::tanh(nodes[a.i].value)); }
V half_of(V a) { return push(Op::Half, a.i, 0, 0.5L * nodes[a.i].value); }
V leaf(double x) { return push(Op::Input, 0, 0, x); }

/// Records with build, backpropagates, prints the value and the sum of the gradient.
template <class Build>
void reference(const char* workload, const std::vector<double>& x0, Build build) {
  nodes.clear();
  std::vector<V> x;
  for (const double v : x0) x.push_back(leaf(v));
  const V out = build(x);
  std::vector<long double> g(nodes.size(), 0);
  g[out.i] = 1;
  for (std::size_t i = out.i + 1; i-- > 0;) {
    const Node& n = nodes[i];
    switch (n.op) {
      case Op::Input: break;
      case Op::Add: g[n.a] += g[i], g[n.b] += g[i]; break;
      case Op::Sub: g[n.a] += g[i], g[n.b] -= g[i]; break;
      case Op::Mul: g[n.a] += g[i] * nodes[n.b].value, g[n.b] += g[i] * nodes[n.a].value; break;
      case Op::Tanh: g[n.a] += g[i] * (1 - n.value * n.value); break;
      case Op::Half: g[n.a] += 0.5L * g[i]; break;
    }
  }
  long double sum = 0;
  for (const V& v : x) sum += g[v.i];
  bench::row("reference", workload, nodes.size(), "forward", 0,
             static_cast<double>(nodes[out.i].value));
  bench::row("reference", workload, nodes.size(), "gradient (forward + backward)", 0,
             static_cast<double>(sum));
}

}  // namespace

int main() {
  reference("speelpenning 1e6", bench::speelpenning_inputs(1'000'000),
            [](std::vector<V>& x) { return bench::speelpenning(x); });
  reference("layered 1000x1000", bench::layered_inputs(1000),
            [](std::vector<V>& x) { return bench::layered(x, 1000, tanh_of, half_of); });
  const bench::MlpData mlp = bench::mlp_data();
  reference("mlp 2-16-16-1 x100", mlp.params,
            [&](std::vector<V>& p) { return bench::mlp_loss(p, mlp.points, tanh_of, leaf); });
  return 0;
}
