// The cost of one call of the C++ library on a small expression (issue 14: the Python
// module's leibniz.diff is measured against this call). For each expression and each
// call of <leibniz/leibniz.h>, prints the median time per call over batches of calls.
//
//   bench_calls [calls per batch, default 20000]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "leibniz/leibniz.h"

namespace {

constexpr int kBatches = 15;

// Keeps a result alive past the optimizer without printing it.
std::size_t sink = 0;

// The median over kBatches batches of the time per call, in microseconds.
template <typename Call>
double median_us(int calls, Call call) {
  using Clock = std::chrono::steady_clock;
  for (int i = 0; i < calls / 10 + 1; ++i) call();  // warm caches and interned nodes
  std::vector<double> per_call;
  for (int b = 0; b < kBatches; ++b) {
    const auto start = Clock::now();
    for (int i = 0; i < calls; ++i) call();
    const std::chrono::duration<double, std::micro> spent = Clock::now() - start;
    per_call.push_back(spent.count() / calls);
  }
  std::nth_element(per_call.begin(), per_call.begin() + kBatches / 2, per_call.end());
  return per_call[kBatches / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int calls = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20000;
  const std::vector<std::string> inputs = {"x^2*y", "sin(x)*y", "x^3 + 2*x", "e^(x*y)"};
  std::printf("%-12s %10s %10s %10s %10s %16s\n", "expression", "parse", "diff", "to_text",
              "simplify", "parse+diff+text");
  for (const std::string& text : inputs) {
    const leibniz::Expr e = leibniz::parse(text);
    const double parse = median_us(calls, [&] { sink += leibniz::parse(text).is_null(); });
    const double diff = median_us(calls, [&] { sink += leibniz::diff(e, "x").is_null(); });
    const double print = median_us(calls, [&] { sink += leibniz::to_text(e).size(); });
    const double simplify = median_us(calls, [&] { sink += leibniz::simplify(e).is_null(); });
    const double all = median_us(
        calls, [&] { sink += leibniz::to_text(leibniz::diff(leibniz::parse(text), "x")).size(); });
    std::printf("%-12s %8.2f µs %8.2f µs %8.2f µs %8.2f µs %14.2f µs\n", text.c_str(), parse, diff,
                print, simplify, all);
  }
  return sink == 0 ? 1 : 0;  // never 0: every printed text has characters
}
