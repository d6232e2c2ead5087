// Model files: statements, exact values, loops over time steps, sums; errors located.
#include "leibniz/graph/model_file.h"

#include <gtest/gtest.h>

#include "fixture.h"

namespace leibniz::graph {
namespace {

using testing::error_of;

ModelFile read(const std::string& text) { return parse_model_file(Source{"m.lz", text}); }

TEST(ModelFile, DeclarationsKeepExactValues) {
  const ModelFile m =
      read("param w1 = 0.5  # a comment\ninput x = 1.0\ntarget y = -2\nloss L = w1\n");
  ASSERT_EQ(m.statements.size(), 4u);
  EXPECT_EQ(m.statements[0].name, "w1");
  EXPECT_EQ(m.statements[0].role, Role::Param);
  EXPECT_EQ(m.statements[0].value->to_string(), "1/2");
  EXPECT_EQ(m.statements[1].value->to_string(), "1");
  EXPECT_EQ(m.statements[2].value->to_string(), "-2");
  EXPECT_EQ(m.statements[3].role, Role::Loss);
}

// Texts::Dropped keeps no equation text; reading them again gives each statement's text,
// with the same file offsets, in order (loops, nested loops, consts inside loops, defs,
// declarations of ranges between the equations).
TEST(ModelFile, EquationTextsReadAgainAreTheTextsKept) {
  const std::string text =
      "const T = 3\ndef f(a) = a*0.5\nparam w = 0.5\ninput x[1..T] = 1, 2, 3\n"
      "input h[0] = 0\nfor t = 1..T\n  const K = 2\n  s[t] = f(h[t-1]) + x[t]*K\n"
      "  for k = 1..2\n    g[t*10+k] = s[t]*k + 1e-3\n  end\n  h[t] = s[t] + w\nend\n"
      "q[t] = h[t]^2 for t = 1..T\nloss L = sum(q[t] for t = 1..T)\n";
  const ModelFile kept = read(text);
  ModelFile dropped = parse_model_file(Source{"m.lz", text}, Texts::Dropped);
  ASSERT_EQ(dropped.statements.size(), kept.statements.size());
  std::vector<std::size_t> seen;
  read_equation_texts(dropped, [&](std::size_t i, Expanded again) {
    ASSERT_LT(i, kept.statements.size());
    const Expanded& k = *kept.statements[i].expr;
    EXPECT_EQ(dropped.statements[i].expr, nullptr);
    EXPECT_EQ(again.text, k.text) << i;
    for (std::size_t pos = 0; pos <= k.text.size(); ++pos)
      EXPECT_EQ(again.offset_of(pos), k.offset_of(pos)) << i << " at " << pos;
    seen.push_back(i);
  });
  std::vector<std::size_t> equations;
  for (std::size_t i = 0; i < kept.statements.size(); ++i) {
    const Role role = kept.statements[i].role;
    if (role == Role::Node || role == Role::Loss) equations.push_back(i);
  }
  EXPECT_EQ(seen, equations);
  EXPECT_EQ(dropped.functions.size(), kept.functions.size());
}

TEST(ModelFile, DecimalsInEquationsAreExact) {
  const ModelFile m = read("a = 0.25*x + 1e-3\n");
  EXPECT_EQ(m.statements[0].expr->text, "(1/4)*x + (1/1000)");
}

TEST(ModelFile, IndexedDeclarations) {
  const ModelFile m = read("const T = 3\ninput x[1..T] = 1, 2, 0.5\ninput h[0] = 0\n");
  ASSERT_EQ(m.statements.size(), 4u);
  EXPECT_EQ(m.statements[0].name, "x_1");
  EXPECT_EQ(m.statements[2].name, "x_3");
  EXPECT_EQ(m.statements[2].value->to_string(), "1/2");
  EXPECT_EQ(m.statements[3].name, "h_0");
}

TEST(ModelFile, LoopBlockUnrollsEachStep) {
  const ModelFile m = read("for t = 1..2\n  h[t] = h[t-1]*w + x[t]\nend\n");
  ASSERT_EQ(m.statements.size(), 2u);
  EXPECT_EQ(m.statements[0].name, "h_1");
  EXPECT_EQ(m.statements[0].expr->text, "h_0*w + x_1");
  EXPECT_EQ(m.statements[1].expr->text, "h_1*w + x_2");
}

// Each step starts from the bindings outside the loop: a const inside the body is the
// step's own, and a nested loop rebinds its index every step.
TEST(ModelFile, EachStepHasItsOwnBindings) {
  const ModelFile m =
      read("for t = 1..3\n  const K = 2*t\n  for s = t..t\n    a[s] = K + s\n  end\nend\n");
  ASSERT_EQ(m.statements.size(), 3u);
  EXPECT_EQ(m.statements[0].expr->text, "(2) + (1)");
  EXPECT_EQ(m.statements[2].name, "a_3");
  EXPECT_EQ(m.statements[2].expr->text, "(6) + (3)");
}

TEST(ModelFile, LoopSuffixUnrollsOneLine) {
  const ModelFile m = read("h[t] = (h[t-1] + x[t])*w + h[t-1] for t = 1..2\n");
  ASSERT_EQ(m.statements.size(), 2u);
  EXPECT_EQ(m.statements[1].expr->text, "(h_1 + x_2)*w + h_1");
}

TEST(ModelFile, SumOverARange) {
  const ModelFile m = read("loss L = sum((h[t] - y[t])^2 for t = 1..2)\n");
  EXPECT_EQ(m.statements[0].expr->text, "(((h_1 - y_1)^2) + ((h_2 - y_2)^2))");
}

TEST(ModelFile, IndexNamesOutsideBracketsAreTheirValues) {
  const ModelFile m = read("a[t] = t*x for t = 2..2\n");
  EXPECT_EQ(m.statements[0].expr->text, "(2)*x");
}

TEST(ModelFile, ErrorPositionsPointIntoTheFile) {
  const ModelFile m = read("\n  h[t] = h[t-1] for t = 1..1\n");
  // "h_0" stands where "h[t-1]" was written: line 2, column 10, offset 10.
  EXPECT_EQ(m.statements[0].expr->offset_of(0), 10u);
}

TEST(ModelFile, Functions) {
  const ModelFile m = read("def f(a, b) = a*b\nderiv g(t) = 2*t\n");
  ASSERT_EQ(m.functions.size(), 2u);
  EXPECT_EQ(m.functions[0].name, "f");
  EXPECT_EQ(m.functions[0].params, (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(m.functions[0].is_deriv);
  EXPECT_TRUE(m.functions[1].is_deriv);
  EXPECT_EQ(m.functions[1].body.text, "2*t");
}

TEST(ModelFile, Errors) {
  auto error = [](const std::string& text) { return error_of([&] { read(text); }); };
  EXPECT_EQ(error("param w = abc\n"), "parse: m.lz:1:11: bad number 'abc'");
  EXPECT_EQ(error("param w = 1.2.3\n"), "parse: m.lz:1:11: bad number '1.2.3'");
  EXPECT_EQ(error("a = 1.5.2\n"), "parse: m.lz:1:5: bad number '1.5.2'");
  EXPECT_EQ(error("w + 1\n"), "parse: m.lz:1:1: expected 'NAME = EXPRESSION'");
  EXPECT_EQ(error("param w\n"), "parse: m.lz:1:1: expected 'param NAME = ...'");
  EXPECT_EQ(error("param w =\n"), "parse: m.lz:1:10: expected a value after '='");
  EXPECT_EQ(error("param sin = 1\n"),
            "parse: m.lz:1:7: 'sin' is a built-in name and cannot be redefined");
  EXPECT_EQ(error("for t = 1..2\na[t] = 1\n"), "parse: m.lz:1:1: 'for' without 'end'");
  EXPECT_EQ(error("end\n"), "parse: m.lz:1:1: 'end' without 'for'");
  EXPECT_EQ(error("a[u] = 1\n"),
            "parse: m.lz:1:3: unknown index 'u': bind it with 'for u = 1..N' or 'const u = N'");
  EXPECT_EQ(error("a = h[t-2] for t = 1..1\n"), "parse: m.lz:1:7: index -1 of 'h' is negative");
  EXPECT_EQ(error("input x[1..3] = 1, 2\n"), "parse: m.lz:1:17: 2 values given for 3 names");
  EXPECT_EQ(error("a = 1 for t = 1\n"),
            "parse: m.lz:1:12: expected '= FIRST..LAST' after the index name");
  EXPECT_EQ(error("def f = 1\n"), "parse: m.lz:1:7: expected 'def F(t) = EXPRESSION'");
  EXPECT_EQ(error("const T = 2\nconst T = 3\n"), "parse: m.lz:2:7: 'T' is already defined");
}

}  // namespace
}  // namespace leibniz::graph
