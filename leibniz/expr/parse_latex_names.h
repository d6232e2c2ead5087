// How variable names are spelled in LaTeX, both ways, in one place so that every name
// leibniz prints reads back as itself: w_1 <-> w_{1}, h_theta <-> h_{\theta},
// w1 <-> \mathrm{w1}, yhat <-> \hat{y}, theta <-> \theta.
#pragma once

#include <string>
#include <string_view>

namespace leibniz {

/// The Greek letters read and printed as names (\theta <-> theta).
bool is_latex_greek(std::string_view name);

/// The variable name of a subscripted LaTeX name: the base and the subscript's
/// characters joined by '_', as written (w_1 -> w_1, h_{\theta} -> h_theta); a '-' or '+'
/// in the subscript, which no name may hold, is spelled m or p (h_{t-1} -> h_tm1).
std::string latex_variable_name(std::string_view base, std::string_view subscript);

/// The LaTeX of a variable name; parse_latex reads it back as the same name.
std::string latex_name(const std::string& name);

}  // namespace leibniz
