#include "leibniz/nn/sequential.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../tensor/gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/nn/activation.h"
#include "leibniz/nn/init.h"
#include "leibniz/nn/linear.h"
#include "leibniz/nn/model_spec.h"

namespace leibniz::nn {
namespace {

using tensor::DType;
using tensor::testing::expect_values;
using tensor::testing::gradcheck;
using tensor::testing::param;

TEST(Sequential, ComposesAndNamesByIndex) {
  tensor::Generator gen(3);
  Sequential net;
  net.add(std::make_unique<Linear>(2, 4, gen, Init::He, DType::F64))
      .add(std::make_unique<Activation>(ActivationKind::Tanh))
      .add(std::make_unique<Linear>(4, 1, gen, Init::Xavier, DType::F64));
  auto names = net.named_parameters();
  ASSERT_EQ(names.size(), 4u);
  EXPECT_EQ(names[0].first, "0.weight");
  EXPECT_EQ(names[3].first, "2.bias");
  EXPECT_EQ(net.describe(), "Sequential(Linear(2, 4), tanh, Linear(4, 1))");
  std::vector<Tensor> inputs{param({5, 2}, 1)};
  for (const Tensor& p : net.parameters()) inputs.push_back(p);
  EXPECT_LT(gradcheck([&](const auto& in) { return net.forward(in[0]); }, inputs), 1e-7);
}

}  // namespace
}  // namespace leibniz::nn
