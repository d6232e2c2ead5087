// Line plots (loss curves) drawn by gnuplot, to PNG or SVG by the file's extension.
#pragma once

#include <string>
#include <vector>

namespace leibniz::io {

struct Series {
  std::string title;
  std::vector<double> y;  ///< y[i] is plotted at x = i + 1
};

/// Writes the plot to `path` (.png or .svg) atomically. Error{Request} for another
/// extension, Error{Unsupported} when gnuplot is not installed or fails (run_tool.h).
void plot_series(const std::string& path, const std::vector<Series>& series,
                 const std::string& title, const std::string& xlabel, const std::string& ylabel);

/// The gnuplot script plot_series runs (data inline; the picture goes to standard
/// output), for tests and for users who want it.
std::string gnuplot_script(const std::string& terminal, const std::vector<Series>& series,
                           const std::string& title, const std::string& xlabel,
                           const std::string& ylabel);

}  // namespace leibniz::io
