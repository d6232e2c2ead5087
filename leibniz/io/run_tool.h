// Running an external program (Graphviz's dot, gnuplot), the one way leibniz does: its
// input on a pipe, its output read back, so that no file exists until the result is
// complete; within the time limit; killed if a signal ends leibniz.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leibniz::io {

/// Runs `command` (command[0] looked up in PATH) with `input` on its standard input
/// and returns what it prints on standard output (its standard error is discarded).
/// Throws Error{Unsupported} `missing` when the program is not installed, and
/// Error{Unsupported} "'dot -Tpng' failed (exit status 1)" when it fails. Checks the
/// time limit while it runs: past it the program is killed and Error{Limit} propagates.
std::string run_tool(const std::vector<std::string>& command, std::string_view input,
                     const std::string& missing);

}  // namespace leibniz::io
