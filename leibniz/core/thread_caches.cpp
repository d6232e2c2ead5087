#include "leibniz/core/thread_caches.h"

#include <flint/flint.h>
#include <mpfr.h>

namespace leibniz {
namespace {

struct LibraryCaches {
  LibraryCaches() = default;
  LibraryCaches(const LibraryCaches&) = delete;
  LibraryCaches& operator=(const LibraryCaches&) = delete;
  ~LibraryCaches() {
    mpfr_free_cache();
    flint_cleanup();
  }
};

}  // namespace

void free_library_caches_at_thread_exit() {
  thread_local LibraryCaches caches;  // its first use registers its destructor
}

}  // namespace leibniz
