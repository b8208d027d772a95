package org.moho.pipelines.seismo;

/**
 * The cosine-tapered frequency-domain band-pass of Valentine &amp; Trampert (2012): with corners
 * f1 &lt; f2 &lt; f3 &lt; f4 the spectrum is multiplied by 0 below f1 and above f4, by a half-cosine
 * rising from 0 at f1 to 1 at f2 and falling from 1 at f3 to 0 at f4, and by 1 in between (the
 * shape of SAC's and ObsPy's {@code cosine_sac_taper}). It is applied to the whole trace by FFT,
 * so it has zero phase; it is circular, so taper the trace ends first (as
 * {@code seismo.preprocess} does when {@code taper} precedes it) to avoid wrap-around.
 */
public final class FrequencyBandpass {
  private FrequencyBandpass() {}

  /** The weight at {@code f} Hz. */
  public static double weight(double f, double f1, double f2, double f3, double f4) {
    if (f <= f1 || f >= f4) return 0;
    if (f < f2) return 0.5 * (1 - Math.cos(Math.PI * (f - f1) / (f2 - f1)));
    if (f <= f3) return 1;
    return 0.5 * (1 + Math.cos(Math.PI * (f - f3) / (f4 - f3)));
  }

  /** Checks 0 &le; f1 &lt; f2 &le; f3 &lt; f4. */
  public static void check(double f1, double f2, double f3, double f4) {
    if (!(f1 >= 0 && f1 < f2 && f2 <= f3 && f3 < f4)) {
      throw new IllegalArgumentException("corners must satisfy 0 <= f1 < f2 <= f3 < f4, got "
          + f1 + ", " + f2 + ", " + f3 + ", " + f4);
    }
  }

  /** The filtered trace (a new array) for samples at {@code fs} Hz. */
  public static double[] apply(double[] x, double fs, double f1, double f2, double f3, double f4) {
    check(f1, f2, f3, f4);
    int n = x.length;
    double[][] spec = RealFft.forward(x);
    for (int k = 0; k < spec[0].length; k++) {
      double w = weight(RealFft.frequency(k, n, fs), f1, f2, f3, f4);
      spec[0][k] *= w;
      spec[1][k] *= w;
    }
    return RealFft.inverse(spec[0], spec[1], n);
  }
}
