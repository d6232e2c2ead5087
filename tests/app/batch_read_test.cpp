// The plain request reader against nlohmann's parse: the same value, or no value.
#include "leibniz/app/batch_read.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "leibniz/app/requests.h"

namespace leibniz::app {
namespace {

// The members as the object the parser builds.
nlohmann::json as_object(const PlainRequest& plain) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [name, value] : plain.members) object[std::string(name)] = *value;
  return object;
}

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
    EXPECT_EQ(as_object(*plain), nlohmann::json::parse(line)) << line;
    EXPECT_TRUE(read_request_line(line).plain.has_value()) << line;
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
      EXPECT_EQ(as_object(*read), nlohmann::json::parse(line)) << b;
    }
  }
  EXPECT_FALSE(read_plain_request(R"j({"expr": "abc)j").has_value());
}

// The fast path against the general one: a plain line's answer from its members is the
// answer to the object the parser reads, for every kind of request and of mistake.
TEST(BatchRead, PlainLinesAnswerAsTheParsedObject) {
  const std::vector<std::string> exprs = {"x^2*sin(y)",  "(2*x + 1)/(x^2 + 1)",
                                          "atan(2*x)*x", "x^2 +",
                                          "{x}^{2}",     "f(x)",
                                          "sin(x)/x",    "",
                                          "x__y",        "1/0",
                                          "log(x)",      "e^x^2"};
  const std::vector<std::string> rests = {
      R"j("op": "diff", "wrt": ["x"])j",
      R"j("op": "diff", "wrt": "x")j",
      R"j("op": "diff", "wrt": ["x", "y", "x"])j",
      R"j("op": "diff", "wrt": [])j",
      R"j("op": "diff")j",
      R"j("op": "diff", "wrt": ["y"], "functions": ["f"])j",
      R"j("op": "diff", "wrt": ["x"], "syntax": "latex")j",
      R"j("op": "diff", "wrt": ["x"], "syntax": "bogus")j",
      R"j("op": "diff", "wrt": ["x"], "steps": "true")j",
      R"j("op": "simplify", "op": "diff", "wrt": ["x"])j",
      R"j("op": "integrate", "wrt": "x", "from": "0", "to": "1")j",
      R"j("op": "simplify", "functions": "f")j",
      R"j("op": "eval", "at": "x")j",
      R"j("op": "limit", "var": "x", "at": "0")j",
      R"j("op": "frobnicate")j",
      R"j("op": "backprop")j",
      R"j("wrt": ["x"])j",
      R"j("op": ["diff"], "wrt": ["x"])j",
  };
  for (const std::string& expr : exprs) {
    for (const std::string& rest : rests) {
      const std::string line = R"j({"id": "7", "expr": ")j" + expr + "\", " + rest + "}";
      const auto plain = read_plain_request(line);
      ASSERT_TRUE(plain.has_value()) << line;
      const nlohmann::json parsed = nlohmann::json::parse(line);
      EXPECT_EQ(answer_members(plain->members), app::answer(parsed)) << line;
    }
  }
}

}  // namespace
}  // namespace leibniz::app
