// The check every antiderivative passes before it is returned: its derivative
// simplifies to the integrand, or else equals it where both are defined by the
// equality check (check.h: 256-bit evaluation, so cancellation in a long answer such
// as ∫ sin(x)^101 is not mistaken for an error). An answer that cannot be verified is
// not returned: Error{Unsupported}.
#include <fmt/format.h>

#include "leibniz/calculus/check.h"
#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"

namespace leibniz {

void check_antiderivative(const Expr& integrand, const Expr& antiderivative, const Expr& var) {
  const Expr derivative = diff(antiderivative, var);
  if (simplify(sub(derivative, integrand)).is_zero()) return;
  const EqualityCheck c = check_equal(derivative, integrand, {.symbolic = false});
  if (c.verdict == Verdict::Holds) return;
  std::string why;
  if (c.verdict == Verdict::Fails) {
    std::string at;
    for (const auto& [name, value] : c.point)
      at += fmt::format("{}{} = {}", at.empty() ? "" : ", ", name, value);
    why = fmt::format("at {} its derivative is {} but the integrand is {}", at, c.left_value,
                      c.right_value);
  } else {
    why = c.reason;
  }
  throw Error(ErrorKind::Unsupported,
              fmt::format("leibniz found an antiderivative {} of {} with respect to {} but could "
                          "not verify it: {}",
                          print_text(antiderivative), print_text(integrand), var.name(), why));
}

}  // namespace leibniz
