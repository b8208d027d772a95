package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Coefficients and responses against scipy.signal.butter(..., output='sos') (reference/make_reference.py). */
class ButterworthDesignTest {
  private static final double FS = 100;

  static double[][] design(String kind, int order) {
    return switch (kind) {
      case "low" -> ButterworthDesign.lowpass(order, 5.0, FS);
      case "high" -> ButterworthDesign.highpass(order, 1.0, FS);
      case "band" -> ButterworthDesign.bandpass(order, 1.0, 10.0, FS);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest
  @CsvSource({"low,2", "low,4", "high,2", "high,4", "band,2", "band,4"})
  void sectionsEqualScipy(String kind, int order) {
    double[][] expected = Fixtures.referenceSos("sos_" + kind + order + ".txt.gz");
    double[][] actual = design(kind, order);
    assertEquals(expected.length, actual.length, "sections");
    for (int s = 0; s < expected.length; s++) {
      for (int c = 0; c < 6; c++) {
        assertEquals(expected[s][c], actual[s][c], 1e-12 * Math.max(1, Math.abs(expected[s][c])),
            kind + order + " section " + s + " coefficient " + c);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"1,low", "2,low", "3,low", "4,low", "5,low", "8,low", "1,high", "3,high", "4,high", "6,high",
      "1,band", "2,band", "3,band", "4,band"})
  void minus3dBAtEveryCorner(int order, String kind) {
    double[][] sos = design(kind, order);
    double half = 1 / Math.sqrt(2);
    switch (kind) {
      case "low" -> {
        assertEquals(half, ButterworthDesign.magnitude(sos, 5.0, FS), 1e-6);
        assertEquals(1.0, ButterworthDesign.magnitude(sos, 0.0, FS), 1e-12);
        assertEquals(0.0, ButterworthDesign.magnitude(sos, FS / 2, FS), 1e-12);
      }
      case "high" -> {
        assertEquals(half, ButterworthDesign.magnitude(sos, 1.0, FS), 1e-6);
        assertEquals(0.0, ButterworthDesign.magnitude(sos, 0.0, FS), 1e-12);
        assertEquals(1.0, ButterworthDesign.magnitude(sos, FS / 2, FS), 1e-12);
      }
      default -> {
        assertEquals(half, ButterworthDesign.magnitude(sos, 1.0, FS), 1e-6);
        assertEquals(half, ButterworthDesign.magnitude(sos, 10.0, FS), 1e-6);
        assertEquals(1.0, ButterworthDesign.magnitude(sos, centre(), FS), 1e-9);
      }
    }
  }

  private static double tanW(double f) {
    return Math.tan(Math.PI * f / FS);
  }

  /** The digital centre frequency, where the pre-warped band-pass has gain exactly 1. */
  private static double centre() {
    return Math.atan(Math.sqrt(tanW(1.0) * tanW(10.0))) * FS / Math.PI;
  }

  @Test
  void rejectsCornersOutsideNyquist() {
    assertThrows(IllegalArgumentException.class, () -> ButterworthDesign.lowpass(4, 50.0, FS));
    assertThrows(IllegalArgumentException.class, () -> ButterworthDesign.bandpass(4, 10.0, 1.0, FS));
    assertThrows(IllegalArgumentException.class, () -> ButterworthDesign.highpass(0, 1.0, FS));
  }
}
