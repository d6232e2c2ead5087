// Internal: C = alpha * op(A) op(B) + beta * C for row-major matrices, through OpenBLAS
// (cblas_sgemm/dgemm), with a plain loop for tiny products where a BLAS call's fixed
// cost would dominate.
#pragma once

#include <cstdint>

namespace leibniz::tensor::detail {

/// op(A) is (m, k), op(B) is (k, n), C is (m, n); all row-major with leading dimensions.
template <typename T>
void gemm(bool trans_a, bool trans_b, std::int64_t m, std::int64_t n, std::int64_t k, T alpha,
          const T* a, std::int64_t lda, const T* b, std::int64_t ldb, T beta, T* c,
          std::int64_t ldc);

}  // namespace leibniz::tensor::detail
