package org.moho.core.stage;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * A stage whose whole work is one {@link RecordFn} over the records of its first input port: each
 * record in, zero or more out, failures to the errors output. Declaring it lets the compiler run a
 * chain of such stages as one step ({@code FusedStages}): the records pass from stage to stage
 * inside one DoFn call instead of being held between steps. The DirectRunner does not fuse steps
 * itself, and every step it runs costs a translation per bundle and holds its whole output in
 * memory until the next step takes it (BENCHMARKS.md, "Speed").
 *
 * @param <C> the config record
 */
public interface PerRecordStage<C extends Record> extends StageType<C> {
  /**
   * The stage's work on one record of port 0, or null when this configuration needs more than
   * one record at a time (a side input from another port, a grouping); such a stage then also
   * overrides {@link #create}.
   */
  RecordFn<?, ?> recordFn(C config, StageContext context);

  /** The class of what {@link #recordFn} emits, for its coder; by default {@link #output()}. */
  default Class<?> recordOutput(C config) {
    return output();
  }

  /** {@link #recordFn} over port 0 through {@link WithErrors}, when the stage runs on its own. */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  default PTransform<StageInputs, PCollectionTuple> create(C config, StageContext context) {
    RecordFn fn = recordFn(config, context);
    if (fn == null) {
      throw new IllegalStateException(context.stageId() + ": a per-record stage whose recordFn can be null must override create");
    }
    Class type = recordOutput(config);
    return new PTransform<StageInputs, PCollectionTuple>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<Object> records = inputs.get(0);
        return (PCollectionTuple) records.apply("PerRecord", WithErrors.of(context.stageId(), type, fn));
      }
    };
  }
}
