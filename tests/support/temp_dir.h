// A fixture with a fresh folder for one test's files, removed with its contents when
// the test ends.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace leibniz::testing {

class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           (std::string("leibniz_") + test->test_suite_name() + "_" + test->name() + "_" +
            std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  /// Writes `text` to the file `name` in the folder; returns its path.
  std::string file(const std::string& name, const std::string& text) {
    std::string at = path(name);
    std::ofstream(at) << text;
    return at;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;
};

}  // namespace leibniz::testing
