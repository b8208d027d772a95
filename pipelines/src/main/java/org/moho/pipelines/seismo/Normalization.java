package org.moho.pipelines.seismo;

/**
 * Per-record scaling. {@link Mode#PEAK} divides by the largest absolute value, so the result
 * lies in [−1, 1] with max |x| = 1 (as Valentine &amp; Trampert 2012 scaled each waveform);
 * {@link Mode#ZSCORE} subtracts the mean and divides by the (population) standard deviation;
 * {@link Mode#ROBUST} subtracts the median and divides by 1.4826 × the median absolute deviation
 * (the standard deviation for Gaussian data), or by the standard deviation when more than half the
 * samples are equal (MAD = 0). Robust scaling keeps a damaged stretch (a spike, a gain error) from
 * rescaling the rest of the window, which peak scaling does: a spike ten times the peak squeezes
 * every other sample of a peak-scaled window towards 0.
 * A record whose samples are all equal carries no signal and is rejected rather than turned
 * into NaN.
 */
public final class Normalization {
  /** How a record is scaled. */
  public enum Mode { PEAK, ZSCORE, ROBUST }

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
    if (mode == Mode.ROBUST) {
      double median = median(x);
      double[] dev = new double[x.length];
      for (int i = 0; i < x.length; i++) dev[i] = Math.abs(x[i] - median);
      double scale = MAD_TO_SIGMA * median(dev);
      if (scale == 0) scale = standardDeviation(x);
      for (int i = 0; i < x.length; i++) y[i] = (x[i] - median) / scale;
      return y;
    }
    double mean = mean(x);
    double sd = standardDeviation(x);
    for (int i = 0; i < x.length; i++) y[i] = (x[i] - mean) / sd;
    return y;
  }

  /** 1 / Φ⁻¹(3/4): turns a median absolute deviation into a Gaussian standard deviation. */
  public static final double MAD_TO_SIGMA = 1.4826;

  static double median(double[] x) {
    double[] s = x.clone();
    java.util.Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double mean(double[] x) {
    double mean = 0;
    for (double v : x) mean += v;
    return mean / x.length;
  }

  private static double standardDeviation(double[] x) {
    double mean = mean(x);
    double ss = 0;
    for (double v : x) ss += (v - mean) * (v - mean);
    return Math.sqrt(ss / x.length);
  }

  private static boolean allEqual(double[] x) {
    for (double v : x) {
      if (Double.compare(v, x[0]) != 0) return false;
    }
    return true;
  }
}
