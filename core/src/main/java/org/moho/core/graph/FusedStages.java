package org.moho.core.graph;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.WithErrors;

/**
 * A chain of per-record stages run as one step: each record goes through the first stage's
 * {@link RecordFn}, what it emits straight into the second's, and so on, inside one DoFn call.
 * Each stage keeps its own errors output (its failures, with its id) and its own counts (metrics
 * {@code ID/out} and {@code ID/errors}, as {@link PipelineCompiler} counts any stage); only the
 * last stage's main output leaves the step.
 *
 * <p>Why: runners like Flink and Dataflow fuse such steps themselves, but the DirectRunner, the
 * default on a laptop, runs each step separately. It holds each step's whole output in memory
 * until the next step takes it, so that a fast reader ahead of a slow scorer keeps gigabytes live
 * for the collector to copy. Fused, the intermediate records die young: reading and scoring
 * 5,000,000 records ran 1.5× faster, and in a 2 GB heap where the two steps ran out of memory
 * (BENCHMARKS.md, "Speed").
 */
public final class FusedStages extends PTransform<PCollection<Object>, PCollectionTuple> {
  private final List<String> stageIds;
  private final List<RecordFn<Object, Object>> fns;
  private final Class<?> outputType;
  private final List<TupleTag<ErrorRecord>> errorTags = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private FusedStages(List<String> stageIds, List<? extends RecordFn<?, ?>> fns, Class<?> outputType) {
    if (stageIds.isEmpty() || stageIds.size() != fns.size()) {
      throw new IllegalArgumentException(stageIds.size() + " stage ids for " + fns.size() + " functions");
    }
    this.stageIds = List.copyOf(stageIds);
    this.fns = fns.stream().map(f -> (RecordFn<Object, Object>) f).toList();
    this.outputType = outputType;
    for (String id : stageIds) errorTags.add(errorTag(id));
  }

  /** A typed tag (an anonymous subclass, so that Beam infers its coder), made where it captures nothing. */
  private static TupleTag<ErrorRecord> errorTag(String stageId) {
    return new TupleTag<ErrorRecord>(stageId + "-errors") {};
  }

  /** Stages {@code stageIds} with their functions, in order; {@code outputType} is what the last emits. */
  public static FusedStages of(List<String> stageIds, List<? extends RecordFn<?, ?>> fns, Class<?> outputType) {
    return new FusedStages(stageIds, fns, outputType);
  }

  @Override
  public PCollectionTuple expand(PCollection<Object> input) {
    PCollectionTuple out = input.apply("PerRecord", ParDo.of(new ChainFn(stageIds, fns, errorTags))
        .withOutputTags(StageOutputs.main(), TupleTagList.of(new ArrayList<>(errorTags))));
    setCoder(out.get(StageOutputs.MAIN), WithErrors.coder(input, outputType));
    for (TupleTag<ErrorRecord> t : errorTags) out.get(t).setCoder(WithErrors.coder(input, ErrorRecord.class));
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void setCoder(PCollection<Object> pc, org.apache.beam.sdk.coders.Coder<?> coder) {
    pc.setCoder((org.apache.beam.sdk.coders.Coder) coder);
  }

  /**
   * Stage {@code i}'s outputs as any stage's tuple: its errors under {@link StageOutputs#ERRORS},
   * and for the last stage its main output under {@link StageOutputs#MAIN}.
   */
  public PCollectionTuple stageOutputs(PCollectionTuple fused, int i) {
    PCollectionTuple t = PCollectionTuple.of(StageOutputs.ERRORS, fused.get(errorTags.get(i)));
    return i == stageIds.size() - 1 ? t.and(StageOutputs.MAIN, fused.get(StageOutputs.MAIN)) : t;
  }

  /** The chain in one DoFn, counting each stage's outputs and errors as it goes. */
  private static final class ChainFn extends DoFn<Object, Object> {
    private final String[] stageIds;
    private final List<RecordFn<Object, Object>> fns;
    private final List<TupleTag<ErrorRecord>> errorTags;
    private final Counter[] outCounts;
    private final Counter[] errorCounts;

    ChainFn(List<String> stageIds, List<RecordFn<Object, Object>> fns, List<TupleTag<ErrorRecord>> errorTags) {
      this.stageIds = stageIds.toArray(String[]::new);
      this.fns = fns;
      this.errorTags = errorTags;
      this.outCounts = stageIds.stream().map(id -> Metrics.counter(id, "out")).toArray(Counter[]::new);
      this.errorCounts = stageIds.stream().map(id -> Metrics.counter(id, "errors")).toArray(Counter[]::new);
    }

    @Setup
    public void setup() throws Exception {
      for (RecordFn<Object, Object> fn : fns) fn.setup();
    }

    @ProcessElement
    public void process(@Element Object record, MultiOutputReceiver out) {
      push(0, record, out);
    }

    /**
     * {@code record} into stage {@code i}. What a stage emits goes on to the next before the
     * stage's next output is made; a failure of a later stage is caught at that stage's own call,
     * so it is never blamed on an earlier one.
     */
    private void push(int i, Object record, MultiOutputReceiver out) {
      if (i == stageIds.length) {
        out.get(StageOutputs.main()).output(record);
        return;
      }
      RecordFn<Object, Object> fn = fns.get(i);
      try {
        fn.apply(record, o -> {
          outCounts[i].inc(PipelineCompiler.CountFn.records(o));
          push(i + 1, o, out);
        }, e -> error(i, e, out));
      } catch (RecordException | RuntimeException e) {
        error(i, WithErrors.failure(stageIds[i], fn, record, e), out);
      }
    }

    private void error(int i, ErrorRecord e, MultiOutputReceiver out) {
      errorCounts[i].inc();
      out.get(errorTags.get(i)).output(e);
    }
  }
}
