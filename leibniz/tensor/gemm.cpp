#include "leibniz/tensor/gemm.h"

#include <cblas.h>

#include <algorithm>
#include <vector>

namespace leibniz::tensor::detail {
namespace {

// Below this many multiply-adds the loop beats a BLAS call.
constexpr std::int64_t kSmallWork = 16 * 1024;
// Columns per block: one block of C's row lives in registers (4 SSE vectors of floats).
constexpr std::int64_t kBlock = 16;

// C = alpha op(A) op(B) + beta C for tiny matrices. Each block of 16 columns of op(B) is
// packed (k, 16) and zero-padded so the innermost loop has a fixed length and vectorises
// without remainder handling.
template <typename T>
void small_gemm(bool trans_a, bool trans_b, std::int64_t m, std::int64_t n, std::int64_t k, T alpha,
                const T* a, std::int64_t lda, const T* b, std::int64_t ldb, T beta, T* c,
                std::int64_t ldc) {
  thread_local std::vector<T> buffer;
  buffer.resize(static_cast<std::size_t>(std::max<std::int64_t>(k, 1) * kBlock));
  T* __restrict packed = buffer.data();
  for (std::int64_t j0 = 0; j0 < n; j0 += kBlock) {
    const std::int64_t nb = std::min(kBlock, n - j0);
    for (std::int64_t p = 0; p < k; ++p) {
      T* row = packed + p * kBlock;
      for (std::int64_t j = 0; j < kBlock; ++j) {
        row[j] = j >= nb ? T(0) : (trans_b ? b[(j0 + j) * ldb + p] : b[p * ldb + j0 + j]);
      }
    }
    for (std::int64_t i = 0; i < m; ++i) {
      alignas(64) T acc[kBlock] = {};
      for (std::int64_t p = 0; p < k; ++p) {
        const T aip = trans_a ? a[p * lda + i] : a[i * lda + p];
        const T* __restrict bp = packed + p * kBlock;
        for (std::int64_t j = 0; j < kBlock; ++j) acc[j] += aip * bp[j];
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
  cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans,
              trans_b ? CblasTrans : CblasNoTrans, static_cast<blasint>(m), static_cast<blasint>(n),
              static_cast<blasint>(k), alpha, a, static_cast<blasint>(lda), b,
              static_cast<blasint>(ldb), beta, c, static_cast<blasint>(ldc));
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
  cblas_dgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans,
              trans_b ? CblasTrans : CblasNoTrans, static_cast<blasint>(m), static_cast<blasint>(n),
              static_cast<blasint>(k), alpha, a, static_cast<blasint>(lda), b,
              static_cast<blasint>(ldb), beta, c, static_cast<blasint>(ldc));
}

}  // namespace leibniz::tensor::detail
