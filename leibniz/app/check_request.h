// leibniz check: whether each equality of a claim holds, or whether a claim is the
// derivative of an expression, with the first place it breaks.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "leibniz/app/operations.h"
#include "leibniz/calculus/check.h"

namespace leibniz::app {

struct ClaimSide {
  Expr value;
  std::string source;  ///< as written
  /// Set when the value holds the constant of an indefinite integral (\int f \, dx): a
  /// link with such a side compares derivatives by this variable.
  Expr integral_variable;
  /// What the side needs defined, as written (DomainWitnesses; check.h).
  std::vector<Expr> domain;
};

struct CheckLink {
  std::size_t left;                  ///< index of a side
  std::optional<std::size_t> right;  ///< another side, or none: the true derivative
  EqualityCheck check;
};

struct CheckReport {
  std::vector<ClaimSide> sides;
  std::optional<Expr> derivative;  ///< with --is-derivative-of: the truth
  std::vector<CheckLink> links;
  Verdict verdict = Verdict::Holds;         ///< Fails if any link fails, else Unknown if any is
  std::optional<std::size_t> first_broken;  ///< index into links
};

/// Each claim is one side or a chain "A = B = C" (text or LaTeX; the sides of all
/// claims form one chain). With `derivative_of`, every side is compared with the
/// derivative of that expression by `wrt`; otherwise each side with the next. With
/// `latex`, claims are read as LaTeX even without markup (2xy^3 is 2*x*y^3).
CheckReport run_check(const std::vector<std::string>& claims,
                      const std::optional<std::string>& derivative_of,
                      const std::vector<std::string>& wrt, bool latex = false);

/// Unicode text for a terminal.
std::string check_text(const CheckReport& report);
nlohmann::ordered_json check_json(const CheckReport& report);

/// 0 every claim holds, 1 one does not, 3 unknown.
int check_exit_status(const CheckReport& report);

}  // namespace leibniz::app
