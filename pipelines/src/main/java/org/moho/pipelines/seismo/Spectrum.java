package org.moho.pipelines.seismo;

import java.io.Serializable;

/**
 * Binned amplitude or power spectra of a real trace, computed with JTransforms' real FFT.
 *
 * <p>Scaling: the one-sided amplitude spectrum is {@code 2|X[k]|/n} (and {@code |X[k]|/n} at 0 Hz
 * and, for even n, at Nyquist), so a sine of amplitude A whose frequency falls on a bin shows
 * A there; the power spectrum is its square. No window is applied: taper the trace first if
 * leakage matters. Each output bin is the mean of the (optionally smoothed) spectrum over the FFT
 * frequencies inside it ({@code lo <= f < hi}, the last bin also includes its upper edge); a bin
 * too narrow to hold any FFT frequency takes the spectrum linearly interpolated at its centre.
 * Valentine &amp; Woodhouse (2010) used 15 such bins of spectral power, normalised to sum 1.
 */
public final class Spectrum {
  /** What is binned. */
  public enum Kind { AMPLITUDE, POWER }

  /** How the bin edges are spaced between the band's ends. */
  public enum Spacing { LINEAR, LOG }

  /**
   * @param smoothing length (odd, ≥ 1; 1 = none) of the running mean over adjacent FFT frequencies
   *     applied before binning
   * @param normalize scale the bins to sum 1
   */
  public record Settings(Kind kind, double fmin, double fmax, int bins, Spacing spacing, int smoothing,
      boolean normalize) implements Serializable {
    public Settings {
      if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
      if (!(fmin >= 0 && fmax > fmin)) throw new IllegalArgumentException("need 0 <= fmin < fmax, got " + fmin + ", " + fmax);
      if (spacing == Spacing.LOG && !(fmin > 0)) throw new IllegalArgumentException("log spacing needs fmin > 0");
      if (smoothing < 1 || smoothing % 2 == 0) throw new IllegalArgumentException("smoothing must be odd and >= 1, got " + smoothing);
    }
  }

  private Spectrum() {}

  /** One-sided amplitude spectrum at frequencies {@code k·fs/n}, k = 0..n/2. */
  public static double[] amplitude(double[] x) {
    int n = x.length;
    double[][] spec = RealFft.forward(x);
    double[] a = new double[spec[0].length];
    for (int k = 0; k < a.length; k++) {
      boolean edge = k == 0 || (n % 2 == 0 && k == n / 2);
      a[k] = Math.hypot(spec[0][k], spec[1][k]) * (edge ? 1.0 : 2.0) / n;
    }
    return a;
  }

  /** Squared {@link #amplitude}. */
  public static double[] power(double[] x) {
    double[] a = amplitude(x);
    for (int k = 0; k < a.length; k++) a[k] *= a[k];
    return a;
  }

  /** Centred running mean of odd {@code length}; the window shrinks at the ends. */
  public static double[] smooth(double[] s, int length) {
    if (length <= 1) return s.clone();
    int half = length / 2;
    double[] out = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      int lo = Math.max(0, i - half);
      int hi = Math.min(s.length - 1, i + half);
      double sum = 0;
      for (int j = lo; j <= hi; j++) sum += s[j];
      out[i] = sum / (hi - lo + 1);
    }
    return out;
  }

  /** {@code bins + 1} edges from {@code fmin} to {@code fmax}, evenly or geometrically spaced. */
  public static double[] edges(double fmin, double fmax, int bins, Spacing spacing) {
    double[] e = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      double t = (double) i / bins;
      e[i] = spacing == Spacing.LINEAR ? fmin + t * (fmax - fmin) : fmin * Math.pow(fmax / fmin, t);
    }
    e[bins] = fmax;
    return e;
  }

  /** Means of {@code spectrum} (values at k·df) over each bin between {@code edges}. */
  public static double[] bin(double[] spectrum, double df, double[] edges) {
    int bins = edges.length - 1;
    double[] out = new double[bins];
    for (int b = 0; b < bins; b++) {
      double lo = edges[b];
      double hi = edges[b + 1];
      int k0 = (int) Math.ceil(lo / df - 1e-9);
      double sum = 0;
      int count = 0;
      for (int k = Math.max(0, k0); k < spectrum.length; k++) {
        double f = k * df;
        if (f > hi || (f == hi && b < bins - 1)) break;
        if (f >= lo) {
          sum += spectrum[k];
          count++;
        }
      }
      out[b] = count > 0 ? sum / count : interpolate(spectrum, df, (lo + hi) / 2);
    }
    return out;
  }

  private static double interpolate(double[] s, double df, double f) {
    double pos = f / df;
    int i = (int) Math.floor(pos);
    if (i >= s.length - 1) return s[s.length - 1];
    double t = pos - i;
    return s[i] * (1 - t) + s[i + 1] * t;
  }

  /**
   * The binned spectrum of {@code x} sampled at {@code fs} Hz.
   *
   * @throws IllegalArgumentException when {@code fmax} is above the Nyquist frequency, or the
   *     bins sum to 0 and {@code normalize} is set
   */
  public static double[] features(double[] x, double fs, Settings s) {
    if (s.fmax() > fs / 2 * (1 + 1e-12)) {
      throw new IllegalArgumentException("fmax " + s.fmax() + " Hz is above the Nyquist frequency " + fs / 2 + " Hz");
    }
    if (x.length < 2) throw new IllegalArgumentException("a spectrum needs at least 2 samples, got " + x.length);
    double[] spec = s.kind() == Kind.POWER ? power(x) : amplitude(x);
    spec = smooth(spec, s.smoothing());
    double[] bins = bin(spec, fs / x.length, edges(s.fmin(), s.fmax(), s.bins(), s.spacing()));
    if (s.normalize()) {
      double sum = 0;
      for (double v : bins) sum += v;
      if (!(sum > 0)) throw new IllegalArgumentException("dead: no energy in " + s.fmin() + "-" + s.fmax() + " Hz, cannot normalise");
      for (int i = 0; i < bins.length; i++) bins[i] /= sum;
    }
    return bins;
  }
}
