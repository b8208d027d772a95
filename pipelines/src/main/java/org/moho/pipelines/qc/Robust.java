package org.moho.pipelines.qc;

import java.util.Arrays;

/**
 * Robust location and scale: the median and the MAD of several derived arrays per window.
 *
 * <p>The median is found by selection (quickselect), not by sorting: sorting was 40 % of a
 * seismogram QC run's worker time (`seismo.metrics` takes ~8 medians of 512 values per window;
 * BENCHMARKS.md, "Seismogram QC"). It returns exactly what sorting and indexing returned, down to
 * the sign of a zero, so every metric keeps its value. Written out because the libraries that
 * select differ there: Guava's {@code Quantiles} and commons-math3's {@code Median} interpolate the
 * even case as lower + (upper − lower)/2, which can differ in the last bit from the mean of the two
 * middle values that the metrics were defined and evaluated with.
 */
final class Robust {
  /** 1/Φ⁻¹(3/4): makes the MAD a consistent estimate of σ for Gaussian data. */
  static final double MAD_TO_SIGMA = 1.4826;

  private Robust() {}

  /** The median (mean of the two middle values for an even count); x must hold no NaN. */
  static double median(double[] x) {
    if (x.length == 0) throw new IllegalArgumentException("median of nothing");
    double[] s = x.clone();
    // Arrays.sort orders -0.0 before 0.0; selection compares with <, which does not. Zeros are
    // selected as 0.0 and given back the sign sorting would have put at that rank.
    int negativeZeros = 0;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == 0 && Double.doubleToRawLongBits(s[i]) != 0) {
        s[i] = 0.0;
        negativeZeros++;
      }
    }
    int m = s.length / 2;
    select(s, m);
    double upper = signedZero(s, m, s[m], negativeZeros);
    if (s.length % 2 == 1) return upper;
    double lower = s[0];
    for (int i = 1; i < m; i++) if (s[i] > lower) lower = s[i];
    return 0.5 * (signedZero(s, m - 1, lower, negativeZeros) + upper);
  }

  /** Median absolute deviation from the median, times {@link #MAD_TO_SIGMA}. */
  static double madSigma(double[] x) {
    double med = median(x);
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) d[i] = Math.abs(x[i] - med);
    return MAD_TO_SIGMA * median(d);
  }

  /**
   * Reorders {@code a} so that a[k] is the value sorting would put there, with nothing greater
   * before it and nothing smaller after it. Hoare partitions around a median of three; after
   * 2·log2(n) + 8 rounds (adversarial input) it sorts what is left instead.
   */
  static void select(double[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
    int rounds = 2 * (32 - Integer.numberOfLeadingZeros(a.length)) + 8;
    while (hi > lo) {
      if (rounds-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        return;
      }
      double pivot = medianOf3(a[lo], a[(lo + hi) >>> 1], a[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) {
          double t = a[i];
          a[i++] = a[j];
          a[j--] = t;
        }
      }
      // a[lo..j] <= pivot, a[j+1..i-1] == pivot, a[i..hi] >= pivot
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return;
    }
  }

  private static double medianOf3(double a, double b, double c) {
    return a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
  }

  /** {@code v}, the value at sorted rank {@code rank} of s (whose -0.0s were made 0.0), with sorting's sign if it is a zero. */
  private static double signedZero(double[] s, int rank, double v, int negativeZeros) {
    if (v != 0 || negativeZeros == 0) return v;
    int below = 0;
    for (double e : s) if (e < 0) below++;
    return rank - below < negativeZeros ? -0.0 : 0.0;
  }
}
