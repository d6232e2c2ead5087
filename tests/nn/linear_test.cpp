#include "leibniz/nn/linear.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../tensor/gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/nn/activation.h"
#include "leibniz/nn/init.h"
#include "leibniz/nn/model_spec.h"
#include "leibniz/nn/sequential.h"

namespace leibniz::nn {
namespace {

using tensor::DType;
using tensor::testing::expect_values;
using tensor::testing::gradcheck;
using tensor::testing::param;

TEST(Linear, ShapesAndNames) {
  tensor::Generator gen(1);
  Linear layer(4, 3, gen);
  EXPECT_EQ(layer.weight.shape(), tensor::Shape({3, 4}));
  EXPECT_EQ(layer.forward(tensor::zeros({5, 4})).shape(), tensor::Shape({5, 3}));
  EXPECT_EQ(layer.describe(), "Linear(4, 3)");
  EXPECT_EQ(layer.parameter_count(), 15);
  EXPECT_EQ(layer.named_parameters()[0].first, "weight");
}

TEST(Linear, GradcheckThroughParameters) {
  tensor::Generator gen(2);
  Linear layer(3, 2, gen, Init::Xavier, DType::F64);
  Tensor x = param({4, 3}, 5);
  EXPECT_LT(gradcheck([&](const auto& in) { return layer.forward(in[0]); },
                      {x, layer.weight, layer.bias}),
            1e-7);
}

}  // namespace
}  // namespace leibniz::nn
