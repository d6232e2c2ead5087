#include "leibniz/nn/init.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../tensor/gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/nn/activation.h"
#include "leibniz/nn/linear.h"
#include "leibniz/nn/model_spec.h"
#include "leibniz/nn/sequential.h"

namespace leibniz::nn {
namespace {

using tensor::DType;
using tensor::testing::expect_values;
using tensor::testing::gradcheck;
using tensor::testing::param;

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

}  // namespace
}  // namespace leibniz::nn
