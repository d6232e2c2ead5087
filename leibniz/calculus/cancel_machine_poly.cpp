#include "leibniz/calculus/cancel_machine_poly.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>
#include <optional>

namespace leibniz {
namespace {

using machine_detail::checked_product;
using machine_detail::checked_sum;
using machine_detail::common_divisor;

// a's remainder by divisor (non-zero); the quotient into *quotient when asked for.
MachinePoly remainder_and_quotient(const MachinePoly& a, const MachinePoly& divisor,
                                   MachinePoly* quotient) {
  if (divisor.is_zero()) throw MachineOverflow{};  // FLINT decides what a zero divisor means
  MachinePoly remainder = a;
  const long d = divisor.degree(), top = a.degree() - d;
  if (top < 0) return remainder;
  MachineRational* r = remainder.coefficients_up_to(a.degree());
  MachineRational* q = quotient ? quotient->coefficients_up_to(top) : nullptr;
  const MachineRational inverse_lead = inverse(divisor.leading());
  for (long k = top; k >= 0; --k) {
    const MachineRational factor = r[k + d] * inverse_lead;
    if (q) q[k] = factor;
    if (factor.num == 0) continue;
    for (long i = 0; i <= d; ++i) r[k + i] = r[k + i] + -(factor * divisor.coefficient(i));
  }
  remainder.normalise();
  if (quotient) quotient->normalise();
  return remainder;
}

MachinePoly monic(const MachinePoly& p) {
  return p.is_zero() ? p : scaled(p, inverse(p.leading()));
}

MachinePoly derivative(const MachinePoly& p) {
  MachinePoly d;
  if (p.degree() < 1) return d;
  MachineRational* c = d.coefficients_up_to(p.degree() - 1);
  for (long k = 1; k <= p.degree(); ++k) c[k - 1] = p.coefficient(k) * MachineRational{k, 1};
  d.normalise();
  return d;
}

MachinePoly minus(const MachinePoly& a, const MachinePoly& b) { return a + scaled(b, {-1, 1}); }

// p times the positive rational that makes it a primitive integer polynomial with a
// positive leading coefficient.
MachinePoly primitive(const MachinePoly& p) {
  std::int64_t denominators = 1, numerators = 0;
  for (long k = 0; k <= p.degree(); ++k) {
    const MachineRational& c = p.coefficient(k);
    denominators = checked_product(denominators / common_divisor(denominators, c.den), c.den);
    numerators = common_divisor(numerators, c.num);
  }
  const std::int64_t sign = p.leading().num < 0 ? -1 : 1;
  return scaled(
      p, {checked_product(sign, denominators), numerators});  // numerators > 0: p is non-zero
}

// The integer square root of n >= 0 when n is a square.
std::optional<std::int64_t> exact_square_root(std::int64_t n) {
  if (n < 0) return std::nullopt;
  auto root = static_cast<std::int64_t>(std::sqrt(static_cast<long double>(n)));
  auto square_exceeds_n = [n](std::int64_t r) {
    std::int64_t square = 0;
    return __builtin_mul_overflow(r, r, &square) || square > n;
  };
  while (root > 0 && square_exceeds_n(root)) --root;
  while (!square_exceeds_n(root + 1)) ++root;
  if (root * root != n) return std::nullopt;
  return root;
}

// A squarefree polynomial's irreducible factors, each of the given multiplicity.
void add_irreducible_factors(const MachinePoly& squarefree, long multiplicity,
                             std::vector<MachineFactor>& factors) {
  const MachinePoly f = primitive(squarefree);
  if (f.degree() >= 3) throw MachineOverflow{};
  if (f.degree() == 2) {
    const std::int64_t a = f.coefficient(2).num, b = f.coefficient(1).num;
    const std::int64_t c = f.coefficient(0).num;
    if (const auto root = exact_square_root(
            checked_sum(checked_product(b, b), -checked_product(checked_product(4, a), c)))) {
      for (const std::int64_t s : {-*root, *root}) {  // roots (-b ± s)/(2a): 2a*x + b ∓ s
        MachinePoly linear;
        linear.set(1, {checked_product(2, a), 1});
        linear.set(0, {checked_sum(b, -s), 1});
        factors.push_back({primitive(linear), multiplicity});
      }
      return;
    }
  }
  factors.push_back({f, multiplicity});
}

}  // namespace

MachinePoly MachinePoly::constant(const Number& value) {
  const auto fraction = value.to_fraction();
  if (!fraction) throw MachineOverflow{};
  MachinePoly p;
  p.set(0, {fraction->numerator, fraction->denominator});  // neither is INT64_MIN
  return p;
}

MachinePoly MachinePoly::one() {
  MachinePoly p;
  p.set(0, {1, 1});
  return p;
}

MachinePoly MachinePoly::generator() {
  MachinePoly p;
  p.set(1, {1, 1});
  return p;
}

void MachinePoly::set(long k, MachineRational value) {
  coefficients_up_to(k)[k] = value;
  normalise();
}

MachineRational* MachinePoly::coefficients_up_to(long degree) {
  if (degree >= kCapacity) throw MachineOverflow{};
  degree_ = std::max(degree_, degree);
  return c_.data();
}

void MachinePoly::normalise() {
  while (degree_ >= 0 && c_[static_cast<std::size_t>(degree_)].num == 0) --degree_;
}

MachinePoly operator+(const MachinePoly& a, const MachinePoly& b) {
  const bool a_longer = a.degree() >= b.degree();
  MachinePoly sum = a_longer ? a : b;
  const MachinePoly& other = a_longer ? b : a;
  if (other.is_zero()) return sum;
  MachineRational* c = sum.coefficients_up_to(sum.degree());
  for (long k = 0; k <= other.degree(); ++k) c[k] = c[k] + other.coefficient(k);
  sum.normalise();
  return sum;
}

MachinePoly operator*(const MachinePoly& a, const MachinePoly& b) {
  MachinePoly product;
  if (a.is_zero() || b.is_zero()) return product;
  if (a.is_one()) return b;
  if (b.is_one()) return a;
  MachineRational* c = product.coefficients_up_to(a.degree() + b.degree());
  for (long i = 0; i <= a.degree(); ++i) {
    for (long j = 0; j <= b.degree(); ++j)
      c[i + j] = c[i + j] + a.coefficient(i) * b.coefficient(j);
  }
  product.normalise();
  return product;
}

MachinePoly scaled(const MachinePoly& p, MachineRational factor) {
  MachinePoly result;
  if (p.is_zero() || factor.num == 0) return result;
  if (factor.num == 1 && factor.den == 1) return p;
  MachineRational* c = result.coefficients_up_to(p.degree());
  for (long k = 0; k <= p.degree(); ++k) c[k] = p.coefficient(k) * factor;
  result.normalise();
  return result;
}

MachinePoly gcd(const MachinePoly& a, const MachinePoly& b) {
  if (a.degree() == 0 || b.degree() == 0) return MachinePoly::one();  // a non-zero constant
  MachinePoly x = a, y = monic(b);  // monic remainders keep the coefficients small
  while (!y.is_zero()) {
    MachinePoly remainder = remainder_and_quotient(x, y, nullptr);
    x = std::move(y);
    y = monic(remainder);
  }
  return monic(x);
}

MachinePoly divide_exact(const MachinePoly& a, const MachinePoly& divisor) {
  if (divisor.is_one()) return a;  // most gcds
  MachinePoly quotient;
  remainder_and_quotient(a, divisor, &quotient);
  return quotient;
}

MachinePoly raised(const MachinePoly& base, unsigned long exponent) {
  if (exponent == 0) return MachinePoly::one();
  // The result starts at the lowest bit's square, not at 1: most powers here are u^1 and
  // u^2, which then cost no product by 1.
  MachinePoly square = base;
  for (; (exponent & 1) == 0; exponent >>= 1) square = square * square;
  MachinePoly result = square;
  while ((exponent >>= 1) != 0) {
    square = square * square;
    if (exponent & 1) result = result * square;
  }
  return result;
}

std::vector<MachineFactor> rational_factors(const MachinePoly& p) {
  // Yun: with b = gcd(p, p'), c = p/b and d = p'/b - c', each gcd(c, d) is the product
  // of the factors of the next multiplicity.
  std::vector<MachineFactor> factors;
  const MachinePoly p_prime = derivative(p);
  const MachinePoly b = gcd(p, p_prime);
  MachinePoly c = divide_exact(p, b);
  MachinePoly d = minus(divide_exact(p_prime, b), derivative(c));
  for (long multiplicity = 1; c.degree() > 0; ++multiplicity) {
    const MachinePoly a = gcd(c, d);
    if (a.degree() > 0) add_irreducible_factors(a, multiplicity, factors);
    c = divide_exact(c, a);
    d = minus(divide_exact(d, a), derivative(c));
  }
  return factors;
}

}  // namespace leibniz
