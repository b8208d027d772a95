package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {
  @Test
  void fftEqualsScipyResampleOnTheRealTrace() {
    double[] x = Fixtures.crlz(4000);
    Resampler.Resampled r = Resampler.fft(x, 100, 40);
    assertEquals(40.0, r.rate(), 1e-12);
    double err = Fixtures.maxAbsDiff(Fixtures.reference("resample_40hz.txt.gz"), r.samples());
    assertTrue(err < 1e-9 * Fixtures.peak(x), "error " + err);
  }

  @Test
  void fftCutsTheTailToAWholeNumberOfPeriods() {
    // 100 -> 40 Hz is 2/5: of 4003 samples the first 4000 are used, giving 1600
    Resampler.Resampled r = Resampler.fft(Fixtures.crlz(4003), 100, 40);
    assertEquals(1600, r.samples().length);
    assertArrayEquals(Fixtures.reference("resample_40hz.txt.gz"), r.samples(), 1e-9 * 1635);
    assertThrows(IllegalArgumentException.class, () -> Resampler.fft(new double[4], 100, 40));
  }

  @Test
  void fftKeepsASinesAmplitudeAndFrequency() {
    // 3 Hz, amplitude 2, 40 s at 100 Hz, resampled to 40 Hz and up to 250 Hz
    double[] x = Fixtures.sine(4000, 100, 3.0, 2.0);
    for (double rate : new double[] {40, 250}) {
      Resampler.Resampled r = Resampler.fft(x, 100, rate);
      assertEquals(rate, r.rate(), 1e-12);
      assertSine(r.samples(), rate, 3.0, 2.0);
    }
  }

  @Test
  void decimateKeepsASinesAmplitudeAndFrequency() {
    // 2 Hz, amplitude 2, 60 s at 100 Hz -> 20 Hz (factor 5; anti-alias corner 8 Hz)
    double[] x = Fixtures.sine(6000, 100, 2.0, 2.0);
    Resampler.Resampled r = Resampler.decimate(x, 100, 20);
    assertEquals(20.0, r.rate(), 0);
    assertEquals(1200, r.samples().length);
    assertSine(r.samples(), 20, 2.0, 2.0);
    for (int i = 0; i < r.samples().length; i++) assertEquals(x[5 * i], r.samples()[i], 0.02 * 2, "sample " + i);
  }

  @Test
  void decimateRemovesWhatWouldAlias() {
    // 9 Hz at 100 Hz would alias to 1 Hz at 20 Hz; the anti-alias filter (corner 8 Hz) must
    // remove most of it; 0.8·Nyquist is a compromise, so allow the filtfilt'd gain |H(9 Hz)|²
    double[] x = Fixtures.sine(6000, 100, 9.0, 1.0);
    double[] y = Resampler.decimate(x, 100, 20).samples();
    double gain = Math.pow(ButterworthDesign.magnitude(ButterworthDesign.lowpass(4, 8, 100), 9, 100), 2);
    assertTrue(gain < 0.5, "gain " + gain);
    assertTrue(Fixtures.peak(java.util.Arrays.copyOfRange(y, 100, 1100)) < gain * 1.05, "peak");
    assertThrows(IllegalArgumentException.class, () -> Resampler.decimate(x, 100, 30));
  }

  /** The strongest spectral line is at {@code freq} and has amplitude within 1 % of {@code amplitude}. */
  private static void assertSine(double[] y, double fs, double freq, double amplitude) {
    double[] a = Spectrum.amplitude(y);
    int best = 0;
    for (int k = 1; k < a.length; k++) if (a[k] > a[best]) best = k;
    assertEquals(freq, best * fs / y.length, 1e-9, "frequency");
    assertEquals(amplitude, a[best], 0.01 * amplitude, "amplitude");
  }
}
