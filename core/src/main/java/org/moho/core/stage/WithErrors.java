package org.moho.core.stage;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.moho.core.data.ErrorRecord;

/**
 * Applies a {@link RecordFn} to every element; a record it rejects (a {@link RecordException},
 * or any unexpected exception, reported with its type) goes to the errors output with the stage
 * id, the record's key and the reason. Nothing is dropped and nothing stops the run.
 */
public final class WithErrors<I, O> extends PTransform<PCollection<I>, PCollectionTuple> {
  private final String stageId;
  private final RecordFn<I, O> fn;
  private final Class<O> outputType;

  private WithErrors(String stageId, RecordFn<I, O> fn, Class<O> outputType) {
    this.stageId = stageId;
    this.fn = fn;
    this.outputType = outputType;
  }

  public static <I, O> WithErrors<I, O> of(String stageId, Class<O> outputType, RecordFn<I, O> fn) {
    return new WithErrors<>(stageId, fn, outputType);
  }

  @Override
  public PCollectionTuple expand(PCollection<I> input) {
    PCollectionTuple out = input.apply("Apply", ParDo.of(new Fn<>(stageId, fn))
        .withOutputTags(StageOutputs.<O>main(), TupleTagList.of(StageOutputs.ERRORS)));
    out.get(StageOutputs.<O>main()).setCoder(coder(input, outputType));
    return out;
  }

  /** The registered coder of an element type (Moho's types carry {@code @DefaultCoder}). */
  public static <T> Coder<T> coder(PCollection<?> any, Class<T> type) {
    return coder(any.getPipeline(), type);
  }

  public static <T> Coder<T> coder(org.apache.beam.sdk.Pipeline pipeline, Class<T> type) {
    try {
      return pipeline.getCoderRegistry().getCoder(TypeDescriptor.of(type));
    } catch (CannotProvideCoderException e) {
      throw new IllegalStateException("no coder for " + type.getName(), e);
    }
  }

  private static final class Fn<I, O> extends DoFn<I, O> {
    private final String stageId;
    private final RecordFn<I, O> fn;

    Fn(String stageId, RecordFn<I, O> fn) {
      this.stageId = stageId;
      this.fn = fn;
    }

    @Setup
    public void setup() throws Exception {
      fn.setup();
    }

    @ProcessElement
    public void process(@Element I element, MultiOutputReceiver out) {
      try {
        fn.apply(element, o -> out.get(StageOutputs.<O>main()).output(o), e -> out.get(StageOutputs.ERRORS).output(e));
      } catch (RecordException | RuntimeException e) {
        out.get(StageOutputs.ERRORS).output(failure(stageId, fn, element, e));
      }
    }
  }

  /**
   * The error record of {@code element}, which {@code fn} of stage {@code stageId} rejected with
   * {@code e}: a {@link RecordException}'s reason as it is, any other exception with its type.
   */
  public static <I> ErrorRecord failure(String stageId, RecordFn<I, ?> fn, I element, Exception e) {
    if (e instanceof RecordException r) return new ErrorRecord(stageId, fn.keyOf(element), r.getMessage(), r.value());
    return new ErrorRecord(stageId, fn.keyOf(element), e.getClass().getSimpleName() + ": " + e.getMessage(), null);
  }
}
