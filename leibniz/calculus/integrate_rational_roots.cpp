// The Rothstein–Trager roots of ∫ a/q for an irreducible q: the values b(α) of
// b = a/q′ mod q at the roots α of q, so ∫ a/q = Σ b(α)·ln(x − α). Their minimal
// polynomial is that of multiplication by b in ℚ[x]/q. When it is quadratic with real
// roots z = (−p ± √D)/2, w = 2b + p has w² = D in ℚ[x]/q and q splits over ℚ(√D) into
// S± = U ± √D·V, the minimal polynomial of x over ℚ(w) (a linear system over ℚ); then
// ∫ a/q = −(p/2)·ln|q| + (√D/2)·ln|S₊/S₋| (Lazard–Rioboo–Trager with real logs).
// When D = −d < 0 the roots are complex, z = (−p ± i√d)/2, S± = U ± i√d·V, and
// ∫ a/q = −(p/2)·ln|q| + (√d/2)·i·ln(S₊/S₋) = −(p/2)·ln|q| + √d·Σ atan(Pₖ)
// (integrate_rational_atan.cpp).
#include <flint/fmpq_mat.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly.h>

#include "leibniz/calculus/integrate_rational.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

// b = a/q′ mod q.
QPoly rothstein_trager_element(const QPoly& q, const QPoly& a) {
  QPoly derivative, g, s, inverse, b;
  fmpq_poly_derivative(derivative.raw(), q.raw());
  fmpq_poly_xgcd(g.raw(), s.raw(), inverse.raw(), q.raw(), derivative.raw());
  fmpq_poly_mul(b.raw(), a.raw(), inverse.raw());
  fmpq_poly_rem(b.raw(), b.raw(), q.raw());
  return b;
}

void set_column(fmpq_mat_t matrix, long column, const QPoly& p, long rows) {
  for (long row = 0; row < rows; ++row) {
    mpq_class c = p.coefficient(row).exact();
    fmpq_set_mpq(fmpq_mat_entry(matrix, row, column), c.get_mpq_t());
  }
}

// The monic minimal polynomial of b in ℚ[x]/q (multiplication by b on 1, x, …).
QPoly minimal_polynomial(const QPoly& q, const QPoly& b) {
  const long d = q.degree();
  fmpq_mat_t matrix;
  fmpq_mat_init(matrix, d, d);
  QPoly power;
  fmpq_poly_set_si(power.raw(), 1);
  for (long column = 0; column < d; ++column) {
    QPoly image;
    fmpq_poly_mul(image.raw(), power.raw(), b.raw());
    fmpq_poly_rem(image.raw(), image.raw(), q.raw());
    set_column(matrix, column, image, d);
    fmpq_poly_shift_left(power.raw(), power.raw(), 1);
    fmpq_poly_rem(power.raw(), power.raw(), q.raw());
  }
  QPoly minimal;
  fmpq_mat_minpoly(minimal.raw(), matrix);
  fmpq_mat_clear(matrix);
  return minimal;
}

}  // namespace

Expr log_part_polynomial(const QPoly& q, const QPoly& a, const Expr& x) {
  const QPoly minimal = minimal_polynomial(q, rothstein_trager_element(q, a));
  fmpz_poly_t integer;
  fmpz_poly_init(integer);
  fmpq_poly_get_numerator(integer, minimal.raw());
  fmpz_poly_primitive_part(integer, integer);
  QPoly primitive;
  fmpq_poly_set_fmpz_poly(primitive.raw(), integer);
  fmpz_poly_clear(integer);
  return to_expr(primitive, symbol(x.name() == "t" ? "z" : "t"));
}

Expr quadratic_field_term(Integrator& in, const QPoly& q, const QPoly& a, const Expr& x) {
  const long n = q.degree();
  if (n % 2 != 0) return {};
  const QPoly b = rothstein_trager_element(q, a);
  const QPoly minimal = minimal_polynomial(q, b);
  if (minimal.degree() != 2) return {};
  const Number p = minimal.coefficient(1), r = minimal.coefficient(0);
  const Number D = p * p - Number(4) * r;
  if (D.is_zero()) return {};
  // w = 2b + p, w² = D.
  QPoly w;
  fmpq_poly_scalar_mul_si(w.raw(), b.raw(), 2);
  mpq_class shift = p.exact();
  QPoly constant;
  fmpq_poly_set_mpq(constant.raw(), shift.get_mpq_t());
  fmpq_poly_add(w.raw(), w.raw(), constant.raw());
  // x^h + Σ (u_k + v_k·w)·x^k ≡ 0 mod q, h = n/2: n equations in u_0…, v_0….
  const long h = n / 2;
  fmpq_mat_t matrix, rhs, solution;
  fmpq_mat_init(matrix, n, n);
  fmpq_mat_init(rhs, n, 1);
  fmpq_mat_init(solution, n, 1);
  QPoly power;
  fmpq_poly_set_si(power.raw(), 1);
  for (long k = 0; k < h; ++k) {
    QPoly image;
    fmpq_poly_mul(image.raw(), power.raw(), w.raw());
    fmpq_poly_rem(image.raw(), image.raw(), q.raw());
    set_column(matrix, k, power, n);
    set_column(matrix, h + k, image, n);
    fmpq_poly_shift_left(power.raw(), power.raw(), 1);
  }
  fmpq_poly_neg(power.raw(), power.raw());  // −x^h, of degree < n
  set_column(rhs, 0, power, n);
  const bool solved = fmpq_mat_solve(solution, matrix, rhs) != 0;
  QPoly U, V;
  fmpq_poly_set_coeff_si(U.raw(), h, 1);
  for (long k = 0; solved && k < h; ++k) {
    fmpq_poly_set_coeff_fmpq(U.raw(), k, fmpq_mat_entry(solution, k, 0));
    fmpq_poly_set_coeff_fmpq(V.raw(), k, fmpq_mat_entry(solution, h + k, 0));
  }
  fmpq_mat_clear(matrix);
  fmpq_mat_clear(rhs);
  fmpq_mat_clear(solution);
  if (!solved) return {};
  const Expr qx = to_expr(q, x);
  const Expr log_of_q = p.is_zero() ? integer(0) : mul(number(-p / Number(2)), ln_abs(qx));
  if (D.is_negative()) {
    const Number d = -D;
    const Expr atans = log_to_atan(U, V, d, x);
    if (atans.is_null()) return {};
    const Expr result = add(log_of_q, mul(sqrt_number(d), atans));
    in.step<Rule::PartialFractions>(
        div(to_expr(a, x), qx), result,
        {.row = {"imaginary-quadratic-field",
                 "the logarithmic part's coefficients, the roots of z² + p·z + r, are "
                 "(−p ± i·√d)/2 with d = 4r − p²; q splits into U ± i·√d·V, and "
                 "i·ln((U + i·√d·V)/(U − i·√d·V)) is a sum of arctangents of polynomials "
                 "(Rioboo)"},
         .minimal = to_expr(minimal, symbol("z")),
         .U = to_expr(U, x),
         .V = to_expr(V, x)});
    return result;
  }
  const Expr root = sqrt_number(D);
  const Expr u = to_expr(U, x), v = mul(root, to_expr(V, x));
  const Expr result = add(log_of_q, mul(div(root, integer(2)), ln_abs(div(add(u, v), sub(u, v)))));
  in.step<Rule::PartialFractions>(
      div(to_expr(a, x), qx), result,
      {.row = {"quadratic-field",
               "the logarithmic part's coefficients, the roots of z² + p·z + r, lie in ℚ(√D) "
               "with D = p² − 4r; q splits there into U ± √D·V"},
       .minimal = to_expr(minimal, symbol("z")),
       .U = u,
       .V = to_expr(V, x)});
  return result;
}

}  // namespace leibniz::integration
