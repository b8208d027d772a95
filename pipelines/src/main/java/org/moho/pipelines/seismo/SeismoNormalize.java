package org.moho.pipelines.seismo;

import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.Waveform;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code seismo.normalize}: per-trace peak or z-score scaling of waveforms. */
public final class SeismoNormalize implements StageType<NormalizeConfig> {
  @Override
  public String description() {
    return "Scales each waveform on its own, as normalize does for feature vectors: peak (values in [-1, 1], "
        + "max |x| = 1) or zscore. Times, rate and attributes are kept. A trace whose samples are all equal "
        + "goes to errors as \"dead: all samples equal\".";
  }

  @Override
  public Class<NormalizeConfig> configType() {
    return NormalizeConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("waveforms", Waveform.class));
  }

  @Override
  public Class<?> output() {
    return Waveform.class;
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

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(NormalizeConfig config, StageContext ctx) {
    return new NormalizeWaveforms(ctx.stageId(), config.mode());
  }

  private static final class NormalizeWaveforms extends PTransform<StageInputs, PCollectionTuple> {
    private final String stageId;
    private final Normalization.Mode mode;

    NormalizeWaveforms(String stageId, Normalization.Mode mode) {
      this.stageId = stageId;
      this.mode = mode;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollection<Waveform> waveforms = inputs.get(0);
      return waveforms.apply("Normalize", WithErrors.of(stageId, Waveform.class, new NormalizeFn(mode)));
    }
  }

  private record NormalizeFn(Normalization.Mode mode) implements RecordFn<Waveform, Waveform> {
    @Override
    public void apply(Waveform w, Consumer<Waveform> out) throws RecordException {
      try {
        out.accept(w.withSamples(Normalization.apply(w.samples(), mode)));
      } catch (IllegalArgumentException e) {
        throw new RecordException(e.getMessage());
      }
    }

    @Override
    public String keyOf(Waveform w) {
      return WaveformKeys.key(w);
    }
  }
}
