package org.moho.pipelines.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
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

/** QcDescriptor's transforms by hand, on a real gain error, and qc.descriptor on the DirectRunner. */
class QcDescriptorTest {
  static final String NAMES = String.join(",", QcMetrics.NAMES);

  @Test
  void eachMetricOnItsDocumentedScale() {
    // zero_fraction, flat_fraction, longest_flat, spike_count, spike_peak, clip_fraction, clip_run, std,
    // distinct_fraction, rms_jump_halves, rms_jump_quarters, gain_step, max_median_ratio, timing_jump
    double[] m = {0, 0.1, 0.01, 3, 9, 1e-5, 0.5, 200, 1, 0.25, 0.5, 0.69, 99, 0};
    float[] d = QcDescriptor.describe(m, 100);
    float[] expected = {-3, -1, -2, (float) Math.log10(4), 1, -3, (float) Math.log10(0.5), (float) Math.log10(2), 0, 0.25f, 0.5f,
        0.69f, 2, 0};
    for (int i = 0; i < m.length; i++) assertEquals(expected[i], d[i], 1e-6, QcMetrics.NAMES.get(i));
    // a dead window (std 0) sits at the floor, 3 decades under its channel
    m[7] = 0;
    assertEquals(-3, QcDescriptor.describe(m, 100)[7], 1e-6);
    assertThrows(IllegalArgumentException.class, () -> QcDescriptor.describe(new double[3], 1));
  }

  @Test
  void referenceIsTheMedianStdOrOne() {
    assertEquals(1.5, QcDescriptor.reference(new double[] {3, 0, 2, 1}), 0);
    assertEquals(1, QcDescriptor.reference(new double[] {0, 0, 0}), 0);
  }

  /** A whole-window gain error of 10 moves the std value by exactly one decade and no shape metric. */
  @Test
  void wholeWindowGainErrorShowsOnlyThroughTheChannelLevel() {
    double[] x = RealWindows.windows(List.of("CH.BALST..LHE.D.2025.314")).get(3).samples();
    double med = Robust.median(x);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) y[i] = med + 10 * (x[i] - med);
    QcMetrics.Settings s = QcAucTest.METRICS.settings();
    double[] mx = QcMetrics.compute(x, s);
    double reference = mx[QcDescriptor.STD];
    float[] a = QcDescriptor.describe(mx, reference);
    float[] b = QcDescriptor.describe(QcMetrics.compute(y, s), reference);
    assertEquals(0, a[QcDescriptor.STD], 1e-6);
    assertEquals(1, b[QcDescriptor.STD], 1e-6);
    for (String shape : List.of("spike_peak", "gain_step", "max_median_ratio", "rms_jump_halves")) {
      int i = QcMetrics.NAMES.indexOf(shape);
      assertEquals(a[i], b[i], 1e-4, shape);
    }
  }

  static FeatureVector metricsVector(FeatureVector window) {
    double[] x = new double[window.values().length];
    for (int i = 0; i < x.length; i++) x[i] = window.values()[i];
    double[] m = QcMetrics.compute(x, QcAucTest.METRICS.settings());
    float[] f = new float[m.length];
    for (int i = 0; i < m.length; i++) f[i] = (float) m[i];
    Map<String, String> metadata = new TreeMap<>(window.metadata());
    metadata.put("metrics", NAMES);
    return new FeatureVector(window.key(), f, metadata);
  }

  @Test
  void stageDescribesEachVectorAgainstItsChannelsMedianStd() {
    List<FeatureVector> tly = SeismoDamageTest.tlyWindows(3);
    List<FeatureVector> in = new ArrayList<>();
    for (FeatureVector w : tly) in.add(metricsVector(w));
    // a second channel: the first TLY window as another station, alone in its group (its own std is its reference)
    Map<String, String> other = new TreeMap<>(in.get(0).metadata());
    other.put("station", "OTHER");
    in.add(new FeatureVector("II.OTHER.00.BHZ@x", in.get(0).values(), other));
    float[] nan = in.get(1).values().clone();
    nan[4] = Float.NaN;
    String channel = tly.get(0).key().substring(0, tly.get(0).key().indexOf('@'));
    in.add(new FeatureVector(channel + "@nan", nan, in.get(1).metadata()));
    in.add(new FeatureVector(channel + "@window", tly.get(0).values(), tly.get(0).metadata()));
    double[] stds = in.subList(0, 3).stream().mapToDouble(v -> v.values()[QcDescriptor.STD]).sorted().toArray();
    double tlyReference = stds[1];
    Pipeline p = QcHarness.pipeline();
    PCollection<FeatureVector> records = QcHarness.create(p, "in", FeatureVector.class, in);
    PCollectionTuple out = QcHarness.apply(new QcDescriptorStage(), new QcDescriptorStage.Config(), records);
    PAssert.that(StageOutputs.<FeatureVector>main(out)).satisfies(got -> {
      Map<String, FeatureVector> byKey = new TreeMap<>();
      got.forEach(v -> byKey.put(v.key(), v));
      assertEquals(4, byKey.size());
      for (int w = 0; w < 4; w++) {
        FeatureVector v = byKey.get(in.get(w).key());
        double reference = w < 3 ? tlyReference : in.get(0).values()[QcDescriptor.STD];
        double[] m = new double[QcMetrics.NAMES.size()];
        for (int i = 0; i < m.length; i++) m[i] = in.get(w).values()[i];
        assertEquals(Arrays.toString(QcDescriptor.describe(m, reference)), Arrays.toString(v.values()));
        assertEquals(Double.toString(reference), v.metadata().get("qc_reference"));
        assertEquals(NAMES, v.metadata().get("descriptor"));
        assertEquals(w < 3 ? "TLY" : "OTHER", v.metadata().get("station"));
      }
      return null;
    });
    QcHarness.assertTexts(StageOutputs.errors(out), List.of(
        new ErrorRecord("stage", channel + "@nan", "spike_peak is NaN (not finite)", null).toString(),
        new ErrorRecord("stage", in.get(5).key(), "not a seismo.metrics vector (metadata 'metrics' must be " + NAMES + ")", null).toString()));
    p.run().waitUntilFinish();
  }
}
