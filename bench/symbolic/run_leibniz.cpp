// The symbolic workloads of the foundation issue ("Speed") through leibniz, one
// tab-separated row each (bench/symbolic/timing.h), plus "reference" rows: each
// workload's value at the shared point computed from the unexpanded input (and by
// finite differences for derivatives), the oracle that the table checks every tool
// against. Usage: run_leibniz [--reps=N] [--profile] [S1 S3 D1 E2 ...]; --profile
// leaves out the references and the results' measures, so that a profiler sees the
// timed work (and the building of inputs) only.
#include <array>
#include <cstdlib>
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "timing.h"

namespace {

using leibniz::Expr;

struct Symbols {
  Expr x = leibniz::symbol("x"), y = leibniz::symbol("y"), z = leibniz::symbol("z"),
       w = leibniz::symbol("w");
  std::array<Expr, 4> all() const { return {x, y, z, w}; }
};

Expr s1_input(const Symbols& s) {
  Expr e = leibniz::pow(s.x + s.y + s.z + leibniz::integer(1), 7);
  return e * (e + leibniz::integer(1));
}

Expr s3_input(const Symbols& s) {
  using leibniz::pow;
  return pow(leibniz::add({pow(s.x, s.y), pow(s.y, s.z), pow(s.z, s.x)}), 50);
}

// sum_{i=1..500} sin(i*x + y^i) * exp(cos(i*x)) / (1 + x^2 + i)
Expr d1_input(const Symbols& s) {
  using leibniz::integer;
  std::vector<Expr> terms;
  for (long i = 1; i <= 500; ++i) {
    Expr ix = integer(i) * s.x;
    terms.push_back(leibniz::func(leibniz::Fn::Sin, ix + leibniz::pow(s.y, i)) *
                    leibniz::exp(leibniz::func(leibniz::Fn::Cos, ix)) /
                    (integer(1) + leibniz::pow(s.x, 2) + integer(i)));
  }
  return leibniz::add(std::move(terms));
}

Expr e2_input(const Symbols& s) {
  Expr e = leibniz::pow(s.x + s.y + s.z + s.w, 20);
  return e * (e + s.w);
}

leibniz::Program compile(const Expr& e, const Symbols& s) {
  const auto vars = s.all();
  return leibniz::Program(e, vars);
}

constexpr std::array<double, 4> kPoint{bench::kX, bench::kY, bench::kZ, bench::kW};

bench::Measure measure(const Expr& r, const Symbols& s) {
  bench::Measure m;
  m.terms = r.is(leibniz::Kind::Add) ? r.args().size() : 1;
  m.chars = bench::printed_length(leibniz::print_text(r));
  m.tree = leibniz::tree_size(r);
  m.value = compile(r, s).run(kPoint);
  return m;
}

// d f / d x at the point by central differences with one Richardson step, O(h^4);
// independent of every symbolic engine.
double derivative_in_x(const Expr& f, const Symbols& s) {
  const leibniz::Program p = compile(f, s);
  auto central = [&](double h) {
    std::array<double, 4> up = kPoint, down = kPoint;
    up[0] += h;
    down[0] -= h;
    return (p.run(up) - p.run(down)) / (2 * h);
  };
  const double h = 1e-4;
  return (4 * central(h / 2) - central(h)) / 3;
}

// One workload: how to build its input, the operation timed, and the reference value
// of its result at the point.
struct Workload {
  const char* name;
  std::function<Expr()> input;
  std::function<Expr(const Expr&)> op;
  std::function<double()> reference;
};

// Times `op` on a freshly built input each repetition; the previous result is released
// first, so that no repetition finds its nodes already interned.
void run(const Workload& w, const bench::Options& options, const Symbols& s) {
  try {
    if (!options.profile) {
      bench::Measure reference;
      reference.value = w.reference();
      bench::print_row("reference", w.name, {bench::Sample{}}, reference);
    }
    Expr last;
    auto samples = bench::repeat(options.reps, 10.0, [&] {
      last = Expr();
      const Expr input = w.input();
      const bench::Stopwatch watch;
      Expr r = w.op(input);
      const bench::Sample sample = watch.elapsed();
      last = std::move(r);
      return sample;
    });
    bench::print_row("leibniz", w.name, samples,
                     options.profile ? bench::Measure{} : measure(last, s));
  } catch (const std::exception& error) {
    bench::print_error_row("leibniz", w.name, error.what());
  }
}

}  // namespace

int main(int argc, char** argv) {
  const bench::Options options = bench::parse_options(argc, argv);
  const Symbols s;
  const std::array<Expr, 1> dx{s.x};
  auto expand = [](const Expr& e) { return leibniz::expand(e); };
  auto diff_x = [&](const Expr& e) { return leibniz::diff(e, s.x); };
  auto derivative_x = [&](const Expr& e) { return leibniz::derivative(e, dx); };
  Expr s3_expanded;  // the input of the S3 derivatives, expanded once
  auto s3_expansion = [&] {
    if (s3_expanded.is_null()) s3_expanded = leibniz::expand(s3_input(s));
    return s3_expanded;
  };
  auto value = [&](Expr (*input)(const Symbols&)) {
    return [&s, input] { return compile(input(s), s).run(kPoint); };
  };
  auto slope = [&](Expr (*input)(const Symbols&)) {
    return [&s, input] { return derivative_in_x(input(s), s); };
  };
  auto built = [&](Expr (*input)(const Symbols&)) { return [&s, input] { return input(s); }; };

  const Workload workloads[] = {
      {"S1", built(s1_input), expand, value(s1_input)},
      {"S3.expand", built(s3_input), expand, value(s3_input)},
      {"S3.diff", s3_expansion, diff_x, slope(s3_input)},
      {"S3.diff.simplified", s3_expansion, derivative_x, slope(s3_input)},
      {"D1.raw", built(d1_input), diff_x, slope(d1_input)},
      {"D1.simplified", built(d1_input), derivative_x, slope(d1_input)},
      {"E2", built(e2_input), expand, value(e2_input)},
  };
  for (const Workload& w : workloads) {
    if (bench::selected(options.names, w.name)) run(w, options, s);
  }
  return 0;
}
