// The `leibniz` binary's side of doors.h: it has neither cpp-httplib nor Open MPI, so it
// replaces itself by leibniz-doors with the same arguments, which runs the door. The
// process (its pid, standard streams and signals) stays the one the user or mpirun
// started. Nothing has been written when this happens.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "leibniz/cli/doors.h"
#include "leibniz/cli/report.h"
#include "leibniz/core/error.h"

namespace leibniz::cli {
namespace {

// leibniz-doors sits beside leibniz in the build tree and in libexec/leibniz when
// installed (cmake/install.cmake).
std::filesystem::path doors_binary() {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::filesystem::path here = self.parent_path();
  const std::filesystem::path candidates[] = {
      here / "leibniz-doors", here.parent_path() / "libexec" / "leibniz" / "leibniz-doors"};
  for (const auto& candidate : candidates) {
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  throw Error(ErrorKind::Unsupported,
              "this command runs in leibniz-doors, which is not beside leibniz (" +
                  candidates[0].string() + ") nor installed (" + candidates[1].string() +
                  "): build or install leibniz again");
}

// This process's arguments as the kernel keeps them: main()'s argv, unchanged.
std::vector<std::string> own_arguments() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> arguments;
  for (std::size_t at = 0; at < all.size();) {
    const std::size_t end = all.find('\0', at);
    arguments.push_back(all.substr(at, end - at));
    at = end == std::string::npos ? all.size() : end + 1;
  }
  return arguments;
}

[[noreturn]] void become_doors_binary() {
  const std::filesystem::path binary = doors_binary();
  std::vector<std::string> arguments = own_arguments();
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  ::execv(binary.c_str(), argv.data());
  throw Error(ErrorKind::Unsupported,
              "could not start " + binary.string() + ": " + std::strerror(errno));
}

}  // namespace

int run_serve(const serve::ServerOptions&) {
  try {
    become_doors_binary();
  } catch (const Error& error) {
    return report_error(error, "");
  }
}

std::unique_ptr<MpirunProcess> join_mpirun() {
  if (mpirun_processes() == 0) return nullptr;
  become_doors_binary();
}

}  // namespace leibniz::cli
