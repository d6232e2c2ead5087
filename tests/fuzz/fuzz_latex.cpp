// The LaTeX reader (spec §2): a chain of equalities, \frac{\partial}{\partial x}
// differentiating as the CLI and batch mode do, then the sides printed.
#include "fuzz_target.h"
#include "leibniz/calculus/diff.h"
#include "leibniz/expr/parse_latex.h"
#include "leibniz/expr/print.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return leibniz::fuzz::run([&] {
    const auto differentiate = [](const leibniz::Expr& e, const leibniz::Expr& var) {
      return leibniz::diff(e, var);
    };
    for (const leibniz::LatexSide& side :
         leibniz::parse_latex_chain(leibniz::fuzz::text(data, size), differentiate)) {
      if (!side.value.is_null()) (void)leibniz::print_text(side.value);
    }
  });
}
