#include "leibniz/numeric/finite_difference.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace leibniz {

double central_difference(const Program& f, std::span<const double> point, std::size_t i) {
  // h ~ eps^(1/3) balances truncation against rounding error.
  const double h = 6e-6 * std::max(1.0, std::fabs(point[i]));
  std::vector<double> p(point.begin(), point.end());
  p[i] = point[i] + h;
  const double up = f.run(p);
  p[i] = point[i] - h;
  const double down = f.run(p);
  return (up - down) / (2 * h);
}

double relative_error(double a, double b) {
  return std::fabs(a - b) / std::max({1.0, std::fabs(a), std::fabs(b)});
}

}  // namespace leibniz
