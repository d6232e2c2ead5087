// The model-file reader (spec §4): statements and loops, the graph with its local
// derivatives, then one forward and backward pass at the file's values.
#include <memory>

#include "fuzz_target.h"
#include "leibniz/graph/backprop.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return leibniz::fuzz::run([&] {
    using namespace leibniz::graph;
    Source source{"fuzz.lz", std::string(leibniz::fuzz::text(data, size))};
    const Graph graph = build_graph(parse_model_file(std::move(source)));
    std::unique_ptr<NumericGraph> numeric;
    (void)evaluate(graph, initial_assignment(graph), nullptr, numeric);
  });
}
