package org.moho.pipelines.supervised;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.StageOutputs;

/**
 * Scores rows with a bundled model in batches of {@code batchSize} (one graph call per batch, not
 * per row: SameDiff's cost is mostly per call). A row the model cannot take goes to the errors
 * output with the reason {@link #refusal} gives; every other row comes out, with the model's
 * columns added by {@link #predict}, when its batch is full or at the end of the bundle.
 * Shared by {@code glass.predict} and {@code mlp.predict}, which apply it with {@link PredictInBatches}.
 *
 * @param <M> the loaded model
 */
public abstract class BatchedPredictFn<M> extends DoFn<Row, Row> {
  private final int batchSize;
  private final String stageId;
  private final ModelSource<M> source;
  private transient List<Row> buffer;

  protected BatchedPredictFn(int batchSize, String stageId, ModelSource<M> source) {
    this.batchSize = batchSize;
    this.stageId = stageId;
    this.source = source;
  }

  /** Why {@code model} cannot score {@code row}, or null when it can. */
  protected abstract String refusal(Row row, M model);

  /** The scored rows, one per input row and in order. */
  protected abstract List<Row> predict(M model, List<Row> rows);

  @StartBundle
  public void start() {
    buffer = new ArrayList<>();
  }

  @ProcessElement
  public void process(ProcessContext c, MultiOutputReceiver out) {
    M model = source.get(source.view() == null ? null : c.sideInput(source.view()));
    Row row = c.element();
    String reason = refusal(row, model);
    if (reason != null) {
      out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, row.key(), reason, null));
      return;
    }
    buffer.add(row);
    if (buffer.size() >= batchSize) for (Row r : flush(model)) out.get(StageOutputs.<Row>main()).output(r);
  }

  @FinishBundle
  public void finish(FinishBundleContext c) {
    if (buffer.isEmpty()) return;
    // the model is loaded: a row was buffered
    for (Row r : flush(source.get(null))) {
      c.output(StageOutputs.<Row>main(), r, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
    }
  }

  private List<Row> flush(M model) {
    List<Row> out = predict(model, buffer);
    buffer = new ArrayList<>();
    return out;
  }
}
