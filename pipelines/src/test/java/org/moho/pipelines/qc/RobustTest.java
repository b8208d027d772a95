package org.moho.pipelines.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The selection median returns, bit for bit, what sorting and indexing return. */
class RobustTest {
  /** The definition the metrics were written with. */
  private static double sortedMedian(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
  }

  private static void assertSameBits(double expected, double actual, double[] x) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
        () -> "median " + actual + " instead of " + expected + " of " + Arrays.toString(x));
  }

  @Test
  void equalsTheSortedMedianOnRandomArraysWithTiesAndSignedZeros() {
    SplittableRandom r = new SplittableRandom(20261206);
    for (int t = 0; t < 20_000; t++) {
      int n = 1 + r.nextInt(t < 10_000 ? 12 : 700);
      double[] x = new double[n];
      int kind = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        x[i] = switch (kind) {
          case 0 -> r.nextGaussian();
          case 1 -> r.nextInt(5) - 2; // many ties
          case 2 -> r.nextBoolean() ? 0.0 : (r.nextBoolean() ? -0.0 : r.nextInt(3) - 1); // signed zeros
          default -> i; // sorted input
        };
      }
      if (kind == 3 && r.nextBoolean()) for (int i = 0; i < n / 2; i++) { double v = x[i]; x[i] = x[n - 1 - i]; x[n - 1 - i] = v; }
      double[] before = x.clone();
      assertSameBits(sortedMedian(x), Robust.median(x), x);
      assertEquals(Arrays.toString(before), Arrays.toString(x), "the input is left as it was");
    }
  }

  @Test
  void signedZerosTakeTheSignSortingGivesThem() {
    assertSameBits(-0.0, Robust.median(new double[] {0.0, -0.0, -0.0}), null);
    assertSameBits(0.0, Robust.median(new double[] {0.0, -0.0, 0.0}), null);
    assertSameBits(0.0, Robust.median(new double[] {-1, 0.0, -0.0, 1, 2}), null);
    assertSameBits(-0.0, Robust.median(new double[] {-1, 0.0, -0.0, -0.0, 2}), null);
    assertSameBits(0.0, Robust.median(new double[] {-0.0, 0.0}), null);
    assertSameBits(-0.0, Robust.median(new double[] {-0.0, -0.0}), null);
  }

  @Test
  void madSigmaOfAKnownSample() {
    // |x - 3| = 2, 1, 0, 1, 6 → MAD 1
    assertEquals(1.4826, Robust.madSigma(new double[] {1, 2, 3, 4, 9}), 0);
    assertThrows(IllegalArgumentException.class, () -> Robust.median(new double[0]));
  }
}
