// One line of batch mode (spec §3), answered as run_batch answers it: answer_line must
// return an answer for every line (errors inside it), never throw or crash.
#include <nlohmann/json.hpp>

#include "fuzz_target.h"
#include "leibniz/app/batch.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A request's own budget is limits().seconds; keep each input short.
  leibniz::limits().seconds = 2.0;
  const auto answer = leibniz::app::answer_line(leibniz::fuzz::text(data, size));
  (void)answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const auto error = answer.find("error");
  if (error != answer.end() && (*error)["kind"] == "internal") {
    std::fprintf(stderr, "internal error: %s\n", error->dump().c_str());
    std::abort();
  }
  return 0;
}
