#include "leibniz/graph/data.h"

#include <fmt/format.h>

#include "leibniz/graph/index_expand.h"
#include "leibniz/io/csv.h"

namespace leibniz::graph {
namespace {

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
  const std::vector<io::CsvLine> lines = io::csv_lines(csv.text);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const io::CsvLine& line = lines[l];
    if (l == 0) {  // the header
      for (const io::CsvCell& c : line.cells) {
        const auto id = graph.find(column_name(c.text));
        if (!id ||
            (graph.node(*id).kind != NodeKind::Input && graph.node(*id).kind != NodeKind::Target)) {
          throw csv.error(
              ErrorKind::Parse, c.offset,
              fmt::format("column '{}' is not an input or target of the model", c.text));
        }
        for (const NodeId seen : data.columns) {
          if (seen == *id) {
            throw csv.error(ErrorKind::Parse, c.offset,
                            fmt::format("column '{}' appears twice", c.text));
          }
        }
        data.columns.push_back(*id);
      }
      continue;
    }
    if (line.cells.size() != data.columns.size()) {
      throw csv.error(
          ErrorKind::Parse, line.offset,
          fmt::format("this row has {} cells; the header names {} column{}", line.cells.size(),
                      data.columns.size(), data.columns.size() == 1 ? "" : "s"));
    }
    std::vector<Number> row;
    for (const io::CsvCell& c : line.cells) {
      const auto value = read_number(csv, c.offset, c.text);
      if (!value) {
        throw csv.error(ErrorKind::Parse, c.offset, fmt::format("bad number '{}'", c.text));
      }
      row.push_back(*value);
    }
    data.rows.push_back(std::move(row));
  }
  if (data.rows.empty()) {
    throw csv.error(ErrorKind::Parse, csv.text.size(),
                    "no data rows: a header line, then one row per example");
  }
  return data;
}

DataSet read_data(const Graph& graph, const std::string& path) {
  return parse_data(graph, read_source(path));
}

}  // namespace leibniz::graph
