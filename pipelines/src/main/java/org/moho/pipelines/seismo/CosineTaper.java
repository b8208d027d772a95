package org.moho.pipelines.seismo;

/**
 * A cosine (Tukey) taper: the first and last {@code fraction} of the trace rise from 0 to 1 and
 * fall back along half a cosine period, the rest is untouched. The weights equal
 * {@code scipy.signal.windows.tukey(n, alpha=2·fraction)}, so {@code fraction = 0.05} tapers 5 %
 * at each end (ObsPy's {@code taper(max_percentage=0.05)} convention). The window is symmetric:
 * {@code w[i] == w[n-1-i]}.
 */
public final class CosineTaper {
  private CosineTaper() {}

  /** The weights for {@code n} samples; {@code fraction} in [0, 0.5]. */
  public static double[] weights(int n, double fraction) {
    if (!(fraction >= 0 && fraction <= 0.5)) {
      throw new IllegalArgumentException("taper fraction must be in [0, 0.5], got " + fraction);
    }
    double[] w = new double[n];
    if (n == 1 || fraction == 0) {
      java.util.Arrays.fill(w, 1);
      return w;
    }
    double alpha = 2 * fraction;
    int width = (int) Math.floor(alpha * (n - 1) / 2.0);
    java.util.Arrays.fill(w, 1);
    // Rising half-cosine, mirrored onto the end so that the taper is exactly symmetric.
    for (int i = 0; i <= width; i++) {
      w[i] = 0.5 * (1 + Math.cos(Math.PI * (-1 + 2.0 * i / alpha / (n - 1))));
      w[n - 1 - i] = w[i];
    }
    return w;
  }

  public static double[] apply(double[] x, double fraction) {
    double[] w = weights(x.length, fraction);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) y[i] = x[i] * w[i];
    return y;
  }
}
