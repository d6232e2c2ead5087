// Notes on a request that still has its answer: `diff '2xy^3' x` answers 0, and says
// that x does not occur while the name xy does. Every door shows them beside the
// answer: "warnings" in JSON, "note: ..." on the command line's stderr.
#pragma once

#include <string>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz::app {

/// Collects the notes of the requests run on this thread while it lives (the innermost
/// one, if nested).
class Notes {
 public:
  Notes();
  ~Notes();
  Notes(const Notes&) = delete;
  Notes& operator=(const Notes&) = delete;

  const std::vector<std::string>& list() const { return notes_; }
  /// Adds a note to the current collector; without one it is dropped.
  static void add(std::string note);
  /// The current collector of this thread, or null.
  static const Notes* current();

 private:
  std::vector<std::string> notes_;
  Notes* outer_;
};

/// Notes for the variables of differentiation that do not occur in the expressions
/// while a longer name containing them does (xy for x): the answer is an honest 0, but
/// most likely not what was meant.
void note_missing_variables(const std::vector<Expr>& expressions,
                            const std::vector<std::string>& wrt);

/// A note for each expression of the parameters (free of var) that the antiderivative
/// divides by while the integrand does not: ∫ sin(a·x) dx = −cos(a·x)/a holds for a ≠ 0
/// only, ∫ xⁿ dx = xⁿ⁺¹/(n + 1) for n + 1 ≠ 0. The answer is the generic one; the note
/// says what it assumes.
void note_parameter_assumptions(const Expr& integrand, const Expr& antiderivative, const Expr& var);

}  // namespace leibniz::app
