// The requests answered by a list or a matrix of derivatives: grad, jacobian, hessian.
#include <sstream>

#include "leibniz/app/answers.h"
#include "leibniz/app/operations.h"
#include "leibniz/app/request_families.h"
#include "leibniz/app/request_fields.h"

namespace leibniz::app {
namespace {

constexpr Argument kWrt{"wrt", ArgumentKind::Variables, true, "", "", "the variables"};

class GradResult : public Result {
 public:
  GradResult(std::vector<Expr> gradient, std::vector<std::string> wrt)
      : gradient_(std::move(gradient)), wrt_(std::move(wrt)) {}
  Answer json() const override { return grad_answer(gradient_, wrt_); }
  std::string text(Notation notation) const override {
    std::string out;
    for (std::size_t i = 0; i < gradient_.size(); ++i) {
      out += "d/d" + wrt_[i] + ": " + show(gradient_[i], notation) + "\n";
    }
    return out;
  }

 private:
  std::vector<Expr> gradient_;
  std::vector<std::string> wrt_;
};

// A matrix of expressions: one bracketed row a line, or a pmatrix in LaTeX.
class MatrixResult : public Result {
 public:
  using Rows = std::vector<std::vector<Expr>>;
  /// `functions` for a Jacobian (its rows), none for a Hessian.
  MatrixResult(Rows rows, std::vector<std::string> wrt, std::optional<std::vector<Expr>> functions)
      : rows_(std::move(rows)), wrt_(std::move(wrt)), functions_(std::move(functions)) {}
  Answer json() const override {
    return functions_ ? jacobian_answer(*functions_, wrt_, rows_) : hessian_answer(wrt_, rows_);
  }
  std::string text(Notation notation) const override {
    std::ostringstream out;
    if (notation == Notation::Latex) {
      out << "\\begin{pmatrix}\n";
      for (std::size_t i = 0; i < rows_.size(); ++i) {
        for (std::size_t j = 0; j < rows_[i].size(); ++j) {
          out << (j ? " & " : "  ") << show(rows_[i][j], notation);
        }
        out << (i + 1 < rows_.size() ? " \\\\\n" : "\n");
      }
      out << "\\end{pmatrix}\n";
      return out.str();
    }
    for (const auto& row : rows_) {
      out << "[";
      for (std::size_t j = 0; j < row.size(); ++j) out << (j ? ", " : "") << show(row[j], notation);
      out << "]\n";
    }
    return out.str();
  }

 private:
  Rows rows_;
  std::vector<std::string> wrt_;
  std::optional<std::vector<Expr>> functions_;
};

std::unique_ptr<Result> run_grad(const Fields& request) {
  const Expr e = parse_input(request.text("expr"), request.syntax());
  auto wrt = request.names("wrt");
  auto gradient = app::run_grad(e, wrt);
  return std::make_unique<GradResult>(std::move(gradient), std::move(wrt));
}

std::unique_ptr<Result> run_jacobian(const Fields& request) {
  auto functions = parse_inputs(request.text("expr"), request.syntax());
  auto wrt = request.names("wrt");
  auto rows = app::run_jacobian(functions, wrt);
  return std::make_unique<MatrixResult>(std::move(rows), std::move(wrt), std::move(functions));
}

std::unique_ptr<Result> run_hessian(const Fields& request) {
  const Expr e = parse_input(request.text("expr"), request.syntax());
  auto wrt = request.names("wrt");
  auto rows = app::run_hessian(e, wrt);
  return std::make_unique<MatrixResult>(std::move(rows), std::move(wrt), std::nullopt);
}

}  // namespace

std::vector<RequestRow> matrix_requests() {
  constexpr Argument expr{"expr", ArgumentKind::Expression, true, "", "", "the expression"};
  return {
      {"grad",
       "the gradient: a list of first derivatives",
       {expr, kWrt, kSyntaxArgument, kFunctionsArgument},
       run_grad},
      {"jacobian",
       "the matrix of first derivatives of several functions (\"F1; F2; ...\")",
       {{"expr", ArgumentKind::Expression, true, "", "", "the functions, separated by ';'"},
        kWrt,
        kSyntaxArgument,
        kFunctionsArgument},
       run_jacobian},
      {"hessian",
       "the matrix of second derivatives",
       {expr, kWrt, kSyntaxArgument, kFunctionsArgument},
       run_hessian},
  };
}

}  // namespace leibniz::app
