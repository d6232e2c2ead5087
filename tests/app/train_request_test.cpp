// The train request (spec §5): its choices read into the config with errors naming the
// flag, and the answer object and closing lines rendered from one training.
#include "leibniz/app/train_request.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace leibniz::app {
namespace {

std::string config_error(const TrainRequest& request) {
  try {
    train_config(request);
  } catch (const Error& e) {
    return std::string(kind_name(e.kind())) + ": " + e.what();
  }
  return "no error";
}

TEST(TrainRequest, EachChoiceIsReadOrNamedInTheError) {
  TrainRequest r;
  r.task = "regress";
  r.hidden = "16,8";
  r.activation = "tanh";
  r.dtype = "float64";
  const nn::TrainConfig c = train_config(r);
  EXPECT_EQ(c.task, nn::Task::Regress);
  EXPECT_EQ(c.hidden, (std::vector<std::int64_t>{16, 8}));
  EXPECT_EQ(c.activation, nn::ActivationKind::Tanh);
  EXPECT_EQ(c.dtype, tensor::DType::F64);
  EXPECT_TRUE(c.standardize);

  TrainRequest bad;
  bad.task = "cluster";
  EXPECT_EQ(config_error(bad), "request: unknown task 'cluster' (expected classify or regress)");
  bad = TrainRequest();
  bad.hidden = "64,x";
  EXPECT_EQ(config_error(bad), "request: --hidden takes widths like 64,32; 'x' is not a width");
  bad = TrainRequest();
  bad.model = "rnn";
  EXPECT_EQ(config_error(bad),
            "request: --model rnn and lstm take one hidden size, e.g. --hidden 32");
  bad = TrainRequest();
  bad.dtype = "int8";
  EXPECT_EQ(config_error(bad), "request: unknown dtype 'int8' (expected float32 or float64)");
  bad = TrainRequest();
  bad.plot = "curves.pdf";
  EXPECT_EQ(config_error(bad),
            "request: cannot plot to 'curves.pdf': the name must end in .png or .svg");
}

TEST(TrainRequest, TheAnswerAndTheTextComeFromOneTraining) {
  const auto csv = std::filesystem::temp_directory_path() /
                   (std::to_string(getpid()) + "_leibniz_train_request_xor.csv");
  {
    std::ofstream out(csv);
    for (int i = 0; i < 25; ++i) out << "0,0,0\n0,1,1\n1,0,1\n1,1,0\n";
  }
  TrainRequest r;
  r.config.data = csv.string();
  r.config.epochs = 2;
  r.hidden = "4";
  nn::TrainObserver quiet;
  Training t = run_training(r, train_config(r), quiet);
  t.seconds = 1.23456;  // the one figure that is not reproducible
  std::filesystem::remove(csv);
  const Answer answer = training_answer(t);
  EXPECT_EQ(answer["ok"], true);
  EXPECT_EQ(answer["epochs"], 2);
  EXPECT_EQ(answer["train_loss"], *t.train_loss);
  EXPECT_EQ(answer["val_accuracy"], *t.val_accuracy);
  EXPECT_EQ(answer["seconds"], 1.235);
  EXPECT_FALSE(answer.contains("interrupted"));
  EXPECT_EQ(training_text(r, t), "final: train loss " + loss_text(t.train_loss) + "  val loss " +
                                     loss_text(t.val_loss) + "  val accuracy " +
                                     accuracy_text(t.val_accuracy) + "  (1.2 s)\n");
}

}  // namespace
}  // namespace leibniz::app
