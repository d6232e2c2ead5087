// FLINT and MPFR keep caches per thread (integers, primes, constants such as pi) that they
// free only when asked: a thread that used them frees them at its exit (docs/threads.md).
// One call per library: freeing FLINT's caches at exit would load FLINT (lazily loaded by
// the command line) in a process that never used it.
#pragma once

namespace leibniz {

/// Makes the calling thread free FLINT's caches (Arb's among them) when it exits. Cheap
/// after the first call on a thread.
void free_flint_caches_at_thread_exit();

/// The same for MPFR's caches.
void free_mpfr_caches_at_thread_exit();

}  // namespace leibniz
