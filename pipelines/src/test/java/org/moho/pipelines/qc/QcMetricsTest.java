package org.moho.pipelines.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The metrics on a real CH.BALST LHE window (1 Hz raw counts) before and after changes whose
 * effect can be counted by hand.
 */
class QcMetricsTest {
  private static final QcMetrics.Settings S = new QcMetrics.Settings(4, 8);

  private static double[] balst() {
    return RealWindows.windows(List.of("CH.BALST..LHE.D.2025.314")).get(10).samples();
  }

  private static Map<String, Double> m(double[] x) {
    return QcAucTest.named(QcMetrics.compute(x, S));
  }

  @Test
  void theRealWindowIsClean() {
    Map<String, Double> m = m(balst());
    assertEquals(0, m.get("zero_fraction"));
    assertEquals(0, m.get("flat_fraction"));
    assertEquals(0, m.get("spike_count"));
    assertTrue(m.get("longest_flat") <= 3 / 512.0, m.toString());
    assertTrue(m.get("clip_fraction") <= 2 / 512.0, m.toString());
    assertTrue(m.get("distinct_fraction") > 0.5, m.toString());
    double[] x = balst();
    double mean = Arrays.stream(x).average().orElseThrow();
    assertEquals(Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / 512), m.get("std"), 1e-9);
  }

  /**
   * AV.DOL Z (50 Hz) from 05:55:02.56, where an M5.9 68 km away arrives: the P onset and the waves
   * after it are hundreds of times the noise before them. Measured against the window's σ alone
   * their peaks scored 511 as spike_peak and 684 as timing_jump; against the local background
   * they are ordinary, while one spike in the quiet part of the same window is still counted.
   */
  @Test
  void anEarthquakeOnsetIsNeitherASpikeNorAStep() {
    double[] x = QcValidationStation.windows().stream().filter(w -> w.key().equals("AV.DOL..Z@2020-10-06T05:55:02.560Z"))
        .findFirst().orElseThrow().samples();
    Map<String, Double> m = m(x);
    assertTrue(m.get("rms_jump_halves") > 2, "the window holds the onset: " + m);
    assertTrue(m.get("spike_peak") < 3 && m.get("timing_jump") < 3, m.toString());
    assertEquals(0, m.get("spike_count"), m.toString());
    double quiet = Arrays.stream(Arrays.copyOfRange(x, 0, 64)).map(Math::abs).max().orElseThrow();
    x[32] += 20 * quiet;
    Map<String, Double> spiked = m(x);
    assertEquals(1, spiked.get("spike_count"), spiked.toString());
    assertTrue(spiked.get("spike_peak") > 20, spiked.toString());
  }

  @Test
  void aRunOfZerosAndAHeldValue() {
    double[] x = balst();
    Arrays.fill(x, 100, 150, 0);      // 50 zeros
    Arrays.fill(x, 300, 320, x[299]); // 21 equal samples (x[299] and 20 copies)
    Map<String, Double> m = m(x);
    assertEquals(50 / 512.0, m.get("zero_fraction"), 1e-12);
    assertEquals(71 / 512.0, m.get("flat_fraction"), 1e-12);
    assertEquals(50 / 512.0, m.get("longest_flat"), 1e-12);
  }

  @Test
  void isolatedSpikesAreCountedAndPeakScalesWithHeight() {
    double[] x = balst();
    double max = Damager.maxAbs(x);
    x[100] = 3 * max;
    x[300] = -3 * max;
    x[400] = 3 * max;
    Map<String, Double> m = m(x);
    assertEquals(3, m.get("spike_count"));
    double[] y = balst();
    y[100] = 6 * max;
    assertTrue(m(y).get("spike_peak") > 1.5 * m(x).get("spike_peak") / 1.1, "peak grows with the height");
  }

  @Test
  void clippingPutsSamplesOnTheExtremes() {
    double[] x = balst();
    double med = Robust.median(x);
    double level = 0.5 * Damager.maxAbsDeviation(x, med);
    int above = 0;
    int below = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] >= med + level) above++;
      if (x[i] <= med - level) below++;
      x[i] = Math.max(med - level, Math.min(med + level, x[i]));
    }
    assertEquals((above - 1 + below - 1) / 512.0, m(x).get("clip_fraction"), 1e-12);
  }

  @Test
  void aGainPlateauIsATwoSidedStepOfItsFactor() {
    double[] x = balst();
    double med = Robust.median(x);
    for (int i = 160; i < 352; i++) x[i] = med + 10 * (x[i] - med);
    // blocks 5..10 scaled tenfold: both steps are log10(10) = 1 up to the blocks' noise
    assertEquals(1.0, m(x).get("gain_step"), 0.15);
    assertTrue(m(balst()).get("gain_step") < 0.5);
  }

  @Test
  void aDeadWindowAndBadInput() {
    double[] flat = new double[512];
    Arrays.fill(flat, 7);
    Map<String, Double> m = m(flat);
    assertEquals(0, m.get("std"));
    assertEquals(1 / 512.0, m.get("distinct_fraction"));
    assertEquals(1, m.get("longest_flat"));
    assertEquals(0, m.get("clip_fraction"));
    assertEquals(0, m.get("timing_jump"));
    double[] nan = balst();
    nan[5] = Double.NaN;
    assertEquals("sample 5 is NaN", assertThrows(IllegalArgumentException.class, () -> QcMetrics.compute(nan, S)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> QcMetrics.compute(new double[64], S));
  }

  @Test
  void aStepOfTwentySigmaScoresAboutTwenty() {
    double[] x = balst();
    double[] e = diff(x);
    double med = Robust.median(e);
    for (int i = 0; i < e.length; i++) e[i] -= med;
    double sigma = Robust.madSigma(e);
    for (int i = 256; i < 512; i++) x[i] += 20 * sigma;
    // one difference grows by 20 σ; the metric takes off the larger |e| two samples away (~1 σ)
    double jump = m(x).get("timing_jump");
    assertTrue(jump > 16 && jump < 23, "timing_jump " + jump);
    assertTrue(m(balst()).get("timing_jump") < 6);
  }

  private static double[] diff(double[] x) {
    double[] d = new double[x.length - 1];
    for (int i = 0; i < d.length; i++) d[i] = x[i + 1] - x[i];
    return d;
  }
}
