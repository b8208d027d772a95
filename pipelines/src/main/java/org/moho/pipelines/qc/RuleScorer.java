package org.moho.pipelines.qc;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines the metrics of one window into a score per damage kind and one QC score. Each kind's
 * score is its metric over the kind's threshold (inverted for dead, where small is bad), so 1 is
 * the threshold and the scores of different kinds are comparable; the QC score is the largest
 * of them, and when the autoencoder's score is given, the larger of that and it ({@code combine:
 * max}) or their weighted geometric mean, rules^(1 − w) · ae^w with w = {@code ae_weight}
 * ({@code combine: geometric}). A kind is flagged when its score is ≥ 1.
 */
public final class RuleScorer implements Serializable {
  /** The kinds scored, in column order. */
  public static final List<DamageKind> KINDS = List.of(DamageKind.GAP, DamageKind.SPIKES, DamageKind.CLIPPING,
      DamageKind.DEAD, DamageKind.GAIN, DamageKind.TIMING);

  private final RulesConfig config;

  public RuleScorer(RulesConfig config) {
    this.config = config;
  }

  /** The scores of one window: per kind (in {@link #KINDS} order), the autoencoder's (or NaN) and the QC score. */
  public record Scores(Map<DamageKind, Double> byKind, double ae, double score) {
    /** The flagged kinds, comma-separated in {@link #KINDS} order, plus {@code autoencoder}; empty if none. */
    public String flags() {
      StringBuilder b = new StringBuilder();
      byKind.forEach((k, v) -> {
        if (v >= 1) b.append(b.length() == 0 ? "" : ",").append(k.label());
      });
      if (ae >= 1) b.append(b.length() == 0 ? "" : ",").append("autoencoder");
      return b.toString();
    }
  }

  /**
   * Scores a window from its metrics by name (as {@link QcMetrics#NAMES}) and an optional
   * autoencoder value (NaN when absent).
   */
  public Scores score(Map<String, Double> m, double aeValue) {
    Map<DamageKind, Double> s = new LinkedHashMap<>();
    s.put(DamageKind.GAP, get(m, "longest_flat") / config.gapLongestFlat());
    s.put(DamageKind.SPIKES, get(m, "spike_peak") / config.spikePeak());
    s.put(DamageKind.CLIPPING, get(m, "clip_fraction") / config.clipFraction());
    double dead = QcMetrics.ratio(config.deadDistinct(), get(m, "distinct_fraction"));
    if (config.deadStd() > 0) dead = Math.max(dead, QcMetrics.ratio(config.deadStd(), get(m, "std")));
    s.put(DamageKind.DEAD, dead);
    s.put(DamageKind.GAIN, get(m, "gain_step") / config.gainStep());
    s.put(DamageKind.TIMING, get(m, "timing_jump") / config.timingJump());
    double ae = Double.isNaN(aeValue) || config.aeThreshold() == null ? Double.NaN : aeValue / config.aeThreshold();
    double max = s.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    if (Double.isNaN(ae)) return new Scores(s, ae, max);
    return new Scores(s, ae, switch (config.combine()) {
      case MAX -> Math.max(max, ae);
      // a zero on either side (a perfect window) would erase the other: both are floored
      case GEOMETRIC -> Math.pow(Math.max(max, COMBINE_FLOOR), 1 - config.aeWeight()) * Math.pow(Math.max(ae, COMBINE_FLOOR), config.aeWeight());
    });
  }

  /** Floor of each side of the geometric combination. */
  static final double COMBINE_FLOOR = 1e-6;

  private static double get(Map<String, Double> m, String name) {
    Double v = m.get(name);
    if (v == null) throw new IllegalArgumentException("metric '" + name + "' is missing (make the input with seismo.metrics)");
    return v;
  }
}
