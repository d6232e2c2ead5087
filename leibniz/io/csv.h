// CSV: one row per line, cells separated by commas ("quoted" cells may hold commas),
// blank lines skipped. csv_lines gives each cell's text and where it is, for readers
// with their own cells (exact numbers of a model's data); read_csv reads a table of
// doubles, with an optional header line, and its errors name the file, the row (its
// line number in the file) and the column (1-based).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leibniz::io {

struct CsvCell {
  std::string_view text;  ///< blanks around it trimmed, quotes removed
  std::size_t offset;     ///< of its first character in the whole text
};

struct CsvLine {
  std::int64_t number;  ///< 1-based line number in the text
  std::size_t offset;   ///< of its first character in the whole text
  std::vector<CsvCell> cells;
};

/// The lines of `text` that are not blank, split into cells; views into `text`.
std::vector<CsvLine> csv_lines(std::string_view text);

struct CsvOptions {
  bool header = false;  ///< the first line names the columns
};

struct CsvTable {
  std::string name;                 ///< the file it came from, for messages
  std::vector<std::string> header;  ///< empty without a header line
  std::int64_t rows = 0;
  std::int64_t cols = 0;
  std::vector<double> values;       ///< row-major, rows * cols
  std::vector<std::int64_t> lines;  ///< the file line of each row, for messages

  double at(std::int64_t row, std::int64_t col) const {
    return values[static_cast<std::size_t>(row * cols + col)];
  }
};

/// Reads a file; Error{Request} when it cannot be read, Error{Parse} for bad content.
CsvTable read_csv(const std::string& path, const CsvOptions& options = {});
/// Parses text; `name` is used in messages.
CsvTable parse_csv(std::string_view text, const std::string& name, const CsvOptions& options = {});

}  // namespace leibniz::io
