// The three workloads, written once over any scalar type with + - * and tanh (a tape
// variable of leibniz, an ADOL-C adouble), so that every tool builds the same graph:
// Speelpenning's product of n inputs, a random layered graph (width × depth nodes,
// each reading two nodes of the layer before), and the loss of a 2-16-16-1 tanh MLP over
// 100 points built node by node. Randomness is a 64-bit LCG that run_torch.py repeats.
#pragma once

#include <cstdint>
#include <vector>

namespace bench {

/// Knuth's MMIX LCG; run_torch.py has the same.
struct Lcg {
  std::uint64_t state;
  std::uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  }
  /// Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() % 1000000) / 1e6; }
};

/// The inputs of Speelpenning's product: close to 1, so that the product of 10^6 of them
/// stays a normal number.
inline std::vector<double> speelpenning_inputs(std::size_t n) {
  Lcg rng{1};
  std::vector<double> x(n);
  for (double& v : x) v = 1.0 + (rng.uniform() - 0.5) * 1e-3;
  return x;
}

/// y = x_0 · x_1 · … · x_{n−1}, recorded as n − 1 multiplications.
template <class T>
T speelpenning(const std::vector<T>& x) {
  T y = x[0];
  for (std::size_t i = 1; i < x.size(); ++i) y = y * x[i];
  return y;
}

/// The inputs of the layered graph: one layer of `width` values in (0, 1).
inline std::vector<double> layered_inputs(std::size_t width) {
  Lcg rng{2};
  std::vector<double> x(width);
  for (double& v : x) v = 0.05 + 0.9 * rng.uniform();
  return x;
}

/// depth layers of `width` nodes after the inputs; node k of a layer is one of a·b,
/// tanh(a + b), tanh(a − b), (a + b)·0.5 of two random nodes a, b of the layer before
/// (values stay in [−1, 1]); the output is the sum of the last layer.
template <class T, class Tanh, class Half>
T layered(const std::vector<T>& inputs, std::size_t depth, Tanh tanh_of, Half half_of) {
  Lcg rng{3};
  std::vector<T> previous = inputs, current;
  const std::size_t width = inputs.size();
  for (std::size_t layer = 0; layer < depth; ++layer) {
    current.clear();
    for (std::size_t k = 0; k < width; ++k) {
      const T& a = previous[rng.next() % width];
      const T& b = previous[rng.next() % width];
      switch (rng.next() % 4) {
        case 0: current.push_back(a * b); break;
        case 1: current.push_back(tanh_of(a + b)); break;
        case 2: current.push_back(tanh_of(a - b)); break;
        default: current.push_back(half_of(a + b)); break;
      }
    }
    std::swap(previous, current);
  }
  T sum = previous[0];
  for (std::size_t k = 1; k < width; ++k) sum = sum + previous[k];
  return sum;
}

/// The MLP's 337 parameters (2·16 + 16 + 16·16 + 16 + 16 + 1) and 100 points (x1, x2, y).
struct MlpData {
  std::vector<double> params;
  std::vector<double> points;  // 3 per point
};

inline MlpData mlp_data() {
  Lcg rng{4};
  MlpData d;
  for (int i = 0; i < 337; ++i) d.params.push_back(rng.uniform() - 0.5);
  for (int i = 0; i < 100; ++i) {
    const double x1 = 2 * rng.uniform() - 1, x2 = 2 * rng.uniform() - 1;
    d.points.insert(d.points.end(), {x1, x2, x1 * x2 > 0 ? 1.0 : -1.0});
  }
  return d;
}

/// The sum over the points of (mlp(x) − y)², every operation a node: 2-16-16-1, tanh.
template <class T, class Tanh, class Constant>
T mlp_loss(const std::vector<T>& p, const std::vector<double>& points, Tanh tanh_of, Constant c) {
  T loss = c(0.0);
  for (std::size_t n = 0; n + 2 < points.size(); n += 3) {
    const T x1 = c(points[n]), x2 = c(points[n + 1]);
    std::size_t k = 0;
    std::vector<T> h1, h2;
    for (int j = 0; j < 16; ++j, k += 3)
      h1.push_back(tanh_of(p[k] * x1 + p[k + 1] * x2 + p[k + 2]));
    for (int j = 0; j < 16; ++j) {
      T s = p[k++];
      for (int i = 0; i < 16; ++i) s = s + p[k++] * h1[i];
      h2.push_back(tanh_of(s));
    }
    T out = p[k++];
    for (int i = 0; i < 16; ++i) out = out + p[k++] * h2[i];
    const T e = out - c(points[n + 2]);
    loss = loss + e * e;
  }
  return loss;
}

}  // namespace bench
