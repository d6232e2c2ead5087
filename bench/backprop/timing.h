// Processor time of repeated runs and their median, and the row every program prints:
// tool, workload, nodes, phase, median milliseconds, checksum.
#pragma once

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace bench {

inline double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

/// The median processor time in milliseconds of `reps` runs of `once`.
template <class F>
double median_ms(int reps, F once) {
  std::vector<double> times;
  for (int r = 0; r < reps; ++r) {
    const double start = cpu_seconds();
    once();
    times.push_back(1e3 * (cpu_seconds() - start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

inline void row(const char* tool, const char* workload, std::size_t nodes, const char* phase,
                double ms, double checksum) {
  std::printf("%s\t%s\t%zu\t%s\t%.4f\t%.12g\n", tool, workload, nodes, phase, ms, checksum);
  std::fflush(stdout);
}

}  // namespace bench
