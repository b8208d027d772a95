package org.moho.pipelines.qc;

import java.io.Serializable;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/**
 * The {@code with:} block of {@code qc.rules}: one threshold per damage kind, each the value of
 * its metric at which the kind's score reaches 1. The defaults were tuned on clean windows of
 * CH.BALST and NZ.CRLZ only (docs/stages/seismo-qc.md, "How the thresholds were tuned").
 */
public record RulesConfig(
    @Doc("gap: longest_flat (longest run of identical values / n) at which score_gap = 1") @Default("0.012") double gapLongestFlat,
    @Doc("spikes: spike_peak (largest isolated second-difference residual over the larger of its MAD sigma and its local RMS) at which score_spikes = 1") @Default("6.2") double spikePeak,
    @Doc("clipping: clip_fraction (repeated extreme samples / n) at which score_clipping = 1") @Default("0.0088") double clipFraction,
    @Doc("dead: distinct_fraction at or below which score_dead = 1 (score = this / distinct_fraction)") @Default("0.1") double deadDistinct,
    @Doc("dead: std (record units) at or below which score_dead = 1 (score = this / std); 0 = not used") @Default("10") double deadStd,
    @Doc("gain: gain_step (two-sided step of log10 block scale) at which score_gain = 1") @Default("0.69") double gainStep,
    @Doc("timing: timing_jump (largest lasting first-difference step over the larger of its MAD sigma and its local RMS) at which score_timing = 1") @Default("4.0") double timingJump,
    @Doc("autoencoder: column of the optional scores input compared") @Default("mse") String aeColumn,
    @Doc("autoencoder: value of ae_column at which score_ae = 1; required when the scores input is connected") @Default(Default.NONE) Double aeThreshold,
    @Doc("how the autoencoder's score joins the rules': max (the largest score) or geometric (the weighted geometric mean rules^(1 - ae_weight) * score_ae^ae_weight, so a window must look bad to both)")
    @Default("max") Combine combine,
    @Doc("geometric: the weight of score_ae, in [0, 1] (0.5 = the plain geometric mean). 0.25 because on a station that neither trained nor tuned anything (AV.DOL) the autoencoder also scores natural earthquakes high, and a larger weight let them outrank damaged windows")
    @Default("0.25") double aeWeight)
    implements Serializable {

  /** How score_ae and the largest rule score make the QC score. */
  public enum Combine { MAX, GEOMETRIC }

  public RulesConfig {
    ConfigException.check(gapLongestFlat > 0, "gap_longest_flat", "must be > 0, got " + gapLongestFlat);
    ConfigException.check(spikePeak > 0, "spike_peak", "must be > 0, got " + spikePeak);
    ConfigException.check(clipFraction > 0, "clip_fraction", "must be > 0, got " + clipFraction);
    ConfigException.check(deadDistinct > 0 && deadDistinct <= 1, "dead_distinct", "must be in (0, 1], got " + deadDistinct);
    ConfigException.check(deadStd >= 0, "dead_std", "must be >= 0, got " + deadStd);
    ConfigException.check(gainStep > 0, "gain_step", "must be > 0, got " + gainStep);
    ConfigException.check(timingJump > 0, "timing_jump", "must be > 0, got " + timingJump);
    ConfigException.check(!aeColumn.isBlank(), "ae_column", "must name a column");
    ConfigException.check(aeThreshold == null || aeThreshold > 0, "ae_threshold", "must be > 0, got " + aeThreshold);
    ConfigException.check(aeWeight >= 0 && aeWeight <= 1, "ae_weight", "must be in [0, 1], got " + aeWeight);
  }
}
