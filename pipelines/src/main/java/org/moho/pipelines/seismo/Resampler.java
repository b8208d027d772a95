package org.moho.pipelines.seismo;

/**
 * Changes the sample rate of a trace, two ways.
 *
 * <ul>
 *   <li>{@link #fft}: any rational ratio. The trace is cut to a whole number of the ratio's
 *       denominator (fewer than that many trailing samples go, so the new rate is exactly the
 *       target) and resampled like {@code scipy.signal.resample}: its spectrum is truncated (or
 *       zero-padded) and transformed back. That is an ideal low-pass at the lower Nyquist; it
 *       treats the trace as periodic, so taper first.
 *   <li>{@link #decimate}: an integer factor. A zero-phase 4th-order Butterworth low-pass
 *       ({@link SosFilter#filtfilt}, so effectively 8th order) at 0.8 × the new Nyquist frequency
 *       removes what would alias, then every factor-th sample is kept, starting with the first,
 *       so the start time is unchanged.
 * </ul>
 */
public final class Resampler {
  /** Order of the anti-alias Butterworth used by {@link #decimate}. */
  public static final int ANTI_ALIAS_ORDER = 4;
  /** Anti-alias corner as a fraction of the new Nyquist frequency. */
  public static final double ANTI_ALIAS_FRACTION = 0.8;

  private static final long MAX_DENOMINATOR = 1_000_000;

  /** The resampled samples and their rate. */
  public record Resampled(double[] samples, double rate) {}

  private Resampler() {}

  /**
   * FFT resampling from {@code fromRate} to {@code toRate} Hz.
   *
   * @throws IllegalArgumentException when the ratio is not a fraction p/q with q ≤ 10⁶, or the
   *     trace is shorter than q samples
   */
  public static Resampled fft(double[] x, double fromRate, double toRate) {
    long[] pq = rational(toRate / fromRate);
    long p = pq[0];
    long q = pq[1];
    long usable = (x.length / q) * q;
    if (usable == 0) {
      throw new IllegalArgumentException("resampling " + fromRate + " -> " + toRate + " Hz needs at least "
          + q + " samples, got " + x.length);
    }
    int nx = (int) usable;
    int num = (int) (usable / q * p);
    double[] in = nx == x.length ? x : java.util.Arrays.copyOf(x, nx);
    double[][] spec = RealFft.forward(in);
    int m = num / 2 + 1;
    double[] re = new double[m];
    double[] im = new double[m];
    int n = Math.min(num, nx);
    int nyq = n / 2 + 1;
    System.arraycopy(spec[0], 0, re, 0, Math.min(nyq, m));
    System.arraycopy(spec[1], 0, im, 0, Math.min(nyq, m));
    if (n % 2 == 0) {
      // Split or join the Nyquist component as scipy.signal.resample does for real input.
      if (num < nx) {
        re[n / 2] *= 2;
        im[n / 2] *= 2;
      } else if (nx < num) {
        re[n / 2] *= 0.5;
        im[n / 2] *= 0.5;
      }
    }
    double[] y = RealFft.inverse(re, im, num);
    double scale = (double) num / nx;
    for (int i = 0; i < y.length; i++) y[i] *= scale;
    return new Resampled(y, fromRate * num / nx);
  }

  /**
   * Anti-alias filtering and picking every {@code fromRate/toRate}-th sample.
   *
   * @throws IllegalArgumentException when the ratio is not an integer ≥ 1, or the trace is too
   *     short for the zero-phase filter's padding
   */
  public static Resampled decimate(double[] x, double fromRate, double toRate) {
    double ratio = fromRate / toRate;
    long factor = Math.round(ratio);
    if (factor < 1 || Math.abs(ratio - factor) > RATE_TOLERANCE * ratio) {
      throw new IllegalArgumentException("decimation needs an integer ratio of rates, got "
          + fromRate + " / " + toRate + " = " + ratio);
    }
    if (factor == 1) return new Resampled(x.clone(), fromRate);
    double corner = ANTI_ALIAS_FRACTION * toRate / 2;
    double[] filtered = SosFilter.filtfilt(ButterworthDesign.lowpass(ANTI_ALIAS_ORDER, corner, fromRate), x);
    int count = (int) ((x.length + factor - 1) / factor);
    double[] y = new double[count];
    for (int i = 0; i < count; i++) y[i] = filtered[(int) (i * factor)];
    return new Resampled(y, fromRate / factor);
  }

  /**
   * Rates that differ from a simple ratio by less than this (10 ppm) are treated as that ratio.
   * SAC stores the sample interval in float32 and some loggers write their measured drift into it
   * (II.TLY.BHZ.SAC says 0.05000016 s, i.e. 19.99994 Hz, for a 20 Hz channel): no seismologist
   * wants 20 → 1 Hz refused over 3 ppm.
   */
  static final double RATE_TOLERANCE = 1e-5;

  /** p/q ≈ r by continued fractions: the first convergent within {@link #RATE_TOLERANCE}, q ≤ {@link #MAX_DENOMINATOR}. */
  static long[] rational(double r) {
    if (!(r > 0) || Double.isInfinite(r)) throw new IllegalArgumentException("rate ratio must be > 0, got " + r);
    long h0 = 0;
    long h1 = 1;
    long k0 = 1;
    long k1 = 0;
    double v = r;
    for (int i = 0; i < 40; i++) {
      long a = (long) Math.floor(v);
      long h2 = a * h1 + h0;
      long k2 = a * k1 + k0;
      if (k2 > MAX_DENOMINATOR) break;
      h0 = h1;
      h1 = h2;
      k0 = k1;
      k1 = k2;
      if (Math.abs((double) h1 / k1 - r) <= RATE_TOLERANCE * r) return new long[] {h1, k1};
      double frac = v - a;
      if (frac < 1e-12) break;
      v = 1 / frac;
    }
    throw new IllegalArgumentException("rate ratio " + r + " is not a simple fraction (denominator <= "
        + MAX_DENOMINATOR + ")");
  }
}
