// compare_models A.safetensors B.safetensors BOUND: prints the largest difference of a
// parameter between two saved models, relative to the largest magnitude in its tensor,
// and exits 0 when it is at most BOUND (and both have the same epochs), 1 otherwise.
#include <cmath>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "leibniz/nn/checkpoint.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: compare_models A.safetensors B.safetensors BOUND\n";
    return 2;
  }
  try {
    using leibniz::nn::load_checkpoint;
    auto a = load_checkpoint(argv[1]), b = load_checkpoint(argv[2]);
    const double bound = std::atof(argv[3]);
    if (a.epoch != b.epoch || a.parameters.size() != b.parameters.size()) {
      std::cout << "different models: epochs " << a.epoch << " and " << b.epoch << "\n";
      return 1;
    }
    double worst = 0;
    for (std::size_t k = 0; k < a.parameters.size(); ++k) {
      std::vector<double> u = a.parameters[k].second.to_vector(),
                          v = b.parameters[k].second.to_vector();
      if (u.size() != v.size()) {
        std::cout << "different shapes of " << a.parameters[k].first << "\n";
        return 1;
      }
      double scale = 0, diff = 0;
      for (std::size_t i = 0; i < u.size(); ++i) {
        scale = std::max(scale, std::abs(u[i]));
        diff = std::max(diff, std::abs(u[i] - v[i]));
      }
      if (scale > 0) worst = std::max(worst, diff / scale);
    }
    std::cout << "epoch " << a.epoch << ", largest relative parameter difference " << worst
              << (worst <= bound ? " <= " : " > ") << bound << "\n";
    return worst <= bound ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "compare_models: " << e.what() << "\n";
    return 2;
  }
}
