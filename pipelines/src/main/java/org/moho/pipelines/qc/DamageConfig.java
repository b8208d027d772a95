package org.moho.pipelines.qc;

import java.io.Serializable;
import java.util.List;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/**
 * The {@code with:} block of {@code seismo.damage}. Ranges are {@code [low, high]} and each record
 * draws its own value uniformly inside them (integers inclusive at both ends).
 */
public record DamageConfig(
    @Doc("kinds of damage, one drawn uniformly per damaged record") @Default("[gap, spikes, clipping, dead, gain, timing]") List<DamageKind> kinds,
    @Doc("fraction of records damaged (the rest pass clean with damage: none); ignored when keep_clean is true") @Default("0.5") double fraction,
    @Doc("emit every record clean (label 0) plus a damaged copy (label 1) keyed KEY#KIND") @Default("false") boolean keepClean,
    @Doc("seed; each record's draws depend only on the seed and a hash of its key") @Default("42") long seed,
    @Doc("gap: length range as a fraction of the record") @Default("[0.05, 0.30]") List<Double> gapLength,
    @Doc("gap: zero (a run of zeros), hold (the last value before the gap repeated) or either (drawn per record)") @Default("either") GapFill gapFill,
    @Doc("spikes: range of the number of single-sample spikes") @Default("[1, 4]") List<Integer> spikeCount,
    @Doc("spikes: range of the spike height k, in multiples of the record's max |x|") @Default("[2.0, 5.0]") List<Double> spikeFactor,
    @Doc("clipping: range of the clip level, a fraction of the record's max |x - median|") @Default("[0.3, 0.7]") List<Double> clipLevel,
    @Doc("dead: standard deviation of the noise around the median, in record units; half the dead records are exactly constant") @Default("1.0") double deadNoise,
    @Doc("gain: factors drawn from (the stretch is scaled about the record's median)") @Default("[0.1, 10.0]") List<Double> gainFactors,
    @Doc("gain: length range of the scaled stretch as a fraction of the record (at most 3/4: it stays n/8 from either end)") @Default("[0.2, 0.6]") List<Double> gainLength,
    @Doc("timing: range of the shift in samples applied to the part after a cut drawn in the middle half") @Default("[2, 10]") List<Integer> timingShift)
    implements Serializable {

  /** How a gap is filled. */
  public enum GapFill { ZERO, HOLD, EITHER }

  public DamageConfig {
    ConfigException.check(!kinds.isEmpty(), "kinds", "must name at least one kind");
    ConfigException.check(!kinds.contains(DamageKind.NONE), "kinds", "'none' is not a damage kind");
    ConfigException.check(fraction >= 0 && fraction <= 1, "fraction", "must be in [0, 1], got " + fraction);
    range(gapLength, "gap_length", 0, 1);
    range(spikeFactor, "spike_factor", 0, Double.MAX_VALUE);
    range(clipLevel, "clip_level", 0, 1);
    range(gainLength, "gain_length", 0, 1);
    intRange(spikeCount, "spike_count", 1);
    intRange(timingShift, "timing_shift", 1);
    ConfigException.check(deadNoise >= 0, "dead_noise", "must be >= 0, got " + deadNoise);
    ConfigException.check(!gainFactors.isEmpty() && gainFactors.stream().allMatch(f -> f > 0 && f != 1),
        "gain_factors", "must be positive factors other than 1, got " + gainFactors);
    kinds = List.copyOf(kinds);
  }

  private static void range(List<Double> r, String key, double min, double max) {
    ConfigException.check(r.size() == 2, key, "must be [low, high], got " + r);
    ConfigException.check(r.get(0) > min && r.get(0) <= r.get(1) && r.get(1) <= max, key,
        "must satisfy " + min + " < low <= high <= " + max + ", got " + r);
  }

  private static void intRange(List<Integer> r, String key, int min) {
    ConfigException.check(r.size() == 2, key, "must be [low, high], got " + r);
    ConfigException.check(r.get(0) >= min && r.get(0) <= r.get(1), key,
        "must satisfy " + min + " <= low <= high, got " + r);
  }
}
