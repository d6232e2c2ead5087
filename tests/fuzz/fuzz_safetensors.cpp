// The safetensors reader: header, dtypes, shapes, byte ranges, then every value read.
#include "fuzz_target.h"
#include "leibniz/nn/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return leibniz::fuzz::run([&] {
    const auto file = leibniz::nn::decode_safetensors(leibniz::fuzz::text(data, size), "fuzz");
    for (const auto& [name, t] : file.tensors) (void)t.to_vector();
  });
}
