// The differential field of the Risch–Norman method (integrate_risch_norman.cpp): the
// kernels θ₀ = x, θ₁, … of an integrand (e^g, ln u, tan v, atan u; sin and cos through
// tan of the half angle, the hyperbolic functions through e^u), each with its derivative
// Dθᵢ a rational function of the kernels before it, and the integrand as a rational
// function of them, all with rational coefficients.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "leibniz/calculus/polynomial.h"
#include "leibniz/expr/expr.h"

namespace leibniz::integration {

class Integrator;

/// numerator/denominator, reduced, the denominator with leading coefficient 1.
struct RationalFunction {
  Poly numerator;
  Poly denominator;
};

class KernelTower {
 public:
  /// The tower of e in in.var(); null when e holds anything else (parameters, roots,
  /// inverse functions but atan, floats) or too many kernels, or x alone (a rational
  /// function, the rational rules' case).
  static std::unique_ptr<KernelTower> of(Integrator& in, const Expr& e);

  const PolyContext& context() const { return *context_; }
  std::size_t size() const { return context_->size(); }
  const RationalFunction& integrand() const { return integrand_; }
  /// q, the common denominator of the Dθᵢ, so that D̃ = q·D maps polynomials to polynomials.
  const Poly& derivation_denominator() const { return q_; }
  /// D̃p = q·Dp = Σ ∂p/∂θᵢ·q·Dθᵢ.
  Poly derive(const Poly& p) const;
  /// The special (Darboux) polynomials a logarithm may need although no denominator shows
  /// them: 1 + t² for each t = tan v (D(1 + t²) = 2t·v′·(1 + t²)).
  std::vector<Poly> darboux_polynomials() const;
  /// The kernels t = tan(u/2) that stand for sin u and cos u, with their u.
  struct HalfAngle {
    std::size_t kernel;
    Expr angle;
  };
  const std::vector<HalfAngle>& half_angles() const { return half_angles_; }
  /// The kernels θ = e^w, with their w.
  struct Exponential {
    std::size_t kernel;
    Expr exponent;
  };
  const std::vector<Exponential>& exponentials() const { return exponentials_; }
  /// True when the integrand has sinh, cosh, tanh, coth, sech or csch.
  bool from_hyperbolic() const { return from_hyperbolic_; }

  struct Kernels {
    std::vector<std::size_t> tangents;
    std::vector<HalfAngle> half_angles;
    std::vector<Exponential> exponentials;
    bool from_hyperbolic = false;
  };
  KernelTower(std::unique_ptr<PolyContext> context, RationalFunction integrand,
              std::vector<Poly> scaled_derivations, Poly q, Kernels kernels)
      : context_(std::move(context)),
        integrand_(std::move(integrand)),
        scaled_derivations_(std::move(scaled_derivations)),
        q_(std::move(q)),
        tangents_(std::move(kernels.tangents)),
        half_angles_(std::move(kernels.half_angles)),
        exponentials_(std::move(kernels.exponentials)),
        from_hyperbolic_(kernels.from_hyperbolic) {}

 private:
  std::unique_ptr<PolyContext> context_;
  RationalFunction integrand_;
  std::vector<Poly> scaled_derivations_;  // q·Dθᵢ
  Poly q_;
  std::vector<std::size_t> tangents_;  // the kernels t = tan v
  std::vector<HalfAngle> half_angles_;
  std::vector<Exponential> exponentials_;
  bool from_hyperbolic_;
};

}  // namespace leibniz::integration
