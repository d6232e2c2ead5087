// StackMemory: a buffer on the stack for the short working lists of a hot function
// (std::pmr containers take `&memory`); what does not fit spills to the heap.
//
//   StackMemory<1024> scratch;  std::pmr::vector<Expr> terms(&scratch.memory);
#pragma once

#include <cstddef>
#include <memory_resource>

namespace leibniz {

template <std::size_t Bytes>
struct StackMemory {
  alignas(std::max_align_t) std::byte buffer[Bytes];
  std::pmr::monotonic_buffer_resource memory{buffer, Bytes};
};

}  // namespace leibniz
