package org.moho.core.stage;

import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.moho.core.data.ErrorRecord;

/** The two outputs every stage has: its main output and its errors. */
public final class StageOutputs {
  private StageOutputs() {}

  public static final TupleTag<Object> MAIN = new TupleTag<>("main");
  public static final TupleTag<ErrorRecord> ERRORS = new TupleTag<ErrorRecord>("errors") {};

  /** The main output's tag, typed for the stage's element type. */
  @SuppressWarnings("unchecked")
  public static <T> TupleTag<T> main() {
    return (TupleTag<T>) (TupleTag<?>) MAIN;
  }

  public static <T> PCollectionTuple of(PCollection<T> main, PCollection<ErrorRecord> errors) {
    return PCollectionTuple.of(StageOutputs.<T>main(), main).and(ERRORS, errors);
  }

  @SuppressWarnings("unchecked")
  public static <T> PCollection<T> main(PCollectionTuple tuple) {
    return (PCollection<T>) tuple.get(MAIN);
  }

  public static PCollection<ErrorRecord> errors(PCollectionTuple tuple) {
    return tuple.get(ERRORS);
  }
}
