// The plain request reader against nlohmann's parse: the same value, or no value.
#include "leibniz/app/batch_read.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace leibniz::app {
namespace {

TEST(BatchRead, PlainRequestsReadAsTheParserReadsThem) {
  const std::vector<std::string> lines = {
      R"j({"id": "0", "op": "diff", "expr": "x^2*sin(y)", "wrt": ["x"]})j",
      R"j({"id":"1","op":"diff","expr":"x","wrt":["x","y"]})j",
      " \t{ \"a\" : [ ] , \"b\" : \"\" }\r\n ",
      R"j({})j",
      R"j({ })j",
      R"j({"id": "1", "id": "2"})j",
      R"j({"wrt": ["x"], "wrt": "y"})j",
      R"j({"expr": "{}[],:"})j",
  };
  for (const std::string& line : lines) {
    const auto plain = read_plain_request(line);
    ASSERT_TRUE(plain.has_value()) << line;
    EXPECT_EQ(*plain, nlohmann::json::parse(line)) << line;
    EXPECT_EQ(read_request_line(line).request, *plain) << line;
  }
}

TEST(BatchRead, AnythingElseGoesToTheParser) {
  const std::vector<std::string> lines = {
      R"j({"id": 3, "op": "diff"})j",
      R"j({"id": null})j",
      R"j({"ok": true})j",
      R"j({"expr": "a\"b"})j",
      R"j({"expr": "a\u0041"})j",
      "{\"expr\": \"\xcf\x80\"}",
      "{\"expr\": \"tab\there\"}",
      "{\"expr\": \"del\x7f\"}",
      R"j({"wrt": [["x"]]})j",
      R"j({"wrt": ["x", 1]})j",
      R"j({"id": "1"} x)j",
      R"j({"id": "1",})j",
      R"j({"id" "1"})j",
      R"j({"id": "1")j",
      R"j(["x"])j",
      R"j("x")j",
      "",
      R"j({"wrt": ["x",]})j",
      R"j({"wrt": [,"x"]})j",
  };
  for (const std::string& line : lines) {
    EXPECT_FALSE(read_plain_request(line).has_value()) << line;
  }
}

}  // namespace
}  // namespace leibniz::app
