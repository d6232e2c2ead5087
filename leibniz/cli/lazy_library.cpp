// Loading a shared library on its first call instead of at start-up. FLINT (and NTL,
// which FLINT loads) are built with BIND_NOW, so loading them resolves about 8,000
// symbols: two thirds of what `leibniz simplify x` spent starting (issue 13), for a
// library most commands never call. The `leibniz` binary therefore links trampolines
// (cmake/lazy_library.cmake) in place of libflint: each of FLINT's functions jumps
// through a table whose entries start at its first-call entry, which calls
// leibniz_lazy_resolve below and then the function. After the first call of a function,
// its calls cost one indirect jump. Other binaries (the tests, leibniz-doors, the Python
// module, the installed library) link FLINT as usual.
#include <dlfcn.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" void* leibniz_lazy_resolve(std::size_t index, const char* soname, const char* names,
                                      const std::uint32_t* offsets, void** table) {
  const char* name = names + offsets[index];
  // dlopen of a loaded library only counts a reference; a race resolves the same address
  // twice, and the table's entry is written atomically.
  void* library = ::dlopen(soname, RTLD_LAZY);
  void* function = library != nullptr ? ::dlsym(library, name) : nullptr;
  if (function == nullptr) {
    // No Error can be thrown through the trampoline, and the call cannot go on: the
    // installation lost a library the binary was built with.
    std::fprintf(stderr, "leibniz: cannot load %s from %s: %s\n", name, soname, ::dlerror());
    std::_Exit(70);
  }
  std::atomic_ref<void*>(table[index]).store(function, std::memory_order_release);
  return function;
}
