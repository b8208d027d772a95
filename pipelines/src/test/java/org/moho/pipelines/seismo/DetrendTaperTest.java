package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Detrend and taper against SciPy on the real CRLZ trace, plus seeded property checks. */
class DetrendTaperTest {
  @Test
  void linearDetrendEqualsScipy() {
    double[] x = Fixtures.crlz(4096);
    double err = Fixtures.maxAbsDiff(Fixtures.reference("detrend_linear.txt.gz"), Detrend.linear(x));
    assertTrue(err < 1e-9 * Fixtures.peak(x), "error " + err);
  }

  @Test
  void taperEqualsScipyTukey() {
    double[] expected = Fixtures.reference("tukey_0.1.txt.gz");
    double[] w = CosineTaper.weights(4096, 0.05);
    assertEquals(0.0, Fixtures.maxAbsDiff(expected, w), 1e-12);
  }

  @Test
  void demeanLeavesZeroMean() {
    double[] y = Detrend.demean(Fixtures.crlz(4096));
    double mean = 0;
    for (double v : y) mean += v;
    assertEquals(0.0, mean / y.length, 1e-9);
  }

  @Test
  void propertiesOnRandomInputs() {
    Random rnd = new Random(20121);
    for (int c = 0; c < 300; c++) {
      int n = 2 + rnd.nextInt(3000);
      double[] x = new double[n];
      double slope = rnd.nextGaussian() * 10;
      double offset = rnd.nextGaussian() * 1000;
      for (int i = 0; i < n; i++) x[i] = offset + slope * i + rnd.nextGaussian() * 50;
      double scale = Fixtures.peak(x);

      // detrend is idempotent and leaves no line: a second pass changes nothing beyond rounding
      double[] once = Detrend.linear(x);
      double[] twice = Detrend.linear(once);
      assertTrue(Fixtures.maxAbsDiff(once, twice) <= 1e-10 * scale, "detrend idempotence, case " + c);
      double[] m1 = Detrend.demean(x);
      assertTrue(Fixtures.maxAbsDiff(m1, Detrend.demean(m1)) <= 1e-10 * scale, "demean idempotence, case " + c);

      // a pure line is removed entirely
      double[] line = new double[n];
      for (int i = 0; i < n; i++) line[i] = offset + slope * i;
      assertTrue(Fixtures.peak(Detrend.linear(line)) <= 1e-9 * Math.max(1, Fixtures.peak(line)), "line, case " + c);

      // the taper is symmetric, within [0, 1], zero at the ends (for a taper of at least 2 samples)
      double fraction = rnd.nextDouble() * 0.5;
      double[] w = CosineTaper.weights(n, fraction);
      for (int i = 0; i < n; i++) {
        assertEquals(w[i], w[n - 1 - i], 0.0, "taper symmetry, case " + c);
        assertTrue(w[i] >= 0 && w[i] <= 1, "taper range, case " + c);
      }
      if (Math.floor(2 * fraction * (n - 1) / 2.0) >= 1) assertEquals(0.0, w[0], 0.0);
      int flat = (int) Math.floor(2 * fraction * (n - 1) / 2.0) + 1;
      for (int i = flat; i < n - flat; i++) assertEquals(1.0, w[i], 0.0, "flat middle, case " + c);
    }
  }
}
