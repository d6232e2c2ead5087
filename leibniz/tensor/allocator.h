// Tensor buffers: 64-byte aligned, recycled through a per-thread cache of power-of-two
// size classes so that the many small tensors of a training step cost no malloc.
#pragma once

#include <cstddef>

namespace leibniz::tensor {

/// A buffer of at least `bytes` bytes, aligned to 64; give it back with buffer_free(p, bytes).
void* buffer_alloc(std::size_t bytes);
void buffer_free(void* data, std::size_t bytes);

}  // namespace leibniz::tensor
