package org.moho.pipelines.seismo;

/**
 * Removal of the mean and of the least-squares straight line, as
 * {@code scipy.signal.detrend(x, type='constant' | 'linear')}. Both return new arrays and are
 * idempotent (applying twice changes nothing beyond rounding).
 */
public final class Detrend {
  private Detrend() {}

  public static double[] demean(double[] x) {
    double mean = 0;
    for (double v : x) mean += v;
    mean /= x.length;
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) y[i] = x[i] - mean;
    return y;
  }

  /** Subtracts the least-squares line through (i, x[i]); a single sample becomes 0. */
  public static double[] linear(double[] x) {
    int n = x.length;
    if (n < 2) return demean(x);
    // Centred abscissa t = i - (n-1)/2 makes the slope and intercept independent.
    double centre = (n - 1) / 2.0;
    double sumX = 0;
    double sumTx = 0;
    double sumTt = 0;
    for (int i = 0; i < n; i++) {
      double t = i - centre;
      sumX += x[i];
      sumTx += t * x[i];
      sumTt += t * t;
    }
    double mean = sumX / n;
    double slope = sumTx / sumTt;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) y[i] = x[i] - mean - slope * (i - centre);
    return y;
  }
}
