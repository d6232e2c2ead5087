#include "leibniz/io/csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "leibniz/core/error.h"
#include "leibniz/io/atomic_file.h"

namespace leibniz::io {
namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The cell line[begin, end), trimmed and unquoted.
CsvCell cell_of(std::string_view line, std::size_t line_offset, std::size_t begin,
                std::size_t end) {
  while (begin < end && blank(line[begin])) ++begin;
  while (end > begin && blank(line[end - 1])) --end;
  if (end - begin >= 2 && line[begin] == '"' && line[end - 1] == '"') ++begin, --end;
  return CsvCell{line.substr(begin, end - begin), line_offset + begin};
}

[[noreturn]] void fail_at_cell(const std::string& name, std::int64_t line, std::size_t col,
                               const std::string& what) {
  throw Error(ErrorKind::Parse, fmt::format("{}, row {}, column {}: {}", name, line, col, what));
}

}  // namespace

std::vector<CsvLine> csv_lines(std::string_view text) {
  std::vector<CsvLine> lines;
  std::int64_t number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    const std::size_t offset = pos;
    pos = end + 1;
    ++number;
    if (std::all_of(line.begin(), line.end(), blank)) continue;
    CsvLine out{number, offset, {}};
    std::size_t start = 0;
    bool quoted = false;
    for (std::size_t i = 0; i <= line.size(); ++i) {
      if (i < line.size() && line[i] == '"') quoted = !quoted;
      if (i == line.size() || (line[i] == ',' && !quoted)) {
        out.cells.push_back(cell_of(line, offset, start, i));
        start = i + 1;
      }
    }
    lines.push_back(std::move(out));
  }
  return lines;
}

CsvTable parse_csv(std::string_view text, const std::string& name, const CsvOptions& options) {
  CsvTable table;
  table.name = name;
  bool header_pending = options.header;
  for (const CsvLine& line : csv_lines(text)) {
    const std::int64_t line_no = line.number;
    std::vector<std::string_view> cells;
    for (const CsvCell& c : line.cells) cells.push_back(c.text);
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
      fail_at_cell(name, line_no, col,
                   fmt::format("the row has {} columns, expected {}", cells.size(), table.cols));
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      std::string_view cell = cells[c];
      if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
      double v = 0;
      auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
      if (cell.empty()) fail_at_cell(name, line_no, c + 1, "empty cell");
      if (ec != std::errc() || ptr != cell.data() + cell.size()) {
        // Words in the first row are most likely column names.
        const bool first = table.rows == 0 && !options.header && !cell.empty() &&
                           (std::isalpha(static_cast<unsigned char>(cell[0])) != 0 ||
                            cell[0] == '_' || cell[0] == '"');
        fail_at_cell(
            name, line_no, c + 1,
            fmt::format("'{}' is not a number{}", cells[c],
                        first ? " (if the first line names the columns, pass --header)" : ""));
      }
      if (!std::isfinite(v))
        fail_at_cell(name, line_no, c + 1, fmt::format("'{}' is not a finite number", cells[c]));
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
