package org.moho.pipelines.seismo;

import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.FeatureVector;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code normalize}: per-record peak or z-score scaling of feature vectors. */
public final class Normalize implements StageType<NormalizeConfig> {
  @Override
  public String description() {
    return "Scales each feature vector on its own: peak divides by the largest absolute value, so values lie "
        + "in [-1, 1] with max |x| = 1 (as Valentine & Trampert 2012 scaled each waveform); zscore subtracts "
        + "the mean and divides by the standard deviation. Key and metadata are kept. A vector whose values "
        + "are all equal (e.g. all zero) goes to errors as \"dead: all samples equal\" instead of becoming NaN.";
  }

  @Override
  public Class<NormalizeConfig> configType() {
    return NormalizeConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("features", FeatureVector.class));
  }

  @Override
  public Class<?> output() {
    return FeatureVector.class;
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

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(NormalizeConfig config, StageContext ctx) {
    return new NormalizeVectors(ctx.stageId(), config.mode());
  }

  private static final class NormalizeVectors extends PTransform<StageInputs, PCollectionTuple> {
    private final String stageId;
    private final Normalization.Mode mode;

    NormalizeVectors(String stageId, Normalization.Mode mode) {
      this.stageId = stageId;
      this.mode = mode;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollection<FeatureVector> vectors = inputs.get(0);
      return vectors.apply("Normalize", WithErrors.of(stageId, FeatureVector.class, new NormalizeFn(mode)));
    }
  }

  private record NormalizeFn(Normalization.Mode mode) implements RecordFn<FeatureVector, FeatureVector> {
    @Override
    public void apply(FeatureVector v, Consumer<FeatureVector> out) throws RecordException {
      double[] x = new double[v.values().length];
      for (int i = 0; i < x.length; i++) x[i] = v.values()[i];
      double[] y;
      try {
        y = Normalization.apply(x, mode);
      } catch (IllegalArgumentException e) {
        throw new RecordException(e.getMessage());
      }
      float[] values = new float[y.length];
      for (int i = 0; i < y.length; i++) values[i] = (float) y[i];
      out.accept(new FeatureVector(v.key(), values, v.metadata()));
    }

    @Override
    public String keyOf(FeatureVector v) {
      return v.key();
    }
  }
}
