package org.moho.pipelines.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.StageOutputs;

/** qc.rules on the DirectRunner, alone and joined (CoGroupByKey) with autoencoder score rows. */
class QcRulesTest {
  /** Metric vectors of real TLY windows as seismo.metrics writes them; window 2 has 100 zeros at 100..199. */
  static List<FeatureVector> metricVectors() {
    List<FeatureVector> out = new ArrayList<>();
    List<FeatureVector> windows = SeismoDamageTest.tlyWindows(4);
    for (int w = 0; w < windows.size(); w++) {
      double[] x = new double[512];
      for (int i = 0; i < 512; i++) x[i] = windows.get(w).values()[i];
      if (w == 2) java.util.Arrays.fill(x, 100, 200, 0);
      double[] m = QcMetrics.compute(x, new QcMetrics.Settings(4, 8));
      float[] v = new float[m.length];
      for (int i = 0; i < m.length; i++) v[i] = (float) m[i];
      out.add(new FeatureVector("w" + w, v, Map.of("metrics", String.join(",", QcMetrics.NAMES), "label", w == 2 ? "1" : "0", "station", "TLY")));
    }
    return out;
  }

  private static Map<String, Double> named(FeatureVector v) {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < v.values().length; i++) m.put(QcMetrics.NAMES.get(i), (double) v.values()[i]);
    return m;
  }

  @Test
  void joinsAutoencoderScoresByKey() {
    List<FeatureVector> vectors = new ArrayList<>(metricVectors());
    vectors.add(new FeatureVector("plain", new float[] {1, 2}, Map.of()));
    List<Row> scores = List.of(
        new Row("w0", Map.of("mse", 0.5, "e", 64.0)),
        new Row("w1", Map.of("mse", 0.01, "e", 1.3)),
        new Row("w3", Map.of("mse", 0.2)),
        new Row("w3", Map.of("mse", 0.3)),
        new Row("elsewhere", Map.of("mse", 9.0)));
    RulesConfig config = QcHarness.bind(RulesConfig.class, "{ae_threshold: 0.1}");
    Pipeline p = QcHarness.pipeline();
    PCollectionTuple out = QcHarness.apply(new QcRules(), config,
        QcHarness.create(p, "vectors", FeatureVector.class, vectors), QcHarness.create(p, "scores", Row.class, scores));
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(got -> {
      Map<String, Row> byKey = new TreeMap<>();
      got.forEach(r -> byKey.put(r.key(), r));
      assertEquals(List.of("w0", "w1", "w2"), List.copyOf(byKey.keySet()));
      Row w0 = byKey.get("w0");
      assertEquals(0.5, w0.number("mse"));
      assertEquals(5.0, w0.number("score_ae"), 1e-12);
      assertEquals(5.0, w0.number("score"), 1e-12);
      assertTrue(((String) w0.get("flags")).endsWith("autoencoder"));
      assertEquals(0L, w0.get("label"));
      assertEquals("TLY", w0.get("station"));
      Row w1 = byKey.get("w1");
      assertEquals(0.1, w1.number("score_ae"), 1e-12);
      assertEquals(false, w1.get("flag_ae"));
      RuleScorer.Scores s1 = new RuleScorer(config).score(named(vectors.get(1)), 0.01);
      assertEquals(s1.score(), w1.number("score"), 0);
      assertEquals(s1.flags(), w1.get("flags"));
      // no score row for w2: scored on its metrics alone; its 100 zeros are the longest flat run
      Row w2 = byKey.get("w2");
      assertTrue(!w2.has("mse"));
      assertEquals(100 / 512.0 / 0.012, w2.number("score_gap"), 1e-5);
      assertEquals(true, w2.get("flag_gap"));
      assertEquals(1L, w2.get("label"));
      // the gap's edges are steps from the trace's offset (about -1500 counts) to 0: timing scores highest
      assertEquals(168.8154 / 4.0, w2.number("score_timing"), 1e-4);
      assertEquals(w2.number("score_timing"), w2.number("score"), 0);
      return null;
    });
    QcHarness.assertTexts(StageOutputs.errors(out), List.of(
        new ErrorRecord("stage", "w3", "2 score rows share the key w3", null).toString(),
        new ErrorRecord("stage", "plain", "no 'metrics' metadata: make the input with seismo.metrics", null).toString()));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(1, QcHarness.counter(result, "stage", QcRules.SCORES_MISSING));
    assertEquals(1, QcHarness.counter(result, "stage", QcRules.SCORES_UNMATCHED));
  }

  @Test
  void scoresWithoutTheSecondInputAndEveryThresholdCounts() {
    List<FeatureVector> vectors = metricVectors();
    Pipeline p = QcHarness.pipeline();
    PCollectionTuple out = QcHarness.apply(new QcRules(), QcAucTest.RULES, QcHarness.create(p, "vectors", FeatureVector.class, vectors));
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(got -> {
      Map<String, Row> byKey = new TreeMap<>();
      got.forEach(r -> byKey.put(r.key(), r));
      assertEquals(4, byKey.size());
      // zeros in a trace offset by about -1500 counts: a flat run, sitting on the minimum, with a
      // step at each edge, where the blocks' scale drops to 0
      assertEquals("gap,spikes,clipping,gain,timing", byKey.get("w2").get("flags"));
      assertEquals("", byKey.get("w0").get("flags"));
      assertEquals(List.of("score", "flags", "score_gap", "score_spikes", "score_clipping", "score_dead", "score_gain",
          "score_timing", "flag_gap", "flag_spikes", "flag_clipping", "flag_dead", "flag_gain", "flag_timing"),
          List.copyOf(byKey.get("w0").values().keySet()).subList(0, 14));
      return null;
    });
    QcHarness.assertTexts(StageOutputs.errors(out), List.of());
    p.run().waitUntilFinish();
    // each threshold key moves its own score
    Map<String, Double> m = named(vectors.get(2));
    double[] base = scores(QcHarness.bind(RulesConfig.class, "{}"), m);
    String[] keys = {"gap_longest_flat: 0.024", "spike_peak: 13.8", "clip_fraction: 0.0176", "dead_distinct: 0.2",
        "gain_step: 1.38", "timing_jump: 9.4"};
    for (int k = 0; k < keys.length; k++) {
      double[] changed = scores(QcHarness.bind(RulesConfig.class, "{" + keys[k] + "}"), m);
      for (int j = 0; j < base.length; j++) {
        if (j == k) assertTrue(changed[j] != base[j], keys[k]);
      }
    }
    double[] std = scores(QcHarness.bind(RulesConfig.class, "{dead_std: 1e9}"), m);
    assertTrue(std[3] > base[3]);
  }

  private static double[] scores(RulesConfig c, Map<String, Double> m) {
    return new RuleScorer(c).score(m, Double.NaN).byKind().values().stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** combine: max takes the larger of the rules' score and score_ae, geometric their weighted geometric mean. */
  @Test
  void combineJoinsTheAutoencoderByMaxOrGeometricMean() {
    Map<String, Double> m = named(metricVectors().get(2));
    double rules = new RuleScorer(QcHarness.bind(RulesConfig.class, "{}")).score(m, Double.NaN).score();
    RuleScorer max = new RuleScorer(QcHarness.bind(RulesConfig.class, "{ae_threshold: 0.5}"));
    RuleScorer geometric = new RuleScorer(QcHarness.bind(RulesConfig.class, "{ae_threshold: 0.5, combine: geometric}"));
    assertEquals(Math.max(rules, 4), max.score(m, 2).score(), 1e-12);
    assertEquals(Math.pow(rules, 0.75) * Math.pow(4, 0.25), geometric.score(m, 2).score(), 1e-12);
    RuleScorer even = new RuleScorer(QcHarness.bind(RulesConfig.class, "{ae_threshold: 0.5, combine: geometric, ae_weight: 0.5}"));
    assertEquals(Math.sqrt(rules * 4), even.score(m, 2).score(), 1e-12);
    assertEquals(4, geometric.score(m, 2).ae(), 0);
    // no autoencoder value: the rules' score, whatever the combination
    assertEquals(rules, geometric.score(m, Double.NaN).score(), 0);
    // a perfect reconstruction does not erase the rules: each side is floored
    assertEquals(Math.pow(rules, 0.75) * Math.pow(1e-6, 0.25), geometric.score(m, 0).score(), 1e-15);
  }

  @Test
  void aScoresInputNeedsAThreshold() {
    Pipeline p = QcHarness.pipeline();
    ConfigException e = assertThrows(ConfigException.class, () -> QcHarness.apply(new QcRules(), QcAucTest.RULES,
        QcHarness.create(p, "vectors", FeatureVector.class, metricVectors()),
        QcHarness.create(p, "scores", Row.class, List.of(new Row("w0", Map.of("mse", 1.0))))));
    assertEquals("ae_threshold", e.key());
    org.moho.core.spec.Problems problems = new org.moho.core.spec.Problems();
    QcHarness.bindOrProblems(RulesConfig.class, "{spike_peak: 0}", problems);
    assertTrue(problems.all().toString().contains("spike_peak"), problems.all().toString());
    org.moho.core.spec.Problems weight = new org.moho.core.spec.Problems();
    QcHarness.bindOrProblems(RulesConfig.class, "{ae_threshold: 0.06, combine: geometric, ae_weight: 1.5}", weight);
    assertTrue(weight.all().toString().contains("ae_weight") && weight.all().toString().contains("must be in [0, 1]"),
        weight.all().toString());
  }
}
