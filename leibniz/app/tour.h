// The guided tour: the calculus half of the lecture notes (seed/calculus-for-ai.md),
// every example computed now and compared with what the notes print.
#pragma once

#include <iosfwd>

namespace leibniz::app {

/// Writes the tour; returns false if any computed result disagrees with the answer key.
bool run_tour(std::ostream& out);

}  // namespace leibniz::app
