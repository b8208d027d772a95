package org.moho.pipelines.seismo;

import org.moho.core.data.Waveform;

/** {@code seismo.normalize}: per-trace peak, z-score or robust scaling of waveforms. */
public final class SeismoNormalize extends NormalizeStage<Waveform> {
  public SeismoNormalize() {
    super(Waveform.class, "waveforms");
  }

  @Override
  public String description() {
    return "Scales each waveform on its own, as normalize does for feature vectors: peak (values in [-1, 1], "
        + "max |x| = 1), zscore or robust (median and 1.4826 MAD). Times, rate and attributes are kept. A trace "
        + "whose samples are all equal goes to errors as \"dead: all samples equal\".";
  }

  @Override
  public String example() {
    return """
        - id: scaled
          use: seismo.normalize
          from: pre
          with: {mode: peak}
        """;
  }
}
