// Linear, Sequential, Activation, initialisation and ModelSpec.
#include <gtest/gtest.h>

#include <cmath>

#include "../tensor/gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/nn/activation.h"
#include "leibniz/nn/init.h"
#include "leibniz/nn/linear.h"
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
  EXPECT_LT(gradcheck([&](const auto& in) { return layer.forward(in[0]); }, {x, layer.weight, layer.bias}), 1e-7);
}

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

TEST(Activation, ParseNames) {
  EXPECT_EQ(parse_activation("gelu"), ActivationKind::Gelu);
  try {
    parse_activation("swish");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Request);
    EXPECT_STREQ(e.what(), "unknown activation 'swish' (expected relu, tanh, sigmoid, gelu or softplus)");
  }
}

TEST(Init, ScalesFollowFanInAndOut) {
  tensor::Generator gen(4);
  std::vector<double> he = he_normal({400, 100}, 100, gen, DType::F64).to_vector();
  double s2 = 0;
  for (double v : he) s2 += v * v;
  EXPECT_NEAR(s2 / static_cast<double>(he.size()), 2.0 / 100, 0.002);
  double bound = std::sqrt(6.0 / 500);
  for (double v : xavier_uniform({400, 100}, 100, 400, gen, DType::F64).to_vector()) {
    EXPECT_LE(std::abs(v), bound);
  }
}

TEST(Init, SameSeedSameWeights) {
  tensor::Generator a(9), b(9);
  EXPECT_EQ(Linear(3, 3, a).weight.to_vector(), Linear(3, 3, b).weight.to_vector());
}

TEST(ModelSpec, MetadataRoundTrip) {
  ModelSpec s;
  s.kind = ModelKind::Lstm;
  s.inputs = 12;
  s.hidden = {16};
  s.outputs = 3;
  s.activation = ActivationKind::Tanh;
  s.step_inputs = 2;
  ModelSpec t = ModelSpec::from_metadata(s.to_metadata(), "m");
  EXPECT_EQ(t.kind, ModelKind::Lstm);
  EXPECT_EQ(t.inputs, 12);
  EXPECT_EQ(t.hidden, std::vector<std::int64_t>{16});
  EXPECT_EQ(t.outputs, 3);
  EXPECT_EQ(t.step_inputs, 2);
  tensor::Generator gen(1);
  EXPECT_EQ(t.build(gen)->forward(tensor::zeros({5, 12})).shape(), tensor::Shape({5, 3}));
}

TEST(ModelSpec, MissingMetadataNamesTheFile) {
  try {
    ModelSpec::from_metadata({}, "m.safetensors");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "m.safetensors: not a leibniz model (no 'model' in its metadata)");
  }
}

TEST(ModelSpec, MlpLayers) {
  ModelSpec s;
  s.inputs = 64;
  s.hidden = {32, 16};
  s.outputs = 10;
  tensor::Generator gen(1);
  EXPECT_EQ(s.build(gen)->describe(), "Sequential(Linear(64, 32), relu, Linear(32, 16), relu, Linear(16, 10))");
}

}  // namespace
}  // namespace leibniz::nn
