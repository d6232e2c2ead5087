// Batch mode's output (batch_output.h): answers in order, held ones written by the
// watcher without a further answer, and everything out when the batch ends. Run under
// ThreadSanitizer by `make tsan` (the watcher is a thread).
#include "leibniz/app/batch_output.h"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <ostream>
#include <streambuf>
#include <string>
#include <thread>

namespace leibniz::app {
namespace {

// An output the test reads while the watcher writes to it.
class SharedOutput : public std::streambuf {
 public:
  std::string text() const {
    const std::lock_guard lock(mutex_);
    return text_;
  }
  int flushes() const {
    const std::lock_guard lock(mutex_);
    return flushes_;
  }

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const std::lock_guard lock(mutex_);
    text_.append(s, static_cast<std::size_t>(n));
    return n;
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const std::lock_guard lock(mutex_);
    text_ += traits_type::to_char_type(c);
    return c;
  }
  int sync() override {
    const std::lock_guard lock(mutex_);
    ++flushes_;
    return 0;
  }

 private:
  mutable std::mutex mutex_;
  std::string text_;
  int flushes_ = 0;
};

// Polls until `done` or a minute has passed: a bound on a hang, not on speed.
template <class Done>
bool eventually(Done done) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (!done()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

TEST(BatchOutput, AnAnswerNobodyWaitsBehindIsWrittenAtOnce) {
  SharedOutput shared;
  std::ostream out(&shared);
  BatchOutput output(out);
  output.add("a\n", false);
  EXPECT_EQ(shared.text(), "a\n");
  EXPECT_EQ(shared.flushes(), 1);
  output.add("b\n", false);
  EXPECT_EQ(shared.text(), "a\nb\n");
}

TEST(BatchOutput, HeldAnswersGoOutTogetherInOrder) {
  SharedOutput shared;
  std::ostream out(&shared);
  {
    BatchOutput output(out);
    output.add("1\n", true);
    output.add("2\n", true);
    output.add("3\n", false);  // writes the held ones first
    EXPECT_EQ(shared.text(), "1\n2\n3\n");
  }
  EXPECT_EQ(shared.text(), "1\n2\n3\n");
}

// The watcher writes what is held while the batch is busy with the next request.
TEST(BatchOutput, TheWatcherWritesHeldAnswers) {
  SharedOutput shared;
  std::ostream out(&shared);
  BatchOutput output(out);
  for (int round = 0; round < 3; ++round) {
    const std::string line = std::to_string(round) + "\n";
    const std::string expected = shared.text() + line;
    output.add(line, true);
    EXPECT_TRUE(eventually([&] { return shared.text() == expected; })) << shared.text();
  }
}

TEST(BatchOutput, TheEndWritesWhatIsHeld) {
  SharedOutput shared;
  std::ostream out(&shared);
  {
    BatchOutput output(out);
    for (int i = 0; i < 1000; ++i) output.add(std::to_string(i) + "\n", true);
  }
  std::string expected;
  for (int i = 0; i < 1000; ++i) expected += std::to_string(i) + "\n";
  EXPECT_EQ(shared.text(), expected);
}

}  // namespace
}  // namespace leibniz::app
