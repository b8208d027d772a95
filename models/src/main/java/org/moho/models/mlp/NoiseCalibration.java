package org.moho.models.mlp;

/**
 * The data-noise term added to an ensemble's spread. A committee's spread measures only how much
 * its members disagree; held-out melts also carry measurement and model error that every member
 * shares (a 5-member ensemble's ±2σ covered ~35 % of held-out points). The total is
 * σ² = σ_ensemble² + s², with s fitted on the validation split (melts held out of training) as
 * the smallest s for which ±2σ covers {@code target} of the validation points (bisection: the
 * coverage grows monotonically with s).
 */
public final class NoiseCalibration {
  private NoiseCalibration() {}

  public static double fit(double[] truth, double[] mean, double[] sigmaEnsemble, double target) {
    double lo = 0, hi = 10;
    if (coverage(truth, mean, sigmaEnsemble, 0) >= target) return 0;
    for (int i = 0; i < 60; i++) {
      double mid = 0.5 * (lo + hi);
      if (coverage(truth, mean, sigmaEnsemble, mid) >= target) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** Share of points with |truth − mean| ≤ 2 sqrt(σ_ens² + s²). */
  public static double coverage(double[] truth, double[] mean, double[] sigmaEnsemble, double s) {
    int in = 0;
    for (int i = 0; i < truth.length; i++) {
      double sigma = Math.sqrt(sigmaEnsemble[i] * sigmaEnsemble[i] + s * s);
      if (Math.abs(truth[i] - mean[i]) <= 2 * sigma) in++;
    }
    return truth.length == 0 ? Double.NaN : in / (double) truth.length;
  }

  /** Mean and standard deviation over members, per row: {@code [0]} means, {@code [1]} sds. */
  public static double[][] meanAndSpread(double[][] memberRows) {
    int n = memberRows[0].length;
    double[][] out = new double[2][n];
    for (int i = 0; i < n; i++) {
      double s = 0, s2 = 0;
      for (double[] m : memberRows) s += m[i];
      double mu = s / memberRows.length;
      for (double[] m : memberRows) s2 += (m[i] - mu) * (m[i] - mu);
      out[0][i] = mu;
      out[1][i] = memberRows.length > 1 ? Math.sqrt(s2 / (memberRows.length - 1)) : 0;
    }
    return out;
  }
}
