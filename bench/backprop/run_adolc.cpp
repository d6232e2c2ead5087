// The backprop workloads through ADOL-C (libadolc-dev): taping, zos_forward (the plain
// function from the tape) and gradient() (forward + reverse from the tape), as its
// documentation uses it. run.sh runs it twice: with ADOL-C's default buffers (a tape
// larger than them lives in files) and with a .adolcrc that keeps the tapes in memory
// (faster on the layered graph, slower on Speelpenning's); the table takes the faster.
#include <adolc/adolc.h>

#include <cstdlib>

#include "timing.h"
#include "workloads.h"

namespace {

adouble tanh_of(const adouble& a) { return tanh(a); }
adouble half_of(const adouble& a) { return 0.5 * a; }

const char* tool = "ADOL-C";

template <class Build>
void measure(const char* workload, short tag, const std::vector<double>& x0, int reps,
             Build build) {
  const int n = static_cast<int>(x0.size());
  double y = 0;
  const double record = bench::median_ms(reps, [&] {
    trace_on(tag);
    std::vector<adouble> x(x0.size());
    for (int i = 0; i < n; ++i) x[static_cast<std::size_t>(i)] <<= x0[static_cast<std::size_t>(i)];
    adouble out = build(x);
    out >>= y;
    trace_off();
  });
  std::size_t counts[STAT_SIZE];
  tapestats(tag, counts);
  const std::size_t nodes = counts[NUM_OPERATIONS];
  double value = 0;
  const double forward =
      bench::median_ms(reps, [&] { function(tag, 1, n, const_cast<double*>(x0.data()), &value); });
  std::vector<double> g(x0.size());
  const double gradient_ms = bench::median_ms(reps, [&] { gradient(tag, n, x0.data(), g.data()); });
  double check = 0;
  for (const double v : g) check += v;
  bench::row(tool, workload, nodes, "record (taping + values)", record, y);
  bench::row(tool, workload, nodes, "forward", forward, value);
  bench::row(tool, workload, nodes, "gradient (forward + backward)", gradient_ms, check);
}

}  // namespace

int main(int argc, char** argv) {
  const int reps = argc > 1 ? std::atoi(argv[1]) : 7;
  if (argc > 2) tool = argv[2];  // the configuration's name
  measure("speelpenning 1e6", 1, bench::speelpenning_inputs(1'000'000), reps,
          [](std::vector<adouble>& x) { return bench::speelpenning(x); });
  measure("layered 1000x1000", 2, bench::layered_inputs(1000), reps,
          [](std::vector<adouble>& x) { return bench::layered(x, 1000, tanh_of, half_of); });
  const bench::MlpData mlp = bench::mlp_data();
  measure("mlp 2-16-16-1 x100", 3, mlp.params, reps, [&](std::vector<adouble>& p) {
    return bench::mlp_loss(p, mlp.points, tanh_of, [](double v) { return adouble(v); });
  });
  return 0;
}
