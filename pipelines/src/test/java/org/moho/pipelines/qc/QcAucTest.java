package org.moho.pipelines.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clean versus damaged real windows: the ROC AUC of the qc.rules score per damage kind, on
 * stations never used to set the thresholds. Tuning set: CH.BALST LHE (1 Hz, 168 windows) and
 * NZ.CRLZ HHZ (100 Hz, 64). Evaluation set: IU.ULN LH1 (1 Hz), II.TLY BHZ (20 Hz), YB.BB12 BHZ
 * (40 Hz), BW.UH1/UH2/UH3 SH? (50 Hz): 233 windows of 512 samples, raw counts.
 */
class QcAucTest {
  static final DamageConfig DAMAGE = QcHarness.bind(DamageConfig.class, "{keep_clean: true}");
  static final MetricsConfig METRICS = QcHarness.bind(MetricsConfig.class, "{}");
  static final RulesConfig RULES = QcHarness.bind(RulesConfig.class, "{}");

  /** Metrics of each window clean (kind NONE) and with each kind of damage. */
  static Map<DamageKind, List<Map<String, Double>>> metrics(List<RealWindows.Window> windows) {
    Map<DamageKind, List<Map<String, Double>>> out = new LinkedHashMap<>();
    for (DamageKind k : DamageKind.values()) out.put(k, new ArrayList<>());
    for (RealWindows.Window w : windows) {
      out.get(DamageKind.NONE).add(named(QcMetrics.compute(w.samples(), METRICS.settings())));
      for (DamageKind k : DAMAGE.kinds()) {
        double[] y = Damager.apply(k, w.samples(), DAMAGE, RecordSeeds.random(DAMAGE.seed(), w.key())).samples();
        out.get(k).add(named(QcMetrics.compute(y, METRICS.settings())));
      }
    }
    return out;
  }

  static Map<String, Double> named(double[] v) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < v.length; i++) m.put(QcMetrics.NAMES.get(i), v[i]);
    return m;
  }

  static Map<DamageKind, Double> aucs(Map<DamageKind, List<Map<String, Double>>> m, RulesConfig rules) {
    RuleScorer scorer = new RuleScorer(rules);
    double[] clean = m.get(DamageKind.NONE).stream().mapToDouble(x -> scorer.score(x, Double.NaN).score()).toArray();
    Map<DamageKind, Double> out = new LinkedHashMap<>();
    for (DamageKind k : DAMAGE.kinds()) {
      double[] bad = m.get(k).stream().mapToDouble(x -> scorer.score(x, Double.NaN).score()).toArray();
      out.put(k, Auc.of(clean, bad));
    }
    return out;
  }

  @Test
  void rulesSeparateCleanFromDamagedOnStationsNotUsedForTuning() {
    List<RealWindows.Window> windows = RealWindows.windows(RealWindows.EVALUATION);
    assertEquals(233, windows.size());
    Map<DamageKind, Double> auc = aucs(metrics(windows), RULES);
    auc.forEach((k, v) -> System.out.printf(Locale.ROOT, "evaluation AUC %-8s %.4f%n", k.label(), v));
    for (DamageKind k : List.of(DamageKind.GAP, DamageKind.SPIKES, DamageKind.CLIPPING, DamageKind.DEAD, DamageKind.GAIN)) {
      assertTrue(auc.get(k) >= 0.95, k + " AUC " + auc.get(k));
    }
    // a shift of a few samples is a small step on smooth long-period data: hard, but better than chance
    assertTrue(auc.get(DamageKind.TIMING) > 0.55, "timing AUC " + auc.get(DamageKind.TIMING));
  }

  @Test
  void tuningStationsAreSeparatedToo() {
    Map<DamageKind, Double> auc = aucs(metrics(RealWindows.windows(RealWindows.TUNING)), RULES);
    auc.forEach((k, v) -> System.out.printf(Locale.ROOT, "tuning AUC %-8s %.4f%n", k.label(), v));
    for (DamageKind k : List.of(DamageKind.GAP, DamageKind.SPIKES, DamageKind.CLIPPING, DamageKind.DEAD, DamageKind.GAIN)) {
      assertTrue(auc.get(k) >= 0.95, k + " AUC " + auc.get(k));
    }
  }

  /**
   * The defaults of qc.rules follow the documented rule applied to the clean tuning windows only:
   * 1.5 × the largest clean value of each shape metric, to two significant digits.
   */
  @Test
  void defaultThresholdsFollowTheTuningRule() {
    List<Map<String, Double>> clean = metrics(RealWindows.windows(RealWindows.TUNING)).get(DamageKind.NONE);
    for (String name : List.of("longest_flat", "spike_peak", "clip_fraction", "gain_step", "timing_jump")) {
      System.out.println("tuned " + name + " = " + tuned(clean, name));
    }
    assertEquals(RULES.gapLongestFlat(), tuned(clean, "longest_flat"), 1e-12);
    assertEquals(RULES.spikePeak(), tuned(clean, "spike_peak"), 1e-12);
    assertEquals(RULES.clipFraction(), tuned(clean, "clip_fraction"), 1e-12);
    assertEquals(RULES.gainStep(), tuned(clean, "gain_step"), 1e-12);
    assertEquals(RULES.timingJump(), tuned(clean, "timing_jump"), 1e-12);
    // dead thresholds sit an order of magnitude below the quietest tuning window
    double minStd = clean.stream().mapToDouble(m -> m.get("std")).min().orElseThrow();
    double minDistinct = clean.stream().mapToDouble(m -> m.get("distinct_fraction")).min().orElseThrow();
    assertTrue(RULES.deadStd() <= minStd / 10 && RULES.deadDistinct() <= minDistinct / 5, minStd + " " + minDistinct);
  }

  static double tuned(List<Map<String, Double>> clean, String metric) {
    double max = clean.stream().mapToDouble(m -> m.get(metric)).max().orElseThrow();
    return Double.parseDouble(String.format(Locale.ROOT, "%.2g", 1.5 * max));
  }

  @Test
  void aucHelperMatchesHandCountedPairs() {
    // pairs (bad > clean): 3>1, 3>2, 5>1, 5>2, 5>4, 2 vs 2 ties (½), 2>1 → (6 + 0.5) / 9
    assertEquals(6.5 / 9, Auc.of(new double[] {1, 2, 4}, new double[] {3, 5, 2}), 1e-12);
    assertEquals(1.0, Auc.of(new double[] {0, 1}, new double[] {2, 3}), 0);
    assertEquals(0.5, Auc.of(new double[] {1, 1}, new double[] {1}), 0);
  }
}
