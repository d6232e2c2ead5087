#include "leibniz/io/csv.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>

#include "leibniz/core/error.h"
#include "leibniz/io/atomic_file.h"

namespace leibniz::io {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

std::vector<std::string_view> split_cells(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  bool quoted = false;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] == '"') quoted = !quoted;
    if (i == line.size() || (line[i] == ',' && !quoted)) {
      cells.push_back(trim(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  return cells;
}

[[noreturn]] void fail(const std::string& name, std::int64_t line, std::size_t col,
                       const std::string& what) {
  throw Error(ErrorKind::Parse, fmt::format("{}, row {}, column {}: {}", name, line, col, what));
}

}  // namespace

CsvTable parse_csv(std::string_view text, const std::string& name, const CsvOptions& options) {
  CsvTable table;
  table.name = name;
  std::int64_t line_no = 0;
  bool header_pending = options.header;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (trim(line).empty()) continue;
    std::vector<std::string_view> cells = split_cells(line);
    if (header_pending) {
      header_pending = false;
      for (auto c : cells) table.header.emplace_back(c);
      continue;
    }
    if (table.rows == 0 && table.cols == 0) {
      table.cols = static_cast<std::int64_t>(cells.size());
    } else if (static_cast<std::int64_t>(cells.size()) != table.cols) {
      std::size_t col =
          std::min<std::size_t>(cells.size(), static_cast<std::size_t>(table.cols)) + 1;
      fail(name, line_no, col,
           fmt::format("the row has {} columns, expected {}", cells.size(), table.cols));
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      std::string_view cell = cells[c];
      if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
      double v = 0;
      auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
      if (cell.empty()) fail(name, line_no, c + 1, "empty cell");
      if (ec != std::errc() || ptr != cell.data() + cell.size()) {
        // Words in the first row are most likely column names.
        const bool first = table.rows == 0 && !options.header && !cell.empty() &&
                           (std::isalpha(static_cast<unsigned char>(cell[0])) != 0 ||
                            cell[0] == '_' || cell[0] == '"');
        fail(name, line_no, c + 1,
             fmt::format("'{}' is not a number{}", cells[c],
                         first ? " (if the first line names the columns, pass --header)" : ""));
      }
      if (!std::isfinite(v))
        fail(name, line_no, c + 1, fmt::format("'{}' is not a finite number", cells[c]));
      table.values.push_back(v);
    }
    table.lines.push_back(line_no);
    ++table.rows;
  }
  if (table.rows == 0) throw Error(ErrorKind::Parse, fmt::format("{}: no data rows", name));
  return table;
}

CsvTable read_csv(const std::string& path, const CsvOptions& options) {
  return parse_csv(read_file(path), path, options);
}

}  // namespace leibniz::io
