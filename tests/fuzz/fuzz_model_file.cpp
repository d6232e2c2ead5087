// The model-file reader (spec §4): statements and loops, then the graph with its local
// derivatives.
#include "fuzz_target.h"
#include "leibniz/graph/graph.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return leibniz::fuzz::run([&] {
    leibniz::graph::Source source{"fuzz.lz", std::string(leibniz::fuzz::text(data, size))};
    (void)leibniz::graph::build_graph(leibniz::graph::parse_model_file(std::move(source)));
  });
}
