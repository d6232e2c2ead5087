// The speed workloads of issue 6 through leibniz: one training step (forward, backward,
// SGD update) per iteration; prints the median step time and the peak memory.
//   T1: float32 MLP 784-256-256-10, ReLU, softmax cross-entropy, batch 128
//   T2: float32 MLP 2-16-16-1, tanh, MSE, batch 32
//   T3: float32 Elman RNN, input 32, hidden 128, 50 steps, batch 32, MSE on the last state
// Usage: bench_tensor T1|T2|T3 [iterations]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "leibniz/nn/activation.h"
#include "leibniz/nn/linear.h"
#include "leibniz/nn/loss.h"
#include "leibniz/nn/rnn.h"
#include "leibniz/nn/sequential.h"
#include "leibniz/optim/sgd.h"
#include "leibniz/tensor/ops_view.h"

using namespace leibniz;
using tensor::DType;
using tensor::Tensor;

namespace {

std::unique_ptr<nn::Sequential> mlp(const std::vector<std::int64_t>& widths, nn::ActivationKind act,
                                    tensor::Generator& gen) {
  auto net = std::make_unique<nn::Sequential>();
  for (std::size_t i = 0; i + 1 < widths.size(); ++i) {
    net->add(std::make_unique<nn::Linear>(widths[i], widths[i + 1], gen));
    if (i + 2 < widths.size()) net->add(std::make_unique<nn::Activation>(act));
  }
  return net;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::string which = argc > 1 ? argv[1] : "T1";
  tensor::Generator gen(1);
  std::function<void()> step;
  int iterations = 0;
  std::unique_ptr<nn::Module> model;
  std::unique_ptr<optim::Sgd> sgd;
  Tensor x, y;
  std::vector<std::int64_t> labels;
  if (which == "T1") {
    model = mlp({784, 256, 256, 10}, nn::ActivationKind::Relu, gen);
    x = tensor::randn({128, 784}, gen);
    for (int i = 0; i < 128; ++i) labels.push_back(static_cast<std::int64_t>(gen.below(10)));
    iterations = 300;
    step = [&] { nn::cross_entropy(model->forward(x), labels).backward(); };
  } else if (which == "T2") {
    model = mlp({2, 16, 16, 1}, nn::ActivationKind::Tanh, gen);
    x = tensor::randn({32, 2}, gen);
    y = tensor::randn({32, 1}, gen);
    iterations = 20000;
    step = [&] { nn::mse_loss(model->forward(x), y).backward(); };
  } else if (which == "T3") {
    model = std::make_unique<nn::Rnn>(32, 128, gen);
    x = tensor::randn({50, 32, 32}, gen);
    y = tensor::randn({32, 128}, gen);
    iterations = 300;
    step = [&] { nn::mse_loss(tensor::select(model->forward(x), 0, 49), y).backward(); };
  } else {
    std::fprintf(stderr, "usage: bench_tensor T1|T2|T3 [iterations]\n");
    return 2;
  }
  if (argc > 2) iterations = std::stoi(argv[2]);
  sgd = std::make_unique<optim::Sgd>(model->parameters(), optim::SgdOptions{.lr = 0.01});
  auto one = [&] {
    sgd->zero_grad();
    step();
    sgd->step();
  };
  for (int i = 0; i < std::max(3, iterations / 10); ++i) one();  // warm up caches and the allocator
  std::vector<double> times;
  times.reserve(static_cast<std::size_t>(iterations));
  for (int i = 0; i < iterations; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    one();
    times.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("%s median_us %.3f peak_mib %.1f\n", which.c_str(), median(times),
              static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
