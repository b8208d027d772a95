package org.moho.core.graph;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.moho.core.spec.PipelineSpec;
import org.moho.core.spec.Problem;

/**
 * A spec that passed every check, ready to become a Beam pipeline: its stages in an order where
 * every stage comes after its inputs, the resolved params, the output folder, and any warnings.
 */
public record PipelineGraph(
    PipelineSpec spec, Map<String, Object> params, Path outFolder, List<StageNode> stages, List<Problem> warnings) {

  public StageNode stage(String id) {
    return stages.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  /** Ids of the stages that read {@code id}'s main output ({@code errors=false}) or its errors. */
  public List<String> consumers(String id, boolean errors) {
    return stages.stream()
        .filter(s -> s.inputs().stream().anyMatch(r -> r.stage().equals(id) && r.errors() == errors))
        .map(StageNode::id)
        .toList();
  }
}
