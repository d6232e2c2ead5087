// The networks half of the guided tour: the three networks of the lecture notes run
// from their model files, every number compared with the notes and the answer key.
#pragma once

#include <iosfwd>

namespace leibniz::app {

/// Writes the networks part of the tour; returns false if any computed number
/// disagrees with the answer key.
bool run_network_tour(std::ostream& out);

}  // namespace leibniz::app
