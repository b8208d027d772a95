package org.moho.pipelines.autoencoder;

import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code autoencoder.encode}: the latent code of each record, as a FeatureVector. */
public final class EncodeAutoencoder implements StageType<EncodeAutoencoder.Config> {

  /** The {@code with:} block. */
  public record Config(
      @Doc("bundle folder of an earlier run; leave out when a train stage feeds the model port") @Default(Default.NONE) Path model,
      @Doc("records per batch given to the network") @Default("1024") int batchSize) {
    public Config {
      ConfigException.check(batchSize > 0, "batch_size", "must be > 0, got " + batchSize);
    }
  }

  @Override
  public String description() {
    return "Encodes FeatureVectors or Patches with an autoencoder bundle: emits one FeatureVector per record with the"
        + " same key, the latent code as values, and the record's metadata (plus lon/lat for patches), ready for"
        + " latent.search. Batched, model loaded once per worker; a record of the wrong length or with non-finite"
        + " values goes to the errors output.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("data", KeyedValues.class), Port.optional("model", Row.class));
  }

  @Override
  public Class<?> output() {
    return FeatureVector.class;
  }

  @Override
  public String example() {
    return """
        - id: codes
          use: autoencoder.encode
          from: [patches, model]
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    String stageId = ctx.stageId();
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<KeyedValues> data = inputs.get(0);
        PCollectionTuple out = data.apply("Encode", ScoreAutoencoder.batchFn(inputs, stageId, config.model(),
            ModelBatchFn.Mode.ENCODE, config.batchSize(), false, false));
        out.get(StageOutputs.<FeatureVector>main()).setCoder(WithErrors.coder(data, FeatureVector.class));
        return out;
      }
    };
  }
}
