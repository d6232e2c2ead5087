// The server's parts without HTTP: the API's statuses and answers, the refusal object, the
// embedded files, and that a request thread's expressions are released after each request.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "leibniz/app/batch.h"
#include "leibniz/expr/expr.h"
#include "leibniz/serve/api.h"
#include "leibniz/serve/assets.h"

namespace leibniz::serve {
namespace {

std::vector<std::string> notes_requests() {
  std::ifstream in(LEIBNIZ_SERVE_TESTS "/notes_requests.jsonl");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

TEST(Api, AnswersAsBatchModeDoes) {
  const std::vector<std::string> lines = notes_requests();
  ASSERT_FALSE(lines.empty());
  for (const std::string& line : lines) {
    const ApiReply reply = answer_api(line);
    EXPECT_EQ(reply.status, 200) << line;
    EXPECT_EQ(reply.body, app::answer_line(line).dump()) << line;
  }
}

TEST(Api, ABodyThatIsNotJsonIs400) {
  EXPECT_EQ(answer_api("{\"op\": ").status, 400);
  EXPECT_EQ(answer_api("").status, 400);
  const ApiReply reply = answer_api("nope");
  EXPECT_EQ(reply.status, 400);
  const std::string expected =
      "{\"id\":null,\"ok\":false,\"error\":{\"kind\":\"request\",\"message\":\"the line is "
      "not valid JSON (at byte 2)\",\"pos\":null}}";
  EXPECT_EQ(reply.body, expected);
  // Read, but no request: still answered, with ok false.
  EXPECT_EQ(answer_api("[1]").status, 200);
  EXPECT_EQ(answer_api("{\"id\": 7, \"op\": \"fly\"}").status, 200);
}

TEST(Api, ARefusalIsTheAnswerObjectOfARequestError) {
  EXPECT_EQ(refusal_body("there is nothing at /x"),
            R"({"id":null,"ok":false,"error":{"kind":"request","message":"there is nothing at )"
            R"(/x","pos":null}})");
}

TEST(Assets, ThePageAndKatexAreEmbedded) {
  const Asset* page = find_asset("/");
  ASSERT_NE(page, nullptr);
  EXPECT_EQ(page, find_asset("/static/index.html"));
  EXPECT_EQ(page->cache_control, "no-cache");
  EXPECT_EQ(page->etag.size(), 18u);  // 16 hex digits in quotes
  for (const char* route :
       {"/katex/katex.min.js", "/katex/katex.min.css", "/katex/fonts/KaTeX_Main-Regular.woff2"}) {
    const Asset* asset = find_asset(route);
    ASSERT_NE(asset, nullptr) << route;
    EXPECT_FALSE(asset->body.empty());
    EXPECT_EQ(asset->cache_control, "public, max-age=86400");
  }
}

TEST(Assets, APathIsLookedUpAsItIs) {
  for (const char* path : {"/static/../static/index.html", "/static//index.html", "/static/",
                           "/static", "/katex/./katex.min.js", "", "/index.html", "/api"}) {
    EXPECT_EQ(find_asset(path), nullptr) << path;
  }
}

TEST(Assets, ContentTypes) {
  EXPECT_EQ(content_type("/static/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type("/static/app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type("/katex/katex.min.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type("/katex/fonts/KaTeX_Main-Regular.woff2"), "font/woff2");
  EXPECT_EQ(content_type("/static/presets.json"), "application/json");
  EXPECT_EQ(content_type("/static/graph.svg"), "image/svg+xml");
  EXPECT_EQ(content_type("/static/LICENSE"), "application/octet-stream");
  EXPECT_EQ(content_type("/static/v1.2/README"), "application/octet-stream");
}

// A request thread lives as long as the server: what a request interns must be released
// when it ends, or memory would grow with every request.
TEST(Memory, ARequestThreadsNodesAreBackToTheirBaselineAfterEachRound) {
  const std::vector<std::string> lines = notes_requests();
  std::thread worker([&] {
    for (const std::string& line : lines) answer_api(line);  // the thread's caches
    const std::size_t baseline = interned_node_count();
    for (int round = 0; round < 5; ++round) {
      for (const std::string& line : lines) answer_api(line);
      EXPECT_EQ(interned_node_count(), baseline) << "round " << round;
    }
  });
  worker.join();
}

}  // namespace
}  // namespace leibniz::serve
