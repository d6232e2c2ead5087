// A seeded random generator whose streams are the same on every platform and compiler
// (xoshiro256** seeded by splitmix64; normals by Box-Muller), so runs are reproducible.
#pragma once

#include <cstdint>

namespace leibniz::tensor {

class Generator {
 public:
  explicit Generator(std::uint64_t seed = 1);

  std::uint64_t next_u64();
  /// Uniform on [0, 1) with 53 random bits.
  double uniform();
  /// Standard normal.
  double normal();
  /// Uniform integer on [0, n).
  std::uint64_t below(std::uint64_t n);

 private:
  std::uint64_t s_[4];
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace leibniz::tensor
