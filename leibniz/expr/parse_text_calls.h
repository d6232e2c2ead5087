// The undefined functions of the text syntax (spec §1 v2), for parse_text.cpp: diff's
// labels, primes, the order of ∂², and the message that names the nearest function.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "leibniz/expr/expr.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/parse_text_tokens.h"

namespace leibniz::text {

/// diff(e, wrt) as the text syntax reads it: of a Call, wrt may name a slot by its place
/// (an integer), by its argument or by the function that argument calls (call.h); else
/// wrt is a variable and options.differentiate computes it. `at` is wrt's offset,
/// `diff_pos` the operator's, for errors.
Expr differentiate_in(const Expr& e, const Expr& wrt, std::size_t at, std::size_t diff_pos,
                      const ParseOptions& options);

/// g′(x²): the undefined function named by `name` at its one argument, differentiated once
/// for each prime. `may_be_undefined` is false for built-in functions (an error then).
Expr primed_call(const Token& name, const std::vector<Expr>& args, std::size_t primes,
                 bool may_be_undefined, const ParseOptions& options);

/// A positive order written in superscripts: ∂², x³.
unsigned long derivative_order(const Token& superscript);

/// The known function whose name is nearest to `name`, for messages.
std::string nearest_function(std::string_view name);

}  // namespace leibniz::text
