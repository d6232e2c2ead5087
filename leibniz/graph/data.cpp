#include "leibniz/graph/data.h"

#include <fmt/format.h>

#include "leibniz/graph/index_expand.h"

namespace leibniz::graph {
namespace {

struct Cell {
  std::string_view text;
  std::size_t at;
};

// The cells of one line, blanks around each trimmed.
std::vector<Cell> split(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Cell> cells;
  std::size_t start = begin;
  for (std::size_t i = begin; i <= end; ++i) {
    if (i != end && text[i] != ',') continue;
    std::size_t a = start;
    std::size_t b = i;
    while (a < b && (text[a] == ' ' || text[a] == '\t')) ++a;
    while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r')) --b;
    cells.push_back(Cell{text.substr(a, b - a), a});
    start = i + 1;
  }
  return cells;
}

// "h[1]" is the element h_1.
std::string column_name(std::string_view header) {
  const std::size_t open = header.find('[');
  if (open == std::string_view::npos || header.back() != ']') return std::string(header);
  return std::string(header.substr(0, open)) + "_" +
         std::string(header.substr(open + 1, header.size() - open - 2));
}

}  // namespace

DataSet parse_data(const Graph& graph, const Source& csv) {
  DataSet data;
  data.name = csv.name;
  const std::string_view text = csv.text;
  bool header = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::size_t begin = pos;
    pos = eol + 1;
    if (text.substr(begin, eol - begin).find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;
    }
    const std::vector<Cell> cells = split(text, begin, eol);
    if (header) {
      header = false;
      for (const Cell& c : cells) {
        const auto id = graph.find(column_name(c.text));
        if (!id ||
            (graph.node(*id).kind != NodeKind::Input && graph.node(*id).kind != NodeKind::Target)) {
          throw csv.error(
              ErrorKind::Parse, c.at,
              fmt::format("column '{}' is not an input or target of the model", c.text));
        }
        for (const NodeId seen : data.columns) {
          if (seen == *id) {
            throw csv.error(ErrorKind::Parse, c.at,
                            fmt::format("column '{}' appears twice", c.text));
          }
        }
        data.columns.push_back(*id);
      }
      continue;
    }
    if (cells.size() != data.columns.size()) {
      throw csv.error(
          ErrorKind::Parse, begin,
          fmt::format("this row has {} cells; the header names {} column{}", cells.size(),
                      data.columns.size(), data.columns.size() == 1 ? "" : "s"));
    }
    std::vector<Number> row;
    for (const Cell& c : cells) {
      const auto value = parse_exact_number(c.text);
      if (!value) throw csv.error(ErrorKind::Parse, c.at, fmt::format("bad number '{}'", c.text));
      row.push_back(*value);
    }
    data.rows.push_back(std::move(row));
  }
  if (data.rows.empty()) {
    throw csv.error(ErrorKind::Parse, text.size(),
                    "no data rows: a header line, then one row per example");
  }
  return data;
}

DataSet read_data(const Graph& graph, const std::string& path) {
  return parse_data(graph, read_source(path));
}

}  // namespace leibniz::graph
