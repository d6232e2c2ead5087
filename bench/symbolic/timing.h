// Timing and reporting shared by the C++ benchmark programs: run a workload several
// times, keep the median, and print one tab-separated row per workload that
// bench/symbolic/table.py turns into the side-by-side table.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

/// The evaluation point shared by every tool (drawn once at random, then fixed).
inline constexpr double kX = 0.8134, kY = 0.6279, kZ = 0.7436, kW = 0.4123;

/// The time of one repetition. The table reports processor time: the machine is shared,
/// and every tool here computes on one thread, so it is the steadier measure.
struct Sample {
  double cpu = 0, wall = 0;
};

/// Starts at construction; elapsed() is the processor and wall time since then.
class Stopwatch {
 public:
  Stopwatch() : cpu_(cpu_now()), wall_(wall_now()) {}
  Sample elapsed() const { return {cpu_now() - cpu_, wall_now() - wall_}; }

 private:
  static double cpu_now() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
  }
  static double wall_now() {
    using Clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
  }
  double cpu_, wall_;
};

/// What one workload reports about its result.
struct Measure {
  std::size_t terms = 0;  // terms of the top-level sum (1 if not a sum)
  std::size_t chars = 0;  // printed length, spaces removed and "**" counted as "^"
  double tree = 0;        // nodes of the tool's own tree (not comparable across tools)
  double value = NAN;     // the result at (kX, kY, kZ, kW)
};

/// Printed length in the common measure: no spaces; SymPy's "**" counts as one "^".
inline std::size_t printed_length(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') continue;
    if (text[i] == '*' && i + 1 < text.size() && text[i + 1] == '*') ++i;
    ++n;
  }
  return n;
}

/// Runs `once` (which returns the Sample of its timed part) up to `reps` times, stopping
/// early once `cap_seconds` of timed work is spent.
template <class Once>
std::vector<Sample> repeat(int reps, double cap_seconds, Once&& once) {
  std::vector<Sample> samples;
  double spent = 0;
  for (int i = 0; i < reps && (i == 0 || spent < cap_seconds); ++i) {
    samples.push_back(once());
    spent += samples.back().wall;
  }
  return samples;
}

inline double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/// One row: tool, workload, status, reps, median cpu s, min cpu s, median wall s, terms,
/// chars, tree, value, note.
inline void print_row(std::string_view tool, std::string_view workload,
                      const std::vector<Sample>& samples, const Measure& m) {
  std::vector<double> cpu, wall;
  for (const Sample& s : samples) {
    cpu.push_back(s.cpu);
    wall.push_back(s.wall);
  }
  std::printf("row\t%.*s\t%.*s\tok\t%zu\t%.6g\t%.6g\t%.6g\t%zu\t%zu\t%.17g\t%.17g\t\n",
              static_cast<int>(tool.size()), tool.data(), static_cast<int>(workload.size()),
              workload.data(), samples.size(), median(cpu),
              *std::min_element(cpu.begin(), cpu.end()), median(wall), m.terms, m.chars, m.tree,
              m.value);
  std::fflush(stdout);
}

/// A row for a workload that failed: the message goes into the table's notes.
inline void print_error_row(std::string_view tool, std::string_view workload,
                            std::string_view message) {
  std::string clean(message);
  std::replace(clean.begin(), clean.end(), '\t', ' ');
  std::replace(clean.begin(), clean.end(), '\n', ' ');
  std::printf("row\t%.*s\t%.*s\terror\t0\tnan\tnan\tnan\t0\t0\tnan\tnan\t%s\n",
              static_cast<int>(tool.size()), tool.data(), static_cast<int>(workload.size()),
              workload.data(), clean.c_str());
  std::fflush(stdout);
}

/// Whether a workload is selected by the names on the command line: no names select
/// everything; "S3" selects S3.expand and S3.diff, and "S3.diff" selects the S3 group
/// and S3.diff.simplified too.
inline bool selected(const std::vector<std::string>& names, std::string_view workload) {
  if (names.empty()) return true;
  auto within = [](std::string_view inner, std::string_view outer) {
    return inner == outer || (inner.starts_with(outer) && inner[outer.size()] == '.');
  };
  for (const std::string& name : names) {
    if (within(workload, name) || within(name, workload)) return true;
  }
  return false;
}

/// The options every benchmark program takes: [--reps=N] [--profile] [WORKLOAD...].
struct Options {
  int reps = 7;
  bool profile = false;
  std::vector<std::string> names;
};

inline Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a.starts_with("--reps=")) {
      o.reps = std::max(1, std::atoi(argv[i] + 7));
    } else if (a == "--profile") {
      o.profile = true;
    } else if (!a.starts_with("--")) {
      o.names.emplace_back(a);
    }
  }
  return o;
}

}  // namespace bench
