package org.moho.models.autoencoder.fast;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * OpenBLAS SGEMM on off-heap float memory, called directly through JavaCPP: one JNI call
 * (well under a microsecond), against ~9 µs of op dispatch per {@code Nd4j.gemm}
 * (shared/bench/DL4J-PERFORMANCE.md). All matrices row-major. The thread count is OpenBLAS's,
 * set by OMP_NUM_THREADS before the JVM starts, as for ND4J.
 */
final class Sgemm {
  private Sgemm() {}

  /** C[m,n] = A[m,k] · B[n,k]ᵀ (+ beta·C). */
  static void nt(int m, int n, int k, FloatPointer a, FloatPointer b, float beta, FloatPointer c) {
    openblas_nolapack.cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1f, a, k, b, k, beta, c, n);
  }

  /** C[m,n] = A[k,m]ᵀ · B[k,n]. */
  static void tn(int m, int n, int k, FloatPointer a, FloatPointer b, FloatPointer c) {
    openblas_nolapack.cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, m, n, k, 1f, a, m, b, n, 0f, c, n);
  }

  /** C[m,n] = A[m,k] · B[k,n]. */
  static void nn(int m, int n, int k, FloatPointer a, FloatPointer b, FloatPointer c) {
    openblas_nolapack.cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1f, a, k, b, n, 0f, c, n);
  }

  /**
   * A pointer to the first element of a contiguous c-order float INDArray (e.g. a network's
   * flattened parameters), sharing its memory: writes through it change the array.
   */
  static FloatPointer of(INDArray a) {
    if (a.dataType() != org.nd4j.linalg.api.buffer.DataType.FLOAT || a.ordering() != 'c' && a.rank() > 1 && !a.isRowVector()) {
      throw new IllegalArgumentException("need a contiguous float array, got " + a.shapeInfoToString());
    }
    FloatPointer p = new FloatPointer(a.data().addressPointer());
    return a.offset() == 0 ? p : p.getPointer(a.offset());
  }

  /** A pointer {@code offset} floats past {@code base}. */
  static FloatPointer at(FloatPointer base, long offset) {
    return offset == 0 ? base : base.getPointer(offset);
  }
}
