// The text syntax reader (spec §1): parse, then print what was read.
#include "fuzz_target.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return leibniz::fuzz::run([&] {
    const leibniz::Expr e = leibniz::parse_text(leibniz::fuzz::text(data, size));
    (void)leibniz::print_text(e);
  });
}
