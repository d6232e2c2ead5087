// leibniz integrate EXPR VAR [--from A --to B] [--numeric] [--steps]: an
// antiderivative (without + C), or a definite integral.
#include <fmt/format.h>

#include <cmath>
#include <iostream>

#include "leibniz/app/answers.h"
#include "leibniz/app/operations.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/print.h"
#include "leibniz/numeric/definite.h"

namespace leibniz::cli {
namespace {

struct Args {
  std::string expr;
  std::string var;
  std::string from;
  std::string to;
  bool numeric = false;
  bool steps = false;
  OutputOptions out;
};

void indefinite(const Args& args) {
  Trace trace;
  const Expr e = app::parse_input(args.expr, args.out.syntax);
  const Expr result = integrate(e, app::variable(args.var), args.steps ? &trace : nullptr);
  print_answer(result, args.steps ? &trace : nullptr, args.out);
}

void definite(const Args& args) {
  if (args.from.empty() || args.to.empty()) {
    throw Error(ErrorKind::Request, "a definite integral needs both --from and --to");
  }
  const Expr e = app::parse_input(args.expr, args.out.syntax);
  const Bound a = Bound::parse(args.from), b = Bound::parse(args.to);
  const DefiniteIntegral r = definite_integral(e, app::variable(args.var), a, b, args.numeric);
  if (args.out.json) {
    std::cout << app::definite_answer(r).dump() << std::endl;
    return;
  }
  if (!r.exact.is_null() && std::isnan(r.value)) {  // symbolic bounds: no number
    std::cout << fmt::format("{}  (fundamental theorem, F = {})\n", show(r.exact, args.out),
                             show(r.antiderivative, args.out));
    return;
  }
  if (!r.exact.is_null()) {
    std::cout << fmt::format("{} ≈ {:.15g}  (fundamental theorem, F = {})\n",
                             show(r.exact, args.out), r.value, show(r.antiderivative, args.out));
    return;
  }
  std::cout << fmt::format("{:.15g} ± {:.1e}  (Gauss–Kronrod quadrature{})\n", r.value, r.error,
                           r.converged ? "" : "; did not converge: the integral may diverge");
}

}  // namespace

void register_integrate(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "integrate", "integrate: integrate EXPR VAR (an antiderivative), or with --from A --to B");
  auto args = std::make_shared<Args>();
  cmd->add_option("expr", args->expr, "the integrand, or - to read it from stdin")->required();
  cmd->add_option("var", args->var, "the variable of integration")->required();
  cmd->add_option("--from", args->from, "lower bound: an expression, or -inf");
  cmd->add_option("--to", args->to, "upper bound: an expression, or inf");
  cmd->add_flag("--numeric", args->numeric, "a definite integral by quadrature only");
  cmd->add_flag("--steps", args->steps, "show each rule applied, as the notes do");
  add_output_flags(*cmd, args->out);
  cmd->callback([args, &exit_status] {
    args->expr = expression_argument(args->expr);
    exit_status = guarded(args->out, args->expr, [&] {
      if (args->from.empty() && args->to.empty() && !args->numeric) {
        indefinite(*args);
      } else {
        definite(*args);
      }
    });
  });
}

}  // namespace leibniz::cli
