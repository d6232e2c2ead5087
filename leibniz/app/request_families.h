// The rows of the request table, one function per family of requests (requests_*.cpp),
// and the arguments several families share.
#pragma once

#include <vector>

#include "leibniz/app/requests.h"

namespace leibniz::app {

inline constexpr Argument kFunctionsArgument{
    "functions", ArgumentKind::Names, false,
    "[]",        "--function",        "names declared as undefined functions, as g is in g(x, y)"};
inline constexpr Argument kSyntaxArgument{
    "syntax",
    ArgumentKind::Syntax,
    false,
    "text",
    "--syntax",
    "how the expression is read: text, latex, or auto (LaTeX when it has a backslash or "
    "braces; the CLI's default)"};

/// diff, integrate, simplify, expand, eval.
std::vector<RequestRow> expression_requests();
/// grad, jacobian, hessian.
std::vector<RequestRow> matrix_requests();
/// check.
std::vector<RequestRow> check_requests();
/// backprop, gradcheck.
std::vector<RequestRow> model_requests();
/// notes: the lecture notes' examples, derivations and networks.
std::vector<RequestRow> notes_requests();
/// The commands of the command line alone: train, predict, serve, batch, tour.
std::vector<RequestRow> command_line_requests();

}  // namespace leibniz::app
