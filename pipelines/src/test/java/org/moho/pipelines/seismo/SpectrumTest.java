package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The JTransforms real FFT against a direct DFT, and the binned spectra built on it. */
class SpectrumTest {
  /** X[k] = Σ x[j]·exp(−2πi·jk/n), summed directly. */
  private static double[][] directDft(double[] x) {
    int n = x.length;
    double[] re = new double[n / 2 + 1];
    double[] im = new double[n / 2 + 1];
    for (int k = 0; k <= n / 2; k++) {
      for (int j = 0; j < n; j++) {
        double phase = -2 * Math.PI * ((long) j * k % n) / n;
        re[k] += x[j] * Math.cos(phase);
        im[k] += x[j] * Math.sin(phase);
      }
    }
    return new double[][] {re, im};
  }

  @Test
  void fftEqualsDirectDftForEvenOddAndPrimeLengths() {
    double[] trace = Fixtures.crlz(4096);
    for (int n : new int[] {2, 3, 8, 15, 64, 97, 100, 257, 1000, 1024, 4095}) {
      double[] x = java.util.Arrays.copyOf(trace, n);
      double[][] fast = RealFft.forward(x);
      double[][] slow = directDft(x);
      double scale = Fixtures.peak(x) * n;
      assertTrue(Fixtures.maxAbsDiff(slow[0], fast[0]) < 1e-10 * scale, "re, n=" + n);
      assertTrue(Fixtures.maxAbsDiff(slow[1], fast[1]) < 1e-10 * scale, "im, n=" + n);
      double[] back = RealFft.inverse(fast[0], fast[1], n);
      assertTrue(Fixtures.maxAbsDiff(x, back) < 1e-10 * Fixtures.peak(x), "round trip, n=" + n);
    }
  }

  @Test
  void amplitudeOfAnOnBinSineIsItsAmplitude() {
    // 1000 samples at 100 Hz, 7 Hz: exactly 70 cycles, so all energy sits in bin 70
    double[] x = Fixtures.sine(1000, 100, 7.0, 3.5);
    double[] a = Spectrum.amplitude(x);
    assertEquals(3.5, a[70], 1e-9);
    assertEquals(3.5 * 3.5, Spectrum.power(x)[70], 1e-8);
    for (int k = 0; k < a.length; k++) if (k != 70) assertEquals(0.0, a[k], 1e-9);
  }

  @Test
  void binsCoverTheBandAndNormaliseToOne() {
    double[] x = Detrend.demean(Fixtures.crlz(4096));
    Spectrum.Settings s = new Spectrum.Settings(Spectrum.Kind.POWER, 0.5, 20, 15, Spectrum.Spacing.LOG, 3, true);
    double[] bins = Spectrum.features(x, 100, s);
    assertEquals(15, bins.length);
    double sum = 0;
    for (double b : bins) {
      assertTrue(b >= 0);
      sum += b;
    }
    assertEquals(1.0, sum, 1e-12);
  }

  @Test
  void linearBinIsTheMeanOfItsFftPoints() {
    double[] x = Fixtures.crlz(1000);
    double[] p = Spectrum.power(x);
    // df = 0.1 Hz; bin [1, 2) Hz holds k = 10..19
    double expected = 0;
    for (int k = 10; k < 20; k++) expected += p[k];
    expected /= 10;
    double[] bins = Spectrum.features(x, 100, new Spectrum.Settings(Spectrum.Kind.POWER, 1, 3, 2, Spectrum.Spacing.LINEAR, 1, false));
    assertEquals(expected, bins[0], 1e-12 * expected);
    // the last bin includes its upper edge: [2, 3] Hz holds k = 20..30
    double last = 0;
    for (int k = 20; k <= 30; k++) last += p[k];
    assertEquals(last / 11, bins[1], 1e-12 * last);
  }

  @Test
  void smoothingIsARunningMean() {
    double[] s = {0, 3, 6, 3, 0};
    assertEquals(java.util.List.of(1.5, 3.0, 4.0, 3.0, 1.5),
        java.util.Arrays.stream(Spectrum.smooth(s, 3)).boxed().toList());
  }

  @Test
  void rejectsBandAboveNyquist() {
    Spectrum.Settings s = new Spectrum.Settings(Spectrum.Kind.AMPLITUDE, 1, 60, 4, Spectrum.Spacing.LINEAR, 1, false);
    assertThrows(IllegalArgumentException.class, () -> Spectrum.features(Fixtures.crlz(100), 100, s));
  }

  @Test
  void parsevalHoldsOnRandomInputs() {
    Random rnd = new Random(2010);
    for (int c = 0; c < 200; c++) {
      int n = 2 + rnd.nextInt(500);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
      double[][] spec = RealFft.forward(x);
      double time = 0;
      for (double v : x) time += v * v;
      double freq = 0;
      for (int k = 0; k < spec[0].length; k++) {
        double m = spec[0][k] * spec[0][k] + spec[1][k] * spec[1][k];
        boolean single = k == 0 || (n % 2 == 0 && k == n / 2);
        freq += single ? m : 2 * m;
      }
      assertEquals(time, freq / n, 1e-9 * time, "Parseval, n=" + n);
    }
  }
}
