// The round trip: every expression leibniz prints as LaTeX parses back to the same node. Over
// thousands of generated expressions and their derivatives, every expression of the CLI transcripts
// and the README with its derivatives, and every display formula of the notes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "leibniz/calculus/diff.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/parse_latex.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/symbols.h"
#include "support/random_expr.h"
#include "support/trials.h"

namespace leibniz {
namespace {

Expr d(const Expr& e, const Expr& var) { return derivative(e, std::span(&var, 1)); }

// Nodes the builders would not build from their own parts (diff can make
// sigma^0.5*sigma^0.5 with float exponents, which builds as sigma^1.0): no printer can
// give them back, in any syntax. Counted, and left to the builders.
int not_canonical = 0;

bool canonical(const Expr& e) {
  try {
    if (parse_text(print_text(e)) == e) return true;
  } catch (const Error&) {
  }
  ++not_canonical;
  return false;
}

// Adds a failure naming the expression and what its LaTeX read back as.
void expect_round_trip(const Expr& e) {
  if (!canonical(e)) return;
  const std::string latex = print_latex(e);
  try {
    const Expr back = parse_latex(latex, d);
    EXPECT_EQ(back, e) << "LaTeX " << latex << "\n  of   " << print_text(e) << "\n  read "
                       << print_text(back);
  } catch (const Error& error) {
    ADD_FAILURE() << "LaTeX " << latex << "\n  of " << print_text(e)
                  << "\n  does not parse: " << error.what();
  }
}

// e and its first derivative by each of its variables.
int expect_round_trip_with_derivatives(const Expr& e) {
  int checked = 0;
  expect_round_trip(e);
  ++checked;
  for (const Expr& var : free_symbols(e)) {
    try {
      expect_round_trip(d(e, var));
      ++checked;
    } catch (const Error&) {  // beyond a limit: nothing printed, nothing to read back
    }
  }
  return checked;
}

TEST(LatexRoundTrip, GeneratedExpressionsAndTheirDerivatives) {
  int checked = 0;
  for (unsigned seed = 1; seed <= static_cast<unsigned>(testing::trials(30)); ++seed) {
    testing::RandomExpr random(seed);
    for (int i = 0; i < 1000; ++i) {
      Expr e;
      try {
        e = random.any(1 + i % 4);
      } catch (const Error&) {  // a combination the builders refuse, such as ln 0
        continue;
      }
      checked += expect_round_trip_with_derivatives(e);
      if (HasFailure()) return;  // the first failure says enough
    }
  }
  EXPECT_GT(checked, 40000 / 30 * testing::trials(30));
  EXPECT_LT(not_canonical, checked / 100);
}

TEST(LatexRoundTrip, EveryKindOfNameReadsBackInLatexAndText) {
  for (const char* name :
       {"x",        "w_1",     "w1",   "h_theta", "h_theta_1", "w_P_1x_1", "theta",
        "Delta",    "alpha_2", "yhat", "yhat_t",  "thetahat",  "xbar",     "sigma",
        "sigma_12", "d",       "d_1",  "loss",    "loss_1",    "h_tm1",    "x_1_2",
        "e_1",      "pi_x",    "w1_a", "b_P1",    "z_",        "z__1",     "_",
        "f",        "G",       "_t",   "_t_1",    "sin_1",     "what",     "w_12ab"}) {
    const Expr v = symbol(name);
    EXPECT_EQ(parse_latex(print_latex(v)), v) << name << " as " << print_latex(v);
    EXPECT_EQ(parse_text(print_text(v)), v) << name << " as " << print_text(v);
    const Expr call = func(Fn::Sin, mul(v, add(symbol("y"), integer(1))));
    EXPECT_EQ(parse_latex(print_latex(call)), call) << name << " as " << print_latex(call);
  }
}

TEST(LatexRoundTrip, EveryFunctionAndItsPowers) {
  const Expr x = symbol("x");
  for (std::size_t f = 0; f < kFnCount; ++f) {
    const auto fn = static_cast<Fn>(f);
    const Expr call = function_info(fn).arity() == 2 ? func(fn, add(x, integer(1)), symbol("y"))
                                                     : func(fn, add(x, integer(1)));
    for (const Expr& e : {call, pow(call, integer(2)), pow(call, integer(-1)),
                          pow(call, rational(1, 3)), pow(call, neg(x)), mul(x, call)}) {
      expect_round_trip(e);
    }
  }
}

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(LatexRoundTrip, EveryExpressionOfTheTranscriptsAndTheReadme) {
  std::vector<std::filesystem::path> files{LEIBNIZ_SOURCE "/README.md"};
  for (const auto& entry : std::filesystem::directory_iterator(LEIBNIZ_SOURCE "/tests/cli")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  const std::regex command(
      R"re(\$ leibniz (?:diff|simplify|expand|integrate|eval|grad|hessian|check) (?:"([^"]*)"|'([^']*)'))re");
  int checked = 0;
  for (const auto& file : files) {
    const std::string text = read(file);
    for (std::sregex_iterator m(text.begin(), text.end(), command), end; m != end; ++m) {
      const std::string input = (*m)[1].matched ? (*m)[1].str() : (*m)[2].str();
      Expr e;
      try {
        const bool latex = input.find_first_of("\\{}") != std::string::npos;
        e = latex ? parse_latex(input, d) : parse_text(input);
      } catch (const Error&) {  // the transcripts show errors too
        continue;
      }
      checked += expect_round_trip_with_derivatives(e);
    }
  }
  EXPECT_GT(checked, 100);
}

// Every string literal of the C++ tests that reads as an expression, text or LaTeX.
TEST(LatexRoundTrip, EveryExpressionOfTheUnitTests) {
  const std::regex literal(R"re("((?:[^"\\\n]|\\\\)+)")re");
  int checked = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(LEIBNIZ_SOURCE "/tests")) {
    if (entry.path().extension() != ".cpp") continue;
    const std::string text = read(entry.path());
    for (std::sregex_iterator m(text.begin(), text.end(), literal), end; m != end; ++m) {
      std::string input = (*m)[1].str();
      for (std::size_t at = input.find("\\\\"); at != std::string::npos;
           at = input.find("\\\\", at + 1)) {
        input.erase(at, 1);
      }
      Expr e;
      try {
        const bool latex = input.find_first_of("\\{}") != std::string::npos;
        e = latex ? parse_latex(input, d) : parse_text(input);
      } catch (const std::exception&) {  // not an expression, or one the test expects to
        continue;                        // fail (1e400: stod, until Number::parse has it)
      }
      checked += expect_round_trip_with_derivatives(e);
    }
  }
  EXPECT_GT(checked, 1000);
}

TEST(LatexRoundTrip, EveryDisplayFormulaOfTheNotes) {
  const std::string notes = read(LEIBNIZ_NOTES);
  int checked = 0;
  for (std::size_t pos = notes.find("$$"); pos != std::string::npos;) {
    const std::size_t end = notes.find("$$", pos + 2);
    if (end == std::string::npos) break;
    try {
      for (const LatexSide& side : parse_latex_chain(notes.substr(pos + 2, end - pos - 2), d)) {
        if (!side.value.is_null()) checked += expect_round_trip_with_derivatives(side.value);
      }
    } catch (const Error&) {  // not an expression: display_formulas_test says why
    }
    pos = notes.find("$$", end + 2);
  }
  EXPECT_GT(checked, 150);
}

}  // namespace
}  // namespace leibniz
