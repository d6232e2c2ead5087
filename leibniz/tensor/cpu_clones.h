// LEIBNIZ_CPU_CLONES: a function compiled twice, for AVX2 with FMA and for the baseline;
// the loader picks one per CPU through an ifunc resolver. ThreadSanitizer's runtime is not
// up yet when the loader runs resolvers (the instrumented resolver crashes the program at
// start), so a TSan build keeps the baseline only.
#pragma once

#if defined(__SANITIZE_THREAD__)
#define LEIBNIZ_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define LEIBNIZ_THREAD_SANITIZER 1
#endif
#endif

#if defined(LEIBNIZ_THREAD_SANITIZER)
#define LEIBNIZ_CPU_CLONES
#else
#define LEIBNIZ_CPU_CLONES [[gnu::target_clones("arch=x86-64-v3", "default")]]
#endif
