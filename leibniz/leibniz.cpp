// The library's front door: each call is the request the CLI and batch mode answer
// (app/operations.h), so the library reads and answers exactly as they do.
#include "leibniz/leibniz.h"

#include <vector>

#include "leibniz/app/operations.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/print.h"

namespace leibniz {

Expr parse(std::string_view text) { return app::parse_input(text, app::Syntax::Text); }

Expr parse_latex(std::string_view latex) { return app::parse_input(latex, app::Syntax::Latex); }

Expr diff(const Expr& e, std::string_view var) { return app::run_diff(e, {std::string(var)}); }

Expr diff(const Expr& e, std::initializer_list<std::string_view> vars) {
  return app::run_diff(e, std::vector<std::string>(vars.begin(), vars.end()));
}

Expr integrate(const Expr& e, std::string_view var) { return integrate(e, app::variable(var)); }

std::string to_text(const Expr& e) { return print_text(e); }

std::string to_latex(const Expr& e) { return print_latex(e); }

}  // namespace leibniz
