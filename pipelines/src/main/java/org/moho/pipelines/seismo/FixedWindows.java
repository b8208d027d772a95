package org.moho.pipelines.seismo;

/**
 * Fixed-length windows over a trace: window i covers samples {@code [i·step, i·step + length)}.
 * Only whole windows are made, so a trace of n ≥ length samples gives
 * {@code (n − length) / step + 1} windows and the tail after the last whole window is not used;
 * a trace shorter than one window gives none.
 */
public final class FixedWindows {
  private FixedWindows() {}

  public static int count(int n, int length, int step) {
    if (length < 1 || step < 1) throw new IllegalArgumentException("length and step must be >= 1");
    return n < length ? 0 : (n - length) / step + 1;
  }

  /** Samples of window {@code i}. */
  public static double[] window(double[] x, int i, int length, int step) {
    double[] w = new double[length];
    System.arraycopy(x, i * step, w, 0, length);
    return w;
  }
}
