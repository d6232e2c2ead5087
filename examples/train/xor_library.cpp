// XOR with the library directly: a 2-8-1 network, binary cross-entropy on logits, Adam.
// The loop is the one of the notes: forward pass, backward pass, gradient step.
// Exits with status 1 unless every point is classified right.
#include <cstdio>

#include "leibniz/nn/activation.h"
#include "leibniz/nn/linear.h"
#include "leibniz/nn/loss.h"
#include "leibniz/nn/sequential.h"
#include "leibniz/optim/adam.h"
#include "leibniz/tensor/autograd.h"

int main() {
  using namespace leibniz;
  using tensor::Tensor;
  Tensor x = tensor::from_vector({0, 0, 0, 1, 1, 0, 1, 1}, {4, 2});  // (4, 2)
  Tensor y = tensor::from_vector({0, 1, 1, 0}, {4, 1});              // (4, 1)

  tensor::Generator gen(1);
  nn::Sequential net;
  net.add(std::make_unique<nn::Linear>(2, 8, gen))
      .add(std::make_unique<nn::Activation>(nn::ActivationKind::Tanh))
      .add(std::make_unique<nn::Linear>(8, 1, gen));
  optim::Adam adam(net.parameters(), {.lr = 0.05});

  for (int step = 1; step <= 300; ++step) {
    adam.zero_grad();
    Tensor loss = nn::bce_with_logits(net(x), y);  // forward
    loss.backward();                               // backward: fills each parameter's grad()
    adam.step();                                   // update
    if (step % 100 == 0) std::printf("step %d  loss %.4f\n", step, loss.item());
  }

  tensor::NoGradGuard no_grad;
  std::vector<double> logits = net(x).to_vector();
  int right = 0;
  for (int i = 0; i < 4; ++i) {
    int predicted = logits[i] > 0 ? 1 : 0;
    right += predicted == static_cast<int>(y.at({i, 0}));
    std::printf("xor(%g, %g) = %d\n", x.at({i, 0}), x.at({i, 1}), predicted);
  }
  std::printf("accuracy %.2f\n", right / 4.0);
  return right == 4 ? 0 : 1;
}
