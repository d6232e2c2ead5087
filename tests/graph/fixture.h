// Shared by the graph tests: models from text, and exact error assertions.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "leibniz/graph/graph.h"

namespace leibniz::graph::testing {

// Read as the doors read it: the equations' texts read again while the graph is built.
inline Graph model(const std::string& text, BuildOptions options = {}) {
  return build_graph(parse_model_file(Source{"m.lz", text}, Texts::Dropped), options);
}

inline std::string examples(const std::string& file) {
  return std::string(LEIBNIZ_EXAMPLES) + "/" + file;
}

/// The error `body` throws: kind and message (with its file:line:column), or "no error".
template <class F>
std::string error_of(F body) {
  try {
    body();
  } catch (const Error& e) {
    return std::string(kind_name(e.kind())) + ": " + e.what();
  }
  return "no error";
}

}  // namespace leibniz::graph::testing

#define EXPECT_MODEL_ERROR(text, expected)                                                        \
  EXPECT_EQ(::leibniz::graph::testing::error_of([&] { ::leibniz::graph::testing::model(text); }), \
            expected)
