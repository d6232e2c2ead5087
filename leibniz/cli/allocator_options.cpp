// mimalloc's options for `leibniz` (linked with it: CMakeLists.txt), set before the
// commands allocate: large OS pages (2 MiB, where the kernel's transparent huge pages
// grant them), committed as they are first touched. A model of a million steps builds
// about 260 MB of graph and tape; with 4 KiB pages the kernel's page faults took a third
// of `backprop`'s time, with large ones its time fell by a third and its memory stayed
// under 300 bytes a node (bench/results/scaling.md, "Large pages").
#include <mimalloc.h>

namespace {

const bool kAllocatorOptionsSet = [] {
  mi_option_enable(mi_option_large_os_pages);
  mi_option_disable(mi_option_eager_commit);
  return true;
}();

}  // namespace
