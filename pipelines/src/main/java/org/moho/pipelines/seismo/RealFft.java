package org.moho.pipelines.seismo;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The one-sided discrete Fourier transform of a real trace, unpacked from JTransforms'
 * {@link DoubleFFT_1D#realForward} layout into plain real and imaginary arrays of the
 * {@code n/2 + 1} non-negative frequencies (as {@code numpy.fft.rfft} returns them), and back
 * (as {@code numpy.fft.irfft}). Any length works; JTransforms uses mixed radix or Bluestein.
 */
final class RealFft {
  /**
   * Plans are costly to make (twiddle tables; Bluestein for awkward lengths) and windows repeat
   * one length, so each thread keeps the plans of the last few lengths it used. Per thread,
   * because a plan's scratch use is not documented as thread-safe.
   */
  private static final int CACHED_PLANS = 8;

  private static final ThreadLocal<java.util.LinkedHashMap<Integer, DoubleFFT_1D>> PLANS = ThreadLocal.withInitial(
      () -> new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Integer, DoubleFFT_1D> eldest) {
          return size() > CACHED_PLANS;
        }
      });

  private RealFft() {}

  private static DoubleFFT_1D plan(int n) {
    return PLANS.get().computeIfAbsent(n, DoubleFFT_1D::new);
  }

  /** {@code X[k] = Σ x[j]·exp(−2πi·jk/n)} for k = 0..n/2, as {@code {re, im}}. */
  static double[][] forward(double[] x) {
    int n = x.length;
    double[] a = x.clone();
    plan(n).realForward(a);
    int m = n / 2 + 1;
    double[] re = new double[m];
    double[] im = new double[m];
    re[0] = a[0];
    if (n % 2 == 0) {
      if (n > 1) re[n / 2] = a[1];
      for (int k = 1; k < n / 2; k++) {
        re[k] = a[2 * k];
        im[k] = a[2 * k + 1];
      }
    } else {
      for (int k = 1; k < (n - 1) / 2; k++) {
        re[k] = a[2 * k];
        im[k] = a[2 * k + 1];
      }
      if (n > 1) {
        re[(n - 1) / 2] = a[n - 1];
        im[(n - 1) / 2] = a[1];
      }
    }
    return new double[][] {re, im};
  }

  /**
   * The real trace of length {@code n} whose one-sided spectrum is {@code re + i·im}
   * ({@code n/2 + 1} values); the imaginary parts at 0 Hz and, for even n, at Nyquist are ignored.
   */
  static double[] inverse(double[] re, double[] im, int n) {
    double[] a = new double[n];
    a[0] = re[0];
    if (n % 2 == 0) {
      if (n > 1) a[1] = re[n / 2];
      for (int k = 1; k < n / 2; k++) {
        a[2 * k] = re[k];
        a[2 * k + 1] = im[k];
      }
    } else {
      for (int k = 1; k < (n - 1) / 2; k++) {
        a[2 * k] = re[k];
        a[2 * k + 1] = im[k];
      }
      if (n > 1) {
        a[n - 1] = re[(n - 1) / 2];
        a[1] = im[(n - 1) / 2];
      }
    }
    plan(n).realInverse(a, true);
    return a;
  }

  /** The frequency in Hz of bin {@code k} for {@code n} samples at {@code fs} Hz. */
  static double frequency(int k, int n, double fs) {
    return k * fs / n;
  }
}
