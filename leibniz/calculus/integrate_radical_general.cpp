// Square roots of quadratics, the general form the rational-coefficient rule of
// integrate_radical.cpp leaves: P/(xᵐ·q^(j + 1/2)) with q = A·x² + B·x + C, P a
// polynomial, coefficients numbers or symbols (√(a² − x²), x²/(a² − x²)^(3/2),
// 1/(x²·(1 + x²)^(3/2)), 1/(x·√(x² − 2x))). Ostrogradsky's ansatz
//   ∫ P/(xᵐ·q^(j+1/2)) dx = R/(xˢ·q^(j−1/2)) + λ·∫ dx/√q + μ·∫ dx/(x·√q)
// (s = m − 1 and μ when C ≠ 0 and m ≥ 1, else s = m and no μ: for C = 0 the last
// integral is algebraic) is a linear system for R, λ, μ over ℚ(a, b, …), solved with every
// entry in cancel's canonical form. The two base integrals are written in forms that hold
// for either sign of a square root s of ±A or ±C (they are even in s up to a constant):
// ∫ dx/√q = atan(−(2A·x + B)/(2s·√q))/s for −A = s², ln|x + B/(2A) + √q/s|/s for A = s²;
// ∫ dx/(x·√q) = −ln|((B·x + 2C)/(2s) + √q)/x|/s for C = s², atan((B·x + 2C)/(2s·√q))/s for
// −C = s². When neither sign shows, the refusal names the split.
#include <fmt/format.h>

#include <algorithm>

#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/integrate_rational.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/calculus/linear_system.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"

namespace leibniz::integration {
namespace {

constexpr long kMaxRootOrXPower = 10;     // j and m: the system has about m + 2j unknowns
constexpr long kMaxNumeratorDegree = 20;  // of P

struct NoCanonicalForm {};  // a coefficient cancel cannot bring to canonical form

Expr canonical(const Expr& c) {
  if (c.is_number()) return c;
  const std::optional<Expr> r = cancel(c);
  if (!r) throw NoCanonicalForm{};
  return *r;
}

// ℚ(a, b, …)'s arithmetic for solve_linear_system, every entry in canonical form.
struct ParametricField {
  static bool is_zero(const Expr& a) { return a.is_zero(); }
  static Expr divide(const Expr& a, const Expr& b) { return canonical(div(a, b)); }
  static Expr subtract_product(const Expr& a, const Expr& f, const Expr& b) {
    return canonical(sub(a, mul(f, b)));
  }
  static Expr zero() { return integer(0); }
};

// s with s² = r when r shows it (a number > 0, a², 4·a²) or r > 0 (a² + 1, as √r).
Expr real_square_root(const Expr& r) {
  if (r.is_number()) {
    return r.number().is_exact() && r.number().is_positive() ? sqrt_number(r.number()) : Expr();
  }
  if (Expr s = visible_square_root(r); !s.is_null()) return s;
  return is_positive(r) ? sqrt(r) : Expr();
}

std::vector<Expr> coefficient_product(const std::vector<Expr>& a, const std::vector<Expr>& b) {
  std::vector<Expr> c(a.size() + b.size() - 1, integer(0));
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t k = 0; k < b.size(); ++k) c[i + k] = add(c[i + k], mul(a[i], b[k]));
  }
  for (Expr& v : c) v = canonical(v);
  return c;
}

struct Quadratic {
  Expr q, A, B, C;
};

// ∫ dx/√q; null, with the split noted, when the sign of A does not show.
Expr inverse_root(Integrator& in, const Quadratic& f) {
  const Expr& x = in.var();
  if (f.A.is_number() && f.B.is_number() && f.C.is_number() && f.A.number().is_negative() &&
      !(f.B.number() * f.B.number() - Number(4) * f.A.number() * f.C.number()).is_positive()) {
    return {};  // q ≤ 0 everywhere
  }
  if (const Expr s = real_square_root(canonical(neg(f.A))); !s.is_null()) {
    const Expr w = canonical(div(neg(add(mul({integer(2), f.A, x}), f.B)), mul(integer(2), s)));
    return div(func(Fn::Atan, div(w, sqrt(f.q))), s);
  }
  if (const Expr s = real_square_root(f.A); !s.is_null()) {
    const Expr shift = canonical(add(x, div(f.B, mul(integer(2), f.A))));
    return div(ln_abs(add(shift, div(sqrt(f.q), s))), s);
  }
  const std::string a = print_text(f.A);
  in.note_obstacle(fmt::format(
      "∫ dx/√({}) is an arcsine where {} < 0 and a logarithm where {} > 0, and leibniz assumes "
      "no sign for a parameter",
      print_text(f.q), a, a));
  return {};
}

// ∫ dx/(x·√q) for C ≠ 0; null, with the split noted, when the sign of C does not show.
Expr inverse_x_root(Integrator& in, const Quadratic& f) {
  const Expr& x = in.var();
  const Expr w = canonical(div(add(mul(f.B, x), mul(integer(2), f.C)), integer(2)));
  if (const Expr s = real_square_root(f.C); !s.is_null()) {
    return neg(div(ln_abs(div(add(canonical(div(w, s)), sqrt(f.q)), x)), s));
  }
  if (const Expr s = real_square_root(canonical(neg(f.C))); !s.is_null()) {
    return div(func(Fn::Atan, div(canonical(div(w, s)), sqrt(f.q))), s);
  }
  const std::string c = print_text(f.C);
  in.note_obstacle(fmt::format(
      "∫ dx/(x·√({})) is a logarithm where {} > 0 and an arctangent where {} < 0, and leibniz "
      "assumes no sign for a parameter",
      print_text(f.q), c, c));
  return {};
}

// The integrand as P/(xᵐ·q^(j+1/2)): q's coefficients, P's, m and j; nullopt otherwise.
struct RootForm {
  Quadratic f;
  std::vector<Expr> P;
  long m = 0, j = 0;
};

std::optional<RootForm> root_form(Integrator& in, const Expr& e) {
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  std::optional<RootForm> form;
  long m = 0;
  std::vector<Expr> numerator;
  for (const Expr& f : factors) {
    if (f.is(Kind::Pow) && f.base() == in.var() && f.exponent().is_integer() &&
        f.exponent().number().is_negative()) {
      const auto k = f.exponent().number().to_long();
      if (!k || *k < -kMaxRootOrXPower) return std::nullopt;
      m = -*k;
      continue;
    }
    if (!form && f.is(Kind::Pow) && in.depends(f.base()) && f.exponent().is_number() &&
        f.exponent().number().is_exact() && f.exponent().number().exact().get_den() == 2) {
      const auto q = polynomial_coefficients(in, f.base());
      if (!q || q->size() != 3) return std::nullopt;
      const mpz_class k = f.exponent().number().exact().get_num();
      if (!k.fits_slong_p() || k.get_si() < -2 * kMaxRootOrXPower - 1 ||
          k.get_si() > 2 * kMaxRootOrXPower + 1)
        return std::nullopt;
      form = RootForm{.f = {f.base(), canonical((*q)[2]), canonical((*q)[1]), canonical((*q)[0])},
                      .P = {}};
      const long lift = (k.get_si() + 1) / 2;  // q^(k/2) = q^lift/√q
      if (lift > 0) {
        numerator.push_back(pow(f.base(), lift));
      } else {
        form->j = -lift;
      }
      continue;
    }
    numerator.push_back(f);
  }
  if (!form || form->f.A.is_zero()) return std::nullopt;
  form->m = m;
  const auto p = polynomial_coefficients(in, mul(numerator));
  if (!p || static_cast<long>(p->size()) > kMaxNumeratorDegree + 1) return std::nullopt;
  for (const Expr& c : *p) form->P.push_back(canonical(c));
  return form;
}

}  // namespace

Expr general_root_of_quadratic(Integrator& in, const Expr& e) {
  try {
    const auto form = root_form(in, e);
    if (!form) return {};
    const Quadratic& f = form->f;
    const long m = form->m, j = form->j;
    const bool with_mu = m >= 1 && !f.C.is_zero();
    const long s = with_mu ? m - 1 : m;
    // P̂ = P·x^(s + 1 − m) = R′·x·q − s·q·R − (j − ½)·x·q′·R + λ·x^(s+1)·qʲ + μ·xˢ·qʲ.
    std::vector<Expr> p_hat(static_cast<std::size_t>(s + 1 - m), integer(0));
    p_hat.insert(p_hat.end(), form->P.begin(), form->P.end());
    const long p = static_cast<long>(p_hat.size()) - 1;
    const long d = std::max({p - 2, s + 2 * j - 1, 0L});
    const long top = std::max({p, d + 2, s + 1 + 2 * j});
    const std::size_t r_count = static_cast<std::size_t>(d) + 1;
    const std::size_t unknowns = r_count + 1 + (with_mu ? 1 : 0);
    std::vector<std::vector<Expr>> M(static_cast<std::size_t>(top) + 1,
                                     std::vector<Expr>(unknowns + 1, integer(0)));
    auto add_to = [&](long power, std::size_t unknown, const Expr& value) {
      Expr& entry = M[static_cast<std::size_t>(power)][unknown];
      entry = canonical(add(entry, value));
    };
    const Expr half = rational(1, 2);
    for (long t = 0; t <= d; ++t) {
      const auto u = static_cast<std::size_t>(t);
      add_to(t + 2, u, mul(f.A, integer(t - s - 2 * j + 1)));
      add_to(t + 1, u, mul(f.B, add(integer(t - s - j), half)));
      add_to(t, u, mul(f.C, integer(t - s)));
    }
    std::vector<Expr> qj{integer(1)};
    for (long k = 0; k < j; ++k) qj = coefficient_product(qj, {f.C, f.B, f.A});
    for (std::size_t k = 0; k < qj.size(); ++k) {
      add_to(s + 1 + static_cast<long>(k), r_count, qj[k]);
      if (with_mu) add_to(s + static_cast<long>(k), r_count + 1, qj[k]);
    }
    for (std::size_t k = 0; k < p_hat.size(); ++k) M[k][unknowns] = p_hat[k];
    const auto v = solve_linear_system(std::move(M), unknowns, ParametricField{});
    if (!v) return {};
    const Expr& x = in.var();
    const Expr lambda = (*v)[r_count];
    const Expr mu = with_mu ? (*v)[r_count + 1] : integer(0);
    std::vector<Expr> r_terms;
    for (std::size_t t = 0; t < r_count; ++t)
      r_terms.push_back(mul((*v)[t], pow(x, static_cast<long>(t))));
    const Expr R = add(r_terms);
    std::vector<Expr> terms{mul({R, pow(x, -s), pow(f.q, rational(1 - 2 * j, 2))})};
    if (!lambda.is_zero()) {
      const Expr base = inverse_root(in, f);
      if (base.is_null()) return {};
      terms.push_back(mul(lambda, base));
    }
    if (!mu.is_zero()) {
      const Expr base = inverse_x_root(in, f);
      if (base.is_null()) return {};
      terms.push_back(mul(mu, base));
    }
    const Expr result = add(terms);
    in.step<Rule::RootOfQuadratic>(
        e, result,
        {.row = {"general", "∫ P/(xᵐ·q^(j+1/2)) dx = R/(xˢ·q^(j−1/2)) + λ·∫ dx/√q + μ·∫ dx/(x·√q)"},
         .q = f.q,
         .R = R,
         .lambda = lambda,
         .mu = with_mu ? mu : Expr()});
    return result;
  } catch (const NoCanonicalForm&) {
    return {};
  }
}

}  // namespace leibniz::integration
