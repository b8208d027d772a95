package org.moho.pipelines.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.StageOutputs;
import org.moho.pipelines.detect.StageHarness;

/** evaluate.binary on the scikit-learn reference scores (reference/evaluate/), grouped by row parity. */
class EvaluateBinaryTest {
  @TempDir Path out;

  @Test
  void aucPerGroupConfusionAndErrors() throws Exception {
    List<String> lines = RocCurveTest.resource("roc_scores.csv").lines().skip(1).toList();
    Map<String, String> ref = new HashMap<>();
    RocCurveTest.resource("roc_sklearn.txt").lines().forEach(l -> ref.put(l.substring(0, l.indexOf(' ')), l.substring(l.indexOf(' ') + 1)));
    List<Row> rows = new ArrayList<>();
    Map<String, List<double[]>> byGroup = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("score", Double.parseDouble(f[0]));
      v.put("label", Long.parseLong(f[1]));
      v.put("kind", i % 2 == 0 ? "even" : "odd");
      rows.add(new Row("roc_scores.csv:" + (i + 2), v));
      byGroup.computeIfAbsent((String) v.get("kind"), k -> new ArrayList<>()).add(new double[] {Double.parseDouble(f[0]), Long.parseLong(f[1])});
    }
    rows.add(new Row("bad:1", Map.of("score", 0.5, "label", 2L, "kind", "odd")));
    Map<String, Object> noScore = new HashMap<>();
    noScore.put("score", null);
    noScore.put("label", 1L);
    rows.add(new Row("bad:2", noScore));
    BinaryConfig config = StageHarness.bind(BinaryConfig.class, "{group_by: kind, threshold: 0.5}");

    Pipeline p = StageHarness.pipeline();
    PCollectionTuple res = StageHarness.apply("roc", new EvaluateBinary(), config, out, p, StageHarness.of(p, Row.class, rows));
    PAssert.that(StageOutputs.<Row>main(res)).satisfies(got -> {
      Map<String, Row> g = new HashMap<>();
      got.forEach(r -> g.put((String) r.get("group"), r));
      assertEquals(java.util.Set.of("all", "even", "odd"), g.keySet());
      Row all = g.get("all");
      assertEquals(Double.parseDouble(ref.get("roc_auc_score")), all.number("auc"), 1e-12);
      assertEquals(Double.parseDouble(ref.get("average_precision_score")), all.number("average_precision"), 1e-12);
      assertEquals(300L, all.get("n"));
      long tp = 0;
      long fp = 0;
      for (String line : lines) {
        String[] f = line.split(",");
        if (Double.parseDouble(f[0]) >= 0.5) {
          if (f[1].equals("1")) tp++;
          else fp++;
        }
      }
      assertEquals(tp, all.get("tp"));
      assertEquals(fp, all.get("fp"));
      for (String k : List.of("even", "odd")) assertEquals(mannWhitney(byGroup.get(k)), g.get(k).number("auc"), 1e-12, k);
      return null;
    });
    PAssert.that(StageOutputs.errors(res)).satisfies(errs -> {
      List<String> keys = new ArrayList<>();
      for (ErrorRecord e : errs) keys.add(e.key() + ": " + e.reason());
      assertEquals(List.of("bad:1: label is not a 0/1 label", "bad:2: no numeric score"), keys.stream().sorted().toList());
      return null;
    });
    p.run().waitUntilFinish();
    String json = Files.readString(out.resolve("roc.json"));
    assertTrue(json.contains("\"even\"") && json.contains("\"roc\"") && json.contains("\"tpr\""));
    byte[] png = Files.readAllBytes(out.resolve("roc.png"));
    assertEquals((byte) 0x89, png[0]);
  }

  /**
   * baseline: the clean group's rows join every other group as its negatives, so each damage kind is
   * evaluated as "clean against that kind" (hand-counted pairs), and the clean group gets no row.
   */
  @Test
  void baselineGroupJoinsEveryOtherGroup() throws Exception {
    List<Row> rows = new ArrayList<>();
    double[] clean = {0.1, 0.4, 0.35, 0.8};
    double[] gap = {0.9, 0.3, 0.8};
    double[] spikes = {0.05, 0.2};
    for (int i = 0; i < clean.length; i++) rows.add(new Row("c" + i, Map.of("score", clean[i], "label", 0L, "damage", "none")));
    for (int i = 0; i < gap.length; i++) rows.add(new Row("g" + i, Map.of("score", gap[i], "label", 1L, "damage", "gap")));
    for (int i = 0; i < spikes.length; i++) rows.add(new Row("s" + i, Map.of("score", spikes[i], "label", 1L, "damage", "spikes")));
    BinaryConfig config = StageHarness.bind(BinaryConfig.class, "{group_by: damage, baseline: none}");
    Pipeline p = StageHarness.pipeline();
    PCollectionTuple res = StageHarness.apply("roc", new EvaluateBinary(), config, out, p, StageHarness.of(p, Row.class, rows));
    PAssert.that(StageOutputs.<Row>main(res)).satisfies(got -> {
      Map<String, Row> g = new HashMap<>();
      got.forEach(r -> g.put((String) r.get("group"), r));
      assertEquals(java.util.Set.of("all", "gap", "spikes"), g.keySet());
      // gap vs clean: 0.9 beats 4; 0.3 beats 0.1; 0.8 beats 0.1, 0.4, 0.35 and ties 0.8 → (4 + 1 + 3.5) / 12
      assertEquals(8.5 / 12, g.get("gap").number("auc"), 1e-12);
      assertEquals(4L, g.get("gap").get("negatives"));
      assertEquals(3L, g.get("gap").get("positives"));
      // spikes vs clean: 0.05 beats none; 0.2 beats 0.1 → 1 / 8
      assertEquals(1.0 / 8, g.get("spikes").number("auc"), 1e-12);
      assertEquals(9L, g.get("all").get("n"));
      return null;
    });
    p.run().waitUntilFinish();
    assertTrue(Files.readString(out.resolve("roc.json")).contains("\"spikes\""));
  }

  @Test
  void baselineNeedsGroupBy() {
    org.moho.core.spec.Problems problems = new org.moho.core.spec.Problems();
    StageHarness.bindOrProblems(BinaryConfig.class, "{baseline: none}", problems);
    assertTrue(problems.hasErrors() && problems.all().toString().contains("group_by"), problems.all().toString());
  }

  /** Brute-force U / (n0 n1) over all positive-negative pairs, ties counting one half. */
  static double mannWhitney(List<double[]> xs) {
    double u = 0;
    long n1 = xs.stream().filter(x -> x[1] == 1).count();
    long n0 = xs.size() - n1;
    for (double[] a : xs) {
      if (a[1] != 1) continue;
      for (double[] b : xs) {
        if (b[1] == 1) continue;
        u += a[0] > b[0] ? 1 : a[0] == b[0] ? 0.5 : 0;
      }
    }
    return u / (n0 * n1);
  }
}
