package org.moho.pipelines.qc;

import java.util.List;
import java.util.Set;

/**
 * The QC autoencoder's view of a window: its {@link QcMetrics} on scales where every damage kind
 * moves some value by a large amount and clean windows of different stations look alike. The
 * transform of each metric m (R = the channel's reference level, the median {@code std} of its
 * windows; F = {@link #FLOOR}):
 *
 * <ul>
 *   <li>fractions (zero_fraction, flat_fraction, longest_flat, clip_fraction, clip_run,
 *       distinct_fraction): log10(max(m, F)), so that 0.1 % and 10 % of held samples differ by 2
 *       rather than by 0.1 (gaps, clipping and dead channels are runs of held values);
 *   <li>std: log10(max(m, F·R) / R), the window's level relative to its channel, so that a gain
 *       error or a dead channel shows even when it spans the whole window;
 *   <li>metrics that are already log10 ratios (rms_jump_halves, rms_jump_quarters, gain_step): as
 *       they are;
 *   <li>the rest (spike_count, spike_peak, max_median_ratio, timing_jump, ratios ≥ 0 up to
 *       {@link QcMetrics#CAP}): log10(1 + m).
 * </ul>
 *
 * Every value is finite for finite metrics. Why metrics and not the waveform or a profile of it:
 * on leave-stations-out folds over the training and calibration stations, an autoencoder of these
 * 14 values kept its AUC on stations it had not seen (0.92 all kinds, trained on one station), while
 * descriptors with a 32-block log level profile, amplitude quantiles and difference quantiles fell
 * to 0.77 (BENCHMARKS.md, Seismogram QC workflow).
 */
public final class QcDescriptor {
  /** Floor of the fractions and of std relative to the reference. */
  public static final double FLOOR = 1e-3;
  static final Set<String> FRACTIONS = Set.of("zero_fraction", "flat_fraction", "longest_flat", "clip_fraction", "clip_run",
      "distinct_fraction");
  static final Set<String> LOG_RATIOS = Set.of("rms_jump_halves", "rms_jump_quarters", "gain_step");
  static final int STD = QcMetrics.NAMES.indexOf("std");

  private QcDescriptor() {}

  /** Names of the values, in order: those of {@link QcMetrics#NAMES}. */
  public static List<String> names() {
    return QcMetrics.NAMES;
  }

  /** A channel's reference level from its windows' std values: their median, or 1 when that is not positive. */
  public static double reference(double[] stds) {
    double r = Robust.median(stds);
    return r > 0 && Double.isFinite(r) ? r : 1;
  }

  /** The descriptor of a window whose metrics (in {@link QcMetrics#NAMES} order) are {@code m}. */
  public static float[] describe(double[] m, double reference) {
    if (m.length != QcMetrics.NAMES.size()) {
      throw new IllegalArgumentException("expected the " + QcMetrics.NAMES.size() + " metrics of seismo.metrics, got " + m.length);
    }
    float[] out = new float[m.length];
    for (int i = 0; i < m.length; i++) {
      String name = QcMetrics.NAMES.get(i);
      double v = m[i];
      out[i] = (float) (i == STD ? Math.log10(Math.max(v, FLOOR * reference) / reference)
          : FRACTIONS.contains(name) ? Math.log10(Math.max(v, FLOOR))
          : LOG_RATIOS.contains(name) ? v
          : Math.log10(1 + Math.abs(v)));
    }
    return out;
  }
}
