// How many generated cases a property test runs. Under the sanitizers (`make asan`,
// `make tsan`: unoptimised and instrumented, about 20 times slower) it runs a quarter of
// them; the release run of `make test` runs them all.
#pragma once

namespace leibniz::testing {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int trials(int all) { return (all + 3) / 4; }
#else
constexpr int trials(int all) { return all; }
#endif

}  // namespace leibniz::testing
