#include "leibniz/nn/train.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "leibniz/core/error.h"
#include "leibniz/io/atomic_file.h"
#include "leibniz/nn/checkpoint.h"
#include "support/temp_dir.h"

namespace leibniz::nn {
namespace {

namespace fs = std::filesystem;

class Train : public testing::TempDirTest {
 protected:
  std::string xor_csv() {
    std::string text;
    for (int i = 0; i < 25; ++i) text += "0,0,0\n0,1,1\n1,0,1\n1,1,0\n";
    return file("xor.csv", text);
  }

  TrainConfig xor_config() {
    TrainConfig c;
    c.data = xor_csv();
    c.hidden = {8};
    c.activation = ActivationKind::Tanh;
    c.lr = 0.05;
    c.epochs = 40;
    c.batch = 8;
    return c;
  }

  TrainObserver quiet_;
};

TEST_F(Train, LearnsXor) {
  TrainResult r = train(xor_config(), quiet_);
  ASSERT_EQ(r.history.size(), 40u);
  EXPECT_EQ(r.epochs, 40);
  EXPECT_EQ(r.train_rows, 80);
  EXPECT_EQ(r.val_rows, 20);
  EXPECT_DOUBLE_EQ(*r.history.back().val_accuracy, 1.0);
  EXPECT_LT(r.history.back().train_loss, 0.1);
}

TEST_F(Train, SameSeedSameNumbers) {
  TrainConfig c = xor_config();
  c.epochs = 5;
  TrainResult a = train(c, quiet_), b = train(c, quiet_);
  c.seed = 2;
  TrainResult other = train(c, quiet_);
  for (std::size_t i = 0; i < a.history.size(); ++i) {
    EXPECT_EQ(a.history[i].train_loss, b.history[i].train_loss);
    EXPECT_EQ(*a.history[i].val_loss, *b.history[i].val_loss);
  }
  EXPECT_NE(a.history.back().train_loss, other.history.back().train_loss);
}

TEST_F(Train, ResumeContinuesExactlyWhereItStopped) {
  TrainConfig c = xor_config();
  c.epochs = 6;
  TrainResult straight = train(c, quiet_);
  c.epochs = 4;
  c.save = path("m.safetensors");
  train(c, quiet_);
  c.epochs = 2;
  c.resume = c.save;
  TrainResult resumed = train(c, quiet_);
  ASSERT_EQ(resumed.history.size(), 2u);
  EXPECT_EQ(resumed.history[0].epoch, 5);
  EXPECT_EQ(resumed.epochs, 6);
  EXPECT_EQ(resumed.history[1].train_loss, straight.history[5].train_loss);
  EXPECT_EQ(*resumed.history[1].val_loss, *straight.history[5].val_loss);
  EXPECT_EQ(load_checkpoint(c.save).epoch, 6);
}

TEST_F(Train, RegressionWithSgdAndHalfSquaredError) {
  std::string text;
  for (int i = 0; i < 60; ++i)
    text += std::to_string(i / 60.0) + "," + std::to_string(3 * i / 60.0 - 1) + "\n";
  TrainConfig c;
  c.data = file("line.csv", text);
  c.task = nn::Task::Regress;
  c.loss = LossKind::HalfSquaredError;
  c.hidden = {};
  c.optimizer = "sgd";
  c.momentum = 0.9;
  c.lr = 0.05;
  c.epochs = 40;
  c.batch = 10;
  TrainResult r = train(c, quiet_);
  EXPECT_LT(*r.history.back().val_loss, 1e-3);
  EXPECT_FALSE(r.history.back().val_accuracy.has_value());
}

TEST_F(Train, InfiniteLossStopsNamingTheStepAndKeepsTheLastGoodModel) {
  TrainConfig c;
  c.data = file("huge.csv", "1e30,1\n2e30,2\n3e30,3\n4e30,4\n");
  c.task = nn::Task::Regress;
  c.standardize = false;
  c.val = 0;
  c.epochs = 3;
  c.batch = 2;
  c.save = path("good.safetensors");
  try {
    train(c, quiet_);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Domain);
    EXPECT_EQ(std::string(e.what()),
              "the loss became infinite at epoch 1, step 1 (step 1 overall); training stopped and "
              "kept the model as "
              "it was before this epoch in " +
                  c.save);
  }
  Checkpoint kept = load_checkpoint(c.save);
  EXPECT_EQ(kept.epoch, 0);
  for (auto& [name, t] : kept.parameters)
    for (double v : t.to_vector()) EXPECT_TRUE(std::isfinite(v)) << name;
}

TEST_F(Train, LabelThatIsNotAClassNamesFileRowColumn) {
  TrainConfig c;
  c.data = file("bad.csv", "a,b,label\n1,2,0\n3,4,2.5\n");
  c.header = true;
  try {
    train(c, quiet_);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              c.data +
                  ", row 3, column 3: label 2.5 is not a class 0..9999; for a numeric target pass "
                  "--task regress");
  }
}

TEST_F(Train, LabelOutsideTheResumedModelsClasses) {
  TrainConfig c = xor_config();
  c.epochs = 1;
  c.save = path("xor.safetensors");
  train(c, quiet_);
  c.resume = c.save;
  c.data = file("three.csv", "0,0,0\n0,1,1\n1,1,2\n");
  try {
    train(c, quiet_);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              c.data + ", row 3, column 3: label 2 is outside the classes 0..1 of " + c.save +
                  " (it was trained on that many classes)");
  }
}

TEST_F(Train, FeatureCountMustFitTheResumedModel) {
  TrainConfig c = xor_config();
  c.epochs = 1;
  c.save = path("xor.safetensors");
  train(c, quiet_);
  c.resume = c.save;
  c.data = file("wide.csv", "0,0,0,0\n0,1,1,1\n");
  try {
    train(c, quiet_);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), c.save + " takes 2 features; " + c.data + " has 3");
  }
}

TEST_F(Train, ResumeKeepsTheTask) {
  TrainConfig c = xor_config();
  c.epochs = 1;
  c.save = path("xor.safetensors");
  train(c, quiet_);
  c.resume = c.save;
  c.task = nn::Task::Regress;
  try {
    train(c, quiet_);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              c.save + " was trained to classify; pass --task classify to resume it");
  }
}

// A stop request (Ctrl-C in the CLI) abandons the epoch under way: the model saved is the
// one of the last finished epoch, the same as a run that was asked for that many epochs.
TEST_F(Train, StopKeepsAndSavesTheLastFinishedEpoch) {
  struct StopAfter : TrainObserver {
    std::atomic<bool> stop{false};
    std::int64_t after = 0;
    void on_epoch(const EpochReport& r) override {
      if (r.epoch == after) stop = true;
    }
  } observer;
  observer.after = 2;
  TrainConfig c = xor_config();
  c.epochs = 2;
  c.save = path("two.safetensors");
  train(c, quiet_);
  c.epochs = 30;
  c.save = path("stopped.safetensors");
  c.stop = &observer.stop;
  TrainResult r = train(c, observer);
  EXPECT_TRUE(r.interrupted);
  EXPECT_TRUE(r.saved);
  EXPECT_EQ(r.epochs, 2);
  EXPECT_EQ(r.last_epoch, 30);
  EXPECT_EQ(r.history.size(), 2u);
  Checkpoint two = load_checkpoint(path("two.safetensors"));
  Checkpoint stopped = load_checkpoint(c.save);
  EXPECT_EQ(stopped.epoch, 2);
  ASSERT_EQ(stopped.parameters.size(), two.parameters.size());
  for (std::size_t i = 0; i < two.parameters.size(); ++i) {
    EXPECT_EQ(stopped.parameters[i].second.to_vector(), two.parameters[i].second.to_vector())
        << two.parameters[i].first;
  }
  EXPECT_EQ(stopped.optimizer_state.size(), two.optimizer_state.size());
  EXPECT_FALSE(fs::exists(io::temporary_path(c.save)));
}

TEST_F(Train, StopBeforeAnEpochFinishedSavesNothing) {
  std::atomic<bool> stop{true};
  TrainConfig c = xor_config();
  c.save = path("never.safetensors");
  c.stop = &stop;
  TrainResult r = train(c, quiet_);
  EXPECT_TRUE(r.interrupted);
  EXPECT_FALSE(r.saved);
  EXPECT_EQ(r.epochs, 0);
  EXPECT_FALSE(fs::exists(c.save));
}

TEST_F(Train, ValidationRowsFromAnotherFile) {
  TrainConfig c = xor_config();
  c.epochs = 2;
  c.val_data = file("val.csv", "0,0,0\n1,1,0\n0,1,1\n");
  TrainResult r = train(c, quiet_);
  EXPECT_EQ(r.train_rows, 100);
  EXPECT_EQ(r.val_rows, 3);
  EXPECT_TRUE(r.history.back().val_accuracy.has_value());
}

TEST_F(Train, ValidationRowsAlreadyReadAreTheFilesRows) {
  TrainConfig c = xor_config();
  c.epochs = 2;
  c.val_data = file("val.csv", "0,0,0\n1,1,0\n0,1,1\n");
  const TrainResult from_file = train(c, quiet_);
  const io::CsvTable rows = io::read_csv(c.val_data, {});
  c.val_data = "the validation rows";  // names them in messages; no file is read
  c.val_table = &rows;
  const TrainResult from_rows = train(c, quiet_);
  EXPECT_EQ(from_rows.val_rows, 3);
  ASSERT_EQ(from_rows.history.size(), from_file.history.size());
  for (std::size_t i = 0; i < from_rows.history.size(); ++i) {
    EXPECT_EQ(from_rows.history[i].val_loss, from_file.history[i].val_loss);
    EXPECT_EQ(from_rows.history[i].train_loss, from_file.history[i].train_loss);
  }
  const io::CsvTable narrow = io::read_csv(file("narrow.csv", "0,0\n1,1\n"), {});
  c.val_table = &narrow;
  try {
    train(c, quiet_);
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Request);
    EXPECT_STREQ(e.what(), ("the validation rows has 2 columns; " + c.data + " has 3").c_str());
  }
}

TEST_F(Train, ResumingWithAnotherArchitectureKeepsTheSavedOneAndSaysSo) {
  struct Notes : TrainObserver {
    std::vector<std::string> notes;
    void on_note(const std::string& note) override { notes.push_back(note); }
  } observer;
  TrainConfig c = xor_config();
  c.epochs = 1;
  c.save = path("xor.safetensors");
  train(c, quiet_);
  c.resume = c.save;
  c.hidden = {16, 16};
  c.architecture_given = true;
  TrainResult r = train(c, observer);
  ASSERT_EQ(observer.notes.size(), 1u);
  EXPECT_EQ(observer.notes[0], c.save +
                                   " keeps the network it was saved with; --hidden, --activation "
                                   "and --model are ignored when resuming");
  EXPECT_EQ(load_checkpoint(c.save).spec.hidden, std::vector<std::int64_t>{8});
  EXPECT_EQ(r.epochs, 2);
  c.hidden = {8};  // the same as saved: nothing to say
  observer.notes.clear();
  train(c, observer);
  EXPECT_TRUE(observer.notes.empty());
}

TEST_F(Train, NeedsARowToTrainOn) {
  TrainConfig c;
  c.data = file("one.csv", "1,0\n");
  c.val = 0.6;
  try {
    train(c, quiet_);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              c.data + ": no rows left to train on after holding out 1 for validation");
  }
}

TEST_F(Train, RnnReadsRowsAsSequences) {
  // Next value of a sine wave from the previous 8.
  std::string text;
  for (int i = 0; i < 120; ++i) {
    for (int k = 0; k <= 8; ++k) {
      if (k > 0) text += ',';
      text += std::to_string(std::sin(0.3 * (i + k)));
    }
    text += "\n";
  }
  TrainConfig c;
  c.data = file("sine.csv", text);
  c.task = nn::Task::Regress;
  c.model = ModelKind::Rnn;
  c.hidden = {16};
  c.standardize = false;
  c.lr = 0.01;
  c.epochs = 30;
  c.batch = 16;
  TrainResult r = train(c, quiet_);
  EXPECT_EQ(r.model_description, "Sequential(Rnn(1, 16), Linear(16, 1))");
  EXPECT_LT(*r.history.back().val_loss, 0.01);
}

// Which epoch the file holds as each epoch ends (-1: none yet).
class CheckpointWatcher : public TrainObserver {
 public:
  explicit CheckpointWatcher(std::string path) : path_(std::move(path)) {}
  void on_epoch(const EpochReport& /*report*/) override {
    seen.push_back(fs::exists(path_) ? load_checkpoint(path_).epoch : -1);
  }
  std::vector<std::int64_t> seen;

 private:
  std::string path_;
};

TEST_F(Train, CheckpointsEveryKEpochs) {
  TrainConfig c = xor_config();
  c.epochs = 5;
  c.checkpoint_every = 2;
  c.save = path("m.safetensors");
  CheckpointWatcher watcher(c.save);
  train(c, watcher);
  // Saved after epochs 2 and 4 (after the observer heard of them), and at the end.
  EXPECT_EQ(watcher.seen, (std::vector<std::int64_t>{-1, -1, 2, 2, 4}));
  EXPECT_EQ(load_checkpoint(c.save).epoch, 5);
  c.checkpoint_every = -1;
  EXPECT_THROW(
      {
        try {
          train(c, quiet_);
        } catch (const Error& e) {
          EXPECT_STREQ(e.what(), "--checkpoint-every takes a number of epochs, 0 or more");
          throw;
        }
      },
      Error);
}

TEST_F(Train, DigitsReachNinetyFivePercent) {
  std::string digits = std::string(LEIBNIZ_SOURCE_DIR) + "/../shared/data/digits.csv";
  if (!fs::exists(digits)) GTEST_SKIP() << "no " << digits;
  TrainConfig c;
  c.data = digits;
  c.hidden = {64};
  c.lr = 0.003;
  c.epochs = 15;
  TrainResult r = train(c, quiet_);
  EXPECT_GE(*r.history.back().val_accuracy, 0.95);
}

}  // namespace
}  // namespace leibniz::nn
