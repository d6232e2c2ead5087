// The integral table: the rows of the notes (matched as written, so that
// ∫ -1/(1+x²) dx is arccot x), and ∫ f(a·x + b) dx = F(a·x + b)/a for every function of
// the function table (its row's antiderivative), powers, exponentials and sec², csc²,
// sec·tan, csc·cot and their hyperbolic twins.
#include <array>

#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"

namespace leibniz::integration {
namespace {

Expr sqrt_square_minus_one(const Expr& u) { return sqrt(sub(pow(u, 2), integer(1))); }

struct Row {
  Expr integrand;
  Expr antiderivative;
  RuleRow rule;
};

// The notes' rows whose answer is not what the general rules would write.
std::vector<Row> notes_rows(const Expr& x) {
  const Expr one_minus_square = sub(integer(1), pow(x, 2));
  const Expr one_plus_square = add(integer(1), pow(x, 2));
  const Expr asec_integrand = pow(mul(x, sqrt_square_minus_one(x)), -1);
  const Expr asec_abs_integrand = pow(mul(func(Fn::Abs, x), sqrt_square_minus_one(x)), -1);
  return {
      {pow(one_minus_square, rational(-1, 2)),
       func(Fn::Asin, x),
       {"arcsin", "∫ 1/√(1 − x²) dx = arcsin x"}},
      {neg(pow(one_minus_square, rational(-1, 2))),
       func(Fn::Acos, x),
       {"arccos", "∫ −1/√(1 − x²) dx = arccos x"}},
      {pow(one_plus_square, -1), func(Fn::Atan, x), {"arctan", "∫ 1/(1 + x²) dx = arctan x"}},
      {neg(pow(one_plus_square, -1)), func(Fn::Acot, x), {"arccot", "∫ −1/(1 + x²) dx = arccot x"}},
      // The notes' arcsec row holds for x > 1; arcsec|x| makes it hold for x < -1 too.
      {asec_integrand,
       func(Fn::Asec, func(Fn::Abs, x)),
       {"arcsec", "∫ 1/(x√(x² − 1)) dx = arcsec|x| (arcsec x for x > 1)"}},
      {neg(asec_integrand),
       func(Fn::Acsc, func(Fn::Abs, x)),
       {"arccsc", "∫ −1/(x√(x² − 1)) dx = arccsc|x| (arccsc x for x > 1)"}},
      {asec_abs_integrand, func(Fn::Asec, x), {"arcsec-abs", "∫ 1/(|x|√(x² − 1)) dx = arcsec x"}},
      {neg(asec_abs_integrand),
       func(Fn::Acsc, x),
       {"arccsc-abs", "∫ −1/(|x|√(x² − 1)) dx = arccsc x"}},
  };
}

// The step of a table row applied to u = a·x + b: names u and dx = du/a when u ≠ x.
Expr record_row(Integrator& in, const Expr& e, RuleRow row, const Expr& u, const Linear& linear,
                const Expr& antiderivative_in_u) {
  const Expr result = div(antiderivative_in_u, linear.a);
  if (u == in.var()) {
    in.step<Rule::IntegralTable>(e, result, {.row = row});
  } else {
    in.step<Rule::IntegralTable>(e, result, {.row = row, .u = u, .du_dx = linear.a});
  }
  return result;
}

// ∫ u^n du for u linear (n free of x): u^(n+1)/(n+1), or ln|u| for n = -1.
Expr power_row(Integrator& in, const Expr& e) {
  const Expr& u = e.base();
  const Expr& n = e.exponent();
  if (in.depends(n)) return {};
  const auto linear = linear_in(in, u);
  if (!linear) return {};
  if (n.is_number() && n.number().is_minus_one()) {
    return record_row(in, e, {"reciprocal", "∫ 1/u du = ln|u|"}, u, *linear, ln_abs(u));
  }
  const Expr n1 = add(n, integer(1));
  return record_row(in, e, {"power", "∫ uⁿ du = uⁿ⁺¹/(n + 1), n ≠ −1"}, u, *linear,
                    div(pow(u, n1), n1));
}

// ∫ c^u du = c^u/ln c (e^u for c = e), u linear.
Expr exponential_row(Integrator& in, const Expr& e) {
  const Expr& c = e.base();
  if (in.depends(c)) return {};
  const auto linear = linear_in(in, e.exponent());
  if (!linear) return {};
  if (c.is_e()) return record_row(in, e, {"exp", "∫ eᵘ du = eᵘ"}, e.exponent(), *linear, e);
  return record_row(in, e, {"exponential", "∫ nᵘ du = nᵘ/ln n"}, e.exponent(), *linear,
                    div(e, func(Fn::Ln, c)));
}

// sec(u)², csc(u)², sech(u)², csch(u)², and 1/cos(u)², 1/sin(u)², 1/cosh(u)², 1/sinh(u)².
Expr square_row(Integrator& in, const Expr& e) {
  if (!e.base().is(Kind::Func) || !e.exponent().is_number()) return {};
  const Fn fn = e.base().fn();
  const Expr& u = e.base().arg(0);
  const Number& n = e.exponent().number();
  const bool square = n == Number(2), inverse_square = n == Number(-2);
  const bool tan_row = (fn == Fn::Sec && square) || (fn == Fn::Cos && inverse_square);
  const bool cot_row = (fn == Fn::Csc && square) || (fn == Fn::Sin && inverse_square);
  const bool tanh_row = (fn == Fn::Sech && square) || (fn == Fn::Cosh && inverse_square);
  const bool coth_row = (fn == Fn::Csch && square) || (fn == Fn::Sinh && inverse_square);
  if (!tan_row && !cot_row && !tanh_row && !coth_row) return {};
  const auto linear = linear_in(in, u);
  if (!linear) return {};
  if (tan_row)
    return record_row(in, e, {"sec-squared", "∫ sec²u du = tan u"}, u, *linear, func(Fn::Tan, u));
  if (cot_row) {
    return record_row(in, e, {"csc-squared", "∫ csc²u du = −cot u"}, u, *linear,
                      neg(func(Fn::Cot, u)));
  }
  if (tanh_row) {
    return record_row(in, e, {"sech-squared", "∫ sech²u du = tanh u"}, u, *linear,
                      func(Fn::Tanh, u));
  }
  return record_row(in, e, {"csch-squared", "∫ csch²u du = −coth u"}, u, *linear,
                    neg(func(Fn::Coth, u)));
}

// The products of the notes' table whose antiderivative is one of the factors, up to sign.
struct ProductRow {
  Fn f, g, result;
  bool negated;
  RuleRow rule;
};
constexpr std::array<ProductRow, 4> kProductRows = {{
    {Fn::Sec, Fn::Tan, Fn::Sec, false, {"sec-tan", "∫ sec u·tan u du = sec u"}},
    {Fn::Csc, Fn::Cot, Fn::Csc, true, {"csc-cot", "∫ csc u·cot u du = −csc u"}},
    {Fn::Sech, Fn::Tanh, Fn::Sech, true, {"sech-tanh", "∫ sech u·tanh u du = −sech u"}},
    {Fn::Csch, Fn::Coth, Fn::Csch, true, {"csch-coth", "∫ csch u·coth u du = −csch u"}},
}};

// sec(u)·tan(u), csc(u)·cot(u), sech(u)·tanh(u) and csch(u)·coth(u).
Expr product_row(Integrator& in, const Expr& e) {
  if (e.args().size() != 2 || !e.arg(0).is(Kind::Func) || !e.arg(1).is(Kind::Func)) return {};
  const Expr& u = e.arg(0).arg(0);
  if (e.arg(1).arg(0) != u) return {};
  const Fn f = e.arg(0).fn(), g = e.arg(1).fn();
  for (const ProductRow& row : kProductRows) {
    if (!((f == row.f && g == row.g) || (f == row.g && g == row.f))) continue;
    const auto linear = linear_in(in, u);
    if (!linear) return {};
    const Expr value = func(row.result, u);
    return record_row(in, e, row.rule, u, *linear, row.negated ? neg(value) : value);
  }
  return {};
}

}  // namespace

Expr notes_row_rule(Integrator& in, const Expr& e) {
  if (!e.is(Kind::Pow) && !e.is(Kind::Mul)) return {};
  for (const Row& row : notes_rows(in.var())) {
    if (row.integrand == e) {
      in.step<Rule::IntegralTable>(e, row.antiderivative, {.row = row.rule});
      return row.antiderivative;
    }
  }
  return {};
}

Expr table_rule(Integrator& in, const Expr& e) {
  if (e == in.var()) {
    const Expr result = div(pow(e, 2), integer(2));
    in.step<Rule::IntegralTable>(e, result, {.row = {"power", "∫ xⁿ dx = xⁿ⁺¹/(n + 1), n = 1"}});
    return result;
  }
  switch (e.kind()) {
    case Kind::Func: {
      if (e.args().size() != 1) return {};  // max, min
      const auto linear = linear_in(in, e.arg(0));
      if (!linear) return {};
      const FunctionInfo& row = function_info(e.fn());
      if (!row.antiderivative) return {};
      return record_row(in, e, {row.name, row.antiderivative_rule}, e.arg(0), *linear,
                        row.antiderivative(e.arg(0)));
    }
    case Kind::Pow: {
      if (Expr r = power_row(in, e); !r.is_null()) return r;
      if (Expr r = exponential_row(in, e); !r.is_null()) return r;
      return square_row(in, e);
    }
    case Kind::Mul: return product_row(in, e);
    default: return {};
  }
}

}  // namespace leibniz::integration
