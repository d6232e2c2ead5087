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

TEST(BatchRead, EveryByteOfAStringIsPlainOrLeftToTheParser) {
  for (int b = 0; b < 256; ++b) {
    const std::string line = std::string(R"j({"expr": "a)j") + static_cast<char>(b) + "z\"}";
    const bool plain = b >= 0x20 && b <= 0x7e && b != '"' && b != '\\';
    const auto read = read_plain_request(line);
    ASSERT_EQ(read.has_value(), plain) << b;
    if (plain) {
      EXPECT_EQ(*read, nlohmann::json::parse(line)) << b;
    }
  }
  EXPECT_FALSE(read_plain_request(R"j({"expr": "abc)j").has_value());
}

}  // namespace
}  // namespace leibniz::app
