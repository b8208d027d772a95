package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Valentine & Trampert (2012) band-pass with corners 1.0 / 2.0 / 6.7 / 7.4 mHz on 1 Hz data. */
class FrequencyBandpassTest {
  private static final double F1 = 1.0e-3;
  private static final double F2 = 2.0e-3;
  private static final double F3 = 6.7e-3;
  private static final double F4 = 7.4e-3;

  @Test
  void passesFourMilliHertzAndKillsHalfAndTenMilliHertz() {
    // 20,000 s at 1 Hz: 0.5, 4 and 10 mHz make 10, 80 and 200 whole cycles, so each sits on one bin
    int n = 20_000;
    double[] pass = Fixtures.sine(n, 1.0, 4.0e-3, 1000);
    double[] low = Fixtures.sine(n, 1.0, 0.5e-3, 1000);
    double[] high = Fixtures.sine(n, 1.0, 10.0e-3, 1000);
    assertTrue(Fixtures.maxAbsDiff(pass, FrequencyBandpass.apply(pass, 1.0, F1, F2, F3, F4)) < 1e-9 * 1000);
    assertTrue(Fixtures.peak(FrequencyBandpass.apply(low, 1.0, F1, F2, F3, F4)) < 1e-9 * 1000);
    assertTrue(Fixtures.peak(FrequencyBandpass.apply(high, 1.0, F1, F2, F3, F4)) < 1e-9 * 1000);
    // and the sum keeps only the 4 mHz part
    double[] sum = new double[n];
    for (int i = 0; i < n; i++) sum[i] = pass[i] + low[i] + high[i];
    assertTrue(Fixtures.maxAbsDiff(pass, FrequencyBandpass.apply(sum, 1.0, F1, F2, F3, F4)) < 1e-9 * 1000);
  }

  @Test
  void rampsAreHalfCosines() {
    assertEquals(0.0, FrequencyBandpass.weight(F1, F1, F2, F3, F4), 0);
    assertEquals(0.5, FrequencyBandpass.weight((F1 + F2) / 2, F1, F2, F3, F4), 1e-12);
    assertEquals(1.0, FrequencyBandpass.weight(F2, F1, F2, F3, F4), 1e-12);
    assertEquals(1.0, FrequencyBandpass.weight(F3, F1, F2, F3, F4), 1e-12);
    assertEquals(0.5, FrequencyBandpass.weight((F3 + F4) / 2, F1, F2, F3, F4), 1e-12);
    assertEquals(0.0, FrequencyBandpass.weight(F4, F1, F2, F3, F4), 0);
    assertThrows(IllegalArgumentException.class, () -> FrequencyBandpass.check(F2, F1, F3, F4));
  }
}
