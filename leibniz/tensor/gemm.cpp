#include "leibniz/tensor/gemm.h"

#include <cblas.h>
#include <dlfcn.h>

#include <algorithm>
#include <string>
#include <vector>

#include "leibniz/core/error.h"
#include "leibniz/tensor/cpu_clones.h"

namespace leibniz::tensor::detail {
namespace {

// OpenBLAS is loaded on the first large product, not when the program starts: its
// loading and its thread pool cost every command about 2 ms (issue 13), and only the
// tensor commands multiply matrices.
struct Blas {
  decltype(&cblas_sgemm) sgemm = nullptr;
  decltype(&cblas_dgemm) dgemm = nullptr;
};

const Blas& blas() {
  static const Blas loaded = [] {
    void* library = dlopen(LEIBNIZ_OPENBLAS_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
      throw Error(
          ErrorKind::Unsupported,
          std::string("OpenBLAS (" LEIBNIZ_OPENBLAS_LIBRARY ") could not be loaded: ") + dlerror());
    }
    Blas b;
    b.sgemm = reinterpret_cast<decltype(&cblas_sgemm)>(dlsym(library, "cblas_sgemm"));
    b.dgemm = reinterpret_cast<decltype(&cblas_dgemm)>(dlsym(library, "cblas_dgemm"));
    if (!b.sgemm || !b.dgemm) {
      throw Error(ErrorKind::Unsupported,
                  "OpenBLAS (" LEIBNIZ_OPENBLAS_LIBRARY ") has no cblas_?gemm");
    }
    return b;
  }();
  return loaded;
}

// Below this many multiply-adds the loop beats a BLAS call.
constexpr std::int64_t kSmallWork = 16 * 1024;

// C = alpha op(A) op(B) + beta C for tiny matrices. Each block of `Block` columns of op(B)
// is packed (k, Block) and zero-padded, so the innermost loop has a fixed length, keeps
// its row of C in registers and vectorises without remainder handling.
template <typename T, std::int64_t Block>
[[gnu::always_inline]] inline void small_gemm_blocked(bool trans_a, bool trans_b, std::int64_t m,
                                                      std::int64_t n, std::int64_t k, T alpha,
                                                      const T* a, std::int64_t lda, const T* b,
                                                      std::int64_t ldb, T beta, T* c,
                                                      std::int64_t ldc) {
  thread_local std::vector<T> buffer;
  buffer.resize(static_cast<std::size_t>(std::max<std::int64_t>(k, 1) * Block));
  T* __restrict packed = buffer.data();
  for (std::int64_t j0 = 0; j0 < n; j0 += Block) {
    const std::int64_t nb = std::min(Block, n - j0);
    for (std::int64_t p = 0; p < k; ++p) {
      T* row = packed + p * Block;
      for (std::int64_t j = 0; j < Block; ++j) {
        row[j] = j >= nb ? T(0) : (trans_b ? b[(j0 + j) * ldb + p] : b[p * ldb + j0 + j]);
      }
    }
    for (std::int64_t i = 0; i < m; ++i) {
      alignas(64) T acc[Block] = {};
      for (std::int64_t p = 0; p < k; ++p) {
        const T aip = trans_a ? a[p * lda + i] : a[i * lda + p];
        const T* __restrict bp = packed + p * Block;
        for (std::int64_t j = 0; j < Block; ++j) acc[j] += aip * bp[j];
      }
      T* ci = c + i * ldc + j0;
      if (beta == T(0)) {
        for (std::int64_t j = 0; j < nb; ++j) ci[j] = alpha * acc[j];
      } else {
        for (std::int64_t j = 0; j < nb; ++j) ci[j] = alpha * acc[j] + beta * ci[j];
      }
    }
  }
}

// Narrow products (a Linear layer with one or two outputs) take narrow blocks.
template <typename T>
[[gnu::always_inline]] inline void small_gemm_body(bool trans_a, bool trans_b, std::int64_t m,
                                                   std::int64_t n, std::int64_t k, T alpha,
                                                   const T* a, std::int64_t lda, const T* b,
                                                   std::int64_t ldb, T beta, T* c,
                                                   std::int64_t ldc) {
  if (n <= 4) {
    small_gemm_blocked<T, 4>(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  } else if (n <= 8) {
    small_gemm_blocked<T, 8>(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  } else {
    small_gemm_blocked<T, 16>(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  }
}

LEIBNIZ_CPU_CLONES void small_gemm(bool trans_a, bool trans_b, std::int64_t m, std::int64_t n,
                                   std::int64_t k, float alpha, const float* a, std::int64_t lda,
                                   const float* b, std::int64_t ldb, float beta, float* c,
                                   std::int64_t ldc) {
  small_gemm_body(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

LEIBNIZ_CPU_CLONES void small_gemm(bool trans_a, bool trans_b, std::int64_t m, std::int64_t n,
                                   std::int64_t k, double alpha, const double* a, std::int64_t lda,
                                   const double* b, std::int64_t ldb, double beta, double* c,
                                   std::int64_t ldc) {
  small_gemm_body(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

}  // namespace

template <>
void gemm<float>(bool trans_a, bool trans_b, std::int64_t m, std::int64_t n, std::int64_t k,
                 float alpha, const float* a, std::int64_t lda, const float* b, std::int64_t ldb,
                 float beta, float* c, std::int64_t ldc) {
  if (m == 0 || n == 0) return;
  if (m * n * k <= kSmallWork) {
    small_gemm(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    return;
  }
  blas().sgemm(
      CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans,
      static_cast<blasint>(m), static_cast<blasint>(n), static_cast<blasint>(k), alpha, a,
      static_cast<blasint>(lda), b, static_cast<blasint>(ldb), beta, c, static_cast<blasint>(ldc));
}

template <>
void gemm<double>(bool trans_a, bool trans_b, std::int64_t m, std::int64_t n, std::int64_t k,
                  double alpha, const double* a, std::int64_t lda, const double* b,
                  std::int64_t ldb, double beta, double* c, std::int64_t ldc) {
  if (m == 0 || n == 0) return;
  if (m * n * k <= kSmallWork) {
    small_gemm(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    return;
  }
  blas().dgemm(
      CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans,
      static_cast<blasint>(m), static_cast<blasint>(n), static_cast<blasint>(k), alpha, a,
      static_cast<blasint>(lda), b, static_cast<blasint>(ldb), beta, c, static_cast<blasint>(ldc));
}

}  // namespace leibniz::tensor::detail
