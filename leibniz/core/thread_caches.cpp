#include "leibniz/core/thread_caches.h"

#include <flint/flint.h>
#include <mpfr.h>

namespace leibniz {
namespace {

// Each is a thread_local whose first use registers its destructor for the thread's exit.
struct FlintCaches {
  FlintCaches() = default;
  FlintCaches(const FlintCaches&) = delete;
  FlintCaches& operator=(const FlintCaches&) = delete;
  ~FlintCaches() { flint_cleanup(); }
};

struct MpfrCaches {
  MpfrCaches() = default;
  MpfrCaches(const MpfrCaches&) = delete;
  MpfrCaches& operator=(const MpfrCaches&) = delete;
  ~MpfrCaches() { mpfr_free_cache(); }
};

}  // namespace

void free_flint_caches_at_thread_exit() { thread_local FlintCaches caches; }

void free_mpfr_caches_at_thread_exit() { thread_local MpfrCaches caches; }

}  // namespace leibniz
