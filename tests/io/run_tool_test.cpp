// External programs: input in, output out, and every way it can go wrong.
#include "leibniz/io/run_tool.h"

#include <gtest/gtest.h>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"

namespace leibniz::io {
namespace {

std::string tool_error_of(const std::vector<std::string>& command, std::string_view input) {
  try {
    run_tool(command, input, "this needs the program (Debian package it)");
  } catch (const Error& e) {
    return std::string(kind_name(e.kind())) + ": " + e.what();
  }
  return "no error";
}

TEST(RunTool, ReturnsWhatTheProgramPrints) {
  EXPECT_EQ(run_tool({"cat"}, "a picture", ""), "a picture");
  EXPECT_EQ(run_tool({"echo", "no input"}, "", ""), "no input\n");
  // More than a pipe holds, both ways at once.
  const std::string big(3'000'000, 'x');
  EXPECT_EQ(run_tool({"cat"}, big, ""), big);
}

TEST(RunTool, AMissingProgramIsUnsupported) {
  EXPECT_EQ(tool_error_of({"leibniz-no-such-program"}, "x"),
            "unsupported: this needs the program (Debian package it)");
}

TEST(RunTool, AFailingProgramIsUnsupported) {
  EXPECT_EQ(tool_error_of({"sh", "-c", "exit 3"}, ""),
            "unsupported: 'sh -c exit 3' failed (exit status 3)");
  EXPECT_EQ(tool_error_of({"sh", "-c", "kill -9 $$"}, ""),
            "unsupported: 'sh -c kill -9 $$' failed (killed by a signal)");
}

TEST(RunTool, KeepsTheTimeLimit) {
  TimeBudget budget(0.05);
  EXPECT_EQ(tool_error_of({"sleep", "30"}, ""),
            "limit: the computation took longer than the time limit of 0.05 s");
}

}  // namespace
}  // namespace leibniz::io
