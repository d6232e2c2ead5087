#include "leibniz/io/plot.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "leibniz/core/error.h"
#include "leibniz/io/atomic_file.h"

namespace leibniz::io {
namespace {

TEST(Plot, ScriptHoldsTheDataInline) {
  std::string s = gnuplot_script("svg", {{"train", {0.5, 0.25}}}, "t", "epoch", "loss");
  EXPECT_NE(s.find("set terminal svg noenhanced size 800,500\n"), std::string::npos);
  EXPECT_EQ(s.find("set output"), std::string::npos);  // to standard output
  EXPECT_NE(s.find("$d0 << EOD\n1 0.5\n2 0.25\nEOD\n"), std::string::npos);
  EXPECT_NE(s.find("plot $d0 using 1:2 with linespoints title 'train'\n"), std::string::npos);
  EXPECT_NE(gnuplot_script("pngcairo", {{"it's", {1}}}, "", "", "").find("title 'it''s'"),
            std::string::npos);
}

TEST(Plot, OtherExtensionsAreRejected) {
  try {
    plot_series("curves.jpg", {}, "", "", "");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "cannot plot to 'curves.jpg': the name must end in .png or .svg");
  }
}

// Enhanced text mode would print val_loss as val with a subscript l.
TEST(Plot, TitlesKeepTheirUnderscores) {
  if (::system("command -v gnuplot >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "gnuplot is not installed";
  std::string path = (std::filesystem::temp_directory_path() /
                      ("leibniz_plot_titles_" + std::to_string(::getpid()) + ".svg"))
                         .string();
  plot_series(path, {{"val_loss", {1, 0.5}}}, "leibniz train: data_v2.csv", "epoch", "loss");
  std::string svg = read_file(path);
  std::filesystem::remove(path);
  EXPECT_NE(svg.find("data_v2.csv"), std::string::npos);
  EXPECT_NE(svg.find("val_loss"), std::string::npos);
}

TEST(Plot, DrawsSvgThroughGnuplot) {
  if (::system("command -v gnuplot >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "gnuplot is not installed";
  std::string path = (std::filesystem::temp_directory_path() /
                      ("leibniz_plot_" + std::to_string(::getpid()) + ".svg"))
                         .string();
  plot_series(path, {{"train", {1, 0.5, 0.2}}, {"val", {1.1, 0.6, 0.4}}}, "loss", "epoch", "loss");
  std::string svg = read_file(path);
  std::filesystem::remove(path);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace leibniz::io
