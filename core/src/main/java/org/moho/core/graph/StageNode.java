package org.moho.core.graph;

import java.util.List;
import org.moho.core.spec.InputRef;
import org.moho.core.spec.StageSpec;
import org.moho.core.stage.StageType;

/** A checked stage: its spec, its type, its bound config and its inputs in port order. */
public record StageNode(StageSpec spec, StageType<?> type, Record config, List<List<InputRef>> ports) {
  public String id() {
    return spec.id();
  }

  public String use() {
    return spec.use();
  }

  public List<InputRef> inputs() {
    return ports.stream().flatMap(List::stream).toList();
  }
}
