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
import org.moho.core.data.RecordBatch;
import org.moho.core.data.RowBatch;
import org.moho.core.files.WriteLines;
import org.moho.core.spec.InputRef;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;

/**
 * Turns a checked {@link PipelineGraph} into one Beam pipeline: each stage's transform is applied
 * under the stage's id, fed its upstreams in port order; every stage's main and error outputs are
 * counted (Beam metrics {@code ID/out} and {@code ID/errors}); error outputs that no stage reads
 * are written to {@code OUT/errors/ID.jsonl}. A chain of {@link PerRecordStage}s, each the only
 * reader of the one before, runs as one step ({@link FusedStages}, named by the ids joined with
 * {@code +}), with the same outputs, errors and counts as when they run apart.
 */
public final class PipelineCompiler {
  private PipelineCompiler() {}

  public static Map<String, PCollectionTuple> compile(PipelineGraph graph, Pipeline pipeline, boolean distributed) {
    Map<String, PCollectionTuple> outputs = new LinkedHashMap<>();
    for (StageNode node : graph.stages()) {
      if (outputs.containsKey(node.id())) continue; // compiled with the chain it belongs to
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
      List<Link> chain = chainFrom(graph, node, distributed);
      if (chain.isEmpty()) {
        applyStage(graph, node, inputs, distributed, outputs);
      } else {
        applyChain(chain, inputs, outputs);
      }
      for (StageNode n : chain.isEmpty() ? List.of(node) : chain.stream().map(Link::node).toList()) {
        if (graph.consumers(n.id(), true).isEmpty()) {
          StageOutputs.errors(outputs.get(n.id()))
              .apply(n.id() + "-errors-json", MapElements.into(TypeDescriptors.strings()).via(ErrorJson::toJson))
              .apply(n.id() + "-errors-write", WriteLines.to(graph.outFolder().resolve("errors").resolve(n.id() + ".jsonl"), null));
        }
      }
    }
    return outputs;
  }

  /** One stage's own transform, its outputs counted by two more steps. */
  private static void applyStage(PipelineGraph graph, StageNode node, StageInputs inputs, boolean distributed,
      Map<String, PCollectionTuple> outputs) {
    PTransform<StageInputs, PCollectionTuple> transform = create(node.type(), node.config(), context(graph, node, distributed));
    PCollectionTuple out = Pipeline.applyTransform(node.id(), inputs, transform);
    outputs.put(node.id(), out);
    StageOutputs.main(out).apply(node.id() + "-count-out", ParDo.of(new CountFn<>(node.id(), "out")));
    StageOutputs.errors(out).apply(node.id() + "-count-errors", ParDo.of(new CountFn<>(node.id(), "errors")));
  }

  /** A chain of per-record stages as one step, which counts each stage's outputs itself. */
  private static void applyChain(List<Link> chain, StageInputs inputs, Map<String, PCollectionTuple> outputs) {
    List<String> ids = chain.stream().map(l -> l.node().id()).toList();
    List<RecordFn<?, ?>> fns = chain.stream().<RecordFn<?, ?>>map(Link::fn).toList();
    FusedStages fused = FusedStages.of(ids, fns, recordOutput(chain.get(chain.size() - 1).node()));
    PCollectionTuple out = Pipeline.applyTransform(String.join("+", ids), inputs, new PTransform<StageInputs, PCollectionTuple>() {
      @Override
      public PCollectionTuple expand(StageInputs in) {
        return in.<Object>get(0).apply(fused);
      }
    });
    for (int i = 0; i < chain.size(); i++) outputs.put(ids.get(i), fused.stageOutputs(out, i));
  }

  /** A stage of a chain with its per-record function. */
  private record Link(StageNode node, RecordFn<?, ?> fn) {}

  /** The per-record stages from {@code node} on that run as one step; empty when {@code node} is not one. */
  private static List<Link> chainFrom(PipelineGraph graph, StageNode node, boolean distributed) {
    List<Link> chain = new ArrayList<>();
    for (StageNode n = node; n != null; n = next(graph, n)) {
      RecordFn<?, ?> fn = recordFn(n, graph, distributed);
      if (fn == null) break;
      chain.add(new Link(n, fn));
    }
    return chain;
  }

  private static StageContext context(PipelineGraph graph, StageNode node, boolean distributed) {
    return new StageContext(node.id(), graph.spec().folder(), graph.outFolder(), distributed);
  }

  /**
   * The per-record function of {@code node}, or null when it has none here: not a
   * {@link PerRecordStage}, this configuration needs more than one record at a time, or it reads
   * a port other than the first.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static RecordFn<?, ?> recordFn(StageNode node, PipelineGraph graph, boolean distributed) {
    if (!(node.type() instanceof PerRecordStage stage)) return null;
    if (node.ports().isEmpty() || node.ports().get(0).isEmpty()) return null;
    for (int p = 1; p < node.ports().size(); p++) if (!node.ports().get(p).isEmpty()) return null;
    return stage.recordFn(node.config(), context(graph, node, distributed));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Class<?> recordOutput(StageNode node) {
    return ((PerRecordStage) node.type()).recordOutput(node.config());
  }

  /**
   * The stage that continues {@code node}'s chain: the only reader of its main output, when it
   * reads nothing else; else null. A main output that two stages read stays a step of its own.
   */
  private static StageNode next(PipelineGraph graph, StageNode node) {
    List<String> readers = graph.consumers(node.id(), false);
    if (readers.size() != 1) return null;
    StageNode reader = graph.stages().stream().filter(s -> s.id().equals(readers.get(0))).findFirst().orElseThrow();
    List<InputRef> refs = reader.inputs();
    boolean onlyThis = refs.size() == 1 && refs.get(0).stage().equals(node.id()) && !refs.get(0).errors();
    return onlyThis ? reader : null;
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
