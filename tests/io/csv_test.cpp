#include "leibniz/io/csv.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "leibniz/core/error.h"

namespace leibniz::io {
namespace {

std::string error_of(std::string_view text, bool header = false) {
  try {
    parse_csv(text, "d.csv", {header});
  } catch (const Error& e) {
    return std::string(kind_name(e.kind())) + ": " + e.what();
  }
  return "no error";
}

// The cells of each line that is not blank, with where they are: readers with cells of
// their own (a model's exact data) locate their errors with them.
TEST(Csv, LinesGiveCellsAndWhereTheyAre) {
  const std::string_view text = "a, \"b,c\"\n\n  \r\n1 ,2\n";
  const std::vector<CsvLine> lines = csv_lines(text);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].number, 1);
  ASSERT_EQ(lines[0].cells.size(), 2u);
  EXPECT_EQ(lines[0].cells[1].text, "b,c");
  EXPECT_EQ(lines[0].cells[1].offset, 4u);
  EXPECT_EQ(lines[1].number, 4);
  EXPECT_EQ(lines[1].offset, 14u);
  EXPECT_EQ(lines[1].cells[0].text, "1");
  EXPECT_EQ(lines[1].cells[1].text, "2");
  EXPECT_EQ(lines[1].cells[1].offset, 17u);
  EXPECT_TRUE(csv_lines("").empty());
}

TEST(Csv, NumbersWithAndWithoutHeader) {
  CsvTable t = parse_csv("1,2.5,-3\n4, 5e-1 ,+6\n", "d.csv");
  EXPECT_EQ(t.rows, 2);
  EXPECT_EQ(t.cols, 3);
  EXPECT_EQ(t.values, (std::vector<double>{1, 2.5, -3, 4, 0.5, 6}));
  CsvTable h = parse_csv("a,\"b\",c\r\n1,2,3\r\n\n", "d.csv", {true});
  EXPECT_EQ(h.header, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(h.rows, 1);
  EXPECT_EQ(h.lines, std::vector<std::int64_t>{2});
}

TEST(Csv, ErrorsNameFileRowAndColumn) {
  EXPECT_EQ(error_of("1,2,3\n4,5\n"),
            "parse: d.csv, row 2, column 3: the row has 2 columns, expected 3");
  EXPECT_EQ(error_of("1,2\n4,5,6\n"),
            "parse: d.csv, row 2, column 3: the row has 3 columns, expected 2");
  EXPECT_EQ(error_of("1,2\n\n4,abc\n"), "parse: d.csv, row 3, column 2: 'abc' is not a number");
  EXPECT_EQ(error_of("x,y\n1,\n", true), "parse: d.csv, row 2, column 2: empty cell");
  EXPECT_EQ(error_of("1,nan\n"), "parse: d.csv, row 1, column 2: 'nan' is not a finite number");
  EXPECT_EQ(error_of("1,2x\n"), "parse: d.csv, row 1, column 2: '2x' is not a number");
  EXPECT_EQ(error_of("a,b\n", true), "parse: d.csv: no data rows");
}

// Words in the first line are column names without --header, most likely.
TEST(Csv, AForgottenHeaderSaysHowToFixIt) {
  EXPECT_EQ(error_of("x1,x2\n1,2\n"),
            "parse: d.csv, row 1, column 1: 'x1' is not a number (if the first line names the "
            "columns, pass --header)");
  EXPECT_EQ(error_of("\"a\",b\n1,2\n"),
            "parse: d.csv, row 1, column 1: 'a' is not a number (if the first line names the "
            "columns, pass --header)");
  EXPECT_EQ(error_of("1,2\nx,y\n"), "parse: d.csv, row 2, column 1: 'x' is not a number");
}

TEST(Csv, MissingFileIsARequestError) {
  try {
    read_csv("/nonexistent/x.csv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Request);
    EXPECT_STREQ(e.what(), "cannot read '/nonexistent/x.csv': No such file or directory");
  }
}

TEST(Csv, ReadsTheSharedDigits) {
  std::string path = std::string(LEIBNIZ_SOURCE_DIR) + "/../shared/data/digits.csv";
  if (::access(path.c_str(), R_OK) != 0) GTEST_SKIP() << "no " << path;
  CsvTable t = read_csv(path);
  EXPECT_EQ(t.rows, 1797);
  EXPECT_EQ(t.cols, 65);
}

}  // namespace
}  // namespace leibniz::io
