#include "leibniz/tensor/allocator.h"

#include <array>
#include <bit>
#include <cstdlib>
#include <new>
#include <vector>

namespace leibniz::tensor {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kCache = false;  // let AddressSanitizer see every use after free
#else
constexpr bool kCache = true;
#endif

constexpr std::size_t kMinClass = 6;   // 64 bytes
constexpr std::size_t kMaxClass = 27;  // 128 MiB: larger buffers go straight to the system
constexpr std::size_t kMaxCachedBytes = std::size_t{256} << 20;

std::size_t size_class(std::size_t bytes) {
  std::size_t c = std::bit_width(bytes <= 1 ? std::size_t{1} : bytes - 1);
  return c < kMinClass ? kMinClass : c;
}

void* system_alloc(std::size_t bytes) {
  void* p = std::aligned_alloc(64, bytes);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

struct Cache {
  std::array<std::vector<void*>, kMaxClass + 1> free_lists;
  std::size_t cached_bytes = 0;
  ~Cache() {
    for (auto& list : free_lists)
      for (void* p : list) std::free(p);
  }
};

Cache& cache() {
  thread_local Cache c;
  return c;
}

}  // namespace

void* buffer_alloc(std::size_t bytes) {
  std::size_t c = size_class(bytes);
  if (!kCache || c > kMaxClass) return system_alloc(std::size_t{1} << c);
  auto& list = cache().free_lists[c];
  if (list.empty()) return system_alloc(std::size_t{1} << c);
  void* p = list.back();
  list.pop_back();
  cache().cached_bytes -= std::size_t{1} << c;
  return p;
}

void buffer_free(void* data, std::size_t bytes) {
  if (data == nullptr) return;
  std::size_t c = size_class(bytes);
  Cache& k = cache();
  if (!kCache || c > kMaxClass || k.cached_bytes + (std::size_t{1} << c) > kMaxCachedBytes) {
    std::free(data);
    return;
  }
  k.free_lists[c].push_back(data);
  k.cached_bytes += std::size_t{1} << c;
}

}  // namespace leibniz::tensor
