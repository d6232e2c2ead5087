// Exact linear systems, for the integration methods that find an answer's coefficients
// by undetermined coefficients (Ostrogradsky's ansatz over ℚ or ℚ(a, b, …), the Risch
// equation of Liouville's case): one Gauss–Jordan elimination for every kind of entry.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace leibniz {

/// ℚ's arithmetic (GMP's mpq_class) for solve_linear_system.
struct GmpRationalField {
  static bool is_zero(const mpq_class& a) { return a == 0; }
  static mpq_class divide(const mpq_class& a, const mpq_class& b) { return a / b; }
  static mpq_class subtract_product(const mpq_class& a, const mpq_class& f, const mpq_class& b) {
    return a - f * b;
  }
  static mpq_class zero() { return 0; }
};

/// M·v = b by Gauss–Jordan elimination (M row by row, b its last column): the solution
/// with the free unknowns 0, nullopt when the system is inconsistent. `field` gives the
/// entries' arithmetic: is_zero(a), divide(a, b) = a/b, subtract_product(a, f, b) = a − f·b
/// (each may bring its result to a canonical form), and zero().
template <class T, class Field>
std::optional<std::vector<T>> solve_linear_system(std::vector<std::vector<T>> M,
                                                  std::size_t unknowns, const Field& field) {
  std::vector<std::size_t> pivot_of_row;
  std::size_t row = 0;
  for (std::size_t col = 0; col < unknowns && row < M.size(); ++col) {
    std::size_t pivot = row;
    while (pivot < M.size() && field.is_zero(M[pivot][col])) ++pivot;
    if (pivot == M.size()) continue;
    std::swap(M[row], M[pivot]);
    const T pivot_value = M[row][col];
    for (T& v : M[row]) {
      if (!field.is_zero(v)) v = field.divide(v, pivot_value);
    }
    for (std::size_t r = 0; r < M.size(); ++r) {
      if (r == row || field.is_zero(M[r][col])) continue;
      const T factor = M[r][col];
      for (std::size_t c = 0; c <= unknowns; ++c) {
        if (!field.is_zero(M[row][c])) M[r][c] = field.subtract_product(M[r][c], factor, M[row][c]);
      }
    }
    pivot_of_row.push_back(col);
    ++row;
  }
  for (std::size_t r = row; r < M.size(); ++r) {
    if (!field.is_zero(M[r][unknowns])) return std::nullopt;
  }
  std::vector<T> v(unknowns, field.zero());
  for (std::size_t r = 0; r < row; ++r) v[pivot_of_row[r]] = M[r][unknowns];
  return v;
}

}  // namespace leibniz
