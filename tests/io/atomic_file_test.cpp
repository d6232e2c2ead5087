#include "leibniz/io/atomic_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "leibniz/core/error.h"

namespace leibniz::io {
namespace {

TEST(AtomicFile, ReplacesTheWholeFile) {
  auto dir =
      std::filesystem::temp_directory_path() / ("leibniz_atomic_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "f.txt").string();
  write_file_atomic(path, "a longer first version");
  write_file_atomic(path, "second");
  EXPECT_EQ(read_file(path), "second");
  EXPECT_FALSE(std::filesystem::exists(temporary_path(path)));
  std::filesystem::remove_all(dir);
}

TEST(AtomicFile, UnwritableFolderIsARequestError) {
  try {
    write_file_atomic("/nonexistent/dir/m.safetensors", "x");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Request);
    EXPECT_STREQ(e.what(),
                 "cannot write '/nonexistent/dir/m.safetensors': No such file or directory");
  }
}

TEST(AtomicFile, ADirectoryIsNotAFile) {
  try {
    read_file("/tmp");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Request);
    EXPECT_STREQ(e.what(), "cannot read '/tmp': Is a directory");
  }
}

TEST(AtomicFile, MissingFileIsARequestError) {
  try {
    read_file("/nonexistent/f.txt");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Request);
    EXPECT_STREQ(e.what(), "cannot read '/nonexistent/f.txt': No such file or directory");
  }
}

TEST(AtomicFile, CheckWritableNamesThePathAndLeavesNothing) {
  auto dir =
      std::filesystem::temp_directory_path() / ("leibniz_writable_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "m.safetensors").string();
  check_writable(path);
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  try {
    check_writable(dir.string());
    FAIL() << "a folder is writable";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Request);
    EXPECT_EQ(std::string(e.what()), "cannot write '" + dir.string() + "': Is a directory");
  }
  try {
    check_writable("/nonexistent/dir/m.safetensors");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "cannot write '/nonexistent/dir/m.safetensors': No such file or directory");
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace leibniz::io
