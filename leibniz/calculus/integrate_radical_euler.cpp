// Euler's substitutions: a rational function of x and √q, q = A·x² + B·x + C with rational
// coefficients, becomes a rational function of t (the rules left it: a rational factor
// with quadratic or several linear factors beside √q, 1/((x² + 4)·√(1 − x²))).
// - A = α² (α > 0 rational): t = √q + α·x, so x = (t² − C)/(B + 2α·t), √q = t − α·x.
// - otherwise, at a rational point s where q(s) = γ² (γ ≥ 0; a rational root of q is
//   such a point, Euler's third substitution): t = (√q − γ)/(x − s), so with y = x − s,
//   q = A·y² + B′·y + γ² = (y·t + γ)² gives y = (2γ·t − B′)/(A − t²), √q = y·t + γ.
// t is a function of x in both, so the answer F(t(x)) needs no inverse. A root of an
// expression in x and √q (√(x + √(x² + 1))) becomes a root of a rational function of t,
// left to the substitution rule (√t).
#include <gmpxx.h>

#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

// The points s tried for q(s) = γ² when q has no rational root.
constexpr long kSquarePoints[] = {0, 1, -1, 2, -2, 3, -3};

// √r for a rational r ≥ 0 that is a square; nullopt otherwise.
std::optional<Number> rational_square_root(const Number& r) {
  if (!r.is_exact() || r.is_negative()) return std::nullopt;
  const mpz_class num = r.exact().get_num(), den = r.exact().get_den();
  if (mpz_perfect_square_p(num.get_mpz_t()) == 0 || mpz_perfect_square_p(den.get_mpz_t()) == 0) {
    return std::nullopt;
  }
  return Number(mpq_class(sqrt(num), sqrt(den)));
}

bool contains(const Expr& e, const Expr& t) {
  if (e == t) return true;
  for (const Expr& a : e.args()) {
    if (contains(a, t)) return true;
  }
  return false;
}

// True when e is a rational function of t (integer powers, sums and products only).
bool rational_in(const Expr& e, const Expr& t) {
  if (e.args().empty() || !contains(e, t)) return true;
  if (e.is(Kind::Pow)) return e.exponent().is_integer() && rational_in(e.base(), t);
  if (!e.is(Kind::Add) && !e.is(Kind::Mul)) return false;
  for (const Expr& a : e.args()) {
    if (!rational_in(a, t)) return false;
  }
  return true;
}

struct EulerSubstitution {
  RuleRow row;
  Expr t_of_x, x_of_t, root_of_t;
};

// The substitution for q = A·x² + B·x + C (c[k] multiplies xᵏ); nullopt when neither A
// nor q at a root or a small integer point is a rational square.
std::optional<EulerSubstitution> euler_substitution(const Expr& x, const Expr& q,
                                                    const std::vector<Number>& c, const Expr& t) {
  const Number &A = c[2], &B = c[1], &C = c[0];
  if (const auto alpha = rational_square_root(A)) {
    const Expr ax = mul(number(*alpha), x);
    const Expr x_of_t =
        div(sub(pow(t, 2), number(C)), add(number(B), mul(number(Number(2) * *alpha), t)));
    return EulerSubstitution{{"euler-first", "Euler's first substitution: √q = t − √A·x"},
                             add(sqrt(q), ax),
                             x_of_t,
                             sub(t, mul(number(*alpha), x_of_t))};
  }
  std::vector<Number> points;
  const Number D = B * B - Number(4) * A * C;
  if (const auto root_d = rational_square_root(D)) {
    points.push_back((-B + *root_d) / (Number(2) * A));
  }
  for (long s : kSquarePoints) points.emplace_back(s);
  for (const Number& s : points) {
    const auto gamma = rational_square_root(A * s * s + B * s + C);
    if (!gamma) continue;
    const Number b_shifted = Number(2) * A * s + B;
    const Expr y_of_t =
        div(sub(mul(number(Number(2) * *gamma), t), number(b_shifted)), sub(number(A), pow(t, 2)));
    const Expr y = sub(x, number(s));
    return EulerSubstitution{
        {"euler-point", "Euler's substitution at a point s where q(s) = γ²: √q = (x − s)·t + γ"},
        div(sub(sqrt(q), number(*gamma)), y),
        add(y_of_t, number(s)),
        add(mul(y_of_t, t), number(*gamma))};
  }
  return std::nullopt;
}

// True when e is rational in t but for roots (exact non-integer powers) of rational
// functions of t, which the substitution rule rationalizes when their base is linear or
// linear fractional (√(x + √(x² + 1)) = √t).
bool rational_but_roots_in(const Expr& e, const Expr& t) {
  if (e.args().empty() || !contains(e, t)) return true;
  if (e.is(Kind::Pow) && !e.exponent().is_integer()) {
    return e.exponent().is_number() && e.exponent().number().is_exact() && rational_in(e.base(), t);
  }
  if (e.is(Kind::Pow)) return rational_but_roots_in(e.base(), t);
  if (!e.is(Kind::Add) && !e.is(Kind::Mul)) return false;
  for (const Expr& a : e.args()) {
    if (!rational_but_roots_in(a, t)) return false;
  }
  return true;
}

bool holds_root(Integrator& in, const Expr& e) {
  if (!in.depends(e)) return false;
  if (e.is(Kind::Pow) && !e.exponent().is_integer()) return true;
  for (const Expr& a : e.args()) {
    if (holds_root(in, a)) return true;
  }
  return false;
}

// The one quadratic q under square roots in e (every non-integer power of an expression
// in x is q^(k/2), or a root of an expression holding those: `nested`); null when there
// is none or another root.
Expr single_quadratic_root(Integrator& in, const Expr& e, bool& nested) {
  Expr q;
  bool ok = true;
  auto walk = [&](auto&& self, const Expr& f) -> void {
    if (!ok || !in.depends(f)) return;
    if (f.is(Kind::Pow) && !f.exponent().is_integer() && f.exponent().is_number() &&
        f.exponent().number().is_exact() && holds_root(in, f.base())) {
      nested = true;
      self(self, f.base());
      return;
    }
    if (f.is(Kind::Pow) && !f.exponent().is_integer()) {
      if (!f.exponent().is_number() || !f.exponent().number().is_exact() ||
          f.exponent().number().exact().get_den() != 2 || (!q.is_null() && f.base() != q)) {
        ok = false;
        return;
      }
      q = f.base();
      return;
    }
    for (const Expr& a : f.args()) self(self, a);
  };
  walk(walk, e);
  return ok ? q : Expr();
}

}  // namespace

Expr euler_substitution_rule(Integrator& in, const Expr& e) {
  bool nested = false;
  const Expr q = single_quadratic_root(in, e, nested);
  if (q.is_null()) return {};
  const auto c = exact_polynomial_coefficients(in, q);
  if (!c || c->size() != 3) return {};
  const Expr t = in.fresh_symbol(e);
  const auto euler = euler_substitution(in.var(), q, *c, t);
  if (!euler) return {};
  const Expr in_t = rewrite(e, [&](const Expr& f) -> std::optional<Expr> {
    if (f == in.var()) return euler->x_of_t;
    if (f.is(Kind::Pow) && f.base() == q && !f.exponent().is_integer()) {
      const mpz_class k = f.exponent().number().exact().get_num();
      if (!k.fits_slong_p()) return std::nullopt;  // left in x: refused below
      return pow(euler->root_of_t, k.get_si());
    }
    return std::nullopt;
  });
  const Expr dx = diff(euler->x_of_t, t);
  // A nested root's radicand, rational in t, cancelled (x + √(x² + 1) = t).
  const Expr roots_cancelled =
      !nested ? in_t : rewrite(in_t, [&](const Expr& f) -> std::optional<Expr> {
        if (!f.is(Kind::Pow) || f.exponent().is_integer() || !contains(f.base(), t)) {
          return std::nullopt;
        }
        const auto base = cancel(f.base());
        if (!base) return std::nullopt;
        return pow(*base, f.exponent());
      });
  const auto h = cancel(mul(roots_cancelled, dx));
  if (!h || in.depends(*h) || !(nested ? rational_but_roots_in(*h, t) : rational_in(*h, t))) {
    return {};
  }
  const std::size_t index = in.open<Rule::Substitution>(
      e, {.row = euler->row, .value = euler->t_of_x, .x = euler->x_of_t, .dx = dx});
  return in.integrate_substituted(index, *h, t, euler->t_of_x);
}

}  // namespace leibniz::integration
