package org.moho.pipelines.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurveTest {
  /**
   * Scores 0.9(+) 0.8(−) 0.8(+) 0.5(−) 0.3(+). Pairs (positive, negative): (0.9,0.8) 1,
   * (0.9,0.5) 1, (0.8,0.8) tie ½, (0.8,0.5) 1, (0.3,0.8) 0, (0.3,0.5) 0 → U = 3.5 of 6.
   */
  @Test
  void handExampleWithATie() {
    double[] s = {0.9, 0.8, 0.8, 0.5, 0.3};
    boolean[] y = {true, false, true, false, true};
    RocCurve roc = RocCurve.of(s, y, true);
    assertEquals(3.5 / 6, roc.auc(), 1e-15);
    assertArrayEquals(new double[] {0, 0, 0.5, 1, 1}, roc.fpr(), 1e-15);
    assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1}, roc.tpr(), 1e-15);
    assertArrayEquals(new double[] {0.9, 0.8, 0.5, 0.3}, roc.thresholds(), 0);
    assertArrayEquals(new double[] {1, 2.0 / 3, 0.5, 0.6}, roc.precision(), 1e-15);
    // Lower is better ranks 0.3 first: the complement.
    assertEquals(1 - 3.5 / 6, RocCurve.of(s, y, false).auc(), 1e-15);
    RocCurve.Confusion c = RocCurve.confusion(s, y, true, 0.8);
    assertEquals(new RocCurve.Confusion(0.8, 2, 1, 1, 1), c);
    assertEquals(2.0 / 3, c.precision(), 1e-15);
    // Youden's J: at 0.9 J = 1/3, at 0.8 J = 2/3 - 1/2, at 0.5 J = 2/3 - 1 → 0.9.
    assertEquals(0.9, roc.youdenThreshold());
  }

  @Test
  void aucIsTheMannWhitneyPairCount() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int n = 50 + rnd.nextInt(200);
      double[] s = new double[n];
      boolean[] y = new boolean[n];
      for (int i = 0; i < n; i++) {
        y[i] = rnd.nextDouble() < 0.4;
        s[i] = Math.round((rnd.nextGaussian() + (y[i] ? 0.7 : 0)) * 4) / 4.0; // coarse: many ties
      }
      double u = 0;
      long n1 = 0;
      long n0 = 0;
      for (int i = 0; i < n; i++) {
        if (y[i]) n1++;
        else n0++;
        if (!y[i]) continue;
        for (int j = 0; j < n; j++) {
          if (y[j]) continue;
          u += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
      assertEquals(u / (n0 * n1), RocCurve.of(s, y, true).auc(), 1e-12);
    }
  }

  /** Against scikit-learn 1.2.1 on 300 scores with ties (reference/evaluate/make_roc_reference.py). */
  @Test
  void matchesScikitLearn() throws IOException {
    String csv = resource("roc_scores.csv");
    List<String> lines = csv.lines().skip(1).toList();
    double[] s = new double[lines.size()];
    boolean[] y = new boolean[lines.size()];
    for (int i = 0; i < s.length; i++) {
      String[] f = lines.get(i).split(",");
      s[i] = Double.parseDouble(f[0]);
      y[i] = f[1].equals("1");
    }
    Map<String, String> ref = new HashMap<>();
    resource("roc_sklearn.txt").lines().forEach(l -> ref.put(l.substring(0, l.indexOf(' ')), l.substring(l.indexOf(' ') + 1)));
    RocCurve roc = RocCurve.of(s, y, true);
    assertEquals(Double.parseDouble(ref.get("roc_auc_score")), roc.auc(), 1e-12);
    assertEquals(Double.parseDouble(ref.get("roc_auc_score_negated_lower_is_better")), RocCurve.of(s, y, false).auc(), 1e-12);
    assertEquals(Double.parseDouble(ref.get("average_precision_score")), roc.averagePrecision(), 1e-12);
    assertEquals(Integer.parseInt(ref.get("roc_points")), roc.fpr().length);
    assertArrayEquals(numbers(ref.get("fpr")), roc.fpr(), 1e-12);
    assertArrayEquals(numbers(ref.get("tpr")), roc.tpr(), 1e-12);
  }

  private static double[] numbers(String s) {
    String[] f = s.trim().split(" ");
    double[] x = new double[f.length];
    for (int i = 0; i < f.length; i++) x[i] = Double.parseDouble(f[i]);
    return x;
  }

  static String resource(String name) throws IOException {
    try (InputStream in = RocCurveTest.class.getResourceAsStream("/reference/evaluate/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
