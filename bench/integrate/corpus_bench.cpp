// leibniz's side of the integration benchmark: each integrand of the corpus (one per
// line on stdin) integrated, checked, timed; prints "solved seconds size" per line.
#include <chrono>
#include <iostream>
#include <string>

#include "leibniz/calculus/integrate.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"

int main() {
  const leibniz::Expr x = leibniz::symbol("x");
  std::string line;
  while (std::getline(std::cin, line)) {
    const leibniz::Expr f = leibniz::parse_text(line);
    const auto start = std::chrono::steady_clock::now();
    bool solved = false;
    double size = 0;
    try {
      const leibniz::Expr F = leibniz::integrate(f, x);
      solved = true;
      size = leibniz::tree_size(F);
    } catch (const leibniz::Error&) {
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << solved << ' ' << seconds << ' ' << size << '\n';
  }
}
