#include "leibniz/core/limits.h"

#include <gtest/gtest.h>

#include <atomic>

#include "leibniz/core/error.h"

namespace leibniz {
namespace {

TEST(WatchInterrupt, CheckTimeThrowsOnceTheFlagIsSet) {
  std::atomic<bool> flag{false};
  watch_interrupt(&flag);
  EXPECT_NO_THROW(check_time());
  flag = true;
  try {
    check_time();
    ADD_FAILURE() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Limit);
    EXPECT_STREQ(error.what(), "interrupted");
  }
  watch_interrupt(nullptr);
  EXPECT_NO_THROW(check_time());
}

TEST(WatchInterrupt, TickSeesTheFlagWithinItsPeriod) {
  std::atomic<bool> flag{true};
  watch_interrupt(&flag);
  bool stopped = false;
  try {
    for (int i = 0; i < 0x2000; ++i) tick();
  } catch (const Error& error) {
    stopped = error.kind() == ErrorKind::Limit;
  }
  watch_interrupt(nullptr);
  EXPECT_TRUE(stopped);
}

}  // namespace
}  // namespace leibniz
