#include "leibniz/io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "leibniz/core/error.h"
#include "leibniz/core/read_file.h"
#include "leibniz/io/signal_cleanup.h"

namespace leibniz::io {
namespace {

[[noreturn]] void fail_at_path(const std::string& what, const std::string& path, int err) {
  throw Error(ErrorKind::Request, "cannot " + what + " '" + path + "': " + std::strerror(err));
}

std::string folder_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

std::string temporary_path(const std::string& path) {
  return path + ".tmp-" + std::to_string(::getpid());
}

void commit_file(const std::string& from, const std::string& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    int err = errno;
    ::unlink(from.c_str());
    fail_at_path("write", to, err);
  }
  // Make the rename itself durable.
  int dir = ::open(folder_of(to).c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

void write_file_atomic(const std::string& path, std::string_view bytes) {
  const std::string tmp = temporary_path(path);
  SignalCleanup cleanup;  // a signal while writing leaves no temporary behind
  cleanup.remove_file(tmp);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail_at_path("write", path, errno);
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      fail_at_path("write", path, err);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    fail_at_path("write", path, err);
  }
  commit_file(tmp, path);
}

void check_writable(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) fail_at_path("write", path, EISDIR);
  const std::string probe = temporary_path(path);
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) fail_at_path("write", path, errno);
  ::close(fd);
  ::unlink(probe.c_str());
}

std::string read_file(const std::string& path) { return read_whole_file(path); }

}  // namespace leibniz::io
