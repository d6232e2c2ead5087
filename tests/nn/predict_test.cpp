#include "leibniz/nn/predict.h"

#include <gtest/gtest.h>

#include "leibniz/core/error.h"
#include "leibniz/nn/train.h"
#include "support/temp_dir.h"

namespace leibniz::nn {
namespace {

class Predict : public testing::TempDirTest {
 protected:
  // A network that has learnt XOR, saved.
  std::string xor_model() {
    std::string text = "a,b,xor\n";
    for (int i = 0; i < 25; ++i) text += "0,0,0\n0,1,1\n1,0,1\n1,1,0\n";
    TrainConfig c;
    c.data = file("xor.csv", text);
    c.header = true;
    c.hidden = {8};
    c.activation = ActivationKind::Tanh;
    c.lr = 0.05;
    c.epochs = 40;
    c.batch = 8;
    c.save = (dir_ / "xor.safetensors").string();
    TrainObserver quiet;
    train(c, quiet);
    return c.save;
  }

  void expect_error(const PredictConfig& c, ErrorKind kind, const std::string& message) {
    try {
      predict(c);
      FAIL() << "no error; expected " << message;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), kind);
      EXPECT_EQ(std::string(e.what()), message);
    }
  }
};

TEST_F(Predict, ClassesProbabilitiesAndAccuracy) {
  PredictConfig c{xor_model(), file("rows.csv", "a,b,xor\n0,0,0\n0,1,1\n1,0,0\n1,1,0\n"), true, ""};
  Predictions p = predict(c);
  EXPECT_EQ(p.task, nn::Task::Classify);
  EXPECT_TRUE(p.has_targets);
  ASSERT_EQ(p.rows, 4);
  EXPECT_EQ(p.classes, (std::vector<std::int64_t>{0, 1, 1, 0}));
  for (const auto& probs : p.probabilities) {
    ASSERT_EQ(probs.size(), 2u);
    EXPECT_NEAR(probs[0] + probs[1], 1.0, 1e-6);
  }
  EXPECT_DOUBLE_EQ(*p.accuracy, 0.75);  // the third row's label is wrong on purpose
  EXPECT_FALSE(p.mse.has_value());
}

TEST_F(Predict, FeaturesOnlyGiveNoScore) {
  PredictConfig c{xor_model(), file("features.csv", "0,1\n1,1\n"), false, ""};
  Predictions p = predict(c);
  EXPECT_FALSE(p.has_targets);
  EXPECT_EQ(p.classes, (std::vector<std::int64_t>{1, 0}));
  EXPECT_FALSE(p.accuracy.has_value());
}

TEST_F(Predict, RegressionGivesTheMeanSquaredError) {
  std::string text;
  for (int i = 0; i < 60; ++i)
    text += std::to_string(i / 60.0) + "," + std::to_string(3 * i / 60.0 - 1) + "\n";
  TrainConfig t;
  t.data = file("line.csv", text);
  t.task = nn::Task::Regress;
  t.hidden = {};
  t.optimizer = "sgd";
  t.lr = 0.05;
  t.epochs = 40;
  t.batch = 10;
  t.save = (dir_ / "line.safetensors").string();
  TrainObserver quiet;
  train(t, quiet);
  Predictions p = predict({t.save, file("two.csv", "0,-1\n0.5,0.5\n"), false, ""});
  EXPECT_EQ(p.task, nn::Task::Regress);
  ASSERT_EQ(p.values.size(), 2u);
  EXPECT_NEAR(p.values[0], -1, 0.05);
  EXPECT_NEAR(p.values[1], 0.5, 0.05);
  const double mse =
      ((p.values[0] + 1) * (p.values[0] + 1) + (p.values[1] - 0.5) * (p.values[1] - 0.5)) / 2;
  EXPECT_DOUBLE_EQ(*p.mse, mse);
}

TEST_F(Predict, ErrorsNameTheFileAndTheFix) {
  const std::string model = xor_model();
  const std::string wide = file("wide.csv", "0,0,0,0\n");
  expect_error({model, wide, false, ""}, ErrorKind::Request,
               wide + " has 4 columns; " + model +
                   " takes 2 features (and the target column, if the file has it)");
  const std::string three = file("three.csv", "0,0,0\n1,1,2\n");
  expect_error({model, three, false, ""}, ErrorKind::Domain,
               three + ", row 2, column 3: label 2 is outside the classes 0..1 of " + model +
                   " (it was trained on that many classes)");
  const std::string headed = file("headed.csv", "a,b\n0,1\n");
  expect_error({model, headed, false, ""}, ErrorKind::Parse,
               headed +
                   ", row 1, column 1: 'a' is not a number (if the first line names the columns, "
                   "pass --header)");
  expect_error({headed, headed, true, ""}, ErrorKind::Parse,
               headed +
                   ": not a valid safetensors file: header length 734416799082359905 exceeds the "
                   "file");
}

}  // namespace
}  // namespace leibniz::nn
