package org.moho.pipelines.qc;

import java.util.Arrays;

/**
 * Robust location and scale. Written out rather than taken from commons-math3 because the
 * metrics need the median of several derived arrays per window and the MAD scale factor spelled
 * out; both are a sort and an index.
 */
final class Robust {
  /** 1/Φ⁻¹(3/4): makes the MAD a consistent estimate of σ for Gaussian data. */
  static final double MAD_TO_SIGMA = 1.4826;

  private Robust() {}

  /** The median (mean of the two middle values for an even count). */
  static double median(double[] x) {
    if (x.length == 0) throw new IllegalArgumentException("median of nothing");
    double[] s = x.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
  }

  /** Median absolute deviation from the median, times {@link #MAD_TO_SIGMA}. */
  static double madSigma(double[] x) {
    double med = median(x);
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) d[i] = Math.abs(x[i] - med);
    return MAD_TO_SIGMA * median(d);
  }
}
