package org.moho.pipelines.seismo;

import org.moho.core.data.FeatureVector;

/** {@code normalize}: per-record peak, z-score or robust scaling of feature vectors. */
public final class Normalize extends NormalizeStage<FeatureVector> {
  public Normalize() {
    super(FeatureVector.class, "features");
  }

  @Override
  public String description() {
    return "Scales each feature vector on its own: peak divides by the largest absolute value, so values lie "
        + "in [-1, 1] with max |x| = 1 (as Valentine & Trampert 2012 scaled each waveform); zscore subtracts "
        + "the mean and divides by the standard deviation; robust subtracts the median and divides by the MAD "
        + "scaled to a Gaussian sigma (1.4826 MAD), so one spike or a damaged stretch does not rescale the rest. "
        + "Key and metadata are kept. A vector whose values are all equal (e.g. all zero) goes to errors as "
        + "\"dead: all samples equal\" instead of becoming NaN.";
  }

  @Override
  public String example() {
    return """
        - id: scaled
          use: normalize
          from: windows
          with: {mode: peak}
        """;
  }
}
