// FLINT and MPFR keep caches per thread (integers, primes, constants such as pi) that they
// free only when asked: a thread that used them frees them at its exit (docs/threads.md).
#pragma once

namespace leibniz {

/// Makes the calling thread free FLINT's and MPFR's caches when it exits. Cheap after the
/// first call on a thread.
void free_library_caches_at_thread_exit();

}  // namespace leibniz
