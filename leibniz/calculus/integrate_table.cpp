// The integral table: the rows of the notes (matched as written, so that
// ∫ -1/(1+x²) dx is arccot x), and ∫ f(a·x + b) dx = F(a·x + b)/a for every function of
// the function table, powers, exponentials and sec², csc², sec·tan, csc·cot.
#include <fmt/format.h>

#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"

namespace leibniz::integration {
namespace {

Expr sqrt_square_minus_one(const Expr& u) { return sqrt(sub(pow(u, 2), integer(1))); }

struct Row {
  Expr integrand;
  Expr antiderivative;
  const char* rule;
};

// The notes' rows whose answer is not what the general rules would write.
std::vector<Row> notes_rows(const Expr& x) {
  const Expr one_minus_square = sub(integer(1), pow(x, 2));
  const Expr one_plus_square = add(integer(1), pow(x, 2));
  const Expr asec_integrand = pow(mul(x, sqrt_square_minus_one(x)), -1);
  const Expr asec_abs_integrand = pow(mul(func(Fn::Abs, x), sqrt_square_minus_one(x)), -1);
  return {
      {pow(one_minus_square, rational(-1, 2)), func(Fn::Asin, x),
       "table: ∫ 1/√(1 − x²) dx = arcsin x"},
      {neg(pow(one_minus_square, rational(-1, 2))), func(Fn::Acos, x),
       "table: ∫ −1/√(1 − x²) dx = arccos x"},
      {pow(one_plus_square, -1), func(Fn::Atan, x), "table: ∫ 1/(1 + x²) dx = arctan x"},
      {neg(pow(one_plus_square, -1)), func(Fn::Acot, x), "table: ∫ −1/(1 + x²) dx = arccot x"},
      // The notes' arcsec row holds for x > 1; arcsec|x| makes it hold for x < -1 too.
      {asec_integrand, func(Fn::Asec, func(Fn::Abs, x)),
       "table: ∫ 1/(x√(x² − 1)) dx = arcsec|x| (arcsec x for x > 1)"},
      {neg(asec_integrand), func(Fn::Acsc, func(Fn::Abs, x)),
       "table: ∫ −1/(x√(x² − 1)) dx = arccsc|x| (arccsc x for x > 1)"},
      {asec_abs_integrand, func(Fn::Asec, x), "table: ∫ 1/(|x|√(x² − 1)) dx = arcsec x"},
      {neg(asec_abs_integrand), func(Fn::Acsc, x), "table: ∫ −1/(|x|√(x² − 1)) dx = arccsc x"},
  };
}

// The step of a table row applied to u = a·x + b: names u and dx = du/a when u ≠ x.
Expr record_row(Integrator& in, const Expr& e, const std::string& row, const Expr& u,
                const Linear& linear, const Expr& antiderivative_in_u) {
  const Expr result = div(antiderivative_in_u, linear.a);
  if (u == in.var()) {
    in.step("table: " + row, e, result);
  } else {
    in.step(fmt::format("table with linear substitution u = {}: {}", print_text(u), row), e, result,
            {{"u", u}, {"du/dx", linear.a}});
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
    return record_row(in, e, "∫ 1/u du = ln|u|", u, *linear, ln_abs(u));
  }
  const Expr n1 = add(n, integer(1));
  return record_row(in, e, "∫ uⁿ du = uⁿ⁺¹/(n + 1), n ≠ −1", u, *linear, div(pow(u, n1), n1));
}

// ∫ c^u du = c^u/ln c (e^u for c = e), u linear.
Expr exponential_row(Integrator& in, const Expr& e) {
  const Expr& c = e.base();
  if (in.depends(c)) return {};
  const auto linear = linear_in(in, e.exponent());
  if (!linear) return {};
  if (c.is_e()) return record_row(in, e, "∫ eᵘ du = eᵘ", e.exponent(), *linear, e);
  return record_row(in, e, "∫ nᵘ du = nᵘ/ln n", e.exponent(), *linear, div(e, func(Fn::Ln, c)));
}

// sec(u)², csc(u)², and 1/cos(u)², 1/sin(u)².
Expr square_row(Integrator& in, const Expr& e) {
  if (!e.base().is(Kind::Func) || !e.exponent().is_number()) return {};
  const Fn fn = e.base().fn();
  const Expr& u = e.base().arg(0);
  const Number& n = e.exponent().number();
  const bool tan_row = (fn == Fn::Sec && n == Number(2)) || (fn == Fn::Cos && n == Number(-2));
  const bool cot_row = (fn == Fn::Csc && n == Number(2)) || (fn == Fn::Sin && n == Number(-2));
  if (!tan_row && !cot_row) return {};
  const auto linear = linear_in(in, u);
  if (!linear) return {};
  if (tan_row) return record_row(in, e, "∫ sec²u du = tan u", u, *linear, func(Fn::Tan, u));
  return record_row(in, e, "∫ csc²u du = −cot u", u, *linear, neg(func(Fn::Cot, u)));
}

// sec(u)·tan(u) and csc(u)·cot(u).
Expr product_row(Integrator& in, const Expr& e) {
  if (e.args().size() != 2 || !e.arg(0).is(Kind::Func) || !e.arg(1).is(Kind::Func)) return {};
  const Expr& u = e.arg(0).arg(0);
  if (e.arg(1).arg(0) != u) return {};
  const Fn f = e.arg(0).fn(), g = e.arg(1).fn();
  const bool sec_tan = (f == Fn::Sec && g == Fn::Tan) || (f == Fn::Tan && g == Fn::Sec);
  const bool csc_cot = (f == Fn::Csc && g == Fn::Cot) || (f == Fn::Cot && g == Fn::Csc);
  if (!sec_tan && !csc_cot) return {};
  const auto linear = linear_in(in, u);
  if (!linear) return {};
  if (sec_tan) return record_row(in, e, "∫ sec u·tan u du = sec u", u, *linear, func(Fn::Sec, u));
  return record_row(in, e, "∫ csc u·cot u du = −csc u", u, *linear, neg(func(Fn::Csc, u)));
}

}  // namespace

Expr function_antiderivative(Fn fn, const Expr& u) {
  const Expr one = integer(1);
  switch (fn) {
    case Fn::Ln: return sub(mul(u, func(Fn::Ln, u)), u);
    case Fn::Sin: return neg(func(Fn::Cos, u));
    case Fn::Cos: return func(Fn::Sin, u);
    case Fn::Tan: return neg(ln_abs(func(Fn::Cos, u)));
    case Fn::Cot: return ln_abs(func(Fn::Sin, u));
    case Fn::Sec: return ln_abs(add(func(Fn::Sec, u), func(Fn::Tan, u)));
    case Fn::Csc: return neg(ln_abs(add(func(Fn::Csc, u), func(Fn::Cot, u))));
    case Fn::Asin: return add(mul(u, func(Fn::Asin, u)), sqrt(sub(one, pow(u, 2))));
    case Fn::Acos: return sub(mul(u, func(Fn::Acos, u)), sqrt(sub(one, pow(u, 2))));
    case Fn::Atan:
      return sub(mul(u, func(Fn::Atan, u)), div(func(Fn::Ln, add(one, pow(u, 2))), integer(2)));
    case Fn::Acot:
      return add(mul(u, func(Fn::Acot, u)), div(func(Fn::Ln, add(one, pow(u, 2))), integer(2)));
    // d/du ln(|u| + √(u² − 1)) = sign(u)/√(u² − 1), which is what u·arcsec u leaves over.
    case Fn::Asec:
      return sub(mul(u, func(Fn::Asec, u)),
                 func(Fn::Ln, add(func(Fn::Abs, u), sqrt_square_minus_one(u))));
    case Fn::Acsc:
      return add(mul(u, func(Fn::Acsc, u)),
                 func(Fn::Ln, add(func(Fn::Abs, u), sqrt_square_minus_one(u))));
    case Fn::Sinh: return func(Fn::Cosh, u);
    case Fn::Cosh: return func(Fn::Sinh, u);
    case Fn::Tanh: return func(Fn::Ln, func(Fn::Cosh, u));
    case Fn::Sigmoid: return func(Fn::Ln, add(one, exp(u)));  // softplus
    case Fn::Abs: return div(mul(u, func(Fn::Abs, u)), integer(2));
    // Each holds on both sides of 0 and is continuous there.
    case Fn::Relu: return div(mul(u, func(Fn::Relu, u)), integer(2));
    case Fn::Heaviside: return func(Fn::Relu, u);
    case Fn::Sign: return func(Fn::Abs, u);
    case Fn::Softplus:  // −Li₂(−eᵘ): not elementary
    case Fn::Max:
    case Fn::Min: return {};
  }
  return {};
}

std::string table_row_name(Fn fn) {
  switch (fn) {
    case Fn::Ln: return "∫ ln u du = u·ln u − u";
    case Fn::Sin: return "∫ sin u du = −cos u";
    case Fn::Cos: return "∫ cos u du = sin u";
    case Fn::Tan: return "∫ tan u du = −ln|cos u|";
    case Fn::Cot: return "∫ cot u du = ln|sin u|";
    case Fn::Sec: return "∫ sec u du = ln|sec u + tan u|";
    case Fn::Csc: return "∫ csc u du = −ln|csc u + cot u|";
    case Fn::Asin: return "∫ arcsin u du = u·arcsin u + √(1 − u²)";
    case Fn::Acos: return "∫ arccos u du = u·arccos u − √(1 − u²)";
    case Fn::Atan: return "∫ arctan u du = u·arctan u − ln(1 + u²)/2";
    case Fn::Acot: return "∫ arccot u du = u·arccot u + ln(1 + u²)/2";
    case Fn::Asec: return "∫ arcsec u du = u·arcsec u − ln(|u| + √(u² − 1))";
    case Fn::Acsc: return "∫ arccsc u du = u·arccsc u + ln(|u| + √(u² − 1))";
    case Fn::Sinh: return "∫ sinh u du = cosh u";
    case Fn::Cosh: return "∫ cosh u du = sinh u";
    case Fn::Tanh: return "∫ tanh u du = ln(cosh u)";
    case Fn::Sigmoid: return "∫ σ(u) du = ln(1 + eᵘ)";
    case Fn::Abs: return "∫ |u| du = u·|u|/2";
    case Fn::Relu: return "∫ relu(u) du = u·relu(u)/2";
    case Fn::Heaviside: return "∫ heaviside(u) du = relu(u)";
    case Fn::Sign: return "∫ sign(u) du = |u|";
    case Fn::Softplus:
    case Fn::Max:
    case Fn::Min: return "";
  }
  return {};
}

Expr notes_row_rule(Integrator& in, const Expr& e) {
  if (!e.is(Kind::Pow) && !e.is(Kind::Mul)) return {};
  for (const Row& row : notes_rows(in.var())) {
    if (row.integrand == e) {
      in.step(row.rule, e, row.antiderivative);
      return row.antiderivative;
    }
  }
  return {};
}

Expr table_rule(Integrator& in, const Expr& e) {
  if (e == in.var()) {
    const Expr result = div(pow(e, 2), integer(2));
    in.step("table: ∫ xⁿ dx = xⁿ⁺¹/(n + 1), n = 1", e, result);
    return result;
  }
  switch (e.kind()) {
    case Kind::Func: {
      if (e.args().size() != 1) return {};  // max, min
      const auto linear = linear_in(in, e.arg(0));
      if (!linear) return {};
      const Expr antiderivative = function_antiderivative(e.fn(), e.arg(0));
      if (antiderivative.is_null()) return {};
      return record_row(in, e, table_row_name(e.fn()), e.arg(0), *linear, antiderivative);
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
