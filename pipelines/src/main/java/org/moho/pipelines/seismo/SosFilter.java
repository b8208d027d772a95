package org.moho.pipelines.seismo;

/**
 * Runs a cascade of second-order sections over a trace, as {@code scipy.signal.sosfilt}
 * (causal, transposed direct form II) and {@code scipy.signal.sosfiltfilt} (zero phase: forward
 * then backward, after odd extension of the ends by {@code 3·ntaps} samples and with the
 * steady-state initial conditions of {@code sosfilt_zi}) compute it. Sections are
 * {@code [b0, b1, b2, a0, a1, a2]} with {@code a0 = 1} (as {@link ButterworthDesign} returns them).
 *
 * <p>Hand-written because it is a few lines and reproducing SciPy's padding and initial
 * conditions exactly is what makes the output comparable with SciPy's.
 */
public final class SosFilter {
  private SosFilter() {}

  /** Causal filtering from rest (zero initial state); the input is not changed. */
  public static double[] filter(double[][] sos, double[] x) {
    double[] y = x.clone();
    filterInPlace(sos, y, new double[sos.length][2]);
    return y;
  }

  /**
   * Causal filtering in place from the state {@code zi} (one pair per section), which is
   * updated to the final state.
   */
  public static void filterInPlace(double[][] sos, double[] x, double[][] zi) {
    for (int s = 0; s < sos.length; s++) {
      double b0 = sos[s][0];
      double b1 = sos[s][1];
      double b2 = sos[s][2];
      double a1 = sos[s][4];
      double a2 = sos[s][5];
      double z0 = zi[s][0];
      double z1 = zi[s][1];
      for (int n = 0; n < x.length; n++) {
        double xn = x[n];
        double yn = b0 * xn + z0;
        z0 = b1 * xn - a1 * yn + z1;
        z1 = b2 * xn - a2 * yn;
        x[n] = yn;
      }
      zi[s][0] = z0;
      zi[s][1] = z1;
    }
  }

  /** Taps of the cascade as SciPy counts them to choose the padding: 2·sections + 1, less trivial ones. */
  static int ntaps(double[][] sos) {
    int zeroB2 = 0;
    int zeroA2 = 0;
    for (double[] s : sos) {
      if (s[2] == 0) zeroB2++;
      if (s[5] == 0) zeroA2++;
    }
    return 2 * sos.length + 1 - Math.min(zeroB2, zeroA2);
  }

  /** The number of samples {@link #filtfilt} adds at each end; the trace must be longer. */
  public static int padLength(double[][] sos) {
    return 3 * ntaps(sos);
  }

  /**
   * Zero-phase filtering, identical to {@code scipy.signal.sosfiltfilt(sos, x)} with its
   * defaults. The magnitude response is |H|², the phase zero.
   *
   * @throws IllegalArgumentException when the trace is not longer than {@link #padLength}
   */
  public static double[] filtfilt(double[][] sos, double[] x) {
    int edge = padLength(sos);
    if (x.length <= edge) {
      throw new IllegalArgumentException("zero-phase filtering needs more than " + edge + " samples, got " + x.length);
    }
    int n = x.length;
    double[] ext = new double[n + 2 * edge];
    for (int i = 0; i < edge; i++) {
      ext[i] = 2 * x[0] - x[edge - i];
      ext[edge + n + i] = 2 * x[n - 1] - x[n - 2 - i];
    }
    System.arraycopy(x, 0, ext, edge, n);
    double[][] zi = steadyState(sos);
    double[][] state = scaled(zi, ext[0]);
    filterInPlace(sos, ext, state);
    reverse(ext);
    state = scaled(zi, ext[0]);
    filterInPlace(sos, ext, state);
    reverse(ext);
    double[] y = new double[n];
    System.arraycopy(ext, edge, y, 0, n);
    return y;
  }

  /** {@code scipy.signal.sosfilt_zi}: the state of each section after a unit step has settled. */
  static double[][] steadyState(double[][] sos) {
    double[][] zi = new double[sos.length][2];
    double scale = 1;
    for (int s = 0; s < sos.length; s++) {
      double b0 = sos[s][0];
      double b1 = sos[s][1];
      double b2 = sos[s][2];
      double a1 = sos[s][4];
      double a2 = sos[s][5];
      // lfilter_zi: solve (I - companion(a)^T) zi = b[1:] - a[1:]·b0 for the 2x2 case
      double r0 = b1 - a1 * b0;
      double r1 = b2 - a2 * b0;
      double det = 1 + a1 + a2;
      zi[s][0] = scale * (r0 + r1) / det;
      zi[s][1] = scale * ((1 + a1) * r1 - a2 * r0) / det;
      scale *= (b0 + b1 + b2) / (sos[s][3] + a1 + a2);
    }
    return zi;
  }

  private static double[][] scaled(double[][] zi, double by) {
    double[][] out = new double[zi.length][2];
    for (int i = 0; i < zi.length; i++) {
      out[i][0] = zi[i][0] * by;
      out[i][1] = zi[i][1] * by;
    }
    return out;
  }

  private static void reverse(double[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
