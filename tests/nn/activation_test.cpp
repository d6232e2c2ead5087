#include "leibniz/nn/activation.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../tensor/gradcheck.h"
#include "leibniz/core/error.h"
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

TEST(Activation, ParseNames) {
  EXPECT_EQ(parse_activation("gelu"), ActivationKind::Gelu);
  try {
    parse_activation("swish");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Request);
    EXPECT_STREQ(e.what(),
                 "unknown activation 'swish' (expected relu, tanh, sigmoid, gelu or softplus)");
  }
}

}  // namespace
}  // namespace leibniz::nn
