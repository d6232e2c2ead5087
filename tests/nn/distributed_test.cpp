#include "leibniz/nn/distributed.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <barrier>
#include <cmath>
#include <mutex>
#include <thread>

#include "leibniz/nn/checkpoint.h"
#include "leibniz/nn/train.h"
#include "support/temp_dir.h"

namespace leibniz::nn {
namespace {

// N trainers in N threads of one process, summing through shared memory: the trainer's
// data parallelism without MPI (tests/mpi runs the real thing under mpirun).
class ThreadGroup {
 public:
  explicit ThreadGroup(int size) : size_(size), barrier_(size) {}

  class Member : public Collective {
   public:
    Member(ThreadGroup& group, int rank) : group_(group), rank_(rank) {}
    int rank() const override { return rank_; }
    int size() const override { return group_.size_; }
    void sum(std::span<double> values) override { group_.sum(rank_, values); }

   private:
    ThreadGroup& group_;
    int rank_;
  };

 private:
  // `total_` is all zeros between rounds.
  void sum(int rank, std::span<double> values) {
    {
      std::lock_guard lock(mutex_);
      if (total_.size() != values.size()) total_.assign(values.size(), 0.0);
      for (std::size_t i = 0; i < values.size(); ++i) total_[i] += values[i];
    }
    barrier_.arrive_and_wait();
    std::copy(total_.begin(), total_.end(), values.begin());
    barrier_.arrive_and_wait();
    if (rank == 0) std::fill(total_.begin(), total_.end(), 0.0);
    barrier_.arrive_and_wait();
  }

  int size_;
  std::barrier<> barrier_;
  std::mutex mutex_;
  std::vector<double> total_;
};

TEST(Share, SplitsContiguouslyWithSizesDifferingByOne) {
  std::size_t next = 0;
  for (int rank = 0; rank < 4; ++rank) {
    Share s = share_of(10, rank, 4);
    EXPECT_EQ(s.begin, next);
    EXPECT_EQ(s.size(), rank < 2 ? 3u : 2u);
    next = s.end;
  }
  EXPECT_EQ(next, 10u);
  EXPECT_EQ(share_of(2, 3, 4).size(), 0u);  // a batch smaller than the group
}

class Distributed : public testing::TempDirTest {
 protected:
  TrainConfig config(tensor::DType dtype) {
    std::string text = "x1,x2,x3,y\n";
    for (int i = 0; i < 60; ++i) {
      double a = std::sin(i * 0.7), b = std::cos(i * 1.3), d = 5 + 3 * std::sin(i * 0.11);
      text += fmt::format("{},{},{},{}\n", a, b, d, (a * b > 0 ? 1 : 0) + (d > 6 ? 1 : 0));
    }
    TrainConfig c;
    c.data = file("three.csv", text);
    c.header = true;
    c.hidden = {6};
    c.epochs = 4;
    c.batch = 7;  // 48 training rows: the last batch (6 rows) leaves a process of 4 with 1
    c.lr = 0.01;
    c.dtype = dtype;
    return c;
  }

  // Trains with `processes` threads; returns rank 0's result, its model saved to `save`.
  TrainResult train_together(TrainConfig c, int processes, const std::string& save) {
    ThreadGroup group(processes);
    std::vector<TrainResult> results(static_cast<std::size_t>(processes));
    std::vector<std::thread> threads;
    for (int rank = 0; rank < processes; ++rank) {
      threads.emplace_back([&, rank] {
        ThreadGroup::Member member(group, rank);
        TrainConfig mine = c;
        mine.collective = &member;
        mine.save = rank == 0 ? save : "";
        TrainObserver quiet;
        results[static_cast<std::size_t>(rank)] = train(mine, quiet);
      });
    }
    for (auto& t : threads) t.join();
    return results[0];
  }

  // The largest difference of a parameter, relative to the largest magnitude in its tensor.
  static double difference(const std::string& a, const std::string& b) {
    Checkpoint x = load_checkpoint(a), y = load_checkpoint(b);
    double worst = 0;
    for (std::size_t k = 0; k < x.parameters.size(); ++k) {
      std::vector<double> u = x.parameters[k].second.to_vector(),
                          v = y.parameters[k].second.to_vector();
      double scale = 0, diff = 0;
      for (std::size_t i = 0; i < u.size(); ++i) {
        scale = std::max(scale, std::abs(u[i]));
        diff = std::max(diff, std::abs(u[i] - v[i]));
      }
      worst = std::max(worst, diff / scale);
    }
    return worst;
  }
};

TEST_F(Distributed, ProcessesTogetherTrainTheModelOfOne) {
  for (tensor::DType dtype : {tensor::DType::F64, tensor::DType::F32}) {
    TrainConfig c = config(dtype);
    c.save = path("one.safetensors");
    TrainObserver quiet;
    TrainResult one = train(c, quiet);
    const double bound = dtype == tensor::DType::F64 ? 1e-12 : 1e-5;
    for (int processes : {1, 2, 4}) {
      std::string save = path(fmt::format("together{}.safetensors", processes));
      TrainResult together = train_together(c, processes, save);
      ASSERT_EQ(together.history.size(), one.history.size());
      for (std::size_t e = 0; e < one.history.size(); ++e) {
        const EpochReport &a = one.history[e], &b = together.history[e];
        EXPECT_NEAR(b.train_loss, a.train_loss, bound * a.train_loss) << processes;
        EXPECT_NEAR(*b.val_loss, *a.val_loss, bound * *a.val_loss) << processes;
        EXPECT_EQ(*b.train_accuracy, *a.train_accuracy) << processes;
        EXPECT_EQ(*b.val_accuracy, *a.val_accuracy) << processes;
      }
      EXPECT_LE(difference(c.save, save), bound) << processes;
    }
  }
}

TEST_F(Distributed, StandardisesAsOneProcess) {
  tensor::Tensor x =
      tensor::from_vector({1, 10, 2, 10, 4, 10, 8, 10, 9, 10}, {5, 2}, tensor::DType::F64);
  Standardizer one = Standardizer::fit(x);
  for (int processes : {2, 3, 7}) {
    ThreadGroup group(processes);
    std::vector<Standardizer> fitted(static_cast<std::size_t>(processes));
    std::vector<std::thread> threads;
    for (int rank = 0; rank < processes; ++rank) {
      threads.emplace_back([&, rank] {
        ThreadGroup::Member member(group, rank);
        fitted[static_cast<std::size_t>(rank)] = fit_standardizer(member, x);
      });
    }
    for (auto& t : threads) t.join();
    for (const Standardizer& s : fitted) {
      EXPECT_NEAR(s.mean[0], one.mean[0], 1e-15);
      EXPECT_NEAR(s.scale[0], one.scale[0], 1e-15);
      EXPECT_EQ(s.mean[1], 10);
      EXPECT_EQ(s.scale[1], 1);  // a constant column keeps scale 1
    }
  }
}

}  // namespace
}  // namespace leibniz::nn
