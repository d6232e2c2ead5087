// CSV data for a model: columns named after inputs and targets, errors located.
#include "leibniz/graph/data.h"

#include <gtest/gtest.h>

#include "fixture.h"

namespace leibniz::graph {
namespace {

const char* kModel =
    "param w = 1\ninput x = 1\ninput h[1] = 0\ntarget y = 0\nloss L = (w*x + h_1 - y)^2\n";

std::string error(const std::string& csv) {
  const Graph g = testing::model(kModel);
  return testing::error_of([&] { parse_data(g, Source{"d.csv", csv}); });
}

TEST(Data, ColumnsAndExactRows) {
  const Graph g = testing::model(kModel);
  const DataSet d = parse_data(g, Source{"d.csv", "x, h[1], y\n0.5, 1, 2\n\n3,4,5\n"});
  ASSERT_EQ(d.columns.size(), 3u);
  EXPECT_EQ(g.node(d.columns[1]).name, "h_1");
  ASSERT_EQ(d.rows.size(), 2u);
  EXPECT_EQ(d.rows[0][0].to_string(), "1/2");
}

TEST(Data, Errors) {
  EXPECT_EQ(error("x,z\n1,2\n"),
            "parse: d.csv:1:3: column 'z' is not an input or target of the model");
  EXPECT_EQ(error("x,w\n1,2\n"),
            "parse: d.csv:1:3: column 'w' is not an input or target of the model");
  EXPECT_EQ(error("x,x\n1,2\n"), "parse: d.csv:1:3: column 'x' appears twice");
  EXPECT_EQ(error("x\n1,2\n"), "parse: d.csv:2:1: this row has 2 cells; the header names 1 column");
  EXPECT_EQ(error("x,y\n1,abc\n"), "parse: d.csv:2:3: bad number 'abc'");
  EXPECT_EQ(error("x,y\n"),
            "parse: d.csv:2:1: no data rows: a header line, then one row per example");
}

}  // namespace
}  // namespace leibniz::graph
