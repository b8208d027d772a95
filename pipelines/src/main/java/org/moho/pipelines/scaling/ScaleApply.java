package org.moho.pipelines.scaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.FeatureVector;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code scale.apply}: applies a {@code scale.fit} artifact, unchanged, to FeatureVectors. The
 * artifact is read when the pipeline is built (a missing or corrupt file, or one that contradicts
 * the expected {@code length}/{@code features}, fails then, naming the artifact and both layouts)
 * and again once per worker in setup. A vector whose layout differs from the artifact's stops the
 * run with the same message: scaling it would silently produce wrong features.
 */
public final class ScaleApply implements StageType<ScaleApplyConfig> {
  @Override
  public String description() {
    return "Applies a scale.fit artifact unchanged to FeatureVectors (scoring uses the training scaler). The artifact "
        + "is checked when the pipeline is built (and against `length`/`features` if given); a vector of another "
        + "feature layout stops the run with a message naming the artifact and both layouts.";
  }

  @Override
  public Class<ScaleApplyConfig> configType() {
    return ScaleApplyConfig.class;
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
          use: scale.apply
          from: score_features
          with: {artifact: "${model}/scaler.json"}
        """;
  }

  /** Reads and checks an artifact; IllegalArgumentException naming the file on any problem. */
  public static FittedScaler load(Path artifact) {
    try {
      return FittedScaler.fromJson(Files.readString(artifact));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read scaler artifact " + artifact + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scaler artifact " + artifact + " is not valid: " + e.getMessage(), e);
    }
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(ScaleApplyConfig config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        FittedScaler scaler = load(config.artifact());
        if (config.length() != null || config.features() != null) {
          int length = config.length() != null ? config.length() : config.features().size();
          List<String> names = config.features() != null ? config.features()
              : length == scaler.layout().length() ? scaler.layout().names() : List.of();
          scaler.requireLayout(new FeatureLayout("vector", length, names), config.artifact().toString());
        }
        PCollection<FeatureVector> in = inputs.get(0);
        PCollectionTuple out = in.apply("Scale", ParDo.of(new ScaleFn(config.artifact().toString()))
            .withOutputTags(StageOutputs.<FeatureVector>main(), TupleTagList.of(StageOutputs.ERRORS)));
        PCollection<FeatureVector> scaled = out.get(StageOutputs.<FeatureVector>main()).setCoder(WithErrors.coder(in, FeatureVector.class));
        return StageOutputs.of(scaled, out.get(StageOutputs.ERRORS));
      }
    };
  }

  static final class ScaleFn extends DoFn<FeatureVector, FeatureVector> {
    private final String artifact;
    private transient FittedScaler scaler;
    private transient FeatureLayout checked;

    ScaleFn(String artifact) {
      this.artifact = artifact;
    }

    @Setup
    public void setup() {
      scaler = load(Path.of(artifact));
    }

    @ProcessElement
    public void process(@Element FeatureVector v, MultiOutputReceiver out) {
      FeatureLayout layout = FeatureLayout.of(v);
      if (!layout.equals(checked)) {
        scaler.requireLayout(layout, artifact);
        checked = layout;
      }
      Map<String, String> meta = new LinkedHashMap<>(v.metadata());
      meta.put("scaler", scaler.method().name().toLowerCase() + ":" + scaler.layout().fingerprint());
      out.get(StageOutputs.<FeatureVector>main()).output(new FeatureVector(v.key(), scaler.apply(v.values()), meta));
    }
  }
}
