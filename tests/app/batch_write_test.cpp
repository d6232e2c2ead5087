// The batch's own writer against nlohmann's dump of the framed answer, byte for byte.
#include "leibniz/app/batch_write.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "leibniz/app/batch.h"
#include "leibniz/core/limits.h"

namespace leibniz::app {
namespace {

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

std::string written(const nlohmann::json& id, const Answer& body) {
  std::string out;
  append_answer_line(id, body, out);
  return out;
}

std::string dumped(const nlohmann::json& id, const Answer& body) {
  Answer framed{{"id", nullptr}};
  framed["id"] = id;
  for (const auto& [key, value] : body.items()) framed[key] = value;
  return framed.dump(-1, ' ', false, kReplace);
}

TEST(BatchWrite, WritesEveryKindOfValueAsDumpDoes) {
  const std::vector<std::string> strings = {"",
                                            "x",
                                            "2 x \\sin\\left(y\\right)",
                                            "a \"quoted\" word",
                                            "tab\there",
                                            "nl\n",
                                            "\x01\x1f",
                                            "del\x7f",
                                            "π ≤ ∞",
                                            "bad \xff\xfe utf-8",
                                            "\xe2\x82",
                                            "/slash",
                                            "{}[],:"};
  const std::vector<nlohmann::json> ids = {nullptr,
                                           3,
                                           -7,
                                           2.5,
                                           1e300,
                                           true,
                                           "d1",
                                           "é\x80",
                                           nlohmann::json::array({1, "a"}),
                                           nlohmann::json{{"b", 1}, {"a", 2}}};
  for (const nlohmann::json& id : ids) {
    for (const std::string& s : strings) {
      const Answer body = {{"ok", true}, {"result", s}, {s, s}, {"n", 0.1}, {"list", {s, 1}}};
      EXPECT_EQ(written(id, body), dumped(id, body)) << id.dump() << " " << s;
    }
  }
}

TEST(BatchWrite, WritesEveryByteAsDumpDoes) {
  for (int b = 0; b < 256; ++b) {
    const std::string s = std::string("a") + static_cast<char>(b) + "\\z";
    const Answer body = {{"ok", true}, {"result", s}};
    EXPECT_EQ(written(s, body), dumped(s, body)) << b;
  }
}

TEST(BatchWrite, AnAnswersOwnIdTakesTheFirstPlace) {
  const Answer body = {{"ok", true}, {"id", "inner"}, {"result", "x"}};
  EXPECT_EQ(written("outer", body), dumped("outer", body));
  EXPECT_EQ(written("outer", body), R"j({"id":"inner","ok":true,"result":"x"})j");
}

TEST(BatchWrite, RunBatchPrintsWhatAnswerLineDumps) {
  const std::vector<std::string> lines = {
      R"j({"id": "d1", "op": "diff", "expr": "x^2*sin(y)", "wrt": ["x"]})j",
      R"j({"id": 7, "op": "simplify", "expr": "(x+1)^2 - x^2"})j",
      R"j({"id": {"k": [1, 2]}, "op": "diff", "expr": "1/(", "wrt": ["x"]})j",
      R"j({"id": "ü\u0001", "op": "eval", "expr": "x/3", "at": {"x": 1}})j",
      R"j({"op": "nothing"})j", R"j(garbage)j",
      "{\"id\": \"\xff\", \"op\": \"diff\", \"expr\": \"x\"}",
      // Answers a plain request's result writes itself (requests.h), and those it does not:
      // a note, steps, a failure while it runs, a list of derivatives.
      R"j({"id": 8, "op": "diff", "expr": "2xy^3", "wrt": ["x"]})j",
      R"j({"id": 9, "op": "diff", "expr": "x^2", "wrt": ["x"], "steps": true})j",
      R"j({"id": 10, "op": "diff", "expr": "1/0", "wrt": ["x"]})j",
      R"j({"id": 11, "op": "grad", "expr": "x*y", "wrt": ["x", "y"]})j",
      R"j({"id": 12, "op": "diff", "expr": "sin(x)*cos(x)*exp(x)", "wrt": ["x", "x"]})j",
      R"j({"id": 13, "op": "simplify", "expr": "x/\"\\"})j"};
  auto expect_same = [](const std::string& line) {
    std::istringstream in(line + "\n");
    std::ostringstream out;
    run_batch(in, out);
    EXPECT_EQ(out.str(), answer_line(line).dump(-1, ' ', false, kReplace) + "\n") << line;
    return out.str();
  };
  for (const std::string& line : lines) expect_same(line);
  // A result too large to print fails while it is written: the line is the error alone.
  const std::size_t saved = limits().max_printed_nodes;
  limits().max_printed_nodes = 5;
  EXPECT_NE(expect_same(lines[lines.size() - 2]).find("too large to print"), std::string::npos);
  limits().max_printed_nodes = saved;
}

}  // namespace
}  // namespace leibniz::app
