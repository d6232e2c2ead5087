// The tour's integral table: each row of the notes integrated by leibniz and verified
// by differentiating the answer back.
#pragma once

#include <iosfwd>

namespace leibniz::app {

/// Writes the table; false if any row fails.
bool run_integral_tour(std::ostream& out);

}  // namespace leibniz::app
