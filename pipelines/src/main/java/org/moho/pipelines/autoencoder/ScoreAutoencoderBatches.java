package org.moho.pipelines.autoencoder;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.RecordBatch;
import org.moho.core.data.Row;
import org.moho.core.data.RowBatch;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.WithErrors;
import org.moho.models.autoencoder.ReconstructionErrorScorer;

/**
 * {@code autoencoder.score-batches}: {@code autoencoder.score} for records that travel in
 * {@link RecordBatch}es, one network call per batch and one {@link RowBatch} out per batch. The
 * Rows are exactly those {@code autoencoder.score} gives (same columns, same values).
 */
public final class ScoreAutoencoderBatches implements PerRecordStage<ScoreAutoencoderBatches.Config> {

  /** The {@code with:} block. */
  public record Config(
      @Doc("bundle folder of an earlier run; leave out when a train stage feeds the model port") @Default(Default.NONE) Path model,
      @Doc("add the latent code as a text column 'latent'") @Default("false") boolean latent,
      @Doc("add the reconstruction (input units) as a text column 'reconstruction'") @Default("false") boolean reconstruction) {}

  @Override
  public String description() {
    return "Scores RecordBatches (from `batch`, or a reader that emits batches) with an autoencoder bundle, as"
        + " autoencoder.score does record by record: per record the MSE and E = ½‖s′−s‖² in the model's scaled space,"
        + " lon/lat for patches, the record's metadata, and on request the latent code and the reconstruction. One"
        + " RowBatch out per batch, one network call per batch: the runner's per-element cost is paid per batch, which"
        + " on the DirectRunner is most of the time autoencoder.score takes for small records (BENCHMARKS.md, \"Speed\")."
        + " A record of the wrong length or with non-finite values goes to the errors output; the rest of its batch is"
        + " scored. `unbatch` gives the Rows one per element.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("batches", RecordBatch.class), Port.optional("model", Row.class));
  }

  @Override
  public Class<?> output() {
    return RowBatch.class;
  }

  @Override
  public String example() {
    return """
        - id: scored
          use: autoencoder.score-batches
          from: batches
          with: {model: runs/model}
        """;
  }

  /** Per batch when the model is a bundle on disk; a model from the port is a side input. */
  @Override
  public RecordFn<RecordBatch, RowBatch> recordFn(Config config, StageContext ctx) {
    return config.model() == null ? null : new ScoreBatch(ctx.stageId(), config);
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<RecordBatch> batches = inputs.get(0);
        PCollectionView<Row> view = ScoreAutoencoder.modelView(inputs, config.model());
        if (view == null) return batches.apply("Score", WithErrors.of(ctx.stageId(), RowBatch.class, new ScoreBatch(ctx.stageId(), config)));
        PCollectionTuple out = batches.apply("Score", ParDo.of(new ScoreBatchFn(ctx.stageId(), config, view)).withSideInputs(view)
            .withOutputTags(StageOutputs.main(), TupleTagList.of(StageOutputs.ERRORS)));
        out.get(StageOutputs.<RowBatch>main()).setCoder(WithErrors.coder(batches, RowBatch.class));
        return out;
      }
    };
  }

  /** One batch in, its checked records scored in one call, one RowBatch out; the model from a bundle folder. */
  public static final class ScoreBatch implements RecordFn<RecordBatch, RowBatch> {
    private final String stageId;
    private final String modelPath;
    private final boolean latent;
    private final boolean reconstruction;
    private transient ReconstructionErrorScorer scorer;

    public ScoreBatch(String stageId, Config config) {
      this.stageId = stageId;
      this.modelPath = config.model().toString();
      this.latent = config.latent();
      this.reconstruction = config.reconstruction();
    }

    @Override
    public void setup() {
      scorer = ReconstructionErrorScorer.shared(Path.of(modelPath));
    }

    @Override
    public void apply(RecordBatch batch, Consumer<RowBatch> out, Consumer<ErrorRecord> errors) {
      if (scorer == null) setup();
      RowBatch scored = score(scorer, batch, latent, reconstruction, stageId, errors);
      if (scored != null) out.accept(scored);
    }

    /** Without an errors channel: the scored records are emitted, then the batch fails naming the first it could not score. */
    @Override
    public void apply(RecordBatch batch, Consumer<RowBatch> out) throws RecordException {
      List<ErrorRecord> failed = new java.util.ArrayList<>();
      apply(batch, out, failed::add);
      if (!failed.isEmpty()) {
        throw new RecordException(failed.size() + " records could not be scored, the first " + failed.get(0).key() + ": "
            + failed.get(0).reason());
      }
    }

    @Override
    public String keyOf(RecordBatch batch) {
      return batch.size() == 0 ? "empty batch" : "batch of " + batch.size() + " from " + batch.keys()[0];
    }
  }

  /** The stage with its model from the port: the model's folder is a side input, read at the first batch. */
  static final class ScoreBatchFn extends DoFn<RecordBatch, RowBatch> {
    private final String stageId;
    private final PCollectionView<Row> modelView;
    private final boolean latent;
    private final boolean reconstruction;
    private transient ReconstructionErrorScorer scorer;

    ScoreBatchFn(String stageId, Config config, PCollectionView<Row> modelView) {
      this.stageId = stageId;
      this.modelView = modelView;
      this.latent = config.latent();
      this.reconstruction = config.reconstruction();
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (scorer == null) scorer = ReconstructionErrorScorer.shared(ModelRef.path(c.sideInput(modelView)));
      RowBatch scored = score(scorer, c.element(), latent, reconstruction, stageId, e -> c.output(StageOutputs.ERRORS, e));
      if (scored != null) c.output(scored);
    }
  }

  /**
   * The stage's work on one batch, without Beam: each record that cannot be scored goes to
   * {@code errors} (as stage {@code stageId}), the rest are scored in one network call; null when
   * none is left. Public so that the benchmark can run exactly this in a plain loop beside the
   * pipeline (bench, BeamScoring).
   */
  public static RowBatch score(ReconstructionErrorScorer scorer, RecordBatch b, boolean latent, boolean reconstruction,
      String stageId, Consumer<ErrorRecord> errors) {
    int[] good = new int[b.size()];
    int count = 0;
    for (int i = 0; i < b.size(); i++) {
      String reason = RecordScoring.problem(scorer, b.values(), i * b.width(), b.width());
      if (reason == null) {
        good[count++] = i;
      } else {
        errors.accept(ErrorRecord.of(stageId, b.keys()[i], reason));
      }
    }
    return count > 0 ? RecordScoring.score(scorer, b, good, count, latent, reconstruction) : null;
  }
}
