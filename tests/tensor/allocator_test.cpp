#include "leibniz/tensor/allocator.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

namespace leibniz::tensor {
namespace {

TEST(Allocator, BuffersAreAlignedAndWritable) {
  for (std::size_t bytes : {1u, 63u, 64u, 1000u, 1u << 20}) {
    void* p = buffer_alloc(bytes);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % 64, 0u) << bytes;
    std::memset(p, 0xab, bytes);
    buffer_free(p, bytes);
  }
}

TEST(Allocator, LiveBuffersNeverOverlap) {
  void* a = buffer_alloc(256);
  void* b = buffer_alloc(256);
  EXPECT_NE(a, b);
  std::memset(a, 1, 256);
  std::memset(b, 2, 256);
  EXPECT_EQ(static_cast<unsigned char*>(a)[255], 1);
  buffer_free(a, 256);
  buffer_free(b, 256);
  buffer_free(nullptr, 0);
}

}  // namespace
}  // namespace leibniz::tensor
