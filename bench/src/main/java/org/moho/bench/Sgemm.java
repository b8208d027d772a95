package org.moho.bench;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * This machine's SGEMM rate (OpenBLAS, the library ND4J and the fast path call, OMP_NUM_THREADS
 * threads): a large square product as the peak, each shape the fast path calls, and the two call
 * sequences (one scoring chunk of 256 records, one training step of 128) as the ceiling of each case.
 */
final class Sgemm {
  private Sgemm() {}

  /** One call: transA, transB, m, n, k. */
  record Shape(boolean ta, boolean tb, int m, int n, int k) {
    double flop() {
      return 2.0 * m * n * k;
    }
  }

  static void run() {
    Shape big = new Shape(false, true, 1024, 1024, 1024);
    int[] w = {256, 128, 32, 128, 256};
    List<Shape> score = new java.util.ArrayList<>();
    List<Shape> train = new java.util.ArrayList<>();
    for (int l = 0; l < 4; l++) score.add(new Shape(false, true, 256, w[l + 1], w[l]));
    for (int l = 0; l < 4; l++) train.add(new Shape(false, true, 128, w[l + 1], w[l]));      // forward
    for (int l = 3; l >= 0; l--) {
      train.add(new Shape(true, false, w[l + 1], w[l], 128));                                    // dW = deltaᵀ·in
      if (l > 0) train.add(new Shape(false, false, 128, w[l], w[l + 1]));                        // dX = delta·W
    }
    report("peak-1024^3", List.of(big), 2.0);
    for (Shape s : score) report("score-chunk " + s, List.of(s), 0.3);
    report("score-chunk-sequence", score, 1.0);
    for (Shape s : train) report("train-step " + s, List.of(s), 0.3);
    report("train-step-sequence", train, 1.0);
  }

  static void report(String name, List<Shape> seq, double seconds) {
    int max = 0;
    for (Shape s : seq) max = Math.max(max, Math.max(s.m * s.k, Math.max(s.k * s.n, s.m * s.n)));
    FloatPointer a = fill(new FloatPointer(max));
    FloatPointer b = fill(new FloatPointer(max));
    FloatPointer c = fill(new FloatPointer(max));
    double flop = 0;
    for (Shape s : seq) flop += s.flop();
    long calls = 0;
    long t0 = System.nanoTime();
    long warm = t0 + (long) (0.2e9 * seconds);
    while (System.nanoTime() < warm) call(seq, a, b, c);
    t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    long now;
    do {
      call(seq, a, b, c);
      calls++;
    } while ((now = System.nanoTime()) < end);
    double gflops = flop * calls / ((now - t0) / 1e9) / 1e9;
    Json.line("sgemm", name).put("threads", SpeedBench.threads()).put("flop_per_call", flop).put("gflop_per_s", gflops).print();
  }

  private static void call(List<Shape> seq, FloatPointer a, FloatPointer b, FloatPointer c) {
    for (Shape s : seq) {
      int lda = s.ta ? s.m : s.k;
      int ldb = s.tb ? s.k : s.n;
      openblas_nolapack.cblas_sgemm(CblasRowMajor, s.ta ? CblasTrans : CblasNoTrans, s.tb ? CblasTrans : CblasNoTrans,
          s.m, s.n, s.k, 1f, a, lda, b, ldb, 0f, c, s.n);
    }
  }

  private static FloatPointer fill(FloatPointer p) {
    float[] v = new float[(int) p.capacity()];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian() * 0.1f;
    return p.put(v);
  }
}
