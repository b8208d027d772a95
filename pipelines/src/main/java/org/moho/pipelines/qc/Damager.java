package org.moho.pipelines.qc;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Applies one kind of instrument or telemetry damage to a record's samples, drawing its
 * parameters from the given random stream within the ranges of a {@link DamageConfig}. The
 * input array is never changed. What each kind does (n = record length, med = median,
 * A = max |x − med|, M = max |x|):
 *
 * <ul>
 *   <li>gap: a stretch of ⌊f·n⌋ samples, f drawn from {@code gap_length}, starting anywhere it
 *       fits, set to 0 ({@code zero}) or to the sample before it ({@code hold});
 *   <li>spikes: c single samples (c from {@code spike_count}, distinct positions, not the first
 *       or last) set to ±k·M, k from {@code spike_factor}, sign drawn;
 *   <li>clipping: every sample limited to med ± c·A, c from {@code clip_level};
 *   <li>dead: every sample set to med, or (half the records) med plus Gaussian noise of standard
 *       deviation {@code dead_noise};
 *   <li>gain: a stretch of {@code gain_length}·n samples, at least n/8 from either end, scaled
 *       about med by a factor drawn from {@code gain_factors}. Both ends of the stretch lie in the
 *       window: a gain change that runs off the window's edge looks, within the window, exactly
 *       like a real rise or fall of amplitude (an earthquake's onset) and no window metric can
 *       tell them apart;
 *   <li>timing: from a cut drawn in the middle half on, each sample replaced by the one s samples
 *       earlier (s from {@code timing_shift}): the record jumps back s samples at the cut.
 * </ul>
 */
final class Damager {
  /** Records shorter than this cannot hold a gap, a cut and samples on both sides. */
  static final int MIN_LENGTH = 16;

  private Damager() {}

  /** The damaged samples and a short description of the draws, e.g. {@code start=100,length=60,fill=zero}. */
  record Damage(double[] samples, String detail) {}

  static Damage apply(DamageKind kind, double[] x, DamageConfig c, SplittableRandom rng) {
    if (x.length < MIN_LENGTH) {
      throw new IllegalArgumentException("record of " + x.length + " samples is too short to damage (under " + MIN_LENGTH + ")");
    }
    double[] y = x.clone();
    int n = x.length;
    return switch (kind) {
      case NONE -> new Damage(y, "");
      case GAP -> {
        int length = Math.max(1, (int) (uniform(rng, c.gapLength()) * n));
        int start = rng.nextInt(n - length + 1);
        boolean zero = switch (c.gapFill()) {
          case ZERO -> true;
          case HOLD -> false;
          case EITHER -> rng.nextBoolean();
        };
        // holding from sample 0 would hold nothing: the value after the gap is held instead
        double fill = zero ? 0 : start > 0 ? x[start - 1] : x[Math.min(n - 1, length)];
        Arrays.fill(y, start, start + length, fill);
        yield new Damage(y, "start=" + start + ",length=" + length + ",fill=" + (zero ? "zero" : "hold"));
      }
      case SPIKES -> {
        int count = uniformInt(rng, c.spikeCount());
        double max = maxAbs(x);
        int[] at = rng.ints(1, n - 1).distinct().limit(count).sorted().toArray();
        StringBuilder d = new StringBuilder();
        for (int i : at) {
          double k = uniform(rng, c.spikeFactor());
          y[i] = (rng.nextBoolean() ? 1 : -1) * k * Math.max(max, 1e-12);
          d.append(d.length() == 0 ? "at=" : ";").append(i).append(String.format(Locale.ROOT, ":%.3g", y[i]));
        }
        yield new Damage(y, d.toString());
      }
      case CLIPPING -> {
        double med = Robust.median(x);
        double level = uniform(rng, c.clipLevel()) * maxAbsDeviation(x, med);
        for (int i = 0; i < n; i++) y[i] = Math.max(med - level, Math.min(med + level, x[i]));
        yield new Damage(y, String.format(Locale.ROOT, "level=%.6g", level));
      }
      case DEAD -> {
        double med = Robust.median(x);
        boolean constant = c.deadNoise() == 0 || rng.nextBoolean();
        for (int i = 0; i < n; i++) y[i] = constant ? med : med + c.deadNoise() * rng.nextGaussian();
        yield new Damage(y, constant ? "constant" : "noise=" + c.deadNoise());
      }
      case GAIN -> {
        double med = Robust.median(x);
        List<Double> factors = c.gainFactors();
        double factor = factors.get(rng.nextInt(factors.size()));
        int margin = n / 8;
        int length = Math.max(1, Math.min(n - 2 * margin, (int) (uniform(rng, c.gainLength()) * n)));
        int start = margin + rng.nextInt(n - 2 * margin - length + 1);
        for (int i = start; i < start + length; i++) y[i] = med + factor * (x[i] - med);
        yield new Damage(y, "start=" + start + ",length=" + length + ",factor=" + factor);
      }
      case TIMING -> {
        int shift = Math.min(uniformInt(rng, c.timingShift()), n / 4);
        int cut = n / 4 + rng.nextInt(n / 2);
        for (int i = cut; i < n; i++) y[i] = x[i - shift];
        yield new Damage(y, "cut=" + cut + ",shift=" + shift);
      }
    };
  }

  private static double uniform(SplittableRandom rng, List<Double> range) {
    double lo = range.get(0);
    double hi = range.get(1);
    return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
  }

  private static int uniformInt(SplittableRandom rng, List<Integer> range) {
    return range.get(0) + rng.nextInt(range.get(1) - range.get(0) + 1);
  }

  static double maxAbs(double[] x) {
    double m = 0;
    for (double v : x) m = Math.max(m, Math.abs(v));
    return m;
  }

  static double maxAbsDeviation(double[] x, double centre) {
    double m = 0;
    for (double v : x) m = Math.max(m, Math.abs(v - centre));
    return m;
  }
}
