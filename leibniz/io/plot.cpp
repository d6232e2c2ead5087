#include "leibniz/io/plot.h"

#include <sstream>

#include "leibniz/core/error.h"
#include "leibniz/io/atomic_file.h"
#include "leibniz/io/run_tool.h"

namespace leibniz::io {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// gnuplot single-quoted string: a quote is doubled.
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string gnuplot_script(const std::string& terminal, const std::vector<Series>& series,
                           const std::string& title, const std::string& xlabel,
                           const std::string& ylabel) {
  std::ostringstream s;
  s.precision(10);
  // noenhanced: a title is printed as written ('val_loss', 'data_v2.csv'), where
  // enhanced text mode would read _ and ^ as sub- and superscripts.
  s << "set terminal " << terminal << " noenhanced size 800,500\n"
    << "set title " << quoted(title) << "\n"
    << "set xlabel " << quoted(xlabel) << "\n"
    << "set ylabel " << quoted(ylabel) << "\n"
    << "set grid\nset key top right\n";
  for (std::size_t k = 0; k < series.size(); ++k) {
    s << "$d" << k << " << EOD\n";
    for (std::size_t i = 0; i < series[k].y.size(); ++i)
      s << i + 1 << " " << series[k].y[i] << "\n";
    s << "EOD\n";
  }
  s << "plot ";
  for (std::size_t k = 0; k < series.size(); ++k) {
    s << (k ? ", " : "") << "$d" << k << " using 1:2 with linespoints title "
      << quoted(series[k].title);
  }
  s << "\n";
  return s.str();
}

void plot_series(const std::string& path, const std::vector<Series>& series,
                 const std::string& title, const std::string& xlabel, const std::string& ylabel) {
  std::string terminal;
  if (ends_with(path, ".png")) {
    terminal = "pngcairo";
  } else if (ends_with(path, ".svg")) {
    terminal = "svg";
  } else {
    throw Error(ErrorKind::Request,
                "cannot plot to '" + path + "': the name must end in .png or .svg");
  }
  write_file_atomic(path,
                    run_tool({"gnuplot"}, gnuplot_script(terminal, series, title, xlabel, ylabel),
                             "plotting needs gnuplot, which is not installed (apt-get "
                             "install gnuplot-nox)"));
}

}  // namespace leibniz::io
