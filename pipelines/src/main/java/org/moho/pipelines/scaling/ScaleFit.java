package org.moho.pipelines.scaling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Patch;
import org.moho.core.data.Row;
import org.moho.core.files.AtomicFiles;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code scale.fit}: fits a {@link FittedScaler} on all its input (FeatureVectors or Patches, one
 * layout), a global step, and writes it atomically as one small JSON file; its output is one Row
 * describing the artifact ({@code artifact, method, records, length, fingerprint}). Elements of
 * another type go to errors; two layouts in the input, or no input at all, stop the run (a model
 * fitted on that would be wrong).
 */
public final class ScaleFit implements StageType<ScaleFitConfig> {
  @Override
  public String description() {
    return "Fits a per-feature normaliser (standard: mean/std, or minmax) on all FeatureVectors or Patches it receives "
        + "and writes it atomically as a small JSON artifact with the feature layout (length, names, fingerprint) and the "
        + "number of records; outputs one Row describing the artifact. Mixed layouts or an empty input stop the run.";
  }

  @Override
  public Class<ScaleFitConfig> configType() {
    return ScaleFitConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("features", Object.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: scaler
          use: scale.fit
          from: train_features
          with: {method: standard, path: "${out}/scaler.json"}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(ScaleFitConfig config, StageContext ctx) {
    Path target = config.path() != null ? config.path() : ctx.outFolder().resolve(ctx.stageId() + ".scaler.json");
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<Object> in = inputs.get(0);
        PCollectionTuple samples = in.apply("Features", WithErrors.of(ctx.stageId(), Sample.class, new ToSample()));
        PCollection<Row> written = samples.get(StageOutputs.<Sample>main())
            .setCoder(SerializableCoder.of(Sample.class))
            .apply("Fit", Combine.globally(new FitFn()))
            .setCoder(SerializableCoder.of(FittedScaler.Moments.class))
            .apply("Write", ParDo.of(new WriteFn(ctx.stageId(), config.method(), target.toString())))
            .setCoder(SerializableCoder.of(Row.class));
        return StageOutputs.of(written, samples.get(StageOutputs.ERRORS));
      }
    };
  }

  /** One training vector with its layout. */
  public record Sample(FeatureLayout layout, float[] values) implements java.io.Serializable {}

  static final class ToSample implements RecordFn<Object, Sample> {
    @Override
    public void apply(Object in, java.util.function.Consumer<Sample> out) throws RecordException {
      if (in instanceof FeatureVector v) out.accept(new Sample(FeatureLayout.of(v), v.values()));
      else if (in instanceof Patch p) out.accept(new Sample(FeatureLayout.of(p), p.values()));
      else throw new RecordException("scale.fit takes FeatureVector or Patch, got " + (in == null ? "null" : in.getClass().getSimpleName()));
    }

    @Override
    public String keyOf(Object in) {
      if (in instanceof FeatureVector v) return v.key();
      if (in instanceof Patch p) return p.key();
      return RecordFn.super.keyOf(in);
    }
  }

  /** Gathers the moments; an empty input gives empty moments, which WriteFn refuses loudly. */
  static final class FitFn extends Combine.CombineFn<Sample, FittedScaler.Moments, FittedScaler.Moments> {
    @Override
    public FittedScaler.Moments createAccumulator() {
      return new FittedScaler.Moments(null);
    }

    @Override
    public FittedScaler.Moments addInput(FittedScaler.Moments acc, Sample s) {
      return acc.add(s.layout(), s.values());
    }

    @Override
    public FittedScaler.Moments mergeAccumulators(Iterable<FittedScaler.Moments> accs) {
      FittedScaler.Moments out = new FittedScaler.Moments(null);
      for (FittedScaler.Moments a : accs) out.merge(a);
      return out;
    }

    @Override
    public FittedScaler.Moments extractOutput(FittedScaler.Moments acc) {
      return acc;
    }

    @Override
    public Coder<FittedScaler.Moments> getAccumulatorCoder(CoderRegistry registry, Coder<Sample> inputCoder) {
      return SerializableCoder.of(FittedScaler.Moments.class);
    }
  }

  static final class WriteFn extends DoFn<FittedScaler.Moments, Row> {
    private final String stageId;
    private final FittedScaler.Method method;
    private final String target;

    WriteFn(String stageId, FittedScaler.Method method, String target) {
      this.stageId = stageId;
      this.method = method;
      this.target = target;
    }

    @ProcessElement
    public void process(@Element FittedScaler.Moments moments, OutputReceiver<Row> out) {
      Path path = Path.of(target);
      if (moments.count() == 0) {
        throw new IllegalStateException("scale.fit '" + stageId + "': no training records reached it; nothing to fit, "
            + path + " not written");
      }
      FittedScaler s = moments.toScaler(method);
      try {
        AtomicFiles.writeString(path, s.toJson());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the scaler to " + path + ": " + e.getMessage(), e);
      }
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("artifact", path.toString());
      v.put("method", s.method().name().toLowerCase());
      v.put("records", s.records());
      v.put("length", (long) s.layout().length());
      v.put("fingerprint", s.layout().fingerprint());
      out.output(new Row(path.getFileName().toString(), v));
    }
  }
}
