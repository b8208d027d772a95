package org.moho.pipelines.batch;

import java.util.List;
import org.moho.core.data.Row;
import org.moho.core.data.RowBatch;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;

/** {@code unbatch}: the Rows of {@link RowBatch}es, one element each, for the stages that take Rows. */
public final class UnbatchRows implements PerRecordStage<UnbatchRows.Config> {

  /** No options. */
  public record Config() {}

  @Override
  public String description() {
    return "Splits RowBatches (from a stage that works on batches, e.g. autoencoder.score-batches) into their Rows,"
        + " one element each and in batch order, for the stages that take Rows (table.write, threshold, grid.from-rows...).";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("batches", RowBatch.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: scores
          use: unbatch
          from: scored-batches
        """;
  }

  @Override
  public RecordFn<RowBatch, Row> recordFn(Config config, StageContext ctx) {
    return new Split();
  }

  private static final class Split implements RecordFn<RowBatch, Row> {
    @Override
    public void apply(RowBatch batch, java.util.function.Consumer<Row> out) {
      batch.rows().forEach(out);
    }

    @Override
    public String keyOf(RowBatch batch) {
      return batch.size() == 0 ? "empty batch" : batch.rows().get(0).key() + " (batch of " + batch.size() + ")";
    }
  }
}
