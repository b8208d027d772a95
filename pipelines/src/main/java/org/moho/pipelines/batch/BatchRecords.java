package org.moho.pipelines.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Instant;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.RecordBatch;
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
 * {@code batch}: records into {@link RecordBatch}es of at most {@code size}, within each bundle
 * (as Beam's {@code BatchElements}: no shuffle, so nothing waits for a key to fill up).
 */
public final class BatchRecords implements StageType<BatchRecords.Config> {

  /** The {@code with:} block. */
  public record Config(@Doc("records per batch, at most") @Default("1024") int size) {
    public Config {
      ConfigException.check(size > 0, "size", "must be > 0, got " + size);
    }
  }

  @Override
  public String description() {
    return "Groups FeatureVectors or Patches into RecordBatches of at most `size` records, each batch one Beam element,"
        + " so that the steps after it pay the runner's cost per element once per batch instead of once per record"
        + " (stages that take batches say so, e.g. autoencoder.score-batches). Batches are made within each bundle,"
        + " without a shuffle; the last batch of a bundle may be smaller. Every record ends in exactly one batch;"
        + " the run summary counts records, not batches. A batch holds records of one width (a record of another"
        + " width starts a new batch), stored by column.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("data", KeyedValues.class));
  }

  @Override
  public Class<?> output() {
    return RecordBatch.class;
  }

  @Override
  public String example() {
    return """
        - id: batches
          use: batch
          from: patches
          with: {size: 4096}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<KeyedValues> data = inputs.get(0);
        PCollection<RecordBatch> batches = data.apply("Batch", ParDo.of(new BatchFn(config.size())))
            .setCoder(WithErrors.coder(data, RecordBatch.class));
        PCollection<ErrorRecord> none = data.getPipeline().apply("NoErrors", Create.empty(WithErrors.coder(data, ErrorRecord.class)));
        return StageOutputs.of(batches, none);
      }
    };
  }

  /** Buffers records per window and width and emits a batch when one is full and at the end of the bundle. */
  static final class BatchFn extends DoFn<KeyedValues, RecordBatch> {
    private record Open(BoundedWindow window, int width) {}

    private final int size;
    private transient Map<Open, List<KeyedValues>> open;
    private transient Map<Open, Instant> latest;

    BatchFn(int size) {
      this.size = size;
    }

    @StartBundle
    public void start() {
      open = new LinkedHashMap<>();
      latest = new LinkedHashMap<>();
    }

    @ProcessElement
    public void process(@Element KeyedValues r, @Timestamp Instant t, BoundedWindow w, OutputReceiver<RecordBatch> out) {
      Open key = new Open(w, r.values().length);
      List<KeyedValues> b = open.computeIfAbsent(key, k -> new ArrayList<>(size));
      b.add(r);
      latest.merge(key, t, (a, c) -> a.isAfter(c) ? a : c);
      if (b.size() >= size) {
        out.outputWithTimestamp(RecordBatch.of(b), latest.remove(key));
        open.remove(key);
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      for (Map.Entry<Open, List<KeyedValues>> e : open.entrySet()) {
        c.output(RecordBatch.of(e.getValue()), latest.get(e.getKey()), e.getKey().window());
      }
      open.clear();
      latest.clear();
    }
  }
}
