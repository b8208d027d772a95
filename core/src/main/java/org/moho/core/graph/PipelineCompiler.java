package org.moho.core.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.RecordBatch;
import org.moho.core.data.RowBatch;
import org.moho.core.files.WriteLines;
import org.moho.core.spec.InputRef;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;

/**
 * Turns a checked {@link PipelineGraph} into one Beam pipeline: each stage's transform is applied
 * under the stage's id, fed its upstreams in port order; every stage's main and error outputs are
 * counted (Beam metrics {@code ID/out} and {@code ID/errors}); error outputs that no stage reads
 * are written to {@code OUT/errors/ID.jsonl}.
 */
public final class PipelineCompiler {
  private PipelineCompiler() {}

  public static Map<String, PCollectionTuple> compile(PipelineGraph graph, Pipeline pipeline, boolean distributed) {
    Map<String, PCollectionTuple> outputs = new LinkedHashMap<>();
    for (StageNode node : graph.stages()) {
      List<PCollection<?>> ports = new ArrayList<>();
      for (List<InputRef> refs : node.ports()) {
        if (refs.isEmpty()) {
          ports.add(null);
          continue;
        }
        List<PCollection<?>> ups = new ArrayList<>();
        for (InputRef r : refs) {
          PCollectionTuple t = outputs.get(r.stage());
          ups.add(r.errors() ? StageOutputs.errors(t) : StageOutputs.main(t));
        }
        ports.add(ups.size() == 1 ? ups.get(0) : flatten(node.id(), ups));
      }
      StageInputs inputs = new StageInputs(pipeline, ports);
      StageContext ctx = new StageContext(node.id(), graph.spec().folder(), graph.outFolder(), distributed);
      PTransform<StageInputs, PCollectionTuple> transform = create(node.type(), node.config(), ctx);
      PCollectionTuple out = Pipeline.applyTransform(node.id(), inputs, transform);
      outputs.put(node.id(), out);
      StageOutputs.main(out).apply(node.id() + "-count-out", ParDo.of(new CountFn<>(node.id(), "out")));
      PCollection<ErrorRecord> errors = StageOutputs.errors(out);
      errors.apply(node.id() + "-count-errors", ParDo.of(new CountFn<>(node.id(), "errors")));
      if (graph.consumers(node.id(), true).isEmpty()) {
        errors
            .apply(node.id() + "-errors-json", MapElements.into(TypeDescriptors.strings()).via(ErrorJson::toJson))
            .apply(node.id() + "-errors-write", WriteLines.to(graph.outFolder().resolve("errors").resolve(node.id() + ".jsonl"), null));
      }
    }
    return outputs;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static PTransform<StageInputs, PCollectionTuple> create(StageType type, Record config, StageContext ctx) {
    return type.create(config, ctx);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static PCollection<?> flatten(String id, List<PCollection<?>> ups) {
    PCollectionList list = PCollectionList.empty(ups.get(0).getPipeline());
    for (PCollection<?> p : ups) list = list.and(p);
    return (PCollection<?>) list.apply(id + "-inputs", Flatten.pCollections());
  }

  /** Counts records into a Beam counter (a batch counts as the records it holds); outputs nothing. */
  static final class CountFn<T> extends DoFn<T, Void> {
    private final Counter counter;

    CountFn(String stage, String name) {
      this.counter = Metrics.counter(stage, name);
    }

    @ProcessElement
    public void process(@Element T element) {
      counter.inc(records(element));
    }

    static long records(Object element) {
      if (element instanceof RecordBatch b) return b.size();
      if (element instanceof RowBatch b) return b.size();
      return 1;
    }
  }
}
