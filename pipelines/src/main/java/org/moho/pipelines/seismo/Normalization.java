package org.moho.pipelines.seismo;

/**
 * Per-record scaling. {@link Mode#PEAK} divides by the largest absolute value, so the result
 * lies in [−1, 1] with max |x| = 1 (as Valentine &amp; Trampert 2012 scaled each waveform);
 * {@link Mode#ZSCORE} subtracts the mean and divides by the (population) standard deviation.
 * A record whose samples are all equal carries no signal and is rejected rather than turned
 * into NaN.
 */
public final class Normalization {
  /** How a record is scaled. */
  public enum Mode { PEAK, ZSCORE }

  /** The reason given for a record with no variation. */
  public static final String DEAD = "dead: all samples equal";

  private Normalization() {}

  /** @throws IllegalArgumentException with {@link #DEAD} when all values are equal (or there are none) */
  public static double[] apply(double[] x, Mode mode) {
    if (x.length == 0 || allEqual(x)) throw new IllegalArgumentException(DEAD);
    double[] y = new double[x.length];
    if (mode == Mode.PEAK) {
      double peak = 0;
      for (double v : x) peak = Math.max(peak, Math.abs(v));
      for (int i = 0; i < x.length; i++) y[i] = x[i] / peak;
      return y;
    }
    double mean = 0;
    for (double v : x) mean += v;
    mean /= x.length;
    double ss = 0;
    for (double v : x) ss += (v - mean) * (v - mean);
    double sd = Math.sqrt(ss / x.length);
    for (int i = 0; i < x.length; i++) y[i] = (x[i] - mean) / sd;
    return y;
  }

  private static boolean allEqual(double[] x) {
    for (double v : x) {
      if (Double.compare(v, x[0]) != 0) return false;
    }
    return true;
  }
}
