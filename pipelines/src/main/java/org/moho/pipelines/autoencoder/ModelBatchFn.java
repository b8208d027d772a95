package org.moho.pipelines.autoencoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollectionView;
import org.joda.time.Instant;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.Row;
import org.moho.core.stage.StageOutputs;
import org.moho.models.autoencoder.ReconstructionErrorScorer;

/**
 * Runs a model bundle over records in batches: the bundle is loaded once per JVM and each DoFn
 * instance takes its own scorer of it (in {@code @Setup} when its path is configured, else on the
 * first record from the model side input), records are buffered and scored {@code batchSize} at a time as one INDArray, and the
 * rest is flushed in {@code @FinishBundle}. A record of the wrong length or with non-finite values
 * goes to the errors output at once. Emits a scored {@link Row} (SCORE) or the latent code as a
 * {@link org.moho.core.data.FeatureVector} (ENCODE).
 */
final class ModelBatchFn extends DoFn<KeyedValues, Object> {
  enum Mode { SCORE, ENCODE }

  private final String stageId;
  private final Mode mode;
  private final String modelPath;
  private final PCollectionView<Row> modelView;
  private final int batchSize;
  private final boolean latent;
  private final boolean reconstruction;

  private transient ReconstructionErrorScorer scorer;
  private transient List<Pending> buffer;

  private record Pending(KeyedValues record, Instant timestamp, BoundedWindow window) {}

  ModelBatchFn(String stageId, Mode mode, Path modelPath, PCollectionView<Row> modelView, int batchSize,
      boolean latent, boolean reconstruction) {
    this.stageId = stageId;
    this.mode = mode;
    this.modelPath = modelPath == null ? null : modelPath.toString();
    this.modelView = modelView;
    this.batchSize = batchSize;
    this.latent = latent;
    this.reconstruction = reconstruction;
  }

  @Setup
  public void setup() {
    if (modelPath != null) scorer = ReconstructionErrorScorer.shared(Path.of(modelPath));
  }

  @StartBundle
  public void startBundle() {
    buffer = new ArrayList<>();
  }

  @ProcessElement
  public void process(ProcessContext c, BoundedWindow window) {
    if (scorer == null) scorer = ReconstructionErrorScorer.shared(ModelRef.path(c.sideInput(modelView)));
    KeyedValues r = c.element();
    String reason = RecordScoring.problem(scorer, r);
    if (reason != null) {
      c.output(StageOutputs.ERRORS, ErrorRecord.of(stageId, r.key(), reason));
      return;
    }
    buffer.add(new Pending(r, c.timestamp(), window));
    if (buffer.size() >= batchSize) flush((v, p) -> c.outputWithTimestamp(StageOutputs.main(), v, p.timestamp()));
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) {
    flush((v, p) -> c.output(StageOutputs.main(), v, p.timestamp(), p.window()));
  }

  private interface Emit {
    void emit(Object value, Pending from);
  }

  private void flush(Emit emit) {
    if (buffer == null || buffer.isEmpty()) return;
    List<KeyedValues> records = new ArrayList<>(buffer.size());
    for (Pending p : buffer) records.add(p.record());
    Object[] out = mode == Mode.SCORE ? RecordScoring.score(scorer, records, latent, reconstruction)
        : RecordScoring.encode(scorer, records);
    for (int i = 0; i < out.length; i++) emit.emit(out[i], buffer.get(i));
    buffer.clear();
  }
}
