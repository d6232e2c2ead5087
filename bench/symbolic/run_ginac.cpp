// The symbolic workloads through GiNaC, as a GiNaC user writes them: expand() for the
// polynomials, diff() for derivatives. GiNaC's diff already returns its canonical
// (collected) form, and normal() would bring 500 fractions over one denominator, so
// "D1 simplified" and "S3 simplified" are the diff result here.
// Usage: run_ginac [--reps=N] [S1 S3 D1 E2 ...]
#include <ginac/ginac.h>

#include <cstdlib>
#include <exception>
#include <functional>
#include <sstream>
#include <string>

#include "timing.h"

namespace {

using GiNaC::ex;

struct Symbols {
  GiNaC::symbol x{"x"}, y{"y"}, z{"z"}, w{"w"};
};

ex s1_input(const Symbols& s) {
  ex e = GiNaC::pow(s.x + s.y + s.z + 1, 7);
  return e * (e + 1);
}

ex s3_input(const Symbols& s) {
  return GiNaC::pow(GiNaC::pow(s.x, s.y) + GiNaC::pow(s.y, s.z) + GiNaC::pow(s.z, s.x), 50);
}

// sum_{i=1..500} sin(i*x + y^i) * exp(cos(i*x)) / (1 + x^2 + i)
ex d1_input(const Symbols& s) {
  ex sum = 0;
  for (int i = 1; i <= 500; ++i) {
    sum += GiNaC::sin(i * s.x + GiNaC::pow(s.y, i)) * GiNaC::exp(GiNaC::cos(i * s.x)) /
           (1 + GiNaC::pow(s.x, 2) + i);
  }
  return sum;
}

ex e2_input(const Symbols& s) {
  ex e = GiNaC::pow(s.x + s.y + s.z + s.w, 20);
  return e * (e + s.w);
}

double tree_size(const ex& e) {
  double n = 1;
  for (std::size_t i = 0; i < e.nops(); ++i) n += tree_size(e.op(i));
  return n;
}

bench::Measure measure(const ex& r, const Symbols& s) {
  bench::Measure m;
  m.terms = GiNaC::is_a<GiNaC::add>(r) ? r.nops() : 1;
  std::ostringstream text;
  text << r;
  m.chars = bench::printed_length(text.str());
  m.tree = tree_size(r);
  const ex v =
      r.subs(GiNaC::lst{s.x == bench::kX, s.y == bench::kY, s.z == bench::kZ, s.w == bench::kW})
          .evalf();
  m.value = GiNaC::is_a<GiNaC::numeric>(v) ? GiNaC::ex_to<GiNaC::numeric>(v).to_double() : NAN;
  return m;
}

// Times `op` on a freshly built input each repetition (GiNaC marks expanded objects,
// so a reused input would make later repetitions free).
void run(const char* workload, int reps, double cap_seconds, const std::function<ex()>& build,
         const std::function<ex(const ex&)>& op, const Symbols& s) {
  try {
    ex last;
    auto samples = bench::repeat(reps, cap_seconds, [&] {
      last = 0;
      const ex input = build();
      const bench::Stopwatch watch;
      ex r = op(input);
      const bench::Sample sample = watch.elapsed();
      last = r;
      return sample;
    });
    bench::print_row("ginac", workload, samples, measure(last, s));
  } catch (const std::exception& error) {
    bench::print_error_row("ginac", workload, error.what());
  }
}

}  // namespace

int main(int argc, char** argv) {
  const bench::Options options = bench::parse_options(argc, argv);
  const Symbols s;
  auto expand = [](const ex& e) { return e.expand(); };
  auto diff_x = [&](const ex& e) { return e.diff(s.x); };
  auto selected = [&](const char* workload) { return bench::selected(options.names, workload); };
  const int reps = options.reps;

  if (selected("S1"))
    run(
        "S1", reps, 10, [&] { return s1_input(s); }, expand, s);
  if (selected("S3.expand"))
    run(
        "S3.expand", reps, 10, [&] { return s3_input(s); }, expand, s);
  // A fresh expansion each time; only the diff is timed.
  if (selected("S3.diff")) {
    run(
        "S3.diff", reps, 10, [&] { return s3_input(s).expand(); }, diff_x, s);
  }
  if (selected("D1.raw") || selected("D1.simplified")) {
    run(
        "D1.raw", reps, 10, [&] { return d1_input(s); }, diff_x, s);
  }
  // About 3.5 s a repetition: three at most.
  if (selected("E2"))
    run(
        "E2", std::min(reps, 3), 8, [&] { return e2_input(s); }, expand, s);
  return 0;
}
