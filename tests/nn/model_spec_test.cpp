#include "leibniz/nn/model_spec.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../tensor/gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/nn/activation.h"
#include "leibniz/nn/init.h"
#include "leibniz/nn/linear.h"
#include "leibniz/nn/sequential.h"

namespace leibniz::nn {
namespace {

using tensor::DType;
using tensor::testing::expect_values;
using tensor::testing::gradcheck;
using tensor::testing::param;

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
  EXPECT_EQ(s.build(gen)->describe(),
            "Sequential(Linear(64, 32), relu, Linear(32, 16), relu, Linear(16, 10))");
}

}  // namespace
}  // namespace leibniz::nn
