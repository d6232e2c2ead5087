// leibniz grad EXPR VAR..., leibniz jacobian "F1; F2; ..." VAR... and leibniz hessian EXPR VAR...
#include <functional>
#include <iostream>

#include "leibniz/app/answers.h"
#include "leibniz/app/operations.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

struct Args {
  std::string expr;
  std::vector<std::string> wrt;
  OutputOptions out;
};

std::shared_ptr<Args> add_command(CLI::App& app, const char* name, const char* help,
                                  CLI::App*& cmd) {
  cmd = app.add_subcommand(name, help);
  auto args = std::make_shared<Args>();
  cmd->add_option("expr", args->expr, "the expression, or - to read it from stdin")->required();
  cmd->add_option("vars", args->wrt, "the variables")->required();
  add_output_flags(*cmd, args->out);
  return args;
}

// A matrix of expressions: one bracketed row a line, a pmatrix with --latex, or with
// --json the answer object `json`.
void print_matrix(const std::vector<std::vector<Expr>>& matrix, const OutputOptions& out,
                  const std::function<app::Answer()>& json) {
  if (out.json) {
    app::Answer answer = json();
    add_warnings(answer);
    std::cout << answer.dump() << std::endl;
    return;
  }
  if (out.latex) {
    std::cout << "\\begin{pmatrix}\n";
    for (std::size_t i = 0; i < matrix.size(); ++i) {
      for (std::size_t j = 0; j < matrix[i].size(); ++j) {
        std::cout << (j ? " & " : "  ") << show(matrix[i][j], out);
      }
      std::cout << (i + 1 < matrix.size() ? " \\\\\n" : "\n");
    }
    std::cout << "\\end{pmatrix}\n";
    return;
  }
  for (const auto& row : matrix) {
    std::cout << "[";
    for (std::size_t j = 0; j < row.size(); ++j) std::cout << (j ? ", " : "") << show(row[j], out);
    std::cout << "]\n";
  }
}

}  // namespace

void register_grad(CLI::App& app, int& exit_status) {
  CLI::App* grad = nullptr;
  auto g = add_command(app, "grad", "the gradient: grad EXPR VAR...", grad);
  grad->callback([g, &exit_status] {
    g->expr = expression_argument(g->expr);
    exit_status = guarded(g->out, g->expr, [&] {
      const auto gradient = app::run_grad(app::parse_input(g->expr, g->out.syntax), g->wrt);
      if (g->out.json) {
        app::Answer answer = app::grad_answer(gradient, g->wrt);
        add_warnings(answer);
        std::cout << answer.dump() << std::endl;
        return;
      }
      for (std::size_t i = 0; i < gradient.size(); ++i) {
        std::cout << "d/d" << g->wrt[i] << ": " << show(gradient[i], g->out) << "\n";
      }
    });
  });

  CLI::App* jac = nullptr;
  auto jc = add_command(app, "jacobian",
                        "the matrix of first derivatives of several functions: jacobian "
                        "\"F1; F2; ...\" VAR...",
                        jac);
  jac->callback([jc, &exit_status] {
    jc->expr = expression_argument(jc->expr);
    exit_status = guarded(jc->out, jc->expr, [&] {
      const auto functions = app::parse_inputs(jc->expr, jc->out.syntax);
      const auto matrix = app::run_jacobian(functions, jc->wrt);
      print_matrix(matrix, jc->out,
                   [&] { return app::jacobian_answer(functions, jc->wrt, matrix); });
    });
  });

  CLI::App* hess = nullptr;
  auto h =
      add_command(app, "hessian", "the matrix of second derivatives: hessian EXPR VAR...", hess);
  hess->callback([h, &exit_status] {
    h->expr = expression_argument(h->expr);
    exit_status = guarded(h->out, h->expr, [&] {
      const auto matrix = app::run_hessian(app::parse_input(h->expr, h->out.syntax), h->wrt);
      print_matrix(matrix, h->out, [&] { return app::hessian_answer(h->wrt, matrix); });
    });
  });
}

}  // namespace leibniz::cli
