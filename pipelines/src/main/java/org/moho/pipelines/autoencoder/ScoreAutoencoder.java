package org.moho.pipelines.autoencoder;

import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
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

/**
 * {@code autoencoder.score}: reconstruction errors of records under a trained autoencoder, in
 * batches, with the model loaded once per worker. Embarrassingly parallel: this is the step that
 * scales out.
 */
public final class ScoreAutoencoder implements StageType<ScoreAutoencoder.Config> {

  /** The {@code with:} block. */
  public record Config(
      @Doc("bundle folder of an earlier run; leave out when a train stage feeds the model port") @Default(Default.NONE) Path model,
      @Doc("records per batch given to the network") @Default("1024") int batchSize,
      @Doc("add the latent code as a text column 'latent'") @Default("false") boolean latent,
      @Doc("add the reconstruction (input units) as a text column 'reconstruction'") @Default("false") boolean reconstruction) {
    public Config {
      ConfigException.check(batchSize > 0, "batch_size", "must be > 0, got " + batchSize);
    }
  }

  @Override
  public String description() {
    return "Scores FeatureVectors or Patches with an autoencoder bundle (from the `model` port, fed by"
        + " autoencoder.train, or the `model` key): per record the MSE and the misfit E = ½‖s′−s‖² of Valentine &"
        + " Trampert (2012), both in the model's scaled space, plus lon/lat for patches, the record's metadata, and on"
        + " request the latent code and the reconstruction as text columns. The bundle is loaded and checked"
        + " (checksum, input size) once per worker and records go through the network `batch_size` at a time. A record"
        + " whose length differs from the model's input, or with non-finite values, goes to the errors output.";
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
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: scores
          use: autoencoder.score
          from: [patches, model]
          with: {latent: true}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    return new Score(ctx.stageId(), config);
  }

  private static final class Score extends PTransform<StageInputs, PCollectionTuple> {
    private final String stageId;
    private final Config config;

    Score(String stageId, Config config) {
      this.stageId = stageId;
      this.config = config;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollection<KeyedValues> data = inputs.get(0);
      PCollectionTuple out = data.apply("Score", batchFn(inputs, stageId, config.model(), ModelBatchFn.Mode.SCORE,
          config.batchSize(), config.latent(), config.reconstruction()));
      out.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(data, Row.class));
      return out;
    }
  }

  /** The batched DoFn, reading the model from the config path or from port 1 as a side input. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static ParDo.MultiOutput<KeyedValues, Object> batchFn(StageInputs inputs, String stageId, Path model,
      ModelBatchFn.Mode mode, int batchSize, boolean latent, boolean reconstruction) {
    PCollectionView<Row> view = modelView(inputs, model);
    ParDo.SingleOutput<KeyedValues, Object> single = ParDo.of(new ModelBatchFn(stageId, mode, model, view, batchSize, latent, reconstruction));
    if (view != null) single = single.withSideInputs(view);
    return single.withOutputTags(StageOutputs.main(), TupleTagList.of(StageOutputs.ERRORS));
  }

  /** The model port (port 1) as a side input, or null when the bundle is given by its path; exactly one of the two. */
  static PCollectionView<Row> modelView(StageInputs inputs, Path model) {
    boolean port = inputs.present(1);
    if (port == (model != null)) {
      throw new ConfigException("model", port
          ? "give the model either through the model port or the 'model' key, not both"
          : "needs a model: connect a train stage to the model port or set 'model' to a bundle folder");
    }
    return port ? inputs.<Row>get(1).apply("ModelView", View.asSingleton()) : null;
  }
}
