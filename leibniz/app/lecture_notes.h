// The lecture notes (seed/calculus-for-ai.md) as data, in one home: each rule with its
// examples, the derivations the notes write line by line, the rows of the derivative and
// integral tables, and the three networks (their model files are examples/*.lz, built in).
// `leibniz tour` computes and checks every one against the answer key; the request "notes"
// (requests_notes.cpp) hands them to the page and to any other door.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leibniz::app::lecture {

/// A derivative the notes work: f by wrt, and the answer key's result.
struct Example {
  const char* name;  ///< f, g
  const char* f;     ///< in the text syntax
  const char* wrt;
  const char* answer;  ///< the answer key's correct result
};

/// A rule of differentiation: as the notes state it, derived by leibniz for functions it
/// knows nothing about (general), and worked on examples.
struct Rule {
  const char* title;    ///< "Power rule"
  const char* unicode;  ///< "∂/∂x xⁿ = n·xⁿ⁻¹"
  const char* latex;
  Example general;  ///< f in general (g(x, y) undefined functions), answer the rule itself
  std::vector<Example> examples;
};

/// A derivation the notes write line by line (LaTeX, as written: 2xy is 2·x·y): each line
/// against the derivative of `f` by `wrt`, or, without f, each line against the next.
struct Derivation {
  const char* label;
  std::vector<const char*> lines;
  const char* f;        ///< "" for a chain of equalities
  const char* wrt;      ///< "" for a chain of equalities
  const char* answer;   ///< the answer key's derivative ("" for a chain)
  const char* rule;     ///< the title of the rule it works
  const char* erratum;  ///< where the notes go wrong, or ""
};

/// A row of the derivative table: d/dx f, the notes' claim, a point of its domain.
struct DerivativeRow {
  const char* f;
  const char* notes;
  double at;
  const char* erratum;  ///< where the notes' claim holds only in part, or ""
};

/// A row of the integral table: ∫ integrand dx, the notes' antiderivative.
struct IntegralRow {
  const char* integrand;
  const char* notes;
  const char* erratum;  ///< where the notes' antiderivative holds only in part, or ""
};

/// A network of the notes' backpropagation half.
struct Network {
  const char* id;    ///< two_sigmoids
  const char* file;  ///< two_sigmoids.lz, in examples/
  const char* label;
  const char* lr;                  ///< the notes' learning rate
  const char* erratum;             ///< or ""
  std::string_view model() const;  ///< the model file's text (examples/FILE, built in)
};

const std::vector<Rule>& rules();
const std::vector<Derivation>& derivations();
const std::vector<DerivativeRow>& derivative_table();
const std::vector<IntegralRow>& integral_table();
const std::vector<Network>& networks();
/// The network with this id; Error{Internal} without one.
const Network& network(std::string_view id);

/// A formula as the notes write it, without putting it in canonical form:
/// "(3*x)*(4*y^2)" -> "(3x)(4y²)".
std::string as_written(std::string_view text);

}  // namespace leibniz::app::lecture
