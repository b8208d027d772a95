package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded property checks of peak / z-score normalisation and of fixed windows. */
class NormalizationWindowsTest {
  @Test
  void peakNormalisedValuesLieInMinusOneToOneWithMaxExactlyOne() {
    Random rnd = new Random(2012);
    for (int c = 0; c < 400; c++) {
      int n = 1 + rnd.nextInt(2000);
      double[] x = new double[n];
      double scale = Math.pow(10, rnd.nextInt(12) - 6);
      for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian() * scale + (rnd.nextBoolean() ? scale : 0);
      if (n == 1) x[0] = 0; // a single sample is "all equal"
      if (n == 1) {
        assertThrows(IllegalArgumentException.class, () -> Normalization.apply(x, Normalization.Mode.PEAK));
        continue;
      }
      double[] y = Normalization.apply(x, Normalization.Mode.PEAK);
      double max = 0;
      for (double v : y) {
        assertTrue(v >= -1 && v <= 1, "range, case " + c);
        max = Math.max(max, Math.abs(v));
      }
      assertEquals(1.0, max, 0.0, "max |x|, case " + c);

      double[] z = Normalization.apply(x, Normalization.Mode.ZSCORE);
      double mean = 0;
      for (double v : z) mean += v;
      mean /= n;
      double var = 0;
      for (double v : z) var += (v - mean) * (v - mean);
      assertEquals(0.0, mean, 1e-9, "z mean, case " + c);
      assertEquals(1.0, var / n, 1e-9, "z variance, case " + c);
    }
  }

  @Test
  void deadRecordIsRejectedNotNaN() {
    for (Normalization.Mode m : Normalization.Mode.values()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Normalization.apply(new double[100], m));
      assertEquals(Normalization.DEAD, e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Normalization.apply(new double[] {5, 5, 5}, m));
    }
  }

  @Test
  void windowCountsAndLengths() {
    Random rnd = new Random(7);
    for (int c = 0; c < 500; c++) {
      int n = rnd.nextInt(5000);
      int length = 1 + rnd.nextInt(600);
      int step = 1 + rnd.nextInt(600);
      int count = FixedWindows.count(n, length, step);
      // brute force: every start s = i·step with s + length <= n
      int expected = 0;
      for (int s = 0; s + length <= n; s += step) expected++;
      assertEquals(expected, count, "n=" + n + " length=" + length + " step=" + step);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) x[i] = i;
      for (int i = 0; i < count; i++) {
        double[] w = FixedWindows.window(x, i, length, step);
        assertEquals(length, w.length);
        assertEquals(i * step, w[0], 0);
        assertEquals(i * step + length - 1, w[length - 1], 0);
      }
    }
  }
}
