package org.moho.pipelines.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.FeatureVector;
import org.moho.core.stage.StageOutputs;

/** seismo.metrics on the DirectRunner: real TLY windows, a NaN window and a short one. */
class SeismoMetricsTest {
  @Test
  void metricsOfRealWindowsInOrderWithTheirMetadata() {
    List<FeatureVector> in = new ArrayList<>(SeismoDamageTest.tlyWindows(2));
    float[] nan = in.get(0).values().clone();
    nan[7] = Float.NaN;
    in.add(new FeatureVector("II.TLY.00.BHZ@nan", nan, Map.of()));
    in.add(new FeatureVector("II.TLY.00.BHZ@short", new float[40], Map.of()));
    Pipeline p = QcHarness.pipeline();
    // the Object-typed port takes the vectors as they are (the graph checked their type)
    PCollection<FeatureVector> records = QcHarness.create(p, "in", FeatureVector.class, in);
    PCollectionTuple out = QcHarness.apply(new SeismoMetrics(), QcHarness.bind(MetricsConfig.class, "{}"), records);
    PAssert.that(StageOutputs.<FeatureVector>main(out)).satisfies(got -> {
      Map<String, FeatureVector> byKey = new TreeMap<>();
      got.forEach(v -> byKey.put(v.key(), v));
      assertEquals(2, byKey.size());
      for (int w = 0; w < 2; w++) {
        FeatureVector v = byKey.get(in.get(w).key());
        double[] x = new double[512];
        for (int i = 0; i < 512; i++) x[i] = in.get(w).values()[i];
        double[] expected = QcMetrics.compute(x, new QcMetrics.Settings(4, 8));
        assertEquals(QcMetrics.NAMES.size(), v.values().length);
        for (int i = 0; i < expected.length; i++) assertEquals((float) expected[i], v.values()[i], 0f, QcMetrics.NAMES.get(i));
        assertEquals(String.join(",", QcMetrics.NAMES), v.metadata().get("metrics"));
        assertEquals("TLY", v.metadata().get("station"));
        assertEquals("20.0", v.metadata().get("sample_rate"));
      }
      return null;
    });
    QcHarness.assertTexts(StageOutputs.errors(out), List.of(
        new ErrorRecord("stage", "II.TLY.00.BHZ@nan", "sample 7 is NaN (not finite)", null).toString(),
        new ErrorRecord("stage", "II.TLY.00.BHZ@short", "record of 40 samples is under the 65 the metrics need", null).toString()));
    p.run().waitUntilFinish();
  }

  @Test
  void everyMetricsKeyHasAnEffect() {
    double[] x = RealWindows.windows(List.of("CH.BALST..LHE.D.2025.314")).get(3).samples();
    java.util.Arrays.fill(x, 100, 103, 0); // a run of 3 zeros
    double[] a = QcMetrics.compute(x, QcHarness.bind(MetricsConfig.class, "{min_run: 4}").settings());
    double[] b = QcMetrics.compute(x, QcHarness.bind(MetricsConfig.class, "{min_run: 3}").settings());
    assertEquals(0, a[0]);
    assertEquals(3 / 512.0, b[0], 1e-12);
    double max = Damager.maxAbs(x);
    x[300] = x[300] + 10 * max; // a tall spike
    x[200] = x[200] + 2 * max;  // a small one
    double[] k8 = QcMetrics.compute(x, QcHarness.bind(MetricsConfig.class, "{spike_k: 8}").settings());
    assertEquals(2, k8[3]);
    // with spike_k at half the tall spike's height (in sigmas), only the tall one counts
    double half = k8[4] / 2;
    double[] high = QcMetrics.compute(x, QcHarness.bind(MetricsConfig.class, "{spike_k: " + half + "}").settings());
    assertEquals(1, high[3]);
  }
}
