// Engines per thread (docs/threads.md): eight threads answering mixed requests at once
// give, answer for answer, what one thread gives alone; limits and budgets act on their
// own thread; a finished thread's nodes are freed. Run under ThreadSanitizer by `make tsan`.
#include <gtest/gtest.h>

#include <barrier>
#include <cstddef>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "leibniz/app/batch.h"
#include "leibniz/app/check_request.h"
#include "leibniz/app/operations.h"
#include "leibniz/app/steps_format.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

// Batch lines for every kind of request, answers and errors alike.
const std::vector<std::string> kLines = {
    R"j({"id": 1, "op": "diff", "expr": "x^2*sin(y)", "wrt": ["x"]})j",
    R"j({"id": 2, "op": "diff", "expr": "sigmoid(w*x + b)^2", "wrt": ["w", "b"]})j",
    R"j({"id": 3, "op": "diff", "expr": "x^2*y*exp(x)", "wrt": ["x"], "steps": true})j",
    R"j({"id": 4, "op": "integrate", "expr": "x*exp(x)", "wrt": "x", "steps": true})j",
    R"j({"id": 5, "op": "integrate", "expr": "1/(x^2 + 3*x + 2)", "wrt": "x"})j",
    R"j({"id": 6, "op": "integrate", "expr": "sin(x)^3*cos(x)^2", "wrt": "x"})j",
    R"j({"id": 7, "op": "integrate", "expr": "x^2", "wrt": "x", "from": 0, "to": 3})j",
    R"j({"id": 8, "op": "integrate", "expr": "exp(-x^2)", "wrt": "x", "from": 0, "to": 1})j",
    R"j({"id": 9, "op": "integrate", "expr": "atan(x)", "wrt": "x", "from": 0, "to": 1})j",
    R"j({"id": 10, "op": "simplify", "expr": "(x+y)^2 - x^2"})j",
    R"j({"id": 11, "op": "simplify", "expr": "sin(x)^2 + cos(x)^2 + (x^2 - 1)/(x - 1)"})j",
    R"j({"id": 12, "op": "expand", "expr": "(x + y + z + 1)^6"})j",
    R"j({"id": 13, "op": "eval", "expr": "sigmoid(w1*x+b1)", "at": {"w1": 0.5, "x": 1, "b1": -0.5}})j",
    R"j({"id": 14, "op": "eval", "expr": "pi*e + sqrt(2)", "at": {}})j",
    R"j({"id": 15, "op": "grad", "expr": "x^2*y + ln(z)", "wrt": ["x", "y", "z"]})j",
    R"j({"id": 16, "op": "jacobian", "expr": "x*y; x + y^2", "wrt": ["x", "y"]})j",
    R"j({"id": 17, "op": "hessian", "expr": "x^3*y^2", "wrt": ["x", "y"]})j",
    R"j({"id": 18, "op": "check", "expr": "x^2", "derivative_of": "x^3/3", "wrt": ["x"]})j",
    R"j({"id": 19, "op": "check", "expr": "sin(2*x) = 2*sin(x)*cos(x) = sin(x)"})j",
    R"j({"id": 20, "op": "diff", "expr": "\\frac{x^2}{y} + \\sqrt{x}", "wrt": ["x"], "syntax": "latex"})j",
    R"j({"id": 21, "op": "simplify", "expr": "\\int_0^1 x^2 \\, dx", "syntax": "latex"})j",
    R"j({"id": 22, "op": "diff", "expr": "f(x^2)", "wrt": ["x"], "functions": ["f"]})j",
    R"j({"id": 23, "op": "diff", "expr": "sin(x", "wrt": ["x"]})j",
    R"j({"id": 24, "op": "eval", "expr": "ln(x)", "at": {"x": -1}})j",
    R"j({"id": 25, "op": "integrate", "expr": "exp(x^2)", "wrt": "x"})j",
    R"j({"id": 26, "op": "expand", "expr": "(x+y)^(5^9)"})j",
    R"j({"id": 27, "op": "nothing"})j",
    "not json",
};

// What the library's functions print, beside the batch answers: steps and check reports
// as text, LaTeX read and printed.
std::vector<std::string> direct_answers() {
  std::vector<std::string> out;
  Trace trace;
  const Expr d = app::run_diff(app::parse_input("x*sin(x)^2", app::Syntax::Text), {"x"}, &trace);
  out.push_back(print_text(d) + "\n" + app::steps_text(trace.steps()));
  out.push_back(app::steps_latex(trace.steps()));
  const app::CheckReport report = app::run_check({"2*x*cos(x^2)"}, "sin(x^2)", {"x"});
  out.push_back(app::check_text(report));
  out.push_back(
      print_latex(app::parse_input(R"(\frac{\partial}{\partial x} x^3 y)", app::Syntax::Latex)));
  out.push_back(print_unicode(
      app::run_simplify(app::parse_input("(x^3 - 1)/(x - 1) + pi + e^2", app::Syntax::Text))));
  return out;
}

std::vector<std::string> answers() {
  std::vector<std::string> out;
  for (const std::string& line : kLines) out.push_back(app::answer_line(line).dump());
  for (std::string& text : direct_answers()) out.push_back(std::move(text));
  return out;
}

// Runs `work` on `count` threads at once and waits for them all.
void run_threads(std::size_t count, const std::function<void(std::size_t)>& work) {
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < count; ++t) threads.emplace_back(work, t);
  for (std::thread& thread : threads) thread.join();
}

TEST(Threads, EightThreadsAnswerAsOneThreadDoes) {
  // The reference comes from a thread of its own, so that the threads under test start
  // from nothing too.
  std::vector<std::string> expected;
  run_threads(1, [&](std::size_t) { expected = answers(); });
  ASSERT_EQ(expected.size(), kLines.size() + 5);
  ASSERT_NE(expected[0].find("\"ok\":true"), std::string::npos) << expected[0];

  constexpr std::size_t kThreads = 8;
  constexpr std::size_t kRounds = 6;
  std::vector<std::vector<std::string>> mismatches(kThreads);
  run_threads(kThreads, [&](std::size_t t) {
    for (std::size_t round = 0; round < kRounds; ++round) {
      const std::vector<std::string> got = answers();
      for (std::size_t i = 0; i < got.size(); ++i) {
        if (got[i] != expected[i]) mismatches[t].push_back(got[i] + "\nexpected\n" + expected[i]);
      }
    }
  });
  for (std::size_t t = 0; t < kThreads; ++t) {
    EXPECT_TRUE(mismatches[t].empty()) << "thread " << t << ": " << mismatches[t].front();
  }
}

TEST(Threads, AThreadsNodesAreBackToItsBaselineAfterItsRequests) {
  run_threads(2, [](std::size_t) {
    EXPECT_EQ(interned_node_count(), 0u);  // a new thread starts with an empty table
    answers();                             // fills the thread's caches (integers, e, pi, ...)
    const std::size_t baseline = interned_node_count();
    for (int round = 0; round < 3; ++round) answers();
    EXPECT_EQ(interned_node_count(), baseline);
  });
}

TEST(Threads, AFinishedThreadsEngineIsFreed) {
  const std::size_t before = live_engine_count();
  for (int round = 0; round < 20; ++round) {
    run_threads(4, [round](std::size_t) { app::answer_line(kLines[round % kLines.size()]); });
    EXPECT_EQ(live_engine_count(), before);
  }
  // A thread that made no expression has no engine.
  run_threads(1, [](std::size_t) { EXPECT_EQ(interned_node_count(), 0u); });
  EXPECT_EQ(live_engine_count(), before);
}

TEST(Threads, EachThreadsLimitsStartFromTheDefaults) {
  const Limits saved = default_limits();
  Limits tight = saved;
  tight.max_terms = 10;
  set_default_limits(tight);
  EXPECT_EQ(limits().max_terms, 10u);  // the caller's own limits follow
  run_threads(1, [](std::size_t) {
    EXPECT_EQ(limits().max_terms, 10u);
    EXPECT_EQ(app::answer_line(R"j({"id": 1, "op": "expand", "expr": "(x + y)^20"})j").dump(),
              R"j({"id":1,"ok":false,"error":{"kind":"limit","message":"the expanded power could )j"
              R"j(have about 21 terms; the limit is 10","pos":null}})j");
    limits().max_terms = 100;  // this thread's only
  });
  EXPECT_EQ(default_limits().max_terms, 10u);
  EXPECT_EQ(limits().max_terms, 10u);
  set_default_limits(saved);
  EXPECT_EQ(limits().max_terms, saved.max_terms);
}

TEST(Threads, BudgetsActOnTheirOwnThread) {
  // One thread holds a term budget and a spent time budget while the other works.
  std::barrier both(2);
  const std::size_t usual = limits().max_terms;
  std::vector<std::string> seen(2);
  run_threads(2, [&](std::size_t t) {
    if (t == 0) {
      const TermBudget terms(5);
      const TimeBudget time(0);
      both.arrive_and_wait();  // the budgets are in place
      both.arrive_and_wait();  // the other thread has worked
      seen[t] = std::to_string(limits().max_terms);
      try {
        check_time();
      } catch (const Error& error) {
        seen[t] += std::string(" ") + error.what();
      }
    } else {
      both.arrive_and_wait();
      const Expr e = expand(pow(symbol("x") + symbol("y"), 20));
      check_time();
      seen[t] = std::to_string(limits().max_terms) + " " + std::to_string(e.args().size());
      both.arrive_and_wait();
    }
  });
  EXPECT_EQ(seen[0], "5 the computation took longer than the time limit of 0 s");
  EXPECT_EQ(seen[1], std::to_string(usual) + " 21");
}

}  // namespace
}  // namespace leibniz
