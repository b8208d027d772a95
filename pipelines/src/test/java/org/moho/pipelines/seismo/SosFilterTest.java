package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * sosfilt and sosfiltfilt on the first 4096 samples of the real CRLZ.HHZ.10.NZ trace against
 * SciPy's output (reference/make_reference.py), to 1e-9 of the trace's peak (1635 counts): our
 * sosfiltfilt replicates SciPy's odd padding and sosfilt_zi initial conditions, so the whole
 * trace, ends included, is compared.
 */
class SosFilterTest {
  private static final double TOLERANCE = 1e-9;

  @ParameterizedTest
  @CsvSource({"low,2", "low,4", "high,2", "high,4", "band,2", "band,4"})
  void causalEqualsScipySosfilt(String kind, int order) {
    double[] x = Fixtures.crlz(4096);
    double[] expected = Fixtures.reference("sosfilt_" + kind + order + ".txt.gz");
    double[] actual = SosFilter.filter(ButterworthDesignTest.design(kind, order), x);
    double err = Fixtures.maxAbsDiff(expected, actual) / Fixtures.peak(x);
    assertTrue(err < TOLERANCE, kind + order + ": relative error " + err);
  }

  @ParameterizedTest
  @CsvSource({"low,2", "low,4", "high,2", "high,4", "band,2", "band,4"})
  void zeroPhaseEqualsScipySosfiltfilt(String kind, int order) {
    double[] x = Fixtures.crlz(4096);
    double[] expected = Fixtures.reference("sosfiltfilt_" + kind + order + ".txt.gz");
    double[] actual = SosFilter.filtfilt(ButterworthDesignTest.design(kind, order), x);
    double err = Fixtures.maxAbsDiff(expected, actual) / Fixtures.peak(x);
    assertTrue(err < TOLERANCE, kind + order + ": relative error " + err);
  }

  @Test
  void zeroPhaseDoesNotShiftASine() {
    // 2 Hz sine at 100 Hz through a 1-10 Hz band-pass: zero phase means the peaks stay put.
    double[] x = Fixtures.sine(6000, 100, 2.0, 1.0);
    double[][] sos = ButterworthDesign.bandpass(4, 1.0, 10.0, 100);
    double[] y = SosFilter.filtfilt(sos, x);
    double gain = Math.pow(ButterworthDesign.magnitude(sos, 2.0, 100), 2);
    // away from the ends, where the start-up transients of the 1 Hz corner have died away
    for (int i = 2000; i < 4000; i++) assertEquals(gain * x[i], y[i], 1e-6);
  }

  @Test
  void padLengthFollowsScipy() {
    assertEquals(3 * 5, SosFilter.padLength(ButterworthDesign.lowpass(4, 5, 100)));
    // odd order: the first-order section has b2 = a2 = 0, one tap fewer: 2*2+1-1 = 4 taps, as
    // scipy.signal.sosfiltfilt(butter(3, 5, fs=100, output='sos'), x) == ...(..., padlen=12)
    assertEquals(3 * 4, SosFilter.padLength(ButterworthDesign.lowpass(3, 5, 100)));
    assertThrows(IllegalArgumentException.class, () -> SosFilter.filtfilt(ButterworthDesign.lowpass(4, 5, 100), new double[15]));
  }
}
