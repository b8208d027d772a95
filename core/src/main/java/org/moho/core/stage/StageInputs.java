package org.moho.core.stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The inputs of a stage, one PCollection per port in declaration order (several upstreams of a
 * {@code many} port are already flattened; an absent optional port is null). A source stage gets
 * an empty one that still knows its pipeline.
 */
public final class StageInputs implements PInput {
  private final Pipeline pipeline;
  private final List<PCollection<?>> ports;

  public StageInputs(Pipeline pipeline, List<PCollection<?>> ports) {
    this.pipeline = pipeline;
    this.ports = Collections.unmodifiableList(new ArrayList<>(ports));
  }

  public static StageInputs none(Pipeline pipeline) {
    return new StageInputs(pipeline, List.of());
  }

  public static StageInputs of(PCollection<?>... inputs) {
    return new StageInputs(inputs[0].getPipeline(), List.of(inputs));
  }

  /** The input on port {@code i}, typed by the caller (the graph checked the element type). */
  @SuppressWarnings("unchecked")
  public <T> PCollection<T> get(int i) {
    return (PCollection<T>) ports.get(i);
  }

  public boolean present(int i) {
    return i < ports.size() && ports.get(i) != null;
  }

  public int size() {
    return ports.size();
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> m = new LinkedHashMap<>();
    for (int i = 0; i < ports.size(); i++) {
      if (ports.get(i) != null) m.put(new TupleTag<>("port" + i), ports.get(i));
    }
    return m;
  }
}
