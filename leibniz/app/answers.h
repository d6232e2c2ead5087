// The JSON answer objects of the expression requests, rendered by their Results
// (requests_*.cpp) for every door: one request, one answer shape everywhere.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "leibniz/app/operations.h"
#include "leibniz/app/requests.h"
#include "leibniz/expr/expr.h"
#include "leibniz/numeric/definite.h"

namespace leibniz::app {

/// {"ok": true, "result": text, "latex": latex}
Answer expr_answer(const Expr& e);
/// expr_answer(e)'s members appended to `out` as append_json writes them, without the
/// braces: "ok":true,"result":…,"latex":… (batch_write.h).
void append_expr_answer_members(const Expr& e, std::string& out);

/// {"ok", "result": [texts], "latex": [latex], "gradient": {var: text}}: the spec's lists
/// and, by name, the same derivatives.
Answer grad_answer(const std::vector<Expr>& gradient, const std::vector<std::string>& wrt);

/// {"ok", "result": rows, "latex": rows, "functions": [texts], "variables", "jacobian": rows}
Answer jacobian_answer(const std::vector<Expr>& functions, const std::vector<std::string>& wrt,
                       const std::vector<std::vector<Expr>>& rows);

/// {"ok", "result": rows, "latex": rows, "variables", "hessian": rows}
Answer hessian_answer(const std::vector<std::string>& wrt,
                      const std::vector<std::vector<Expr>>& rows);

/// {"ok", "result", "value"}
Answer eval_answer(const Evaluation& evaluation);

/// {"ok", ["result", "latex", "antiderivative",] "value", "error_estimate", "converged",
/// "method"}: the exact value when there is one; "error_estimate" is the quadrature's
/// estimate of the absolute error (0 when exact).
Answer definite_answer(const DefiniteIntegral& integral);

}  // namespace leibniz::app
